"""Counts said in answer to an offer: "only three left, would you like three?" - "yes" / "ok three then" takes
three (not one), "ok six of the beef" after a price question takes six of that flavour, and "a pair of pink
collars" is two collars (a product sold one by one, though an alias names it in the plural); "a pair of boots"
stays one pair. A catalog written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BED", "name": "dog bed", "price": "50.00", "stock": 3, "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "m", "name": "medium"}, {"code": "l", "name": "large"}]}]},
        {"sku": "CANS", "name": "canned cat food", "price": "2.00", "stock": 99, "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "beef", "name": "beef"}, {"code": "tuna", "name": "tuna"}]}]},
        {"sku": "COLLAR", "name": "cat collar", "aliases": ["cat collars", "collars"], "price": "8.00", "options": [
            {"code": "colour", "name": "colour", "values": [{"code": "pink", "name": "pink"},
                                                           {"code": "blue", "name": "blue"}]}]},
        {"sku": "BOOTS", "name": "rain boots", "price": "30.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("answer", "qty"), [("yes", 3), ("yes please", 3), ("ok three then", 3),
                                             ("ok two then", 2), ("sure, I'll take the three", 3)])
def test_the_count_offered_after_a_stock_refusal(chat: Chat, answer: str, qty: int) -> None:
    chat.say("five dog beds")
    r = chat.say("large")  # the size asked first, then the stock
    assert "only three" in r.text and chat.lines == [], r.text
    chat.say(answer)
    assert chat.lines == [("BED", qty, {"size": "l"})], chat.replies[-1].text


@pytest.mark.parametrize(("answer", "want"), [("ok six of the beef", ("CANS", 6, {"flavour": "beef"})),
                                              ("two tuna please", ("CANS", 2, {"flavour": "tuna"})),
                                              ("ok the tuna", ("CANS", 1, {"flavour": "tuna"}))])
def test_a_count_of_a_choice_after_a_price_question(chat: Chat, answer: str,
                                                    want: tuple[str, int, dict[str, str]]) -> None:
    chat.say("how much is the canned cat food")
    chat.say(answer)
    assert chat.lines == [want], chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [("a pair of pink cat collars", ("COLLAR", 2, {"colour": "pink"})),
                                            ("a pair of rain boots", ("BOOTS", 1, {}))])
def test_a_pair(chat: Chat, said: str, want: tuple[str, int, dict[str, str]]) -> None:
    chat.say(said)
    assert chat.lines == [want], chat.replies[-1].text
