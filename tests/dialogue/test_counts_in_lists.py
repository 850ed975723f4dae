"""Counts and items said in a list, on a small catalog written here (issue 11):

- "N bags of ..." keeps its count when more is said: "three bags of the white gravel", "two big bags of grey
  gravel" (and the bag size is the gravel's "big bag", though "big" is a planter's size too), "two boxes of mint
  and a mug" (the box names the tea, though herbs come in mint too), "... the large ones" after the item;
- a bare count to "would you like one?" is how many, though "4" is short for the fern's "4 gallon";
- a list without "and" keeps every item ("a mint plant a lemon plant and a mug");
- "a watering can a red one" is that can, said again with its colour, not two cans;
- "two of those and a mug" after an offer is two of the product offered, plus the mug.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "GRAVEL", "name": "gravel", "aliases": ["bag of gravel", "bags of gravel", "pea gravel"],
         "price": "6.00", "stock": 500, "options": [
             {"code": "colour", "name": "colour", "required": True, "values": [
                 {"code": "white", "name": "white", "aliases": ["white gravel"]},
                 {"code": "grey", "name": "grey", "aliases": ["grey gravel", "gray gravel"]}]},
             {"code": "size", "name": "bag size", "default": "small", "values": [
                 {"code": "small", "name": "small bag", "aliases": ["regular bag"]},
                 {"code": "large", "name": "large bag", "aliases": ["big bag"], "price_delta": "4.00"}]}]},
        {"sku": "PLANTER", "name": "planter", "price": "20.00", "options": [
            {"code": "size", "name": "size", "default": "small", "values": [
                {"code": "small", "name": "small"},
                {"code": "large", "name": "large", "aliases": ["big", "large bag"], "price_delta": "10.00"}]},
            {"code": "colour", "name": "colour", "values": [
                {"code": "white", "name": "white"}, {"code": "grey", "name": "grey"}, {"code": "red", "name": "red"}]}]},
        {"sku": "TEA", "name": "tea box", "aliases": ["box of tea", "boxes of tea", "tea"], "price": "5.00",
         "options": [{"code": "flavour", "name": "flavour", "required": True, "values": [
             {"code": "mint", "name": "mint", "aliases": ["mint tea"]},
             {"code": "lemon", "name": "lemon", "aliases": ["lemon tea"]}]}]},
        {"sku": "HERB", "name": "herb plant", "aliases": ["herb", "herbs"], "price": "4.00", "options": [
            {"code": "herb", "name": "herb", "required": True, "values": [
                {"code": "mint", "name": "mint", "aliases": ["mint plant"]},
                {"code": "lemon", "name": "lemon balm", "aliases": ["lemon plant", "lemon balm plant"]},
                {"code": "sage", "name": "sage", "aliases": ["sage plant"]}]}]},
        {"sku": "FERN", "name": "fern", "aliases": ["ferns"], "price": "15.00", "stock": 40, "options": [
            {"code": "pot", "name": "pot size", "default": "2gal", "values": [
                {"code": "2gal", "name": "2 gallon", "aliases": ["two gallon"]},
                {"code": "4gal", "name": "4 gallon", "aliases": ["four gallon"], "price_delta": "10.00"}]}]},
        {"sku": "CAN", "name": "watering can", "aliases": ["watering cans"], "price": "12.00", "options": [
            {"code": "colour", "name": "colour", "default": "green", "values": [
                {"code": "green", "name": "green"}, {"code": "red", "name": "red"}, {"code": "blue", "name": "blue"}]}]},
        {"sku": "MUG", "name": "mug", "aliases": ["mugs"], "price": "9.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _sorted(lines: list[tuple[str, int, dict[str, str]]]) -> list[tuple[str, int, list[tuple[str, str]]]]:
    return sorted((sku, qty, sorted(opts.items())) for sku, qty, opts in lines)


@pytest.mark.parametrize(("said", "want"), [
    ("three bags of the white gravel", [("GRAVEL", 3, {"colour": "white", "size": "small"})]),
    ("two bags of your grey gravel please", [("GRAVEL", 2, {"colour": "grey", "size": "small"})]),
    ("two big bags of grey gravel", [("GRAVEL", 2, {"colour": "grey", "size": "large"})]),
    ("four large bags of white gravel", [("GRAVEL", 4, {"colour": "white", "size": "large"})]),
    ("five bags of white gravel the big ones", [("GRAVEL", 5, {"colour": "white", "size": "large"})]),
    ("two bags of grey gravel, the large ones", [("GRAVEL", 2, {"colour": "grey", "size": "large"})]),
    ("three bags of the grey gravel and a mug", [("GRAVEL", 3, {"colour": "grey", "size": "small"}),
                                                 ("MUG", 1, {})]),
    ("a red planter four bags of white gravel and a mug", [("PLANTER", 1, {"size": "small", "colour": "red"}),
                                                          ("GRAVEL", 4, {"colour": "white", "size": "small"}),
                                                          ("MUG", 1, {})]),
])
def test_a_count_of_bags_keeps_its_count(chat: Chat, said: str, want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert _sorted(chat.lines) == _sorted(want), chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("two boxes of mint tea and a mug", [("TEA", 2, {"flavour": "mint"}), ("MUG", 1, {})]),
    ("two boxes of mint and a mug", [("TEA", 2, {"flavour": "mint"}), ("MUG", 1, {})]),
    ("three boxes of lemon and two mugs", [("TEA", 3, {"flavour": "lemon"}), ("MUG", 2, {})]),
    ("a mug and two boxes of the mint tea", [("TEA", 2, {"flavour": "mint"}), ("MUG", 1, {})]),
])
def test_a_package_that_names_the_product(chat: Chat, said: str,
                                          want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert _sorted(chat.lines) == _sorted(want), chat.replies[-1].text


@pytest.mark.parametrize(("first", "answer", "qty"), [
    ("do you have ferns", "ok two please", 2),
    ("do you have ferns", "four", 4),
    ("how much is a fern", "i'll take four", 4),
    ("how much is a fern", "great, two please", 2),
])
def test_a_bare_count_to_an_offer_is_how_many(chat: Chat, first: str, answer: str, qty: int) -> None:
    chat.say(first)
    chat.say(answer)
    assert chat.lines == [("FERN", qty, {"pot": "2gal"})], chat.replies[-1].text


def test_a_choice_with_its_article_to_an_offer_is_the_choice(chat: Chat) -> None:
    chat.say("do you have ferns")
    chat.say("a four gallon please")
    assert chat.lines == [("FERN", 1, {"pot": "4gal"})], chat.replies[-1].text


@pytest.mark.parametrize("said", ["a mint plant a lemon plant and a mug", "a mint plant, a lemon plant and a mug",
                                  "a sage plant a mint plant a lemon plant and a mug"])
def test_a_list_without_and_keeps_every_item(chat: Chat, said: str) -> None:
    chat.say(said)
    herbs = sorted(opts["herb"] for sku, _, opts in chat.lines if sku == "HERB")
    named = [h for h in ("sage", "mint", "lemon") if f"{h} plant" in said]
    assert herbs == sorted(named) and ("MUG", 1, {}) in chat.lines, chat.replies[-1].text


@pytest.mark.parametrize("said", ["a watering can a red one and a mug", "a watering can, a red one, and a mug",
                                  "i need a watering can a blue one"])
def test_an_appositive_says_the_item_again(chat: Chat, said: str) -> None:
    chat.say(said)
    colour = "red" if "red" in said else "blue"
    cans = [ln for ln in chat.lines if ln[0] == "CAN"]
    assert cans == [("CAN", 1, {"colour": colour})], chat.replies[-1].text


def test_another_value_of_the_same_choice_is_another_item(chat: Chat) -> None:
    chat.say("a red watering can a blue one")
    assert _sorted(chat.lines) == _sorted([("CAN", 1, {"colour": "red"}), ("CAN", 1, {"colour": "blue"})])


@pytest.mark.parametrize(("answer", "qty"), [("great two of those and a mug", 2), ("ok one of those and two mugs", 1),
                                             ("a mug and three of those please", 3)])
def test_a_count_of_those_with_other_items(chat: Chat, answer: str, qty: int) -> None:
    chat.say("do you have ferns")
    chat.say(answer)
    mugs = 2 if "two mugs" in answer else 1
    assert _sorted(chat.lines) == _sorted([("FERN", qty, {"pot": "2gal"}), ("MUG", mugs, {})]), chat.replies[-1].text
