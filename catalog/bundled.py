"""The catalogs shipped with voicecart (``catalog/data/<name>.json``) and opening a store pre-loaded with one."""

from __future__ import annotations

from pathlib import Path

from catalog import json_format
from catalog.errors import CatalogError
from catalog.models import Product, ShopDetails
from catalog.sqlite_store import SQLiteStore
from catalog.store import Store

BUNDLED = ("cafe", "store", "bakery", "pizzeria", "hardware")


def bundled_path(name: str) -> Path:
    if name not in BUNDLED:
        raise CatalogError(f"no bundled catalog {name!r}; choose one of {', '.join(BUNDLED)} or give a file path")
    return Path(__file__).resolve().parent / "data" / f"{name}.json"


def load_bundled(name: str) -> list[Product]:
    """The products of a bundled catalog ("cafe" or "store")."""
    return json_format.load(bundled_path(name))


def load_catalog(catalog: str, *, currency: str = "USD") -> list[Product]:
    """A bundled catalog by name, or a catalog file (JSON, generic CSV, Shopify CSV) by path."""
    if catalog in BUNDLED:
        return load_bundled(catalog)
    path = Path(catalog).expanduser()
    if not path.exists():
        raise CatalogError(f"catalog {catalog!r} is neither a bundled catalog ({', '.join(BUNDLED)}) nor an existing file")
    from catalog.importers import load_file

    return load_file(path, currency=currency)


def load_catalog_shop(catalog: str) -> ShopDetails | None:
    """The shop's details a catalog file gives (the project JSON format's ``shop`` block), None when it gives
    none (a CSV or Shopify export never does)."""
    from catalog.importers import file_shop

    return file_shop(bundled_path(catalog) if catalog in BUNDLED else Path(catalog).expanduser())


def catalog_id(catalog: str) -> str:
    """How a catalog is recorded in a database: a bundled name, or a file's absolute path."""
    return catalog if catalog in BUNDLED else str(Path(catalog).expanduser().resolve())


def open_database(location: str | Path, *, tax_rate_bp: int = 0, currency: str = "USD") -> Store:
    """Open (creating if needed) the store at ``location``: a ``postgresql://`` URL or a SQLite file path.
    Nothing is loaded into it."""
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        from catalog.pg_store import PostgresStore

        store: Store = PostgresStore(text, currency=currency, tax_rate_bp=tax_rate_bp)
        return store
    return SQLiteStore(location, currency=currency, tax_rate_bp=tax_rate_bp)


def open_store(db_path: str | Path, *, catalog: str = "cafe", tax_rate_bp: int = 0,
               currency: str = "USD", check_catalog: bool = False) -> Store:
    """Open (creating if needed) the store at ``db_path`` (a SQLite file or a ``postgresql://`` URL); an
    empty one gets ``catalog`` loaded, and the database records which catalog it holds (and the shop's details
    the catalog file gives: ``Store.shop_details``).

    A database that already has products is left as it is (``voicecart catalog import NAME --replace``
    switches it). With ``check_catalog`` (the catalog was named explicitly), a database that holds another
    catalog is an error saying so, instead of silently serving the other one.
    """
    store = open_database(db_path, currency=currency, tax_rate_bp=tax_rate_bp)
    try:
        if store.count_products() == 0:
            store.import_products(load_catalog(catalog, currency=currency), source=catalog_id(catalog),
                                  shop=load_catalog_shop(catalog))
        elif check_catalog:
            held = store.catalog_source()
            if held is not None and held != catalog_id(catalog):
                raise CatalogError(
                    f"the database {getattr(store, 'display', db_path)} holds the catalog {held!r}, but "
                    f"{catalog!r} was asked for; switch explicitly with: voicecart catalog import {catalog} "
                    f"--replace (or name {held!r} in the configuration)")
    except BaseException:
        store.close()
        raise
    return store
