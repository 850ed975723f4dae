"""Changing part of a line after the order: "make one of the croissants chocolate", "change one of the lattes to a
mocha", "one of the pies should be a hawaiian", on a small catalog written here. The units named change and the
rest of the line stays; no other line is touched (before, the line in focus, a drink, was swapped away and the
count of the named line was reset).

Then, on the bundled cafe and the corpus's shops (mt37): "just one of those not two" (the line cut to the count
said against its own), "one of them iced and make all of them with oat milk" (a part and the whole, two changes),
"add protein to both of the green ones" (the choice on every unit), "one pair with nylon tips" (one unit, named by
its unit word), "one of the other two with extra cheese" (some units of the other line), "one of those in daylight
the other two soft white" (the rest of the line, no item of another product), "make half of them fried" (no "half
dozen"), "swap two of the baked ones for chicken" (the units taken from the line made so)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZES = {"code": "size", "name": "size", "default": "medium", "values": [
    {"code": "small", "name": "small"}, {"code": "medium", "name": "medium"}, {"code": "large", "name": "large"}]}
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "PLAIN-CRESCENT", "name": "butter crescent", "aliases": ["crescent", "plain crescent"],
         "price": "3.00"},
        {"sku": "CHOC-CRESCENT", "name": "pain au cacao", "aliases": ["chocolate crescent", "cacao crescent"],
         "price": "3.50"},
        {"sku": "CAKE", "name": "layer cake", "price": "5.00", "options": [
            {"code": "flavour", "name": "flavour", "default": "vanilla", "values": [
                {"code": "vanilla", "name": "vanilla"}, {"code": "chocolate", "name": "chocolate"}]}]},
        {"sku": "FLAT-WHITE", "name": "flat white", "price": "4.00", "options": [_SIZES]},
        {"sku": "CORTADO", "name": "cortado", "price": "4.20", "options": [_SIZES]},
        {"sku": "SELTZER", "name": "seltzer", "price": "2.00"},
        {"sku": "MARGHERITA", "name": "margherita pie", "aliases": ["margherita", "margheritas"], "price": "14.00"},
        {"sku": "FUNGHI", "name": "funghi pie", "aliases": ["funghi"], "price": "15.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", ["actually make one of the crescents chocolate", "make one of the crescents chocolate please",
                                  "can you make one of those crescents chocolate"])
def test_one_of_a_line_into_the_product_its_noun_names_with_the_word(chat: Chat, said: str) -> None:
    chat.say("two crescents and a seltzer")
    chat.say(said)
    assert chat.counts == {"PLAIN-CRESCENT": 1, "CHOC-CRESCENT": 1, "SELTZER": 1}


@pytest.mark.parametrize("said", ["change one of the flat whites to a cortado", "swap one of the flat whites for a cortado",
                                  "one of the flat whites should be a cortado",
                                  "sorry one of the flat whites was supposed to be a cortado"])
def test_one_of_a_line_swapped_for_another_product(chat: Chat, said: str) -> None:
    chat.say("two large flat whites and a seltzer")
    chat.say(said)
    assert chat.counts == {"FLAT-WHITE": 1, "CORTADO": 1, "SELTZER": 1}
    assert ("CORTADO", 1, {"size": "large"}) in chat.lines  # the size chosen stays with the unit


@pytest.mark.parametrize("said", ["the seltzer should be a cortado", "the seltzer was meant to be a cortado"])
def test_a_line_that_should_be_another_product(chat: Chat, said: str) -> None:
    chat.say("a flat white and a seltzer")
    chat.say(said)
    assert chat.counts == {"FLAT-WHITE": 1, "CORTADO": 1}


def test_one_of_them_is_a_line_of_several_not_the_single_line_in_focus(chat: Chat) -> None:
    chat.say("two margheritas and a seltzer")
    chat.say("make one of them a funghi")
    assert chat.counts == {"MARGHERITA": 1, "FUNGHI": 1, "SELTZER": 1}


def test_a_choice_of_the_line_is_still_a_choice_not_another_product(chat: Chat) -> None:
    chat.say("two layer cakes and a seltzer")
    chat.say("make one of the layer cakes chocolate")
    assert ("CAKE", 1, {"flavour": "vanilla"}) in chat.lines and ("CAKE", 1, {"flavour": "chocolate"}) in chat.lines
    assert chat.counts == {"CAKE": 2, "SELTZER": 1}


def test_should_be_with_a_choice_changes_the_line(chat: Chat) -> None:
    chat.say("two flat whites and a seltzer")
    chat.say("the flat whites should be large")
    assert ("FLAT-WHITE", 2, {"size": "large"}) in chat.lines and chat.counts == {"FLAT-WHITE": 2, "SELTZER": 1}


# -- mt37: part of a counted line, or several lines at once, on the corpus shops --------------------------------

Shop = Callable[[str], Chat]


def _lines(chat: Chat) -> list[tuple[str, int, dict[str, str]]]:
    return sorted(chat.lines, key=lambda ln: (ln[0], ln[1], sorted(ln[2].items())))


# -- a count said against the line's count --------------------------------------------------------------------


def test_just_one_of_those_not_two(shop: Shop) -> None:
    chat = shop("toystore")
    chat.say("two boxes of crayons the big box")
    assert chat.counts == {"CRAYONS": 2}
    chat.say("just one of those not two")
    assert chat.counts == {"CRAYONS": 1}
    assert not chat.session.store.orders()


def test_one_not_two_said_many_ways(shop: Shop) -> None:
    for said in ("one not two", "just one not two", "only one of them not two", "actually just one of those not two"):
        chat = shop("cafe")
        chat.say("two lattes")
        chat.say(said)
        assert chat.counts == {"LATTE": 1}, said


def test_count_against_another_count_is_no_change(shop: Shop) -> None:
    chat = shop("cafe")
    chat.say("two lattes")
    chat.say("two not three")  # the line has two: nothing said against it
    assert chat.counts == {"LATTE": 2}


def test_line_named_by_its_choice_cut_and_more_joined(shop: Shop) -> None:
    chat = shop("koreanchicken")
    chat.say("three cans of coke")
    chat.say("actually just one coke not three and two strawberry milkis")
    assert _lines(chat) == [("MILKIS", 2, {"flavour": "strawberry"}), ("SODA", 1, {"flavour": "coke"})]


# -- a part and the whole in one turn ---------------------------------------------------------------------------


def test_one_of_them_and_all_of_them(shop: Shop) -> None:
    chat = shop("teashop")
    chat.say("hi could i get three chai lattes")
    chat.say("one of them iced and make all of them with oat milk")
    lines = chat.lines
    assert sorted((q, o.get("temp"), o.get("milk")) for _, q, o in lines) == [(1, "iced", "oat"), (2, "hot", "oat")]


def test_one_of_those_and_both_of_them(shop: Shop) -> None:
    chat = shop("burgerjoint")
    chat.say("two milkshakes chocolate")
    chat.say("make one of those shakes strawberry actually and both of them large")
    assert sorted((q, o.get("flavour"), o.get("size")) for _, q, o in chat.lines) == [
        (1, "chocolate", "large"), (1, "strawberry", "large")]


# -- a choice put on every unit ---------------------------------------------------------------------------------


def test_add_to_both_of_the_ones(shop: Shop) -> None:
    for said in ("add protein to both of the green ones", "add protein to both green machines"):
        chat = shop("juicebar")
        chat.say("two green machines and a strawberry banana please")
        chat.say(said)
        assert chat.counts == {"GREEN-MACHINE": 2, "STRAWBERRY-BANANA": 1}, said
        green = [o for sku, _, o in chat.lines if sku == "GREEN-MACHINE"]
        assert all(o.get("boosts") == "whey_protein" for o in green), said
        banana = [o for sku, _, o in chat.lines if sku == "STRAWBERRY-BANANA"]
        assert banana[0].get("boosts") in (None, "", "none"), said


def test_add_to_both_lines_of_a_product(shop: Shop) -> None:
    for said in ("add vanilla to both lattes", "add vanilla to both of the lattes", "put vanilla in all the lattes"):
        chat = shop("cafe")
        chat.say("a latte with oat milk and a latte with almond milk and a muffin")
        chat.say(said)
        lattes = [o for sku, _, o in chat.lines if sku == "LATTE"]
        assert len(lattes) == 2 and all(o.get("syrup") == "vanilla" for o in lattes), said
        assert {o.get("milk") for o in lattes} == {"oat", "almond"}, said
        assert chat.counts["LATTE"] == 2 and len(chat.lines) == 3, said


# -- one unit, and the other line ------------------------------------------------------------------------------


def test_one_pair_with_a_choice(shop: Shop) -> None:
    chat = shop("musicstore")
    chat.say("two pairs of drumsticks five a")
    chat.say("one pair with nylon tips")
    assert sorted((q, o.get("tip")) for _, q, o in chat.lines) == [(1, "nylon"), (1, "wood")]


def test_one_of_the_other_two(shop: Shop) -> None:
    chat = shop("sliceshop")
    chat.say("lemme get four plain slices")
    chat.say("put mushrooms on two of them")
    chat.say("and one of the other two with extra cheese")
    assert sorted((q, o.get("toppings", "")) for _, q, o in chat.lines) == [
        (1, ""), (1, "extra_cheese"), (2, "mushroom")]


def test_the_other_two_are_the_rest_of_the_line(shop: Shop) -> None:
    chat = shop("electrical")
    chat.say("can i get three twelve packs of the sixty watt led bulbs")
    chat.say("one of those in daylight the other two soft white")
    assert chat.counts == {"LED-BULB": 3}
    assert sorted((q, o.get("light")) for _, q, o in chat.lines) == [(1, "daylight"), (2, "soft_white")]


def test_two_of_them_and_the_other_one(shop: Shop) -> None:
    chat = shop("paintstore")
    chat.say("hi i need three gallons of interior paint in agreeable gray")
    chat.say("make two of them satin and the other one flat")
    assert chat.counts == {"INT-PAINT": 3}
    assert sorted((q, o.get("finish")) for _, q, o in chat.lines) == [(1, "flat"), (2, "satin")]


# -- half of them, and units swapped from the line made so ------------------------------------------------------


def test_half_of_them_is_no_half_dozen_and_swap_from_the_line_named(shop: Shop) -> None:
    chat = shop("empanadas")
    chat.say("hola i need six beef empanadas")
    chat.say("make half of them fried")
    assert sorted((sku, q, o.get("cooking")) for sku, q, o in chat.lines) == [
        ("EMP-BEEF", 3, "baked"), ("EMP-BEEF", 3, "fried")]
    chat.say("and swap two of the baked ones for chicken")
    assert sorted((sku, q, o.get("cooking")) for sku, q, o in chat.lines) == [
        ("EMP-BEEF", 1, "baked"), ("EMP-BEEF", 3, "fried"), ("EMP-CHICKEN", 2, "baked")]
    assert not chat.session.store.orders()
