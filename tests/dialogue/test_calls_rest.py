"""Long calls: a common word for a choice said as "the <word> one" right after its product ("an extension pole the
long one"), what the shopper is making told as the occasion ("i'm making salsa and guac for a party": no misheard
product), a weight said before "of" and an item named by a choice of its own ("two pounds of roma tomatoes"), a
package word before "of" and a choice naming its product ("two bunches of cilantro" after another item), and a
count knocked off a line ("knock one avocado off"). Corpus catalogs and the bundled cafe."""

from __future__ import annotations

from tests.dialogue.conftest import Chat


# --- "the <common word> one" right after the product: its choice by that word ----------------------------------
def test_an_extension_pole_the_long_one(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("paintstore")
    chat.say("an extension pole the long one and a couple of canvas drop cloths")
    assert [(sku, n, o.get("length")) for sku, n, o in chat.lines][0] == ("EXT-POLE", 1, "long")


def test_a_water_bottle_the_tall_one(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("bikeshop")
    chat.say("a water bottle the tall one")
    assert chat.lines[0][0] == "BOTTLE" and chat.lines[0][2]["size"] == "large"


def test_a_water_bottle_alone_keeps_its_default(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("bikeshop")
    chat.say("a water bottle")
    assert chat.lines[0][2]["size"] == "regular"


# --- the occasion told: what the shopper makes is no misheard product --------------------------------------------
def test_making_salsa_for_a_party_orders_nothing(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("greengrocer")
    chat.say("hi i'm making salsa and guac for a party")
    assert chat.lines == []
    chat.say("i need five avocados ripe for tonight")
    assert [(sku, n) for sku, n, _ in chat.lines] == [("AVOCADO", 5)]


def test_a_product_said_after_the_occasion_is_still_ordered(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("greengrocer")
    chat.say("i'm making salsa so i need two pounds of roma tomatoes")
    assert [(sku, n) for sku, n, _ in chat.lines] == [("TOMATO", 1)]


# --- a weight before "of" and an item named by its own choice ------------------------------------------------------
def test_two_pounds_of_roma_tomatoes(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("greengrocer")
    chat.say("and two pounds of roma tomatoes")
    assert chat.lines == [("TOMATO", 1, {"variety": "roma", "weight": "2lb", "growing": "conventional"})]


def test_three_pounds_of_heirloom_tomatoes_after_another_item(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("greengrocer")
    chat.say("five avocados")
    chat.say("and three pounds of heirloom tomatoes")
    tomato = [o for sku, _, o in chat.lines if sku == "TOMATO"]
    assert tomato and tomato[0]["variety"] == "heirloom" and tomato[0]["weight"] == "3lb"


def test_two_pounds_of_tomatoes_unchanged(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("greengrocer")
    chat.say("two pounds of tomatoes")
    assert chat.lines[0][0] == "TOMATO" and chat.lines[0][2]["weight"] == "2lb"


# --- a package word before "of" and a choice naming its product -----------------------------------------------------
def test_a_red_onion_and_two_bunches_of_cilantro(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("greengrocer")
    chat.say("a red onion and two bunches of cilantro")
    assert [(sku, n) for sku, n, _ in chat.lines] == [("ONION", 1), ("HERBS", 2)]
    assert chat.lines[1][2]["herb"] == "cilantro"


def test_bunches_of_a_product_unchanged(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("greengrocer")
    chat.say("two bunches of carrots and a bunch of kale")
    assert [(sku, n) for sku, n, _ in chat.lines] == [("CARROTS", 2), ("KALE", 1)]


# --- "knock one off": a count taken off the line ---------------------------------------------------------------------
def test_knock_one_avocado_off_so_four(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("greengrocer")
    chat.say("i need five avocados ripe for tonight")
    chat.say("four lemons")
    chat.say("actually knock one avocado off so four")
    assert [(sku, n) for sku, n, _ in chat.lines] == [("AVOCADO", 4), ("LEMON", 4)]


def test_knock_one_off_the_lattes(chat: Chat) -> None:
    chat.say("three lattes")
    chat.say("knock one off")
    assert chat.counts == {"LATTE": 2}


def test_take_one_latte_off_still_works(chat: Chat) -> None:
    chat.say("three lattes and a muffin")
    chat.say("take one latte off")
    assert chat.counts.get("LATTE") == 2 and len(chat.lines) == 2


# --- "<count> <unit> of <choice>" with no product named: one more line of the cart's product ---------------------
def _painted(chat: Chat) -> None:
    chat.say("ok two gallons of the sage in eggshell")
    chat.say("and a roller and one of those trays")


def test_so_one_gallon_of_white_in_flat_is_a_new_line(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("hardware")
    _painted(chat)
    chat.say("oh shoot she wants the ceiling done too so one gallon of white in flat")
    paints = [(n, o["colour"]) for sku, n, o in chat.lines if sku == "INTERIOR-PAINT"]
    assert paints == [(2, "sage"), (1, "bright_white")]


def test_make_it_one_gallon_of_white_changes_the_line(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("hardware")
    chat.say("ok two gallons of the sage in eggshell")
    chat.say("make it one gallon of white")
    paints = [o["colour"] for sku, _, o in chat.lines if sku == "INTERIOR-PAINT"]
    assert len(paints) == 1 and paints[0] != "sage"


# --- "make the green one just one gallon": the count of the unit the line is sold in ------------------------------
def test_make_the_green_one_just_one_gallon(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("hardware")
    _painted(chat)
    chat.say("oh shoot she wants the ceiling done too so one gallon of white in flat")
    chat.say("actually make the green one just one gallon the room's small")
    paints = [(n, o["colour"]) for sku, n, o in chat.lines if sku == "INTERIOR-PAINT"]
    assert paints == [(1, "sage"), (1, "bright_white")]


def test_make_the_agreeable_gray_one_just_one_gallon(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("paintstore")
    chat.say("two gallons of the premium in agreeable gray")
    chat.say("and a roller kit")
    chat.say("actually make the agreeable gray one just one gallon")
    assert [(sku, n) for sku, n, _ in chat.lines] == [("PREMIUM-INT", 1), ("ROLLER-KIT", 1)]
    assert chat.lines[0][2]["size"] == "gallon"


def test_make_the_green_one_flat_keeps_its_count(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("hardware")
    _painted(chat)
    chat.say("actually make the green one flat")
    paints = [(n, o["colour"], o["finish"]) for sku, n, o in chat.lines if sku == "INTERIOR-PAINT"]
    assert paints == [(2, "sage", "flat")]
