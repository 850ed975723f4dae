"""Multi-turn conversations on the bundled cafe catalog with a real SQLite store."""

from __future__ import annotations

from typing import Any

from catalog.models import OrderStatus
from catalog.sqlite_store import SQLiteStore
from dialogue.types import Action


def test_order_from_greeting_to_placed_order(chat: Any, cafe: SQLiteStore) -> None:
    assert "What can I get you" in chat.session.greeting().text
    assert chat.say("hi there").actions == ()
    r = chat.say("two large oat milk lattes and a blueberry muffin", caller_id="+15551234")
    assert Action.CART_CHANGED in r.actions
    assert chat.lines[0][:2] == ("LATTE", 2) and chat.lines[0][2]["milk"] == "oat" and chat.lines[0][2]["size"] == "large"
    assert chat.lines[1][:2] == ("BLUEBERRY-MUFFIN", 1)
    assert "with tax" in r.text and "Is that right" in r.text
    assert r.display["cart"]["lines"][0]["quantity"] == 2
    r = chat.say("to go please")
    assert "to go" in r.text
    r = chat.say("that's all")
    assert "Shall I place the order" in r.text and Action.ORDER_PLACED not in r.actions
    assert cafe.orders() == []
    r = chat.say("yes")
    assert Action.ORDER_PLACED in r.actions and r.order_number
    order = cafe.get_order(r.order_number)
    assert order is not None and order.customer == "+15551234"
    assert order.metadata.get("order_type") == "togo"
    assert [(ln.sku, ln.quantity) for ln in order.lines] == [("LATTE", 2), ("BLUEBERRY-MUFFIN", 1)]
    assert chat.session.cart.is_empty()
    # a repeated yes never places a second order
    r2 = chat.say("yes")
    assert Action.ORDER_PLACED not in r2.actions and "already placed" in r2.text
    assert len(cafe.orders()) == 1


def test_no_at_checkout_returns_to_editing(chat: Any, cafe: SQLiteStore) -> None:
    chat.say("a latte")
    chat.say("check out")
    r = chat.say("no")
    assert "not placed" in r.text and Action.ORDER_PLACED not in r.actions
    assert chat.lines and chat.lines[0][0] == "LATTE"  # the cart is still there to edit
    chat.say("make it iced")
    assert chat.lines[0][2]["temperature"] == "iced"
    assert cafe.orders() == []


def test_plain_no_to_a_read_back_takes_the_change_back(chat: Any) -> None:
    chat.say("a mocha")
    chat.say("yes and a croissant")  # carries on: the mocha stands, the croissant is new
    r = chat.say("no")
    assert "croissant" in r.text and Action.CART_CHANGED in r.actions
    assert [sku for sku, _, _ in chat.lines] == ["MOCHA"]


def test_required_option_is_asked_with_at_most_three_choices(chat: Any) -> None:
    r = chat.say("a cup of tea please")
    assert chat.lines == [] and "What tea would you like" in r.text
    assert r.text.count(",") <= 3
    r = chat.say("earl grey")
    assert chat.lines[0][0] == "TEA" and chat.lines[0][2]["tea"] == "earl_grey"


def test_ambiguous_product_asks_which(chat: Any) -> None:
    r = chat.say("I'd like a brew please")
    assert "Which one" in r.text and chat.lines == []
    chat.say("the second one")
    assert len(chat.lines) == 1 and chat.lines[0][0] == r.display["products"][1]["sku"]


def test_corrections(chat: Any) -> None:
    chat.say("a latte, no, a mocha")
    assert [sku for sku, _, _ in chat.lines] == ["MOCHA"]
    chat.say("actually make that a cappuccino")
    assert [sku for sku, _, _ in chat.lines] == ["CAPPUCCINO"]
    chat.say("actually three")
    assert chat.lines[0][1] == 3
    chat.say("change the milk to almond")
    assert chat.lines[0][2]["milk"] == "almond"


def test_references(chat: Any) -> None:
    chat.say("a large latte with oat milk")
    chat.say("another one")
    assert chat.lines[0][1] == 2
    chat.say("and a scone")
    chat.say("make it warmed")
    assert chat.lines[1][2]["warmed"] == "yes"
    chat.say("remove the second one")
    assert [sku for sku, _, _ in chat.lines] == ["LATTE"]
    chat.say("remove it")
    assert chat.lines == []
    chat.say("a latte and a scone")
    chat.say("remove the cheaper one")
    assert [sku for sku, _, _ in chat.lines] == ["LATTE"]


def test_questions_do_not_change_the_cart(chat: Any) -> None:
    r = chat.say("what milks do you have")
    assert "oat" in r.text or "whole" in r.text
    r = chat.say("how much is a latte")
    assert "latte" in r.text.lower() and "$" not in r.text
    r = chat.say("do you have croissants in stock")
    assert "croissant" in r.text.lower()
    r = chat.say("what's in a cortado")
    assert "cortado" in r.text.lower() or "espresso" in r.text.lower()
    r = chat.say("do you have anything under three dollars")
    assert r.display["products"] and all(p["price_cents"] <= 300 for p in r.display["products"])
    assert chat.lines == []


def test_cart_read_back_clear_and_shop_info(chat: Any) -> None:
    chat.say("an espresso")
    r = chat.say("what's in my cart")
    assert "espresso" in r.text and "That's" in r.text
    r = chat.say("clear my cart")
    assert Action.CART_CHANGED in r.actions and chat.lines == []
    assert "seven to six" in chat.say("what are your opening hours").text
    assert "Mill Street" in chat.say("what's your address").text
    assert "30 days" in chat.say("can I return something").text
    assert "wifi password" in chat.say("do you have wifi here?").text


def test_help_repeat_handoff_goodbye_out_of_scope(chat: Any) -> None:
    assert "order" in chat.say("what can I say").text.lower()
    last = chat.say("who won the game last night")
    assert "Sorry" in last.text and chat.say("say that again").text == last.text
    r = chat.say("I want to talk to a real person")
    assert Action.HANDOFF in r.actions and r.ends_conversation
    r = chat.say("goodbye")
    assert Action.END in r.actions


def test_order_status_and_cancel_by_spoken_number(chat: Any, cafe: SQLiteStore, new_chat: Any) -> None:
    chat.say("a latte", caller_id="+15550001234")
    number = chat.say("yes").order_number
    assert number
    spoken = " ".join(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"][int(d)] for d in number)
    assert "received" in chat.say(f"what's the status of order {spoken}").text  # the session that placed it
    stranger = new_chat(cafe)  # another shopper: the order is not theirs, and they learn nothing of it
    r = stranger.say(f"what's the status of order {spoken}")
    assert "can't find" in r.text and "received" not in r.text
    r = stranger.say(f"cancel order {spoken}")
    assert "can't find" in r.text and "Shall I cancel" not in r.text
    assert stranger.say("yes").actions == ()
    caller = new_chat(cafe)  # the same caller on a new call
    assert "received" in caller.say(f"where is order {spoken}", caller_id="+15550001234").text
    r = caller.say(f"cancel order {spoken}", caller_id="+15550001234")
    assert "Shall I cancel" in r.text and "latte" in r.text
    r = caller.say("yes", caller_id="+15550001234")
    assert Action.ORDER_CANCELLED in r.actions
    order = cafe.get_order(number)
    assert order is not None and order.status == OrderStatus.CANCELLED
    r = caller.say(f"cancel order {spoken}", caller_id="+15550001234")
    assert "can't be cancelled" in r.text and "only placed" not in r.text  # a sentence, not the store's error
    assert "can't find" in caller.say("where is order one one one one one").text


def test_low_asr_confidence_confirms_before_changing(chat: Any) -> None:
    r = chat.say("two mochas", asr_confidence=0.3)
    assert chat.lines == [] and "I think you said" in r.text
    chat.say("yes")
    assert chat.lines[0][:2] == ("MOCHA", 2)
    r = chat.say("yes", asr_confidence=0.2)  # a doubtful yes does not place an order
    assert Action.ORDER_PLACED not in r.actions
    r = chat.say("no", asr_confidence=0.95)
    assert chat.session.orders == []


def test_dtmf_keys(chat: Any) -> None:
    chat.say("a latte")
    r = chat.say("", dtmf="1")
    assert Action.ORDER_PLACED in r.actions
    chat.say("a mocha")
    chat.say("", dtmf="2")
    assert chat.lines == []
    assert Action.HANDOFF in chat.say("", dtmf="0").actions


def test_nonsense_empty_long_and_unicode_input_never_crash(chat: Any) -> None:
    for text in ("", "   ", "asdf qwerty zxcv", "🙂☕️✨", "ñandú café crème brûlée", "x" * 10000,
                 "latte " * 500, "\x00\x01\x02", "?!?!", "12345678901234567890", "ünïcödé mocha"):
        r = chat.say(text)
        assert isinstance(r.text, str) and r.text
        assert "*" not in r.text and "#" not in r.text
    assert chat.session.orders == []


def test_nothing_but_a_yes_places_an_order(chat: Any, cafe: SQLiteStore) -> None:
    for text in ("a latte", "check out", "that's all", "I'm done", "hmm let me think",
                 "no", "a mocha please", "what's in my cart", "finish my order"):
        chat.say(text)
    assert cafe.orders() == []
    r = chat.say("place my order")  # a command to place, right after the read-back: a clear yes
    assert r.order_number and len(cafe.orders()) == 1


def test_a_yes_to_an_offer_adds_the_item_but_does_not_order(chat: Any, cafe: SQLiteStore) -> None:
    r = chat.say("do you have a blueberry muffin")
    assert "Would you like one" in r.text and chat.lines == []
    r = chat.say("yes please")
    assert Action.CART_CHANGED in r.actions and Action.ORDER_PLACED not in r.actions
    assert [sku for sku, _, _ in chat.lines] == ["BLUEBERRY-MUFFIN"]
    assert cafe.orders() == []


def test_iced_on_a_drink_with_an_iced_twin_swaps_it(chat: Any) -> None:
    chat.say("how about a large mocha with oat milk")
    r = chat.say("can I get that iced?")
    assert "iced mocha" in r.text
    assert chat.lines == [("ICED-MOCHA", 1, chat.lines[0][2])]
    assert chat.lines[0][2]["size"] == "large" and chat.lines[0][2]["milk"] == "oat"
    assert "iced mocha" in chat.say("what do I owe you").text


def test_amount_words_are_kept_on_the_line(chat: Any) -> None:
    chat.say("a small drip coffee with a little bit of cream and lots of sugar")
    line = chat.session.cart.lines[0]
    opts = {o.group: o for o in line.options}
    assert (opts["milk"].value, opts["milk"].amount, opts["milk"].qualifier) == ("cream", "light", "a little bit of")
    assert (opts["sweetener"].value, opts["sweetener"].amount, opts["sweetener"].qualifier) == ("sugar", "extra", "lots of")
    chat.say("no sugar please")
    opts = {o.group: o for o in chat.session.cart.lines[0].options}
    assert opts["sweetener"].amount == "none"


def test_no_with_a_search_takes_the_proposal_back_but_no_with_an_option_question_keeps_it(chat: Any) -> None:
    chat.say("a mocha please")
    r = chat.say("no, what pastries do you have?")
    assert "taken the mocha off" in r.text and chat.lines == []
    chat.say("a latte")
    chat.say("no, what syrups do you have?")
    assert [sku for sku, _, _ in chat.lines] == ["LATTE"]
    chat.say("add hazelnut")
    assert chat.lines[0][2]["syrup"] == "hazelnut"


def test_small_talk_around_an_order(chat: Any) -> None:
    assert "What would you like" in chat.say("I'd like to order").text
    assert "large latte is five twenty five" in chat.say("how much is a large latte").text
    r = chat.say("what's the difference between a latte and a cappuccino")
    assert "latte" in r.text and "cappuccino" in r.text and chat.lines == []
    chat.say("two chocolate chip cookies and a hot chocolate")
    r = chat.say("never mind the cookies")
    assert "chocolate chip cookies" in r.text and [sku for sku, _, _ in chat.lines] == ["HOT-CHOCOLATE"]


def test_sessions_reusing_an_id_place_separate_orders(cafe: SQLiteStore, new_chat: Any) -> None:
    numbers = []
    for _ in range(2):
        chat = new_chat(cafe, session_id="kiosk-1")
        chat.say("an espresso")
        numbers.append(chat.say("yes").order_number)
    assert numbers[0] and numbers[1] and numbers[0] != numbers[1]
    assert len(cafe.orders()) == 2


def test_a_yes_that_repeats_the_order_confirms_but_a_yes_with_more_orders_more(chat: Any, cafe: SQLiteStore) -> None:
    chat.say("a latte with oat milk")
    r = chat.say("yes and another latte")
    assert Action.ORDER_PLACED not in r.actions and sum(q for _, q, _ in chat.lines) == 2
    chat.say("remove one latte")
    assert sum(q for _, q, _ in chat.lines) == 1
    r = chat.say("yes, a latte with oat milk")  # a yes and the order as it stands: confirmed
    assert Action.ORDER_PLACED in r.actions
    assert len(cafe.orders()) == 1
