"""Asked for the kinds of one product ("what danishes do you have", "which pies have you got"): its kinds are said
(the choices of its required group, or of the group named like a kind: flavour, type, filling, or by the product's
own name), not "yes, we have the danish"; then "the cherry one", "the cheddar one warmed" or "the cherry one and a
coffee" is that kind, though the word is only part of the choice's name ("cheddar and chive")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "PIE", "name": "hand pie", "aliases": ["hand pies", "pie", "pies"], "price": "4.00", "options": [
            {"code": "filling", "name": "filling", "required": True, "values": [
                {"code": "cherry", "name": "sour cherry"}, {"code": "apple", "name": "apple cinnamon"},
                {"code": "pork", "name": "pork and leek"}]}]},
        {"sku": "LOAF", "name": "loaf", "aliases": ["loaves", "bread"], "price": "6.00", "options": [
            {"code": "kind", "name": "type", "default": "white", "values": [
                {"code": "white", "name": "white"}, {"code": "rye", "name": "dark rye"},
                {"code": "spelt", "name": "spelt and honey"}]},
            {"code": "sliced", "name": "sliced", "default": "no", "values": [
                {"code": "no", "name": "unsliced"}, {"code": "yes", "name": "sliced"}]}]},
        {"sku": "TEA", "name": "pot of tea", "aliases": ["tea"], "price": "3.00"},
        {"sku": "CUP", "name": "cupcake", "aliases": ["cupcakes"], "price": "3.50"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("asked", "kinds"), [
    ("what hand pies do you have", ["sour cherry", "apple cinnamon", "pork and leek"]),
    ("which pies have you got", ["sour cherry", "pork and leek"]),
    ("what loaves do you have today", ["white", "dark rye", "spelt and honey"]),
])
def test_the_kinds_are_said(chat: Chat, asked: str, kinds: list[str]) -> None:
    reply = chat.say(asked).text.lower()
    assert all(k in reply for k in kinds), reply
    assert chat.lines == []


def test_a_product_with_no_kinds_is_still_a_yes(chat: Chat) -> None:
    reply = chat.say("what cupcakes do you have").text.lower()
    assert "cupcake" in reply and chat.lines == []


@pytest.mark.parametrize(("said", "lines"), [
    ("the cherry one please", [("PIE", 1, {"filling": "cherry"})]),
    ("i'll take the pork one", [("PIE", 1, {"filling": "pork"})]),
    ("the cherry one and a pot of tea", [("PIE", 1, {"filling": "cherry"}), ("TEA", 1, {})]),
    ("two of the pork ones", [("PIE", 2, {"filling": "pork"})]),
])
def test_the_kind_picked_by_a_word_of_its_name(chat: Chat, said: str, lines: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say("what hand pies do you have")
    chat.say(said)
    assert sorted(chat.lines, key=str) == sorted(lines, key=str)


def test_the_kind_and_another_choice(chat: Chat) -> None:
    chat.say("what loaves do you have")
    chat.say("the spelt one sliced please")
    assert chat.lines == [("LOAF", 1, {"kind": "spelt", "sliced": "yes"})]


def test_a_question_about_a_kind_orders_nothing(chat: Chat) -> None:
    chat.say("what hand pies do you have")
    chat.say("is the pork one spicy?")
    assert chat.lines == []
