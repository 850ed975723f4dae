"""What a call is about to say: a frame queue read by PJSIP's media clock, written by the call's worker.

Each queued clip may carry a callback that fires when its first frame goes out (the turn-latency mark: the
frame handed to PJSIP is encoded and sent as RTP in the same 20 ms tick) and a flag saying whether the
caller may interrupt it. The worker waits on :meth:`wait_idle` to know that a notice has been heard in full.
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from voice.sip.handler import FRAME_BYTES

OnFirstFrame = Callable[[float], None]


@dataclass
class _Clip:
    frames: collections.deque[bytes]
    interruptible: bool
    on_first_frame: OnFirstFrame | None
    started: bool = False


class Playout:
    def __init__(self) -> None:
        self._clips: collections.deque[_Clip] = collections.deque()
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self.last_frame_at = time.monotonic()

    def queue(self, pcm: bytes, *, interruptible: bool = True, on_first_frame: OnFirstFrame | None = None) -> None:
        """Queue 16 kHz mono s16le audio; the last partial frame is padded with silence."""
        if len(pcm) % FRAME_BYTES:
            pcm = pcm + bytes(FRAME_BYTES - len(pcm) % FRAME_BYTES)
        frames = collections.deque(pcm[i : i + FRAME_BYTES] for i in range(0, len(pcm), FRAME_BYTES))
        with self._lock:
            if frames:
                self._clips.append(_Clip(frames, interruptible, on_first_frame))
            elif on_first_frame is not None:
                on_first_frame(time.perf_counter())

    def next_frame(self) -> bytes | None:
        """Called every 20 ms on the media thread."""
        fire: OnFirstFrame | None = None
        with self._lock:
            while self._clips and not self._clips[0].frames:
                self._clips.popleft()
            if not self._clips:
                self._idle.notify_all()
                return None
            clip = self._clips[0]
            frame = clip.frames.popleft()
            if not clip.started:
                clip.started = True
                fire = clip.on_first_frame
            if not clip.frames:
                self._clips.popleft()
            self.last_frame_at = time.monotonic()
            if not self._clips:
                self._idle.notify_all()
        if fire is not None:
            fire(time.perf_counter())
        return frame

    @property
    def busy(self) -> bool:
        with self._lock:
            return any(c.frames for c in self._clips)

    @property
    def uninterruptible(self) -> bool:
        with self._lock:
            return any(c.frames and not c.interruptible for c in self._clips)

    def interrupt(self) -> int:
        """Drop interruptible audio (a barge-in); returns how many frames were dropped."""
        with self._lock:
            kept = collections.deque(c for c in self._clips if not c.interruptible)
            dropped = sum(len(c.frames) for c in self._clips if c.interruptible)
            self._clips = kept
            return dropped

    def clear(self) -> None:
        with self._lock:
            self._clips.clear()
            self._idle.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Block until everything queued has been played (or ``timeout`` seconds)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while any(c.frames for c in self._clips):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._idle.wait(min(left, 0.1))
            return True
