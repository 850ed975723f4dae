"""Everyday multi-turn families of session 20 (mt45): an item corrected within the turn at some length ("a curry
goat roti uh no make that a curry chicken roti") or in a choice only ("a medium coke no wait make it a large"), with
the cart's earlier lines kept; an item joined on and repaired right after it; a count said with the unit a line is
sold in ("three sheets not four", "two pairs", "the sea glass please five skeins"); small talk before an order ("hey
how you doing i need ..."); a model number said alone ("what about the 4060"); a group's name that is also one of
its values, said as the heading of other values ("salad yeah just lettuce and onions") but not when joined to them
as a list ("gift wrap it with a card"); and "never mind, just the
knitting then" after asking about another product of that kind (the cart kept whole). Said with other shops' words
than the corpus conversations that found them."""

from __future__ import annotations

from collections.abc import Callable

from tests.dialogue.conftest import Chat

Shop = Callable[[str], Chat]


def _values(chat: Chat, sku: str, group: str) -> list[set[str]]:
    """The values of a multi-choice ``group`` on each line of ``sku`` (those taken off left out)."""
    return [{o.value for o in ln.options if o.group == group and o.amount != "none"}
            for ln in chat.session.cart.lines if ln.sku == sku]


# An item corrected within the turn: the later one stands, the cart's other lines stay

def test_corrected_at_length_keeps_the_earlier_line(shop: Shop) -> None:
    chat = shop("caribbean")
    chat.say("a small jerk chicken meal with mac and cheese and festival")
    chat.say("and a curry goat roti uh no make that a curry chicken roti")
    assert chat.counts == {"JERK-MEAL": 1, "ROTI": 1}
    assert [o for s, _, o in chat.lines if s == "ROTI"][0]["filling"] == "curry_chicken"


def test_corrected_with_actually_make_that(shop: Shop) -> None:
    chat = shop("cafe")
    chat.say("a blueberry muffin")
    chat.say("and a latte um no actually make that a mocha")
    assert chat.counts == {"BLUEBERRY-MUFFIN": 1, "MOCHA": 1}


def test_corrected_with_no_wait_make_that(shop: Shop) -> None:
    chat = shop("taqueria")
    chat.say("a horchata")
    chat.say("and a chicken taco uh no wait make that a carnitas taco")
    assert chat.counts == {"HORCHATA": 1, "TACO": 1}
    assert [o for s, _, o in chat.lines if s == "TACO"][0]["protein"] == "carnitas"


def test_choice_corrected_keeps_the_product_and_its_other_choices(shop: Shop) -> None:
    chat = shop("sliceshop")
    chat.say("two plain slices and a pepperoni")
    chat.say("and a garlic knots")
    chat.say("and a medium coke no wait make it a large")
    assert chat.counts == {"CHEESE-SLICE": 2, "PEPPERONI-SLICE": 1, "GARLIC-KNOTS": 1, "FOUNTAIN-SODA": 1}
    soda = [o for s, _, o in chat.lines if s == "FOUNTAIN-SODA"][0]
    assert (soda["flavour"], soda["size"]) == ("coke", "large")


def test_choice_corrected_in_one_turn_alone(shop: Shop) -> None:
    chat = shop("sliceshop")
    chat.say("a medium coke no a large")
    assert [(s, o["flavour"], o["size"]) for s, _, o in chat.lines] == [("FOUNTAIN-SODA", "coke", "large")]


def test_size_corrected_with_sorry_make_that(shop: Shop) -> None:
    chat = shop("cafe")
    chat.say("a latte and a muffin")
    chat.say("and a small mocha sorry make that a large")
    assert chat.counts["LATTE"] == 1 and chat.counts["MOCHA"] == 1 and len(chat.lines) == 3
    assert [o["size"] for s, _, o in chat.lines if s == "MOCHA"] == ["large"]


def test_item_repaired_right_after_it_swaps_no_line(shop: Shop) -> None:
    chat = shop("pizzeria")
    chat.say("a garlic bread")
    chat.say("and a medium coke no make it a large")
    assert chat.counts == {"CHEESY-BREAD": 1, "COKE": 1}


def test_scratch_that_still_swaps_the_line_just_made(shop: Shop) -> None:
    chat = shop("cafe")
    chat.say("a latte")
    chat.say("scratch that, a mocha")
    assert chat.counts == {"MOCHA": 1}


# A count said with the unit the line is sold in

def test_count_in_sheets_not_the_old_count(shop: Shop) -> None:
    chat = shop("lumberyard")
    chat.say("can i get four sheets of plywood")
    chat.say("three quarter")
    chat.say("and two tubes of construction adhesive")
    chat.say("and delivery tomorrow")
    chat.say("oh make it three sheets not four")
    assert chat.counts == {"PLYWOOD": 3, "ADHESIVE": 2, "DELIVERY": 1}


def test_count_in_sheets_not_said_alone(shop: Shop) -> None:
    chat = shop("lumberyard")
    chat.say("six sheets of half inch plywood")
    chat.say("five sheets not six")
    assert chat.counts == {"PLYWOOD": 5}


def test_pairs_after_a_line_just_made(shop: Shop) -> None:
    chat = shop("outdoors")
    chat.say("bear spray with the holster")
    chat.say("and merino socks")
    chat.say("medium")
    chat.say("two pairs")
    assert chat.counts == {"BEAR-SPRAY": 1, "SOCKS": 2}


def test_three_pairs_of_socks(shop: Shop) -> None:
    chat = shop("outdoors")
    chat.say("merino socks in large")
    chat.say("three pairs")
    assert chat.counts == {"SOCKS": 3}


def test_two_cups_of_the_drink_just_ordered(shop: Shop) -> None:
    chat = shop("cafe")
    chat.say("a latte")
    chat.say("two cups please")
    assert chat.counts == {"LATTE": 2}


def test_choice_answered_with_a_count_in_skeins(shop: Shop) -> None:
    chat = shop("yarnshop")
    chat.say("hi i'm looking for the meadow merino in worsted")
    chat.say("ooh the sea glass please five skeins")
    assert chat.lines == [("MERINO", 5, {"weight": "worsted", "colour": "sea_glass"})]


def test_choice_answered_with_skeins_after_it(shop: Shop) -> None:
    chat = shop("yarnshop")
    chat.say("hi i'm looking for the meadow merino in worsted")
    chat.say("the cranberry please three skeins")
    assert chat.lines == [("MERINO", 3, {"weight": "worsted", "colour": "cranberry"})]


# Small talk before an order asks nothing

def test_how_you_doing_then_an_order(shop: Shop) -> None:
    chat = shop("lumberyard")
    chat.say("hey how you doing i need twelve two by sixes")
    chat.say("ten footers pressure treated")
    assert chat.counts == {"LUM-2X6": 12}
    assert chat.lines[0][2]["length"] == "10ft"


def test_how_you_doing_then_a_coffee(shop: Shop) -> None:
    chat = shop("cafe")
    chat.say("hey how you doing i need two lattes")
    assert chat.counts == {"LATTE": 2}


def test_how_are_things_then_an_order(shop: Shop) -> None:
    chat = shop("cafe")
    chat.say("hi how are things, can i get a mocha")
    assert chat.counts == {"MOCHA": 1}


def test_how_you_doing_alone_is_a_greeting(shop: Shop) -> None:
    chat = shop("cafe")
    reply = chat.say("hey how you doing")
    assert "welcome" in reply.text.lower()
    assert chat.counts == {}


# A model number said alone names its product

def test_model_number_asked_then_taken(shop: Shop) -> None:
    chat = shop("pcparts")
    chat.say("hi do you have the rtx 4070 super in stock")
    reply = chat.say("ok what about the 4060")
    assert "4060" in reply.text
    assert chat.counts == {}
    chat.say("alright alright i'll take one of those and a seven fifty watt power supply")
    assert chat.counts == {"GPU-4060": 1, "PSU": 1}


def test_model_number_ordered_alone(shop: Shop) -> None:
    chat = shop("pcparts")
    chat.say("i'll take the 4060")
    assert chat.counts == {"GPU-4060": 1}


def test_model_number_priced(shop: Shop) -> None:
    chat = shop("pcparts")
    reply = chat.say("how much is the 7800")
    assert "7800" in reply.text
    assert chat.counts == {}


# A group's name that is also one of its values, said as the heading of other values

def test_salad_heading_then_only_some(shop: Shop) -> None:
    chat = shop("kebabhouse")
    chat.say("alright mate can i get a large donner on chips with garlic and chilli sauce")
    chat.say("salad yeah just lettuce and onions no tomato")
    assert _values(chat, "DONER", "salad") == [{"lettuce", "onion"}]


def test_salad_heading_in_a_later_turn(shop: Shop) -> None:
    chat = shop("kebabhouse")
    chat.say("a large doner on chips")
    chat.say("salad just lettuce and onions")
    assert _values(chat, "DONER", "salad") == [{"lettuce", "onion"}]


def test_salad_alone_is_still_the_mixed_salad(shop: Shop) -> None:
    chat = shop("kebabhouse")
    chat.say("a large doner on chips with salad but no onions")
    assert "mixed" in _values(chat, "DONER", "salad")[0]


# A group's name that is also one of its values, joined to another value as a list: both values, no heading

def test_gift_wrap_it_with_a_card_is_both(shop: Shop) -> None:
    chat = shop("toystore")
    chat.say("um a building set the space one")
    chat.say("can you gift wrap it with a card")
    assert _values(chat, "BUILD-KIT", "gift") == [{"wrap", "card"}]


def test_gift_wrap_both_with_a_card(shop: Shop) -> None:
    chat = shop("toystore")
    chat.say("a unicorn plush and a sloth plush")
    chat.say("and gift wrap both with a card")
    assert _values(chat, "PLUSH", "gift") == [{"wrap", "card"}, {"wrap", "card"}]


def test_gift_wrap_it_and_add_a_card(shop: Shop) -> None:
    chat = shop("toystore")
    chat.say("a teddy bear")
    chat.say("gift wrap it and add a card")
    assert _values(chat, "TEDDY", "gift") == [{"wrap", "card"}]


def test_the_wrapping_and_a_bow(shop: Shop) -> None:
    chat = shop("toystore")
    chat.say("a unicorn plush")
    chat.say("wrapping and a bow please")
    assert _values(chat, "PLUSH", "gift") == [{"wrap", "bow"}]


def test_move_the_wrapping_and_the_card(shop: Shop) -> None:
    chat = shop("toystore")
    chat.say("ok a dinosaur jigsaw the hundred piece and a dinosaur plush")
    chat.say("and gift wrap the puzzle with a card")
    assert _values(chat, "JIGSAW", "gift") == [{"wrap", "card"}]
    chat.say("actually the plush is the birthday present not the puzzle so move the wrapping and the card to the plush")
    assert _values(chat, "JIGSAW", "gift") == [set()]
    assert _values(chat, "PLUSH", "gift") == [{"wrap", "card"}]


# "Never mind, just the X then" after asking about another of that kind: the cart as it was

def test_never_mind_just_the_one_of_that_kind_keeps_the_cart(shop: Shop) -> None:
    chat = shop("yarnshop")
    chat.say("can i sign up for the beginner knitting class march twelfth")
    chat.say("actually two spots my sister's coming too")
    chat.say("and a beginner scarf kit in navy")
    chat.say("oh and what about the crochet class")
    chat.say("ok never mind just the knitting then")
    assert chat.counts == {"CLASS-KNIT": 2, "SCARF-KIT": 1}


def test_just_the_latte_then_after_a_price_keeps_the_cart(shop: Shop) -> None:
    chat = shop("cafe")
    chat.say("a latte and a blueberry muffin")
    chat.say("how much is the mocha")
    chat.say("ok just the latte then")
    assert chat.counts == {"LATTE": 1, "BLUEBERRY-MUFFIN": 1}



# Choices answered to a question about a product not yet in the cart are that product's

def test_piece_count_answered_for_the_combo_asked_about(shop: Shop) -> None:
    chat = shop("wings")
    chat.say("hi um can i do a wing combo boneless")
    chat.say("ten piece")
    chat.say("honey bbq")
    chat.say("uh dr pepper")
    chat.say("and can i switch the fries to onion rings on that")
    assert chat.lines[0][0] == "WING-COMBO" and len(chat.lines) == 1
    combo = chat.lines[0][2]
    assert (combo["count"], combo["flavour"], combo["drink"], combo["side"], combo["style"]) == \
        ("10", "honey_bbq", "dr_pepper", "onion_rings", "boneless")


def test_the_ten_piece_please_keeps_the_combo(shop: Shop) -> None:
    chat = shop("wings")
    chat.say("can i get a wing combo")
    reply = chat.say("the ten piece please")
    assert "TENDERS" not in chat.counts
    assert "wing combo" in reply.text
    chat.say("lemon pepper")
    assert "TENDERS" not in chat.counts
