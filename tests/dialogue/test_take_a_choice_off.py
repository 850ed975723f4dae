"""A choice taken off, on a small catalog written here: "take the onions off" is a removal of that choice from
the line (not one more of it); said as a correction right after another choice was added ("no wait, take the
onions off" after "add olives"), it takes only itself off: the choice just added stays."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "FLAT", "name": "flatbread", "price": "11.00", "options": [
            {"code": "toppings", "name": "toppings", "multiple": True, "values": [
                {"code": "leek", "name": "leeks", "price_delta": "1.00"},
                {"code": "feta", "name": "feta", "price_delta": "1.00"},
                {"code": "fig", "name": "figs", "price_delta": "1.50"},
                {"code": "chili", "name": "chili flakes", "price_delta": "0.50"}]}]},
        {"sku": "SODA", "name": "soda", "price": "2.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _toppings(chat: Chat) -> set[str]:
    line = next(ln for ln in chat.session.cart.lines if ln.sku == "FLAT")
    return {o.value for o in line.options if o.group == "toppings" and o.amount != "none"}


@pytest.mark.parametrize("said", [
    "take the leeks off",
    "take the leeks off please",
    "could you take the leeks off",
    "actually take the leeks out",
])
def test_take_a_choice_off(chat: Chat, said: str) -> None:
    chat.say("a flatbread with leeks and feta")
    chat.say(said)
    assert _toppings(chat) == {"feta"}
    assert len(chat.session.cart.lines) == 1


@pytest.mark.parametrize("said", [
    "no wait take the leeks off",
    "no wait, take the leeks off",
    "hmm no take the leeks off please",
    "oh wait no leeks",
])
def test_a_correction_that_takes_a_choice_off_keeps_the_one_just_added(chat: Chat, said: str) -> None:
    chat.say("a flatbread with leeks and feta")
    chat.say("and add figs")
    chat.say(said)
    assert _toppings(chat) == {"feta", "fig"}


def test_a_correction_to_another_choice_still_takes_the_last_back(chat: Chat) -> None:
    chat.say("a flatbread with feta")
    chat.say("and add figs")
    chat.say("no wait, with leeks")
    assert _toppings(chat) == {"feta", "leek"}


def test_take_a_product_off_still_removes_it(chat: Chat) -> None:
    chat.say("a flatbread with feta and a soda")
    chat.say("take the soda off")
    assert [ln.sku for ln in chat.session.cart.lines] == ["FLAT"]
