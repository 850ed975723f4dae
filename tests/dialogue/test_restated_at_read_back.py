"""A line of the read-back said over again is that line said back, not more of it.

"two large lattes please" to "Your order is two large lattes and one blueberry muffin ... Shall I place the order?"
added two more lattes (four read back). Now a request that names only lines the read-back holds, each with that
line's count and only choices it holds, and no word that asks for more, adds nothing: the shopper is told the lines
are there already and asked again. A yes after that places the order as read; "two more" still adds.
"""

from __future__ import annotations

import pytest

from tests.dialogue.conftest import Chat

_START = ("two large lattes and a blueberry muffin", "that's all")


def _read_back(chat: Chat) -> None:
    for turn in _START:
        r = chat.say(turn)
    assert "place the order" in r.text.lower(), r.text
    assert chat.counts == {"LATTE": 2, "BLUEBERRY-MUFFIN": 1}


@pytest.mark.parametrize("said", [
    "two large lattes please",
    "two large lattes",
    "the two large lattes",
    "two lattes please",
    "a blueberry muffin please",
    "one blueberry muffin",
])
def test_a_line_said_again_adds_nothing(chat: Chat, said: str) -> None:
    _read_back(chat)
    r = chat.say(said)
    assert not r.order_number
    assert chat.counts == {"LATTE": 2, "BLUEBERRY-MUFFIN": 1}, r.text
    assert "already" in r.text and "place the order" in r.text.lower(), r.text
    r = chat.say("yes")
    assert r.order_number
    placed = chat.session.state.placed[-1]
    assert sorted((ln.sku, ln.quantity) for ln in placed.lines) == [("BLUEBERRY-MUFFIN", 1), ("LATTE", 2)]


@pytest.mark.parametrize("said", ["uh two large lattes please", "two large lattes and the blueberry muffin please"])
def test_other_readings_of_a_line_said_again_add_nothing_either(chat: Chat, said: str) -> None:
    """Read as the line set to what it is, or as the whole order said back (which places, as an echo does)."""
    _read_back(chat)
    r = chat.say(said)
    assert chat.counts == {"LATTE": 2, "BLUEBERRY-MUFFIN": 1} or r.order_number, r.text
    placed = chat.session.state.placed
    assert all(sorted((ln.sku, ln.quantity) for ln in o.lines) == [("BLUEBERRY-MUFFIN", 1), ("LATTE", 2)]
               for o in placed)


@pytest.mark.parametrize("said, lattes", [
    ("two more large lattes please", 4),
    ("and two large lattes please", 4),
    ("another two large lattes", 4),
    ("three large lattes please", 5),
])
def test_more_of_a_line_still_adds(chat: Chat, said: str, lattes: int) -> None:
    _read_back(chat)
    r = chat.say(said)
    assert not r.order_number
    assert chat.counts["LATTE"] == lattes, r.text


def test_a_line_said_with_another_choice_is_not_a_restatement(chat: Chat) -> None:
    _read_back(chat)
    r = chat.say("two small lattes please")
    assert not r.order_number
    assert "already" not in r.text, r.text
    assert sum(q for sku, q, _ in chat.lines if sku == "LATTE") == 4


def test_after_the_restatement_how_many_more_adds(chat: Chat) -> None:
    _read_back(chat)
    chat.say("two large lattes please")
    r = chat.say("two more")
    assert not r.order_number
    assert chat.counts["LATTE"] == 4, r.text
