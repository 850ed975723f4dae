"""Lines ordered for people, then named by the person (a small catalog written here): "two chais for me and my
brother" then "make my brother's iced" splits his unit off; "a small chai for my mum and a large one for my dad"
then "my mum wants oat milk" changes hers, not the one said last; "my daughter wants a scone instead" swaps hers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "CHAI", "name": "chai", "aliases": ["chai latte"], "price": "4.00", "options": [
            {"code": "size", "name": "size", "default": "small", "values": [
                {"code": "small", "name": "small"}, {"code": "large", "name": "large", "price_delta": "1.00"}]},
            {"code": "temp", "name": "temperature", "default": "hot", "values": [
                {"code": "hot", "name": "hot"}, {"code": "iced", "name": "iced"}]},
            {"code": "milk", "name": "milk", "default": "whole", "values": [
                {"code": "whole", "name": "whole milk"}, {"code": "oat", "name": "oat milk", "aliases": ["oat"]}]}]},
        {"sku": "MUFFIN", "name": "muffin", "price": "3.00"},
        {"sku": "SCONE", "name": "scone", "price": "3.50"},
        {"sku": "COCOA", "name": "hot cocoa", "aliases": ["cocoa"], "price": "3.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _chai(size: str = "small", temp: str = "hot", milk: str = "whole") -> dict[str, str]:
    return {"size": size, "temp": temp, "milk": milk}


@pytest.mark.parametrize(("order", "person", "change"), [
    ("two chais for me and my brother", "brother", "make my brother's iced"),
    ("two chai lattes for me and my brother please", "brother", "oh and my brother wants his iced"),
    ("can i get two chais for my wife and me", "wife", "actually make the one for my wife iced"),
    ("two chais for me and my roommate", "roommate", "my roommate's iced please"),
    ("two chais for my grandma and me", "grandma", "oh make my grandma's iced"),
])
def test_a_persons_unit_of_a_shared_line_is_split_off(chat: Chat, order: str, person: str, change: str) -> None:
    chat.say(order)
    assert chat.lines == [("CHAI", 2, _chai())]
    chat.say(change)
    assert sorted(chat.lines, key=str) == sorted([("CHAI", 1, _chai()), ("CHAI", 1, _chai(temp="iced"))], key=str)


def test_mine_is_the_shoppers_unit(chat: Chat) -> None:
    chat.say("a chai for me and a chai for my friend")
    assert chat.lines == [("CHAI", 2, _chai())]
    chat.say("make mine large")
    assert sorted(chat.lines, key=str) == sorted([("CHAI", 1, _chai()), ("CHAI", 1, _chai(size="large"))], key=str)
    chat.say("and my friend wants oat milk")
    assert sorted(chat.lines, key=str) == sorted([("CHAI", 1, _chai(milk="oat")), ("CHAI", 1, _chai(size="large"))],
                                                 key=str)


@pytest.mark.parametrize("change", ["my mum wants oat milk", "oh wait my mum wants hers with oat milk",
                                    "make my mum's with oat milk", "the one for my mum with oat milk please"])
def test_the_persons_line_not_the_last_one_changes(chat: Chat, change: str) -> None:
    chat.say("a small chai for my mum and a large chai for my dad")
    assert chat.lines == [("CHAI", 1, _chai()), ("CHAI", 1, _chai(size="large"))]
    chat.say(change)
    assert chat.lines == [("CHAI", 1, _chai(milk="oat")), ("CHAI", 1, _chai(size="large"))]


@pytest.mark.parametrize("change", ["my daughter wants a scone instead", "actually my daughter changed her mind she "
                                    "wants a scone instead", "make my daughter's a scone instead",
                                    "my daughter would like a scone instead"])
def test_a_persons_line_is_swapped(chat: Chat, change: str) -> None:
    chat.say("a large chai for me a muffin for my daughter and a cocoa for my son")
    chat.say(change)
    assert sorted(chat.lines, key=str) == sorted([("CHAI", 1, _chai(size="large")), ("SCONE", 1, {}),
                                                  ("COCOA", 1, {})], key=str)


def test_several_lines_of_one_person_the_product_named_picks(chat: Chat) -> None:
    chat.say("a chai for my nephew and a small chai for me and a muffin for my nephew")
    chat.say("make my nephew's chai large")
    assert ("CHAI", 1, _chai(size="large")) in chat.lines and ("MUFFIN", 1, {}) in chat.lines
    assert sum(q for _, q, _ in chat.lines) == 3


def test_a_person_with_no_line_changes_as_before(chat: Chat) -> None:
    chat.say("two chais")
    chat.say("make my sister's iced")
    assert sum(q for _, q, _ in chat.lines) == 2  # nothing lost or made twice


@pytest.mark.parametrize(("order", "more", "count"), [
    ("a large chai for me and a cocoa for my son", "and a muffin for each of us", 2),
    ("a chai for my wife", "oh and a scone for both of us please", 2),
    ("a chai for my sister a cocoa for my dad and a large chai for me", "and a muffin for all of us", 3),
])
def test_one_for_each_of_the_people_so_far(chat: Chat, order: str, more: str, count: int) -> None:
    chat.say(order)
    before = sum(q for _, q, _ in chat.lines)
    chat.say(more)
    added = [(sku, q) for sku, q, _ in chat.lines if sku in ("MUFFIN", "SCONE")]
    assert added == [(added[0][0], count)]
    assert sum(q for _, q, _ in chat.lines) == before + count


def test_each_of_us_with_no_one_known_is_one(chat: Chat) -> None:
    chat.say("a muffin for each of us")
    assert chat.lines == [("MUFFIN", 1, {})]


def test_marks_do_not_outlive_the_order_placed(chat: Chat) -> None:
    chat.say("a small chai for my mum and a large chai for my dad")
    chat.say("that's all")
    chat.say("yes")
    assert chat.session.orders and not chat.lines
    chat.say("a chai and a large chai")
    chat.say("my mum wants oat milk")  # the new lines are no one's: the change goes where it went before
    assert chat.lines[0] == ("CHAI", 1, _chai())
