"""Product aliases that are ordinary words, on a small catalog written here: "can" (a can of seltzer) is a modal
verb when a subject pronoun follows ("can we get a burrito"); "N piece" before or after a product that comes in
an "N piece" choice is that choice, not N of the product aliased "piece" ("a nine piece fish bites"); and an
alias made of one of the product's own choices and another of its names ("spicy bites", "pink lemonade") says
that choice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "size": {"code": "size", "name": "size", "default": "regular", "values": [
            {"code": "regular", "name": "regular"},
            {"code": "large", "name": "large", "price_delta": "1.00"}]},
    },
    "products": [
        {"sku": "SELTZER", "name": "can of seltzer", "aliases": ["can", "cans", "seltzer", "seltzers"],
         "price": "2.00", "options": [{"code": "flavour", "name": "flavour", "required": True, "values": [
             {"code": "lime", "name": "lime"}, {"code": "grapefruit", "name": "grapefruit"}]}]},
        {"sku": "BURRITO", "name": "burrito", "aliases": ["burritos"], "price": "9.00"},
        {"sku": "PIECE", "name": "piece of fish", "aliases": ["piece", "pieces", "fish piece"], "price": "4.00",
         "options": [{"code": "fish", "name": "fish", "default": "cod", "values": [
             {"code": "cod", "name": "cod"}, {"code": "haddock", "name": "haddock"}]}]},
        {"sku": "BITES", "name": "fish bites", "aliases": ["bites", "spicy bites"], "price": "6.00", "options": [
            {"code": "pieces", "name": "pieces", "default": "6", "values": [
                {"code": "6", "name": "6 piece", "aliases": ["six piece"]},
                {"code": "9", "name": "9 piece", "aliases": ["nine piece"], "price_delta": "3.00"}]},
            {"code": "seasoning", "name": "seasoning", "default": "plain", "values": [
                {"code": "plain", "name": "plain"},
                {"code": "cajun", "name": "cajun", "aliases": ["spicy"]}]}]},
        {"sku": "BASKET", "name": "shrimp basket", "aliases": ["basket", "baskets"], "price": "12.00", "options": [
            {"code": "pieces", "name": "pieces", "default": "10", "values": [
                {"code": "10", "name": "10 piece", "aliases": ["ten piece"]},
                {"code": "15", "name": "15 piece", "aliases": ["fifteen piece"], "price_delta": "5.00"}]}]},
        {"sku": "LEMONADE", "name": "lemonade", "aliases": ["lemonades", "pink lemonade"], "price": "3.00",
         "options": [{"code": "style", "name": "style", "default": "classic", "values": [
             {"code": "classic", "name": "classic"}, {"code": "pink", "name": "pink"}]}, "size"]},
        {"sku": "SUNDAE", "name": "hot fudge sundae", "aliases": ["sundae", "sundaes"], "price": "7.00", "options": [
            {"code": "toppings", "name": "toppings", "multiple": True, "values": [
                {"code": "fudge", "name": "hot fudge", "price_delta": "0.75"},
                {"code": "nuts", "name": "nuts", "price_delta": "0.50"}]}]},
        {"sku": "KETTLE", "name": "kettle", "aliases": ["kettles", "electric kettle", "electric kettles"],
         "price": "30.00", "stock": 0, "options": [{"code": "kind", "name": "kind", "default": "stovetop", "values": [
             {"code": "stovetop", "name": "stovetop"}, {"code": "electric", "name": "electric"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", ["can i get a burrito", "can we get a burrito", "yeah hi can we get a burrito",
                                  "could i have a burrito", "can you add a burrito", "may i have a burrito please",
                                  "can u get me a burrito", "can ya add a burrito", "could we please get a burrito",
                                  "um can i do a burrito"])
def test_a_modal_before_a_pronoun_is_no_product(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("BURRITO", 1, {})]


def test_a_modal_in_an_addition_is_no_product(chat: Chat) -> None:
    chat.say("a burrito")
    chat.say("can you add a lime seltzer to that")
    assert sorted(chat.lines) == [("BURRITO", 1, {}), ("SELTZER", 1, {"flavour": "lime"})]


@pytest.mark.parametrize(("said", "qty"), [("two cans of lime seltzer", 2), ("a can of lime seltzer", 1),
                                           ("can i get a can of lime seltzer", 1),
                                           ("could we get three cans of lime seltzer", 3)])
def test_the_can_itself_is_still_the_product(chat: Chat, said: str, qty: int) -> None:
    chat.say(said)
    assert chat.lines == [("SELTZER", qty, {"flavour": "lime"})]


@pytest.mark.parametrize(("said", "sku", "qty", "choice"), [
    ("a nine piece fish bites", "BITES", 1, "9"),
    ("uh let me get a nine piece bites and a burrito", "BITES", 1, "9"),
    ("two nine piece fish bites", "BITES", 2, "9"),
    ("a plain nine piece fish bites", "BITES", 1, "9"),
    ("a nine piece plain fish bites", "BITES", 1, "9"),
    ("a fifteen piece shrimp basket", "BASKET", 1, "15"),
    ("a shrimp basket fifteen piece", "BASKET", 1, "15"),
    ("one 15 piece basket please", "BASKET", 1, "15"),
])
def test_a_count_and_piece_is_the_named_products_choice(chat: Chat, said: str, sku: str, qty: int,
                                                        choice: str) -> None:
    chat.say(said)
    lines = [line for line in chat.lines if line[0] != "BURRITO"]
    assert [(s, q, opts["pieces"]) for s, q, opts in lines] == [(sku, qty, choice)]


def test_each_one_of_a_count_may_say_its_piece_choice(chat: Chat) -> None:
    chat.say("can i do two baskets one ten piece and one fifteen piece")
    assert sorted((s, q, o["pieces"]) for s, q, o in chat.lines) == [("BASKET", 1, "10"), ("BASKET", 1, "15")]


@pytest.mark.parametrize(("said", "qty"), [("three pieces of fish", 3), ("two pieces of haddock", 2),
                                           ("a piece of fish", 1)])
def test_pieces_of_the_piece_product_stay_counted(chat: Chat, said: str, qty: int) -> None:
    chat.say(said)
    assert [(s, q) for s, q, _ in chat.lines] == [("PIECE", qty)]


@pytest.mark.parametrize(("said", "sku", "qty", "group", "value"), [
    ("a spicy bites", "BITES", 1, "seasoning", "cajun"),
    ("two spicy bites please", "BITES", 2, "seasoning", "cajun"),
    ("a nine piece spicy bites", "BITES", 1, "seasoning", "cajun"),
    ("a pink lemonade", "LEMONADE", 1, "style", "pink"),
    ("two large pink lemonades", "LEMONADE", 2, "style", "pink"),
    ("can i get a pink lemonade", "LEMONADE", 1, "style", "pink"),
])
def test_an_alias_with_a_choice_in_it_says_the_choice(chat: Chat, said: str, sku: str, qty: int, group: str,
                                                      value: str) -> None:
    chat.say(said)
    assert [(s, q, o[group]) for s, q, o in chat.lines] == [(sku, qty, value)]


def test_the_product_without_the_choice_keeps_its_default(chat: Chat) -> None:
    chat.say("a lemonade and some bites")
    assert sorted((s, o.get("style") or o.get("seasoning")) for s, _, o in chat.lines) == [
        ("BITES", "plain"), ("LEMONADE", "classic")]


@pytest.mark.parametrize("said", ["a hot fudge sundae", "two hot fudge sundaes please"])
def test_an_add_on_in_a_name_is_not_added_again(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [o for _, _, o in chat.lines] == [{}]


@pytest.mark.parametrize("said", ["do you have electric kettles", "do you have any electric kettles left"])
def test_a_sold_out_product_named_with_its_choice_is_sold_out(chat: Chat, said: str) -> None:
    reply = chat.say(said)
    assert "sold out" in reply.text
    assert chat.lines == []
