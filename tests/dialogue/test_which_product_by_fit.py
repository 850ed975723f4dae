"""Which product a phrase names, decided by the words said with it, on a small catalog written here: a word naming
a product and a choice of another ("colombian": the bag of beans, and the brewed coffee's bean) is the choice when
the other words fit only the other product ("a hot colombian with oat milk"); a word naming a product and part of
another's name is that other product when its choice is said ("the dutch process cocoa": the cocoa tin, not the
hot cocoa); and a package word before "of" and a choice of another product is that product's package ("a bottle
of vanilla syrup": the syrup, not the water bottle)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_WEIGHT = {"code": "weight", "name": "weight", "default": "250g", "values": [
    {"code": "250g", "name": "250 grams", "aliases": ["small", "small bag"]},
    {"code": "1kg", "name": "1 kilo", "aliases": ["large", "large bag", "kilo"], "price_delta": "20.00"}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "cup": {"code": "cup", "name": "cup size", "default": "medium", "values": [
            {"code": "small", "name": "small"}, {"code": "medium", "name": "medium"},
            {"code": "large", "name": "large", "price_delta": "1.00"}]},
        "temp": {"code": "temp", "name": "temperature", "default": "hot", "values": [
            {"code": "hot", "name": "hot"}, {"code": "iced", "name": "iced"}]},
        "adds": {"code": "adds", "name": "add ins", "multiple": True, "values": [
            {"code": "oat", "name": "oat milk"}, {"code": "sugar", "name": "sugar"},
            {"code": "cinnamon", "name": "cinnamon"}]},
    },
    "products": [
        {"sku": "COLOMBIAN", "name": "colombian", "aliases": ["colombian beans"], "price": "14.00",
         "options": [_WEIGHT]},
        {"sku": "KENYA", "name": "kenya", "aliases": ["kenya beans", "kenyan"], "price": "16.00",
         "options": [_WEIGHT]},
        {"sku": "COFFEE", "name": "brewed coffee", "aliases": ["coffee", "coffees", "drip coffee"], "price": "3.00",
         "options": [{"code": "bean", "name": "bean", "required": True, "values": [
             {"code": "colombian", "name": "colombian"}, {"code": "kenya", "name": "kenya", "aliases": ["kenyan"]},
             {"code": "house", "name": "house blend", "aliases": ["house"]}]}, "cup", "temp", "adds"]},
        {"sku": "COCOA", "name": "hot cocoa", "aliases": ["cocoa", "hot chocolate"], "price": "4.00",
         "options": ["cup", "adds"]},
        {"sku": "COCOA-TIN", "name": "cocoa powder", "aliases": ["tin of cocoa", "cocoa tin"], "price": "9.00",
         "options": [{"code": "process", "name": "process", "default": "natural", "values": [
             {"code": "natural", "name": "natural"},
             {"code": "dutch", "name": "dutch process", "aliases": ["dutch", "dutched"]}]}]},
        {"sku": "SYRUP", "name": "syrup", "price": "8.00", "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "vanilla", "name": "vanilla", "aliases": ["vanilla syrup"]},
                {"code": "caramel", "name": "caramel", "aliases": ["caramel syrup"]}]}]},
        {"sku": "BOTTLE", "name": "water bottle", "aliases": ["bottle", "bottles"], "price": "12.00"},
        {"sku": "MUG", "name": "mug", "price": "10.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _drinks(chat: Chat) -> list[tuple[str, str, str]]:
    return sorted((sku, opts.get("bean", ""), opts.get("temp", "")) for sku, _, opts in chat.lines)


@pytest.mark.parametrize(("said", "want"), [
    ("a hot colombian", [("COFFEE", "colombian", "hot")]),
    ("an iced kenya please", [("COFFEE", "kenya", "iced")]),
    ("uh a small colombian with oat milk", [("COFFEE", "colombian", "hot")]),
    ("a large hot colombian with a little sugar", [("COFFEE", "colombian", "hot")]),
    ("one iced kenyan large and a hot colombian small", [("COFFEE", "colombian", "hot"), ("COFFEE", "kenya", "iced")]),
    ("two iced coffees one colombian one kenya", [("COFFEE", "colombian", "iced"), ("COFFEE", "kenya", "iced")]),
])
def test_a_word_naming_a_product_and_a_choice_is_the_choice_the_other_words_fit(chat: Chat, said: str,
                                                                               want: list[tuple[str, str, str]]) -> None:
    chat.say(said)
    assert _drinks(chat) == want
    assert "doesn't come with" not in chat.replies[-1].text


@pytest.mark.parametrize(("said", "weight"), [("a colombian", "250g"), ("a kilo of colombian", "1kg"),
                                              ("a large bag of kenya", "1kg"), ("two small colombian", "250g")])
def test_the_product_stays_when_nothing_fits_the_other(chat: Chat, said: str, weight: str) -> None:
    chat.say(said)
    assert [(sku, opts.get("weight")) for sku, _, opts in chat.lines] in (
        [("COLOMBIAN", weight)], [("KENYA", weight)])


def test_both_readings_in_one_order(chat: Chat) -> None:
    chat.say("a kilo of colombian and an iced colombian with cinnamon")
    assert sorted(sku for sku, _, _ in chat.lines) == ["COFFEE", "COLOMBIAN"]


@pytest.mark.parametrize("said", ["a tin of the dutch process cocoa", "the dutch cocoa", "a dutched cocoa please"])
def test_a_choice_of_a_product_whose_name_holds_the_word_names_it(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [(sku, opts.get("process")) for sku, _, opts in chat.lines] == [("COCOA-TIN", "dutch")]


def test_the_drink_stays_with_its_own_choices(chat: Chat) -> None:
    chat.say("a large cocoa with oat milk")
    assert [sku for sku, _, _ in chat.lines] == ["COCOA"]


@pytest.mark.parametrize("said", ["a mug and a bottle of vanilla syrup", "two bottles of the caramel syrup",
                                  "a bottle of caramel and a mug"])
def test_a_package_word_of_another_products_choice_is_its_package(chat: Chat, said: str) -> None:
    chat.say(said)
    assert "BOTTLE" not in {sku for sku, _, _ in chat.lines}
    assert "SYRUP" in {sku for sku, _, _ in chat.lines}


def test_a_bottle_said_alone_is_the_bottle(chat: Chat) -> None:
    chat.say("a bottle and a vanilla syrup")
    assert sorted(sku for sku, _, _ in chat.lines) == ["BOTTLE", "SYRUP"]
