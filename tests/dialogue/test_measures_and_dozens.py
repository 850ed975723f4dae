"""Measures and units, on a small catalog written here: a product whose description says it is sold by the dozen
counts a dozen as one of it ("four dozen red wigglers" is 4, "ok gimme two dozen" after a price question is 2, "take
off two dozen" takes 2), while a product sold by the piece keeps twelve to the dozen; a weight said for a product
whose option group lists weights is that weight ("five pounds of bread flour", "a quarter pound of paprika" when the
paprika's value is the "4 oz" named "quarter pound"), the measure said before a product is that product's, a count
before a measured package counts it ("three half pound bags of pecans"), a count said after the product ("three
packs of those") is its count, and "add two pounds of rye too" after a line of bread flour is a new line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.dialogue.conftest import Chat, chat_of

_WEIGHTS: dict[str, Any] = {
    "code": "weight", "name": "weight", "default": "1lb", "aliases": ["how much", "weight"], "values": [
        {"code": "quarter_lb", "name": "quarter pound",
         "aliases": ["a quarter pound", "quarter pound", "a quarter pound of", "4 ounces"]},
        {"code": "half_lb", "name": "half pound",
         "aliases": ["half a pound", "half pound", "a half pound", "half a pound of", "8 ounces"]},
        {"code": "1lb", "name": "one pound", "aliases": ["a pound", "one pound", "pound", "a pound of"],
         "price_delta": "2.00"},
        {"code": "2lb", "name": "two pounds", "aliases": ["2 pounds", "two pound", "two pounds of"],
         "price_delta": "6.00"},
        {"code": "5lb", "name": "five pounds", "aliases": ["5 pounds", "five pound", "five pound bag"],
         "price_delta": "14.00"}]}

_SHOP: dict[str, Any] = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "WIGGLERS", "name": "red wigglers", "price": "4.00", "aliases": ["wigglers", "red worms"],
         "description": "live red wigglers, sold by the dozen"},
        {"sku": "GRUBS", "name": "wax grubs", "price": "3.00", "aliases": ["grubs", "waxies"], "stock": 3,
         "description": "live wax grubs, price per dozen"},
        {"sku": "FLOATS", "name": "bobbers", "price": "0.50", "aliases": ["bobber", "floats"],
         "description": "red and white plastic bobbers"},
        {"sku": "SPRAY", "name": "bug spray", "price": "7.00", "aliases": ["off", "insect repellent"]},
        {"sku": "FLOUR", "name": "flour", "price": "1.00", "description": "stone milled (price per pound)",
         "options": [
             {"code": "type", "name": "type", "default": "all_purpose", "values": [
                 {"code": "all_purpose", "name": "all purpose", "aliases": ["plain"]},
                 {"code": "bread", "name": "bread flour", "aliases": ["bread"]},
                 {"code": "rye", "name": "rye", "aliases": ["rye flour"]},
                 {"code": "spelt", "name": "spelt", "aliases": ["spelt flour"]}]},
             _WEIGHTS]},
        {"sku": "PECANS", "name": "pecans", "price": "3.00", "aliases": ["pecan", "pecan halves"],
         "description": "raw pecan halves (price per pound)", "options": [_WEIGHTS]},
        {"sku": "RAISINS", "name": "raisins", "price": "2.00", "description": "price per pound", "options": [
            {"code": "variety", "name": "variety", "default": "thompson", "values": [
                {"code": "thompson", "name": "thompson", "aliases": ["regular"]},
                {"code": "golden", "name": "golden", "aliases": ["sultanas"]}]},
            _WEIGHTS]},
        {"sku": "SPICE", "name": "paprika", "price": "1.50", "description": "price per ounce", "options": [
            {"code": "weight", "name": "weight", "default": "1oz", "values": [
                {"code": "1oz", "name": "one ounce", "aliases": ["an ounce", "1 ounce", "ounce"]},
                {"code": "4oz", "name": "quarter pound", "aliases": ["4 ounces", "4 oz", "a quarter pound",
                                                                     "quarter pound"], "price_delta": "4.00"}]}]},
        {"sku": "SINKERS", "name": "bank sinkers", "price": "3.00", "aliases": ["sinkers"], "options": [
            {"code": "weight", "name": "sinker weight", "default": "2oz", "values": [
                {"code": "2oz", "name": "2 ounce", "aliases": ["2 oz", "two ounce"]},
                {"code": "4oz", "name": "4 ounce", "aliases": ["4 oz", "four ounce"], "price_delta": "1.00"}]}]},
        {"sku": "HOOKS", "name": "circle hooks", "price": "4.00", "aliases": ["hooks", "circles"], "options": [
            {"code": "pack", "name": "pack", "default": "10", "values": [
                {"code": "10", "name": "10 pack", "aliases": ["ten pack"]},
                {"code": "50", "name": "50 pack", "aliases": ["fifty pack"], "price_delta": "12.00"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


# --- sold by the dozen ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("said", "sku", "count"), [
    ("four dozen red wigglers", "WIGGLERS", 4),
    ("a dozen red wigglers please", "WIGGLERS", 1),
    ("two dozen wax grubs", "GRUBS", 2),
    ("a dozen bobbers", "FLOATS", 12),  # sold by the piece: twelve of them
    ("two dozen floats", "FLOATS", 24),
])
def test_a_dozen_of_a_product_sold_by_the_dozen_is_one(chat: Chat, said: str, sku: str, count: int) -> None:
    chat.say(said)
    assert chat.counts == {sku: count}


@pytest.mark.parametrize(("said", "count"), [("ok gimme two dozen", 2), ("i'll take three dozen", 3),
                                             ("a dozen please", 1)])
def test_dozens_after_a_price_question_count_the_product_sold_by_the_dozen(chat: Chat, said: str, count: int) -> None:
    chat.say("how much are the red wigglers")
    chat.say(said)
    assert chat.counts == {"WIGGLERS": count}


def test_dozens_after_a_price_question_of_a_product_sold_by_the_piece_stay_pieces(chat: Chat) -> None:
    chat.say("how much are bobbers")
    chat.say("ok gimme two dozen")
    assert chat.counts == {"FLOATS": 24}


@pytest.mark.parametrize(("said", "left"), [("take off two dozen", 4), ("take off a dozen", 5),
                                            ("remove two dozen", 4)])
def test_dozens_taken_off_a_product_sold_by_the_dozen(chat: Chat, said: str, left: int) -> None:
    chat.say("six dozen red wigglers")
    chat.say(said)
    assert chat.counts == {"WIGGLERS": left}


def test_take_off_is_no_product_called_off(chat: Chat) -> None:
    chat.say("a bug spray and three dozen red wigglers")
    chat.say("take off a dozen")
    assert chat.counts == {"WIGGLERS": 2, "SPRAY": 1}


def test_fewer_dozens_after_a_stock_answer(chat: Chat) -> None:
    reply = chat.say("five dozen wax grubs")
    assert "three" in reply.text and chat.counts == {}
    chat.say("ok three dozen then")
    assert chat.counts == {"GRUBS": 3}


def test_another_dozen_of_a_choice(chat: Chat) -> None:
    chat.say("how much are the red wigglers")
    chat.say("gimme two dozen")
    chat.say("and another dozen")
    assert chat.counts == {"WIGGLERS": 3}


# --- weights named by the catalog -----------------------------------------------------------------------------


@pytest.mark.parametrize(("said", "kind", "weight"), [
    ("five pounds of bread flour", "bread", "5lb"),
    ("two pounds of spelt flour", "spelt", "2lb"),
    ("a half pound of rye flour", "rye", "half_lb"),
    ("two pounds of the spelt flour", "spelt", "2lb"),  # past "the" (found when two helpers' work was merged)
    ("five pounds of the bread", "bread", "5lb"),
])
def test_a_weight_said_before_a_product_named_by_its_choice(chat: Chat, said: str, kind: str, weight: str) -> None:
    chat.say(said)
    assert chat.lines == [("FLOUR", 1, {"type": kind, "weight": weight})]


def test_a_weight_of_a_choice_added_too_is_a_new_line(chat: Chat) -> None:
    chat.say("five pounds of bread flour")
    chat.say("add two pounds of rye too")
    assert chat.lines == [("FLOUR", 1, {"type": "bread", "weight": "5lb"}),
                          ("FLOUR", 1, {"type": "rye", "weight": "2lb"})]


def test_make_it_a_weight_of_a_choice_still_changes_the_line(chat: Chat) -> None:
    chat.say("five pounds of bread flour")
    chat.say("make it two pounds of rye")
    assert chat.lines == [("FLOUR", 1, {"type": "rye", "weight": "2lb"})]


@pytest.mark.parametrize("said", ["a quarter pound of paprika", "can i get a quarter pound of the paprika"])
def test_a_weight_named_with_of_reaches_the_value_named_without_it(chat: Chat, said: str) -> None:
    chat.say(said)  # the pecans' "a quarter pound of" must not hide the paprika's "quarter pound" (its 4 oz)
    assert chat.lines == [("SPICE", 1, {"weight": "4oz"})]


@pytest.mark.parametrize("said", ["a pound of pecan halves half a pound of golden raisins",
                                  "a pound of pecans and half a pound of golden raisins",
                                  "a pound of pecans, half a pound of golden raisins"])
def test_the_measure_before_a_product_is_that_products(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("PECANS", 1, {"weight": "1lb"}),
                          ("RAISINS", 1, {"variety": "golden", "weight": "half_lb"})]


@pytest.mark.parametrize("said", ["a half pound of pecans", "half a pound of pecans"])
def test_a_half_pound_of_is_one_choice(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("PECANS", 1, {"weight": "half_lb"})]


@pytest.mark.parametrize(("said", "count"), [("three half pound bags of pecans", 3),
                                             ("two quarter pound bags of the pecans", 2)])
def test_a_count_before_a_measured_package(chat: Chat, said: str, count: int) -> None:
    chat.say(said)
    assert chat.counts == {"PECANS": count}
    assert chat.lines[0][2]["weight"] in ("half_lb", "quarter_lb")


# --- a count said after the product ----------------------------------------------------------------------------


@pytest.mark.parametrize(("said", "count"), [
    ("four ounce bank sinkers i need like three packs of those", 3),
    ("four ounce sinkers, two packs of them please", 2),
])
def test_packs_of_those_after_the_product_count_it(chat: Chat, said: str, count: int) -> None:
    chat.say(said)
    assert chat.lines == [("SINKERS", count, {"weight": "4oz"})]


def test_the_pack_named_of_those_is_a_choice_not_a_count(chat: Chat) -> None:
    chat.say("you got circle hooks give me the fifty pack of those")
    assert chat.lines == [("HOOKS", 1, {"pack": "50"})]


def test_a_measure_of_choices_too_is_no_more_of_a_line_of_another_product(shop: Any) -> None:
    # "add two pounds of rye too" adds rye flour to a line of flour; said to a line of tape, "one gallon of white in
    # flat too" is no second tape (found on the merge: hardware-mixed-mt23-007)
    chat = shop("hardware")
    chat.say("some blue tape the two inch one")
    chat.say("she wants the ceiling done too so one gallon of white in flat")
    assert [sku for sku, _, _ in chat.lines].count("PAINTERS-TAPE") == 1
    assert sum(q for sku, q, _ in chat.lines if sku == "PAINTERS-TAPE") == 1
