"""One unit of a line of several, and the line's other units, pointed at in talk: "two poke bowls" - "the first one on
brown rice with salmon" - "and the other one half and half" (each unit made with its own choices); "two with lamb
and one chicken" for three gyros when "with lamb" is also another product's choice; "oh no ok then a lamb plate"
(settling for something else: one more line, no correction of the line in focus); "one of them half pepperoni"
for a line of pies (the half's topping, no pepperoni product); "one more plain pie" (more of the plain line). A
catalog written here (a burrito bar), and the corpus's poke and pizza slice shops."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.conversations import catalog_source
from catalog.bundled import open_store
from tests.dialogue.conftest import Chat, chat_of

_TOPPINGS = [{"code": "corn", "name": "corn"}, {"code": "salsa", "name": "salsa"},
             {"code": "pepperoni", "name": "pepperoni"}, {"code": "mushroom", "name": "mushrooms"}]
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BOWL", "name": "burrito bowl", "aliases": ["bowl"], "price": "11.00", "category": "bowls",
         "options": [
             {"code": "protein", "name": "protein", "required": True, "values": [
                 {"code": "chicken", "name": "chicken"}, {"code": "steak", "name": "steak"},
                 {"code": "tofu", "name": "tofu"}]},
             {"code": "rice", "name": "rice", "default": "white", "values": [
                 {"code": "white", "name": "white rice"}, {"code": "brown", "name": "brown rice"}]},
             {"code": "toppings", "name": "toppings", "multiple": True, "values": _TOPPINGS[:2]}]},
        {"sku": "TACO", "name": "taco", "price": "4.00", "category": "tacos", "options": [
            {"code": "meat", "name": "meat", "required": True, "values": [
                {"code": "beef", "name": "beef"}, {"code": "chicken", "name": "chicken"}]}]},
        {"sku": "NACHOS", "name": "nachos", "price": "9.00", "category": "sides", "options": [
            {"code": "extra", "name": "extra", "multiple": True, "values": [
                {"code": "beef", "name": "with beef", "aliases": ["beef"]},
                {"code": "queso", "name": "with queso", "aliases": ["queso"]}]}]},
        {"sku": "PIZZA", "name": "flatbread pizza", "aliases": ["pizza", "plain pizza"], "price": "12.00",
         "category": "pizza", "options": [
             {"code": "toppings", "name": "toppings", "multiple": True, "values": _TOPPINGS[2:]},
             {"code": "half", "name": "toppings on one half", "aliases": ["half", "on half"], "multiple": True,
              "values": _TOPPINGS[2:]}]},
        {"sku": "ROLL", "name": "pepperoni roll", "aliases": ["pepperoni"], "price": "5.00", "category": "sides"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _corpus_chat(tmp_path: Path, stem: str) -> Iterator[Chat]:
    store = open_store(tmp_path / f"{stem}.sqlite3", catalog=catalog_source(stem), tax_rate_bp=825)
    yield Chat(store)
    store.close()


@pytest.fixture
def poke_chat(tmp_path: Path) -> Iterator[Chat]:
    yield from _corpus_chat(tmp_path, "poke")


@pytest.fixture
def slice_chat(tmp_path: Path) -> Iterator[Chat]:
    yield from _corpus_chat(tmp_path, "sliceshop")


# --- "the first one ..." / "the other one ..." to the question asked of a line of several ------------------------

def test_first_and_other_bowl_each_made_so(chat: Chat) -> None:
    chat.say("two burrito bowls please")
    chat.say("the first one with steak and brown rice")
    assert chat.lines == [("BOWL", 1, {"protein": "steak", "rice": "brown"})]  # the other still asked about
    chat.say("and the other one tofu with corn")
    assert chat.lines == [("BOWL", 1, {"protein": "steak", "rice": "brown"}),
                          ("BOWL", 1, {"protein": "tofu", "rice": "white", "toppings": "corn"})]


def test_first_and_other_poke_bowls(poke_chat: Chat) -> None:
    poke_chat.say("hi i'd like two poke bowls please")
    poke_chat.say("the first one on brown rice with salmon and avocado")
    poke_chat.say("and the other one half and half with spicy tuna and shrimp")
    bases = [(sku, n, opts.get("base")) for sku, n, opts in poke_chat.lines]
    assert bases == [("BUILD-BOWL", 1, "brown_rice"), ("BUILD-BOWL", 1, "half_half")]


def test_first_value_picked_by_ordinal_is_for_every_unit(chat: Chat) -> None:
    """"The first one" alone, to "which protein?", is the first protein offered, for both bowls: no unit split."""
    chat.say("two burrito bowls please")
    chat.say("the first one")
    assert chat.lines == [("BOWL", 2, {"protein": "chicken", "rice": "white"})]


def test_choice_said_for_both_is_no_unit(chat: Chat) -> None:
    chat.say("two burrito bowls please")
    chat.say("steak for both")
    assert chat.lines == [("BOWL", 2, {"protein": "steak", "rice": "white"})]


# --- a choice named with its lead word elsewhere ("with beef", the nachos' extra) -------------------------------

def test_counted_choices_with_lead_word_of_another_product(chat: Chat) -> None:
    chat.say("three tacos")
    chat.say("two with beef and one chicken")
    assert chat.lines == [("TACO", 2, {"meat": "beef"}), ("TACO", 1, {"meat": "chicken"})]


def test_lead_word_choice_still_its_own_product(chat: Chat) -> None:
    chat.say("nachos with beef")
    assert chat.lines == [("NACHOS", 1, {"extra": "beef"})]


# --- settling for something else after a no ---------------------------------------------------------------------

def test_ok_then_after_no_is_one_more_line(chat: Chat) -> None:
    chat.say("a chicken burrito bowl")
    chat.say("oh no ok then a steak bowl with corn")
    assert chat.lines == [("BOWL", 1, {"protein": "chicken", "rice": "white"}),
                          ("BOWL", 1, {"protein": "steak", "rice": "white", "toppings": "corn"})]


def test_no_alone_still_corrects_the_line(chat: Chat) -> None:
    chat.say("a chicken burrito bowl")
    chat.say("no a steak bowl")
    assert chat.lines == [("BOWL", 1, {"protein": "steak", "rice": "white"})]


# --- "one of them half pepperoni": the half's topping on one unit -------------------------------------------------

def test_one_of_them_half_topping(chat: Chat) -> None:
    chat.say("three pizzas")
    chat.say("and one of them half pepperoni")
    assert chat.lines == [("PIZZA", 2, {}), ("PIZZA", 1, {"half": "pepperoni"})]


def test_one_of_them_half_topping_slice_shop(slice_chat: Chat) -> None:
    slice_chat.say("three large plain pies")
    slice_chat.say("and one of them half pepperoni")
    slice_chat.say("and throw in one more plain pie the coach is coming too")
    halves = sorted((n, opts.get("half_a", "")) for _, n, opts in slice_chat.lines)
    assert halves == [(1, "pepperoni"), (3, "")]


def test_whole_topping_said_without_half_is_every_unit(chat: Chat) -> None:
    chat.say("two pizzas")
    chat.say("with mushrooms")
    assert chat.lines == [("PIZZA", 2, {"toppings": "mushroom"})]


def test_one_more_without_plain_is_like_the_latest(chat: Chat) -> None:
    chat.say("a pizza")
    chat.say("and a pizza with pepperoni")
    chat.say("and one more pizza")
    assert chat.lines == [("PIZZA", 1, {}), ("PIZZA", 2, {"toppings": "pepperoni"})]
