"""Numbers that belong to a name, a value or a measure, not to the count, on a small catalog written here: a
spoken fraction inside a value's name ("inch and a half nails"), a zero inside a value's name ("a cola zero"), a
round number running into a measure the catalog has ("four hundred watt lamps": four of the 100 watt), and a count
of copies said before "of a" ("two copies of a door key": two keys)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "NAILS", "name": "common nails", "aliases": ["nails", "nail"], "price": "6.00",
         "options": [{"code": "length", "name": "length", "required": True, "values": [
             {"code": "1in", "name": "1 inch", "aliases": ["one inch", "an inch"]},
             {"code": "1_1_2in", "name": "1 1/2 inch", "aliases": ["inch and a half", "one and a half inch"]},
             {"code": "2_1_4in", "name": "2 1/4 inch", "aliases": ["two and a quarter inch", "two and a quarter"]},
             {"code": "3in", "name": "3 inch", "aliases": ["three inch"]}]}]},
        {"sku": "LAMP", "name": "lamp", "aliases": ["lamps", "bulb", "bulbs"], "price": "3.00",
         "options": [{"code": "power", "name": "power", "default": "40", "values": [
             {"code": "40", "name": "40 watt", "aliases": ["forty watt"]},
             {"code": "100", "name": "100 watt", "aliases": ["one hundred watt", "hundred watt"]}]}]},
        {"sku": "COLA", "name": "cola", "price": "2.00",
         "options": [{"code": "kind", "name": "kind", "default": "classic", "values": [
             {"code": "classic", "name": "classic"},
             {"code": "zero", "name": "zero", "aliases": ["zero sugar"]}]},
             {"code": "size", "name": "size", "default": "can", "values": [
                 {"code": "can", "name": "can"}, {"code": "bottle", "name": "bottle"}]}]},
        {"sku": "KEY", "name": "door key", "aliases": ["key", "keys", "spare key"], "price": "4.00"},
        {"sku": "GLOVES", "name": "work gloves", "aliases": ["gloves"], "price": "8.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "qty", "length"), [
    ("two boxes of inch and a half nails", 2, "1_1_2in"),
    ("three boxes of one and a half inch nails", 3, "1_1_2in"),
    ("a box of inch and a half common nails", 1, "1_1_2in"),
    ("four two and a quarter inch nails", 4, "2_1_4in"),
    ("a dozen boxes of inch and a half nails", 12, "1_1_2in"),
])
def test_a_fraction_in_a_value_is_no_count(chat: Chat, said: str, qty: int, length: str) -> None:
    chat.say(said)
    assert chat.lines == [("NAILS", qty, {"length": length})]


@pytest.mark.parametrize("said", ["two and a half boxes of nails", "two and a half nails please", "half a door key"])
def test_a_fraction_that_is_a_count_is_still_asked(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == []


@pytest.mark.parametrize("said", ["a cola zero and a pair of work gloves", "one bottle of cola zero and gloves",
                                  "a cola zero sugar and some gloves"])
def test_a_zero_in_a_value_is_no_count(chat: Chat, said: str) -> None:
    chat.say(said)
    assert sorted(sku for sku, _, _ in chat.lines) == ["COLA", "GLOVES"]
    assert next(opts for sku, _, opts in chat.lines if sku == "COLA")["kind"] == "zero"


def test_a_zero_count_is_still_refused(chat: Chat) -> None:
    chat.say("zero colas")
    assert chat.lines == []


@pytest.mark.parametrize(("said", "qty"), [
    ("four hundred watt lamps", 4), ("two hundred watt bulbs please", 2), ("three hundred watt lamps", 3),
])
def test_a_round_number_running_into_a_measure_is_a_count_of_it(chat: Chat, said: str, qty: int) -> None:
    chat.say(said)
    assert chat.lines == [("LAMP", qty, {"power": "100"})]


@pytest.mark.parametrize(("said", "qty", "power"), [
    ("four 40 watt lamps", 4, "40"), ("a hundred watt bulb", 1, "100"), ("two 100 watt bulbs", 2, "100"),
])
def test_a_count_before_a_measure_stays_the_count(chat: Chat, said: str, qty: int, power: str) -> None:
    chat.say(said)
    assert chat.lines == [("LAMP", qty, {"power": power})]


@pytest.mark.parametrize(("said", "qty"), [
    ("can you cut me two copies of a door key", 2), ("three duplicates of a key please", 3),
    ("i need 2 copies of a spare key", 2), ("a copy of a door key", 1),
])
def test_copies_of_a_thing_count_it(chat: Chat, said: str, qty: int) -> None:
    chat.say(said)
    assert chat.lines == [("KEY", qty, {})]
