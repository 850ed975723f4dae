"""Choices said before a kind's noun, then the items of that kind named one by one: "two large smoothies, a green
one and a berry one" makes both large (only the first was before). A catalog written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZE = {"code": "size", "name": "size", "default": "medium", "values": [
    {"code": "small", "name": "small"}, {"code": "medium", "name": "medium"},
    {"code": "large", "name": "large", "price_delta": "1.50"}]}
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {"size": _SIZE},
    "products": [
        {"sku": "KALE", "name": "kale cooler", "category": "shakes", "price": "7.00", "options": ["size"]},
        {"sku": "BERRY", "name": "berry burst", "category": "shakes", "price": "7.00", "options": ["size"]},
        {"sku": "MANGO", "name": "mango sunrise", "category": "shakes", "price": "7.00", "options": ["size"]},
        {"sku": "COOKIE", "name": "oat cookie", "category": "snacks", "price": "2.00"},
        {"sku": "KETTLE", "name": "steel kettle", "category": "home", "price": "20.00"},
        {"sku": "LAMP", "name": "desk lamp", "category": "home", "price": "15.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _sizes(chat: Chat) -> list[tuple[str, str]]:
    return sorted((sku, opts.get("size", "medium")) for sku, _, opts in chat.lines)


@pytest.mark.parametrize("said", ["two large shakes a kale cooler and a berry burst",
                                  "can i get two large shakes, a kale cooler and a berry burst please",
                                  "um two large shakes one kale cooler and one berry burst"])
def test_choices_before_the_kind_go_to_every_item_it_sums_up(chat: Chat, said: str) -> None:
    chat.say(said)
    assert _sizes(chat) == [("BERRY", "large"), ("KALE", "large")]


def test_an_items_own_choice_wins(chat: Chat) -> None:
    chat.say("two large shakes a kale cooler and a small berry burst")
    assert _sizes(chat) == [("BERRY", "small"), ("KALE", "large")]


def test_a_count_that_does_not_add_up_shares_nothing(chat: Chat) -> None:
    chat.say("three large shakes a kale cooler and a berry burst")
    assert ("BERRY", "large") not in _sizes(chat)


def test_a_category_said_alone_asks_which_one(chat: Chat) -> None:
    reply = chat.say("can i get a shake")
    assert chat.lines == [] and "kale cooler" in reply.text.lower(), reply.text


def test_a_category_named_like_a_place_is_no_kind_of_goods(chat: Chat) -> None:
    chat.say("hi i'm calling from home can i get a steel kettle")
    assert [(sku, n) for sku, n, _ in chat.lines] == [("KETTLE", 1)]


_BOTTLES = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "WATER", "name": "bottled water", "price": "1.50", "options": [
            {"code": "size", "name": "size", "default": "small", "values": [
                {"code": "small", "name": "half liter", "aliases": ["small"]},
                {"code": "large", "name": "1 liter", "aliases": ["large", "big"], "price_delta": "1.00"}]}]},
        {"sku": "BANDAGES", "name": "bandages", "price": "4.00", "options": [
            {"code": "kind", "name": "kind", "default": "regular", "values": [
                {"code": "regular", "name": "regular"},
                {"code": "large", "name": "large", "aliases": ["big ones", "large ones"]}]}]},
    ],
}


@pytest.fixture
def bottles(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _BOTTLES)


@pytest.mark.parametrize("turns", [["two bottles of water the big ones"],
                                   ["two bottles of water", "actually make those the big ones"]])
def test_the_big_ones_is_what_big_names_for_the_product_meant(bottles: Chat, turns: list[str]) -> None:
    """Another product's choice is literally called "big ones": for the water, "the big ones" is its "big"."""
    for t in turns:
        bottles.say(t)
    assert bottles.lines == [("WATER", 2, {"size": "large"})]
