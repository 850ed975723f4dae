"""Counts said with containers and sizes said as numbers or plurals, on a small catalog written here.

- "two bottles of the red": a count of bottles, though "two bottles" is the gift box's own choice (with "the", "that",
  "your" between "of" and the product as without it);
- "two small bottles of rye": the plural of a choice's alias ("small bottle") names that choice, though another
  product's choice is spelled "small bottles";
- "a 375 of rye": a number after "a" that is a size of the product named after "of" is that size, not a count;
- "a cola zero two liter": a size said after a choice that names the product is that product's size, not an item of
  another product that comes in it too;
- "a jar of your honey": a product named "jar of honey" with a determiner said inside it, though "honey" alone is
  some other product's choice;
- "do you have dog bones" (the alias of a sold-out product, with others found beside it): it is said sold out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZES = {"code": "size", "name": "bottle size", "default": "750ml", "aliases": ["size"], "values": [
    {"code": "375ml", "name": "375 ml", "aliases": ["375", "pint", "half bottle", "small bottle"], "price_delta": "-9.00"},
    {"code": "750ml", "name": "750 ml", "aliases": ["750", "fifth", "regular bottle"]},
    {"code": "1.75l", "name": "1.75 liter", "aliases": ["1.75", "handle", "big bottle"], "price_delta": "15.00"}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {"spirit_size": _SIZES},
    "products": [
        {"sku": "RED", "name": "table red", "aliases": ["red", "the red wine", "merlot"], "price": "10.00",
         "options": [{"code": "wrap", "name": "wrap", "multiple": True, "values": [
             {"code": "gift", "name": "gift wrap", "aliases": ["gift wrapped"], "price_delta": "2.00"}]}]},
        {"sku": "RYE", "name": "old barn rye", "aliases": ["rye", "barn rye", "rye whiskey"], "price": "30.00",
         "options": ["spirit_size"]},
        {"sku": "GIN", "name": "harbor gin", "aliases": ["gin", "harbor"], "price": "25.00", "options": ["spirit_size"]},
        {"sku": "BOX", "name": "gift box", "aliases": ["wine box"], "price": "4.00", "options": [
            {"code": "holds", "name": "holds", "default": "one", "values": [
                {"code": "one", "name": "one bottle", "aliases": ["single"]},
                {"code": "two", "name": "two bottle", "aliases": ["two bottles", "double"], "price_delta": "2.00"}]}]},
        {"sku": "TONIC", "name": "tonic", "aliases": ["tonic water"], "price": "3.00", "options": [
            {"code": "size", "name": "size", "default": "1l", "values": [
                {"code": "1l", "name": "1 liter", "aliases": ["liter"]},
                {"code": "4pk", "name": "four pack", "aliases": ["small bottles"], "price_delta": "2.00"}]}]},
        {"sku": "COLA", "name": "cola", "aliases": ["colas"], "price": "2.50", "options": [
            {"code": "kind", "name": "kind", "default": "regular", "values": [
                {"code": "regular", "name": "regular"}, {"code": "zero", "name": "cola zero", "aliases": ["zero"]}]},
            {"code": "size", "name": "size", "default": "12pk", "values": [
                {"code": "12pk", "name": "12 pack", "aliases": ["twelve pack"]},
                {"code": "2l", "name": "2 liter", "aliases": ["two liter"], "price_delta": "-4.00"}]}]},
        {"sku": "FIZZ", "name": "fizzy water", "aliases": ["sparkling water"], "price": "1.50", "options": [
            {"code": "size", "name": "size", "default": "1l", "values": [
                {"code": "1l", "name": "1 liter bottle", "aliases": ["1 liter"]},
                {"code": "2l", "name": "2 liter", "aliases": ["2 liter", "two liter"], "price_delta": "1.00"}]}]},
        {"sku": "LAGER", "name": "pale lager", "aliases": ["lager"], "price": "9.00", "options": [
            {"code": "pack", "name": "pack", "default": "6", "values": [
                {"code": "6", "name": "six pack", "aliases": ["6 pack"]},
                {"code": "12", "name": "twelve pack", "aliases": ["12 pack"], "price_delta": "7.00"}]}]},
        {"sku": "TEA", "name": "iced tea", "aliases": ["tea"], "price": "3.00", "options": [
            {"code": "sweet", "name": "sweetener", "multiple": True, "values": [
                {"code": "honey", "name": "honey"}, {"code": "sugar", "name": "sugar"}]}]},
        {"sku": "HONEY", "name": "wildflower honey", "aliases": ["jar of honey", "jars of honey"], "price": "8.00"},
        {"sku": "CRACKERS", "name": "water crackers", "aliases": ["box of crackers", "crackers"], "price": "4.00"},
        {"sku": "BONES", "name": "beef marrow bones", "aliases": ["dog bones", "soup bones"], "price": "5.00",
         "stock": 0},
        {"sku": "BROTH", "name": "bone broth", "category": "soup", "tags": ["soup"], "price": "9.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", ["two bottles of the red", "two bottles of the merlot please",
                                  "i'll take two bottles of your table red", "two bottles of that merlot",
                                  "a couple bottles of the red"])
def test_bottles_of_the_product_count_it(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("RED", 2)]


def test_bottles_of_the_product_keep_its_choice(chat: Chat) -> None:
    chat.say("so i'll take two bottles of the red gift wrapped")
    assert chat.lines == [("RED", 2, {"wrap": "gift"})]


@pytest.mark.parametrize(("said", "sku", "qty"), [("two small bottles of rye", "RYE", 2),
                                                  ("three small bottles of the gin", "GIN", 3),
                                                  ("a couple of small bottles of harbor gin", "GIN", 2)])
def test_a_plural_of_a_choice_alias_names_it(chat: Chat, said: str, sku: str, qty: int) -> None:
    chat.say(said)
    assert chat.lines == [(sku, qty, {"size": "375ml"})]


def test_the_plural_stays_the_other_products_choice(chat: Chat) -> None:
    chat.say("the tonic water in small bottles")
    assert chat.lines == [("TONIC", 1, {"size": "4pk"})]


@pytest.mark.parametrize(("said", "size"), [("i'll do a 375 of rye", "375ml"), ("a 750 of the rye", "750ml"),
                                            ("a 1.75 of barn rye", "1.75l"), ("can i get a 375 of harbor gin", "375ml"),
                                            ("a handle of rye", "1.75l"), ("a fifth of gin", "750ml"),
                                            ("a pint of rye", "375ml"), ("two handles of gin", "1.75l")])
def test_a_size_said_as_the_container(chat: Chat, said: str, size: str) -> None:
    chat.say(said)
    assert len(chat.lines) == 1
    sku, qty, opts = chat.lines[0]
    assert opts == {"size": size}
    assert qty == (2 if said.startswith("two") else 1)


def test_a_count_of_a_number_is_still_a_count(chat: Chat) -> None:
    chat.say("two of the rye")
    assert chat.lines == [("RYE", 2, {"size": "750ml"})]


@pytest.mark.parametrize("said", ["a cola zero two liter", "a lager twelve pack and a cola zero two liter",
                                  "one cola zero 2 liter please"])
def test_a_size_after_the_choice_naming_the_product_is_its_own(chat: Chat, said: str) -> None:
    chat.say(said)
    assert ("COLA", 1, {"kind": "zero", "size": "2l"}) in chat.lines
    assert not any(sku == "FIZZ" for sku, _, _ in chat.lines)
    assert len(chat.lines) == (2 if "lager" in said else 1)


@pytest.mark.parametrize("said", ["a box of crackers and a jar of your honey", "a jar of the honey",
                                  "a jar of that honey and a box of crackers"])
def test_a_container_name_with_a_determiner_inside(chat: Chat, said: str) -> None:
    chat.say(said)
    assert ("HONEY", 1, {}) in chat.lines
    assert all(sku in ("HONEY", "CRACKERS") for sku, _, _ in chat.lines)
    assert len(chat.lines) == (2 if "crackers" in said else 1)


@pytest.mark.parametrize("said", ["do you have soup bones", "do you have any dog bones"])
def test_a_sold_out_product_asked_by_its_alias(chat: Chat, said: str) -> None:
    reply = chat.say(said)
    assert "sold out" in reply.text
    assert "yes" not in reply.text.lower().split(".")[0]
    assert chat.lines == []
