"""Catalog importers, one module per file format; :func:`load_file` picks one by name or by sniffing.

Every importer returns validated :class:`catalog.models.Product` records or raises
:class:`catalog.errors.ValidationError` naming the file, line and field; nothing touches a store until
the whole file is good, and :func:`import_file` writes it in one transaction (all or nothing). Things an
importer accepts but the shop should know about (repeated SKUs, a Windows-1252 file, no inventory column)
go to ``warn``. :func:`import_file` streams the generic CSV, Shopify, WooCommerce and large JSON files (:func:`iter_file`):
parsed, checked and written in batches, never all in memory, still in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from catalog.errors import ValidationError
from catalog.models import Product, ShopDetails
from catalog.store import Store
from catalog.text import Warn

Progress = Callable[[int, int], None]
FORMATS = ("json", "csv", "shopify", "woocommerce")


def detect_format(path: str | Path) -> str:
    """``json`` for .json files; for CSV files ``shopify`` when the header has Handle and Title,
    ``woocommerce`` when it has Type, Name and a Regular price or Parent column, else ``csv``."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        return "json"
    try:
        with p.open("rb") as fh:
            header = fh.readline(65536).decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise ValidationError(f"cannot read the file: {exc.strerror or exc}", file=str(p)) from None
    if header.lstrip().startswith(("{", "[")):
        return "json"
    cells = {c.strip().strip('"').lower() for c in header.split(",")}
    if {"handle", "title"} <= cells:
        return "shopify"
    if {"type", "name"} <= cells and cells & {"regular price", "parent"}:
        return "woocommerce"
    return "csv"


def load_file(path: str | Path, *, format: str | None = None, progress: Progress | None = None,
              warn: Warn | None = None, currency: str = "USD") -> list[Product]:
    """The products of a catalog file; ``currency`` is the store's (files without one are priced in it)."""
    fmt = (format or detect_format(path)).lower()
    if fmt == "json":
        from catalog import json_format

        return json_format.load(path, progress=progress, warn=warn)
    if fmt == "csv":
        from catalog.importers.generic_csv import load as load_csv

        return load_csv(path, progress=progress, warn=warn, currency=currency)
    if fmt == "shopify":
        from catalog.importers.shopify import load as load_shopify

        return load_shopify(path, progress=progress, warn=warn, currency=currency)
    if fmt in ("woocommerce", "woo"):
        from catalog.importers.woocommerce import load as load_woo

        return load_woo(path, progress=progress, warn=warn, currency=currency)
    raise ValidationError(f"unknown catalog format {fmt!r}; use one of {', '.join(FORMATS)}", file=str(path))


def iter_file(path: str | Path, *, format: str | None = None, progress: Progress | None = None,
              warn: Warn | None = None, currency: str = "USD", parallel: bool | None = None) -> Iterable[Product]:
    """Like :func:`load_file`, but the generic CSV format is streamed: its products come one at a time
    (validated; a bad row raises :class:`ValidationError` when the iteration reaches it), so a file of a
    million products is never held in memory. A large CSV file (``parallel=None``: 4 MB or more) is read in
    a worker process while the caller writes (:mod:`catalog.importers.pipeline`). Shopify and WooCommerce
    exports are streamed too (in this process), and so is a project JSON file of 4 MB or more
    (:func:`catalog.json_format.iter_load`)."""
    fmt = (format or detect_format(path)).lower()
    if fmt == "csv":
        from catalog.importers import pipeline
        from catalog.importers.generic_csv import iter_products

        reader = iter_products
        if parallel if parallel is not None else Path(path).stat().st_size >= pipeline.PARALLEL_FROM_BYTES:
            reader = pipeline.iter_products_parallel  # read and checked on the other core
        return reader(path, progress=progress, warn=warn, currency=currency)
    if fmt == "shopify":
        from catalog.importers.shopify import iter_products as iter_shopify

        return iter_shopify(path, progress=progress, warn=warn, currency=currency)
    if fmt in ("woocommerce", "woo"):
        from catalog.importers.woocommerce import iter_products as iter_woo

        return iter_woo(path, progress=progress, warn=warn, currency=currency)
    if fmt == "json":
        from catalog.json_format import iter_load

        return iter_load(path, progress=progress, warn=warn)
    return load_file(path, format=fmt, progress=progress, warn=warn, currency=currency)


def file_shop(path: str | Path, *, format: str | None = None) -> ShopDetails | None:
    """The shop's details a catalog file gives: the ``shop`` block of a project JSON file
    (:func:`catalog.json_format.load_shop`); None for the CSV formats, which have no place for them."""
    if (format or detect_format(path)).lower() != "json":
        return None
    from catalog.json_format import load_shop

    return load_shop(path)


def import_file(store: Store, path: str | Path, *, format: str | None = None, replace: bool = False,
                progress: Progress | None = None, warn: Warn | None = None, source: str | None = None,
                parallel: bool | None = None) -> int:
    """Read, validate and write a catalog file into ``store`` in one transaction; returns products written.

    A generic CSV file is streamed into the store in batches inside that transaction (an error on any
    line rolls everything back); a store that is empty gets its database written as the file is read.
    With ``source``, the file's ``shop`` block (:func:`file_shop`) is recorded with it."""
    shop = file_shop(path, format=format) if source else None
    products = iter_file(path, format=format, progress=progress, warn=warn, currency=store.currency,
                         parallel=parallel)
    return store.import_products(products, replace=replace, progress=None if isinstance(products, Iterator)
                                 else progress, source=source, shop=shop)
