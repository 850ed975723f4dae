"""Who may call and how many at once (403 outside the allow list, 486 past the call limit), and what is done
with every other request (``admit``): MESSAGE/PUBLISH get 405, SUBSCRIBE 489, a caller's REFER 403."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass


class PolicyError(ValueError):
    """An allow-list entry or limit is not usable; the message names it."""


OUTSIDE_ACTIONS = ("403", "drop")
REFUSED_METHODS = {"MESSAGE": (405, "Method Not Allowed"), "PUBLISH": (405, "Method Not Allowed"),
                   "SUBSCRIBE": (489, "Bad Event")}


@dataclass(frozen=True)
class Verdict:
    """What admission does with one request: ``pass`` it to PJSIP, ``refuse`` (answer ``status``) or ``drop``."""

    action: str
    status: int = 0
    reason: str = ""
    why: str = ""


PASS = Verdict("pass")


def admit(method: str, source_allowed: bool, in_dialog: bool, busy: bool, outside: str = "403",
          hazard: str = "") -> Verdict:
    """Admission for any request. ``busy``: no line free for a new call. ``outside``: "403" or "drop".
    ``hazard``: the body would crash PJSIP (an ACK carrying it is dropped, anything else gets 488)."""
    if not source_allowed:
        if outside == "drop" or method == "ACK":
            return Verdict("drop", 0, "", "outside the allow list")
        return Verdict("refuse", 403, "Forbidden", "outside the allow list")
    if hazard:
        if method == "ACK":
            return Verdict("drop", 0, "", hazard)
        return Verdict("refuse", 488, "Not Acceptable Here", hazard)
    if method in REFUSED_METHODS:
        status, reason = REFUSED_METHODS[method]
        return Verdict("refuse", status, reason, f"{method} is not offered")
    if method == "INVITE" and not in_dialog and busy:
        return Verdict("refuse", 486, "Busy Here", "all lines busy")
    return PASS


@dataclass(frozen=True)
class Decision:
    accept: bool
    status_code: int  # 200 when accepted; 403 or 486 otherwise
    reason: str


def source_host(source: str) -> str:
    """``"127.0.0.1:5060"`` / ``"[::1]:5060"`` / ``"::1"`` -> the host part."""
    text = source.strip()
    if text.startswith("["):
        return text[1 : text.index("]")] if "]" in text else text[1:]
    if text.count(":") == 1:
        return text.split(":", 1)[0]
    return text


class CallPolicy:
    """Admission control for incoming INVITEs. An empty allow list admits every source."""

    def __init__(self, allow: Iterable[str] = (), max_calls: int = 4):
        if max_calls < 1:
            raise PolicyError(f"--max-calls must be at least 1 (got {max_calls})")
        self.max_calls = max_calls
        self.networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        for entry in allow:
            try:
                self.networks.append(ipaddress.ip_network(entry.strip(), strict=False))
            except ValueError as exc:
                raise PolicyError(f"--allow {entry!r} is not an address or CIDR network (e.g. 10.0.0.0/8)") from exc

    def allowed(self, source: str) -> bool:
        if not self.networks:
            return True
        try:
            addr = ipaddress.ip_address(source_host(source))
        except ValueError:
            return False
        return any(addr in net for net in self.networks)

    def decide(self, source: str, active_calls: int) -> Decision:
        if not self.allowed(source):
            return Decision(False, 403, f"source {source} is outside the allow list")
        if active_calls >= self.max_calls:
            return Decision(False, 486, f"{active_calls} calls in progress (limit {self.max_calls})")
        return Decision(True, 200, "accepted")
