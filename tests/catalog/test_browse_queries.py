"""The store's catalog-wide lookups (what the dialogue asks for the menu, "the cheapest", "what's vegan",
"anything under three dollars" without reading every product), on SQLite and PostgreSQL: counts kept at
import time that follow upserts and replacements, and bounded, ordered product lists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from catalog.bundled import open_database
from catalog.models import Product
from catalog.store import Store


@pytest.fixture
def store(location: str) -> Iterator[Store]:
    s = open_database(location)
    yield s
    s.close()


def _products() -> list[Product]:
    return [
        Product("CRO", "Croissant", 350, category="Pastries", tags=("vegetarian",)),
        Product("MUF", "Blueberry Muffin", 300, category="Pastries", tags=("vegan", "gluten free")),
        Product("SCO", "Scone", 300, category="Pastries", tags=("vegan",)),
        Product("LAT", "Latte", 450, category="Drinks", tags=("featured", "vegetarian")),
        Product("ESP", "Espresso", 250, category="Drinks", tags=("vegan",)),
        Product("MOC", "Mocha", 525, category="Drinks"),
        Product("TEA", "Green Tea", 275, category="Tea"),
        Product("OLD", "Old Cake", 100, category="Cakes", tags=("vegan",), active=False),
        Product("FREE", "Gift Card", 2000),
    ]


def test_category_and_tag_counts_are_kept_at_import_and_follow_changes(store: Store) -> None:
    store.import_products(_products())
    assert store.category_counts() == [("Drinks", 3), ("Pastries", 3), ("Tea", 1)]  # not the inactive cake's
    assert store.tag_counts() == [("vegan", 3), ("vegetarian", 2), ("featured", 1), ("gluten free", 1)]
    assert store.categories() == ["Drinks", "Pastries", "Tea"]
    assert (store.count_products(), store.count_products(active_only=True)) == (9, 8)
    store.upsert_products([Product("SCO", "Scone", 300, category="Tea")])  # moved, and no longer vegan
    assert store.category_counts() == [("Drinks", 3), ("Pastries", 2), ("Tea", 2)]
    assert ("vegan", 2) in store.tag_counts()
    store.upsert_products([Product("TEA", "Green Tea", 275, category="Tea", active=False)])
    assert store.category_counts()[-1] == ("Tea", 1)
    store.upsert_products([Product("LAT", "Latte", 450, category="Drinks", tags=("featured",))], replace=True)
    assert store.category_counts() == [("Drinks", 1)]
    assert store.tag_counts() == [("featured", 1)]
    assert store.count_products(active_only=True) == 1


def test_products_by_price_are_the_cheapest_or_dearest_few(store: Store) -> None:
    store.import_products(_products())
    assert [p.sku for p in store.products_by_price(limit=3)] == ["ESP", "TEA", "MUF"]  # ties by SKU; not OLD
    assert [p.sku for p in store.products_by_price(limit=2, descending=True)] == ["FREE", "MOC"]
    assert [p.sku for p in store.products_by_price(limit=5, category="Pastries")] == ["MUF", "SCO", "CRO"]
    assert [p.sku for p in store.products_by_price(limit=1, category="Pastries", descending=True)] == ["CRO"]
    assert [p.sku for p in store.products_by_price(limit=10, max_price_cents=300)] == ["ESP", "TEA", "MUF", "SCO"]
    assert [p.sku for p in store.products_by_price(limit=10, min_price_cents=500, max_price_cents=1000)] == ["MOC"]
    assert store.products_by_price(limit=10, category="pastries") == []  # a category exactly as written
    assert store.products_by_price(limit=0) == []


def test_products_tagged_and_listed(store: Store) -> None:
    store.import_products(_products())
    assert sorted(p.sku for p in store.products_tagged("vegan", limit=10)) == ["ESP", "MUF", "SCO"]
    assert len(store.products_tagged("vegan", limit=2)) == 2
    assert [p.sku for p in store.products_tagged("gluten free", limit=10)] == ["MUF"]
    assert store.products_tagged("gluten", limit=10) == []  # a word of a tag is not the tag
    assert store.products_tagged("nothing", limit=10) == []
    assert [p.sku for p in store.products_listed(limit=4)] == ["FREE", "ESP", "LAT", "MOC"]  # products() order
    assert [p.sku for p in store.products_listed(limit=10, category="Pastries")] == ["MUF", "CRO", "SCO"]
    assert [p.sku for p in store.products_listed(limit=100)] == [p.sku for p in store.products()]


def test_tags_the_tokenizer_splits_are_still_found(store: Store) -> None:
    store.import_products([Product("A", "Apple Pie", 400, tags=("chef's choice",)),
                           Product("B", "Berry Pie", 450, tags=("chef's",)),
                           Product("C", "Cherry Pie", 500, tags=("Café-Spécial",))])
    assert [p.sku for p in store.products_tagged("chef's choice", limit=5)] == ["A"]
    assert [p.sku for p in store.products_tagged("chef's", limit=5)] == ["B"]
    assert [p.sku for p in store.products_tagged("Café-Spécial", limit=5)] == ["C"]


def test_a_database_from_before_the_counts_gets_them_on_open(location: str, backend: str) -> None:
    from catalog.models import OptionGroup, OptionValue

    size = OptionGroup("size", "size", (OptionValue("s", "small"), OptionValue("l", "large")), default="s")
    store = open_database(location)
    store.import_products([*_products(), Product("CUP", "Cup", 200, category="Drinks", option_groups=(size,))])
    conn: Any = store._conn  # type: ignore[attr-defined]
    used = conn.execute("SELECT sum(products) FROM option_groups").fetchone()[0]
    conn.execute("DELETE FROM facets")  # as an older voicecart left it: no facets table rows
    if backend == "sqlite":
        conn.execute("PRAGMA user_version = 4")
    else:
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    store.close()
    store = open_database(location)
    try:
        assert store.category_counts() == [("Drinks", 4), ("Pastries", 3), ("Tea", 1)]
        assert store.count_products(active_only=True) == 9
        assert ("vegan", 3) in store.tag_counts()
        conn = store._conn  # type: ignore[attr-defined]
        assert conn.execute("SELECT sum(products) FROM option_groups").fetchone()[0] == used  # not counted twice
    finally:
        store.close()
