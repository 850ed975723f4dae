"""Product names and choice words that overlap: a choice said inside a product's name ("a side of black beans"
for the "side of beans" in black or pinto), a product's other name that holds one of its own choices ("a
sparkling water"), a choice word that goes to the product of its noun phrase though it is also a part of another
product's name ("a plain sketchbook", not the "plain crackers") or the whole of another product's choice ("a
sundae with sprinkles"), and "the <part of a name> one" that picks an item said before. A catalog written here
(a corner deli)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "crust": {"code": "crust", "name": "crust", "default": "hand", "values": [
            {"code": "hand", "name": "hand tossed"}, {"code": "thin", "name": "thin crust", "aliases": ["thin"]},
            {"code": "gf", "name": "gluten free", "price_delta": "2.00"}]},
        "toppings": {"code": "toppings", "name": "toppings", "multiple": True, "values": [
            {"code": "pepperoni", "name": "pepperoni"}, {"code": "olives", "name": "olives"},
            {"code": "onion", "name": "onion"}]},
    },
    "products": [
        {"sku": "BURRITO", "name": "burrito", "price": "9.00", "stock": 20, "options": [
            {"code": "beans", "name": "beans", "default": "pinto", "values": [
                {"code": "black", "name": "black beans"}, {"code": "pinto", "name": "pinto beans"}]}]},
        {"sku": "SIDE-BEANS", "name": "side of beans", "price": "2.50", "stock": 20,
         "aliases": ["beans on the side", "extra beans"], "options": [
            {"code": "kind", "name": "kind", "default": "pinto", "values": [
                {"code": "pinto", "name": "pinto", "aliases": ["pinto beans"]},
                {"code": "black", "name": "black", "aliases": ["black beans"]}]}]},
        {"sku": "WATER", "name": "bottled water", "price": "1.50", "stock": 20,
         "aliases": ["water", "sparkling water", "fizzy water", "still water"], "options": [
            {"code": "fizz", "name": "fizz", "default": "still", "values": [
                {"code": "still", "name": "still", "aliases": ["flat"]},
                {"code": "sparkling", "name": "sparkling", "aliases": ["fizzy"], "price_delta": "0.50"}]}]},
        {"sku": "SKETCH", "name": "sketchbook", "price": "7.00", "stock": 20, "aliases": ["sketch book"], "options": [
            {"code": "size", "name": "size", "default": "a5", "values": [
                {"code": "a5", "name": "small", "aliases": ["little"]},
                {"code": "a4", "name": "large", "aliases": ["big"], "price_delta": "2.00"}]},
            {"code": "paper", "name": "paper", "default": "lined", "values": [
                {"code": "lined", "name": "lined", "aliases": ["ruled"]},
                {"code": "plain", "name": "plain", "aliases": ["blank"]},
                {"code": "dotted", "name": "dotted"}]}]},
        {"sku": "CRACKERS", "name": "crackers", "price": "3.00", "stock": 20,
         "aliases": ["plain crackers", "water crackers"]},
        {"sku": "CUPCAKE", "name": "cupcake", "price": "3.00", "stock": 20, "options": [
            {"code": "finish", "name": "finish", "default": "frosted", "values": [
                {"code": "frosted", "name": "frosted"},
                {"code": "sprinkled", "name": "rainbow", "aliases": ["with sprinkles", "sprinkle top"]}]}]},
        {"sku": "SUNDAE", "name": "sundae", "price": "5.00", "stock": 20, "options": [
            {"code": "sauce", "name": "sauce", "default": "fudge", "values": [
                {"code": "fudge", "name": "hot fudge"}, {"code": "caramel", "name": "caramel"}]},
            {"code": "extras", "name": "extras", "multiple": True, "values": [
                {"code": "sprinkles", "name": "sprinkles", "price_delta": "0.50"},
                {"code": "nuts", "name": "nuts", "aliases": ["chopped nuts"], "price_delta": "0.50"}]}]},
        {"sku": "FEAST", "name": "meat feast pizza", "price": "14.00", "stock": 20,
         "aliases": ["meat feast", "meat feasts"], "options": ["crust"]},
        {"sku": "GARDEN", "name": "olive garden pizza", "price": "13.00", "stock": 20,
         "aliases": ["olive garden", "olive gardens"], "options": ["crust"]},
        {"sku": "BUILD", "name": "build your own pizza", "price": "11.00", "stock": 20,
         "aliases": ["pizza", "pizzas"], "options": ["crust", "toppings"]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _has(line: tuple[str, int, dict[str, str]], sku: str, qty: int, **options: str) -> bool:
    return line[0] == sku and line[1] == qty and all(line[2].get(g) == v for g, v in options.items())


@pytest.mark.parametrize("said", ["a side of black beans", "one side of black beans please",
                                  "can i get a side of black beans"])
def test_a_choice_said_inside_the_name_is_that_product_so_made(chat: Chat, said: str) -> None:
    chat.say(said)
    assert len(chat.lines) == 1 and _has(chat.lines[0], "SIDE-BEANS", 1, kind="black"), chat.replies[-1].text


@pytest.mark.parametrize("said", ["a burrito and a side of black beans", "two burritos and a side of black beans",
                                  "a burrito with pinto beans and a side of black beans"])
def test_the_choice_inside_the_name_is_not_moved_onto_the_item_before(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [ln[0] for ln in chat.lines] == ["BURRITO", "SIDE-BEANS"], chat.replies[-1].text
    assert chat.lines[1][2]["kind"] == "black"
    assert chat.lines[0][2]["beans"] == "pinto"


@pytest.mark.parametrize(("said", "qty", "fizz"), [
    ("a sparkling water", 1, "sparkling"), ("two fizzy waters please", 2, "sparkling"),
    ("three sparkling waters", 3, "sparkling"), ("a water", 1, "still"), ("a still water", 1, "still"),
])
def test_another_name_holding_a_choice_orders_that_choice(chat: Chat, said: str, qty: int, fizz: str) -> None:
    chat.say(said)
    assert len(chat.lines) == 1 and _has(chat.lines[0], "WATER", qty, fizz=fizz), chat.replies[-1].text


@pytest.mark.parametrize(("said", "options"), [
    ("a plain sketchbook", {"paper": "plain"}),
    ("a big plain sketchbook", {"paper": "plain", "size": "a4"}),
    ("a plain large sketchbook", {"paper": "plain", "size": "a4"}),
    ("a large sketchbook plain", {"paper": "plain", "size": "a4"}),
    ("one sketchbook plain please", {"paper": "plain"}),
])
def test_a_choice_word_goes_to_the_product_of_its_noun_phrase(chat: Chat, said: str, options: dict[str, str]) -> None:
    chat.say(said)
    assert len(chat.lines) == 1 and _has(chat.lines[0], "SKETCH", 1, **options), chat.replies[-1].text


def test_a_product_with_that_word_in_its_name_is_still_ordered_by_it(chat: Chat) -> None:
    chat.say("a plain sketchbook and some plain crackers")
    assert [ln[0] for ln in chat.lines] == ["SKETCH", "CRACKERS"], chat.replies[-1].text
    assert chat.lines[0][2]["paper"] == "plain"


@pytest.mark.parametrize("said", ["one dotted and one plain", "one plain and one dotted"])
def test_a_choice_beside_another_of_its_group_is_no_other_product(chat: Chat, said: str) -> None:
    chat.say("two sketchbooks")
    chat.say(said)
    assert {ln[0] for ln in chat.lines} == {"SKETCH"}, chat.replies[-1].text


@pytest.mark.parametrize("said", ["a sundae with sprinkles", "a caramel sundae with sprinkles",
                                  "two sundaes with sprinkles please"])
def test_a_with_phrase_of_another_product_is_the_choice_this_one_offers(chat: Chat, said: str) -> None:
    chat.say(said)
    assert len(chat.lines) == 1 and chat.lines[0][0] == "SUNDAE", chat.replies[-1].text
    assert chat.lines[0][2]["extras"] == "sprinkles"


def test_the_with_phrase_still_names_the_choice_of_its_own_product(chat: Chat) -> None:
    chat.say("a cupcake with sprinkles")
    assert len(chat.lines) == 1 and _has(chat.lines[0], "CUPCAKE", 1, finish="sprinkled"), chat.replies[-1].text


@pytest.mark.parametrize(("said", "picked"), [
    ("one meat feast and one olive garden, the olive one on thin crust", "GARDEN"),
    ("one olive garden and one meat feast, the olive one on thin crust", "GARDEN"),
    ("a meat feast and an olive garden, the olive one thin crust", "GARDEN"),
    ("one meat feast and one olive garden the olive one gluten free", "GARDEN"),
])
def test_the_one_named_by_a_part_of_its_name_is_that_item(chat: Chat, said: str, picked: str) -> None:
    chat.say(said)
    assert sorted(ln[0] for ln in chat.lines) == ["FEAST", "GARDEN"], chat.replies[-1].text
    crusts = {ln[0]: ln[2]["crust"] for ln in chat.lines}
    assert crusts[picked] != "hand" and crusts["FEAST"] == "hand", chat.replies[-1].text
