"""Codes and measures a catalog prints, said aloud, from the misses of two shops written fresh in session 18 (a ramen
counter and a beauty supply), on a small paint-and-snack catalog written here and on those two corpus catalogs.

- a decimal code answers to "point" with a lone "one" after it ("six point one" for "6.1 ash"), which
  :func:`dialogue.numbers.to_digits` leaves a word;
- a name that opens with a number of a hundred or more and goes on in words ("220 linen") answers to the number alone,
  said whole or in parts ("two twenty", "five forty"); a code opening a name answers to a one-word name of its group
  before it ("tint twenty seven", "shade six point one");
- a number with the words that count what one unit holds ("2 pack" of "hinge pins 2 pack") names no product: "two
  packs of door hinges" is two of the hinges;
- a count of pieces is said in the singular before its product ("an eight piece dumplings" for "8 pieces"); a choice
  that opens with the last word of its group's name ("level 2" of the "heat level") is said after the whole group
  name ("heat level two"); a measure with a half is said unit first ("the inch and a half roller");
- a package word ("tube", "can") is never corrected to a catalog word that is near it ("tub");
- a code or measure said right after "and" ("and twenty volume") that the item before does not offer is an item of
  the product that offers it (not "and twelve pieces": a count of something);
- "just two oolong actually": a count said with "just" of a line named by its choice is its new count with
  "actually" after it too;
- a common word that names a choice ("long") counts said after "in" past the product's other choices ("paint brush
  angled in long"), right before other choices and the product ("a long angled paint brush"), and after "make the
  <choice> ones" of a line named by its choice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dialogue.codes import codes_said, spoken_codes
from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "PAINT", "name": "wall paint", "price": "30.00", "category": "paint", "options": [
            {"code": "tint", "name": "tint", "aliases": ["shade"], "required": True, "values": [
                {"code": "4_1", "name": "4.1 stone grey"}, {"code": "7_3", "name": "7.3 sea blue"},
                {"code": "220", "name": "220 linen"}, {"code": "540", "name": "540 slate"},
                {"code": "27", "name": "27 olive"}, {"code": "1b", "name": "1B charcoal"}]}]},
        {"sku": "PINS", "name": "hinge pins 2 pack", "price": "2.00", "category": "hardware"},
        {"sku": "HINGES", "name": "door hinges", "price": "6.00", "category": "hardware"},
        {"sku": "ROLLER", "name": "paint roller", "price": "9.00", "category": "paint", "options": [
            {"code": "width", "name": "roller width", "required": True, "values": [
                {"code": "1in", "name": "1 inch"}, {"code": "1_5in", "name": "1.5 inch"},
                {"code": "2in", "name": "2 inch"}]}]},
        {"sku": "BRUSH", "name": "paint brush", "price": "7.00", "category": "paint", "options": [
            {"code": "tip", "name": "tip", "required": True, "values": [
                {"code": "angled", "name": "angled"}, {"code": "flat", "name": "flat"}]},
            {"code": "handle", "name": "handle", "default": "short", "values": [
                {"code": "short", "name": "short"}, {"code": "long", "name": "long", "price_delta": "1.00"}]}]},
        {"sku": "DUMPLINGS", "name": "dumplings", "price": "6.00", "category": "snacks", "options": [
            {"code": "pieces", "name": "pieces", "required": True, "values": [
                {"code": "8", "name": "8 pieces"}, {"code": "16", "name": "16 pieces", "price_delta": "5.00"}]}]},
        {"sku": "PRIMER", "name": "primer", "price": "12.00", "category": "paint", "options": [
            {"code": "size", "name": "size", "default": "qt", "values": [
                {"code": "qt", "name": "quart"}, {"code": "tub", "name": "5 gallon tub", "aliases": ["tub"],
                                                   "price_delta": "60.00"}]}]},
        {"sku": "THINNER", "name": "paint thinner", "price": "8.00", "category": "paint", "options": [
            {"code": "grade", "name": "grade", "required": True, "values": [
                {"code": "g20", "name": "20 grade"}, {"code": "g40", "name": "40 grade"}]}]},
        {"sku": "SAUCE", "name": "chili sauce", "price": "4.00", "category": "snacks", "options": [
            {"code": "heat", "name": "heat level", "default": "1", "values": [
                {"code": "1", "name": "level 1"}, {"code": "2", "name": "level 2"},
                {"code": "3", "name": "level 3"}]}]},
    ],
}


@pytest.fixture
def paint(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


# --- the spoken forms -----------------------------------------------------------------------------------------

def test_point_one_is_a_decimal_where_the_catalog_has_it() -> None:
    known = {"6.1", "0.1"}.__contains__
    assert codes_said(known, ["a", "6", "point", "one"]) == ["a", "6.1"]
    assert codes_said(known, ["point", "one"]) == ["0.1"]
    assert codes_said(known, ["7", "point", "one"]) == ["7", "point", "one"]  # no 7.1 in the catalog


def test_numbers_codes_and_group_words_said_aloud() -> None:
    forms = spoken_codes(["220 linen"], ["tint", "shade"])
    assert {("220",), ("2", "20"), ("tint", "220"), ("shade", "2", "20")} <= forms
    assert ("tint", "27") in spoken_codes(["27 olive"], ["tint"])
    assert ("27",) not in spoken_codes(["27 olive"], ["tint"])  # a small number alone is left to a count
    assert ("100",) not in spoken_codes(["100 pack"])  # a pack's count is no code
    assert ("heat", "level", "2") in spoken_codes(["level 2"], ["heat level"])
    assert {("inch", "and", "a", "half"), ("1", "inch", "and", "a", "half")} <= spoken_codes(["1.5 inch"])
    assert ("8", "piece") in spoken_codes(["8 pieces"])


# --- invented catalog -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("said, tint", [
    ("wall paint in four point one", "4_1"), ("a can of seven point three wall paint", "7_3"),
    ("wall paint two twenty", "220"), ("wall paint in five forty", "540"), ("wall paint tint twenty seven", "27"),
    ("wall paint shade one b", "1b"), ("wall paint in shade seven point three", "7_3"),
])
def test_a_tint_code_said_aloud(paint: Chat, said: str, tint: str) -> None:
    paint.say(said)
    assert paint.lines == [("PAINT", 1, {"tint": tint})]


def test_two_tints_with_counts(paint: Chat) -> None:
    paint.say("two cans of wall paint tint twenty seven and three cans of the five forty")
    assert paint.lines == [("PAINT", 2, {"tint": "27"}), ("PAINT", 3, {"tint": "540"})]


def test_a_pack_count_in_a_name_names_no_product(paint: Chat) -> None:
    paint.say("two packs of door hinges")
    assert paint.lines == [("HINGES", 2, {})]


def test_packs_counted_on_two_products(paint: Chat) -> None:
    paint.say("three packs of hinge pins and two packs of door hinges")
    assert paint.counts == {"PINS": 3, "HINGES": 2}


@pytest.mark.parametrize("said, pieces", [
    ("an eight piece dumplings", "8"), ("a sixteen piece dumplings please", "16"), ("dumplings eight pc", "8"),
])
def test_a_piece_count_said_in_the_singular(paint: Chat, said: str, pieces: str) -> None:
    paint.say(said)
    assert paint.lines == [("DUMPLINGS", 1, {"pieces": pieces})]


def test_a_level_said_after_the_whole_group_name(paint: Chat) -> None:
    paint.say("a chili sauce heat level three")
    assert paint.lines == [("SAUCE", 1, {"heat": "3"})]


@pytest.mark.parametrize("said", ["a paint roller with the inch and a half width", "an inch and a half paint roller",
                                  "paint roller one and a half inch"])
def test_a_half_said_after_its_unit(paint: Chat, said: str) -> None:
    paint.say(said)
    assert paint.lines == [("ROLLER", 1, {"width": "1_5in"})]


@pytest.mark.parametrize("said", ["paint brush angled tip in long", "a long angled paint brush",
                                  "paint brush in angled long"])
def test_a_common_word_choice_past_the_other_choices(paint: Chat, said: str) -> None:
    paint.say(said)
    assert paint.lines == [("BRUSH", 1, {"tip": "angled", "handle": "long"})]


def test_a_common_word_alone_is_no_choice(paint: Chat) -> None:
    paint.say("how long does wall paint take to dry")
    assert paint.lines == []


def test_make_the_choice_ones_long(paint: Chat) -> None:
    paint.say("an angled paint brush and a flat paint brush")
    paint.say("make the flat ones long")
    assert paint.lines == [("BRUSH", 1, {"tip": "angled", "handle": "short"}),
                           ("BRUSH", 1, {"tip": "flat", "handle": "long"})]


@pytest.mark.parametrize("said", ["a tube of seven point three wall paint", "one tube of the seven point three"])
def test_a_package_word_is_no_slip_for_a_choice(paint: Chat, said: str) -> None:
    paint.say(said)
    assert paint.lines == [("PAINT", 1, {"tint": "7_3"})]


@pytest.mark.parametrize("said", ["wall paint in seven point three and forty grade",
                                  "a can of seven point three and forty grade thinner"])
def test_a_code_after_and_is_the_product_that_offers_it(paint: Chat, said: str) -> None:
    paint.say(said)
    assert paint.lines == [("PAINT", 1, {"tint": "7_3"}), ("THINNER", 1, {"grade": "g40"})]


def test_pieces_after_and_are_no_item_of_their_own(paint: Chat) -> None:
    paint.say("wall paint in two twenty and eight pieces")
    assert paint.counts == {"PAINT": 1}


# --- the corpus catalogs ----------------------------------------------------------------------------------------

@pytest.fixture
def beauty(shop: Callable[[str], Chat]) -> Chat:
    return shop("beautysupply")


@pytest.fixture
def ramen(shop: Callable[[str], Chat]) -> Chat:
    return shop("ramenshop")


def test_hair_colour_and_developer_said_aloud(beauty: Chat) -> None:
    beauty.say("hi um can i get a tube of six point one and a bottle of twenty volume developer")
    assert beauty.lines == [("HAIR-COLOR", 1, {"shade": "6_1"}), ("DEVELOPER", 1, {"volume": "vol20", "size": "16oz"})]


def test_foundation_shades_said_in_parts(beauty: Chat) -> None:
    beauty.say("foundation two twenty and another one in four ten matte")
    assert [(sku, n, o["shade"]) for sku, n, o in beauty.lines] == [("FOUNDATION", 1, "s220"), ("FOUNDATION", 1, "s410")]


def test_braiding_hair_colour_numbers_are_no_counts(beauty: Chat) -> None:
    beauty.say("four packs of braiding hair color twenty seven and two packs of the one b")
    assert [(sku, n, o["colour"]) for sku, n, o in beauty.lines] == [
        ("BRAIDING-HAIR", 4, "c27"), ("BRAIDING-HAIR", 2, "c1b")]


def test_extensions_by_inches_and_a_three_digit_colour(beauty: Chat) -> None:
    beauty.say("two sets of clip ins twenty inch in six thirteen")
    assert beauty.lines == [("EXTENSIONS", 2, {"length": "20in", "colour": "c613"})]


def test_a_developer_said_by_its_volume_after_and(beauty: Chat) -> None:
    beauty.say("a tube of five n and twenty volume")
    assert beauty.lines == [("HAIR-COLOR", 1, {"shade": "5n"}), ("DEVELOPER", 1, {"volume": "vol20", "size": "16oz"})]


def test_one_tube_is_no_tub_of_another_product(beauty: Chat) -> None:
    beauty.say("half a tube of six n")
    beauty.say("fine one tube then")
    assert beauty.lines == [("HAIR-COLOR", 1, {"shade": "6n"})]


def test_packs_of_clips_are_counted(beauty: Chat) -> None:
    beauty.say("two packs of duckbill clips")
    assert beauty.counts == {"CLIPS": 2}


def test_gyoza_and_spice_level(ramen: Chat) -> None:
    ramen.say("a six piece gyoza and the black garlic tonkotsu regular size firm noodles spice level two")
    assert [(sku, n) for sku, n, _ in ramen.lines] == [("GYOZA", 1), ("BLACK-GARLIC", 1)]
    assert ramen.lines[0][2]["pieces"] == "6"
    assert ramen.lines[1][2]["spice"] == "2"


@pytest.mark.parametrize("said", ["just two oolong actually", "just two of the oolong actually"])
def test_just_a_count_of_a_line_by_its_choice_actually(ramen: Chat, said: str) -> None:
    ramen.say("three salmon onigiri and four cans of oolong")
    ramen.say(said)
    assert ramen.lines == [("ONIGIRI", 3, {"filling": "salmon"}), ("CANNED-TEA", 2, {"tea": "oolong"})]


def test_just_a_count_with_a_tint_actually(paint: Chat) -> None:
    paint.say("three cans of wall paint in five forty and two door hinges")
    paint.say("just two of the five forty actually")
    assert paint.lines == [("PAINT", 2, {"tint": "540"}), ("HINGES", 2, {})]
