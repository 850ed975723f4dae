"""A corpus of crafted and mis-saved catalog files (tests/catalog/bad/): each gives one clear error naming the
file and line, exit code 2, no traceback, and leaves the database exactly as it was."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from catalog.errors import ValidationError
from catalog.importers import load_file
from voice.cli import main

REPO = Path(__file__).resolve().parents[2]
BAD = Path(__file__).resolve().parent / "bad"
EXPECTED: dict[str, dict[str, object]] = json.loads((BAD / "expected.json").read_text())


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cfg = tmp_path / "voicecart.toml"
    cfg.write_text("")
    db = tmp_path / "data" / "shop.sqlite3"
    monkeypatch.setenv("VOICECART_CONFIG", str(cfg))
    monkeypatch.setenv("VOICECART_DB", str(db))
    monkeypatch.setenv("VOICECART_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("VOICECART_CATALOG", raising=False)
    return db


def _digest(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT sku, data, stock FROM products ORDER BY sku").fetchall()
        rows += conn.execute("SELECT sku, options, stock FROM variants ORDER BY sku").fetchall()
    finally:
        conn.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_the_corpus_is_complete() -> None:
    on_disk = {p.name for p in BAD.iterdir() if p.name != "expected.json"}
    assert on_disk == set(EXPECTED) and len(on_disk) >= 40


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_one_clear_error(name: str) -> None:
    path = BAD / name
    with pytest.raises(ValidationError) as err:
        load_file(path)
    want = EXPECTED[name]
    assert err.value.file == str(path)
    assert str(want["message"]) in str(err.value), str(err.value)
    assert err.value.line == want["line"], str(err.value)
    assert "\n" not in str(err.value) and len(str(err.value)) < 600


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_import_exit_2_and_nothing_changes(name: str, env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "search", "latte"]) == 0  # the database exists with the cafe catalog
    before = _digest(env)
    capsys.readouterr()
    assert main(["catalog", "import", str(BAD / name), "--replace"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"voicecart: {BAD / name}, line {EXPECTED[name]['line']}"), err
    assert _digest(env) == before


@pytest.mark.parametrize("name", ["deep_nesting.json", "lone_surrogate.json", "utf16.csv", "header_only.csv"])
def test_no_traceback_through_the_real_entry_point(name: str, env: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "voice.cli", "catalog", "import", str(BAD / name)], cwd=REPO,
                         env=dict(os.environ), capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "Traceback" not in out.stderr and out.stderr.count("\n") == 1, out.stderr
    assert not env.exists()  # a fresh database is not even created
