"""Changing part of a line after the order: "make one of the croissants chocolate", "change one of the lattes to a
mocha", "one of the pies should be a hawaiian", on a small catalog written here. The units named change and the
rest of the line stays; no other line is touched (before, the line in focus, a drink, was swapped away and the
count of the named line was reset)."""

from __future__ import annotations

from collections.abc import Iterator
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
