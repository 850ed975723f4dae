"""The kiosk screen: a local web page beside the voice, and the phone bridge's operator view.

``voicecart listen --screen``, ``voicecart demo --screen`` and ``voicecart screen`` (a text kiosk) serve it on
127.0.0.1. :mod:`voice.screen.hub` keeps the state and serialises turns, :mod:`voice.screen.server` serves
the pages and pushes snapshots by server-sent events, :mod:`voice.screen.operator` follows a bridge's events
file. The pages are plain HTML, CSS and JavaScript in ``static/``: no build step, nothing from elsewhere.
"""

from voice.screen.hub import Hub, KioskScreen
from voice.screen.operator import OperatorFeed
from voice.screen.server import ScreenServer

__all__ = ["Hub", "KioskScreen", "OperatorFeed", "ScreenServer"]
