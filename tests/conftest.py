"""Shared fixtures for the whole suite.

* ``whisper`` — ONE real faster-whisper ``tiny.en`` transcriber (CPU, int8) for the whole session, warmed up.
  Every test that needs speech recognition uses it; nothing else should load a model.
* ``espeak`` — a real espeak-ng synthesizer (skips if espeak-ng is missing); ``speak(text)`` returns 16 kHz
  speech padded with silence.
* ``shared_dir`` / ``barista_dir`` — ``../shared`` next to the repository (skips when absent).
* ``pulse_sink`` — a PulseAudio daemon with a null sink ``vsink`` whose monitor is the default source (a
  virtual microphone); skips with the reason when pulseaudio is not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# Property tests are judged on what they find, not on how fast one example runs: on a loaded 2-core machine
# Hypothesis's default 200 ms deadline failed examples that pass alone. No deadline, everywhere.
settings.register_profile("voicecart", deadline=None)
settings.load_profile("voicecart")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED.resolve()} (it lives beside the repository)")
    return SHARED.resolve()


@pytest.fixture(scope="session")
def barista_dir(shared_dir: Path) -> Path:
    d = shared_dir / "data" / "barista"
    if not (d / "dev").is_dir() or not (d / "labels.json").is_file():
        pytest.skip(f"barista recordings not found under {d}")
    return d


@pytest.fixture(scope="session")
def whisper() -> Any:
    from voice.asr import WhisperSettings, shared_transcriber
    from voice.model_path import ModelNotFound

    try:  # the process-wide shared instance: CLI commands run in-process reuse it too
        t = shared_transcriber(WhisperSettings())
    except ModelNotFound as exc:
        pytest.skip(f"no Whisper model: {exc}")
    t.warm_up()
    return t


@pytest.fixture(scope="session")
def espeak() -> Any:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (scripts/setup.sh installs it)")
    from voice.tts import EspeakSynthesizer

    return EspeakSynthesizer("en-us", 160)


@pytest.fixture(scope="session")
def speak(espeak: Any) -> Callable[..., Any]:
    from voice.audio import concat, silence

    def _speak(text: str, lead_ms: int = 600, trail_ms: int = 900) -> Any:
        return concat([silence(lead_ms), espeak.synthesize(text, 16000), silence(trail_ms)])

    return _speak


@pytest.fixture
def cafe_store(tmp_path: Path) -> Iterator[Any]:
    """A real SQLite store with the bundled café catalog."""
    from catalog.bundled import open_store

    store = open_store(tmp_path / "cafe.sqlite3", catalog="cafe")
    yield store
    store.close()


@pytest.fixture(scope="session")
def pulse_sink(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A PulseAudio null sink as the default sink, its monitor as the default source; yields the device name."""
    if shutil.which("pulseaudio") is None or shutil.which("pactl") is None:
        pytest.skip("pulseaudio is not installed (scripts/setup.sh installs pulseaudio and pulseaudio-utils)")
    runtime = tmp_path_factory.mktemp("pulse")
    env = dict(os.environ, PULSE_RUNTIME_PATH=str(runtime), XDG_RUNTIME_DIR=str(runtime))
    proc = subprocess.Popen(
        [
            "pulseaudio",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "-n",
            "--load=module-null-sink sink_name=vsink",
            "--load=module-native-protocol-unix",
            "--load=module-always-sink",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    old = {k: os.environ.get(k) for k in ("PULSE_RUNTIME_PATH", "XDG_RUNTIME_DIR", "PULSE_SERVER")}
    os.environ["PULSE_RUNTIME_PATH"] = str(runtime)
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    os.environ["PULSE_SERVER"] = f"unix:{runtime}/native"
    try:
        for _ in range(50):
            if subprocess.run(["pactl", "info"], capture_output=True).returncode == 0:
                break
            if proc.poll() is not None:
                pytest.skip("pulseaudio exited at start (is another audio server holding the device?)")
            time.sleep(0.1)
        else:
            pytest.skip("pulseaudio did not come up within 5 s")
        subprocess.run(["pactl", "set-default-sink", "vsink"], check=True, capture_output=True)
        subprocess.run(["pactl", "set-default-source", "vsink.monitor"], check=True, capture_output=True)
        try:
            import sounddevice as sd

            names = [str(d["name"]) for d in sd.query_devices()]
        except (OSError, ImportError) as exc:
            pytest.skip(f"PortAudio is not usable: {exc} (scripts/setup.sh installs libportaudio2)")
        if "pulse" not in names:
            pytest.skip("PortAudio has no 'pulse' device (the ALSA pulse plugin, libasound2-plugins, is missing)")
        yield "pulse"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
