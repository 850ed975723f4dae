"""A change said about a line already in the cart changes that line, never adds a second one, on a small catalog
written here: "make the fruit one large too" ("too": as well as the other change), a verb that sets a choice
with a product noun a line's name holds ("toast the bagels" with sesame bagels in the cart), a yes to "would you
like it toasted?" after "is the bagel toasted", and "just one order of fries" (the new count)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZE = {"code": "size", "name": "size", "default": "small", "values": [
    {"code": "small", "name": "small"}, {"code": "large", "name": "large", "price_delta": "6.00"}]}
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "toasted": {"code": "toasted", "name": "toasted", "default": "no", "values": [
            {"code": "no", "name": "as is", "aliases": ["untoasted", "not toasted"]},
            {"code": "yes", "name": "toasted", "aliases": ["toast", "warm", "warmed", "heated"]}]},
        "size": _SIZE,
    },
    "products": [
        {"sku": "PLAIN-BAGEL", "name": "plain bagel", "aliases": ["bagel"], "price": "2.00", "options": ["toasted"]},
        {"sku": "SESAME-BAGEL", "name": "sesame bagel", "price": "2.50", "options": ["toasted"]},
        {"sku": "APPLE-PIE", "name": "apple pie", "price": "12.00", "options": ["size"]},
        {"sku": "FRUIT-TART", "name": "fruit tart", "price": "9.00", "options": ["size"]},
        {"sku": "FRIES", "name": "fries", "aliases": ["french fries"], "price": "3.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", ["make the fruit tart large too", "actually make the fruit one large too",
                                  "um make the tart large also", "make the fruit tart large"])
def test_too_after_a_change_of_a_named_line_changes_it(chat: Chat, said: str) -> None:
    chat.say("a large apple pie")
    chat.say("and a small fruit tart")
    chat.say(said)
    assert chat.lines == [("APPLE-PIE", 1, {"size": "large"}), ("FRUIT-TART", 1, {"size": "large"})]


def test_too_without_a_change_still_adds(chat: Chat) -> None:
    chat.say("a fruit tart")
    chat.say("and an apple pie too")
    assert [sku for sku, _, _ in chat.lines] == ["FRUIT-TART", "APPLE-PIE"]


@pytest.mark.parametrize("said", ["toast the bagels please", "can you toast the bagels", "warm the bagels",
                                  "make the bagels toasted"])
def test_a_choice_for_a_noun_a_line_holds_changes_that_line(chat: Chat, said: str) -> None:
    chat.say("two sesame bagels")
    chat.say("and fries")
    chat.say(said)
    assert chat.lines == [("SESAME-BAGEL", 2, {"toasted": "yes"}), ("FRIES", 1, {})]


@pytest.mark.parametrize("answer", ["yes please", "yeah toast it please", "sure", "yeah warm it"])
def test_a_yes_to_changing_the_line_asked_about_changes_it(chat: Chat, answer: str) -> None:
    chat.say("a sesame bagel")
    chat.say("and fries")
    reply = chat.say("is the bagel toasted")
    assert not reply.text.startswith("Yes") and "toasted" in reply.text
    chat.say(answer)
    assert chat.lines == [("SESAME-BAGEL", 1, {"toasted": "yes"}), ("FRIES", 1, {})]


def test_a_no_to_changing_the_line_asked_about_keeps_it(chat: Chat) -> None:
    chat.say("a sesame bagel")
    chat.say("is the bagel toasted")
    chat.say("no thanks")
    assert chat.lines == [("SESAME-BAGEL", 1, {"toasted": "no"})]


def test_is_it_so_says_it_is_not_unless_asked(chat: Chat) -> None:
    reply = chat.say("is the sesame bagel toasted")
    assert "as is" in reply.text and not reply.text.startswith("Yes")
    chat.say("yes please")
    assert chat.lines == [("SESAME-BAGEL", 1, {"toasted": "yes"})]


@pytest.mark.parametrize(("said", "count"), [("and just one order of fries", 1), ("only one serving of fries", 1),
                                             ("just two portions of fries", 2), ("just one order of fries please", 1)])
def test_just_a_count_of_servings_is_the_new_count(chat: Chat, said: str, count: int) -> None:
    chat.say("an apple pie and three orders of fries")
    chat.say(said)
    assert chat.lines == [("APPLE-PIE", 1, {"size": "small"}), ("FRIES", count, {})]
