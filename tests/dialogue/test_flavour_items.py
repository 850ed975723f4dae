"""A choice said as the item ("a chocolate", "two strawberries", "vanilla") is the plain product whose own choice it
is: not a meal that offers it as a part, and of two products sold alone that share it, the one whose list of
choices it is at home in (the shake's flavours are the meals' drinks; the frozen yogurt only happens to come in
chocolate too). A plural spelled out for one product's value names the same value of a meal ("the family pack with
two chocolates"), and a package word before "of" measures what follows ("a pack of gummy bears"), not a part of
"family pack". A catalog written here (a burger stand)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_FLAVOURS = [
    {"code": "vanilla", "name": "vanilla", "aliases": ["vanillas"]},
    {"code": "chocolate", "name": "chocolate", "aliases": ["chocolates", "choc"]},
    {"code": "strawberry", "name": "strawberry", "aliases": ["strawberries"]},
    {"code": "cookies", "name": "cookies and cream", "aliases": ["oreo"]},
]

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "meal_drink": {"code": "drink", "name": "drink", "required": True, "values": [
            {"code": "vanilla", "name": "vanilla"}, {"code": "chocolate", "name": "chocolate"},
            {"code": "strawberry", "name": "strawberry"}, {"code": "cookies", "name": "cookies and cream"},
            {"code": "water", "name": "bottled water", "aliases": ["water"]}]},
        "meal_candy": {"code": "candy", "name": "candy", "default": "bears", "values": [
            {"code": "bears", "name": "gummy bears"}, {"code": "belts", "name": "sour belts"}]},
    },
    "products": [
        {"sku": "SHAKE", "name": "milkshake", "price": "5.00", "stock": 99, "aliases": ["shake", "shakes"],
         "options": [{"code": "flavour", "name": "flavour", "required": True, "values": _FLAVOURS},
                     {"code": "size", "name": "size", "default": "regular", "values": [
                         {"code": "regular", "name": "regular"},
                         {"code": "large", "name": "large", "price_delta": "1.00"}]}]},
        {"sku": "FROYO", "name": "frozen yogurt", "price": "4.50", "stock": 99, "aliases": ["froyo"],
         "options": [{"code": "flavour", "name": "flavour", "required": True, "values": [
             {"code": "tart", "name": "tart"}, {"code": "mango", "name": "mango"},
             {"code": "chocolate", "name": "chocolate"}]}]},
        {"sku": "WATER", "name": "bottled water", "price": "2.00", "stock": 99, "aliases": ["water"]},
        {"sku": "BURGER", "name": "burger", "price": "8.00", "stock": 99},
        {"sku": "BEARS", "name": "gummy bears", "price": "3.00", "stock": 99},
        {"sku": "BELTS", "name": "sour belts", "price": "3.00", "stock": 99},
        {"sku": "MEAL", "name": "burger meal", "price": "12.00", "stock": 99, "aliases": ["meal"],
         "options": ["meal_drink"]},
        {"sku": "FAMILY", "name": "family pack", "price": "30.00", "stock": 99,
         "aliases": ["goodie bag", "party box"],
         "options": [{"use": "meal_drink", "multiple": True, "name": "drinks"}, "meal_candy"]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "want"), [
    ("a chocolate", [("SHAKE", 1, {"flavour": "chocolate", "size": "regular"})]),
    ("two chocolates", [("SHAKE", 2, {"flavour": "chocolate", "size": "regular"})]),
    ("three large chocolates please", [("SHAKE", 3, {"flavour": "chocolate", "size": "large"})]),
    ("chocolate", [("SHAKE", 1, {"flavour": "chocolate", "size": "regular"})]),
    ("a large chocolate and a vanilla", [("SHAKE", 1, {"flavour": "chocolate", "size": "large"}),
                                         ("SHAKE", 1, {"flavour": "vanilla", "size": "regular"})]),
    ("a vanilla and a large strawberry", [("SHAKE", 1, {"flavour": "vanilla", "size": "regular"}),
                                          ("SHAKE", 1, {"flavour": "strawberry", "size": "large"})]),
    ("a burger and a chocolate", [("BURGER", 1, {}), ("SHAKE", 1, {"flavour": "chocolate", "size": "regular"})]),
    ("can i get two strawberries", [("SHAKE", 2, {"flavour": "strawberry", "size": "regular"})]),
])
def test_a_shared_choice_said_as_the_item_is_the_product_it_is_at_home_in(chat: Chat, said: str,
                                                                         want: list[tuple[str, int, dict[str, str]]]
                                                                         ) -> None:
    chat.say(said)
    assert chat.lines == want, chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("a mango", [("FROYO", 1, {"flavour": "mango"})]),
    ("a chocolate frozen yogurt", [("FROYO", 1, {"flavour": "chocolate"})]),
    ("a burger meal with a strawberry", [("MEAL", 1, {"drink": "strawberry"})]),
])
def test_a_choice_with_its_product_named_or_only_one_owner_is_unchanged(chat: Chat, said: str,
                                                                       want: list[tuple[str, int, dict[str, str]]]
                                                                       ) -> None:
    chat.say(said)
    assert chat.lines == want, chat.replies[-1].text


@pytest.mark.parametrize(("said", "drinks"), [
    ("the family pack with two chocolates and sour belts", {"chocolate"}),
    ("a family pack with two strawberries and sour belts", {"strawberry"}),
    ("can i get a family pack with two vanillas and sour belts", {"vanilla"}),
])
def test_a_plural_spelled_for_one_product_names_the_meals_choice_too(chat: Chat, said: str, drinks: set[str]) -> None:
    chat.say(said)
    lines = chat.session.cart.lines
    assert [ln.sku for ln in lines] == ["FAMILY"], chat.replies[-1].text
    assert {o.value for o in lines[0].options if o.group == "drink"} == drinks
    assert {o.value for o in lines[0].options if o.group == "candy"} == {"belts"}


@pytest.mark.parametrize(("said", "want"), [
    ("a burger and a pack of gummy bears", [("BURGER", 1, {}), ("BEARS", 1, {})]),
    ("a chocolate froyo and a bag of sour belts", [("FROYO", 1, {"flavour": "chocolate"}), ("BELTS", 1, {})]),
    ("a box of gummy bears", [("BEARS", 1, {})]),
    ("two packs of sour belts", [("BELTS", 2, {})]),
])
def test_a_package_word_before_of_measures_what_follows(chat: Chat, said: str,
                                                        want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert chat.lines == want, chat.replies[-1].text


def test_the_meal_whose_name_holds_the_package_word_is_still_named(chat: Chat) -> None:
    chat.say("a family pack with two chocolates")
    assert [ln.sku for ln in chat.session.cart.lines] == ["FAMILY"], chat.replies[-1].text
