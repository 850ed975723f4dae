"""Two cart edits joined in one turn ("take the scone off and add a brownie", "make the tea large and one of the
sandwiches turkey") are both done, in order, with one read-back; a plain list of products stays one addition,
and such a turn never places the order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dialogue.compound import clauses
from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "TEA", "name": "black tea", "aliases": ["tea"], "price": "3.00", "options": [
            {"code": "size", "name": "size", "default": "small", "values": [
                {"code": "small", "name": "small"},
                {"code": "large", "name": "large", "price_delta": "1.00"}]},
            {"code": "milk", "name": "milk", "default": "whole", "values": [
                {"code": "whole", "name": "whole milk"}, {"code": "none", "name": "no milk", "aliases": ["black"]}]}]},
        {"sku": "SANDWICH", "name": "sandwich", "price": "8.00", "options": [
            {"code": "filling", "name": "filling", "default": "ham", "values": [
                {"code": "ham", "name": "ham"}, {"code": "turkey", "name": "turkey"}]}]},
        {"sku": "SCONE", "name": "scone", "price": "3.50"},
        {"sku": "BROWNIE", "name": "brownie", "price": "4.00"},
        {"sku": "JUICE", "name": "apple juice", "aliases": ["juice"], "price": "3.00"},
        {"sku": "CAKE", "name": "cake slice", "aliases": ["cake"], "price": "5.00", "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "lemon", "name": "lemon"}, {"code": "carrot", "name": "carrot"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _units(chat: Chat) -> dict[str, int]:
    return chat.counts


@pytest.mark.parametrize("said", [
    "take the scone off and add a brownie",
    "hmm take the scone off and then add a brownie",
    "remove the scone and add a brownie please",
    "ok take off the scone, then can you add a brownie",
    "drop the scone and also add a brownie",
    "take the scone off and give me a brownie instead",
    "remove the scone and make it a brownie instead",
])
def test_take_off_and_add(chat: Chat, said: str) -> None:
    chat.say("a black tea and a scone")
    chat.say(said)
    assert _units(chat) == {"TEA": 1, "BROWNIE": 1}
    assert not chat.session.orders


@pytest.mark.parametrize("said", [
    "make the tea large and add a brownie",
    "change the tea to large and then add a brownie",
    "add a brownie and make the tea large",
])
def test_change_and_add(chat: Chat, said: str) -> None:
    chat.say("a black tea and a scone")
    chat.say(said)
    assert ("TEA", 1, {"size": "large", "milk": "whole"}) in chat.lines
    assert _units(chat) == {"TEA": 1, "SCONE": 1, "BROWNIE": 1}


@pytest.mark.parametrize("said", [
    "take the scone off and make the tea large",
    "remove the scone then make the tea large",
])
def test_remove_and_change(chat: Chat, said: str) -> None:
    chat.say("a black tea and a scone")
    chat.say(said)
    assert chat.lines == [("TEA", 1, {"size": "large", "milk": "whole"})]


def test_a_change_and_one_of_them_said_without_its_verb(chat: Chat) -> None:
    chat.say("two ham sandwiches and a tea")
    chat.say("make the tea large and one of the sandwiches turkey")
    assert ("TEA", 1, {"size": "large", "milk": "whole"}) in chat.lines
    assert ("SANDWICH", 1, {"filling": "turkey"}) in chat.lines
    assert ("SANDWICH", 1, {"filling": "ham"}) in chat.lines
    assert _units(chat) == {"TEA": 1, "SANDWICH": 2}


def test_a_new_count_and_one_of_them_made_otherwise(chat: Chat) -> None:
    chat.say("a black tea")
    chat.say("actually make it two and one of them black")
    assert _units(chat) == {"TEA": 2}
    assert ("TEA", 1, {"size": "small", "milk": "none"}) in chat.lines


def test_one_read_back_at_the_end_of_a_compound_turn(chat: Chat) -> None:
    chat.say("a black tea and a scone")
    reply = chat.say("take the scone off and add a brownie")
    assert reply.text.count("That's") == 1
    assert "brownie" in reply.text and "scone" in reply.text


def test_compound_answer_to_the_read_back_never_places(chat: Chat) -> None:
    chat.say("a black tea and a scone")
    chat.say("that's all")
    chat.say("no take the scone off and add a brownie")
    assert not chat.session.orders
    assert _units(chat) == {"TEA": 1, "BROWNIE": 1}
    chat.say("yes")
    assert len(chat.session.orders) == 1


def test_a_no_to_the_read_back_takes_both_edits_back(chat: Chat) -> None:
    chat.say("a black tea and a scone")
    chat.say("that's all")
    chat.say("take the scone off and add a brownie")
    chat.say("no")
    assert not chat.session.orders
    assert _units(chat) == {"TEA": 1, "SCONE": 1}


@pytest.mark.parametrize("said", [
    "a brownie and an apple juice", "and a brownie and a scone", "yes and a brownie", "a tea and make it large",
    "take off the scone and the tea", "make one of them large and the other one small",
])
def test_a_list_or_a_single_edit_stays_one_clause(said: str) -> None:
    assert clauses(said) == [said]


def test_a_plain_list_is_one_addition(chat: Chat) -> None:
    chat.say("a scone")
    chat.say("add a brownie and an apple juice")
    assert _units(chat) == {"SCONE": 1, "BROWNIE": 1, "JUICE": 1}


def test_yes_but_a_change_still_needs_a_yes(chat: Chat) -> None:
    chat.say("a black tea and a scone")
    chat.say("that's all")
    chat.say("yes but take the scone off and add a brownie")
    assert not chat.session.orders
    assert _units(chat) == {"TEA": 1, "BROWNIE": 1}


@pytest.mark.parametrize("said", ["add a cake and take the scone off", "take the scone off and add a cake"])
def test_a_question_of_one_step_is_asked_after_the_other(chat: Chat, said: str) -> None:
    chat.say("a black tea and a scone")
    reply = chat.say(said)
    assert "lemon or carrot" in reply.text
    assert _units(chat) == {"TEA": 1}
    chat.say("carrot")
    assert chat.lines == [("TEA", 1, {"size": "small", "milk": "whole"}), ("CAKE", 1, {"flavour": "carrot"})]
    assert not chat.session.orders
