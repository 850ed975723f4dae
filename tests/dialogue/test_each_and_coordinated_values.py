"""Distributive words and coordinated values: "a korma and a vindaloo both with pilau rice" is a rice for each
curry, "two kormas" then "and a garlic naan for each" a naan for each korma; "black and blue gel pens" (or "...,
a pack of each") is a line of each colour, not the last colour alone; "a size 8 shoe black and a size 10 one
brown" is two shoes, the second made as said around "one"; "two three piece combos" are two combos of three pieces.
A catalog written here (a takeaway that sells pens, shirts and shoes too)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_PROTEIN = {"code": "protein", "name": "protein", "required": True, "values": [
    {"code": "chicken", "name": "chicken"}, {"code": "lamb", "name": "lamb"},
    {"code": "paneer", "name": "paneer", "aliases": ["cheese"]}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {"protein": _PROTEIN},
    "products": [
        {"sku": "KORMA", "name": "korma", "price": "11.00", "stock": 40, "options": ["protein"]},
        {"sku": "VINDALOO", "name": "vindaloo", "price": "12.00", "stock": 40, "options": ["protein"]},
        {"sku": "RICE", "name": "rice", "price": "3.00", "stock": 40, "options": [
            {"code": "type", "name": "rice", "required": True, "values": [
                {"code": "pilau", "name": "pilau rice", "aliases": ["pilau"]},
                {"code": "plain", "name": "plain rice", "aliases": ["plain", "boiled rice"]}]}]},
        {"sku": "NAAN", "name": "naan", "price": "3.00", "stock": 40, "options": [
            {"code": "type", "name": "naan", "default": "plain", "values": [
                {"code": "plain", "name": "plain naan", "aliases": ["plain"]},
                {"code": "garlic", "name": "garlic naan", "aliases": ["garlic"]}]}]},
        {"sku": "GELPEN", "name": "gel pen", "price": "4.00", "stock": 40, "aliases": ["gel pens"], "options": [
            {"code": "colour", "name": "colour", "default": "black", "values": [
                {"code": "black", "name": "black"}, {"code": "blue", "name": "blue"},
                {"code": "red", "name": "red"}, {"code": "green", "name": "green"}]},
            {"code": "pack", "name": "pack", "default": "10", "values": [
                {"code": "4", "name": "4 pack"}, {"code": "10", "name": "10 pack"}]}]},
        {"sku": "SHIRT", "name": "shirt", "price": "15.00", "stock": 40, "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "s", "name": "small"}, {"code": "m", "name": "medium"}, {"code": "l", "name": "large"}]},
            {"code": "colour", "name": "colour", "default": "white", "values": [
                {"code": "white", "name": "white"}, {"code": "black", "name": "black"},
                {"code": "grey", "name": "grey", "aliases": ["gray"]}]}]},
        {"sku": "SHOE", "name": "shoe", "price": "40.00", "stock": 40, "aliases": ["shoes", "pair of shoes"],
         "options": [
             {"code": "size", "name": "size", "required": True, "values": [
                 {"code": "8", "name": "size 8"}, {"code": "9", "name": "size 9"}, {"code": "10", "name": "size 10"}]},
             {"code": "colour", "name": "colour", "default": "black", "values": [
                 {"code": "black", "name": "black"}, {"code": "brown", "name": "brown"}]}]},
        {"sku": "COMBO", "name": "chicken combo", "price": "9.00", "stock": 40,
         "aliases": ["combo", "combos", "piece combo", "piece meal"], "options": [
             {"code": "pieces", "name": "pieces", "default": "2", "values": [
                 {"code": "2", "name": "2 piece"}, {"code": "3", "name": "3 piece"}]},
             {"code": "recipe", "name": "recipe", "default": "original", "values": [
                 {"code": "original", "name": "original"}, {"code": "spicy", "name": "spicy"}]},
             {"code": "side", "name": "side", "default": "fries", "values": [
                 {"code": "fries", "name": "fries"}, {"code": "mash", "name": "mash"}]}]},
        {"sku": "PENCIL", "name": "pencil", "price": "3.00", "stock": 5, "aliases": ["pencils"], "options": [
            {"code": "grade", "name": "grade", "default": "hb", "values": [
                {"code": "hb", "name": "hb"}, {"code": "2h", "name": "2h"}]},
            {"code": "pack", "name": "pack", "default": "12", "values": [
                {"code": "12", "name": "12 pencils"}, {"code": "24", "name": "24 pencils"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _sorted(lines: list[tuple[str, int, dict[str, str]]]) -> list[tuple[str, int, dict[str, str]]]:
    return sorted(lines, key=lambda line: (line[0], sorted(line[2].items()), line[1]))


@pytest.mark.parametrize(("said", "want"), [
    ("a chicken korma and a lamb vindaloo both with pilau rice",
     [("KORMA", 1, {"protein": "chicken"}), ("VINDALOO", 1, {"protein": "lamb"}), ("RICE", 2, {"type": "pilau"})]),
    ("a lamb korma and a chicken vindaloo each with a garlic naan",
     [("KORMA", 1, {"protein": "lamb"}), ("VINDALOO", 1, {"protein": "chicken"}), ("NAAN", 2, {"type": "garlic"})]),
    ("two chicken kormas and a plain rice for each",
     [("KORMA", 2, {"protein": "chicken"}), ("RICE", 2, {"type": "plain"})]),
    ("a paneer korma and a lamb vindaloo and a garlic naan with each",
     [("KORMA", 1, {"protein": "paneer"}), ("VINDALOO", 1, {"protein": "lamb"}), ("NAAN", 2, {"type": "garlic"})]),
    ("a chicken korma a lamb korma and a paneer korma with a pilau rice each",
     [("KORMA", 1, {"protein": "chicken"}), ("KORMA", 1, {"protein": "lamb"}), ("KORMA", 1, {"protein": "paneer"}),
      ("RICE", 3, {"type": "pilau"})]),
])
def test_a_product_said_for_each_item_is_one_per_item(chat: Chat, said: str,
                                                     want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert _sorted(chat.lines) == _sorted(want), chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("a chicken korma and a lamb vindaloo with pilau rice",
     [("KORMA", 1, {"protein": "chicken"}), ("VINDALOO", 1, {"protein": "lamb"}), ("RICE", 1, {"type": "pilau"})]),
    ("a chicken korma and a garlic naan",
     [("KORMA", 1, {"protein": "chicken"}), ("NAAN", 1, {"type": "garlic"})]),
])
def test_without_a_distributive_word_one_is_one(chat: Chat, said: str,
                                                want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert _sorted(chat.lines) == _sorted(want), chat.replies[-1].text


@pytest.mark.parametrize(("first", "second", "third", "want"), [
    ("two kormas", "one chicken and the other paneer", "and a plain naan for each", ("NAAN", 2, {"type": "plain"})),
    ("two kormas", "one chicken and the other lamb", "a garlic naan with each of them",
     ("NAAN", 2, {"type": "garlic"})),
    ("three lamb vindaloos", "", "and a pilau rice for each", ("RICE", 3, {"type": "pilau"})),
])
def test_for_each_in_a_later_turn_counts_the_lines_in_focus(chat: Chat, first: str, second: str, third: str,
                                                            want: tuple[str, int, dict[str, str]]) -> None:
    chat.say(first)
    if second:
        chat.say(second)
    before = list(chat.lines)
    chat.say(third)
    assert chat.lines == [*before, want], chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("black and blue gel pens", [("GELPEN", 1, {"colour": "black", "pack": "10"}),
                                 ("GELPEN", 1, {"colour": "blue", "pack": "10"})]),
    ("red and green gel pens a pack of each", [("GELPEN", 1, {"colour": "red", "pack": "10"}),
                                               ("GELPEN", 1, {"colour": "green", "pack": "10"})]),
    ("black and red gel pens two of each", [("GELPEN", 2, {"colour": "black", "pack": "10"}),
                                            ("GELPEN", 2, {"colour": "red", "pack": "10"})]),
    ("black blue and red gel pens", [("GELPEN", 1, {"colour": "black", "pack": "10"}),
                                     ("GELPEN", 1, {"colour": "blue", "pack": "10"}),
                                     ("GELPEN", 1, {"colour": "red", "pack": "10"})]),
    ("grey and black shirts in medium", [("SHIRT", 1, {"size": "m", "colour": "grey"}),
                                         ("SHIRT", 1, {"size": "m", "colour": "black"})]),
])
def test_values_joined_by_and_on_a_plural_noun_are_a_line_each(chat: Chat, said: str,
                                                               want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert _sorted(chat.lines) == _sorted(want), chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("a blue gel pen", [("GELPEN", 1, {"colour": "blue", "pack": "10"})]),
    ("a black and a blue gel pen", [("GELPEN", 1, {"colour": "black", "pack": "10"}),
                                    ("GELPEN", 1, {"colour": "blue", "pack": "10"})]),
])
def test_one_value_or_values_with_their_own_articles_unchanged(chat: Chat, said: str,
                                                               want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert _sorted(chat.lines) == _sorted(want), chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("a size 8 shoe black and a size 10 one brown", [("SHOE", 1, {"size": "8", "colour": "black"}),
                                                      ("SHOE", 1, {"size": "10", "colour": "brown"})]),
    ("a brown shoe in size 9 and a size 8 one in black", [("SHOE", 1, {"size": "9", "colour": "brown"}),
                                                          ("SHOE", 1, {"size": "8", "colour": "black"})]),
    ("a size 10 shoe and a size 9 one brown", [("SHOE", 1, {"size": "10", "colour": "black"}),
                                               ("SHOE", 1, {"size": "9", "colour": "brown"})]),
])
def test_one_after_a_choice_ending_in_a_number_is_the_noun_of_its_line(chat: Chat, said: str,
                                                                      want: list[tuple[str, int, dict[str, str]]]) \
        -> None:
    chat.say(said)
    assert _sorted(chat.lines) == _sorted(want), chat.replies[-1].text


@pytest.mark.parametrize("said", [
    "a small shirt white and a large one black",
    "a small white shirt and a large one black",
    "a white shirt small and a large one in black",
])
def test_a_choice_said_after_one_stays_with_its_line(chat: Chat, said: str) -> None:
    chat.say(said)
    assert _sorted(chat.lines) == _sorted([("SHIRT", 1, {"size": "s", "colour": "white"}),
                                           ("SHIRT", 1, {"size": "l", "colour": "black"})]), chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("two three piece combos one original and one spicy both with mash",
     [("COMBO", 1, {"pieces": "3", "recipe": "original", "side": "mash"}),
      ("COMBO", 1, {"pieces": "3", "recipe": "spicy", "side": "mash"})]),
    ("three two piece combos", [("COMBO", 3, {"pieces": "2", "recipe": "original", "side": "fries"})]),
    ("two 3 piece meals with mash", [("COMBO", 2, {"pieces": "3", "recipe": "original", "side": "mash"})]),
    ("a three piece combo", [("COMBO", 1, {"pieces": "3", "recipe": "original", "side": "fries"})]),
    ("twenty four 2h pencils", [("PENCIL", 1, {"grade": "2h", "pack": "24"})]),
])
def test_a_count_before_a_piece_count_counts_the_items(chat: Chat, said: str,
                                                      want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert _sorted(chat.lines) == _sorted(want), chat.replies[-1].text
