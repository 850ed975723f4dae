"""Session 20 test repairs (fu-tests2).

A real yes at the read-back ("yes", "that's right") said with the line just ordered named again otherwise ("yes one
large pie with pepperoni please", "yes one flat fix with a new tube please") changes nothing and asks again (trust
first); an acknowledgement only ("ok one flat fix with a new tube") still makes that line so (fx-mtold). A word of a
choice said ("a new tube") asks for no more of the product.

A count said again of a line named by a choice it holds (dialogue/recount_by_choice.py) is that line's own count,
not the product's in all ("only two of the iced ones" to three iced lattes and a hot one); a count the line has
already ("just one of the ube ones" to one ube and one black sesame) keeps that line alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

Shop = Callable[[str], Chat]

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "PIE", "name": "cheese pie", "aliases": ["pie", "pizza"], "price": "20.00", "options": [
            {"code": "size", "name": "size", "default": "medium", "values": [
                {"code": "medium", "name": "medium"}, {"code": "large", "name": "large", "price_delta": "4.00"}]},
            {"code": "topping", "name": "topping", "multiple": True, "values": [
                {"code": "pepperoni", "name": "pepperoni"}, {"code": "mushroom", "name": "mushroom",
                                                              "aliases": ["mushrooms"]}]}]},
    ],
}


@pytest.fixture
def pie(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _read_back(chat: Chat) -> None:
    assert "place the order" in chat.say("can i place an order for a pie").text
    assert chat.lines == [("PIE", 1, {"size": "medium"})]


# --- a real yes with the line said otherwise at the read-back: asked again ------------------------------------------

@pytest.mark.parametrize("said", [
    "yes one large pie with mushrooms",
    "yeah one large pie with pepperoni",
    "yes a large pie with mushrooms please",
    "correct one large pie with pepperoni",
])
def test_a_real_yes_with_the_pie_said_otherwise_changes_nothing(pie: Chat, said: str) -> None:
    _read_back(pie)
    r = pie.say(said)
    assert not r.order_number
    assert pie.lines == [("PIE", 1, {"size": "medium"})]
    assert "yes or a no" in r.text


@pytest.mark.parametrize("said", [
    "yes one flat fix with a new tube please",
    "yeah one flat fix with a new tube",
    "that's right one flat fix with a new tube",
    "yes one flat fix with a new tube",
])
def test_a_real_yes_naming_the_repair_again_otherwise_adds_nothing(shop: Shop, said: str) -> None:
    chat = shop("bikeshop")
    chat.say("hi i got a flat can you fix it today")
    r = chat.say(said)
    assert not r.order_number
    assert chat.counts == {"FLAT-FIX": 1}  # "new" of "a new tube" is the choice's word, no second repair
    assert chat.lines[0][2]["tube"] == "patch"


@pytest.mark.parametrize("said", ["ok one flat fix with a new tube", "alright one flat fix with a new tube please"])
def test_an_acknowledgement_naming_the_repair_again_makes_it_so(shop: Shop, said: str) -> None:
    chat = shop("bikeshop")
    chat.say("hi i got a flat can you fix it today")
    r = chat.say(said)
    assert not r.order_number
    assert chat.counts == {"FLAT-FIX": 1}
    assert chat.lines[0][2]["tube"] == "new_tube"


# --- a count said again of a line named by its choice: that line's own count ----------------------------------------

@pytest.mark.parametrize("said", [
    "only two of the iced ones", "i meant two of the iced ones", "just two of the iced", "i meant one of the iced ones",
])
def test_a_recount_of_the_iced_line_keeps_the_hot_one(chat: Chat, said: str) -> None:
    chat.say("three iced lattes and one hot latte")
    chat.say(said)
    want = 1 if " one " in f" {said} " else 2
    assert sorted((sku, q, o.get("temperature")) for sku, q, o in chat.lines) == [
        ("LATTE", 1, "hot"), ("LATTE", want, "iced")], chat.lines


def test_a_recount_of_the_large_line_keeps_the_small_one(shop: Shop) -> None:
    c = shop("cafe")
    c.say("three large lattes and a small latte")
    c.say("only two of the large ones")
    assert sorted((q, d["size"]) for _, q, d in c.lines) == [(1, "small"), (2, "large")]


@pytest.mark.parametrize("said,kept", [
    ("just one of the ube ones", "ube"),
    ("only one of the black sesame ones", "black_sesame"),
    ("just one of the ube", "ube"),
])
def test_the_lines_own_count_keeps_it_alone(shop: Shop, said: str, kept: str) -> None:
    boba = shop("bobashop")
    boba.say("two mochi donuts one ube one black sesame")
    boba.say(said)
    assert [(sku, q, o.get("flavour")) for sku, q, o in boba.lines] == [("MOCHI-DONUT", 1, kept)], boba.lines


def test_one_order_of_the_twelve_still_recounts(shop: Shop) -> None:
    c = shop("ramenshop")
    c.say("two gyoza and a karaage")
    c.say("twelve pieces")
    c.say("i meant one order of the twelve")
    assert c.counts == {"GYOZA": 1, "KARAAGE": 1}
