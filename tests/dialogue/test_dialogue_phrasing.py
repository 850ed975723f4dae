"""Phrasings around an order: shots said as counts, an extra shot, polite questions that ask for a drink,
a question answered by "I'll have that" in the same breath, describing words between count and drink."""

from __future__ import annotations

from typing import Any

import pytest

from dialogue.amounts import shot_counts
from dialogue.numbers import to_digits


@pytest.mark.parametrize(("said", "want"), [
    ("three espresso shots", ["triple", "shot"]),
    ("2 shots of espresso", ["double", "shot"]),
    ("an extra shot", ["double", "shot"]),
    ("one shot", ["single", "shot"]),
    ("two shots of hazelnut", ["2", "shots", "of", "hazelnut"]),  # pumps of syrup, not espresso
])
def test_shot_counts_become_multipliers(said: str, want: list[str]) -> None:
    assert shot_counts(to_digits(said.split())) == want


def test_shots_as_a_count_and_an_extra_shot(chat: Any) -> None:
    chat.say("Could I have a flat white made with three espresso shots?")
    assert chat.lines[-1][0] == "FLAT-WHITE" and chat.lines[-1][2]["shots"] == "triple"
    chat.say("yes")
    chat.say("and an americano with an extra shot please")
    assert chat.lines[-1][0] == "AMERICANO" and chat.lines[-1][2]["shots"] == "double"


def test_a_describing_word_between_count_and_drink_keeps_the_count(chat: Any) -> None:
    chat.say("I'll grab 3 toasted bagels")
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("BAGEL", 3)]


def test_a_yes_no_question_with_please_asks_for_the_drink(chat: Any) -> None:
    chat.say("Hello, do you have a decaf cortado with almond milk, please?")
    assert [(sku, opts["milk"], opts["caffeine"]) for sku, _, opts in chat.lines] == [("CORTADO", "almond", "decaf")]


def test_a_question_then_i_will_have_that_orders_it(chat: Any) -> None:
    chat.say("Are you able to do an iced chai latte? I'll have that then.")
    assert [(sku, opts.get("temperature")) for sku, _, opts in chat.lines] == [("CHAI-LATTE", "iced")]


def test_a_question_then_options_with_please_orders_it(chat: Any) -> None:
    chat.say("Is there a mocha on the menu? Oh and use skim milk for it please.")
    assert [(sku, opts["milk"]) for sku, _, opts in chat.lines] == [("MOCHA", "skim")]


def test_a_multiplier_followed_by_only_is_the_shots(chat: Any) -> None:
    chat.say("An americano, triple only.")
    assert chat.lines[0][2]["shots"] == "triple"


def test_really_hot_and_ice_cubes_are_no_iced_drink(chat: Any) -> None:
    chat.say("It's freezing outside, so a latte please, and really hot")
    assert chat.lines[0][0] == "LATTE" and chat.lines[0][2]["temperature"] == "hot"
    chat.say("yes")
    chat.say("and a chai latte with a couple of ice cubes")
    assert chat.lines[-1][0] == "CHAI-LATTE" and chat.lines[-1][2]["temperature"] == "hot"


def test_ice_right_before_a_drink_is_a_misheard_iced(chat: Any) -> None:
    chat.say("an ice oat latte")
    assert [(sku, opts["temperature"], opts["milk"]) for sku, _, opts in chat.lines] == [("LATTE", "iced", "oat")]


def test_option_words_that_are_notes(chat: Any) -> None:
    chat.say("a latte with cashew milk")  # a milk the cafe does not have is not its plain "milk"
    assert chat.lines[-1][2]["milk"] != "milk"
    chat.say("yes")
    chat.say("and an americano, use hazelnut as my sweetener")
    assert chat.lines[-1][2].get("syrup") == "hazelnut" and "sweetener" not in chat.lines[-1][2]
    chat.say("yes")
    chat.say("a flat white with chocolate shavings on top")
    assert chat.lines[-1][0] == "FLAT-WHITE" and "syrup" not in chat.lines[-1][2]


def _sugar(chat: Any) -> set[str]:
    return {o.amount for o in chat.session.cart.lines[-1].options if o.group == "sweetener"}


def test_sugar_free_and_no_added_sugar_ask_for_none(chat: Any) -> None:
    chat.say("an americano with no added sugar")
    assert _sugar(chat) <= {"none"}
    chat.say("yes")
    chat.say("one more americano, and make that sugar free")
    assert _sugar(chat) <= {"none"}
    chat.say("yes")
    chat.say("and an americano with sugar")
    assert _sugar(chat) == {"regular"}


def test_a_yes_with_chatter_after_it_still_places(chat: Any, cafe: Any) -> None:
    chat.say("a mocha please")
    r = chat.say("Yes please. I do not want to queue again for another one later.")
    assert not r.order_number and not cafe.orders()  # "not", "another", "later": no clear yes
    assert "yes or no" in r.text and "mocha" in r.text  # read back again, and asked
    r = chat.say("yes")
    assert r.order_number and len(cafe.orders()) == 1
    chat.say("a scone")
    r = chat.say("Yep, all correct. I would like to order.")
    assert r.order_number and len(cafe.orders()) == 2
    chat.say("a croissant")
    r = chat.say("I do.")
    assert r.order_number and len(cafe.orders()) == 3


def test_i_do_not_want_to_is_no_removal(chat: Any) -> None:
    chat.say("two lattes")
    chat.say("I don't want to wait long though")
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("LATTE", 2)]


def test_clipped_drink_names(chat: Any) -> None:
    chat.say("hi, could I just get two capps")
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("CAPPUCCINO", 2)]


def test_two_of_a_drink_with_the_second_milk_said_before_its_marker(chat: Any) -> None:
    chat.say("I'll take two lattes, one small, and let's do a large for the other one.")
    assert sorted((sku, qty, opts["size"]) for sku, qty, opts in chat.lines) == [
        ("LATTE", 1, "large"), ("LATTE", 1, "small")]


def test_a_short_misheard_word_fixed_by_the_word_after_it(chat: Any) -> None:
    chat.say("a mocha with oak milk")  # one letter off "oat", and "oat milk" is on the menu
    assert chat.lines[0][2]["milk"] == "oat"


def test_a_longer_misheard_word_fixed_by_the_phrase_before_a_single_word_fix(chat: Any) -> None:
    # "skin" alone sounds like "skinny"; with "milk" after it, one letter off "skim milk" wins
    chat.say("a large mocha with a little bit of skin milk")
    assert chat.lines[0][2]["milk"] == "skim"



def test_two_names_back_to_back_are_one_drink(chat: Any) -> None:
    chat.say("Can I get a chai latte matcha latte")  # one noun phrase, not two drinks
    assert [sku for sku, _, _ in chat.lines] == ["CHAI-LATTE"]


def test_a_yes_after_an_unheard_turn_at_checkout_is_asked_again(chat: Any, cafe: Any) -> None:
    chat.say("a scone")
    chat.say("check out")
    r = chat.say("")
    assert "Shall I place the order" in r.text and not cafe.orders()
    assert chat.say("yes").order_number


def test_two_spellings_on_a_menu_take_the_one_said(tmp_path: Any) -> None:
    from catalog.models import Product
    from catalog.sqlite_store import SQLiteStore
    from dialogue.session import Session

    store = SQLiteStore(tmp_path / "teas.sqlite3")
    store.upsert_products([Product(sku="grey", name="earl grey", price_cents=300),
                           Product(sku="gray", name="earl gray", price_cents=300)])
    session = Session(store)
    session.handle("an earl grey please")
    assert [ln.sku for ln in session.cart.lines] == ["grey"]
    session.handle("yes, and two earl grays")
    assert [(ln.sku, ln.quantity) for ln in session.cart.lines] == [("grey", 1), ("gray", 2)]
    store.close()


def test_the_whole_order_said_again_is_not_a_second_one(chat: Any, cafe: Any) -> None:
    chat.say("could I have a cortado to go")
    r = chat.say("I'd like a cortado to go")
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("CORTADO", 1)]
    assert "Shall I place the order" in r.text and not cafe.orders()
    chat.say("and another cortado")
    assert [(sku, qty) for sku, qty, _ in chat.lines] in ([("CORTADO", 2)], [("CORTADO", 1), ("CORTADO", 1)])


def test_no_thats_all_to_a_read_back_keeps_the_order_and_asks_to_place(chat: Any, cafe: Any) -> None:
    chat.say("a cappuccino with oat milk")
    r = chat.say("Nope, that's all.")
    assert [sku for sku, _, _ in chat.lines] == ["CAPPUCCINO"] and "Shall I place the order" in r.text
    assert not cafe.orders()
    assert chat.say("yes").order_number
