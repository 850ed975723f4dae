"""Repairs inside one sentence: "a large, no sorry, a small apple juice" is one small apple juice (the corrected
words "a large" had run up to the next article, so no cue was seen between the two items); "a large apple juice, I
mean a small one" keeps the flavour the "one" stands for; the "no" of "no sugar" is a choice, not a correction;
and "a large apple juice and a small one" is two apple juices (a required choice said with the noun goes with
"one"), while an optional topping does not ("a medium pepperoni and a large one with mushrooms"). A catalog
written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZE = {"code": "size", "name": "size", "default": "m", "values": [
    {"code": "s", "name": "small"}, {"code": "m", "name": "medium"}, {"code": "l", "name": "large"}]}
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "JUICE", "name": "juice", "price": "3.00", "options": [
            _SIZE,
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "apple", "name": "apple juice", "aliases": ["apple"]},
                {"code": "orange", "name": "orange juice", "aliases": ["orange"]}]}]},
        {"sku": "COFFEE", "name": "coffee", "price": "2.50", "options": [
            _SIZE,
            {"code": "add", "name": "add ins", "multiple": True, "amounts": True, "values": [
                {"code": "sugar", "name": "sugar"}, {"code": "cream", "name": "cream"}]}]},
        {"sku": "TEA", "name": "tea", "price": "2.00", "options": [_SIZE]},
        {"sku": "PIZZA", "name": "pizza", "price": "12.00", "options": [
            _SIZE,
            {"code": "toppings", "name": "toppings", "multiple": True, "values": [
                {"code": "pepperoni", "name": "pepperoni"}, {"code": "mushroom", "name": "mushrooms",
                                                              "aliases": ["mushroom"]}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", [
    "a large no sorry a small apple juice",
    "a large uh actually a small apple juice",
    "a large i mean a small apple juice",
    "a large apple juice no sorry a small one",
    "a large apple juice i mean a small one",
    "can i get a large apple juice no wait a small one please",
])
def test_a_repair_leaves_one_line_as_finally_said(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("JUICE", 1, {"flavour": "apple", "size": "s"})], chat.replies[-1].text


@pytest.mark.parametrize("said", ["a large coffee no sugar a small tea", "a large coffee with no sugar a small tea"])
def test_no_before_a_choice_is_not_a_correction(chat: Chat, said: str) -> None:
    chat.say(said)
    assert sorted(sku for sku, _, _ in chat.lines) == ["COFFEE", "TEA"], chat.replies[-1].text


def test_one_stands_for_the_required_choice_said_with_the_noun(chat: Chat) -> None:
    chat.say("a large apple juice and a small one")
    assert chat.lines == [("JUICE", 1, {"flavour": "apple", "size": "l"}),
                          ("JUICE", 1, {"flavour": "apple", "size": "s"})], chat.replies[-1].text


def test_one_does_not_copy_an_optional_topping(chat: Chat) -> None:
    chat.say("a medium pepperoni pizza and a large one with mushrooms")
    assert chat.lines == [("PIZZA", 1, {"size": "m", "toppings": "pepperoni"}),
                          ("PIZZA", 1, {"size": "l", "toppings": "mushroom"})], chat.replies[-1].text
