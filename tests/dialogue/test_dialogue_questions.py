"""Questions, greetings and off-topic requests never put anything in the cart; an order followed by a
question about it waits for the answer."""

from __future__ import annotations

from typing import Any

from dialogue.intents import Intent
from dialogue.types import Action


def test_asking_what_kinds_there_are_only_answers(chat: Any) -> None:
    for text in ("Could I maybe hear what sorts of tea you have on offer?",
                 "Hello, I was just wondering, which espresso drinks, do you make?",
                 "Can I please know what types of coffee you have?",
                 "Would you walk me through your pastry options?"):
        r = chat.say(text)
        assert chat.lines == [], text
        assert Action.CART_CHANGED not in r.actions, text
    assert chat.session.last_parse.intent in (Intent.SEARCH, Intent.OPTIONS)


def test_a_topic_then_a_question_is_no_order(chat: Any) -> None:
    r = chat.say("I'm curious about matcha. Which matcha drinks are there?")
    assert chat.lines == [] and "matcha latte" in r.text
    chat.say("Since it is warm out, I am wondering, do you do a hot chocolate here?")
    assert chat.lines == []


def test_a_greeting_alone_adds_nothing_and_is_no_yes(chat: Any) -> None:
    r = chat.say("Good evening")
    assert chat.lines == [] and r.actions == () and "welcome" in r.text.lower()
    chat.say("a cappuccino")
    r = chat.say("good morning")
    assert Action.ORDER_PLACED not in r.actions and chat.session.last_parse.intent == Intent.GREET
    assert chat.session.state.pending is None or chat.session.state.pending.kind != "checkout"


def test_off_topic_requests_never_order(chat: Any) -> None:
    for text in ("Could you put some jazz music on in the coffee shop?",
                 "Is the latte place across the road any good at trivia night?"):
        r = chat.say(text)
        assert chat.lines == [], text
        assert Action.CART_CHANGED not in r.actions


def test_order_then_question_about_its_options_waits_for_the_choice(chat: Any) -> None:
    r = chat.say("I'd like a mocha, but which milks can I pick from?")
    assert chat.lines == []
    assert "whole milk" in r.text and "Which milk" in r.text
    r = chat.say("oat please")
    assert Action.CART_CHANGED in r.actions
    assert [(sku, qty, opts.get("milk")) for sku, qty, opts in chat.lines] == [("MOCHA", 1, "oat")]


def test_order_then_what_is_in_it_answers_then_offers(chat: Any) -> None:
    r = chat.say("I'll have a cortado - what goes into it though?")
    assert chat.lines == [] and r.text.endswith("?")
    chat.say("sounds good")
    assert [sku for sku, _, _ in chat.lines] == ["CORTADO"]


def test_a_no_then_browsing_takes_the_read_back_line_off(chat: Any) -> None:
    chat.say("a mocha please")
    assert chat.lines
    r = chat.say("No, not that. What teas do you have?")
    assert chat.lines == [] and Action.CART_CHANGED in r.actions
    chat.say("a flat white")
    chat.say("I did not. Which pastries are there?")
    assert chat.lines == []


def test_a_yes_no_question_after_an_order_still_orders(chat: Any) -> None:
    chat.say("A latte please. Is it possible to make it with oat milk?")
    assert [(sku, opts.get("milk")) for sku, _, opts in chat.lines] == [("LATTE", "oat")]
    chat.say("Can I get two scones. Everything is there?")
    assert ("SCONE", 2) in [(sku, qty) for sku, qty, _ in chat.lines]


def test_speech_without_punctuation_still_splits_the_question_off(chat: Any) -> None:
    r = chat.say("i would like a mocha what milks do you have")
    assert chat.lines == [] and "Which milk" in r.text
    chat.say("almond")
    assert [(sku, opts.get("milk")) for sku, _, opts in chat.lines] == [("MOCHA", "almond")]
    chat.say("yes that is what i ordered")
    assert chat.session.orders


QUESTION_FORMS = ("what kinds of {p} do you have?", "do you have {p}?", "what's in the {p}?",
                  "which {p} do you serve", "I was wondering, what {p} drinks you have", "how much is the {p}?",
                  "is the {p} any good", "could you tell me about the {p}")


def test_no_question_about_any_product_adds_it(cafe: Any, new_chat: Any) -> None:
    from dialogue.lexicon import Lexicon

    names = [p.name for p in Lexicon.for_store(cafe).products.values()]
    assert len(names) >= 20
    for name in names:
        for form in QUESTION_FORMS:
            chat = new_chat(cafe)
            r = chat.say(form.format(p=name))
            assert chat.lines == [] and Action.CART_CHANGED not in r.actions, form.format(p=name)


def test_an_order_then_a_question_about_the_order_or_shop_still_orders(chat: Any) -> None:
    chat.say("I'll have a latte. What's the total?")
    assert [sku for sku, _, _ in chat.lines] == ["LATTE"]
    chat.say("yes")
    chat.say("Two scones please, and what time do you close?")
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("SCONE", 2)]


def test_an_order_then_a_question_about_other_goods_orders_and_a_count_after_a_question(chat: Any) -> None:
    chat.say("a latte please, do you have any pastries")
    assert [sku for sku, _, _ in chat.lines] == ["LATTE"]
    chat.say("yes")
    chat.say("do you have scones? I'll take three")
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("SCONE", 3)]
    chat.say("yes")
    chat.say("I was wondering if I could get a mocha")
    assert [sku for sku, _, _ in chat.lines] == ["MOCHA"]
