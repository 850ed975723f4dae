"""Words of a shop's service said around a product's name. A group's name followed by words that, with its last
words, make one of that group's values ("ground for drip", "cut for a teapot") is that value, not a product that
shares the words (the "drip" coffee, the "teapot" sold beside the tea). A service said as a verb before a product that is also one of the service's own
values ("hem a dress", "engrave a teapot") is the service on that value, not a second line. A number opening a product's name says its
make ("two piece suit"), not a pack: "two suits" are two suits, while "socks 3 pack" still comes in packs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_TEA = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "EARL", "name": "earl grey", "price": "12.00", "options": [
            {"code": "cut", "name": "cut", "aliases": ["cut for", "packed for"], "default": "loose", "values": [
                {"code": "loose", "name": "loose leaf", "aliases": ["for a teapot", "for the teapot", "for teapot"]},
                {"code": "bags", "name": "tea bags", "aliases": ["for a mug", "for mugs", "bagged"]}]}]},
        {"sku": "POT", "name": "teapot", "price": "30.00", "aliases": ["tea pot"]},
        {"sku": "MUG", "name": "mug", "price": "9.00", "aliases": ["mugs"]},
        {"sku": "ENGRAVE", "name": "engraving", "price": "5.00", "aliases": ["engrave"], "options": [
            {"code": "item", "name": "item", "default": "mug", "values": [
                {"code": "mug", "name": "mug", "aliases": ["mugs"]},
                {"code": "pot", "name": "teapot", "aliases": ["tea pot"], "price_delta": "3.00"}]}]},
    ],
}

_CLOTHES = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "SWIM", "name": "two piece swimsuit", "price": "40.00", "aliases": ["swimsuit", "swimsuits", "bikini"]},
        {"sku": "SOCKS", "name": "socks 3 pack", "price": "10.00", "aliases": ["socks"]},
        {"sku": "TEES", "name": "6 pack undershirts", "price": "30.00", "aliases": ["undershirts"]},
    ],
}


@pytest.fixture
def tea(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _TEA)


@pytest.fixture
def clothes(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _CLOTHES)


@pytest.fixture
def roaster(tmp_path: Path) -> Iterator[Chat]:
    catalog = corpus_catalog("roaster")
    yield from chat_of(tmp_path, catalog)


@pytest.mark.parametrize("said, cut", [
    ("a pound of earl grey cut for a mug", "bags"),
    ("earl grey packed for the teapot", "loose"),
])
def test_value_said_after_its_group(tea: Chat, said: str, cut: str) -> None:
    tea.say(said)
    assert tea.lines == [("EARL", 1, {"cut": cut})]


def test_product_named_beside_is_still_a_product(tea: Chat) -> None:
    tea.say("earl grey and a teapot")
    assert sorted(tea.counts.items()) == [("EARL", 1), ("POT", 1)]


@pytest.mark.parametrize("said, grind", [
    ("a pound of house blend ground for drip", "drip"),
    ("a bag of french roast ground for a french press", "french_press"),
])
def test_grind_said_for_a_brewer(roaster: Chat, said: str, grind: str) -> None:
    roaster.say(said)
    assert len(roaster.lines) == 1 and roaster.lines[0][2]["grind"] == grind


def test_grind_said_later_changes_the_line(roaster: Chat) -> None:
    roaster.say("a pound of colombian")
    roaster.say("actually ground for drip")
    assert len(roaster.lines) == 1 and roaster.lines[0][2]["grind"] == "drip"


def test_number_opening_a_name_is_no_pack(clothes: Chat) -> None:
    clothes.say("two swimsuits")
    assert clothes.counts == {"SWIM": 2}


def test_pack_after_the_name_still_asked(clothes: Chat) -> None:
    clothes.say("four socks")
    assert clothes.counts == {}


def test_pack_word_after_an_opening_number_still_asked(clothes: Chat) -> None:
    """"6 pack undershirts": a number opening the name with a pack word after it is the pack, so "twelve
    undershirts" asks how many packs."""
    clothes.say("twelve undershirts")
    assert clothes.counts == {}


def test_service_on_its_own_value(tea: Chat) -> None:
    tea.say("engrave a teapot")
    assert tea.lines == [("ENGRAVE", 1, {"item": "pot"})]


def test_service_named_as_a_thing_keeps_both(tea: Chat) -> None:
    tea.say("an engraving a teapot")
    assert sorted(tea.counts.items()) == [("ENGRAVE", 1), ("POT", 1)]


@pytest.fixture
def drycleaner(tmp_path: Path) -> Iterator[Chat]:
    catalog = corpus_catalog("drycleaner")
    yield from chat_of(tmp_path, catalog)


def test_hem_a_dress(drycleaner: Chat) -> None:
    drycleaner.say("hem a dress")
    assert [(s, q, o["garment"]) for s, q, o in drycleaner.lines] == [("HEM", 1, "dress")]


_CURRY = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "KORMA", "name": "korma", "price": "13.00", "options": [
            {"code": "protein", "name": "protein", "required": True, "values": [
                {"code": "lamb", "name": "lamb"}, {"code": "paneer", "name": "paneer"}]}]},
        {"sku": "SAAG", "name": "saag paneer", "price": "11.00"},
    ],
}


def test_a_product_said_after_its_own_choice_is_no_service_verb(tmp_path: Path) -> None:
    """"a lamb korma a saag paneer": the korma follows a word said of it ("lamb"), so it is a thing ordered, not
    a service said as a verb, and the saag paneer after it stays a line of its own."""
    for chat in chat_of(tmp_path, _CURRY):
        chat.say("a lamb korma a saag paneer")
        assert sorted(chat.lines) == [("KORMA", 1, {"protein": "lamb"}), ("SAAG", 1, {})]


def test_a_group_named_before_a_plain_value_keeps_each_half(tmp_path: Path) -> None:
    """"half mushroom half sausage": each "half" names its group and the value after it is that group's as usual;
    the value after a group's name is read with the group's words only when they are part of the value ("for
    drip")."""
    catalog = corpus_catalog("sliceshop")
    for chat in chat_of(tmp_path, catalog):
        chat.say("a large pie half mushroom half sausage")
        assert len(chat.lines) == 1
        sku, _, options = chat.lines[0]
        assert sku == "CHEESE-PIE" and sorted(v for k, v in options.items() if k.startswith("half")) \
            == ["mushroom", "sausage"] and len({k for k in options if k.startswith("half")}) == 2
