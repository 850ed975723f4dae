"""Lines named by a word of the choice they hold, and choices carried when a line is changed: "make the gray three
gallons" (the paint in agreeable gray), "make the navy cotton three yards" (that line's count, not all the cotton's),
"make them the oxfords" (the size kept), "make the red velvet ones cream cheese frosting" after a question that
offered a cake (the cupcakes in the cart, no cake added), "the children's tylenol grape flavor" after a thermometer
was talked of (the product its words name), and "a latte" - "a large one" (that latte made large; "and a large one
too" is a second one). Sessions on corpus and bundled catalogs."""

from __future__ import annotations

from collections.abc import Callable

from tests.dialogue.conftest import Chat

# -- a line named by a word of its choice's name ------------------------------------------------------------------

def test_the_gray_is_the_paint_in_agreeable_gray(shop: Callable[[str], Chat]) -> None:
    chat = shop("paintstore")
    chat.say("two gallons of the premium in agreeable gray")
    chat.say("and a two inch angled brush")
    chat.say("hmm actually make the gray three gallons the room is bigger than i thought")
    paint = [(q, o) for sku, q, o in chat.lines if sku == "PREMIUM-INT"]
    assert paint == [(3, paint[0][1])] and paint[0][1]["colour"] == "agreeable_gray"
    assert paint[0][1]["size"] == "gallon"
    assert {sku for sku, _, _ in chat.lines} == {"PREMIUM-INT", "BRUSH"}  # no primer, the brush as it was
    assert next(o for sku, _, o in chat.lines if sku == "BRUSH")["width"] == "2in"


def test_the_heather_is_the_fleece_in_heather_grey(shop: Callable[[str], Chat]) -> None:
    chat = shop("fabricstore")
    chat.say("two yards of polar fleece in heather grey")
    chat.say("and a yard of quilting cotton in mustard yellow")
    chat.say("make the heather three yards")
    assert chat.counts == {"FLEECE": 3, "QUILT-COTTON": 1}


def test_a_word_two_lines_hold_names_neither(shop: Callable[[str], Chat]) -> None:
    chat = shop("paintstore")
    chat.say("two gallons of the premium in agreeable gray")
    chat.say("and a gallon of premium interior in repose gray")
    chat.say("make the gray three gallons")
    paint = [(o["colour"], q) for sku, q, o in chat.lines if sku == "PREMIUM-INT"]
    assert paint == [("agreeable_gray", 2), ("repose_gray", 1)]


def test_a_count_for_the_line_its_choice_singles_out(shop: Callable[[str], Chat]) -> None:
    chat = shop("fabricstore")
    chat.say("hi i need two yards of quilting cotton in navy")
    chat.say("and a half yard of the gingham")
    chat.say("navy thread")
    chat.say("oh and make the navy cotton three yards")
    cotton = [(o["colour"], q) for sku, q, o in chat.lines if sku == "QUILT-COTTON"]
    assert cotton == [("navy", 3), ("gingham", 1)]


# -- a product replaced keeps the choices the new one offers ----------------------------------------------------

def test_make_them_the_oxfords_keeps_the_size(shop: Callable[[str], Chat]) -> None:
    chat = shop("shoestore")
    chat.say("loafers size 9")
    chat.say("hmm actually make them the oxfords")
    assert [(sku, q, o["size"]) for sku, q, o in chat.lines] == [("MENS-OXFORD", 1, "9")]


def test_make_them_another_drink_keeps_the_size(cafe_chat: Chat) -> None:
    cafe_chat.say("a large latte")
    cafe_chat.say("actually make them cappuccinos")
    assert [(sku, q, o["size"]) for sku, q, o in cafe_chat.lines] == [("CAPPUCCINO", 1, "large")]


# -- a line named by its choice after an offer ------------------------------------------------------------------

def test_the_red_velvet_ones_are_the_cupcakes_not_the_cake_offered(shop: Callable[[str], Chat]) -> None:
    chat = shop("cakeshop")
    chat.say("a half sheet cake chocolate with chocolate frosting")
    chat.say("and two dozen cupcakes um a dozen vanilla and a dozen red velvet")
    chat.say("do the red velvet ones come with cream cheese frosting")
    chat.say("ok then make the red velvet ones cream cheese frosting")
    assert "RED-VELVET-CAKE" not in chat.counts
    cupcakes = [o for sku, _, o in chat.lines if sku == "CUPCAKE"]
    assert [(o["flavour"], o["frosting"]) for o in cupcakes] == [
        ("vanilla", "vanilla_buttercream"), ("red_velvet", "cream_cheese")]


# -- a product named by its words, not the one talked of -------------------------------------------------------

def test_the_childrens_tylenol_after_a_thermometer_was_talked_of(shop: Callable[[str], Chat]) -> None:
    chat = shop("pharmacy")
    chat.say("hi my little girl has a fever what do you have for kids")
    chat.say("ok the children's tylenol grape flavor")
    assert [(sku, q, o["brand"], o["flavour"]) for sku, q, o in chat.lines] == [
        ("KIDS-ACETAMINOPHEN", 1, "tylenol", "grape")]


def test_a_choice_of_the_product_talked_of_still_takes_it(shop: Callable[[str], Chat]) -> None:
    chat = shop("pharmacy")
    chat.say("hi my little girl has a fever what do you have for kids")
    chat.say("ok the forehead one")
    assert [(sku, o["kind"]) for sku, _, o in chat.lines] == [("THERMOMETER", "forehead")]


# -- "a large one" right after the item: that item, made so ---------------------------------------------------

def test_a_large_one_makes_the_latte_just_ordered_large(cafe_chat: Chat) -> None:
    cafe_chat.say("a latte")
    cafe_chat.say("a large one")
    assert [(sku, q, o["size"]) for sku, q, o in cafe_chat.lines] == [("LATTE", 1, "large")]


def test_a_large_one_makes_the_pizza_just_ordered_large(pizzeria_chat: Chat) -> None:
    pizzeria_chat.say("a pepperoni pizza")
    pizzeria_chat.say("a large one")
    assert [(sku, q, o["size"]) for sku, q, o in pizzeria_chat.lines] == [("PEPPERONI-PIZZA", 1, "large")]


def test_and_a_large_one_too_is_a_second_latte(cafe_chat: Chat) -> None:
    cafe_chat.say("a latte")
    cafe_chat.say("and a large one too")
    assert [(q, o["size"]) for _, q, o in cafe_chat.lines] == [(1, "medium"), (1, "large")]


def test_another_large_one_is_a_second_latte(cafe_chat: Chat) -> None:
    cafe_chat.say("a latte")
    cafe_chat.say("another large one")
    assert [(q, o["size"]) for _, q, o in cafe_chat.lines] == [(1, "medium"), (1, "large")]


def test_a_large_one_after_a_size_chosen_is_a_second_latte(cafe_chat: Chat) -> None:
    cafe_chat.say("a small latte")
    cafe_chat.say("a large one")
    assert [(q, o["size"]) for _, q, o in cafe_chat.lines] == [(1, "small"), (1, "large")]
