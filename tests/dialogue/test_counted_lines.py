"""Counted lines said across turns: "two garlic naans and one plain" (one more naan, made the plain way), "two dozen
cupcakes, a dozen vanilla and a dozen red velvet" (a dozen is one pack), "a mango mochi" - "make it two mochi one
mango one strawberry" (the count said again, shared by its parts), "school supplies for my two kids" (who it is for,
no kids size), "one of them is for my son ... make his ..." - "and mine ..." (the other one), and "and a korma with
paneer and make it mild" (the korma made so, not the line before swapped). Sessions on corpus catalogs, the bundled
ones and one written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.sqlite_store import SQLiteStore
from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_EGGS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "EGGS", "name": "eggs", "price": "3.00", "stock": 40, "aliases": ["egg"], "options": [
            {"code": "pack", "name": "pack", "default": "half", "values": [
                {"code": "half", "name": "half dozen", "aliases": ["6 pack"]},
                {"code": "dozen", "name": "dozen", "aliases": ["12 pack"], "price_delta": "2.50"}]},
            {"code": "colour", "name": "colour", "default": "white", "values": [
                {"code": "white", "name": "white"}, {"code": "brown", "name": "brown", "price_delta": "0.50"}]}]},
        {"sku": "GLUE", "name": "glue stick", "price": "1.50", "stock": 40, "aliases": ["glue sticks"], "options": [
            {"code": "size", "name": "size", "default": "regular", "values": [
                {"code": "regular", "name": "regular"},
                {"code": "kids", "name": "kids", "aliases": ["school", "children's"]}]}]},
    ],
}


def _chat(tmp_path: Path, catalog: str) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog(catalog))


@pytest.fixture
def curry(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "curry")


@pytest.fixture
def bagels(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "bagels")


@pytest.fixture
def cakeshop(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "cakeshop")


@pytest.fixture
def sushi(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "sushi")


@pytest.fixture
def stationery(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "stationery")


@pytest.fixture
def noodlebar(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "noodlebar")


@pytest.fixture
def eggs(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _EGGS)


@pytest.fixture
def pharmacy(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "pharmacy")


@pytest.fixture
def poke(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "poke")


@pytest.fixture
def saladbar(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "saladbar")


def _made(chat: Chat, sku: str, group: str) -> list[tuple[int, str]]:
    return sorted((q, o.get(group, "")) for s, q, o in chat.lines if s == sku)


# --- "two garlic naans and one plain": one more, made the plain way -------------------------------------------
def test_one_plain_after_a_counted_choice(curry: Chat) -> None:
    curry.say("two garlic naans and one plain")
    assert _made(curry, "NAAN", "type") == [(1, "plain"), (2, "garlic")]


def test_one_plain_bagel_after_counted_sesame(bagels: Chat) -> None:
    bagels.say("two sesame bagels and one plain")
    assert _made(bagels, "BAGEL", "bagel") == [(1, "plain"), (2, "sesame")]


def test_one_plain_with_nothing_chosen_is_no_line(curry: Chat) -> None:
    curry.say("two naans and one plain")  # nothing chosen to differ from: the naans said again, not a third
    assert curry.counts == {"NAAN": 2}


# --- "two dozen cupcakes, a dozen vanilla and a dozen red velvet": a dozen is one pack ---------------------------
def test_parts_counted_in_the_products_unit(cakeshop: Chat) -> None:
    cakeshop.say("and two dozen cupcakes um a dozen vanilla and a dozen red velvet")
    assert sorted((q, o["flavour"], o["pack"]) for s, q, o in cakeshop.lines if s == "CUPCAKE") == [
        (1, "red_velvet", "dozen"), (1, "vanilla", "dozen")]


def test_parts_in_units_elsewhere(eggs: Chat) -> None:
    eggs.say("two dozen eggs one dozen brown and one dozen white")
    assert sorted((q, o["pack"], o["colour"]) for _s, q, o in eggs.lines) == [(1, "dozen", "brown"),
                                                                            (1, "dozen", "white")]


def test_whole_in_units_unchanged(eggs: Chat) -> None:
    eggs.say("two dozen brown eggs")
    assert eggs.lines == [("EGGS", 2, {"pack": "dozen", "colour": "brown"})]


# --- "make it two mochi one mango one strawberry": the count said again, shared by its parts --------------------
@pytest.mark.parametrize("said", ["make it two mochi one mango one strawberry",
                                  "make it two mochi one mango and one strawberry"])
def test_count_said_again_in_parts(sushi: Chat, said: str) -> None:
    sushi.say("and um a mango mochi")
    sushi.say(said)
    assert _made(sushi, "MOCHI", "flavour") == [(1, "mango"), (1, "strawberry")]


def test_count_said_again_in_parts_elsewhere(bagels: Chat) -> None:
    bagels.say("a sesame bagel")
    bagels.say("make it two bagels one sesame one poppy")
    assert _made(bagels, "BAGEL", "bagel") == [(1, "poppy"), (1, "sesame")]


def test_parts_without_a_change_word_add(sushi: Chat) -> None:
    sushi.say("a mango mochi")
    sushi.say("two mochi one mango one strawberry")
    assert sushi.counts == {"MOCHI": 3}


# --- "school supplies for my two kids": who it is for, no choice --------------------------------------------------
def test_person_and_unsold_noun_order_nothing(stationery: Chat) -> None:
    stationery.say("hi i'm getting school supplies for my two kids")
    assert stationery.lines == []
    stationery.say("two pairs of scissors for kids")
    assert _made(stationery, "SCISSORS", "size") == [(2, "kids")]


def test_person_said_elsewhere(eggs: Chat) -> None:
    eggs.say("i'm buying school supplies for my two kids")
    assert eggs.lines == []


def test_choice_word_with_the_product_still_counts(eggs: Chat) -> None:
    eggs.say("two school glue sticks")
    assert eggs.lines == [("GLUE", 2, {"size": "kids"})]


def test_choices_one_after_another_make_the_item(pharmacy: Chat) -> None:
    # "rapid" opens another choice ("rapid release gels"), no noun the shop does not sell
    pharmacy.say("tylenol rapid release gels extra strength")
    assert _made(pharmacy, "ACETAMINOPHEN", "form") == [(1, "gelcaps")]
    assert _made(pharmacy, "ACETAMINOPHEN", "strength") == [(1, "extra")]


def test_choices_then_amount_words_make_the_item(poke: Chat) -> None:
    # "extra" opens the next choice ("extra avocado"): no noun the shop does not sell
    poke.say("a large with brown rice, spicy tuna, extra avocado, and eel sauce")
    assert poke.lines == [("BUILD-BOWL", 1, {"size": "large", "base": "brown_rice", "protein": "spicy_tuna",
                                             "toppings": "avocado", "sauce": "eel_sauce"})]


def test_choices_then_amount_words_on_another_shop(saladbar: Chat) -> None:
    saladbar.say("large spinach grilled chicken extra feta")
    assert [(s, o["base"], o["protein"], o["toppings"]) for s, _q, o in saladbar.lines] \
        == [("BUILD-SALAD", "spinach", "grilled_chicken", "feta")]


# --- "one of them is for my son, make his ..." - "and mine ...": the other one ---------------------------------
def test_mine_is_the_unit_left(noodlebar: Chat) -> None:
    noodlebar.say("hi um two tonkotsu ramen please")
    noodlebar.say("one of them is for my son can you make his a kids size and not spicy")
    noodlebar.say("and mine with an extra egg")
    lines = sorted((o["size"], o.get("extras", "")) for s, _q, o in noodlebar.lines if s == "TONKOTSU")
    assert lines == [("kids", ""), ("regular", "egg")]


def test_mine_is_the_unit_left_elsewhere(cafe: SQLiteStore) -> None:
    chat = Chat(cafe)
    chat.say("two lattes")
    chat.say("one of them is for my wife can you make hers large")
    chat.say("and mine with oat milk")
    assert sorted((o["size"], o["milk"]) for s, _q, o in chat.lines if s == "LATTE") == [
        ("large", "whole"), ("medium", "oat")]


def test_mine_of_two_units_left_is_one_of_them(noodlebar: Chat) -> None:
    noodlebar.say("three tonkotsu ramen")
    noodlebar.say("one of them is for my son can you make his a kids size")
    noodlebar.say("and mine with an extra egg")
    lines = sorted((q, o["size"], o.get("extras", "")) for s, q, o in noodlebar.lines if s == "TONKOTSU")
    assert lines == [(1, "kids", ""), (1, "regular", ""), (1, "regular", "egg")]  # never the son's


def test_mine_without_anyone_elses_is_the_line_in_focus(noodlebar: Chat) -> None:
    noodlebar.say("two tonkotsu ramen")
    noodlebar.say("make mine with an extra egg")  # no one else's said: the line, as before
    assert [(q, o.get("extras", "")) for s, q, o in noodlebar.lines if s == "TONKOTSU"] == [(2, "egg")]


# --- "and a korma with paneer and make it mild": the korma made so ----------------------------------------------
def test_make_it_after_a_new_item(curry: Chat) -> None:
    curry.say("a lamb rogan josh for my husband")
    curry.say("and a korma for my daughter with paneer and make it mild")
    assert curry.counts == {"ROGAN-JOSH": 1, "KORMA": 1}


def test_make_it_after_a_new_item_elsewhere(cafe: SQLiteStore) -> None:
    chat = Chat(cafe)
    chat.say("a latte")
    chat.say("and a mocha with oat milk and make it large")
    assert chat.counts == {"LATTE": 1, "MOCHA": 1}
    assert [o["size"] for s, _q, o in chat.lines if s == "MOCHA"] == ["large"]
    chat.say("make it a cappuccino")  # a swap of the line in focus, as before
    assert chat.counts == {"LATTE": 1, "CAPPUCCINO": 1}
