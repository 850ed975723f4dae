"""A thing the shop does not sell, said again by "one": "do you have lipstick, i'll take a red one" names no product
of the shop that comes in red. Nothing is added for it, and the shopper hears that it is not sold; a product of the
shop said in the same turn is still added. The same holds when the unsold thing was asked for in the turn before."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of


@pytest.mark.parametrize(("catalog", "said", "want"), [
    ("beautysupply", "do you guys have lipstick i'll take a red one and also the cherry red nail polish",
     {"NAIL-POLISH": 1}),
    ("beautysupply", "do you have any lipstick i want a pink one", {}),
    ("beautysupply", "do you sell scrunchies i want one of those in pink", {}),
    ("beautysupply", "do you carry eyeliner i'll take a black one please", {}),
    ("ramenshop", "do you have udon i'll get a spicy one and a gyudon", {"GYUDON": 1}),
])
def test_a_one_of_an_unsold_thing_adds_nothing(shop: Callable[[str], Chat], catalog: str, said: str,
                                               want: dict[str, int]) -> None:
    chat = shop(catalog)
    reply = chat.say(said)
    assert chat.counts == want
    assert "couldn't find" in reply.text


def test_the_unsold_thing_is_named_back_beside_what_is_added(shop: Callable[[str], Chat]) -> None:
    chat = shop("beautysupply")
    reply = chat.say("do you guys have lipstick i'll take a red one and also the cherry red nail polish")
    assert "lipstick" in reply.text
    assert [(sku, opts["colour"]) for sku, _, opts in chat.lines] == [("NAIL-POLISH", "cherry")]


@pytest.mark.parametrize("then", ["ok i'll take a red one", "the pink one please", "one of those in red"])
def test_a_one_after_asking_for_an_unsold_thing(shop: Callable[[str], Chat], then: str) -> None:
    chat = shop("beautysupply")
    chat.say("do you have lipstick")
    chat.say(then)
    assert chat.counts == {}


def test_a_product_named_after_the_unsold_thing_is_still_added(shop: Callable[[str], Chat]) -> None:
    chat = shop("beautysupply")
    chat.say("do you have lipstick")
    chat.say("ok then the cherry red nail polish")
    assert [(sku, opts["colour"]) for sku, _, opts in chat.lines] == [("NAIL-POLISH", "cherry")]


def test_a_one_of_a_sold_product_still_adds(shop: Callable[[str], Chat]) -> None:
    chat = shop("beautysupply")
    chat.say("do you have semi permanent dye i'll take a red one")
    assert [(sku, opts["colour"]) for sku, _, opts in chat.lines] == [("SEMI-COLOR", "red")]


# A choice said as an item where one product has a value of that very name and another only an alias of those words:
# the first ("a can of green tea" is the canned tea, not the matcha mochi also called green tea), and never a choice
# of the item said before it, which does not offer it.
@pytest.mark.parametrize(("said", "want"), [
    ("a gyudon and a can of green tea", {"GYUDON": 1, "CANNED-TEA": 1}),
    ("a gyudon and a green tea", {"GYUDON": 1, "CANNED-TEA": 1}),
    ("a can of green tea", {"CANNED-TEA": 1}),
    ("three cans of green tea and a karaage don", {"CANNED-TEA": 3, "KARAAGE-DON": 1}),
])
def test_a_value_named_so_goes_to_its_own_product(shop: Callable[[str], Chat], said: str,
                                                  want: dict[str, int]) -> None:
    chat = shop("ramenshop")
    chat.say(said)
    assert chat.counts == want
    assert [opts["tea"] for sku, _, opts in chat.lines if sku == "CANNED-TEA"] == ["green"]


def test_the_alias_still_chooses_when_its_product_is_named(shop: Callable[[str], Chat]) -> None:
    chat = shop("ramenshop")
    chat.say("a green tea mochi")
    assert chat.lines == [("MOCHI", 1, {"flavour": "matcha"})]


_TEAS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "JUICE", "name": "bottled juice", "price": "3.00", "options": [
            {"code": "kind", "name": "kind", "required": True, "values": [
                {"code": "apple", "name": "apple juice"}, {"code": "orange", "name": "orange juice"}]}]},
        {"sku": "POPSICLE", "name": "ice pop", "price": "2.00", "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "green_apple", "name": "green apple", "aliases": ["apple juice"]},
                {"code": "grape", "name": "grape"}]}]},
        {"sku": "BAGEL", "name": "bagel", "price": "2.50"},
    ],
}


def test_a_value_named_so_in_a_written_shop(tmp_path: Path) -> None:
    for chat in chat_of(tmp_path, _TEAS):
        chat.say("a bagel and a bottle of apple juice")
        assert chat.lines == [("BAGEL", 1, {}), ("JUICE", 1, {"kind": "apple"})]


# An everyday size word a size group does not name stands for the value it means ("big": the "large" bowl), from
# the data (size_said_as), only where the group has that value.
def test_a_big_bowl_is_the_large_one(shop: Callable[[str], Chat]) -> None:
    chat = shop("ramenshop")
    chat.say("a big miso ramen level one with butter corn and bean sprouts plus a noodle refill")
    assert ("CLASSIC-RAMEN", "large") in [(sku, opts.get("size")) for sku, _, opts in chat.lines]
    assert chat.counts == {"CLASSIC-RAMEN": 1, "KAEDAMA": 1}


_BOWLS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "SOUP", "name": "soup", "price": "6.00", "options": [
            {"code": "size", "name": "size", "default": "cup", "values": [
                {"code": "cup", "name": "cup"}, {"code": "bowl", "name": "large", "price_delta": "2.00"}]}]},
        {"sku": "TEE", "name": "t-shirt", "price": "12.00", "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "s", "name": "small"}, {"code": "l", "name": "large"}, {"code": "bt", "name": "big and tall"}]}]},
    ],
}


def test_a_size_word_the_group_names_keeps_its_own_value(tmp_path: Path) -> None:
    for chat in chat_of(tmp_path, _BOWLS):
        chat.say("a big soup")
        assert chat.lines == [("SOUP", 1, {"size": "bowl"})]
        chat.say("and a big and tall t-shirt")
        assert chat.lines[-1] == ("TEE", 1, {"size": "bt"})


# A product's name that is also another product's choice, said again as that choice right before the other product:
# the first is the product itself ("argan oil and the argan oil shampoo": two items, not one shampoo).
@pytest.mark.parametrize(("said", "want"), [
    ("a bottle of argan oil and the argan oil shampoo regular size", {"ARGAN-OIL": 1, "SHAMPOO": 1}),
    ("argan oil and an argan oil conditioner", {"ARGAN-OIL": 1, "CONDITIONER": 1}),
])
def test_a_name_said_again_as_a_choice(shop: Callable[[str], Chat], said: str, want: dict[str, int]) -> None:
    chat = shop("beautysupply")
    chat.say(said)
    assert chat.counts == want
    assert [opts.get("formula") for sku, _, opts in chat.lines if sku != "ARGAN-OIL"] == ["argan"]


def test_the_pack_question_names_the_item_sold_in_packs(shop: Callable[[str], Chat]) -> None:
    chat = shop("beautysupply")
    reply = chat.say("lace wig glue and two wig caps in black")
    assert "wig caps" in reply.text and "glue" not in reply.text
    chat.say("two packs")
    assert chat.lines == [("WIG-CAPS", 2, {"colour": "black"})]


# Values of a one-choice group each said after the same word and joined by "and" are a line each; a value said again
# after a count counts its line.
@pytest.mark.parametrize(("said", "want"), [
    ("semi permanent dye in purple and in teal um two of the teal", [("purple", 1), ("teal", 2)]),
    ("semi permanent dye in purple and in teal", [("purple", 1), ("teal", 1)]),
    ("nail polish in black and in navy", [("black", 1), ("navy", 1)]),
])
def test_values_each_after_the_same_word(shop: Callable[[str], Chat], said: str, want: list[tuple[str, int]]) -> None:
    chat = shop("beautysupply")
    chat.say(said)
    assert [(opts["colour"], n) for _, n, opts in chat.lines] == want


# A word that ends the first phrase of a product's description, said in the plural ("pan fried dumplings with a
# crispy skirt"), names that product when no catalog name, choice or category has it; counted by "a dozen" too.
@pytest.mark.parametrize(("said", "want"), [
    ("i'll get a dozen dumplings and one karaage with the spicy mayo", [("GYOZA", "12"), ("KARAAGE", "5")]),
    ("six dumplings and a gyudon", [("GYOZA", "6"), ("GYUDON", None)]),
])
def test_a_description_word_names_its_product(shop: Callable[[str], Chat], said: str,
                                              want: list[tuple[str, str | None]]) -> None:
    chat = shop("ramenshop")
    chat.say(said)
    assert [(sku, opts.get("pieces")) for sku, _, opts in chat.lines] == want


_DESCRIBED = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BAO", "name": "bao", "price": "3.00", "description": "steamed buns with pork belly"},
        {"sku": "SOUP", "name": "miso soup", "price": "3.00", "description": "thin sliced tofu in broth"},
        {"sku": "TEA", "name": "hot tea", "price": "2.00", "description": "cabin blend that warms the hands"},
    ],
}


def test_only_a_plural_head_of_a_description_names_a_product(tmp_path: Path) -> None:
    for chat in chat_of(tmp_path, _DESCRIBED):
        chat.say("two buns please")
        assert chat.counts == {"BAO": 2}
        chat.say("and a tofu and a hands")  # "tofu" (singular, an ingredient) and "hands" name nothing
        assert chat.counts == {"BAO": 2}


# A choice word inside what another item is for ("a cake for my daughter's birthday", "for a birthday") is not said
# where an item stands: no item of the product whose value bears that very name (the sugar cookie's "birthday"
# design) is added for it.
@pytest.mark.parametrize("said", [
    "hi i need a cake for my daughter's birthday saturday",
    "looking for a cake for my son's birthday",
    "i need a cake for my wife's birthday next week",
    "i need something for my daughter's birthday",
    "anything for a birthday",
])
def test_a_choice_in_what_a_cake_is_for_adds_no_cookie(shop: Callable[[str], Chat], said: str) -> None:
    chat = shop("cakeshop")
    chat.say(said)
    assert "SUGAR-COOKIE" not in chat.counts


_PARTY = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BANNER", "name": "paper banner", "price": "6.00", "options": [
            {"code": "theme", "name": "theme", "required": True, "values": [
                {"code": "birthday", "name": "birthday"}, {"code": "wedding", "name": "wedding"}]}]},
        {"sku": "BALLOON", "name": "foil balloon", "price": "4.00", "options": [
            {"code": "shape", "name": "shape", "required": True, "values": [
                {"code": "star", "name": "star", "aliases": ["birthday"]}, {"code": "heart", "name": "heart"}]}]},
        {"sku": "CUPCAKE", "name": "cupcake", "price": "3.00"},
        {"sku": "LAYER", "name": "layer cake", "price": "30.00"},
    ],
}


@pytest.mark.parametrize("said", [
    "hi i need a cake for my daughter's birthday",
    "i want a cake for a birthday",
    "something for my birthday please",
    "anything for a birthday",
])
def test_a_choice_in_what_an_item_is_for_in_a_written_shop(tmp_path: Path, said: str) -> None:
    for chat in chat_of(tmp_path, _PARTY):
        chat.say(said)
        assert "BANNER" not in chat.counts
        assert "BALLOON" not in chat.counts


def test_a_choice_said_as_an_item_in_a_written_shop_still_goes_to_its_named_value(tmp_path: Path) -> None:
    for chat in chat_of(tmp_path, _PARTY):
        chat.say("a birthday please")
        assert chat.lines == [("BANNER", 1, {"theme": "birthday"})]
