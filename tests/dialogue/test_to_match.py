"""An item made to match the line before, on a small catalog written here: "a bath sheet in sage" - "and a face
cloth to match" is a sage face cloth (the choices of the line in focus its product offers too); a later "make it
two face cloths" then counts that line, and the bath sheet stays. The words "to match" name no product, even
where the shop sells one named like them (a box of matches)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_COLOUR = {"code": "colour", "name": "colour", "required": True, "values": [
    {"code": "sage", "name": "sage"}, {"code": "sand", "name": "sand"}, {"code": "slate", "name": "slate"}]}
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "SHEET", "name": "bath sheet", "price": "30.00", "options": [_COLOUR, {
            "code": "weight", "name": "weight", "default": "plush", "values": [
                {"code": "plush", "name": "plush"}, {"code": "light", "name": "lightweight"}]}]},
        {"sku": "CLOTH", "name": "face cloth", "aliases": ["washcloth"], "price": "6.00", "options": [_COLOUR]},
        {"sku": "MAT", "name": "bath mat", "price": "20.00", "options": [_COLOUR]},
        {"sku": "MATCHES", "name": "matches", "aliases": ["box of matches"], "price": "2.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", [
    "and a face cloth to match",
    "a washcloth to match please",
    "and a matching face cloth",
    "can i also get a face cloth that matches",
])
def test_an_item_to_match_takes_the_choices_of_the_line_before(chat: Chat, said: str) -> None:
    chat.say("a bath sheet in sage")
    chat.say(said)
    assert chat.lines == [("SHEET", 1, {"colour": "sage", "weight": "plush"}), ("CLOTH", 1, {"colour": "sage"})]


def test_a_count_after_a_match_counts_that_line(chat: Chat) -> None:
    chat.say("a bath sheet in slate")
    chat.say("and a face cloth to match")
    chat.say("make it two face cloths")
    assert chat.lines == [("SHEET", 1, {"colour": "slate", "weight": "plush"}), ("CLOTH", 2, {"colour": "slate"})]


def test_a_choice_said_wins_over_the_match(chat: Chat) -> None:
    chat.say("a bath sheet in sand")
    chat.say("and a bath mat to match but in slate")
    assert chat.lines[-1] == ("MAT", 1, {"colour": "slate"})


def test_matches_are_still_sold(chat: Chat) -> None:
    chat.say("a box of matches")
    assert chat.lines == [("MATCHES", 1, {})]
