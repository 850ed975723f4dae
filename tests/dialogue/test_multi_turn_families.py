"""Families of multi-turn behaviour from the older multi-turn sets (corpus mt8 .. mt36):

- a count said on its own right after a line was ordered ("can i get poppadoms with that" - "three please", "some
  trash bags" - "thirty gallon" - "two boxes please", "sweet italian" - "six links", "and i'll take two packs" of
  a four pack) is how many of that line, never a new line nor a question about another product; a count of some
  other product's name, or a package word to a product not sold in packages, still orders what it names, and a
  count answering an offer of a product talked about orders that product.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.dialogue.conftest import Chat

Shop = Callable[[str], Chat]


def _talk(chat: Chat, *turns: str) -> str:
    text = ""
    for t in turns:
        text = chat.say(t).text
    return text


@pytest.mark.parametrize(("catalog", "turns", "sku", "count"), [
    ("curry", ["a prawn korma", "can i get poppadoms with that", "three please"], "POPPADOM", 3),
    ("curry", ["a prawn korma", "and a poppadom", "ok four then"], "POPPADOM", 4),
    ("store", ["some trash bags", "thirty gallon", "two boxes please"], "TRASH-BAGS", 2),
    ("store", ["i need batteries", "double a", "two packs please"], "AA-BATTERIES-8-PACK", 2),
    ("store", ["i need batteries", "three packs"], "AA-BATTERIES-8-PACK", 3),
    ("butcher", ["i need some sausage", "sweet italian", "six links"], "SAUSAGE", 6),
    ("butcher", ["i need some sausage", "sweet italian", "i'll take eight links please"], "SAUSAGE", 8),
    ("hardware", ["a four pack of led bulbs in daylight", "and i'll take two packs"], "LED-BULB", 2),
    ("cafe", ["a latte", "two please"], "LATTE", 2),
])
def test_a_count_alone_is_how_many_of_the_line_just_ordered(shop: Shop, catalog: str, turns: list[str], sku: str,
                                                           count: int) -> None:
    chat = shop(catalog)
    reply = _talk(chat, *turns)
    assert [(s, q) for s, q, _ in chat.lines if s == sku] == [(sku, count)]
    assert len(chat.lines) == len({s for s, _, _ in chat.lines})  # no second line of anything
    assert "What " not in reply and "Which " not in reply


def test_the_line_keeps_its_choices_when_recounted(shop: Shop) -> None:
    chat = shop("store")
    _talk(chat, "some trash bags", "thirty gallon", "two boxes please")
    assert chat.lines == [("TRASH-BAGS", 2, {"size": "30-gallon"})]


@pytest.mark.parametrize(("catalog", "turns", "expected"), [
    ("bakery", ["a baguette", "two rolls"], {"BAGUETTE": 1}),  # rolls are no package of a baguette
    ("cafe", ["a latte", "two mochas"], {"LATTE": 1, "MOCHA": 2}),  # another product's name: a line of its own
    ("cafe", ["a latte", "and two lattes"], {"LATTE": 3}),  # "and": more of them
    ("curry", ["a prawn korma", "and three please"], {"KORMA": 1}),  # "and" a bare count: no recount
])
def test_a_count_of_something_else_is_no_recount(shop: Shop, catalog: str, turns: list[str],
                                                  expected: dict[str, int]) -> None:
    chat = shop(catalog)
    _talk(chat, *turns)
    for sku, count in expected.items():
        assert chat.counts.get(sku) == count


def test_a_count_answering_an_offer_orders_the_product_offered(shop: Shop) -> None:
    chat = shop("bakery")
    _talk(chat, "a baguette", "how much is a lemon tart", "three please")
    assert chat.counts == {"BAGUETTE": 1, "LEMON-TART": 3}
