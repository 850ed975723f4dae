"""A thing the shop does not sell, said again by "one": "do you have lipstick, i'll take a red one" names no product
of the shop that comes in red. Nothing is added for it, and the shopper hears that it is not sold; a product of the
shop said in the same turn is still added. The same holds when the unsold thing was asked for in the turn before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.dialogue.conftest import Chat


@pytest.mark.parametrize(("catalog", "said", "want"), [
    ("beautysupply", "do you guys have lipstick i'll take a red one and also the cherry red nail polish",
     {"NAIL-POLISH": 1}),
    ("beautysupply", "do you have any lipstick i want a pink one", {}),
    ("beautysupply", "do you sell scrunchies i want one of those in pink", {}),
    ("beautysupply", "do you carry eyeliner i'll take a black one please", {}),
    ("ramenshop", "do you have udon i'll get a spicy one and a gyudon", {"GYUDON": 1}),
])
def test_a_one_of_an_unsold_thing_adds_nothing(shop: Callable[[str], Chat], catalog: str, said: str,
                                               want: dict[str, int]) -> None:
    chat = shop(catalog)
    reply = chat.say(said)
    assert chat.counts == want
    assert "couldn't find" in reply.text


def test_the_unsold_thing_is_named_back_beside_what_is_added(shop: Callable[[str], Chat]) -> None:
    chat = shop("beautysupply")
    reply = chat.say("do you guys have lipstick i'll take a red one and also the cherry red nail polish")
    assert "lipstick" in reply.text
    assert [(sku, opts["colour"]) for sku, _, opts in chat.lines] == [("NAIL-POLISH", "cherry")]


@pytest.mark.parametrize("then", ["ok i'll take a red one", "the pink one please", "one of those in red"])
def test_a_one_after_asking_for_an_unsold_thing(shop: Callable[[str], Chat], then: str) -> None:
    chat = shop("beautysupply")
    chat.say("do you have lipstick")
    chat.say(then)
    assert chat.counts == {}


def test_a_product_named_after_the_unsold_thing_is_still_added(shop: Callable[[str], Chat]) -> None:
    chat = shop("beautysupply")
    chat.say("do you have lipstick")
    chat.say("ok then the cherry red nail polish")
    assert [(sku, opts["colour"]) for sku, _, opts in chat.lines] == [("NAIL-POLISH", "cherry")]


def test_a_one_of_a_sold_product_still_adds(shop: Callable[[str], Chat]) -> None:
    chat = shop("beautysupply")
    chat.say("do you have semi permanent dye i'll take a red one")
    assert [(sku, opts["colour"]) for sku, _, opts in chat.lines] == [("SEMI-COLOR", "red")]
