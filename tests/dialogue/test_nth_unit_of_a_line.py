"""An ordinal that counts the units of one line, on a small catalog written here: "two chais" is one line of
two; "make the second one big" is then one of its units changed (the line splits), not a missing second line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "TEA", "name": "chai", "aliases": ["chai tea"], "price": "5.00", "options": [
            {"code": "milk", "name": "milk", "default": "dairy", "values": [
                {"code": "dairy", "name": "dairy milk"}, {"code": "soy", "name": "soy milk", "aliases": ["soy"]}]},
            {"code": "size", "name": "size", "default": "regular", "values": [
                {"code": "regular", "name": "regular"}, {"code": "big", "name": "big", "price_delta": "1.00"}]}]},
        {"sku": "COFFEE", "name": "coffee", "price": "3.00", "options": [
            {"code": "milk", "name": "milk", "default": "dairy", "values": [
                {"code": "dairy", "name": "dairy milk"}, {"code": "soy", "name": "soy milk", "aliases": ["soy"]}]},
            {"code": "size", "name": "size", "default": "regular", "values": [
                {"code": "regular", "name": "regular"}, {"code": "big", "name": "big", "price_delta": "1.00"}]}]},
        {"sku": "BUN", "name": "pork bun", "price": "3.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("first", "said", "changed"), [
    ("two chais please", "make the second one big", {"size": "big"}),
    ("two chais", "and the second one with soy milk", {"milk": "soy"}),
    ("three chais", "make the third one soy", {"milk": "soy"}),
    ("two chais", "could you make the second one big please", {"size": "big"}),
])
def test_the_nth_one_of_a_single_line_is_one_of_its_units(chat: Chat, first: str, said: str,
                                                          changed: dict[str, str]) -> None:
    chat.say(first)
    n = chat.lines[0][1]
    chat.say(said)
    plain = {"milk": "dairy", "size": "regular"}
    assert chat.lines == [("TEA", n - 1, plain), ("TEA", 1, {**plain, **changed})]


def test_the_second_one_is_still_the_second_line(chat: Chat) -> None:
    chat.say("a pork bun and two chais")
    chat.say("make the second one big")
    assert chat.lines == [("BUN", 1, {}), ("TEA", 2, {"milk": "dairy", "size": "big"})]


def test_an_ordinal_past_every_unit_changes_nothing(chat: Chat) -> None:
    chat.say("a chai")
    chat.say("make the third one big")
    assert chat.lines == [("TEA", 1, {"milk": "dairy", "size": "regular"})]
