"""Counts over a pair or a list, on a small catalog written here: a count before "X and Y" with X said in the
singular and nothing before Y counts the pair as one dish ("two sausage and mash" is two of each), a count said
after the list repeats the whole list ("burger and fries twice", "... times three", "for the four of us"), and
items listed without commas stay items ("a coffee sausage and mash")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "SAUSAGE", "name": "sausage", "price": "4.00"},
        {"sku": "MASH", "name": "mash", "aliases": ["mashed potato"], "price": "3.00"},
        {"sku": "BURGER", "name": "burger", "price": "8.00"},
        {"sku": "FRIES", "name": "fries", "price": "3.50"},
        {"sku": "SALAD", "name": "side salad", "price": "4.50"},
        {"sku": "COFFEE", "name": "coffee", "price": "2.50"},
        {"sku": "MUFFIN", "name": "muffin", "price": "3.25"},
        {"sku": "TACO", "name": "taco", "price": "3.75"},
        {"sku": "CHIPS", "name": "chips and salsa", "aliases": ["chips"], "price": "4.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "want"), [
    ("two sausage and mash", {"SAUSAGE": 2, "MASH": 2}),
    ("three sausage and mash please", {"SAUSAGE": 3, "MASH": 3}),
    ("can i get two burger and fries", {"BURGER": 2, "FRIES": 2}),
    ("2 burger and fries and a coffee", {"BURGER": 2, "FRIES": 2, "COFFEE": 1}),
])
def test_a_count_before_a_pair_counts_both(chat: Chat, said: str, want: dict[str, int]) -> None:
    chat.say(said)
    assert chat.counts == want


@pytest.mark.parametrize(("said", "want"), [
    ("two coffees and a muffin", {"COFFEE": 2, "MUFFIN": 1}),
    ("two coffee and one muffin", {"COFFEE": 2, "MUFFIN": 1}),
    ("three tacos and chips", {"TACO": 3, "CHIPS": 1}),
    ("two burger and two fries", {"BURGER": 2, "FRIES": 2}),
    ("a burger and fries", {"BURGER": 1, "FRIES": 1}),
])
def test_an_article_a_count_or_a_plural_keeps_counts_apart(chat: Chat, said: str, want: dict[str, int]) -> None:
    chat.say(said)
    assert chat.counts == want


@pytest.mark.parametrize(("said", "want"), [
    ("burger and fries twice please", {"BURGER": 2, "FRIES": 2}),
    ("sausage mash and coffee times two", {"SAUSAGE": 2, "MASH": 2, "COFFEE": 2}),
    ("a burger and a side salad x 3", {"BURGER": 3, "SALAD": 3}),
    ("burger and fries three times", {"BURGER": 3, "FRIES": 3}),
    ("two coffees and a muffin twice", {"COFFEE": 4, "MUFFIN": 2}),
])
def test_a_count_after_the_list_repeats_it(chat: Chat, said: str, want: dict[str, int]) -> None:
    chat.say(said)
    assert chat.counts == want


@pytest.mark.parametrize(("said", "want"), [
    ("burger and fries for the four of us", {"BURGER": 4, "FRIES": 4}),
    ("a sausage and mash for all three of us please", {"SAUSAGE": 3, "MASH": 3}),
    ("a coffee and a muffin for the two of you", {"COFFEE": 2, "MUFFIN": 2}),
])
def test_for_the_n_of_us_is_one_each(chat: Chat, said: str, want: dict[str, int]) -> None:
    chat.say(said)
    assert chat.counts == want


def test_only_the_last_sentence_is_repeated(chat: Chat) -> None:
    chat.say("a coffee. burger and fries twice")
    assert chat.counts == {"COFFEE": 1, "BURGER": 2, "FRIES": 2}


def test_a_count_of_the_list_still_waits_for_a_yes(chat: Chat) -> None:
    reply = chat.say("burger and fries twice please")
    assert "placed" not in reply.text.lower()
    chat.say("no")
    assert not any("order number" in r.text.lower() for r in chat.replies)


@pytest.mark.parametrize(("said", "want"), [
    ("a coffee sausage and mash", {"COFFEE": 1, "SAUSAGE": 1, "MASH": 1}),
    ("a taco burger and fries", {"TACO": 1, "BURGER": 1, "FRIES": 1}),
    ("sausage and mash burger and fries and a coffee", {"SAUSAGE": 1, "MASH": 1, "BURGER": 1, "FRIES": 1,
                                                        "COFFEE": 1}),
])
def test_items_listed_without_commas_are_each_kept(chat: Chat, said: str, want: dict[str, int]) -> None:
    chat.say(said)
    assert chat.counts == want


_NAMED_BY_VALUES = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "COFFEE", "name": "coffee", "price": "2.50", "options": [
            {"code": "fixings", "name": "cream and sugar", "multiple": True, "values": [
                {"code": "cream", "name": "cream"}, {"code": "sugar", "name": "sugar"},
                {"code": "honey", "name": "honey"}]}]},
        {"sku": "BAGEL", "name": "bagel", "price": "3.00"},
    ],
}


@pytest.fixture
def cafe_chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _NAMED_BY_VALUES)


@pytest.mark.parametrize("turns", [
    ["a coffee with cream and sugar"],
    ["can i get a coffee with cream and sugar and a bagel"],
    ["a coffee", "cream and sugar on that please"],
    ["a coffee", "with cream and sugar"],
])
def test_a_group_named_by_its_values_said_as_a_choice_is_those_values(cafe_chat: Chat, turns: list[str]) -> None:
    for said in turns:
        cafe_chat.say(said)
    coffee = [ln for ln in cafe_chat.session.cart.lines if ln.sku == "COFFEE"]
    assert len(coffee) == 1
    assert sorted(o.value for o in coffee[0].options if o.group == "fixings") == ["cream", "sugar"]


def test_a_group_named_by_its_values_asked_about_is_the_group(cafe_chat: Chat) -> None:
    reply = cafe_chat.say("what cream and sugar do you have")
    assert "honey" in reply.text
    assert cafe_chat.lines == []
