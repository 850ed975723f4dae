"""At the read-back, a yes word said of a choice ("pate is fine", "oat milk sounds good", "the blue ones are ok")
is a word on that choice, not a yes to placing the order: nothing is placed, the order is read back again, and a
clear yes then places it. A yes to the order itself ("that's fine", "yes with oat milk") still places."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "CANS", "name": "canned cat food", "price": "1.25", "aliases": ["cat food", "cans of cat food"],
         "option_groups": [
             {"code": "flavour", "name": "flavour", "default": "chicken", "values": [
                 {"code": "chicken", "name": "chicken"}, {"code": "salmon", "name": "salmon"}]},
             {"code": "texture", "name": "texture", "default": "pate", "values": [
                 {"code": "pate", "name": "pate"}, {"code": "chunks", "name": "chunks in gravy"}]}]},
        {"sku": "SOCKS", "name": "wool socks", "price": "9.00", "option_groups": [
            {"code": "colour", "name": "colour", "default": "grey", "values": [
                {"code": "grey", "name": "grey"}, {"code": "blue", "name": "blue"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("order", "said"), [
    ("six cans of chicken cat food", "pate is fine"),
    ("six cans of chicken cat food", "pate's fine thanks"),
    ("six cans of chicken cat food", "pate yes"),
    ("two cans of salmon cat food in chunks in gravy", "chunks in gravy sounds good"),
    ("a pair of blue wool socks", "blue is fine"),
    ("a pair of blue wool socks", "the blue ones are ok"),
])
def test_a_yes_word_said_of_a_choice_does_not_place(chat: Chat, order: str, said: str) -> None:
    chat.say(order)
    lines = chat.lines
    reply = chat.say(said)
    assert not chat.session.state.placed and chat.lines == lines
    assert "placed" not in reply.text.lower()
    chat.say("yes")
    assert chat.session.state.placed


@pytest.mark.parametrize("said", ["that's fine", "yes that's fine", "yes", "yes pate is fine", "yeah the pate is fine"])
def test_a_yes_to_the_order_still_places(chat: Chat, said: str) -> None:
    chat.say("six cans of chicken cat food")
    chat.say(said)
    assert chat.session.state.placed
