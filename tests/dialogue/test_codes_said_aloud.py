"""Capacities, speeds and model codes a catalog prints ("512GB", "1TB", "DDR4-2666", "16GB kit (2x8GB)", "RT-1950",
"120mm", "up to 4TB") said aloud, on an electronics counter written here and on the computer parts counter of the
corpus.

- a data size or a frequency is a measure: its unit answers in every usual form ("five twelve gig", "one tera", "two
  terabytes", "a hundred twenty eight gigs"), and a measure in the other unit of its kind ("half a terabyte" is the
  500GB, "a thousand gigs" the 1TB);
- a number of four digits said as two pairs ("nineteen fifty", "twenty six sixty sixes") is the number the catalog
  prints; a number of three said in parts with a lone "one" ("one twenty fans") is the printed 120mm;
- a number every choice of a group ends a shared lead with ("2666" of "DDR4-2666") names its choice alone, and a
  measure a choice's name opens with, written as one word ("8GB" of "8GB kit (2x4GB)"), names it unless another
  choice of that group opens with it too ("sixteen gigs" of "16GB (1x16GB)" and "16GB kit (2x8GB)" is asked);
- two ends of one kind joined with "to" ("USB-C to USB-A") answer with the shared word said once ("usb c to a");
- a word that opens a product's name, said right before a noun the shop does not know ("a gaming chair" where the
  shop sells a "gaming mouse"), names that other thing, not the product;
- an item said and taken back in the same turn ("and a laptop dock no wait scratch the dock") is not ordered, and
  the words are no item not found;
- a number before a unit is no price ("up to four terabytes" is the "up to 4TB" choice, no price limit), and after
  "at" a number no clock shows ("at twenty nine thirty three") is no time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dialogue.codes import codes_said, leading_measures, numbers_after_shared_lead, spoken_codes
from tests.dialogue.conftest import Chat, chat_of

_COUNTER = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "SDCARD", "name": "SD card", "price": "10.00", "category": "storage", "options": [
            {"code": "capacity", "name": "capacity", "required": True, "values": [
                {"code": "64gb", "name": "64GB"}, {"code": "128gb", "name": "128GB", "price_delta": "5.00"},
                {"code": "256gb", "name": "256GB", "price_delta": "12.00"},
                {"code": "512gb", "name": "512GB", "price_delta": "30.00"},
                {"code": "1tb", "name": "1TB", "price_delta": "70.00"}]}]},
        {"sku": "ROUTER", "name": "RT-1950 router", "aliases": ["rt 1950"], "price": "120.00", "category": "network"},
        {"sku": "MEMORY", "name": "desktop memory", "price": "20.00", "category": "memory", "options": [
            {"code": "kit", "name": "kit", "required": True, "values": [
                {"code": "2x4", "name": "8GB kit (2x4GB)"}, {"code": "1x16", "name": "16GB (1x16GB)"},
                {"code": "2x8", "name": "16GB kit (2x8GB)"}, {"code": "2x16", "name": "32GB kit (2x16GB)"}]},
            {"code": "speed", "name": "speed", "default": "2666", "values": [
                {"code": "2666", "name": "DDR4-2666"}, {"code": "2933", "name": "DDR4-2933", "price_delta": "4.00"}]}]},
        {"sku": "BACKUP", "name": "backup service", "price": "40.00", "category": "service", "options": [
            {"code": "amount", "name": "amount of data", "default": "1tb", "values": [
                {"code": "1tb", "name": "up to 1TB"}, {"code": "4tb", "name": "up to 4TB", "price_delta": "30.00"}]}]},
        {"sku": "FAN", "name": "case fan", "price": "12.00", "category": "cooling", "options": [
            {"code": "size", "name": "size", "default": "120", "values": [
                {"code": "120", "name": "120mm"}, {"code": "140", "name": "140mm", "price_delta": "3.00"}]},
            {"code": "pack", "name": "pack", "default": "single", "values": [
                {"code": "single", "name": "single"}, {"code": "3pk", "name": "3 pack", "price_delta": "20.00"}]}]},
        {"sku": "CABLE", "name": "usb cable", "price": "8.00", "category": "cables"},
        {"sku": "ADAPTER", "name": "USB-C to USB-A adapter", "price": "6.00", "category": "cables"},
        {"sku": "DOCK", "name": "laptop dock", "price": "90.00", "category": "cables", "options": [
            {"code": "plug", "name": "plug", "required": True, "values": [
                {"code": "c_c", "name": "USB-C to USB-C"}, {"code": "a_c", "name": "USB-A to USB-C"}]}]},
        {"sku": "SSD", "name": "sata ssd", "price": "40.00", "category": "storage", "options": [
            {"code": "capacity", "name": "capacity", "required": True, "values": [
                {"code": "500gb", "name": "500GB"}, {"code": "1tb", "name": "1TB", "price_delta": "25.00"}]}]},
    ],
}


@pytest.fixture
def counter(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _COUNTER)


# --- the spoken forms -----------------------------------------------------------------------------------------

def test_data_sizes_answer_to_every_form_of_their_unit() -> None:
    forms = spoken_codes(["512GB"])
    assert {("5", "12", "gig"), ("512", "gigs"), ("512", "gigabytes")} <= forms
    assert {("1", "tera"), ("1", "terabyte"), ("1", "tb")} <= spoken_codes(["1TB"])
    assert ("one", "20", "mm") in spoken_codes(["120mm"])  # "one twenty mil", as to_digits leaves "one"


def test_a_measure_is_said_in_the_other_unit_of_its_kind() -> None:
    assert {("half", "a", "terabyte"), ("half", "tb"), ("one", "half", "tera")} <= spoken_codes(["500GB"])
    assert ("1000", "gigs") in spoken_codes(["1TB"])  # "a thousand gigs"
    assert ("1", "foot") in spoken_codes(["12 in"])  # ("one foot" is looked up as "1 foot")
    assert not any(p[0] == "500000" for p in spoken_codes(["500GB"]))  # no such number is said


def test_four_digits_said_in_pairs_only_as_the_catalog_has_them() -> None:
    known = {"1950", "2933", "1080"}.__contains__
    assert codes_said(known, ["rt", "19", "50"]) == ["rt", "1950"]
    assert codes_said(known, ["2", "rt", "19", "fifties"]) == ["2", "rt", "1950"]
    assert codes_said(known, ["10", "80", "p"]) == ["1080", "p"]
    assert codes_said(known, ["20", "30", "cables"]) == ["20", "30", "cables"]  # no 2030 in the catalog


def test_a_shared_lead_leaves_the_number_and_a_leading_measure_names_its_choice() -> None:
    assert numbers_after_shared_lead({"a": "DDR4-2666", "b": "DDR4-2933"}) == {"a": ("2666",), "b": ("2933",)}
    assert numbers_after_shared_lead({"a": "DDR4-2666", "b": "DDR5-5600"}) == {}  # no lead shared
    assert numbers_after_shared_lead({"s": "size 3", "m": "size 4"}) == {}  # a small number is a count
    kits = {"2x4": "8GB kit (2x4GB)", "1x16": "16GB (1x16GB)", "2x8": "16GB kit (2x8GB)", "one": "1TB"}
    assert leading_measures(kits) == {"2x4": "8GB"}  # 16GB opens two choices; "1TB" is the whole name
    assert leading_measures(kits, {("8", "gb")}) == {}  # opened two choices of another product's group


# --- invented catalog -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("said, capacity", [
    ("a two fifty six gig sd card", "256gb"), ("a one tera sd card", "1tb"), ("an sd card one terabyte", "1tb"),
    ("a five twelve gig sd card", "512gb"), ("a one twenty eight gigabyte sd card", "128gb"),
    ("a sixty four gig sd card", "64gb"),
])
def test_a_capacity_said_aloud(counter: Chat, said: str, capacity: str) -> None:
    counter.say(said)
    assert counter.lines == [("SDCARD", 1, {"capacity": capacity})]


@pytest.mark.parametrize("said, capacity", [
    ("half a terabyte sata ssd", "500gb"), ("a half terabyte sata ssd", "500gb"),
    ("a sata ssd a thousand gigs", "1tb"), ("a five hundred gig sata ssd", "500gb"),
])
def test_a_capacity_said_in_another_unit(counter: Chat, said: str, capacity: str) -> None:
    counter.say(said)
    assert counter.lines == [("SSD", 1, {"capacity": capacity})]


def test_a_count_before_a_capacity_said_in_parts(counter: Chat) -> None:
    counter.say("three one twenty eight gig sd cards and two sixty four gig ones")
    assert sorted(counter.lines) == [("SDCARD", 2, {"capacity": "64gb"}), ("SDCARD", 3, {"capacity": "128gb"})]


@pytest.mark.parametrize("said, count", [
    ("the rt nineteen fifty", 1), ("two rt nineteen fifties", 2), ("a usb cable and an rt nineteen fifty router", 1),
])
def test_a_model_number_said_in_pairs(counter: Chat, said: str, count: int) -> None:
    counter.say(said)
    assert counter.counts.get("ROUTER") == count


@pytest.mark.parametrize("said, kit, speed", [
    ("eight gigs of desktop memory", "2x4", "2666"), ("thirty two gigs of memory", "2x16", "2666"),
    ("desktop memory two by eight twenty nine thirty three", "2x8", "2933"),
    ("a memory kit two by sixteen at twenty nine thirty three", "2x16", "2933"),
])
def test_memory_by_its_size_and_speed(counter: Chat, said: str, kit: str, speed: str) -> None:
    counter.say(said)
    assert counter.lines == [("MEMORY", 1, {"kit": kit, "speed": speed})]


def test_a_measure_two_choices_open_with_is_asked(counter: Chat) -> None:
    reply = counter.say("sixteen gigs of desktop memory")
    assert counter.lines == []
    assert "kit" in reply.text.lower()


@pytest.mark.parametrize("said, amount", [
    ("the backup service up to four terabytes", "4tb"), ("a backup service for up to four tb", "4tb"),
    ("a backup service up to one terabyte", "1tb"),
])
def test_a_measure_after_up_to_is_no_price(counter: Chat, said: str, amount: str) -> None:
    counter.say(said)
    assert counter.lines == [("BACKUP", 1, {"amount": amount})]


@pytest.mark.parametrize("said, count, size, pack", [
    ("a three pack of one twenty fans", 1, "120", "3pk"), ("two one forty fans", 2, "140", "single"),
    ("a one forty mil case fan", 1, "140", "single"),
])
def test_a_fan_size_said_with_one(counter: Chat, said: str, count: int, size: str, pack: str) -> None:
    counter.say(said)
    assert counter.lines == [("FAN", count, {"size": size, "pack": pack})]


@pytest.mark.parametrize("said", [
    "a usb cable and a case sticker", "a usb cable and uh a case badge", "a case sticker and a usb cable",
])
def test_a_part_of_a_name_before_a_noun_the_shop_does_not_know(counter: Chat, said: str) -> None:
    counter.say(said)
    assert counter.lines == [("CABLE", 1, {})]  # no case fan


def test_a_part_of_a_name_before_a_noun_the_shop_does_not_know_asks_nothing_of_it(counter: Chat) -> None:
    reply = counter.say("a desktop lamp")
    assert counter.lines == [] and "kit" not in reply.text.lower()


@pytest.mark.parametrize("said, sku", [("the case one please", "FAN"), ("two case ones", "FAN"), ("a case fan", "FAN")])
def test_a_part_of_a_name_before_a_common_word_still_names(counter: Chat, said: str, sku: str) -> None:
    counter.say(said)
    assert sku in counter.counts


@pytest.mark.parametrize("said, lines", [
    ("a usb c to a adapter", [("ADAPTER", 1, {})]), ("two usb c to usb a adapters", [("ADAPTER", 2, {})]),
    ("a laptop dock usb a to c", [("DOCK", 1, {"plug": "a_c"})]),
    ("a laptop dock usb c to c", [("DOCK", 1, {"plug": "c_c"})]),
])
def test_the_ends_of_a_connector_said_with_their_word_once(counter: Chat, said: str,
                                                           lines: list[tuple[str, int, dict[str, str]]]) -> None:
    counter.say(said)
    assert counter.lines == lines


@pytest.mark.parametrize("said", [
    "a usb cable and a case fan no wait scratch the fan", "a usb cable and a case fan actually skip the case fan",
    "a case fan and a usb cable no wait forget the fan", "a case fan and a usb cable sorry scratch the case fan",
])
def test_an_item_taken_back_in_the_same_turn(counter: Chat, said: str) -> None:
    reply = counter.say(said)
    assert counter.lines == [("CABLE", 1, {})]
    assert "find" not in reply.text.lower()


def test_the_head_said_again_with_the_still_names_the_item(counter: Chat) -> None:
    counter.say("a case fan and a usb cable the fan in the three pack")
    assert sorted(counter.lines) == [("CABLE", 1, {}), ("FAN", 1, {"size": "120", "pack": "3pk"})]


def test_a_time_after_at_is_still_no_count(counter: Chat) -> None:
    counter.say("a usb cable")
    counter.say("can i pick it up at five")
    assert counter.lines == [("CABLE", 1, {})]


# --- the computer parts counter of the corpus ------------------------------------------------------------------

@pytest.mark.parametrize("said, lines", [
    ("um hi can i get a one tera nvme and a tube of thermal paste",
     {"NVME-SSD": {"capacity": "1tb", "heatsink": "bare"}, "THERMAL-PASTE": {"size": "4g"}}),
    ("the rtx forty sixty a seven fifty watt psu to go with it",
     {"GPU-4060": {}, "PSU": {"wattage": "750w"}}),
    ("i'll do the three sixty aio and thirty two gigs of ddr4 thirty six hundred",
     {"AIO": {"radiator": "360"}, "RAM-DDR4": {"kit": "2x16", "speed": "3600"}}),
])
def test_the_parts_counter(shop: Callable[[str], Chat], said: str, lines: dict[str, dict[str, str]]) -> None:
    chat = shop("pcparts")
    chat.say(said)
    got = {sku: options for sku, count, options in chat.lines}
    assert set(got) == set(lines)
    for sku, options in lines.items():
        assert got[sku] | options == got[sku], (sku, got[sku])
        assert all(count == 1 for _, count, _ in chat.lines)
