"""The ``voicecart`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from voice.config import ConfigError, load_config


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="voicecart", description=__doc__)
    parser.add_argument("--config", help="TOML configuration file (default: $VOICECART_CONFIG or the user config dir)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("config", help="print the configuration in effect")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        cfg = load_config(args.config)
    except ConfigError as exc:
        print(f"voicecart: {exc}", file=sys.stderr)
        return 2
    if args.command == "config":
        print(f"config file: {cfg.source or '(none, defaults)'}")
        print(f"database:    {cfg.database}")
        print(f"catalog:     {cfg.catalog}")
        return 0
    parser.print_help()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
