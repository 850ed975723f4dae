"""One-sentence orders on shops unseen before (round 13): a required choice named with "for" and a number ("for
two", "for four") is that choice, not an amount of money, said in the order or alone as the answer ("six"); a
product whose name holds an everyday off-topic word ("music box", "play tent") is ordered, not refused; a count
of containers ("three jars of honey and jam") counts the first item only; "and a half ham sub" is a half sub,
not "one and a half" of the item before it. A catalog written here (a party shop)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SERVES = {"code": "serves", "name": "serves", "required": True, "aliases": ["for how many", "how many people"],
           "values": [
               {"code": "s2", "name": "for two", "aliases": ["serves two"]},
               {"code": "s4", "name": "for four", "aliases": ["serves four"], "price_delta": "10.00"},
               {"code": "s6", "name": "for six", "aliases": ["serves six"], "price_delta": "20.00"}]}

_SIZE = {"code": "size", "name": "size", "default": "whole", "values": [
    {"code": "whole", "name": "whole", "aliases": ["full"]},
    {"code": "half", "name": "half", "aliases": ["half size"], "price_delta": "-4.00"}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "PLATTER", "name": "fruit platter", "price": "15.00", "stock": 9,
         "aliases": ["fruit tray", "fruit plate"], "options": [_SERVES]},
        {"sku": "TRAY", "name": "veggie tray", "price": "12.00", "stock": 9, "options": [_SERVES]},
        {"sku": "MBOX", "name": "music box", "price": "18.00", "stock": 9, "aliases": ["musical box"]},
        {"sku": "TENT", "name": "play tent", "price": "40.00", "stock": 9, "aliases": ["play tents"]},
        {"sku": "HONEY", "name": "honey", "price": "7.00", "stock": 20, "aliases": ["jar of honey", "jars of honey"]},
        {"sku": "JAM", "name": "jam", "price": "5.00", "stock": 20},
        {"sku": "STICKERS", "name": "stickers", "price": "2.00", "stock": 20,
         "aliases": ["pack of stickers", "packs of stickers"]},
        {"sku": "CHALK", "name": "chalk", "price": "3.00", "stock": 20},
        {"sku": "HAMSUB", "name": "ham sub", "price": "9.00", "stock": 20, "options": [_SIZE]},
        {"sku": "VEGSUB", "name": "veggie sub", "price": "8.00", "stock": 20, "options": [_SIZE]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "want"), [
    ("a fruit platter for four", [("PLATTER", 1, {"serves": "s4"})]),
    ("a fruit plate for two please", [("PLATTER", 1, {"serves": "s2"})]),
    ("can i get the veggie tray for six", [("TRAY", 1, {"serves": "s6"})]),
    ("two veggie trays for four", [("TRAY", 2, {"serves": "s4"})]),
    ("i'd like a fruit tray for 6 people", [("PLATTER", 1, {"serves": "s6"})]),
])
def test_a_choice_named_for_a_number_is_read_in_the_order(chat: Chat, said: str,
                                                           want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert chat.lines == want, chat.replies[-1].text


@pytest.mark.parametrize(("answer", "value"), [
    ("for four", "s4"), ("six", "s6"), ("uh four please", "s4"), ("the one for six", "s6"), ("for two people", "s2"),
    ("two", "s2"),
])
def test_a_choice_named_for_a_number_answers_the_question(chat: Chat, answer: str, value: str) -> None:
    chat.say("a veggie tray")
    assert chat.lines == []
    chat.say(answer)
    assert chat.lines == [("TRAY", 1, {"serves": value})], chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("a music box", {"MBOX": 1}),
    ("music box", {"MBOX": 1}),
    ("play tent", {"TENT": 1}),
    ("two play tents please", {"TENT": 2}),
    ("a play tent and a musical box", {"TENT": 1, "MBOX": 1}),
])
def test_a_product_named_with_an_off_topic_word_is_ordered(chat: Chat, said: str, want: dict[str, int]) -> None:
    chat.say(said)
    assert chat.counts == want, chat.replies[-1].text


@pytest.mark.parametrize("said", ["play some music", "can you play a song", "tell me a joke"])
def test_off_topic_words_outside_a_name_are_still_off_topic(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == []


@pytest.mark.parametrize(("said", "want"), [
    ("three jars of honey and jam", {"HONEY": 3, "JAM": 1}),
    ("two packs of stickers and chalk", {"STICKERS": 2, "CHALK": 1}),
    ("four jars of honey and chalk please", {"HONEY": 4, "CHALK": 1}),
])
def test_a_count_of_containers_is_not_carried_to_the_next_item(chat: Chat, said: str, want: dict[str, int]) -> None:
    chat.say(said)
    assert chat.counts == want, chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("a ham sub and a half veggie sub", [("HAMSUB", 1, {"size": "whole"}), ("VEGSUB", 1, {"size": "half"})]),
    ("can i get a veggie sub and a half ham sub please",
     [("VEGSUB", 1, {"size": "whole"}), ("HAMSUB", 1, {"size": "half"})]),
    ("a fruit platter for two and a half ham sub", [("PLATTER", 1, {"serves": "s2"}), ("HAMSUB", 1, {"size": "half"})]),
])
def test_a_half_size_after_and_a_is_the_next_items_size(chat: Chat, said: str,
                                                         want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert chat.lines == want, chat.replies[-1].text
