"""A product's name that is also a choice of the product before it: "a lamb gyro and fries" joins an order of
fries (no "with" opened a list of the gyro's choices), where "a lamb gyro with fries" puts fries inside. A catalog
written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "GYRO", "name": "gyro", "aliases": ["gyros"], "price": "9.00", "options": [
            {"code": "protein", "name": "protein", "default": "lamb", "values": [
                {"code": "lamb", "name": "lamb"}, {"code": "chicken", "name": "chicken"}]},
            {"code": "toppings", "name": "toppings", "multiple": True, "values": [
                {"code": "fries", "name": "fries inside", "aliases": ["fries"]},
                {"code": "onion", "name": "onions", "aliases": ["onion"]}]}]},
        {"sku": "FRIES", "name": "fries", "aliases": ["chips"], "price": "3.50"},
        {"sku": "COKE", "name": "coke", "price": "2.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", ["a lamb gyro and fries", "a chicken gyro and fries and a coke",
                                  "can i get a gyro and fries please"])
def test_and_joins_a_second_product(chat: Chat, said: str) -> None:
    chat.say(said)
    assert "FRIES" in [sku for sku, _, _ in chat.lines], chat.replies[-1].text
    assert not any(o.value == "fries" for ln in chat.session.cart.lines for o in ln.options), chat.lines


@pytest.mark.parametrize("said", ["a lamb gyro with fries", "a gyro with onions and fries"])
def test_with_opens_the_choices(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [sku for sku, _, _ in chat.lines] == ["GYRO"], chat.replies[-1].text
    assert any(o.value == "fries" for o in chat.session.cart.lines[0].options), chat.lines
