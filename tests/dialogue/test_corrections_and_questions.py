"""Questions with an order in one turn, and corrections that change a line rather than add one, on a small
catalog written here: "how much are the knots i'll take the twelve piece" orders (no "and" needed); "two lamb
chops instead" swaps the line in focus; "no I said a large tea" changes the tea line; after an item that could
not be added, "never mind, a cookie then" adds and keeps the line before; "how much do you charge for a case"
asks a price ("charge" is no charger)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "KNOTS", "name": "garlic knots", "price": "5.00", "options": [
            {"code": "count", "name": "count", "default": "6", "values": [
                {"code": "6", "name": "6 piece", "aliases": ["six piece"]},
                {"code": "12", "name": "12 piece", "aliases": ["twelve piece"], "price_delta": "4.00"}]}]},
        {"sku": "TEA", "name": "tea", "aliases": ["teas"], "price": "3.00", "options": [
            {"code": "size", "name": "size", "default": "medium", "values": [
                {"code": "small", "name": "small", "price_delta": "-0.50"},
                {"code": "medium", "name": "medium"},
                {"code": "large", "name": "large", "price_delta": "0.75"}]}]},
        {"sku": "COOKIE", "name": "cookie", "price": "2.00"},
        {"sku": "MUFFIN", "name": "muffin", "price": "3.25"},
        {"sku": "BROWNIE", "name": "brownie", "price": "3.50", "stock": 0},
        {"sku": "PORK-CHOP", "name": "pork chop", "aliases": ["pork chops"], "price": "4.50"},
        {"sku": "LAMB-CHOP", "name": "lamb chop", "aliases": ["lamb chops"], "price": "7.00"},
        {"sku": "CHARGER", "name": "wall charger", "aliases": ["charger", "chargers"], "price": "20.00"},
        {"sku": "CASE", "name": "phone case", "aliases": ["case"], "price": "25.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "line"), [
    ("how much are the garlic knots i'll take the twelve piece", ("KNOTS", 1, {"count": "12"})),
    ("how much are the garlic knots i'll take two", ("KNOTS", 2, {"count": "6"})),
    ("what's a muffin cost, give me three", ("MUFFIN", 3, {})),
    ("how much is a large tea i'd like two", ("TEA", 2, {"size": "large"})),
    ("do you have lamb chops i'll have four", ("LAMB-CHOP", 4, {})),
    ("what does a cookie cost let me get two", ("COOKIE", 2, {})),
])
def test_a_question_then_an_order_without_and_orders(chat: Chat, said: str, line: tuple[str, int, dict[str, str]]) -> None:
    chat.say(said)
    assert chat.lines == [line]


@pytest.mark.parametrize("said", ["how much would it be if i'll take two teas", "how much is a tea",
                                  "do you have lamb chops"])
def test_a_question_alone_adds_nothing(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == []


@pytest.mark.parametrize("said", ["actually give me two lamb chops instead", "no, two lamb chops instead",
                                  "two lamb chops instead please", "actually i'll have two lamb chops instead"])
def test_a_counted_product_instead_swaps_the_line(chat: Chat, said: str) -> None:
    chat.say("a cookie")
    chat.say("two pork chops")
    chat.say(said)
    assert chat.counts == {"COOKIE": 1, "LAMB-CHOP": 2}


def test_a_counted_product_with_also_is_more(chat: Chat) -> None:
    chat.say("two pork chops")
    chat.say("and also two lamb chops")
    assert chat.counts == {"PORK-CHOP": 2, "LAMB-CHOP": 2}


@pytest.mark.parametrize("said", ["no i said a large tea", "i said a large tea", "no no, i meant a large tea",
                                  "what i asked for was a large tea"])
def test_a_product_said_again_righted_changes_its_line(chat: Chat, said: str) -> None:
    chat.say("a tea and a cookie")
    chat.say("that's all")
    chat.say(said)
    assert sorted(chat.lines) == [("COOKIE", 1, {}), ("TEA", 1, {"size": "large"})]


@pytest.mark.parametrize(("said", "count"), [("I said TWO teas", 2), ("no, i said three teas", 3),
                                             ("i meant two teas", 2)])
def test_a_count_said_again_righted_recounts_the_line(chat: Chat, said: str, count: int) -> None:
    chat.say("a tea and a cookie")
    chat.say(said)
    assert chat.counts == {"TEA": count, "COOKIE": 1}


@pytest.mark.parametrize("said", ["never mind then a cookie", "forget that, a cookie then", "no, a cookie instead",
                                  "ok then a cookie instead", "never mind, i'll have a cookie then"])
def test_after_a_sold_out_item_the_other_one_is_added(chat: Chat, said: str) -> None:
    chat.say("a muffin")
    chat.say("and a brownie")
    assert chat.counts == {"MUFFIN": 1}
    chat.say(said)
    assert chat.counts == {"MUFFIN": 1, "COOKIE": 1}


@pytest.mark.parametrize("said", ["how much do you charge for a phone case", "what would you charge for a case",
                                  "what do you charge for the phone case"])
def test_charge_in_a_price_question_is_no_charger(chat: Chat, said: str) -> None:
    reply = chat.say(said)
    assert "charger" not in reply.text.lower()
    assert "twenty five" in reply.text.lower()
    assert chat.lines == []
