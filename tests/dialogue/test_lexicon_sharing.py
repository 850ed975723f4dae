"""One lexicon per catalog, not per store: stores holding equal products share one build (dialogue/lexicon.py)."""

from __future__ import annotations

from pathlib import Path

from catalog.bundled import open_store
from catalog.models import Product
from dialogue.lexicon import Lexicon
from dialogue.session import Session


def test_two_stores_of_one_catalog_share_a_lexicon(tmp_path: Path) -> None:
    a = open_store(tmp_path / "a.sqlite3", catalog="cafe")
    b = open_store(tmp_path / "b.sqlite3", catalog="cafe")
    try:
        assert Lexicon.for_store(a, mode="memory") is Lexicon.for_store(b, mode="memory")
    finally:
        a.close()
        b.close()


def test_a_catalog_with_variants_is_shared_too(tmp_path: Path) -> None:
    # the general store's variants carry their options as a mapping, which cannot be hashed
    a = open_store(tmp_path / "a.sqlite3", catalog="store")
    b = open_store(tmp_path / "b.sqlite3", catalog="store")
    try:
        assert any(p.variants for p in a.products())
        assert Lexicon.for_store(a, mode="memory") is Lexicon.for_store(b, mode="memory")
        assert Session(b).handle("do you have any hoodies").text
    finally:
        a.close()
        b.close()


def test_other_products_get_their_own_lexicon(tmp_path: Path) -> None:
    a = open_store(tmp_path / "a.sqlite3", catalog="cafe")
    b = open_store(tmp_path / "b.sqlite3", catalog="cafe")
    try:
        first = Lexicon.for_store(a, mode="memory")
        renamed = [Product(**{**p.__dict__, "aliases": (*p.aliases, "morning brew")}) if p.sku == "LATTE" else p
                   for p in b.products()]
        b.import_products(renamed, replace=True)
        second = Lexicon.for_store(b, mode="memory")
        assert second is not first
        assert ("morning", "brew") in second.phrases and ("morning", "brew") not in first.phrases
    finally:
        a.close()
        b.close()


def test_only_a_few_catalogs_are_kept() -> None:
    kept = Lexicon.SHARED_CATALOGS
    for k in range(kept + 3):
        Lexicon._of_products([Product(sku=f"P{k}", name=f"thing number {k}", price_cents=100)])
    assert len(Lexicon._by_products) <= kept
