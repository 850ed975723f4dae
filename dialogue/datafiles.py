"""Phrasing data files (``dialogue/data/*.toml``): read once at start, every fault a typed error naming the file."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any


class PhraseDataError(ValueError):
    """A phrase file is missing or malformed (raised when it is loaded, at start; never in a conversation)."""


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PhraseDataError(f"{path}: {exc}") from exc
