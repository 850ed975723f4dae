"""Lines changed in part, and choices asked while an item waits (session 18, mt37).

- A question asked while an item waits for a required choice ("what fit for the paper filters?" - "are the chemex
  ones more expensive", "what's in the ginger shot", "what's the difference in price between the fourteen two and
  twelve two") is answered; the words it asks about choose nothing, the item still waits and is asked about again,
  and the next answer ("ok the chemex ones then", "twelve two then") fills it.
- "three ice creams" - "one mango sorbet one chocolate and one mint chip": a group of several choices (flavours) is
  shared among the units when each value has its own count and the counts add up to the line's (one line each);
  "mango and chocolate" alone stays two flavours of one.
- "actually just one of the soft white packs not two": a count said against the count of the line named by its
  choice cuts that line, and "just one" (a catalog's word for a single bulb) followed by "of the" is that count,
  not the single pack.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.dialogue.conftest import Chat


# --- a question while a choice waits: answered, nothing chosen, asked again ------------------------------------------
@pytest.mark.parametrize("asked", ["uh are the chemex ones more expensive", "are the chemex ones more expensive",
                                   "how much are the chemex ones"])
def test_question_while_a_choice_waits_chooses_nothing(shop: Callable[[str], Chat], asked: str) -> None:
    chat = shop("roaster")
    chat.say("and a pack of paper filters")
    reply = chat.say(asked)
    assert chat.lines == []
    assert "paper filters" in reply.text and reply.text.rstrip().endswith("?")
    chat.say("ok the chemex ones then")
    assert [(sku, qty, opts.get("fit")) for sku, qty, opts in chat.lines] == [("FILTERS", 1, "chemex")]


def test_description_asked_while_a_flavour_waits(shop: Callable[[str], Chat]) -> None:
    chat = shop("juicebar")
    chat.say("can i get a kombucha")
    reply = chat.say("what's in the ginger shot")
    assert chat.lines == []  # no ginger lemon kombucha from the shot's name
    assert "kombucha" in reply.text
    chat.say("berry hibiscus")
    assert [(sku, opts.get("flavour")) for sku, _, opts in chat.lines] == [("KOMBUCHA", "berry_hibiscus")]


def test_price_of_two_values_asked_while_a_gauge_waits(shop: Callable[[str], Chat]) -> None:
    chat = shop("electrical")
    chat.say("and a hundred foot roll of romex")
    chat.say("what's the difference in price between the fourteen two and twelve two")
    assert chat.lines == []  # neither gauge ordered by asking
    chat.say("twelve two then")
    assert [(sku, qty, opts.get("gauge")) for sku, qty, opts in chat.lines] == [("NM-CABLE", 1, "12_2")]


def test_an_answer_said_plainly_still_fills_the_choice(shop: Callable[[str], Chat]) -> None:
    chat = shop("roaster")
    chat.say("and a pack of paper filters")
    chat.say("chemex please")
    assert [(sku, opts.get("fit")) for sku, _, opts in chat.lines] == [("FILTERS", "chemex")]


# --- a group of several choices shared by a count before each value ---------------------------------------------------
@pytest.mark.parametrize("said", ["ok one mango sorbet one chocolate and one mint chip",
                                  "one mango sorbet, one chocolate and one mint chip please"])
def test_flavours_each_counted_make_a_line_each(shop: Callable[[str], Chat], said: str) -> None:
    chat = shop("creamery")
    chat.say("hi can we get three ice creams in waffle cones")
    chat.say(said)
    assert sorted((sku, qty, opts.get("flavour"), opts.get("vessel")) for sku, qty, opts in chat.lines) == [
        ("ICE-CREAM", 1, "chocolate", "waffle_cone"), ("ICE-CREAM", 1, "mango_sorbet", "waffle_cone"),
        ("ICE-CREAM", 1, "mint_chip", "waffle_cone")]


def test_flavours_counted_two_and_one(shop: Callable[[str], Chat]) -> None:
    chat = shop("creamery")
    chat.say("three ice creams in waffle cones")
    chat.say("two chocolate and one mango sorbet")
    assert sorted((qty, opts.get("flavour")) for _, qty, opts in chat.lines) == [(1, "mango_sorbet"), (2, "chocolate")]


def test_flavours_said_without_counts_stay_one_line(shop: Callable[[str], Chat]) -> None:
    chat = shop("creamery")
    chat.say("an ice cream in a waffle cone")
    chat.say("mango sorbet and chocolate")
    assert len(chat.lines) == 1


# --- "just one of the soft white packs not two" ------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["actually just one of the soft white packs not two",
                                  "just one of the soft white ones not two",
                                  "only one of the soft white packs not two"])
def test_count_said_against_the_line_named_by_its_choice(shop: Callable[[str], Chat], said: str) -> None:
    chat = shop("electrical")
    chat.say("can i get three twelve packs of the sixty watt led bulbs")
    chat.say("one of those in daylight the other two soft white")
    chat.say(said)
    assert sorted((qty, opts.get("light"), opts.get("pack")) for _, qty, opts in chat.lines) == [
        (1, "daylight", "12pk"), (1, "soft_white", "12pk")]


# --- the product asked about meanwhile, then ordered as "two of those" with the answer ------------------------------
@pytest.mark.parametrize("said", ["oh ok i'll take two of those and the kombucha berry",
                                  "ok two of those and berry hibiscus for the kombucha"])
def test_product_asked_about_meanwhile_ordered_as_those(shop: Callable[[str], Chat], said: str) -> None:
    chat = shop("juicebar")
    chat.say("can i get a kombucha")
    chat.say("what's in the ginger shot")
    chat.say(said)
    assert sorted((sku, qty, opts.get("flavour")) for sku, qty, opts in chat.lines) == [
        ("GINGER-SHOT", 2, None), ("KOMBUCHA", 1, "berry_hibiscus")]


def test_product_asked_about_meanwhile_not_ordered_unasked(shop: Callable[[str], Chat]) -> None:
    chat = shop("juicebar")
    chat.say("can i get a kombucha")
    chat.say("what's in the ginger shot")
    chat.say("berry hibiscus please")
    assert [sku for sku, _, _ in chat.lines] == ["KOMBUCHA"]


# --- another choice of the waiting item asked about ---------------------------------------------------------------
@pytest.mark.parametrize("asked", ["do you have them in stainless", "do they come in stainless"])
def test_other_choice_asked_of_the_waiting_item(shop: Callable[[str], Chat], asked: str) -> None:
    chat = shop("electrical")
    chat.say("hi i need ten outlets")
    chat.say("and ten wall plates for them")
    reply = chat.say(asked)
    assert "wall plate" in reply.text
    assert [(sku, opts.get("material")) for sku, _, opts in chat.lines] == [("OUTLET", None)]  # no outlet changed
    chat.say("ok duplex stainless")
    assert sorted((sku, qty, opts.get("type"), opts.get("material")) for sku, qty, opts in chat.lines) == [
        ("OUTLET", 10, None, None), ("WALLPLATE", 10, "duplex", "stainless")]


# --- a line of one made more, shared among values: "make that two of them one ankle and one no show" ----------------
@pytest.mark.parametrize("said", ["make that two of them one ankle and one no show",
                                  "make that two one ankle and one no show",
                                  "can you make that two, one ankle and one no show",
                                  "make it two one ankle and one crew"])
def test_line_of_one_made_two_shared_among_values(shop: Callable[[str], Chat], said: str) -> None:
    chat = shop("shoestore")
    chat.say("and a three pack of athletic socks")
    chat.say(said)
    assert sorted((qty, opts.get("length")) for _, qty, opts in chat.lines) == sorted(
        [(1, "ankle"), (1, "crew" if said.endswith("crew") else "no_show")])


def test_two_of_them_said_of_a_line_of_two_is_still_a_part(shop: Callable[[str], Chat]) -> None:
    chat = shop("shoestore")
    chat.say("four three packs of athletic socks")
    chat.say("make two of them ankle")
    assert sorted((qty, opts.get("length")) for _, qty, opts in chat.lines) == [(2, "ankle"), (2, "crew")]


def test_make_that_two_alone_recounts_the_line(shop: Callable[[str], Chat]) -> None:
    chat = shop("shoestore")
    chat.say("and a three pack of athletic socks")
    chat.say("make that two of them")
    assert [qty for _, qty, _ in chat.lines] == [2]


# --- "same again but on an everything bagel": the product-like words are a choice of the line's product --------------
@pytest.mark.parametrize(("said", "bread"), [("same again but on an everything bagel", "everything_bagel"),
                                             ("another one but on an everything bagel", "everything_bagel"),
                                             ("same again but on a bagel", "plain_bagel")])
def test_same_again_but_on_a_bread_that_is_also_a_product(shop: Callable[[str], Chat], said: str, bread: str) -> None:
    chat = shop("donuts")
    chat.say("and a bacon egg and cheese on a croissant with pepper jack")
    chat.say(said)
    assert sorted((sku, qty, opts.get("bread"), opts.get("cheese")) for sku, qty, opts in chat.lines) == sorted(
        [("BEC", 1, "croissant", "pepper_jack"), ("BEC", 1, bread, "pepper_jack")])


def test_same_again_but_a_product_the_line_does_not_offer_is_that_product(shop: Callable[[str], Chat]) -> None:
    chat = shop("donuts")
    chat.say("and a bacon egg and cheese on a croissant with pepper jack")
    chat.say("same again but add a coffee")
    assert "COFFEE" in [sku for sku, _, _ in chat.lines]
    assert all(opts.get("bread") != "plain_bagel" for _, _, opts in chat.lines)


# --- "make the chocolate one a double and put sprinkles on both of the others" --------------------------------------
def _three_cones(shop: Callable[[str], Chat]) -> Chat:
    chat = shop("creamery")
    chat.say("hi can we get three ice creams in waffle cones")
    chat.say("one mango sorbet one chocolate and one mint chip")
    return chat


@pytest.mark.parametrize("said", ["make the chocolate one a double", "make the mango one a double"])
def test_line_named_by_its_choice_right_after_ordering(shop: Callable[[str], Chat], said: str) -> None:
    chat = _three_cones(shop)
    chat.say(said)
    flavour = said.split()[2]
    doubled = [opts["flavour"] for _, _, opts in chat.lines if opts.get("scoops") == "double"]
    assert doubled == ["chocolate" if flavour == "chocolate" else "mango_sorbet"]
    assert len(chat.lines) == 3  # no fourth ice cream


def test_both_of_the_others_leaves_the_line_just_changed(shop: Callable[[str], Chat]) -> None:
    chat = _three_cones(shop)
    chat.say("make the chocolate one a double and put sprinkles on both of the others")
    assert sorted((opts["flavour"], opts.get("scoops"), opts.get("toppings")) for _, _, opts in chat.lines) == [
        ("chocolate", "double", None), ("mango_sorbet", "single", "rainbow_sprinkles"),
        ("mint_chip", "single", "rainbow_sprinkles")]


def test_both_alone_still_the_last_two_lines(shop: Callable[[str], Chat]) -> None:
    chat = _three_cones(shop)
    chat.say("put sprinkles on both")
    assert sorted(opts.get("toppings") or "" for _, _, opts in chat.lines) == ["", "rainbow_sprinkles",
                                                                            "rainbow_sprinkles"]


# --- "let me check if i have primer at home": a hold, no primer ordered ----------------------------------------------
@pytest.mark.parametrize("said", ["hang on let me check if i have primer at home i'll call back",
                                  "let me check if i have primer at home",
                                  "hold on i need to check if we have primer",
                                  "one sec let me check whether i have primer"])
def test_checking_what_one_has_at_home_orders_nothing(shop: Callable[[str], Chat], said: str) -> None:
    chat = shop("paintstore")
    chat.say("two black spray paints")
    reply = chat.say(said)
    assert [sku for sku, _, _ in chat.lines] == ["SPRAY-PAINT"]
    assert "take your time" in reply.text.lower()


def test_a_hold_then_an_order_still_orders(shop: Callable[[str], Chat]) -> None:
    chat = shop("paintstore")
    chat.say("two black spray paints")
    chat.say("let me check what she wants ok a primer")
    assert sorted(sku for sku, _, _ in chat.lines) == ["PRIMER", "SPRAY-PAINT"]


# --- "one inch wide": the measure's word belongs to the size said before it ----------------------------------------
@pytest.mark.parametrize("said", ["actually make that two rolls one inch wide", "make it one inch wide"])
def test_measure_word_after_a_size_is_part_of_it(shop: Callable[[str], Chat], said: str) -> None:
    chat = shop("paintstore")
    chat.say("and a roll of painters tape the delicate kind")
    chat.say(said)
    [(sku, qty, opts)] = chat.lines
    assert (sku, opts["width"], opts["kind"]) == ("TAPE", "1in", "delicate")
    assert qty == (2 if "two" in said else 1)


def test_measure_word_alone_is_still_its_choice(shop: Callable[[str], Chat]) -> None:
    chat = shop("paintstore")
    chat.say("and a roll of painters tape the delicate kind")
    chat.say("make it the wide one")
    assert [opts["width"] for _, _, opts in chat.lines] == ["2in"]


def test_two_rolls_one_inch_wide_is_one_line(shop: Callable[[str], Chat]) -> None:
    chat = shop("paintstore")
    chat.say("two rolls of painters tape one inch wide")
    assert [(qty, opts["width"]) for _, qty, opts in chat.lines] == [(2, "1in")]


# --- "one of the <words of a choice>" picks that line, one unit of it changed -------------------------------------------
def _meals(shop: Callable[[str], Chat]) -> Chat:
    chat = shop("outdoors")
    chat.say("two beef stroganoff freeze dried meals and two chili mac freeze dried meals")
    return chat


@pytest.mark.parametrize("said", ["make one of the stroganoffs a single serving",
                                  "one of the stroganoffs should be a single serving",
                                  "actually make one of the stroganoff ones a single serving",
                                  "change one of the beef stroganoffs to a single serving"])
def test_one_of_the_line_named_by_a_word_of_its_choice(shop: Callable[[str], Chat], said: str) -> None:
    chat = _meals(shop)
    chat.say(said)
    assert sorted((q, opts["flavour"], opts["servings"]) for _, q, opts in chat.lines) == [
        (1, "beef_stroganoff", "1"), (1, "beef_stroganoff", "2"), (2, "chili_mac", "2")]


def test_one_of_the_other_line_by_its_word(shop: Callable[[str], Chat]) -> None:
    chat = _meals(shop)
    chat.say("make one of the chili macs a single serving")
    assert sorted((q, opts["flavour"], opts["servings"]) for _, q, opts in chat.lines) == [
        (1, "chili_mac", "1"), (1, "chili_mac", "2"), (2, "beef_stroganoff", "2")]


@pytest.mark.parametrize("said", ["oh wait actually one of the satin ones should be a quart not a gallon",
                                  "make one of the satin ones a quart"])
def test_one_of_the_line_named_by_its_held_choice(shop: Callable[[str], Chat], said: str) -> None:
    chat = shop("paintstore")
    chat.say("hi i need three gallons of interior paint in agreeable gray")
    chat.say("make two of them satin and the other one flat")
    chat.say(said)
    assert sorted((sku, q, opts["finish"], opts["size"]) for sku, q, opts in chat.lines) == [
        ("INT-PAINT", 1, "flat", "gallon"), ("INT-PAINT", 1, "satin", "gallon"), ("INT-PAINT", 1, "satin", "quart")]


# --- "make one of them X and Y both": some units one way, all of them another -------------------------------------------
@pytest.mark.parametrize("said", ["make one of them glossy and laminate both", "one of them glossy and laminate both",
                                  "make one of those glossy and laminated for both"])
def test_one_of_them_then_a_choice_for_both(shop: Callable[[str], Chat], said: str) -> None:
    chat = shop("printshop")
    chat.say("two posters eighteen by twenty four")
    chat.say(said)
    assert sorted((q, opts["finish"], opts.get("extras")) for _, q, opts in chat.lines) == [
        (1, "glossy", "laminate"), (1, "matte", "laminate")]


@pytest.mark.parametrize("said", ["make one of them decaf and oat milk for both", "one of them decaf and both with oat milk"])
def test_one_of_them_then_both_to_coffees(shop: Callable[[str], Chat], said: str) -> None:
    chat = shop("cafe")
    chat.say("two lattes")
    chat.say(said)
    assert sorted((q, opts["caffeine"], opts["milk"]) for _, q, opts in chat.lines) == [
        (1, "decaf", "oat"), (1, "regular", "oat")]


# --- "just one of those not two but make it ...": the recount, then the change, on the one line --------------------------
@pytest.mark.parametrize("said", ["just one of those not two but make it the two pack",
                                  "actually just one not two but make it the two pack"])
def test_recount_then_but_make_it(shop: Callable[[str], Chat], said: str) -> None:
    chat = shop("shoestore")
    chat.say("two pairs of wool socks large")
    chat.say(said)
    assert chat.lines == [("WOOL-SOCKS", 1, {"pack": "2", "size": "l"})]


def test_recount_then_but_make_it_to_coffees(shop: Callable[[str], Chat]) -> None:
    chat = shop("cafe")
    chat.say("two lattes")
    chat.say("just one of those not two but make it large")
    assert [(q, opts["size"]) for _, q, opts in chat.lines] == [(1, "large")]
