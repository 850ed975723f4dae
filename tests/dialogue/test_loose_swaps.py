"""Swaps and changes named loosely on long calls: "a brie instead" after hearing the blue cheese is sold out (instead of
something no line holds: one more line), "swap my mojito for one of those" (the product just described), "make his
drink an apple juice" (the value of the group named, on the line offering it), "actually just two spring rolls and
swap ..." (a count corrected, then a second edit), "he doesn't like spicy" (a choice not wanted), "that's too many,
just two puddings" (a new count, not more), "about four pounds" (a weight, roughly), "it's just four of us"
(people, not things) and "i'll ring back in a bit" (no goods named). Sessions on corpus catalogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.bundled import open_store
from tests.dialogue.conftest import Chat, chat_of, corpus_catalog


def _chat(tmp_path: Path, catalog: str) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog(catalog))


@pytest.fixture
def cheeseshop(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "cheeseshop")


@pytest.fixture
def chinese(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "chinesetakeout")


@pytest.fixture
def cocktails(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "cocktailbar")


@pytest.fixture
def fishchips(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "fishchips")


@pytest.fixture
def burgers(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "burgerjoint")


@pytest.fixture
def butcher(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "butcher")


@pytest.fixture
def chicken(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "chicken")


@pytest.fixture
def greengrocer(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "greengrocer")


@pytest.fixture
def pizzeria(tmp_path: Path) -> Iterator[Chat]:
    store = open_store(tmp_path / "pizzeria.sqlite3", catalog="pizzeria", tax_rate_bp=825)
    try:
        yield Chat(store)
    finally:
        store.close()


def _opts(chat: Chat, sku: str) -> dict[str, str]:
    return next(o for s, _, o in chat.lines if s == sku)


# --- "X instead" after a product talked about that no line holds: one more line ------------------------------
def test_instead_of_a_sold_out_product_adds(cheeseshop: Chat) -> None:
    cheeseshop.say("a quarter pound of prosciutto sliced thin")
    cheeseshop.say("is there any blue cheese")
    cheeseshop.say("oh well then a brie instead")
    assert cheeseshop.counts == {"PROSCIUTTO": 1, "BRIE": 1}


def test_instead_of_a_sold_out_product_adds_elsewhere(chinese: Chat) -> None:
    chinese.say("a wonton soup")
    chinese.say("do you still have spare ribs")
    chinese.say("ok then a crab rangoon instead")
    assert chinese.counts == {"WONTON-SOUP": 1, "CRAB-RANGOON": 1}


def test_instead_right_after_a_line_still_swaps_it(cheeseshop: Chat) -> None:
    cheeseshop.say("a quarter pound of prosciutto sliced thin")
    cheeseshop.say("a brie instead")
    assert cheeseshop.counts == {"BRIE": 1}


# --- "swap my mojito for one of those": the product just described --------------------------------------------
def test_swap_for_the_product_just_described(cocktails: Chat) -> None:
    cocktails.say("a mojito with passion fruit")
    cocktails.say("and a dirty martini with vodka")
    cocktails.say("what's in the cucumber cooler")
    cocktails.say("ok swap my mojito for one of those")
    assert cocktails.counts == {"MARTINI": 1, "COOLER": 1}


def test_swap_for_that_elsewhere(chinese: Chat) -> None:
    chinese.say("a wonton soup and an egg roll")
    chinese.say("what's in the crab rangoon")
    chinese.say("swap the egg roll for one of those")
    assert chinese.counts == {"WONTON-SOUP": 1, "CRAB-RANGOON": 1}


def test_swap_pointing_at_nothing_talked_about_swaps_nothing(cocktails: Chat) -> None:
    cocktails.say("a mojito with passion fruit")
    cocktails.say("and a dirty martini with vodka")
    cocktails.say("swap my mojito for one of those")
    assert cocktails.counts == {"MOJITO": 1, "MARTINI": 1}


# --- "make his drink an apple juice": the named group's value, on the line that offers it ----------------------
def test_group_named_then_its_value_with_an_article(fishchips: Chat) -> None:
    fishchips.say("a large haddock")
    fishchips.say("and the little one a kids meal with the fish bites and peas")
    fishchips.say("does the kids meal come with a drink")
    fishchips.say("ok make his drink an apple juice")
    assert fishchips.counts == {"HADDOCK": 1, "KIDS-MEAL": 1}
    assert _opts(fishchips, "KIDS-MEAL")["drink"] == "apple_juice"


def test_group_named_then_its_value_elsewhere(burgers: Chat) -> None:
    burgers.say("a combo with a cheeseburger and a coke")
    burgers.say("and a side salad")
    burgers.say("make his drink a root beer")
    assert burgers.counts == {"COMBO": 1, "SIDE-SALAD": 1}
    assert _opts(burgers, "COMBO")["drink"] == "root_beer"


def test_value_without_its_group_is_an_item(burgers: Chat) -> None:
    burgers.say("a combo with a cheeseburger and a coke")
    burgers.say("and a root beer")
    assert burgers.counts == {"COMBO": 1, "SODA": 1}


# --- a count corrected without a verb, then a second edit ----------------------------------------------------
def test_count_corrected_then_a_swap(chinese: Chat) -> None:
    chinese.say("can i get two lunch specials")
    chinese.say("one general tso and one beef and broccoli")
    chinese.say("and three vegetable spring rolls")
    chinese.say("actually just two spring rolls and swap the beef and broccoli one for kung pao")
    assert chinese.counts == {"LUNCH-SPECIAL": 2, "SPRING-ROLL": 2}
    assert sorted(o["entree"] for s, _, o in chinese.lines if s == "LUNCH-SPECIAL") == ["general_tso", "kung_pao"]


def test_count_corrected_then_a_change_elsewhere(chat: Chat) -> None:
    chat.say("a latte")
    chat.say("and three blueberry muffins")
    chat.say("actually just one muffin and make the latte large")
    assert chat.counts == {"LATTE": 1, "BLUEBERRY-MUFFIN": 1}
    assert _opts(chat, "LATTE")["size"] == "large"


def test_an_item_and_a_change_of_it_stay_one(chat: Chat) -> None:
    chat.say("a latte and make it iced")
    assert chat.counts == {"LATTE": 1}
    assert _opts(chat, "LATTE")["temperature"] == "iced"


# --- "he doesn't like spicy": a choice not wanted --------------------------------------------------------------
def test_disliked_choice_is_not_taken(chinese: Chat) -> None:
    chinese.say("a shrimp lo mein")
    chinese.say("and for my son sesame chicken he doesn't like spicy")
    assert _opts(chinese, "SESAME-CHICKEN").get("spice") != "hot"


def test_disliked_topping_is_left_off(burgers: Chat) -> None:
    burgers.say("a cheeseburger he doesn't like onions")
    assert burgers.counts == {"CHEESEBURGER": 1}
    assert "no raw onion" in burgers.replies[-1].text


def test_liked_choice_is_taken(chinese: Chat) -> None:
    chinese.say("a sesame chicken spicy")
    assert _opts(chinese, "SESAME-CHICKEN")["spice"] == "hot"


# --- "that's too many, just two": a new count, not more --------------------------------------------------------
def test_too_many_then_just_a_count(chicken: Chat) -> None:
    chicken.say("one ten piece lemon pepper wings")
    chicken.say("and how many banana puddings do you have")
    chicken.say("ok four of those")
    chicken.say("hmm no that's too many just two puddings")
    assert chicken.counts["PUDDING"] == 2


def test_too_many_then_just_a_count_elsewhere(chat: Chat) -> None:
    chat.say("four blueberry muffins")
    chat.say("and a latte")
    chat.say("no that's too many just two muffins")
    assert chat.counts == {"BLUEBERRY-MUFFIN": 2, "LATTE": 1}


def test_two_more_still_adds(chat: Chat) -> None:
    chat.say("four blueberry muffins")
    chat.say("and two more muffins")
    assert chat.counts == {"BLUEBERRY-MUFFIN": 6}


# --- "about four pounds": a weight said roughly; "four of us": people -------------------------------------------
def test_weight_said_roughly(butcher: Chat) -> None:
    butcher.say("a chuck roast about four pounds tied")
    assert _opts(butcher, "CHUCK-ROAST")["weight"] == "4lb"


def test_weight_said_roughly_elsewhere(butcher: Chat) -> None:
    butcher.say("a pork shoulder around five pounds")
    assert _opts(butcher, "PORK-SHOULDER")["weight"] == "5lb"


def test_people_counted_are_no_count(butcher: Chat) -> None:
    butcher.say("a chuck roast about four pounds tied")
    butcher.say("and two pounds of chicken thighs boneless")
    butcher.say("oh actually make the roast three pounds it's just four of us")
    assert butcher.counts == {"CHUCK-ROAST": 1, "CHICKEN-THIGH": 1}
    assert _opts(butcher, "CHUCK-ROAST")["weight"] == "3lb"


def test_people_counted_elsewhere(pizzeria: Chat) -> None:
    pizzeria.say("a pepperoni pizza")
    pizzeria.say("make the pizza a large there are four of us")
    assert pizzeria.counts == {"PEPPERONI-PIZZA": 1}


def test_a_count_still_counts(pizzeria: Chat) -> None:
    pizzeria.say("a pepperoni pizza")
    pizzeria.say("make that four")
    assert pizzeria.counts == {"PEPPERONI-PIZZA": 4}


# --- "i'll ring back": no goods ----------------------------------------------------------------------------------
def test_call_back_orders_nothing(fishchips: Chat) -> None:
    fishchips.say("two battered sausages")
    fishchips.say("that's all")
    fishchips.say("hang on i haven't got enough cash on me i'll ring back in a bit")
    assert fishchips.counts == {"SAUSAGE": 2}
    assert not fishchips.session.orders


def test_call_back_orders_nothing_elsewhere(greengrocer: Chat) -> None:
    greengrocer.say("two lemons")
    greengrocer.say("that's all")
    reply = greengrocer.say("i'll give you a bell later")
    assert "bell pepper" not in reply.text
    assert greengrocer.counts == {"LEMON": 2}
    assert not greengrocer.session.orders


def test_the_product_itself_still_orders(fishchips: Chat) -> None:
    fishchips.say("a pineapple ring please")
    assert fishchips.counts == {"PINEAPPLE-FRITTER": 1}
