"""Lists, "one" and "both" on a small catalog written here: product names listed with no "and" between the first
two ("brisket pulled pork and turkey" is three items, though brisket is also a choice of other products), "a X one"
after a product ("a pork sandwich" - "and a beef one" is the beef sandwich), "both" spreading a choice over the
last two lines that offer it, "take one off" taking one unit off, and a removal of something the cart does not
have ("remove the cola" with only nachos) taking nothing off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_TOPPINGS = {"code": "toppings", "name": "toppings", "multiple": True, "values": [
    {"code": "slaw", "name": "coleslaw", "aliases": ["slaw"]},
    {"code": "pickles", "name": "pickles", "aliases": ["pickle"]}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {"toppings": _TOPPINGS},
    "products": [
        {"sku": "BEEF", "name": "smoked beef", "aliases": ["beef"], "price": "12.00"},
        {"sku": "PORK", "name": "pulled pork", "aliases": ["pork"], "price": "10.00"},
        {"sku": "HAM", "name": "baked ham", "aliases": ["ham"], "price": "9.00"},
        {"sku": "BEEF-SANDWICH", "name": "beef sandwich", "price": "11.00", "options": ["toppings"]},
        {"sku": "PORK-SANDWICH", "name": "pulled pork sandwich", "aliases": ["pork sandwich"], "price": "10.00",
         "options": ["toppings"]},
        {"sku": "HAM-SANDWICH", "name": "ham sandwich", "price": "9.50", "options": ["toppings"]},
        {"sku": "PLATTER", "name": "meat platter", "aliases": ["platter"], "price": "20.00", "options": [
            {"code": "meat", "name": "meat", "required": True, "values": [
                {"code": "beef", "name": "beef"}, {"code": "pork", "name": "pulled pork"},
                {"code": "ham", "name": "ham"}]}]},
        {"sku": "MEAL", "name": "movie meal", "aliases": ["meal"], "price": "14.00", "options": [
            {"code": "drink", "name": "drink", "required": True, "values": [
                {"code": "cola", "name": "cola"}, {"code": "lemon_soda", "name": "lemon soda"}]}]},
        {"sku": "NACHOS", "name": "nachos", "price": "7.00"},
        {"sku": "HOTDOG", "name": "hot dog", "aliases": ["hot dogs"], "price": "5.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _skus(chat: Chat) -> list[tuple[str, int]]:
    return [(sku, qty) for sku, qty, _ in chat.lines]


@pytest.mark.parametrize("said", [
    "a half pound each of beef pulled pork and ham",
    "beef pulled pork and ham",
    "some beef pulled pork and ham please",
    "one of each beef ham and pulled pork",
    "beef ham and pulled pork",
])
def test_a_bare_list_of_product_names_is_one_item_each(chat: Chat, said: str) -> None:
    chat.say(said)
    assert sorted(_skus(chat)) == [("BEEF", 1), ("HAM", 1), ("PORK", 1)]


def test_a_choice_of_the_next_product_still_modifies_it(chat: Chat) -> None:
    chat.say("a ham meat platter")
    assert chat.lines == [("PLATTER", 1, {"meat": "ham"})]


@pytest.mark.parametrize(("first", "then", "sku"), [
    ("a pulled pork sandwich", "and a beef one", "BEEF-SANDWICH"),
    ("a pork sandwich", "a ham one too", "HAM-SANDWICH"),
    ("a beef sandwich", "also a pork one", "PORK-SANDWICH"),
])
def test_a_product_said_before_one_is_of_the_kind_named_before(chat: Chat, first: str, then: str, sku: str) -> None:
    chat.say(first)
    chat.say(then)
    assert len(chat.lines) == 2
    assert chat.lines[1][0] == sku


@pytest.mark.parametrize("said", ["a pork sandwich and a beef one", "a pork sandwich and then a beef one"])
def test_a_kind_one_in_the_same_turn(chat: Chat, said: str) -> None:
    chat.say(said)
    assert sorted(_skus(chat)) == [("BEEF-SANDWICH", 1), ("PORK-SANDWICH", 1)]


def test_a_kind_one_that_is_a_choice_of_the_product_before(chat: Chat) -> None:
    chat.say("a meat platter with ham")
    chat.say("and a beef one")
    assert chat.lines == [("PLATTER", 1, {"meat": "ham"}), ("PLATTER", 1, {"meat": "beef"})]


@pytest.mark.parametrize("said", ["with slaw on both", "slaw on both of them", "put slaw on them both",
                                  "add pickles to both"])
def test_both_spreads_a_choice_over_the_two_lines(chat: Chat, said: str) -> None:
    chat.say("a pork sandwich")
    chat.say("and a beef sandwich")
    chat.say(said)
    value = "pickles" if "pickles" in said else "slaw"
    assert chat.lines == [("PORK-SANDWICH", 1, {"toppings": value}), ("BEEF-SANDWICH", 1, {"toppings": value})]


def test_both_is_the_last_two_lines_that_offer_it(chat: Chat) -> None:
    chat.say("a ham sandwich")
    chat.say("a pork sandwich")
    chat.say("a beef sandwich")
    chat.say("pickles on both")
    assert chat.lines == [("HAM-SANDWICH", 1, {}), ("PORK-SANDWICH", 1, {"toppings": "pickles"}),
                          ("BEEF-SANDWICH", 1, {"toppings": "pickles"})]


@pytest.mark.parametrize(("said", "left"), [("take one off", 3), ("take 1 off", 3), ("take two off", 2),
                                            ("take one off the hot dogs", 3), ("take two of them off", 2),
                                            ("can you take one out", 3)])
def test_take_a_count_off_takes_that_many_units(chat: Chat, said: str, left: int) -> None:
    chat.say("four hot dogs")
    chat.say(said)
    assert _skus(chat) == [("HOTDOG", left)]


@pytest.mark.parametrize("said", ["remove the cola", "take off the cola", "no cola", "remove the lemon soda"])
def test_removing_what_the_cart_does_not_have_takes_nothing_off(chat: Chat, said: str) -> None:
    chat.say("nachos")
    chat.say(said)
    assert _skus(chat) == [("NACHOS", 1)]


def test_removing_what_is_not_there_says_so(chat: Chat) -> None:
    chat.say("nachos and a hot dog")
    chat.say("remove the cola")
    assert sorted(_skus(chat)) == [("HOTDOG", 1), ("NACHOS", 1)]
    assert "couldn't find" in chat.replies[-1].text.lower()
