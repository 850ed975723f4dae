"""``voicecart chat`` honours ``[llm]``: with the table, a turn the rules cannot read goes to the configured
endpoint (here the loopback stand-in of ``stub_server``, not a model); without it, the rules alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.bundled import bundled_path
from tests.llm.stub_server import StubServer, by_turn, tool
from voice.cli import main

TURNS = "hello\ngimme the flaky french one\nthat's all\nyes\n"


def _config(tmp_path: Path, llm: str = "") -> Path:
    cfg = tmp_path / "voicecart.toml"
    cfg.write_text(f'[voicecart]\ndata_dir = "{tmp_path / "data"}"\ncatalog = "cafe"\ntax_percent = "8.25"\n'
                   f'[shop]\nname = "Test Cafe"\n{llm}', encoding="utf-8")
    return cfg


@pytest.fixture
def script(tmp_path: Path) -> Path:
    if not bundled_path("cafe").exists():
        pytest.skip("bundled cafe catalog missing")
    path = tmp_path / "turns.txt"
    path.write_text(TURNS, encoding="utf-8")
    return path


def test_chat_asks_the_configured_model(tmp_path: Path, script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add = tool("add_items", {"items": [{"sku": "CROISSANT", "quantity": 1}]})
    with StubServer(by_turn({"gimme the flaky french one": add})) as srv:
        llm = f'[llm]\nbase_url = "{srv.base_url}"\nmodel = "stub-model"\ntimeout_s = 5\n'
        assert main(["--config", str(_config(tmp_path, llm)), "chat", "--script", str(script)]) == 0
        asked = [r["messages"][-1]["content"] for r in srv.chat_requests()]
    out = capsys.readouterr().out
    assert len(asked) == 1 and "flaky french" in asked[0]  # only the turn the rules could not read
    assert "croissant" in out.lower()
    placed = [line for line in out.splitlines() if "[order " in line]
    assert len(placed) == 1  # placed by the shopper's own "yes" after the read-back, not by the model


def test_chat_without_llm_is_rules_alone(tmp_path: Path, script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with StubServer() as srv:  # listening, but nothing points at it
        assert main(["--config", str(_config(tmp_path)), "chat", "--script", str(script)]) == 0
        assert srv.requests == []
    assert "[order " not in capsys.readouterr().out  # the rules alone cannot read the flaky french one
