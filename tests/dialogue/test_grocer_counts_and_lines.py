"""Counts and lines at a produce stand, on a small catalog written here (issue 11, the greengrocer family):

- a count unit that is the product's own choice: "a dozen bran muffins" is one "dozen", "two dozen muffins" two
  of it, "a half dozen blueberry muffins" one "half dozen" (not 12, 24 or 6 boxes);
- a second line of the same product named by "ones": "three organic plums and three regular ones", "a pound of
  kalamata olives and half a pound of green ones";
- choices joined by "and" before the product they share: "a red and a yellow chili and half a melon";
- a container word that is a choice of one product only: "a sack of potatoes and a bunch of radishes" (the sack is
  the potatoes' choice; the bunch is no choice of the potatoes, only how the radishes come);
- a count said after the item, closing the sentence: "some ripe plums maybe four".
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_GROWING = {"code": "growing", "name": "organic", "default": "conventional", "values": [
    {"code": "conventional", "name": "conventional", "aliases": ["regular", "not organic"]},
    {"code": "organic", "name": "organic", "price_delta": "0.20"}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "MUFFINS", "name": "muffins", "aliases": ["muffin"], "price": "9.00", "options": [
            {"code": "box", "name": "box", "default": "dozen", "values": [
                {"code": "half_dozen", "name": "half dozen", "aliases": ["half a dozen", "six"], "price_delta": "-4.00"},
                {"code": "dozen", "name": "dozen", "aliases": ["a dozen", "twelve"]},
                {"code": "eighteen", "name": "eighteen", "aliases": ["dozen and a half"], "price_delta": "4.00"}]},
            {"code": "kind", "name": "kind", "default": "plain", "values": [
                {"code": "plain", "name": "plain"},
                {"code": "bran", "name": "bran muffins", "aliases": ["bran"]},
                {"code": "blueberry", "name": "blueberry muffins", "aliases": ["blueberry"], "price_delta": "1.00"}]}]},
        {"sku": "PLUM", "name": "plum", "aliases": ["plums"], "price": "0.60", "options": [
            {"code": "ripeness", "name": "ripeness", "default": "ripe", "values": [
                {"code": "ripe", "name": "ripe"}, {"code": "firm", "name": "firm", "aliases": ["for later"]}]},
            _GROWING]},
        {"sku": "OLIVES", "name": "olives", "aliases": ["olive"], "price": "6.00", "options": [
            {"code": "variety", "name": "variety", "default": "kalamata", "values": [
                {"code": "kalamata", "name": "kalamata"}, {"code": "green", "name": "green"},
                {"code": "oil_cured", "name": "oil cured"}]},
            {"code": "weight", "name": "weight", "default": "1lb", "values": [
                {"code": "half_lb", "name": "half pound", "aliases": ["half a pound", "half a pound of"],
                 "price_delta": "-3.00"},
                {"code": "1lb", "name": "one pound", "aliases": ["a pound", "pound"]},
                {"code": "1kg", "name": "one kilo", "aliases": ["a kilo", "kilo"], "price_delta": "7.00"}]}]},
        {"sku": "CHILI", "name": "chili", "aliases": ["chilies", "chili pepper"], "price": "0.40", "options": [
            {"code": "colour", "name": "colour", "required": True, "values": [
                {"code": "red", "name": "red"}, {"code": "green", "name": "green"},
                {"code": "yellow", "name": "yellow"}]}]},
        {"sku": "MELON", "name": "melon", "aliases": ["melons"], "price": "5.00", "options": [
            {"code": "size", "name": "size", "default": "whole", "values": [
                {"code": "whole", "name": "whole"},
                {"code": "half", "name": "half", "aliases": ["half a", "a half"], "price_delta": "-2.00"}]}]},
        {"sku": "POTATOES", "name": "potatoes", "aliases": ["potato"], "price": "1.50", "options": [
            {"code": "pack", "name": "loose or sack", "default": "loose", "values": [
                {"code": "loose", "name": "loose", "aliases": ["bunch"]},
                {"code": "sack", "name": "five pound sack", "aliases": ["sack", "a sack"], "price_delta": "3.00"}]}]},
        {"sku": "RADISHES", "name": "radishes", "aliases": ["radish"], "price": "1.80"},
        {"sku": "LEEKS", "name": "leeks", "aliases": ["leek"], "price": "2.10"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "qty", "box", "kind"), [
    ("a dozen bran muffins", 1, "dozen", "bran"),
    ("two dozen muffins", 2, "dozen", "plain"),
    ("three dozen blueberry muffins please", 3, "dozen", "blueberry"),
    ("a half dozen blueberry muffins", 1, "half_dozen", "blueberry"),
    ("two dozen bran muffins", 2, "dozen", "bran"),
])
def test_a_unit_that_is_the_products_choice_counts_that_choice(chat: Chat, said: str, qty: int, box: str,
                                                                kind: str) -> None:
    chat.say(said)
    assert chat.lines == [("MUFFINS", qty, {"box": box, "kind": kind})]


def test_a_unit_choice_after_another_item_is_its_own_line(chat: Chat) -> None:
    chat.say("half a dozen blueberry muffins and a dozen bran muffins")
    assert chat.lines == [("MUFFINS", 1, {"box": "half_dozen", "kind": "blueberry"}),
                          ("MUFFINS", 1, {"box": "dozen", "kind": "bran"})]


@pytest.mark.parametrize(("said", "first", "second"), [
    ("three organic plums and three regular ones", 3, 3),
    ("two organic plums and five regular ones", 2, 5),
    ("four organic plums and four not organic ones", 4, 4),
])
def test_regular_ones_after_an_item_are_a_line_of_their_own(chat: Chat, said: str, first: int, second: int) -> None:
    chat.say(said)
    assert chat.lines == [("PLUM", first, {"ripeness": "ripe", "growing": "organic"}),
                          ("PLUM", second, {"ripeness": "ripe", "growing": "conventional"})]


@pytest.mark.parametrize(("said", "first", "second"), [
    ("a pound of kalamata olives and half a pound of green ones", ("kalamata", "1lb"), ("green", "half_lb")),
    ("half a pound of green olives and a kilo of oil cured ones", ("green", "half_lb"), ("oil_cured", "1kg")),
])
def test_a_measure_and_a_kind_said_with_ones_are_another_line(chat: Chat, said: str, first: tuple[str, str],
                                                              second: tuple[str, str]) -> None:
    chat.say(said)
    assert chat.lines == [("OLIVES", 1, {"variety": first[0], "weight": first[1]}),
                          ("OLIVES", 1, {"variety": second[0], "weight": second[1]})]


@pytest.mark.parametrize(("said", "colours"), [
    ("a red and a yellow chili and half a melon", ["red", "yellow"]),
    ("a green and a red chili pepper and half a melon", ["green", "red"]),
])
def test_choices_joined_before_their_product_are_one_line_each(chat: Chat, said: str, colours: list[str]) -> None:
    chat.say(said)
    assert chat.lines == [*(("CHILI", 1, {"colour": c}) for c in colours), ("MELON", 1, {"size": "half"})]


@pytest.mark.parametrize("said", ["a sack of potatoes and a bunch of radishes",
                                  "a sack of potatoes and a bunch of leeks please"])
def test_a_container_of_the_next_item_is_no_choice_of_the_one_before(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines[0] == ("POTATOES", 1, {"pack": "sack"})
    assert len(chat.lines) == 2 and chat.lines[1][1:] == (1, {})


@pytest.mark.parametrize(("said", "qty", "growing"), [
    ("some ripe plums maybe four", 4, "conventional"),
    ("plums, say five", 5, "conventional"),
    ("organic plums about six of them", 6, "organic"),
    ("some firm plums for later maybe three", 3, "conventional"),
])
def test_a_count_closing_the_sentence_is_how_many(chat: Chat, said: str, qty: int, growing: str) -> None:
    chat.say(said)
    assert [(sku, n, opts["growing"]) for sku, n, opts in chat.lines] == [("PLUM", qty, growing)]


def test_a_count_closing_the_sentence_leaves_a_count_said_before(chat: Chat) -> None:
    chat.say("two organic plums maybe")
    assert [(sku, n) for sku, n, _ in chat.lines] == [("PLUM", 2)]
