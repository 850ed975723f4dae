"""A tyre and battery shop (the corpus's tireshop, whose tyres come in ``variants`` by size) and a motorcycle shop
written here: codes of several numbers said aloud part by part.

- a code of three numbers or more ("205/55R16", "LT275/65R18", "120/70ZR17") is said number by number, the first
  of three digits in parts ("two oh five", "two twenty five", "one ninety five"), any number in the plural ("fifty
  fives", "sixteens"), the letters between said ("r", "on") or left out, a letter prefix left out; the catalog's
  code with those digits is the choice;
- a count said right before such a code stays a count ("two two oh five fifty five sixteen ironmans");
- a run of numbers no code of the catalog has is no choice (the size is asked);
- an add-on named with words in "-ing" ("mounting and balancing", "terminal cleaning", "chain cleaning") is asked
  for as done to the goods ("mounted and balanced", "have the terminals cleaned", "with the chain cleaned");
- a word of the shop's kind of goods ("tires", category "tires") is that kind, not the other products it only
  describes ("tire plug kit", "tire storage"); said with the product after "the" ("four tires the michelins") it
  is that product, also when more items follow;
- a choice named by what it fits ("fits 16 inch") is said by what it fits ("chains for sixteen inch tires");
- a charge or a piece of work said with "for" and a count of goods ("the disposal fee for the four old ones") is
  one for each of them; other goods said so ("a stand for two bikes", "gloves for two people") are not;
- after an article, a number that opens a choice ending on the first word of its product's name ("a four wheel
  alignment") is that choice, no count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dialogue.code_parts import code_parts_said
from dialogue.lexicon import Lexicon
from dialogue.service_verbs import done_forms
from tests.dialogue.conftest import Chat, chat_of, store_of

_MOTO = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "ROAD", "name": "road tire", "price": "150.00", "category": "tires", "options": [
            {"code": "size", "name": "tire size", "required": True, "values": [
                {"code": "120", "name": "120/70ZR17"}, {"code": "180", "name": "180/55ZR17"},
                {"code": "190", "name": "190/50ZR17"}]}]},
        {"sku": "TRAILER", "name": "trailer tire", "price": "90.00", "category": "tires", "options": [
            {"code": "size", "name": "tire size", "required": True, "values": [
                {"code": "st205", "name": "ST205/75R15"}, {"code": "st225", "name": "ST225/75R15"}]}]},
        {"sku": "GLOVES", "name": "riding gloves", "price": "30.00", "category": "gear"},
        {"sku": "TUNE", "name": "tune up", "price": "80.00", "category": "service", "options": [
            {"code": "extras", "name": "extras", "multiple": True, "values": [
                {"code": "chain", "name": "chain cleaning", "price_delta": "15.00"},
                {"code": "truing", "name": "wheel truing", "price_delta": "20.00"},
                {"code": "sync", "name": "carb syncing and tuning", "price_delta": "40.00"}]}]},
        {"sku": "LOCK", "name": "chain lock", "price": "45.00", "category": "gear"},
        {"sku": "MOUNT", "name": "tire mounting", "price": "30.00", "category": "service"},
        {"sku": "BAL", "name": "wheel balance", "price": "20.00", "category": "service", "options": [
            {"code": "wheels", "name": "wheels", "default": "one", "values": [
                {"code": "one", "name": "one wheel"}, {"code": "two", "name": "two wheel", "price_delta": "15.00"}]}]},
        {"sku": "STAND", "name": "tire stand", "price": "25.00", "category": "gear", "options": [
            {"code": "fit", "name": "wheel size", "required": True, "values": [
                {"code": "17", "name": "fits 17 inch"}, {"code": "18", "name": "fits 18 inch"}]}]},
    ],
}


@pytest.fixture
def moto(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _MOTO)


# --- codes said in parts --------------------------------------------------------------------------------------

@pytest.mark.parametrize("said, sku, count, size", [
    ("four ironman tires two oh five fifty five sixteens", "IRONMAN-IMOVE", 4, "205/55r16"),
    ("four ironman two oh five fifty fives on sixteens", "IRONMAN-IMOVE", 4, "205/55r16"),
    ("two two oh five fifty five sixteen ironmans", "IRONMAN-IMOVE", 2, "205/55r16"),
    ("four of the goodyear assurance in two twenty five sixty fives on seventeens", "GY-ASSURANCE", 4, "225/65r17"),
    ("four general altimax arctics one ninety five sixty five fifteens", "GEN-ARCTIC", 4, "195/65r15"),
    ("two p zeros in two forty five forty nineteen", "PIRELLI-PZERO", 2, "245/40r19"),
    ("four blizzaks two fifteen sixty r sixteen", "BS-BLIZZAK", 4, "215/60r16"),
])
def test_a_tyre_size_said_in_parts(shop: Callable[[str], Chat], said: str, sku: str, count: int,
                                   size: str) -> None:
    chat = shop("tireshop")
    chat.say(said)
    assert [(s, n, o["size"]) for s, n, o in chat.lines] == [(sku, count, size)]


def test_a_code_said_without_its_letter_prefix(shop: Callable[[str], Chat]) -> None:
    chat = shop("tireshop")
    chat.say("four cooper at3s two seventy five sixty five r eighteen and a set of wheel locks")
    assert [(s, n, o.get("size")) for s, n, o in chat.lines] == [
        ("COOPER-AT3", 4, "lt275/65r18"), ("WHEEL-LOCKS", 1, None)]


def test_a_self_correction_before_a_code_said_in_parts(shop: Callable[[str], Chat]) -> None:
    chat = shop("tireshop")
    chat.say("six no sorry four general altimax arctics one ninety five sixty five fifteens")
    assert [(s, n, o["size"]) for s, n, o in chat.lines] == [("GEN-ARCTIC", 4, "195/65r15")]


@pytest.mark.parametrize("said, sku, count, size", [
    ("two road tires one eighty fifty fives on seventeens", "ROAD", 2, "180"),
    ("a one twenty seventy seventeen road tire", "ROAD", 1, "120"),
    ("a road tire one ninety fifty zr seventeen", "ROAD", 1, "190"),
    ("two trailer tires two oh five seventy five fifteens", "TRAILER", 2, "st205"),
    ("a trailer tire two twenty five seventy five r fifteen", "TRAILER", 1, "st225"),
])
def test_codes_said_in_parts_elsewhere(moto: Chat, said: str, sku: str, count: int, size: str) -> None:
    moto.say(said)
    assert moto.lines == [(sku, count, {"size": size})]


def test_numbers_no_code_has_are_no_choice(moto: Chat) -> None:
    reply = moto.say("two road tires one ninety fifty sixteens")
    assert moto.lines == []
    assert "size" in reply.text


def test_the_reading_leaves_a_count_and_other_numbers_alone(tmp_path: Path) -> None:
    store = store_of(tmp_path, _MOTO)
    try:
        lex = Lexicon.for_store(store)
        assert code_parts_said(lex, ["2", "2", "0", "5", "75", "fifteens", "trailer"]) == [
            "2", "st", "205", "75", "r", "15", "trailer"]
        assert code_parts_said(lex, ["2", "riding", "gloves", "and", "3", "4", "5"]) == [
            "2", "riding", "gloves", "and", "3", "4", "5"]
        assert code_parts_said(lex, ["1", "90", "50", "r"]) == ["1", "90", "50", "r"]  # no such code
    finally:
        store.close()


# --- add-ons asked for as done ------------------------------------------------------------------------------------

def test_done_forms_of_a_name_in_ing() -> None:
    assert ("mounted", "and", "balanced") in done_forms(["mounting and balancing"])
    assert {("terminal", "cleaned"), ("terminals", "cleaned")} <= done_forms(["terminal cleaning"])
    assert done_forms(["slicing"]) == set()  # one word: a kind ("slicing" tomatoes), no "sliced"
    assert done_forms(["mount and balance"]) == set()  # no word in "-ing": nothing to go by


@pytest.mark.parametrize("said, services", [
    ("four michelin defenders two oh five fifty five r sixteen mounted and balanced", {"mount_balance"}),
    ("four michelin defenders in two oh five fifty five sixteen and get them mounted and balanced",
     {"mount_balance"}),
])
def test_tyres_mounted_and_balanced(shop: Callable[[str], Chat], said: str, services: set[str]) -> None:
    chat = shop("tireshop")
    chat.say(said)
    assert [(s, n, o["size"], o.get("services")) for s, n, o in chat.lines] == [
        ("MICH-DEFENDER", 4, "205/55r16", *services)]


def test_terminals_cleaned(shop: Callable[[str], Chat]) -> None:
    chat = shop("tireshop")
    chat.say("an h six megatron plus and have the terminals cleaned please")
    assert chat.lines == [("INTERSTATE-MTP", 1, {"group": "h6", "services": "terminal_clean"})]


@pytest.mark.parametrize("said, extras", [
    ("a tune up and have the chain cleaned", "chain"),
    ("a tune up with the wheels trued", "truing"),
    ("a tune up with the carb synced and tuned", "sync"),
])
def test_add_ons_asked_for_as_done(moto: Chat, said: str, extras: str) -> None:
    moto.say(said)
    assert moto.lines == [("TUNE", 1, {"extras": extras})]


# --- a kind of goods and the product named after it ---------------------------------------------------------------

def test_a_kind_word_is_the_kind_not_what_is_for_it(shop: Callable[[str], Chat]) -> None:
    chat = shop("tireshop")
    reply = chat.say("four tires please")
    assert chat.lines == []
    assert "plug kit" not in reply.text and "carry-in" not in reply.text  # which tire, not which tire thing


@pytest.mark.parametrize("said, lines", [
    ("i need four tires two oh five fifty five sixteen the michelins and also a lawn tractor battery",
     [("MICH-DEFENDER", 4), ("LAWN-BATTERY", 1)]),
    ("four tires two oh five fifty five sixteen the ironmans and a tire gauge",
     [("IRONMAN-IMOVE", 4), ("PRESSURE-GAUGE", 1)]),
    ("two tires two oh five fifty five sixteen the michelins", [("MICH-DEFENDER", 2)]),
])
def test_a_kind_then_the_product(shop: Callable[[str], Chat], said: str, lines: list[tuple[str, int]]) -> None:
    chat = shop("tireshop")
    chat.say(said)
    assert [(s, n) for s, n, _ in chat.lines] == lines


# --- a choice named by what it fits -------------------------------------------------------------------------------

@pytest.mark.parametrize("said, count, fit", [
    ("two sets of snow chains for sixteen inch tires", 2, "16"),
    ("snow chains for seventeen inch tires", 1, "17"),
    ("a set of snow chains fifteen inch", 1, "15"),
])
def test_chains_for_a_tyre_size(shop: Callable[[str], Chat], said: str, count: int, fit: str) -> None:
    chat = shop("tireshop")
    chat.say(said)
    assert chat.lines == [("SNOW-CHAINS", count, {"fit": fit})]


def test_fit_said_elsewhere(moto: Chat) -> None:
    moto.say("a tire stand for eighteen inch wheels")
    assert moto.lines == [("STAND", 1, {"fit": "18"})]


def test_a_length_of_another_product_stays_its_own(shop: Callable[[str], Chat]) -> None:
    chat = shop("tireshop")
    chat.say("a sixteen inch bosch icon")
    assert chat.lines == [("BOSCH-ICON", 1, {"length": "16"})]


# --- a charge counted by the goods it is for ----------------------------------------------------------------------

@pytest.mark.parametrize("said, lines", [
    ("four ironman tires two oh five fifty five sixteens plus the disposal fee for the four old ones",
     [("IRONMAN-IMOVE", 4), ("TIRE-DISPOSAL", 4)]),
    ("the disposal fee for four old tires", [("TIRE-DISPOSAL", 4)]),
    ("the disposal fee for my two old tires and a tire gauge", [("TIRE-DISPOSAL", 2), ("PRESSURE-GAUGE", 1)]),
    ("the disposal fee for four people", [("TIRE-DISPOSAL", 1)]),  # no goods of the shop: no count of it
])
def test_a_fee_for_a_count_of_goods(shop: Callable[[str], Chat], said: str, lines: list[tuple[str, int]]) -> None:
    chat = shop("tireshop")
    chat.say(said)
    assert [(s, n) for s, n, _ in chat.lines] == lines


def test_a_fee_for_the_tyres_said_later(shop: Callable[[str], Chat]) -> None:
    chat = shop("tireshop")
    chat.say("two ironman two oh five fifty five sixteen")
    chat.say("actually make it a full set of four")
    chat.say("and the disposal fee for four old tires")
    assert [(s, n) for s, n, _ in chat.lines] == [("IRONMAN-IMOVE", 4), ("TIRE-DISPOSAL", 4)]


@pytest.mark.parametrize("said, lines", [
    ("tire mounting for two tires", [("MOUNT", 2)]),
    ("the tire mounting for the two old ones", [("MOUNT", 2)]),
    ("tire mounting for my four tires and riding gloves", [("MOUNT", 4), ("GLOVES", 1)]),
    ("the riding gloves for two road tires", [("GLOVES", 1)]),  # no charge: one pair of gloves
])
def test_work_counted_by_goods_elsewhere(moto: Chat, said: str, lines: list[tuple[str, int]]) -> None:
    moto.say(said)
    assert [(s, n) for s, n, _ in moto.lines] == lines


# --- a choice said into its product's name ------------------------------------------------------------------------

@pytest.mark.parametrize("said, lines", [
    ("can you do a four wheel alignment", [("ALIGNMENT", 1, {"type": "four_wheel"})]),
    ("plus a four wheel alignment", [("ALIGNMENT", 1, {"type": "four_wheel"})]),
    ("a two wheel alignment", [("ALIGNMENT", 1, {"type": "front_end"})]),
    ("two wheel alignments", [("ALIGNMENT", 2, {"type": "four_wheel"})]),  # no article: a count
])
def test_a_choice_said_into_the_name(shop: Callable[[str], Chat], said: str, lines: list[object]) -> None:
    chat = shop("tireshop")
    chat.say(said)
    assert chat.lines == lines


def test_a_choice_said_into_the_name_elsewhere(moto: Chat) -> None:
    moto.say("a two wheel balance and riding gloves")
    assert moto.lines == [("BAL", 1, {"wheels": "two"}), ("GLOVES", 1, {})]
