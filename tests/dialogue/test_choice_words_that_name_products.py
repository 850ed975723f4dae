"""A choice named with words that also name a product sold on its own (a lunch counter written here: "fries" and
"salad" are sides of a plate and side dishes; "rye bread" is a plate's bread and, by the word "bread", the bread
basket). After "with", a value the item before it offers stays that item's choice, further on in the list too ("a
club with salad and rye bread"); "and a side of fries" (counted) is a product. A swap of such choices changes the
line's choice, however it is said ("salad instead of the fries", "sub salad for the fries", "swap the fries for
salad"), and adds no side. "On a croissant" after an egg sandwich is its roll, not a second sandwich; "and a cup of
decaf" after an item is a tea of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "side": {"code": "side", "name": "side", "default": "fries", "values": [
            {"code": "fries", "name": "fries", "aliases": ["french fries"]},
            {"code": "salad", "name": "side salad", "aliases": ["salad"]},
            {"code": "slaw", "name": "coleslaw", "aliases": ["slaw"]}]},
        "bread": {"code": "bread", "name": "bread", "default": "white", "values": [
            {"code": "white", "name": "white bread", "aliases": ["white"]},
            {"code": "rye", "name": "rye bread", "aliases": ["rye"]},
            {"code": "sourdough", "name": "sourdough bread", "aliases": ["sourdough"]}]},
    },
    "products": [
        {"sku": "CLUB", "name": "club sandwich", "aliases": ["club"], "price": "11.00",
         "options": ["bread", "side", {"code": "extra", "name": "extra", "multiple": True, "values": [
             {"code": "avocado", "name": "avocado", "price_delta": "1.50"}]}]},
        {"sku": "MEATLOAF", "name": "meatloaf plate", "aliases": ["meatloaf"], "price": "13.00",
         "options": ["bread", "side", {"code": "gravy", "name": "gravy", "default": "brown", "values": [
             {"code": "brown", "name": "brown gravy"}, {"code": "mushroom", "name": "mushroom gravy"}]}]},
        {"sku": "EGG-SANDWICH", "name": "egg sandwich", "price": "6.00",
         "options": [{"code": "roll", "name": "roll", "default": "kaiser", "values": [
             {"code": "kaiser", "name": "kaiser roll"}, {"code": "croissant", "name": "croissant"},
             {"code": "biscuit", "name": "biscuit"}]}]},
        {"sku": "FRIES", "name": "side of fries", "aliases": ["fries", "french fries", "order of fries"],
         "price": "4.00"},
        {"sku": "SALAD", "name": "house salad", "aliases": ["salad", "side salad"], "price": "5.00"},
        {"sku": "BREAD", "name": "bread basket", "aliases": ["bread", "side of bread"], "price": "3.00",
         "options": [{"use": "bread"}]},
        {"sku": "TEA", "name": "tea", "aliases": ["hot tea"], "price": "2.50",
         "options": [{"code": "kind", "name": "kind", "default": "black", "values": [
             {"code": "black", "name": "black"}, {"code": "decaf", "name": "decaf", "aliases": ["decaffeinated"]}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _made(chat: Chat) -> list[tuple[str, int, dict[str, str]]]:
    """The cart lines with the choices that differ from the defaults."""
    defaults = {"side": "fries", "bread": "white", "gravy": "brown", "roll": "kaiser", "kind": "black"}
    return [(sku, qty, {g: v for g, v in opts.items() if defaults.get(g) != v}) for sku, qty, opts in chat.lines]


@pytest.mark.parametrize(("said", "made"), [
    ("a club sandwich with salad and rye bread", {"side": "salad", "bread": "rye"}),
    ("a club with avocado and sourdough bread please", {"extra": "avocado", "bread": "sourdough"}),
    ("the meatloaf plate with mushroom gravy and rye bread", {"gravy": "mushroom", "bread": "rye"}),
    ("a meatloaf with coleslaw and sourdough bread", {"side": "slaw", "bread": "sourdough"}),
])
def test_a_choice_further_on_in_the_with_list_is_the_items(chat: Chat, said: str, made: dict[str, str]) -> None:
    chat.say(said)
    assert len(chat.lines) == 1
    sku, qty, opts = _made(chat)[0]
    assert qty == 1 and opts == made


def test_a_counted_side_after_the_with_list_is_a_product(chat: Chat) -> None:
    chat.say("a club sandwich with salad and a side of fries")
    assert _made(chat) == [("CLUB", 1, {"side": "salad"}), ("FRIES", 1, {})]


@pytest.mark.parametrize("said", ["a club sandwich with salad and a cup of decaf",
                                  "the meatloaf plate and a cup of decaf",
                                  "a club with rye bread and a mug of decaf please"])
def test_a_counted_container_of_a_choice_after_an_item_is_an_item_of_its_own(chat: Chat, said: str) -> None:
    chat.say(said)
    assert ("TEA", 1, {"kind": "decaf"}) in _made(chat)
    assert len(chat.lines) == 2


@pytest.mark.parametrize("said", [
    "salad instead of the fries",
    "can i get salad instead of fries",
    "can you sub salad for the fries",
    "could you please substitute salad for the french fries",
    "swap the fries for salad",
    "replace the fries with a side salad",
    "and sub in salad for the fries",
])
def test_a_swap_of_choices_changes_the_line_and_adds_no_side(chat: Chat, said: str) -> None:
    chat.say("a club sandwich on rye")
    chat.say(said)
    assert _made(chat) == [("CLUB", 1, {"bread": "rye", "side": "salad"})]


@pytest.mark.parametrize("said", ["rye bread instead of the white bread", "switch the white bread to rye",
                                  "swap the white for rye bread"])
def test_a_swap_of_a_choice_that_is_also_part_of_a_products_name(chat: Chat, said: str) -> None:
    chat.say("a meatloaf plate with coleslaw")
    chat.say(said)
    assert _made(chat) == [("MEATLOAF", 1, {"side": "slaw", "bread": "rye"})]


@pytest.mark.parametrize("said", ["a club sandwich with salad instead of the fries",
                                  "a club sandwich with rye and sub salad for the fries",
                                  "a club with rye bread and coleslaw instead of fries"])
def test_a_swap_said_with_the_item_gives_it_the_choice_and_no_side(chat: Chat, said: str) -> None:
    chat.say(said)
    assert len(chat.lines) == 1
    sku, _, opts = _made(chat)[0]
    assert sku == "CLUB" and opts.get("side") in ("salad", "slaw")


def test_a_swap_of_products_is_still_a_swap_of_lines(chat: Chat) -> None:
    chat.say("a side of fries")
    chat.say("swap the fries for a tea")
    assert _made(chat) == [("TEA", 1, {})]


@pytest.mark.parametrize("said", ["on a croissant", "on a biscuit please", "and on a croissant"])
def test_a_base_said_as_a_follow_up_changes_the_line(chat: Chat, said: str) -> None:
    chat.say("an egg sandwich")
    chat.say(said)
    assert len(chat.lines) == 1
    assert _made(chat)[0][2]["roll"] in ("croissant", "biscuit")


def test_a_base_said_first_is_the_product_it_is_the_base_of(chat: Chat) -> None:
    chat.say("on a croissant")
    assert _made(chat) == [("EGG-SANDWICH", 1, {"roll": "croissant"})]


def test_another_item_on_a_base_is_still_another_item(chat: Chat) -> None:
    chat.say("an egg sandwich")
    chat.say("and another egg sandwich on a biscuit")
    assert sorted(_made(chat), key=str) == sorted([("EGG-SANDWICH", 1, {}), ("EGG-SANDWICH", 1, {"roll": "biscuit"})],
                                                  key=str)
