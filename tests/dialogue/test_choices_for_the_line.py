"""A choice of the line in focus said like a product of its own: "can you add queso to that" to a burrito is the
burrito's queso, not the nachos that come with queso; "yes but add salsa verde" at the read-back is the burrito's
salsa, no cup of salsa; "no horchata" takes that add-on off, the horchata sold alone is not swapped in; "make the
side rice" sets the group named; "both with queso" puts it on both lines. In one sentence, a product named alone
that the item before offers as a choice of a group not chosen yet is that choice when it goes on the list after
"with" ("a kids plate with a taco and beans and a lemonade") or is said with "in it". A catalog written here (a
taco stand)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BURRITO", "name": "burrito", "price": "9.00", "options": [
            {"code": "filling", "name": "filling", "required": True, "values": [
                {"code": "chicken", "name": "chicken"}, {"code": "steak", "name": "steak"}]},
            {"code": "adds", "name": "add ons", "multiple": True, "values": [
                {"code": "queso", "name": "queso", "price_delta": "1.00"},
                {"code": "guac", "name": "guacamole", "aliases": ["guac"], "price_delta": "1.50"},
                {"code": "verde", "name": "salsa verde", "aliases": ["green salsa"]}]}]},
        {"sku": "NACHOS", "name": "nachos", "price": "7.00", "aliases": ["queso nachos"], "options": [
            {"code": "tops", "name": "toppings", "multiple": True, "values": [
                {"code": "queso", "name": "queso"}, {"code": "jalapeno", "name": "jalapenos"}]}]},
        {"sku": "SALSA-CUP", "name": "side of salsa", "price": "0.75", "options": [
            {"code": "flavour", "name": "salsa", "required": True, "values": [
                {"code": "verde", "name": "salsa verde", "aliases": ["green salsa"]},
                {"code": "roja", "name": "salsa roja", "aliases": ["red salsa"]}]}]},
        {"sku": "PLATE", "name": "taco plate", "price": "11.00", "aliases": ["plate"], "options": [
            {"code": "side", "name": "side", "default": "beans", "values": [
                {"code": "beans", "name": "beans"}, {"code": "rice", "name": "rice"},
                {"code": "elote", "name": "elote", "aliases": ["street corn"]}]},
            {"code": "extras", "name": "extras", "multiple": True, "values": [
                {"code": "horchata", "name": "horchata", "price_delta": "2.50"},
                {"code": "churro", "name": "churro", "price_delta": "2.00"}]}]},
        {"sku": "KIDS", "name": "kids plate", "price": "6.00", "options": [
            {"code": "main", "name": "main", "required": True, "values": [
                {"code": "taco", "name": "taco"}, {"code": "quesadilla", "name": "quesadilla"}]},
            {"code": "side", "name": "side", "default": "beans", "values": [
                {"code": "beans", "name": "beans"}, {"code": "fruit", "name": "fruit"}]},
            {"code": "drink", "name": "drink", "default": "milk", "values": [
                {"code": "milk", "name": "milk"}, {"code": "lemonade", "name": "lemonade"}]}]},
        {"sku": "ELOTE", "name": "elote", "price": "4.00", "aliases": ["street corn"]},
        {"sku": "HORCHATA", "name": "horchata", "price": "3.50"},
        {"sku": "LEMONADE", "name": "bottle of lemonade", "price": "3.00", "aliases": ["lemonade"]},
        {"sku": "CHURRO", "name": "churro", "price": "2.50", "aliases": ["churros"]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _lines(chat: Chat) -> list[tuple[str, int, frozenset[str]]]:
    """(sku, count, the choices on it) per line, those turned down ("no horchata") left out."""
    return [(ln.sku, ln.quantity, frozenset(f"{o.group}={o.value}" for o in ln.options if o.amount != "none"))
            for ln in chat.session.cart.lines]


@pytest.mark.parametrize(("turns", "want"), [
    # a choice another product comes with ("queso nachos") put on the line in focus by "to that"
    (["a chicken burrito", "can you add queso to that"], [("BURRITO", 1, frozenset({"filling=chicken", "adds=queso"}))]),
    # "yes but add ..." at the read-back: the burrito's salsa, no cup of salsa (and nothing placed)
    (["a chicken burrito", "that's all", "yes but add salsa verde"],
     [("BURRITO", 1, frozenset({"filling=chicken", "adds=verde"}))]),
])
def test_a_choice_put_on_the_line_in_focus_is_its_choice(chat: Chat, turns: list[str],
                                                         want: list[tuple[str, int, frozenset[str]]]) -> None:
    for said in turns:
        chat.say(said)
    assert _lines(chat) == want, chat.replies[-1].text
    assert not chat.session.orders


def test_a_product_the_line_does_not_offer_is_still_a_line_of_its_own(chat: Chat) -> None:
    chat.say("a steak burrito")
    chat.say("and add a churro")
    assert _lines(chat) == [("BURRITO", 1, frozenset({"filling=steak"})), ("CHURRO", 1, frozenset())]


def test_an_add_on_said_with_no_is_taken_off_the_line(chat: Chat) -> None:
    chat.say("a taco plate with horchata")
    chat.say("actually no horchata")
    assert _lines(chat) == [("PLATE", 1, frozenset({"side=beans"}))], chat.replies[-1].text


def test_no_and_a_product_of_a_line_takes_that_line_off(chat: Chat) -> None:
    chat.say("a taco plate and a horchata")
    chat.say("actually no horchata")
    assert _lines(chat) == [("PLATE", 1, frozenset({"side=beans"}))], chat.replies[-1].text


def test_a_group_named_before_a_product_sets_that_choice_of_the_line(chat: Chat) -> None:
    chat.say("a taco plate")
    chat.say("make the side street corn")
    assert _lines(chat) == [("PLATE", 1, frozenset({"side=elote"}))], chat.replies[-1].text


def test_a_product_said_alone_after_a_line_stays_a_line_of_its_own(chat: Chat) -> None:
    chat.say("a taco plate")
    chat.say("and a street corn")
    assert _lines(chat) == [("PLATE", 1, frozenset({"side=beans"})), ("ELOTE", 1, frozenset())]


def test_both_with_a_choice_puts_it_on_both(chat: Chat) -> None:
    chat.say("two taco plates")
    chat.say("both with a churro")
    assert _lines(chat) == [("PLATE", 2, frozenset({"side=beans", "extras=churro"}))], chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("a kids plate with a taco and fruit and a lemonade",
     [("KIDS", 1, frozenset({"main=taco", "side=fruit", "drink=lemonade"}))]),
    ("a taco plate with rice and a horchata in it", [("PLATE", 1, frozenset({"side=rice", "extras=horchata"}))]),
    # the burrito has no lemonade; two churros are a count of churros, a line
    ("a chicken burrito with guac and a lemonade",
     [("BURRITO", 1, frozenset({"filling=chicken", "adds=guac"})), ("LEMONADE", 1, frozenset())]),
    ("a taco plate with rice and two churros", [("PLATE", 1, frozenset({"side=rice"})), ("CHURRO", 2, frozenset())]),
])
def test_a_product_listed_with_the_choices_of_the_item_before_is_its_choice(
        chat: Chat, said: str, want: list[tuple[str, int, frozenset[str]]]) -> None:
    chat.say(said)
    assert _lines(chat) == want, chat.replies[-1].text
