"""A size word that several products' groups of one code use for different values goes to the value of the
ordered product's own group: "a small poke bowl" is the bowl's "small", though a coffee calls its regular
"small" and a soup its cup. And "a quart of red paint and a quart of blue": after "and", an article or a count
with only choice words that give another value of a one-choice group the item before has is one more line of that
product, not a change of the first. And "a poke bowl and a cup of edamame": after "and", an article, a measure
and "of" open a new item, though the word after them is a choice of the item before too. "for the trim": part of
a product's name after "for the" says what the order is for, not an item. Written on a small catalog here, with the other products listed first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "cup_size": {"code": "size", "name": "size", "default": "regular", "values": [
            {"code": "regular", "name": "regular", "aliases": ["small", "little", "short", "normal"]},
            {"code": "large", "name": "large", "aliases": ["big", "tall"], "price_delta": "1.00"}]},
        "soup_size": {"code": "size", "name": "size", "default": "cup", "values": [
            {"code": "cup", "name": "cup", "aliases": ["small", "little", "half"]},
            {"code": "bowl", "name": "bowl", "aliases": ["large", "big", "full"], "price_delta": "2.00"}]},
        "dish_size": {"code": "size", "name": "size", "default": "regular", "values": [
            {"code": "small", "name": "small", "aliases": ["little", "half", "kids"], "price_delta": "-3.00"},
            {"code": "regular", "name": "regular", "aliases": ["medium", "full"]},
            {"code": "large", "name": "large", "aliases": ["big", "tall"], "price_delta": "3.00"}]},
    },
    "products": [
        {"sku": "COFFEE", "name": "drip coffee", "aliases": ["coffee"], "price": "2.50", "options": ["cup_size"]},
        {"sku": "CHAI", "name": "chai latte", "aliases": ["chai"], "price": "4.00", "options": ["cup_size"]},
        {"sku": "MISO", "name": "miso soup", "aliases": ["miso"], "price": "4.00", "options": ["soup_size"]},
        {"sku": "POKE", "name": "poke bowl", "aliases": ["poke"], "price": "13.00", "options": ["dish_size", {
            "code": "sauce", "name": "sauce", "values": [
                {"code": "ponzu", "name": "ponzu"}, {"code": "mayo", "name": "spicy mayo"}]}, {
            "code": "extras", "name": "extras", "multiple": True, "values": [
                {"code": "edamame", "name": "edamame", "price_delta": "1.00"},
                {"code": "seaweed", "name": "seaweed salad", "aliases": ["seaweed"], "price_delta": "1.50"}]}]},
        {"sku": "BRUSH", "name": "angled trim brush", "aliases": ["trim brush", "sash brush"], "price": "9.00"},
        {"sku": "EDAMAME", "name": "steamed edamame", "aliases": ["edamame"], "price": "5.00"},
        {"sku": "UDON", "name": "udon noodles", "aliases": ["udon"], "price": "12.00", "options": ["dish_size"]},
        {"sku": "PAINT", "name": "wall paint", "aliases": ["paint"], "price": "30.00", "options": [
            {"code": "colour", "name": "colour", "required": True, "values": [
                {"code": "red", "name": "red"}, {"code": "blue", "name": "blue"}, {"code": "green", "name": "green"}]},
            {"code": "can", "name": "can size", "default": "gallon", "values": [
                {"code": "quart", "name": "quart", "price_delta": "-15.00"}, {"code": "gallon", "name": "gallon"}]},
            {"code": "finish", "name": "finish", "default": "matte", "values": [
                {"code": "matte", "name": "matte", "aliases": ["flat"]}, {"code": "gloss", "name": "gloss"}]}]},
        {"sku": "RIBBON", "name": "satin ribbon", "aliases": ["ribbon"], "price": "4.00", "options": [
            {"code": "width", "name": "width", "required": True, "values": [
                {"code": "1in", "name": "1 inch"}, {"code": "2in", "name": "2 inch"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "sku"), [
    ("a small poke bowl", "POKE"), ("a poke bowl small", "POKE"), ("one small udon please", "UDON"),
    ("can i get a little poke", "POKE"), ("a half size udon", "UDON"), ("i'll have the udon noodles, small", "UDON"),
])
def test_a_size_word_is_the_products_own_value(chat: Chat, said: str, sku: str) -> None:
    chat.say(said)
    assert chat.lines == [(sku, 1, {"size": "small"})]


@pytest.mark.parametrize("said", ["two small pokes", "a couple of small poke bowls"])
def test_a_size_word_with_a_count(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("POKE", 2, {"size": "small"})]


def test_each_product_takes_its_own_value_of_the_same_word(chat: Chat) -> None:
    chat.say("a small miso, a small poke bowl and a small coffee")
    assert sorted(chat.lines) == [("COFFEE", 1, {"size": "regular"}), ("MISO", 1, {"size": "cup"}),
                                  ("POKE", 1, {"size": "small"})]


def test_a_big_one_and_small_ones(chat: Chat) -> None:
    chat.say("a big miso soup and two small udons")
    assert sorted(chat.lines) == [("MISO", 1, {"size": "bowl"}), ("UDON", 2, {"size": "small"})]


@pytest.mark.parametrize(("said", "sku", "size"), [
    ("a large poke bowl", "POKE", "large"), ("a regular poke bowl", "POKE", "regular"),
    ("a medium poke", "POKE", "regular"), ("a tall udon", "UDON", "large"), ("a large coffee", "COFFEE", "large"),
])
def test_the_other_sizes_still_hold(chat: Chat, said: str, sku: str, size: str) -> None:
    chat.say(said)
    assert chat.lines == [(sku, 1, {"size": size})]


def test_changing_to_small_is_the_own_small(chat: Chat) -> None:
    chat.say("a poke bowl")
    chat.say("make it small")
    assert chat.lines == [("POKE", 1, {"size": "small"})]


@pytest.mark.parametrize(("said", "second"), [
    ("a quart of red wall paint and a quart of blue", (None, {"colour": "blue", "can": "quart"})),
    ("a quart of red wall paint and a quart of the blue", (None, {"colour": "blue", "can": "quart"})),
    ("a quart of gloss red paint plus a quart of blue", (None, {"colour": "blue", "can": "quart"})),
    ("a gallon of red paint and 2 gallons of green", (2, {"colour": "green", "can": "gallon"})),
    ("one red paint in a quart and one blue", (None, {"colour": "blue"})),
])
def test_a_choice_said_again_after_and_is_one_more(chat: Chat, said: str, second: tuple[int | None, dict[str, str]]
                                                   ) -> None:
    chat.say(said)
    assert len(chat.lines) == 2
    first, other = chat.lines
    assert first[0] == other[0] == "PAINT" and first[2]["colour"] in ("red",)
    qty, opts = second
    assert other[1] == (qty or 1) and opts.items() <= other[2].items()


@pytest.mark.parametrize("said", ["a roll of ribbon the 1 inch and a roll of the 2 inch",
                                  "a 1 inch ribbon and a 2 inch"])
def test_a_width_said_again_is_one_more_roll(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("RIBBON", 1, {"width": "1in"}), ("RIBBON", 1, {"width": "2in"})]


@pytest.mark.parametrize(("said", "opts"), [
    ("a quart of red wall paint and a gloss finish", {"colour": "red", "can": "quart", "finish": "gloss"}),
    ("a quart of wall paint, red, but a gallon", {"colour": "red"}),
])
def test_a_choice_not_said_before_stays_on_the_item(chat: Chat, said: str, opts: dict[str, str]) -> None:
    chat.say(said)
    assert len(chat.lines) == 1 and opts.items() <= chat.lines[0][2].items()


@pytest.mark.parametrize(("said", "qty"), [("a poke bowl and a cup of edamame", 1), ("a poke bowl and a side of edamame", 1),
                                           ("a small poke and two orders of edamame", 2),
                                           ("one poke bowl and a bowl of edamame please", 1)])
def test_a_measure_after_and_opens_a_new_item(chat: Chat, said: str, qty: int) -> None:
    chat.say(said)
    assert [(sku, n) for sku, n, _ in chat.lines] == [("POKE", 1), ("EDAMAME", qty)]
    assert "extras" not in chat.lines[0][2]


@pytest.mark.parametrize("said", ["a poke bowl with edamame", "a poke bowl with seaweed and edamame"])
def test_a_choice_said_with_with_stays_the_choice(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [(sku, n) for sku, n, _ in chat.lines] == [("POKE", 1)] and chat.lines[0][2]["extras"] == "edamame"


def test_a_side_of_another_value_is_no_second_item(chat: Chat) -> None:
    chat.say("a poke bowl with ponzu and a side of spicy mayo")
    assert [sku for sku, _, _ in chat.lines].count("POKE") == 1


@pytest.mark.parametrize("said", ["a quart of red wall paint for the trim", "a red paint in a quart for my trim",
                                  "two quarts of blue wall paint for the sash please"])
def test_a_purpose_is_no_item(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [sku for sku, _, _ in chat.lines] == ["PAINT"]


@pytest.mark.parametrize("said", ["a quart of red gloss for the trim", "two quarts of blue for my sash"])
def test_a_purpose_after_choices_alone_is_no_item(chat: Chat, said: str) -> None:
    chat.say(said)
    assert "BRUSH" not in [sku for sku, _, _ in chat.lines]


def test_the_product_said_in_full_is_still_ordered(chat: Chat) -> None:
    chat.say("a quart of red wall paint and a trim brush")
    assert [sku for sku, _, _ in chat.lines] == ["PAINT", "BRUSH"]
