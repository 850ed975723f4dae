"""A choice said where the product should be, on small catalogs written here: an item named only by a choice ("a
grande" for a grande burrito) keeps the choices said after "with" even when they are also sold on their own ("with
guac" is the burrito's guacamole, not a side of it), and "one with ..." after "two grandes" splits them; a
product's whole name said after one of its choices wins over a shorter alias of another product ("bean cheese
nachos" are the nachos with beans, not the "bean cheese" burrito and nachos); a number with a unit said after
"on"/"in"/"with" right after a product is that product's choice ("flyers on 100 pound paper", not 100 pounds of
shredding); a word said as an item that with the head noun of the product before it names another product
is that product ("fifteen black and white and five colour": five colour copies, not a folder's colour)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_TACOS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "size": {"code": "size", "name": "size", "default": "regular", "values": [
            {"code": "regular", "name": "regular"},
            {"code": "grande", "name": "grande", "aliases": ["grandes", "large"], "price_delta": "2.00"}]},
        "extras": {"code": "extras", "name": "extras", "multiple": True, "values": [
            {"code": "guac", "name": "guacamole", "aliases": ["guac"], "price_delta": "1.50"},
            {"code": "queso", "name": "queso", "price_delta": "1.00"},
            {"code": "beans", "name": "beans", "aliases": ["bean"], "price_delta": "0.50"}]},
    },
    "products": [
        {"sku": "BURRITO", "name": "steak burrito", "aliases": ["burrito", "burritos"], "price": "9.00",
         "options": ["size", "extras"]},
        {"sku": "BCB", "name": "bean and cheese burrito", "aliases": ["bean cheese", "bean cheese burrito"],
         "price": "7.00", "options": ["size"]},
        {"sku": "NACHOS", "name": "cheese nachos", "aliases": ["nachos"], "price": "6.00", "options": ["extras"]},
        {"sku": "GUAC", "name": "guacamole", "aliases": ["guac", "side of guac"], "price": "3.00"},
        {"sku": "QUESO", "name": "queso", "aliases": ["queso dip"], "price": "3.00"},
    ],
}

_PRINT = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "FLYERS", "name": "flyers", "aliases": ["flyer"], "price": "0.50", "options": [
            {"code": "paper", "name": "paper", "default": "80lb", "values": [
                {"code": "80lb", "name": "80 lb", "aliases": ["80 pound"]},
                {"code": "100lb", "name": "100 lb", "aliases": ["100 pound"], "price_delta": "0.10"}]}]},
        {"sku": "SHRED", "name": "shredding", "aliases": ["pounds of shredding", "pound of shredding"],
         "price": "1.00"},
        {"sku": "BW", "name": "black and white copies", "aliases": ["black and white", "copies"], "price": "0.10",
         "options": [{"code": "sides", "name": "sides", "default": "single", "values": [
             {"code": "single", "name": "single sided"}, {"code": "double", "name": "double sided"}]}]},
        {"sku": "COLOUR", "name": "colour copies", "aliases": ["color copies"], "price": "0.50"},
        {"sku": "LAM", "name": "lamination", "aliases": ["laminate", "laminated pages", "laminated page",
                                                         "laminated sheets"],
         "price": "1.00", "options": [{"code": "size", "name": "size", "default": "letter", "values": [
             {"code": "letter", "name": "letter"}, {"code": "legal", "name": "legal"}]},
             {"code": "thickness", "name": "thickness", "default": "3mil", "values": [
                 {"code": "3mil", "name": "3 mil"}, {"code": "5mil", "name": "5 mil"}]}]},
        {"sku": "POSTER", "name": "poster", "price": "20.00", "options": [
            {"code": "extras", "name": "extras", "multiple": True, "values": [
                {"code": "laminate", "name": "lamination", "aliases": ["laminated", "laminate"],
                 "price_delta": "5.00"}]}]},
        {"sku": "PADS", "name": "notepads", "price": "4.00", "options": [
            {"code": "sheets", "name": "sheets", "aliases": ["pages", "page"], "default": "50", "values": [
                {"code": "50", "name": "50 sheets"}, {"code": "100", "name": "100 sheets"}]}]},
        {"sku": "FOLDER", "name": "folder", "price": "2.00", "options": [
            {"code": "colour", "name": "colour", "aliases": ["color"], "default": "black", "values": [
                {"code": "black", "name": "black"}, {"code": "red", "name": "red"}]}]},
    ],
}


@pytest.fixture
def tacos(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _TACOS)


@pytest.fixture
def prints(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _PRINT)


def _lines(chat: Chat) -> list[tuple[str, int, dict[str, list[str]]]]:
    out = []
    for ln in chat.session.cart.lines:
        groups: dict[str, list[str]] = {}
        for o in ln.options:
            groups.setdefault(o.group, []).append(o.value)
        out.append((ln.sku, ln.quantity, {g: sorted(v) for g, v in groups.items()}))
    return out


@pytest.mark.parametrize(("said", "qty", "extras"), [
    ("a grande with guac", 1, ["guac"]),
    ("a grande with guacamole and queso", 1, ["guac", "queso"]),
    ("two grandes with queso", 2, ["queso"]),
    ("can i get a grande with queso please", 1, ["queso"]),
    ("a grande burrito with guac", 1, ["guac"]),
])
def test_a_choice_after_with_is_of_the_item_named_by_a_choice(tacos: Chat, said: str, qty: int,
                                                              extras: list[str]) -> None:
    tacos.say(said)
    assert _lines(tacos) == [("BURRITO", qty, {"size": ["grande"], "extras": extras})]


def test_a_product_after_with_stays_a_product_when_a_product_heads_the_item(tacos: Chat) -> None:
    tacos.say("a bean and cheese burrito extra beans with queso")
    assert sorted(sku for sku, _, _ in _lines(tacos)) == ["BCB", "QUESO"]


def test_an_item_of_its_own_after_and_stays_an_item(tacos: Chat) -> None:
    tacos.say("a grande burrito and a side of guac")
    assert sorted(sku for sku, _, _ in _lines(tacos)) == ["BURRITO", "GUAC"]


@pytest.mark.parametrize(("said", "split"), [
    ("two grandes one with guac and one with queso", [(1, ["guac"]), (1, ["queso"])]),
    ("three grandes one with guac and two with queso", [(1, ["guac"]), (2, ["queso"])]),
])
def test_one_with_after_counted_choice_splits_the_items(tacos: Chat, said: str,
                                                        split: list[tuple[int, list[str]]]) -> None:
    tacos.say(said)
    assert _lines(tacos) == [("BURRITO", q, {"size": ["grande"], "extras": e}) for q, e in split]


@pytest.mark.parametrize("said", ["bean cheese nachos", "an order of bean cheese nachos", "one bean cheese nachos please"])
def test_a_whole_name_after_its_choice_wins_over_a_shorter_alias(tacos: Chat, said: str) -> None:
    tacos.say(said)
    assert _lines(tacos) == [("NACHOS", 1, {"extras": ["beans"]})]


def test_both_readings_in_one_sentence(tacos: Chat) -> None:
    tacos.say("a bean cheese burrito and bean cheese nachos")
    assert sorted(sku for sku, _, _ in _lines(tacos)) == ["BCB", "NACHOS"]


def test_the_shorter_alias_alone_is_still_its_product(tacos: Chat) -> None:
    tacos.say("a bean cheese and nachos")
    assert sorted(sku for sku, _, _ in _lines(tacos)) == ["BCB", "NACHOS"]


@pytest.mark.parametrize("said", ["fifty flyers on 100 pound paper", "50 flyers on 100 pound",
                                  "i need fifty flyers in 100 pound please"])
def test_a_number_and_unit_after_a_product_is_its_choice(prints: Chat, said: str) -> None:
    prints.say(said)
    assert _lines(prints) == [("FLYERS", 50, {"paper": ["100lb"]})]


def test_a_counted_unit_product_stays_counted(prints: Chat) -> None:
    prints.say("fifty flyers and 10 pounds of shredding")
    assert sorted((sku, qty) for sku, qty, _ in _lines(prints)) == [("FLYERS", 50), ("SHRED", 10)]


@pytest.mark.parametrize(("said", "lines"), [
    ("fifteen black and white double sided and five colour", [("BW", 15), ("COLOUR", 5)]),
    ("ten black and white copies and two color", [("BW", 10), ("COLOUR", 2)]),
    ("twenty black and white and a colour please", [("BW", 20), ("COLOUR", 1)]),
])
def test_a_word_with_the_noun_said_before_names_the_sibling_product(prints: Chat, said: str,
                                                                    lines: list[tuple[str, int]]) -> None:
    prints.say(said)
    assert [(sku, qty) for sku, qty, _ in _lines(prints)] == lines


def test_a_choice_of_the_product_itself_stays_its_choice(prints: Chat) -> None:
    prints.say("a red folder and a black")
    assert [(sku, qty, opts["colour"]) for sku, qty, opts in _lines(prints)] == [
        ("FOLDER", 1, ["red"]), ("FOLDER", 1, ["black"])]


@pytest.mark.parametrize(("said", "size", "qty"), [("three laminated letter pages", "letter", 3),
                                                  ("two laminated legal sheets please", "legal", 2),
                                                  ("one laminated legal page", "legal", 1)])
def test_a_choice_inside_a_name_whose_words_are_another_products_choice(prints: Chat, said: str, size: str,
                                                                       qty: int) -> None:
    reply = prints.say(said)
    assert _lines(prints) == [("LAM", qty, {"size": [size], "thickness": ["3mil"]})]
    assert "come with" not in reply.text, reply.text  # no "laminated" left over as a choice it lacks


def test_the_other_products_choice_said_with_it_stays_its_choice(prints: Chat) -> None:
    prints.say("a laminated poster")
    assert _lines(prints) == [("POSTER", 1, {"extras": ["laminate"]})]
