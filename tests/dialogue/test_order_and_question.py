"""Questions inside an order, on a small catalog written here: a number in a question about time ("can you do it
in twenty minutes") is no count and changes no line; an order joined onto a price question ("how much is a roll
and I'll have two") is added with its count; "never mind" to "would you like one?" adds nothing; a choice word
said alone to a read-back ("everything please") is that choice of the line, not a yes that places the order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "PIE", "name": "apple pie", "aliases": ["pie"], "price": "20.00", "options": [
            {"code": "size", "name": "size", "default": "10", "values": [
                {"code": "10", "name": "10 inch", "aliases": ["small"]},
                {"code": "14", "name": "14 inch", "aliases": ["large"], "price_delta": "6.00"}]}]},
        {"sku": "ROLL", "name": "roll", "aliases": ["bread roll"], "price": "2.00", "options": [
            {"code": "topping", "name": "topping", "default": "plain", "values": [
                {"code": "plain", "name": "plain"}, {"code": "everything", "name": "everything"},
                {"code": "sesame", "name": "sesame"}]}]},
        {"sku": "SOUP", "name": "tomato soup", "aliases": ["soup"], "price": "7.00", "options": [
            {"code": "spice", "name": "spice", "default": "mild", "values": [
                {"code": "mild", "name": "mild"}, {"code": "hot", "name": "hot", "aliases": ["spicy"]}]}]},
        {"sku": "COFFEE", "name": "drip coffee", "aliases": ["coffee"], "price": "3.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _not_placed(chat: Chat) -> bool:
    return not any("placed" in r.text.lower() for r in chat.replies)


@pytest.mark.parametrize("asked", ["can you do it in twenty minutes", "could you have it ready in 10 minutes",
                                   "can i pick it up at five", "will it be ready in 15 mins",
                                   "can you make it for 6 pm"])
def test_a_time_in_a_question_changes_no_line(chat: Chat, asked: str) -> None:
    chat.say("two apple pies")
    chat.say("that's all")
    before = chat.lines
    chat.say(asked)
    assert chat.lines == before == [("PIE", 2, {"size": "10"})]
    assert _not_placed(chat)


def test_a_count_after_a_time_question_still_counts(chat: Chat) -> None:
    chat.say("two apple pies")
    chat.say("can you do it in twenty minutes")
    chat.say("actually make it three")
    assert chat.lines == [("PIE", 3, {"size": "10"})]


@pytest.mark.parametrize(("said", "line"), [
    ("how much is a roll and i'll have two", ("ROLL", 2, {"topping": "plain"})),
    ("how much is the apple pie and i'll take one", ("PIE", 1, {"size": "10"})),
    ("how much does the drip coffee cost and i'll have three", ("COFFEE", 3, {})),
    ("how much is a large apple pie so i'll get one", ("PIE", 1, {"size": "14"})),
    ("how much is the soup and can i get two", ("SOUP", 2, {"spice": "mild"})),
])
def test_an_order_joined_to_a_price_question_is_added(chat: Chat, said: str, line: tuple) -> None:
    chat.say(said)
    assert chat.lines == [line]
    assert _not_placed(chat)


def test_a_price_question_alone_adds_nothing(chat: Chat) -> None:
    chat.say("how much is a roll")
    assert chat.lines == []


@pytest.mark.parametrize("declined", ["ok never mind", "never mind", "okay forget it", "oh nevermind"])
def test_never_mind_declines_the_offer(chat: Chat, declined: str) -> None:
    chat.say("is the tomato soup spicy")
    chat.say(declined)
    assert chat.lines == []
    chat.say("a drip coffee")
    assert chat.lines == [("COFFEE", 1, {})]


@pytest.mark.parametrize(("said", "topping"), [("everything please", "everything"), ("sesame please", "sesame"),
                                               ("um everything", "everything")])
def test_a_choice_said_alone_to_the_read_back_is_that_choice(chat: Chat, said: str, topping: str) -> None:
    chat.say("how much is a roll and i'll have two")
    chat.say(said)
    assert chat.lines == [("ROLL", 2, {"topping": topping})]
    assert _not_placed(chat)
    chat.say("yes")
    assert "placed" in chat.replies[-1].text.lower()


def test_yes_please_still_places(chat: Chat) -> None:
    chat.say("two rolls")
    chat.say("yes please")
    assert "placed" in chat.replies[-1].text.lower()
