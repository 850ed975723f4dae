"""Moving PCM between PJSIP's conference bridge and a :class:`CallHandler`.

``PcmPort`` is an ``AudioMediaPort`` at 16 kHz mono 16-bit, 20 ms frames. PJSIP calls it on its media clock
thread every 20 ms: ``onFrameReceived`` with what the caller said (decoded and resampled by PJSIP) and
``onFrameRequested`` for what to send. Both must return fast, so they only hand bytes over.

Reading ``MediaFrame.buf`` (a SWIG ``std::vector<unsigned char>``) element by element costs ~0.6 ms per
frame in Python; :func:`frame_bytes` reads the vector's storage directly (~5 µs) after a start-up self-check
of the layout, and falls back to the slow, always-correct path if the check fails.
"""

from __future__ import annotations

import ctypes
import logging
import time
from typing import Any

import pjsua2 as pj

from voice.sip.handler import FRAME_BYTES, FRAME_MS, SAMPLE_RATE, CallHandler, NullHandler

log = logging.getLogger(__name__)

_SILENCE = bytes(FRAME_BYTES)
_PTRS = ctypes.POINTER(ctypes.c_void_p)


def _direct_read(vec: Any) -> bytes:
    ptrs = ctypes.cast(int(vec.this), _PTRS)
    begin, end = ptrs[0], ptrs[1]
    if not begin or end is None or end < begin:
        return b""
    return ctypes.string_at(begin, end - begin)


def _slow_read(vec: Any) -> bytes:
    return bytes(vec)


def _pick_reader() -> Any:
    probe = bytes(range(256)) * 2 + bytes(range(128))
    try:
        vec = pj.ByteVector(probe)
        frame = pj.MediaFrame()
        frame.buf = vec
        if _direct_read(vec) == probe and _direct_read(frame.buf) == probe:
            return _direct_read
    except Exception:  # noqa: BLE001 - any surprise means: use the safe path
        log.exception("direct ByteVector read failed its self-check")
    log.warning("using the slow ByteVector copy (about 0.6 ms per 20 ms frame)")
    return _slow_read


frame_bytes = _pick_reader()


def audio_format() -> Any:
    fmt = pj.MediaFormatAudio()
    fmt.type = pj.PJMEDIA_TYPE_AUDIO
    fmt.clockRate = SAMPLE_RATE
    fmt.channelCount = 1
    fmt.bitsPerSample = 16
    fmt.frameTimeUsec = FRAME_MS * 1000
    return fmt


class PcmPort(pj.AudioMediaPort):  # type: ignore[misc]
    """One call's media port. Holds no reference to the call (no cycles; torn down on the SIP thread).

    Lifetime: PJSIP's media clock thread calls ``onFrameReceived``/``onFrameRequested`` through the C++ port
    for as long as the C++ object exists, so every attribute the callbacks read is set *before* the port is
    registered, the callbacks check ``closed`` first, and :meth:`close` (SIP thread, after the call is
    DISCONNECTED) destroys the C++ side explicitly while this Python object is still whole and referenced.
    pjsua2's destructor takes the port's group lock and detaches it, so once ``close`` returns no callback can
    reach Python again, and garbage collection of the (now disowned) Python object touches nothing in PJSIP.
    Leaving the destruction to Python's GC instead lets a media tick run on a half-deallocated object
    (``AttributeError: ... '_last_tick'``, then SIGSEGV).
    """

    def __init__(self, name: str, handler: CallHandler):
        self.closed = True  # until createPort has succeeded
        self.destroyed = False
        self.handler: CallHandler = handler
        self.frames_in = 0
        self.frames_out = 0
        self.max_gap_ms = 0.0  # the longest pause between two media ticks (a starved media thread shows here)
        self._last_tick = 0.0
        super().__init__()
        self.createPort(name, audio_format())
        self.closed = False

    def close(self) -> None:
        """Detach from PJSIP for good (SIP thread). Idempotent; the object stays usable as a record."""
        self.closed = True
        self.handler = NullHandler()
        if self.destroyed:
            return
        self.destroyed = True
        try:
            # pjsua2's ~AudioMediaPort: remove from the conference bridge, then, under the port's group lock,
            # cut the C++ -> Python link. SWIG disowns the object, so GC later does not delete it twice.
            pj.AudioMediaPort.__swig_destroy__(self)
        except Exception:  # noqa: BLE001 - nothing may escape into the SIP loop
            log.exception("could not destroy a media port")

    def onFrameReceived(self, frame: Any) -> None:  # noqa: N802 - PJSIP's name
        if self.closed:
            return
        try:
            if frame.type != pj.PJMEDIA_FRAME_TYPE_AUDIO:
                return
            data = frame_bytes(frame.buf)
            if len(data) != FRAME_BYTES:
                return
            self.frames_in += 1
            self.handler.on_audio(data)
        except Exception:  # noqa: BLE001 - an exception must never cross back into PJSIP's thread
            log.exception("media receive failed")

    def onFrameRequested(self, frame: Any) -> None:  # noqa: N802 - PJSIP's name
        if self.closed:
            frame.type = pj.PJMEDIA_FRAME_TYPE_NONE
            frame.size = 0
            return
        now = time.perf_counter()
        if self._last_tick:
            self.max_gap_ms = max(self.max_gap_ms, (now - self._last_tick) * 1000.0)
        self._last_tick = now
        data: bytes | None = None
        try:
            data = self.handler.next_audio()
        except Exception:  # noqa: BLE001
            log.exception("media send failed")
        if data is None or len(data) != FRAME_BYTES:
            data = _SILENCE
        else:
            self.frames_out += 1
        frame.type = pj.PJMEDIA_FRAME_TYPE_AUDIO
        frame.buf = pj.ByteVector(data)
        frame.size = FRAME_BYTES
