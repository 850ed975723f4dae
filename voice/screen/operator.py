"""The operator view's state, read from the phone bridge's events file (``voicecart sip ... --events FILE``).

The bridge appends one JSON object per line (``voice/sip/service.py``, ``EventLog``); this module follows the
file as it grows (and starts over when retention rewrites it) and folds the records into what an operator
needs: the calls in progress (caller redacted to the last four digits, state, last transcript and reply,
order), recent orders, recent refusals and recent ended calls. Nothing is written back to the bridge.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any

from voice.screen.hub import Hub
from voice.sip.privacy import redact_number

START_TAIL_BYTES = 2 * 1024 * 1024  # at start, the last 2 MiB of a long file is enough for "recent"
RECENT = 20
MAX_TEXT = 300

_CALL_STATE = {
    "incoming": "ringing",
    "answered": "talking",
    "turn": "talking",
    "reprompt": "talking",
    "barge_in": "talking",
    "silent_caller": "silent caller",
    "transfer": "handing to a person",
    "transfer_sent": "handing to a person",
    "transfer_failed": "hand-off failed",
}


def _text(value: Any) -> str:
    text = " ".join(str(value or "").split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _clock(t: Any) -> str:
    try:
        return time.strftime("%H:%M:%S", time.localtime(float(t)))
    except (TypeError, ValueError, OverflowError):
        return ""


class OperatorState:
    """Calls, orders, refusals folded from event records (``apply`` one record at a time)."""

    def __init__(self) -> None:
        self.live: dict[str, dict[str, Any]] = {}
        self.ended: deque[dict[str, Any]] = deque(maxlen=RECENT)
        self.orders: deque[dict[str, Any]] = deque(maxlen=RECENT)
        self.refusals: deque[dict[str, Any]] = deque(maxlen=RECENT)
        self.bridge = "unknown"
        self.records = 0

    def _call(self, key: str, rec: dict[str, Any]) -> dict[str, Any]:
        call = self.live.get(key)
        if call is None:
            call = self.live[key] = {"call": key, "caller": "", "state": "ringing", "since": _clock(rec.get("t")),
                                     "transcript": "", "reply": "", "order": None, "turns": 0}
        return call

    def apply(self, rec: dict[str, Any]) -> None:
        self.records += 1
        event = str(rec.get("event", ""))
        key = str(rec.get("call") or "")
        if event == "listening":
            self.bridge = "running"
        elif event == "stopped":
            self.bridge = "stopped"
            for k in list(self.live):
                self._end(k, {"t": rec.get("t"), "reason": "bridge stopped"})
        elif event == "refused":
            self.refusals.appendleft({"at": _clock(rec.get("t")), "status": rec.get("status"),
                                      "reason": _text(rec.get("reason") or ("dropped" if rec.get("dropped") else "")),
                                      "source": _text(rec.get("source") or "")})
            if key in self.live:
                self._end(key, rec)
        elif event == "ended" and key:
            if key in self.live:
                self._end(key, rec)
        elif key and event in _CALL_STATE:
            call = self._call(key, rec)
            call["state"] = _CALL_STATE[event]
            if rec.get("caller"):
                call["caller"] = redact_number(str(rec["caller"]))  # again: --log-personal files carry numbers
            if event == "turn":
                if rec.get("transcript"):
                    call["transcript"] = _text(rec.get("transcript"))
                    call["turns"] += 1
                call["reply"] = _text(rec.get("reply"))
                if rec.get("order"):
                    call["order"] = str(rec["order"])
                    self.orders.appendleft({"order": str(rec["order"]), "at": _clock(rec.get("t")),
                                            "caller": call["caller"], "call": key})

    def _end(self, key: str, rec: dict[str, Any]) -> None:
        call = self.live.pop(key)
        call["state"] = "ended"
        call["ended"] = _clock(rec.get("t"))
        call["reason"] = _text(rec.get("reason") or "")
        self.ended.appendleft(call)

    def snapshot(self, source: str) -> dict[str, Any]:
        return {
            "kind": "operator",
            "source": source,
            "bridge": self.bridge,
            "records": self.records,
            "live": list(self.live.values()),
            "ended": list(self.ended),
            "orders": list(self.orders),
            "refusals": list(self.refusals),
        }


class OperatorFeed:
    """Follows an events file on a thread and publishes the operator snapshot to its :class:`Hub`."""

    def __init__(self, path: str | Path, *, poll_s: float = 0.2):
        self.path = Path(path)
        self.poll_s = poll_s
        self.hub = Hub()
        self.state = OperatorState()
        self._pos = 0
        self._ino: int | None = None
        self._partial = b""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.poll()
        self._publish()

    def _publish(self) -> None:
        self.hub.publish(self.state.snapshot(self.path.name))

    def poll(self) -> bool:
        """Read what was appended since the last poll; True if anything changed."""
        try:
            st = os.stat(self.path)
        except OSError:
            return False
        if self._ino is not None and (st.st_ino != self._ino or st.st_size < self._pos):
            self.state = OperatorState()  # rewritten (retention) or truncated: read it again from the start
            self._pos, self._partial = 0, b""
        first = self._ino is None
        self._ino = st.st_ino
        if st.st_size == self._pos:
            return False
        with open(self.path, "rb") as f:
            if first and st.st_size > START_TAIL_BYTES:
                f.seek(st.st_size - START_TAIL_BYTES)
                f.readline()  # a partial line
            else:
                f.seek(self._pos)
            data = self._partial + f.read()
            self._pos = f.tell()
        *lines, self._partial = data.split(b"\n")
        for raw in lines:
            try:
                rec = json.loads(raw)
            except ValueError:
                continue
            if isinstance(rec, dict):
                self.state.apply(rec)
        return True

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="operator-feed", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.poll_s):
            try:
                if self.poll():
                    self._publish()
            except OSError:
                continue

    def close(self) -> None:
        self._stop.set()
        self.hub.close()
        if self._thread is not None:
            self._thread.join(timeout=5)
