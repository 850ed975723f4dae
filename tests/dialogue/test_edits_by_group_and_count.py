"""Edits of a running order on a small catalog written here: a kind of goods names every line of it ("forget the
drinks"), "drop/cut/bring X to N" sets a line's count, a count after "the X" counts the line's own packs, a line
dropped for another product keeps its count ("forget the colas, make them lemonades"), a swap of some units names
the product with the noun said ("one of the sandwiches a roast turkey"), a choice "on all of them" goes on every
line, and "how much is all that" is the order's total."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "HAM-SANDWICH", "name": "ham sandwich", "category": "Sandwiches", "price": "8.00"},
        {"sku": "TURKEY-SANDWICH", "name": "roast turkey sandwich", "category": "Sandwiches", "price": "9.00"},
        {"sku": "TURKEY", "name": "roast turkey", "category": "Carvery", "price": "12.00",
         "aliases": ["turkey"]},
        {"sku": "FRIES", "name": "fries", "category": "Sides", "price": "3.00", "aliases": ["chips"]},
        {"sku": "SLAW", "name": "coleslaw", "category": "Sides", "price": "2.50", "aliases": ["slaw"]},
        {"sku": "COLA", "name": "cola", "category": "Cold Beverages", "price": "2.00", "aliases": ["colas"]},
        {"sku": "LEMONADE", "name": "lemonade", "category": "Cold Beverages", "price": "3.00",
         "aliases": ["lemonades"]},
        {"sku": "COFFEE", "name": "filter coffee", "category": "Coffee", "price": "2.50", "aliases": ["coffee"]},
        {"sku": "GUM", "name": "mint gum 10 pack", "category": "Counter", "price": "5.00",
         "aliases": ["gum", "mint gum"]},
        {"sku": "BAR", "name": "protein bar", "category": "Counter", "price": "2.75", "aliases": ["protein"]},
        {"sku": "SHAKE", "name": "milkshake", "category": "Shakes", "price": "5.00", "options": [
            {"code": "milk", "name": "milk", "default": "whole", "values": [
                {"code": "whole", "name": "whole milk"}, {"code": "oat", "name": "oat milk", "aliases": ["oat"]}]},
            {"code": "boosts", "name": "boosts", "multiple": True, "values": [
                {"code": "protein", "name": "protein", "price_delta": "1.00"},
                {"code": "malt", "name": "malt", "price_delta": "0.50"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _counts(chat: Chat) -> dict[str, int]:
    return {sku: qty for sku, qty, _ in chat.lines}


@pytest.mark.parametrize("said", ["actually forget the drinks", "remove all the drinks", "take the drinks off",
                                  "scratch the beverages please", "get rid of the drinks"])
def test_a_word_for_drinks_takes_off_every_drink_line(chat: Chat, said: str) -> None:
    chat.say("two colas and a filter coffee")
    chat.say("and a ham sandwich")
    chat.say(said)
    assert _counts(chat) == {"HAM-SANDWICH": 1}


@pytest.mark.parametrize("said", ["forget the sides", "remove all the sides", "take off the sides please"])
def test_a_category_noun_takes_off_its_lines_only(chat: Chat, said: str) -> None:
    chat.say("a ham sandwich with fries and a coleslaw")
    chat.say("and a cola")
    chat.say(said)
    assert _counts(chat) == {"HAM-SANDWICH": 1, "COLA": 1}


def test_a_kind_with_no_line_takes_nothing_off(chat: Chat) -> None:
    chat.say("a ham sandwich and a cola")
    chat.say("forget the sides")
    assert _counts(chat) == {"HAM-SANDWICH": 1, "COLA": 1}


@pytest.mark.parametrize(("said", "left"), [("ok drop the colas to two", 2), ("cut the colas down to one", 1),
                                            ("bring the colas back to 3", 3), ("reduce the colas to two", 2),
                                            ("can you take the colas down to two", 2)])
def test_a_verb_then_to_a_count_sets_the_line_count(chat: Chat, said: str, left: int) -> None:
    chat.say("four colas and a ham sandwich")
    chat.say(said)
    assert _counts(chat) == {"COLA": left, "HAM-SANDWICH": 1}


def test_a_line_dropped_without_a_count_still_goes(chat: Chat) -> None:
    chat.say("four colas and a ham sandwich")
    chat.say("drop the colas")
    assert _counts(chat) == {"HAM-SANDWICH": 1}


@pytest.mark.parametrize("said", ["hmm make the gum two", "make the gum 2", "change the gum to two"])
def test_a_count_after_the_line_counts_its_packs(chat: Chat, said: str) -> None:
    chat.say("three packs of mint gum")
    chat.say(said)
    assert _counts(chat) == {"GUM": 2}


@pytest.mark.parametrize("said", ["actually forget the colas make them lemonades",
                                  "forget the colas, lemonades instead",
                                  "scratch the colas and swap them for lemonades"])
def test_a_line_dropped_for_another_product_keeps_its_count(chat: Chat, said: str) -> None:
    chat.say("three colas and a ham sandwich")
    chat.say(said)
    assert _counts(chat) == {"LEMONADE": 3, "HAM-SANDWICH": 1}


@pytest.mark.parametrize(("said", "moved"), [("make one of the sandwiches a roast turkey", 1),
                                             ("change two of the sandwiches to roast turkey", 2),
                                             ("swap one of the ham sandwiches for a turkey", 1)])
def test_units_swapped_are_the_product_named_with_their_noun(chat: Chat, said: str, moved: int) -> None:
    chat.say("three ham sandwiches")
    chat.say(said)
    assert _counts(chat) == {"HAM-SANDWICH": 3 - moved, "TURKEY-SANDWICH": moved}


@pytest.mark.parametrize("said", ["add protein to all of them", "protein on all of them please",
                                  "put protein in both of them"])
def test_a_choice_on_all_of_them_goes_on_every_line(chat: Chat, said: str) -> None:
    chat.say("two milkshakes and one milkshake with oat milk")
    chat.say("what boosts do you have")
    chat.say(said)
    assert len(chat.lines) == 2
    assert all(opts.get("boosts") == "protein" for _, _, opts in chat.lines)
    assert "BAR" not in _counts(chat)


@pytest.mark.parametrize("said", ["how much is all that", "how much is all of it", "what does it all come to",
                                  "how much for all of that", "what's the total"])
def test_how_much_is_all_that_is_the_order_total(chat: Chat, said: str) -> None:
    chat.say("a ham sandwich")
    chat.say("and a large cola")
    reply = chat.say(said)
    assert "ten dollars" in reply.text.lower()
    assert "would you like one" not in reply.text.lower()
    assert _counts(chat) == {"HAM-SANDWICH": 1, "COLA": 1}
    chat.say("ok that's all")  # no offer of one more taken (and "ok that's all" is no yes: asked again)
    assert _counts(chat) == {"HAM-SANDWICH": 1, "COLA": 1}
    assert not chat.session.orders
