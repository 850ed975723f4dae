"""Plain parts and kind nouns, on a small catalog written here: "two honey galettes, one plain and one with jam" is
two galettes of the named product, one with nothing added (not the product whose alias is "plain pancake", nor a
drink's "plain" flavour); "two pies, a plain and a white" is the plain pie and the white pie; and a word that ends
the names of several products ("a galette") is a "which one?", not the one product whose name starts with it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "toppings": {"code": "toppings", "name": "toppings", "multiple": True, "values": [
            {"code": "jam", "name": "raspberry jam", "aliases": ["jam"], "price_delta": "1.00"},
            {"code": "honey", "name": "honey", "price_delta": "1.00"},
            {"code": "cream", "name": "whipped cream", "aliases": ["cream"], "price_delta": "1.00"}]},
    },
    "products": [
        {"sku": "HONEY-GALETTE", "name": "honey galette", "price": "7.00", "tags": ["galette"],
         "aliases": ["honey galettes"], "options": ["toppings"]},
        {"sku": "CHEESE-GALETTE", "name": "cheese galette", "price": "8.00", "tags": ["galette"],
         "aliases": ["cheese galettes"], "options": ["toppings"]},
        {"sku": "GALETTE-ROYALE", "name": "galette royale", "price": "9.00", "tags": ["galette"],
         "options": ["toppings"]},
        {"sku": "PANCAKE", "name": "buttermilk pancake", "price": "6.00",
         "aliases": ["pancake", "plain pancake", "regular pancake"], "options": ["toppings"]},
        {"sku": "OAT-PANCAKE", "name": "oat pancake", "price": "6.50", "aliases": ["oat pancakes"],
         "options": ["toppings"]},
        {"sku": "SODA", "name": "soda", "price": "3.00", "options": [
            {"code": "flavour", "name": "flavour", "default": "classic", "values": [
                {"code": "classic", "name": "classic", "aliases": ["plain", "regular", "original"]},
                {"code": "cherry", "name": "cherry"}]}]},
        {"sku": "PLAIN-PIE", "name": "plain pie", "price": "20.00", "aliases": ["pie", "pies", "cheese pie"]},
        {"sku": "WHITE-PIE", "name": "white pie", "price": "22.00"},
        {"sku": "PLAIN-SLICE", "name": "plain slice", "price": "3.00", "aliases": ["plain", "slice"]},
        {"sku": "WHITE-SLICE", "name": "white slice", "price": "3.50", "aliases": ["white"]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _sorted(lines: list[tuple[str, int, dict[str, str]]]) -> list[tuple[str, int, dict[str, str]]]:
    return sorted(lines, key=lambda ln: (ln[0], sorted(ln[2].items())))


@pytest.mark.parametrize(("said", "sku"), [
    ("two oat pancakes one plain and one with jam", "OAT-PANCAKE"),
    ("2 oat pancakes, one with jam and one plain", "OAT-PANCAKE"),
    ("two oat pancakes one with jam and the other plain", "OAT-PANCAKE"),
    ("two honey galettes one regular and one with jam", "HONEY-GALETTE"),
    ("two cheese galettes, one plain, one with raspberry jam", "CHEESE-GALETTE"),
])
def test_one_plain_is_the_counted_product_with_nothing_added(chat: Chat, said: str, sku: str) -> None:
    chat.say(said)
    assert _sorted(chat.lines) == [(sku, 1, {}), (sku, 1, {"toppings": "jam"})]


@pytest.mark.parametrize("said", [
    "three honey galettes one with jam one with cream and one plain",
    "three honey galettes, one plain, one with jam and one with whipped cream",
])
def test_one_plain_among_three_parts(chat: Chat, said: str) -> None:
    chat.say(said)
    assert _sorted(chat.lines) == [("HONEY-GALETTE", 1, {}), ("HONEY-GALETTE", 1, {"toppings": "cream"}),
                                   ("HONEY-GALETTE", 1, {"toppings": "jam"})]
    assert not any(sku in ("SODA", "PANCAKE", "PLAIN-SLICE") for sku, _, _ in chat.lines)


def test_a_plain_choice_of_the_counted_product_stays_its_choice(chat: Chat) -> None:
    chat.say("two sodas one plain and one cherry")
    assert _sorted(chat.lines) == [("SODA", 1, {"flavour": "cherry"}), ("SODA", 1, {"flavour": "classic"})]


@pytest.mark.parametrize("said", ["two pies a plain and a white", "two pies one plain and one white",
                                  "2 pies, a white and a plain"])
def test_parts_of_a_bare_noun_name_products_with_that_noun(chat: Chat, said: str) -> None:
    chat.say(said)
    assert _sorted(chat.lines) == [("PLAIN-PIE", 1, {}), ("WHITE-PIE", 1, {})]


@pytest.mark.parametrize("said", ["a galette", "two galettes please", "can I get a galette"])
def test_a_kind_noun_of_several_products_asks_which_one(chat: Chat, said: str) -> None:
    reply = chat.say(said)
    assert chat.lines == []
    assert "which" in reply.text.lower()
    assert "royale" in reply.text.lower() or "honey" in reply.text.lower()


def test_the_answer_to_which_galette_adds_it(chat: Chat) -> None:
    chat.say("two galettes")
    chat.say("cheese galettes")
    assert chat.lines == [("CHEESE-GALETTE", 2, {})]


def test_a_name_that_starts_with_the_word_is_still_that_product(chat: Chat) -> None:
    chat.say("a galette royale")
    assert chat.lines == [("GALETTE-ROYALE", 1, {})]


@pytest.mark.parametrize("answer", ["honey", "the honey one", "honey please"])
def test_a_product_said_without_the_questions_noun_is_picked(chat: Chat, answer: str) -> None:
    chat.say("a galette")
    chat.say(answer)
    assert chat.lines == [("HONEY-GALETTE", 1, {})]


@pytest.mark.parametrize("answer", ["one honey and one cheese", "one cheese and one honey"])
def test_parts_said_without_the_questions_noun_are_those_products(chat: Chat, answer: str) -> None:
    chat.say("two galettes")
    chat.say(answer)
    assert _sorted(chat.lines) == [("CHEESE-GALETTE", 1, {}), ("HONEY-GALETTE", 1, {})]
