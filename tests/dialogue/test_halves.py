"""Choices said after the noun or across a measure: a value whose phrase overlaps a later value of the same group
("with the bone" in "with the bone out") yields to the later one, whose last words decide; and a weight said with
its unit before "of" is the product's weight choice even with choices said between "of" and the noun ("two pounds
of lean ground beef"), not a count of pieces."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_BONE = {"code": "bone", "name": "bone", "default": "bone_in", "values": [
    {"code": "bone_in", "name": "bone in", "aliases": ["with the bone", "with bone", "keep the bone"]},
    {"code": "bone_out", "name": "bone out", "aliases": ["boneless", "without the bone", "take the bone out"]}]}
_WEIGHT = {"code": "weight", "name": "weight", "default": "1lb", "values": [
    {"code": "1lb", "name": "one pound", "aliases": ["a pound", "1 pound"]},
    {"code": "2lb", "name": "two pounds", "aliases": ["2 pounds", "2 lb"], "price_delta": "6.00"},
    {"code": "3lb", "name": "three pounds", "aliases": ["3 pounds", "3 lb"], "price_delta": "12.00"}]}
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "CHOP", "name": "pork chop", "price": "5.00", "aliases": ["pork chops", "chop", "chops"],
         "options": [_BONE]},
        {"sku": "BEEF", "name": "ground beef", "price": "6.00", "aliases": ["mince"], "options": [
            _WEIGHT, {"code": "fat", "name": "fat", "default": "regular", "values": [
                {"code": "regular", "name": "regular", "aliases": ["80 20"]},
                {"code": "lean", "name": "lean", "aliases": ["extra lean", "90 10"], "price_delta": "1.00"}]}]},
        {"sku": "BRAT", "name": "bratwurst", "price": "2.00", "aliases": ["brats", "brat", "bratwursts"], "options": [
            {"code": "spice", "name": "spice", "default": "mild", "values": [
                {"code": "mild", "name": "mild"}, {"code": "hot", "name": "hot", "aliases": ["spicy"]}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", ["a pork chop with the bone out", "one chop with bone out please"])
def test_later_value_of_the_group_decides(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("CHOP", 1, {"bone": "bone_out"})]


def test_the_same_value_said_both_ways_stays(chat: Chat) -> None:
    chat.say("a pork chop with the bone in")
    assert chat.lines == [("CHOP", 1, {"bone": "bone_in"})]


def test_with_the_bone_alone_is_its_value(chat: Chat) -> None:
    chat.say("two pork chops with the bone")
    assert chat.lines == [("CHOP", 2, {"bone": "bone_in"})]


@pytest.mark.parametrize("said", ["two pounds of lean ground beef", "two pounds of extra lean ground beef"])
def test_weight_before_of_and_a_choice(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("BEEF", 1, {"weight": "2lb", "fat": "lean"})]


def test_weight_of_a_product_without_it_is_a_count(chat: Chat) -> None:
    chat.say("two pounds of hot brats")
    assert [(sku, n) for sku, n, _ in chat.lines] != [("BEEF", 1)]
    assert all(sku == "BRAT" for sku, _, _ in chat.lines)


def test_fishmonger_head_off(tmp_path: Path) -> None:
    import json
    catalog = json.loads((Path(__file__).parents[1] / "corpus" / "catalogs" / "fishmonger.json").read_text())
    for c in chat_of(tmp_path, catalog):
        c.say("a rainbow trout with the head off and a red snapper")
        heads = {sku: opts.get("head") for sku, _, opts in c.lines}
        assert heads == {"TROUT": "head_off", "SNAPPER": "head_on"}


def test_half_dozen_box_stays_a_half_dozen(tmp_path: Path) -> None:
    import json
    catalog = json.loads((Path(__file__).parents[1] / "corpus" / "catalogs" / "cakeshop.json").read_text())
    for c in chat_of(tmp_path, catalog):
        c.say("half dozen gluten free peanut butter cookies")
        assert [(sku, opts.get("pack")) for sku, _, opts in c.lines] == [("GF-COOKIE", "half_dozen")]
