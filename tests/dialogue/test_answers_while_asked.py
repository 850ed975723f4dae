"""A count said to "Would you like one?" about a product the cart already holds in one line ("is that in stock?" -
"Yes, we have five of the hydrangea in stock. Would you like one?" - "ok two of them") is how many of that line
the shopper wants in all: the line's count changes, no second line is started with its choices asked again. "Two
more" still adds, a bare "yes" is read as before, and "how many would you like?" after a count that could not be
taken is no such offer (:mod:`dialogue.offer_held`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.dialogue.conftest import Chat

_HYDRANGEA = [("HYDRANGEA", 1, {"size": "3gal", "colour": "blue"})]


def _hydrangea(shop: Callable[[str], Chat]) -> Chat:
    chat = shop("garden")
    chat.say("hydrangea three gallon")
    chat.say("blue")
    assert chat.lines == _HYDRANGEA
    assert chat.say("is that in stock").text.endswith("Would you like one?")
    return chat


@pytest.mark.parametrize("said, count", [
    ("ok two of them", 2), ("yes three please", 3), ("i'll take three", 3), ("ok two then", 2),
    ("sure, four of those", 4),
])
def test_a_count_to_the_offer_sets_the_line_held(shop: Callable[[str], Chat], said: str, count: int) -> None:
    chat = _hydrangea(shop)
    reply = chat.say(said)
    assert chat.lines == [("HYDRANGEA", count, {"size": "3gal", "colour": "blue"})]
    assert "colour" not in reply.text
    assert not chat.session.store.orders()


def test_the_corpus_order_goes_on(shop: Callable[[str], Chat]) -> None:
    chat = _hydrangea(shop)
    chat.say("ok two of them")
    chat.say("and a basil plant")
    chat.say("that's all")
    assert chat.counts == {"HYDRANGEA": 2, "HERB": 1}
    assert not chat.session.store.orders()
    chat.say("yes")
    assert len(chat.session.store.orders()) == 1


def test_two_more_still_adds(shop: Callable[[str], Chat]) -> None:
    chat = _hydrangea(shop)
    chat.say("ok two more")
    assert chat.counts == {"HYDRANGEA": 3}


@pytest.mark.parametrize("said, count", [("ok two of them", 2), ("yes three please", 3)])
def test_a_price_offer_in_another_shop(shop: Callable[[str], Chat], said: str, count: int) -> None:
    chat = shop("cafe")
    chat.say("a croissant")
    assert chat.say("how much is the croissant").text.endswith("Would you like one?")
    chat.say(said)
    assert chat.counts == {"CROISSANT": count}
    assert len(chat.lines) == 1


def test_a_bare_yes_and_a_recount_question_are_read_as_before(shop: Callable[[str], Chat]) -> None:
    chat = shop("cafe")
    chat.say("a croissant")
    chat.say("is the croissant in stock")
    chat.say("yes")
    assert chat.counts == {"CROISSANT": 2}
    other = shop("cafe")
    other.say("a croissant")
    assert other.say("and half a croissant").text.endswith("How many croissants would you like?")
    other.say("two")
    assert other.counts == {"CROISSANT": 3}
