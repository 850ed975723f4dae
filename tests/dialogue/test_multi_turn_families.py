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


# A line shared into parts, one said plain: "two with oat milk and one plain" is two with oat milk and one as the
# line is, even where "plain" also names a product in part (the cafe's "plain croissant").
@pytest.mark.parametrize(("first", "parts"), [
    ("three lattes", "two with oat milk and one plain"),
    ("three cappuccinos", "two with oat milk and the other plain"),
    ("three lattes", "two with oat milk and one regular"),
])
def test_a_part_said_plain_stays_as_the_line_is(shop: Shop, first: str, parts: str) -> None:
    chat = shop("cafe")
    _talk(chat, first, parts)
    assert "CROISSANT" not in chat.counts
    assert sorted((q, o.get("milk")) for _, q, o in chat.lines) == [(1, "whole"), (2, "oat")]


def test_plain_still_orders_the_plain_croissant_when_no_line_is_shared(shop: Shop) -> None:
    chat = shop("cafe")
    _talk(chat, "a latte", "and one plain croissant")
    assert chat.counts.get("CROISSANT") == 1


# "One of the lattes without the vanilla": "without the" leaves the choice out, as "without" does.
@pytest.mark.parametrize("turn", [
    "one of the lattes without the vanilla",
    "oh sorry one of the lattes without the vanilla",
    "one of them without the vanilla",
])
def test_without_the_choice_takes_it_off_one_unit(shop: Shop, turn: str) -> None:
    chat = shop("cafe")
    _talk(chat, "can i get two vanilla lattes", turn)
    syrups = sorted((ln.quantity, [(o.value, o.amount) for o in ln.options if o.group == "syrup"])
                    for ln in chat.session.cart.lines)
    assert syrups in ([(1, []), (1, [("vanilla", "regular")])], [(1, [("vanilla", "none")]), (1, [("vanilla", "regular")])])


# "The general tso's, not too spicy, make it mild": "too" of "not too" is how spicy, no word of more: the cart's
# general tso's line is made mild, the line in focus (the egg rolls) is never swapped for it.
@pytest.mark.parametrize("turn", [
    "and the general tso's not too spicy make it mild",
    "the general tso's not too spicy make it mild please",
])
def test_not_too_is_no_word_of_more(shop: Shop, turn: str) -> None:
    chat = shop("chinesetakeout")
    _talk(chat, "a quart of general tso's", "and four egg rolls", turn)
    assert chat.lines == [("GEN-TSO", 1, {"size": "quart", "spice": "mild"}), ("EGG-ROLL", 4, {})]


# "Make the paint a gallon" to a quart of exterior paint: "the paint", a word that ends the name of the product of
# one cart line only, is that line, even where "paint" also names another product in full (the interior paint);
# no new line of the other paint, no question about its colour.
@pytest.mark.parametrize("turn", [
    "no sorry make the paint a gallon",
    "actually can you make the paint a gallon",
    "the paint in a gallon please",
])
def test_the_line_named_by_the_last_word_of_its_name(shop: Shop, turn: str) -> None:
    chat = shop("hardware")
    reply = _talk(chat, "a quart of exterior paint in navy and a 2 inch paint brush", "and painter's tape", turn)
    assert "INTERIOR-PAINT" not in chat.counts
    assert [o["size"] for s, _, o in chat.lines if s == "EXTERIOR-PAINT"] == ["gallon"]
    assert "What colour" not in reply


def test_a_word_of_more_leaves_the_line_as_it_is(shop: Shop) -> None:
    chat = shop("hardware")
    _talk(chat, "a quart of exterior paint in navy", "add a gallon of the paint in grey too")
    assert ("EXTERIOR-PAINT", 1, {"colour": "navy", "finish": "satin", "size": "quart"}) in chat.lines
    assert len(chat.lines) == 2


# "Two ube mochi donuts" - "and one more in matcha": one more of the line in focus in a choice it offers, though
# "matcha" also names a product (the matcha latte); the product is ordered when named in full.
@pytest.mark.parametrize("turn", [
    "and one more in matcha",
    "and another in matcha",
    "one more in matcha please",
    "and another one in matcha",
])
def test_one_more_in_a_choice_of_the_line(shop: Shop, turn: str) -> None:
    chat = shop("bobashop")
    _talk(chat, "what flavours do the mochi donuts come in", "i'll take two ube", turn)
    assert chat.lines == [("MOCHI-DONUT", 2, {"flavour": "ube"}), ("MOCHI-DONUT", 1, {"flavour": "matcha"})]


def test_the_product_named_in_full_is_still_ordered(shop: Shop) -> None:
    chat = shop("bobashop")
    _talk(chat, "two ube mochi donuts", "and a matcha latte")
    assert chat.counts == {"MOCHI-DONUT": 2, "MATCHA-LATTE": 1}


def test_one_more_in_another_choice_of_a_plain_line(shop: Shop) -> None:
    chat = shop("bikeshop")
    _talk(chat, "a kids helmet in pink", "and one more in purple")
    assert sorted(o["colour"] for s, q, o in chat.lines if s == "KIDS-HELMET") == ["pink", "purple"]


# "Actually make it two dozen roses" right after a balloon was added: the roses' line (a product of another kind
# than the balloon) is made so; the balloon is never swapped for roses. "No make it a large mocha" to a latte (the
# same kind) still swaps the line in focus.
@pytest.mark.parametrize(("catalog", "turns", "expected"), [
    ("florist", ["hi i'd like to send a dozen red roses", "oh and a happy birthday balloon",
                 "actually make it two dozen roses"],
     [("ROSE-BOUQUET", 1, "stems", "24"), ("BALLOON", 1, "message", "birthday")]),
    ("cafe", ["a latte", "and a blueberry muffin", "actually make it a large latte"],
     [("LATTE", 1, "size", "large"), ("BLUEBERRY-MUFFIN", 1, "warmed", "no")]),
])
def test_make_it_naming_another_kinds_line_changes_that_line(shop: Shop, catalog: str, turns: list[str],
                                                             expected: list[tuple[str, int, str, str]]) -> None:
    chat = shop(catalog)
    _talk(chat, *turns)
    assert [(s, q, g, o.get(g)) for (s, q, o), (_, _, g, _) in zip(chat.lines, expected, strict=True)] == expected


def test_make_it_naming_a_product_of_the_same_kind_still_swaps(shop: Shop) -> None:
    chat = shop("cafe")
    _talk(chat, "a latte", "and a mocha", "no make it a large latte")
    assert chat.counts == {"LATTE": 2}


# A change said of the units: "twelve cans" - "the case of twelve instead" is one case of twelve (not twelve
# cases); "make the knots twelve" to knots sold by 6 or 12 is the order of twelve (not twelve orders), while "make
# the cokes three" (no such choice) is three cokes.
@pytest.mark.parametrize("turn", [
    "actually get me the case of twelve instead",
    "actually the case of twelve",
    "make it a case of twelve",
])
def test_a_pack_holding_the_lines_units_is_one_pack(shop: Shop, turn: str) -> None:
    chat = shop("petshop")
    _talk(chat, "twelve cans of cat food tuna", turn)
    assert [(s, q, o.get("pack")) for s, q, o in chat.lines] == [("CAT-CANS", 1, "12pk")]


def test_a_pack_of_another_size_is_no_single_pack(shop: Shop) -> None:
    chat = shop("petshop")
    _talk(chat, "twelve cans of cat food tuna", "actually the case of twelve instead")
    _talk(chat, "and six cans of chicken")
    assert ("CAT-CANS", 6) in [(s, q) for s, q, _ in chat.lines]


@pytest.mark.parametrize(("turns", "expected"), [
    (["a meat lovers large and an order of garlic knots", "and make the knots twelve"], ("GARLIC-KNOTS", 1, "12")),
    (["a meat lovers large and an order of garlic knots", "make the garlic knots twelve"], ("GARLIC-KNOTS", 1, "12")),
    (["a meat lovers large and an order of garlic knots", "make the knots two"], ("GARLIC-KNOTS", 2, "6")),
])
def test_make_the_line_a_number_of_its_piece_choice(shop: Shop, turns: list[str], expected: tuple[str, int, str]) -> None:
    chat = shop("pizzeria")
    _talk(chat, *turns)
    assert [(s, q, o.get("count")) for s, q, o in chat.lines if s == "GARLIC-KNOTS"] == [expected]


def test_make_the_line_a_number_it_has_no_choice_of_is_its_count(shop: Shop) -> None:
    chat = shop("pizzeria")
    _talk(chat, "two cokes", "and make the cokes three")
    assert chat.counts == {"COKE": 3}


# "Do you still have mochi donuts" - "two of those one ube and one matcha": the two offered, shared out by flavour;
# no question of a flavour, no line of two more.
@pytest.mark.parametrize(("turn", "expected"), [
    ("two of those one ube and one matcha", [("ube", 1), ("matcha", 1)]),
    ("two of those one ube and one strawberry", [("ube", 1), ("strawberry", 1)]),
    ("three of them two ube and one matcha", [("ube", 2), ("matcha", 1)]),
])
def test_the_product_offered_shared_out_by_its_choices(shop: Shop, turn: str, expected: list[tuple[str, int]]) -> None:
    chat = shop("bobashop")
    reply = _talk(chat, "hey do you still have mochi donuts", turn)
    assert [(o.get("flavour"), q) for s, q, o in chat.lines] == expected
    assert all(s == "MOCHI-DONUT" for s, _, _ in chat.lines)
    assert "What flavour" not in reply


# "How much is a baguette and i'll have two": the question is answered (the price said) and the two ordered, in
# one reply; a question about stock with an order ("do you have croissants i'll take two") says no price.
@pytest.mark.parametrize(("catalog", "turn", "price", "sku", "count"), [
    ("bakery", "how much is a baguette and i'll have two", "three seventy five", "BAGUETTE", 2),
    ("cafe", "how much is a bagel and i'll have two", "two seventy five", "BAGEL", 2),
    ("bakery", "how much is a large orange juice and i'll have one", "six fifty", "ORANGE-JUICE", 1),
])
def test_a_price_asked_then_taken_is_said_with_the_order(shop: Shop, catalog: str, turn: str, price: str, sku: str,
                                                          count: int) -> None:
    chat = shop(catalog)
    reply = chat.say(turn).text
    assert price in reply
    assert chat.counts == {sku: count}


def test_a_price_asked_then_taken_is_said_before_a_choice_is_asked(shop: Shop) -> None:
    chat = shop("bagels")
    reply = chat.say("how much is a bagel and i'll have two").text
    assert "one seventy five" in reply and "What bagel" in reply
    assert chat.lines == []


def test_no_price_said_for_a_stock_question_then_taken(shop: Shop) -> None:
    chat = shop("cafe")
    reply = chat.say("do you have croissants i'll take two").text
    assert " is " not in reply.split(".")[0]
    assert chat.counts == {"CROISSANT": 2}
