"""General mechanisms of issue 11's third round, each held on a catalog (a small one written here where no
bundled catalog has the case): a pause followed by a yes, "no, a decaf one" and "a mocha but a decaf one" as
the same drink, counter items that are no clipped product name, a value said with the rest of a longer value's
name in another order, a short kind noun after its modifiers, and "a <modifiers> pizza and a ..." as one pizza."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.conversations import catalog_source
from catalog.bundled import open_store
from catalog.sqlite_store import SQLiteStore
from tests.dialogue.conftest import Chat

_DRINKS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "milk": {"code": "milk", "name": "milk", "values": [
            {"code": "whole", "name": "whole milk"}, {"code": "two", "name": "2% milk"},
            {"code": "two_lf", "name": "2% lactose free milk"}, {"code": "oat", "name": "oat milk"}]},
        "caffeine": {"code": "caffeine", "name": "caffeine", "values": [
            {"code": "decaf", "name": "decaf", "aliases": ["decaffeinated"]}]},
    },
    "products": [
        {"sku": "LATTE", "name": "latte", "price": "4.50", "options": ["milk", "caffeine"]},
        {"sku": "MOCHA", "name": "mocha", "price": "5.00", "options": ["milk", "caffeine"]},
        {"sku": "SHAKE", "name": "strawberry shake", "price": "6.00"},
    ],
}


@pytest.fixture
def drinks(tmp_path: Path) -> Iterator[SQLiteStore]:
    path = tmp_path / "drinks.json"
    path.write_text(json.dumps(_DRINKS), encoding="utf-8")
    store = open_store(tmp_path / "drinks.sqlite3", catalog=str(path), tax_rate_bp=0)
    yield store
    store.close()


@pytest.fixture
def pizzeria(tmp_path: Path) -> Iterator[SQLiteStore]:
    store = open_store(tmp_path / "pizzeria.sqlite3", catalog=catalog_source("pizzeria"), tax_rate_bp=825)
    yield store
    store.close()


@pytest.mark.parametrize("reply", ["ok. let's see. yes. correct.", "okay let me take a look... yep, it's good"])
def test_a_pause_followed_by_a_yes_places(drinks: Any, reply: str) -> None:
    chat = Chat(drinks)
    chat.say("a latte")
    chat.say(reply)
    assert len(drinks.orders()) == 1


@pytest.mark.parametrize("reply", ["yes... let me check", "ok, let me see"])
def test_a_pause_the_reply_ends_on_does_not_place(drinks: Any, reply: str) -> None:
    chat = Chat(drinks)
    chat.say("a latte")
    chat.say(reply)
    assert drinks.orders() == []


def test_no_and_a_decaf_one_changes_the_drink_read_back(drinks: Any) -> None:
    chat = Chat(drinks)
    chat.say("I would like a latte please")
    chat.say("no I would like a decaf one")
    assert chat.lines == [("LATTE", 1, {"caffeine": "decaf"})]


def test_a_mocha_but_a_decaf_one_is_one_mocha(drinks: Any) -> None:
    chat = Chat(drinks)
    chat.say("I would like to order a mocha but a decaffeinated one please")
    assert chat.lines == [("MOCHA", 1, {"caffeine": "decaf"})]


def test_a_decaf_one_after_a_latte_with_and_is_still_one_more(drinks: Any) -> None:
    chat = Chat(drinks)
    chat.say("a latte and a decaf one")
    assert sorted(chat.lines, key=str) == sorted([("LATTE", 1, {}), ("LATTE", 1, {"caffeine": "decaf"})], key=str)


def test_straws_are_not_a_clipped_strawberry(drinks: Any) -> None:
    chat = Chat(drinks)
    chat.say("a latte with oat milk, and can I get that with two straws?")
    assert [sku for sku, _, _ in chat.lines] == ["LATTE"]


@pytest.mark.parametrize("said", ["a latte with lactose free 2% milk", "a latte with 2% milk that's lactose free",
                                  "a lactose free 2% latte"])
def test_a_value_said_with_the_rest_of_a_longer_name_is_the_longer_value(drinks: Any, said: str) -> None:
    chat = Chat(drinks)
    chat.say(said)
    assert chat.lines == [("LATTE", 1, {"milk": "two_lf"})]


def test_a_plain_2_percent_stays_2_percent(drinks: Any) -> None:
    chat = Chat(drinks)
    chat.say("a latte with 2% milk and a mocha with oat milk")
    assert sorted(chat.lines) == [("LATTE", 1, {"milk": "two"}), ("MOCHA", 1, {"milk": "oat"})]


def test_a_short_kind_noun_after_its_toppings_is_the_plainest_of_its_kind(pizzeria: Any) -> None:
    chat = Chat(pizzeria)
    chat.say("an olive and onion pie ten inch")
    assert [(sku, qty, opts["size"]) for sku, qty, opts in chat.lines] == [("CHEESE-PIZZA", 1, "small")]
    line = pizzeria_line(chat)
    assert set(line) >= {"olives", "onion"}


def pizzeria_line(chat: Chat) -> list[str]:
    return [o.value for o in chat.session.cart.lines[0].options if o.group == "toppings"]


def test_a_kind_noun_with_its_own_article_then_and_is_one_item_not_a_summary(pizzeria: Any) -> None:
    chat = Chat(pizzeria)
    chat.say("a small pepperoni a medium sausage pizza and a large veggie")
    got = sorted((sku, opts.get("size")) for sku, _, opts in chat.lines)
    assert got == [("CHEESE-PIZZA", "medium"), ("PEPPERONI-PIZZA", "small"), ("VEGGIE-PIZZA", "large")]


@pytest.mark.parametrize(("said", "want"), [
    ("i want a medium pizza with pepperoni mushrooms and green peppers",
     [("CHEESE-PIZZA", ("green_pepper", "mushroom", "pepperoni"))]),
    ("an extra large pepperoni with extra pepperoni", [("PEPPERONI-PIZZA", ("pepperoni",))]),
    ("a large pie with pepperoni and sausage and a 2 liter coke",
     [("CHEESE-PIZZA", ("pepperoni", "sausage")), ("COKE", ())]),
    ("a bacon and pineapple pizza large", [("CHEESE-PIZZA", ("bacon", "pineapple"))]),
])
def test_a_word_naming_a_product_and_a_topping_after_with_is_the_topping(pizzeria: Any, said: str,
                                                                         want: list[tuple[str, tuple[str, ...]]]) -> None:
    chat = Chat(pizzeria)
    chat.say(said)
    got = sorted((ln.sku, tuple(sorted(o.value for o in ln.options if o.group == "toppings")))
                 for ln in chat.session.cart.lines)
    assert got == sorted(want)


def test_a_pepperoni_pizza_is_still_a_pepperoni_pizza(pizzeria: Any) -> None:
    chat = Chat(pizzeria)
    chat.say("a large pepperoni and a medium one with olives")
    assert sorted((sku, opts.get("size")) for sku, _, opts in chat.lines) == [
        ("PEPPERONI-PIZZA", "large"), ("PEPPERONI-PIZZA", "medium")]


@pytest.mark.parametrize("said", ["two large pepperoni pizzas and a large cheese",
                                  "a large veggie with no onions and a small cheese"])
def test_a_part_of_several_names_is_the_one_of_the_kind_said_around_it(pizzeria: Any, said: str) -> None:
    chat = Chat(pizzeria)
    r = chat.say(said)
    assert "CHEESE-PIZZA" in [sku for sku, _, _ in chat.lines], r.text
    assert "Which one" not in r.text


@pytest.fixture
def noodles(tmp_path: Path) -> Iterator[SQLiteStore]:
    store = open_store(tmp_path / "noodlebar.sqlite3", catalog=catalog_source("noodlebar"), tax_rate_bp=825)
    yield store
    store.close()


def test_another_one_with_a_topping_is_one_more_of_the_line_with_it(pizzeria: Any) -> None:
    chat = Chat(pizzeria)
    chat.say("a medium cheese pizza")
    chat.say("and another one with pepperoni")
    got = sorted((ln.sku, tuple(o.value for o in ln.options if o.group == "toppings")) for ln in chat.session.cart.lines)
    assert got == [("CHEESE-PIZZA", ()), ("CHEESE-PIZZA", ("pepperoni",))]


def test_make_one_of_them_another_product_swaps_one_unit(pizzeria: Any) -> None:
    chat = Chat(pizzeria)
    chat.say("two large pepperoni pizzas")
    chat.say("actually make one of them a hawaiian")
    assert sorted((sku, qty, opts["size"]) for sku, qty, opts in chat.lines) == [
        ("HAWAIIAN", 1, "large"), ("PEPPERONI-PIZZA", 1, "large")]


def test_change_the_product_of_a_whole_line_still_swaps_it(pizzeria: Any) -> None:
    chat = Chat(pizzeria)
    chat.say("two large pepperoni pizzas")
    chat.say("actually make that a hawaiian")
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("HAWAIIAN", 2)]


def test_the_line_made_so_is_the_one_changed(noodles: Any) -> None:
    chat = Chat(noodles)
    chat.say("two bubble teas one taro one mango")
    chat.say("make the mango one half sugar")
    got = sorted((opts["flavour"], opts["sweetness"]) for _, _, opts in chat.lines)
    assert got == [("mango", "half"), ("taro", "full")]


def test_an_answer_for_both_fills_both_dishes_waiting(noodles: Any) -> None:
    chat = Chat(noodles)
    chat.say("pad thai and pad see ew")
    r = chat.say("chicken for both")
    assert sorted((sku, opts["protein"]) for sku, _, opts in chat.lines) == [
        ("PAD-SEE-EW", "chicken"), ("PAD-THAI", "chicken")], r.text


def test_an_answer_for_one_leaves_the_other_dish_asked(noodles: Any) -> None:
    chat = Chat(noodles)
    chat.say("pad thai and pad see ew")
    r = chat.say("chicken")
    assert [sku for sku, _, _ in chat.lines] == ["PAD-THAI"]
    assert "pad see ew" in r.text


def test_two_regular_ones_after_a_drink_are_two_more_of_it_made_plain(cafe: Any) -> None:
    chat = Chat(cafe)
    chat.say("a decaf americano and two regular ones")
    assert sorted((sku, qty, opts.get("caffeine")) for sku, qty, opts in chat.lines) == [
        ("AMERICANO", 1, "decaf"), ("AMERICANO", 2, "regular")]


def test_two_mango_ones_is_still_one_line_of_two(noodles: Any) -> None:
    chat = Chat(noodles)
    chat.say("one large brown sugar boba and two regular mango ones")
    assert sorted((qty, opts["flavour"]) for _, qty, opts in chat.lines) == [(1, "brown_sugar"), (2, "mango")]


@pytest.mark.parametrize(("said", "value"), [("a thai tea with less sugar", "half"), ("a thai tea with no sugar", "none")])
def test_an_amount_word_before_a_group_name_is_the_value_named_with_it(noodles: Any, said: str, value: str) -> None:
    chat = Chat(noodles)
    chat.say(said)
    assert [(sku, opts["sweetness"]) for sku, _, opts in chat.lines] == [("THAI-TEA", value)]


def test_the_turkey_one_still_names_the_turkey_line(tmp_path: Path) -> None:
    store = open_store(tmp_path / "bakery.sqlite3", catalog="bakery", tax_rate_bp=825)
    chat = Chat(store)
    chat.say("a turkey sandwich and a ham and swiss")
    chat.say("make the turkey one on sourdough")
    assert sorted((sku, opts.get("bread")) for sku, _, opts in chat.lines)[1] == ("TURKEY-SANDWICH", "sourdough")
    store.close()


def test_one_with_and_one_without_says_the_words_again(drinks: Any) -> None:
    chat = Chat(drinks)
    chat.say("I want two mochas. One with caffeine and one without.")
    assert sorted(chat.lines, key=str) == sorted([("MOCHA", 1, {}), ("MOCHA", 1, {"caffeine": "decaf"})], key=str)


def test_the_parse_is_frozen_and_the_draft_has_its_fields(drinks: Any) -> None:
    import dataclasses

    from dialogue.parse_records import Parse, ParseDraft

    chat = Chat(drinks)
    chat.say("two lattes one with oat milk")
    parse = chat.session.last_parse
    assert isinstance(parse, Parse)
    with pytest.raises(dataclasses.FrozenInstanceError):
        parse.intent = parse.intent  # type: ignore[misc]
    assert isinstance(parse.items, tuple) and isinstance(parse.tokens, tuple)
    assert [f.name for f in dataclasses.fields(Parse)] == [f.name for f in dataclasses.fields(ParseDraft)]


def test_a_kind_said_then_the_one_named_in_the_next_sentence_is_that_one(tmp_path: Path) -> None:
    spec = {"products": [
        {"sku": "BLACK", "name": "black tea", "price": "3.00", "options": [{"code": "temp", "values": [
            {"code": "hot", "name": "hot"}, {"code": "iced", "name": "iced"}]}]},
        {"sku": "GREEN", "name": "green tea", "price": "3.00", "options": [{"code": "temp", "values": [
            {"code": "hot", "name": "hot"}, {"code": "iced", "name": "iced"}]}]},
        {"sku": "ROSE", "name": "peppermint rose", "price": "3.50", "options": [{"code": "temp", "values": [
            {"code": "hot", "name": "hot"}, {"code": "iced", "name": "iced"}]}]}]}
    path = tmp_path / "teas.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    store = open_store(tmp_path / "teas.sqlite3", catalog=str(path), tax_rate_bp=0)
    chat = Chat(store)
    r = chat.say("Hi, I'd like to get a hot tea please. Let's try the Peppermint Rose today.")
    assert chat.lines == [("ROSE", 1, {"temp": "hot"})], r.text
    store.close()


def test_make_it_the_one_meter_one_changes_the_line(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store.sqlite3", catalog="store", tax_rate_bp=825)
    chat = Chat(store)
    chat.say("a two meter usb c cable")
    chat.say("make it the one meter one")
    assert [(qty, opts.get("size")) for _, qty, opts in chat.lines] == [(1, "1-meter")]
    store.close()


def test_a_choice_named_verb_it_is_said_with_the_line(tmp_path: Path) -> None:
    store = open_store(tmp_path / "bakery.sqlite3", catalog="bakery", tax_rate_bp=825)
    chat = Chat(store)
    chat.say("a blt and a reuben")
    chat.say("toast the blt please")
    blts = [(qty, opts.get("toasted")) for sku, qty, opts in chat.lines if sku == "BLT"]
    assert blts == [(1, "toasted")]
    store.close()


def test_instead_of_the_plain_one_swaps_the_line_named_so(tmp_path: Path) -> None:
    store = open_store(tmp_path / "bakery.sqlite3", catalog="bakery", tax_rate_bp=825)
    chat = Chat(store)
    chat.say("a croissant and a drip coffee")
    chat.say("actually an almond croissant instead of the plain one")
    assert sorted(sku for sku, _, _ in chat.lines) == ["ALMOND-CROISSANT", "COFFEE"]
    store.close()


@pytest.mark.parametrize(("said", "sku", "qty"), [("three medium pizzas all pepperoni", "PEPPERONI-PIZZA", 3),
                                                  ("two large pies both hawaiian", "HAWAIIAN", 2)])
def test_a_count_of_a_kind_then_all_of_one_product_is_that_many_of_it(pizzeria: Any, said: str, sku: str,
                                                                       qty: int) -> None:
    chat = Chat(pizzeria)
    chat.say(said)
    assert [(s, q) for s, q, _ in chat.lines] == [(sku, qty)]


@pytest.mark.parametrize(("said", "left"), [("remove one", 2), ("remove two", 1)])
def test_remove_a_count_takes_that_many_off_the_line(noodles: Any, said: str, left: int) -> None:
    chat = Chat(noodles)
    chat.say("three cokes")
    chat.say(said)
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("COKE", left)]


def test_one_on_this_and_one_on_that_splits_a_line_of_two(tmp_path: Path) -> None:
    store = open_store(tmp_path / "bakery.sqlite3", catalog="bakery", tax_rate_bp=825)
    chat = Chat(store)
    chat.say("two blts")
    chat.say("one on sourdough and one on wheat")
    assert sorted(opts["bread"] for _, _, opts in chat.lines) == ["sourdough", "wheat"]
    store.close()


def test_half_a_pound_is_a_weight_and_half_a_croissant_is_still_asked(tmp_path: Path) -> None:
    store = open_store(tmp_path / "bakery.sqlite3", catalog="bakery", tax_rate_bp=825)
    chat = Chat(store)
    chat.say("a quarter pound of honey ham")
    assert [(sku, opts["weight"]) for sku, _, opts in chat.lines] == [("SLICED-HAM", "quarter_lb")]
    r = chat.say("and half a croissant")
    assert "whole" in r.text and [sku for sku, _, _ in chat.lines] == ["SLICED-HAM"]
    store.close()


def test_one_named_and_one_built_up_answer_which_pizza(pizzeria: Any) -> None:
    chat = Chat(pizzeria)
    chat.say("two large pizzas")
    chat.say("one pepperoni and one sausage")
    got = sorted((ln.sku, tuple(o.value for o in ln.options if o.group == "toppings")) for ln in chat.session.cart.lines)
    assert got == [("CHEESE-PIZZA", ("sausage",)), ("PEPPERONI-PIZZA", ())]


def test_uh_actually_three_to_a_read_back_sets_the_count(noodles: Any) -> None:
    chat = Chat(noodles)
    chat.say("two miso ramens")
    chat.say("uh actually three")
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("MISO-RAMEN", 3)]
    assert noodles.orders() == []
