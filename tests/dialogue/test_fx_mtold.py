"""Everyday multi-turn repairs (session 20, older mt sets), on the corpus catalogs:

- "is the kulfi available" - sold out - "ok no worries a gulab jamun then": an addition, no swap of the last line;
- "make the egg scrambled": a group's name said right before its value names no other choice (the "egg" bagel);
- "rye toast and home fries" to a two egg breakfast just ordered: both choices go on it;
- "i got a flat need a tube": the told story orders nothing, the request its subject left unsaid does;
- "toast the veggie one", "the chicken one with cookies instead of chips": the line picked by (a word of) its choice;
- "add a card and baby's breath" to a bouquet: its add-ons (the card sold alone by the same name);
  "take off the vase": a held add-on comes off;
- "make it the rye not the sourdough": the rye loaf, the kind of the loaf it is said against;
- "do they run small or are they true to size" while a size is asked: answered, the size still asked;
- "crab rangoon instead so take the spring rolls off": the spring rolls off, the crab rangoon added;
- "and melatonin gummies" to a vitamin d: the melatonin, not the vitamin made gummies;
- "a headlamp the brighter one": the next brightness up.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dialogue.compound import clauses
from dialogue.reasons import without_reasons
from tests.dialogue.conftest import Chat

Shop = Callable[[str], Chat]


def _talk(chat: Chat, *turns: str) -> Chat:
    for t in turns:
        chat.say(t)
    return chat


# --- a sold-out answer, then "X then" adds -------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "ok no worries a gulab jamun then", "a gulab jamun then", "oh ok a gulab jamun instead",
    "no problem a gulab jamun please",
])
def test_after_a_sold_out_stock_answer_the_next_item_is_added(shop: Shop, said: str) -> None:
    chat = _talk(shop("curry"), "a mango lassi", "is the kulfi available", said)
    assert chat.counts == {"LASSI": 1, "GULAB-JAMUN": 1}


def test_after_a_sold_out_count_answer_the_next_item_is_added(shop: Shop) -> None:
    chat = _talk(shop("curry"), "a mango lassi", "how many kulfi do you have", "a gulab jamun then")
    assert chat.counts == {"LASSI": 1, "GULAB-JAMUN": 1}


# --- a group's name before its value ---------------------------------------------------------------------------------

@pytest.mark.parametrize("said", ["and make the egg scrambled on that", "make the egg scrambled", "egg scrambled please"])
def test_a_group_named_before_its_value_is_no_choice_of_another_group(shop: Shop, said: str) -> None:
    chat = _talk(shop("bagels"), "a sausage egg and cheese on a sesame bagel", said)
    assert chat.lines == [("SEC", 1, {"bagel": "sesame", "toast": "untoasted", "egg": "scrambled",
                                      "cheese": "american"})]


def test_an_egg_bagel_is_still_an_egg_bagel(shop: Shop) -> None:
    chat = _talk(shop("bagels"), "an egg bagel with scallion cream cheese")
    assert chat.lines[0][2]["bagel"] == "egg"


# --- choices said after a product-like choice refine the line just ordered ------------------------------------------

@pytest.mark.parametrize("said,toast,side", [
    ("rye toast and home fries", "rye", "home_fries"),
    ("wheat toast and grits", "wheat", "grits"),
    ("rye toast with home fries", "rye", "home_fries"),
    ("rye toast", "rye", "hash_browns"),
])
def test_every_choice_said_goes_on_the_line_just_ordered(shop: Shop, said: str, toast: str, side: str) -> None:
    chat = _talk(shop("diner"), "two eggs scrambled with bacon", said)
    assert len(chat.lines) == 1
    sku, qty, opts = chat.lines[0]
    assert (sku, qty, opts["toast"], opts["potatoes"], opts["meat"]) == ("TWO-EGGS", 1, toast, side, "bacon")


# --- a told reason before a request without its subject -------------------------------------------------------------

@pytest.mark.parametrize("said,rest", [
    ("i got a flat need a tube", "need a tube"),
    ("i got a flat i need a tube", "i need a tube"),
    ("my phone is broken need a charger", "need a charger"),
    ("my wipers are shot need two wiper blades", "need two wiper blades"),
])
def test_a_told_reason_is_left_out_before_a_request(said: str, rest: str) -> None:
    assert without_reasons(said, first_order=True) == rest


def test_a_story_alone_stays_as_said() -> None:
    assert without_reasons("i got a flat tire", first_order=True) == "i got a flat tire"


def test_a_flat_told_orders_only_the_tube(shop: Shop) -> None:
    chat = _talk(shop("bikeshop"), "i got a flat need a tube", "seven hundred c")
    assert chat.counts == {"TUBE": 1}


# --- the line picked by its choice ------------------------------------------------------------------------------------

_MEALS = ("two meal deals", "one chicken bacon ranch and one veggie", "diet coke for both")


def _meals(chat: Chat) -> dict[str, dict[str, str]]:
    assert all(sku == "MEAL" for sku, _, _ in chat.lines)
    return {opts["sub"]: opts for _, _, opts in chat.lines}


@pytest.mark.parametrize("said", ["and toast the veggie one", "can you toast the veggie one", "make the veggie one toasted"])
def test_a_change_said_as_a_verb_before_the_one_goes_on_that_line(shop: Shop, said: str) -> None:
    meals = _meals(_talk(shop("subshop"), *_MEALS, said))
    assert meals["veggie"]["toasted"] == "toasted" and meals["cbr"]["toasted"] == "not_toasted"


@pytest.mark.parametrize("said", [
    "the chicken one with cookies instead of chips", "swap the chips for cookies on the chicken one",
])
def test_a_word_of_a_choice_picks_the_line_of_a_swap(shop: Shop, said: str) -> None:
    meals = _meals(_talk(shop("subshop"), *_MEALS, said))
    assert meals["cbr"]["side"] == "cookies" and meals["veggie"]["side"] == "classic_chips"


def test_a_word_of_a_choice_picks_the_line_of_a_change(shop: Shop) -> None:
    meals = _meals(_talk(shop("subshop"), *_MEALS, "toast the chicken one"))
    assert meals["cbr"]["toasted"] == "toasted" and meals["veggie"]["toasted"] == "not_toasted"


# --- add-ons of a line sold alone by the same name --------------------------------------------------------------------

@pytest.mark.parametrize("said,extras", [
    ("and add a card and baby's breath", ["card", "baby_breath"]),
    ("can you add a vase and a card", ["vase", "card"]),
    ("add a card", ["card"]),
    ("add a vase too", ["vase"]),
])
def test_an_add_on_sold_alone_by_its_name_goes_on_the_bouquet(shop: Shop, said: str, extras: list[str]) -> None:
    chat = _talk(shop("florist"), "a dozen red roses", said)
    assert [sku for sku, _, _ in chat.lines] == ["ROSE-BOUQUET"]
    held = [o.value for o in chat.session.cart.lines[0].options if o.group == "extras"]
    assert sorted(held) == sorted(extras)


def test_a_topping_named_like_a_pizza_is_still_a_pizza(pizzeria_chat: Chat) -> None:
    _talk(pizzeria_chat, "a large cheese pizza", "add a pepperoni")
    assert "PEPPERONI-PIZZA" in pizzeria_chat.counts


@pytest.mark.parametrize("said", ["ok take off the vase then", "take the vase off", "remove the vase"])
def test_a_held_add_on_is_taken_off(shop: Shop, said: str) -> None:
    chat = _talk(shop("florist"), "a dozen red roses with a vase and a card", said)
    held = [o.value for o in chat.session.cart.lines[0].options if o.group == "extras"]
    assert held == ["card"] and chat.counts == {"ROSE-BOUQUET": 1}


def test_a_vase_line_of_its_own_is_what_comes_off(shop: Shop) -> None:
    chat = _talk(shop("florist"), "a dozen red roses with a vase", "and a vase", "remove the vase")
    assert chat.counts == {"ROSE-BOUQUET": 1}
    assert [o.value for o in chat.session.cart.lines[0].options if o.group == "extras"] == ["vase"]


# --- a product said short against another -----------------------------------------------------------------------------

@pytest.mark.parametrize("said", ["make it the rye not the sourdough", "actually the rye instead of the sourdough"])
def test_a_word_said_against_a_loaf_is_the_loaf_of_that_word(shop: Shop, said: str) -> None:
    chat = _talk(shop("bakery"), "a chocolate fudge cake", "and a sourdough loaf sliced", said)
    assert chat.counts == {"CHOCOLATE-CAKE": 1, "RYE-BREAD": 1}


# --- a question while a size is asked ----------------------------------------------------------------------------------

def test_a_fit_question_keeps_the_size_question_open(shop: Shop) -> None:
    chat = _talk(shop("shoestore"), "do you have the men's hiking boots", "ok a pair in grey")
    reply = chat.say("do they run small or are they true to size")
    assert "size" in reply.text and not chat.lines
    chat.say("ok then an eleven wide")
    assert chat.lines == [("MENS-HIKER", 1, {"size": "11", "width": "wide", "colour": "grey"})]


# --- "X instead so take Y off" -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("said,want", [
    ("actually the kids want crab rangoon instead so take the spring rolls off",
     ["take the spring rolls off", "actually the kids want crab rangoon instead"]),
    ("a sprite instead and remove the coke", ["remove the coke", "a sprite instead"]),
    ("ok a muffin instead so take the scone out please", ["take the scone out please", "ok a muffin instead"]),
    ("a latte instead and take it to go", ["a latte instead and take it to go"]),
])
def test_what_comes_instead_is_added_after_what_goes_is_off(said: str, want: list[str]) -> None:
    assert clauses(said) == want


@pytest.mark.parametrize("said", [
    "actually the kids want crab rangoon instead so take the spring rolls off",
    "i'll have crab rangoon instead and take the spring rolls off",
])
def test_the_spring_rolls_go_and_the_rangoon_comes(shop: Shop, said: str) -> None:
    chat = _talk(shop("chinesetakeout"), "a vegetable lo mein", "six spring rolls", said)
    assert chat.counts == {"LO-MEIN": 1, "CRAB-RANGOON": 1}


# --- a product by its full name is no choice of the line just ordered -------------------------------------------------

def test_a_product_named_in_full_is_its_own_line(shop: Shop) -> None:
    chat = _talk(shop("pharmacy"), "a bottle of vitamin d the two thousand", "and melatonin gummies")
    assert chat.counts == {"VITAMIN-D": 1, "MELATONIN": 1}
    assert chat.lines[0][2]["form"] == "softgels"


def test_a_choice_by_its_own_name_still_refines_the_line(shop: Shop) -> None:
    chat = _talk(shop("diner"), "two eggs scrambled", "and bacon")
    assert chat.lines == [("TWO-EGGS", 1, {"eggs": "scrambled", "toast": "white", "potatoes": "hash_browns",
                                           "meat": "bacon"})]


# --- comparatives of a group's noun -------------------------------------------------------------------------------------

@pytest.mark.parametrize("catalog,turns,sku,group,value", [
    ("outdoors", ["oh and a headlamp the brighter one"], "HEADLAMP", "brightness", "400"),
    ("outdoors", ["a headlamp", "make it the brighter one"], "HEADLAMP", "brightness", "400"),
    ("bikeshop", ["a front light the brighter one"], "FRONT-LIGHT", "brightness", "800"),
    ("pharmacy", ["vitamin d the strongest one"], "VITAMIN-D", "strength", "5000iu"),
])
def test_a_comparative_walks_a_numbered_group(shop: Shop, catalog: str, turns: list[str], sku: str, group: str,
                                              value: str) -> None:
    chat = _talk(shop(catalog), *turns)
    assert [(s, opts[group]) for s, _, opts in chat.lines] == [(sku, value)]


# --- an offer answered by counted values -------------------------------------------------------------------------------

@pytest.mark.parametrize("said,want", [
    ("two of the red pork and one chicken", [("TAMALE", 2, "pork"), ("TAMALE", 1, "chicken")]),
    ("two red pork and one chicken", [("TAMALE", 2, "pork"), ("TAMALE", 1, "chicken")]),
    ("ok one pork and one chicken", [("TAMALE", 1, "pork"), ("TAMALE", 1, "chicken")]),
    ("three of the pork please", [("TAMALE", 3, "pork")]),
])
def test_an_offer_answered_by_counted_values_is_a_line_each(shop: Shop, said: str,
                                                            want: list[tuple[str, int, str]]) -> None:
    chat = _talk(shop("taqueria"), "do you have tamales", said)
    assert [(sku, qty, opts["filling"]) for sku, qty, opts in chat.lines] == want


def test_an_offer_answered_by_counted_milks_is_a_line_each(cafe_chat: Chat) -> None:
    _talk(cafe_chat, "do you have lattes", "two oat and one almond")
    assert [(sku, qty, opts["milk"]) for sku, qty, opts in cafe_chat.lines] == [("LATTE", 2, "oat"), ("LATTE", 1, "almond")]


def test_a_counted_choice_before_another_count_is_no_choice_of_the_next_product(shop: Shop) -> None:
    chat = _talk(shop("bobashop"), "hey do you still have mochi donuts", "one ube one matcha and one strawberry")
    assert chat.lines[0] == ("MOCHI-DONUT", 1, {"flavour": "ube"})
    assert all("ube" not in opts.values() for sku, _, opts in chat.lines if sku != "MOCHI-DONUT")


# --- a count and a choice "of that" --------------------------------------------------------------------------------------

@pytest.mark.parametrize("said,qty,cut", [
    ("can i get four fat quarters of that", 4, "fat_quarter"),
    ("three fat quarters of those please", 3, "fat_quarter"),
    ("can i get two yards of that", 2, "yard"),
])
def test_a_count_and_a_choice_of_that_remake_the_line(shop: Shop, said: str, qty: int, cut: str) -> None:
    chat = _talk(shop("fabricstore"), "hi i'm looking for quilting cotton in the floral print", said)
    assert chat.lines == [("QUILT-COTTON", qty, {"colour": "floral", "cut": cut})]


def test_part_of_the_remade_line_swapped(shop: Shop) -> None:
    chat = _talk(shop("fabricstore"), "hi i'm looking for quilting cotton in the floral print",
                 "can i get four fat quarters of that", "actually swap two of the floral for gingham")
    assert chat.lines == [("QUILT-COTTON", 2, {"colour": "floral", "cut": "fat_quarter"}),
                          ("QUILT-COTTON", 2, {"colour": "gingham", "cut": "fat_quarter"})]


# --- an item with a choice only its own product has ---------------------------------------------------------------------

def test_fries_with_feta_are_fries_not_a_side_of_the_plate(shop: Shop) -> None:
    chat = _talk(shop("gyro"), "a chicken plate with rice and salad", "and fries with feta on them")
    assert chat.counts == {"PLATE": 1, "FRIES": 1}
    plate = chat.session.cart.lines[0]
    assert sorted(o.value for o in plate.options if o.group == "sides") == ["rice", "salad"]
    assert [o.value for o in chat.session.cart.lines[1].options if o.group == "toppings"] == ["feta"]


# --- an order righted in the same breath ---------------------------------------------------------------------------------

@pytest.mark.parametrize("said,want", [
    ("and a ream of printer paper no actually make it a box of five reams",
     ["and a ream of printer paper", "make it a box of five reams"]),
    ("a latte actually make it a mocha", ["a latte", "make it a mocha"]),
    ("actually make it large", ["actually make it large"]),
])
def test_an_order_righted_in_the_same_breath_is_two_steps(said: str, want: list[str]) -> None:
    assert clauses(said) == want


@pytest.mark.parametrize("said", [
    "and a ream of printer paper no actually make it a box of five reams",
    "and a ream of printer paper actually make it a box",
])
def test_the_righting_changes_what_was_just_ordered(shop: Shop, said: str) -> None:
    chat = _talk(shop("stationery"), "two six packs of the neon sticky notes", said)
    assert chat.counts == {"STICKY-NOTES": 2, "PRINTER-PAPER": 1}
    assert chat.lines[1][2]["pack"] == "box"


# --- "the one" said of a person ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "hi ok i'm the one stuck with the group order today two classic ahi bowls",
    "i am the one picking up for the office two classic ahi bowls",
])
def test_the_one_said_of_the_caller_counts_nothing(shop: Shop, said: str) -> None:
    chat = _talk(shop("poke"), said)
    assert chat.counts == {"CLASSIC-AHI": 2}


# --- a part of a bundle named first, its choices after it ---------------------------------------------------------------

_COMBO = ("hi can we get the couples combo", "a coke and a sprite and peanut m and ms")


@pytest.mark.parametrize("said", [
    "and can the popcorn be extra butter", "make the popcorn extra butter", "could the popcorn have extra butter",
    "extra butter on the popcorn",
])
def test_a_part_of_the_combo_named_first_changes_the_combo(shop: Shop, said: str) -> None:
    chat = _talk(shop("cinema"), *_COMBO, said)
    assert chat.counts == {"COUPLES-COMBO": 1}
    assert [o.value for o in chat.session.cart.lines[0].options if o.group == "butter"] == ["extra"]


def test_a_popcorn_of_its_own_is_still_added(shop: Shop) -> None:
    chat = _talk(shop("cinema"), *_COMBO, "and a large popcorn with extra butter")
    assert chat.counts == {"COUPLES-COMBO": 1, "POPCORN": 1}


# --- the line just ordered said again with a yes, made so ---------------------------------------------------------------

@pytest.mark.parametrize("said,want", [
    ("ok one flat fix with a new tube", {"FLAT-FIX": 1}),
    ("and one flat fix with a new tube", {"FLAT-FIX": 2}),
    ("one flat fix with a new tube", {"FLAT-FIX": 2}),
])
def test_a_yes_naming_the_line_again_makes_it_so(shop: Shop, said: str, want: dict[str, int]) -> None:
    chat = _talk(shop("bikeshop"), "hi i got a flat can you fix it today", said)
    assert chat.counts == want
    assert chat.lines[-1][2]["tube"] == "new_tube"


@pytest.mark.parametrize("said", [
    "yes one flat fix with a new tube please", "yes please one flat fix with a new tube",
    "that's right one flat fix with a new tube",
])
def test_a_real_yes_naming_the_line_again_otherwise_is_asked_again(shop: Shop, said: str) -> None:
    # (fu-tests2: trust first - a real yes at the read-back with the line said otherwise changes nothing)
    chat = _talk(shop("bikeshop"), "hi i got a flat can you fix it today")
    r = chat.say(said)
    assert not r.order_number
    assert chat.counts == {"FLAT-FIX": 1}
    assert chat.lines[-1][2]["tube"] == "patch"
    assert "yes or a no" in r.text


@pytest.mark.parametrize("said,want", [
    ("ok a latte with oat milk", [("LATTE", 1, "oat")]),
    ("ok and a latte with oat milk", [("LATTE", 1, "whole"), ("LATTE", 1, "oat")]),
    ("yes another latte with oat milk", [("LATTE", 1, "whole"), ("LATTE", 1, "oat")]),
])
def test_a_yes_with_more_words_adds(cafe_chat: Chat, said: str, want: list[tuple[str, int, str]]) -> None:
    _talk(cafe_chat, "a latte", said)
    assert [(sku, qty, opts["milk"]) for sku, qty, opts in cafe_chat.lines] == want


def test_a_topping_sold_as_a_side_too_is_the_side(shop: Shop) -> None:
    chat = _talk(shop("poke"), "a salmon lover", "can i add a seaweed salad")
    assert chat.counts == {"SALMON-LOVER": 1, "SEAWEED-SALAD": 1}


# --- a count made up by the counted items after it: the choice said with it is each one's (fu-loss3) --------------------

@pytest.mark.parametrize("said,want", [
    ("two footlongs one turkey and one italian bmt", {"TURKEY": 1, "BMT": 1}),
    ("three footlongs two turkey and one ham", {"TURKEY": 2, "HAM": 1}),
])
def test_a_counted_choice_shared_by_the_items_counted_out(shop: Shop, said: str, want: dict[str, int]) -> None:
    chat = _talk(shop("subshop"), said)
    assert chat.counts == want
    assert {opts["length"] for _, _, opts in chat.lines} == {"footlong"}


def test_a_length_counted_out_with_no_joining_word(shop: Shop) -> None:
    chat = _talk(shop("subshop"), "two six inch one turkey one ham")
    assert chat.counts == {"TURKEY": 1, "HAM": 1}
    assert {opts["length"] for _, _, opts in chat.lines} == {"six_inch"}


# --- "a fried egg on the ham one": the line named by its word, only the egg put on it (fu-loss3) -----------------------

@pytest.mark.parametrize("said", ["can i get a fried egg on the ham one", "and a fried egg on the ham one please"])
def test_the_line_named_by_a_word_gets_no_choice_of_it(shop: Shop, said: str) -> None:
    chat = _talk(shop("creperie"), "a ham and cheese crepe on buckwheat", said)
    assert chat.counts == {"HAM-CHEESE": 1}
    assert [(sku, opts.get("extras")) for sku, _, opts in chat.lines] == [("HAM-CHEESE", "egg")]
