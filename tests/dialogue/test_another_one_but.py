"""A copy of a line with a change, on a small catalog written here: "another one of those but with oat milk" after
a latte is a second latte made so, added; the first stays as it was. "one of those" right after "another" is a
new unit, not a part of the line (as "make one of them iced" would be)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "TEA", "name": "milk tea", "aliases": ["tea"], "price": "5.00", "options": [
            {"code": "milk", "name": "milk", "default": "dairy", "values": [
                {"code": "dairy", "name": "dairy milk"}, {"code": "soy", "name": "soy milk", "aliases": ["soy"]},
                {"code": "rice", "name": "rice milk"}]},
            {"code": "size", "name": "size", "default": "regular", "values": [
                {"code": "regular", "name": "regular"}, {"code": "big", "name": "big", "price_delta": "1.00"}]},
            {"code": "topping", "name": "topping", "default": "none", "values": [
                {"code": "none", "name": "no topping"}, {"code": "jelly", "name": "grass jelly"},
                {"code": "boba", "name": "boba", "aliases": ["tapioca pearls"]}]}]},
        {"sku": "BOWL", "name": "noodle bowl", "aliases": ["noodles"], "price": "12.00", "options": [
            {"code": "noodle", "name": "noodle", "default": "wheat", "values": [
                {"code": "wheat", "name": "wheat noodles"}, {"code": "glass", "name": "glass noodles"},
                {"code": "udon", "name": "udon"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", [
    "another one of those but with soy milk",
    "another one of those with soy milk",
    "and another one of them but with soy",
    "can i get another one of those but soy milk",
    "an additional one of those with soy milk please",
])
def test_another_one_of_those_but_adds_a_changed_copy(chat: Chat, said: str) -> None:
    chat.say("a big milk tea with boba")
    chat.say(said)
    assert chat.lines == [("TEA", 1, {"milk": "dairy", "size": "big", "topping": "boba"}),
                          ("TEA", 1, {"milk": "soy", "size": "big", "topping": "boba"})]


@pytest.mark.parametrize(("said", "noodle"), [
    ("another one of those but with glass noodles", "glass"),
    ("another one of those but udon", "udon"),
])
def test_another_one_of_those_on_another_product(chat: Chat, said: str, noodle: str) -> None:
    chat.say("a noodle bowl")
    chat.say(said)
    assert chat.lines == [("BOWL", 1, {"noodle": "wheat"}), ("BOWL", 1, {"noodle": noodle})]


def test_another_one_of_a_line_of_two_adds_one(chat: Chat) -> None:
    chat.say("two milk teas")
    chat.say("another one of those but with rice milk")
    assert chat.lines == [("TEA", 2, {"milk": "dairy", "size": "regular", "topping": "none"}),
                          ("TEA", 1, {"milk": "rice", "size": "regular", "topping": "none"})]


def test_one_of_them_still_changes_part_of_the_line(chat: Chat) -> None:
    chat.say("two milk teas")
    chat.say("make one of them with soy milk")
    assert sorted(chat.lines, key=lambda ln: ln[2]["milk"]) == [
        ("TEA", 1, {"milk": "dairy", "size": "regular", "topping": "none"}),
        ("TEA", 1, {"milk": "soy", "size": "regular", "topping": "none"})]
