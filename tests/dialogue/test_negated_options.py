"""Options said with "don't want", and options a product does not have, on a small catalog written here.

- "I don't want it iced" / "don't want whipped cream" is "without", like "no whipped cream";
- "without" something the product has no choice of is simply true: nothing to say, nothing changed;
- what a product does not offer is said back in the shopper's words (or the value's name), never a code.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "TEA", "name": "house tea", "aliases": ["tea"], "price": "3.00",
         "options": [{"code": "temp", "name": "temperature", "default": "hot_serve", "values": [
             {"code": "hot_serve", "name": "hot", "aliases": ["warm"]},
             {"code": "iced_serve", "name": "iced", "aliases": ["cold", "on ice"], "price_delta": "0.50"}]},
             {"code": "whip", "name": "whipped cream", "multiple": True, "values": [
                 {"code": "whip_top", "name": "whipped cream", "aliases": ["whip", "cream on top"]}]}]},
        {"sku": "SCONE", "name": "scone", "price": "2.50",
         "options": [{"code": "heat", "name": "heating", "default": "plain_room", "values": [
             {"code": "plain_room", "name": "as is", "aliases": ["room temperature", "not warmed"]},
             {"code": "warmed_up", "name": "warmed", "aliases": ["heated", "toasted"]}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", ["a tea but i don't want it iced", "a tea and i do not want it iced",
                                  "one tea please i don't want it cold"])
def test_dont_want_a_value_does_not_choose_it(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [(sku, n, opts.get("temp")) for sku, n, opts in chat.lines] == [("TEA", 1, "hot_serve")]


def test_dont_want_an_extra_is_without_it(chat: Chat) -> None:
    chat.say("a tea with whipped cream")
    assert chat.lines[0][2].get("whip") == "whip_top"
    chat.say("actually i don't want whipped cream")
    assert [(sku, n, opts) for sku, n, opts in chat.lines] == [("TEA", 1, {"temp": "hot_serve"})]


def test_without_something_the_product_has_no_choice_of_is_not_an_error(chat: Chat) -> None:
    reply = chat.say("a scone and i don't want whipped cream")
    assert [(sku, n) for sku, n, _ in chat.lines] == [("SCONE", 1)]
    assert "come with" not in reply.text.lower(), reply.text


def test_what_a_product_lacks_is_said_in_words_never_as_a_code(chat: Chat) -> None:
    reply = chat.say("a tea at room temperature")
    text = reply.text.lower()
    assert "_" not in text and "plain" not in text, reply.text
    assert "room temperature" in text, reply.text  # the shopper's words, not the code plain_room
    assert [(sku, n) for sku, n, _ in chat.lines] == [("TEA", 1)]


_SALADS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "SALAD", "name": "garden salad", "price": "9.00", "options": [
            {"code": "extras", "name": "extras", "multiple": True, "values": [
                {"code": "chicken", "name": "grilled chicken", "aliases": ["chicken"], "price_delta": "3.00"},
                {"code": "tuna", "name": "tuna", "price_delta": "3.00"},
                {"code": "olives", "name": "olives", "price_delta": "1.00"}]}]},
    ],
}


@pytest.fixture
def salads(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SALADS)


def _extras(chat: Chat) -> list[str]:
    return sorted(o.value for o in chat.session.cart.lines[0].options if o.group == "extras")


@pytest.mark.parametrize("turns", [["a garden salad", "with chicken", "no wait with tuna"],
                                   ["a garden salad with chicken", "no wait with tuna"],
                                   ["a garden salad with olives and chicken", "sorry i meant tuna"]])
def test_a_correction_takes_back_the_add_on_just_put_on(salads: Chat, turns: list[str]) -> None:
    for t in turns:
        salads.say(t)
    assert len(salads.lines) == 1 and "chicken" not in _extras(salads) and "tuna" in _extras(salads)
    assert ("olives" in _extras(salads)) == ("olives" in turns[0])  # what was not corrected stays


@pytest.mark.parametrize("last", ["and with tuna", "with tuna too", "add tuna"])
def test_another_add_on_without_a_correction_is_added_beside(salads: Chat, last: str) -> None:
    salads.say("a garden salad")
    salads.say("with chicken")
    salads.say(last)
    assert _extras(salads) == ["chicken", "tuna"]
