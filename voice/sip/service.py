"""Wiring for ``voicecart sip``: one store, one voice pipeline, one SIP engine; a session per call."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from dialogue.types import Conversation
from voice.pipeline import VoicePipeline
from voice.sip.bridge import PhoneCall, PhoneSettings
from voice.sip.engine import SipEngine, SipSettings
from voice.sip.handler import CallInfo
from voice.sip.privacy import prune_jsonl
from voice.trace import open_private

log = logging.getLogger(__name__)

ConversationFactory = Callable[[CallInfo], Conversation]


class EventLog:
    """JSON lines of call events (answer, refuse, turns with latency, hang-up); thread-safe.

    The file is created 0600 (in a 0700 directory when it creates one). With ``retention_days`` the records
    older than that are erased when the log opens and then once an hour while it runs.
    """

    PRUNE_EVERY_S = 3600.0

    def __init__(self, path: str | Path | None, echo: IO[str] | None = None, retention_days: float | None = None):
        self.path = Path(path) if path else None
        self.retention_days = retention_days
        self._lock = threading.Lock()
        self._pruned_at = 0.0
        if self.path is not None and retention_days is not None:
            self._prune()
        self._file: IO[str] | None = open_private(self.path) if self.path is not None else None
        self._echo = echo

    def _prune(self) -> None:
        assert self.path is not None and self.retention_days is not None
        self._pruned_at = time.monotonic()
        try:
            removed = prune_jsonl(self.path, self.retention_days)
        except OSError:
            log.exception("could not apply the retention period to %s", self.path)
            return
        if removed:
            log.info("retention: erased %d event(s) older than %g days", removed, self.retention_days)

    def __call__(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, default=str)
        with self._lock:
            if (self._file is not None and self.retention_days is not None
                    and time.monotonic() - self._pruned_at >= self.PRUNE_EVERY_S):
                self._file.close()
                self._prune()
                assert self.path is not None
                self._file = open_private(self.path)
            if self._file is not None:
                self._file.write(line + "\n")
            if self._echo is not None:
                print(line, file=self._echo, flush=True)

    def close(self) -> None:
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None


def reach_shop_text(shop: dict[str, Any]) -> str:
    """How a caller reaches a person when no transfer target is set, from the ``[shop]`` table."""
    name = str(shop.get("name") or "the shop")
    phone = shop.get("phone")
    hours = shop.get("hours")
    text = f"To talk to a person, please call {name}"
    if phone:
        text += f" at {phone}"
    if hours:
        text += f", {hours}"
    return text + "."


class PhoneBridge:
    """The running bridge: ``start()``, then ``engine.wait()`` or ``stop()``."""

    def __init__(
        self,
        sip: SipSettings,
        phone: PhoneSettings,
        pipeline: VoicePipeline,
        conversations: ConversationFactory,
        events: Callable[[dict[str, Any]], None] | None = None,
    ):
        self.phone = phone
        self.pipeline = pipeline
        self.conversations = conversations
        self.events = events
        self.engine = SipEngine(sip, self._new_call, on_event=events)
        self.calls: list[PhoneCall] = []

    def _emit(self, event: str, **fields: Any) -> None:
        self.engine.emit(event, **fields)

    def _new_call(self, info: CallInfo) -> PhoneCall:
        call = PhoneCall(self.pipeline, self.conversations(info), info, self.phone, on_event=self._emit)
        self.calls.append(call)
        del self.calls[:-64]
        return call

    def warm_up(self) -> None:
        """Synthesize the fixed phrases once so the first caller does not wait for them (the TTS caches them)."""
        p = self.phone
        for text in (p.notice, p.reprompt, p.goodbye_silent, f"{p.reach_shop} Goodbye."):
            try:
                self.pipeline.speak(text)
            except Exception:  # noqa: BLE001 - a missing voice shows up on the first call, with its error
                log.exception("could not pre-synthesize %r", text)

    def start(self) -> None:
        self.warm_up()
        self.engine.start()

    def stop(self) -> None:
        self.engine.stop()
        self.pipeline.close()
