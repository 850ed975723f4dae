""""Make it brown rice" to a roll in the cart is the roll's rice, not a side of rice swapped in for the roll (a
line lost): a turn that makes or changes something and says only a choice's words, which the line in focus
offers, changes that line, though a word of the choice ("rice") also names a product. A catalog written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_RICE = {"code": "rice", "name": "rice", "default": "white", "values": [
    {"code": "white", "name": "white rice"}, {"code": "brown", "name": "brown rice", "price_delta": "1.00"}]}
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BOWL", "name": "teriyaki bowl", "price": "11.00", "options": [_RICE]},
        {"sku": "SIDE", "name": "side of rice", "aliases": ["rice", "steamed rice"], "price": "3.00", "options": [_RICE]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("change", ["make it brown rice", "make that brown rice please", "can you make it brown rice"])
def test_make_it_a_choice_changes_the_line(chat: Chat, change: str) -> None:
    chat.say("a teriyaki bowl")
    chat.say(change)
    assert chat.lines == [("BOWL", 1, {"rice": "brown"})], chat.replies[-1].text


def test_make_one_of_them_a_choice_splits_the_line(chat: Chat) -> None:
    chat.say("two teriyaki bowls")
    chat.say("can you make one of them brown rice")
    assert sorted(chat.lines, key=repr) == [("BOWL", 1, {"rice": "brown"}), ("BOWL", 1, {"rice": "white"})], chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("and a side of brown rice", [("BOWL", 1, {"rice": "white"}), ("SIDE", 1, {"rice": "brown"})]),
    ("make it a side of rice", [("SIDE", 1, {"rice": "white"})]),
])
def test_the_product_named_is_still_the_product(chat: Chat, said: str, want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say("a teriyaki bowl")
    chat.say(said)
    assert sorted(chat.lines, key=repr) == want, chat.replies[-1].text
