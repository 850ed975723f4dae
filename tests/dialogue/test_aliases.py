"""Words that name a product and are also a choice of another product: "five quarts of 5w-20 synthetic one oil
filter" is the synthetic oil (its grade said before it) and a plain filter, not a filter made "synthetic" (its
extended-life alias) with the oil dropped. "Five quarts of ..." is five of the quart where no choice is named
"5 quarts" (the jug is a "5 quart jug"); a choice named as said ("two pounds", "two scoops") stays that choice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_GARDEN = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "SOIL", "name": "organic potting soil", "price": "8.00",
         "aliases": ["organic soil", "organic"], "options": [
             {"code": "blend", "name": "blend", "default": "standard", "values": [
                 {"code": "standard", "name": "standard"},
                 {"code": "peat_free", "name": "peat free", "price_delta": "2.00"}]},
             {"code": "pack", "name": "pack", "default": "bag", "values": [
                 {"code": "bag", "name": "1 bag", "aliases": ["bag", "a bag"]},
                 {"code": "bundle", "name": "3 bag bundle", "aliases": ["3 bag", "three bag", "3 bag bundle"],
                  "price_delta": "14.00"}]}]},
        {"sku": "SEEDS", "name": "tomato seeds", "price": "3.00", "aliases": ["tomato seed packet"], "options": [
            {"code": "kind", "name": "kind", "default": "hybrid", "values": [
                {"code": "hybrid", "name": "hybrid"},
                {"code": "heirloom", "name": "heirloom", "aliases": ["organic", "heirloom organic"]}]}]},
    ],
}


@pytest.fixture
def garden(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _GARDEN)


@pytest.fixture
def parts(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("autoparts"))


def test_product_after_its_own_choices_keeps_its_name(parts: Chat) -> None:
    parts.say("six quarts of 5w-30 synthetic an extended life oil filter")
    assert parts.lines == [("SYNTHETIC-OIL", 6, {"grade": "5w30", "size": "quart"}),
                           ("OIL-FILTER", 1, {"type": "extended"})]


def test_plural_unit_before_of_counts_the_unit(parts: Chat) -> None:
    parts.say("an oil filter and five quarts of 5w-20 high mileage motor oil")
    assert parts.lines == [("OIL-FILTER", 1, {"type": "standard"}),
                           ("MOTOR-OIL", 5, {"grade": "5w20", "formula": "high_mileage", "size": "quart"})]


def test_the_oils_choices_stay_the_oils_after_a_filter(parts: Chat) -> None:
    parts.say("an oil filter and two quarts of 5w-20 high mileage")
    assert parts.lines == [("OIL-FILTER", 1, {"type": "standard"}),
                           ("MOTOR-OIL", 2, {"grade": "5w20", "formula": "high_mileage", "size": "quart"})]


def test_on_another_shop(garden: Chat) -> None:
    garden.say("two bags of peat free organic one tomato seed packet")
    assert garden.lines == [("SOIL", 2, {"blend": "peat_free", "pack": "bag"}), ("SEEDS", 1, {"kind": "hybrid"})]


def test_four_bags_of_is_four_of_the_bag(garden: Chat) -> None:
    garden.say("4 bags of peat free organic soil")  # no "4 bag" choice: four of the bag
    assert garden.lines == [("SOIL", 4, {"blend": "peat_free", "pack": "bag"})]


def test_a_bundle_said_so_stays_the_bundle(garden: Chat) -> None:
    garden.say("a 3 bag bundle of peat free organic soil")
    assert garden.lines == [("SOIL", 1, {"blend": "peat_free", "pack": "bundle"})]


def test_the_choice_before_the_next_product_stays_its_choice(garden: Chat) -> None:
    garden.say("a bag of peat free soil and organic tomato seeds")
    assert garden.lines == [("SOIL", 1, {"blend": "peat_free", "pack": "bag"}), ("SEEDS", 1, {"kind": "heirloom"})]


def test_grab_one_after_a_price(parts: Chat) -> None:
    parts.say("how much is power steering fluid")
    parts.say("i'll grab one")
    assert parts.lines == [("PS-FLUID", 1, {})]


def test_grab_one_on_another_shop(garden: Chat) -> None:
    garden.say("do you have tomato seeds")
    garden.say("i'll grab one")
    assert garden.lines == [("SEEDS", 1, {"kind": "hybrid"})]


def test_grab_one_with_nothing_shown_adds_nothing(garden: Chat) -> None:
    garden.say("i'll grab one")
    assert garden.lines == []


def test_group_named_in_a_stock_question_lists_its_choices(parts: Chat) -> None:
    reply = parts.say("what grades of synthetic oil do you carry")
    assert "5w-30" in reply.text and "0w-40" in reply.text


def test_group_named_on_another_shop(garden: Chat) -> None:
    reply = garden.say("what blends of organic potting soil do you stock")
    assert "peat free" in reply.text


def test_stock_question_without_a_group_stays_one(garden: Chat) -> None:
    reply = garden.say("do you carry organic potting soil")
    assert "peat free" not in reply.text and garden.lines == []


def test_line_named_by_its_choice_made_so(parts: Chat) -> None:
    parts.say("a 20 inch wiper and an 18 inch wiper")
    parts.say("make the 18 a beam blade")
    assert parts.lines == [("WIPER-BLADE", 1, {"length": "20in", "style": "conventional"}),
                           ("WIPER-BLADE", 1, {"length": "18in", "style": "beam"})]


def test_line_named_by_its_choice_on_another_shop(garden: Chat) -> None:
    garden.say("a bag of organic soil and a 3 bag bundle of organic soil")
    garden.say("make the 3 bag bundle a peat free")
    assert garden.lines == [("SOIL", 1, {"blend": "standard", "pack": "bag"}),
                            ("SOIL", 1, {"blend": "peat_free", "pack": "bundle"})]



def test_choices_said_without_make_the_are_a_new_line(parts: Chat) -> None:
    parts.say("a 20 inch wiper and an 18 inch wiper")
    parts.say("and a 19 inch beam blade")
    assert len(parts.lines) == 3 and ("WIPER-BLADE", 1, {"length": "19in", "style": "beam"}) in parts.lines
