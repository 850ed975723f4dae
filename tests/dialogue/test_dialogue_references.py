"""References to what is already in the cart: part of a line, a new count as against more, the line that
offers an option (multi-turn, real SQLite with the bundled cafe)."""

from __future__ import annotations

from typing import Any

from dialogue.types import Action

ORDER = "could I have two large lattes with oat milk and a blueberry muffin"


def _lattes(chat: Any) -> list[tuple[int, dict[str, str]]]:
    return [(qty, opts) for sku, qty, opts in chat.lines if sku == "LATTE"]


def _muffins(chat: Any) -> int:
    return sum(qty for sku, qty, _ in chat.lines if sku == "BLUEBERRY-MUFFIN")


def test_one_of_them_splits_a_unit_off_the_plural_line_that_offers_the_option(chat: Any) -> None:
    chat.say(ORDER)
    r = chat.say("make one of them iced")  # the muffin is the last line, but only the lattes come iced
    assert Action.CART_CHANGED in r.actions and "doesn't come with" not in r.text
    lattes = _lattes(chat)
    assert sorted(opts["temperature"] for qty, opts in lattes for _ in range(qty)) == ["hot", "iced"]
    assert all(opts["milk"] == "oat" and opts["size"] == "large" for _, opts in lattes)  # the rest stays
    assert _muffins(chat) == 1
    assert "iced latte" in r.text


def test_one_of_the_lattes_names_the_line(chat: Any) -> None:
    chat.say(ORDER)
    chat.say("could you make one of the lattes decaf")
    lattes = _lattes(chat)
    assert sum(q for q, _ in lattes) == 2 and len(lattes) == 2
    assert sorted(opts["caffeine"] for _, opts in lattes) == ["decaf", "regular"]
    assert _muffins(chat) == 1


def test_make_one_iced_without_naming_anything(chat: Any) -> None:
    chat.say(ORDER)
    chat.say("make one iced please")
    temps = sorted(opts["temperature"] for qty, opts in _lattes(chat) for _ in range(qty))
    assert temps == ["hot", "iced"]


def test_make_them_iced_changes_the_whole_plural_line(chat: Any) -> None:
    chat.say(ORDER)
    r = chat.say("make them iced")
    assert _lattes(chat) and all(opts["temperature"] == "iced" for _, opts in _lattes(chat))
    assert sum(q for q, _ in _lattes(chat)) == 2 and len(_lattes(chat)) == 1
    assert "two large iced lattes" in r.text


def test_a_change_goes_to_the_latest_line_that_offers_it(chat: Any) -> None:
    chat.say("a mocha and a latte and a croissant")
    chat.say("with almond milk")  # the croissant has no milk: the latte, the latest line that does
    milks = {sku: opts.get("milk") for sku, _, opts in chat.lines}
    assert milks["LATTE"] == "almond" and milks["MOCHA"] != "almond"


def test_a_count_for_a_product_in_the_cart_is_a_correction(chat: Any) -> None:
    for correction in ("actually three lattes", "make that three lattes", "change the lattes to three"):
        chat.say("start over")
        chat.say(ORDER)
        r = chat.say(correction)
        assert _lattes(chat) == [(3, _lattes(chat)[0][1])], correction
        assert _lattes(chat)[0][1]["milk"] == "oat", correction  # the line keeps how it was made
        assert _muffins(chat) == 1, correction
        assert "three large lattes" in r.text, correction


def test_a_count_with_more_or_and_adds(chat: Any) -> None:
    chat.say(ORDER)
    chat.say("and three lattes")
    assert sum(q for q, _ in _lattes(chat)) == 5
    chat.say("start over")
    chat.say(ORDER)
    chat.say("three more lattes")  # more of the same: the oat milk lattes grow
    assert _lattes(chat) == [(5, _lattes(chat)[0][1])] and _lattes(chat)[0][1]["milk"] == "oat"
    chat.say("another latte")
    assert _lattes(chat)[0][0] == 6 and len(_lattes(chat)) == 1
    assert _muffins(chat) == 1


def test_a_count_after_a_split_is_the_total(chat: Any) -> None:
    chat.say(ORDER)
    chat.say("make one of them iced")
    chat.say("actually three lattes")
    assert sum(q for q, _ in _lattes(chat)) == 3
    assert _muffins(chat) == 1


# --- products just listed: "the second one", "the blue one", "that one" (general store) ---------------

def test_the_second_one_in_a_size_is_one_pair_in_that_size(shop_store: Any, new_chat: Any) -> None:
    chat = new_chat(shop_store)
    r = chat.say("do you have shoes under a hundred dollars")
    listed = r.display["products"]
    assert len(listed) >= 2
    chat.say("the second one in size 10")  # "10" is the size, not how many
    assert chat.lines == [(listed[1]["sku"], 1, {"size": "10"})]
    r = chat.say("is the blue one in medium")  # no shoe comes in blue: said so, nothing changes
    assert "come with blue" in r.text and chat.lines == [(listed[1]["sku"], 1, {"size": "10"})]


def test_plural_product_names_take_plural_verbs(shop_store: Any, new_chat: Any) -> None:
    chat = new_chat(shop_store)
    chat.say("do you have running shoes")
    r = chat.say("do they come in blue")
    assert "running shoes don't come with blue" in r.text


def test_the_colour_picks_the_listed_product_that_comes_in_it(shop_store: Any, new_chat: Any) -> None:
    chat = new_chat(shop_store)
    r = chat.say("what jackets do you have")
    skus = [p["sku"] for p in r.display["products"]]
    assert {"DENIM-JACKET", "RAIN-JACKET"} <= set(skus)
    r = chat.say("is the yellow one in medium")  # only the rain jacket comes in yellow
    assert "rain jacket" in r.text and chat.lines == []
    r = chat.say("I'll take it in medium")  # the yellow of the question stands
    assert chat.lines == [("RAIN-JACKET", 1, {"colour": "yellow", "size": "m"})]


def test_the_black_one_among_several_that_come_in_black_asks_which(shop_store: Any, new_chat: Any) -> None:
    chat = new_chat(shop_store)
    chat.say("what jackets do you have")
    r = chat.say("the black one in large")  # every jacket comes in black
    assert chat.lines == [] and "Which one" in r.text
    chat.say("the rain jacket")
    assert chat.lines == [("RAIN-JACKET", 1, {"colour": "black", "size": "l"})]


def test_that_one_right_after_a_list_asks_which_then_means_the_one_picked(chat: Any) -> None:
    r = chat.say("what pastries do you have")
    listed = [p["sku"] for p in r.display["products"]]
    assert len(listed) >= 3
    r = chat.say("I'll take that one")
    assert chat.lines == [] and "Which one" in r.text
    chat.say("the second one")
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [(listed[1], 1)]
    chat.say("I'll take another one of that one")
    chat.say("same again")
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [(listed[1], 3)]


# --- corrections mid-sentence -------------------------------------------------------------------------

def test_corrections_mid_sentence_keep_only_the_later_item(chat: Any) -> None:
    cases = [("can I get a latte, no wait, make it a mocha", [("MOCHA", 1)]),
             ("two lattes, sorry, two mochas", [("MOCHA", 2)]),
             ("I'd like a scone, actually no, a cinnamon roll", [("CINNAMON-ROLL", 1)]),
             ("a blueberry muffin and a latte, no, a mocha", [("BLUEBERRY-MUFFIN", 1), ("MOCHA", 1)])]
    for said, want in cases:
        chat.say("start over")
        chat.say(said)
        assert [(sku, qty) for sku, qty, _ in chat.lines] == want, said


def test_no_between_two_milks_is_a_correction_not_without(chat: Any) -> None:
    r = chat.say("a croissant and a latte with oat milk, no, almond milk")
    latte = next(opts for sku, _, opts in chat.lines if sku == "LATTE")
    assert latte["milk"] == "almond" and "no almond" not in r.text
    line = next(ln for ln in chat.session.cart.lines if ln.sku == "LATTE")
    assert all(o.amount != "none" for o in line.options)
    chat.say("no, whole milk")  # to the read-back: the milk changes
    latte = next(opts for sku, _, opts in chat.lines if sku == "LATTE")
    assert latte["milk"] == "whole"
    assert [sku for sku, _, _ in chat.lines] == ["CROISSANT", "LATTE"]


# --- "the cheaper one" after two products were compared ----------------------------------------------

def test_the_cheaper_one_after_two_prices(chat: Any) -> None:
    r = chat.say("how much are the mocha and the flat white")
    assert "mocha is five twenty five" in r.text and "flat white is five fifteen" in r.text  # the default size
    assert chat.lines == []
    chat.say("the cheaper one please")
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("FLAT-WHITE", 1)]


def test_the_cheaper_of_two_at_the_same_price_asks(chat: Any) -> None:
    chat.say("what's the difference between a latte and a cappuccino")
    r = chat.say("I'll have the cheaper one")
    assert chat.lines == [] and "same price" in r.text and "Which one" in r.text
    chat.say("the cappuccino")
    assert [sku for sku, _, _ in chat.lines] == ["CAPPUCCINO"]


# --- general store: search with a price limit, a kind of product, comparisons --------------------------

def test_a_named_product_over_the_limit_says_its_price_and_what_fits(shop_store: Any, new_chat: Any) -> None:
    chat = new_chat(shop_store)
    r = chat.say("do you have running shoes under eighty dollars")
    assert "running shoes are eighty five dollars" in r.text
    assert r.display["products"] and all(p["price_cents"] <= 8000 for p in r.display["products"])
    assert chat.lines == []


def test_a_kind_lists_every_product_of_it_then_ordinals_and_cheaper(shop_store: Any, new_chat: Any) -> None:
    chat = new_chat(shop_store)
    r = chat.say("do you have any t-shirts")
    listed = [p["sku"] for p in r.display["products"]]
    assert len(listed) == 3 and all("T-SHIRT" in s for s in listed)
    r = chat.say("what colours does the second one come in")
    second = shop_store.get_product(listed[1])
    assert second is not None and second.name in r.text
    chat.say("the cheaper one in black medium")  # the list still stands after a question about one of it
    cheapest = min((shop_store.get_product(s) for s in listed), key=lambda p: p.price_cents)  # type: ignore[union-attr]
    assert chat.lines == [(cheapest.sku, 1, {"colour": "black", "size": "m"})]  # type: ignore[union-attr]


def test_comparing_two_store_products_answers(shop_store: Any, new_chat: Any) -> None:
    chat = new_chat(shop_store)
    r = chat.say("what's the difference between the hoodie and the zip hoodie")
    assert "went wrong" not in r.text and "zip hoodie" in r.text
    chat.say("the pricier one in grey large")
    assert chat.lines == [("ZIP-HOODIE", 1, {"colour": "grey", "size": "l"})]


# --- "it" for a product offered, "another", "same again" -----------------------------------------------

def test_make_it_iced_to_an_offer_orders_the_offered_drink(chat: Any) -> None:
    chat.say("a cortado")
    r = chat.say("do you have chai")
    assert "Would you like one" in r.text
    chat.say("make it iced")  # "it" is the chai just offered, not the cortado in the cart
    lines = {sku: opts for sku, _, opts in chat.lines}
    assert lines["CHAI-LATTE"]["temperature"] == "iced" and "CORTADO" in lines


def test_a_question_about_it_then_take_it(chat: Any) -> None:
    chat.say("how much is a cortado")
    chat.say("I'll take it")
    chat.say("what's in a london fog")
    chat.say("sounds good, I'll have one")
    assert [sku for sku, _, _ in chat.lines] == ["CORTADO", "LONDON-FOG"]


def test_same_again_and_another_repeat_the_line_in_focus(chat: Any) -> None:
    chat.say("a large mocha with almond milk")
    chat.say("same again")
    assert chat.lines == [("MOCHA", 2, chat.lines[0][2])] and chat.lines[0][2]["milk"] == "almond"
    chat.say("another one of those")
    assert chat.lines[0][1] == 3
    r = chat.say("same again but with oat milk")  # one more, made that way
    assert [(qty, opts["milk"], opts["size"]) for _, qty, opts in chat.lines] == [(3, "almond", "large"),
                                                                                 (1, "oat", "large")]
    assert "oat milk" in r.text


# --- general store: lines told apart by how they are made, a count that looks like an option ----------

def test_the_grey_one_is_a_line_and_a_bare_count_is_a_count(shop_store: Any, new_chat: Any) -> None:
    chat = new_chat(shop_store)
    chat.say("I need a hoodie in black, medium")
    chat.say("another one in grey")  # the same hoodie, the colour changed
    assert chat.lines == [("HOODIE", 1, {"colour": "black", "size": "m"}), ("HOODIE", 1, {"colour": "grey", "size": "m"})]
    r = chat.say("remove the grey one")
    assert chat.lines == [("HOODIE", 1, {"colour": "black", "size": "m"})] and "went wrong" not in r.text
    chat.say("actually two")  # "2" is also the short name of some "2 meter" value in this catalog
    assert chat.lines == [("HOODIE", 2, {"colour": "black", "size": "m"})]


def test_an_ordinal_after_a_fresh_list_picks_from_the_list_not_the_cart(shop_store: Any, new_chat: Any) -> None:
    chat = new_chat(shop_store)
    chat.say("a black medium hoodie")
    r = chat.say("do you have socks")
    listed = [p["sku"] for p in r.display["products"]]
    assert len(listed) >= 2
    chat.say("the second one in large")
    assert chat.lines == [("HOODIE", 1, {"colour": "black", "size": "m"}), (listed[1], 1, {"size": "large"})]


def test_how_much_is_it_about_the_product_just_offered_not_the_order(chat: Any) -> None:
    chat.say("a latte")
    chat.say("do you have scones")
    r = chat.say("how much is it")
    assert "scone is three twenty five" in r.text
    r = chat.say("I'll have two of them")
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("LATTE", 1), ("SCONE", 2)]
    r = chat.say("how much is it")  # now it is in the order: the order's total
    assert "Your order is" in r.text and "scones" in r.text


def test_one_of_them_and_the_other_one_change_both_parts(chat: Any) -> None:
    chat.say("two large lattes with oat milk")
    chat.say("make one of them iced and the other one decaf")
    made = sorted((opts["temperature"], opts["caffeine"]) for _, qty, opts in chat.lines for _ in range(qty))
    assert made == [("hot", "decaf"), ("iced", "regular")]
    assert all(opts["milk"] == "oat" and opts["size"] == "large" for _, _, opts in chat.lines)


def test_corrections_without_punctuation_as_speech_arrives(chat: Any) -> None:
    cases = [("a latte no a mocha", [("MOCHA", 1)]), ("two lattes sorry three lattes", [("LATTE", 3)]),
             ("can I get a cappuccino actually make it a flat white", [("FLAT-WHITE", 1)])]
    for said, want in cases:
        chat.say("start over")
        chat.say(said)
        assert [(sku, qty) for sku, qty, _ in chat.lines] == want, said
    chat.say("start over")
    r = chat.say("a mocha with oat milk no almond milk")
    assert chat.lines[0][2]["milk"] == "almond" and "no almond" not in r.text


def test_the_product_named_again_for_each_part_is_not_more_of_it(chat: Any) -> None:
    chat.say("two lattes, one latte with oat milk and the other latte with almond milk")
    assert sorted((qty, opts["milk"]) for sku, qty, opts in chat.lines if sku == "LATTE") == [(1, "almond"), (1, "oat")]
    chat.say("start over")
    chat.say("two lattes and one latte with oat milk")  # a third latte: the parts do not add up to two
    assert sum(qty for _, qty, _ in chat.lines) == 3


def test_an_option_said_after_a_product_that_has_a_variant_of_that_name(chat: Any) -> None:
    r = chat.say("a mocha, iced, with oat milk")  # the mocha has no temperature; the iced mocha is the drink
    assert [(sku, opts["milk"]) for sku, _, opts in chat.lines] == [("ICED-MOCHA", "oat")]
    assert "doesn't come with" not in r.text


def test_number_two_and_the_last_one_count_in_the_list_as_it_was_said(chat: Any) -> None:
    r = chat.say("what pastries do you have")
    listed = [p["sku"] for p in r.display["products"]]
    assert len(listed) > 3  # three are said, the rest are on screen
    chat.say("I'll take number two")
    chat.say("and the last one")  # the last one said, the third
    assert [sku for sku, _, _ in chat.lines] == [listed[1], listed[2]]


def test_removing_part_of_a_line_keeps_the_rest(chat: Any) -> None:
    for said, lattes_left in (("remove one of the lattes", 2), ("take one latte off", 2), ("remove one of them", 2),
                              ("remove a latte", 2),
                              ("remove two lattes", 1), ("remove the lattes", 0)):
        chat.say("start over")
        chat.say("three lattes and a blueberry muffin")
        chat.say(said)
        assert sum(q for q, _ in _lattes(chat)) == lattes_left, said
        assert _muffins(chat) == 1, said


def test_what_else_reads_on_through_the_list_and_ordinals_keep_counting(chat: Any) -> None:
    r = chat.say("what pastries do you have")
    listed = [p["sku"] for p in r.display["products"]]
    assert len(listed) >= 6
    r = chat.say("what else")  # the next three of the same list, not every product
    assert "also have" in r.text and chat.lines == []
    names = {p["sku"]: p["name"] for p in r.display["products"]}
    assert all(names[s] in r.text for s in listed[3:6])
    chat.say("the last one")  # the last one said: the sixth
    chat.say("and the fifth one")
    assert [sku for sku, _, _ in chat.lines] == [listed[5], listed[4]]


def test_a_sold_out_product_is_listed_last(chat: Any, cafe: Any) -> None:
    r = chat.say("what pastries do you have")
    listed = [p["sku"] for p in r.display["products"]]
    sold_out = [s for s in listed if cafe.stock(s, None) == 0]
    assert sold_out, "the bundled cafe has a sold-out pastry"
    assert listed[-len(sold_out):] == sold_out


def test_the_blue_one_after_asking_about_another_listed_product(shop_store: Any, new_chat: Any) -> None:
    chat = new_chat(shop_store)
    chat.say("what jackets do you have")
    chat.say("how much is the rain jacket")  # the rain jacket comes in no blue
    r = chat.say("is the blue one in medium")
    assert "denim jacket" in r.text and chat.lines == []


def test_the_same_in_another_size_is_one_more(shop_store: Any, new_chat: Any) -> None:
    chat = new_chat(shop_store)
    r = chat.say("do you have running shoes under eighty dollars")
    second = r.display["products"][1]["sku"]
    chat.say("the second one in size 10")
    chat.say("actually size 9")  # a change to that pair
    chat.say("the same in size 11")  # one more pair, in 11
    assert chat.lines == [(second, 1, {"size": "9"}), (second, 1, {"size": "11"})]
