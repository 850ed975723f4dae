"""Session-20 fixes narrowed so older tests pass again, each with a few phrasings of its family:

* the indexed lexicon (a large catalog's) finds a name ending in a number said in the number's plural ("four pvc
  nineties") and knows the word, as the in-memory lexicon does;
* a line's add-on said as a serving of its own ("a side of olives" to a wrap whose extras hold olives, the shop
  selling olives alone too) is the product sold alone, a line of its own; said bare ("add olives") it is the add-on;
* counts that differ after "and" start lines of their own only where each phrase's choices are the item's own
  product's: "a regular udon in the shoyu with pork and two lemon sodas" is a bowl said by its parts, then sodas.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dialogue.lexicon import IndexedLexicon, Lexicon, Target
from tests.dialogue.conftest import Chat, chat_of, store_of

_FITTINGS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "ELBOW", "name": "pvc 90", "price": "1.20", "category": "fittings"},
        {"sku": "TEE", "name": "pvc tee", "price": "1.40", "category": "fittings"},
        {"sku": "SUN", "name": "sunscreen spf 50", "price": "9.00", "category": "care"},
    ],
}

_DELI = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "WRAP", "name": "wrap", "price": "9.00", "category": "wraps", "options": [
            {"code": "fillings", "name": "fillings", "required": True, "multiple": True, "values": [
                {"code": "chicken", "name": "chicken"}, {"code": "falafel", "name": "falafel"}]},
            {"code": "extras", "name": "extras", "multiple": True, "values": [
                {"code": "feta", "name": "feta"}, {"code": "olives", "name": "olives"},
                {"code": "hummus", "name": "hummus"}, {"code": "pickles", "name": "pickles"}]}]},
        {"sku": "OLIVES", "name": "olives", "price": "3.00", "category": "sides"},
        {"sku": "HUMMUS", "name": "hummus", "price": "4.00", "category": "sides"},
    ],
}

_NOODLES = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BOWL", "name": "make your own bowl", "price": "11.00", "options": [
            {"code": "noodle", "name": "noodle", "required": True, "values": [
                {"code": "udon", "name": "udon"}, {"code": "soba", "name": "soba"}]},
            {"code": "broth", "name": "broth", "required": True, "values": [
                {"code": "miso", "name": "miso"}, {"code": "shoyu", "name": "shoyu"}]},
            {"code": "size", "name": "size", "default": "regular", "values": [
                {"code": "regular", "name": "regular"}, {"code": "large", "name": "large", "price_delta": "3.00"}]},
            {"code": "topping", "name": "topping", "multiple": True, "values": [
                {"code": "egg", "name": "soft egg", "aliases": ["egg"]},
                {"code": "pork", "name": "chashu pork", "aliases": ["pork"]}]}]},
        {"sku": "DRINK", "name": "soda", "price": "2.00", "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "cola", "name": "cola"}, {"code": "lemon", "name": "lemon soda"}]}]},
    ],
}


@pytest.fixture
def deli(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _DELI)


@pytest.fixture
def noodles(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _NOODLES)


def _extras(chat: Chat) -> set[str]:
    return {o.value for ln in chat.session.cart.lines if ln.sku == "WRAP" for o in ln.options if o.group == "extras"}


# The indexed lexicon: a number's plural, as the in-memory lexicon reads it.

@pytest.mark.parametrize(("phrase", "sku"), [(("pvc", "nineties"), "ELBOW"), (("sunscreen", "spf", "fifties"), "SUN")])
def test_the_indexed_lexicon_finds_a_number_said_in_the_plural(tmp_path: Path, phrase: tuple[str, ...],
                                                               sku: str) -> None:
    store = store_of(tmp_path, _FITTINGS)
    try:
        memory = Lexicon(store.products())
        indexed = Lexicon.for_store(store, mode="indexed")
        assert isinstance(indexed, IndexedLexicon)
        assert Target("product", sku=sku) in memory.phrases[phrase]
        assert set(indexed.phrases.get(phrase, ())) == set(memory.phrases[phrase])
        assert indexed.known(phrase[-1])
        assert indexed.phrases.get(("pvc", "tees")) == memory.phrases.get(("pvc", "tees"))
        assert indexed.phrases.get(("pvc", "eighties")) is None  # no product named "pvc 80"
    finally:
        store.close()


# A line's add-on said as a serving of its own.

@pytest.mark.parametrize(("said", "extras", "side"), [
    ("put feta and a side of olives", {"feta"}, "OLIVES"),
    ("add pickles and an order of hummus", {"pickles"}, "HUMMUS"),
    ("add a side of olives", set(), "OLIVES"),
])
def test_an_add_on_said_as_a_serving_is_the_side(deli: Chat, said: str, extras: set[str], side: str) -> None:
    deli.say("a chicken wrap")
    deli.say(said)
    assert deli.counts == {"WRAP": 1, side: 1}
    assert _extras(deli) == extras


def test_an_add_on_said_bare_still_goes_on_the_line(deli: Chat) -> None:
    deli.say("a chicken wrap")
    deli.say("put feta and olives")
    assert deli.counts == {"WRAP": 1}
    assert _extras(deli) == {"feta", "olives"}


# Counts that differ after "and": a dish said by its parts, then counted drinks.

def _bowl(noodle: str, broth: str, size: str = "regular", **more: str) -> tuple[str, int, dict[str, str]]:
    return ("BOWL", 1, {"noodle": noodle, "broth": broth, "size": size, **more})


@pytest.mark.parametrize(("said", "bowl", "drink"), [
    ("a regular udon in the shoyu with pork and two lemon sodas", _bowl("udon", "shoyu", topping="pork"),
     ("DRINK", 2, {"flavour": "lemon"})),
    ("a large soba in the miso with egg and three colas", _bowl("soba", "miso", "large", topping="egg"),
     ("DRINK", 3, {"flavour": "cola"})),
    ("a regular soba in the shoyu and two colas", _bowl("soba", "shoyu"), ("DRINK", 2, {"flavour": "cola"})),
])
def test_a_dish_by_its_parts_then_counted_drinks(noodles: Chat, said: str, bowl: tuple[str, int, dict[str, str]],
                                                 drink: tuple[str, int, dict[str, str]]) -> None:
    noodles.say(said)
    assert noodles.lines == [bowl, drink]


def test_counted_drinks_by_their_choices_still_split(noodles: Chat) -> None:
    noodles.say("a cola and two lemon sodas")
    assert sorted(noodles.lines, key=lambda ln: ln[1]) == [("DRINK", 1, {"flavour": "cola"}),
                                                           ("DRINK", 2, {"flavour": "lemon"})]
