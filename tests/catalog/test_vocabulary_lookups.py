"""The store's vocabulary lookups (what the dialogue's indexed lexicon asks instead of reading every product),
on SQLite and PostgreSQL: option-group definitions kept at import time, names found by their words, option
owners, and the indexed lexicon giving exactly the in-memory lexicon's phrases on a bundled catalog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from catalog.bundled import load_bundled, open_database
from catalog.models import OptionGroup, OptionValue, Product
from catalog.store import Store
from dialogue.lexicon import IndexedLexicon, Lexicon

SIZE = OptionGroup("size", "size", (OptionValue("s", "small"), OptionValue("l", "large")), default="s")
COLOUR = OptionGroup("colour", "colour", (OptionValue("red", "red"), OptionValue("blue", "blue")), required=True)


@pytest.fixture
def store(location: str) -> Iterator[Store]:
    s = open_database(location)
    yield s
    s.close()


def _products() -> list[Product]:
    return [
        Product("TEE", "Classic Tee", 1500, option_groups=(SIZE, COLOUR)),
        Product("MUG", "Classic Mug", 900, aliases=("coffee cup",), option_groups=(SIZE,)),
        Product("MUGS", "Travel Mugs Deluxe", 1900),
        Product("OLD", "Classic Lamp", 2500, active=False, option_groups=(COLOUR,)),
        Product("GLUE", "Carpenter's Glue", 700),
    ]


def test_option_groups_are_kept_at_import_and_follow_changes(store: Store) -> None:
    store.import_products(_products())
    assert sorted((g.code, len(g.values)) for g in store.option_groups()) == [("colour", 2), ("size", 2)]
    assert store.option_groups()[0] == SIZE  # used by two active products: first
    version = store.catalog_version()
    store.upsert_products([Product("TEE", "Classic Tee", 1500)])  # the tee drops its options
    assert store.catalog_version() != version
    assert [g.code for g in store.option_groups()] == ["size"]  # the inactive lamp's colour does not count
    store.upsert_products([Product("MUG", "Classic Mug", 900)], replace=True)
    assert store.option_groups() == []


def test_products_named_and_offering(store: Store) -> None:
    store.import_products(_products())
    assert [p.sku for p in store.products_named([[["classic"]]], limit=10)] == ["TEE", "MUG"]  # not the inactive lamp
    assert [p.sku for p in store.products_named([[["mug", "mugs"], ["classic"]]], limit=10)] == ["MUG"]
    assert {p.sku for p in store.products_named([[["mug", "mugs"]]], limit=10)} == {"MUG", "MUGS"}
    assert [p.sku for p in store.products_named([[["cup"], ["coffee"]]], limit=10)] == ["MUG"]  # an alias
    assert [p.sku for p in store.products_named([[["carpenters"]]], limit=10)] == ["GLUE"]
    assert store.products_named([[["classic"]]], limit=1)[0].sku == "TEE"
    assert store.products_named([[["nothing"]]], limit=10) == []
    assert store.products_offering("size", "l") == ["MUG", "TEE"]
    assert store.products_offering("colour", "red") == ["TEE"]
    assert {t.word for t in store.vocabulary()} >= {"classic", "tee", "mug", "mugs", "large", "red"}


def test_indexed_lexicon_gives_the_in_memory_phrases_on_a_bundled_catalog(store: Store) -> None:
    store.import_products(load_bundled("store"))
    memory = Lexicon(store.products())
    indexed = Lexicon.for_store(store, mode="indexed")
    assert isinstance(indexed, IndexedLexicon)
    assert Lexicon.for_store(store, mode="indexed") is indexed  # shared while the catalog stays the same
    differ = [k for k, targets in memory.phrases.items() if set(indexed.phrases.get(k, ())) != set(targets)]
    assert differ == []
    assert indexed.phrases.get(("no", "such", "thing")) is None
    assert {w for k in memory.phrases for w in k if not indexed.known(w)} == set()
    assert set(indexed.groups) == set(memory.groups)
    sku = next(iter(memory.products))
    assert indexed.products[sku] == memory.products[sku]
    for (group, value), skus in list(memory.option_skus.items())[:20]:
        assert set(indexed.option_skus[(group, value)]) == skus


def test_a_session_orders_through_the_indexed_lexicon(store: Store) -> None:
    from dialogue.session import Session

    store.import_products(_products())
    session = Session(store, lexicon=Lexicon.for_store(store, mode="indexed"))
    session.handle("two large classic mugs and a red classic tee in small")
    assert [(ln.sku, ln.quantity, {o.group: o.value for o in ln.options}) for ln in session.cart.lines] == [
        ("MUG", 2, {"size": "l"}), ("TEE", 1, {"size": "s", "colour": "red"})]
    session.handle("a classic lamp")  # not for sale: never offered
    assert [ln.sku for ln in session.cart.lines] == ["MUG", "TEE"]
