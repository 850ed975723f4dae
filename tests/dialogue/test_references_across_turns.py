"""References to earlier lines across turns, on a small catalog written here: a choice said as "the same size" /
"same colour" / "the same milk" is made as on the latest line that has it, and a change of a line into a product
that cannot be had (sold out) never drops the line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZES = [{"code": c, "name": f"size {c}", "aliases": [c]} for c in ("8", "9", "10", "11")]
_COLOURS = [{"code": "navy", "name": "navy"}, {"code": "red", "name": "red"}, {"code": "grey", "name": "grey"}]
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BOOTS", "name": "hiking boots", "price": "90.00", "options": [
            {"code": "size", "name": "boot size", "aliases": ["size"], "required": True, "values": _SIZES},
            {"code": "colour", "name": "colour", "required": True, "values": _COLOURS}]},
        {"sku": "SLIPPERS", "name": "slippers", "price": "20.00", "options": [
            {"code": "size", "name": "boot size", "aliases": ["size"], "required": True, "values": _SIZES}]},
        {"sku": "SCARF", "name": "scarf", "price": "15.00", "options": [
            {"code": "colour", "name": "colour", "required": True, "values": _COLOURS}]},
        {"sku": "TEA", "name": "chai", "price": "4.00", "options": [
            {"code": "milk", "name": "milk", "default": "whole", "values": [
                {"code": "whole", "name": "whole milk"}, {"code": "oat", "name": "oat milk"},
                {"code": "soy", "name": "soy milk"}]}]},
        {"sku": "COCOA", "name": "cocoa", "price": "4.50", "options": [
            {"code": "milk", "name": "milk", "default": "whole", "values": [
                {"code": "whole", "name": "whole milk"}, {"code": "oat", "name": "oat milk"},
                {"code": "soy", "name": "soy milk"}]}]},
        {"sku": "TENT", "name": "tent", "price": "150.00", "stock": 0},
        {"sku": "MAT", "name": "sleeping mat", "price": "30.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", ["and a pair of slippers same size", "and slippers in the same size please",
                                  "also some slippers the same size"])
def test_same_size_takes_the_size_of_the_line_before(chat: Chat, said: str) -> None:
    chat.say("a pair of hiking boots in size ten, navy")
    chat.say(said)
    assert ("SLIPPERS", 1, {"size": "10"}) in chat.lines
    assert len(chat.lines) == 2


@pytest.mark.parametrize("said", ["and a scarf same colour", "and a scarf in the same colour"])
def test_same_colour_takes_only_that_choice(chat: Chat, said: str) -> None:
    chat.say("hiking boots size nine in red")
    chat.say(said)
    assert ("SCARF", 1, {"colour": "red"}) in chat.lines


@pytest.mark.parametrize("said", ["and a cocoa with the same milk", "and a cocoa, same milk"])
def test_the_same_milk_is_the_milk_chosen_before(chat: Chat, said: str) -> None:
    chat.say("a chai with oat milk")
    chat.say(said)
    assert ("COCOA", 1, {"milk": "oat"}) in chat.lines


def test_a_choice_said_outright_wins_over_same(chat: Chat) -> None:
    chat.say("a pair of hiking boots in size ten, navy")
    chat.say("and slippers size eleven")
    assert ("SLIPPERS", 1, {"size": "11"}) in chat.lines


@pytest.mark.parametrize("said", ["make the sleeping mat the tent", "actually make the mat a tent",
                                  "swap the sleeping mat for a tent"])
def test_a_change_into_a_sold_out_product_keeps_the_line(chat: Chat, said: str) -> None:
    chat.say("a scarf in grey and a sleeping mat")
    chat.say(said)
    skus = [sku for sku, _, _ in chat.lines]
    assert "MAT" in skus and "SCARF" in skus and "TENT" not in skus
