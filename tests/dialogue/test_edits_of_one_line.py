"""Edits of one line said in later turns of an everyday conversation (multi-turn round mt29): a story of what is
broken told before the order ("my wipers are shot, I need two blades"), a line named short in a swap ("swap the
turkey for a blt" with a turkey sandwich in the cart), a size said as "the big one", a line picked by a word of its
product's name that is also a choice ("only two of the strawberry ones"), the shopper's own line ("add chia seeds
to mine"), a count of pieces ("four pieces of salmon nigiri"), "two of those" after a line, choices of a product
offered that a line also has ("a six pack of the black ones"), "take it off" about the product just named, "the
sencha, make it a hundred grams", and "a regular mango one" after the sizes were asked."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZES = {"code": "size", "name": "size", "default": "regular", "values": [
    {"code": "regular", "name": "regular"}, {"code": "large", "name": "large", "price_delta": "1.00"}]}
_COLOURS = {"code": "colour", "name": "colour", "default": "white", "values": [
    {"code": "white", "name": "white"}, {"code": "black", "name": "black"}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "VODKA", "name": "house vodka", "price": "20.00", "aliases": ["vodka"], "options": [
            {"code": "size", "name": "bottle size", "default": "750ml", "aliases": ["bottle"], "values": [
                {"code": "375ml", "name": "375 ml", "aliases": ["small bottle"], "price_delta": "-8.00"},
                {"code": "750ml", "name": "750 ml"},
                {"code": "1.75l", "name": "1.75 liter", "aliases": ["big bottle", "handle"], "price_delta": "15.00"}]}]},
        {"sku": "GIN", "name": "house gin", "price": "22.00", "aliases": ["gin"], "options": [
            {"code": "size", "name": "bottle size", "default": "750ml", "values": [
                {"code": "375ml", "name": "375 ml", "price_delta": "-8.00"}, {"code": "750ml", "name": "750 ml"},
                {"code": "1000ml", "name": "1 liter", "price_delta": "6.00"}]}]},
        {"sku": "SODA", "name": "soda", "price": "2.00", "options": [
            {"code": "size", "name": "size", "default": "can", "values": [
                {"code": "can", "name": "can"}, {"code": "1l", "name": "1 liter", "aliases": ["bottle"]},
                {"code": "2l", "name": "2 liter", "aliases": ["big bottle"], "price_delta": "1.00"}]}]},
        {"sku": "ICE", "name": "bag of ice", "price": "3.00", "aliases": ["ice"], "options": [
            {"code": "size", "name": "bag size", "default": "small", "values": [
                {"code": "small", "name": "small bag", "aliases": ["small", "small one", "little one"]},
                {"code": "big", "name": "big bag", "aliases": ["big", "big one", "large"], "price_delta": "2.00"}]}]},
        {"sku": "TURKEY-SANDWICH", "name": "turkey sandwich", "price": "9.00"},
        {"sku": "SLICED-TURKEY", "name": "sliced turkey", "price": "6.00"},
        {"sku": "BLT", "name": "blt", "price": "8.00"},
        {"sku": "SCONE", "name": "scone", "price": "3.00"},
        {"sku": "CREPE", "name": "strawberries and cream crepe", "price": "8.00", "aliases": ["strawberry crepe"],
         "options": [{"code": "extras", "name": "extras", "multiple": True, "values": [
             {"code": "strawberries", "name": "strawberries", "aliases": ["strawberry"], "price_delta": "1.00"},
             {"code": "lemon", "name": "lemon curd", "aliases": ["lemon"], "price_delta": "1.00"}]}]},
        {"sku": "LEMON-CREPE", "name": "lemon sugar crepe", "price": "7.00", "aliases": ["lemon crepe"],
         "options": [{"code": "extras", "name": "extras", "multiple": True, "values": [
             {"code": "strawberries", "name": "strawberries", "aliases": ["strawberry"], "price_delta": "1.00"},
             {"code": "lemon", "name": "lemon curd", "aliases": ["lemon"], "price_delta": "1.00"}]}]},
        {"sku": "WAFFLE", "name": "waffle", "price": "6.00"},
        {"sku": "GREEN", "name": "green smoothie", "price": "7.00", "options": [
            _SIZES, {"code": "boosts", "name": "boosts", "multiple": True, "values": [
                {"code": "chia", "name": "chia seeds", "aliases": ["chia"], "price_delta": "0.75"},
                {"code": "protein", "name": "protein", "price_delta": "1.00"}]}]},
        {"sku": "BERRY", "name": "berry smoothie", "price": "7.00", "options": [
            _SIZES, {"code": "boosts", "name": "boosts", "multiple": True, "values": [
                {"code": "chia", "name": "chia seeds", "aliases": ["chia"], "price_delta": "0.75"},
                {"code": "protein", "name": "protein", "price_delta": "1.00"}]}]},
        {"sku": "NIGIRI", "name": "nigiri", "price": "3.00", "options": [
            {"code": "fish", "name": "fish", "required": True, "default": None, "values": [
                {"code": "salmon", "name": "salmon"}, {"code": "tuna", "name": "tuna"}]}]},
        {"sku": "MAKI", "name": "maki roll", "price": "7.00", "options": [
            {"code": "roll", "name": "roll size", "default": "full", "values": [
                {"code": "full", "name": "full roll", "aliases": ["8 pieces"]},
                {"code": "half", "name": "half roll", "aliases": ["4 pieces", "4 piece"], "price_delta": "-3.00"}]}]},
        {"sku": "SHOE", "name": "running shoe", "price": "90.00", "aliases": ["running shoes"], "options": [_COLOURS]},
        {"sku": "SOCKS", "name": "athletic socks", "price": "15.00", "aliases": ["socks"], "options": [
            {"code": "pack", "name": "pack", "default": "3", "values": [
                {"code": "3", "name": "3 pack", "aliases": ["three pack"]},
                {"code": "6", "name": "6 pack", "aliases": ["six pack"], "price_delta": "10.00"}]}, _COLOURS]},
        {"sku": "BULB", "name": "led bulb", "price": "4.00", "aliases": ["led bulbs", "bulbs"], "options": [
            {"code": "pack", "name": "pack", "default": "1", "values": [
                {"code": "1", "name": "single"}, {"code": "4", "name": "4 pack", "aliases": ["four pack"]}]}]},
        {"sku": "SENCHA", "name": "sencha", "price": "10.00", "options": [
            {"code": "weight", "name": "weight", "default": "50g", "values": [
                {"code": "50g", "name": "50 grams"}, {"code": "100g", "name": "100 grams", "price_delta": "9.00"}]}]},
        {"sku": "LATTE", "name": "latte", "price": "4.00", "options": [_SIZES]},
        {"sku": "BOBA", "name": "bubble tea", "price": "6.00", "options": [
            _SIZES, {"code": "flavour", "name": "flavour", "default": "classic", "values": [
                {"code": "classic", "name": "classic"}, {"code": "mango", "name": "mango"},
                {"code": "taro", "name": "taro"}]}]},
        {"sku": "PHO", "name": "pho", "price": "12.00", "options": [_SIZES]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _sorted(lines: list[tuple[str, int, dict[str, str]]]) -> list[tuple[str, int, dict[str, str]]]:
    return sorted(lines, key=lambda ln: (ln[0], ln[1], sorted(ln[2].items())))


# --- a story of what is broken, told before the order -------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "hi my wipers are shot i need two wiper blades twenty two inch",
    "my wipers are broken i need two wiper blades twenty two inch",
    "the wipers gave out so i need two wiper blades twenty two inch",
])
def test_what_is_broken_orders_nothing(shop: Callable[[str], Chat], said: str) -> None:
    chat = shop("autoparts")
    chat.say(said)
    assert chat.lines == [("WIPER-BLADE", 2, {"length": "22in", "style": "conventional"})]
    chat.say("actually one of them should be eighteen inch the passenger side")
    assert _sorted(chat.lines) == [("WIPER-BLADE", 1, {"length": "18in", "style": "conventional"}),
                                  ("WIPER-BLADE", 1, {"length": "22in", "style": "conventional"})]


# --- a line named short in a swap -------------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "actually swap the turkey for a blt",
    "change the turkey to a blt",
    "replace the turkey with a blt",
])
def test_a_swap_names_the_line_by_a_word_several_products_share(chat: Chat, said: str) -> None:
    chat.say("a turkey sandwich and a scone")
    chat.say("and two waffles")
    chat.say(said)
    assert _sorted(chat.lines) == [("BLT", 1, {}), ("SCONE", 1, {}), ("WAFFLE", 2, {})]


def test_the_bakery_turkey_swapped_for_a_blt(shop: Callable[[str], Chat]) -> None:
    chat = shop("bakery")
    chat.say("hi a turkey sandwich and a ham and swiss")
    chat.say("and two almond croissants one for me and one for my son")
    chat.say("actually swap the turkey for a blt")
    assert sorted(sku for sku, _, _ in chat.lines) == ["ALMOND-CROISSANT", "BLT", "HAM-SWISS"]
    assert chat.counts == {"ALMOND-CROISSANT": 2, "BLT": 1, "HAM-SWISS": 1}


# --- "the big one", "the small one" --------------------------------------------------------------------------------

# "big" and "small" are words of the ice's sizes here, which the bottles lack: the bottle's own sizes they name
@pytest.mark.parametrize(("said", "sku", "size"), [
    ("a bottle of vodka the big one", "VODKA", "1.75l"),
    ("a vodka the big one please", "VODKA", "1.75l"),
    ("a bottle of vodka the small one", "VODKA", "375ml"),
    ("a bottle of gin the big one", "GIN", "1000ml"),  # no value named "big": the biggest there is
    ("a gin the small one", "GIN", "375ml"),
])
def test_big_and_small_name_a_size(chat: Chat, said: str, sku: str, size: str) -> None:
    reply = chat.say(said)
    assert chat.lines == [(sku, 1, {"size": size})]
    assert "come with" not in reply.text


def test_a_group_word_said_as_the_container_is_no_missing_choice(chat: Chat) -> None:
    reply = chat.say("a bottle of vodka")  # "bottle" is a soda's size, and what the vodka's sizes are of
    assert chat.lines == [("VODKA", 1, {"size": "750ml"})]
    assert "come with" not in reply.text


def test_the_big_one_of_the_bottleshop(shop: Callable[[str], Chat]) -> None:
    chat = shop("bottleshop")
    chat.say("hey can i get a twelve pack of modelo")
    reply = chat.say("and a bottle of tito's the big one")
    assert ("TITOS", 1, {"size": "1.75l"}) in chat.lines
    assert "come with" not in reply.text


# --- a line picked by a word of its product's name that is also a choice --------------------------------------

@pytest.mark.parametrize(("said", "want"), [
    ("hmm you know what only two of the strawberry ones", 2),
    ("just one of the strawberry ones", 1),
    ("make it two of the strawberry ones", 2),
])
def test_the_strawberry_ones_are_the_strawberry_crepes(chat: Chat, said: str, want: int) -> None:
    chat.say("three strawberry crepes please")
    chat.say("and a waffle")
    chat.say("oh and a lemon crepe")
    chat.say(said)
    assert _sorted(chat.lines) == [("CREPE", want, {}), ("LEMON-CREPE", 1, {}), ("WAFFLE", 1, {})]


def test_a_word_of_two_lines_names_neither(chat: Chat) -> None:
    chat.say("two strawberry crepes and a lemon crepe")
    chat.say("a scone")
    chat.say("only one of the crepe ones")  # both lines are crepes: no one line picked, nothing taken off
    assert ("CREPE", 2, {}) in chat.lines and ("LEMON-CREPE", 1, {}) in chat.lines


# --- the shopper's own line -----------------------------------------------------------------------------------

@pytest.mark.parametrize("said", ["add chia seeds to mine", "put protein in mine", "can mine have chia"])
def test_mine_is_the_line_that_is_no_one_elses(chat: Chat, said: str) -> None:
    chat.say("can i get a large green smoothie")
    chat.say("and a berry smoothie for my daughter")
    chat.say(said)
    boost = "protein" if "protein" in said else "chia"
    assert chat.lines == [("GREEN", 1, {"size": "large", "boosts": boost}), ("BERRY", 1, {"size": "regular"})]


def test_mine_with_no_line_anyone_elses_is_the_line_in_focus(chat: Chat) -> None:
    chat.say("a green smoothie and a berry smoothie")
    chat.say("add chia seeds to mine")  # no line is someone else's: the one just talked about, as before
    assert chat.lines == [("GREEN", 1, {"size": "regular"}), ("BERRY", 1, {"size": "regular", "boosts": "chia"})]


# --- a count of pieces -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("said", "n"), [
    ("and four pieces of salmon nigiri", 4),
    ("four pieces of salmon nigiri please", 4),
    ("two pieces of tuna nigiri", 2),
])
def test_pieces_of_a_product_sold_by_the_piece_count_it(chat: Chat, said: str, n: int) -> None:
    reply = chat.say(said)
    fish = "tuna" if "tuna" in said else "salmon"
    assert chat.lines == [("NIGIRI", n, {"fish": fish})]
    assert "come with" not in reply.text


def test_pieces_a_product_comes_in_stay_its_choice(chat: Chat) -> None:
    chat.say("a maki roll 4 pieces")
    assert chat.lines == [("MAKI", 1, {"roll": "half"})]


# --- "two of those" after a line ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("said", "n"), [("two of those", 2), ("three of them please", 3), ("two of these", 2)])
def test_a_count_of_those_is_the_count_of_the_line(chat: Chat, said: str, n: int) -> None:
    chat.say("hi i need led bulbs the four pack")
    chat.say(said)
    assert chat.lines == [("BULB", n, {"pack": "4"})]


def test_a_count_of_those_after_an_offer_adds_what_was_offered(chat: Chat) -> None:
    chat.say("a latte")
    chat.say("do you have scones")
    chat.say("ok two of those")
    assert chat.counts == {"LATTE": 1, "SCONE": 2}


# --- choices of a product offered that a line also has ------------------------------------------------------------

@pytest.mark.parametrize(("said", "want"), [
    ("a six pack of the black ones", {"pack": "6", "colour": "black"}),
    ("the black ones", {"pack": "3", "colour": "black"}),
    ("a six pack in black", {"pack": "6", "colour": "black"}),
])
def test_choices_of_the_product_offered_are_its_own(chat: Chat, said: str, want: dict[str, str]) -> None:
    chat.say("running shoes in black")
    chat.say("do you have socks")
    chat.say(said)
    assert chat.lines == [("SHOE", 1, {"colour": "black"}), ("SOCKS", 1, want)]


# --- "take it off" about the product just named -------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "hmm actually i'll try the shoes on first take it off",
    "hmm the running shoe can wait take it off",
    "the running shoe actually remove it",
])
def test_it_taken_off_is_the_product_just_named(chat: Chat, said: str) -> None:
    chat.say("a scone and a waffle")
    chat.say("and a running shoe")
    chat.say(said)
    assert chat.lines == [("SCONE", 1, {}), ("WAFFLE", 1, {})]


def test_just_every_line_named_keeps_them_as_they_are(chat: Chat) -> None:
    chat.say("a scone and a waffle")
    chat.say("and a running shoe")
    chat.say("take the running shoe off")
    chat.say("just the scone and waffle then")
    assert chat.lines == [("SCONE", 1, {}), ("WAFFLE", 1, {})]


# --- the line named, then "make it" --------------------------------------------------------------------------------

@pytest.mark.parametrize(("said", "want"), [
    ("actually the sencha make it a hundred grams too", ("SENCHA", 1, {"weight": "100g"})),
    ("the sencha make it 100 grams", ("SENCHA", 1, {"weight": "100g"})),
    ("oh the latte make it large", ("LATTE", 1, {"size": "large"})),
])
def test_the_line_named_then_make_it(chat: Chat, said: str, want: tuple[str, int, dict[str, str]]) -> None:
    chat.say("fifty grams of sencha")
    chat.say("and a latte")
    chat.say("and a scone")
    chat.say(said)
    assert len(chat.lines) == 3
    assert want in chat.lines


# --- "a regular mango one" after the sizes were asked -------------------------------------------------------------

@pytest.mark.parametrize(("said", "want"), [
    ("ok a regular mango one", {"size": "regular", "flavour": "mango"}),
    ("a normal taro one please", {"size": "regular", "flavour": "taro"}),
    ("ok a large mango one", {"size": "large", "flavour": "mango"}),
])
def test_a_regular_choice_one_is_the_product_asked_about(chat: Chat, said: str, want: dict[str, str]) -> None:
    chat.say("a large pho")
    chat.say("what sizes does the bubble tea come in")
    chat.say(said)
    assert chat.lines == [("PHO", 1, {"size": "large"}), ("BOBA", 1, want)]
