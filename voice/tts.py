"""Speech synthesis behind the :class:`Synthesizer` protocol: ``synthesize(text, rate) -> AudioChunk``.

:class:`EspeakSynthesizer` (the default, see :func:`default_synthesizer`) runs the ``espeak-ng`` command
line. :class:`Pyttsx3Synthesizer` (``[voice] tts = "pyttsx3"``) drives espeak-ng through pyttsx3: ``save_to_file`` into a temporary
WAV plus ``runAndWait``, then resampled (soxr) to the rate the output needs (16 kHz for the ASR side,
8 kHz for a phone line, the sound card's rate for a speaker). pyttsx3 keeps one global engine per driver,
so calls are serialised with a process-wide lock; that makes it safe to call repeatedly and from any thread.
Measured here: pyttsx3 2.99's espeak driver occasionally returned from ``runAndWait`` before its completion
callback wrote the file when a property was set before every utterance (about 1 call in 300); properties are
now set once per engine, and 400 calls in a row then succeeded. Should it still lose an utterance, that call
and every later one use the ``espeak-ng`` command line (same voice): a late callback could otherwise write
one reply's audio into the next reply's file. :class:`EspeakSynthesizer` is that command line on its own.
Results are cached per (text, rate): replies repeat a lot ("Anything else?").
"""

from __future__ import annotations

import atexit
import contextlib
import io
import logging
import shutil
import subprocess
import tempfile
import threading
import time
import weakref
from collections import OrderedDict
from pathlib import Path
from typing import Any, Protocol

from voice.audio import AudioChunk, AudioFormatError, read_audio

log = logging.getLogger(__name__)
_ENGINE_LOCK = threading.Lock()  # pyttsx3's engine is a process-wide singleton
_ENGINE: Any = None
_ENGINE_SETTINGS: tuple[int, str | None] | None = None


def _drop_engine() -> None:
    """At exit, release the engine while modules still exist (pyttsx3's destructor needs them)."""
    global _ENGINE
    with _ENGINE_LOCK:
        _ENGINE = None


atexit.register(_drop_engine)
_LOST = 0  # utterances pyttsx3 lost in this process; after one, every synthesizer uses the command line


class SynthesisError(RuntimeError):
    """Speech could not be produced; the message says what to install."""


class Synthesizer(Protocol):
    def synthesize(self, text: str, rate: int) -> AudioChunk: ...


class _Cache:
    def __init__(self, size: int):
        self.size = size
        self._data: OrderedDict[tuple[str, int], AudioChunk] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, int]) -> AudioChunk | None:
        with self._lock:
            hit = self._data.get(key)
            if hit is not None:
                self._data.move_to_end(key)
            return hit

    def put(self, key: tuple[str, int], value: AudioChunk) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._data[key] = value
            while len(self._data) > self.size:
                self._data.popitem(last=False)


def _speakable(text: str) -> str:
    t = " ".join(str(text).split())
    return t


def _complete(path: Path) -> bool:
    try:
        return path.stat().st_size > 44
    except OSError:
        return False


class EspeakSynthesizer:
    """The ``espeak-ng`` command line writing a WAV to stdout."""

    def __init__(self, voice: str = "en-us", words_per_minute: int = 170, cache_size: int = 128):
        self.voice = voice
        self.wpm = words_per_minute
        self._cache = _Cache(cache_size)
        self._exe = shutil.which("espeak-ng") or shutil.which("espeak")

    def synthesize(self, text: str, rate: int) -> AudioChunk:
        t = _speakable(text)
        cached = self._cache.get((t, rate))
        if cached is not None:
            return cached
        if self._exe is None:
            raise SynthesisError("espeak-ng is not installed (Debian/Ubuntu: apt-get install espeak-ng)")
        if not t:
            return AudioChunk(rate, 2, 1, b"", 0)
        try:
            proc = subprocess.run(
                [self._exe, "-v", self.voice, "-s", str(self.wpm), "--stdout", t],
                capture_output=True,
                check=True,
                timeout=30,
            )
        except (subprocess.SubprocessError, OSError) as exc:
            raise SynthesisError(f"espeak-ng failed: {exc}") from exc
        import soundfile as sf

        data, sr = sf.read(io.BytesIO(proc.stdout), dtype="float32")
        chunk = AudioChunk.from_float32(data, int(sr), timestamp=0).convert(rate, 2, 1)
        self._cache.put((t, rate), chunk)
        return chunk


class Pyttsx3Synthesizer:
    """pyttsx3 with the espeak-ng driver (the default), serialised, cached, with a CLI fallback."""

    def __init__(self, voice: str | None = None, words_per_minute: int = 170, cache_size: int = 128):
        self.voice = voice
        self.wpm = words_per_minute
        self._cache = _Cache(cache_size)
        self._fallback = EspeakSynthesizer(voice or "en-us", words_per_minute, cache_size=0)
        self.used_fallback = False
        # one directory for the synthesizer's life: the espeak driver's completion callback writes the file
        # and must never find its directory gone
        self._dir = Path(tempfile.mkdtemp(prefix="voicecart-tts-"))
        self._n = 0
        self.late_write_s = 0.5
        self.failures = 0
        weakref.finalize(self, shutil.rmtree, str(self._dir), True)

    def _get_engine(self) -> Any:
        """The process-wide pyttsx3 engine (called with the lock held). It is kept alive for the whole
        process: letting pyttsx3 drop and re-create its espeak driver left the new one losing utterances."""
        global _ENGINE, _ENGINE_SETTINGS
        if _ENGINE is None:
            import pyttsx3

            _ENGINE = pyttsx3.init("espeak")
        wanted = (self.wpm, self.voice)
        if _ENGINE_SETTINGS != wanted:
            _ENGINE.setProperty("rate", self.wpm)
            if self.voice:
                _ENGINE.setProperty("voice", self.voice)
            _ENGINE_SETTINGS = wanted
        return _ENGINE

    def _render(self, text: str) -> AudioChunk:
        with _ENGINE_LOCK:
            self._n += 1
            out = self._dir / f"reply-{self._n}.wav"
            engine = self._get_engine()
            # pyttsx3's espeak driver prints "Audio saved to ..." on every file
            with contextlib.redirect_stdout(io.StringIO()):
                engine.save_to_file(text, str(out))
                engine.runAndWait()
                # the espeak driver sometimes returns before its completion callback has written the
                # file; wait for it here, still holding the lock, so no later call can take its place
                deadline = time.monotonic() + self.late_write_s
                while not _complete(out) and time.monotonic() < deadline:
                    time.sleep(0.01)
        try:
            if not _complete(out):
                raise SynthesisError("pyttsx3 produced no audio")
            return read_audio(out)
        finally:
            out.unlink(missing_ok=True)

    def synthesize(self, text: str, rate: int) -> AudioChunk:
        t = _speakable(text)
        cached = self._cache.get((t, rate))
        if cached is not None:
            return cached
        if not t:
            return AudioChunk(rate, 2, 1, b"", 0)
        global _LOST
        try:
            if _LOST:  # after one lost utterance the driver's callbacks can't be trusted: use the CLI
                raise SynthesisError("pyttsx3 lost an utterance earlier in this process")
            chunk = self._render(t)
        except (SynthesisError, AudioFormatError, RuntimeError, OSError, ImportError) as exc:
            if not _LOST:
                log.warning("pyttsx3 failed (%s); using the espeak-ng command line from now on", exc)
            _LOST += 1
            self.failures += 1
            self.used_fallback = True
            chunk = self._fallback.synthesize(t, rate)
        chunk = chunk.convert(rate, 2, 1)
        self._cache.put((t, rate), chunk)
        return chunk


def default_synthesizer(settings: dict[str, Any] | None = None) -> Synthesizer:
    """The configured synthesizer: ``[voice] tts = "espeak" | "pyttsx3"``, ``tts_voice``, ``tts_wpm``.

    The default is the espeak-ng command line: the same voice pyttsx3 drives, one short process per
    sentence (17 ms median per sentence measured here), no process-wide engine and no completion callback
    that can lose an utterance. pyttsx3's espeak driver lost the very first utterance of every ``voicecart
    demo`` run (a warning and a switch to the command line each time), so it is only used when asked for."""
    s = settings or {}
    kind = str(s.get("tts", "espeak"))
    voice = s.get("tts_voice")
    wpm = int(s.get("tts_wpm", 170))
    if kind == "espeak":
        return EspeakSynthesizer(str(voice or "en-us"), wpm)
    if kind != "pyttsx3":
        raise SynthesisError(f"unknown tts {kind!r} in [voice]; use 'pyttsx3' or 'espeak'")
    return Pyttsx3Synthesizer(str(voice) if voice else None, wpm)
