"""An article before a round number ("a hundred", "a thousand") said as a choice of a product the sentence names
("a hundred foot roll of fourteen two", "a hundred count advil"): the article is the count (one roll) and the number
with the words after it is the choice ("100 foot"), as in "a 100 foot roll"; the number stays the count when the
product named does not offer that choice ("a hundred feet of thhn" sold by the foot, even though the cable comes in
"100 feet" rolls), or when no product is named at all.

A measure said of a product one piece of which is a measure its catalog prints ("10 foot stick", "5 lb bag"):
"forty feet of conduit" of 10 foot sticks is four sticks, when the measure divides evenly; a product sold by that unit
("by the foot") or offering that measure as a choice ("100 gram" tin) keeps the count as said, and so does a measure
that does not divide ("thirty five feet").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "CABLE", "name": "sheathed cable", "price": "20.00", "category": "wire", "aliases": ["house wire"],
         "description": "sold by the roll", "options": [
             {"code": "gauge", "name": "gauge", "required": True, "values": [
                 {"code": "14_2", "name": "14/2", "aliases": ["14 2", "fourteen two"]},
                 {"code": "12_2", "name": "12/2", "aliases": ["12 2", "twelve two"], "price_delta": "9.00"}]},
             {"code": "length", "name": "roll", "required": True, "values": [
                 {"code": "50ft", "name": "50 foot roll", "aliases": ["50 foot", "50 feet"]},
                 {"code": "100ft", "name": "100 foot roll", "aliases": ["100 foot", "100 feet"],
                  "price_delta": "40.00"},
                 {"code": "1000ft", "name": "1000 foot reel", "aliases": ["1000 foot", "1000 feet"],
                  "price_delta": "300.00"}]}]},
        {"sku": "LOOSE", "name": "loose wire", "price": "0.20", "category": "wire", "tags": ["by the foot"],
         "options": [{"code": "colour", "name": "colour", "required": True, "values": [
             {"code": "red", "name": "red"}, {"code": "black", "name": "black"}]}]},
        {"sku": "PIPE", "name": "steel conduit", "price": "6.00", "category": "conduit",
         "description": "steel conduit, 10 foot stick", "options": [
             {"code": "size", "name": "size", "required": True, "values": [
                 {"code": "1_2", "name": "1/2 inch", "aliases": ["half inch"]},
                 {"code": "3_4", "name": "3/4 inch", "aliases": ["three quarter inch"], "price_delta": "4.00"}]}]},
        {"sku": "SUGAR", "name": "cane sugar", "price": "4.00", "category": "baking", "tags": ["5 lb bag"]},
        {"sku": "TEA", "name": "green tea", "price": "9.00", "category": "tea", "description": "50 gram tin",
         "options": [{"code": "size", "name": "size", "default": "50g", "values": [
             {"code": "50g", "name": "50 gram"}, {"code": "100g", "name": "100 gram", "price_delta": "8.00"}]}]},
        {"sku": "PILLS", "name": "pain reliever", "price": "8.00", "category": "medicine", "options": [
            {"code": "count", "name": "count", "default": "50ct", "values": [
                {"code": "50ct", "name": "50 count"},
                {"code": "100ct", "name": "100 count", "aliases": ["100 tablets"], "price_delta": "5.00"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "line"), [
    ("a hundred foot roll of fourteen two", ("CABLE", 1, {"gauge": "14_2", "length": "100ft"})),
    ("a hundred foot roll of twelve two house wire", ("CABLE", 1, {"gauge": "12_2", "length": "100ft"})),
    ("i need a hundred feet of fourteen two", ("CABLE", 1, {"gauge": "14_2", "length": "100ft"})),
    ("a thousand foot reel of sheathed cable in twelve two", ("CABLE", 1, {"gauge": "12_2", "length": "1000ft"})),
    ("a hundred count pain reliever", ("PILLS", 1, {"count": "100ct"})),
    ("can i get a hundred tablets of the pain reliever", ("PILLS", 1, {"count": "100ct"})),
])
def test_an_article_before_a_round_number_choice_is_the_count(chat: Chat, said: str,
                                                              line: tuple[str, int, dict[str, str]]) -> None:
    chat.say(said)
    assert chat.lines == [line]


@pytest.mark.parametrize("said", ["a hundred feet of red loose wire", "give me a hundred feet of black loose wire"])
def test_a_round_number_stays_the_count_of_a_product_without_that_choice(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("LOOSE", 100)]


def test_a_choice_and_a_count_in_one_list(chat: Chat) -> None:
    chat.say("a hundred foot roll of fourteen two and a hundred feet of red loose wire")
    assert chat.lines == [("CABLE", 1, {"gauge": "14_2", "length": "100ft"}), ("LOOSE", 100, {"colour": "red"})]


def test_a_hundred_of_a_product_named_by_a_word_of_another_name_is_a_count(chat: Chat) -> None:
    chat.say("a hundred feet of red wire")  # "wire" is a word of "house wire" too, no name of the cable said whole
    assert all(sku != "CABLE" for sku, _, _ in chat.lines)


@pytest.fixture
def counter(shop: Callable[[str], Chat]) -> Chat:
    return shop("electrical")


def test_a_roll_said_by_its_footage_on_the_corpus_counter(counter: Chat) -> None:
    counter.say("a hundred foot roll of fourteen two")
    assert counter.lines == [("NM-CABLE", 1, {"gauge": "14_2", "length": "100ft"})]
    counter.say("and a hundred feet of red ten gauge thhn")
    assert counter.lines[-1] == ("THHN", 100, {"gauge": "10", "colour": "red"})


@pytest.mark.parametrize(("said", "line"), [
    ("forty feet of half inch steel conduit", ("PIPE", 4, {"size": "1_2"})),
    ("i need sixty feet of the three quarter inch steel conduit", ("PIPE", 6, {"size": "3_4"})),
    ("twenty pounds of cane sugar", ("SUGAR", 4, {})),
    ("could i get fifteen pounds of the cane sugar", ("SUGAR", 3, {})),
])
def test_a_measure_of_pieces_of_a_printed_measure_is_so_many_pieces(chat: Chat, said: str,
                                                                    line: tuple[str, int, dict[str, str]]) -> None:
    chat.say(said)
    assert chat.lines == [line]


@pytest.mark.parametrize(("said", "line"), [
    ("ten sticks of half inch steel conduit", ("PIPE", 10, {"size": "1_2"})),
    ("a hundred grams of green tea", ("TEA", 1, {"size": "100g"})),
    ("thirty feet of red loose wire", ("LOOSE", 30, {"colour": "red"})),
])
def test_pieces_choices_and_goods_by_the_unit_keep_their_count(chat: Chat, said: str,
                                                               line: tuple[str, int, dict[str, str]]) -> None:
    chat.say(said)
    assert chat.lines == [line]


def test_conduit_by_the_foot_on_the_corpus_counter(counter: Chat) -> None:
    counter.say("forty feet of half inch emt")
    assert counter.lines == [("EMT", 4, {"size": "1_2"})]
