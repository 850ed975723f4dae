"""Semantic endpointing's question to the dialogue: is this a whole turn yet?"""

from __future__ import annotations

from typing import Any

import pytest

from dialogue.completeness import is_complete


@pytest.mark.parametrize(("text", "whole"), [
    ("a large latte with oat milk", True),
    ("a large latte with", False),
    ("a large latte and", False),
    ("two lattes and a", False),
    ("can i get", False),
    ("a cup of tea", False),  # which tea is still open
    ("what milks do you have", True),
    ("what's in my cart", True),
    ("um", False),
    ("", False),
])
def test_what_is_a_whole_turn(chat: Any, text: str, whole: bool) -> None:
    assert is_complete(chat.session, text) is whole


def test_a_yes_to_a_read_back_is_whole_and_changes_nothing(chat: Any, cafe: Any) -> None:
    chat.say("a latte")
    before = list(chat.session.cart.lines)
    assert not is_complete(chat.session, "yes")  # may go on: "yes, please"
    assert is_complete(chat.session, "yes please")
    assert is_complete(chat.session, "no thanks")
    assert not is_complete(chat.session, "yes and a")
    assert chat.session.cart.lines == before and cafe.orders() == []  # read-only


def test_please_at_the_end_closes_a_turn(chat: Any) -> None:
    assert is_complete(chat.session, "a large latte with oat milk please")
    chat.say("a latte")
    assert is_complete(chat.session, "yes please")
