"""A change to a line's choice said in a later turn, in words that are no choice's whole name: "make the muffin
cheddar" (its "cheddar and chive", though "cheddar" is a toastie's cheese), "make the photos glossy" (the "glossy
photos", another product, the count kept), "no the soup should be a large one" at the read-back (the soup's own
size, though "soup" names several soups), "the 24 one" to a box of tea (its "box of 24"). Words that fit no
choice, or several, change nothing. A catalog written here (a corner cafe and print counter) and the bundled
cafe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.sqlite_store import SQLiteStore
from tests.dialogue.conftest import Chat, chat_of

_SIZE = {"code": "size", "name": "size", "default": "small", "values": [
    {"code": "small", "name": "small"}, {"code": "large", "name": "large", "price_delta": "2.00"}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "MUFFIN", "name": "muffin", "price": "3.00", "options": [
            {"code": "flavour", "name": "flavour", "default": "blueberry_crumble", "values": [
                {"code": "blueberry_crumble", "name": "blueberry crumble"},
                {"code": "apple_crumble", "name": "apple crumble"},
                {"code": "cheddar_chive", "name": "cheddar and chive"}]}]},
        {"sku": "TOASTIE", "name": "toastie", "price": "6.00", "options": [
            {"code": "cheese", "name": "cheese", "default": "cheddar", "values": [
                {"code": "cheddar", "name": "cheddar"}, {"code": "swiss", "name": "swiss"}]}]},
        {"sku": "MATTE-PHOTO", "name": "matte photos", "price": "0.30", "aliases": ["photos", "prints"]},
        {"sku": "GLOSSY-PHOTO", "name": "glossy photos", "price": "0.40"},
        {"sku": "TOMATO-SOUP", "name": "tomato soup", "price": "5.00", "options": [_SIZE]},
        {"sku": "LENTIL-SOUP", "name": "lentil soup", "price": "5.50", "options": [_SIZE]},
        {"sku": "TEA", "name": "green tea", "price": "6.00", "options": [
            {"code": "box", "name": "box", "default": "12", "values": [
                {"code": "12", "name": "box of 12"}, {"code": "24", "name": "box of 24", "price_delta": "5.00"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


# --- a word of one choice's name, after the line's name --------------------------------------------------------

@pytest.mark.parametrize("said", ["make the muffin cheddar", "hmm no make the muffin cheddar instead"])
def test_a_word_of_one_choice(chat: Chat, said: str) -> None:
    chat.say("a blueberry crumble muffin")
    chat.say(said)
    assert chat.lines == [("MUFFIN", 1, {"flavour": "cheddar_chive"})]


def test_scone_made_cheddar_at_the_cafe(cafe: SQLiteStore) -> None:
    chat = Chat(cafe)
    chat.say("a cranberry orange scone")
    chat.say("hmm no make the scone cheddar")
    assert [(sku, n, opts.get("flavor")) for sku, n, opts in chat.lines] == [("SCONE", 1, "cheddar_chive")]


@pytest.mark.parametrize("said", ["make the muffin crumble", "make the muffin chocolate"])
def test_a_word_of_several_or_none_changes_nothing(chat: Chat, said: str) -> None:
    chat.say("a cheddar and chive muffin")
    chat.say(said)
    assert chat.lines == [("MUFFIN", 1, {"flavour": "cheddar_chive"})]


# --- the word and the line's name make another product's name ------------------------------------------------

def test_another_product_named_with_the_lines_noun(chat: Chat) -> None:
    chat.say("forty photos")
    chat.say("make the photos glossy instead")
    assert chat.lines == [("GLOSSY-PHOTO", 40, {})]


def test_no_such_product_changes_nothing(chat: Chat) -> None:
    chat.say("forty photos")
    chat.say("make the photos shiny")
    assert chat.lines == [("MATTE-PHOTO", 40, {})]


# --- "a ... one" of the line's own kind --------------------------------------------------------------------------

def test_one_of_the_lines_kind_is_that_line_made_so(chat: Chat) -> None:
    chat.say("a tomato soup and a muffin")
    chat.say("that's all")
    chat.say("no the soup should be a large one")
    assert chat.lines == [("TOMATO-SOUP", 1, {"size": "large"}), ("MUFFIN", 1, {"flavour": "blueberry_crumble"})]


def test_another_product_of_the_kind_still_swaps(chat: Chat) -> None:
    chat.say("a tomato soup")
    chat.say("make the soup a lentil one instead")
    assert [sku for sku, _, _ in chat.lines] == ["LENTIL-SOUP"]


# --- "the ... one": a choice of the line in focus by a word of its name ---------------------------------------

def test_the_number_one_is_the_lines_choice(chat: Chat) -> None:
    chat.say("a box of green tea")
    chat.say("the 24 one")
    assert chat.lines == [("TEA", 1, {"box": "24"})]


def test_the_one_of_no_choice_changes_nothing(chat: Chat) -> None:
    chat.say("a box of green tea")
    chat.say("the 50 one")
    assert chat.lines == [("TEA", 1, {"box": "12"})]


# --- a word said alone that, before the line's name, names another product --------------------------------------

@pytest.mark.parametrize("said", ["on glossy", "glossy please"])
def test_a_word_with_the_lines_name_is_another_product(chat: Chat, said: str) -> None:
    chat.say("forty photos")
    chat.say(said)
    assert chat.lines == [("GLOSSY-PHOTO", 40, {})]


def test_the_count_said_with_it_is_the_new_count(chat: Chat) -> None:
    chat.say("some photos")
    chat.say("sixty glossy")
    assert chat.lines == [("GLOSSY-PHOTO", 60, {})]


def test_a_word_naming_no_product_with_the_line_changes_nothing(chat: Chat) -> None:
    chat.say("forty photos")
    chat.say("shiny please")
    assert chat.lines == [("MATTE-PHOTO", 40, {})]
