"""Choices said with a count and no product noun name the product that offers them all together: "three 6 packs
of 75 watt daylight" are three lamp bulbs (though "6 pack" is the button cells' too and "3" some choice), "a pint
of walnut matte" is the wood stain. When several products offer them all, the one the noun their names share
names ("stain": the wood stain, not the deck stain) is meant; when that noun names none of them, the shopper is
asked which, never left with an empty cart. A choice said where its group's name stands in a product's name ("a
side of garlic", the shop selling a "side of sauce") is that product. A catalog written here (a hardware counter
with a snack stand)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "colour": {"code": "colour", "name": "colour", "required": True, "values": [
            {"code": "walnut", "name": "walnut"}, {"code": "oak", "name": "golden oak", "aliases": ["oak"]},
            {"code": "ebony", "name": "ebony", "aliases": ["black"]}]},
        "sheen": {"code": "sheen", "name": "sheen", "default": "satin", "values": [
            {"code": "matte", "name": "matte", "aliases": ["flat"]}, {"code": "satin", "name": "satin"},
            {"code": "gloss", "name": "gloss", "aliases": ["glossy"], "price_delta": "1.00"}]},
        "tin": {"code": "tin", "name": "tin size", "default": "pint", "values": [
            {"code": "pint", "name": "pint", "aliases": ["pints"]},
            {"code": "quart", "name": "quart", "aliases": ["quarts"], "price_delta": "6.00"}]},
        "pack": {"code": "pack", "name": "pack", "default": "2", "values": [
            {"code": "2", "name": "2 pack", "aliases": ["two pack"]},
            {"code": "6", "name": "6 pack", "aliases": ["six pack"], "price_delta": "4.00"}]},
        "ribbon_colour": {"code": "colour", "name": "colour", "required": True, "values": [
            {"code": "red", "name": "red"}, {"code": "blue", "name": "blue"}]},
        "sauce": {"code": "sauce", "name": "sauce", "default": "ketchup", "values": [
            {"code": "none", "name": "no sauce"}, {"code": "ketchup", "name": "ketchup"},
            {"code": "garlic", "name": "garlic mayo", "aliases": ["garlic"]}, {"code": "chili", "name": "chili"}]},
        "width": {"code": "width", "name": "width", "required": True, "values": [
            {"code": "narrow", "name": "narrow"}, {"code": "wide", "name": "wide"}]},
    },
    "products": [
        {"sku": "WOOD-STAIN", "name": "wood stain", "price": "12.00", "stock": 50, "aliases": ["stain"],
         "options": ["colour", "sheen", "tin"]},
        {"sku": "DECK-STAIN", "name": "deck stain", "price": "15.00", "stock": 50,
         "options": ["colour", {"use": "sheen", "default": "gloss"}, "tin"]},
        {"sku": "MARKER", "name": "touch up marker", "price": "4.00", "stock": 50, "options": ["colour"]},
        {"sku": "BULB", "name": "lamp bulb", "price": "5.00", "stock": 50, "options": [
            {"code": "watts", "name": "watts", "default": "40", "values": [
                {"code": "40", "name": "40 watt"}, {"code": "75", "name": "75 watt"}]},
            {"code": "tone", "name": "light", "default": "warm", "values": [
                {"code": "warm", "name": "warm white"}, {"code": "day", "name": "daylight"}]},
            "pack"]},
        {"sku": "CELLS", "name": "button cells", "price": "3.00", "stock": 50, "options": ["pack"]},
        {"sku": "SCREWS", "name": "wall screws", "price": "2.00", "stock": 50, "options": [
            {"code": "length", "name": "length", "default": "1in", "values": [
                {"code": "1in", "name": "1 inch"}, {"code": "3in", "name": "3 inch", "aliases": ["3"]}]}]},
        {"sku": "COTTON-RIBBON", "name": "cotton ribbon", "price": "2.00", "stock": 50,
         "options": ["ribbon_colour", "width"]},
        {"sku": "SILK-RIBBON", "name": "silk ribbon", "price": "3.00", "stock": 50,
         "options": ["ribbon_colour", "width"]},
        {"sku": "FRIES", "name": "fries", "price": "3.00", "stock": 50, "options": ["sauce"]},
        {"sku": "SIDE-SAUCE", "name": "side of sauce", "price": "0.50", "stock": 50, "options": [
            {"use": "sauce", "required": True, "default": None}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "want"), [
    ("three 6 packs of 75 watt daylight", [("BULB", 3, {"watts": "75", "tone": "day", "pack": "6"})]),
    ("two 6 packs of daylight 75 watt please", [("BULB", 2, {"watts": "75", "tone": "day", "pack": "6"})]),
    ("a 6 pack of warm white 75 watt", [("BULB", 1, {"watts": "75", "tone": "warm", "pack": "6"})]),
])
def test_choices_only_one_product_offers_together_name_it(chat: Chat, said: str,
                                                          want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert chat.lines == want, chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("a pint of walnut matte", [("WOOD-STAIN", 1, {"colour": "walnut", "sheen": "matte", "tin": "pint"})]),
    ("i need two quarts of ebony gloss for the fence",
     [("WOOD-STAIN", 2, {"colour": "ebony", "sheen": "gloss", "tin": "quart"})]),
    ("a quart of golden oak", [("WOOD-STAIN", 1, {"colour": "oak", "sheen": "satin", "tin": "quart"})]),
    ("a couple pints of oak satin and a quart of walnut flat for the trim",
     [("WOOD-STAIN", 2, {"colour": "oak", "sheen": "satin", "tin": "pint"}),
      ("WOOD-STAIN", 1, {"colour": "walnut", "sheen": "matte", "tin": "quart"})]),
])
def test_of_several_the_one_their_shared_noun_names(chat: Chat, said: str,
                                                    want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert chat.lines == want, chat.replies[-1].text


def test_the_lines_so_named_can_be_changed(chat: Chat) -> None:
    chat.say("a pint of walnut matte and a pint of ebony matte")
    chat.say("make the ebony one gloss")
    assert chat.lines == [("WOOD-STAIN", 1, {"colour": "walnut", "sheen": "matte", "tin": "pint"}),
                          ("WOOD-STAIN", 1, {"colour": "ebony", "sheen": "gloss", "tin": "pint"})]


@pytest.mark.parametrize("said", ["a wide red", "two narrow blue please", "a red wide and a spool of tape"])
def test_of_several_that_no_noun_separates_the_shopper_is_asked(chat: Chat, said: str) -> None:
    reply = chat.say(said).text.lower()
    assert chat.lines == []
    assert "cotton ribbon" in reply and "silk ribbon" in reply, reply


@pytest.mark.parametrize(("said", "want"), [
    ("fries with no sauce and a side of garlic", [("FRIES", 1, {"sauce": "none"}), ("SIDE-SAUCE", 1, {"sauce": "garlic"})]),
    ("a side of chili", [("SIDE-SAUCE", 1, {"sauce": "chili"})]),
    ("two sides of garlic mayo please", [("SIDE-SAUCE", 2, {"sauce": "garlic"})]),
    ("two fries and a side of ketchup", [("FRIES", 2, {"sauce": "ketchup"}), ("SIDE-SAUCE", 1, {"sauce": "ketchup"})]),
])
def test_a_choice_said_in_place_of_its_group_in_a_name_is_that_product(
        chat: Chat, said: str, want: list[tuple[str, int, dict[str, str]]]) -> None:
    """"a side of garlic": the shop's "side of sauce" with that sauce, not the fries' sauce."""
    chat.say(said)
    assert chat.lines == want, chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("a pint of walnut deck stain", [("DECK-STAIN", 1, {"colour": "walnut", "sheen": "gloss", "tin": "pint"})]),
    ("two walnut touch up markers", [("MARKER", 2, {"colour": "walnut"})]),
    ("a 6 pack of button cells", [("CELLS", 1, {"pack": "6"})]),
])
def test_a_product_said_after_the_choices_still_heads_them(chat: Chat, said: str,
                                                           want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert chat.lines == want, chat.replies[-1].text
