""""Do you have X" when X is a choice of some product, not a product: the answer names the product that comes
with it and never says yes for a sold-out one. A catalog written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_BRAND = {"code": "brand", "name": "brand", "default": "generic", "values": [
    {"code": "generic", "name": "store brand"}, {"code": "sneezeless", "name": "sneezeless", "price_delta": "5.00"}]}
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "ALLERGY", "name": "allergy tablets", "price": "7.99", "stock": 0, "options": [_BRAND]},
        {"sku": "COUGH", "name": "cough syrup", "price": "6.49", "stock": 12, "options": [
            {"code": "flavour", "name": "flavour", "default": "cherry", "values": [
                {"code": "cherry", "name": "cherry"}, {"code": "honey_lemon", "name": "honey lemon"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def test_a_choice_of_a_sold_out_product_is_no_yes(chat: Chat) -> None:
    text = chat.say("do you have sneezeless").text.lower()
    assert not text.startswith("yes") and "sold out" in text and "allergy tablets" in text, text
    assert chat.lines == []


def test_a_choice_of_a_product_in_stock_names_the_product(chat: Chat) -> None:
    text = chat.say("do you have honey lemon").text.lower()
    assert text.startswith("yes") and "cough syrup" in text, text
    chat.say("yes one please")
    assert chat.lines == [("COUGH", 1, {"flavour": "honey_lemon"})]


_RELIEF = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "FLU", "name": "cold and flu relief", "price": "8.99", "options": [
            {"code": "time", "name": "time", "default": "day", "values": [
                {"code": "day", "name": "daytime"}, {"code": "night", "name": "nighttime"}]}]},
    ],
}


@pytest.fixture
def relief(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _RELIEF)


@pytest.mark.parametrize("follow_up", ["oh and can i get the daytime one too", "i'll also take the daytime one"])
def test_the_other_made_one_too_is_one_more(relief: Chat, follow_up: str) -> None:
    relief.say("a cold and flu relief the nighttime")
    relief.say(follow_up)
    assert sorted(opts["time"] for _, _, opts in relief.lines) == ["day", "night"]


def test_make_it_the_other_one_changes_the_line(relief: Chat) -> None:
    relief.say("a cold and flu relief the nighttime")
    relief.say("actually make it the daytime one")
    assert relief.lines == [("FLU", 1, {"time": "day"})]


_TOPPED = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BOWL", "name": "acai bowl", "price": "11.00", "options": [
            {"code": "toppings", "name": "toppings", "multiple": True, "aliases": ["extras"], "values": [
                {"code": "granola", "name": "granola"}, {"code": "honey", "name": "honey"}]}]},
        {"sku": "TOAST", "name": "avocado toast", "price": "9.00", "options": [
            {"code": "extras", "name": "extras", "multiple": True, "aliases": ["toppings"], "values": [
                {"code": "egg", "name": "fried egg"}, {"code": "feta", "name": "feta"}]}]},
    ],
}


@pytest.fixture
def topped(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _TOPPED)


@pytest.mark.parametrize("asked, want", [("what extras do you have for the avocado toast", "feta"),
                                         ("what toppings does the avocado toast come with", "feta"),
                                         ("what toppings can i get on the acai bowl", "granola")])
def test_a_group_word_names_the_group_of_the_product_asked_about(topped: Chat, asked: str, want: str) -> None:
    """"Extras" names the toast's extras and (by alias) the bowl's toppings: the answer is the toast's."""
    text = topped.say(asked).text.lower()
    assert want in text and "no choice" not in text, text


@pytest.mark.parametrize("asked, want", [("what can i add to the avocado toast", "feta"),
                                         ("um what can i put on the acai bowl", "granola")])
def test_what_can_i_add_lists_the_products_add_ons(topped: Chat, asked: str, want: str) -> None:
    text = topped.say(asked).text.lower()
    assert want in text and topped.lines == [], text
