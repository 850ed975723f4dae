"""Two general mechanisms on a small catalog written here: a word for some number left unsaid ("a few
poppadoms", "several rolls") is no count, the shopper is asked how many and the answer sets it; and "the <noun>"
names the one cart line whose product's name holds the word ("another two of the cookies" after oatmeal cookies),
not another product that merely answers to that word ("cookie" as an alias of a vegan cookie)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "OAT", "name": "oatmeal raisin biscuit", "aliases": ["oat biscuit"], "price": "2.00"},
        {"sku": "VEGAN", "name": "vegan ginger biscuit", "aliases": ["biscuit"], "price": "2.50"},
        {"sku": "ROLL", "name": "spring roll", "price": "1.50", "options": [
            {"code": "filling", "name": "filling", "default": "veg", "values": [
                {"code": "veg", "name": "veg", "aliases": ["vegetable"]},
                {"code": "pork", "name": "pork"}]}]},
        {"sku": "CRISP", "name": "prawn cracker", "aliases": ["crackers"], "price": "1.00"},
        {"sku": "TEA", "name": "green tea", "price": "3.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "answer", "sku", "count"), [
    ("a few prawn crackers", "four", "CRISP", 4),
    ("several spring rolls please", "5", "ROLL", 5),
    ("can i get a few of the spring rolls", "three please", "ROLL", 3),
    ("i'll have several green teas", "two", "TEA", 2),
    ("a few more prawn crackers", "six", "CRISP", 6),
])
def test_a_number_left_unsaid_is_asked_then_set(chat: Chat, said: str, answer: str, sku: str, count: int) -> None:
    reply = chat.say(said)
    assert chat.lines == []  # never guessed as one
    assert "how many" in reply.text.lower()
    chat.say(answer)
    assert chat.counts == {sku: count}


def test_a_vague_count_keeps_its_choice(chat: Chat) -> None:
    chat.say("a few pork spring rolls")
    assert chat.lines == []
    chat.say("four")
    assert chat.lines == [("ROLL", 4, {"filling": "pork"})]


@pytest.mark.parametrize("said", ["a couple of crackers", "a pair of prawn crackers"])
def test_a_couple_is_two(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.counts == {"CRISP": 2}


@pytest.mark.parametrize(("said", "count"), [
    ("um another two of the biscuits", 4),
    ("two more of the biscuits please", 4),
    ("and another one of the biscuits", 3),
])
def test_the_noun_names_the_line_that_holds_it(chat: Chat, said: str, count: int) -> None:
    chat.say("a couple of oatmeal raisin biscuits")
    assert chat.counts == {"OAT": 2}
    chat.say(said)
    assert chat.counts == {"OAT": count}


@pytest.mark.parametrize(("said", "left"), [("remove the biscuits", {}), ("make the biscuits three", {"OAT": 3})])
def test_the_noun_edits_the_line_that_holds_it(chat: Chat, said: str, left: dict[str, int]) -> None:
    chat.say("two oatmeal raisin biscuits")
    chat.say(said)
    assert chat.counts == left


def test_a_product_said_by_its_own_name_is_itself(chat: Chat) -> None:
    chat.say("an oat biscuit")
    chat.say("and the vegan ginger biscuit")
    assert chat.counts == {"OAT": 1, "VEGAN": 1}


def test_the_noun_with_no_line_holding_it_is_the_product(chat: Chat) -> None:
    chat.say("a green tea")
    chat.say("and two of the biscuits")
    assert chat.counts == {"TEA": 1, "VEGAN": 2}
