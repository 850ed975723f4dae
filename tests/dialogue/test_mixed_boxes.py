"""A box and its mix, on a small catalog written here (issue 11, the donut and bagel shops' misses):

* "a dozen X" / "a half dozen X" / "two dozen X" is the box the shop sells under that count, made of X, when X are
  kinds of its mix, even when X is also a loose product ("a dozen glazed" is the dozen box, not 12 glazed rolls);
* a mix said with shares ("half cinnamon half pecan", "six cinnamon three pecan and three maple") goes in the box,
  the shares are not items of their own; after any product with a several-choice group ("a tin of bites half
  cinnamon half maple") too;
* the box's whole name ("a dozen rolls", where "rolls" also names the mix) is the box, asked its mix;
* the mix alone, with shares, answers the box's question ("half pecan and half maple").
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_MIX = [{"code": "assorted", "name": "assorted", "aliases": ["mixed"]},
        {"code": "cinnamon", "name": "cinnamon", "aliases": ["classic cinnamon"]},
        {"code": "pecan", "name": "pecan", "aliases": ["pecan sticky"]},
        {"code": "maple", "name": "maple glazed", "aliases": ["maple"]},
        {"code": "lemon", "name": "lemon"}]

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "mix": {"code": "rolls", "name": "rolls", "required": True, "multiple": True, "aliases": ["kinds", "mix"],
                "values": _MIX},
    },
    "products": [
        {"sku": "CINNAMON", "name": "cinnamon roll", "aliases": ["cinnamon", "cinnamon rolls", "classic cinnamon"],
         "price": "3.00"},
        {"sku": "PECAN", "name": "pecan roll", "aliases": ["pecan", "pecan rolls", "pecan sticky"], "price": "3.50"},
        {"sku": "MAPLE", "name": "maple roll", "aliases": ["maple rolls"], "price": "3.25"},
        {"sku": "HALF", "name": "half dozen rolls", "aliases": ["half dozen", "half a dozen", "half a dozen rolls"],
         "price": "15.00", "options": ["mix"]},
        {"sku": "DOZEN", "name": "dozen rolls", "aliases": ["dozen", "a dozen", "a dozen rolls", "box of twelve"],
         "price": "28.00", "options": ["mix"]},
        {"sku": "BITES", "name": "roll bites", "aliases": ["bites", "tin of bites"], "price": "6.00", "options": [
            {"code": "bites", "name": "bite flavors", "multiple": True, "values": [
                {"code": "cinnamon", "name": "cinnamon"}, {"code": "maple", "name": "maple"},
                {"code": "lemon", "name": "lemon"}]}]},
        {"sku": "COOKIE", "name": "oat cookie", "aliases": ["oat cookies", "cookies"], "price": "2.00"},
        {"sku": "COFFEE", "name": "coffee", "aliases": ["coffees"], "price": "2.50"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _mixes(chat: Chat) -> list[tuple[str, int, set[str]]]:
    """Each line with the kinds in it (every value of its several-choice group)."""
    return [(ln.sku, ln.quantity, {o.value for o in ln.options if o.group in ("rolls", "bites")})
            for ln in chat.session.cart.lines]


@pytest.mark.parametrize(("said", "lines"), [
    ("a dozen cinnamon", [("DOZEN", 1, {"cinnamon"})]),
    ("a dozen pecan please", [("DOZEN", 1, {"pecan"})]),
    ("one dozen classic cinnamon", [("DOZEN", 1, {"cinnamon"})]),
    ("a half dozen maple", [("HALF", 1, {"maple"})]),
    ("half a dozen pecan sticky", [("HALF", 1, {"pecan"})]),
    ("two dozen cinnamon", [("DOZEN", 2, {"cinnamon"})]),
    ("two dozen pecan rolls", [("DOZEN", 2, {"pecan"})]),
    ("a dozen cinnamon and lemon", [("DOZEN", 1, {"cinnamon", "lemon"})]),
    ("a half dozen cinnamon and a half dozen pecan", [("HALF", 1, {"cinnamon"}), ("HALF", 1, {"pecan"})]),
    ("a dozen cinnamon and a coffee", [("DOZEN", 1, {"cinnamon"}), ("COFFEE", 1, set())]),
])
def test_a_count_the_shop_sells_as_a_box_is_that_box(chat: Chat, said: str, lines: list[tuple[str, int, set[str]]]
                                                     ) -> None:
    chat.say(said)
    assert sorted(_mixes(chat), key=str) == sorted(lines, key=str)


@pytest.mark.parametrize(("said", "lines"), [
    ("a dozen half cinnamon half pecan", [("DOZEN", 1, {"cinnamon", "pecan"})]),
    ("a dozen half maple and half lemon", [("DOZEN", 1, {"maple", "lemon"})]),
    ("a half dozen three cinnamon and three maple", [("HALF", 1, {"cinnamon", "maple"})]),
    ("a dozen six cinnamon three pecan and three maple", [("DOZEN", 1, {"cinnamon", "pecan", "maple"})]),
    ("a dozen four lemon four pecan four cinnamon", [("DOZEN", 1, {"cinnamon", "pecan", "lemon"})]),
    ("a tin of bites half cinnamon half maple", [("BITES", 1, {"cinnamon", "maple"})]),
])
def test_a_mix_with_shares_goes_in_the_box(chat: Chat, said: str, lines: list[tuple[str, int, set[str]]]) -> None:
    chat.say(said)
    assert sorted(_mixes(chat), key=str) == sorted(lines, key=str)


def test_shares_that_do_not_fill_the_box_are_no_mix_of_it(chat: Chat) -> None:
    chat.say("a dozen six cinnamon three pecan")  # nine of twelve: not the whole box read as its mix
    assert ("DOZEN", 1, {"cinnamon", "pecan"}) not in _mixes(chat)


@pytest.mark.parametrize("said", ["a dozen rolls", "a dozen rolls please", "half a dozen rolls"])
def test_the_box_by_its_whole_name_asks_its_mix(chat: Chat, said: str) -> None:
    reply = chat.say(said)
    assert not chat.lines
    assert "would you like for the" in reply.text.lower() and "dozen rolls" in reply.text.lower()


@pytest.mark.parametrize(("first", "answer", "kinds"), [
    ("a dozen", "half pecan and half maple", {"pecan", "maple"}),
    ("a dozen rolls", "half cinnamon half lemon", {"cinnamon", "lemon"}),
    ("a dozen", "ok four cinnamon four pecan and four maple", {"cinnamon", "pecan", "maple"}),
    ("a half dozen", "three lemon and three pecan", {"lemon", "pecan"}),
    ("a half dozen", "um two cinnamon two pecan and two maple", {"cinnamon", "pecan", "maple"}),
])
def test_the_mix_alone_answers_the_box_question(chat: Chat, first: str, answer: str, kinds: set[str]) -> None:
    chat.say(first)
    assert not chat.lines
    chat.say(answer)
    assert len(chat.lines) == 1 and _mixes(chat)[0][2] == kinds and chat.lines[0][0] in ("DOZEN", "HALF")


def test_loose_counts_stay_loose_without_a_box(chat: Chat) -> None:
    chat.say("three cinnamon rolls and two pecan rolls")
    assert sorted(_mixes(chat), key=str) == sorted([("CINNAMON", 3, set()), ("PECAN", 2, set())], key=str)


def test_a_dozen_of_what_no_box_holds_stays_twelve(chat: Chat) -> None:
    chat.say("a dozen oat cookies")
    assert chat.lines == [("COOKIE", 12, {})]
