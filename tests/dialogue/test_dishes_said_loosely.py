"""Dishes said loosely: a build-your-own dish named by its parts ("udon miso large": the bowl with udon and miso,
though "udon miso" is also the katsu dinner's side), several of them in one list beside counted choices ("soba in
the spicy miso with egg plus a lemon soda"), a common word said before its group's name ("side size"), a count of
servings before a piece-count choice ("two orders of eight gyoza") and "a second order of the four"; and what is
not a dish by its parts: a package said before "of" ("a bottle of advil the fifty count": no bottle of cold medicine
of its own)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_NOODLES = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BOWL", "name": "make your own bowl", "price": "11.00", "options": [
            {"code": "noodle", "name": "noodle", "required": True, "values": [
                {"code": "udon", "name": "udon"}, {"code": "soba", "name": "soba"},
                {"code": "rice", "name": "rice noodles"}]},
            {"code": "broth", "name": "broth", "required": True, "values": [
                {"code": "miso", "name": "miso"}, {"code": "shoyu", "name": "shoyu"},
                {"code": "spicy_miso", "name": "spicy miso", "aliases": ["red broth"]}]},
            {"code": "size", "name": "size", "default": "regular", "values": [
                {"code": "regular", "name": "regular"}, {"code": "large", "name": "large", "price_delta": "3.00"}]},
            {"code": "topping", "name": "topping", "multiple": True, "values": [
                {"code": "egg", "name": "soft egg", "aliases": ["egg"], "price_delta": "1.50"},
                {"code": "pork", "name": "chashu pork", "aliases": ["pork"], "price_delta": "3.00"},
                {"code": "tofu", "name": "tofu", "price_delta": "2.00"}]}]},
        {"sku": "KATSU", "name": "katsu dinner", "price": "15.00", "aliases": ["katsu"], "options": [
            {"code": "side", "name": "side", "default": "udon", "values": [
                {"code": "udon", "name": "side of udon", "aliases": ["udon", "udon miso"]},
                {"code": "soba", "name": "side of soba", "aliases": ["soba", "soba miso"]},
                {"code": "rice", "name": "side of rice", "aliases": ["rice"]}]}]},
        {"sku": "CUP", "name": "cup of broth", "price": "3.00", "options": [
            {"code": "broth", "name": "broth", "default": "miso", "values": [
                {"code": "miso", "name": "miso"}, {"code": "shoyu", "name": "shoyu"}]}]},
        {"sku": "DRINK", "name": "soda", "price": "2.00", "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "cola", "name": "cola"}, {"code": "lemon", "name": "lemon soda"}]}]},
        {"sku": "GYOZA", "name": "gyoza", "price": "5.00", "aliases": ["dumplings"], "options": [
            {"code": "count", "name": "count", "required": True, "values": [
                {"code": "4", "name": "4 pieces", "aliases": ["four"]},
                {"code": "8", "name": "8 pieces", "aliases": ["eight"], "price_delta": "4.00"}]}]},
        {"sku": "LEVER", "name": "lever connectors", "price": "9.00", "aliases": ["levers"], "options": [
            {"code": "ports", "name": "ports", "required": True, "values": [
                {"code": "2", "name": "2 port"}, {"code": "3", "name": "3 port"}, {"code": "5", "name": "5 port"}]}]},
        {"sku": "SALAD", "name": "seaweed salad", "price": "7.00", "options": [
            {"code": "size", "name": "size", "default": "full", "values": [
                {"code": "side", "name": "side", "price_delta": "-3.00"},
                {"code": "full", "name": "full", "aliases": ["regular"]}]}]},
    ],
}


@pytest.fixture
def noodles(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _NOODLES)


def _bowl(noodle: str, broth: str, size: str = "regular", **more: str) -> tuple[str, int, dict[str, str]]:
    return ("BOWL", 1, {"noodle": noodle, "broth": broth, "size": size, **more})


@pytest.mark.parametrize("said", ["udon miso large", "a large udon miso", "udon miso large please"])
def test_a_dish_named_by_its_parts_over_a_side_of_the_same_words(noodles: Chat, said: str) -> None:
    noodles.say(said)
    assert noodles.lines == [_bowl("udon", "miso", "large")]


def test_the_long_choice_stays_where_its_product_is_named(noodles: Chat) -> None:
    noodles.say("a katsu dinner with soba miso")
    assert noodles.lines == [("KATSU", 1, {"side": "soba"})]


def test_the_long_choice_stays_for_the_product_in_the_cart(noodles: Chat) -> None:
    noodles.say("a katsu dinner")
    noodles.say("with soba miso")
    assert noodles.lines == [("KATSU", 1, {"side": "soba"})]


def test_parts_asked_after_the_product_was_talked_of(noodles: Chat) -> None:
    noodles.say("how much is a make your own bowl")
    noodles.say("ok a soba miso then")
    assert noodles.lines == [_bowl("soba", "miso")]


def test_two_dishes_by_their_parts_and_no_cup_of_their_broth(noodles: Chat) -> None:
    noodles.say("a udon miso and a soba shoyu")
    assert noodles.lines == [_bowl("udon", "miso"), _bowl("soba", "shoyu")]
    assert "CUP" not in noodles.counts


def test_a_change_of_one_dish_by_its_part(noodles: Chat) -> None:
    noodles.say("a udon miso and a soba miso")
    noodles.say("make the udon a large")
    assert noodles.lines == [_bowl("udon", "miso", "large"), _bowl("soba", "miso")]


@pytest.mark.parametrize(("said", "drink"), [
    ("soba in the spicy miso with egg plus a lemon soda", ("DRINK", 1, {"flavour": "lemon"})),
    ("soba and egg in the spicy miso and a cola", ("DRINK", 1, {"flavour": "cola"})),
    ("soba with spicy miso and egg and two colas", ("DRINK", 2, {"flavour": "cola"})),
])
def test_a_dish_by_its_parts_beside_a_drink_named_by_its_choice(noodles: Chat, said: str,
                                                                 drink: tuple[str, int, dict[str, str]]) -> None:
    noodles.say(said)
    assert noodles.lines == [_bowl("soba", "spicy_miso", topping="egg"), drink]


def test_a_regular_dish_by_its_parts_and_counted_drinks(noodles: Chat) -> None:
    noodles.say("a regular udon in the shoyu with pork and two lemon sodas")
    assert noodles.lines == [_bowl("udon", "shoyu", topping="pork"), ("DRINK", 2, {"flavour": "lemon"})]


def test_a_dish_by_its_parts_beside_a_named_product(noodles: Chat) -> None:
    noodles.say("udon miso with tofu and a seaweed salad")
    assert noodles.lines == [_bowl("udon", "miso", topping="tofu"), ("SALAD", 1, {"size": "full"})]


@pytest.mark.parametrize(("said", "size"), [("a seaweed salad side size", "side"),
                                            ("a seaweed salad regular size", "full")])
def test_a_common_word_before_its_groups_name(noodles: Chat, said: str, size: str) -> None:
    noodles.say(said)
    assert noodles.lines == [("SALAD", 1, {"size": size})]


def test_regular_size_of_a_dish_by_its_parts(noodles: Chat) -> None:
    noodles.say("soba with shoyu and pork regular size")
    assert noodles.lines == [_bowl("soba", "shoyu", topping="pork")]


def test_a_size_said_with_its_groups_name_after_a_dish_by_its_parts(noodles: Chat) -> None:
    noodles.say("soba with shoyu and egg large size")
    assert noodles.lines == [_bowl("soba", "shoyu", "large", topping="egg")]


@pytest.mark.parametrize(("said", "n", "count"), [
    ("two orders of eight gyoza", 2, "8"),
    ("two orders of eight dumplings", 2, "8"),
    ("three orders of the four gyoza", 3, "4"),
    ("eight gyoza", 1, "8"),
])
def test_servings_counted_before_a_piece_count_choice(noodles: Chat, said: str, n: int, count: str) -> None:
    noodles.say(said)
    assert noodles.lines == [("GYOZA", n, {"count": count})]


def test_a_second_order_of_another_piece_count(noodles: Chat) -> None:
    noodles.say("gyoza please")
    noodles.say("the eight")
    noodles.say("and a second order of the four")
    assert noodles.lines == [("GYOZA", 1, {"count": "8"}), ("GYOZA", 1, {"count": "4"})]


def test_a_second_serving_of_the_same(noodles: Chat) -> None:
    noodles.say("a cola")
    noodles.say("and a second serving of the lemon soda")
    assert noodles.lines == [("DRINK", 1, {"flavour": "cola"}), ("DRINK", 1, {"flavour": "lemon"})]
    assert not noodles.session.store.orders()


@pytest.mark.parametrize("said", ["two packs of the three port levers", "two packs of three port lever connectors",
                                  "two three port levers"])
def test_a_count_before_a_piece_choice_said_after_it(noodles: Chat, said: str) -> None:
    noodles.say(said)
    assert noodles.lines == [("LEVER", 2, {"ports": "3"})]


_MEDS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "PAIN", "name": "pain reliever", "price": "6.00", "options": [
            {"code": "brand", "name": "brand", "default": "store", "values": [
                {"code": "store", "name": "store brand"}, {"code": "advil", "name": "advil"},
                {"code": "motrin", "name": "motrin"}]},
            {"code": "count", "name": "count", "default": "24", "values": [
                {"code": "24", "name": "24 count"}, {"code": "50", "name": "50 count", "price_delta": "2.00"},
                {"code": "100", "name": "100 count", "price_delta": "5.00"}]}]},
        {"sku": "COLD", "name": "cold medicine", "price": "8.00", "options": [
            {"code": "form", "name": "form", "default": "caplets", "values": [
                {"code": "caplets", "name": "caplets"},
                {"code": "liquid", "name": "liquid", "aliases": ["bottle", "syrup"]}]}]},
        {"sku": "KIDS", "name": "children's fever reducer", "price": "7.00", "options": [
            {"code": "brand", "name": "brand", "default": "store", "values": [
                {"code": "store", "name": "store brand"}, {"code": "tylenol", "name": "tylenol"}]},
            {"code": "form", "name": "form", "default": "chewables", "values": [
                {"code": "chewables", "name": "chewables"},
                {"code": "liquid", "name": "liquid", "aliases": ["bottle", "syrup"]}]}]},
        {"sku": "GUM", "name": "chewing gum", "price": "2.00", "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "mint", "name": "peppermint"}, {"code": "fruit", "name": "fruit"}]}]},
    ],
}


@pytest.fixture
def meds(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _MEDS)


@pytest.mark.parametrize(("said", "n", "brand", "count"), [
    ("can i get a bottle of advil the fifty count", 1, "advil", "50"),
    ("a bottle of the advil please", 1, "advil", "24"),
    ("two bottles of motrin the fifty count", 2, "motrin", "50"),
    ("a bottle of advil 50 count", 1, "advil", "50"),
])
def test_a_package_said_before_of_is_no_item_of_its_own(meds: Chat, said: str, n: int, brand: str,
                                                        count: str) -> None:
    meds.say(said)
    assert meds.lines == [("PAIN", n, {"brand": brand, "count": count})]


def test_a_package_before_of_beside_an_item_named_by_its_choice(meds: Chat) -> None:
    meds.say("two bottles of motrin the fifty count and a pack of peppermint")
    assert meds.lines == [("PAIN", 2, {"brand": "motrin", "count": "50"}), ("GUM", 1, {"flavour": "mint"})]


def test_the_package_choice_alone_still_names_its_product(meds: Chat) -> None:
    meds.say("a cold medicine")
    meds.say("make it the bottle")
    assert meds.lines == [("COLD", 1, {"form": "liquid"})]


def test_a_bottle_of_advil_in_the_pharmacy(shop: Callable[[str], Chat]) -> None:
    chat = shop("pharmacy")
    chat.say("can i get a bottle of advil the fifty count")
    chat.say("and two packs of peppermint gum")
    assert chat.counts == {"IBUPROFEN": 1, "GUM": 2}
    assert ("IBUPROFEN", 1, {"brand": "advil", "strength": "200mg", "count": "50ct", "form": "tablets"}) in chat.lines
    assert not chat.session.store.orders()
