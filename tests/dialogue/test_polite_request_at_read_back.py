"""A request said politely to the read-back ("one large pie with pepperoni please") is a request, not a yes.

Round 17 made a yes said with the order over again but otherwise ("yes two regular lattes") change nothing and ask
again (dialogue/said_back.py). "please" is an [affirm] phrase, so "one large pie with pepperoni please" read as a yes
with the pie said back otherwise, and the pie stayed medium. A reply whose only yeses are a request's courtesy
(confirm.toml [request] ``polite``) asks for the change, as it did before round 17; with a real yes it is asked again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dialogue.confirm import phrases
from dialogue.normalize import tokens
from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "PIE", "name": "cheese pie", "aliases": ["pie", "pizza"], "price": "20.00", "options": [
            {"code": "size", "name": "size", "default": "medium", "values": [
                {"code": "medium", "name": "medium"}, {"code": "large", "name": "large", "price_delta": "4.00"}]},
            {"code": "topping", "name": "topping", "multiple": True, "values": [
                {"code": "pepperoni", "name": "pepperoni"}, {"code": "mushroom", "name": "mushroom",
                                                              "aliases": ["mushrooms"]}]}]},
        {"sku": "BOOT", "name": "hiking boot", "aliases": ["boots", "boot"], "price": "90.00", "options": [
            {"code": "size", "name": "size", "default": "9", "values": [
                {"code": "9", "name": "size 9"}, {"code": "10", "name": "size 10"}]},
            {"code": "colour", "name": "colour", "default": "brown", "values": [
                {"code": "brown", "name": "brown"}, {"code": "black", "name": "black"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _read_back(chat: Chat) -> None:
    r = chat.say("can i place an order for a pie")
    assert "place the order" in r.text, r.text
    assert chat.lines == [("PIE", 1, {"size": "medium"})]


@pytest.mark.parametrize("said", [
    "one large pie with pepperoni please",
    "a large pie with pepperoni please",
    "large pie with pepperoni please",
    "one large pie with pepperoni if you would be so kind",
    "one large pie with pepperoni if you please",
    "one large pie with pepperoni pls",
])
def test_a_polite_request_to_the_read_back_changes_the_item(chat: Chat, said: str) -> None:
    _read_back(chat)
    r = chat.say(said)
    assert not r.order_number
    assert chat.lines == [("PIE", 1, {"size": "large", "topping": "pepperoni"})]
    assert "place the order" in r.text  # read back again, nothing placed


@pytest.mark.parametrize("said", [
    "yes one large pie with pepperoni please",
    "yes please one large pie with pepperoni",
    "one large pie with pepperoni please yes",
    "that's right one large pie with pepperoni please",
])
def test_a_real_yes_with_the_order_said_otherwise_is_still_asked_again(chat: Chat, said: str) -> None:
    _read_back(chat)
    r = chat.say(said)
    assert not r.order_number
    assert chat.lines == [("PIE", 1, {"size": "medium"})]  # nothing changed: the question again
    assert "yes or a no" in r.text


def test_a_polite_request_then_a_yes_places_the_changed_order(chat: Chat) -> None:
    _read_back(chat)
    chat.say("one large pie with mushrooms please")
    r = chat.say("yes")
    assert r.order_number


@pytest.mark.parametrize("polite", ["please", "if you would be so kind"])
def test_any_product_a_polite_request_is_the_same_request(tmp_path: Path, polite: str) -> None:
    carts = []
    for n, said in enumerate(["a black boot in size 10", f"a black boot in size 10 {polite}"]):
        (tmp_path / str(n)).mkdir()
        gen = chat_of(tmp_path / str(n), _SHOP)
        chat = next(gen)
        chat.say("i want to order a boot")
        assert "place the order" in chat.say("that's all").text
        r = chat.say(said)
        assert not r.order_number
        carts.append(chat.lines)
        gen.close()
    assert carts[0] == carts[1]  # the courtesy changes nothing of what is asked
    assert ("BOOT", 1, {"size": "10", "colour": "black"}) in carts[1]


@pytest.mark.parametrize(("said", "polite"), [
    ("one large pie please", True), ("a pie if you please", True), ("please", True),
    ("yes please a pie", False), ("yes a pie please", False), ("a pie", False), ("sure a pie please", False),
])
def test_only_polite(said: str, polite: bool) -> None:
    assert phrases().only_polite(tokens(said)) is polite
