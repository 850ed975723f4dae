"""Answers read against what was just said, on a small catalog written here: a count correction that names the
line ("just three boxes of the screws", "only one of the croissants", "actually just one roll of tape" where
"just one" is another product's pack), and a count said to a stock answer ("we have two left": "both",
"ill take them all", "ok two then"), which adds that many or, when the product is in the cart, sets its count;
and "make it ten" to a line sold by the piece (6, 10 or 20 pieces), which is that choice, not ten orders; "aa"
said is never the "aaa" of another product (a word of three of one letter is a code, not a stretched word)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "TAPE", "name": "electrical tape", "aliases": ["tape"], "price": "2.00"},
        {"sku": "TRIPLE", "name": "aaa batteries", "aliases": ["triple a"], "price": "5.00"},
        {"sku": "CELLS", "name": "aa batteries", "aliases": ["double a"], "price": "5.00", "options": [
            {"code": "pack", "name": "pack", "default": "4", "values": [
                {"code": "1", "name": "single", "aliases": ["just one"], "price_delta": "-3.00"},
                {"code": "4", "name": "4 pack"}]}]},
        {"sku": "SCREWS", "name": "wood screws", "aliases": ["screws"], "price": "8.00", "options": [
            {"code": "length", "name": "length", "required": True, "values": [
                {"code": "1in", "name": "1 inch"}, {"code": "2in", "name": "2 inch"}]}]},
        {"sku": "HAMMER", "name": "claw hammer", "aliases": ["hammer"], "price": "20.00"},
        {"sku": "ALMOND", "name": "almond croissant", "price": "4.00"},
        {"sku": "PLAIN", "name": "croissant", "price": "3.00"},
        {"sku": "MUG", "name": "coffee mug", "aliases": ["mug"], "price": "9.00"},
        {"sku": "CAKE", "name": "cheesecake", "price": "30.00", "stock": 2},
        {"sku": "PIE", "name": "apple pie", "price": "15.00", "stock": 4},
        {"sku": "NUGGETS", "name": "nuggets", "price": "6.00", "options": [
            {"code": "pieces", "name": "pieces", "default": "6", "values": [
                {"code": "6", "name": "6 piece"}, {"code": "10", "name": "10 piece", "price_delta": "3.00"},
                {"code": "20", "name": "20 pieces", "price_delta": "8.00"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", ["just three boxes of the screws", "only three boxes of the screws please",
                                  "just 3 of the screws"])
def test_just_n_of_the_line_sets_its_count(chat: Chat, said: str) -> None:
    chat.say("five boxes of two inch wood screws and a hammer")
    chat.say(said)
    assert chat.lines == [("SCREWS", 3, {"length": "2in"}), ("HAMMER", 1, {})]


@pytest.mark.parametrize("said", ["only one of the croissants actually", "just one of the croissants",
                                  "hmm only one of the croissants"])
def test_the_line_named_by_a_shorter_name_is_recounted(chat: Chat, said: str) -> None:
    chat.say("two almond croissants and two coffee mugs")
    chat.say(said)
    assert chat.lines == [("ALMOND", 1, {}), ("MUG", 2, {})]


@pytest.mark.parametrize(("said", "count"), [("actually just one roll of electrical tape", 1),
                                             ("just one roll of the tape", 1),
                                             ("only two rolls of electrical tape please", 2)])
def test_a_count_that_is_another_products_pack_is_a_count(chat: Chat, said: str, count: int) -> None:
    chat.say("three rolls of electrical tape")
    chat.say(said)
    assert chat.lines == [("TAPE", count, {})]


def test_just_one_still_names_the_pack_of_a_product_that_has_it(chat: Chat) -> None:
    chat.say("aa batteries just one")
    assert chat.lines == [("CELLS", 1, {"pack": "1"})]


@pytest.mark.parametrize("said", ["ill take both", "both please", "ill take them all", "all of them then",
                                  "ok two then"])
def test_a_count_to_a_stock_answer_orders_that_many(chat: Chat, said: str) -> None:
    assert "two" in chat.say("how many cheesecakes do you have").text
    chat.say(said)
    assert chat.lines == [("CAKE", 2, {})]


@pytest.mark.parametrize(("said", "count"), [("ok two then", 2), ("ill take them all", 4), ("three then", 3)])
def test_a_count_to_a_stock_answer_about_a_line_sets_its_count(chat: Chat, said: str, count: int) -> None:
    chat.say("an apple pie")
    assert "four" in chat.say("how many of those do you have left").text
    chat.say(said)
    assert chat.lines == [("PIE", count, {})]


def test_both_is_no_count_when_more_are_left(chat: Chat) -> None:
    chat.say("an apple pie")
    chat.say("how many of those do you have left")
    chat.say("both")
    assert [qty for _, qty, _ in chat.lines] != [4]


def test_a_plain_yes_to_a_stock_answer_orders_nothing_by_itself(chat: Chat) -> None:
    chat.say("how many cheesecakes do you have")
    chat.say("yes")
    assert chat.lines == []


@pytest.mark.parametrize(("said", "pieces"), [("make it ten", "10"), ("actually make it twenty", "20"),
                                              ("no make it 10", "10")])
def test_make_it_n_to_a_line_sold_by_the_piece_is_its_piece_count(chat: Chat, said: str, pieces: str) -> None:
    chat.say("an order of nuggets")
    chat.say(said)
    assert chat.lines == [("NUGGETS", 1, {"pieces": pieces})]


def test_make_it_n_that_is_no_piece_count_stays_the_count(chat: Chat) -> None:
    chat.say("an order of nuggets")
    chat.say("make it three")
    assert chat.lines == [("NUGGETS", 3, {"pieces": "6"})]
    chat.say("a coffee mug")
    chat.say("make it two")
    assert ("MUG", 2, {}) in chat.lines


@pytest.mark.parametrize(("said", "sku"), [("a four pack of aa batteries", "CELLS"), ("aa batteries", "CELLS"),
                                           ("aaa batteries", "TRIPLE"), ("two AAA batteries", "TRIPLE"),
                                           ("some double a batteries", "CELLS")])
def test_aa_and_aaa_are_told_apart(chat: Chat, said: str, sku: str) -> None:
    chat.say(said)
    assert [s for s, _, _ in chat.lines] == [sku]

