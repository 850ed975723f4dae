"""Sizes said as two numbers, fractions said as words, counts in the unit a product is sold by, and corrections of
a count or a choice said in one breath, on a small catalog written here (the catalog writes each size one way only,
"4x6"; the shopper says it any way) and on the lumber yard of the corpus.

- a size written "NxM" in a name, an alias or a choice's value answers to "N by M", "N x M", "NxMs", number words and
  their plurals ("two by fours", "one by twelves"), and a recogniser's "for by fours"; a count said before it stays a
  count ("twenty 2x4s", "twenty two by fours": twenty of the 2x4), a size the catalog has wins the longer number
  ("a twenty four by thirty six poster");
- a fraction written "3/4 inch", "2 1/2 inch" answers to "three quarter", "three quarters inch", "half inch", "two and a
  half inch" (but "three quarter rounds" are three of the quarter round); a package word before "of" that is a
  choice the product after it does not offer ("a sheet of plywood", the sanding pad's "sheets") is its package, and
  "another sheet" after such a line is another of it; choices said as an item beside another item ("a sheet of three
  quarter maple and two 2x4s") are an item of the one product offering them all;
- a count of the unit a product is sold by ("by the foot", "priced per pound", as its description or tags say)
  before "of" counts the product ("twelve feet of nylon rope": twelve of it), though "12 feet" is some other
  product's choice; a choice so named stays a choice ("a five pound box of wood screws");
- "make that twelve", "and ten untreated": a number that is some choice's short name ("10" of "10 foot") said right
  before another choice counts, it is no choice; "forty 2x4s and delivery" counts the 2x4s only; a product after
  "for" past an item is what the item is for ("ten feet of rope for the area rug");
- "i meant two gallons" while a choice of "six gallons of porch paint" is asked counts the paint anew (not the glue
  that comes by the gallon too);
- "ten of them" while a choice is asked is how many, not the choice holding that number ("10 foot"), and the
  choice is asked again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dialogue.normalize import tokens
from dialogue.numbers import to_digits
from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "STUD", "name": "2x4", "price": "4.00", "category": "lumber", "options": [
            {"code": "length", "name": "length", "default": "8ft", "values": [
                {"code": "8ft", "name": "8 foot", "aliases": ["8 feet"]},
                {"code": "10ft", "name": "10 foot", "aliases": ["10 feet"], "price_delta": "1.00"}]}]},
        {"sku": "BOARD", "name": "1x6 board", "price": "6.00", "category": "lumber"},
        {"sku": "RUG", "name": "area rug", "price": "90.00", "category": "rugs", "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "4x6", "name": "4x6"}, {"code": "8x10", "name": "8x10", "price_delta": "100.00"}]}]},
        {"sku": "TILE", "name": "12x24 tile", "price": "3.00", "category": "tile"},
        {"sku": "POSTER", "name": "poster print", "price": "20.00", "category": "prints", "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "11x17", "name": "11x17"}, {"code": "24x36", "name": "24x36", "price_delta": "15.00"}]}]},
        {"sku": "LATTE", "name": "latte", "price": "4.00", "category": "drinks"},
        {"sku": "PLY", "name": "plywood", "price": "20.00", "category": "sheet goods", "options": [
            {"code": "thickness", "name": "thickness", "required": True, "values": [
                {"code": "1_4", "name": "1/4 inch"}, {"code": "1_2", "name": "1/2 inch", "price_delta": "10.00"},
                {"code": "3_4", "name": "3/4 inch", "price_delta": "20.00"}]},
            {"code": "face", "name": "face", "default": "rough", "values": [
                {"code": "rough", "name": "rough"}, {"code": "maple", "name": "maple", "aliases": ["maple plywood"],
                                                     "price_delta": "30.00"}]}]},
        {"sku": "ROUND", "name": "quarter round", "price": "0.80", "category": "trim",
         "description": "pine quarter round, sold by the linear foot"},
        {"sku": "BOLT", "name": "carriage bolt", "price": "0.50", "category": "fasteners", "options": [
            {"code": "length", "name": "length", "required": True, "values": [
                {"code": "2_1_2", "name": "2 1/2 inch"}, {"code": "3", "name": "3 inch"}]}]},
        {"sku": "ROPE", "name": "nylon rope", "price": "0.40", "category": "rope", "tags": ["by the foot"],
         "description": "braided nylon rope"},
        {"sku": "NAILS", "name": "common nails", "price": "2.00", "category": "fasteners",
         "description": "bright common nails, priced per pound", "options": [
             {"code": "size", "name": "size", "required": True, "values": [
                 {"code": "8d", "name": "8 penny", "aliases": ["8d"]}, {"code": "16d", "name": "16 penny"}]}]},
        {"sku": "SCREWS", "name": "wood screws", "price": "9.00", "category": "fasteners", "options": [
            {"code": "box", "name": "box", "default": "1lb", "values": [
                {"code": "1lb", "name": "1 pound box"}, {"code": "5lb", "name": "5 pound box", "price_delta": "30.00"}]}]},
        {"sku": "PAINT", "name": "porch paint", "price": "40.00", "category": "paint", "options": [
            {"code": "colour", "name": "colour", "required": True, "values": [
                {"code": "grey", "name": "grey"}, {"code": "white", "name": "white"}]},
            {"code": "size", "name": "size", "default": "gallon", "values": [
                {"code": "gallon", "name": "gallon", "aliases": ["gallons"]},
                {"code": "quart", "name": "quart", "aliases": ["quarts"], "price_delta": "-25.00"}]}]},
        {"sku": "GLUE", "name": "wood glue", "price": "5.00", "category": "adhesives", "options": [
            {"code": "size", "name": "size", "default": "8oz", "values": [
                {"code": "8oz", "name": "8 ounce"}, {"code": "gallon", "name": "gallon", "price_delta": "20.00"}]}]},
        {"sku": "SANDING", "name": "sanding pad", "price": "2.00", "category": "finishing", "options": [
            {"code": "form", "name": "form", "default": "sheets", "values": [
                {"code": "sheets", "name": "sheets", "aliases": ["sheet"]}, {"code": "discs", "name": "discs"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "read"), [
    ("2x4", "2 by 4"), ("2x4s", "2 by 4"), ("24 x 36", "24 by 36"), ("2\u00d74", "2 by 4"), ("two by fours", "2 by 4"),
    ("one by twelves", "1 by 12"), ("two by 4s", "2 by 4"), ("twenty four by thirty sixes", "24 by 36"),
    ("2 x latte", "2 x latte"), ("on all fours", "on all fours"), ("one by one", "one by one")])
def test_a_size_reads_one_way(said: str, read: str) -> None:
    assert " ".join(to_digits(tokens(said))) == read


@pytest.mark.parametrize(("said", "qty"), [
    ("twenty 2x4s", 20), ("ten two by fours", 10), ("twenty two by fours", 20), ("eighteen 2 by 4s", 18),
    ("a dozen 2x4s", 12), ("twelve 2 x 4", 12), ("a 2x4", 1), ("6 2x4s", 6)])
def test_a_count_before_a_size_named_product(chat: Chat, said: str, qty: int) -> None:
    chat.say(said)
    assert chat.lines == [("STUD", qty, {"length": "8ft"})]


def test_a_size_named_product_with_its_choice_after(chat: Chat) -> None:
    chat.say("ten ten foot two by fours and six one by sixes")
    assert chat.lines == [("STUD", 10, {"length": "10ft"}), ("BOARD", 6, {})]


@pytest.mark.parametrize(("said", "line"), [
    ("two four by six area rugs", ("RUG", 2, {"size": "4x6"})), ("an 8x10 area rug", ("RUG", 1, {"size": "8x10"})),
    ("an area rug eight by ten", ("RUG", 1, {"size": "8x10"})),
    ("a twenty four by thirty six poster print", ("POSTER", 1, {"size": "24x36"})),
    ("three poster prints 11 by 17", ("POSTER", 3, {"size": "11x17"})),
    ("forty twelve by twenty four tiles", ("TILE", 40, {})), ("forty 12x24 tiles", ("TILE", 40, {}))])
def test_a_size_choice_said_any_way(chat: Chat, said: str, line: tuple[str, int, dict[str, str]]) -> None:
    chat.say(said)
    assert chat.lines == [line]


def test_a_slip_before_by_is_the_size_the_catalog_has(chat: Chat) -> None:
    chat.say("two for by six area rugs")
    assert chat.lines == [("RUG", 2, {"size": "4x6"})]


@pytest.fixture
def yard(shop: Callable[[str], Chat]) -> Chat:
    return shop("lumberyard")


@pytest.mark.parametrize(("turns", "lines"), [
    (["eight pressure treated for by fours ten foot"], [("POST-4X4", 8, {"length": "10ft", "wood": "pt"})]),
    (["okay can you do ten eight foot 2x6s and ten ten foot 2x6s"],
     [("LUM-2X6", 10, {"length": "8ft", "treatment": "untreated", "grade": "no2"}),
      ("LUM-2X6", 10, {"length": "10ft", "treatment": "untreated", "grade": "no2"})]),
    (["twelve 2x8 joist hangers and six sixteen foot 2x8s"],
     [("JOIST-HANGER", 12, {"size": "2x8", "finish": "galvanized"}),
      ("LUM-2X8", 6, {"length": "16ft", "treatment": "untreated", "grade": "no2"})]),
    (["twelve 2x4s", "remove two of the 2x4s"], [("LUM-2X4", 10, {"length": "8ft", "treatment": "untreated"})]),
    (["i need some 2x6s", "ten of them", "twelve foot"],
     [("LUM-2X6", 10, {"length": "12ft", "treatment": "untreated", "grade": "no2"})]),
    (["twenty 2x4s treated and ten untreated"], [("LUM-2X4", 20, {"length": "8ft", "treatment": "pt"}),
                                                 ("LUM-2X4", 10, {"length": "8ft", "treatment": "untreated"})]),
    (["sixteen feet of oak crown moulding"], [("CROWN", 16, {"material": "oak"})]),
    (["two pounds of sixteen penny galvanized and a tube of construction adhesive"],
     [("NAILS", 2, {"size": "16d", "finish": "galvanized"}), ("ADHESIVE", 1, {"type": "heavy_duty", "size": "10oz"})]),
    (["ten bags of quick crete the fast setting kind for fence posts"],
     [("CONCRETE", 10, {"bag": "80lb", "type": "fast_setting"})]),
    (["a sheet of half inch ply actually no three quarter"], [("PLYWOOD", 1, {"thickness": "3_4", "grade": "cdx"})]),
    (["hi there", "do you guys cut plywood", "ok a sheet of three quarter birch and cut it in half please"],
     [("PLYWOOD", 1, {"thickness": "3_4", "grade": "birch"}), ("CUT", 1, {})]),
])
def test_lumber_said_by_its_size(yard: Chat, turns: list[str], lines: list[tuple[str, int, dict[str, str]]]) -> None:
    for turn in turns:
        yard.say(turn)
    assert yard.lines == lines


@pytest.mark.parametrize("count", ["two of them", "um two of those", "2 of them please"])
def test_a_count_of_them_while_a_choice_is_asked(chat: Chat, count: str) -> None:
    chat.say("i need an area rug")
    reply = chat.say(count)
    assert chat.lines == [] and "size" in reply.text
    chat.say("eight by ten")
    assert chat.lines == [("RUG", 2, {"size": "8x10"})]


@pytest.mark.parametrize(("said", "line"), [
    ("two sheets of three quarter plywood", ("PLY", 2, {"thickness": "3_4", "face": "rough"})),
    ("a half inch plywood", ("PLY", 1, {"thickness": "1_2", "face": "rough"})),
    ("one plywood three quarters", ("PLY", 1, {"thickness": "3_4", "face": "rough"})),
    ("a sheet of quarter inch plywood", ("PLY", 1, {"thickness": "1_4", "face": "rough"})),
    ("three quarter maple plywood", ("PLY", 1, {"thickness": "3_4", "face": "maple"})),
    ("ten two and a half inch carriage bolts", ("BOLT", 10, {"length": "2_1_2"})),
    ("three quarter rounds", ("ROUND", 3, {})),
])
def test_a_fraction_said_in_words(chat: Chat, said: str, line: tuple[str, int, dict[str, str]]) -> None:
    chat.say(said)
    assert chat.lines == [line]


def test_a_fraction_answers_the_choice_asked(chat: Chat) -> None:
    chat.say("a sheet of plywood")
    chat.say("three quarter")
    assert chat.lines == [("PLY", 1, {"thickness": "3_4", "face": "rough"})]


def test_another_sheet_is_another_of_the_line(chat: Chat) -> None:
    chat.say("a sheet of plywood")
    chat.say("three quarter")
    chat.say("and another sheet in half inch")
    assert chat.lines == [("PLY", 1, {"thickness": "3_4", "face": "rough"}),
                          ("PLY", 1, {"thickness": "1_2", "face": "rough"})]


def test_a_sheet_of_the_sheets_choice_is_that_choice(chat: Chat) -> None:
    chat.say("two sheets of sanding pad")
    assert chat.lines == [("SANDING", 2, {"form": "sheets"})]


def test_choices_naming_one_product_beside_another_item(chat: Chat) -> None:
    chat.say("a sheet of three quarter maple and two 2x4s")
    assert chat.lines == [("PLY", 1, {"thickness": "3_4", "face": "maple"}), ("STUD", 2, {"length": "8ft"})]


@pytest.mark.parametrize(("said", "line"), [
    ("ten feet of nylon rope", ("ROPE", 10, {})), ("twenty five feet of the nylon rope", ("ROPE", 25, {})),
    ("eight feet of rope", ("ROPE", 8, {})),
    ("three pounds of sixteen penny nails", ("NAILS", 3, {"size": "16d"})),
    ("two pounds of 8d common nails", ("NAILS", 2, {"size": "8d"})),
    ("a five pound box of wood screws", ("SCREWS", 1, {"box": "5lb"})),
    ("two 5 pound boxes of wood screws", ("SCREWS", 2, {"box": "5lb"})),
])
def test_a_count_in_the_unit_sold_by(chat: Chat, said: str, line: tuple[str, int, dict[str, str]]) -> None:
    chat.say(said)
    assert chat.lines == [line]


def test_a_length_of_lumber_stays_its_choice(chat: Chat) -> None:
    chat.say("six 2x4s 10 feet")
    assert chat.lines == [("STUD", 6, {"length": "10ft"})]


@pytest.mark.parametrize(("said", "lines"), [
    ("ten two by fours no wait make that twelve", [("STUD", 12, {"length": "8ft"})]),
    ("ten 2x4s no wait make that twelve eight footers", [("STUD", 12, {"length": "8ft"})]),
    ("twenty 2x4s ten foot and ten eight foot", [("STUD", 20, {"length": "10ft"}), ("STUD", 10, {"length": "8ft"})]),
    ("forty 2x4s and latte", [("STUD", 40, {"length": "8ft"}), ("LATTE", 1, {})]),
    ("ten feet of rope for the area rug", [("ROPE", 10, {})]),
])
def test_counts_corrected_and_coordinated(chat: Chat, said: str, lines: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert chat.lines == lines


def test_a_count_said_again_by_its_unit_while_a_choice_is_asked(chat: Chat) -> None:
    chat.say("six gallons of porch paint")
    reply = chat.say("sorry i meant two gallons")
    assert chat.lines == [] and "colour" in reply.text
    chat.say("grey")
    assert chat.lines == [("PAINT", 2, {"colour": "grey", "size": "gallon"})]
