"""Brands, age words and packages on a small catalog written here, each a general mechanism:

- a word of a product's name that is a choice of other products ("puppy" of "puppy food", a stage of the treats),
  said with choices only that product offers, names that product ("puppy purina chicken", empty cart);
- a package word that is a choice of other products ("bag", a form of the treats) said before "of" and a choice
  holds the product the choice names ("a bag of purina": the dog food, not nothing);
- a group's own name is no choice reached through a synonym ("chicken flavor" is the flavour, not the liquid
  vitamins whose alias "syrup" the synonym would make "flavor");
- a plural topic word ending in "ies" finds what its singular names ("what do you have for allergies").
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_BRAND = {"code": "brand", "name": "brand", "default": "store", "values": [
    {"code": "store", "name": "store brand", "aliases": ["generic"]},
    {"code": "purina", "name": "purina", "price_delta": "4.00"}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "DOGFOOD", "name": "dog food", "price": "20.00", "options": [_BRAND]},
        {"sku": "PUPPYFOOD", "name": "puppy food", "aliases": ["pup food", "food for puppies"], "price": "22.00",
         "options": [_BRAND, {"code": "flavour", "name": "flavour", "required": True, "aliases": ["flavor"],
                              "values": [{"code": "chicken", "name": "chicken"}, {"code": "beef", "name": "beef"}]}]},
        {"sku": "TREATS", "name": "dog treats", "price": "6.00", "options": [
            {"code": "stage", "name": "stage", "default": "adult", "values": [
                {"code": "puppy", "name": "puppy", "aliases": ["pup", "for puppies"]},
                {"code": "adult", "name": "adult"}]},
            {"code": "flavour", "name": "flavour", "default": "bacon", "aliases": ["flavor"], "values": [
                {"code": "bacon", "name": "bacon"}, {"code": "chicken", "name": "chicken"}]},
            {"code": "pack", "name": "pack", "default": "bag", "values": [
                {"code": "bag", "name": "bag"}, {"code": "jar", "name": "jar"}]}]},
        {"sku": "VITAMINS", "name": "pet vitamins", "price": "12.00", "options": [
            {"code": "form", "name": "form", "default": "chews", "values": [
                {"code": "chews", "name": "chews"},
                {"code": "liquid", "name": "liquid", "aliases": ["syrup", "drops"]}]}]},
        {"sku": "ITCH", "name": "itch spray", "price": "9.00", "aliases": ["allergy spray", "allergy relief"]},
        {"sku": "LEASH", "name": "leash", "price": "15.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "flavour"), [
    ("puppy purina chicken", "chicken"), ("puppy purina the beef one", "beef"), ("pup purina beef", "beef"),
    ("um puppy purina chicken please", "chicken"), ("puppies purina beef", "beef")])
def test_a_name_word_that_is_a_choice_elsewhere_names_the_product(chat: Chat, said: str, flavour: str) -> None:
    chat.say(said)
    assert chat.lines == [("PUPPYFOOD", 1, {"brand": "purina", "flavour": flavour})]


def test_a_name_word_with_a_brand_asks_what_is_missing(chat: Chat) -> None:
    reply = chat.say("some puppy purina")
    assert "flavour" in reply.text
    chat.say("beef")
    assert chat.lines == [("PUPPYFOOD", 1, {"brand": "purina", "flavour": "beef"})]


def test_choices_another_product_offers_stay_that_product(chat: Chat) -> None:
    chat.say("puppy chicken treats")
    assert [(sku, o["stage"], o["flavour"]) for sku, _, o in chat.lines] == [("TREATS", "puppy", "chicken")]


@pytest.mark.parametrize(("said", "qty"), [("a bag of purina", 1), ("two bags of purina", 2),
                                           ("a jar of purina please", 1)])
def test_a_package_word_holds_the_product_the_choice_names(chat: Chat, said: str, qty: int) -> None:
    reply = chat.say(said)
    assert chat.lines == [("DOGFOOD", qty, {"brand": "purina"})]
    assert "come with" not in reply.text


def test_a_package_of_a_choice_in_a_list(chat: Chat) -> None:
    chat.say("a leash and a bag of purina")
    assert chat.lines == [("LEASH", 1, {}), ("DOGFOOD", 1, {"brand": "purina"})]


@pytest.mark.parametrize("said", ["purina chicken flavor", "purina beef flavor please", "the beef flavor purina"])
def test_a_group_name_is_no_choice_reached_by_a_synonym(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [(sku, o["brand"]) for sku, _, o in chat.lines] == [("PUPPYFOOD", "purina")]


@pytest.mark.parametrize("said", ["what do you have for allergies", "do you have anything for allergies",
                                  "what have you got for allergies"])
def test_a_plural_topic_word_finds_its_singular(chat: Chat, said: str) -> None:
    reply = chat.say(said)
    assert "itch spray" in reply.text
    assert chat.lines == []
