"""A phone caller talking to someone beside them and correcting themselves mid-sentence: an aside asked of
someone else before the order ("hang on babe what did you want oh ok and a small iced chai latte"), a count
repaired right after its item ("two bags of potatoes no just one"), a choice repaired as "the ... one" of the
product just named ("a beanie the red one sorry the mustard one"), "never mind that" after a product asked for was
sold out (an addition, no swap of a line in the cart), and a line of several shared as halves ("she says half
pistachio half raspberry"). Sessions on the bundled catalogs, corpus catalogs and one written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_MUGS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "MUG", "name": "mug", "price": "9.00", "stock": 20, "aliases": ["mugs", "coffee mug"],
         "options": [{"code": "colour", "name": "colour", "default": "white",
                      "values": [{"code": "white", "name": "white"}, {"code": "red", "name": "red"},
                                 {"code": "lemon", "name": "lemon"}]}]},
        {"sku": "LEMON-TART", "name": "lemon tart", "price": "4.00", "stock": 0, "aliases": ["lemon", "lemon tarts"]},
        {"sku": "TART", "name": "fruit tart", "price": "4.00", "stock": 30, "aliases": ["tarts", "fruit tarts"]},
    ],
}


@pytest.fixture
def sushi(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("sushi"))


@pytest.fixture
def donuts(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("donuts"))


@pytest.fixture
def candy(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("candyshop"))


@pytest.fixture
def mugs(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _MUGS)


# --- an aside to someone beside the caller, then the order -----------------------------------------------
def test_aside_then_order(chat: Chat) -> None:
    chat.say("hi yeah can i get a large cappuccino with oat milk")
    chat.say("hang on babe what did you want oh ok and a small iced chai latte")
    assert ("CHAI-LATTE", 1, {"size": "small", "temperature": "iced", "milk": "whole"}) in chat.lines


@pytest.mark.parametrize("said", ["hang on what do you want ok and a dragon roll",
                                  "hold on, what do you guys want? okay, and a dragon roll"])
def test_aside_then_order_sushi(sushi: Chat, said: str) -> None:
    sushi.say("two salmon nigiri")
    sushi.say(said)
    assert sushi.counts == {"NIGIRI": 2, "DRAGON-ROLL": 1}


def test_aside_then_order_elsewhere(donuts: Chat) -> None:
    donuts.say("two glazed donuts")
    donuts.say("hold on sweetie what do you want, okay, and a boston cream")
    assert donuts.counts == {"GLAZED": 2, "BOSTON-CREAM": 1}


def test_aside_then_change(candy: Chat) -> None:
    candy.say("and a pound of salt water taffy")
    candy.say("hang on what kind do you want ok make the taffy peppermint")
    assert candy.lines == [("TAFFY", 1, {"weight": "pound", "flavour": "peppermint"})]


def test_aside_with_no_answer_orders_nothing(donuts: Chat) -> None:
    donuts.say("two glazed donuts")
    donuts.say("hold on what do you want")
    assert donuts.counts == {"GLAZED": 2}


def test_aside_never_makes_a_yes(chat: Chat) -> None:
    chat.say("a latte")
    chat.say("hang on babe what did you want oh ok yes that's right")
    assert not chat.session.orders  # (the confirmation slot reads asides before a yes itself)


def test_hold_without_an_aside_is_left_alone(chat: Chat) -> None:
    chat.say("a latte")
    chat.say("hang on, what sizes does the mocha come in")
    assert chat.counts == {"LATTE": 1}


# --- a count repaired right after its item ----------------------------------------------------------------
def test_count_repaired_in_the_sentence(shop_store: object) -> None:
    chat = Chat(shop_store)  # type: ignore[arg-type]
    chat.say("yeah hi i need a gallon of milk")
    chat.say("two bags of potatoes no just one")
    assert chat.counts == {"WHOLE-MILK-1-GALLON": 1, "RUSSET-POTATOES-5-LB": 1}


@pytest.mark.parametrize("said, n", [("three jelly donuts no just two", 2),
                                     ("three jelly donuts, sorry, two please and a cruller", 2)])
def test_count_repaired_elsewhere(donuts: Chat, said: str, n: int) -> None:
    donuts.say(said)
    assert donuts.counts["JELLY"] == n


def test_no_with_a_choice_is_no_repair(chat: Chat) -> None:
    chat.say("two lattes no sugar")
    assert chat.counts == {"LATTE": 2}


def test_counts_of_two_items_stay(chat: Chat) -> None:
    chat.say("two lattes and one blueberry muffin")
    assert chat.counts == {"LATTE": 2, "BLUEBERRY-MUFFIN": 1}


# --- a choice repaired as "the ... one" of the product just named -------------------------------------------
def test_choice_repaired_for_the_product_named(shop_store: object) -> None:
    chat = Chat(shop_store)  # type: ignore[arg-type]
    chat.say("hi i'm looking for a hoodie black in medium")
    chat.say("ok and a beanie the red one sorry the mustard one")
    assert ("BEANIE-HAT", 1, {"colour": "mustard"}) in [(s, n, {g: v for g, v in o.items() if g == "colour"})
                                                         for s, n, o in chat.lines]


def test_choice_repaired_elsewhere(mugs: Chat) -> None:
    mugs.say("a mug the red one sorry the lemon one")
    assert mugs.lines == [("MUG", 1, {"colour": "lemon"})]


def test_another_product_said_in_the_repair_stays_that_product(mugs: Chat) -> None:
    mugs.say("a mug, sorry, a fruit tart")
    assert mugs.counts == {"TART": 1}


# --- "never mind that" after a product asked for was sold out -------------------------------------------
def test_never_mind_the_sold_out_one_adds(donuts: Chat) -> None:
    donuts.say("two glazed donuts")
    donuts.say("do you have a bear claw")
    donuts.say("ok never mind that then and a cruller")
    assert donuts.counts == {"GLAZED": 2, "CRULLER": 1}


def test_instead_after_a_line_still_swaps(donuts: Chat) -> None:
    donuts.say("two glazed donuts")
    donuts.say("actually a cruller instead")
    assert "GLAZED" not in donuts.counts and "CRULLER" in donuts.counts  # (no question asked for: a swap)


# --- a line of several shared as halves -----------------------------------------------------------------
def test_line_shared_in_halves(candy: Chat) -> None:
    candy.say("six truffles salted caramel")
    candy.say("hang on what kind oh ok she says half salted caramel half raspberry")
    assert sorted((n, o["flavour"]) for _, n, o in candy.lines) == [(3, "raspberry"), (3, "salted_caramel")]


def test_odd_line_is_not_halved(candy: Chat) -> None:
    candy.say("five truffles salted caramel")
    candy.say("half salted caramel half raspberry")
    assert len(candy.lines) == 1 and candy.counts == {"TRUFFLE": 5}
