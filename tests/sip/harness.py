"""Pytest side of the SIP tests: tapes, running a scenario in a private network namespace, reading results.

``run_scenario(work, spec)`` writes ``spec.json`` and a ``voicecart.toml`` (database in ``work``) and runs
``run_scenario.py`` under ``unshare -n`` with only loopback up, bounded by a timeout. Nothing here sends a
packet itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from voice.audio import AudioChunk, concat, read_audio, silence, write_wav
from voice.sip.netns import in_private_netns, reexec_argv

REPO = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("run_scenario.py")

CONFIG = """\
[voicecart]
data_dir = "{work}"
database = "{work}/shop.sqlite3"
catalog = "cafe"
currency = "USD"
tax_percent = "0"

[shop]
name = "Corner Cafe"
phone = "five five five, zero one zero zero"
hours = "seven to six, Monday to Saturday"

[voice]
tts = "espeak"
"""


def make_tape(espeak: Any, path: Path, parts: list[str | float], rate: int = 8000) -> Path:
    """A caller's microphone: text parts spoken by espeak-ng, float parts are seconds of silence."""
    chunks: list[AudioChunk] = []
    for part in parts:
        if isinstance(part, str):
            chunks.append(espeak.synthesize(part, 16000))
        else:
            chunks.append(silence(float(part) * 1000))
    tape = concat(chunks).convert(rate, 2, 1)
    write_wav(path, tape)
    return path


class ScenarioFailed(AssertionError):
    """A script run in the namespace exited badly or wrote no result; the message has its stderr and the end of
    the bridge's log."""


def run_in_namespace(work: Path, script: Path, args: list[str], result_name: str, *, timeout: float | None,
                     what: str = "scenario") -> dict[str, Any]:
    """Run ``script WORK ARGS...`` under ``unshare -n`` (loopback only; as is when already in a private namespace)
    with a ``voicecart.toml`` in ``work`` (database there), and return the JSON it wrote to ``work/result_name``."""
    work.mkdir(parents=True, exist_ok=True)
    (work / "voicecart.toml").write_text(CONFIG.format(work=work.resolve()))
    argv = [sys.executable, str(script), str(work), *args]
    if not in_private_netns():
        argv = reexec_argv(argv)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p))
    proc = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)
    out = work / result_name
    if proc.returncode != 0 or not out.exists():
        log = (work / "bridge.log").read_text(errors="replace")[-3000:] if (work / "bridge.log").exists() else ""
        raise ScenarioFailed(f"{what} failed (rc {proc.returncode}): {proc.stderr[-2000:]}\nbridge log:\n{log}")
    result: dict[str, Any] = json.loads(out.read_text())
    return result


def run_scenario(work: Path, spec: dict[str, Any], timeout: float = 150.0) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    (work / "spec.json").write_text(json.dumps(spec, indent=1))
    return run_in_namespace(work, SCRIPT, [], "result.json", timeout=timeout)


def events(result: dict[str, Any], kind: str, **match: Any) -> list[dict[str, Any]]:
    return [e for e in result["events"] if e.get("event") == kind and all(e.get(k) == v for k, v in match.items())]


def transcribe(whisper: Any, wav: str | Path) -> str:
    """What a caller heard, as text: the recording cut into utterances, each transcribed."""
    from voice.vad import EndpointConfig, segment

    audio = read_audio(wav).convert(16000, 2, 1)
    texts = []
    for utt in segment(audio, EndpointConfig(end_silence_ms=900, max_utterance_ms=25000)):
        t = whisper.transcribe(utt.audio)
        texts.append(t.raw_text or t.text)
    return " ".join(texts).lower()


def orders_for(db: Path, customer: str) -> list[Any]:
    from catalog.sqlite_store import SQLiteStore

    store = SQLiteStore(db)
    try:
        return list(store.orders(customer=customer))
    finally:
        store.close()
