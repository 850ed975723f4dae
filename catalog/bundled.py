"""The catalogs shipped with voicecart (``catalog/data/<name>.json``) and opening a store pre-loaded with one."""

from __future__ import annotations

from pathlib import Path

from catalog import json_format
from catalog.errors import CatalogError
from catalog.models import Product
from catalog.sqlite_store import SQLiteStore

BUNDLED = ("cafe", "store", "bakery")


def bundled_path(name: str) -> Path:
    if name not in BUNDLED:
        raise CatalogError(f"no bundled catalog {name!r}; choose one of {', '.join(BUNDLED)} or give a file path")
    return Path(__file__).resolve().parent / "data" / f"{name}.json"


def load_bundled(name: str) -> list[Product]:
    """The products of a bundled catalog ("cafe" or "store")."""
    return json_format.load(bundled_path(name))


def load_catalog(catalog: str) -> list[Product]:
    """A bundled catalog by name, or a catalog file (JSON, generic CSV, Shopify CSV) by path."""
    if catalog in BUNDLED:
        return load_bundled(catalog)
    path = Path(catalog).expanduser()
    if not path.exists():
        raise CatalogError(f"catalog {catalog!r} is neither a bundled catalog ({', '.join(BUNDLED)}) nor an existing file")
    from catalog.importers import load_file

    return load_file(path)


def open_store(db_path: str | Path, *, catalog: str = "cafe", tax_rate_bp: int = 0,
               currency: str = "USD") -> SQLiteStore:
    """Open (creating if needed) the SQLite store at ``db_path``; an empty one gets ``catalog`` loaded.

    A database that already has products is left as it is (use ``voicecart catalog import --replace`` to
    change its catalog).
    """
    store = SQLiteStore(db_path, currency=currency, tax_rate_bp=tax_rate_bp)
    try:
        if store.count_products() == 0:
            store.upsert_products(load_catalog(catalog))
    except BaseException:
        store.close()
        raise
    return store
