"""Replies to "Shall I place the order?" (confirmation round 17): weak assent, the order said back otherwise, remarks.

Weak assent alone ("sounds about right", "it seems alright") is no yes to charging money: asked again, placed only with
a real yes besides. A yes said with the order over again but otherwise ("yes two regular lattes", "yes one medium latte
and a muffin") or with a tip, money or loyalty remark ("yes and give the barista two quid") is not placed and changes
nothing: no line added again, none dropped, no count or choice made of a time or an amount ("book it in for half
three"). Dictated punctuation ("yes period", "full stop": no stop), noise tags, "yeah no" before a go-ahead, small talk
after a clear yes and a doubt before a yes clause of its own place.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dialogue.confirm import Also, decide
from tests.dialogue.conftest import CAFE_READ_BACK, Chat, cafe_read_back, chat_of

WEAK = ["sounds about right", "it seems alright", "that sounds about right", "seems fine", "looks about right",
        "it seems ok to me"]


@pytest.mark.parametrize("reply", WEAK)
def test_weak_assent_alone_is_asked_again(reply: str, chat: Any, cafe: Any) -> None:
    assert not decide(reply).places
    before = cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == [] and chat.lines == before
    assert "place the order" in r.text


@pytest.mark.parametrize("reply", ["sounds about right yep go ahead", "yep sounds about right",
                                   "that sounds about right yes", "it seems alright yes place it",
                                   "yeah it seems alright"])
def test_weak_assent_with_a_real_yes_places(reply: str) -> None:
    assert decide(reply).places


SAID_BACK_OTHERWISE = [
    "yes large lattes", "yes two grande lattes", "yes two regular lattes", "yes one medium latte and a muffin",
    "yes two medium lattes with skimmed milk and a blueberry muffin",
    "that's right two medium iced lattes and the muffin",
    "yes two medium hot lattes with oat milk and a blueberry muffin go ahead",
    "yes two medium hot lattes whole milk and a chocolate muffin",
    "yep three lattes and the muffin", "correct the lattes and two muffins",
]


@pytest.mark.parametrize("reply", SAID_BACK_OTHERWISE)
def test_the_order_said_back_otherwise_changes_nothing(reply: str, chat: Any, cafe: Any) -> None:
    before = cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == []
    assert chat.lines == before, chat.lines  # nothing added again, nothing dropped, no choice changed
    assert "place the order" in r.text  # the question again


REMARKS = [
    "book it in for half three", "yes use my points for the muffin", "yes and can i redeem my free coffee",
    "yes and give the barista two quid", "yes and a fiver for the barista", "yes put it on my loyalty card",
    "go ahead at half past four", "yes and redeem my voucher on the latte",
]


@pytest.mark.parametrize("reply", REMARKS)
def test_a_time_money_or_loyalty_remark_is_no_count_choice_or_product(reply: str, chat: Any, cafe: Any) -> None:
    before = cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == []
    assert chat.lines == before, chat.lines


@pytest.mark.parametrize(("reply", "sku", "count"), [("yes and another muffin", "BLUEBERRY-MUFFIN", 2),
                                                     ("yes and one more latte", "LATTE", 3),
                                                     ("yes and a croissant", "CROISSANT", 1)])
def test_an_addition_said_with_a_yes_is_still_added(reply: str, sku: str, count: int, chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == []
    assert chat.counts[sku] == count


YESES = [
    # dictated punctuation ("full stop" is no stop)
    "yes period", "yes comma please", "yes please full stop", "ok full stop place it", "yes exclamation mark",
    "yep new line", "yes dash place it", "that's right period place it period", "yes please smiley face",
    # "yeah no" of a yes said again before a go-ahead
    "yeah no that's spot on go ahead", "yeah no definitely go ahead", "yeah no for sure place it",
    # noise and laughter tags, and the assistant named
    "[laughter] yes", "[noise] [noise] yes please", "cough cough sorry yes place it", "[sneeze] excuse me yes go ahead",
    "hehe yep send it", "voicecart yes go ahead", "yes voice cart go ahead",
    # go-ahead words and other languages
    "book that in", "lock her in", "send her through", "send away", "ring that up for me", "yes placeit",
    "sim sim pode mandar", "alles klar go ahead", "ndiyo sawa go ahead", "tak tak go ahead", "ja hoor place it",
    # a cancel or a wait said not to be needed; a tip or loyalty scheme declined
    "ok no need to stop anything go ahead", "correct and no need to hang on send it", "yes and no tip thanks",
    "yes place it no voucher this time", "yes go ahead no need to use my points",
    # small talk after a clear yes, and a doubt before a yes clause of its own
    "yes thanks and how's your day going", "yes place it happy friday by the way",
    "yes please it's boiling out there today", "yeah send it the sun's finally out", "yes go ahead it's pouring down out there",
    "i think that's the lot yes place it", "hmm i reckon that's everything yep go ahead",
    "yeah i'm pretty sure that's right yes place it", "i believe that's all yes go ahead",
]


@pytest.mark.parametrize("reply", YESES)
def test_a_yes_in_these_words_places(reply: str, chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    r = chat.say(reply)
    assert r.order_number and len(cafe.orders()) == 1, r.text
    assert [(ln.sku, ln.quantity) for ln in cafe.orders()[0].lines] == CAFE_READ_BACK


HOLDS = [
    # a no in the languages whose yes came in round 17, and a wait said plainly
    "sim nao", "tak nie", "ndiyo hapana", "yes period wait", "yes comma no", "full stop", "period",
    # "yeah no" with no go-ahead after it, or a no after it
    "yeah no", "yeah no i'll leave it", "yeah nah all good", "yeah no scrap that go ahead",
    # small talk with a change, a wait, a question or a no in it
    "yes please it's freezing so make them extra hot", "yes go ahead it's raining so hold on",
    "yes please did it say rain later", "yes it's sunny can i sit outside", "yeah snow",
    "yes go ahead is it raining there", "yep it's friday do you do a discount",
    # a doubt straight before a go-ahead, or with no yes clause of its own
    "i guess go for it", "i suppose that's right", "i think so yeah", "i guess it's fine go on",
    "i think that's the lot yes place it but wait",
    # having a loyalty card or a voucher is no yes to the order as read
    "yes i've got a voucher", "yes i'm a member",
]


@pytest.mark.parametrize("reply", HOLDS)
def test_these_hold(reply: str, chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == []


def test_the_new_tables_say_what_they_do() -> None:
    assert Also.HEDGES in decide("sounds about right").also
    assert decide("yes please full stop").places and not decide("ok stop").places
    assert decide("yes go ahead it's boiling out there today").aside  # the session checks what the remark names
    assert decide("i think that's the lot yes place it").aside
    assert not decide("yes period").also


_HARDWARE = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "HAMMER", "name": "claw hammer", "aliases": ["hammer"], "price": "18.00"},
        {"sku": "NAILS", "name": "box of nails", "aliases": ["nails"], "price": "4.50"},
        {"sku": "PAINT", "name": "tin of paint", "aliases": ["paint"], "price": "22.00", "options": [
            {"code": "colour", "name": "colour", "required": True, "values": [
                {"code": "white", "name": "white"}, {"code": "grey", "name": "grey"}]}]},
    ],
}


@pytest.fixture
def hardware(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _HARDWARE)


@pytest.mark.parametrize("reply", ["yes three boxes of nails and the hammer", "yep a hammer and nails",
                                   "yes two hammers and two boxes of nails", "yes and use my points for the hammer"])
def test_any_shop_the_order_said_back_otherwise_changes_nothing(reply: str, hardware: Chat) -> None:
    hardware.say("a claw hammer and two boxes of nails")
    assert "place the order" in hardware.say("that's all").text
    before = list(hardware.lines)
    r = hardware.say(reply)
    assert not r.order_number and hardware.lines == before


def test_any_shop_an_addition_with_a_yes_is_added(hardware: Chat) -> None:
    hardware.say("a claw hammer and two boxes of nails")
    hardware.say("that's all")
    hardware.say("yes and another hammer")
    assert hardware.counts == {"HAMMER": 2, "NAILS": 2}


def test_any_shop_more_joined_to_the_yes_is_added(hardware: Chat) -> None:
    hardware.say("a claw hammer and two boxes of nails")
    hardware.say("that's all")
    r = hardware.say("yes and a box of nails")  # "and" after the yes: more, as round 5's "yes and a grande tea"
    assert not r.order_number and hardware.counts == {"HAMMER": 1, "NAILS": 3}
