"""Follow-ups that say two things at once keep the cart a clerk would keep.

"three lattes" - "only two of them not three and make them large" left one medium latte and two large ones: the
count corrected without a verb was no edit of its own to the clause splitter, so "make them large" was read as
the change of two of the three. A count said alone ("only two of them", "just two not three") joined to an edit
verb is two edits, the second made to what is left (dialogue/compound._count_alone).

"two lattes" - "make one of them a mocha and a muffin" turned a latte into a muffin: a product joined after a
remade part was what the part became. A part remade in full ("make one of them a mocha") is one edit and the item
after it one more line; and a product of the line's own kind said with an article after "one of them" is that
product, not the line's syrup of the same name (dialogue/matcher._a_thing_of_its_kind).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.dialogue.conftest import Chat


@pytest.mark.parametrize("said", [
    "only two of them not three and make them large",
    "only two not three and make them large",
    "just two of them and make them large",
    "actually only two and make them both large",
    "just two of those but make them large please",
])
def test_count_then_change_makes_what_is_left(chat: Chat, said: str) -> None:
    chat.say("three lattes")
    r = chat.say(said)
    assert not r.order_number
    assert [(sku, q, o.get("size")) for sku, q, o in chat.lines] == [("LATTE", 2, "large")], (r.text, chat.lines)


@pytest.mark.parametrize("said, temperature", [
    ("just two of them and make them iced", "iced"),
    ("only two not three, and make them iced", "iced"),
])
def test_count_then_other_change(chat: Chat, said: str, temperature: str) -> None:
    chat.say("three lattes")
    chat.say(said)
    assert [(sku, q, o.get("temperature")) for sku, q, o in chat.lines] == [("LATTE", 2, temperature)]


def test_count_then_change_in_another_shop(shop: Callable[[str], Chat]) -> None:
    pizzas = shop("pizzeria")
    pizzas.say("three cheese pizzas")
    pizzas.say("just two of them and make them large")
    assert [(sku, q, o.get("size")) for sku, q, o in pizzas.lines] == [("CHEESE-PIZZA", 2, "large")]


def test_count_alone_then_an_item_is_still_one_clause(chat: Chat) -> None:
    """"just two and a muffin" is no edit verb after the count: no split, no line lost."""
    chat.say("three lattes")
    chat.say("just two and a muffin")
    assert chat.counts.get("LATTE", 0) >= 2


@pytest.mark.parametrize("said", [
    "make one of them a mocha and a muffin",
    "make one of them a mocha and also a blueberry muffin please",
    "change one of them to a mocha and a muffin",
])
def test_one_of_them_made_another_product_and_an_item(chat: Chat, said: str) -> None:
    chat.say("two lattes")
    r = chat.say(said)
    assert not r.order_number
    assert chat.counts == {"LATTE": 1, "MOCHA": 1, "BLUEBERRY-MUFFIN": 1}, (r.text, chat.lines)


def test_one_of_them_a_mocha_is_the_drink(chat: Chat) -> None:
    """A product of the line's own kind said with an article: the mocha, not a latte with mocha syrup."""
    chat.say("two lattes")
    chat.say("make one of them a mocha")
    assert chat.counts == {"LATTE": 1, "MOCHA": 1}
    assert all(o.get("syrup") != "mocha" for _, _, o in chat.lines)


@pytest.mark.parametrize("said, new, extra", [
    ("make one of them a hawaiian and a cannoli", "HAWAIIAN", "CANNOLI"),
    ("make one of them a veggie pizza and also a coke", "VEGGIE-PIZZA", "COKE"),
])
def test_one_of_them_remade_and_an_item_in_another_shop(shop: Callable[[str], Chat], said: str, new: str,
                                                         extra: str) -> None:
    pizzas = shop("pizzeria")
    pizzas.say("two pepperoni pizzas")
    pizzas.say(said)
    assert pizzas.counts == {"PEPPERONI-PIZZA": 1, new: 1, extra: 1}, pizzas.lines


@pytest.mark.parametrize("said", ["and fries", "and fries please", "and some fries", "and fries too"])
def test_a_product_by_its_own_name_is_not_a_choice_by_an_alias(shop: Callable[[str], Chat], said: str) -> None:
    """"and fries" to a gyro whose toppings hold "fries inside" (also said "fries"): the side of fries the shop
    sells under that very name, one more line; the gyro stays as it was."""
    gyros = shop("gyro")
    gyros.say("a lamb gyro with tzatziki")
    gyros.say("ok put feta on it")
    gyros.say(said)
    assert gyros.counts == {"GYRO": 1, "FRIES": 1}, gyros.lines
    assert all(o.get("toppings") != "fries" for _, _, o in gyros.lines)


def test_the_choice_by_its_own_name_still_goes_on_the_line(shop: Callable[[str], Chat]) -> None:
    gyros = shop("gyro")
    gyros.say("a lamb gyro with tzatziki")
    gyros.say("put fries inside it")
    assert gyros.counts == {"GYRO": 1}, gyros.lines


@pytest.mark.parametrize("said, protein, sauce", [
    ("and a chicken one with hot sauce", "chicken", "hot_sauce"),
    ("and a falafel one with hummus", "falafel", "hummus"),
])
def test_another_kind_with_its_own_extras(shop: Callable[[str], Chat], said: str, protein: str, sauce: str) -> None:
    """"a lamb gyro with tzatziki" - "and a chicken one with hot sauce": another kind of gyro (its required choice
    other) made with the sauce said, not the lamb one's tzatziki as well."""
    gyros = shop("gyro")
    gyros.say("a lamb gyro with tzatziki")
    gyros.say(said)
    made = {o.get("protein"): o.get("sauce") for _, _, o in gyros.lines}
    assert made == {"lamb": "tzatziki", protein: sauce}, gyros.lines


def test_another_of_the_same_kind_keeps_its_extras(shop: Callable[[str], Chat]) -> None:
    """"another one with hummus": the same kind again, its extras kept and the one said added."""
    gyros = shop("gyro")
    gyros.say("a lamb gyro with tzatziki")
    gyros.say("another one with hummus")
    sauces = [sorted(o.value for o in ln.options if o.group == "sauce") for ln in gyros.session.cart.lines]
    assert sauces == [["tzatziki"], ["hummus", "tzatziki"]], gyros.lines


@pytest.mark.parametrize("catalog, box, said, kinds", [
    ("bagels", "a dozen bagels", "half and half everything and sesame", ["everything", "sesame"]),
    ("bagels", "a dozen bagels", "split them half and half everything and sesame", ["everything", "sesame"]),
    ("bagels", "a dozen bagels", "for the bagels half and half everything and sesame", ["everything", "sesame"]),
    ("donuts", "a dozen donuts", "half and half glazed and chocolate frosted", ["chocolate_frosted", "glazed"]),
    ("donuts", "a dozen donuts", "ok um for the donuts half and half glazed and boston cream",
     ["boston_cream", "glazed"]),
    ("empanadas", "can i get a dozen empanadas", "ok fried and do half ham and cheese and half humita",
     ["ham_cheese", "humita"]),
])
def test_a_box_shared_half_and_half(shop: Callable[[str], Chat], catalog: str, box: str, said: str,
                                    kinds: list[str]) -> None:
    """The mix of a box just asked about, said "half and half X and Y" or after other words of the turn: both
    kinds in the box (not the coffee's half-and-half cream, not the second kind alone)."""
    chat = shop(catalog)
    chat.say(box)
    r = chat.say(said)
    assert not r.order_number
    (line,) = chat.session.cart.lines
    group = {o.group for o in line.options if o.value in kinds}
    assert len(group) == 1, line.options
    assert sorted(o.value for o in line.options if o.group in group) == kinds, r.text


def test_a_count_of_those_and_the_box_shared(shop: Callable[[str], Chat]) -> None:
    """"ok two of those then and for the bagels split them half and half everything and sesame" after asking of
    the cookies: two cookies and the dozen in both kinds."""
    chat = shop("bagels")
    chat.say("morning can i get a dozen bagels")
    chat.say("oh and do you have any black and white cookies left")
    chat.say("ok two of those then and for the bagels split them half and half everything and sesame")
    assert chat.counts == {"DOZEN": 1, "BLACK-WHITE": 2}, chat.lines
    (box,) = [ln for ln in chat.session.cart.lines if ln.sku == "DOZEN"]
    assert sorted(o.value for o in box.options if o.group == "bagels") == ["everything", "sesame"]


def _values(chat: Chat, group: str) -> list[list[str]]:
    return [sorted(o.value for o in ln.options if o.group == group) for ln in chat.session.cart.lines]


@pytest.mark.parametrize("said", [
    "a gift bag instead of wrapping",
    "actually put it in a gift bag instead of wrapping",
    "a gift bag instead of the wrapping but still the card",
])
def test_one_value_of_several_swapped_keeps_the_rest(shop: Callable[[str], Chat], said: str) -> None:
    """"a gift bag instead of wrapping" to a toy wrapped with a card: the wrapping goes, the card stays (was the
    card taken back as the last choice set, the wrapping kept)."""
    toys = shop("toystore")
    toys.say("a unicorn plush animal")
    toys.say("with gift wrap and a card")
    toys.say(said)
    assert _values(toys, "gift") == [["bag", "card"]], toys.lines


@pytest.mark.parametrize("said", [
    "for the sloth a gift bag instead of the wrapping",
    "put the sloth in a gift bag instead of wrapping",
    "actually put the sloth in a gift bag instead of wrapping but still the card",
])
def test_one_value_swapped_on_the_line_named(shop: Callable[[str], Chat], said: str) -> None:
    toys = shop("toystore")
    toys.say("a unicorn and a sloth plush animal")
    toys.say("gift wrap both with a card")
    toys.say(said)
    made = {o["animal"]: sorted(v.value for v in ln.options if v.group == "gift")
            for ln, (_, _, o) in zip(toys.session.cart.lines, toys.lines, strict=True)}
    assert made == {"unicorn": ["card", "wrap"], "sloth": ["bag", "card"]}, toys.lines


@pytest.mark.parametrize("catalog, first, said, group, left", [
    ("cafe", "a latte with vanilla and caramel", "hazelnut instead of the caramel", "syrup", ["hazelnut", "vanilla"]),
    ("pizzeria", "a large cheese pizza with mushrooms and olives", "onions instead of the olives", "toppings",
     ["mushroom", "onion"]),
    ("gyro", "a lamb gyro with tomato and onion", "cucumber instead of onion", "toppings", ["cucumber", "tomato"]),
])
def test_one_topping_swapped_in_other_shops(shop: Callable[[str], Chat], catalog: str, first: str, said: str,
                                            group: str, left: list[str]) -> None:
    chat = shop(catalog)
    chat.say(first)
    chat.say(said)
    assert _values(chat, group) == [left], chat.lines


@pytest.mark.parametrize("said", [
    "actually just one of those not two the ube one",
    "just one of those, the ube one",
    "only one of them not two, the ube",
    "just the ube one",
])
def test_just_one_of_those_two_lines(shop: Callable[[str], Chat], said: str) -> None:
    """"two mochi donuts one ube one black sesame" - "just one of those not two, the ube one": "those" are both
    lines; the ube one stays, the black sesame comes off, the tea stays (was two ube donuts, or the black sesame
    made ube)."""
    boba = shop("bobashop")
    boba.say("a mango fruit tea")
    boba.say("two mochi donuts one ube one black sesame")
    r = boba.say(said)
    assert not r.order_number
    assert [(sku, q, o.get("flavour")) for sku, q, o in boba.lines] == [
        ("FRUIT-TEA", 1, "mango"), ("MOCHI-DONUT", 1, "ube")], (r.text, boba.lines)


@pytest.mark.parametrize("said, kept", [
    ("just the iced one", "iced"),
    ("actually only one of them, the iced one", "iced"),
    ("just the hot one", "hot"),
])
def test_just_the_one_of_two_lines_in_the_cafe(chat: Chat, said: str, kept: str) -> None:
    chat.say("a muffin")
    chat.say("two lattes one iced one hot")
    chat.say(said)
    assert [(sku, q, o.get("temperature")) for sku, q, o in chat.lines if sku == "LATTE"] == [("LATTE", 1, kept)]
    assert chat.counts.get("BLUEBERRY-MUFFIN") == 1


def test_one_of_a_line_of_two_is_still_a_recount(chat: Chat) -> None:
    """One line of two lattes: "just one of them" is that line's count, no line taken off."""
    chat.say("two iced lattes")
    chat.say("just one of them")
    assert chat.counts == {"LATTE": 1}


@pytest.mark.parametrize("said", [
    "uh actually only one of the mint chip ones",
    "just one of the mint chip ones",
    "only one of the mint chip",
    "actually just 1 of the mint chip ones",
])
def test_a_count_of_the_line_named_by_its_choice_is_its_recount(shop: Callable[[str], Chat], said: str) -> None:
    """"two pints of mint chip and one of cookie dough" - "only one of the mint chip ones": the mint chip line
    down to one, the cookie dough kept (was the cookie dough taken off: a count said before "of the <choice>" other
    than that line's is a recount, not "keep that line alone", dialogue/those_lines._count_of_those)."""
    creamery = shop("creamery")
    creamery.say("two pints of mint chip and one of cookie dough")
    r = creamery.say(said)
    assert not r.order_number
    assert sorted((sku, q, o.get("flavour")) for sku, q, o in creamery.lines) == [
        ("PINT", 1, "cookie_dough"), ("PINT", 1, "mint_chip")], (r.text, creamery.lines)


def test_a_count_of_the_line_named_by_its_choice_in_the_cafe(chat: Chat) -> None:
    chat.say("three iced lattes and one hot latte")
    chat.say("only two of the iced ones")
    assert sorted((sku, q, o.get("temperature")) for sku, q, o in chat.lines) == [
        ("LATTE", 1, "hot"), ("LATTE", 2, "iced")], chat.lines


def test_its_own_count_of_the_line_named_still_keeps_that_line(shop: Callable[[str], Chat]) -> None:
    """The count said is the named line's own ("just one of the ube ones" to one ube, one black sesame): that line
    kept alone, as before."""
    boba = shop("bobashop")
    boba.say("two mochi donuts one ube one black sesame")
    boba.say("just one of the ube ones")
    assert [(sku, q, o.get("flavour")) for sku, q, o in boba.lines] == [("MOCHI-DONUT", 1, "ube")], boba.lines


@pytest.mark.parametrize("said", [
    "swap the black one for an iced coffee",
    "um actually swap the black one for an iced coffee same size",
])
def test_swap_the_line_named_by_how_it_is_made(shop: Callable[[str], Chat], said: str) -> None:
    """"swap the black one for an iced coffee" after a black coffee, two with milk and a bagel: the black coffee
    goes (was the bagel, the line in focus, swapped and the black coffee kept)."""
    bagels = shop("bagels")
    bagels.say("three large coffees")
    bagels.say("one black and the other two with milk and sugar")
    bagels.say("and a plain bagel with scallion cream cheese")
    bagels.say(said)
    assert bagels.counts == {"COFFEE": 2, "BAGEL": 1, "ICED-COFFEE": 1}, bagels.lines
    assert [o.get("milk") for sku, _, o in bagels.lines if sku == "COFFEE"] == ["whole"]


def test_swap_the_pizza_named_by_its_topping(shop: Callable[[str], Chat]) -> None:
    pizzas = shop("pizzeria")
    pizzas.say("a large pepperoni pizza with mushrooms and a large one with olives")
    pizzas.say("and a coke")
    pizzas.say("swap the olives one for a hawaiian")
    assert pizzas.counts == {"PEPPERONI-PIZZA": 1, "HAWAIIAN": 1, "COKE": 1}, pizzas.lines
    assert [o.get("toppings") for sku, _, o in pizzas.lines if sku == "PEPPERONI-PIZZA"] == ["mushroom"]


@pytest.mark.parametrize("said, temperature, milk", [
    ("one iced with oat milk", "iced", "oat"),
    ("one large with oat milk", "hot", "oat"),
    ("one iced", "iced", "whole"),
])
def test_one_made_so_is_one_of_the_line(chat: Chat, said: str, temperature: str, milk: str) -> None:
    """"one iced with oat milk" to two lattes: one of them made so, the other as it was (was both)."""
    chat.say("two lattes")
    chat.say(said)
    lines = sorted((o.get("temperature"), o.get("milk")) for sku, q, o in chat.lines for _ in range(q))
    assert len(lines) == 2 and ("hot", "whole") in lines and (temperature, milk) in lines, chat.lines


def test_one_sleeping_bag_long_the_other_zero_degree(shop: Callable[[str], Chat]) -> None:
    gear = shop("outdoors")
    gear.say("i need two down sleeping bags twenty degree")
    gear.say("one long with a right zip")
    gear.say("and the other one zero degree instead")
    made = sorted((o.get("rating"), o.get("length"), o.get("zip")) for sku, q, o in gear.lines if sku == "DOWN-BAG")
    assert [m[:2] for m in made] == [("0F", "regular"), ("20F", "long")], gear.lines
    assert made[1][2] == "right"


def _meals(chat: Chat) -> list[tuple[int, str | None, str | None, str | None, str | None]]:
    return sorted((q, o.get("sub"), o.get("length"), o.get("drink"), o.get("side")) for sku, q, o in chat.lines
                  if sku == "MEAL")


@pytest.mark.parametrize("said", [
    "uh can the meal be a footlong",
    "can the meal deal be a footlong",
    "make the meal a footlong please",
])
def test_the_waiting_item_named_keeps_its_count(shop: Callable[[str], Chat], said: str) -> None:
    """"three meal deals" - "what sub?" - "can the meal be a footlong": the three meal deals made footlong, still
    waiting for their sub (was one meal deal waiting, the count of three lost, policy._names_the_waiting); then
    "one steak and cheese and two italian bmts" are their subs, in two lines (the plural "bmts" is the sub italian
    bmt, policy._value_named), no subs of their own."""
    subs = shop("subshop")
    subs.say("lemme get three meal deals")
    r = subs.say(said)
    assert "sub" in r.text and not subs.lines, r.text
    subs.say("ok all three footlong one steak and cheese and two italian bmts")
    subs.say("cokes for all of them")
    assert _meals(subs) == [(1, "steak", "footlong", "coke", "classic_chips"),
                            (2, "bmt", "footlong", "coke", "classic_chips")], subs.lines
    assert {sku for sku, _, _ in subs.lines} == {"MEAL"}


@pytest.mark.parametrize("said", [
    "one meatball and two turkey subs",
    "one steak and cheese and two italian bmts",
])
def test_subs_said_in_the_plural_answer_the_meals(shop: Callable[[str], Chat], said: str) -> None:
    subs = shop("subshop")
    subs.say("three meal deals")
    subs.say(said)
    subs.say("cokes for all of them")
    assert sum(q for _, q, _ in subs.lines) == 3 and {sku for sku, _, _ in subs.lines} == {"MEAL"}, subs.lines
    assert len({o.get("sub") for _, _, o in subs.lines}) == 2, subs.lines


def _three_meals(shop: Callable[[str], Chat]) -> Chat:
    subs = shop("subshop")
    subs.say("lemme get three meal deals")
    subs.say("ok all three footlong one steak and cheese and two italian bmts")
    subs.say("cokes for all of them")
    return subs


@pytest.mark.parametrize("said", [
    "actually the steak one gets a sprite not a coke",
    "the steak one wants a sprite not a coke",
    "actually the steak one gets a sprite not the coke",
])
def test_a_meal_named_by_its_sub_gets_its_drink(shop: Callable[[str], Chat], said: str) -> None:
    """"the steak one gets a sprite not a coke": the steak meal's drink is sprite; the coke said after "not" is
    what it was, no fountain drink and no steak sub added (lines_by_choice._what_it_was)."""
    subs = _three_meals(shop)
    r = subs.say(said)
    assert not r.order_number
    assert _meals(subs) == [(1, "steak", "footlong", "sprite", "classic_chips"),
                            (2, "bmt", "footlong", "coke", "classic_chips")], (r.text, subs.lines)
    assert {sku for sku, _, _ in subs.lines} == {"MEAL"}


@pytest.mark.parametrize("said, steak_side, bmt_side", [
    ("and swap the chips for cookies on the bmt ones", "classic_chips", "cookies"),
    ("swap the chips for cookies on the steak one", "cookies", "classic_chips"),
])
def test_a_swap_on_the_meal_named_last(shop: Callable[[str], Chat], said: str, steak_side: str, bmt_side: str) -> None:
    """"swap the chips for cookies on the bmt ones" after the steak meal was changed: the bmt meals' side swapped,
    not the steak one's in focus ("the bmt ones", said last, picks the line: swaps._one_named_last)."""
    subs = _three_meals(shop)
    subs.say("actually the steak one gets a sprite not a coke")
    subs.say(said)
    assert _meals(subs) == [(1, "steak", "footlong", "sprite", steak_side),
                            (2, "bmt", "footlong", "coke", bmt_side)], subs.lines
