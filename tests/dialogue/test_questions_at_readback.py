"""A question about what the shop has, asked while the order read back waits for a yes ("what's vegan?", "which
is the cheapest?", "what's popular?"): answered, not met with "I need a clear yes or no"; nothing is placed and
nothing in the cart changes, and a yes after the answer still places the order (read back again first)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "WRAP", "name": "halloumi wrap", "price": "10.00", "tags": ["vegetarian"]},
        {"sku": "BOWL", "name": "lentil bowl", "price": "11.00", "tags": ["vegan", "gluten free"]},
        {"sku": "SOUP", "name": "carrot soup", "price": "6.00", "tags": ["vegan"]},
        {"sku": "TEA", "name": "mint tea", "price": "3.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("asked", "heard"), [
    ("what's vegan", "lentil bowl"), ("what's vegan?", "carrot soup"), ("anything gluten free", "lentil bowl"),
    ("hang on what's vegan", "carrot soup"), ("which one is the cheapest", "mint tea"),
])
def test_a_shop_question_at_the_read_back_is_answered(chat: Chat, asked: str, heard: str) -> None:
    chat.say("a halloumi wrap")
    chat.say("that's all")
    reply = chat.say(asked)
    assert heard in reply.text.lower() and "yes or no" not in reply.text.lower()
    assert chat.lines == [("WRAP", 1, {})] and not chat.session.state.placed


def test_a_yes_after_the_answer_places(chat: Chat) -> None:
    chat.say("a halloumi wrap")
    chat.say("that's all")
    chat.say("what's vegan")
    assert not chat.session.state.placed
    chat.say("no thanks")
    chat.say("yes")
    placed = chat.session.state.placed
    if not placed:  # the order read back again: this yes places it
        chat.say("yes")
        placed = chat.session.state.placed
    assert len(placed) == 1 and chat.lines == []
