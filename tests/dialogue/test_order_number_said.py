"""An order's number said in words is that number, never a count or a choice of the menu (dialogue/numbers.py
order_number_span): "what's in order seven seven one six" at a shop that sells a 6-piece asks about the order."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bench.conversations import _spoken
from tests.dialogue.conftest import Chat


@pytest.mark.parametrize("number", ["5671", "7716", "6606"])
@pytest.mark.parametrize("asked", ["what's in order {n}", "what was in order number {n}",
                                   "can you check on order {n}", "where is order {n}"])
def test_someone_elses_order_number_orders_nothing(shop: Callable[[str], Chat], asked: str, number: str) -> None:
    caribbean = shop("caribbean")
    reply = caribbean.say(asked.format(n=_spoken(number)))
    assert caribbean.lines == []
    assert _spoken(number) in reply.text
    caribbean.say("ok change it to a large")
    assert caribbean.lines == []


def test_the_callers_own_order_is_told(shop: Callable[[str], Chat]) -> None:
    caribbean = shop("caribbean")
    caribbean.say("two six piece jerk wings", caller_id="+15550001234")
    caribbean.say("that's all", caller_id="+15550001234")
    placed = caribbean.say("yes", caller_id="+15550001234").order_number
    assert placed
    again = Chat(caribbean.session.store)
    reply = again.say(f"what's in order {_spoken(placed)}", caller_id="+15550001234")
    assert again.lines == [] and _spoken(placed) in reply.text.lower()


def test_counts_and_choices_are_still_read(shop: Callable[[str], Chat]) -> None:
    caribbean = shop("caribbean")
    caribbean.say("i'd like to order two six piece jerk wings")
    assert caribbean.counts == {"JERK-WINGS": 2}
    assert caribbean.lines[0][2].get("count") == "6"


def test_a_short_number_after_order_is_no_order_number() -> None:
    from dialogue.numbers import order_number_span
    assert order_number_span(["order", "7", "7", "1", "6"]) == range(1, 5)
    assert order_number_span(["order", "number", "45", "12"]) == range(2, 4)
    assert order_number_span(["order", "6", "wings"]) is None
    assert order_number_span(["6", "6", "0", "6"]) is None
