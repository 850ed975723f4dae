"""Wiring for ``voicecart sip``: one store, one voice pipeline, one SIP engine; a session per call."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from dialogue.types import Conversation
from voice.pipeline import VoicePipeline
from voice.sip.bridge import PhoneCall, PhoneSettings
from voice.sip.engine import SipEngine, SipSettings
from voice.sip.handler import CallInfo

log = logging.getLogger(__name__)

ConversationFactory = Callable[[CallInfo], Conversation]


class EventLog:
    """JSON lines of call events (answer, refuse, turns with latency, hang-up); thread-safe."""

    def __init__(self, path: str | Path | None, echo: IO[str] | None = None):
        self._file: IO[str] | None = open(path, "a", encoding="utf-8", buffering=1) if path else None  # noqa: SIM115
        self._echo = echo
        self._lock = threading.Lock()

    def __call__(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, default=str)
        with self._lock:
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
