"""Repairs and references said on a call: "actually no cold brew just make it a drip coffee" (a line said not
wanted, then what comes in its place: a swap), "ok one of those, eggs over easy" after asking about the big
breakfast (the product just talked about, its "eggs" a group of its choices, not the two egg breakfast), "two hot
cocoas for the kids and a large one" ("for the kids" is who they are for, not the kids size; "a large one" is one
more line, no part of the two), "a box of five hundred no two fifty is fine" (a choice said over by another of
its group, here named by a part of its name only). On corpus catalogs, the bundled cafe and pizzeria, and a
catalog written here (a noodle bar)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_NOODLES = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "NOODLES", "name": "bowl of noodles", "aliases": ["noodles", "noodle bowl"], "price": "9.00",
         "category": "noodles", "description": "plain noodles in broth", "options": [
             {"code": "noodles", "name": "noodles", "default": "udon", "values": [
                 {"code": "udon", "name": "udon"}, {"code": "soba", "name": "soba"}]}]},
        {"sku": "COMBO", "name": "lunch combo", "aliases": ["combo"], "price": "15.00", "category": "combos",
         "description": "noodles any way, two gyoza and a drink", "options": [
             {"code": "noodles", "name": "noodles", "required": True, "values": [
                 {"code": "udon", "name": "udon"}, {"code": "soba", "name": "soba"}]},
             {"code": "size", "name": "size", "default": "regular", "values": [
                 {"code": "kids", "name": "kids", "aliases": ["small"], "price_delta": "-3.00"},
                 {"code": "regular", "name": "regular"}, {"code": "large", "name": "large"}]}]},
        {"sku": "TEA", "name": "green tea", "aliases": ["tea", "teas"], "price": "3.00", "category": "drinks",
         "options": [
             {"code": "size", "name": "size", "default": "medium", "values": [
                 {"code": "small", "name": "small", "aliases": ["kids"]}, {"code": "medium", "name": "medium"},
                 {"code": "large", "name": "large", "price_delta": "1.00"}]},
             {"code": "sweet", "name": "sweetener", "multiple": True, "values": [
                 {"code": "honey", "name": "honey"}, {"code": "sugar", "name": "sugar"}]}]},
        {"sku": "CARDS", "name": "gift cards", "aliases": ["cards"], "price": "1.00", "category": "gifts",
         "options": [
             {"code": "pack", "name": "pack", "default": "10", "values": [
                 {"code": "10", "name": "pack of 10", "aliases": ["pack of ten", "ten pack"]},
                 {"code": "40", "name": "pack of 40", "aliases": ["pack of forty", "forty pack"]},
                 {"code": "25", "name": "pack of 25", "aliases": ["pack of twenty five", "twenty five pack"]}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _NOODLES)


def _corpus_chat(tmp_path: Path, name: str) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog(name))


@pytest.fixture
def roaster_chat(tmp_path: Path) -> Iterator[Chat]:
    yield from _corpus_chat(tmp_path, "roaster")


@pytest.fixture
def diner_chat(tmp_path: Path) -> Iterator[Chat]:
    yield from _corpus_chat(tmp_path, "diner")


@pytest.fixture
def candy_chat(tmp_path: Path) -> Iterator[Chat]:
    yield from _corpus_chat(tmp_path, "candyshop")


@pytest.fixture
def print_chat(tmp_path: Path) -> Iterator[Chat]:
    yield from _corpus_chat(tmp_path, "printshop")


# --- "no X, just make it Y": a swap -----------------------------------------------------------------------------

def test_no_line_just_make_it_another(roaster_chat: Chat) -> None:
    roaster_chat.say("can i get a latte and a cold brew")
    roaster_chat.say("and the cold brew with uh sweet cream")
    roaster_chat.say("actually no cold brew just make it a drip coffee with milk")
    assert [sku for sku, _, _ in roaster_chat.lines] == ["LATTE", "DRIP-COFFEE"]
    assert roaster_chat.session.cart.lines[1].options and any(
        o.group == "add" and o.value == "milk" for o in roaster_chat.session.cart.lines[1].options)


def test_no_line_give_me_another(cafe_chat: Chat) -> None:
    cafe_chat.say("a latte and a blueberry muffin")
    cafe_chat.say("no muffin, give me a croissant")
    assert cafe_chat.counts == {"LATTE": 1, "CROISSANT": 1}


def test_a_line_not_refused_stays(cafe_chat: Chat) -> None:
    """No "no" before the line: "the muffin, and give me a croissant" swaps nothing."""
    cafe_chat.say("a latte and a blueberry muffin")
    cafe_chat.say("and give me a croissant")
    assert cafe_chat.counts == {"LATTE": 1, "BLUEBERRY-MUFFIN": 1, "CROISSANT": 1}


# --- "one of those, <group> <choice>": the product talked about ---------------------------------------------------

def test_one_of_those_with_its_group_named(diner_chat: Chat) -> None:
    diner_chat.say("what's the big breakfast what comes with it")
    diner_chat.say("ok one of those eggs over easy")
    assert diner_chat.lines[0][0] == "BIG-BREAKFAST" and diner_chat.lines[0][2]["eggs"] == "over_easy"
    assert len(diner_chat.lines) == 1


def test_one_of_those_noodles_soba(chat: Chat) -> None:
    chat.say("what comes with the lunch combo")
    chat.say("great two of those noodles soba")
    assert chat.lines == [("COMBO", 2, {"noodles": "soba", "size": "regular"})]


def test_group_word_with_no_pointer_names_its_product(diner_chat: Chat) -> None:
    """Without "one of those" the words name the product they are the name of."""
    diner_chat.say("what's the big breakfast what comes with it")
    diner_chat.say("ok and eggs over easy")
    assert [sku for sku, _, _ in diner_chat.lines] == ["TWO-EGGS"]


# --- "for the kids" and "a large one" ------------------------------------------------------------------------------

def test_cocoas_for_the_kids_and_a_large_one(candy_chat: Chat) -> None:
    candy_chat.say("two hot cocoas with marshmallows for the kids and a large one with whipped cream for me")
    got = sorted((q, opts["size"]) for _, q, opts in candy_chat.lines)
    assert got == [(1, "large"), (2, "medium")]


def test_teas_for_the_kids_are_no_kids_size(chat: Chat) -> None:
    chat.say("two green teas for the kids")
    assert chat.lines == [("TEA", 2, {"size": "medium"})]


def test_a_kids_tea_is_small(chat: Chat) -> None:
    chat.say("a kids green tea")
    assert chat.lines == [("TEA", 1, {"size": "small"})]


def test_two_pizzas_and_a_large_one(pizzeria_chat: Chat) -> None:
    pizzeria_chat.say("two pepperoni pizzas and a large one with mushrooms")
    got = sorted((q, opts["size"]) for _, q, opts in pizzeria_chat.lines)
    assert got == [(1, "large"), (2, "medium")]


def test_parts_of_two_still_parts(cafe_chat: Chat) -> None:
    cafe_chat.say("two lattes one large and one with oat milk")
    got = sorted((q, opts["size"], opts["milk"]) for _, q, opts in cafe_chat.lines)
    assert got == [(1, "large", "whole"), (1, "medium", "oat")]


# --- "X no Y": a choice said over ----------------------------------------------------------------------------------

def test_box_of_five_hundred_no_two_fifty(print_chat: Chat) -> None:
    print_chat.say("i need business cards")
    print_chat.say("um whatever's normal but glossy")
    print_chat.say("a box of five hundred no two fifty is fine")
    assert print_chat.lines[0][0] == "BUSINESS-CARDS" and len(print_chat.lines) == 1
    assert print_chat.lines[0][2]["box"] == "250" and print_chat.lines[0][2]["finish"] == "glossy"


def test_pack_said_over_by_part_of_its_name(chat: Chat) -> None:
    chat.say("gift cards please")
    chat.say("a pack of forty sorry twenty five")
    assert chat.lines == [("CARDS", 1, {"pack": "25"})]


def test_large_no_medium_is_fine(cafe_chat: Chat) -> None:
    cafe_chat.say("a latte")
    cafe_chat.say("large no medium is fine")
    assert cafe_chat.lines[0][2]["size"] == "medium"


def test_no_on_a_several_choice_group_still_takes_off(chat: Chat) -> None:
    """"with honey no sugar": the sweetener takes several, the sugar is not wanted; the honey stays."""
    chat.say("a green tea with honey no sugar")
    line = chat.session.cart.lines[0]
    assert {(o.value, o.amount) for o in line.options if o.group == "sweet"} <= {("honey", "regular"),
                                                                                ("sugar", "none")}
    assert any(o.value == "honey" and o.amount == "regular" for o in line.options)


@pytest.fixture
def cinema_chat(tmp_path: Path) -> Iterator[Chat]:
    yield from _corpus_chat(tmp_path, "cinema")


@pytest.fixture
def salad_chat(tmp_path: Path) -> Iterator[Chat]:
    yield from _corpus_chat(tmp_path, "saladbar")


@pytest.mark.parametrize("said", ["two large cokes no ice", "a large coke no ice"])
def test_no_ice_is_a_choice_not_the_flavour_said_over(cinema_chat: Chat, said: str) -> None:
    """"no ice" is the ice choice, not a repair of the flavour ("ice" is only a part of "iced tea")."""
    cinema_chat.say(said)
    assert len(cinema_chat.lines) == 1
    opts = cinema_chat.lines[0][2]
    assert opts["flavour"] == "coke" and opts["ice"] == "no_ice" and opts["size"] == "large"


@pytest.mark.parametrize(("said", "protein"), [
    ("a large southwest salad with steak instead of chicken", "steak"),
    ("a cobb but with salmon instead of chicken", "salmon"),
    ("a mediterranean bowl with chicken instead of falafel", "grilled_chicken"),
])
def test_x_instead_of_y_keeps_x(salad_chat: Chat, said: str, protein: str) -> None:
    """"X instead of Y": X is wanted, Y is not; no third value named by a part of its name ("of" of "scoop of
    tuna")."""
    salad_chat.say(said)
    assert len(salad_chat.lines) == 1 and salad_chat.lines[0][2]["protein"] == protein
