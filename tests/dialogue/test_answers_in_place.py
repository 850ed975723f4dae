"""Answers said alone, in place, on a small catalog written here: a choice said after a holding preposition and
an article ("in a gift box") goes to the line in focus that offers it, not to some other product that also comes
in it (a choice said that way names a product only when no line offers it); and a measure the catalog sells as a
choice ("2 pounds") is that choice, not two pounds of money nor a count of "pounds"; and in the answer to a
choice asked ("which main?" - "chicken with a side salad"), a product said after "with" that is also a choice of
the product asked about is that choice, not a product of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "wrap": {"code": "wrap", "name": "wrapping", "default": "paper", "values": [
            {"code": "paper", "name": "tissue paper", "aliases": ["paper"]},
            {"code": "gift_box", "name": "gift box", "aliases": ["box"], "price_delta": "5.00"},
            {"code": "gift_bag", "name": "gift bag", "aliases": ["bag"], "price_delta": "2.00"}]},
        "weight": {"code": "weight", "name": "weight", "default": "1lb", "values": [
            {"code": "half_lb", "name": "half pound", "aliases": ["half a pound"], "price_delta": "-4.00"},
            {"code": "1lb", "name": "one pound", "aliases": ["1 pound", "a pound", "pound"]},
            {"code": "2lb", "name": "two pounds", "aliases": ["2 pounds", "2 lb"], "price_delta": "8.00"},
            {"code": "3lb", "name": "three pounds", "aliases": ["3 pounds", "3 lb"], "price_delta": "16.00"}]},
    },
    "products": [
        {"sku": "HAMPER", "name": "gift hamper", "aliases": ["hamper"], "price": "40.00", "options": ["wrap"]},
        {"sku": "LUXURY", "name": "luxury hamper", "price": "90.00", "options": [
            {"code": "theme", "name": "theme", "default": "classic", "values": [
                {"code": "classic", "name": "classic"}, {"code": "festive", "name": "festive"}]}, "wrap"]},
        {"sku": "MINI", "name": "mini hamper", "price": "25.00", "options": ["wrap"]},
        {"sku": "LUNCH", "name": "lunch box", "price": "14.00", "options": [
            {"code": "main", "name": "main", "required": True, "values": [
                {"code": "chicken", "name": "grilled chicken", "aliases": ["chicken"]},
                {"code": "tofu", "name": "crispy tofu", "aliases": ["tofu"]}]},
            {"code": "side", "name": "side", "default": "rice", "values": [
                {"code": "rice", "name": "rice"}, {"code": "salad", "name": "side salad", "aliases": ["salad"]},
                {"code": "soup", "name": "miso soup", "aliases": ["soup"], "price_delta": "1.00"}]}]},
        {"sku": "SALAD", "name": "side salad", "aliases": ["salad"], "price": "5.00"},
        {"sku": "SOUP", "name": "miso soup", "aliases": ["soup"], "price": "4.00"},
        {"sku": "CARD", "name": "greeting card", "aliases": ["card"], "price": "4.00"},
        {"sku": "FUDGE", "name": "fudge", "price": "8.00", "options": ["weight"]},
        {"sku": "COFFEE", "name": "coffee beans", "aliases": ["coffee"], "price": "12.00", "options": ["weight"]},
        {"sku": "SAUSAGE", "name": "sausages", "aliases": ["sausage"], "price": "2.00", "options": [
            {"code": "sold_by", "name": "sold by", "default": "link", "values": [
                {"code": "link", "name": "by the link", "aliases": ["link", "links"]},
                {"code": "pound", "name": "by the pound", "aliases": ["pound", "pounds", "per pound"],
                 "price_delta": "5.00"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", ["in a gift box please", "in a gift box", "could you put it in a gift box",
                                  "and in a gift box", "inside a gift box please", "in a box please"])
def test_a_holder_said_alone_goes_to_the_line_in_focus(chat: Chat, said: str) -> None:
    chat.say("a festive luxury hamper")
    chat.say(said)
    assert chat.lines == [("LUXURY", 1, {"theme": "festive", "wrap": "gift_box"})]


@pytest.mark.parametrize("said", ["in a gift bag", "in a gift bag please", "put it in a bag"])
def test_a_holder_said_alone_after_a_confirm_question(chat: Chat, said: str) -> None:
    chat.say("how much is the mini hamper")
    chat.say("ok i'll take it")
    chat.say(said)
    assert chat.lines == [("MINI", 1, {"wrap": "gift_bag"})]


def test_a_holder_goes_to_the_line_that_offers_it(chat: Chat) -> None:
    chat.say("a mini hamper")
    chat.say("and a greeting card")
    chat.say("in a gift box please")
    assert sorted(chat.lines) == [("CARD", 1, {}), ("MINI", 1, {"wrap": "gift_box"})]


def test_a_holder_no_line_offers_may_name_a_product(chat: Chat) -> None:
    chat.say("a greeting card")
    chat.say("in a gift box")
    assert sorted(chat.lines) == [("CARD", 1, {}), ("HAMPER", 1, {"wrap": "gift_box"})]


def test_a_holder_said_with_its_product_is_that_products(chat: Chat) -> None:
    chat.say("a mini hamper")
    chat.say("and a luxury hamper in a gift box")
    assert sorted(chat.lines) == [("LUXURY", 1, {"theme": "classic", "wrap": "gift_box"}),
                                  ("MINI", 1, {"wrap": "paper"})]


@pytest.mark.parametrize(("said", "weight"), [("two pounds", "2lb"), ("make it three pounds", "3lb"),
                                              ("3 pounds please", "3lb"), ("actually two pounds", "2lb")])
def test_a_measure_said_alone_is_the_lines_choice(chat: Chat, said: str, weight: str) -> None:
    chat.say("some fudge")
    chat.say(said)
    assert chat.lines == [("FUDGE", 1, {"weight": weight})]


@pytest.mark.parametrize(("said", "weight"), [("two pounds of coffee beans", "2lb"), ("three pounds of fudge", "3lb")])
def test_a_measure_said_before_its_product_is_its_choice(chat: Chat, said: str, weight: str) -> None:
    chat.say(said)
    assert [(sku, o["weight"]) for sku, _, o in chat.lines] == [(said.split()[-1].upper() if "fudge" in said
                                                                 else "COFFEE", weight)]


def test_a_measure_in_a_yes_but_changes_and_asks_again(chat: Chat) -> None:
    chat.say("some coffee beans")
    chat.say("that's all")
    chat.say("yes but make it two pounds")
    assert chat.lines == [("COFFEE", 1, {"weight": "2lb"})]
    assert not chat.session.orders


def test_a_holder_said_of_a_product_shown_but_not_taken_adds_it(chat: Chat) -> None:
    chat.say("a luxury hamper")
    chat.say("how much is the mini hamper")
    chat.say("put it in a gift bag")
    assert sorted(chat.lines) == [("LUXURY", 1, {"theme": "classic", "wrap": "paper"}),
                                  ("MINI", 1, {"wrap": "gift_bag"})]


def test_put_it_in_my_cart_still_takes_the_product_shown(chat: Chat) -> None:
    chat.say("how much is the gift hamper")
    chat.say("put it in my cart")
    assert chat.lines == [("HAMPER", 1, {"wrap": "paper"})]


@pytest.mark.parametrize(("said", "main", "side"), [("chicken with a side salad", "chicken", "salad"),
                                                    ("the tofu with miso soup", "tofu", "soup"),
                                                    ("grilled chicken with a salad please", "chicken", "salad")])
def test_a_product_said_with_the_answer_is_the_asked_products_choice(chat: Chat, said: str, main: str,
                                                                      side: str) -> None:
    chat.say("a lunch box")
    chat.say(said)
    assert chat.lines == [("LUNCH", 1, {"main": main, "side": side})]


def test_a_product_said_with_and_after_the_answer_is_its_own(chat: Chat) -> None:
    chat.say("a lunch box")
    chat.say("chicken and a miso soup")
    assert sorted(chat.lines) == [("LUNCH", 1, {"main": "chicken", "side": "rice"}), ("SOUP", 1, {})]


@pytest.mark.parametrize("said", ["two pounds of sausages", "fudge and two pounds of sausages"])
def test_a_measure_the_product_after_it_does_not_offer_stays_a_count(chat: Chat, said: str) -> None:
    chat.say(said)
    assert ("SAUSAGE", 2, {"sold_by": "pound"}) in chat.lines


@pytest.mark.parametrize("said", ["actually no fudge make it two pounds of coffee instead",
                                  "no fudge, make it two pounds of coffee beans instead"])
def test_a_measure_before_of_is_the_next_products(chat: Chat, said: str) -> None:
    """"make it two pounds of chicken thighs instead" after "no chicken": the weight is the thighs', not the line
    swapped away."""
    chat.say("a pound of fudge and a card")
    chat.say(said)
    assert ("COFFEE", 1, {"weight": "2lb"}) in chat.lines and not any(ln[0] == "FUDGE" for ln in chat.lines), chat.lines
