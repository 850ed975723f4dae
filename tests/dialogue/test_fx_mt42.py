"""Everyday multi-turn turns (session 20, fx-mt42): a meal waiting for a required choice keeps its line when the
answer names its other choices as products ("sides mac and cheese and cabbage", "fries and a sweet tea") or a
choice only it offers ("boneless if you can"); a side line put into another line "instead" comes off; "fine tip" to a
read-back is the pens' tip, no tip for the clerk; "and a single spinach one" after a half dozen empanadas is the
spinach empanada; an offer keeps the choice it was offered with when its price is asked; "for my kid" is the
lesson's kids age though a longer phrase is another product's, but "whipped cream" is no coffee's cream and "bbq
chips" no meal's bbq sauce (a word left out of the shorter run says something); "one black one red" shares two markers."""

from __future__ import annotations

from collections.abc import Callable

from tests.dialogue.conftest import Chat

Shop = Callable[[str], Chat]


# --- a waiting meal keeps its line --------------------------------------------------------------------------------

def test_sides_named_while_the_size_is_asked_fill_the_meal(shop: Shop) -> None:
    c = shop("caribbean")
    assert "meal size" in c.say("a boneless curry goat").text
    reply = c.say("sides mac and cheese and cabbage").text
    assert "meal size" in reply and not c.lines  # no cabbage dish, the meal still waits for its size
    c.say("small")
    assert [(sku, q) for sku, q, _ in c.lines] == [("CURRY-GOAT", 1)]
    line = c.session.cart.lines[0]
    assert {(o.group, o.value) for o in line.options} >= {("size", "small"), ("sides", "mac_cheese"),
                                                          ("sides", "cabbage"), ("cut", "boneless")}


def test_bare_sides_while_the_size_is_asked_fill_the_meal(shop: Shop) -> None:
    c = shop("caribbean")
    c.say("a boneless curry goat")
    c.say("mac and cheese and cabbage")
    assert not c.lines
    c.say("large")
    assert [sku for sku, _, _ in c.lines] == ["CURRY-GOAT"]
    assert {(o.group, o.value) for o in c.session.cart.lines[0].options} >= {
        ("size", "large"), ("sides", "mac_cheese"), ("sides", "cabbage")}


def test_a_choice_only_the_waiting_meal_offers_keeps_what_was_said(shop: Shop) -> None:
    c = shop("caribbean")
    assert "two sides" in c.say("a curry goat meal small").text
    reply = c.say("boneless if you can").text
    assert "two sides" in reply and "meal size" not in reply  # the size said first is not lost
    c.say("uh sides mac and cheese and cabbage")
    assert [sku for sku, _, _ in c.lines] == ["CURRY-GOAT"]
    assert {(o.group, o.value) for o in c.session.cart.lines[0].options} >= {
        ("size", "small"), ("cut", "boneless"), ("sides", "mac_cheese"), ("sides", "cabbage")}


def test_side_and_drink_said_while_the_combo_sandwich_is_asked(shop: Shop) -> None:
    c = shop("smokehouse")
    assert "sandwich" in c.say("a sandwich combo").text
    reply = c.say("fries and a sweet tea").text
    assert "sandwich" in reply and not c.lines  # the combo's side and drink, no fries and tea of their own


def test_and_a_side_said_while_the_plate_is_asked_is_one_more(shop: Shop) -> None:
    c = shop("smokehouse")
    c.say("a one meat plate")
    reply = c.say("and a mac and cheese").text
    assert [sku for sku, _, _ in c.lines] == ["MAC-CHEESE"]  # "and a ...": more besides
    assert "meat" in reply  # the plate still asked about, not dropped


# --- a side line put into another line instead ------------------------------------------------------------------

def test_the_hash_brown_put_inside_the_sandwich_instead_of_on_the_side(shop: Shop) -> None:
    c = shop("donuts")
    c.say("bacon egg and cheese on a croissant")
    c.say("egg whites please")
    c.say("and hash browns")
    assert c.counts == {"BEC": 1, "HASH-BROWNS": 1}
    c.say("actually put the hash brown inside the sandwich instead of on the side")
    assert c.counts == {"BEC": 1}
    assert c.lines[0][2]["extras"] == "hash_brown"
    c.say("no")  # the whole change taken back: the side is there again, the sandwich as it was
    assert c.counts == {"BEC": 1, "HASH-BROWNS": 1}
    assert "extras" not in c.lines[0][2]


def test_the_hash_brown_on_the_sandwich_instead(shop: Shop) -> None:
    c = shop("donuts")
    c.say("bacon egg and cheese on a croissant")
    c.say("and hash browns")
    c.say("put the hash brown on the sandwich instead")
    assert c.counts == {"BEC": 1}


def test_a_hash_brown_in_the_sandwich_too_keeps_the_side(shop: Shop) -> None:
    c = shop("donuts")
    c.say("bacon egg and cheese on a croissant")
    c.say("and hash browns")
    c.say("put a hash brown in the sandwich too")
    assert c.counts == {"BEC": 1, "HASH-BROWNS": 1}
    assert c.lines[0][2].get("extras") == "hash_brown"


# --- a choice's word is no remark --------------------------------------------------------------------------------

def test_fine_tip_to_a_read_back_is_the_pens_tip(shop: Shop) -> None:
    c = shop("stationery")
    c.say("a pack of gel pens")
    c.say("blue")
    reply = c.say("fine tip")
    assert "yes or a no" not in reply.text and not c.session.orders
    assert c.lines[0][2]["tip"] == "fine" and c.lines[0][2]["colour"] == "blue"
    c.say("the eight pack")
    assert c.lines[0][2]["pack"] == "8pk" and c.lines[0][2]["tip"] == "fine"


def test_fine_point_and_medium_tip(shop: Shop) -> None:
    c = shop("stationery")
    c.say("a pack of gel pens")
    c.say("fine point")
    assert c.lines[0][2]["tip"] == "fine"
    c.say("actually medium tip")
    assert c.lines[0][2]["tip"] == "medium" and not c.session.orders


# --- "a <choice> one" naming the kind's product ------------------------------------------------------------------

def test_and_a_single_spinach_one_is_a_spinach_empanada(shop: Shop) -> None:
    c = shop("empanadas")
    c.say("half dozen empanadas")
    c.say("all spicy beef")
    c.say("and a single spinach one")
    assert c.counts == {"HALF-DOZEN": 1, "EMP-SPINACH": 1}
    assert c.lines[0][2]["fillings"] == "spicy_beef"


def test_oh_and_a_spinach_one_too(shop: Shop) -> None:
    c = shop("empanadas")
    c.say("half dozen empanadas")
    c.say("all spicy beef")
    c.say("oh and a spinach one too")
    assert c.counts == {"HALF-DOZEN": 1, "EMP-SPINACH": 1}


def test_make_it_a_spinach_one_changes_the_box(shop: Shop) -> None:
    c = shop("empanadas")
    c.say("half dozen empanadas")
    c.say("all spicy beef")
    c.say("make it a spinach one")
    assert c.counts == {"HALF-DOZEN": 1}
    assert c.lines[0][2]["fillings"] == "spinach"


# --- an offer keeps its choice -------------------------------------------------------------------------------------

def test_the_battery_offered_in_group_35_after_its_price(shop: Shop) -> None:
    c = shop("autoparts")
    assert "group 35" in c.say("do you have a group 35 battery").text
    c.say("how much is it")
    c.say("ok i'll take it")
    assert c.lines and c.lines[0][0] == "BATTERY" and c.lines[0][2]["group"] == "35"
    c.say("agm")
    assert c.lines[0][2] == {**c.lines[0][2], "group": "35", "line": "agm"}
    assert not c.session.orders


def test_a_large_latte_offered_after_its_price(shop: Shop) -> None:
    c = shop("cafe")
    c.say("do you have a large latte")
    c.say("how much is it")
    c.say("ok i'll take it")
    assert c.lines and c.lines[0][0] == "LATTE" and c.lines[0][2]["size"] == "large"


# --- a choice heard through another product's longer phrase ------------------------------------------------------

def test_a_group_lesson_for_my_kid(shop: Shop) -> None:
    c = shop("rental")
    reply = c.say("a group lesson for my kid").text
    assert "doesn't come" not in reply
    assert c.lines[0][0] == "GROUP-LESSON" and c.lines[0][2]["age"] == "kids"
    c.say("snowboard")
    c.say("afternoon please")
    assert c.lines[0][2]["age"] == "kids" and c.lines[0][2]["session"] == "afternoon"


def test_two_group_lessons_for_my_kids(shop: Shop) -> None:
    c = shop("rental")
    c.say("two group lessons for my kids")
    assert c.lines == [("GROUP-LESSON", 2, {**c.lines[0][2], "age": "kids"})]


def test_whipped_cream_on_a_coffee_is_no_cream(shop: Shop) -> None:
    c = shop("pancakehouse")
    c.say("a coffee with whipped cream on top please")
    assert [(sku, q) for sku, q, _ in c.lines] == [("COFFEE", 1)]
    assert "add" not in c.lines[0][2]


def test_whipped_cream_on_a_coffee_said_short(shop: Shop) -> None:
    c = shop("pancakehouse")
    c.say("a coffee with whipped cream")
    assert c.lines and c.lines[0][0] == "COFFEE" and "add" not in c.lines[0][2]


def test_bbq_chips_with_the_meal_are_its_side_not_its_sauce(shop: Shop) -> None:
    c = shop("subshop")
    c.say("two meal deals")
    c.say("one spicy italian one tuna")
    c.say("cokes for both")
    c.say("bbq chips with the tuna one")
    tuna = [d for sku, _, d in c.lines if sku == "MEAL" and d.get("sub") == "tuna"]
    assert len(tuna) == 1 and tuna[0]["side"] == "bbq_chips"
    assert all(o.group != "sauces" for ln in c.session.cart.lines for o in ln.options)


def test_salt_and_vinegar_chips_with_the_meal(shop: Shop) -> None:
    c = shop("subshop")
    c.say("two meal deals")
    c.say("one spicy italian one tuna")
    c.say("cokes for both")
    c.say("salt and vinegar chips with the tuna one")
    tuna = [d for sku, _, d in c.lines if sku == "MEAL" and d.get("sub") == "tuna"]
    assert len(tuna) == 1 and tuna[0]["side"] == "salt_vinegar_chips"
    assert all(o.group != "sauces" for ln in c.session.cart.lines for o in ln.options)


# --- "one X one Y" shares a line --------------------------------------------------------------------------------

def test_two_sharpies_one_black_one_red(shop: Shop) -> None:
    c = shop("stationery")
    c.say("highlighters")
    c.say("a four pack assorted")
    c.say("and two sharpies")
    c.say("one black one red")
    assert c.counts == {"HIGHLIGHTER": 1, "MARKER": 2}
    assert sorted(d["colour"] for sku, _, d in c.lines if sku == "MARKER") == ["black", "red"]


def test_two_ink_cartridges_one_black_one_colour(shop: Shop) -> None:
    c = shop("stationery")
    c.say("two ink cartridges for hp 305")
    c.say("one black one colour")
    assert c.counts == {"INK": 2}
    assert sorted(d["colour"] for _, _, d in c.lines) == ["black", "tricolour"]


def test_the_black_one_still_names_the_black_ink(shop: Shop) -> None:
    c = shop("stationery")
    c.say("an ink cartridge for hp 305")
    c.say("the black one")
    assert c.lines[0][2]["colour"] == "black"


# --- a count said again of a line named by its choice ------------------------------------------------------------

def test_i_meant_one_order_of_the_twelve(shop: Shop) -> None:
    c = shop("ramenshop")
    c.say("two gyoza and a karaage")
    c.say("twelve pieces")
    assert c.counts == {"GYOZA": 2, "KARAAGE": 1}
    c.say("wait if you put two orders of gyoza that's wrong i meant one order of the twelve")
    assert c.counts == {"GYOZA": 1, "KARAAGE": 1}
    assert c.lines[0][2]["pieces"] == "12"


def test_just_one_of_the_twelve_piece(shop: Shop) -> None:
    c = shop("ramenshop")
    c.say("three gyoza and a karaage")
    c.say("twelve pieces")
    c.say("i meant one of the twelve piece")
    assert c.counts == {"GYOZA": 1, "KARAAGE": 1}


def test_i_meant_one_of_the_large_names_the_large_line(shop: Shop) -> None:
    c = shop("cafe")
    c.say("two large lattes and a small latte")
    c.say("i meant one of the large")
    assert sorted((q, d["size"]) for _, q, d in c.lines) == [(1, "large"), (1, "small")]


def test_and_one_of_the_twelve_is_not_a_recount(shop: Shop) -> None:
    c = shop("ramenshop")
    c.say("three gyoza and a karaage")
    c.say("twelve pieces")
    c.say("and just one of the twelve")
    assert c.counts["GYOZA"] >= 3  # more asked ("and"), never the line cut to one
