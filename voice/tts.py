"""Speech synthesis behind the :class:`Synthesizer` protocol: ``synthesize(text, rate) -> AudioChunk``.

:class:`Pyttsx3Synthesizer` (the default, see :func:`default_synthesizer`) drives espeak-ng in process through
pyttsx3: ``save_to_file`` into a temporary WAV plus ``runAndWait``, then resampled (soxr) to the rate the
output needs (16 kHz for the ASR side, 8 kHz for a phone line, the sound card's rate for a speaker).
:class:`EspeakSynthesizer` (``[voice] tts = "espeak"``) runs the ``espeak-ng`` command line, one process per
sentence; it is also the fallback for a sentence pyttsx3 cannot render.

Why pyttsx3 used to lose utterances (read from pyttsx3 2.99's ``drivers/espeak.py`` and ``driver.py``): espeak
runs in ``AUDIO_OUTPUT_RETRIEVAL`` mode, so synthesis happens on espeak's own thread and the WAV is written
from its callback. ``runAndWait`` has two paths depending on whether that thread has already marked the
engine idle: in one it returns as soon as synthesis has *started* (the queued ``endLoop`` runs before the
text is sent), in the other it waits. The old code guessed completion with a 0.5 s timer and "the file is
larger than 44 bytes", so a slow first sentence (espeak loading its dictionaries on a busy machine) came back
empty and a half-written file could be read; and a stop request left over from ``runAndWait``'s own
``endLoop`` (``_stopping``) cancels the next utterance in the waiting path. Now every render waits for the
driver's ``finished-utterance`` notification (the file is closed by then), then for espeak's thread to leave
the callback (it notifies before it marks the engine idle), clears a stale stop request, renders a cancelled
utterance once more, and only after that speaks the sentence with the command line (a warning). An engine that
never finishes (10 s) is not used again: its late callback could land in a later render. One engine per
process (pyttsx3 keeps one per driver), calls serialised by a lock, properties set once per engine; the
driver's "Audio saved to ..." print is silenced in that module only. Results are cached per (text, rate):
replies repeat a lot ("Anything else?").
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
_HUNG = False  # pyttsx3 never finished an utterance: every later sentence uses the command line


class _Pending:
    """The render in flight: set by pyttsx3's ``finished-utterance`` notification from espeak's thread."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.completed = False


_PENDING: _Pending | None = None


def _on_finished(name: Any = None, completed: bool = True, **_: Any) -> None:
    pending = _PENDING
    if pending is not None:
        pending.completed = bool(completed)
        pending.event.set()


def _quiet(*_args: Any, **_kwargs: Any) -> None:
    return None


def _settle(limit_s: float = 1.0) -> None:
    """Wait until espeak's thread has left the driver's callback: it notifies *before* it marks the engine
    idle and ends the loop, and a later ``runAndWait`` started in between would be ended by that old loop."""
    try:
        from pyttsx3.drivers import _espeak
    except ImportError:
        return
    deadline = time.monotonic() + limit_s
    engine = _ENGINE
    while time.monotonic() < deadline and (_espeak.IsPlaying() or (engine is not None and engine.isBusy())):
        time.sleep(0.0005)


def _espeak_idle(limit_s: float = 5.0) -> bool:
    """Is espeak's own thread done with every utterance (waiting up to ``limit_s``)? libespeak-ng is not
    reentrant: a ``Synth`` started while that thread still runs crashed a loaded test run with SIGSEGV."""
    try:
        from pyttsx3.drivers import _espeak
    except ImportError:
        return True
    deadline = time.monotonic() + limit_s
    while _espeak.IsPlaying():
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.0005)
    return True


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
    """pyttsx3 with its espeak driver: one engine per process, serialised, cached, completion by event."""

    def __init__(
        self,
        voice: str | None = None,
        words_per_minute: int = 170,
        cache_size: int = 128,
        *,
        warm: bool = False,
        timeout_s: float = 10.0,
    ):
        self.voice = voice
        self.wpm = words_per_minute
        self._cache = _Cache(cache_size)
        self._fallback = EspeakSynthesizer(voice or "en-us", words_per_minute, cache_size=0)
        self.used_fallback = False
        # one directory for the synthesizer's life: a cancelled render's late callback never finds it gone
        self._dir = Path(tempfile.mkdtemp(prefix="voicecart-tts-"))
        self._n = 0
        self.timeout_s = timeout_s
        self.failures = 0  # utterances spoken by the command line instead
        self.retries = 0  # renders pyttsx3 cancelled and rendered again
        weakref.finalize(self, shutil.rmtree, str(self._dir), True)
        if warm:
            threading.Thread(target=self.warm_up, name="tts-warm-up", daemon=True).start()

    def warm_up(self) -> float:
        """Render one word so espeak-ng loads its voice and dictionaries before the first reply; ms."""
        t0 = time.perf_counter()
        with contextlib.suppress(SynthesisError, AudioFormatError, RuntimeError, OSError, ImportError):
            self._render("Hello.")
        return (time.perf_counter() - t0) * 1000.0

    def _get_engine(self) -> Any:
        """The process-wide pyttsx3 engine (called with the lock held), kept for the whole process."""
        global _ENGINE, _ENGINE_SETTINGS
        if _ENGINE is None:
            import pyttsx3
            from pyttsx3.drivers import espeak as driver_module

            # the driver prints "Audio saved to ..." from espeak's thread for every file: silence that
            # module's print only (redirecting sys.stdout would swallow other threads' output)
            driver_module.print = _quiet
            engine = pyttsx3.init("espeak")
            engine.connect("finished-utterance", _on_finished)
            _ENGINE = engine
        wanted = (self.wpm, self.voice)
        if _ENGINE_SETTINGS != wanted:
            _ENGINE.setProperty("rate", self.wpm)
            if self.voice:
                _ENGINE.setProperty("voice", self.voice)
            _ENGINE_SETTINGS = wanted
        return _ENGINE

    def _render_once(self, engine: Any, text: str, out: Path) -> bool:
        """One ``save_to_file`` + ``runAndWait``; True when espeak finished the utterance (not cancelled)."""
        global _PENDING
        if not _espeak_idle():  # never start espeak while its thread still runs an earlier utterance
            raise SynthesisError("pyttsx3 did not finish an utterance: espeak is still busy")
        done = _Pending()
        _PENDING = done
        try:
            driver = getattr(getattr(engine, "proxy", None), "_driver", None)
            if driver is not None and getattr(driver, "_stopping", False):
                driver._stopping = False  # a stale stop request would cancel this utterance (see module doc)
            engine.save_to_file(text, str(out))
            engine.runAndWait()  # returns once synthesis has *started*: wait for espeak's own signal
            if not done.event.wait(self.timeout_s):
                raise SynthesisError(f"pyttsx3 did not finish an utterance in {self.timeout_s:.0f} s")
        finally:
            _PENDING = None
        _settle()
        return done.completed

    def _render(self, text: str) -> AudioChunk:
        with _ENGINE_LOCK:
            engine = self._get_engine()
            for attempt in range(2):
                self._n += 1
                out = self._dir / f"reply-{self._n}.wav"
                try:
                    if self._render_once(engine, text, out) and _complete(out):
                        return read_audio(out)
                finally:
                    out.unlink(missing_ok=True)
                if attempt == 0:
                    self.retries += 1
        raise SynthesisError("pyttsx3 cancelled the utterance twice")

    def synthesize(self, text: str, rate: int) -> AudioChunk:
        t = _speakable(text)
        cached = self._cache.get((t, rate))
        if cached is not None:
            return cached
        if not t:
            return AudioChunk(rate, 2, 1, b"", 0)
        global _HUNG
        try:
            if _HUNG:
                raise SynthesisError("pyttsx3 hung earlier in this process")
            chunk = self._render(t)
        except (SynthesisError, AudioFormatError, RuntimeError, OSError, ImportError) as exc:
            if "did not finish" in str(exc):
                _HUNG = True  # its late callback could land in a later render: never use the engine again
            log.warning("pyttsx3 failed (%s); this sentence is spoken by the espeak-ng command line", exc)
            self.failures += 1
            self.used_fallback = True
            chunk = self._fallback.synthesize(t, rate)
        chunk = chunk.convert(rate, 2, 1)
        self._cache.put((t, rate), chunk)
        return chunk


def default_synthesizer(settings: dict[str, Any] | None = None) -> Synthesizer:
    """The configured synthesizer: ``[voice] tts = "pyttsx3" | "espeak" | "piper"``, ``tts_voice``, ``tts_wpm``
    (``piper_python``, ``piper_model`` for Piper, see :mod:`voice.piper`).

    The default is pyttsx3 (in process, warmed up in the background at construction): 16.5 ms median per
    sentence against 26.9 ms for the espeak-ng command line (``python -m bench.tts``, BENCHMARKS.md), with
    completion taken from the driver's own notification instead of a timer. ``tts = "espeak"`` is the
    command line alone (no process-wide engine), also the fallback for a sentence pyttsx3 could not render."""
    s = settings or {}
    kind = str(s.get("tts", "pyttsx3"))
    voice = s.get("tts_voice")
    wpm = int(s.get("tts_wpm", 170))
    if kind == "espeak":
        return EspeakSynthesizer(str(voice or "en-us"), wpm)
    if kind == "piper":  # a natural voice, out of process (GPL): voice.piper
        from voice.piper import PiperSynthesizer

        return PiperSynthesizer(s.get("piper_python"), s.get("piper_model"), warm=True)
    if kind != "pyttsx3":
        raise SynthesisError(f"unknown tts {kind!r} in [voice]; use 'pyttsx3', 'espeak' or 'piper'")
    return Pyttsx3Synthesizer(str(voice) if voice else None, wpm, warm=True)
