"""After the shop lists a product's choices ("what sizes do they come in?"), the answer picks one: "a small one
please" orders that product so made, and "the green one" is the listed choice with that word in its name, even
when the word alone names another product's choice. A catalog written here (a garden stall; "small" and "30 metre" are choices of two products each)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "dip": {"code": "dip", "name": "dip", "values": [
            {"code": "herb", "name": "herb dip", "aliases": ["green dip", "herby dip"]},
            {"code": "pepper", "name": "pepper dip", "aliases": ["red dip"]}]},
    },
    "products": [
        {"sku": "FERN", "name": "fern", "price": "6.00", "stock": 9, "options": [
            {"code": "pot", "name": "pot size", "required": True, "values": [
                {"code": "s", "name": "small pot", "aliases": ["small"]},
                {"code": "l", "name": "large pot", "aliases": ["large"], "price_delta": "4.00"}]}]},
        {"sku": "HOSE", "name": "garden hose", "price": "20.00", "stock": 9, "options": [
            {"code": "length", "name": "length", "required": True, "values": [
                {"code": "10m", "name": "10 metre"}, {"code": "30m", "name": "30 metre", "price_delta": "15.00"}]}]},
        {"sku": "CACTUS", "name": "cactus", "price": "5.00", "stock": 9, "options": [
            {"code": "pot", "name": "pot size", "required": True, "values": [
                {"code": "s", "name": "small pot", "aliases": ["small"]},
                {"code": "l", "name": "large pot", "aliases": ["large"], "price_delta": "3.00"}]}]},
        {"sku": "CABLE", "name": "extension cable", "price": "9.00", "stock": 9, "options": [
            {"code": "length", "name": "length", "required": True, "values": [
                {"code": "10m", "name": "10 metre"}, {"code": "30m", "name": "30 metre", "price_delta": "8.00"}]}]},
        {"sku": "CHIPS", "name": "veggie chips", "price": "3.00", "stock": 9, "options": ["dip"]},
        {"sku": "PIE", "name": "hand pie", "price": "4.00", "stock": 9, "options": [
            {"code": "filling", "name": "filling", "required": True, "values": [
                {"code": "apple", "name": "green apple", "aliases": ["green", "apple"]},
                {"code": "cherry", "name": "red cherry", "aliases": ["red", "cherry"]}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("question", "answer", "want"), [
    ("what sizes do the ferns come in", "a small one please", ("FERN", 1, {"pot": "s"})),
    ("what pot sizes does the fern come in", "ok the large one", ("FERN", 1, {"pot": "l"})),
    ("what lengths do the garden hoses come in", "a 30 metre one please", ("HOSE", 1, {"length": "30m"})),
])
def test_a_choice_after_the_choices_were_listed_orders_that_product(chat: Chat, question: str, answer: str,
                                                                   want: tuple[str, int, dict[str, str]]) -> None:
    chat.say(question)
    assert chat.lines == []
    chat.say(answer)
    assert chat.lines == [want], chat.replies[-1].text


@pytest.mark.parametrize(("answer", "dip"), [("the green one", "herb"), ("the red one please", "pepper"),
                                             ("herb dip please", "herb")])
def test_the_word_of_a_listed_choice_goes_to_the_line_not_to_another_product(chat: Chat, answer: str,
                                                                             dip: str) -> None:
    chat.say("a bag of veggie chips")
    chat.say("what dips do you have")  # no product named: the chips in the cart have that choice
    chat.say(answer)
    assert chat.lines == [("CHIPS", 1, {"dip": dip})], chat.replies[-1].text


def test_without_a_listing_the_word_still_orders_the_product_it_names(chat: Chat) -> None:
    chat.say("a bag of veggie chips")
    chat.say("and a green hand pie")
    assert chat.lines == [("CHIPS", 1, {}), ("PIE", 1, {"filling": "apple"})]


def test_a_listing_is_only_for_the_next_turn(chat: Chat) -> None:
    chat.say("a bag of veggie chips")
    chat.say("what dips do you have")
    chat.say("how much is the hand pie")
    chat.say("the green one")
    assert ("PIE", 1, {"filling": "apple"}) in chat.lines, chat.replies[-1].text
    assert ("CHIPS", 1, {}) in chat.lines
