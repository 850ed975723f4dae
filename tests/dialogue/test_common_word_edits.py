"""Multi-turn edits with a choice named by a common word, and a line that waits for an answer.

A choice whose own name is a common word ("regular" size, "plain" bread) names that choice where a change of the
product in focus says it: "a large iced tea" - "make it regular"; "two garlic flatbreads" - "add a plain one".
A removal of something else while an item waits for a required choice never drops the waiting item: "a soup" -
"which flavour?" - "remove the cola" asks again. A catalog written here (a small café)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "cup": {"code": "size", "name": "size", "default": "regular", "values": [
            {"code": "regular", "name": "regular", "aliases": ["medium", "normal"]},
            {"code": "large", "name": "large", "aliases": ["big"], "price_delta": "1.00"}]},
    },
    "products": [
        {"sku": "TEA", "name": "iced tea", "price": "3.00", "stock": 50, "options": ["cup"]},
        {"sku": "LEMONADE", "name": "lemonade", "price": "2.50", "stock": 50, "options": ["cup"]},
        {"sku": "BREAD", "name": "flatbread", "price": "2.00", "stock": 50, "aliases": ["flatbreads"], "options": [
            {"code": "type", "name": "flatbread", "default": "plain", "values": [
                {"code": "plain", "name": "plain flatbread", "aliases": ["plain", "normal"]},
                {"code": "garlic", "name": "garlic flatbread", "aliases": ["garlic"], "price_delta": "0.50"},
                {"code": "herb", "name": "herb flatbread", "aliases": ["herb"], "price_delta": "0.50"}]}]},
        {"sku": "SOUP", "name": "soup", "price": "5.00", "stock": 50, "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "tomato", "name": "tomato"}, {"code": "lentil", "name": "lentil"},
                {"code": "squash", "name": "squash"}]}]},
        {"sku": "JUICE", "name": "orange juice", "price": "3.50", "stock": 50},
        {"sku": "COOKIE", "name": "cookie", "price": "1.50", "stock": 50},
        {"sku": "CARDS", "name": "plain gift cards", "price": "4.00", "stock": 50},  # "plain": part of a name too
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("change", [
    "make it regular", "actually make it regular", "make the iced tea regular", "change it to regular",
    "hmm make that regular please", "switch it to normal",
])
def test_a_common_word_choice_of_the_line_in_focus_changes_it(chat: Chat, change: str) -> None:
    chat.say("a large iced tea")
    assert chat.lines == [("TEA", 1, {"size": "large"})]
    chat.say(change)
    assert chat.lines == [("TEA", 1, {"size": "regular"})], chat.replies[-1].text
    assert not chat.session.orders


@pytest.mark.parametrize("more", [
    "add a plain one", "wait no add a plain one too", "and a plain one too", "can i also get a plain one",
    "and a normal one",
])
def test_a_common_word_one_is_one_more_of_the_product_in_focus(chat: Chat, more: str) -> None:
    chat.say("two garlic flatbreads")
    chat.say(more)
    assert chat.lines == [("BREAD", 2, {"type": "garlic"}), ("BREAD", 1, {"type": "plain"})], chat.replies[-1].text
    assert not chat.session.orders


@pytest.mark.parametrize("change", ["change them to plain", "make them plain", "make the flatbreads plain"])
def test_a_common_word_choice_changes_every_unit_of_the_line(chat: Chat, change: str) -> None:
    chat.say("two garlic flatbreads")
    chat.say(change)
    assert chat.lines == [("BREAD", 2, {"type": "plain"})], chat.replies[-1].text


def test_a_common_word_the_line_does_not_offer_changes_nothing(chat: Chat) -> None:
    chat.say("an orange juice")
    chat.say("make it regular")
    assert chat.lines == [("JUICE", 1, {})]
    assert not chat.session.orders


@pytest.mark.parametrize("aside", ["remove the cookie", "take off the cookies", "actually remove the cookie",
                                   "forget the cookie"])
def test_a_removal_of_another_line_keeps_the_item_waiting_for_its_choice(chat: Chat, aside: str) -> None:
    chat.say("an orange juice and a cookie")
    chat.say("and a soup")
    assert "flavour" in chat.replies[-1].text
    chat.say(aside)
    assert chat.lines == [("JUICE", 1, {})], chat.replies[-1].text
    assert "flavour" in chat.replies[-1].text  # asked again, not dropped
    chat.say("lentil")
    assert chat.lines == [("JUICE", 1, {}), ("SOUP", 1, {"flavour": "lentil"})], chat.replies[-1].text
    assert not chat.session.orders


@pytest.mark.parametrize("aside", ["remove the cookie", "forget the cookie", "take the lemonade off"])
def test_a_removal_of_something_not_in_the_cart_keeps_the_waiting_item(chat: Chat, aside: str) -> None:
    chat.say("an orange juice")
    chat.say("a soup")
    chat.say(aside)
    assert chat.lines == [("JUICE", 1, {})], chat.replies[-1].text
    assert "flavour" in chat.replies[-1].text
    chat.say("tomato")
    assert chat.lines == [("JUICE", 1, {}), ("SOUP", 1, {"flavour": "tomato"})], chat.replies[-1].text


@pytest.mark.parametrize("drop", ["remove that", "remove it", "no soup", "forget the soup"])
def test_removing_the_waiting_item_itself_keeps_the_rest(chat: Chat, drop: str) -> None:
    chat.say("an orange juice")
    chat.say("a soup")
    chat.say(drop)
    assert chat.lines == [("JUICE", 1, {})], chat.replies[-1].text
    assert not chat.session.orders


@pytest.mark.parametrize(("order", "share", "want"), [
    ("three flatbreads", "actually two garlic and one herb",
     [("BREAD", 2, {"type": "garlic"}), ("BREAD", 1, {"type": "herb"})]),
    ("three flatbreads", "make them two garlic and one herb",
     [("BREAD", 2, {"type": "garlic"}), ("BREAD", 1, {"type": "herb"})]),
    ("three flatbreads", "no wait two herb and one garlic",
     [("BREAD", 2, {"type": "herb"}), ("BREAD", 1, {"type": "garlic"})]),
    ("three flatbreads", "actually one herb and two garlic",
     [("BREAD", 1, {"type": "herb"}), ("BREAD", 2, {"type": "garlic"})]),
    ("two flatbreads", "one garlic and the other herb", [("BREAD", 1, {"type": "garlic"}), ("BREAD", 1, {"type": "herb"})]),
    ("two flatbreads", "one plain and one garlic", [("BREAD", 1, {"type": "plain"}), ("BREAD", 1, {"type": "garlic"})]),
    ("three garlic flatbreads", "actually two plain and one herb",
     [("BREAD", 2, {"type": "plain"}), ("BREAD", 1, {"type": "herb"})]),
    ("two iced teas", "one large and one medium", [("TEA", 1, {"size": "large"}), ("TEA", 1, {"size": "regular"})]),
    ("four lemonades", "hmm three large and one medium",
     [("LEMONADE", 3, {"size": "large"}), ("LEMONADE", 1, {"size": "regular"})]),
])
def test_a_line_is_shared_among_the_parts_said(chat: Chat, order: str, share: str,
                                               want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(order)
    chat.say(share)
    assert sorted(chat.lines, key=repr) == sorted(want, key=repr), chat.replies[-1].text
    assert not chat.session.orders


def test_a_no_after_a_shared_line_puts_it_back(chat: Chat) -> None:
    chat.say("three flatbreads")
    chat.say("two garlic and one herb")
    chat.say("no")
    assert chat.lines == [("BREAD", 3, {"type": "plain"})], chat.replies[-1].text
    assert not chat.session.orders
