"""What the SIP layer asks of whatever runs a call: the per-call handler contract.

The SIP layer (``engine``/``account``/``call``/``media``) knows nothing about speech; it moves 20 ms frames of
16 kHz mono signed 16-bit PCM between PJSIP and a :class:`CallHandler`, reports DTMF and hang-up, and offers
the handler a :class:`CallControl` to hang up or transfer. ``voice.sip.bridge`` is the real handler.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

SAMPLE_RATE = 16000
FRAME_MS = 20
FRAME_SAMPLES = SAMPLE_RATE * FRAME_MS // 1000
FRAME_BYTES = FRAME_SAMPLES * 2


@dataclass(frozen=True)
class CallInfo:
    """Who is calling: ``caller_id`` is the user part of the From URI (or the whole URI when it has none)."""

    call_id: str
    caller_id: str
    remote_uri: str
    source: str  # "ip:port" the INVITE came from


class CallControl(Protocol):
    """Actions a handler may take on its call; safe to call from any thread (they run on the SIP thread)."""

    def hangup(self) -> None: ...

    def transfer(self, target: str) -> None: ...


class CallHandler(Protocol):
    """One call's logic. ``on_audio`` and ``next_audio`` run on PJSIP's media clock thread: never block there."""

    def on_start(self, info: CallInfo, control: CallControl) -> None: ...

    def on_audio(self, pcm: bytes) -> None:
        """One frame (``FRAME_BYTES``) of what the caller says."""
        ...

    def next_audio(self) -> bytes | None:
        """The next frame to play to the caller (``FRAME_BYTES``), or None for silence."""
        ...

    def on_dtmf(self, digit: str) -> None: ...

    def on_transfer_status(self, status_code: int, final: bool) -> None: ...

    def on_hangup(self, reason: str) -> None:
        """The call is over (either side hung up, or it failed); release resources, stop threads."""
        ...


HandlerFactory = Callable[[CallInfo], CallHandler]


def caller_id_from_uri(uri: str) -> str:
    """``"Alice" <sip:+15551234@pbx;tag=x>`` -> ``+15551234``; falls back to the bare URI."""
    text = uri.strip()
    if "<" in text and ">" in text:
        text = text[text.index("<") + 1 : text.index(">")]
    for scheme in ("sips:", "sip:", "tel:"):
        if text.lower().startswith(scheme):
            text = text[len(scheme) :]
            break
    text = text.split(";", 1)[0]
    user = text.split("@", 1)[0] if "@" in text else text
    return user.strip() or uri.strip()


class NullHandler:
    """Hears nothing and plays silence: what a port is left with while its call is torn down."""

    def on_start(self, info: CallInfo, control: CallControl) -> None:
        return None

    def on_audio(self, pcm: bytes) -> None:
        return None

    def next_audio(self) -> bytes | None:
        return None

    def on_dtmf(self, digit: str) -> None:
        return None

    def on_transfer_status(self, status_code: int, final: bool) -> None:
        return None

    def on_hangup(self, reason: str) -> None:
        return None
