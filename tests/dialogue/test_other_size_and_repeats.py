"""A counter shopper's undo and redo (corpus round mt31): "actually the other size on the tub" (the line's other
choice of a group of two; of more, the choices listed), "double that" (the line in focus twice as many, never a
"double a" product), "one more of everything" and "the same again" after an order of several lines (each line
again), and "no scratch that just the one" after "make it three of those" (the line's count, never a new line).
Sessions on a catalog written here and on the corpus shops."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_COUNTER = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "SOUP", "name": "lentil soup", "price": "4.50", "aliases": ["soup", "soups"],
         "options": [{"code": "size", "name": "size", "default": "cup", "aliases": ["portion"],
                      "values": [{"code": "cup", "name": "cup", "aliases": ["small"]},
                                 {"code": "bowl", "name": "bowl", "aliases": ["large"], "price_delta": "2.50"}]}]},
        {"sku": "DOG", "name": "chili dog", "price": "6.50", "aliases": ["chili dogs", "dog", "dogs"],
         "options": [{"code": "length", "name": "length", "default": "regular", "aliases": ["size"],
                      "values": [{"code": "regular", "name": "regular", "aliases": ["six inch"]},
                                 {"code": "footlong", "name": "footlong", "aliases": ["foot long"],
                                  "price_delta": "3.00"}]}]},
        {"sku": "LEMONADE", "name": "lemonade", "price": "3.00", "aliases": ["lemonades"],
         "options": [{"code": "size", "name": "size", "default": "medium",
                      "values": [{"code": "small", "name": "small"}, {"code": "medium", "name": "medium"},
                                 {"code": "large", "name": "large", "price_delta": "0.75"}]}]},
        {"sku": "TUB", "name": "tub of hummus", "price": "5.00", "aliases": ["tub", "tubs", "hummus"],
         "options": [{"code": "size", "name": "size",
                      "values": [{"code": "half", "name": "half pint"},
                                 {"code": "pint", "name": "pint", "price_delta": "3.00"}]}]},
        {"sku": "COOKIE", "name": "oat cookie", "price": "2.00", "aliases": ["cookie", "cookies", "oat cookies"]},
        {"sku": "SHOT", "name": "ginger shot", "price": "3.50", "aliases": ["ginger shots", "shot", "shots"]},
        {"sku": "BATTERIES", "name": "aa batteries", "price": "8.99",
         "aliases": ["double a batteries", "double a", "batteries"]},
        {"sku": "BAGEL", "name": "everything bagel", "price": "1.50", "aliases": ["everything bagels"]},
    ],
}


@pytest.fixture
def counter(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _COUNTER)


def _size(chat: Chat, sku: str, group: str) -> str | None:
    return next((opts.get(group) for s, _, opts in chat.lines if s == sku), None)


# --- "the other size" ------------------------------------------------------------------------------------
def test_the_other_size_on_a_line_named(counter: Chat) -> None:
    counter.say("a lentil soup")
    counter.say("and an oat cookie")
    reply = counter.say("actually the other size on the soup")
    assert _size(counter, "SOUP", "size") == "bowl"
    assert counter.counts == {"SOUP": 1, "COOKIE": 1}
    assert "bowl" in reply.text


def test_the_other_size_of_the_line_in_focus_back_to_its_default(counter: Chat) -> None:
    counter.say("a chili dog footlong")
    counter.say("um actually the other size")  # "size" is what this shop calls the dog's length too
    assert _size(counter, "DOG", "length") == "regular"
    counter.say("hmm no the other size again")
    assert _size(counter, "DOG", "length") == "footlong"
    assert counter.counts == {"DOG": 1}


@pytest.mark.parametrize("said", ["the other length please", "can i get the other length", "make it the other length"])
def test_the_other_named_by_the_groups_own_name(counter: Chat, said: str) -> None:
    counter.say("a chili dog")
    counter.say(said)
    assert counter.lines == [("DOG", 1, {"length": "footlong"})]


def test_the_other_portion_by_an_alias_of_the_group(counter: Chat) -> None:
    counter.say("a lentil soup")
    counter.say("the other portion")
    assert _size(counter, "SOUP", "size") == "bowl"


def test_more_than_one_other_is_asked_not_guessed(counter: Chat) -> None:
    counter.say("a large lemonade")
    reply = counter.say("actually the other size")
    assert _size(counter, "LEMONADE", "size") == "large"  # small or medium? not changed
    assert "small" in reply.text and "medium" in reply.text
    counter.say("small")
    assert counter.lines == [("LEMONADE", 1, {"size": "small"})]


def test_no_choice_held_and_no_default_is_asked(counter: Chat) -> None:
    counter.say("a tub of hummus")
    before = counter.lines
    reply = counter.say("the other size on the tub")
    assert counter.lines == before
    assert "half pint" in reply.text and "pint" in reply.text


def test_a_question_about_other_sizes_changes_nothing(counter: Chat) -> None:
    counter.say("a lentil soup")
    counter.say("what other sizes do you have")
    assert _size(counter, "SOUP", "size") in (None, "cup")


def test_the_other_size_on_corpus_shops(shop: Callable[[str], Chat]) -> None:
    bagels = shop("bagels")
    bagels.say("a half dozen bagels mixed")
    bagels.say("and a tub of plain cream cheese")
    bagels.say("actually the other size on the tub")
    assert _size(bagels, "CC-TUB", "size") == "pound"
    bikes = shop("bikeshop")
    bikes.say("and a cable lock")
    bikes.say("the other length please")
    assert bikes.lines == [("CABLE-LOCK", 1, {"length": "6ft"})]


# --- "double that" ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["double that", "actually double that", "double it my brother wants some too",
                                  "can you double those"])
def test_double_that_doubles_the_line_in_focus(counter: Chat, said: str) -> None:
    counter.say("a lentil soup")
    counter.say("and two oat cookies")
    counter.say(said)
    assert counter.counts == {"SOUP": 1, "COOKIE": 4}  # no "double a" batteries


def test_double_that_of_a_line_changed_last(counter: Chat) -> None:
    counter.say("three oat cookies and a lentil soup")
    counter.say("make the cookies two")
    counter.say("double that")
    assert counter.counts == {"COOKIE": 4, "SOUP": 1}


def test_double_a_batteries_are_still_ordered(counter: Chat) -> None:
    counter.say("an oat cookie")
    counter.say("and a pack of double a batteries")
    assert counter.counts == {"COOKIE": 1, "BATTERIES": 1}


# --- "one more of everything", "the same again" ----------------------------------------------------------
def test_one_more_of_everything_adds_to_every_line(counter: Chat) -> None:
    counter.say("two oat cookies and a lentil soup")
    counter.say("and a ginger shot")
    reply = counter.say("oh my husband will want the same so one more of everything")
    assert counter.counts == {"COOKIE": 3, "SOUP": 2, "SHOT": 2}  # no everything bagel
    assert len(counter.lines) == 3
    assert "Is that right?" in reply.text


def test_two_more_of_each(counter: Chat) -> None:
    counter.say("an oat cookie and a ginger shot")
    counter.say("two more of each please")
    assert counter.counts == {"COOKIE": 3, "SHOT": 3}


def test_the_same_again_after_an_order_of_several_lines(counter: Chat) -> None:
    counter.say("a lentil soup and two oat cookies")
    counter.say("make the soup a bowl")
    counter.say("and the same again for my wife")
    assert counter.lines == [("SOUP", 2, {"size": "bowl"}), ("COOKIE", 4, {})]


def test_the_same_again_after_one_line_is_one_more_of_it(counter: Chat) -> None:
    counter.say("a lentil soup and an oat cookie")
    counter.say("and a ginger shot")
    counter.say("same again for my dad")
    assert counter.counts == {"SOUP": 1, "COOKIE": 1, "SHOT": 2}


# --- a count said again with "just" ----------------------------------------------------------------------
@pytest.mark.parametrize("said", ["no scratch that just the one", "ok just the one cookie then",
                                  "hmm only the one please", "just the one sorry"])
def test_just_the_one_after_make_it_three(counter: Chat, said: str) -> None:
    counter.say("a lentil soup")
    counter.say("and an oat cookie")
    counter.say("make it three of those")
    assert counter.counts == {"SOUP": 1, "COOKIE": 3}
    counter.say(said)
    assert counter.lines == [("SOUP", 1, {"size": "cup"}), ("COOKIE", 1, {})]


def test_just_two_of_a_line_named_not_in_focus(counter: Chat) -> None:
    counter.say("four oat cookies")
    counter.say("and a lentil soup")
    counter.say("ok just two cookies then")
    assert counter.counts == {"COOKIE": 2, "SOUP": 1}


def test_just_the_one_shot_heard_as_a_single_shot(counter: Chat) -> None:
    counter.say("a lentil soup and two ginger shots")
    counter.say("oh just the one shot sorry")
    assert counter.counts == {"SOUP": 1, "SHOT": 1}


def test_just_the_one_on_corpus_shops(shop: Callable[[str], Chat]) -> None:
    prints = shop("printshop")
    prints.say("a poster eighteen by twenty four glossy")
    prints.say("make it three of those")
    prints.say("and mount them on foam board")
    prints.say("ok just the one poster then")
    assert prints.counts == {"POSTER": 1}
    assert _size(prints, "POSTER", "mounting") == "foam"
