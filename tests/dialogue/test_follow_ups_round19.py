"""Follow-ups in a running order (round 19): "cancel all of that" (a verb of a cancel with "all of that") empties
the cart, where a bare "cancel that" to the order read back only keeps it unplaced; and "and make the cokes three"
is the line's new count, a join word before a correction no longer making it three more ("and three cokes" still
adds); and "make the second pizza a large" counts among the cart's pizzas (the noun after the ordinal names
several products), not among all its lines; a number inside a product's whole name ("a toothbrush two pack soft") is part of
that name, not a count of a second product, so the choice said after it is the product's. On the bundled cafe and on a catalog written here (a tea stall)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.sqlite_store import SQLiteStore
from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {"wrap_size": {"code": "size", "name": "size", "default": "regular", "values": [
        {"code": "regular", "name": "regular"}, {"code": "large", "name": "large", "price_delta": "2.00"}]}},
    "products": [
        {"sku": "CHAI", "name": "chai", "price": "4.00", "options": [
            {"code": "milk", "name": "milk", "default": "dairy", "values": [
                {"code": "dairy", "name": "dairy milk", "aliases": ["dairy"]},
                {"code": "oat", "name": "oat milk", "aliases": ["oat"]}]}]},
        {"sku": "SAMOSA", "name": "samosa", "price": "2.50"},
        {"sku": "NAPKINS-50-PACK", "name": "napkins 50 pack", "price": "3.00", "options": [
            {"code": "colour", "name": "colour", "values": [
                {"code": "white", "name": "white"}, {"code": "brown", "name": "brown"}]}]},
        {"sku": "LAMB-WRAP", "name": "lamb wrap", "price": "8.00", "options": ["wrap_size"]},
        {"sku": "VEG-WRAP", "name": "veg wrap", "price": "7.00", "options": ["wrap_size"]},
    ],
}


@pytest.fixture
def stall(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", ["hmm you know what cancel all of that", "cancel all that please"])
def test_cancel_all_of_that_empties_the_cart(chat: Chat, said: str) -> None:
    chat.say("a chai latte with almond milk and a banana bread")
    chat.say(said)
    assert chat.lines == [], chat.replies[-1].text
    assert not chat.session.orders
    chat.say("just a large london fog please")
    assert [sku for sku, _, _ in chat.lines] == ["LONDON-FOG"]


def test_forget_all_of_that_on_another_shop(stall: Chat) -> None:
    stall.say("two chais and a samosa")
    stall.say("actually forget all of that")
    assert stall.lines == [], stall.replies[-1].text
    assert not stall.session.orders


@pytest.mark.parametrize("said", ["cancel all of it", "oh just scratch it all", "forget all of it please"])
def test_all_of_it_is_all_of_that_at_the_read_back(stall: Chat, said: str) -> None:
    """"Cancel all of it" and "cancel all of that" are one rule: the whole cart goes, at the read-back as
    before it, and nothing is placed."""
    stall.say("two chais and a samosa")
    stall.say("that's all")
    stall.say(said)
    assert stall.lines == [], stall.replies[-1].text
    assert not stall.session.orders


def test_cancel_my_order_at_the_read_back_keeps_the_cart(stall: Chat) -> None:
    """Without "all" or "whole" a cancel at the read-back only leaves the order unplaced."""
    stall.say("two chais and a samosa")
    stall.say("that's all")
    stall.say("cancel my order")
    assert [sku for sku, _, _ in stall.lines] == ["CHAI", "SAMOSA"], stall.replies[-1].text
    assert not stall.session.orders


def test_a_bare_cancel_that_does_not_empty_the_cart(chat: Chat) -> None:
    chat.say("a latte and a blueberry muffin")
    chat.say("cancel that")
    assert "LATTE" in {sku for sku, _, _ in chat.lines}, chat.replies[-1].text
    assert not chat.session.orders


def test_and_make_the_line_a_count_sets_it(chat: Chat) -> None:
    chat.say("two lattes")
    chat.say("and a blueberry muffin")
    chat.say("and make the lattes three")
    assert chat.counts == {"LATTE": 3, "BLUEBERRY-MUFFIN": 1}, chat.replies[-1].text
    assert not chat.session.orders


def test_and_make_the_line_a_count_on_another_shop(stall: Chat) -> None:
    stall.say("two chais with oat milk")
    stall.say("and four samosas")
    stall.say("and make the chais three")
    assert stall.counts == {"CHAI": 3, "SAMOSA": 4}, stall.replies[-1].text


def test_and_a_count_of_the_line_still_adds(chat: Chat) -> None:
    chat.say("two lattes")
    chat.say("and three lattes")
    assert chat.counts == {"LATTE": 5}, chat.replies[-1].text


def _sizes(chat: Chat) -> dict[str, str]:
    return {sku: opts.get("size", "") for sku, _, opts in chat.lines}


def test_the_second_of_a_kind_is_counted_among_that_kind(stall: Chat) -> None:
    stall.say("a lamb wrap and a chai")
    stall.say("and a veg wrap")
    stall.say("actually make the second wrap a large")
    assert _sizes(stall) == {"LAMB-WRAP": "regular", "CHAI": "", "VEG-WRAP": "large"}, stall.replies[-1].text


def test_the_first_of_a_kind_is_not_the_first_line(stall: Chat) -> None:
    stall.say("two samosas")
    stall.say("a lamb wrap and a veg wrap")
    stall.say("make the first wrap large")
    assert _sizes(stall) == {"SAMOSA": "", "LAMB-WRAP": "large", "VEG-WRAP": "regular"}, stall.replies[-1].text


def test_the_second_one_still_counts_all_lines(stall: Chat) -> None:
    stall.say("a lamb wrap and a chai and a veg wrap")
    stall.say("make the second one oat milk")
    assert {sku: opts.get("milk", opts.get("size")) for sku, _, opts in stall.lines} == {
        "LAMB-WRAP": "regular", "CHAI": "oat", "VEG-WRAP": "regular"}, stall.replies[-1].text


def test_a_number_inside_a_name_is_no_count(shop_store: SQLiteStore) -> None:
    chat = Chat(shop_store)
    chat.say("two scented candles one lavender and one vanilla")
    chat.say("and a toothbrush two pack soft")
    assert ("TOOTHBRUSH-2-PACK", 1, {"size": "soft"}) in chat.lines, chat.replies[-1].text


def test_a_number_inside_a_name_on_another_shop(stall: Chat) -> None:
    stall.say("a napkins fifty pack brown")
    assert stall.lines == [("NAPKINS-50-PACK", 1, {"colour": "brown"})], stall.replies[-1].text


def test_a_count_before_a_name_with_a_number_still_counts(stall: Chat) -> None:
    stall.say("three napkins fifty packs white")
    assert stall.lines == [("NAPKINS-50-PACK", 3, {"colour": "white"})], stall.replies[-1].text
