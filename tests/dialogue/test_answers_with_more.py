"""The answer to the clerk's question, or a change of the line in focus, said with more on a small catalog written
here: "which tea?" - "earl grey and add a muffin" is the earl grey tea and a muffin (not a muffin "with earl grey"
and the tea dropped), and "a latte" - "large, and a cookie too" makes the latte large and adds a cookie."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "TEA", "name": "pot of tea", "aliases": ["tea", "pot"], "price": "4.00", "options": [
            {"code": "leaf", "name": "tea leaf", "required": True, "values": [
                {"code": "earl_grey", "name": "earl grey"}, {"code": "jasmine", "name": "jasmine"},
                {"code": "mint", "name": "mint"}]}]},
        {"sku": "LATTE", "name": "latte", "price": "5.00", "options": [
            {"code": "size", "name": "size", "default": "small", "values": [
                {"code": "small", "name": "small"}, {"code": "large", "name": "large", "price_delta": "1.00"}]},
            {"code": "milk", "name": "milk", "default": "whole", "values": [
                {"code": "whole", "name": "whole milk", "aliases": ["whole"]},
                {"code": "oat", "name": "oat milk", "aliases": ["oat"], "price_delta": "0.50"},
                {"code": "almond", "name": "almond milk", "aliases": ["almond"], "price_delta": "0.50"}]}]},
        {"sku": "LEASH", "name": "dog leash", "aliases": ["leash"], "price": "12.00", "options": [
            {"code": "color", "name": "color", "required": True, "values": [
                {"code": "red", "name": "red"}, {"code": "blue", "name": "blue"}, {"code": "green", "name": "green"}]}]},
        {"sku": "MUFFIN", "name": "blueberry muffin", "aliases": ["muffin"], "price": "3.00"},
        {"sku": "COOKIE", "name": "chocolate chip cookie", "aliases": ["cookie"], "price": "2.50"},
        {"sku": "CROISSANT", "name": "croissant", "price": "3.50"},
        {"sku": "DUMPLINGS", "name": "pork dumplings", "aliases": ["dumplings", "basket of dumplings"], "price": "6.00"},
        {"sku": "BALL", "name": "tennis ball", "aliases": ["ball"], "price": "2.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "leaf", "other"), [
    ("earl grey and add a blueberry muffin", "earl_grey", "MUFFIN"),
    ("jasmine and a basket of dumplings", "jasmine", "DUMPLINGS"),
    ("mint please, and also a croissant", "mint", "CROISSANT"),
    ("earl grey - oh and add a croissant", "earl_grey", "CROISSANT"),
    ("jasmine plus a cookie", "jasmine", "COOKIE"),
])
def test_an_answer_said_with_another_item_is_both(chat: Chat, said: str, leaf: str, other: str) -> None:
    chat.say("a pot of tea please")
    assert not chat.lines  # asked which leaf
    reply = chat.say(said)
    assert chat.lines == [("TEA", 1, {"leaf": leaf}), (other, 1, {})]
    assert "come with" not in reply.text


@pytest.mark.parametrize(("said", "color"), [("blue, and a tennis ball too", "blue"),
                                             ("the green one and also a ball", "green")])
def test_an_answer_with_an_item_on_another_catalog_kind(chat: Chat, said: str, color: str) -> None:
    chat.say("a dog leash")
    chat.say(said)
    assert chat.lines == [("LEASH", 1, {"color": color}), ("BALL", 1, {})]


@pytest.mark.parametrize(("said", "choice", "other"), [
    ("large, and a cookie too", {"size": "large", "milk": "whole"}, "COOKIE"),
    ("oat please and also a muffin", {"size": "small", "milk": "oat"}, "MUFFIN"),
    ("almond milk - oh and add a croissant", {"size": "small", "milk": "almond"}, "CROISSANT"),
    ("large please, plus a muffin", {"size": "large", "milk": "whole"}, "MUFFIN"),
])
def test_a_change_of_the_line_in_focus_said_with_another_item(chat: Chat, said: str, choice: dict[str, str],
                                                               other: str) -> None:
    chat.say("a latte")
    reply = chat.say(said)
    assert chat.lines == [("LATTE", 1, choice), (other, 1, {})]
    assert "come with" not in reply.text


def test_a_choice_of_the_new_item_stays_its_own(chat: Chat) -> None:
    chat.say("a blueberry muffin")
    chat.say("and a large latte with oat milk")
    assert chat.lines == [("MUFFIN", 1, {}), ("LATTE", 1, {"size": "large", "milk": "oat"})]


def test_a_choice_no_line_offers_is_still_said(chat: Chat) -> None:
    chat.say("a blueberry muffin")
    reply = chat.say("large and a cookie")
    assert ("COOKIE", 1, {}) in chat.lines
    assert ("MUFFIN", 1, {}) in chat.lines
    assert not any(sku == "LATTE" for sku, _, _ in chat.lines)
    assert reply.text


def test_a_no_after_the_change_and_the_item_undoes_both(chat: Chat) -> None:
    chat.say("a latte")
    chat.say("large, and a cookie too")
    chat.say("no")
    assert chat.lines == [("LATTE", 1, {"size": "small", "milk": "whole"})]


_CABLES = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "DRIVE", "name": "flash drive", "aliases": ["drive"], "price": "10.00", "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "32-gb", "name": "32 gb"}, {"code": "64-gb", "name": "64 gb"}]}]},
        {"sku": "CABLE", "name": "usb cable", "aliases": ["cable"], "price": "8.00", "options": [
            {"code": "length", "name": "length", "required": True, "values": [
                {"code": "1-meter", "name": "1 meter"}, {"code": "2-meter", "name": "2 meter"},
                {"code": "3-foot", "name": "3 foot"}]}]},
    ],
}


@pytest.fixture
def cables(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _CABLES)


@pytest.mark.parametrize(("said", "length"), [("2 meter", "2-meter"), ("the 2 meter please", "2-meter"),
                                              ("3 foot", "3-foot")])
def test_a_value_with_a_number_answers_the_question_asked(cables: Chat, said: str, length: str) -> None:
    cables.say("a flash drive")
    cables.say("the 64")
    cables.say("and a usb cable")
    cables.say(said)
    assert cables.lines == [("DRIVE", 1, {"size": "64-gb"}), ("CABLE", 1, {"length": length})]
