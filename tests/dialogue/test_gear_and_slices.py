"""Counts per choice inside one item, counted lines of one product, counts said beside measures and units, an item
asked about then taken, and sound-alike slips at the end of a catalog phrase (session 18: outdoors, yarnshop,
caribbean, sliceshop)."""

from __future__ import annotations

from collections.abc import Callable

from tests.dialogue.conftest import Chat


def _has(chat: Chat, sku: str, qty: int, **opts: str) -> bool:
    return any(s == sku and q == qty and all(o.get(g) == v for g, v in opts.items()) for s, q, o in chat.lines)


# --- a count per choice inside one item -------------------------------------------------------------------------

def test_count_in_each_colour_keeps_both_counts_and_the_weight(shop: Callable[[str], Chat]) -> None:
    c = shop("yarnshop")
    c.say("two skeins of merino dk in sea glass and two in the oatmeal")
    assert _has(c, "MERINO", 2, weight="dk", colour="sea_glass")
    assert _has(c, "MERINO", 2, weight="dk", colour="oatmeal")
    assert len(c.lines) == 2


def test_a_different_count_in_the_second_colour(shop: Callable[[str], Chat]) -> None:
    c = shop("yarnshop")
    c.say("two merino dk in sea glass and three in the oatmeal")
    assert _has(c, "MERINO", 2, weight="dk", colour="sea_glass")
    assert _has(c, "MERINO", 3, weight="dk", colour="oatmeal")


def test_two_in_the_colour_is_no_size_in_inches(shop: Callable[[str], Chat]) -> None:
    c = shop("yarnshop")
    c.say("two balls of kitchen cotton in ecru and two in the barn red")
    assert _has(c, "KITCHEN-COTTON", 2, colour="ecru")
    assert _has(c, "KITCHEN-COTTON", 2, colour="red")
    assert c.counts == {"KITCHEN-COTTON": 4}


def test_plus_two_in_the_colour_adds_a_line(shop: Callable[[str], Chat]) -> None:
    c = shop("yarnshop")
    c.say("two balls of kitchen cotton in ecru")
    c.say("plus two in the barn red")
    assert _has(c, "KITCHEN-COTTON", 2, colour="ecru")
    assert _has(c, "KITCHEN-COTTON", 2, colour="red")


def test_bare_product_then_counted_colours(shop: Callable[[str], Chat]) -> None:
    for said in ("kitchen cotton please four white and two of the rainbow ombre",
                 "kitchen cotton four white and two rainbow ombre"):
        c = shop("yarnshop")
        c.say(said)
        assert _has(c, "KITCHEN-COTTON", 4, colour="white"), said
        assert _has(c, "KITCHEN-COTTON", 2, colour="ombre"), said
        assert c.counts == {"KITCHEN-COTTON": 6}, said


def test_two_in_coco_bread_and_one_plain(shop: Callable[[str], Chat]) -> None:
    c = shop("caribbean")
    c.say("three beef patties two in coco bread and one plain")
    assert _has(c, "PATTY", 2, filling="beef", bread="coco_bread")
    assert _has(c, "PATTY", 1, filling="beef", bread="plain")
    assert c.counts == {"PATTY": 3}


def test_parts_said_one_after_another_without_and(shop: Callable[[str], Chat]) -> None:
    c = shop("outdoors")
    c.say("two twenty degree synthetic bags one long one regular two regular air pads")
    assert _has(c, "SYN-BAG", 1, rating="20F", length="long")
    assert _has(c, "SYN-BAG", 1, rating="20F", length="regular")
    assert c.counts == {"SYN-BAG": 2, "INFLATABLE-PAD": 2}


def test_last_part_naming_the_product_itself_makes_no_extra_line(shop: Callable[[str], Chat]) -> None:
    c = shop("sliceshop")
    c.say("two slices one mushroom and one plain")
    assert sum(c.counts.values()) == 2
    assert _has(c, "CHEESE-SLICE", 1, toppings="mushroom")
    c = shop("sliceshop")
    c.say("three slices one pepperoni one mushroom and one plain")
    assert sum(c.counts.values()) == 3


# --- another line of the same product, made otherwise --------------------------------------------------------------

def test_and_a_twenty_piece_is_a_second_order_of_wings(shop: Callable[[str], Chat]) -> None:
    c = shop("caribbean")
    c.say("six piece jerk wings pineapple jerk and a twenty piece plain jerk extra hot for the party")
    assert _has(c, "JERK-WINGS", 1, count="6", style="pineapple_jerk")
    assert _has(c, "JERK-WINGS", 1, count="20", style="jerk", spice="extra_hot")
    assert len(c.lines) == 2


def test_and_a_twenty_piece_with_an_article_first(shop: Callable[[str], Chat]) -> None:
    c = shop("caribbean")
    c.say("a six piece jerk wings and a twenty piece extra hot")
    assert _has(c, "JERK-WINGS", 1, count="6")
    assert _has(c, "JERK-WINGS", 1, count="20", spice="extra_hot")


def test_the_same_choice_again_is_no_second_line(cafe_chat: Chat) -> None:
    cafe_chat.say("a large latte with oat milk and a small with almond milk")
    assert len(cafe_chat.lines) == 2
    assert {o["size"] for _, _, o in cafe_chat.lines} == {"large", "small"}


# --- counts beside measures and unit words ------------------------------------------------------------------------

def test_unit_word_starting_the_name_does_not_eat_the_count(shop: Callable[[str], Chat]) -> None:
    c = shop("outdoors")
    c.say("two pump filters")
    assert c.counts == {"PUMP": 2}


def test_measure_said_with_the_name_is_no_count(shop: Callable[[str], Chat]) -> None:
    for said in ("two of the one pound propane bottles", "two one pound propane bottles"):
        c = shop("outdoors")
        c.say(said)
        assert c.counts == {"PROPANE": 2}, said
    c = shop("outdoors")
    c.say("one pound propane bottle")
    assert c.counts == {"PROPANE": 1}


def test_choices_counted_with_of_the_are_items(shop: Callable[[str], Chat]) -> None:
    for said in ("one mac and cheese the two serving and two of the breakfast skillets",
                 "one mac and cheese the two servings and two of the breakfast skillets"):
        c = shop("outdoors")
        c.say(said)
        assert _has(c, "MEAL", 1, flavour="mac_cheese", servings="2"), said
        assert _has(c, "MEAL", 2, flavour="breakfast_skillet"), said


# --- asked about, then taken --------------------------------------------------------------------------------------

def test_asked_about_then_i_will_take_one(shop: Callable[[str], Chat]) -> None:
    c = shop("outdoors")
    c.say("do you guys have a squeeze filter i'll take one and a pack of the purification tablets as backup")
    assert c.counts == {"SQUEEZE": 1, "TABLETS": 1}


def test_asked_about_then_i_will_take_two(shop: Callable[[str], Chat]) -> None:
    c = shop("outdoors")
    c.say("do you have a squeeze filter i'll take two")
    assert c.counts == {"SQUEEZE": 2}


def test_asked_about_without_taking_adds_nothing(shop: Callable[[str], Chat]) -> None:
    c = shop("outdoors")
    c.say("do you have a squeeze filter")
    assert c.lines == []


# --- sound-alike slips at a phrase's end --------------------------------------------------------------------------

def test_rice_and_peace_is_rice_and_peas(shop: Callable[[str], Chat]) -> None:
    c = shop("caribbean")
    c.say("small ital stew rice and peace and steamed cabbage and a water")
    assert any(s == "ITAL-STEW" for s, _, _ in c.lines)
    line = next(ln for ln in c.session.cart.lines if ln.sku == "ITAL-STEW")
    assert {o.value for o in line.options if o.group == "sides"} == {"rice_peas", "cabbage"}
    assert c.counts.get("WATER") == 1


# --- sides said after a product whose name is also a choice; side orders ------------------------------------------

def test_sides_after_a_product_named_like_a_choice(shop: Callable[[str], Chat]) -> None:
    c = shop("caribbean")
    c.say("a large curry goat rice and peas and cabbage")
    assert len(c.lines) == 1
    line = c.session.cart.lines[0]
    assert line.sku == "CURRY-GOAT"
    assert {o.value for o in line.options if o.group == "sides"} == {"rice_peas", "cabbage"}


def test_two_more_on_the_side_is_a_side_order(shop: Callable[[str], Chat]) -> None:
    c = shop("caribbean")
    c.say("a small jerk chicken meal rice and peas and festival plus two more festival on the side")
    assert c.counts == {"JERK-MEAL": 1, "FESTIVAL": 2}
    meal = next(ln for ln in c.session.cart.lines if ln.sku == "JERK-MEAL")
    assert {o.value for o in meal.options if o.group == "sides"} == {"rice_peas", "festival"}
    assert all(o.value != "on_side" for o in meal.options)


def test_gravy_on_the_side_stays_a_choice(shop: Callable[[str], Chat]) -> None:
    c = shop("caribbean")
    c.say("a small jerk chicken meal rice and peas and festival with gravy on the side")
    assert c.counts == {"JERK-MEAL": 1}
    assert _has(c, "JERK-MEAL", 1, gravy="on_side")


# --- a product by its own noun; a choice pointed back to with "for it" ---------------------------------------------

def test_the_map_for_it_takes_the_area_said_before(shop: Callable[[str], Chat]) -> None:
    c = shop("outdoors")
    c.say("hey so i'm heading up to eagle peak this weekend i need the map for it a pair of heavy cushion socks "
          "size medium and a lantern if you have one")
    assert _has(c, "MAP", 1, area="eagle_peak")
    assert _has(c, "SOCKS", 1, cushion="heavy", size="m")


def test_the_map_alone_asks_for_its_area(shop: Callable[[str], Chat]) -> None:
    c = shop("outdoors")
    reply = c.say("i need the map")
    assert c.lines == []
    assert "area" in reply.text.lower()


# --- a value by a common word after its group; units counted; "a second" ------------------------------------------

def test_zip_on_the_right(shop: Callable[[str], Chat]) -> None:
    for said in ("i need a twenty degree down bag long with the zip on the right",
                 "a 20 degree long down bag zip right",
                 "a 20 degree long down bag with the zipper on the right side"):
        c = shop("outdoors")
        c.say(said)
        assert _has(c, "DOWN-BAG", 1, rating="20F", length="long", zip="right"), said


def test_is_that_right_is_no_zip(shop: Callable[[str], Chat]) -> None:
    c = shop("outdoors")
    c.say("a 20 degree long down bag, is that right")
    assert all(o.get("zip") != "right" for _, _, o in c.lines)


def test_balls_of_a_colour_are_units_of_the_yarn_in_focus(shop: Callable[[str], Chat]) -> None:
    c = shop("yarnshop")
    c.say("what colours does the everyday soft come in")
    c.say("ok eight balls of the baby pink")
    assert c.counts == {"EVERYDAY": 8}
    assert _has(c, "EVERYDAY", 8, colour="baby_pink")


def test_a_second_kit_is_another(shop: Callable[[str], Chat]) -> None:
    for said in ("and a second kit in navy for my friend", "and a second one in navy"):
        c = shop("yarnshop")
        c.say("the beginner scarf kit")
        c.say("the forest one")
        c.say(said)
        assert _has(c, "SCARF-KIT", 1, colour="forest"), said
        assert _has(c, "SCARF-KIT", 1, colour="navy"), said


def test_wait_a_second_changes_nothing(shop: Callable[[str], Chat]) -> None:
    c = shop("yarnshop")
    c.say("the beginner scarf kit")
    c.say("wait a second")
    assert c.counts == {"SCARF-KIT": 1}


# --- a product named by a topping and the kind's noun --------------------------------------------------------------

def test_pepperoni_and_sausage_pie_is_the_pepperoni_pie(shop: Callable[[str], Chat]) -> None:
    c = shop("sliceshop")
    c.say("a large pepperoni and sausage pie")
    assert c.counts == {"PEPPERONI-PIE": 1}
    assert _has(c, "PEPPERONI-PIE", 1, toppings="sausage")


def test_slices_one_pepperoni_is_the_pepperoni_slice(shop: Callable[[str], Chat]) -> None:
    c = shop("sliceshop")
    c.say("three slices one pepperoni one mushroom and one plain")
    assert c.counts == {"PEPPERONI-SLICE": 1, "CHEESE-SLICE": 2}
    assert _has(c, "CHEESE-SLICE", 1, toppings="mushroom")


def test_pies_one_pepperoni_and_one_plain(shop: Callable[[str], Chat]) -> None:
    c = shop("sliceshop")
    c.say("two large pies one pepperoni and one plain")
    assert c.counts == {"PEPPERONI-PIE": 1, "CHEESE-PIE": 1}


def test_a_topping_said_with_with_stays_a_topping(shop: Callable[[str], Chat]) -> None:
    c = shop("sliceshop")
    c.say("a cheese pie with pepperoni")
    assert _has(c, "CHEESE-PIE", 1, toppings="pepperoni")


def test_a_state_choice_never_names_another_product(cafe_chat: Chat) -> None:
    cafe_chat.say("an iced chai latte")
    assert [s for s, _, _ in cafe_chat.lines] == ["CHAI-LATTE"]
    assert cafe_chat.lines[0][2]["temperature"] == "iced"


def test_two_plain_slices_then_other_slices_sums_nothing_up(shop: Callable[[str], Chat]) -> None:
    c = shop("sliceshop")
    c.say("ok so we need two plain slices a pepperoni slice a sicilian square a grandma slice")
    assert c.counts == {"CHEESE-SLICE": 2, "PEPPERONI-SLICE": 1, "SICILIAN-SLICE": 1, "GRANDMA-SLICE": 1}


def test_slice_with_sausage_and_peppers(shop: Callable[[str], Chat]) -> None:
    c = shop("sliceshop")
    c.say("can i get a slice with sausage and peppers")
    assert len(c.lines) == 1
    line = c.session.cart.lines[0]
    assert line.sku == "CHEESE-SLICE"
    assert {o.value for o in line.options if o.group == "toppings"} == {"sausage", "green_pepper"}


def test_just_three_of_the_word_of_a_lines_choice(shop: Callable[[str], Chat]) -> None:
    c = shop("outdoors")
    c.say("five of the chicken teriyaki meals and two beef stroganoff")
    c.say("just three of the teriyaki")
    assert _has(c, "MEAL", 3, flavour="chicken_teriyaki")
    assert _has(c, "MEAL", 2, flavour="beef_stroganoff")


def test_only_one_of_the_stroganoff(shop: Callable[[str], Chat]) -> None:
    c = shop("outdoors")
    c.say("five of the chicken teriyaki meals and two beef stroganoff")
    c.say("only one of the stroganoff please")
    assert _has(c, "MEAL", 5, flavour="chicken_teriyaki")
    assert _has(c, "MEAL", 1, flavour="beef_stroganoff")


def test_a_choice_after_and_belongs_to_the_value_after_it(shop: Callable[[str], Chat]) -> None:
    c = shop("outdoors")
    c.say("two freeze dried meals the beef stroganoff and a single serving of the chili mac")
    assert _has(c, "MEAL", 1, flavour="beef_stroganoff", servings="2")
    assert _has(c, "MEAL", 1, flavour="chili_mac", servings="1")


def test_a_choice_before_the_values_goes_to_each(shop: Callable[[str], Chat]) -> None:
    c = shop("outdoors")
    c.say("two single serving freeze dried meals beef stroganoff and chili mac")
    assert _has(c, "MEAL", 1, flavour="beef_stroganoff", servings="1")
    assert _has(c, "MEAL", 1, flavour="chili_mac", servings="1")


def test_a_one_man_tent_is_the_one_person_tent(shop: Callable[[str], Chat]) -> None:
    c = shop("outdoors")
    c.say("a one man tent")
    assert _has(c, "TENT-BP", 1, capacity="1p")


def test_one_without_is_never_the_product_named_by_the_topping(shop: Callable[[str], Chat]) -> None:
    c = shop("burgerjoint")
    c.say("three cheeseburgers, two with bacon and one without")
    assert c.counts == {"CHEESEBURGER": 3}


def test_an_alias_that_says_more_names_no_product(shop: Callable[[str], Chat]) -> None:
    c = shop("burgerjoint")
    c.say("a bacon and avocado burger")
    assert c.counts == {"HAMBURGER": 1}
