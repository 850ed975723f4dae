"""Per-turn metrics as JSON lines: end of speech -> transcript -> reply text -> first audio out.

A :class:`TurnTrace` collects timestamped stage marks (``time.perf_counter`` seconds) for one turn. All
latencies are reported in milliseconds from the acoustic **end of speech** (the last voiced frame): in a
live stream that moment lies ``endpoint_delay_ms`` (the trailing silence the endpointer waited for) before
the endpoint was declared, so ``speech_end = endpoint - endpoint_delay_ms``.

``TraceWriter(path_or_stream)`` appends one JSON object per turn; it is thread-safe (the SIP bridge shares one).
Trace files hold what callers said: :func:`open_private` creates them (and the events file) 0600, in
directories it creates 0700.
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any


def open_private(path: str | Path, *, append: bool = True) -> IO[str]:
    """Open a text file for writing that only its owner can read: the file is made 0600 (also when it already
    existed with wider permissions), missing parent directories are created 0700 (existing ones are left)."""
    p = Path(path)
    missing = []
    parent = p.parent
    while not parent.exists():
        missing.append(parent)
        parent = parent.parent
    for d in reversed(missing):
        d.mkdir(mode=0o700, exist_ok=True)
        os.chmod(d, 0o700)  # mkdir's mode is filtered by the umask
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
    fd = os.open(p, flags, 0o600)
    try:
        os.fchmod(fd, 0o600)
        return os.fdopen(fd, "a" if append else "w", encoding="utf-8", buffering=1)
    except BaseException:
        os.close(fd)
        raise


STAGES = ("endpoint", "transcript", "reply", "tts", "first_audio")


@dataclass
class TurnTrace:
    turn: int = 0
    session: str = ""
    channel: str = "kiosk"
    endpoint_delay_ms: float = 0.0  # end of speech -> endpoint decision (audio time)
    utterance_ms: float = 0.0
    transcript: str = ""
    raw_transcript: str = ""
    confidence: float | None = None
    rejected: str | None = None
    reply: str = ""
    speculative: str = "none"  # none | reused | discarded
    # none | kept (decoded again, first transcript kept) | used (the second decode's) | sounds_like (a left-out
    # name put in by sound) | respelled (unplaced words respelled by sound) | alternative (another beam
    # candidate of the first decode): voice.second_pass
    second_pass: str = "none"
    decode_ms: float = 0.0
    error: str | None = None
    barged_in: bool = False
    resumed: bool = False  # a false interruption: the cut reply was played again instead
    marks: dict[str, float] = field(default_factory=dict)
    speculative_started: float | None = None  # perf_counter when a reused speculative decode began

    def mark(self, stage: str, at: float | None = None) -> None:
        self.marks[stage] = time.perf_counter() if at is None else at

    @property
    def speech_end(self) -> float | None:
        ep = self.marks.get("endpoint")
        return None if ep is None else ep - self.endpoint_delay_ms / 1000.0

    def since_speech_end(self, stage: str) -> float | None:
        ref = self.speech_end
        at = self.marks.get(stage)
        if ref is None or at is None:
            return None
        return (at - ref) * 1000.0

    def since_endpoint(self, stage: str) -> float | None:
        ep = self.marks.get("endpoint")
        at = self.marks.get(stage)
        if ep is None or at is None:
            return None
        return (at - ep) * 1000.0

    @property
    def latency_ms(self) -> float | None:
        """End of speech -> first reply audio out."""
        return self.since_speech_end("first_audio")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "turn": self.turn,
            "session": self.session,
            "channel": self.channel,
            "utterance_ms": round(self.utterance_ms, 1),
            "endpoint_delay_ms": round(self.endpoint_delay_ms, 1),
            "transcript": self.transcript,
            "confidence": None if self.confidence is None else round(self.confidence, 3),
            "reply": self.reply,
            "speculative": self.speculative,
            "decode_ms": round(self.decode_ms, 1),
        }
        if self.raw_transcript and self.raw_transcript != self.transcript:
            out["raw_transcript"] = self.raw_transcript
        if self.rejected:
            out["rejected"] = self.rejected
        if self.second_pass != "none":
            out["second_pass"] = self.second_pass
        if self.error:
            out["error"] = self.error
        if self.barged_in:
            out["barged_in"] = True
        if self.resumed:
            out["resumed"] = True
        for stage in STAGES[1:]:
            v = self.since_speech_end(stage)
            if v is not None:
                out[f"{stage}_ms"] = round(v, 1)
        return out


class TraceWriter:
    """Append traces as JSON lines to a file or an open text stream."""

    def __init__(self, target: str | Path | IO[str] | None):
        self._lock = threading.Lock()
        self._own = False
        self._stream: IO[str] | None
        if target is None:
            self._stream = None
        elif isinstance(target, (str, Path)):
            self._stream = open_private(target)
            self._own = True
        else:
            self._stream = target

    def write(self, trace: TurnTrace) -> None:
        if self._stream is None:
            return
        line = json.dumps(trace.to_dict(), ensure_ascii=False)
        with self._lock:
            self._stream.write(line + "\n")
            self._stream.flush()

    def close(self) -> None:
        if self._own and self._stream is not None:
            self._stream.close()
        self._stream = None
