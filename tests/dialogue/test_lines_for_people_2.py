"""People in running orders, second part (a small catalog written here, a bike shop): a lone pronoun ("his
should be blue", "she wants the large", "make hers red") is the one recorded person it fits; a bare "all" /
"each" before choices ("all large", "each in red") changes every line; the people of an order that first asks a
question ("which one?") are kept by the answer. A turn naming no one is unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_COLOUR = {"code": "colour", "name": "colour", "default": "black", "values": [
    {"code": "black", "name": "black"}, {"code": "red", "name": "red"}, {"code": "blue", "name": "blue"}]}
_SIZE = {"code": "size", "name": "size", "default": "medium", "values": [
    {"code": "small", "name": "small"}, {"code": "medium", "name": "medium"},
    {"code": "large", "name": "large", "price_delta": "5.00"}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "ROADH", "name": "road helmet", "price": "40.00", "options": [_COLOUR, _SIZE]},
        {"sku": "MTBH", "name": "mountain helmet", "price": "45.00", "options": [_COLOUR, _SIZE]},
        {"sku": "GLOVE", "name": "cycling gloves", "aliases": ["gloves"], "price": "15.00", "options": [_COLOUR, _SIZE]},
        {"sku": "BOTTLE", "name": "water bottle", "price": "8.00"},
        {"sku": "TUBE", "name": "inner tube", "price": "7.00", "options": [
            {"code": "valve", "name": "valve", "required": True, "values": [
                {"code": "presta", "name": "presta"}, {"code": "schrader", "name": "schrader"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _o(colour: str = "black", size: str = "medium") -> dict[str, str]:
    return {"colour": colour, "size": size}


def _by_sku(chat: Chat) -> dict[str, dict[str, str]]:
    return {sku: opts for sku, _, opts in chat.lines}


@pytest.mark.parametrize(("order", "change", "sku", "want"), [
    ("a road helmet for my daughter and a mountain helmet for my nephew", "his should be blue", "MTBH", _o("blue")),
    ("a mountain helmet for my husband and a road helmet for my niece", "make his red", "MTBH", _o("red")),
    ("a road helmet for my dad and a mountain helmet for my girlfriend", "he wants it in large", "ROADH",
     _o(size="large")),
    ("a mountain helmet for my sister and a road helmet for my uncle", "she'd like the large", "MTBH",
     _o(size="large")),
    ("a road helmet for my mum and a mountain helmet for my boy", "hers in blue please", "ROADH", _o("blue")),
    ("a road helmet for the wife and a mountain helmet for my grandpa", "oh make hers small", "ROADH", _o(size="small")),
])
def test_a_lone_pronoun_is_the_one_recorded_person_it_fits(chat: Chat, order: str, change: str, sku: str,
                                                            want: dict[str, str]) -> None:
    chat.say(order)
    assert sorted(_by_sku(chat)) == ["MTBH", "ROADH"]
    other = next(s for s in ("MTBH", "ROADH") if s != sku)
    chat.say(change)
    got = _by_sku(chat)
    assert got[sku] == want, chat.replies[-1].text
    assert got[other] == _o(), chat.replies[-1].text


def test_a_pronoun_fitting_no_one_recorded_goes_to_the_line_in_focus(chat: Chat) -> None:
    chat.say("a road helmet for my son and a mountain helmet for my brother")
    chat.say("his should be red")  # two men recorded: the line in focus, as before
    assert _by_sku(chat) == {"ROADH": _o(), "MTBH": _o("red")}


def test_a_pronoun_without_people_recorded_goes_to_the_line_in_focus(chat: Chat) -> None:
    chat.say("a road helmet and a mountain helmet")
    chat.say("make hers blue")
    assert _by_sku(chat) == {"ROADH": _o(), "MTBH": _o("blue")}


def test_a_named_person_beats_the_pronoun(chat: Chat) -> None:
    chat.say("a road helmet for my aunt and a mountain helmet for my son")
    chat.say("make her son's one red")
    assert _by_sku(chat) == {"ROADH": _o(), "MTBH": _o("red")}


@pytest.mark.parametrize(("order", "change", "want"), [
    ("a road helmet and a mountain helmet", "all large", _o(size="large")),
    ("a road helmet for me and a mountain helmet for my wife", "all in blue please", _o("blue")),
    ("a road helmet and a mountain helmet", "each in red", _o("red")),
    ("a road helmet for my son and a mountain helmet for my daughter", "ok all small", _o(size="small")),
])
def test_a_bare_all_before_choices_changes_every_line(chat: Chat, order: str, change: str,
                                                      want: dict[str, str]) -> None:
    chat.say(order)
    chat.say(change)
    assert _by_sku(chat) == {"ROADH": want, "MTBH": want}, chat.replies[-1].text


def test_that_is_all_changes_nothing(chat: Chat) -> None:
    chat.say("a road helmet and a mountain helmet")
    chat.say("that's all")
    assert _by_sku(chat) == {"ROADH": _o(), "MTBH": _o()}


@pytest.mark.parametrize(("order", "answer", "change", "sku", "want"), [
    ("a helmet for my wife and a water bottle for my son", "the road one", "my wife's in red", "ROADH", _o("red")),
    ("a water bottle for my brother and a helmet for my mum", "mountain", "make my mum's large", "MTBH",
     _o(size="large")),
    ("a helmet for my daughter and cycling gloves for me", "a road helmet", "make hers blue", "ROADH", _o("blue")),
])
def test_the_people_of_an_order_that_asked_which_one_are_kept(chat: Chat, order: str, answer: str, change: str,
                                                               sku: str, want: dict[str, str]) -> None:
    chat.say(order)
    chat.say(answer)
    assert sku in _by_sku(chat), chat.replies[-1].text
    chat.say("and a mountain helmet" if sku == "ROADH" else "and a road helmet")  # now the line in focus
    chat.say(change)
    got = _by_sku(chat)
    assert got[sku] == want, chat.replies[-1].text
    other = "MTBH" if sku == "ROADH" else "ROADH"
    assert got[other] == _o(), chat.replies[-1].text


@pytest.mark.parametrize(("order", "answer", "change"), [
    ("an inner tube for my son and a road helmet for my wife", "presta", "my wife wants it in blue"),
    ("a road helmet for my girlfriend and an inner tube for me", "schrader please", "make hers blue"),
])
def test_the_people_of_an_order_that_asked_for_a_choice_are_kept(chat: Chat, order: str, answer: str,
                                                                  change: str) -> None:
    chat.say(order)
    chat.say(answer)
    assert sorted(_by_sku(chat)) == ["ROADH", "TUBE"], chat.replies[-1].text
    chat.say("and a mountain helmet")  # now the line in focus
    chat.say(change)
    got = _by_sku(chat)
    assert got["ROADH"] == _o("blue"), chat.replies[-1].text
    assert got["MTBH"] == _o(), chat.replies[-1].text
