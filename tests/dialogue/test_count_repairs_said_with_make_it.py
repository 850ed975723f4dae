"""A count repaired in the same breath with a recount phrase after the cue: "three dozen nightcrawlers no wait make
it four", "five beef empanadas no wait make it six and a side of chimichurri", "two lattes sorry make them three" —
the later count is the line's, never a choice the product "doesn't come with". A choice said that way ("no wait make
it large") stays a choice."""

from __future__ import annotations

import pytest

from tests.dialogue.conftest import Chat


@pytest.mark.parametrize(("said", "counts"), [
    ("two lattes no wait make it three", {"LATTE": 3}),
    ("two lattes no make it three and a blueberry muffin", {"LATTE": 3, "BLUEBERRY-MUFFIN": 1}),
    ("uh two lattes sorry make them three please", {"LATTE": 3}),
    ("four blueberry muffins no wait make it two", {"BLUEBERRY-MUFFIN": 2}),
    ("a latte and three muffins no sorry it should be two", {"LATTE": 1, "BLUEBERRY-MUFFIN": 2}),
])
def test_the_count_said_after_make_it_is_the_lines(chat: Chat, said: str, counts: dict[str, int]) -> None:
    r = chat.say(said.replace("three muffins", "three blueberry muffins"))
    assert chat.counts == counts, r.text
    assert "come with" not in r.text


def test_a_choice_said_after_make_it_stays_a_choice(chat: Chat) -> None:
    chat.say("a latte no wait make it large")
    assert chat.counts == {"LATTE": 1}
    assert chat.lines[0][2].get("size") == "large"
