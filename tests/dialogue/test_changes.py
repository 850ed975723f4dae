"""Changes to lines already in the cart: "make it two of those" said of the line just added is that line even when
another product was asked about before it; "and just one pack of gum" to a line of two is that line cut to one,
not one more; "actually make all three cherry" to two cherry and one roma is one line of three cherry. On the
bundled cafe and the corpus's shop catalogs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_CATALOGS = Path(__file__).resolve().parents[1] / "corpus" / "catalogs"


def _shop(tmp_path: Path, stem: str) -> Iterator[Chat]:
    yield from chat_of(tmp_path, json.loads((_CATALOGS / f"{stem}.json").read_text()))


@pytest.fixture
def gyro(tmp_path: Path) -> Iterator[Chat]:
    yield from _shop(tmp_path, "gyro")


@pytest.fixture
def pharmacy(tmp_path: Path) -> Iterator[Chat]:
    yield from _shop(tmp_path, "pharmacy")


@pytest.fixture
def garden(tmp_path: Path) -> Iterator[Chat]:
    yield from _shop(tmp_path, "garden")


def _counts(chat: Chat) -> list[tuple[str, int]]:
    return [(ln.sku, ln.quantity) for ln in chat.session.cart.lines]


def _values(chat: Chat, group: str) -> list[tuple[int, str]]:
    return [(ln.quantity, o.value) for ln in chat.session.cart.lines for o in ln.options if o.group == group]


# --- "it" / "those" is the line talked about last, not a product shown before it ---------------------------------

def test_make_it_two_of_those_is_the_line_added_after_a_sold_out_question(gyro: Chat) -> None:
    gyro.say("do you have moussaka today")
    gyro.say("alright then a spanakopita")
    gyro.say("actually make it two of those")
    assert _counts(gyro) == [("SPANAKOPITA", 2)], gyro.replies[-1].text


def test_make_it_two_of_those_after_a_price_question_then_an_order(chat: Chat) -> None:
    chat.say("how much is a blueberry muffin")
    chat.say("a latte")
    chat.say("make it two of those")
    assert _counts(chat) == [("LATTE", 2)], chat.replies[-1].text


def test_two_of_those_right_after_a_product_is_shown_still_takes_it(chat: Chat) -> None:
    chat.say("a latte")
    chat.say("how much is a blueberry muffin")
    chat.say("ok two of those")
    assert _counts(chat) == [("LATTE", 1), ("BLUEBERRY-MUFFIN", 2)], chat.replies[-1].text


# --- "and just one ..." to a line of more is a new count -----------------------------------------------------------

def test_and_just_one_pack_cuts_the_line(pharmacy: Chat) -> None:
    pharmacy.say("and two packs of peppermint gum")
    pharmacy.say("and just one pack of gum")
    assert _counts(pharmacy) == [("GUM", 1)], pharmacy.replies[-1].text


def test_and_only_one_latte_cuts_the_line(chat: Chat) -> None:
    chat.say("two lattes and a blueberry muffin")
    chat.say("and only one latte")
    assert ("LATTE", 1) in _counts(chat) and ("LATTE", 2) not in _counts(chat), chat.replies[-1].text


def test_and_one_latte_without_just_is_one_more(chat: Chat) -> None:
    chat.say("a latte")
    chat.say("and one latte")
    assert sum(n for sku, n in _counts(chat) if sku == "LATTE") == 2, chat.replies[-1].text


# --- "all three cherry": every unit of the product's lines made so, on one line ------------------------------------

def test_make_all_three_cherry_makes_one_line_of_three(garden: Chat) -> None:
    garden.say("three tomato plants two cherry and one roma")
    garden.say("actually make all three cherry")
    assert _values(garden, "variety") == [(3, "cherry")], garden.replies[-1].text


def test_make_all_three_lattes_oat_milk(chat: Chat) -> None:
    chat.say("two lattes with oat milk and one latte with almond milk")
    chat.say("actually make all three lattes oat milk")
    assert _values(chat, "milk") == [(3, "oat")], chat.replies[-1].text


def test_all_with_a_count_that_is_not_every_unit_keeps_the_other_line(garden: Chat) -> None:
    garden.say("three tomato plants two cherry and one roma")
    garden.say("actually make all four cherry")
    varieties = _values(garden, "variety")
    assert any(v == "roma" for _, v in varieties), garden.replies[-1].text
