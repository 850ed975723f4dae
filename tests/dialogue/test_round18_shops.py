"""One-sentence orders on the round 18 shops (a cocktail bar, a paint store): "<a> and <b>" where a and b are
values of two needed groups of one product is one item ("a gin and tonic"); a counted choice said with the
product's own noun after an item of it is another item ("two moscow mules and a kentucky mule"); a multiplier
before a product's needed choice is that product's ("a double jameson and ginger ale"); a product's choice by
its own common name said right after it ("a whiskey sour up with makers"); and "one in <choice>" is one of
them in that choice, not a "1 in" width. A product said by another name holding one of its choices is made so
though the words also name another product's choice ("a sweet and sour chicken quart"). On the corpus catalogs and on a deli counter written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_DELI = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "SANDWICH", "name": "sandwich", "price": "8.00", "stock": 50, "aliases": ["sandwiches"],
         "options": [
             {"code": "bread", "name": "bread", "required": True, "values": [
                 {"code": "rye", "name": "rye"}, {"code": "sourdough", "name": "sourdough"},
                 {"code": "white", "name": "white bread"}]},
             {"code": "filling", "name": "filling", "required": True, "values": [
                 {"code": "ham", "name": "ham"}, {"code": "turkey", "name": "turkey"},
                 {"code": "tuna", "name": "tuna"}]}]},
        {"sku": "TACO", "name": "taco", "price": "4.00", "stock": 50, "aliases": ["tacos"],
         "options": [
             {"code": "filling", "name": "taco filling", "default": "beef", "values": [
                 {"code": "beef", "name": "beef"},
                 {"code": "fish", "name": "fish", "aliases": ["fish taco", "fish tacos"]},
                 {"code": "chicken", "name": "chicken", "aliases": ["chicken taco"]}]}]},
        {"sku": "SODA", "name": "soda", "price": "2.00", "stock": 50, "aliases": ["sodas"]},
        {"sku": "MELT", "name": "melt", "price": "9.00", "stock": 50, "aliases": ["tuna melt", "melts"],
         "options": [{"code": "filling", "name": "filling", "values": [
             {"code": "tuna", "name": "tuna"}, {"code": "turkey", "name": "turkey"}]}]},
        {"sku": "COMBO", "name": "lunch combo", "price": "12.00", "stock": 50, "aliases": ["combo"],
         "options": [{"code": "main", "name": "main", "required": True, "values": [
             {"code": "melt", "name": "tuna melt"}, {"code": "taco", "name": "taco plate"}]}]},
    ],
}

Line = tuple[str, int, frozenset[str]]


def _lines(chat: Chat, *groups: str) -> list[Line]:
    """(sku, count, the values of ``groups`` on it) per line."""
    return [(ln.sku, ln.quantity, frozenset(o.value for o in ln.options if o.group in groups))
            for ln in chat.session.cart.lines]


@pytest.fixture
def deli(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _DELI)


@pytest.fixture
def bar(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("cocktailbar"))


@pytest.fixture
def paints(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("paintstore"))


@pytest.mark.parametrize(("said", "want"), [
    ("a ham and rye and a turkey and sourdough", [("SANDWICH", 1, frozenset({"ham", "rye"})),
                                                   ("SANDWICH", 1, frozenset({"turkey", "sourdough"}))]),
    ("two tuna and white bread and a soda", [("SANDWICH", 2, frozenset({"tuna", "white"})),
                                             ("SODA", 1, frozenset())]),
])
def test_values_of_two_needed_groups_joined_by_and_are_one_item(deli: Chat, said: str, want: list[Line]) -> None:
    deli.say(said)
    assert _lines(deli, "bread", "filling") == want, deli.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("a gin and tonic and a rum and coke", [("HIGHBALL", 1, frozenset({"gin", "tonic"})),
                                            ("HIGHBALL", 1, frozenset({"rum", "coke"}))]),
    ("two jack and cokes", [("HIGHBALL", 2, frozenset({"jack", "coke"}))]),
    ("a tito's and cranberry and a glass of white wine", [("HIGHBALL", 1, frozenset({"titos", "cranberry"})),
                                                         ("SAUV-BLANC", 1, frozenset())]),
    # a multiplier before the needed choice is the pour of the product it names
    ("a double jameson and ginger ale", [("HIGHBALL", 1, frozenset({"jameson", "ginger_ale", "double"}))]),
    ("a double jameson", [("WHISKEY", 1, frozenset({"jameson", "double"}))]),
])
def test_mixed_drinks_at_the_bar(bar: Chat, said: str, want: list[Line]) -> None:
    bar.say(said)
    assert _lines(bar, "spirit", "mixer", "brand", "pour") == [
        (sku, n, vals | ({"single"} if not vals & {"double"} and sku in ("HIGHBALL", "WHISKEY") else set()))
        for sku, n, vals in want], bar.replies[-1].text


def test_a_choice_and_a_choice_of_the_same_group_stays_as_it_was(deli: Chat) -> None:
    """Negative: two fillings are no pair of needed groups; "a taco with fish" is one taco."""
    deli.say("a taco with fish and a soda")
    assert _lines(deli, "filling") == [("TACO", 1, frozenset({"fish"})), ("SODA", 1, frozenset())]


@pytest.mark.parametrize(("said", "want"), [
    ("two tacos and a fish taco", [("TACO", 2, frozenset({"beef"})), ("TACO", 1, frozenset({"fish"}))]),
    ("a taco and two chicken tacos", [("TACO", 1, frozenset({"beef"})), ("TACO", 2, frozenset({"chicken"}))]),
])
def test_a_choice_said_with_the_products_noun_is_another_item(deli: Chat, said: str, want: list[Line]) -> None:
    deli.say(said)
    assert _lines(deli, "filling") == want, deli.replies[-1].text


def test_another_martini_at_the_bar(bar: Chat) -> None:
    bar.say("two moscow mules and a kentucky mule")
    assert _lines(bar, "spirit") == [("MULE", 2, frozenset({"vodka"})), ("MULE", 1, frozenset({"bourbon"}))]


def test_a_choice_with_the_noun_right_after_another_choice_is_the_same_item(bar: Chat) -> None:
    """Negative: "a dirty vodka martini" is one martini (no article between its choices)."""
    bar.say("a dirty vodka martini")
    assert _lines(bar, "spirit", "style") == [("MARTINI", 1, frozenset({"vodka", "dirty"}))]


@pytest.mark.parametrize(("said", "want"), [
    ("a whiskey sour up with makers and an old fashioned neat", [("WHISKEY-SOUR", 1, frozenset({"up"})),
                                                                  ("OLD-FASHIONED", 1, frozenset({"neat"}))]),
    ("two whiskey sours up and a negroni", [("WHISKEY-SOUR", 2, frozenset({"up"})),
                                            ("NEGRONI", 1, frozenset({"rocks"}))]),
    # negative: the common word not where the product's phrase ends is no choice
    ("a whiskey sour up here", [("WHISKEY-SOUR", 1, frozenset({"rocks"}))]),
])
def test_a_common_choice_word_right_after_its_product(bar: Chat, said: str, want: list[Line]) -> None:
    bar.say(said)
    assert _lines(bar, "serve") == want, bar.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("two sample pots one in sage and the other in butter yellow", [("SAMPLE", 1, frozenset({"sage"})),
                                                                    ("SAMPLE", 1, frozenset({"butter"}))]),
    ("two quarts of exterior paint one in pure white and one in charcoal",
     [("EXT-PAINT", 1, frozenset({"white", "quart"})), ("EXT-PAINT", 1, frozenset({"charcoal", "quart"}))]),
    # negative: "one in" with no choice after it is the one inch width
    ("two chip brushes one in and one two in", [("BRUSH", 1, frozenset({"1in"})), ("BRUSH", 1, frozenset({"2in"}))]),
])
def test_one_in_a_choice_is_one_of_them(paints: Chat, said: str, want: list[Line]) -> None:
    paints.say(said)
    assert _lines(paints, "colour", "size", "width") == want, paints.replies[-1].text


def test_a_name_holding_its_own_choice_though_another_products_choice(deli: Chat) -> None:
    deli.say("a tuna melt and a soda")
    assert _lines(deli, "filling") == [("MELT", 1, frozenset({"tuna"})), ("SODA", 1, frozenset())]


def test_the_other_products_choice_said_with_it_stays(deli: Chat) -> None:
    """Negative: "a lunch combo with a tuna melt" is the combo's main, no melt of its own."""
    deli.say("a lunch combo with a tuna melt")
    assert _lines(deli, "main") == [("COMBO", 1, frozenset({"melt"}))]


def test_sweet_and_sour_chicken_by_the_quart(tmp_path: Path) -> None:
    for chat in chat_of(tmp_path, corpus_catalog("chinesetakeout")):
        chat.say("uhh a sweet and sour chicken quart")
        assert _lines(chat, "protein", "size") == [("SWEET-SOUR", 1, frozenset({"chicken", "quart"}))]
