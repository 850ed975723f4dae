"""Counts said after the noun and piece counts of goods sold in containers, on a small catalog written here:
"patatas bravas, two portions" or "gyoza three trays the spicy ones" is how many orders (a serving word, a package,
or a group of the product whose choices are piece counts: its container), "croquetas a dozen" is twelve of a
product sold by the piece, and "a dozen gyoza" for gyoza sold by the tray of 4 or 8 (4 unless said) is 3 trays,
never 12 trays."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "GYOZA", "name": "gyoza", "aliases": ["potstickers", "dumplings"], "price": "6.00", "options": [
            {"code": "tray", "name": "tray size", "default": "4", "aliases": ["tray", "trays"], "values": [
                {"code": "4", "name": "tray of four", "aliases": ["4 piece", "4 pieces", "small tray"]},
                {"code": "8", "name": "tray of eight", "aliases": ["8 piece", "8 pieces", "big tray"],
                 "price_delta": "5.00"}]},
            {"code": "heat", "name": "heat", "default": "mild", "values": [
                {"code": "mild", "name": "mild"}, {"code": "spicy", "name": "spicy", "aliases": ["hot"]}]}]},
        {"sku": "CROQUETA", "name": "croqueta", "aliases": ["croquetas", "ham croquettes"], "price": "1.50"},
        {"sku": "BRAVAS", "name": "patatas bravas", "aliases": ["bravas", "spicy potatoes"], "price": "7.00"},
        {"sku": "OLIVES", "name": "olives", "aliases": ["marinated olives"], "price": "4.00"},
        {"sku": "SANGRIA", "name": "sangria", "price": "8.00", "options": [
            {"code": "sugar", "name": "sweetness", "default": "100", "aliases": ["sugar", "sugars"], "values": [
                {"code": "100", "name": "regular sweet", "aliases": ["100 percent"]},
                {"code": "50", "name": "half sweet", "aliases": ["50 percent"]}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", ["patatas bravas, two portions", "patatas bravas please, two orders",
                                  "the bravas two servings", "spicy potatoes two plates please"])
def test_a_serving_count_after_the_noun_counts_it(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("BRAVAS", 2, {})]


@pytest.mark.parametrize("said", ["the patatas bravas two orders and an olives",
                                  "bravas, two portions, and the olives"])
def test_a_serving_count_after_the_noun_leaves_the_next_item_alone(chat: Chat, said: str) -> None:
    chat.say(said)
    assert sorted(chat.lines) == [("BRAVAS", 2, {}), ("OLIVES", 1, {})]


@pytest.mark.parametrize("said", ["gyoza three trays the spicy ones", "the potstickers three trays, the hot ones",
                                  "gyoza three trays"])
def test_a_container_count_after_the_noun_counts_it(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("GYOZA", 3)]
    if "spicy" in said or "hot" in said:
        assert chat.lines[0][2]["heat"] == "spicy"


@pytest.mark.parametrize("said", ["croquetas a dozen", "the ham croquettes a dozen please", "a dozen croquetas"])
def test_a_dozen_of_a_product_sold_by_the_piece_is_twelve(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("CROQUETA", 12, {})]


@pytest.mark.parametrize(("said", "trays"), [("a dozen gyoza", 3), ("two dozen potstickers", 6),
                                             ("gyoza a dozen", 3), ("a dozen spicy dumplings", 3)])
def test_a_piece_count_of_a_product_sold_in_containers_counts_containers(chat: Chat, said: str, trays: int
                                                                          ) -> None:
    chat.say(said)
    assert [(sku, qty, opts["tray"]) for sku, qty, opts in chat.lines] == [("GYOZA", trays, "4")]


@pytest.mark.parametrize("said", ["eight gyoza", "8 piece gyoza"])
def test_a_piece_count_that_is_a_container_stays_one_of_it(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [(sku, qty, opts["tray"]) for sku, qty, opts in chat.lines] == [("GYOZA", 1, "8")]


def test_a_choice_group_that_is_no_container_is_no_count(chat: Chat) -> None:
    chat.say("a sangria two sugars")
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("SANGRIA", 1)]
