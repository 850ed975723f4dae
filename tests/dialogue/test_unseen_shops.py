"""General mechanisms found on the noodle bar written for issue 11 (a menu the engine was not built on) and on
the development catalogs, held on several catalogs: a count before a container of the product, an answer sharing
a line among choices, a bare choice of the product just ordered, "both" / "all of them", several products
picked at once, a choice whose words name its product, choices put "on it", "no" and a product in the cart."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.conversations import catalog_source
from catalog.bundled import open_store
from catalog.sqlite_store import SQLiteStore
from dialogue.session import Session
from tests.dialogue.conftest import SHOP, Chat


def _opened(tmp_path: Path, name: str) -> Iterator[SQLiteStore]:
    store = open_store(tmp_path / f"{name}.sqlite3", catalog=catalog_source(name), tax_rate_bp=825)
    yield store
    store.close()


@pytest.fixture
def noodles(tmp_path: Path) -> Iterator[SQLiteStore]:
    yield from _opened(tmp_path, "noodlebar")  # tests/corpus/catalogs/noodlebar.json


@pytest.fixture
def pizzeria(tmp_path: Path) -> Iterator[SQLiteStore]:
    yield from _opened(tmp_path, "pizzeria")


@pytest.fixture
def bakery(tmp_path: Path) -> Iterator[SQLiteStore]:
    yield from _opened(tmp_path, "bakery")


def _lines(chat: Chat, sku: str) -> list[tuple[int, dict[str, str]]]:
    return [(qty, opts) for s, qty, opts in chat.lines if s == sku]


@pytest.mark.parametrize(("said", "sku", "qty", "group", "value"), [
    ("three orders of gyoza", "GYOZA", 3, "count", "6"),  # "3" is also a spring rolls choice ("3 pieces")
    ("three plates of gyoza", "GYOZA", 3, "count", "6"),
    ("3 orders of spring rolls", "SPRING-ROLLS", 3, "count", "3"),  # three orders, not the 3-piece choice
])
def test_a_count_before_a_container_counts_the_product(noodles: Any, said: str, sku: str, qty: int, group: str,
                                                       value: str) -> None:
    chat = Chat(noodles)
    r = chat.say(said)
    assert _lines(chat, sku) == [(qty, _lines(chat, sku)[0][1])], r.text
    assert _lines(chat, sku)[0][1][group] == value
    assert "doesn't come with" not in r.text


@pytest.mark.parametrize(("first", "answer", "want"), [
    ("two bubble teas", "one taro and one matcha", {"taro": 1, "matcha": 1}),
    ("two bubble teas", "taro and mango", {"taro": 1, "mango": 1}),
    ("three bubble teas", "two taro and a mango", {"taro": 2, "mango": 1}),
    ("two bubble teas", "taro", {"taro": 2}),  # one value: the whole line
])
def test_an_answer_shares_a_line_among_the_choices_it_names(noodles: Any, first: str, answer: str,
                                                           want: dict[str, int]) -> None:
    chat = Chat(noodles)
    asked = chat.say(first)
    assert "flavour" in asked.text and not chat.lines
    chat.say(answer)
    got: dict[str, int] = {}
    for qty, opts in _lines(chat, "BUBBLE-TEA"):
        got[opts["flavour"]] = got.get(opts["flavour"], 0) + qty
    assert got == want


def test_parts_that_do_not_add_up_make_no_split(noodles: Any) -> None:
    chat = Chat(noodles)
    chat.say("two bubble teas")
    chat.say("one taro and two mango")  # three said for two: not shared out on a guess
    assert sum(q for q, _ in _lines(chat, "BUBBLE-TEA")) != 3 or len(_lines(chat, "BUBBLE-TEA")) != 2


def test_and_a_choice_of_the_product_just_ordered_changes_that_line(noodles: Any) -> None:
    chat = Chat(noodles)
    chat.say("gyoza please")
    chat.say("make it ten pieces")
    chat.say("and steamed")
    assert _lines(chat, "GYOZA") == [(1, {"filling": "pork", "count": "10", "cook": "steamed"})]
    other = Chat(noodles)
    other.say("gyoza please")
    other.say("a steamed gyoza")  # with an article: one more, made so
    assert sorted(opts["cook"] for _, opts in _lines(other, "GYOZA")) == ["pan_fried", "steamed"]


def test_both_after_two_items_gives_each_the_choice(pizzeria: Any) -> None:
    chat = Chat(pizzeria)
    chat.say("a pepperoni pizza and a hawaiian, both large")
    assert [opts["size"] for _, opts in _lines(chat, "PEPPERONI-PIZZA") + _lines(chat, "HAWAIIAN")] == ["large", "large"]


def test_make_both_changes_every_line_that_offers_it(pizzeria: Any) -> None:
    chat = Chat(pizzeria)
    chat.say("a pepperoni pizza and a hawaiian")
    r = chat.say("make both thin crust")
    assert [opts["crust"] for _, opts in _lines(chat, "PEPPERONI-PIZZA") + _lines(chat, "HAWAIIAN")] == ["thin", "thin"]
    assert "Is that right?" in r.text  # read back, waiting for a yes
    assert not pizzeria.orders()


def test_make_both_with_one_line_that_offers_it_changes_that_line(pizzeria: Any) -> None:
    chat = Chat(pizzeria)
    chat.say("a pepperoni pizza and a coke")
    chat.say("make both large")
    assert _lines(chat, "PEPPERONI-PIZZA")[0][1]["size"] == "large"
    assert _lines(chat, "COKE")[0][1]["size"] == "can"


def test_a_whole_turn_the_confirmation_takes_for_yes_is_a_yes_in_the_parse(noodles: Any) -> None:
    session = Session(noodles, shop=SHOP)
    session.handle("a miso ramen")
    session.handle("please")
    assert session.last_parse is not None and session.last_parse.affirm
    assert len(noodles.orders()) == 1
    session.handle("a coke please")
    assert session.last_parse is not None and not session.last_parse.affirm and len(noodles.orders()) == 1


def test_which_one_answered_with_several_products_adds_each(noodles: Any) -> None:
    chat = Chat(noodles)
    asked = chat.say("two large ramens")
    assert "Which one" in asked.text and not chat.lines
    chat.say("a tonkotsu and a miso")
    assert sorted((sku, qty, opts["size"]) for sku, qty, opts in chat.lines) == [
        ("MISO-RAMEN", 1, "large"), ("TONKOTSU", 1, "large")]


def test_which_one_answered_with_parts_that_do_not_add_up_is_no_split(noodles: Any) -> None:
    chat = Chat(noodles)
    chat.say("three ramens")
    chat.say("a tonkotsu and a miso")  # two named for three: not shared out on a guess
    assert len(chat.lines) <= 1


def test_make_that_a_large_one_changes_the_line(noodles: Any) -> None:
    chat = Chat(noodles)
    chat.say("a thai tea")
    chat.say("actually make that a large one with half sugar")
    assert _lines(chat, "THAI-TEA") == [(1, {"size": "large", "sweetness": "half"})]
    chat.say("and a large one with no sugar")  # "and a ... one": one more
    assert len(_lines(chat, "THAI-TEA")) == 2


def test_what_is_in_it_mid_order_describes_the_line_and_places_nothing(pizzeria: Any) -> None:
    chat = Chat(pizzeria)
    chat.say("a large pepperoni")
    r = chat.say("what's on it")
    assert "pepperoni" in r.text.lower() and "yes or no" not in r.text
    assert not pizzeria.orders() and len(chat.lines) == 1
    chat.say("yes")  # the order is read back again before it can be placed
    assert not pizzeria.orders()


@pytest.mark.parametrize(("said", "want"), [
    ("a raspberry danish", [("DANISH", 1, "raspberry")]),  # macarons come in raspberry too; "danish" is said
    ("a large coffee with oat milk and a raspberry danish", [("COFFEE", 1, None), ("DANISH", 1, "raspberry")]),
    ("two cheese danishes and an apple turnover", [("APPLE-TURNOVER", 1, None), ("DANISH", 2, "cheese")]),
])
def test_a_choice_that_names_its_product_is_an_item_of_that_product(bakery: Any, said: str, want: list[Any]) -> None:
    chat = Chat(bakery)
    chat.say(said)
    assert sorted((sku, qty, opts.get("flavor")) for sku, qty, opts in chat.lines) == want


def test_a_number_before_the_product_it_counts_is_no_other_products_choice(bakery: Any) -> None:
    chat = Chat(bakery)
    r = chat.say("six glazed donuts and a coffee")  # "6" is also a cake size ("6 inch")
    assert _lines(chat, "DOUGHNUT") == [(6, {"flavor": "glazed"})] and "doesn't come with" not in r.text


def test_a_container_of_a_product_is_that_product(shop_store: Any) -> None:
    chat = Chat(shop_store)
    chat.say("five birthday cards and a roll of tape")  # "roll" is part of "paper towels 6 roll"
    assert sorted((sku, qty) for sku, qty, _ in chat.lines) == [("BIRTHDAY-CARD", 5), ("CLEAR-TAPE", 1)]


def test_no_and_a_product_in_the_cart_takes_it_off(shop_store: Any) -> None:
    chat = Chat(shop_store)
    chat.say("a soccer ball size 5")
    chat.say("and a frisbee")
    chat.say("no actually no frisbee")
    assert [sku for sku, _, _ in chat.lines] == ["SOCCER-BALL"]


def test_choices_put_on_the_line_in_focus_are_its_choices(pizzeria: Any) -> None:
    chat = Chat(pizzeria)
    chat.say("a small cheese pizza")
    chat.say("add pepperoni and olives to it")  # "pepperoni" is also the pepperoni pizza
    assert [(sku, q) for sku, q, _ in chat.lines] == [("CHEESE-PIZZA", 1)]
    toppings = sorted(o.value for o in chat.session.cart.lines[0].options if o.group == "toppings")
    assert toppings == ["olives", "pepperoni"]
    chat.say("add a pepperoni pizza to it")  # a product that is no choice of the line: a new line
    assert [sku for sku, _, _ in chat.lines] == ["CHEESE-PIZZA", "PEPPERONI-PIZZA"]


def test_a_word_after_of_that_is_no_container_of_a_product_is_not_counted(tmp_path: Path) -> None:
    menu = {"products": [
        {"sku": "MOCHA", "name": "mocha", "price": "4.00", "options": [
            {"code": "milk", "name": "milk", "values": [{"code": "whole", "name": "whole milk"}, {"code": "oat", "name": "oat milk"}]}]},
        {"sku": "COLD-BREW", "name": "cold brew", "price": "4.00"},
        {"sku": "COLD-TEA", "name": "ginger green cold steep tea", "price": "4.00"}]}
    path = tmp_path / "menu.json"
    path.write_text(json.dumps(menu), encoding="utf-8")
    store = open_store(tmp_path / "menu.sqlite3", catalog=str(path))
    try:
        chat = Chat(store)
        r = chat.say("i would like a mocha with oat milk. could i get this with a blast of cold whipped milk?")
        assert "Which one" not in r.text and [sku for sku, _, _ in chat.lines] == ["MOCHA"]
        chat.say("and a roll of cold brew")  # "roll" names no product here: no container
        assert "COLD-BREW" in [sku for sku, _, _ in chat.lines]
    finally:
        store.close()


@pytest.mark.parametrize(("order", "change", "want"), [
    ("a tonkotsu and a miso ramen", "change the miso to a shoyu", ["SHOYU", "TONKOTSU"]),
    ("a tonkotsu and a coke", "swap the coke for a sapporo", ["SAPPORO", "TONKOTSU"]),
    ("a tonkotsu and a miso ramen", "change the second one to a shoyu", ["SHOYU", "TONKOTSU"]),
    ("a tonkotsu and a miso ramen", "make the last one a coke", ["COKE", "TONKOTSU"]),
    ("a tonkotsu and a miso ramen", "make the first one a shoyu", ["MISO-RAMEN", "SHOYU"]),
])
def test_change_a_line_to_another_product_swaps_it(noodles: Any, order: str, change: str, want: list[str]) -> None:
    chat = Chat(noodles)
    chat.say(order)
    r = chat.say(change)
    assert sorted(sku for sku, _, _ in chat.lines) == want, r.text
    assert all(qty == 1 for _, qty, _ in chat.lines)


def test_change_the_line_to_a_larger_one_keeps_its_choices(noodles: Any) -> None:
    chat = Chat(noodles)
    chat.say("a tonkotsu with an egg and a coke")
    chat.say("make the tonkotsu a large tonkotsu")
    assert _lines(chat, "TONKOTSU") == [(1, {"size": "large", "spice": "mild", "noodle": "wheat", "extras": "egg"})]
    assert len(chat.lines) == 2


@pytest.mark.parametrize("said", ["three large pizzas two pepperoni and one cheese",
                                  "three large pies, two pepperoni and one cheese"])
def test_a_part_of_a_summed_up_order_is_a_product_of_that_kind(pizzeria: Any, said: str) -> None:
    chat = Chat(pizzeria)
    r = chat.say(said)  # "cheese" alone could be the cheesy bread or the four cheese pizza
    assert "Which one" not in r.text
    assert sorted((sku, qty, opts["size"]) for sku, qty, opts in chat.lines) == [
        ("CHEESE-PIZZA", 1, "large"), ("PEPPERONI-PIZZA", 2, "large")]


def test_both_after_a_split_line_gives_each_part_the_choice(shop_store: Any) -> None:
    chat = Chat(shop_store)
    r = chat.say("two crew neck t-shirts one black one red both medium")
    assert "What size" not in r.text
    assert sorted((opts["colour"], opts["size"]) for _, _, opts in chat.lines) == [("black", "m"), ("red", "m")]


@pytest.mark.parametrize("said", ["i changed my mind about the coke", "ditch the coke"])
def test_changing_ones_mind_about_a_line_takes_it_off(noodles: Any, said: str) -> None:
    chat = Chat(noodles)
    chat.say("a tonkotsu and a coke")
    chat.say(said)
    assert [sku for sku, _, _ in chat.lines] == ["TONKOTSU"]
