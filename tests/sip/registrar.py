"""A minimal SIP registrar with MD5 digest authentication, for the REGISTER test (loopback only).

No PBX (Asterisk, FreeSWITCH, Kamailio) is installed here, so this plays the registrar's part of RFC 3261
and RFC 2617/7616: challenge with 401, check the digest, answer 200 with the binding's expiry.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import socket
import threading
from typing import Any


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()  # noqa: S324 - SIP digest is MD5


def _headers(msg: str) -> tuple[str, dict[str, str]]:
    lines = msg.split("\r\n")
    out: dict[str, str] = {}
    for line in lines[1:]:
        if not line:
            break
        if ":" in line:
            k, v = line.split(":", 1)
            key = {"v": "via"}.get(k.strip().lower(), k.strip().lower())
            if key == "via" and key in out:  # every Via goes back in the response, in order (RFC 3261 8.2.6)
                out[key] += ", " + v.strip()
            else:
                out.setdefault(key, v.strip())
    return lines[0], out


class Registrar:
    def __init__(self, port: int, user: str, password: str, realm: str = "voicecart-test",
                 grant_expires: int | None = None):
        self.user, self.password, self.realm = user, password, realm
        self.grant_expires = grant_expires  # shorter than asked: the client must refresh sooner
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", port))
        self.sock.settimeout(0.2)
        self.nonce = secrets.token_hex(8)
        self.stats: dict[str, Any] = {"requests": 0, "challenged": 0, "authorized": 0, "rejected": 0, "expires": None,
                                      "bindings": 0, "unregistered": 0}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> dict[str, Any]:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()
        return self.stats

    def _reply(self, hdrs: dict[str, str], addr: tuple[str, int], status: str, extra: str = "") -> None:
        to = hdrs.get("to", "")
        if ";tag=" not in to:
            to += ";tag=reg1"
        msg = (f"SIP/2.0 {status}\r\nVia: {hdrs.get('via', '')}\r\nFrom: {hdrs.get('from', '')}\r\nTo: {to}\r\n"
               f"Call-ID: {hdrs.get('call-id', '')}\r\nCSeq: {hdrs.get('cseq', '')}\r\n{extra}Content-Length: 0\r\n\r\n")
        self.sock.sendto(msg.encode(), addr)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                data, addr = self.sock.recvfrom(65535)
            except (TimeoutError, OSError):
                continue
            start, hdrs = _headers(data.decode(errors="replace"))
            if not start.startswith("REGISTER "):
                continue
            self.stats["requests"] += 1
            uri = start.split()[1]
            auth = hdrs.get("authorization")
            if not auth:
                self.stats["challenged"] += 1
                self._reply(hdrs, addr, "401 Unauthorized",
                            f'WWW-Authenticate: Digest realm="{self.realm}", nonce="{self.nonce}", algorithm=MD5, qop="auth"\r\n')
                continue
            p = dict(re.findall(r'(\w+)="?([^",]*)"?', auth))
            ha1 = _md5(f"{self.user}:{self.realm}:{self.password}")
            ha2 = _md5(f"REGISTER:{p.get('uri', uri)}")
            if p.get("qop"):
                expect = _md5(f"{ha1}:{p.get('nonce')}:{p.get('nc')}:{p.get('cnonce')}:{p.get('qop')}:{ha2}")
            else:
                expect = _md5(f"{ha1}:{p.get('nonce')}:{ha2}")
            if p.get("username") == self.user and p.get("nonce") == self.nonce and p.get("response") == expect:
                self.stats["authorized"] += 1
                expires = hdrs.get("expires", "300")
                if expires == "0" or ";expires=0" in hdrs.get("contact", ""):
                    self.stats["unregistered"] += 1
                else:
                    self.stats["bindings"] += 1
                    self.stats["expires"] = int(expires) if expires.isdigit() else expires
                    if self.grant_expires is not None:
                        expires = str(self.grant_expires)
                self._reply(hdrs, addr, "200 OK", f"Contact: {hdrs.get('contact', '')};expires={expires}\r\n")
            else:
                self.stats["rejected"] += 1
                self._reply(hdrs, addr, "403 Forbidden")
