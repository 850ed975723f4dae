"""A large catalog: the dialogue looks words up in the store's indexes instead of reading every product.

30,000 generated products in a real SQLite file (above ``INDEXED_ABOVE``, so ``Session`` picks the indexed
lexicon by itself); the store is wrapped to count what is read: the session greets and orders without ever
listing the products, reading a bounded number of rows.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from catalog.models import OptionGroup, OptionValue, Product
from catalog.sqlite_store import SQLiteStore
from dialogue.lexicon import INDEXED_ABOVE, IndexedLexicon, Lexicon
from dialogue.session import Session
from tests.dialogue.counting import Counting

N = 30_000
ADJECTIVES = ["classic", "organic", "deluxe", "mini", "compact", "vintage", "modern", "rustic", "soft", "sturdy",
              "cozy", "bright", "striped", "wooden", "ceramic", "steel", "cotton", "wool", "bamboo", "glass"]
NOUNS = ["mug", "kettle", "teapot", "lamp", "vase", "rug", "mirror", "clock", "candle", "cushion", "blanket",
         "notebook", "pen", "shirt", "hoodie", "jacket", "scarf"]
WEARABLE = {"shirt", "hoodie", "jacket", "scarf"}
SIZE = OptionGroup("size", "size", (OptionValue("s", "small"), OptionValue("m", "medium"), OptionValue("l", "large")),
                   default="m")
COLOURS = ["red", "blue", "green", "black", "white", "grey"]


def _catalog(n: int) -> Iterator[Product]:
    rng = random.Random(5)
    for i in range(n):
        noun = rng.choice(NOUNS)
        name = " ".join([*rng.sample(ADJECTIVES, rng.choice([1, 2])), noun])
        groups: tuple[OptionGroup, ...] = ()
        if noun in WEARABLE:
            colours = OptionGroup("colour", "colour", tuple(OptionValue(c, c) for c in rng.sample(COLOURS, 3)),
                                  required=True)
            groups = (colours, SIZE)
        yield Product(f"P{i:06d}", name, 100 + i % 5000, category=noun, brand=f"brand{i % 97}", option_groups=groups)
        if i == n // 2:
            yield Product("WALNUT-CLOCK", "Zanzibar Walnut Clock", 4500, category="clock")
            yield Product("LINEN-TEE", "Lagoon Linen Tee", 2200, category="shirt", option_groups=(SIZE,))


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteStore]:
    store = SQLiteStore(tmp_path_factory.mktemp("big") / "big.sqlite3")
    store.import_products(_catalog(N))
    yield store
    store.close()


@pytest.fixture
def counted(big: SQLiteStore) -> Callable[[], Counting]:
    return lambda: Counting(big)


def test_a_large_catalog_greets_and_orders_without_reading_every_product(counted: Callable[[], Counting]) -> None:
    store = counted()
    assert N > INDEXED_ABOVE
    session = Session(store)  # type: ignore[arg-type]
    assert isinstance(session.lexicon, IndexedLexicon)
    assert "What can I get you" in session.greeting().text
    reply = session.handle("two of the zanzibar walnut clocks")
    assert [(ln.sku, ln.quantity) for ln in session.cart.lines] == [("WALNUT-CLOCK", 2)]
    assert "Zanzibar Walnut Clock" in reply.text
    reply = session.handle("and a large lagoon linen tee")
    assert [(ln.sku, ln.quantity, {o.group: o.value for o in ln.options}) for ln in session.cart.lines] == [
        ("WALNUT-CLOCK", 2, {}), ("LINEN-TEE", 1, {"size": "l"})]
    reply = session.handle("that's all")
    assert "Shall I place the order" in reply.text
    reply = session.handle("yes")
    assert session.orders and [(ln.sku, ln.quantity) for ln in session.orders[0].lines] == [
        ("WALNUT-CLOCK", 2), ("LINEN-TEE", 1)]
    assert store.calls["products"] == 0  # never the whole catalog
    assert store.products_read < 500, store.products_read  # a bounded number of rows, not 30,000
    assert session.lexicon.lookups < 200


def test_misheard_and_plural_words_on_a_large_catalog(counted: Callable[[], Counting]) -> None:
    store = counted()
    session = Session(store, lexicon=Lexicon.for_store(store))  # type: ignore[arg-type]
    session.handle("three zanzibar walnat clocks")  # one letter off: corrected to the catalog's word
    assert [(ln.sku, ln.quantity) for ln in session.cart.lines] == [("WALNUT-CLOCK", 3)]
    assert store.calls["products"] == 0


def test_a_shared_word_offers_a_bounded_choice(big: SQLiteStore) -> None:
    lex = Lexicon.for_store(big)
    assert isinstance(lex, IndexedLexicon)
    targets = lex.phrases.get(("wooden", "clock"), [])
    assert targets and all(t.kind == "product" for t in targets)
    assert len(targets) <= 64  # hundreds of products are called that: the first 64 by name length
    assert all("clock" in lex.products[t.sku].name for t in targets)
    assert lex.known("clocks") and not lex.known("zzyzx")
    assert "LINEN-TEE" in lex.option_skus[("size", "l")] and "WALNUT-CLOCK" not in lex.option_skus[("size", "l")]


def test_lexicon_mode_is_chosen_by_size_or_configuration(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    small = SQLiteStore(tmp_path / "small.sqlite3")
    small.import_products(list(_catalog(50)))
    try:
        assert type(Lexicon.for_store(small)) is Lexicon
        monkeypatch.setenv("VOICECART_LEXICON", "indexed")
        assert isinstance(Lexicon.for_store(small), IndexedLexicon)
        monkeypatch.setenv("VOICECART_LEXICON", "memory")
        assert type(Lexicon.for_store(small)) is Lexicon
        monkeypatch.setenv("VOICECART_LEXICON", "fast")
        with pytest.raises(ValueError, match="auto, memory or indexed"):
            Lexicon.for_store(small)
    finally:
        small.close()
