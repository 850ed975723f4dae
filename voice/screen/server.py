"""The screen's web server: stdlib ``http.server`` on loopback, static files from the package, server-sent events.

Routes:

- ``GET /`` the kiosk page, ``GET /operator`` the operator view, ``GET /static/NAME`` their CSS and JS;
- ``GET /events`` and ``GET /operator/events``: server-sent events, one whole snapshot per message, the
  current one first (so a reload, a second tab or a reconnect shows the state at once); ``retry: 1000``
  makes a dropped stream reconnect within a second;
- ``GET /api/state``, ``GET /api/operator``: the snapshot as JSON;
- ``POST /api/press`` ``{"button": "confirm"|"change", "turn": N}``: a button, as a keypad turn through the
  session (409 with the current state when ``N`` is not the turn on screen now or no read-back waits);
- ``POST /api/say`` ``{"text": ...}``: a typed turn (text mode only).

Only loopback addresses are served; requests must name a loopback ``Host`` (no DNS rebinding), and POSTs must
be JSON from the page's own origin (a page elsewhere cannot press the button). No CDN, no build step: every
file is in ``voice/screen/static``.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from voice.screen.hub import Closed, Hub, KioskScreen
from voice.screen.operator import OperatorFeed

STATIC = Path(__file__).with_name("static")
TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png"}
KEEPALIVE_S = 10.0
MAX_BODY = 8192
CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class ScreenServer:
    """Serves a :class:`KioskScreen` and/or an :class:`OperatorFeed` on ``http://127.0.0.1:PORT/``."""

    def __init__(self, kiosk: KioskScreen | None = None, operator: OperatorFeed | None = None, *,
                 host: str = "127.0.0.1", port: int = 0):
        if not is_loopback(host):
            raise ValueError(f"the screen serves loopback only (127.0.0.1, ::1), not {host!r}")
        if kiosk is None and operator is None:
            raise ValueError("nothing to serve: no kiosk and no operator events")
        self.kiosk = kiosk
        self.operator = operator
        self.files = {p.name: p for p in STATIC.iterdir() if p.suffix in TYPES}
        handler = type("Handler", (_Handler,), {"screen": self})
        server_class = _Server6 if ":" in host else ThreadingHTTPServer
        self.httpd = server_class((host, port), handler)
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    @property
    def url(self) -> str:
        host = str(self.httpd.server_address[0])
        return f"http://{'[' + host + ']' if ':' in host else host}:{self.port}/"

    def start(self) -> ScreenServer:
        if self.operator is not None:
            self.operator.start()
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="screen-http", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving and end the open streams; the kiosk state lives on (a new server may serve it)."""
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join(timeout=5)
        self.drop_clients()
        if self.operator is not None:
            self.operator.close()
        self.httpd.server_close()

    def _hubs(self) -> list[Hub]:
        return [x.hub for x in (self.kiosk, self.operator) if x is not None]

    def drop_clients(self) -> None:
        """End every open event stream now (the pages reconnect); for tests and restarts."""
        for hub in self._hubs():
            hub.drop_clients()

    def __enter__(self) -> ScreenServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Server6(ThreadingHTTPServer):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    screen: ScreenServer
    server_version = "voicecart-screen"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        return  # the console belongs to the conversation

    # --- helpers -------------------------------------------------------------------------------------
    def _headers(self, status: int, ctype: str, length: int | None = None, *, cache: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "max-age=60" if cache else "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", CSP)
        self.end_headers()

    def _send(self, status: int, body: bytes, ctype: str, *, cache: bool = False) -> None:
        self._headers(status, ctype, len(body), cache=cache)
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data).encode(), "application/json")

    def _error(self, status: HTTPStatus, text: str = "") -> None:
        self._send(status, (text or status.phrase).encode() + b"\n", "text/plain; charset=utf-8")

    def _host_ok(self) -> bool:
        host = self.headers.get("Host", "")
        name = urlsplit(f"http://{host}").hostname or ""
        return is_loopback(name)

    # --- GET ----------------------------------------------------------------------------------------
    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        if not self._host_ok():
            return self._error(HTTPStatus.MISDIRECTED_REQUEST, "loopback host names only")
        path = urlsplit(self.path).path
        kiosk, operator = self.screen.kiosk, self.screen.operator
        if path in ("/", "/index.html"):
            if kiosk is None:
                self.send_response(HTTPStatus.FOUND)
                self.send_header("Location", "/operator")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            return self._file("kiosk.html")
        if path == "/operator":
            return self._file("operator.html") if operator is not None else self._error(HTTPStatus.NOT_FOUND)
        if path.startswith("/static/"):
            return self._file(path.removeprefix("/static/"), cache=True)
        if path == "/events" and kiosk is not None:
            return self._stream(kiosk.hub)
        if path == "/operator/events" and operator is not None:
            return self._stream(operator.hub)
        if path == "/api/state" and kiosk is not None:
            return self._json(200, kiosk.hub.snapshot())
        if path == "/api/operator" and operator is not None:
            return self._json(200, operator.hub.snapshot())
        if path == "/favicon.ico":
            return self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon")
        return self._error(HTTPStatus.NOT_FOUND)

    def _file(self, name: str, *, cache: bool = False) -> None:
        p = self.screen.files.get(name)
        if p is None:
            return self._error(HTTPStatus.NOT_FOUND)
        return self._send(200, p.read_bytes(), TYPES[p.suffix], cache=cache)

    def _stream(self, hub: Hub) -> None:
        self._headers(200, "text/event-stream; charset=utf-8")
        generation = hub.generation
        try:
            self.wfile.write(b"retry: 1000\n\n")
            data: dict[str, Any] | None = hub.snapshot()
            sent = -1
            while True:
                if data is not None:
                    sent = int(data.get("version", 0))
                    self.wfile.write(f"id: {sent}\ndata: {json.dumps(data)}\n\n".encode())
                else:
                    self.wfile.write(b": keep-alive\n\n")  # a dead client shows up as a failed write
                self.wfile.flush()
                data = hub.wait(sent, generation, KEEPALIVE_S)
        except (Closed, BrokenPipeError, ConnectionResetError, TimeoutError):
            pass
        self.close_connection = True

    # --- POST ---------------------------------------------------------------------------------------
    def do_POST(self) -> None:
        if not self._host_ok():
            return self._error(HTTPStatus.MISDIRECTED_REQUEST, "loopback host names only")
        origin = self.headers.get("Origin")
        if origin is not None and origin != f"http://{self.headers.get('Host', '')}":
            return self._error(HTTPStatus.FORBIDDEN, "not from this page")
        if (self.headers.get("Content-Type") or "").split(";")[0].strip() != "application/json":
            return self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "JSON only")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 < length <= MAX_BODY:
            return self._error(HTTPStatus.BAD_REQUEST, "a small JSON body is required")
        try:
            body = json.loads(self.rfile.read(length))
        except ValueError:
            return self._error(HTTPStatus.BAD_REQUEST, "not JSON")
        if not isinstance(body, dict):
            return self._error(HTTPStatus.BAD_REQUEST, "a JSON object is required")
        kiosk = self.screen.kiosk
        path = urlsplit(self.path).path
        if kiosk is None:
            return self._error(HTTPStatus.NOT_FOUND)
        if path == "/api/press":
            button, turn = body.get("button"), body.get("turn")
            if button not in ("confirm", "change") or not isinstance(turn, int) or isinstance(turn, bool):
                return self._error(HTTPStatus.BAD_REQUEST, "button must be confirm or change, turn a number")
            reply = kiosk.press(button, turn)
            status = HTTPStatus.OK if reply is not None else HTTPStatus.CONFLICT
            return self._json(status, {"accepted": reply is not None, "state": kiosk.hub.snapshot()})
        if path == "/api/say":
            text = body.get("text")
            if not kiosk.typing:
                return self._error(HTTPStatus.FORBIDDEN, "typing is off (voicecart screen turns it on)")
            if not isinstance(text, str) or not text.strip():
                return self._error(HTTPStatus.BAD_REQUEST, "text is required")
            kiosk.type_text(text)
            return self._json(200, {"accepted": True, "state": kiosk.hub.snapshot()})
        return self._error(HTTPStatus.NOT_FOUND)
