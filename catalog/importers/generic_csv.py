"""Placeholder: this importer lands next."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from catalog.errors import ValidationError
from catalog.models import Product


def load(path: str | Path, *, progress: Callable[[int, int], None] | None = None) -> list[Product]:
    raise ValidationError("this import format is not available yet", file=str(path))
