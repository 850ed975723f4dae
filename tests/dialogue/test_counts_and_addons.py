"""Two general mechanisms on a small catalog written here: a count said as a product's own choice ("a dozen
cookies" for a box of 6, 12 or 24 is one box of twelve, not twelve boxes), and an add-on that is also sold on
its own, said after "with a" ("a box with a gift note and a ribbon" is one box with both, not a box and a note)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "extras": {"code": "extras", "name": "extras", "multiple": True, "values": [
            {"code": "note", "name": "gift note", "aliases": ["note"], "price_delta": "2.00"},
            {"code": "ribbon", "name": "ribbon", "price_delta": "1.00"}]},
    },
    "products": [
        {"sku": "COOKIES", "name": "cookie box", "aliases": ["cookies", "box of cookies"], "price": "12.00",
         "options": [{"code": "count", "name": "count", "default": "12", "values": [
             {"code": "6", "name": "half dozen", "aliases": ["6 cookies", "half a dozen"], "price_delta": "-5.00"},
             {"code": "12", "name": "one dozen", "aliases": ["a dozen", "12 cookies"]},
             {"code": "24", "name": "two dozen", "aliases": ["24 cookies"], "price_delta": "10.00"}]},
             "extras"]},
        {"sku": "NOTE", "name": "gift note", "aliases": ["note", "card"], "price": "3.00"},
        {"sku": "MUG", "name": "mug", "price": "9.00"},
        {"sku": "SHEARS", "name": "shears", "aliases": ["pair of shears"], "price": "15.00"},
        {"sku": "BOOTS", "name": "rain boots", "price": "40.00", "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "9", "name": "9"}, {"code": "10", "name": "10"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "count"), [("a dozen cookies", "12"), ("two dozen cookies please", "24"),
                                             ("half a dozen cookies", "6"), ("twenty four cookies", "24")])
def test_a_count_the_product_is_sold_in_is_its_choice(chat: Chat, said: str, count: str) -> None:
    chat.say(said)
    assert chat.lines == [("COOKIES", 1, {"count": count})]


def test_a_count_that_is_no_choice_stays_a_count(chat: Chat) -> None:
    chat.say("two boxes of cookies")
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("COOKIES", 2)]
    chat.say("and three mugs")
    assert ("MUG", 3, {}) in chat.lines


@pytest.mark.parametrize("said", ["a box of cookies with a gift note and a ribbon",
                                  "a box of cookies with a ribbon and a note"])
def test_an_add_on_after_with_a_is_the_add_on(chat: Chat, said: str) -> None:
    chat.say(said)
    lines = chat.session.cart.lines
    assert [(ln.sku, ln.quantity, sorted(o.value for o in ln.options if o.group == "extras")) for ln in lines] \
        == [("COOKIES", 1, ["note", "ribbon"])]


def test_an_item_of_its_own_after_and_stays_an_item(chat: Chat) -> None:
    chat.say("a box of cookies and a gift note")
    assert sorted(sku for sku, _, _ in chat.lines) == ["COOKIES", "NOTE"]
    assert all("extras" not in opts for _, _, opts in chat.lines)


_HALVES = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "TUNA", "name": "tuna sandwich", "aliases": ["tuna"], "price": "9.00", "options": [
            {"code": "size", "name": "size", "default": "whole", "values": [
                {"code": "whole", "name": "whole"}, {"code": "half", "name": "half", "aliases": ["a half"],
                                                     "price_delta": "-4.00"}]}]},
        {"sku": "SOUP", "name": "lentil soup", "price": "5.00"},
    ],
}


@pytest.fixture
def halves(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _HALVES)


def test_half_a_product_sold_in_halves_is_its_half_size(halves: Chat) -> None:
    halves.say("a lentil soup and half a tuna sandwich")
    assert sorted(halves.lines) == [("SOUP", 1, {}), ("TUNA", 1, {"size": "half"})]


def test_half_a_product_with_no_half_size_is_still_a_fraction(halves: Chat) -> None:
    reply = halves.say("half a lentil soup")
    assert halves.lines == [] and "whole" in reply.text.lower(), reply.text


@pytest.mark.parametrize("said", ["ok one pair in size 9", "i'll take a pair in size 9", "one pair please, size 9"])
def test_a_pair_of_the_product_talked_about_is_not_another_product_named_pair_of(chat: Chat, said: str) -> None:
    chat.say("how much are the rain boots")
    chat.say(said)
    assert chat.lines == [("BOOTS", 1, {"size": "9"})], chat.replies[-1].text
