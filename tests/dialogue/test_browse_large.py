"""Catalog-wide questions on a large catalog: "what's the cheapest", "anything under three dollars", "what's
vegan", "menu please", "what do you recommend" answered from the store's bounded queries.

25,000 generated products in a real SQLite file (above ``INDEXED_ABOVE``: the session picks the indexed
lexicon by itself); the store is wrapped to count what is read — ``products()`` is never called and only a
bounded number of rows come back. On a small catalog the in-memory and the indexed answers are the same.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from catalog.models import Product
from catalog.sqlite_store import SQLiteStore
from dialogue.lexicon import INDEXED_ABOVE, IndexedLexicon, Lexicon
from dialogue.session import Session
from tests.dialogue.counting import Counting

N = 25_000
CATEGORIES = ["clocks", "lamps", "mugs", "candles", "rugs", "vases", "kettles", "cushions"]
ADJECTIVES = ["classic", "organic", "deluxe", "mini", "compact", "vintage", "modern", "rustic", "soft", "sturdy"]


def _catalog(n: int, seed: int = 7) -> Iterator[Product]:
    rng = random.Random(seed)
    for i in range(n):
        category = CATEGORIES[i % len(CATEGORIES)]
        name = f"{rng.choice(ADJECTIVES)} {rng.choice(ADJECTIVES)} {category[:-1]} {i}"
        tags = ("vegan",) if i % 7 == 0 else ()
        price = 500 + (i * 7919) % 20_000  # distinct enough; the unique extremes are added below
        yield Product(f"P{i:06d}", name.title(), price, category=category.title(), tags=tags)
    yield Product("TINY", "Tiny Tea Sample", 45, category="Mugs")
    yield Product("GRAND", "Grand Brass Lamp", 99_900, category="Lamps")
    yield Product("CHEAP-CLOCK", "Pocket Clock", 120, category="Clocks")
    yield Product("GONE", "Ghost Candle", 10, category="Candles", active=False, tags=("vegan",))
    for sku, name in (("F1", "Signature Candle"), ("F2", "House Blend Mug"), ("F3", "Featured Rug")):
        yield Product(sku, name, 2500, category="Candles", tags=("featured",))


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteStore]:
    store = SQLiteStore(tmp_path_factory.mktemp("browse") / "big.sqlite3")
    store.import_products(_catalog(N))
    yield store
    store.close()


def _session(store: Any) -> Session:
    session = Session(store)
    assert isinstance(session.lexicon, IndexedLexicon)
    session.greeting()
    return session


def _prices(text: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d\d)?", text)


def test_catalog_wide_questions_read_a_bounded_number_of_rows(big: SQLiteStore) -> None:
    assert N > INDEXED_ABOVE
    store = Counting(big)
    session = _session(store)

    reply = session.handle("what's the cheapest").text
    assert "Tiny Tea Sample" in reply, reply  # not the inactive ghost candle at ten cents
    reply = _session(store).handle("what's the most expensive").text
    assert "Grand Brass Lamp" in reply, reply
    reply = _session(store).handle("what's the cheapest clock").text
    assert "Pocket Clock" in reply, reply

    session = _session(store)
    reply = session.handle("anything under three dollars").text
    assert "Tiny Tea Sample" in reply and "Pocket Clock" in reply, reply
    assert all(big.get_product(s).price_cents <= 300 for s in session.state.shown)  # type: ignore[union-attr]

    session = _session(store)
    reply = session.handle("what's vegan").text
    vegan = dict(big.tag_counts())["vegan"]
    assert reply.startswith("For vegan, we have"), reply
    assert session.state.shown and all("vegan" in big.get_product(s).tags  # type: ignore[union-attr]
                                       for s in session.state.shown)
    assert vegan > 3000 and "GONE" not in session.state.shown

    reply = _session(store).handle("menu please").text
    largest = [c for c, _ in big.category_counts()[:6]]  # the six largest categories, ties by name
    assert reply.startswith("We have ") and all(c in reply for c in largest) and "Vases" not in reply, reply

    reply = _session(store).handle("what do you recommend").text
    assert all(name in reply for name in ("Signature Candle", "House Blend Mug", "Featured Rug")), reply

    session = _session(store)
    reply = session.handle("what lamps do you have").text
    assert reply.startswith("We have the") and "in all" in reply, reply
    assert all(big.get_product(s).category == "Lamps" for s in session.state.shown)  # type: ignore[union-attr]

    assert store.calls["products"] == 0  # never the whole catalog
    assert store.products_read < 1000, store.products_read  # a bounded number of rows, not 25,000


def test_small_catalog_answers_the_same_in_memory_and_indexed(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    store = SQLiteStore(tmp_path / "small.sqlite3")
    store.import_products(list(_catalog(300, seed=3)))
    questions = ["what's the cheapest", "what's the most expensive", "what's the cheapest lamp", "what's vegan",
                 "menu please", "what do you recommend", "anything under six dollars"]  # browse, not the search
    try:
        answers = {}
        for mode in ("memory", "indexed"):
            monkeypatch.setenv("VOICECART_LEXICON", mode)
            lex = Lexicon.for_store(store)
            assert isinstance(lex, IndexedLexicon) == (mode == "indexed")
            got = []
            for q in questions:
                session = Session(store, lexicon=lex)
                session.greeting()
                got.append(session.handle(q).text)
            answers[mode] = got
        for q, mem, idx in zip(questions, answers["memory"], answers["indexed"], strict=True):
            assert mem == idx, (q, mem, idx)
    finally:
        store.close()
