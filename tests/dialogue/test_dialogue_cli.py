"""``voicecart chat --script FILE`` runs a conversation end to end through the real CLI and store."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.bundled import bundled_path
from voice.cli import main


def _config(tmp_path: Path) -> Path:
    cfg = tmp_path / "voicecart.toml"
    cfg.write_text(f'[voicecart]\ndata_dir = "{tmp_path / "data"}"\ncatalog = "cafe"\ntax_percent = "8.25"\n'
                   '[shop]\nname = "Test Cafe"\nhours = "eight to four"\n', encoding="utf-8")
    return cfg


def test_chat_script_places_an_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not bundled_path("cafe").exists():
        pytest.skip("bundled cafe catalog missing")
    script = tmp_path / "talk.txt"
    script.write_text("# a scripted visit\nhello\n\ntwo large lattes with oat milk\nwhen are you open\n"
                      "that's all\nyes\nbye\n", encoding="utf-8")
    assert main(["--config", str(_config(tmp_path)), "chat", "--script", str(script)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("assistant: Hi, welcome to Test Cafe")
    assert "you: two large lattes with oat milk" in out
    assert any("eight to four" in line for line in out)
    placed = [line for line in out if "[order " in line]
    assert len(placed) == 1 and "order number is" in placed[0]
    assert out[-1].endswith("[end]")


def test_chat_other_catalog_and_bad_script(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not bundled_path("store").exists():
        pytest.skip("bundled store catalog missing")
    script = tmp_path / "talk.txt"
    script.write_text("how much is the electric kettle\n", encoding="utf-8")
    assert main(["--config", str(_config(tmp_path)), "chat", "--catalog", "store", "--script", str(script)]) == 0
    assert "thirty nine dollars" in capsys.readouterr().out
    assert main(["--config", str(_config(tmp_path)), "chat", "--script", str(tmp_path / "missing.txt")]) == 2
    assert "cannot read script" in capsys.readouterr().err
