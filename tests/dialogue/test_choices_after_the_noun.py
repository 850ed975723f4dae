"""Choices said after the product's noun, on a small soda fountain written here (issue 11, the taproom's misses):
"a tasting board with the cola and the cream soda" (words that name products, taken as the board's choices after
"with the" / "of the"), "a can of the cola" (a package word that is also a choice, before "of"), "two mugs, one cola
and one lemonade" (a count of a choice said as a noun that the items after it add up to), and "a cola and a
lemonade, minis please" (a choice in the plural after the items is every item's)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SODAS = [("cola", ["colas"]), ("ginger", ["ginger ale", "ginger ales"]), ("cream", ["cream soda", "cream sodas"]),
          ("lemonade", ["lemonades"])]

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "serve": {"code": "serve", "name": "serving", "default": "mug", "values": [
            {"code": "mug", "name": "mug", "aliases": ["mugs", "big mug"]},
            {"code": "mini", "name": "mini mug", "aliases": ["mini", "minis", "mini mugs"], "price_delta": "-1.00"},
            {"code": "can", "name": "can", "aliases": ["cans", "a can"], "price_delta": "-0.50"}]},
        "soda_choice": {"code": "soda", "name": "soda", "values": [
            {"code": code, "name": names[0] if code in ("ginger", "cream") else code,
             "aliases": [code, *names]} for code, names in _SODAS]},
    },
    "products": [
        *({"sku": code.upper(), "name": names[0] if code in ("ginger", "cream") else code, "price": "3.00",
           "aliases": [code, *names], "options": ["serve"]} for code, names in _SODAS),
        {"sku": "BOARD", "name": "tasting board", "price": "9.00", "aliases": ["board", "boards", "sampler"],
         "options": [{"use": "soda_choice", "code": "sodas", "name": "sodas", "required": True, "multiple": True}]},
        {"sku": "JUG", "name": "soda jug", "price": "12.00", "aliases": ["jug", "jugs", "flask"], "options": [
            {"use": "soda_choice", "required": True},
            {"code": "size", "name": "size", "default": "jug", "values": [
                {"code": "jug", "name": "big jug", "aliases": ["jug"]},
                {"code": "flask", "name": "flask", "aliases": ["small jug"], "price_delta": "-4.00"}]}]},
        {"sku": "PRETZEL", "name": "pretzel", "price": "6.00", "options": [
            {"code": "dips", "name": "dips", "multiple": True, "values": [
                {"code": "mustard", "name": "mustard"}, {"code": "cheese", "name": "cheese dip"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _lines(chat: Chat) -> list[tuple[str, int, dict[str, list[str]]]]:
    out = []
    for ln in chat.session.cart.lines:
        opts: dict[str, list[str]] = {}
        for o in ln.options:
            opts.setdefault(o.group, []).append(o.value)
        out.append((ln.sku, ln.quantity, {g: sorted(v) for g, v in opts.items()}))
    return out


@pytest.mark.parametrize(("said", "sodas"), [
    ("a tasting board with the cola and the cream soda", ["cola", "cream"]),
    ("a board with the lemonade the ginger ale and the cola", ["cola", "ginger", "lemonade"]),
    ("can i get a sampler with the cola, the ginger ale and the lemonade please", ["cola", "ginger", "lemonade"]),
    ("a tasting board of the ginger ale and the cream soda", ["cream", "ginger"]),
    ("one board with the cream soda and the lemonade", ["cream", "lemonade"]),
])
def test_products_listed_with_the_after_a_board_are_its_choices(chat: Chat, said: str, sodas: list[str]) -> None:
    chat.say(said)
    assert _lines(chat) == [("BOARD", 1, {"sodas": sodas})], chat.replies[-1].text


@pytest.mark.parametrize(("said", "soda"), [
    ("a jug of cola", "cola"), ("a jug of the ginger ale", "ginger"), ("one jug filled with the cream soda", "cream"),
    ("a jug with the lemonade please", "lemonade"),
])
def test_a_product_after_of_or_with_the_is_the_jugs_choice(chat: Chat, said: str, soda: str) -> None:
    chat.say(said)
    assert _lines(chat) == [("JUG", 1, {"soda": [soda], "size": ["jug"]})], chat.replies[-1].text


@pytest.mark.parametrize("said", ["a flask of the cola", "a flask of cola please"])
def test_a_product_named_by_its_own_choice_is_made_so(chat: Chat, said: str) -> None:
    chat.say(said)
    assert _lines(chat) == [("JUG", 1, {"soda": ["cola"], "size": ["flask"]})], chat.replies[-1].text


def test_a_second_value_of_a_one_choice_group_is_an_item_of_its_own(chat: Chat) -> None:
    chat.say("a jug of the cola and the lemonade")
    assert sorted(_lines(chat), key=str) == [("JUG", 1, {"soda": ["cola"], "size": ["jug"]}),
                                    ("LEMONADE", 1, {"serve": ["mug"]})], chat.replies[-1].text


def test_what_follows_the_listed_choices_is_not_lost(chat: Chat) -> None:
    chat.say("a board with the cola the cream soda and the lemonade a pretzel with mustard and two ginger ales")
    assert sorted(_lines(chat), key=str) == [("BOARD", 1, {"sodas": ["cola", "cream", "lemonade"]}),
                                    ("GINGER", 2, {"serve": ["mug"]}),
                                    ("PRETZEL", 1, {"dips": ["mustard"]})], chat.replies[-1].text


def test_two_boards_one_with_and_the_other_with(chat: Chat) -> None:
    chat.say("two boards one with the cola and the lemonade and the other with the ginger ale and the cream soda")
    assert sorted(_lines(chat), key=str) == [("BOARD", 1, {"sodas": ["cola", "lemonade"]}),
                                    ("BOARD", 1, {"sodas": ["cream", "ginger"]})], chat.replies[-1].text


@pytest.mark.parametrize(("said", "sku"), [
    ("a can of the cola", "COLA"), ("a can of lemonade", "LEMONADE"), ("one can of the cream soda please", "CREAM"),
])
def test_a_can_of_a_product_is_its_can_choice(chat: Chat, said: str, sku: str) -> None:
    chat.say(said)
    assert _lines(chat) == [(sku, 1, {"serve": ["can"]})], chat.replies[-1].text


@pytest.mark.parametrize(("said", "serve"), [
    ("two mugs one cola and one lemonade", "mug"), ("two minis one cola and one lemonade", "mini"),
    ("two cans, one cola and one lemonade please", "can"),
])
def test_a_count_of_a_choice_said_as_a_noun_sums_up_the_items_after_it(chat: Chat, said: str, serve: str) -> None:
    chat.say(said)
    assert sorted(_lines(chat), key=str) == [("COLA", 1, {"serve": [serve]}), ("LEMONADE", 1, {"serve": [serve]})], \
        chat.replies[-1].text


@pytest.mark.parametrize("said", [
    "a cola and a lemonade, minis please", "a cola and a lemonade minis please",
    "a cola, a ginger ale and a lemonade. minis", "a cola and a lemonade, make them minis",
])
def test_a_choice_in_the_plural_after_the_items_is_every_items(chat: Chat, said: str) -> None:
    chat.say(said)
    assert all(opts == {"serve": ["mini"]} for _, _, opts in _lines(chat)) and len(_lines(chat)) >= 2, \
        chat.replies[-1].text


def test_a_choice_in_the_singular_after_the_items_stays_with_the_last(chat: Chat) -> None:
    chat.say("a cola and a lemonade, mini please")
    assert sorted(_lines(chat), key=str) == [("COLA", 1, {"serve": ["mug"]}), ("LEMONADE", 1, {"serve": ["mini"]})], \
        chat.replies[-1].text


def test_an_item_after_with_the_that_the_product_does_not_offer_stays_an_item(chat: Chat) -> None:
    chat.say("a jug with the cola and the pretzel")
    assert sorted(sku for sku, _, _ in _lines(chat)) == ["JUG", "PRETZEL"], chat.replies[-1].text
