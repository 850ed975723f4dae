"""A value said as an item ("a cherry", "two cherry limeades") when two products sold on their own offer it: the
limeade in a cup (sizes) and the gallon jug of limeade (no size). Another value said picks the one that offers it
("a large cherry": the cup only comes large); with nothing else said, the plain one, whose name is said inside the
other's ("limeade" in "limeade jug"), as a clerk pours a cup unless the jug is said. The value is never given to
the item said before it, and its count never moves onto that item."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dialogue.types import Action
from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "flavour": {"code": "flavour", "name": "flavour", "required": True, "values": [
            {"code": "cherry", "name": "cherry", "aliases": ["cherries"]},
            {"code": "lime", "name": "lime", "aliases": ["limes", "classic"]},
            {"code": "mango", "name": "mango", "aliases": ["mangos", "mangoes"]}]},
        "cup_size": {"code": "size", "name": "size", "default": "regular", "values": [
            {"code": "regular", "name": "regular"},
            {"code": "large", "name": "large", "aliases": ["big"], "price_delta": "1.00"}]},
    },
    "products": [
        {"sku": "CUP", "name": "limeade", "aliases": ["limeades", "cup of limeade"], "price": "3.00",
         "options": ["flavour", "cup_size"]},
        {"sku": "JUG", "name": "limeade jug", "aliases": ["jug", "jug of limeade", "gallon jug"], "price": "9.00",
         "options": ["flavour"]},
        {"sku": "DOG", "name": "corn dog", "aliases": ["corn dogs"], "price": "4.00", "options": [
            {"code": "dip", "name": "dip", "values": [{"code": "mustard", "name": "mustard"},
                                                      {"code": "ketchup", "name": "ketchup"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "qty", "flavour"), [
    ("a cherry", 1, "cherry"), ("four cherries", 4, "cherry"), ("can i get two mangos please", 2, "mango"),
    ("just a lime", 1, "lime")])
def test_the_value_alone_is_the_plain_product(chat: Chat, said: str, qty: int, flavour: str) -> None:
    chat.say(said)
    assert chat.lines == [("CUP", qty, {"flavour": flavour, "size": "regular"})]


@pytest.mark.parametrize("said", ["a corn dog and a large cherry", "a corn dog with mustard and a big cherry",
                                  "one corn dog and one large cherry please"])
def test_another_value_said_picks_the_product_offering_it(chat: Chat, said: str) -> None:
    chat.say(said)
    assert ("CUP", 1, {"flavour": "cherry", "size": "large"}) in chat.lines
    assert [sku for sku, _, _ in chat.lines].count("DOG") == 1
    assert all(sku != "JUG" for sku, _, _ in chat.lines)


@pytest.mark.parametrize(("said", "dogs", "cups"), [
    ("a couple of corn dogs and a couple of mangos", 2, 2), ("three corn dogs and two cherries", 3, 2),
    ("a corn dog and a lime", 1, 1)])
def test_the_count_stays_with_the_value_said(chat: Chat, said: str, dogs: int, cups: int) -> None:
    chat.say(said)
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("DOG", dogs), ("CUP", cups)]
    assert "dip" not in chat.lines[0][2] and "flavour" not in chat.lines[0][2]


@pytest.mark.parametrize("said", ["a jug of cherry", "a limeade jug of cherry", "a cherry limeade jug"])
def test_the_other_product_named_is_that_product(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("JUG", 1, {"flavour": "cherry"})]


def test_a_swap_of_the_value_keeps_its_product(chat: Chat) -> None:
    chat.say("a corn dog and a mango")
    chat.say("actually a cherry instead of the mango")
    assert [(sku, qty, opts.get("flavour")) for sku, qty, opts in chat.lines] == [("DOG", 1, None),
                                                                                  ("CUP", 1, "cherry")]


def test_no_order_is_placed_without_a_clear_yes(chat: Chat) -> None:
    replies = [chat.say("two cherries"), chat.say("and a large mango"), chat.say("that's all")]
    assert all(Action.ORDER_PLACED not in r.actions for r in replies)
    assert chat.lines == [("CUP", 2, {"flavour": "cherry", "size": "regular"}),
                          ("CUP", 1, {"flavour": "mango", "size": "large"})]
