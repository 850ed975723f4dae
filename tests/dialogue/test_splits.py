"""One sentence that splits a count or spreads a choice over several lines: "ten dumplings half pork half chicken"
(two lines of half the count), "four pork dumplings two chicken and two veg" (three lines: the parts name other
fillings than the whole, so they are no share of it), "two scarves one long and one short" (a common word after a
part's count is the choice of the product said before it), "venetian blinds a 24 inch and a 36 inch" (an
uncounted plural shared out by its parts, each keeping the choice said before the noun), "a cashmere scarf and
two wool ones" (more of the product made otherwise, not the item's count again). A catalog written here (a shop
of a few things), not the corpus shops."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "DUMPLING", "name": "dumpling", "price": "1.50", "stock": 200, "aliases": ["dumplings"], "options": [
            {"code": "filling", "name": "filling", "default": "pork", "values": [
                {"code": "pork", "name": "pork"}, {"code": "chicken", "name": "chicken"},
                {"code": "veg", "name": "vegetable", "aliases": ["veg", "veggie"]}]}]},
        {"sku": "SCARF", "name": "scarf", "price": "20.00", "stock": 50, "aliases": ["scarves", "scarfs"], "options": [
            {"code": "length", "name": "length", "default": "regular", "values": [
                {"code": "regular", "name": "regular length", "aliases": ["short", "standard length"]},
                {"code": "long", "name": "long", "aliases": ["extra long"], "price_delta": "5.00"}]},
            {"code": "knit", "name": "knit", "default": "wool", "values": [
                {"code": "wool", "name": "wool"}, {"code": "cashmere", "name": "cashmere", "price_delta": "30.00"}]},
            {"code": "fringe", "name": "fringe", "default": "fringed", "values": [
                {"code": "fringed", "name": "fringed"},
                {"code": "none", "name": "no fringe", "aliases": ["plain", "without fringe"]}]}]},
        {"sku": "PLAIN-BAG", "name": "plain gift bag", "price": "1.00", "stock": 50, "aliases": ["plain bag", "plain bags"]},
        {"sku": "BLIND", "name": "window blind", "price": "30.00", "stock": 50, "aliases": ["window blinds", "blind",
                                                                                        "blinds"], "options": [
            {"code": "style", "name": "style", "default": "roller", "values": [
                {"code": "roller", "name": "roller"}, {"code": "venetian", "name": "venetian"}]},
            {"code": "width", "name": "width", "required": True, "default": None, "values": [
                {"code": "24in", "name": "24 inch", "aliases": ["24 inches", "twenty four inch"]},
                {"code": "36in", "name": "36 inch", "aliases": ["36 inches", "thirty six inch"]}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _lines(chat: Chat) -> list[tuple[str, int, dict[str, str]]]:
    return sorted(chat.lines, key=str)


def _made(chat: Chat, sku: str, group: str) -> list[tuple[int, str]]:
    return sorted((q, opts.get(group, "")) for s, q, opts in chat.lines if s == sku)


# --- halves: an even count shared by two values said with "half" --------------------------------------------------

@pytest.mark.parametrize("said", [
    "ten dumplings half pork half chicken",
    "ten dumplings half pork and half chicken",
    "uh ten dumplings half chicken half pork please",
])
def test_even_count_in_halves(chat: Chat, said: str) -> None:
    chat.say(said)
    assert _made(chat, "DUMPLING", "filling") == [(5, "chicken"), (5, "pork")]


def test_odd_count_is_not_halved(chat: Chat) -> None:
    chat.say("three dumplings half pork half chicken")
    assert all(q != 1 or len(chat.lines) != 2 for _, q, _o in chat.lines)  # no 1 + 1: half of three is no count
    assert sum(q for _, q, _o in chat.lines) in (3, 0)


# --- counted parts naming other values than the whole: more lines, no share-out ----------------------------------

def test_parts_with_other_values_are_more_lines(chat: Chat) -> None:
    chat.say("uh can i get four pork dumplings two chicken and two veg")
    assert _made(chat, "DUMPLING", "filling") == [(2, "chicken"), (2, "veg"), (4, "pork")]


def test_parts_of_an_unmade_count_share_it(chat: Chat) -> None:
    chat.say("four dumplings two chicken and two veg")
    assert _made(chat, "DUMPLING", "filling") == [(2, "chicken"), (2, "veg")]


# --- a common word after a part's count: that choice of the product said before ----------------------------------

def test_common_word_of_a_part(chat: Chat) -> None:
    chat.say("two scarves one long and one short")
    assert _made(chat, "SCARF", "length") == [(1, "long"), (1, "regular")]


def test_alias_of_a_part_over_another_products_name(chat: Chat) -> None:
    chat.say("two cashmere scarves one long and one plain")
    assert "PLAIN-BAG" not in {s for s, _, _o in chat.lines}
    assert sorted((q, o["knit"], o["length"], o["fringe"]) for s, q, o in chat.lines if s == "SCARF") == [
        (1, "cashmere", "long", "fringed"), (1, "cashmere", "regular", "none")]


def test_one_more_thing_is_no_part(chat: Chat) -> None:
    chat.say("two scarves and one plain")  # no parts of the two: one more thing, not a part said plain
    assert ("SCARF", 2) in {(s, q) for s, q, _o in chat.lines}
    assert not any(s == "SCARF" and q == 1 for s, q, _o in chat.lines)


# --- an uncounted plural shared out by parts said with articles ---------------------------------------------------

def test_plural_shared_by_articles(chat: Chat) -> None:
    chat.say("i need venetian blinds a 24 inch and a 36 inch")
    assert _lines(chat) == [("BLIND", 1, {"style": "venetian", "width": "24in"}),
                            ("BLIND", 1, {"style": "venetian", "width": "36in"})]


def test_plural_with_one_part_is_one_line(chat: Chat) -> None:
    chat.say("i need venetian blinds a 24 inch one")
    assert _lines(chat) == [("BLIND", 1, {"style": "venetian", "width": "24in"})]


# --- "a X and two <choice> ones": more of the product made otherwise ----------------------------------------------

def test_an_item_and_more_ones(chat: Chat) -> None:
    chat.say("a cashmere scarf for my mom and two wool ones for my sisters")
    assert _made(chat, "SCARF", "knit") == [(1, "cashmere"), (2, "wool")]


def test_an_item_and_just_one(chat: Chat) -> None:
    chat.say("a cashmere scarf just one")
    assert _made(chat, "SCARF", "knit") == [(1, "cashmere")]
