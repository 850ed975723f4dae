"""``--screen`` for ``listen`` and ``demo``, and ``voicecart screen`` (a text kiosk and/or the operator view).

``voicecart screen`` serves the kiosk page over the configured catalog with a text box instead of a
microphone (the same ``Session`` a voice kiosk uses, the same buttons) and, with ``--events FILE``, the
operator view of a phone bridge started with ``voicecart sip ... --events FILE``. ``--no-kiosk`` serves
the operator view alone.
"""

from __future__ import annotations

import argparse
import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dialogue.types import Conversation
    from voice.cli import Context
    from voice.screen.hub import KioskScreen
    from voice.screen.server import ScreenServer

DEFAULT_PORT = 8737


def add_screen_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--screen", action="store_true",
                   help="serve the kiosk screen (heard text, reply, products, cart, order) on http://127.0.0.1")
    p.add_argument("--screen-port", type=int, default=None,
                   help=f"port of the screen on 127.0.0.1 (default {DEFAULT_PORT}; 0 = any free port)")
    p.add_argument("--screen-events", metavar="FILE",
                   help="also serve the operator view (/operator) of a phone bridge's --events FILE")


def screen_port(args: argparse.Namespace, attr: str = "screen_port") -> int:
    port = getattr(args, attr, None)
    port = DEFAULT_PORT if port is None else int(port)
    if not 0 <= port <= 65535:
        raise ValueError(f"not a port: {port}")
    return port


def start_screen(conversation: Conversation, *, port: int, events: str | None = None, typing: bool = False,
                 kiosk: bool = True, echo: bool = True) -> tuple[KioskScreen | None, ScreenServer]:
    """Wrap ``conversation`` for the screen and serve it; returns (the wrapper to use in its place, server)."""
    from voice.screen.hub import KioskScreen
    from voice.screen.operator import OperatorFeed
    from voice.screen.server import ScreenServer

    screen = KioskScreen(conversation, typing=typing) if kiosk else None
    feed = OperatorFeed(events) if events else None
    try:
        server = ScreenServer(screen, feed, port=port).start()
    except OSError as exc:
        raise ValueError(f"cannot serve the screen on 127.0.0.1:{port}: {exc.strerror or exc}") from exc
    if echo:
        where = [f"kiosk screen: {server.url}"] if screen is not None else []
        if feed is not None:
            where.append(f"operator view: {server.url}operator")
        print("; ".join(where), flush=True)
    return screen, server


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("screen", help="the kiosk screen as a text kiosk (no microphone), and/or the operator view")
    p.add_argument("--port", type=int, default=None, help=f"port on 127.0.0.1 (default {DEFAULT_PORT}; 0 = any)")
    p.add_argument("--events", metavar="FILE", help="serve the operator view (/operator) of this bridge events file")
    p.add_argument("--no-kiosk", action="store_true", help="serve the operator view only (needs --events)")
    p.set_defaults(handler=_screen)


def _screen(args: argparse.Namespace, ctx: Context) -> int:
    from voice.commands import open_conversation

    if args.no_kiosk and not args.events:
        print("voicecart: --no-kiosk needs --events FILE", file=sys.stderr)
        return 2
    try:
        port = screen_port(args, "port")
        conversation = None if args.no_kiosk else open_conversation(ctx)
        screen, server = start_screen(conversation, port=port, events=args.events, typing=True,  # type: ignore[arg-type]
                                      kiosk=not args.no_kiosk)
    except ValueError as exc:
        print(f"voicecart: {exc}", file=sys.stderr)
        return 2
    if screen is not None:
        screen.greeting()
        screen.loop_state("ready")
    print("Ctrl-C stops", flush=True)
    try:
        wait_for_ctrl_c()
    finally:
        server.close()
    return 0


def wait_for_ctrl_c() -> None:
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
