"""Sizes, measures and dates a catalog prints in a choice's name, said as shoppers say them: "size eight" and "US
one" for "US 8 - 5 mm" and "US 1 - 2.25 mm", "six and a half millimetre", "two and a quarter mil"; "a pair of" a
product sold as a pair is one; a product said again with its own article is another of it; a date said "may
twenty third", "on the ninth", "the thursday one", with "two seats in" counting the places; a choice named by what
is done to the goods asked for with its verb ("can you wind them"); a package word ("skeins") said after a count.
A craft shop written here (no word of it in the engine), and the corpus's yarn shop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dialogue.codes import spoken_codes
from dialogue.dates import spoken_dates
from dialogue.service_verbs import verb_forms
from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_SIZES = [
    {"code": "us1", "name": "US 1 - 2.25 mm"}, {"code": "us6", "name": "US 6 - 4 mm"},
    {"code": "us7", "name": "US 7 - 4.5 mm"}, {"code": "us8", "name": "US 8 - 5 mm"},
    {"code": "us10_5", "name": "US 10.5 - 6.5 mm"},
]
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "PAIR", "name": "straight needles", "price": "11.00", "description": "bamboo, sold as a pair",
         "options": [
             {"code": "size", "name": "needle size", "required": True, "aliases": ["size"], "values": _SIZES},
             {"code": "length", "name": "length", "default": "10in", "values": [
                 {"code": "10in", "name": "10 inch"}, {"code": "14in", "name": "14 inch"}]}]},
        {"sku": "CIRC", "name": "circular needle", "price": "12.50", "options": [
            {"code": "size", "name": "needle size", "required": True, "aliases": ["size"], "values": _SIZES},
            {"code": "cable", "name": "cable length", "required": True, "values": [
                {"code": "16in", "name": "16 inch"}, {"code": "24in", "name": "24 inch"}]}]},
        {"sku": "WORKSHOP", "name": "pottery workshop", "price": "45.00", "options": [
            {"code": "date", "name": "date", "required": True, "values": [
                {"code": "may9", "name": "Saturday May 9, 10 am"},
                {"code": "may14", "name": "Thursday May 14, 6 pm"},
                {"code": "may23", "name": "Saturday May 23, 10 am"}]}]},
        {"sku": "WOOL", "name": "highland wool", "price": "9.00", "description": "worsted wool, 100 g skeins",
         "options": [
             {"code": "colour", "name": "colour", "required": True, "values": [
                 {"code": "red", "name": "red"}, {"code": "blue", "name": "blue"}]},
             {"code": "service", "name": "add-ons", "multiple": True, "values": [
                 {"code": "winding", "name": "winding", "price_delta": "1.00"}]}]},
        {"sku": "MINIS", "name": "mini skein bundle", "price": "30.00", "aliases": ["mini skeins"]},
        {"sku": "COUNTER", "name": "row counter", "price": "4.50"},
        {"sku": "TOMATO", "name": "tomatoes", "price": "3.00", "options": [
            {"code": "variety", "name": "variety", "required": True, "values": [
                {"code": "slicing", "name": "slicing"}, {"code": "cherry", "name": "cherry"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.fixture
def yarn(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("yarnshop"))


# --- the spoken forms, as the lexicon gets them ---

def test_a_size_printed_with_its_system_is_said_with_the_group_word() -> None:
    said = spoken_codes(["US 8 - 5 mm"], ["needle size", "size"])
    assert ("size", "8") in said and ("us", "size", "8") in said
    assert ("needle", "8") not in said  # (only a one-word name of the group stands for the capitals)


def test_a_one_in_a_code_is_said_as_the_word() -> None:
    assert ("us", "one") in spoken_codes(["US 1 - 2.25 mm"], ["size"])


def test_quarters_written_as_decimals_are_said_as_fractions() -> None:
    said = spoken_codes(["3.75 mm"], ["size"])
    assert ("3", "and", "3", "quarters", "millimetre") in said
    assert ("3", "and", "3", "quarter", "mil") in said
    assert ("2", "and", "a", "quarter", "mm") in spoken_codes(["2.25 mm"], ["size"])


def test_dates_are_said_with_ordinals_and_weekdays() -> None:
    said = spoken_dates(["Saturday March 21, 10 am"])
    assert {("march", "20", "first"), ("the", "21", "st", "of", "march"), ("on", "the", "20", "first"),
            ("saturday", "the", "20", "first"), ("saturday",)} <= said
    assert ("the", "first") not in spoken_dates(["March 1"])  # "the first" stays a line
    assert not spoken_dates(["large 18 inch"])


def test_a_choice_in_ing_is_asked_with_its_verb() -> None:
    assert {("wind", "them"), ("hem", "it"), ("slice", "it")} <= verb_forms(["winding"]) | verb_forms(
        ["hemming"]) | verb_forms(["slicing"])
    assert not verb_forms(["red"]) and not verb_forms(["no toasting"]) and not verb_forms(["big slicing"])


# --- sizes said as measures ---

@pytest.mark.parametrize("said, size", [
    ("a pair of size eight straight needles", "us8"),
    ("straight needles in US size eight", "us8"),
    ("a pair of US one straight needles", "us1"),
    ("a pair of six and a half millimetre straight needles", "us10_5"),
    ("straight needles size ten and a half", "us10_5"),
    ("a pair of two and a quarter mil straight needles", "us1"),
    ("straight needles four and a half millimetres", "us7"),
    ("a pair of five mil straight needles", "us8"),
])
def test_a_size_said_as_a_measure_or_with_the_group_word(chat: Chat, said: str, size: str) -> None:
    chat.say(said)
    assert [(s, q, o["size"]) for s, q, o in chat.lines] == [("PAIR", 1, size)]


def test_two_pairs_of_a_product_sold_as_a_pair_are_two(chat: Chat) -> None:
    chat.say("two pairs of size six straight needles")
    assert [(s, q) for s, q, _ in chat.lines] == [("PAIR", 2)]


def test_a_pair_of_a_product_not_sold_as_a_pair_is_two(chat: Chat) -> None:
    chat.say("a pair of row counters")
    assert [(s, q) for s, q, _ in chat.lines] == [("COUNTER", 2)]


def test_one_product_said_again_with_its_article_is_another(chat: Chat) -> None:
    chat.say("a sixteen inch US seven circular a twenty four inch US six circular and a row counter")
    assert sorted((s, q, o.get("size"), o.get("cable")) for s, q, o in chat.lines) == [
        ("CIRC", 1, "us6", "24in"), ("CIRC", 1, "us7", "16in"), ("COUNTER", 1, None, None)]


def test_yarn_shop_sizes(yarn: Chat) -> None:
    yarn.say("a twenty four inch circular size eight and a pack of the locking stitch markers")
    assert sorted((s, q, o.get("size"), o.get("cable")) for s, q, o in yarn.lines) == [
        ("CIRCULAR", 1, "us8", "24in"), ("MARKERS", 1, None, None)]


# --- dates of a class ---

@pytest.mark.parametrize("said, count, date", [
    ("one spot in the pottery workshop on may twenty third", 1, "may23"),
    ("two seats for the pottery workshop the thursday one", 2, "may14"),
    ("the pottery workshop on the ninth please", 1, "may9"),
    ("three places in the pottery workshop saturday the twenty third", 3, "may23"),
    ("the pottery workshop on the 9th of may", 1, "may9"),
])
def test_a_date_said_aloud_picks_the_session(chat: Chat, said: str, count: int, date: str) -> None:
    chat.say(said)
    assert [(s, q, o["date"]) for s, q, o in chat.lines] == [("WORKSHOP", count, date)]


def test_a_weekday_two_sessions_share_is_asked(chat: Chat) -> None:
    reply = chat.say("the pottery workshop on saturday")
    assert chat.lines == []
    assert "May 9" in reply.text and "May 23" in reply.text


# --- a service asked with its verb; a package word after a count ---

def test_can_you_wind_them(chat: Chat) -> None:
    chat.say("two highland wool in red and can you wind them please")
    assert [(s, q, o.get("service")) for s, q, o in chat.lines] == [("WOOL", 2, "winding")]


def test_skeins_said_after_a_count_count_the_yarn(chat: Chat) -> None:
    chat.say("highland wool blue three skeins")
    assert [(s, q, o["colour"]) for s, q, o in chat.lines] == [("WOOL", 3, "blue")]


def test_skeins_of_a_choice_are_no_mini_skeins(chat: Chat) -> None:
    chat.say("three skeins of the highland wool in red")
    assert [(s, q, o["colour"]) for s, q, o in chat.lines] == [("WOOL", 3, "red")]


def test_mini_skeins_by_their_name_still_are(chat: Chat) -> None:
    chat.say("two mini skeins")
    assert [(s, q) for s, q, _ in chat.lines] == [("MINIS", 2)]


def test_a_kind_in_ing_is_no_service_asked_with_its_verb(chat: Chat) -> None:
    chat.say("a highland wool in blue")
    chat.say("can you slice it")
    assert [s for s, _, _ in chat.lines] == ["WOOL"]  # no "slicing" tomatoes

