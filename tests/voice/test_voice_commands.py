"""The voice CLI commands, run in-process (they reuse the session's shared Whisper instance)."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from voice.audio import concat, read_audio, write_wav
from voice.cli import main

pytestmark = pytest.mark.slow


@pytest.fixture
def config(tmp_path: Path) -> str:
    path = tmp_path / "voicecart.toml"
    path.write_text(f'[voicecart]\ndata_dir = "{tmp_path / "data"}"\ncatalog = "cafe"\n', encoding="utf-8")
    return str(path)


def test_transcribe_prints_what_was_said(config: str, whisper: Any, speak: Any, tmp_path: Path, capsys: Any) -> None:
    wav = write_wav(tmp_path / "order.wav", speak("a large americano please").resample(44100))
    assert main(["--config", config, "transcribe", str(wav)]) == 0
    assert "americano" in capsys.readouterr().out.lower()


def test_transcribe_a_long_recording_by_utterances(
    config: str, whisper: Any, speak: Any, tmp_path: Path, capsys: Any
) -> None:
    gap = np.zeros(16000 * 20, dtype=np.float32)
    a, b = speak("a small latte").to_float32(), speak("and a blueberry muffin").to_float32()
    path = tmp_path / "long.flac"
    sf.write(path, np.concatenate([a, gap, b, gap]), 16000)  # 45 s: longer than one Whisper window
    assert main(["--config", config, "transcribe", str(path)]) == 0
    out = capsys.readouterr().out.lower()
    assert out.count("[") == 2 and "latte" in out and "muffin" in out


def test_bad_files_give_clear_errors(config: str, tmp_path: Path, capsys: Any) -> None:
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"RIFF nonsense")
    assert main(["--config", config, "transcribe", str(junk)]) == 2
    assert "not a readable audio file" in capsys.readouterr().err
    long = tmp_path / "ten-minutes.flac"
    sf.write(long, np.full(16000 * 600, 0.01, dtype=np.float32), 16000)
    assert main(["--config", config, "run-file", str(long)]) == 2
    assert "600 s long" in capsys.readouterr().err


def test_run_file_answers_each_utterance_and_writes_the_replies(
    config: str, whisper: Any, speak: Any, tmp_path: Path, capsys: Any
) -> None:
    wav = write_wav(tmp_path / "in.wav", concat([speak("a medium mocha please"), speak("that's all")]))
    out = tmp_path / "reply.wav"
    trace = tmp_path / "trace.jsonl"
    assert main(["--config", config, "run-file", str(wav), "--out", str(out), "--trace", str(trace)]) == 0
    printed = capsys.readouterr().out.lower()
    assert "mocha" in printed and printed.count("assistant:") == 2
    reply = read_audio(out)
    assert reply.seconds > 3
    assert len(trace.read_text().splitlines()) == 2


def test_demo_runs_a_spoken_conversation(config: str, whisper: Any, tmp_path: Path, capsys: Any, caplog: Any) -> None:
    out_dir = tmp_path / "demo"
    assert main(["--config", config, "demo", "--fast", "--out-dir", str(out_dir)]) == 0
    assert not [r for r in caplog.records if r.levelname == "WARNING"], "the demo logged a warning"
    printed = capsys.readouterr().out
    assert printed.count("whisper heard:") >= 4
    assert "latte" in printed.lower()
    wavs = sorted(p.name for p in out_dir.glob("*.wav"))
    assert "conversation.wav" in wavs and "reply-00-greeting.wav" in wavs and len(wavs) >= 6


README_SHOP = '[shop]\nname = "Corner Café"\nhours = "seven to six, Monday to Saturday"\n'


def test_run_file_with_the_readme_shop_table(whisper: Any, speak: Any, tmp_path: Path, capsys: Any) -> None:
    """The README's own [shop] table reaches the dialogue as ShopInfo: shop questions and orders both work."""
    config = tmp_path / "shop.toml"
    config.write_text(f'[voicecart]\ndata_dir = "{tmp_path / "data"}"\n' + README_SHOP, encoding="utf-8")
    wav = write_wav(tmp_path / "in.wav", concat([speak("what are your opening hours"), speak("a small latte please")]))
    assert main(["--config", str(config), "run-file", str(wav)]) == 0
    printed = capsys.readouterr().out
    assert "went wrong" not in printed
    assert "seven to six" in printed and "latte" in printed.lower()


def test_open_conversation_builds_shop_info(tmp_path: Path) -> None:
    from voice.cli import Context
    from voice.commands import open_conversation
    from voice.config import load_config

    config = tmp_path / "shop.toml"
    config.write_text(f'[voicecart]\ndata_dir = "{tmp_path / "data"}"\n' + README_SHOP, encoding="utf-8")
    ctx = Context(load_config(config))
    try:
        session = open_conversation(ctx)
        assert "Corner Café" in session.greeting().text
        assert "seven to six" in session.handle("when are you open").text
    finally:
        ctx.close()


def test_list_devices_without_devices_says_so(config: str) -> None:
    """No sound devices (no sound server reachable, no ALSA cards): a clear error and exit code 2."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULSE_", "PIPEWIRE_", "JACK_"))}
    env["PULSE_SERVER"] = "unix:/nonexistent/voicecart-test"
    if any(Path("/dev/snd").glob("pcm*")):
        pytest.skip("this machine has ALSA sound cards: a machine without devices cannot be produced here")
    code = f"from voice.cli import main; raise SystemExit(main(['--config', {config!r}, 'listen', '--list-devices']))"
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert proc.stdout.strip() == ""
    assert "no sound devices" in proc.stderr


def test_a_460_mb_wav_is_refused_from_its_header(config: str, tmp_path: Path) -> None:
    """`transcribe` and `run-file` refuse a 4-hour, 460 MB WAV without decoding it (peak memory stays small)."""
    n = 460 * 1024 * 1024  # a real WAV header and 460 MB of silence that take no disk space (sparse)
    big = tmp_path / "big.wav"
    with big.open("wb") as f:
        f.write(b"RIFF" + struct.pack("<I", 36 + n) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, 16000, 32000, 2, 16)
                + b"data" + struct.pack("<I", n))
        f.truncate(44 + n)
    code = (
        "import sys\n"
        "from voice.cli import main\n"
        "code = main(sys.argv[1:])\n"
        # VmHWM is this process's own peak (ru_maxrss would carry the parent's over fork and exec)
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
        "print(int(hwm) // 1024, file=sys.stderr)\n"
        "raise SystemExit(code)\n"
    )
    for command, message in (("transcribe", "251 minutes long; the limit is one hour"), ("run-file", "15073 s long")):
        proc = subprocess.run([sys.executable, "-c", code, "--config", config, command, str(big)],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 2, proc.stderr
        assert message in proc.stderr
        peak_mb = int(proc.stderr.strip().splitlines()[-1])
        assert peak_mb < 400, f"{command} used {peak_mb} MB: the file was decoded"
