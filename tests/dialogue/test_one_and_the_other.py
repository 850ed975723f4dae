"""A line of several shared into parts, each with a count and its own choices: "one with the brie and the gouda and
the other with the cheddar and the manchego" (a choice of several), "one small red and the other large navy" (two
groups), "one on brown rice and the other in a spinach wrap" (a follow-up to a line in the cart, where "brown
rice" would also name a side of rice). Answered to the question about a choice, or said of the line just ordered:
a line per part, each made only as its own part says. A catalog written here (a deli counter)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BOARD", "name": "cheese board", "price": "14.00", "stock": 20,
         "aliases": ["board", "boards", "cheese boards"], "options": [
             {"code": "cheeses", "name": "cheeses", "required": True, "multiple": True, "values": [
                 {"code": "brie", "name": "brie"}, {"code": "cheddar", "name": "aged cheddar", "aliases": ["cheddar"]},
                 {"code": "gouda", "name": "smoked gouda", "aliases": ["gouda"]},
                 {"code": "manchego", "name": "manchego"}, {"code": "feta", "name": "feta"}]}]},
        {"sku": "APRON", "name": "deli apron", "price": "18.00", "stock": 20,
         "aliases": ["apron", "aprons", "deli aprons"], "options": [
             {"code": "size", "name": "size", "required": True, "values": [
                 {"code": "s", "name": "small"}, {"code": "m", "name": "medium"}, {"code": "l", "name": "large"}]},
             {"code": "colour", "name": "colour", "default": "white", "aliases": ["color"], "values": [
                 {"code": "white", "name": "white"}, {"code": "red", "name": "red"},
                 {"code": "navy", "name": "navy", "aliases": ["navy blue"]}, {"code": "grey", "name": "grey"}]}]},
        {"sku": "BURRITO", "name": "bean burrito", "price": "9.00", "stock": 20,
         "aliases": ["burrito", "burritos", "bean burritos"], "options": [
             {"code": "rice", "name": "rice", "default": "white", "values": [
                 {"code": "white", "name": "white rice"}, {"code": "brown", "name": "brown rice"}]},
             {"code": "wrap", "name": "wrap", "default": "flour", "values": [
                 {"code": "flour", "name": "flour tortilla"},
                 {"code": "spinach", "name": "spinach wrap", "aliases": ["spinach tortilla"]}]},
             {"code": "extras", "name": "extras", "multiple": True, "values": [
                 {"code": "guac", "name": "guacamole", "aliases": ["guac"], "price_delta": "2.00"},
                 {"code": "cheese", "name": "extra cheese", "price_delta": "1.00"}]}]},
        {"sku": "SIDE-RICE", "name": "side of rice", "price": "3.00", "stock": 20,
         "aliases": ["rice", "cup of rice"], "options": [
             {"code": "rice", "name": "rice", "default": "white", "values": [
                 {"code": "white", "name": "white rice"}, {"code": "brown", "name": "brown rice"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _lines(chat: Chat) -> list[tuple[str, int, dict[str, tuple[str, ...]]]]:
    """The cart as (sku, count, {group: the values chosen, sorted}), every value of a choice of several."""
    out = []
    for ln in chat.session.cart.lines:
        groups: dict[str, list[str]] = {}
        for o in ln.options:
            groups.setdefault(o.group, []).append(o.value)
        out.append((ln.sku, ln.quantity, {g: tuple(sorted(v)) for g, v in groups.items()}))
    return sorted(out, key=repr)


@pytest.mark.parametrize("answer", [
    "one with the brie and the gouda and the other with the cheddar and the manchego",
    "one with brie and gouda and the other with cheddar and manchego",
    "one brie and gouda and one cheddar and manchego",
    "um one with brie and smoked gouda then the other one with aged cheddar and manchego",
    "one with the brie and the gouda and one with the cheddar and the manchego please",
])
def test_a_choice_of_several_shared_between_two(chat: Chat, answer: str) -> None:
    chat.say("two cheese boards please")
    assert chat.lines == []
    chat.say(answer)
    assert _lines(chat) == sorted([("BOARD", 1, {"cheeses": ("brie", "gouda")}),
                                   ("BOARD", 1, {"cheeses": ("cheddar", "manchego")})], key=repr), chat.replies[-1].text


def test_parts_of_three_with_the_rest(chat: Chat) -> None:
    chat.say("three cheese boards")
    chat.say("two with brie and feta and the other with gouda and manchego")
    assert _lines(chat) == sorted([("BOARD", 2, {"cheeses": ("brie", "feta")}),
                                   ("BOARD", 1, {"cheeses": ("gouda", "manchego")})], key=repr), chat.replies[-1].text


@pytest.mark.parametrize(("answer", "first", "second"), [
    ("one small red and the other large navy", ("s", "red"), ("l", "navy")),
    ("one small in red and the other one large in navy", ("s", "red"), ("l", "navy")),
    ("one medium grey and one large red", ("m", "grey"), ("l", "red")),
    ("one red small and the other navy blue large", ("s", "red"), ("l", "navy")),
    ("one large and the other small in grey", ("l", "white"), ("s", "grey")),
])
def test_two_groups_each_part_keeps_its_own(chat: Chat, answer: str, first: tuple[str, str],
                                             second: tuple[str, str]) -> None:
    chat.say("two aprons")
    assert chat.lines == []
    chat.say(answer)
    want = [("APRON", 1, {"size": first[0], "colour": first[1]}), ("APRON", 1, {"size": second[0], "colour": second[1]})]
    assert sorted(chat.lines, key=repr) == sorted(want, key=repr), chat.replies[-1].text


def test_parts_that_do_not_add_up_are_not_shared_on_a_guess(chat: Chat) -> None:
    chat.say("three aprons")
    chat.say("one small red and one large navy")
    assert sum(q for _, q, _ in chat.lines) != 2  # two of three said: no two lines that lose an apron


@pytest.mark.parametrize(("turn", "first", "second"), [
    ("one on brown rice and the other on a spinach wrap", {"rice": "brown", "wrap": "flour"},
     {"rice": "white", "wrap": "spinach"}),
    ("one with brown rice and one in a spinach wrap", {"rice": "brown", "wrap": "flour"},
     {"rice": "white", "wrap": "spinach"}),
    ("one on brown rice and the other on white rice in a spinach tortilla", {"rice": "brown", "wrap": "flour"},
     {"rice": "white", "wrap": "spinach"}),
    ("one with brown rice and guac and the other with extra cheese", {"rice": "brown", "wrap": "flour", "extras": "guac"},
     {"rice": "white", "wrap": "flour", "extras": "cheese"}),
])
def test_a_follow_up_shares_the_line_just_ordered(chat: Chat, turn: str, first: dict[str, str],
                                                  second: dict[str, str]) -> None:
    chat.say("two bean burritos")
    assert chat.lines == [("BURRITO", 2, {"rice": "white", "wrap": "flour"})]
    chat.say(turn)
    assert sorted(chat.lines, key=repr) == sorted([("BURRITO", 1, first), ("BURRITO", 1, second)], key=repr), \
        chat.replies[-1].text


def test_a_side_named_by_its_name_is_still_a_side(chat: Chat) -> None:
    chat.say("two bean burritos")
    chat.say("and a side of brown rice")
    assert sorted(chat.lines, key=repr) == sorted([("BURRITO", 2, {"rice": "white", "wrap": "flour"}),
                                                   ("SIDE-RICE", 1, {"rice": "brown"})], key=repr)
