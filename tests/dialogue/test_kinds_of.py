""""What kind of juice do you have" asks for the variety of the one product named: its main choice (the first
required single choice, else the first single choice with no default), listed; "what kinds of milk" lists the
choices called milk, not the products tagged milk; "what kind of milk does the latte come with" lists the
latte's milks. A catalog written here (a juice stand)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "milk": {"code": "milk", "name": "milk", "default": "milk", "values": [
            {"code": "milk", "name": "milk"}, {"code": "oat", "name": "oat milk"},
            {"code": "almond", "name": "almond milk"}]},
    },
    "products": [
        {"sku": "JUICE", "name": "fresh juice", "aliases": ["juice"], "price": "4.00", "options": [
            {"code": "size", "name": "size", "default": "small", "values": [
                {"code": "small", "name": "small"}, {"code": "large", "name": "large"}]},
            {"code": "fruit", "name": "fruit", "required": True, "values": [
                {"code": "orange", "name": "orange"}, {"code": "carrot", "name": "carrot"},
                {"code": "beet", "name": "beet"}]}]},
        {"sku": "CHAI", "name": "chai", "price": "4.50", "tags": ["milk"], "options": ["milk"]},
        {"sku": "SHAKE", "name": "protein shake", "aliases": ["shake"], "price": "6.00", "tags": ["milk"],
         "options": ["milk", {"code": "flavour", "name": "flavour", "values": [
             {"code": "cocoa", "name": "cocoa"}, {"code": "berry", "name": "berry"}]}]},
        {"sku": "TOAST", "name": "avocado toast", "price": "8.00", "options": [
            {"code": "bread", "name": "bread", "default": "sourdough", "values": [
                {"code": "sourdough", "name": "sourdough"}, {"code": "rye", "name": "rye"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("asked", ["what kind of juice do you have", "what kinds of juices do you sell",
                                   "what type of juice is there", "which kinds of fresh juice do you make"])
def test_the_kinds_of_a_product_are_its_main_choice(chat: Chat, asked: str) -> None:
    text = chat.say(asked).text.lower()
    assert all(v in text for v in ("orange", "carrot", "beet")), text
    assert chat.lines == []


def test_a_choice_with_no_default_is_the_kind_when_none_is_required(chat: Chat) -> None:
    text = chat.say("what kinds of protein shakes do you have").text.lower()
    assert "cocoa" in text and "berry" in text, text


def test_the_kinds_of_a_plain_value_are_its_group(chat: Chat) -> None:
    text = chat.say("what kinds of milk do you have").text.lower()
    assert "oat milk" in text and "almond milk" in text and "chai" not in text, text


def test_the_kinds_of_a_group_for_a_product(chat: Chat) -> None:
    text = chat.say("what kind of milk does the chai come with").text.lower()
    assert "oat milk" in text and "almond milk" in text, text


def test_the_answer_is_then_picked(chat: Chat) -> None:
    chat.say("what kind of juice do you have")
    chat.say("a large carrot one please")
    assert chat.lines == [("JUICE", 1, {"size": "large", "fruit": "carrot"})], chat.replies[-1].text
