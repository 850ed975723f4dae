"""Replies to "Shall I place the order?" (confirmation round 19): cart changes nobody asked for, and yeses held.

A product or choice heard inside an idiom is no order ("red light" is no light roast, "green light on the whole lot" no
green tea, "stay warm out there" no warmed muffin, "are you deaf yes" no decaf, "hope you get a break soon" no banana
bread); a product named in a word passed on to the staff ("tell the barista she makes the best lattes in town") is no
order; "it was meant to be two muffins" and "i already said it was one latte" set the line's count; "heat the muffin
up", "cut the muffin in half" ask for that line made another way, not one more of it; "say again all after lattes" asks
to hear the order again. Radio and work speak, a yes said again with irritation, consent passed on, rhetorical
questions that mean yes, a yes with an exclamation or small talk after it place.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dialogue.confirm import decide, said_as_yes
from dialogue.normalize import tokens
from tests.dialogue.conftest import CAFE_READ_BACK, Chat, cafe_read_back, chat_of

# The unasked cart changes of round 19's first run (and more of each family): not placed, nothing changed.
UNCHANGED = [
    # a request to hear the order again names where, no order
    "say again all after lattes", "say again the lattes", "come again the muffin", "say again all before muffin",
    # a catalog word inside an idiom
    "red light", "red light on that", "that's a red light",
    # a line to be made another way, not one more
    "yes and heat the muffin up", "yes and cut the muffin in half", "toast the muffin",
    "yes please and slice the muffin", "heat the lattes up",
    # a product named in a word passed on to the staff
    "yes please and tell the barista she makes the best lattes in town",
    "yes and tell the team their muffins are amazing", "yep and say hi to the barista she knows my latte",
]


@pytest.mark.parametrize("reply", UNCHANGED)
def test_these_change_nothing_and_place_nothing(reply: str, chat: Any, cafe: Any) -> None:
    before = cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == [], r.text
    assert chat.lines == before, chat.lines


@pytest.mark.parametrize(("reply", "counts"), [
    ("my husband says it was meant to be two muffins", {"LATTE": 2, "BLUEBERRY-MUFFIN": 2}),
    ("it was meant to be two muffins", {"LATTE": 2, "BLUEBERRY-MUFFIN": 2}),
    ("i already said it was one latte", {"LATTE": 1, "BLUEBERRY-MUFFIN": 1}),
    ("it was supposed to be three lattes", {"LATTE": 3, "BLUEBERRY-MUFFIN": 1}),
    ("no it was two muffins", {"LATTE": 2, "BLUEBERRY-MUFFIN": 2}),
])
def test_it_was_meant_to_be_n_sets_the_count(reply: str, counts: dict[str, int], chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == [], r.text
    assert chat.counts == counts


@pytest.mark.parametrize(("reply", "sku", "count"), [("and a muffin", "BLUEBERRY-MUFFIN", 2),
                                                     ("another latte", "LATTE", 3),
                                                     ("yes and another muffin", "BLUEBERRY-MUFFIN", 2)])
def test_more_asked_for_is_still_added(reply: str, sku: str, count: int, chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    assert not chat.say(reply).order_number and cafe.orders() == []
    assert chat.counts[sku] == count, chat.counts


def test_a_choice_asked_of_a_line_is_still_made(chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    chat.say("yes and make the muffin warm")  # asked for with its choice's own word: made so, not placed
    assert cafe.orders() == []
    assert [o for sku, _, o in chat.lines if sku == "BLUEBERRY-MUFFIN"] == [{"warmed": "yes"}]


YESES = [
    # idioms holding a catalog word, with the yes
    "green light on the whole lot", "green light from me", "are you deaf yes", "yes place it and stay warm out there",
    "yes go ahead and hope you get a break soon", "yes please stay dry out there",
    # radio and work speak
    "that's an affirmative", "confirmed go ahead and execute", "order confirmed on my end", "we are go",
    "it's a go from me", "go for launch", "make it so number one", "solid copy send it", "loud and clear yes go ahead",
    "acknowledged and approved", "signed off go ahead", "affirmative over and out",
    # a yes said again with irritation
    "yes for the third time", "i've already said yes twice", "i already told you yes", "yes i told you yes already",
    "i said yes like three times now", "i literally just said yes", "yes the answer is yes", "still yes place it",
    "did i stutter yes", "like i said yes go ahead",
    # consent passed on
    "everyone here says yes", "the whole office says yes go ahead", "my boss just okayed it go ahead",
    # rhetorical questions that mean yes
    "is the pope catholic", "is the sky blue go ahead", "why would i say no", "can a duck swim place it",
    "isn't it obvious yes", "is that a trick question yes", "what's not to like go ahead", "who wouldn't want that yes please",
    # an exclamation or a mild swear
    "jeez louise yes go ahead", "holy crap yes", "holy moly yes place it", "christ yes go on", "dang straight go ahead",
    "oh lord yes please", "sweet jesus yes", "hell yeah place that bad boy",
    # small talk after the yes
    "yep cheers and good luck with the rush", "yes lovely and enjoy the rest of your shift",
    "yep send it and keep up the good work", "yes please and congrats on the new shop",
    # tips, cards, cups and bags; last time and the usual; a yes said, no button pressed; radio "over"
    "yep go ahead and don't bother with the receipt", "yes go ahead i don't have a loyalty card",
    "yep send it and forget about my points this time", "yes that's right no name needed on the cups",
    "yes go ahead no bag needed i've got my own", "yes same as last time", "yes it's the usual go ahead",
    "i went to press one out of habit yes go ahead", "the answer is yes no button needed", "yes over",
    "my mate says spot on yes place it",
]


@pytest.mark.parametrize("reply", YESES)
def test_a_yes_in_these_words_places(reply: str, chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    r = chat.say(reply)
    assert r.order_number and len(cafe.orders()) == 1, r.text
    assert [(ln.sku, ln.quantity) for ln in cafe.orders()[0].lines] == CAFE_READ_BACK
    assert all(o.value != "decaf" for ln in cafe.orders()[0].lines for o in ln.options)


HOLDS = [
    # the new yeses with a no, a wait, a doubt or a change
    "green light but not yet", "red light", "are you deaf no", "did i stutter no", "still no",
    "yes for the third time but take off the muffin", "holy crap no", "is the pope catholic wait",
    "everyone here says no", "the answer is no", "yes place it and stay warm but hang on",
    "i already told you i don't want the muffin", "like i said two large lattes", "yes over but make them large",
    "yes and tell the barista to make the lattes decaf",
    "over", "yes over but make them large", "no button needed but hang on", "not the same as last time though",
    "same as last time but with a croissant", "yes i forgot my loyalty card can i still get a stamp",
]


@pytest.mark.parametrize("reply", HOLDS)
def test_these_hold(reply: str, chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == [], r.text


def test_the_new_readings_say_what_they_do() -> None:
    assert decide("are you deaf yes").places and not decide("are you deaf").places  # irritation alone is no yes
    assert decide("red light").plain_no and not decide("green light on the whole lot").also
    said = tokens("yes please and tell the barista she makes the best lattes in town")
    assert set(range(said.index("tell"), len(said))) <= said_as_yes(said)  # the message to the staff orders nothing
    asked = tokens("yes and tell the barista to make it decaf")
    assert asked.index("decaf") not in said_as_yes(asked)  # "tell the barista to ..." asks for something


_BAKERY = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BAGEL", "name": "plain bagel", "aliases": ["bagel"], "price": "2.00"},
        {"sku": "SOURDOUGH", "name": "sourdough loaf", "aliases": ["sourdough"], "price": "6.50"},
        {"sku": "BANANA-BREAD", "name": "banana bread", "aliases": [], "price": "3.50"},
        {"sku": "CROISSANT", "name": "butter croissant", "aliases": ["croissant"], "price": "3.00"},
    ],
}


@pytest.fixture
def bakery(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _BAKERY)


def _bakery_read_back(bakery: Chat) -> list[tuple[str, int, dict[str, str]]]:
    bakery.say("two bagels and a sourdough loaf")
    assert "place the order" in bakery.say("that's all").text
    assert bakery.counts == {"BAGEL": 2, "SOURDOUGH": 1}
    return list(bakery.lines)


@pytest.mark.parametrize("reply", ["yes and toast the bagels", "yes and slice the sourdough for me",
                                   "cut the sourdough in half please", "say again all after bagels",
                                   "yes please and tell the team their sourdough is the best in town", "red light"])
def test_any_shop_these_change_nothing(reply: str, bakery: Chat) -> None:
    before = _bakery_read_back(bakery)
    r = bakery.say(reply)
    assert not r.order_number and bakery.lines == before, (r.text, bakery.lines)


@pytest.mark.parametrize(("reply", "counts"), [("it was meant to be three bagels", {"BAGEL": 3, "SOURDOUGH": 1}),
                                               ("i already said it was one bagel", {"BAGEL": 1, "SOURDOUGH": 1}),
                                               ("my wife says it was supposed to be two sourdough loaves",
                                                {"BAGEL": 2, "SOURDOUGH": 2})])
def test_any_shop_it_was_meant_to_be_n_sets_the_count(reply: str, counts: dict[str, int], bakery: Chat) -> None:
    _bakery_read_back(bakery)
    assert not bakery.say(reply).order_number
    assert bakery.counts == counts


@pytest.mark.parametrize("reply", ["yes go ahead and hope you get a break soon", "green light on the whole lot",
                                   "did i stutter yes", "is the pope catholic", "yes place it and stay warm out there"])
def test_any_shop_these_place_as_read_back(reply: str, bakery: Chat) -> None:
    _bakery_read_back(bakery)
    r = bakery.say(reply)
    assert r.order_number, r.text
    assert bakery.counts == {}  # the cart placed and emptied, no banana bread added first


def test_any_shop_another_is_still_added(bakery: Chat) -> None:
    _bakery_read_back(bakery)
    bakery.say("and a croissant")
    assert bakery.counts == {"BAGEL": 2, "SOURDOUGH": 1, "CROISSANT": 1}


# A choice whose name alone is a yes word ("sweet", "fine") said at the read-back in a reply that is no yes ("and make
# it sweet"): the line made so, as before round 19; only idioms of two words or more ("green light on the whole lot",
# "red light", "stay warm out there") name nothing (follow-up of round 19: curry-confirm-not-yes-004,
# saladbar-remove-counts-mt10-003).
_TEA_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "ICED-TEA", "name": "iced tea", "aliases": ["iced teas"], "price": "3.00", "options": [
            {"code": "sweet", "name": "sweetness", "default": "unsweet", "values": [
                {"code": "unsweet", "name": "unsweet"}, {"code": "sweet", "name": "sweet"}]}]},
        {"sku": "BEANS", "name": "coffee beans", "price": "12.00", "options": [
            {"code": "grind", "name": "grind", "default": "whole", "values": [
                {"code": "whole", "name": "whole bean"}, {"code": "fine", "name": "fine"},
                {"code": "coarse", "name": "coarse"}]}]},
        {"sku": "SALAD", "name": "greek salad", "aliases": ["salad"], "price": "9.00"},
    ],
}


@pytest.fixture
def tea_shop(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _TEA_SHOP)


@pytest.mark.parametrize("reply", ["and make it sweet", "yes but make it a sweet one", "make the iced tea sweet",
                                   "actually make it sweet please", "can you make it sweet"])
def test_a_choice_that_is_also_a_yes_word_is_made(reply: str, tea_shop: Chat) -> None:
    tea_shop.say("an iced tea and a greek salad")
    assert "place the order" in tea_shop.say("that's all").text
    r = tea_shop.say(reply)
    assert not r.order_number, r.text
    assert tea_shop.lines == [("ICED-TEA", 1, {"sweet": "sweet"}), ("SALAD", 1, {})], (r.text, tea_shop.lines)


def test_a_grind_that_is_also_a_yes_word_is_made(tea_shop: Chat) -> None:
    tea_shop.say("a bag of coffee beans")
    assert "place the order" in tea_shop.say("that's all").text
    r = tea_shop.say("oh make it fine")
    assert not r.order_number, r.text
    assert tea_shop.lines == [("BEANS", 1, {"grind": "fine"})], (r.text, tea_shop.lines)


@pytest.mark.parametrize("reply", ["sweet", "yes sweet", "sweet as yes"])
def test_sweet_as_a_yes_still_places_and_chooses_nothing(reply: str, tea_shop: Chat) -> None:
    tea_shop.say("an iced tea and a greek salad")
    assert "place the order" in tea_shop.say("that's all").text
    r = tea_shop.say(reply)
    assert r.order_number, r.text
    assert tea_shop.counts == {}
