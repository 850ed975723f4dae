"""Answers to an offer ("Sorry, there are only six left. Would you like six?"), on a small catalog written here: a
count said back is the count even when a product is named by a number ("half dozen" is read as the digit 6), and a
yes joined to other products ("yes and a plain bagel") takes the offer and adds the others too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "COOKIE", "name": "oatmeal cookie", "aliases": ["cookie"], "price": "2.00", "stock": 6},
        {"sku": "HALF", "name": "half dozen bagels", "aliases": ["half dozen", "half a dozen"], "price": "10.00"},
        {"sku": "BAGEL", "name": "plain bagel", "price": "1.75"},
        {"sku": "LATTE", "name": "latte", "price": "4.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _offered(chat: Chat) -> None:
    reply = chat.say("a dozen oatmeal cookies")
    assert "six" in reply.text.lower() and not chat.lines


@pytest.mark.parametrize("said", ["ok six then", "six please", "six", "yeah six is fine", "alright 6",
                                  "sure six"])
def test_a_count_said_back_is_the_count(chat: Chat, said: str) -> None:
    _offered(chat)
    chat.say(said)
    assert chat.counts == {"COOKIE": 6}


@pytest.mark.parametrize(("said", "want"), [
    ("yes and a plain bagel", {"COOKIE": 6, "BAGEL": 1}),
    ("sure plus a latte", {"COOKIE": 6, "LATTE": 1}),
    ("yeah and also two lattes", {"COOKIE": 6, "LATTE": 2}),
    ("ok and one plain bagel and a latte", {"COOKIE": 6, "BAGEL": 1, "LATTE": 1}),
])
def test_a_yes_joined_to_more_takes_the_offer_too(chat: Chat, said: str, want: dict[str, int]) -> None:
    _offered(chat)
    chat.say(said)
    assert chat.counts == want


@pytest.mark.parametrize(("said", "want"), [
    ("no but a latte", {"LATTE": 1}),
    ("no thanks just a plain bagel", {"BAGEL": 1}),
    ("yes six oatmeal cookies", {"COOKIE": 6}),
])
def test_a_no_or_the_offer_said_again_is_read_as_said(chat: Chat, said: str, want: dict[str, int]) -> None:
    _offered(chat)
    chat.say(said)
    assert chat.counts == want
