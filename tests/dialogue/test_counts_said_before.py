"""A count said before an item, or for "the <choices> ones", after the fx17b cart fixes: "two dozen eggs one dozen
brown and one dozen white" (the count before the item and its unit is the whole, shared by its parts; only an item
with no count before it takes the count right after it as its own, "hem two pairs of pants"), and "make the oat ones
three" to a mocha with whole milk (a count for the lines made so: there are none, nothing changes; choices said as
"the <choices> ones" describe the line just ordered only when no count is said for them)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of
from tests.dialogue.test_counted_lines import _EGGS


@pytest.fixture
def eggs(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _EGGS)


# --- the count before the item (with its unit) is the whole; the parts after it share it ---------------------
@pytest.mark.parametrize("said", ["two dozen eggs one dozen brown and one dozen white",
                                  "two dozen eggs, one dozen brown and one dozen white please",
                                  "i need two dozen eggs one dozen brown and one dozen white"])
def test_parts_after_a_count_in_units(eggs: Chat, said: str) -> None:
    eggs.say(said)
    assert sorted((q, o["pack"], o["colour"]) for _s, q, o in eggs.lines) == [(1, "dozen", "brown"),
                                                                            (1, "dozen", "white")]


@pytest.mark.parametrize("said", ["hem two pairs of pants", "hem two pairs of pants with cuffs"])
def test_a_count_right_after_an_uncounted_service_is_its_own(shop: Callable[[str], Chat], said: str) -> None:
    cleaner = shop("drycleaner")
    cleaner.say(said)
    assert len(cleaner.lines) == 1 and cleaner.lines[0][1] == 2


# --- a count for "the <choices> ones": lines made so, never the line just ordered changed ------------------
@pytest.mark.parametrize("said", ["actually make the oat ones three", "make the oat ones two",
                                  "make the almond ones three please"])
def test_a_count_for_the_ones_made_so_changes_no_other_line(chat: Chat, said: str) -> None:
    chat.say("a mocha")
    chat.say(said)
    assert [(s, q, o["milk"]) for s, q, o in chat.lines] == [("MOCHA", 1, "whole")]


def test_a_count_for_the_ones_made_so_recounts_that_line(chat: Chat) -> None:
    chat.say("a mocha and an oat mocha")
    chat.say("make the oat ones three")
    assert sorted((q, o["milk"]) for _s, q, o in chat.lines) == [(1, "whole"), (3, "oat")]
    assert {s for s, _q, _o in chat.lines} == {"MOCHA"}


def test_the_ones_without_a_count_still_describe_the_line_just_ordered(shop: Callable[[str], Chat]) -> None:
    hardware = shop("hardwarestore")
    hardware.say("i need some light bulbs")
    hardware.say("the sixty watt daylight ones a four pack")
    assert [(s, q) for s, q, _o in hardware.lines] == [("LED-BULB", 1)]
    assert {k: hardware.lines[0][2][k] for k in ("watt", "light", "pack")} == {"watt": "60", "light": "daylight",
                                                                            "pack": "4"}
