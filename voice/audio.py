"""Audio records and conversions: :class:`AudioChunk` plus reading, writing, resampling and validation.

An :class:`AudioChunk` is raw interleaved PCM with its format spelled out (``rate`` in Hz, ``width`` in bytes
per sample, ``channels``) and an optional ``timestamp`` in milliseconds, as in the Wyoming protocol. Width 2
is signed 16-bit little-endian; width 1 is unsigned 8-bit (the WAV convention); width 4 is signed 32-bit.

Conversions go through float32 numpy arrays in ``[-1, 1]``; resampling uses ``soxr`` (no ``audioop``, which
Python 3.13 removed). :func:`speech_input` is the one gate every recording passes before the ASR: it
returns 16 kHz mono 16-bit audio or raises :class:`AudioFormatError` with a message a shop owner can act on.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

ASR_RATE = 16000
ASR_WIDTH = 2
ASR_CHANNELS = 1
DEFAULT_MAX_SECONDS = 60.0


class AudioFormatError(ValueError):
    """The audio cannot be used as it is; the message says what is wrong and what would work."""


@dataclass(frozen=True)
class AudioChunk:
    """A piece of PCM audio with its format (Wyoming-style)."""

    rate: int
    width: int
    channels: int
    audio: bytes = field(repr=False)
    timestamp: int | None = None  # milliseconds since the start of the stream, if known

    def __post_init__(self) -> None:
        if self.rate <= 0:
            raise AudioFormatError(f"sample rate must be positive, got {self.rate}")
        if self.width not in (1, 2, 4):
            raise AudioFormatError(f"sample width must be 1, 2 or 4 bytes, got {self.width}")
        if self.channels <= 0:
            raise AudioFormatError(f"channel count must be positive, got {self.channels}")
        if len(self.audio) % (self.width * self.channels):
            raise AudioFormatError(
                f"{len(self.audio)} bytes is not a whole number of {self.width}-byte x {self.channels}-channel frames"
            )

    def __repr__(self) -> str:
        return (
            f"AudioChunk(rate={self.rate}, width={self.width}, channels={self.channels}, "
            f"ms={self.milliseconds:.0f}, timestamp={self.timestamp})"
        )

    @property
    def frames(self) -> int:
        """Samples per channel."""
        return len(self.audio) // (self.width * self.channels)

    @property
    def seconds(self) -> float:
        return self.frames / self.rate

    @property
    def milliseconds(self) -> float:
        return 1000.0 * self.frames / self.rate

    def to_float32(self) -> np.ndarray:
        """Samples as float32 in [-1, 1], shape ``(frames,)`` for mono, ``(frames, channels)`` otherwise."""
        if self.width == 1:
            data = (np.frombuffer(self.audio, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
        elif self.width == 2:
            data = np.frombuffer(self.audio, dtype="<i2").astype(np.float32) / 32768.0
        else:
            data = (np.frombuffer(self.audio, dtype="<i4").astype(np.float64) / 2147483648.0).astype(np.float32)
        if self.channels > 1:
            data = data.reshape(-1, self.channels)
        return data

    @classmethod
    def from_float32(
        cls, samples: np.ndarray, rate: int, *, width: int = 2, timestamp: int | None = None
    ) -> AudioChunk:
        """Build a chunk from float samples (``(frames,)`` or ``(frames, channels)``), clipping to [-1, 1]."""
        arr = np.asarray(samples, dtype=np.float32)
        if arr.ndim not in (1, 2):
            raise AudioFormatError(f"samples must be 1-D or 2-D, got shape {arr.shape}")
        if arr.size and not np.all(np.isfinite(arr)):
            raise AudioFormatError("the audio contains NaN or infinite samples; it is corrupt")
        channels = 1 if arr.ndim == 1 else int(arr.shape[1])
        flat = arr.reshape(-1).astype(np.float64)
        # the inverse of to_float32 (scale 2**(8*width-1)), so int -> float -> int is exact
        if width == 1:
            raw = np.clip(np.round(flat * 128.0 + 128.0), 0, 255).astype(np.uint8).tobytes()
        elif width == 2:
            raw = np.clip(np.round(flat * 32768.0), -32768, 32767).astype("<i2").tobytes()
        elif width == 4:
            raw = np.clip(np.round(flat * 2147483648.0), -2147483648, 2147483647).astype("<i4").tobytes()
        else:
            raise AudioFormatError(f"sample width must be 1, 2 or 4 bytes, got {width}")
        return cls(rate=rate, width=width, channels=channels, audio=raw, timestamp=timestamp)

    @classmethod
    def from_int16(cls, samples: np.ndarray, rate: int, *, timestamp: int | None = None) -> AudioChunk:
        arr = np.asarray(samples)
        channels = 1 if arr.ndim == 1 else int(arr.shape[1])
        return cls(rate, 2, channels, arr.astype("<i2").tobytes(), timestamp)

    def to_mono(self) -> AudioChunk:
        if self.channels == 1:
            return self
        mono = self.to_float32().mean(axis=1)
        return AudioChunk.from_float32(mono, self.rate, width=self.width, timestamp=self.timestamp)

    def resample(self, rate: int) -> AudioChunk:
        """The same audio at ``rate`` Hz (soxr, high quality)."""
        if rate == self.rate:
            return self
        if self.frames == 0:
            return AudioChunk(rate, self.width, self.channels, b"", self.timestamp)
        out = soxr.resample(self.to_float32(), self.rate, rate, quality="HQ")
        return AudioChunk.from_float32(out, rate, width=self.width, timestamp=self.timestamp)

    def convert(self, rate: int = ASR_RATE, width: int = ASR_WIDTH, channels: int = ASR_CHANNELS) -> AudioChunk:
        """Convert to the given format (only mono or the original channel count are supported)."""
        chunk = self.to_mono() if channels == 1 else self
        if channels not in (1, chunk.channels):
            raise AudioFormatError(f"cannot convert {self.channels} channels to {channels}")
        chunk = chunk.resample(rate)
        if chunk.width != width:
            chunk = AudioChunk.from_float32(chunk.to_float32(), chunk.rate, width=width, timestamp=chunk.timestamp)
        return chunk

    def slice_ms(self, start_ms: float, end_ms: float | None = None) -> AudioChunk:
        step = self.width * self.channels
        start = max(0, int(start_ms * self.rate / 1000)) * step
        end = len(self.audio) if end_ms is None else max(0, int(end_ms * self.rate / 1000)) * step
        ts = None if self.timestamp is None else self.timestamp + int(start_ms)
        return AudioChunk(self.rate, self.width, self.channels, self.audio[start:end], ts)

    def split(self, ms: int) -> list[AudioChunk]:
        """Consecutive pieces of ``ms`` milliseconds (the last one may be shorter)."""
        step = max(1, int(self.rate * ms / 1000)) * self.width * self.channels
        base = self.timestamp or 0
        return [
            AudioChunk(self.rate, self.width, self.channels, self.audio[i : i + step], base + int(i * 1000 / (self.rate * self.width * self.channels)))
            for i in range(0, len(self.audio), step)
        ]


def concat(chunks: list[AudioChunk]) -> AudioChunk:
    """Join chunks of one format into one chunk (timestamp of the first)."""
    if not chunks:
        raise AudioFormatError("nothing to join: no audio")
    first = chunks[0]
    for c in chunks[1:]:
        if (c.rate, c.width, c.channels) != (first.rate, first.width, first.channels):
            raise AudioFormatError("cannot join audio of different formats; convert first")
    return AudioChunk(first.rate, first.width, first.channels, b"".join(c.audio for c in chunks), first.timestamp)


def silence(ms: float, rate: int = ASR_RATE) -> AudioChunk:
    return AudioChunk(rate, 2, 1, bytes(2 * int(rate * ms / 1000)))


class AudioTooLong(AudioFormatError):
    """The recording is longer than the caller's limit; found from the header (or while reading), not by decoding."""

    def __init__(self, message: str, seconds: float):
        super().__init__(message)
        self.seconds = seconds


def audio_seconds(path: str | Path) -> float:
    """The length of a recording from its header (nothing is decoded); :class:`AudioFormatError` if unreadable."""
    p = Path(path)
    try:
        info = sf.info(str(p))
    except (sf.LibsndfileError, RuntimeError, TypeError) as exc:
        raise AudioFormatError(f"{p}: not a readable audio file (WAV or FLAC expected): {exc}") from exc
    return float(info.frames) / float(info.samplerate) if info.samplerate > 0 else 0.0


def read_audio(path: str | Path, *, max_seconds: float | None = None) -> AudioChunk:
    """Read WAV, FLAC, OGG ... (anything libsndfile reads) into a 16-bit chunk in its own rate and channels.

    With ``max_seconds`` a longer recording raises :class:`AudioTooLong` before it is decoded: the length
    comes from the header, and a file whose header does not tell (or lies) is read block by block and given
    up as soon as it passes the limit, so a huge file never sits in memory whole."""
    p = Path(path)
    if not p.exists():
        raise AudioFormatError(f"{p}: no such file")
    if p.stat().st_size == 0:
        raise AudioFormatError(f"{p}: the file is empty")
    try:
        with sf.SoundFile(str(p)) as f:
            rate, channels = int(f.samplerate), int(f.channels)
            header_s = f.frames / rate if rate > 0 else 0.0
            if max_seconds is not None and header_s > max_seconds:
                raise AudioTooLong(f"{p} is {header_s:.0f} s long; the limit is {max_seconds:.0f} s", header_s)
            limit = None if max_seconds is None else int(max_seconds * rate) + 1
            blocks: list[np.ndarray] = []
            got = 0
            for block in f.blocks(blocksize=rate * 10, dtype="float32", always_2d=True):
                blocks.append(block)
                got += len(block)
                if limit is not None and got > limit:
                    raise AudioTooLong(f"{p} is over {max_seconds:.0f} s long; that is the limit", got / rate)
    except AudioFormatError:
        raise
    except (sf.LibsndfileError, RuntimeError, TypeError, ValueError) as exc:
        raise AudioFormatError(f"{p}: not a readable audio file (WAV or FLAC expected): {exc}") from exc
    data = np.concatenate(blocks) if blocks else np.zeros((0, channels), dtype=np.float32)
    if data.size and not np.all(np.isfinite(data)):
        raise AudioFormatError(f"{p}: the audio contains NaN or infinite samples; it is corrupt")
    arr = data[:, 0] if data.shape[1] == 1 else data
    return AudioChunk.from_float32(arr, rate, width=2, timestamp=0)


def read_audio_bytes(blob: bytes) -> AudioChunk:
    """Like :func:`read_audio` for an in-memory WAV/FLAC file."""
    if not blob:
        raise AudioFormatError("the audio is empty")
    try:
        data, rate = sf.read(io.BytesIO(blob), dtype="float32", always_2d=True)
    except (sf.LibsndfileError, RuntimeError, TypeError) as exc:
        raise AudioFormatError(f"not a readable audio file (WAV or FLAC expected): {exc}") from exc
    if data.size and not np.all(np.isfinite(data)):
        raise AudioFormatError("the audio contains NaN or infinite samples; it is corrupt")
    arr = data[:, 0] if data.shape[1] == 1 else data
    return AudioChunk.from_float32(arr, int(rate), width=2, timestamp=0)


def write_wav(path: str | Path, chunk: AudioChunk) -> Path:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    subtype = {1: "PCM_U8", 2: "PCM_16", 4: "PCM_32"}[chunk.width]
    sf.write(str(p), chunk.to_float32(), chunk.rate, subtype=subtype, format="WAV")
    return p


def wav_bytes(chunk: AudioChunk) -> bytes:
    buf = io.BytesIO()
    subtype = {1: "PCM_U8", 2: "PCM_16", 4: "PCM_32"}[chunk.width]
    sf.write(buf, chunk.to_float32(), chunk.rate, subtype=subtype, format="WAV")
    return buf.getvalue()


def peak(chunk: AudioChunk) -> float:
    data = chunk.to_float32()
    return float(np.max(np.abs(data))) if data.size else 0.0


def rms_dbfs(chunk: AudioChunk) -> float:
    data = chunk.to_float32().astype(np.float64)
    if data.size == 0:
        return -120.0
    rms = float(np.sqrt(np.mean(data * data)))
    return 20.0 * float(np.log10(max(rms, 1e-6)))


def speech_input(chunk: AudioChunk, *, max_seconds: float | None = DEFAULT_MAX_SECONDS, min_ms: float = 100.0) -> AudioChunk:
    """Validate and convert audio for the recognizer: 16 kHz, mono, 16-bit.

    Raises :class:`AudioFormatError` for empty, too short, all-zero or too long audio. Stereo, other rates
    and 8/32-bit samples are converted, not rejected.
    """
    if chunk.frames == 0:
        raise AudioFormatError("the audio is empty: no samples were recorded")
    if chunk.milliseconds < min_ms:
        raise AudioFormatError(f"the audio is only {chunk.milliseconds:.0f} ms long; say the order again")
    if max_seconds is not None and chunk.seconds > max_seconds:
        raise AudioFormatError(
            f"the audio is {chunk.seconds:.0f} s long; one spoken turn may be at most {max_seconds:.0f} s "
            "(use `voicecart transcribe` for long recordings)"
        )
    out = chunk.convert(ASR_RATE, ASR_WIDTH, ASR_CHANNELS)
    if not any(out.audio):
        raise AudioFormatError("the audio is all zeros: the microphone is muted or not connected")
    return out
