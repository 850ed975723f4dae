"""Shop codes and measures printed on a shelf, said aloud, on small catalogs written here (a hardware counter, a
coffee roaster, a barber supply) and on the music store of the corpus.

- a range printed with a dash ("10-46", "14-2") answers to its numbers said one after the other, with "to" or "dash"
  between them, and a number of a hundred or more in parts ("forty five one oh five"); the code alone names the
  choice without the words printed after it ("10-46" of "10-46 regular light");
- a decimal answers to "point" ("point seven three" for ".73", "one point two" for "1.2 mm", "point six" for "0.6");
  a half printed as ".5" to "and a half"; a number with a letter ("5A", "4B") to its parts and their plural ("seven
  a's"); a measure ("20 ft", "14 in", "230 g") to its unit in any usual form ("twenty foot", "fourteen inch", "two
  thirty grams");
- a count before a measure stays a count ("two twenty foot cables": two of the 20 ft; "twelve fifty threes" is the
  12-53 set, not twelve of something); so is a number opening another product's choice ("two quart mason jars": not
  the syrup's "two quarts"; "the advil one fifty count": one of the 50 count, not the antacid's 150), where the rest
  names a choice of the product said;
- a choice named by its group's name and a code ("strength 2.5", "guard 1.5") answers to the code alone; one named by
  a fraction alone ("1/2" of a size) to the fraction said with its group's name ("half size");
- a choice named by a package and its count ("box of 10") answers to "a box of" before its product; a product priced
  per pair is counted in pairs ("a pair of drumsticks" is one; "two pair of" two);
- a word the catalog does not know right before a product ("a sixteen inch coated tom head") leaves the choices before
  it to that product; "and a ten inch pinstripe too" is another line; choices said after "and" with no count or
  noun name the one product that offers them all ("and stainless nine forty twos"), a word of a product's name among
  them names that product ("a set of acoustic lights"), but not before "one" ("a small black one" is the coffee said
  before, not the black forest cake).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dialogue.codes import codes_said, spoken_codes, words_after_codes
from tests.dialogue.conftest import Chat, chat_of

_HARDWARE = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "HOSE", "name": "garden hose", "price": "20.00", "category": "garden", "options": [
            {"code": "length", "name": "length", "required": True, "values": [
                {"code": "25ft", "name": "25 ft"}, {"code": "50ft", "name": "50 ft", "price_delta": "10.00"},
                {"code": "100ft", "name": "100 ft", "price_delta": "25.00"}]}]},
        {"sku": "WIRE", "name": "electrical wire", "price": "30.00", "category": "electrical", "options": [
            {"code": "gauge", "name": "gauge", "required": True, "values": [
                {"code": "14_2", "name": "14-2 indoor"}, {"code": "12_2", "name": "12-2 indoor"},
                {"code": "10_3", "name": "10-3 heavy"}]}]},
        {"sku": "NOZZLE", "name": "printer nozzle", "price": "5.00", "category": "3d printing", "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "n06", "name": "0.6 mm"}, {"code": "n12", "name": "1.2 mm"}]}]},
        {"sku": "PENCIL", "name": "drawing pencil", "price": "1.50", "category": "art", "options": [
            {"code": "grade", "name": "grade", "required": True, "values": [
                {"code": "2b", "name": "2B"}, {"code": "4b", "name": "4B"}, {"code": "6h", "name": "6H"}]}]},
        {"sku": "GLOVES", "name": "work gloves", "price": "8.00", "category": "safety"},
        {"sku": "WEDGE", "name": "door wedge", "price": "3.00", "category": "hardware",
         "description": "rubber, priced per pair"},
        {"sku": "PLUG", "name": "wall plug", "price": "0.20", "category": "fasteners", "options": [
            {"code": "pack", "name": "pack", "default": "single", "values": [
                {"code": "single", "name": "single"}, {"code": "box50", "name": "box of 50", "price_delta": "6.00"}]}]},
    ],
}

_ROASTER = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "HOUSE", "name": "house blend", "price": "12.00", "category": "coffee", "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "230", "name": "230 g"}, {"code": "500", "name": "500 g", "price_delta": "10.00"}]}]},
        {"sku": "MUG", "name": "travel mug", "price": "15.00", "category": "gear"},
    ],
}

_BARBER = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "GUARD", "name": "clipper guard", "price": "4.00", "category": "clippers", "options": [
            {"code": "guard", "name": "guard", "required": True, "values": [
                {"code": "1", "name": "guard 1"}, {"code": "1_5", "name": "guard 1.5"},
                {"code": "2", "name": "guard 2"}, {"code": "3", "name": "guard 3"}]}]},
        {"sku": "CAPE", "name": "barber cape", "price": "18.00", "category": "capes", "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "1_2", "name": "1/2"}, {"code": "1_4", "name": "1/4"}, {"code": "full", "name": "full"}]}]},
    ],
}


@pytest.fixture
def hardware(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _HARDWARE)


@pytest.fixture
def roaster(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _ROASTER)


@pytest.fixture
def barber(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _BARBER)


# --- the spoken forms -----------------------------------------------------------------------------------------

def test_a_range_is_said_with_to_dash_or_nothing_and_alone() -> None:
    forms = spoken_codes(["10-46 regular light"])
    for said in [("10", "to", "46"), ("10", "dash", "46"), ("10", "46"), ("10", "to", "46", "regular", "light")]:
        assert said in forms
    assert ("45", "1", "0", "5") in spoken_codes(["45-105 medium"])  # "forty five one oh five"


def test_decimals_halves_letters_and_units_are_said_as_people_say_them() -> None:
    assert {("73",), ("73", "millimeter"), ("73", "mm")} <= spoken_codes([".73 mm yellow"])
    assert {("2", "and", "a", "half"), ("2.5",), ("2.5", "strength")} <= spoken_codes(["strength 2.5"], ["strength"])
    assert ("5", "as") in spoken_codes(["5A"])  # "five a's"
    assert {("20", "foot"), ("20", "feet")} <= spoken_codes(["20 ft"])
    assert {("14", "inch"), ("14", "inches")} <= spoken_codes(["14 in"])
    assert {("2", "30", "grams"), ("230", "gram")} <= spoken_codes(["230 g"])
    assert ("half", "size") in spoken_codes(["1/2"], ["size"])


def test_codes_said_only_as_the_catalog_has_them() -> None:
    known = {"73", "1.14", "0.6", "53", "105"}.__contains__
    assert codes_said(known, ["point", "7", "3"]) == ["73"]
    assert codes_said(known, ["one", "point", "1", "4", "mm"]) == ["1.14", "mm"]
    assert codes_said(known, ["point", "6"]) == ["0.6"]
    assert codes_said(known, ["12", "50", "threes"]) == ["12", "53"]
    assert codes_said(known, ["45", "to", "one", "oh", "5"]) == ["45", "to", "105"]
    assert codes_said(known, ["the", "point", "is", "2", "20", "twos"]) == ["the", "point", "is", "2", "20", "twos"]


# --- invented catalogs --------------------------------------------------------------------------------------

@pytest.mark.parametrize("said, length", [
    ("a fifty foot garden hose", "50ft"), ("a garden hose twenty five feet", "25ft"),
    ("a hundred foot hose", "100ft"), ("a hose fifty ft", "50ft"),
])
def test_a_length_said_in_any_unit_form(hardware: Chat, said: str, length: str) -> None:
    hardware.say(said)
    assert hardware.lines == [("HOSE", 1, {"length": length})]


def test_a_count_before_a_measure_stays_a_count(hardware: Chat) -> None:
    hardware.say("two twenty five foot hoses and a fifty foot hose")
    assert hardware.lines == [("HOSE", 2, {"length": "25ft"}), ("HOSE", 1, {"length": "50ft"})]


@pytest.mark.parametrize("said, gauge", [
    ("a roll of fourteen two electrical wire", "14_2"), ("electrical wire twelve dash two", "12_2"),
    ("some ten to three electrical wire", "10_3"), ("electrical wire 14-2", "14_2"),
])
def test_a_range_said_aloud(hardware: Chat, said: str, gauge: str) -> None:
    hardware.say(said)
    assert hardware.lines == [("WIRE", 1, {"gauge": gauge})]


@pytest.mark.parametrize("said, size", [
    ("a one point two printer nozzle", "n12"), ("a printer nozzle point six", "n06"),
    ("printer nozzle one point two millimeter", "n12"),
])
def test_a_decimal_said_with_point(hardware: Chat, said: str, size: str) -> None:
    hardware.say(said)
    assert hardware.lines == [("NOZZLE", 1, {"size": size})]


def test_letter_codes_said_apart_and_in_the_plural(hardware: Chat) -> None:
    hardware.say("three four b drawing pencils and a six h drawing pencil")
    assert hardware.lines == [("PENCIL", 3, {"grade": "4b"}), ("PENCIL", 1, {"grade": "6h"})]


def test_a_pair_of_what_is_priced_per_pair(hardware: Chat) -> None:
    hardware.say("a pair of door wedges and two pair of work gloves")
    assert hardware.counts == {"WEDGE": 1, "GLOVES": 2}


def test_a_box_of_names_the_box_choice(hardware: Chat) -> None:
    hardware.say("a box of wall plugs")
    assert hardware.lines == [("PLUG", 1, {"pack": "box50"})]
    hardware.say("and two wall plugs")
    assert hardware.lines[-1] == ("PLUG", 2, {"pack": "single"})


def test_a_capacity_said_two_thirty(roaster: Chat) -> None:
    roaster.say("a two thirty gram house blend and a travel mug")
    assert roaster.lines == [("HOUSE", 1, {"size": "230"}), ("MUG", 1, {})]


def test_a_capacity_in_grams_with_its_count(roaster: Chat) -> None:
    roaster.say("two bags of house blend five hundred grams")
    assert roaster.lines == [("HOUSE", 2, {"size": "500"})]


@pytest.mark.parametrize("said, guard", [
    ("a clipper guard one and a half", "1_5"), ("a clipper guard guard two", "2"),
    ("a one and a half clipper guard", "1_5"), ("a clipper guard number three", "3"),
])
def test_a_choice_named_by_its_group_and_a_code_answers_to_the_code(barber: Chat, said: str, guard: str) -> None:
    barber.say(said)
    assert barber.lines == [("GUARD", 1, {"guard": guard})]


def test_a_count_beside_a_bare_code_stays_a_count(barber: Chat) -> None:
    barber.say("two clipper guards one and a half")
    assert barber.lines == [("GUARD", 2, {"guard": "1_5"})]


def test_an_answer_that_is_a_bare_code(barber: Chat) -> None:
    barber.say("a clipper guard")
    barber.say("three")
    assert barber.lines == [("GUARD", 1, {"guard": "3"})]


def test_a_fraction_size_said_with_its_group_name(barber: Chat) -> None:
    barber.say("a half size barber cape and a quarter size one")
    assert barber.lines == [("CAPE", 1, {"size": "1_2"}), ("CAPE", 1, {"size": "1_4"})]


# --- the music store ------------------------------------------------------------------------------------------

@pytest.fixture
def music(shop: Callable[[str], Chat]) -> Chat:
    return shop("musicstore")


def _lines(chat: Chat) -> list[tuple[str, int, dict[str, str]]]:
    return [(sku, qty, {k: v for k, v in opts.items() if k in ("gauge", "size", "length", "strength", "diameter",
                                                                "thickness", "pack", "material", "finish")})
            for sku, qty, opts in chat.lines]


@pytest.mark.parametrize("said", [
    "two sets of ten to forty six electric strings", "two sets of ten dash forty six electric strings",
    "two sets of electric strings ten forty six", "two sets of 10 46 electric strings",
])
def test_a_gauge_said_as_a_range(music: Chat, said: str) -> None:
    music.say(said)
    assert _lines(music) == [("ELEC-STRINGS", 2, {"gauge": "10_46", "material": "nickel_wound", "pack": "single"})]


def test_a_gauge_in_the_plural_is_no_count(music: Chat) -> None:
    music.say("acoustic strings phosphor bronze lights the twelve fifty threes")
    assert _lines(music) == [("ACOUSTIC-STRINGS", 1, {"gauge": "12_53", "material": "phosphor", "pack": "single"})]


def test_picks_by_point_and_sticks_by_letter(music: Chat) -> None:
    music.say("couple packs of the yellow tortex point seven three and a pair of seven a's")
    assert music.counts == {"PICKS": 2, "DRUMSTICKS": 1}
    assert _lines(music)[0][2]["thickness"] == "073" and _lines(music)[1][2]["size"] == "7a"


def test_reeds_by_the_box_and_strength_said_as_a_half(music: Chat) -> None:
    music.say("a box of tenor sax reeds three and a half and a box of alto reeds strength two and a half")
    assert _lines(music) == [("TENOR-REEDS", 1, {"strength": "3_5", "pack": "box5"}),
                             ("ALTO-REEDS", 1, {"strength": "2_5", "pack": "box10"})]


def test_a_bare_strength_answers_the_strength_question(music: Chat) -> None:
    music.say("a box of alto reeds")
    music.say("three")
    assert _lines(music) == [("ALTO-REEDS", 1, {"strength": "3", "pack": "box10"})]


def test_four_loose_reeds_in_a_two(music: Chat) -> None:
    music.say("lemme get four alto reeds loose not the box in a two")
    assert _lines(music) == [("ALTO-REEDS", 4, {"strength": "2", "pack": "single"})]


def test_a_long_order_of_codes_and_counts(music: Chat) -> None:
    music.say("two sets of eleven forty nine electric strings a set of bass strings forty five one oh five a pair "
              "of five b sticks a fourteen inch coated snare head two twenty foot guitar cables and a two pack of "
              "nine volt batteries")
    assert [(sku, qty) for sku, qty, _ in music.lines] == [
        ("ELEC-STRINGS", 2), ("BASS-STRINGS", 1), ("DRUMSTICKS", 1), ("DRUM-HEAD", 1), ("INST-CABLE", 2),
        ("BATTERY-9V", 1)]
    assert [opts.get("gauge") or opts.get("size") or opts.get("diameter") or opts.get("length") or opts.get("pack")
            for _, _, opts in music.lines] == ["11_49", "45_105", "5b", "14", "20ft", "2pk"]


def test_an_unknown_word_before_the_product(music: Chat) -> None:
    music.say("a sixteen inch coated tom head and an eighteen inch kick head")
    assert [(sku, opts["diameter"]) for sku, _, opts in music.lines] == [("DRUM-HEAD", "16"), ("BASS-HEAD", "18")]


def test_another_of_the_same_with_too(music: Chat) -> None:
    music.say("a thirteen inch pinstripe head and a ten inch pinstripe too")
    assert [(sku, opts["diameter"], opts["finish"]) for sku, _, opts in music.lines] == [
        ("DRUM-HEAD", "13", "pinstripe"), ("DRUM-HEAD", "10", "pinstripe")]


def test_choices_after_and_name_their_product(music: Chat) -> None:
    music.say("a plain black nylon strap and stainless nine forty twos")
    assert [(sku, opts.get("gauge"), opts.get("material")) for sku, _, opts in music.lines] == [
        ("STRAP", None, "nylon"), ("ELEC-STRINGS", "9_42", "stainless")]


def test_a_word_of_a_product_name_among_choices(music: Chat) -> None:
    music.say("two sets of electric strings ten forty six and a set of acoustic lights")
    assert [(sku, qty, opts["gauge"]) for sku, qty, opts in music.lines] == [
        ("ELEC-STRINGS", 2, "10_46"), ("ACOUSTIC-STRINGS", 1, "12_53")]


def test_the_code_opening_the_sentence_with_a_package_word(music: Chat) -> None:
    music.say("the ten to fifty two electric set in stainless and a string winder with the cutter")
    assert [(sku, opts.get("gauge"), opts.get("material")) for sku, _, opts in music.lines] == [
        ("ELEC-STRINGS", "10_52", "stainless"), ("STRING-WINDER", None, None)]


def test_half_and_quarter_size(music: Chat) -> None:
    music.say("a set of half size violin strings and a quarter size set too")
    assert [(sku, opts["size"]) for sku, _, opts in music.lines] == [("VIOLIN-STRINGS", "1_2"),
                                                                     ("VIOLIN-STRINGS", "1_4")]


def test_the_words_after_a_code_name_the_choice_where_only_one_says_them() -> None:
    assert words_after_codes({"a": ["45-100 light"], "b": ["45-105 medium"]}) == {"a": ("light",), "b": ("medium",)}
    assert words_after_codes({"4": ["4 string"], "5": ["5 string"]}) == {}  # said by both: neither
    assert words_after_codes({"one": ["single set"], "3pk": ["3 pack", "3 set pack"]}) == {}  # a package counts


def test_medium_gauge_of_a_code_named_gauge(music: Chat) -> None:
    music.say("do you carry flatwounds for bass i'll take a set medium gauge for a four string")
    assert [(sku, opts["gauge"], opts["winding"]) for sku, _, opts in music.lines] == [
        ("BASS-STRINGS", "45_105", "flatwound")]


def test_letters_said_apart_spell_a_catalog_word(music: Chat) -> None:
    music.say("two x l r cables twenty five feet no make that fifty feet each")
    assert music.lines == [("XLR-CABLE", 2, {"length": "50ft"})]


# --- what must stay as it was ------------------------------------------------------------------------------------

_TACKLE = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "HOOKS", "name": "treble hooks", "price": "4.00", "category": "hooks", "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "2", "name": "size 2"}, {"code": "4", "name": "size 4"}, {"code": "6", "name": "size 6"}]}]},
        {"sku": "BATTERY", "name": "car battery", "price": "150.00", "category": "batteries", "options": [
            {"code": "group", "name": "group", "required": True, "values": [
                {"code": "35", "name": "group 35"}, {"code": "24f", "name": "group 24F"}]}]},
        {"sku": "NOTES", "name": "sticky notes", "price": "2.50", "category": "paper", "options": [
            {"code": "pack", "name": "pack", "default": "single", "values": [
                {"code": "single", "name": "single pad"},
                {"code": "6pk", "name": "6 pack", "aliases": ["pack of 6", "6 pads"], "price_delta": "9.00"}]}]},
        {"sku": "FILTERS", "name": "paper filters", "price": "6.00", "category": "coffee", "options": [
            {"code": "count", "name": "count", "default": "100", "values": [
                {"code": "100", "name": "box of 100"}, {"code": "300", "name": "box of 300", "price_delta": "9.00"}]}]},
        {"sku": "TIRE", "name": "tire", "price": "40.00", "category": "tires", "options": [
            {"code": "wheel", "name": "wheel size", "required": True, "values": [
                {"code": "700c", "name": "700c", "aliases": ["700c road"]}, {"code": "29", "name": "29 inch"}]},
            {"code": "tread", "name": "tread", "default": "knobby", "values": [
                {"code": "knobby", "name": "knobby"}, {"code": "slick", "name": "slick", "aliases": ["road slick"]}]}]},
    ],
}


@pytest.fixture
def tackle(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _TACKLE)


def test_a_number_before_a_package_word_counts(tackle: Chat) -> None:
    tackle.say("size four treble hooks two packs")
    assert tackle.lines == [("HOOKS", 2, {"size": "4"})]


def test_a_bare_number_of_a_group_named_choice_is_a_count(tackle: Chat) -> None:
    tackle.say("two size six treble hooks")
    assert tackle.lines == [("HOOKS", 2, {"size": "6"})]


def test_it_is_a_choice_adds_no_line(tackle: Chat) -> None:
    tackle.say("a car battery group thirty five")
    tackle.say("and a box of paper filters")
    tackle.say("how much does all that come to")
    tackle.say("ok let me call my husband and make sure it's a thirty five")
    assert tackle.counts == {"BATTERY": 1, "FILTERS": 1}


def test_a_pack_of_what_comes_in_packs_stays_one(tackle: Chat) -> None:
    tackle.say("a pack of sticky notes and two pads of sticky notes")
    assert tackle.counts == {"NOTES": 3}
    assert all(opts == {"pack": "single"} for _, _, opts in tackle.lines)


def test_a_box_of_where_two_boxes_are_offered_is_the_default(tackle: Chat) -> None:
    tackle.say("a box of paper filters")
    assert tackle.lines == [("FILTERS", 1, {"count": "100"})]


def test_an_alias_after_a_code_names_nothing_alone(tackle: Chat) -> None:
    tackle.say("two road slicks 700c")
    assert tackle.lines == [("TIRE", 2, {"wheel": "700c", "tread": "slick"})]


# --- a count said before a choice's spoken name ---------------------------------------------------------------

@pytest.mark.parametrize("said, count, size", [
    ("two quart mason jars and a pint of maple syrup", 2, "32oz"),  # not the syrup's "two quarts"
    ("three quart jars", 3, "32oz"),
])
def test_the_count_before_a_measure_stays_a_count(shop: Callable[[str], Chat], said: str, count: int,
                                                  size: str) -> None:
    bulk = shop("bulkfoods")
    bulk.say(said)
    assert [(sku, qty, opts.get("size")) for sku, qty, opts in bulk.lines if sku == "MASON-JAR"] \
        == [("MASON-JAR", count, size)]
    assert "doesn't come with" not in bulk.replies[-1].text


def test_a_choice_the_product_offers_keeps_its_number(shop: Callable[[str], Chat]) -> None:
    bulk = shop("bulkfoods")
    bulk.say("two quarts of maple syrup")  # the syrup's own "two quarts": its half gallon
    assert [(sku, qty, opts["volume"]) for sku, qty, opts in bulk.lines] == [("MAPLE", 1, "64oz")]


def test_one_before_a_count_another_product_offers_in_parts(shop: Callable[[str], Chat]) -> None:
    pharmacy = shop("pharmacy")
    pharmacy.say("and the ibuprofen the advil one fifty count")  # one of the 50 count, not the antacid's 150
    assert [(sku, qty, opts["brand"], opts["count"]) for sku, qty, opts in pharmacy.lines] \
        == [("IBUPROFEN", 1, "advil", "50ct")]
    assert "doesn't come with" not in pharmacy.replies[-1].text


def test_one_fifty_count_of_the_product_that_offers_it(shop: Callable[[str], Chat]) -> None:
    pharmacy = shop("pharmacy")
    pharmacy.say("an antacid one fifty count")
    assert [(sku, qty, opts["count"]) for sku, qty, opts in pharmacy.lines] == [("ANTACID", 1, "150ct")]


@pytest.mark.parametrize("said", [
    "ok so two coffees one large with oat milk for me and a small black one for my husband and a cinnamon bun for "
    "my son",
    "two coffees one large and a small black one",
])
def test_a_small_black_one_is_the_product_before(shop: Callable[[str], Chat], said: str) -> None:
    bakery = shop("bakery")
    bakery.say(said)
    coffees = [opts.get("size") for sku, _, opts in bakery.lines if sku == "COFFEE"]
    assert coffees == ["large", "small"]  # "black" names no cake of its name: "one" is the coffee
    assert "sold out" not in bakery.replies[-1].text
