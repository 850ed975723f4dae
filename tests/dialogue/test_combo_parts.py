"""A counted item split into parts said right after it: "two calzones one plain and one spinach" are a plain
(cheese) calzone and a spinach calzone, read with the item's noun, never a spinach roll of another kind; and
"two meatball subs one on a wrap" is one on a wrap and one as usual: an article after a preposition opens that
part's choice ("on a wrap"), it is no part of its own. A catalog written here (a calzone counter; "spinach" also
names a roll, "plain" also a roll)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZE = {"code": "size", "name": "size", "required": True, "default": "reg", "values": [
    {"code": "reg", "name": "regular"}, {"code": "lg", "name": "large", "price_delta": "3.00"}]}
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {"size": _SIZE},
    "products": [
        {"sku": "CHEESE-CAL", "name": "cheese calzone", "price": "10.00", "stock": 20, "category": "calzones",
         "aliases": ["plain calzone", "calzone", "calzones", "plain calzones"], "options": ["size"]},
        {"sku": "SPIN-CAL", "name": "spinach calzone", "price": "12.00", "stock": 20, "category": "calzones",
         "options": ["size"]},
        {"sku": "SAUS-CAL", "name": "sausage calzone", "price": "12.00", "stock": 20, "category": "calzones",
         "options": ["size"]},
        {"sku": "SPIN-ROLL", "name": "spinach roll", "price": "4.00", "stock": 20, "category": "rolls",
         "aliases": ["spinach"]},
        {"sku": "PLAIN-ROLL", "name": "plain roll", "price": "3.00", "stock": 20, "category": "rolls",
         "aliases": ["plain"]},
        {"sku": "SAUS-ROLL", "name": "sausage roll", "price": "4.00", "stock": 20, "category": "rolls",
         "aliases": ["sausage"]},
        {"sku": "SUB", "name": "meatball sub", "price": "9.00", "stock": 20, "category": "subs",
         "aliases": ["meatball subs", "meatball hero"], "options": [
             {"code": "bread", "name": "bread", "required": True, "default": "hero", "values": [
                 {"code": "hero", "name": "hero roll"}, {"code": "wrap", "name": "wrap"},
                 {"code": "bowl", "name": "bowl"}, {"code": "pita", "name": "pita"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _sorted(lines: list[tuple[str, int, dict[str, str]]]) -> list[tuple[str, int, dict[str, str]]]:
    return sorted(lines, key=lambda ln: (ln[0], sorted(ln[2].items())))


@pytest.mark.parametrize(("said", "want"), [
    ("two calzones one plain and one spinach", [("CHEESE-CAL", 1, {"size": "reg"}), ("SPIN-CAL", 1, {"size": "reg"})]),
    ("two calzones, one spinach and one plain", [("CHEESE-CAL", 1, {"size": "reg"}), ("SPIN-CAL", 1, {"size": "reg"})]),
    ("two large calzones one spinach and one sausage", [("SAUS-CAL", 1, {"size": "lg"}), ("SPIN-CAL", 1, {"size": "lg"})]),
    ("three calzones one spinach one sausage and one plain",
     [("CHEESE-CAL", 1, {"size": "reg"}), ("SAUS-CAL", 1, {"size": "reg"}), ("SPIN-CAL", 1, {"size": "reg"})]),
    ("three calzones, two spinach and one sausage", [("SAUS-CAL", 1, {"size": "reg"}), ("SPIN-CAL", 2, {"size": "reg"})]),
])
def test_bare_parts_of_a_counted_item_are_products_of_its_noun(chat: Chat, said: str,
                                                                want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert _sorted(chat.lines) == _sorted(want), chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("a spinach and a plain", [("PLAIN-ROLL", 1, {}), ("SPIN-ROLL", 1, {})]),
    ("two spinach rolls and a sausage", [("SAUS-ROLL", 1, {}), ("SPIN-ROLL", 2, {})]),
])
def test_bare_words_without_a_counted_noun_stay_what_they_name(chat: Chat, said: str,
                                                               want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert _sorted(chat.lines) == _sorted(want), chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("two meatball subs one on a wrap", [("SUB", 1, {"bread": "hero"}), ("SUB", 1, {"bread": "wrap"})]),
    ("two meatball subs, one in a bowl", [("SUB", 1, {"bread": "bowl"}), ("SUB", 1, {"bread": "hero"})]),
    ("three meatball subs one on a wrap", [("SUB", 1, {"bread": "wrap"}), ("SUB", 2, {"bread": "hero"})]),
    ("two meatball subs one on a wrap and one in a bowl", [("SUB", 1, {"bread": "bowl"}), ("SUB", 1, {"bread": "wrap"})]),
    ("two meatball heros one in a pita and the other on a wrap",
     [("SUB", 1, {"bread": "pita"}), ("SUB", 1, {"bread": "wrap"})]),
])
def test_an_article_after_a_preposition_is_the_parts_choice(chat: Chat, said: str,
                                                            want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert _sorted(chat.lines) == _sorted(want), chat.replies[-1].text
