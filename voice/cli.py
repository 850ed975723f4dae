"""The ``voicecart`` command line.

Each layer registers its own subcommands (``catalog.cli``, ``dialogue.cli``, ``voice.commands``); a
subcommand's handler is called as ``handler(args, ctx)`` with a :class:`Context` and returns an exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from voice.config import Config, ConfigError, load_config

if TYPE_CHECKING:
    from catalog.store import Store
    from dialogue.types import Conversation


class Context:
    """What a subcommand handler gets: the configuration and lazily opened resources."""

    def __init__(self, config: Config):
        self.config = config
        self._store: Store | None = None
        # applied by voice.commands.open_conversation to every session it opens (demo --screen)
        self.wrap_conversation: Callable[[Conversation], Conversation] | None = None

    @property
    def tax_rate_bp(self) -> int:
        from catalog.money import rate_from_percent

        return rate_from_percent(self.config.tax_percent)

    def open_store(self, catalog: str | None = None) -> Store:
        """The configured store, with the configured (or given) catalog loaded into an empty database."""
        if self._store is None:
            from catalog.bundled import open_store

            self._store = open_store(
                self.config.store_location,
                catalog=catalog or self.config.catalog,
                tax_rate_bp=self.tax_rate_bp,
                currency=self.config.currency,
                check_catalog=bool(catalog) or self.config.catalog_set,
            )
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def _config_command(args: argparse.Namespace, ctx: Context) -> int:
    cfg = ctx.config
    print(f"config file: {cfg.source or '(none, defaults)'}")
    print(f"data dir:    {cfg.data_dir}")
    print(f"database:    {cfg.store_display}")
    print(f"catalog:     {cfg.catalog}")
    print(f"tax:         {cfg.tax_percent}%")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from catalog import cli as catalog_cli
    from dialogue import cli as dialogue_cli
    from voice import commands as voice_commands

    parser = argparse.ArgumentParser(
        prog="voicecart",
        description="Local-first voice shopping assistant: speak, and it finds, carts and orders from a catalog.",
    )
    parser.add_argument("--config", help="TOML configuration file (default: $VOICECART_CONFIG or the user config dir)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    cfg_parser = sub.add_parser("config", help="print the configuration in effect")
    cfg_parser.set_defaults(handler=_config_command)
    catalog_cli.register(sub)
    dialogue_cli.register(sub)
    voice_commands.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    return run(build_parser(), argv)


def run(parser: argparse.ArgumentParser, argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` with ``parser``, load the configuration and call the chosen subcommand's handler."""
    args = parser.parse_args(argv)
    handler: Any = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    try:
        cfg = load_config(args.config)
    except ConfigError as exc:
        print(f"voicecart: {exc}", file=sys.stderr)
        return 2
    ctx = Context(cfg)
    try:
        return int(handler(args, ctx))
    except KeyboardInterrupt:
        return 130
    finally:
        ctx.close()


if __name__ == "__main__":
    raise SystemExit(main())
