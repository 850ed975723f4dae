"""A cart line named by one of its choices ("make the purple one pink"), by a word of its product's name ("make
the duck one large" with a duck ramen and a tofu ramen) or by a choice said right after "make the" with a change
after it ("make the fox big"): that line changes, never the line in focus that does not have that choice or
name; "the ham one on a seeded roll": the roll is the ham sandwich's bread, no new item; "the second bunch red" with two
bunches on one line: one of them, even though "bunch" alone may be the roses too. A catalog written here (a gift stall; "duck" and "tofu" are also choices of the wrap, "orange" a colour of
the cap as well as of the badge, the cap has no green)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZES = {"code": "size", "name": "size", "default": "s", "values": [
    {"code": "s", "name": "small"}, {"code": "l", "name": "large", "price_delta": "2.00"}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {},
    "products": [
        {"sku": "BADGE", "name": "pin badge", "price": "3.00", "stock": 20, "options": [
            {"code": "colour", "name": "colour", "required": True, "values": [
                {"code": "green", "name": "green"}, {"code": "blue", "name": "blue"},
                {"code": "orange", "name": "orange"}]}]},
        {"sku": "CAP", "name": "cap", "price": "12.00", "stock": 20, "options": [
            {"code": "colour", "name": "colour", "required": True, "values": [
                {"code": "black", "name": "black"}, {"code": "orange", "name": "orange"}]}]},
        {"sku": "TEDDY", "name": "soft toy", "price": "10.00", "stock": 20, "options": [
            {"code": "animal", "name": "animal", "required": True, "values": [
                {"code": "fox", "name": "fox"}, {"code": "owl", "name": "owl"}]},
            {"code": "size", "name": "size", "default": "small", "values": [
                {"code": "small", "name": "small"}, {"code": "big", "name": "big", "price_delta": "8.00"}]}]},
        {"sku": "DUCK-RAMEN", "name": "duck ramen", "price": "14.00", "stock": 20, "options": [_SIZES]},
        {"sku": "TOFU-RAMEN", "name": "tofu ramen", "price": "12.00", "stock": 20, "options": [_SIZES]},
        {"sku": "WRAP", "name": "wrap", "price": "9.00", "stock": 20, "options": [
            {"code": "filling", "name": "filling", "required": True, "values": [
                {"code": "roast_duck", "name": "roast duck", "aliases": ["duck"]},
                {"code": "smoked_tofu", "name": "smoked tofu", "aliases": ["tofu"]}]}]},
        {"sku": "SANDWICH", "name": "sandwich", "price": "7.00", "stock": 20, "aliases": ["roll", "sub"], "options": [
            {"code": "filling", "name": "filling", "required": True, "values": [
                {"code": "ham", "name": "ham"}, {"code": "egg", "name": "egg"}]},
            {"code": "bread", "name": "bread", "default": "white", "values": [
                {"code": "white", "name": "white roll", "aliases": ["white"]},
                {"code": "seeded", "name": "seeded roll", "aliases": ["seeded"]}]}]},
        {"sku": "TULIPS", "name": "tulip bunch", "price": "20.00", "stock": 20, "options": [
            {"code": "colour", "name": "colour", "required": True, "values": [
                {"code": "yellow", "name": "yellow"}, {"code": "red", "name": "red"}]}]},
        {"sku": "ROSES", "name": "rose bunch", "price": "30.00", "stock": 20, "options": [
            {"code": "colour", "name": "colour", "required": True, "values": [
                {"code": "white", "name": "white"}, {"code": "red", "name": "red"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _badges_and_cap(chat: Chat) -> None:
    chat.say("a green pin badge and a blue pin badge")
    chat.say("and a black cap")  # the cap is in focus: it has no green
    assert chat.lines == [("BADGE", 1, {"colour": "green"}), ("BADGE", 1, {"colour": "blue"}),
                          ("CAP", 1, {"colour": "black"})]


@pytest.mark.parametrize("turn", [
    "actually make the green one orange",
    "make the green one orange please",
    "can you make the green one orange",
    "um make the green one orange",
])
def test_a_line_named_by_its_choice_changes_not_the_line_in_focus(chat: Chat, turn: str) -> None:
    _badges_and_cap(chat)
    chat.say(turn)
    assert chat.lines == [("BADGE", 1, {"colour": "orange"}), ("BADGE", 1, {"colour": "blue"}),
                          ("CAP", 1, {"colour": "black"})], chat.replies[-1].text


@pytest.mark.parametrize("turn", ["make the green ones three", "actually make the green ones three"])
def test_a_count_for_the_lines_named_by_their_choice(chat: Chat, turn: str) -> None:
    _badges_and_cap(chat)
    chat.say(turn)
    assert chat.lines == [("BADGE", 3, {"colour": "green"}), ("BADGE", 1, {"colour": "blue"}),
                          ("CAP", 1, {"colour": "black"})], chat.replies[-1].text


@pytest.mark.parametrize("turn", [
    "make the duck one large",
    "actually make the duck one large",
    "make the duck large",
    "can you make the duck one a large",
])
def test_a_word_of_one_lines_product_name_picks_that_line(chat: Chat, turn: str) -> None:
    chat.say("a duck ramen and a tofu ramen")  # "duck" is also a filling of the wrap, which is not in the cart
    chat.say(turn)
    assert chat.lines == [("DUCK-RAMEN", 1, {"size": "l"}), ("TOFU-RAMEN", 1, {"size": "s"})], chat.replies[-1].text


@pytest.mark.parametrize(("turn", "changed"), [
    ("make the fox big", 0),
    ("actually make the fox big", 0),
    ("make the fox one big", 0),
    ("make the owl big", 1),
])
def test_a_choice_right_after_make_the_names_the_line_the_rest_changes_it(chat: Chat, turn: str,
                                                                           changed: int) -> None:
    chat.say("a small fox soft toy and a small owl soft toy")
    chat.say(turn)
    want = [("TEDDY", 1, {"animal": "fox", "size": "small"}), ("TEDDY", 1, {"animal": "owl", "size": "small"})]
    want[changed] = (want[changed][0], 1, {**want[changed][2], "size": "big"})
    assert chat.lines == want, chat.replies[-1].text


def test_a_change_said_of_the_line_in_focus_still_goes_there(chat: Chat) -> None:
    _badges_and_cap(chat)
    chat.say("make it orange")
    assert chat.lines == [("BADGE", 1, {"colour": "green"}), ("BADGE", 1, {"colour": "blue"}),
                          ("CAP", 1, {"colour": "orange"})], chat.replies[-1].text


@pytest.mark.parametrize("turn", [
    "the ham one on a seeded roll",
    "and the ham one on a seeded roll please",
    "make the ham one on a seeded sub",
    "the ham one in a seeded roll",
])
def test_the_product_said_after_on_is_the_named_lines_choice(chat: Chat, turn: str) -> None:
    chat.say("two sandwiches one ham and one egg")
    chat.say(turn)
    made = sorted((sku, n, sorted(opts.items())) for sku, n, opts in chat.lines)
    assert made == [("SANDWICH", 1, [("bread", "seeded"), ("filling", "ham")]),
                    ("SANDWICH", 1, [("bread", "white"), ("filling", "egg")])], chat.replies[-1].text


@pytest.mark.parametrize("turn", [
    "and the second bunch red",
    "make the second bunch red",
    "the second bunch in red please",
    "and the second tulip bunch red",
])
def test_the_nth_unit_of_a_line_named_by_a_word_of_its_name(chat: Chat, turn: str) -> None:
    chat.say("two yellow tulip bunches")
    chat.say(turn)
    assert chat.lines == [("TULIPS", 1, {"colour": "yellow"}), ("TULIPS", 1, {"colour": "red"})], \
        chat.replies[-1].text
