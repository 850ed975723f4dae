"""A line of several shared into parts in a later turn, said only by the parts' counts and choices: "three
flatbreads" - "one with figs, one with olives and one plain" is those three flatbreads made three ways, not three
more (a part said plain is the line as it is; the recogniser writes no commas, so "one with ..." opens a part
without an "and"); parts that leave some ("one with oat and one with soy" to three chais) leave the rest as it
is. Said with a word of more ("and", "two more") it is more of them, shared so; parts adding up to more than the
line are not a share of it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "FLAT", "name": "flatbread", "price": "9.00", "options": [
            {"code": "size", "name": "size", "default": "regular", "values": [
                {"code": "regular", "name": "regular"}, {"code": "family", "name": "family", "price_delta": "6.00"}]},
            {"code": "top", "name": "toppings", "multiple": True, "values": [
                {"code": "fig", "name": "figs", "aliases": ["fig"], "price_delta": "1.50"},
                {"code": "olive", "name": "olives", "aliases": ["olive"], "price_delta": "1.00"},
                {"code": "feta", "name": "feta", "price_delta": "1.25"}]}]},
        {"sku": "CHAI", "name": "chai", "price": "4.00", "options": [
            {"code": "milk", "name": "milk", "default": "dairy", "values": [
                {"code": "dairy", "name": "dairy milk", "aliases": ["dairy"]},
                {"code": "oat", "name": "oat milk", "aliases": ["oat"]},
                {"code": "soy", "name": "soy milk", "aliases": ["soy"]}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", [
    "one with figs one with olives and one plain",
    "one with figs, one with olives and one plain",
    "ok one with figs one plain and one with olives",
    "um one with olives one with figs one regular",
])
def test_three_shared_three_ways(chat: Chat, said: str) -> None:
    chat.say("three family flatbreads")
    chat.say(said)
    assert sorted(chat.lines, key=str) == sorted([
        ("FLAT", 1, {"size": "family", "top": "fig"}), ("FLAT", 1, {"size": "family", "top": "olive"}),
        ("FLAT", 1, {"size": "family"})], key=str)


def test_two_and_one_plain(chat: Chat) -> None:
    chat.say("three flatbreads")
    chat.say("two with feta and one plain")
    assert sorted(chat.lines, key=str) == sorted([("FLAT", 2, {"size": "regular", "top": "feta"}),
                                                  ("FLAT", 1, {"size": "regular"})], key=str)


def test_a_choice_of_one_group_for_each(chat: Chat) -> None:
    chat.say("two chais")
    chat.say("one with oat one with soy")
    assert sorted(chat.lines, key=str) == sorted([("CHAI", 1, {"milk": "oat"}), ("CHAI", 1, {"milk": "soy"})], key=str)


@pytest.mark.parametrize("said", ["two more one with figs and one plain", "and two more, one with figs and one plain"])
def test_more_is_more(chat: Chat, said: str) -> None:
    chat.say("three flatbreads")
    chat.say(said)
    assert sorted(chat.lines, key=str) == sorted([("FLAT", 4, {"size": "regular"}),
                                                  ("FLAT", 1, {"size": "regular", "top": "fig"})], key=str)


def test_more_shared_into_parts(chat: Chat) -> None:
    chat.say("three family flatbreads")
    chat.say("and two more one with figs and one with olives")
    assert sorted(chat.lines, key=str) == sorted([
        ("FLAT", 3, {"size": "family"}), ("FLAT", 1, {"size": "family", "top": "fig"}),
        ("FLAT", 1, {"size": "family", "top": "olive"})], key=str)


def test_parts_that_leave_some_leave_them_as_they_are(chat: Chat) -> None:
    chat.say("three chais")
    chat.say("one with oat and one with soy")
    assert sorted(chat.lines, key=str) == sorted([("CHAI", 1, {"milk": "oat"}), ("CHAI", 1, {"milk": "soy"}),
                                                  ("CHAI", 1, {"milk": "dairy"})], key=str)


def test_parts_adding_up_to_more_are_no_share(chat: Chat) -> None:
    chat.say("two chais")
    chat.say("two with oat and one with soy")
    assert sum(q for _, q, _ in chat.lines) >= 3  # not the two shared into three
