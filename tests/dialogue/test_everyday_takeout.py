"""Everyday takeout and errands (session 18, the wings catalog and the mt38 set): a line said not wanted with the one
meant in its place ("sorry not staples I meant paper clips", "I said curry sauce not mushy peas") replaces that line,
keeping its choices; "oh wait sorry it's an eleven speed" changes the line in focus; "and a lamb rogan josh but make
it mild" is one more line; a choice "on all of it" is every line's; a word of a product's name among choices ("a ten
piece bone in buffalo hot") names that product; "a regular fries" where "regular fries" is a combo's side is the
fries. Corpus catalogs (tests/corpus/catalogs)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.dialogue.conftest import Chat

Shop = Callable[[str], Chat]


# A line refused, the one meant said with it: that line swapped, never a second line beside it.

@pytest.mark.parametrize("said", [
    "sorry not staples i meant paper clips",
    "no not staples i said paper clips sorry",
    "paper clips not staples",
    "sorry i meant paper clips not staples",
    "i said paper clips not staples",
])
def test_line_refused_with_the_one_meant_is_swapped(shop: Shop, said: str) -> None:
    c = shop("stationery")
    c.say("a box of staples")
    c.say(said)
    assert c.counts == {"PAPER-CLIPS": 1}


def test_refused_soup_keeps_the_line_count_and_its_cup(shop: Shop) -> None:
    c = shop("deli")
    c.say("ok i'll take a reuben and a cup of the tomato soup")
    c.say("no not tomato i said chicken noodle sorry")
    assert c.counts == {"REUBEN": 1, "CHICKEN-NOODLE": 1}
    assert c.lines[1][2].get("size") == "cup"


def test_swapped_side_keeps_its_size(shop: Shop) -> None:
    c = shop("fishchips")
    c.say("two cod and two chips please")
    c.say("and a large mushy peas")
    c.say("sorry i said curry sauce not mushy peas")
    assert c.counts == {"COD": 2, "CHIPS": 2, "CURRY-SAUCE": 1}
    assert c.lines[-1] == ("CURRY-SAUCE", 1, {"size": "large"})


def test_refused_then_the_one_meant_with_its_article(shop: Shop) -> None:
    c = shop("cheeseshop")
    c.say("a pint of the castelvetrano olives")
    c.say("no sorry not castelvetrano the kalamata and pitted")
    assert c.counts == {"KALAMATA": 1}
    assert c.lines[0][2]["size"] == "medium" and c.lines[0][2]["pits"] == "pitted"


def test_not_this_to_an_empty_cart_adds_only_the_one_wanted(shop: Shop) -> None:
    c = shop("stationery")
    c.say("paper clips not staples")
    assert c.counts == {"PAPER-CLIPS": 1}


# "Sorry it's an eleven speed": the line in focus, righted.

@pytest.mark.parametrize("said, speed", [
    ("oh wait sorry it's an eleven speed", "11sp"),
    ("sorry it's an eleven speed", "11sp"),
    ("actually it's a ten speed", "10sp"),
])
def test_its_a_choice_rights_the_line_in_focus(shop: Shop, said: str, speed: str) -> None:
    c = shop("bikeshop")
    c.say("and a chain for a nine speed")
    c.say(said)
    assert c.lines == [("CHAIN", 1, {"speed": speed})]


def test_another_choice_said_as_more_is_one_more_line(shop: Shop) -> None:
    c = shop("bikeshop")
    c.say("and a chain for a nine speed")
    c.say("and an eleven speed too")
    assert sorted(ln[2]["speed"] for ln in c.lines) == ["11sp", "9sp"]


# "And a lamb rogan josh but make it mild": a new line made so, the line before untouched.

@pytest.mark.parametrize("said", [
    "and a lamb rogan josh but make it mild",
    "and a lamb rogan josh and make it mild",
])
def test_new_item_then_make_it_is_that_item(shop: Shop, said: str) -> None:
    c = shop("curry")
    c.say("a chicken tikka masala")
    c.say(said)
    assert c.counts == {"TIKKA-MASALA": 1, "ROGAN-JOSH": 1}
    assert c.lines[1][2]["protein"] == "lamb" and c.lines[1][2]["spice"] == "mild"
    assert c.lines[0][2]["protein"] == "chicken"


# A choice "on all of it": every line that offers it.

@pytest.mark.parametrize("said", ["salt and vinegar on all of it", "salt and vinegar on everything"])
def test_choice_on_all_of_it_is_every_lines(shop: Shop, said: str) -> None:
    c = shop("fishchips")
    c.say("two cod and two chips please")
    c.say(said)
    for sku, _, opts in c.lines:
        assert opts.get("seasoning") is not None, sku


# A word of a product's name among choices names that product.

def test_bone_in_among_choices_names_the_bone_in_wings(shop: Shop) -> None:
    c = shop("wings")
    c.say("yeah can i get a ten piece bone in buffalo hot extra crispy with blue cheese")
    assert c.lines == [("WINGS", 1, {"count": "10", "flavour": "hot", "cut": "mixed", "cook": "extra_crispy",
                                     "sauced": "tossed", "dip": "blue_cheese"})]


# "A regular fries" (a combo's side): an item of the fries, never a choice the line in focus lacks.

@pytest.mark.parametrize("said, n", [("and a regular fries", 1), ("and two regular fries", 2)])
def test_a_combo_side_said_as_an_item_is_the_product(shop: Shop, said: str, n: int) -> None:
    c = shop("wings")
    c.say("a ten piece wings mango habanero")
    c.say(said)
    assert c.counts == {"WINGS": 1, "FRIES": n}
    assert c.lines[1][2]["size"] == "regular"


def test_combo_side_with_the_combo_stays_its_side(shop: Shop) -> None:
    c = shop("wings")
    c.say("a wing combo 6 piece hot with regular fries and a pepsi")
    assert c.counts == {"WING-COMBO": 1}
    assert c.lines[0][2]["side"] == "fries"


# "Two copies of my house key": the count of the copies, past "my" as past "a".

@pytest.mark.parametrize("said, n", [
    ("hi can i get two copies of my house key with key rings", 2),
    ("two copies of my key", 2),
    ("three copies of our house key", 3),
])
def test_copies_of_my_key_are_counted(shop: Shop, said: str, n: int) -> None:
    c = shop("hardwarestore")
    c.say(said)
    assert c.counts == {"KEY-CUT": n}


# Two items of one product in one sentence, each said with the same count choice: two lines, not one merged.

@pytest.mark.parametrize("said, sku, first, second", [
    ("a 6 piece wings lemon pepper drums only and a 6 piece hot flats only", "WINGS", "lemon_pepper", "hot"),
    ("a 6 piece wings lemon pepper and a 6 piece hot", "WINGS", "lemon_pepper", "hot"),
    ("a 10 piece boneless honey bbq and a 10 piece garlic parm", "BONELESS", "honey_bbq", "garlic_parm"),
])
def test_same_count_said_again_is_another_item(shop: Shop, said: str, sku: str, first: str, second: str) -> None:
    c = shop("wings")
    c.say(said)
    assert [(s, q) for s, q, _ in c.lines] == [(sku, 1), (sku, 1)]
    assert [ln[2]["flavour"] for ln in c.lines] == [first, second]


def test_drums_and_flats_go_to_their_own_item(shop: Shop) -> None:
    c = shop("wings")
    c.say("a 6 piece wings lemon pepper drums only and a 6 piece hot flats only")
    assert [ln[2]["cut"] for ln in c.lines] == ["drums", "flats"]


# "Each a different flavour": one line per value, though the group takes several values on one box.

@pytest.mark.parametrize("said", [
    "three six piece wings each a different flavor hot mild and teriyaki",
    "three six piece wings in hot mild and teriyaki one of each",
])
def test_each_a_different_value_is_a_line_each(shop: Shop, said: str) -> None:
    c = shop("wings")
    c.say(said)
    assert sorted((q, o["count"], o["flavour"]) for _, q, o in c.lines) == [
        (1, "6", "hot"), (1, "6", "mild"), (1, "6", "teriyaki")]


def test_several_values_without_each_stay_on_one_line(shop: Shop) -> None:
    c = shop("wings")
    c.say("three six piece wings hot mild and teriyaki")
    assert [(s, q) for s, q, _ in c.lines] == [("WINGS", 3)]


def test_each_different_two_boxes(shop: Shop) -> None:
    c = shop("wings")
    c.say("two 10 piece boneless all different honey bbq and garlic parm")
    assert sorted(o["flavour"] for _, _, o in c.lines) == ["garlic_parm", "honey_bbq"]


# A choice said alone with an article, that two or three products come in, to an empty cart: which of them.

def test_a_count_two_products_come_in_asks_which(shop: Shop) -> None:
    c = shop("wings")
    reply = c.say("a 50 piece")
    assert "boneless wings" in reply.text and "bone-in wings" in reply.text
    assert c.lines == []
    c.say("uh bone in")
    c.say("half naked half cajun")
    assert [(s, o["count"]) for s, _, o in c.lines] == [("WINGS", "50")]
    c.say("actually make it a twenty piece instead")
    assert [(s, q, o["count"]) for s, q, o in c.lines] == [("WINGS", 1, "20")]


def test_a_choice_many_products_offer_asks_nothing_new(shop: Shop) -> None:
    c = shop("cafe")
    c.say("a large")
    assert c.lines == []


# A choice said in a container after an item ("and an extra cup of blue cheese"): the product whose name holds the
# container word ("dip cup", "sauce cup") that offers it, not the item's own choice.

@pytest.mark.parametrize("said, sku, group, value, n", [
    ("a ten piece wings mild and an extra cup of blue cheese", "EXTRA-DIP", "dip", "blue_cheese", 1),
    ("a ten piece wings mild and a cup of blue cheese", "EXTRA-DIP", "dip", "blue_cheese", 1),
    ("a ten piece wings mild and a side cup of hot sauce", "SIDE-SAUCE", "flavour", "hot", 1),
    ("a ten piece wings mild with blue cheese and two cups of ranch", "EXTRA-DIP", "dip", "ranch", 2),
])
def test_choice_in_a_cup_is_the_product_served_so(shop: Shop, said: str, sku: str, group: str, value: str,
                                                  n: int) -> None:
    c = shop("wings")
    c.say(said)
    assert c.counts == {"WINGS": 1, sku: n}
    assert c.lines[0][2]["flavour"] == "mild"
    assert c.lines[1][2][group] == value


def test_the_items_own_dip_said_with_with_stays_its_own(shop: Shop) -> None:
    c = shop("wings")
    c.say("a ten piece wings mild with blue cheese and two cups of ranch")
    assert c.lines[0][2]["dip"] == "blue_cheese"


@pytest.mark.parametrize("said, seasoning", [
    ("regular fries with cajun seasoning and a large sweet potato fries", "cajun"),
    ("regular fries please", "salted"),
])
def test_turn_opening_with_a_combo_side_is_the_product(shop: Shop, said: str, seasoning: str) -> None:
    c = shop("wings")
    c.say(said)
    assert c.lines[0] == ("FRIES", 1, {"size": "regular", "seasoning": seasoning})


# "What's a twenty piece boneless run me": a price asked, with the count's own price, though the flavours (a group
# taking several) are still open; the product then ordered as asked about.

@pytest.mark.parametrize("asked", ["what's a twenty piece boneless run me", "how much is a twenty piece boneless",
                                   "what would a twenty piece boneless set me back"])
def test_price_asked_counts_the_choice_said(shop: Shop, asked: str) -> None:
    c = shop("wings")
    reply = c.say(asked)
    assert "twenty one forty nine" in reply.text
    assert c.lines == []
    c.say("ok let me get that in honey bbq")
    assert [(s, o["count"], o["flavour"]) for s, _, o in c.lines] == [("BONELESS", "20", "honey_bbq")]


# "Actually change the rice to greek salad" on a plate of rice and lemon potatoes: the rice goes, the potatoes stay
# (a correction cue takes back nothing more when what goes is said).

@pytest.mark.parametrize("said", ["actually change the rice to greek salad", "no sorry swap the rice for greek salad",
                                  "change the rice to greek salad"])
def test_swap_of_one_of_several_sides_keeps_the_others(shop: Shop, said: str) -> None:
    c = shop("gyro")
    c.say("and a chicken plate with rice and lemon potatoes")
    c.say(said)
    assert [(s, q) for s, q, _ in c.lines] == [("PLATE", 1)]
    line = c.session.cart.lines[0]
    assert sorted(o.value for o in line.options if o.group == "sides") == ["potatoes", "salad"]


def test_correction_right_after_still_takes_back_the_last_side(shop: Shop) -> None:
    c = shop("gyro")
    c.say("and a chicken plate with rice and lemon potatoes")
    c.say("no wait with greek salad")
    line = c.session.cart.lines[0]
    assert sorted(o.value for o in line.options if o.group == "sides") == ["rice", "salad"]


# "Have you got any plaice left": a question of stock, never a line added.

@pytest.mark.parametrize("asked", ["have you got any plaice left", "have you got any plaice", "got any plaice left",
                                   "you got any plaice", "have you any plaice left"])
def test_have_you_got_any_asks_and_adds_nothing(shop: Shop, asked: str) -> None:
    c = shop("fishchips")
    reply = c.say(asked)
    assert c.lines == []
    assert "plaice" in reply.text


def test_order_after_the_stock_question(shop: Shop) -> None:
    c = shop("fishchips")
    c.say("have you got any plaice left")
    c.say("ok three plaice grilled")
    assert c.lines == [("PLAICE", 3, {"size": "regular", "cooking": "grilled"})]


def test_have_a_latte_is_still_an_order(shop: Shop) -> None:
    c = shop("cafe")
    c.say("i'll have a latte")
    assert c.counts == {"LATTE": 1}


# "All the way on two of them and just mustard on the other one": the choices said after the "and", before "the other
# one", are the rest of the line's.

@pytest.mark.parametrize("said", ["all the way on two of them and just mustard on the other one",
                                  "make two of them all the way and the other one just mustard"])
def test_rest_of_line_gets_the_choice_said_before_the_other_one(shop: Shop, said: str) -> None:
    c = shop("hotdogs")
    c.say("lemme get three hot dogs")
    c.say(said)
    assert sorted((q, o.get("toppings")) for _, q, o in c.lines) == [(1, "mustard"), (2, "everything")]


def test_one_of_them_and_the_other_one_still_split(shop: Shop) -> None:
    c = shop("cafe")
    c.say("two lattes")
    c.say("make one of them iced and the other one decaf")
    assert sorted((o["temperature"], o["caffeine"]) for _, _, o in c.lines) == [("hot", "decaf"), ("iced", "regular")]


# A product talked about, then an item named only by choices it offers: that product, not another that comes so too.

def test_choices_after_the_flavours_asked_are_the_topics(shop: Shop) -> None:
    c = shop("wings")
    c.say("hi what flavors do you have for the wings")
    c.say("ok a ten piece lemon pepper then")
    assert c.lines == [("WINGS", 1, {"count": "10", "flavour": "lemon_pepper", "cut": "mixed", "cook": "regular",
                                     "sauced": "tossed", "dip": "ranch"})]


def test_a_product_named_after_the_topic_is_that_product(shop: Shop) -> None:
    c = shop("wings")
    c.say("hi what flavors do you have for the wings")
    c.say("ok a ten piece tenders lemon pepper then")
    assert c.counts == {"TENDERS": 1}


def test_a_choice_the_topic_lacks_stays_its_own_products(shop: Shop) -> None:
    c = shop("wings")
    c.say("hi what flavors do you have for the wings")
    c.say("and a large mac and cheese")
    assert c.counts == {"MAC": 1}


# Kinds of one product asked after in stock, then "one of each then": one of each kind asked about.

@pytest.mark.parametrize("said, n", [("one of each then", 1), ("two of each please", 2)])
def test_one_of_each_after_kinds_asked_in_stock(shop: Shop, said: str, n: int) -> None:
    c = shop("fishchips")
    c.say("have you got steak and kidney and chicken and mushroom pies")
    assert c.lines == []
    c.say(said)
    assert sorted((q, o["filling"]) for _, q, o in c.lines) == [(n, "chicken_mushroom"), (n, "steak_kidney")]


def test_one_of_each_with_nothing_asked_adds_nothing(shop: Shop) -> None:
    c = shop("fishchips")
    c.say("one of each then")
    assert c.lines == []


# "Make that two gallons" to washer fluid sold by the gallon: two of it, not two gallons of transmission fluid
# (another product's "1 gallon" size).

@pytest.mark.parametrize("said, n", [("make that two gallons", 2), ("make it three gallons", 3)])
def test_count_in_the_lines_own_unit_recounts_it(shop: Shop, said: str, n: int) -> None:
    c = shop("autoparts")
    c.say("and a gallon of washer fluid the de icer kind")
    c.say(said)
    assert c.lines == [("WASHER-FLUID", n, {"type": "deicer"})]


def test_another_product_named_still_swaps(shop: Shop) -> None:
    c = shop("autoparts")
    c.say("and a gallon of washer fluid the de icer kind")
    c.say("make it two transmission fluids")
    assert c.counts == {"ATF": 2}


# "With a two liter of pepsi" after a pack whose drink group is called "2 liter": the pack's drink, not a bottle.

@pytest.mark.parametrize("said, drink", [
    ("a family pack half hot half garlic parmesan with a two liter of pepsi", "pepsi"),
    ("a family pack half hot half mild with a 2 liter of mountain dew", "mtn_dew"),
])
def test_group_named_after_with_is_the_items_choice(shop: Shop, said: str, drink: str) -> None:
    c = shop("wings")
    c.say(said)
    assert c.counts == {"FAMILY-PACK": 1}
    assert c.lines[0][2]["drink"] == drink


def test_a_bottle_said_with_and_is_its_own(shop: Shop) -> None:
    c = shop("wings")
    c.say("a 10 piece wings hot and a two liter of pepsi")
    assert c.counts == {"WINGS": 1, "TWO-LITER": 1}


# "One decaf and both with oat milk" to two coffees: one decaf, both oat milk; never a third coffee.

@pytest.mark.parametrize("said", ["one decaf and both with oat milk", "one decaf and both of them with oat milk"])
def test_some_units_one_way_and_all_another(shop: Shop, said: str) -> None:
    c = shop("pieshop")
    c.say("two cups of coffee")
    c.say(said)
    assert c.counts == {"COFFEE": 2}
    assert sorted((o["roast"], o.get("milk")) for _, _, o in c.lines) == [("decaf", "oat"), ("regular", "oat")]


def test_two_of_three_and_all_of_them(shop: Shop) -> None:
    c = shop("cafe")
    c.say("three lattes")
    c.say("two iced and all of them with oat milk")
    assert sorted((q, o["temperature"], o["milk"]) for _, q, o in c.lines) == [(1, "hot", "oat"), (2, "iced", "oat")]


def test_a_product_named_first_is_one_more(shop: Shop) -> None:
    c = shop("pieshop")
    c.say("two cups of coffee")
    c.say("one latte and both large")
    assert c.counts.get("COFFEE") == 2


# A second item opening with a choice word ("a large ...", "a small ...", "a pound of ...") whose next choice the
# item before does not offer heads an item of the product that choice names, never another of the item before.

@pytest.mark.parametrize("catalog, said, want", [
    ("burgerjoint", "a large fries and a large coke",
     [("FRIES", 1, {"size": "large"}), ("SODA", 1, {"flavour": "coke", "size": "large"})]),
    ("burgerjoint", "two large fries and two large cokes",
     [("FRIES", 2, {"size": "large"}), ("SODA", 2, {"flavour": "coke", "size": "large"})]),
    ("burgerjoint", "a small fries and a medium sprite",
     [("FRIES", 1, {"size": "small"}), ("SODA", 1, {"flavour": "sprite", "size": "medium"})]),
    ("cinema", "a small popcorn no butter and a small sprite",
     [("POPCORN", 1, {"size": "small"}), ("SODA", 1, {"flavour": "sprite", "size": "small"})]),
    ("cinema", "a large popcorn and two large sprites",
     [("POPCORN", 1, {"size": "large"}), ("SODA", 2, {"flavour": "sprite", "size": "large"})]),
    ("taqueria", "a large horchata and a small jamaica",
     [("HORCHATA", 1, {"size": "large"}), ("AGUA-FRESCA", 1, {"flavour": "jamaica", "size": "small"})]),
    ("smokehouse", "a small sweet tea a medium lemonade and a large root beer",
     [("SWEET-TEA", 1, {"size": "small"}), ("LEMONADE", 1, {}), ("SODA", 1, {"flavour": "root_beer", "size": "large"})]),
    ("bulkfoods", "a kilo of red lentils and a pound of chickpeas",
     [("LENTILS", 1, {"kind": "red", "weight": "1kg"}), ("BEANS", 1, {"kind": "chickpeas"})]),
])
def test_choice_word_opening_the_next_item_of_another_product(shop: Shop, catalog: str, said: str,
                                                              want: list[tuple[str, int, dict[str, str]]]) -> None:
    c = shop(catalog)
    c.say(said)
    assert [s for s, _, _ in c.lines] == [s for s, _, _ in want]
    for (sku, n, opts), (_, q, got) in zip(want, c.lines, strict=True):
        assert q == n, sku
        assert all(got.get(g) == v for g, v in opts.items()), (sku, got)


def test_same_count_with_the_items_own_choice_after_is_still_another_item(shop: Shop) -> None:
    c = shop("wings")
    c.say("a 6 piece wings lemon pepper and a 6 piece hot and a large coke")
    assert [s for s, _, _ in c.lines][:2] == ["WINGS", "WINGS"]
    assert [ln[2]["flavour"] for ln in c.lines[:2]] == ["lemon_pepper", "hot"]


# A line made on another base ("make it on a salt bagel", "make that an everything bagel"): the line changed,
# never a plain bagel in its place.

@pytest.mark.parametrize("catalog, first, said, sku, group, value", [
    ("bagels", "a bacon egg and cheese on plain", "make it on a salt bagel", "BEC", "bagel", "salt"),
    ("bagels", "a bacon egg and cheese on plain", "make that a salt bagel", "BEC", "bagel", "salt"),
    ("donuts", "an egg and cheese on a bagel", "can you make that an everything bagel", "EGG-CHEESE", "bread",
     "everything_bagel"),
    ("donuts", "an egg and cheese on a bagel", "make it on an everything bagel", "EGG-CHEESE", "bread",
     "everything_bagel"),
])
def test_made_on_another_base_changes_the_line(shop: Shop, catalog: str, first: str, said: str, sku: str,
                                               group: str, value: str) -> None:
    c = shop(catalog)
    c.say(first)
    c.say(said)
    assert [(s, q) for s, q, _ in c.lines] == [(sku, 1)]
    assert c.lines[0][2][group] == value


# "on everything" that is the choice itself ("a bacon egg and cheese on everything": the everything bagel) is that
# item's, not a cue putting it on every line before.

@pytest.mark.parametrize("said", [
    "a dozen assorted and a bacon egg and cheese on everything",
    "a dozen assorted three large coffees a bacon egg and cheese on everything and an orange juice",
])
def test_on_everything_as_the_items_bagel_stays_its_own(shop: Shop, said: str) -> None:
    c = shop("bagels")
    c.say(said)
    dozen = next(ln for ln in c.lines if ln[0] == "DOZEN")
    assert dozen[2]["bagels"] == "assorted"
    assert next(ln for ln in c.lines if ln[0] == "BEC")[2]["bagel"] == "everything"


# A product asked about, then a unit of another product named in the same turn ("two spicy tuna rolls one of them
# on brown rice"): that unit is of the rolls named, never one more of the product asked about.

@pytest.mark.parametrize("said", [
    "ok one dragon roll and two spicy tuna rolls one of them on brown rice",
    "two spicy tuna rolls one of them on brown rice and a dragon roll",
])
def test_unit_of_a_product_named_is_not_the_topic(shop: Shop, said: str) -> None:
    c = shop("sushi")
    c.say("what's in the dragon roll")
    c.say(said)
    assert c.counts == {"DRAGON-ROLL": 1, "SPICY-TUNA-ROLL": 2}
    assert sorted(ln[2]["rice"] for ln in c.lines if ln[0] == "SPICY-TUNA-ROLL") == ["brown", "white"]
