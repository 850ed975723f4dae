"""Sound devices through sounddevice (PortAudio): microphone capture and speaker playback.

* :class:`Microphone` opens an input device at 16 kHz when it can, else at the device's own rate
  (44.1/48 kHz only devices) and resamples with a streaming soxr resampler; ``read()`` returns 16 kHz mono
  16-bit :class:`~voice.audio.AudioChunk` blocks of ``block_ms``.
* :class:`Speaker` plays a chunk in ``chunk_ms`` (40 ms) pieces and checks a stop event between pieces, so a
  barge-in silences it within one piece; it reports when the first piece went out.
* :func:`find_device` turns ``--device`` (an index, a name fragment, or None for the default) into a
  device index; a missing device or a machine without sound hardware raises :class:`DeviceError` with a
  message saying what to do.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import soxr

from voice.audio import ASR_RATE, AudioChunk


class DeviceError(RuntimeError):
    """No usable sound device; the message says what to check."""


def _sd() -> Any:
    try:
        import sounddevice as sd
    except OSError as exc:  # PortAudio library missing
        raise DeviceError(
            f"PortAudio is not available ({exc}); install libportaudio2 (Debian/Ubuntu: apt-get install libportaudio2)"
        ) from exc
    return sd


def list_devices() -> str:
    """The sound devices PortAudio sees, one a line; :class:`DeviceError` when there are none."""
    sd = _sd()
    try:
        devices = sd.query_devices()
    except sd.PortAudioError as exc:
        raise DeviceError(f"cannot list sound devices: {exc}") from exc
    if len(devices) == 0:
        raise DeviceError(
            "there are no sound devices on this machine (PortAudio found none): connect a microphone and a "
            "speaker or start the sound server (PulseAudio/PipeWire), or use `voicecart run-file` / `voicecart demo`"
        )
    return str(devices)


def find_device(device: str | int | None, kind: str) -> int | None:
    """Index of the input (``kind="input"``) or output device named by ``device``; None = system default."""
    sd = _sd()
    key = "max_input_channels" if kind == "input" else "max_output_channels"
    try:
        devices = list(sd.query_devices())
        if device is None or device == "":
            default = sd.query_devices(kind=kind)
            if not default or default.get(key, 0) < 1:
                raise DeviceError(f"there is no default {kind} device")
            return None
    except sd.PortAudioError as exc:
        raise DeviceError(f"no {kind} device: {exc}. Connect a microphone/speaker or pass --device") from exc
    if not devices or not any(d.get(key, 0) > 0 for d in devices):
        raise DeviceError(
            f"there is no {kind} device on this machine. Connect one, or use `voicecart run-file` / `voicecart demo`"
        )
    if isinstance(device, int) or str(device).isdigit():
        idx = int(device)
        if not 0 <= idx < len(devices) or devices[idx].get(key, 0) < 1:
            raise DeviceError(f"device {idx} is not an {kind} device; see `voicecart listen --list-devices`")
        return idx
    name = str(device).lower()
    for i, d in enumerate(devices):
        if name == str(d["name"]).lower() and d.get(key, 0) > 0:
            return i
    for i, d in enumerate(devices):
        if name in str(d["name"]).lower() and d.get(key, 0) > 0:
            return i
    raise DeviceError(f"no {kind} device matches {device!r}; see `voicecart listen --list-devices`")


def _pick_rate(device: int | None, kind: str, wanted: int) -> int:
    """``wanted`` if the device accepts it, else its default rate (we resample)."""
    sd = _sd()
    check = sd.check_input_settings if kind == "input" else sd.check_output_settings
    try:
        check(device=device, samplerate=wanted, channels=1, dtype="int16")
        return wanted
    except (sd.PortAudioError, ValueError):
        pass
    try:
        info = sd.query_devices(device, kind=kind)
        rate = int(info["default_samplerate"])
        check(device=device, samplerate=rate, channels=1, dtype="int16")
        return rate
    except (sd.PortAudioError, ValueError) as exc:
        raise DeviceError(f"the {kind} device accepts neither {wanted} Hz nor its default rate: {exc}") from exc


class Microphone:
    """Capture at 16 kHz mono; use as a context manager; ``read()`` blocks for the next block."""

    def __init__(
        self,
        device: str | int | None = None,
        *,
        block_ms: int = 30,
        rate: int = ASR_RATE,
        device_rate: int | None = None,  # force the capture rate (e.g. 48000 for a card that only does that)
    ):
        self.device = find_device(device, "input")
        self.rate = rate
        self.device_rate = device_rate or _pick_rate(self.device, "input", rate)
        self.block_ms = block_ms
        self._q: queue.Queue[np.ndarray] = queue.Queue()
        self._resampler = (
            soxr.ResampleStream(self.device_rate, rate, 1, dtype="float32") if self.device_rate != rate else None
        )
        self._stream: Any = None
        self._t_ms = 0.0
        self.overflows = 0

    def _callback(self, indata: np.ndarray, frames: int, t: Any, status: Any) -> None:
        if status:
            self.overflows += 1
        self._q.put(indata[:, 0].copy())  # unbounded: nothing said while the model warms up is lost

    def start(self) -> Microphone:
        sd = _sd()
        try:
            self._stream = sd.InputStream(
                device=self.device,
                samplerate=self.device_rate,
                channels=1,
                dtype="int16",
                blocksize=self.device_rate * self.block_ms // 1000,
                callback=self._callback,
            )
            self._stream.start()
        except sd.PortAudioError as exc:
            raise DeviceError(f"cannot open the microphone: {exc}. Check it is connected and not in use") from exc
        return self

    def read(self, timeout: float | None = 1.0) -> AudioChunk | None:
        """The next block (16 kHz mono 16-bit), or None on timeout."""
        try:
            block = self._q.get(timeout=timeout)
        except queue.Empty:
            return None
        if self._resampler is not None:
            f = self._resampler.resample_chunk(block.astype(np.float32) / 32768.0)
            chunk = AudioChunk.from_float32(f, self.rate, timestamp=int(self._t_ms))
        else:
            chunk = AudioChunk(self.rate, 2, 1, block.astype("<i2").tobytes(), int(self._t_ms))
        self._t_ms += chunk.milliseconds
        return chunk

    def drain(self) -> None:
        """Drop what was captured so far (e.g. our own greeting in half-duplex mode)."""
        while True:
            try:
                self._q.get_nowait()
            except queue.Empty:
                return

    def stop(self) -> None:
        if self._stream is not None:
            try:
                self._stream.stop()
                self._stream.close()
            finally:
                self._stream = None

    def __enter__(self) -> Microphone:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class Speaker:
    """Playback in ``chunk_ms`` pieces, interruptible between pieces.

    Two ways to use it: :meth:`play` blocks until the chunk has played (or ``stop`` is set); the kiosk loop
    instead uses :meth:`start` / :meth:`stop` / :attr:`active` / :attr:`played_ms` / :attr:`started_at`
    on one output stream that stays open (a PortAudio callback pulls the reply, silence when there is
    none), so nothing blocks the loop that reads the microphone. ``started_at`` is ``clock()`` when the
    first piece of the current reply was handed to the device: the loop's "first audio" moment."""

    def __init__(
        self,
        device: str | int | None = None,
        *,
        rate: int = ASR_RATE,
        chunk_ms: int = 40,
        clock: Callable[[], float] = time.perf_counter,
        latency: str | float = "low",  # PortAudio's output latency: "low" for barge-in, "high" rides out a busy CPU
    ):
        self.device = find_device(device, "output")
        self.latency = latency
        self.underflows = 0  # pieces :meth:`play` wrote after the device had run dry (a gap in what was heard)
        self.rate = _pick_rate(self.device, "output", rate)
        self.chunk_ms = chunk_ms
        self.clock = clock
        self._lock = threading.Lock()
        self._state = threading.Lock()
        self._stream: Any = None
        self._buf = b""
        self._pos = 0
        self._started_at: float | None = None

    # -- non-blocking playback (the kiosk loop) ---------------------------------------------------------
    def _out(self, outdata: Any, frames: int, t: Any, status: Any) -> None:
        want = frames * 2
        with self._state:
            piece = self._buf[self._pos : self._pos + want]
            if piece and self._pos == 0:
                self._started_at = self.clock()
            self._pos += len(piece)
        outdata[: len(piece)] = piece
        if len(piece) < want:
            outdata[len(piece) :] = bytes(want - len(piece))

    def start(self, chunk: AudioChunk) -> None:
        """Start playing ``chunk`` (replacing whatever plays) and return at once."""
        audio = chunk.convert(self.rate, 2, 1).audio
        with self._state:
            self._buf, self._pos, self._started_at = audio, 0, None
        if self._stream is None:
            sd = _sd()
            try:
                self._stream = sd.RawOutputStream(
                    device=self.device, samplerate=self.rate, channels=1, dtype="int16",
                    blocksize=self.rate * self.chunk_ms // 1000, latency="low", callback=self._out,
                )
                self._stream.start()
            except sd.PortAudioError as exc:
                self._stream = None
                raise DeviceError(f"cannot play on the output device: {exc}") from exc

    def stop(self) -> None:
        """Silence from the next piece on (the reply counts as played up to there)."""
        with self._state:
            self._buf = self._buf[: self._pos]

    @property
    def active(self) -> bool:
        with self._state:
            return self._pos < len(self._buf)

    @property
    def played_ms(self) -> float:
        with self._state:
            return 1000.0 * self._pos / (2 * self.rate)

    @property
    def started_at(self) -> float | None:
        with self._state:
            return self._started_at

    def close(self) -> None:
        if self._stream is not None:
            try:
                self._stream.stop()
                self._stream.close()
            finally:
                self._stream = None

    # -- blocking playback ---------------------------------------------------------------------------

    def play(
        self,
        chunk: AudioChunk,
        stop: threading.Event | None = None,
        on_start: Callable[[], None] | None = None,
    ) -> float:
        """Play ``chunk``; return the milliseconds actually played (less than its length if stopped)."""
        sd = _sd()
        audio = chunk.convert(self.rate, 2, 1)
        played = 0.0
        with self._lock:
            try:
                with sd.RawOutputStream(
                    device=self.device, samplerate=self.rate, channels=1, dtype="int16", latency=self.latency
                ) as out:
                    for piece in audio.split(self.chunk_ms):
                        if stop is not None and stop.is_set():
                            break
                        if out.write(piece.audio) and played > 0.0:  # ran dry before this piece
                            self.underflows += 1
                        if played == 0.0 and on_start is not None:
                            on_start()
                        played += piece.milliseconds
                    if stop is not None and stop.is_set():
                        out.abort()
            except sd.PortAudioError as exc:
                raise DeviceError(f"cannot play on the output device: {exc}") from exc
        return played
