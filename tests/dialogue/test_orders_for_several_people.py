"""Orders for several people in one turn, on a small catalog written here: who an item is for ("for me", "for my
wife", "for the kids"), said between two items, ends the item before it, so each item keeps its own choices
("pink roses for my mum yellow tulips for my sister" is pink roses and yellow tulips, not yellow roses)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_COLOURS = {"code": "colour", "name": "colour", "required": True, "values": [
    {"code": "red", "name": "red"}, {"code": "pink", "name": "pink"}, {"code": "yellow", "name": "yellow"},
    {"code": "white", "name": "white"}]}
_SIZES = {"code": "size", "name": "size", "required": True, "values": [
    {"code": "s", "name": "small"}, {"code": "m", "name": "medium"}, {"code": "l", "name": "large"}]}
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "ROSES", "name": "rose bunch", "aliases": ["roses"], "price": "30.00", "options": [_COLOURS]},
        {"sku": "LILIES", "name": "lily bunch", "aliases": ["lilies"], "price": "25.00", "options": [_COLOURS]},
        {"sku": "SCARF", "name": "scarf", "price": "20.00", "options": [_COLOURS, _SIZES]},
        {"sku": "CARD", "name": "greeting card", "aliases": ["card"], "price": "4.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", [
    "pink roses for my mum yellow lilies for my sister",
    "pink roses for my mother white lilies for my aunt please",
    "i need flowers for my mum and my sister pink roses for my mum yellow lilies for my sister",
    "red roses for me yellow lilies for her",
])
def test_who_an_item_is_for_ends_it(chat: Chat, said: str) -> None:
    chat.say(said)
    got = sorted((sku, opts["colour"]) for sku, _, opts in chat.lines)
    assert [sku for sku, _ in got] == ["LILIES", "ROSES"]
    assert got[1][1] == said.split()[said.split().index("roses") - 1]
    assert got[0][1] == said.split()[said.split().index("lilies") - 1]


@pytest.mark.parametrize("said", [
    "a red scarf in large for my son a white one in medium for my wife a pink one in small for me",
    "a red scarf in large for me a white one in medium for my husband and a pink one in small for the kids",
])
def test_ones_for_several_people_keep_their_own_choices(chat: Chat, said: str) -> None:
    chat.say(said)
    assert sorted((sku, qty, opts["colour"], opts["size"]) for sku, qty, opts in chat.lines) == [
        ("SCARF", 1, "pink", "s"), ("SCARF", 1, "red", "l"), ("SCARF", 1, "white", "m")]


@pytest.mark.parametrize("said", ["a red scarf in large for me with a card for my son",
                                  "a greeting card for my son and red roses for my wife"])
def test_who_an_item_is_for_said_before_its_choices_or_last_stays(chat: Chat, said: str) -> None:
    chat.say(said)
    assert sorted(sku for sku, _, _ in chat.lines) in (["CARD", "SCARF"], ["CARD", "ROSES"])
