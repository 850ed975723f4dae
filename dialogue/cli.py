"""Subcommands of this layer for the ``voicecart`` CLI (registered by ``voice.cli``).

``voicecart chat [--catalog cafe|store|PATH] [--script FILE]``: a text conversation with the assistant.
Interactive by default; ``--script`` reads one shopper turn per line (blank lines and ``#`` comments are
skipped) and prints the whole conversation.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from dialogue.types import Action, Reply, TurnMeta


def register(sub: Any) -> None:
    """Add this layer's subcommands to ``sub`` (an argparse subparsers action).

    Each subcommand sets ``handler=fn`` where ``fn(args, ctx) -> int``; ``ctx`` is ``voice.cli.Context``
    (``ctx.config``, ``ctx.open_store()``, ``ctx.tax_rate_bp``).
    """
    p = sub.add_parser("chat", help="talk to the assistant by text (a REPL, or --script FILE)")
    p.add_argument("--catalog", help="bundled catalog (cafe, store) or a catalog file; default: the configured one")
    p.add_argument("--script", help="run the shopper turns in FILE (one per line) and print the conversation")
    p.add_argument("--caller", help="customer reference for orders placed in this chat")
    p.set_defaults(handler=chat_command)


def _open_store(args: argparse.Namespace, ctx: Any) -> Any:
    wanted = args.catalog
    if not wanted or wanted == ctx.config.catalog:
        return ctx.open_store()
    # another catalog than the configured one: its own database beside the configured one
    from catalog.bundled import open_store

    db = Path(ctx.config.database)
    slug = re.sub(r"[^A-Za-z0-9]+", "-", Path(wanted).stem).strip("-") or "catalog"
    path = db.with_name(f"{db.stem}-{slug}{db.suffix or '.sqlite3'}")
    path.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(path, catalog=wanted, tax_rate_bp=ctx.tax_rate_bp, currency=ctx.config.currency)
    ctx._store = store  # closed with the context
    return store


def _show(reply: Reply, out: TextIO) -> None:
    extra = []
    if reply.order_number:
        extra.append(f"order {reply.order_number}")
    for action in reply.actions:
        if action in (Action.HANDOFF, Action.END, Action.ORDER_CANCELLED):
            extra.append(str(action))
    note = f"  [{', '.join(extra)}]" if extra else ""
    print(f"assistant: {reply.text}{note}", file=out, flush=True)


def chat_command(args: argparse.Namespace, ctx: Any) -> int:
    from catalog.errors import CatalogError
    from dialogue.session import Session
    from dialogue.shop import ShopInfo

    try:
        store = _open_store(args, ctx)
    except CatalogError as exc:
        print(f"voicecart chat: {exc}", file=sys.stderr)
        return 2
    llm: dict[str, Any] = {}
    if getattr(ctx.config, "llm", None):  # [llm]: a model for the turns the rules cannot read; else rules alone
        from dialogue.llm import session_options

        llm = session_options(store, ctx.config.llm)
    session = Session(store, shop=ShopInfo.for_store(ctx.config.shop, store), **llm)  # [shop], then the catalog's
    meta = TurnMeta(caller_id=args.caller, channel="text")
    out = sys.stdout
    _show(session.greeting(), out)
    if args.script:
        try:
            lines = Path(args.script).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            print(f"voicecart chat: cannot read script {args.script}: {exc}", file=sys.stderr)
            return 2
        for line in lines:
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            print(f"you: {text}", file=out)
            reply = session.handle(text, meta)
            _show(reply, out)
            if reply.ends_conversation:
                break
        return 0
    print("(type what you would say; Ctrl-D to leave)", file=sys.stderr)
    while True:
        try:
            text = input("you: ")
        except EOFError:
            print(file=out)
            return 0
        reply = session.handle(text, meta)
        _show(reply, out)
        if reply.ends_conversation:
            return 0
