"""The order said back with a yes at the read-back (dialogue/echo.py): it places only when what is said back — the
products and their counts and choices, the total, the number of things — is what the cart read back has."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from dialogue.confirm import decide

CAFE = ("two lattes and a blueberry muffin", "that's all")  # two medium lattes, a muffin: thirteen eighty, three things
PIZZERIA = ("a large pepperoni pizza and two cokes", "that's all")  # twenty one eleven, three things


def _reply(shop: Callable[[str], Any], catalog: str, order: tuple[str, ...], reply: str) -> tuple[Any, Any, list[Any]]:
    chat = shop(catalog)
    for turn in order:
        chat.say(turn)
    before = list(chat.lines)
    return chat.say(reply), chat, before


@pytest.mark.parametrize(("catalog", "order", "reply"), [
    ("cafe", CAFE, "yes two lattes and a muffin"),
    ("cafe", CAFE, "two lattes one blueberry muffin correct"),
    ("cafe", CAFE, "the lattes and the muffin yes go ahead"),
    ("cafe", CAFE, "yes both lattes and the muffin"),
    ("cafe", CAFE, "yep two lattes and a muffin that's right"),
    ("cafe", CAFE, "yes the medium lattes and the muffin"),
    ("cafe", CAFE, "yes thirteen eighty is fine"),
    ("cafe", CAFE, "yes 13.80 is fine"),
    ("cafe", CAFE, "thirteen eighty yep go ahead"),
    ("cafe", CAFE, "yes three items"),
    ("cafe", CAFE, "yes all three"),
    ("cafe", CAFE, "yes the three things"),
    ("pizzeria", PIZZERIA, "yes a large pepperoni pizza and two cokes"),
    ("pizzeria", PIZZERIA, "yes the pizza and the cokes"),  # a word of the name: the one pizza of the cart
    ("pizzeria", PIZZERIA, "yes both cokes and the pizza"),
    ("pizzeria", PIZZERIA, "yes twenty one eleven is fine"),
    ("pizzeria", PIZZERIA, "yes three items"),
])
def test_an_echo_that_matches_the_cart_places(catalog: str, order: tuple[str, ...], reply: str, shop: Any) -> None:
    assert not decide(reply).places and decide(reply).echo  # decide() cannot see the cart: only the session places
    r, chat, before = _reply(shop, catalog, order, reply)
    assert r.order_number, r.text
    assert chat.session.orders and [(ln.sku, ln.quantity) for ln in chat.session.orders[-1].lines] == \
        [(sku, qty) for sku, qty, _ in before]


@pytest.mark.parametrize(("catalog", "order", "reply"), [
    # another count
    ("cafe", CAFE, "yes three lattes and a muffin"),
    ("cafe", CAFE, "yes two lattes and two muffins"),
    ("cafe", CAFE, "yes a latte and a muffin"),
    ("cafe", CAFE, "yes both muffins"),
    ("cafe", CAFE, "yep the latte and the muffin"),  # one latte, said in the singular, of two
    ("pizzeria", PIZZERIA, "yes two pepperoni pizzas and two cokes"),
    ("pizzeria", PIZZERIA, "yes a large pepperoni pizza and three cokes"),
    # a product not in the cart
    ("cafe", CAFE, "yes and a croissant"),
    ("cafe", CAFE, "yes two mochas and a muffin"),
    ("pizzeria", PIZZERIA, "yes a large cheese pizza and two cokes"),
    ("pizzeria", PIZZERIA, "yes the pizza and the cokes and garlic bread"),
    # a choice the line does not have
    ("cafe", CAFE, "yes the large lattes and the muffin"),
    ("cafe", CAFE, "yes two iced lattes and a muffin"),
    ("cafe", CAFE, "yes two lattes and a warm muffin"),
    ("pizzeria", PIZZERIA, "yes a small pepperoni pizza and two cokes"),
    # another amount
    ("cafe", CAFE, "yes thirteen fifty"),
    ("cafe", CAFE, "yes fourteen eighty"),
    ("cafe", CAFE, "yes 13.50 is fine"),
    ("pizzeria", PIZZERIA, "yes twenty two eleven"),
    # the total alone after a bare yes reads as a check (round 10b labels "yes thirteen eighty" hold)
    ("cafe", CAFE, "yes thirteen eighty"),
    ("pizzeria", PIZZERIA, "yes twenty one eleven"),
    # another number of things
    ("cafe", CAFE, "yes four items"),
    ("cafe", CAFE, "yes all four"),
    ("pizzeria", PIZZERIA, "yes four items"),
    # some lines said as the whole order, more of them, a bare number
    ("cafe", CAFE, "yes just the lattes"),
    ("cafe", CAFE, "yes the lattes"),  # some lines only: held, as the rounds before label it
    ("cafe", CAFE, "yes two more lattes"),
    ("cafe", CAFE, "yes three"),
    ("pizzeria", PIZZERIA, "yes just the pizza"),
])
def test_an_echo_that_does_not_match_never_places(catalog: str, order: tuple[str, ...], reply: str, shop: Any) -> None:
    assert not decide(reply).places
    r, chat, _ = _reply(shop, catalog, order, reply)
    assert not r.order_number and not chat.session.orders, r.text


def test_a_mismatch_is_read_as_the_change_it_is(shop: Any) -> None:
    r, chat, _ = _reply(shop, "cafe", CAFE, "yes three lattes and a muffin")
    assert not r.order_number and "place the order" in r.text  # an addition, as today: read back, and asked again
    r, chat, before = _reply(shop, "cafe", CAFE, "yes thirteen fifty")
    assert not r.order_number and chat.lines == before


def test_an_echo_of_an_order_changed_since_checks_the_cart_now(shop: Any) -> None:
    chat = shop("cafe")
    for turn in (*CAFE, "and a scone"):
        chat.say(turn)  # the read-back now says four things
    assert not chat.say("yes three items").order_number
    assert chat.say("yes four items").order_number
