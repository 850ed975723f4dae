"""Counts said after the noun or once for a list, on a small catalog written here: "a mocha and a scone two each"
(two of each), "two of each, a mocha and a scone", "dumplings two baskets each", "flat whites three of them large"
(three, large); a count unit before the next item is that item's ("a pound of bacon a dozen wings": not twelve
bacon); "make half of them iced" splits the line in two; "another two" / "two more of those" adds two."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "MOCHA", "name": "mocha", "aliases": ["mochas"], "price": "4.50", "options": [
            {"code": "temp", "name": "temperature", "default": "hot", "values": [
                {"code": "hot", "name": "hot"}, {"code": "iced", "name": "iced"}]},
            {"code": "size", "name": "size", "default": "medium", "values": [
                {"code": "medium", "name": "medium"}, {"code": "large", "name": "large", "price_delta": "0.50"}]}]},
        {"sku": "FLATWHITE", "name": "flat white", "aliases": ["flat whites"], "price": "4.00", "options": [
            {"code": "size", "name": "size", "default": "medium", "values": [
                {"code": "medium", "name": "medium"}, {"code": "large", "name": "large", "price_delta": "0.50"}]},
            {"code": "milk", "name": "milk", "default": "whole", "values": [
                {"code": "whole", "name": "whole milk", "aliases": ["whole"]},
                {"code": "oat", "name": "oat milk", "aliases": ["oat"]}]}]},
        {"sku": "SCONE", "name": "scone", "aliases": ["scones"], "price": "3.00"},
        {"sku": "MUFFIN", "name": "blueberry muffin", "aliases": ["muffin", "muffins"], "price": "3.25"},
        {"sku": "GYOZA", "name": "gyoza", "price": "6.00", "options": [
            {"code": "pieces", "name": "pieces", "default": "4", "aliases": ["basket", "baskets"], "values": [
                {"code": "4", "name": "4 pieces"}, {"code": "8", "name": "8 pieces", "price_delta": "5.00"}]},
            {"code": "cooking", "name": "cooking", "default": "steamed", "values": [
                {"code": "steamed", "name": "steamed"}, {"code": "pan_fried", "name": "pan fried"}]}]},
        {"sku": "BUNS", "name": "pork buns", "aliases": ["pork bun", "bao"], "price": "5.00", "options": [
            {"code": "pieces", "name": "pieces", "default": "3", "aliases": ["basket", "baskets"], "values": [
                {"code": "3", "name": "3 pieces"}, {"code": "6", "name": "6 pieces", "price_delta": "4.00"}]}]},
        {"sku": "BACON", "name": "bacon", "price": "8.00", "options": [
            {"code": "weight", "name": "weight", "default": "1lb", "values": [
                {"code": "1lb", "name": "one pound", "aliases": ["a pound", "pound"]},
                {"code": "2lb", "name": "two pounds", "aliases": ["2 pounds"], "price_delta": "8.00"}]},
            {"code": "slice", "name": "slice", "default": "regular", "values": [
                {"code": "regular", "name": "regular"}, {"code": "thick", "name": "thick cut", "aliases": ["thick"]}]}]},
        {"sku": "WINGS", "name": "chicken wings", "aliases": ["wings", "wing"], "price": "0.75"},
        {"sku": "EGGS", "name": "eggs", "aliases": ["egg"], "price": "0.40"},
        {"sku": "KNOTS", "name": "garlic knots", "aliases": ["knots"], "price": "4.00", "options": [
            {"code": "count", "name": "count", "default": "6", "values": [
                {"code": "6", "name": "6 knots", "aliases": ["six", "6"]},
                {"code": "12", "name": "12 knots", "aliases": ["twelve", "12"], "price_delta": "3.50"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", [
    "a mocha and a scone two each", "a mocha and a scone, two of each", "a mocha and a scone two apiece",
    "mochas and scones two each please", "two of each, a mocha and a scone", "two each of the mocha and the scone",
])
def test_a_count_said_once_for_a_list_is_each_items(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.counts == {"MOCHA": 2, "SCONE": 2}


def test_three_each_of_three_items(chat: Chat) -> None:
    chat.say("a flat white a muffin and a scone three each")
    assert chat.counts == {"FLATWHITE": 3, "MUFFIN": 3, "SCONE": 3}


def test_one_each_keeps_one_of_each(chat: Chat) -> None:
    chat.say("one each of the muffin and the scone")
    assert chat.counts == {"MUFFIN": 1, "SCONE": 1}


@pytest.mark.parametrize("said", ["gyoza and pork buns two baskets each", "gyoza and pork buns, two of each"])
def test_a_count_of_containers_for_each(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.counts == {"GYOZA": 2, "BUNS": 2}


@pytest.mark.parametrize(("said", "size"), [
    ("flat whites three of them large", "large"), ("flat whites, three of those large", "large"),
    ("flat whites three of them", "medium"),
])
def test_a_count_of_them_after_the_item_with_its_choice(chat: Chat, said: str, size: str) -> None:
    chat.say(said)
    assert [(sku, qty, opts["size"]) for sku, qty, opts in chat.lines] == [("FLATWHITE", 3, size)]


def test_one_of_three_said_after_then_changed(chat: Chat) -> None:
    chat.say("mochas three of them large")
    chat.say("make one of those iced")
    assert sorted((qty, opts["temp"]) for _, qty, opts in chat.lines) == [(1, "iced"), (2, "hot")]


def test_an_item_with_its_own_count_keeps_it(chat: Chat) -> None:
    chat.say("two mochas and three scones")
    assert chat.counts == {"MOCHA": 2, "SCONE": 3}


def test_a_count_unit_before_the_next_item_is_that_items(chat: Chat) -> None:
    chat.say("a pound of thick bacon a dozen wings")
    assert chat.counts == {"BACON": 1, "WINGS": 12}
    chat.say("and eggs a dozen")
    assert chat.counts["EGGS"] == 12


@pytest.mark.parametrize(("first", "said", "group", "value"), [
    ("gyoza twelve of them", "make half of them pan fried", "cooking", "pan_fried"),
    ("six gyoza", "half of them pan fried", "cooking", "pan_fried"),
    ("four flat whites", "make half with oat milk", "milk", "oat"),
    ("four mochas", "half of those iced", "temp", "iced"),
])
def test_half_of_them_changes_half_the_line(chat: Chat, first: str, said: str, group: str, value: str) -> None:
    chat.say(first)
    whole = sum(qty for _, qty, _ in chat.lines)
    chat.say(said)
    assert sorted(opts[group] == value for _, qty, opts in chat.lines for _ in range(qty)) \
        == [False] * (whole // 2) + [True] * (whole // 2)


@pytest.mark.parametrize(("said", "temp"), [("another two", "hot"), ("two more of those", "hot"),
                                            ("another two iced", "iced"), ("two more of those but iced", "iced")])
def test_another_two_adds_two(chat: Chat, said: str, temp: str) -> None:
    chat.say("two mochas")
    chat.say(said)
    assert chat.counts == {"MOCHA": 4}
    assert sum(qty for _, qty, opts in chat.lines if opts["temp"] == temp) == (2 if temp == "iced" else 4)


def test_a_count_after_that_the_product_is_sold_in_is_its_choice(chat: Chat) -> None:
    chat.say("garlic knots twelve of them and a scone")
    assert ("KNOTS", 1, {"count": "12"}) in chat.lines
