"""Shoppers at a kiosk or a busy counter who undo and redo: "uh scratch that, she wants a large iced mocha" (the
line just made swapped afresh), "scratch the grape" (the line of a required choice off), "hmm no sorry everything
bagel was right for that one" (the change just made taken back), "put the cannolis back on" (the line taken off
brought back as it was) but "put the candle back on the shelf" (taken off), an offer answered "ok hold that
thought" (nothing taken), "and a pair of grape ones" (more lollipops, not a change of the cherry ones), and "two
small drip coffees one black and one with skim" (two coffees, one each). Sessions on corpus catalogs."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.dialogue.conftest import Chat

Shop = Callable[[str], Chat]


def _said(shop: Shop, catalog: str, *turns: str) -> Chat:
    chat = shop(catalog)
    for turn in turns:
        chat.say(turn)
    return chat


def _made(chat: Chat, *groups: str) -> list[tuple[str, int, tuple[str, ...]]]:
    """Each line as (sku, count, the values of ``groups`` it holds), sorted."""
    return sorted((sku, n, tuple(o.get(g, "") for g in groups)) for sku, n, o in chat.lines)


# --- an offer answered with a hold takes nothing -------------------------------------------------------------------
@pytest.mark.parametrize("reply", [
    "hm ok hold that thought my wife's calling",
    "ok let me call my husband and make sure it's a three",
    "ok let me ask my wife",
    "sure i'll be right back",
    "yeah hang on",
    "ok one second",
])
def test_an_offer_answered_with_a_hold_adds_nothing(shop: Shop, reply: str) -> None:
    chat = _said(shop, "bagels", "a half dozen bagels mixed", "and how much is a slice of babka")
    assert "Would you like one?" in chat.replies[-1].text
    chat.say(reply)
    assert chat.counts == {"HALF-DOZEN": 1}
    assert not chat.session.orders


@pytest.mark.parametrize(("reply", "babkas"), [("yes please", 1), ("ok two then", 2), ("hmm ok yes", 1)])
def test_an_offer_answered_yes_still_adds(shop: Shop, reply: str, babkas: int) -> None:
    chat = _said(shop, "bagels", "a half dozen bagels mixed", "and how much is a slice of babka", reply)
    assert chat.counts == {"HALF-DOZEN": 1, "BABKA": babkas}


def test_a_hold_is_no_yes_to_the_read_back_either(shop: Shop) -> None:
    chat = _said(shop, "bagels", "a half dozen bagels mixed", "that's all", "ok hold that thought my wife's calling")
    assert not chat.session.orders
    assert chat.counts == {"HALF-DOZEN": 1}


# --- "scratch that" before a new item: the line just made swapped for it, afresh -----------------------------------
def test_scratch_that_swaps_the_line_just_made(shop: Shop) -> None:
    chat = _said(shop, "cafe", "a chocolate croissant warmed up", "oh and an iced latte with almond milk for my sister",
                 "uh scratch that she just texted me she wants a large iced mocha")
    assert _made(chat, "size", "milk") == [("CHOC-CROISSANT", 1, ("", "")), ("ICED-MOCHA", 1, ("large", "whole"))]


@pytest.mark.parametrize("said", ["scratch that a scone", "no scratch that, a scone please", "forget that, a scone"])
def test_scratch_that_with_a_count_line_is_replaced_not_kept(shop: Shop, said: str) -> None:
    chat = _said(shop, "cafe", "a large latte", "and two blueberry muffins", said)
    assert chat.counts == {"LATTE": 1, "SCONE": 1}


# --- more of the product in other choices, said with a count and "ones" ---------------------------------------------
@pytest.mark.parametrize(("said", "count", "flavour"), [
    ("and a pair of grape ones", 2, "grape"),
    ("plus a couple of blue raspberry ones", 2, "blue_raspberry"),
    ("and two watermelon ones please", 2, "watermelon"),
])
def test_a_count_of_other_ones_is_a_new_line(shop: Shop, said: str, count: int, flavour: str) -> None:
    chat = _said(shop, "candyshop", "hi can i get three lollipops cherry", said)
    assert _made(chat, "flavour") == sorted([("LOLLIPOP", 3, ("cherry",)), ("LOLLIPOP", count, (flavour,))])


def test_a_pair_of_other_ones_of_goods_sold_by_the_pair_is_one_pair(shop: Shop) -> None:
    chat = _said(shop, "shoestore", "a pair of navy dress socks", "and a pair of grey ones")
    assert _made(chat, "colour") == [("DRESS-SOCKS", 1, ("grey",)), ("DRESS-SOCKS", 1, ("navy",))]


@pytest.mark.parametrize(("catalog", "said", "sku"), [
    ("donuts", "a pair of hash browns", "HASH-BROWNS"),
    ("burgerjoint", "a pair of onion rings", "ONION-RINGS"),
])
def test_a_pair_of_a_plural_named_food_is_two(shop: Shop, catalog: str, said: str, sku: str) -> None:
    chat = _said(shop, catalog, said)
    assert chat.counts == {sku: 2}


def test_goods_that_come_in_pairs_stay_one_pair(shop: Shop) -> None:
    chat = _said(shop, "rental", "a pair of snowshoes")
    assert chat.counts == {"SNOWSHOES": 1}


# --- a line picked out by a required choice taken off ----------------------------------------------------------------
@pytest.mark.parametrize("said", ["scratch the grape", "remove the grape", "take off the grape ones"])
def test_scratch_the_required_choice_takes_that_line_off(shop: Shop, said: str) -> None:
    chat = _said(shop, "candyshop", "three lollipops cherry", "and a pair of grape ones", said)
    assert _made(chat, "flavour") == [("LOLLIPOP", 3, ("cherry",))]


def test_a_choice_with_a_default_is_still_taken_off_the_line(shop: Shop) -> None:
    chat = _said(shop, "cafe", "a latte with oat milk", "scratch the oat milk")
    assert chat.counts == {"LATTE": 1}  # the latte stays, without its oat milk
    assert "no oat milk" in chat.replies[-1].text


# --- the change just made taken back by saying the old way was right -------------------------------------------------
def test_the_old_choice_was_right(shop: Shop) -> None:
    chat = _said(shop, "donuts", "a bacon egg and cheese on a croissant",
                 "and a sausage egg and cheese on an everything bagel",
                 "no wait put the sausage one on a croissant as well",
                 "hmm no sorry everything bagel was right for that one")
    assert _made(chat, "bread") == [("BEC", 1, ("croissant",)), ("SEC", 1, ("everything_bagel",))]


@pytest.mark.parametrize("said", ["no sorry whole milk was fine", "hmm no it was right before"])
def test_the_way_before_was_fine(shop: Shop, said: str) -> None:
    chat = _said(shop, "cafe", "a large latte", "make it oat milk", said)
    assert _made(chat, "milk", "size") == [("LATTE", 1, ("whole", "large"))]


def test_a_line_said_to_be_fine_is_no_second_one(shop: Shop) -> None:
    chat = _said(shop, "cafe", "a large latte", "and a blueberry muffin", "the latte was fine")
    assert chat.counts == {"LATTE": 1, "BLUEBERRY-MUFFIN": 1}


def test_a_dozen_is_plenty_is_the_dozen_again(shop: Shop) -> None:
    chat = _said(shop, "florist", "hi a dozen red roses please", "ooh ok make it two dozen", "hmm no a dozen is plenty sorry")
    assert _made(chat, "stems") == [("ROSE-BOUQUET", 1, ("12",))]


# --- put back: on the order as it was, or on the shelf -----------------------------------------------------------
def test_put_back_brings_the_line_back_with_its_count(shop: Shop) -> None:
    chat = _said(shop, "pizzeria", "can i get a hawaiian on thin crust", "and a pair of cannolis",
                 "no take the cannolis off she's on a diet", "ha she says put the cannolis back on")
    assert chat.counts == {"HAWAIIAN": 1, "CANNOLI": 2}


def test_put_back_brings_the_line_back_with_its_choices(shop: Shop) -> None:
    chat = _said(shop, "fishchips", "a steak and kidney pie", "and a kids meal with the nuggets", "never mind the pie",
                 "put the pie back on actually he'll eat it")
    assert _made(chat, "filling") == [("KIDS-MEAL", 1, ("",)), ("PIE", 1, ("steak_kidney",))]


@pytest.mark.parametrize("said", ["put the muffin back in too", "actually add the muffin back", "put it back"])
def test_put_back_phrasings(shop: Shop, said: str) -> None:
    chat = _said(shop, "cafe", "a small drip coffee", "and two blueberry muffins warmed", "never mind the muffins", said)
    assert _made(chat, "warmed") == [("BLUEBERRY-MUFFIN", 2, ("yes",)), ("DRIP-COFFEE", 1, ("",))]


def test_put_back_of_something_never_taken_off_adds_as_said(shop: Shop) -> None:
    chat = _said(shop, "cafe", "a small drip coffee", "put a muffin back on")
    assert chat.counts["DRIP-COFFEE"] == 1 and chat.counts.get("BLUEBERRY-MUFFIN", 0) <= 1


@pytest.mark.parametrize("said", ["hmm no put the candle back on the shelf i've got loads at home",
                                  "put the candle back where it was", "can you put the candle back on the display"])
def test_put_back_on_the_shelf_takes_it_off(shop: Shop, said: str) -> None:
    chat = _said(shop, "store", "a navy bath towel", "and one of the lavender scented candles", said)
    assert chat.counts == {"BATH-TOWEL": 1}


def test_put_back_on_the_shelf_never_adds(shop: Shop) -> None:
    chat = _said(shop, "store", "a navy bath towel", "put the candle back on the shelf")
    assert chat.counts == {"BATH-TOWEL": 1}


# --- a unit of a split said with a word of other products' names ---------------------------------------------------
@pytest.mark.parametrize(("said", "want"), [
    ("two small drip coffees one black and one with a splash of skim",
     [("DRIP-COFFEE", 1, ("", "small")), ("DRIP-COFFEE", 1, ("skim", "small"))]),
    ("three drip coffees please one black and two with cream",
     [("DRIP-COFFEE", 1, ("", "medium")), ("DRIP-COFFEE", 2, ("cream", "medium"))]),
])
def test_one_black_is_a_plain_unit(shop: Shop, said: str, want: list[tuple[str, int, tuple[str, ...]]]) -> None:
    chat = _said(shop, "cafe", said)
    assert _made(chat, "milk", "size") == want


# --- said of the units of one line -------------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["make both bowls large", "make all the bowls large"])
def test_both_of_one_line_changes_that_line(shop: Shop, said: str) -> None:
    chat = _said(shop, "falafel", "a falafel wrap", "and a chicken bowl on rice", "same again for my coworker", said)
    assert _made(chat, "size") == [("BOWL", 2, ("large",)), ("WRAP", 1, ("",))]


@pytest.mark.parametrize("said", ["another two of the washer fluid", "two more of the washer fluid"])
def test_another_count_of_the_line_is_more_of_it(shop: Shop, said: str) -> None:
    chat = _said(shop, "autoparts", "a gallon of washer fluid de icer", said)
    assert _made(chat, "type") == [("WASHER-FLUID", 3, ("deicer",))]


# --- a hold said alone orders nothing, whatever its words could name -------------------------------------------------
@pytest.mark.parametrize("said", ["ok one sec", "just a sec my phone", "hold on one sec i need to check"])
def test_a_hold_alone_is_no_sandwich(shop: Shop, said: str) -> None:
    chat = _said(shop, "bagels", "a half dozen bagels mixed", said)
    assert chat.counts == {"HALF-DOZEN": 1}
    assert "take your time" in chat.replies[-1].text.lower()


def test_a_sandwich_named_like_a_hold_is_still_ordered(shop: Shop) -> None:
    chat = _said(shop, "bagels", "one sec on an everything bagel")
    assert chat.counts == {"SEC": 1}


# --- "scratch that" alone takes back the change just made; "scratch that latte" takes the latte off ----------------
@pytest.mark.parametrize("said", ["no scratch that", "hmm undo that", "actually forget that please"])
def test_scratch_that_alone_undoes_the_count_just_set(shop: Shop, said: str) -> None:
    chat = _said(shop, "juicebar", "an acai bowl with granola and banana", "and a pitaya bowl same toppings",
                 "ok make it three of those", said)
    assert chat.counts == {"ACAI-BOWL": 1, "PITAYA-BOWL": 1}
    assert not chat.session.orders


def test_scratch_that_alone_takes_the_line_just_added_off(shop: Shop) -> None:
    chat = _said(shop, "cafe", "a large latte", "and a blueberry muffin", "actually scratch that")
    assert chat.counts == {"LATTE": 1}


def test_scratch_that_alone_brings_back_what_was_just_taken_off(shop: Shop) -> None:
    chat = _said(shop, "cafe", "a large latte", "and a blueberry muffin", "take the muffin off", "no wait scratch that")
    assert chat.counts == {"LATTE": 1, "BLUEBERRY-MUFFIN": 1}


@pytest.mark.parametrize("said", ["scratch that latte", "forget that latte"])
def test_scratch_that_with_the_line_named_takes_it_off(shop: Shop, said: str) -> None:
    chat = _said(shop, "cafe", "a large latte", "and two blueberry muffins", said)
    assert chat.counts == {"BLUEBERRY-MUFFIN": 2}


def test_scratch_that_after_a_yes_changes_no_placed_order(shop: Shop) -> None:
    chat = _said(shop, "cafe", "a large latte", "that's all", "yes", "scratch that")
    assert len(chat.session.orders) == 1
