"""Numbers that are part of a name or a choice, not counts: a number that is by itself the name of a choice of the
product said with it ("two 564 ink cartridges", "902 ink cartridges"), a choice named by numbers around a slash
("house blend 80/20": no fraction), a number and a plural unit ("two liters of cola": two of the "1 liter", not
one "2 liter bottle"), and an answer naming two values of the choice just asked, each with its own
article or count ("a medium and a large"): a line each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "INK", "name": "ink cartridge", "price": "24.00", "aliases": ["ink cartridges", "ink"], "options": [
            {"code": "model", "name": "model", "required": True, "default": None, "values": [
                {"code": "564", "name": "564"},
                {"code": "902", "name": "902"},
                {"code": "61", "name": "61"}, {"code": "xl30", "name": "xl 30"}]},
            {"code": "colour", "name": "colour", "default": "black", "values": [
                {"code": "black", "name": "black"}, {"code": "tri", "name": "tri colour", "aliases": ["colour"]}]}]},
        {"sku": "BLEND", "name": "house blend", "price": "14.00", "aliases": ["house blends"], "options": [
            {"code": "blend", "name": "blend", "default": "full", "values": [
                {"code": "full", "name": "all arabica", "aliases": ["arabica"]},
                {"code": "8020", "name": "80/20 arabica robusta", "aliases": ["80/20", "80 20", "eighty twenty"]}]}]},
        {"sku": "COLA", "name": "cola", "price": "2.00", "aliases": ["colas"], "options": [
            {"code": "size", "name": "size", "default": "liter", "values": [
                {"code": "liter", "name": "1 liter", "aliases": ["liter", "one liter", "1 liter"]},
                {"code": "2l", "name": "2 liter bottle", "aliases": ["2 liter", "two liter"], "price_delta": "1.00"}]}]},
        {"sku": "GLOVES", "name": "garden gloves", "price": "9.00", "aliases": ["gloves"], "options": [
            {"code": "size", "name": "size", "required": True, "default": None, "values": [
                {"code": "s", "name": "small"}, {"code": "m", "name": "medium"}, {"code": "l", "name": "large"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def test_number_named_choice_after_a_count(chat: Chat) -> None:
    chat.say("two 564 ink cartridges")
    assert chat.lines == [("INK", 2, {"model": "564", "colour": "black"})]


def test_number_named_choice_beyond_any_count(chat: Chat) -> None:
    chat.say("902 ink cartridges tri colour")
    assert chat.lines == [("INK", 1, {"model": "902", "colour": "tri"})]


def test_small_number_alone_stays_a_count(chat: Chat) -> None:
    chat.say("forty ink cartridges")
    assert chat.lines == []  # forty of them, the model still asked
    chat.say("the 564")
    assert chat.lines == [("INK", 40, {"model": "564", "colour": "black"})]


def test_choice_named_by_numbers_around_a_slash(chat: Chat) -> None:
    chat.say("two house blends 80/20")
    assert chat.lines == [("BLEND", 2, {"blend": "8020"})]


def test_a_fraction_is_still_a_fraction(chat: Chat) -> None:
    chat.say("1/2 a house blend")
    assert chat.lines == []


@pytest.mark.parametrize("said", ["two liters of cola", "2 liters of cola"])
def test_number_and_plural_unit_counts_the_unit_choice(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("COLA", 2, {"size": "liter"})]


def test_number_and_plural_unit_without_such_a_choice_counts_the_unit(chat: Chat) -> None:
    chat.say("three liters of cola")
    assert chat.lines == [("COLA", 3, {"size": "liter"})]


@pytest.mark.parametrize("said, expected", [
    ("a 2 liter cola", ("COLA", 1, {"size": "2l"})),
    ("two 2 liter colas", ("COLA", 2, {"size": "2l"})),
])
def test_choice_named_with_its_unit_stays_the_choice(chat: Chat, said: str, expected: tuple[object, ...]) -> None:
    chat.say(said)
    assert chat.lines == [expected]


def test_two_answers_to_one_choice_are_two_lines(chat: Chat) -> None:
    chat.say("i need gloves")
    chat.say("a medium and a large")
    assert sorted(chat.lines, key=str) == sorted([("GLOVES", 1, {"size": "m"}), ("GLOVES", 1, {"size": "l"})], key=str)


def test_one_answer_is_one_line(chat: Chat) -> None:
    chat.say("i need gloves")
    chat.say("a large")
    assert chat.lines == [("GLOVES", 1, {"size": "l"})]


def test_bulb_numbers_on_the_auto_parts_counter(tmp_path: Path) -> None:
    for chat in chat_of(tmp_path, corpus_catalog("autoparts")):
        chat.say("two 9006 headlight bulbs")
        assert [(sku, n, opts["bulb"]) for sku, n, opts in chat.lines] == [("HEADLIGHT-BULB", 2, "9006")]


@pytest.mark.parametrize("said", ["three each of small and large gloves", "three each of the small and large gloves"])
def test_a_count_each_of_two_values(chat: Chat, said: str) -> None:
    chat.say(said)
    assert sorted(chat.lines, key=str) == sorted([("GLOVES", 3, {"size": "s"}), ("GLOVES", 3, {"size": "l"})], key=str)


def test_each_of_one_value_is_one_line(chat: Chat) -> None:
    chat.say("three each of large gloves")
    assert chat.lines == [("GLOVES", 3, {"size": "l"})]


def test_weight_named_in_the_plural_stays_that_weight(tmp_path: Path) -> None:
    for chat in chat_of(tmp_path, corpus_catalog("fishmonger")):
        chat.say("three pounds of mussels")
        assert [(sku, n, opts["weight"]) for sku, n, opts in chat.lines] == [("MUSSELS", 1, "3lb")]


@pytest.mark.parametrize(("shop", "said", "want"), [
    ("creamery", "a waffle cone with two scoops of salted caramel", {"scoops": "double"}),
    ("roaster", "two pounds of the colombian ground for drip", {"size": "2lb"}),
])
def test_a_choice_named_as_said_is_not_a_count(tmp_path: Path, shop: str, said: str, want: dict[str, str]) -> None:
    """"two scoops of", "two pounds of": the shop names a choice so; one line of that choice, not two of one."""
    for chat in chat_of(tmp_path, corpus_catalog(shop)):
        chat.say(said)
        ((_, qty, options),) = chat.lines
        assert qty == 1 and want.items() <= options.items(), chat.replies[-1].text
