"""Asks and descriptions said around an order: "how about the X, how many are left" asks of it (no line); "both of
them in the large size" after "we have two left" is both, made large; "the bigger one" picks a size by the size
group's order; "could I speak to someone" at the read-back hands over; a part of a product's name said of the
shopper's own thing ("i'm redoing my beds") or as what the next item is ("a gift, a bottle of jameson") orders
nothing. A catalog written here (a garden and gift shop), and corpus catalogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dialogue.types import Action
from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "STAIN", "name": "wood stain", "price": "19.00", "stock": 40, "options": [
            {"code": "size", "name": "size", "default": "quart", "values": [
                {"code": "pint", "name": "pint"}, {"code": "quart", "name": "quart"},
                {"code": "gallon", "name": "gallon", "price_delta": "20.00"}]}]},
        {"sku": "FENCE-PAINT", "name": "shed and fence paint", "price": "24.00", "stock": 40},
        {"sku": "HONEY", "name": "wildflower honey", "price": "9.00", "stock": 3},
        {"sku": "GIFT-BOX", "name": "gift box", "price": "4.00", "stock": 30},
        {"sku": "KOMBUCHA", "name": "kombucha", "price": "5.00", "stock": 7},
        {"sku": "PITCHER", "name": "glass pitcher", "price": "22.00", "stock": 2, "options": [
            {"code": "size", "name": "size", "default": "1l", "values": [
                {"code": "1l", "name": "1 liter", "aliases": ["small"]},
                {"code": "2l", "name": "2 liter", "aliases": ["large"], "price_delta": "6.00"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _lines(chat: Chat) -> list[tuple[str, int, dict[str, str]]]:
    return chat.lines


# --- "how about X, how many are left": a question of it -----------------------------------------------------------
def test_how_about_then_a_question_asks(chat: Chat) -> None:
    reply = chat.say("ok how about kombucha how many are left")
    assert chat.lines == []
    assert "seven" in reply.text.lower()


def test_how_about_alone_still_orders(chat: Chat) -> None:
    chat.say("how about a kombucha")
    assert [(s, q) for s, q, _ in chat.lines] == [("KOMBUCHA", 1)]


def test_how_about_then_a_question_on_the_juice_bar(tmp_path: Path) -> None:
    chat = next(chat_of(tmp_path, corpus_catalog("juicebar")))
    chat.say("how about the celery juice how many do you have")
    assert chat.lines == []


# --- "both of them in the large size" after "we have two left" ---------------------------------------------------
def test_both_left_with_a_choice(chat: Chat) -> None:
    chat.say("how many glass pitchers do you have")
    chat.say("ok both of them in the large size")
    assert [(s, q, o.get("size")) for s, q, o in chat.lines] == [("PITCHER", 2, "2l")]


def test_all_of_them_with_a_choice(chat: Chat) -> None:
    chat.say("how many glass pitchers do you have")
    chat.say("i'll take them all in large")
    assert [(s, q, o.get("size")) for s, q, o in chat.lines] == [("PITCHER", 2, "2l")]


def test_one_with_a_choice_after_left_is_one(chat: Chat) -> None:
    chat.say("how many glass pitchers do you have")
    chat.say("just one in large")
    assert [(s, q, o.get("size")) for s, q, o in chat.lines] == [("PITCHER", 1, "2l")]


# --- "the bigger one": a size by the size group's order ----------------------------------------------------------
@pytest.mark.parametrize(("said", "size"), [
    ("a glass pitcher the bigger one", "2l"),
    ("a wood stain the bigger one", "gallon"),
    ("a wood stain the smallest one", "pint"),
    ("a smaller wood stain", "pint"),
    ("a wood stain the largest you have", "gallon"),
    ("a wood stain", "quart"),
])
def test_comparative_sizes(chat: Chat, said: str, size: str) -> None:
    chat.say(said)
    assert [(s, o.get("size")) for s, _, o in chat.lines] == [(chat.lines[0][0], size)]


def test_bigger_teapot_on_the_tea_shop(tmp_path: Path) -> None:
    chat = next(chat_of(tmp_path, corpus_catalog("teashop")))
    chat.say("alright a glass teapot the bigger one")
    assert [(s, o.get("size")) for s, _, o in chat.lines] == [("GLASS-TEAPOT", "1l")]


# --- a person asked for at the read-back --------------------------------------------------------------------------
def test_person_asked_at_the_readback_hands_over(chat: Chat) -> None:
    chat.say("a gift box")
    chat.say("that's all")
    reply = chat.say("actually could i talk to someone about delivery")
    assert Action.HANDOFF in reply.actions
    assert chat.session.orders == []


def test_hedge_at_the_readback_still_waits(chat: Chat) -> None:
    chat.say("a gift box")
    chat.say("that's all")
    reply = chat.say("actually hold on")
    assert Action.HANDOFF not in reply.actions
    assert chat.session.orders == []


# --- a part of a name said of one's own thing, or as what the next item is -----------------------------------------
def test_own_thing_is_no_item(chat: Chat) -> None:
    chat.say("hi i'm redoing my old shed so i need two wood stains")
    assert [(s, q) for s, q, _ in chat.lines] == [("STAIN", 2)]


def test_garden_beds_are_no_soil(tmp_path: Path) -> None:
    chat = next(chat_of(tmp_path, corpus_catalog("garden")))
    chat.say("hi i'm redoing my front beds so i need six bags of brown mulch")
    assert [(s, q) for s, q, _ in chat.lines] == [("MULCH", 6)]


def test_a_gift_then_what_it_is(chat: Chat) -> None:
    chat.say("i'm looking for a gift a wildflower honey")
    assert [(s, q) for s, q, _ in chat.lines] == [("HONEY", 1)]


def test_a_gift_box_then_honey_is_both(chat: Chat) -> None:
    chat.say("a gift box and a wildflower honey")
    assert sorted((s, q) for s, q, _ in chat.lines) == [("GIFT-BOX", 1), ("HONEY", 1)]


def test_a_gift_then_a_bottle_on_the_bottle_shop(tmp_path: Path) -> None:
    chat = next(chat_of(tmp_path, corpus_catalog("bottleshop")))
    chat.say("i'm looking for a gift a bottle of jameson")
    assert [s for s, _, _ in chat.lines] == ["JAMESON"]
