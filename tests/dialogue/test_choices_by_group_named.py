"""A choice placed by the group named beside it, on a catalog written here where one value is offered by several
groups of a product: whole-pie toppings, toppings on one half, toppings on the other half (a flatbread with a
"left side" and "right side" works the same). "half mushroom half sausage" puts one on each half; "pepperoni on
half" on a half, not the whole pie; a topping said with no group words stays on the whole pie."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of


def _values(delta: str) -> list[dict[str, object]]:
    return [{"code": c, "name": c, "price_delta": delta} for c in ("mushroom", "sausage", "olive", "pepperoni", "onion")]


_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "PIE", "name": "tomato pie", "aliases": ["pie", "pies"], "price": "18.00", "options": [
            {"code": "size", "name": "size", "default": "medium", "values": [
                {"code": "medium", "name": "medium"}, {"code": "large", "name": "large", "price_delta": "4.00"}]},
            {"code": "top", "name": "toppings", "multiple": True, "aliases": ["on the whole thing", "all over"],
             "values": _values("2.00")},
            {"code": "side_one", "name": "toppings on one half", "multiple": True,
             "aliases": ["half", "on half", "one half", "first half"], "values": _values("1.00")},
            {"code": "side_two", "name": "toppings on the other half", "multiple": True,
             "aliases": ["other half", "the other half", "second half"], "values": _values("1.00")}]},
        {"sku": "FLAT", "name": "flatbread", "price": "12.00", "options": [
            {"code": "left", "name": "left side", "multiple": True, "aliases": ["left side", "left"],
             "values": _values("1.00")},
            {"code": "right", "name": "right side", "multiple": True, "aliases": ["right side", "right"],
             "values": _values("1.00")}]},
        {"sku": "SODA", "name": "cola", "price": "2.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _choices(chat: Chat, sku: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for line in chat.session.cart.lines:
        if line.sku == sku:
            for o in line.options:
                out.setdefault(o.group, set()).add(o.value)
    return out


@pytest.mark.parametrize("said", ["a large pie half mushroom half sausage", "one large pie, half mushroom and half sausage",
                                  "a large pie with mushroom on half and sausage on the other half",
                                  "can i get a large pie mushroom on one half sausage on the other half please"])
def test_each_half_gets_its_own_topping(chat: Chat, said: str) -> None:
    chat.say(said)
    got = _choices(chat, "PIE")
    halves = [got.get("side_one", set()), got.get("side_two", set())]
    assert sorted(halves, key=sorted) == [{"mushroom"}, {"sausage"}], got
    assert "top" not in got and got["size"] == {"large"}


@pytest.mark.parametrize("said", ["a pie with pepperoni on half", "a pie with pepperoni on half and a cola",
                                  "a pie half pepperoni"])
def test_a_topping_on_half_is_not_on_the_whole_pie(chat: Chat, said: str) -> None:
    chat.say(said)
    got = _choices(chat, "PIE")
    assert got.get("side_one") == {"pepperoni"} and "top" not in got, got


@pytest.mark.parametrize("said", ["a pie with pepperoni", "a pie with olives and onions", "a pie with pepperoni all over"])
def test_a_topping_with_no_group_words_stays_on_the_whole_pie(chat: Chat, said: str) -> None:
    chat.say(said)
    got = _choices(chat, "PIE")
    assert got.get("top") and "side_one" not in got and "side_two" not in got, got


def test_named_sides_of_another_product(chat: Chat) -> None:
    chat.say("a flatbread with olives on the left side and onion on the right side")
    assert _choices(chat, "FLAT") == {"left": {"olive"}, "right": {"onion"}}


def test_the_read_back_says_which_half(chat: Chat) -> None:
    reply = chat.say("a pie with olive all over, mushroom on half and sausage on the other half")
    assert "olive" in reply.text and "mushroom on one half" in reply.text and "sausage on the other half" in reply.text
    assert "olive on" not in reply.text  # the first group's values are said as they are
