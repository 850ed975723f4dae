"""Everyday multi-turn repairs: a count with the product and a correcting word said last ("two pickles actually")
is the line's new count, as "actually two pickles" is, not that many more; a what-if price question about a choice
the line already has ("how much extra is the maple") says what the choice adds and offers nothing, so a "keep it"
after it adds no second line. A catalog written here (a small diner)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "PANCAKES", "name": "buttermilk pancakes", "aliases": ["pancakes"], "price": "9.00", "stock": 50,
         "options": [
             {"code": "stack", "name": "stack", "default": "full", "values": [
                 {"code": "short", "name": "short stack", "price_delta": "-1.50"},
                 {"code": "full", "name": "full stack"}]},
             {"code": "syrup", "name": "syrup", "default": "regular", "values": [
                 {"code": "regular", "name": "regular syrup"},
                 {"code": "maple", "name": "real maple syrup", "aliases": ["maple"], "price_delta": "2.00"}]}]},
        {"sku": "PICKLE", "name": "pickle", "price": "1.25", "stock": 50},
        {"sku": "SOUP", "name": "miso soup", "price": "3.00", "stock": 50},
        {"sku": "COFFEE", "name": "coffee", "price": "2.00", "stock": 50},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("turn", "n"), [
    ("two pickles actually", 2),
    ("three pickles actually", 3),
    ("um two pickles instead", 2),
    ("two pickles rather", 2),
    ("actually two pickles", 2),
])
def test_a_count_with_a_correction_said_last_is_the_new_count(chat: Chat, turn: str, n: int) -> None:
    chat.say("a coffee")
    chat.say("and a pickle")
    reply = chat.say(turn)
    assert chat.counts == {"COFFEE": 1, "PICKLE": n}, reply.text


def test_the_correction_said_last_recounts_the_named_line_not_the_one_in_focus(chat: Chat) -> None:
    chat.say("a miso soup")
    chat.say("and a coffee")
    reply = chat.say("two miso soups actually")
    assert chat.counts == {"SOUP": 2, "COFFEE": 1}, reply.text


def test_a_count_with_no_correction_word_still_adds(chat: Chat) -> None:
    chat.say("a pickle")
    chat.say("and two pickles")
    assert chat.counts == {"PICKLE": 3}


@pytest.mark.parametrize("question", [
    "how much extra is the maple",
    "how much more is the maple syrup",
    "how much extra is the real maple syrup",
])
@pytest.mark.parametrize("keep", ["ok fine keep it", "ok keep it", "fine leave it as it is"])
def test_asking_what_a_choice_on_the_line_adds_offers_nothing(chat: Chat, question: str, keep: str) -> None:
    chat.say("a short stack of pancakes")
    chat.say("with the real maple syrup")
    assert chat.lines == [("PANCAKES", 1, {"stack": "short", "syrup": "maple"})]
    reply = chat.say(question)
    assert "two dollars more" in reply.text.lower(), reply.text
    assert "would you like" not in reply.text.lower(), reply.text
    reply = chat.say(keep)
    assert chat.lines == [("PANCAKES", 1, {"stack": "short", "syrup": "maple"})], reply.text


# A roll shop: "brown rice" names both a side of rice (made with brown rice) and the rolls' rice.
_RICE = {"code": "rice", "name": "rice", "default": "white", "values": [
    {"code": "white", "name": "white rice"}, {"code": "brown", "name": "brown rice", "price_delta": "1.00"}]}
_ROLLS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {"rice": _RICE},
    "products": [
        {"sku": "CALI", "name": "california roll", "aliases": ["california"], "price": "7.00", "stock": 50,
         "options": ["rice"]},
        {"sku": "TUNA", "name": "spicy tuna roll", "aliases": ["spicy tuna"], "price": "8.00", "stock": 50,
         "options": ["rice"]},
        {"sku": "SIDE-RICE", "name": "side of rice", "price": "3.00", "stock": 50, "options": ["rice"]},
        {"sku": "SOUP", "name": "miso soup", "price": "3.00", "stock": 50},
    ],
}


@pytest.fixture
def rolls(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _ROLLS)


@pytest.mark.parametrize(("turn", "changed"), [
    ("brown rice on the spicy tuna", "TUNA"),
    ("brown rice on the spicy tuna roll please", "TUNA"),
    ("um brown rice on the california", "CALI"),
    ("brown rice for the california roll", "CALI"),
])
def test_a_choice_said_onto_a_named_line_is_that_lines_choice(rolls: Chat, turn: str, changed: str) -> None:
    rolls.say("a california roll and a spicy tuna roll")
    reply = rolls.say(turn)
    assert sorted(rolls.lines) == sorted([(sku, 1, {"rice": "brown" if sku == changed else "white"})
                                          for sku in ("CALI", "TUNA")]), reply.text


def test_a_side_said_with_its_own_name_is_still_a_side(rolls: Chat) -> None:
    rolls.say("a california roll")
    rolls.say("and a side of brown rice")
    assert rolls.lines == [("CALI", 1, {"rice": "white"}), ("SIDE-RICE", 1, {"rice": "brown"})]


_EXTRAS = {"code": "extras", "name": "extras", "multiple": True, "values": [
    {"code": "eel_sauce", "name": "eel sauce", "price_delta": "0.50"},
    {"code": "spicy_mayo", "name": "spicy mayo", "price_delta": "0.50"}]}
_SAUCED = {**_ROLLS, "option_sets": {"rice": _RICE, "extras": _EXTRAS}, "products": [
    {**p, "options": ["rice", "extras"]} if p["sku"] in ("CALI", "TUNA") else p for p in _ROLLS["products"]]}


@pytest.fixture
def sauced(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SAUCED)


@pytest.mark.parametrize("turn", [
    "also one more california roll just plain",
    "one more plain california roll",
    "and another california roll plain",
    "another california roll just plain please",
])
def test_one_more_said_plain_has_none_of_the_add_ons(sauced: Chat, turn: str) -> None:
    sauced.say("a brown rice california roll")
    sauced.say("and add eel sauce to it")
    assert sauced.lines == [("CALI", 1, {"rice": "brown", "extras": "eel_sauce"})]
    reply = sauced.say(turn)
    assert sauced.lines == [("CALI", 1, {"rice": "brown", "extras": "eel_sauce"}), ("CALI", 1, {"rice": "brown"})], \
        reply.text


def test_one_more_not_said_plain_is_made_the_same(sauced: Chat) -> None:
    sauced.say("a california roll with eel sauce")
    sauced.say("another california roll")
    assert sauced.lines == [("CALI", 2, {"rice": "white", "extras": "eel_sauce"})]
