"""The same product twice in one sentence with different choices, on a small catalog written here (issue 11).

Each is a line of its own, never merged into one where the last choice wins:

- a choice whose name holds the product's name ("a lemon tea and a mint tea"), though another product comes in
  that choice too (the lemon tart);
- the choices of a product said without its name, each with its own packaging ("a small bag of millet and a big
  bag of sunflower"), where a choice's shortened name ("millet" of "millet and oats") must not swallow the "and";
- a choice said after a part-name shared by several products ("a big tub of finch mix food and a parrot food");
- a product named "<container> of <name>" ("cans of beans") said with its choices inside ("four cans of black
  beans"): the canned beans, not the dried beans that "beans" alone names;
- an elliptical second item ("four cans of black beans and four of the pinto", "three pinto bean cans and two
  black ones"), where a bare number that is only another product's choice ("3" of "3 pound") is the count.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "TEA", "name": "tea", "price": "3.00", "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "lemon", "name": "lemon tea", "aliases": ["lemon"]},
                {"code": "mint", "name": "mint tea", "aliases": ["mint"]},
                {"code": "ginger", "name": "ginger tea", "aliases": ["ginger"]}]}]},
        {"sku": "TART", "name": "tart", "price": "4.00", "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "lemon", "name": "lemon"}, {"code": "cherry", "name": "cherry"}]}]},
        {"sku": "SEED", "name": "wild bird seed", "aliases": ["bird seed", "seed"], "price": "12.00", "options": [
            {"code": "mix", "name": "mix", "required": True, "values": [
                {"code": "millet", "name": "millet and oats"}, {"code": "sunflower", "name": "sunflower and oats"},
                {"code": "thistle", "name": "thistle and oats"}]},
            {"code": "bag", "name": "bag size", "default": "small", "values": [
                {"code": "small", "name": "small bag", "aliases": ["little bag"]},
                {"code": "big", "name": "big bag", "aliases": ["large bag"], "price_delta": "8.00"}]}]},
        {"sku": "BIRD-FOOD", "name": "pet bird food", "price": "6.00", "options": [
            {"code": "type", "name": "type", "default": "finch", "values": [
                {"code": "finch", "name": "finch mix", "aliases": ["finch"]},
                {"code": "parrot", "name": "parrot mix", "aliases": ["parrot", "parrot food"]}]},
            {"code": "tub", "name": "tub size", "default": "small", "values": [
                {"code": "small", "name": "small tub", "aliases": ["little tub"]},
                {"code": "big", "name": "big tub", "aliases": ["large tub"], "price_delta": "3.00"}]}]},
        {"sku": "HAMSTER-FOOD", "name": "hamster food", "price": "5.00"},
        {"sku": "BEANS", "name": "dried beans", "aliases": ["beans", "bag of beans", "bags of beans"],
         "price": "2.50", "options": [
            {"code": "kind", "name": "kind", "required": True, "values": [
                {"code": "black", "name": "black"}, {"code": "pinto", "name": "pinto"}]},
            {"code": "weight", "name": "weight", "default": "1lb", "values": [
                {"code": "1lb", "name": "1 pound"}, {"code": "3lb", "name": "3 pound", "price_delta": "4.00"}]}]},
        {"sku": "CAN-BEANS", "name": "canned beans", "aliases": ["cans of beans", "can of beans", "bean cans"],
         "price": "1.50", "options": [
            {"code": "kind", "name": "kind", "required": True, "values": [
                {"code": "black", "name": "black"}, {"code": "pinto", "name": "pinto"},
                {"code": "kidney", "name": "kidney"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _said(chat: Chat, *groups: str) -> list[tuple[str, int, dict[str, str]]]:
    return [(sku, qty, {g: v for g, v in opts.items() if g in groups}) for sku, qty, opts in chat.lines]


@pytest.mark.parametrize(("said", "want"), [
    ("a lemon tea and a mint tea", [("TEA", 1, "lemon"), ("TEA", 1, "mint")]),
    ("two lemon teas and a ginger tea", [("TEA", 2, "lemon"), ("TEA", 1, "ginger")]),
    ("one lemon tea and one mint tea please", [("TEA", 1, "lemon"), ("TEA", 1, "mint")]),
    ("a lemon tart and a mint tea", [("TART", 1, "lemon"), ("TEA", 1, "mint")]),
])
def test_a_choice_that_names_its_product_twice(chat: Chat, said: str, want: list[tuple[str, int, str]]) -> None:
    chat.say(said)
    assert _said(chat, "flavour") == [(sku, qty, {"flavour": v}) for sku, qty, v in want]


@pytest.mark.parametrize(("said", "want"), [
    ("a small bag of millet and a big bag of sunflower", [("millet", "small"), ("sunflower", "big")]),
    ("a big bag of millet and a small bag of millet", [("millet", "big"), ("millet", "small")]),
    ("a small bag of thistle and a large bag of sunflower", [("thistle", "small"), ("sunflower", "big")]),
])
def test_choices_of_one_product_with_their_own_packaging(chat: Chat, said: str, want: list[tuple[str, str]]) -> None:
    chat.say(said)
    assert _said(chat, "mix", "bag") == [("SEED", 1, {"mix": mix, "bag": bag}) for mix, bag in want]


def test_a_shortened_choice_name_ends_on_no_and(chat: Chat) -> None:
    chat.say("a big bag of millet and a hamster food")
    assert _said(chat, "mix", "bag") == [("SEED", 1, {"mix": "millet", "bag": "big"}), ("HAMSTER-FOOD", 1, {})]


@pytest.mark.parametrize("said", ["a big tub of finch mix food and a parrot food",
                                  "uh a large tub of finch food and a parrot food"])
def test_a_choice_after_a_part_name_of_several(chat: Chat, said: str) -> None:
    chat.say(said)
    assert _said(chat, "type", "tub") == [("BIRD-FOOD", 1, {"type": "finch", "tub": "big"}),
                                          ("BIRD-FOOD", 1, {"type": "parrot", "tub": "small"})]


@pytest.mark.parametrize(("said", "qty", "kind"), [
    ("four cans of black beans", 4, "black"),
    ("two cans of the pinto beans", 2, "pinto"),
    ("a can of kidney beans please", 1, "kidney"),
    ("a dozen cans of pinto beans", 12, "pinto"),
])
def test_a_container_name_with_choices_inside(chat: Chat, said: str, qty: int, kind: str) -> None:
    chat.say(said)
    assert _said(chat, "kind") == [("CAN-BEANS", qty, {"kind": kind})]


def test_the_same_words_without_the_container_stay_the_other_product(chat: Chat) -> None:
    chat.say("two black beans")
    assert _said(chat, "kind") == [("BEANS", 2, {"kind": "black"})]


def test_a_bag_named_by_its_weight_with_choices_inside(chat: Chat) -> None:
    chat.say("a 3 pound bag of pinto beans and a lemon tart")
    assert _said(chat, "kind", "weight", "flavour") == [("BEANS", 1, {"kind": "pinto", "weight": "3lb"}),
                                                        ("TART", 1, {"flavour": "lemon"})]


def test_a_container_name_then_a_change_of_count(chat: Chat) -> None:
    chat.say("two cans of pinto beans")
    chat.say("actually make that four")
    assert _said(chat, "kind") == [("CAN-BEANS", 4, {"kind": "pinto"})]


@pytest.mark.parametrize(("said", "want"), [
    ("four cans of black beans and four of the pinto", [(4, "black"), (4, "pinto")]),
    ("two cans of pinto beans and one of kidney", [(2, "pinto"), (1, "kidney")]),
    ("three cans of the black beans and two of the kidney", [(3, "black"), (2, "kidney")]),
    ("three pinto bean cans and three black ones", [(3, "pinto"), (3, "black")]),
    ("two kidney bean cans and one black one", [(2, "kidney"), (1, "black")]),
])
def test_an_elliptical_second_item(chat: Chat, said: str, want: list[tuple[int, str]]) -> None:
    chat.say(said)
    assert _said(chat, "kind") == [("CAN-BEANS", qty, {"kind": kind}) for qty, kind in want]


def test_parts_said_without_and_share_out_the_count(chat: Chat) -> None:
    chat.say("two pinto bean cans, one black")
    assert sorted(_said(chat, "kind"), key=lambda ln: ln[2]["kind"]) == [("CAN-BEANS", 1, {"kind": "black"}),
                                                                          ("CAN-BEANS", 1, {"kind": "pinto"})]
