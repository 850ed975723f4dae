"""A list said without "and" between its items: a choice said before a count or an article belongs to the item
before, because the count starts the next noun phrase ("a bowl with greens salmon and shrimp three musubis": the
bowl's shrimp, not the musubis'); a choice that only the item before offers goes there too. A count that is part
of a choice ("a purple four foot leash") does not start a new phrase. A catalog written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BOWL", "name": "poke bowl", "aliases": ["bowl"], "price": "12.00", "options": [
            {"code": "base", "name": "base", "default": "rice", "values": [
                {"code": "rice", "name": "white rice"}, {"code": "greens", "name": "greens"}]},
            {"code": "protein", "name": "protein", "multiple": True, "values": [
                {"code": "salmon", "name": "salmon"}, {"code": "shrimp", "name": "shrimp"},
                {"code": "tuna", "name": "tuna"}]}]},
        {"sku": "MUSUBI", "name": "spam musubi", "price": "3.00"},
        {"sku": "SOUP", "name": "miso soup", "price": "2.50"},
        {"sku": "SODA", "name": "soda", "price": "1.50", "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "coke", "name": "coke"}, {"code": "sprite", "name": "sprite"}]}]},
        {"sku": "LEASH", "name": "leash", "price": "15.00", "options": [
            {"code": "colour", "name": "colour", "default": "black", "values": [
                {"code": "black", "name": "black"}, {"code": "purple", "name": "purple"}]},
            {"code": "length", "name": "length", "default": "6ft", "values": [
                {"code": "4ft", "name": "four foot", "aliases": ["4 foot", "4 feet"]},
                {"code": "6ft", "name": "six foot", "aliases": ["6 foot", "6 feet"]}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "other"), [
    ("a bowl with greens salmon and shrimp three spam musubis", ("MUSUBI", 3, {})),
    ("a bowl with greens salmon and shrimp, two miso soups", ("SOUP", 2, {})),
    ("can i get a bowl with greens salmon and shrimp a miso soup", ("SOUP", 1, {})),
])
def test_a_choice_before_a_count_closes_the_item_before(chat: Chat, said: str,
                                                        other: tuple[str, int, dict[str, str]]) -> None:
    chat.say(said)
    assert other in chat.lines, chat.replies[-1].text
    bowls = [ln for ln in chat.session.cart.lines if ln.sku == "BOWL"]
    assert len(bowls) == 1, chat.lines
    assert {(o.group, o.value) for o in bowls[0].options} == {("base", "greens"), ("protein", "salmon"),
                                                              ("protein", "shrimp")}, chat.replies[-1].text


def test_a_flavour_after_and_still_names_the_next_product(chat: Chat) -> None:
    chat.say("a bowl with tuna and two coke sodas")
    assert ("SODA", 2, {"flavour": "coke"}) in chat.lines, chat.replies[-1].text


def test_a_count_inside_a_choice_starts_no_phrase(chat: Chat) -> None:
    chat.say("a bowl with salmon and a purple four foot leash")
    assert ("LEASH", 1, {"colour": "purple", "length": "4ft"}) in chat.lines, chat.replies[-1].text
