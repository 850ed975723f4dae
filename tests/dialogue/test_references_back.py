"""References back to what was said before, on a small catalog written here: an item made "to match" / "the same
size" as an item said earlier in the same turn ("two 29 inch tires and two tubes to match"), "the same of" another
product taking the choices of the line before ("a hundred grams of earl grey" - "and the same of the sencha"), and
"the glass one" after a product of that kind was talked about (the glass teapot, after the sold-out iron one), and
the turn after an announcement ("i want to order a pie") saying that item in full: one pie, not two."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_WHEEL = {"code": "wheel", "name": "wheel size", "aliases": ["size", "wheel"], "required": True, "values": [
    {"code": "26in", "name": "26 inch"}, {"code": "29in", "name": "29 inch"}]}
_WEIGHT = {"code": "weight", "name": "weight", "default": "50g", "values": [
    {"code": "50g", "name": "50 grams"}, {"code": "100g", "name": "100 grams", "price_delta": "5.00"},
    {"code": "250g", "name": "250 grams", "price_delta": "12.00"}]}
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "TIRE", "name": "tire", "aliases": ["tyre"], "price": "40.00", "options": [_WHEEL]},
        {"sku": "TUBE", "name": "inner tube", "aliases": ["tube"], "price": "8.00", "options": [_WHEEL]},
        {"sku": "FENDER", "name": "fender", "aliases": ["mudguard"], "price": "20.00", "options": [_WHEEL]},
        {"sku": "EARL", "name": "earl grey", "price": "8.00", "options": [_WEIGHT]},
        {"sku": "SENCHA", "name": "sencha", "price": "9.00", "options": [_WEIGHT]},
        {"sku": "ROOIBOS", "name": "rooibos", "price": "7.00", "options": [_WEIGHT]},
        {"sku": "IRON-POT", "name": "cast iron teapot", "price": "45.00", "stock": 0},
        {"sku": "GLASS-POT", "name": "glass teapot", "price": "28.00"},
        {"sku": "CLAY-POT", "name": "clay teapot", "price": "35.00"},
        {"sku": "PIE", "name": "cheese pie", "aliases": ["pie", "pizza"], "price": "20.00", "options": [
            {"code": "size", "name": "size", "default": "medium", "values": [
                {"code": "medium", "name": "medium"}, {"code": "large", "name": "large", "price_delta": "4.00"}]},
            {"code": "topping", "name": "topping", "multiple": True, "values": [
                {"code": "pepperoni", "name": "pepperoni"}, {"code": "mushroom", "name": "mushroom",
                                                              "aliases": ["mushrooms"]}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", [
    "two twenty nine inch tires and two tubes to match",
    "two 29 inch tires and two tubes the same size",
    "two tires in 29 inch and two tubes that match",
    "a pair of 29 inch tires and two inner tubes in the same size please",
])
def test_to_match_an_item_said_earlier_in_the_turn(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("TIRE", 2, {"wheel": "29in"}), ("TUBE", 2, {"wheel": "29in"})]


def test_to_match_two_items_said_after(chat: Chat) -> None:
    chat.say("a 26 inch tire and a tube and a fender to match")
    assert chat.lines == [("TIRE", 1, {"wheel": "26in"}), ("TUBE", 1, {"wheel": "26in"}),
                          ("FENDER", 1, {"wheel": "26in"})]


def test_to_match_a_line_of_an_earlier_turn_still_works(chat: Chat) -> None:
    chat.say("two 26 inch tires")
    chat.say("and two tubes to match")
    assert ("TUBE", 2, {"wheel": "26in"}) in chat.lines


@pytest.mark.parametrize("then", [
    "and the same of the sencha",
    "same amount of sencha please",
    "and the same quantity of sencha",
])
def test_the_same_of_another_product_takes_the_line_before(chat: Chat, then: str) -> None:
    chat.say("a hundred grams of earl grey")
    chat.say(then)
    assert chat.lines == [("EARL", 1, {"weight": "100g"}), ("SENCHA", 1, {"weight": "100g"})]


def test_the_same_of_in_one_turn(chat: Chat) -> None:
    chat.say("250 grams of rooibos and the same of earl grey")
    assert chat.lines == [("ROOIBOS", 1, {"weight": "250g"}), ("EARL", 1, {"weight": "250g"})]


@pytest.mark.parametrize(("then", "sku"), [
    ("ok the glass one then", "GLASS-POT"),
    ("the glass one please", "GLASS-POT"),
    ("fine i'll take the clay one", "CLAY-POT"),
])
def test_the_kind_named_by_a_word_after_a_sold_out_product(chat: Chat, then: str, sku: str) -> None:
    reply = chat.say("do you have the cast iron teapot")
    assert "sold out" in reply.text.lower()
    chat.say(then)
    assert chat.lines == [(sku, 1, {})]


@pytest.mark.parametrize(("first", "then"), [
    ("hey i want to order a pie for pickup", "a large pie with pepperoni"),
    ("i would like to order a pizza", "a large pizza with pepperoni on it"),
    ("can i place an order for a pie", "one large pie with pepperoni please"),
])
def test_the_turn_after_an_announcement_fills_the_item(chat: Chat, first: str, then: str) -> None:
    chat.say(first)
    chat.say(then)
    assert chat.lines == [("PIE", 1, {"size": "large", "topping": "pepperoni"})]


def test_another_after_an_announcement_is_a_second_item(chat: Chat) -> None:
    chat.say("i want to order a pie")
    chat.say("and another pie with mushrooms")
    assert [sku for sku, _, _ in chat.lines] == ["PIE", "PIE"]


def test_a_pie_said_in_full_is_no_announcement(chat: Chat) -> None:
    chat.say("a pie please")
    chat.say("a large pie with pepperoni")
    assert [sku for sku, _, _ in chat.lines] == ["PIE", "PIE"]
