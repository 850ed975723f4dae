"""Catalog importers, one module per file format; :func:`load_file` picks one by name or by sniffing.

Every importer returns validated :class:`catalog.models.Product` records or raises
:class:`catalog.errors.ValidationError` naming the file, line and field; nothing touches a store until
the whole file is good, and :func:`import_file` writes it in one transaction (all or nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from catalog.errors import ValidationError
from catalog.models import Product
from catalog.store import Store

Progress = Callable[[int, int], None]
FORMATS = ("json", "csv", "shopify")


def detect_format(path: str | Path) -> str:
    """``json`` for .json files; for CSV files ``shopify`` when the header has Handle and Title, else ``csv``."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        return "json"
    try:
        with p.open("rb") as fh:
            header = fh.readline(65536).decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise ValidationError(f"cannot read the file: {exc}", file=str(p)) from None
    cells = {c.strip().strip('"').lower() for c in header.split(",")}
    if header.lstrip().startswith(("{", "[")):
        return "json"
    return "shopify" if {"handle", "title"} <= cells else "csv"


def load_file(path: str | Path, *, format: str | None = None, progress: Progress | None = None) -> list[Product]:
    fmt = (format or detect_format(path)).lower()
    if fmt == "json":
        from catalog import json_format

        return json_format.load(path, progress=progress)
    if fmt == "csv":
        from catalog.importers.generic_csv import load as load_csv

        return load_csv(path, progress=progress)
    if fmt == "shopify":
        from catalog.importers.shopify import load as load_shopify

        return load_shopify(path, progress=progress)
    raise ValidationError(f"unknown catalog format {fmt!r}; use one of {', '.join(FORMATS)}", file=str(path))


def import_file(store: Store, path: str | Path, *, format: str | None = None, replace: bool = False,
                progress: Progress | None = None) -> int:
    """Read, validate and write a catalog file into ``store`` in one transaction; returns products written."""
    products = load_file(path, format=format, progress=progress)
    from catalog.sqlite_store import SQLiteStore

    if isinstance(store, SQLiteStore):
        return store.upsert_products(products, replace=replace, progress=progress, validate=False)
    return store.upsert_products(products, replace=replace)
