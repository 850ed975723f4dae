"""One more of a line, then how it is made, in one breath: the new unit is made so, the lines there stay whole.

"two lattes" - "another latte but make it iced" left one iced latte: the "make it" after the item was read as a
change of the latte line, with the count of the item said (one), so two lattes were lost. A word of more before
the item ("another", "one more", "two more") opens a new item, and a change said only after it is of that item
(dialogue/line_refs.made_after_said), as "and a korma with paneer and make it mild" is.
"""

from __future__ import annotations

import pytest

from tests.dialogue.conftest import Chat


@pytest.mark.parametrize("said, units", [
    ("another latte but make it iced", 1),
    ("another latte and make it iced", 1),
    ("one more latte and make it iced", 1),
    ("uh another latte but can you make it iced", 1),
    ("two more lattes but make them iced", 2),
])
def test_more_then_made_so_keeps_the_lines(chat: Chat, said: str, units: int) -> None:
    chat.say("two lattes")
    r = chat.say(said)
    assert not r.order_number
    hot = [q for sku, q, o in chat.lines if sku == "LATTE" and o.get("temperature") != "iced"]
    iced = [q for sku, q, o in chat.lines if sku == "LATTE" and o.get("temperature") == "iced"]
    assert hot == [2] and iced == [units], (r.text, chat.lines)


def test_make_it_alone_still_changes_the_line(chat: Chat) -> None:
    chat.say("two lattes")
    chat.say("make it iced")
    assert [(sku, q, o.get("temperature")) for sku, q, o in chat.lines] == [("LATTE", 2, "iced")]


def test_the_latte_made_so_is_still_a_change(chat: Chat) -> None:
    chat.say("two lattes")
    chat.say("actually make the lattes iced")
    assert [(sku, q, o.get("temperature")) for sku, q, o in chat.lines] == [("LATTE", 2, "iced")]


@pytest.mark.parametrize("said, muffins", [
    ("make one of them decaf and a muffin", 1),
    ("make one of them decaf and also a muffin", 1),
    ("um make one of them decaf and a blueberry muffin please", 1),
])
def test_part_of_a_line_remade_then_an_item_keeps_the_line(chat: Chat, said: str, muffins: int) -> None:
    """"make one of them decaf and a muffin" left one latte and a muffin (the muffin read as what one latte
    becomes, the decaf dropped): the part remade is one edit and the item joined after it one more line."""
    chat.say("two lattes")
    r = chat.say(said)
    assert not r.order_number
    lattes = sorted(o.get("caffeine", "") for sku, q, o in chat.lines for _ in range(q) if sku == "LATTE")
    assert lattes == ["decaf", "regular"], (r.text, chat.lines)
    assert chat.counts.get("BLUEBERRY-MUFFIN") == muffins, r.text
