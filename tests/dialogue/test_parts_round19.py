"""Parts of a line said the other way round (round 19): each part's choices first, then the unit they go on -
"put jam on one and honey on the other", "oat milk in one and soy in the other one" to a line of two: the two
units made two ways, not both with both. Said of one unit only ("put jam on one"), or to a line of one, it is
no sharing. And choices said with no product, in phrases opened by the same words ("a glass of apple and a glass
of mango"): one item per phrase, each with its own choices; said once ("a glass of apple and mango") it is one
item with both. And an answer to "which scent?" for a line of two, "one vanilla and the other one lemonade", shares
the line by scents though "lemonade" also names a product. A catalog written here (a toast, tea and juice bar
that sells candles too)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "TOAST", "name": "thick toast", "price": "4.00", "aliases": ["toast", "toasts"], "options": [
            {"code": "top", "name": "toppings", "multiple": True, "values": [
                {"code": "jam", "name": "jam", "price_delta": "0.50"},
                {"code": "honey", "name": "honey", "price_delta": "0.50"},
                {"code": "butter", "name": "butter"}]}]},
        {"sku": "CHAI", "name": "chai", "price": "4.00", "aliases": ["chais"], "options": [
            {"code": "milk", "name": "milk", "default": "dairy", "values": [
                {"code": "dairy", "name": "dairy milk", "aliases": ["dairy"]},
                {"code": "oat", "name": "oat milk", "aliases": ["oat"]},
                {"code": "soy", "name": "soy milk", "aliases": ["soy"]}]}]},
        {"sku": "JUICE", "name": "fresh juice", "price": "5.00", "options": [
            {"code": "fruit", "name": "fruits", "multiple": True, "values": [
                {"code": "apple", "name": "apple"}, {"code": "mango", "name": "mango"},
                {"code": "carrot", "name": "carrot"}]},
            {"code": "boost", "name": "boosts", "multiple": True, "values": [
                {"code": "ginger", "name": "ginger shot", "aliases": ["ginger"], "price_delta": "1.00"}]}]},
        {"sku": "LEMONADE", "name": "lemonade", "price": "3.00"},
        {"sku": "CANDLE", "name": "candle", "price": "12.00", "aliases": ["candles"], "options": [
            {"code": "scent", "name": "scent", "required": True, "values": [
                {"code": "vanilla", "name": "vanilla"}, {"code": "lemonade", "name": "lemonade"},
                {"code": "cedar", "name": "cedar"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _sorted(lines: list[tuple[str, int, dict[str, str]]]) -> list[tuple[str, int, dict[str, str]]]:
    return sorted(lines, key=str)


@pytest.mark.parametrize("said", [
    "put jam on one and honey on the other",
    "jam on one and honey on the other one",
    "ok put jam on one and honey on the other",
])
def test_choices_then_the_unit(chat: Chat, said: str) -> None:
    chat.say("two thick toasts")
    chat.say(said)
    assert _sorted(chat.lines) == _sorted([("TOAST", 1, {"top": "jam"}), ("TOAST", 1, {"top": "honey"})])


def test_one_choice_group(chat: Chat) -> None:
    chat.say("two chais")
    chat.say("oat milk in one and soy in the other one")
    assert _sorted(chat.lines) == _sorted([("CHAI", 1, {"milk": "oat"}), ("CHAI", 1, {"milk": "soy"})])


def test_said_of_one_unit_only_is_no_sharing(chat: Chat) -> None:
    chat.say("two thick toasts")
    chat.say("put jam on one")
    assert all(ln[0] == "TOAST" for ln in chat.lines)
    assert sum(n for _, n, _ in chat.lines) == 2
    assert not any(o.get("top") == "honey" for _, _, o in chat.lines)


def test_a_line_of_one_is_not_shared(chat: Chat) -> None:
    chat.say("a thick toast")
    chat.say("put jam on one and honey on the other")
    assert sum(n for _, n, _ in chat.lines) == 1


def test_phrases_opened_alike_are_items_of_their_own(chat: Chat) -> None:
    chat.say("a glass of apple with ginger and a glass of mango")
    assert _sorted(chat.lines) == _sorted([("JUICE", 1, {"fruit": "apple", "boost": "ginger"}),
                                           ("JUICE", 1, {"fruit": "mango"})])


def test_one_phrase_is_one_item(chat: Chat) -> None:
    chat.say("a glass of apple and mango")
    assert len(chat.lines) == 1
    assert chat.session.cart.lines[0].quantity == 1
    assert sorted(o.value for o in chat.session.cart.lines[0].options if o.group == "fruit") == ["apple", "mango"]


@pytest.mark.parametrize("said", ["one vanilla and the other one lemonade", "one cedar and the other one lemonade"])
def test_answer_in_parts_with_a_value_that_names_a_product(chat: Chat, said: str) -> None:
    chat.say("two candles")
    chat.say(said)
    first = said.split()[1]
    assert _sorted(chat.lines) == _sorted([("CANDLE", 1, {"scent": first}), ("CANDLE", 1, {"scent": "lemonade"})])


def test_a_line_of_one_has_no_other_part(chat: Chat) -> None:
    chat.say("a candle")
    chat.say("vanilla and the other one lemonade")
    assert _sorted(chat.lines) == _sorted([("CANDLE", 1, {"scent": "vanilla"}), ("LEMONADE", 1, {})])


_DEAL = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "DEAL", "name": "lunch deal", "price": "11.00", "option_groups": [
            {"code": "main", "name": "main", "required": True, "values": [
                {"code": "mac", "name": "mac and cheese"}, {"code": "salad", "name": "green salad"}]},
            {"code": "drink", "name": "drink", "required": True, "values": [
                {"code": "tea", "name": "iced tea"}, {"code": "water", "name": "water"}]}]},
        {"sku": "MAC", "name": "mac and cheese", "price": "6.00"},
    ],
}


def test_an_answer_whose_value_has_and_in_its_name_is_that_value(tmp_path: Path) -> None:
    """"What main for the lunch deal?" - "mac and cheese": the deal's main, named with "and" as said (a part's
    words are only dropped when the name as said is no value), not the mac and cheese sold alone."""
    for chat in chat_of(tmp_path, _DEAL):
        chat.say("a lunch deal")
        chat.say("mac and cheese")
        chat.say("iced tea")
        assert chat.lines == [("DEAL", 1, {"main": "mac", "drink": "tea"})]
