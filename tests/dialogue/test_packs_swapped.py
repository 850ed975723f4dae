"""Counts steered against the cart (corpus round mt39): "a twelve pack instead of the six" to six single cans is one
case (the count of what comes, not the line's count), "a dozen instead of the half dozen" swaps one box for the other
(never "12 dozen"), and "one more bag of the dry food" is one more of that line ("bag" is the package it comes in, not
another product's choice that happens to be called a bag). Sessions on a catalog written here and on corpus shops."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_PETS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "CANS", "name": "canned cat food", "price": "1.25",
         "aliases": ["wet cat food", "cans of cat food", "cat food cans"],
         "options": [{"code": "flavour", "name": "flavour", "required": True, "aliases": ["kind"],
                      "values": [{"code": "chicken", "name": "chicken"}, {"code": "tuna", "name": "tuna"}]},
                     {"code": "pack", "name": "pack", "default": "single",
                      "values": [{"code": "single", "name": "single can", "aliases": ["single"]},
                                 {"code": "12pk", "name": "case of 12",
                                  "aliases": ["case", "12 pack", "twelve pack"], "price_delta": "10.00"},
                                 {"code": "24pk", "name": "case of 24",
                                  "aliases": ["24 pack", "twenty four pack"], "price_delta": "20.00"}]}]},
        {"sku": "KIBBLE", "name": "dry cat food", "price": "18.00", "aliases": ["cat kibble", "dry food"],
         "options": [{"code": "flavour", "name": "flavour", "required": True, "aliases": ["kind"],
                      "values": [{"code": "chicken", "name": "chicken"}, {"code": "salmon", "name": "salmon"}]},
                     {"code": "bag", "name": "bag size", "default": "small", "aliases": ["bag"],
                      "values": [{"code": "small", "name": "small bag"},
                                 {"code": "large", "name": "large bag", "price_delta": "9.00"}]}]},
        {"sku": "TREATS", "name": "dog treats", "price": "6.00", "aliases": ["treats"],
         "options": [{"code": "size", "name": "size", "default": "box",
                      "values": [{"code": "box", "name": "box"},
                                 {"code": "pouch", "name": "pouch", "aliases": ["bag"]}]}]},
    ],
}


@pytest.fixture
def pets(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _PETS)


# --- a pack swapped for the units of a line, named by their count -----------------------------------------
@pytest.mark.parametrize("said", ["ok a twelve pack instead of the six", "actually a 12 pack instead of the six",
                                  "a case of 12 instead of the six please", "one twelve pack rather than the six"])
def test_a_pack_instead_of_the_units_is_one_pack(pets: Chat, said: str) -> None:
    pets.say("six cans of wet cat food chicken")
    assert pets.lines == [("CANS", 6, {"flavour": "chicken", "pack": "single"})]
    pets.say(said)
    assert pets.lines == [("CANS", 1, {"flavour": "chicken", "pack": "12pk"})]


def test_two_packs_instead_of_the_units_is_two_packs(pets: Chat) -> None:
    pets.say("a dry cat food salmon")
    pets.say("and twelve cans of wet cat food tuna")
    pets.say("actually two twelve packs instead of the twelve")
    assert pets.counts == {"KIBBLE": 1, "CANS": 2}
    assert ("CANS", 2, {"flavour": "tuna", "pack": "12pk"}) in pets.lines


def test_a_pack_said_after_a_price_question_is_one_pack(pets: Chat) -> None:
    pets.say("i need a bag of dry cat food salmon")
    pets.say("and six cans of wet cat food chicken")
    pets.say("would it be cheaper to get the twelve pack of cans")
    assert pets.counts == {"KIBBLE": 1, "CANS": 6}  # a what-if question changes nothing
    pets.say("ok then a twelve pack instead of the six")
    assert pets.counts == {"KIBBLE": 1, "CANS": 1}
    assert ("CANS", 1, {"flavour": "chicken", "pack": "12pk"}) in pets.lines


def test_a_count_that_is_not_the_lines_keeps_the_count(pets: Chat) -> None:
    pets.say("six cans of wet cat food chicken")
    pets.say("make them a twelve pack")  # no count of the line swapped: the line's six stay six (as before)
    assert pets.counts == {"CANS": 6}


# --- a box instead of a box -------------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["ok then do a dozen instead of the half dozen",
                                  "a dozen instead of the half dozen please", "make it a dozen rather than the half dozen"])
def test_a_dozen_instead_of_the_half_dozen(shop: Callable[[str], Chat], said: str) -> None:
    donuts = shop("donuts")
    donuts.say("half a dozen donuts assorted")
    donuts.say("and a medium iced coffee with oat milk")
    donuts.say(said)
    assert donuts.counts == {"DOZEN": 1, "ICED-COFFEE": 1}
    assert ("DOZEN", 1, {"donuts": "assorted"}) in donuts.lines


# --- one more in its package ------------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["and one more bag of the dry food same kind", "and another bag of the dry food",
                                  "one more bag of the dry food please"])
def test_one_more_bag_of_a_line_is_more_of_that_line(pets: Chat, said: str) -> None:
    pets.say("i need a bag of dry cat food salmon")
    pets.say("and six cans of wet cat food chicken")
    pets.say(said)
    assert pets.lines == [("KIBBLE", 2, {"flavour": "salmon", "bag": "small"}),
                          ("CANS", 6, {"flavour": "chicken", "pack": "single"})]


def test_a_bag_of_the_product_that_comes_in_bags_is_still_its_choice(pets: Chat) -> None:
    pets.say("a bag of treats")
    assert pets.lines == [("TREATS", 1, {"size": "pouch"})]


def test_on_corpus_shops(shop: Callable[[str], Chat]) -> None:
    pets = shop("petshop")
    pets.say("i need a bag of dry cat food salmon")
    pets.say("and six cans of wet cat food chicken")
    pets.say("would it be cheaper to get the twelve pack of cans")
    pets.say("ok then a twelve pack instead of the six")
    pets.say("and one more bag of the dry food same kind")
    assert pets.counts == {"CAT-FOOD": 2, "CAT-CANS": 1}
    assert all(opts["flavour"] == ("salmon" if sku == "CAT-FOOD" else "chicken") for sku, _, opts in pets.lines)
    donuts = shop("donuts")
    donuts.say("half a dozen donuts assorted")
    donuts.say("ok then do a dozen instead of the half dozen")
    assert donuts.counts == {"DOZEN": 1}


# --- a pack said alone goes to the line in focus that comes in packs ----------------------------------------
_TOYS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BATTERIES", "name": "batteries", "price": "6.00", "aliases": ["battery"],
         "options": [{"code": "size", "name": "size", "required": True,
                      "values": [{"code": "aa", "name": "aa", "aliases": ["double a"]},
                                 {"code": "aaa", "name": "aaa", "aliases": ["triple a"]}]},
                     {"code": "pack", "name": "pack", "default": "4pk",
                      "values": [{"code": "4pk", "name": "4 pack", "aliases": ["four pack"]},
                                 {"code": "8pk", "name": "8 pack", "aliases": ["eight pack"], "price_delta": "4.00"}]}]},
        {"sku": "DOUGH", "name": "play dough", "price": "6.50", "aliases": ["dough"],
         "options": [{"code": "pack", "name": "pack", "default": "4",
                      "values": [{"code": "4", "name": "4 pack", "aliases": ["four pack"]},
                                 {"code": "10", "name": "10 pack", "aliases": ["ten pack"], "price_delta": "7.50"}]}]},
    ],
}


@pytest.fixture
def toys(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _TOYS)


@pytest.mark.parametrize("said", ["a four pack", "um a four pack please", "an eight pack"])
def test_a_pack_said_alone_is_the_pack_of_the_line_in_focus(toys: Chat, said: str) -> None:
    toys.say("batteries double a")
    toys.say(said)
    assert toys.counts == {"BATTERIES": 1}  # no play dough, though it comes in a four pack too
    assert toys.lines[0][2]["pack"] == ("8pk" if "eight" in said else "4pk")


def test_packs_steered_by_count_after_a_what_if(toys: Chat) -> None:
    toys.say("batteries double a")
    toys.say("a four pack")
    toys.say("actually make it two of the four packs")
    assert toys.lines == [("BATTERIES", 2, {"size": "aa", "pack": "4pk"})]
    toys.say("is the eight pack cheaper than two fours")
    assert toys.lines == [("BATTERIES", 2, {"size": "aa", "pack": "4pk"})]  # a question changes nothing
    toys.say("ok do one eight pack instead")
    assert toys.lines == [("BATTERIES", 1, {"size": "aa", "pack": "8pk"})]


def test_a_pack_with_and_after_other_goods_is_still_its_own_item(toys: Chat) -> None:
    toys.say("batteries double a")
    toys.say("and a ten pack of play dough")
    assert toys.counts == {"BATTERIES": 1, "DOUGH": 1}



# --- one more of a line picked by a word of its choice ------------------------------------------------------
_SCOOPS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "SCOOP", "name": "ice cream", "price": "5.00", "aliases": ["scoop"],
         "options": [{"code": "vessel", "name": "vessel", "default": "cup",
                      "values": [{"code": "cup", "name": "cup"},
                                 {"code": "sugar_cone", "name": "sugar cone", "aliases": ["cone", "cones"]},
                                 {"code": "waffle_cone", "name": "waffle cone", "price_delta": "1.00"}]},
                     {"code": "flavour", "name": "flavour", "required": True,
                      "values": [{"code": "mint", "name": "mint chip"}, {"code": "vanilla", "name": "vanilla"}]}]},
        {"sku": "SHAKE", "name": "milkshake", "price": "6.00", "aliases": ["shake", "shakes"],
         "options": [{"code": "flavour", "name": "flavour", "required": True,
                      "values": [{"code": "chocolate", "name": "chocolate"}, {"code": "vanilla", "name": "vanilla"}]}]},
    ],
}


@pytest.fixture
def scoops(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SCOOPS)


@pytest.mark.parametrize("said", ["oh and one more of the cones same thing for my sister", "one more of the cones",
                                  "and another of the waffle cones please"])
def test_one_more_of_the_line_named_by_a_word_of_its_choice(scoops: Chat, said: str) -> None:
    scoops.say("a mint chip ice cream in a waffle cone")
    scoops.say("and a chocolate milkshake")
    scoops.say(said)
    assert scoops.lines == [("SCOOP", 2, {"vessel": "waffle_cone", "flavour": "mint"}),
                            ("SHAKE", 1, {"flavour": "chocolate"})]


def test_one_more_of_the_shake_is_still_the_shake(scoops: Chat) -> None:
    scoops.say("a mint chip ice cream in a waffle cone")
    scoops.say("and a chocolate milkshake")
    scoops.say("one more of the shakes")
    assert scoops.counts == {"SCOOP": 1, "SHAKE": 2}


# --- a what-if about a choice put on the lines ----------------------------------------------------------------
@pytest.mark.parametrize("asked", ["how much would it be with brown rice on the rolls",
                                   "how much more for brown rice on the rolls"])
def test_a_choice_on_the_lines_asked_about_is_no_side_dish(shop: Callable[[str], Chat], asked: str) -> None:
    sushi = shop("sushi")
    sushi.say("a spicy tuna roll and a california roll")
    reply = sushi.say(asked)
    assert sushi.counts == {"SPICY-TUNA-ROLL": 1, "CALIFORNIA-ROLL": 1}  # a question changes nothing
    assert "side" not in reply.text.lower() and "roll" in reply.text.lower()
    sushi.say("ok brown rice on both rolls")
    assert sushi.counts == {"SPICY-TUNA-ROLL": 1, "CALIFORNIA-ROLL": 1}
    assert all(opts["rice"] == "brown" for _, _, opts in sushi.lines)


def test_a_side_dish_asked_about_by_its_name_is_still_the_side(shop: Callable[[str], Chat]) -> None:
    sushi = shop("sushi")
    sushi.say("a spicy tuna roll")
    reply = sushi.say("how much is a side of brown rice")
    assert sushi.counts == {"SPICY-TUNA-ROLL": 1}
    assert "side" in reply.text.lower()


# --- a combo instead of what it holds ---------------------------------------------------------------------------
_SNACKS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "POPCORN", "name": "popcorn", "price": "8.00", "aliases": ["popcorns"],
         "options": [{"code": "size", "name": "size", "default": "medium",
                      "values": [{"code": "medium", "name": "medium"},
                                 {"code": "large", "name": "large", "price_delta": "1.50"}]}]},
        {"sku": "SODA", "name": "fountain drink", "price": "5.00", "aliases": ["soda", "sodas"],
         "options": [{"code": "flavour", "name": "flavour", "required": True,
                      "values": [{"code": "coke", "name": "coke"}, {"code": "sprite", "name": "sprite"}]}]},
        {"sku": "NACHOS", "name": "nachos", "price": "7.00"},
        {"sku": "DUO", "name": "date night combo", "price": "22.00", "aliases": ["combo for two"],
         "description": "a large popcorn and two fountain drinks",
         "options": [{"code": "drink", "name": "drinks", "default": "coke",
                      "values": [{"code": "coke", "name": "coke"}, {"code": "sprite", "name": "sprite"}]}]},
        {"sku": "MOCHA", "name": "mocha", "price": "5.00", "description": "a latte made with chocolate"},
        {"sku": "LATTE", "name": "latte", "price": "4.50", "aliases": ["lattes"]},
    ],
}


@pytest.fixture
def snacks(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SNACKS)


@pytest.mark.parametrize("said", ["ok do the date night combo instead", "actually the combo for two instead please",
                                  "ok yeah do the date night combo instead with sprites"])
def test_a_combo_instead_takes_the_place_of_what_it_holds(snacks: Chat, said: str) -> None:
    snacks.say("two large popcorns and two sprites")
    snacks.say("and nachos")
    snacks.say("how much is the date night combo")
    assert snacks.counts == {"POPCORN": 2, "SODA": 2, "NACHOS": 1}  # a question changes nothing
    snacks.say(said)
    assert snacks.counts == {"DUO": 1, "NACHOS": 1}


def test_a_combo_instead_of_a_line_named_replaces_that_line_only(snacks: Chat) -> None:
    snacks.say("two large popcorns and a sprite")
    snacks.say("a date night combo instead of the popcorns")
    assert snacks.counts.get("SODA") == 1 and "POPCORN" not in snacks.counts


def test_a_product_naming_one_line_in_its_description_is_a_plain_swap(snacks: Chat) -> None:
    snacks.say("two lattes and a nachos")
    snacks.say("actually a mocha instead of the lattes")
    assert snacks.counts == {"MOCHA": 2, "NACHOS": 1}


# --- the same again, in another colour -------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["same again in blue for my other dog", "the same again in blue please",
                                  "and the same again but in blue"])
def test_the_same_again_in_another_shared_choice_is_the_set_again(shop: Callable[[str], Chat], said: str) -> None:
    pets = shop("petshop")
    pets.say("a red dog collar medium")
    pets.say("and a red leash")
    pets.say(said)
    assert sorted((sku, n, opts["colour"]) for sku, n, opts in pets.lines) == [
        ("COLLAR", 1, "blue"), ("COLLAR", 1, "red"), ("LEASH", 1, "blue"), ("LEASH", 1, "red")]


def test_the_same_again_in_a_colour_the_lines_do_not_share_is_the_latest_line(shop: Callable[[str], Chat]) -> None:
    pets = shop("petshop")
    pets.say("a red dog collar medium")
    pets.say("and a blue leash")
    pets.say("same again in green")
    assert pets.counts == {"COLLAR": 1, "LEASH": 2}  # as before: the latest line again, in green
