"""Round 13's one-sentence misses, on a small catalog written here (none of the corpus shops' words):

- a count of packages before a choice that names the product by itself ("two boxes of cone filters", where "cone
  filters" is the filters' shape and "2 boxes" some other product's choice) counts the product;
- a choice said with the head noun of the product offering it ("a mug and a rocket kit") is an item of that
  product, not a choice of the item before;
- "on the side" (short for the broth's "broth on the side") said right after another choice says where that choice
  goes ("chili oil on the side"), not the broth's choice;
- "three macarons one pistachio one lemon and one coffee": a choice that is also a product's name, said as the
  last unit of a counted product's share-out, is that unit's choice;
- "two scoop sundaes one chocolate and one vanilla" (the product is the "two scoop sundae"): a product said in the
  plural and shared out among units is those units, no line of its own besides.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "FILTERS", "name": "coffee filters", "price": "3.00", "aliases": ["filters", "paper filters"],
         "options": [
             {"code": "shape", "name": "shape", "required": True, "values": [
                 {"code": "cone", "name": "cone", "aliases": ["cone filters", "number four cone"]},
                 {"code": "basket", "name": "basket", "aliases": ["basket filters", "flat bottom filters"]}]}]},
        {"sku": "SAMPLER", "name": "tea sampler", "price": "12.00", "options": [
            {"code": "boxes", "name": "boxes", "default": "single", "values": [
                {"code": "single", "name": "one box", "aliases": ["single box"]},
                {"code": "double", "name": "double box", "aliases": ["two boxes", "2 boxes", "two packs", "2 packs"],
                 "price_delta": "10.00"}]}]},
        {"sku": "KIT", "name": "model kit", "price": "25.00", "aliases": ["model kits"], "options": [
            {"code": "theme", "name": "theme", "required": True, "values": [
                {"code": "rocket", "name": "rocket"}, {"code": "train", "name": "steam train",
                                                        "aliases": ["train"]}]}]},
        {"sku": "MUG", "name": "mug", "price": "9.00"},
        {"sku": "SOUP", "name": "noodle soup", "price": "11.00", "aliases": ["noodles"], "options": [
            {"code": "broth", "name": "broth", "default": "in", "values": [
                {"code": "in", "name": "broth in the bowl", "aliases": ["in the bowl"]},
                {"code": "side", "name": "broth on the side", "aliases": ["on the side", "broth separate"]}]},
            {"code": "sauce", "name": "sauces", "multiple": True, "values": [
                {"code": "chili_oil", "name": "chili oil"}, {"code": "soy", "name": "soy sauce"}]},
            {"code": "extras", "name": "extras", "multiple": True, "values": [
                {"code": "greens", "name": "extra greens", "price_delta": "1.00"}]}]},
        {"sku": "MACARON", "name": "macaron", "price": "2.50", "aliases": ["macarons", "macaroons"], "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "pistachio", "name": "pistachio"}, {"code": "lemon", "name": "lemon"},
                {"code": "coffee", "name": "coffee"}]}]},
        {"sku": "COFFEE", "name": "coffee", "price": "3.00"},
        {"sku": "SUNDAE", "name": "two scoop sundae", "price": "7.00", "aliases": ["scoop sundae"], "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "chocolate", "name": "chocolate"}, {"code": "vanilla", "name": "vanilla"},
                {"code": "mango", "name": "mango"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "count", "shape"), [
    ("two packs of cone filters", 2, "cone"),
    ("2 boxes of basket filters please", 2, "basket"),
    ("can i get two boxes of flat bottom filters", 2, "basket"),
])
def test_packages_of_a_choice_naming_the_product_count_it(chat: Chat, said: str, count: int, shape: str) -> None:
    chat.say(said)
    assert chat.lines == [("FILTERS", count, {"shape": shape})]


def test_two_package_counts_in_one_sentence(chat: Chat) -> None:
    chat.say("a box of cone filters and two packs of basket filters")
    assert sorted(chat.lines, key=repr) == sorted([("FILTERS", 1, {"shape": "cone"}), ("FILTERS", 2, {"shape": "basket"})], key=repr)


def test_the_package_choice_of_its_own_product_stays_a_choice(chat: Chat) -> None:
    chat.say("a tea sampler two boxes")
    assert chat.lines == [("SAMPLER", 1, {"boxes": "double"})]


@pytest.mark.parametrize(("said", "kits"), [
    ("a mug and a rocket kit", 1),
    ("two mugs and a train kit please", 1),
    ("a mug and two rocket kits", 2),
])
def test_a_choice_with_its_products_noun_is_an_item(chat: Chat, said: str, kits: int) -> None:
    chat.say(said)
    assert {sku for sku, _, _ in chat.lines} == {"MUG", "KIT"}
    assert [qty for sku, qty, _ in chat.lines if sku == "KIT"] == [kits]


@pytest.mark.parametrize("said", [
    "a noodle soup with chili oil on the side",
    "noodles with extra greens and soy sauce on the side",
    "a noodle soup with extra greens and chili oil on the side please",
])
def test_on_the_side_after_a_choice_is_that_choices(chat: Chat, said: str) -> None:
    chat.say(said)
    assert len(chat.lines) == 1
    sku, qty, opts = chat.lines[0]
    assert (sku, qty, opts["broth"]) == ("SOUP", 1, "in")


@pytest.mark.parametrize("said", ["a noodle soup with the broth on the side", "a noodle soup broth on the side",
                                  "a noodle soup with soy sauce and broth separate"])
def test_the_broth_said_stays_on_the_side(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [(sku, opts["broth"]) for sku, _, opts in chat.lines] == [("SOUP", "side")]


@pytest.mark.parametrize("said", [
    "three macarons one pistachio one lemon and one coffee",
    "3 macarons, one coffee, one lemon and one pistachio",
    "three macaroons one lemon one coffee one pistachio please",
])
def test_last_unit_named_like_a_product_is_a_choice(chat: Chat, said: str) -> None:
    chat.say(said)
    assert sorted(chat.lines, key=repr) == sorted(
        [("MACARON", 1, {"flavour": f}) for f in ("coffee", "lemon", "pistachio")], key=repr)


@pytest.mark.parametrize(("said", "counts"), [
    ("three macarons two lemon and one coffee", {"lemon": 2, "coffee": 1}),
    ("four macarons, one coffee, one lemon and two pistachio", {"coffee": 1, "lemon": 1, "pistachio": 2}),
])
def test_counted_units_and_a_product_named_choice(chat: Chat, said: str, counts: dict[str, int]) -> None:
    chat.say(said)
    assert sorted(chat.lines, key=repr) == sorted(
        [("MACARON", n, {"flavour": f}) for f, n in counts.items()], key=repr)


def test_more_units_than_the_count_leave_the_product(chat: Chat) -> None:
    chat.say("two macarons one pistachio one lemon and one coffee")
    assert ("MACARON", 1, {"flavour": "pistachio"}) in chat.lines
    assert ("MACARON", 1, {"flavour": "lemon"}) in chat.lines
    assert not any(sku == "MACARON" and opts.get("flavour") == "coffee" for sku, _, opts in chat.lines)


@pytest.mark.parametrize(("said", "flavours"), [
    ("two scoop sundaes one chocolate and one vanilla", ["chocolate", "vanilla"]),
    ("two scoop sundaes, one mango, one vanilla and one chocolate", ["chocolate", "mango", "vanilla"]),
])
def test_plural_of_a_name_with_a_number_is_shared_out(chat: Chat, said: str, flavours: list[str]) -> None:
    chat.say(said)
    assert sorted(chat.lines, key=repr) == sorted([("SUNDAE", 1, {"flavour": f}) for f in flavours], key=repr)
