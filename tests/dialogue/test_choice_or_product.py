"""A word that names both a choice of the line in focus and a product of its own ("sticky rice" is a curry's
rice and a side dish), said as a follow-up about that line: "can I get that with sticky rice instead of
jasmine" changes the line's choice; it must not replace the curry with a side of rice. A catalog written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "grain": {"code": "grain", "name": "grain", "default": "white", "values": [
            {"code": "white", "name": "white rice", "aliases": ["white", "plain rice"]},
            {"code": "brown", "name": "brown rice", "aliases": ["brown"], "price_delta": "1.00"},
            {"code": "coconut", "name": "coconut rice", "price_delta": "1.50"}]},
    },
    "products": [
        {"sku": "STEW", "name": "lentil stew", "aliases": ["stew"], "price": "11.00", "options": ["grain"]},
        {"sku": "BOWL", "name": "veggie bowl", "aliases": ["bowl"], "price": "10.00", "options": ["grain"]},
        {"sku": "SIDE-COCONUT", "name": "coconut rice", "aliases": ["side of coconut rice"], "price": "3.50"},
        {"sku": "SIDE-BROWN", "name": "brown rice", "aliases": ["side of brown rice"], "price": "3.00"},
        {"sku": "BREAD", "name": "flatbread", "price": "2.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("follow_up", [
    "can i get that with coconut rice instead of white",
    "oh and can i get that with coconut rice instead of the white rice",
    "make it with coconut rice instead",
    "actually i'd like it with coconut rice",
])
def test_that_with_a_choice_changes_the_line(chat: Chat, follow_up: str) -> None:
    chat.say("a lentil stew")
    chat.say(follow_up)
    assert chat.lines == [("STEW", 1, {"grain": "coconut"})]


def test_instead_of_names_the_choice_that_goes_not_the_one_that_stays(chat: Chat) -> None:
    chat.say("a veggie bowl with brown rice")
    chat.say("make it with coconut rice instead of brown rice")
    assert chat.lines == [("BOWL", 1, {"grain": "coconut"})]


def test_that_with_a_product_that_is_no_choice_of_the_line_adds_it(chat: Chat) -> None:
    chat.say("a lentil stew")
    chat.say("can i get that with a flatbread")
    assert sorted(sku for sku, _, _ in chat.lines) == ["BREAD", "STEW"]


_TOAST_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "TOAST", "name": "garden toast", "aliases": ["toast"], "price": "9.00",
         "options": [{"code": "extras", "name": "extras", "multiple": True, "values": [
             {"code": "egg", "name": "fried egg", "aliases": ["egg", "an egg"], "price_delta": "2.00"},
             {"code": "tomato", "name": "sliced tomato", "aliases": ["tomato"], "price_delta": "1.00"}]},
             {"code": "bread", "name": "bread", "default": "rye", "values": [
                 {"code": "rye", "name": "rye"}, {"code": "wheat", "name": "wheat"}]}]},
        {"sku": "PIE", "name": "plain pie", "aliases": ["pie"], "price": "12.00",
         "options": [{"code": "top", "name": "toppings", "multiple": True, "values": [
             {"code": "olive", "name": "olives", "aliases": ["olive"]}]}]},
        {"sku": "OLIVE-PIE", "name": "olive pie", "price": "14.00"},
    ],
}


@pytest.fixture
def toast(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _TOAST_SHOP)


@pytest.mark.parametrize("follow_up", ["add an egg", "can i add an egg", "add one egg please", "um add a tomato"])
def test_add_an_add_on_of_the_line_in_focus_puts_it_on_that_line(toast: Chat, follow_up: str) -> None:
    toast.say("a garden toast")
    toast.say(follow_up)
    assert len(toast.lines) == 1 and toast.lines[0][:2] == ("TOAST", 1)
    assert toast.lines[0][2].get("extras") in ("egg", "tomato")


def test_add_a_word_that_also_names_a_product_is_that_product(toast: Chat) -> None:
    toast.say("a plain pie")
    toast.say("add an olive pie")
    assert sorted(sku for sku, _, _ in toast.lines) == ["OLIVE-PIE", "PIE"]


_DELI = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {"toppings": {"code": "toppings", "name": "toppings", "multiple": True, "values": [
        {"code": "lettuce", "name": "lettuce"}, {"code": "tomato", "name": "tomato"}, {"code": "onion", "name": "onion"}]}},
    "products": [
        {"sku": "CLUB", "name": "turkey club", "price": "9.00", "options": ["toppings"]},
        {"sku": "BLT", "name": "blt", "aliases": ["bacon lettuce and tomato", "bacon lettuce tomato"], "price": "8.00",
         "options": ["toppings"]},
    ],
}


@pytest.fixture
def deli(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _DELI)


@pytest.mark.parametrize("said", ["a turkey club with lettuce and tomato", "a turkey club with lettuce tomato and onion",
                                  "um a turkey club lettuce and tomato please"])
def test_choices_of_the_product_named_are_not_part_of_another_products_name(deli: Chat, said: str) -> None:
    """"lettuce and tomato" is also the tail of "bacon lettuce and tomato": after a turkey club it is its toppings."""
    deli.say(said)
    assert len(deli.lines) == 1 and deli.lines[0][0] == "CLUB"
    assert {"lettuce", "tomato"} <= {o.value for o in deli.session.cart.lines[0].options}


def test_the_other_products_full_name_is_still_that_product(deli: Chat) -> None:
    deli.say("a turkey club and a bacon lettuce and tomato")
    assert sorted(sku for sku, _, _ in deli.lines) == ["BLT", "CLUB"]


_DRINKS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "FOUNTAIN", "name": "fountain drink", "aliases": ["soda"], "price": "2.25", "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "cola", "name": "cola"}, {"code": "root_beer", "name": "root beer"},
                {"code": "lemonade", "name": "lemonade"}]},
            {"code": "size", "name": "size", "default": "medium", "values": [
                {"code": "small", "name": "small"}, {"code": "medium", "name": "medium"},
                {"code": "large", "name": "large", "price_delta": "0.75"}]}]},
        {"sku": "SUB", "name": "meatball sub", "price": "9.75"},
    ],
}


@pytest.fixture
def drinks(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _DRINKS)


def test_a_choice_instead_of_another_choice_of_the_same_product_swaps_that_line(drinks: Chat) -> None:
    """"a root beer instead of the cola": both are flavours of the fountain drink; the cola line becomes a root beer
    (keeping its size), nothing is added."""
    drinks.say("a meatball sub and a large cola")
    drinks.say("a root beer instead of the cola")
    assert sorted(drinks.lines) == [("FOUNTAIN", 1, {"flavour": "root_beer", "size": "large"}), ("SUB", 1, {})]


def test_the_line_swapped_is_the_one_with_the_choice_said_after_instead_of(drinks: Chat) -> None:
    drinks.say("a large cola and a small lemonade")
    drinks.say("can i get a root beer instead of the cola")
    assert sorted(opts["flavour"] + "/" + opts["size"] for _, _, opts in drinks.lines) == ["lemonade/small",
                                                                                            "root_beer/large"]
