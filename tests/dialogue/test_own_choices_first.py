"""A product's own choices first, on a small catalog written here: a choice of the product said that runs over more
words wins over a shorter phrase of a choice only other products have ("a sleeve for a kindle paperwhite" where "for
a kindle" is the chargers' plug); a count before a plural name is how many, not a "3 pack" choice; a counted
product said inside another product's add-on name is an item of its own ("a charger and two usb c cords"); a
trailing "for ..." both items need goes to both; "for it" is for what the item before was for; and "a lamp for my
desk" names the desk lamp."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "device": {"code": "device", "name": "device", "required": True, "values": [
            {"code": "paperwhite", "name": "kindle paperwhite", "aliases": ["paperwhite"]},
            {"code": "oasis", "name": "kindle oasis"},
            {"code": "ipad_air", "name": "ipad air"},
            {"code": "ipad_mini", "name": "ipad mini"}]},
        "plug": {"code": "plug", "name": "plug", "required": True, "values": [
            {"code": "usb_c", "name": "usb c", "aliases": ["type c", "kindle", "for a kindle"]},
            {"code": "lightning", "name": "lightning", "aliases": ["ipad", "for an ipad"]}]},
    },
    "products": [
        {"sku": "SLEEVE", "name": "tablet sleeve", "aliases": ["sleeve", "sleeves"], "price": "20.00", "options": [
            "device", {"code": "colour", "name": "colour", "required": True, "values": [
                {"code": "grey", "name": "grey"}, {"code": "navy", "name": "navy"}, {"code": "red", "name": "red"}]}]},
        {"sku": "CHARGER", "name": "charger", "aliases": ["chargers"], "price": "15.00", "options": [
            {"code": "cord", "name": "cord", "values": [
                {"code": "usb_c", "name": "with usb c cord", "aliases": ["usb c cord"], "price_delta": "5.00"},
                {"code": "lightning", "name": "with lightning cord", "aliases": ["lightning cord"],
                 "price_delta": "6.00"}]}]},
        {"sku": "CORD", "name": "cord", "aliases": ["cords", "cable"], "price": "8.00", "options": ["plug"]},
        {"sku": "FILM", "name": "screen guard", "aliases": ["screen guards", "guard", "guards"], "price": "10.00",
         "options": ["device", {"code": "pack", "name": "pack", "default": "single", "values": [
             {"code": "single", "name": "single", "aliases": ["1 pack", "one pack"]},
             {"code": "three", "name": "3 pack", "aliases": ["three pack"], "price_delta": "12.00"}]}]},
        {"sku": "STAND", "name": "reading stand", "aliases": ["stand", "stands"], "price": "25.00",
         "options": ["device"]},
        {"sku": "READING-LAMP", "name": "reading lamp", "aliases": ["lamp", "lamps"], "price": "30.00"},
        {"sku": "DESK-LAMP", "name": "desk lamp", "price": "35.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "device", "colour"), [
    ("a grey sleeve for a kindle paperwhite", "paperwhite", "grey"),
    ("a navy sleeve for a kindle oasis please", "oasis", "navy"),
    ("can i get a red tablet sleeve for an ipad mini", "ipad_mini", "red"),
    ("a sleeve for an ipad air in grey", "ipad_air", "grey"),
])
def test_the_products_own_longer_choice_wins(chat: Chat, said: str, device: str, colour: str) -> None:
    reply = chat.say(said)
    assert chat.lines == [("SLEEVE", 1, {"device": device, "colour": colour})]
    assert "come with" not in reply.text


def test_the_shorter_phrase_still_names_the_choice_of_a_product_that_has_it(chat: Chat) -> None:
    chat.say("a charger and a cord for a kindle")
    assert ("CORD", 1, {"plug": "usb_c"}) in chat.lines


@pytest.mark.parametrize(("said", "qty", "device"), [
    ("two screen guards for the ipad air", 2, "ipad_air"),
    ("three guards for my kindle oasis", 3, "oasis"),
    ("could i have 3 screen guards for a kindle paperwhite", 3, "paperwhite"),
])
def test_a_count_before_a_plural_is_how_many(chat: Chat, said: str, qty: int, device: str) -> None:
    chat.say(said)
    assert chat.lines == [("FILM", qty, {"device": device, "pack": "single"})]


def test_a_pack_said_is_still_the_pack(chat: Chat) -> None:
    chat.say("a 3 pack screen guard for the ipad mini")
    assert chat.lines == [("FILM", 1, {"device": "ipad_mini", "pack": "three"})]


@pytest.mark.parametrize("said", ["a charger and two usb c cords", "one charger and 2 usb c cords please",
                                  "two usb c cords and a charger"])
def test_a_counted_product_inside_an_add_on_name_is_its_own_item(chat: Chat, said: str) -> None:
    chat.say(said)
    assert sorted(chat.lines) == [("CHARGER", 1, {}), ("CORD", 2, {"plug": "usb_c"})]


def test_the_add_on_after_with_stays_the_add_on(chat: Chat) -> None:
    chat.say("a charger with a usb c cord")
    assert chat.lines == [("CHARGER", 1, {"cord": "usb_c"})]


@pytest.mark.parametrize("said", ["a reading stand and a screen guard for the ipad mini",
                                  "a screen guard and a stand for my ipad mini"])
def test_a_trailing_for_both_items_need_goes_to_both(chat: Chat, said: str) -> None:
    chat.say(said)
    assert sorted((sku, opts["device"]) for sku, _, opts in chat.lines) == [("FILM", "ipad_mini"),
                                                                             ("STAND", "ipad_mini")]


@pytest.mark.parametrize("said", ["a navy sleeve for a kindle paperwhite and a screen guard for it too",
                                  "a grey sleeve for the kindle paperwhite and a stand for that one"])
def test_for_it_is_for_what_the_item_before_was_for(chat: Chat, said: str) -> None:
    chat.say(said)
    assert {opts["device"] for _, _, opts in chat.lines} == {"paperwhite"}
    assert len(chat.lines) == 2


@pytest.mark.parametrize("said", ["a lamp for my desk", "i need a lamp for the desk"])
def test_for_my_names_the_product_named_so(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("DESK-LAMP", 1, {})]


def test_a_lamp_for_reading_stays_the_lamp(chat: Chat) -> None:
    chat.say("a lamp please")
    assert chat.lines == [("READING-LAMP", 1, {})]
