"""Round 4 of the confirmation replies, in phrasings that are not in confirm_replies*.tsv: each family's rule,
both ways (what now places, and what near it still must not)."""

from __future__ import annotations

from typing import Any

import pytest

from dialogue.confirm import Verdict, decide


def _session(reply: str, chat: Any, cafe: Any) -> Any:
    chat.say("two lattes and a blueberry muffin")
    chat.say("that's all")
    before = list(chat.lines)
    r = chat.say(reply)
    return r, before


# --- a first-person state is a polite refusal, not a yes ---------------------------------------------------------
@pytest.mark.parametrize("reply", ["we're good thanks", "i'm fine thank you", "i'm all good for now",
                                   "we're okay thanks", "i'm all right", "we're alright for now thank you",
                                   "oh i'm good", "i'm good yes"])
def test_a_polite_refusal_does_not_place(reply: str, chat: Any, cafe: Any) -> None:
    assert not decide(reply).places, decide(reply)
    r, before = _session(reply, chat, cafe)
    assert not r.order_number and cafe.orders() == [] and chat.lines == before, r.text


@pytest.mark.parametrize("reply", ["i'm good with that", "yes we're fine with that", "i'm okay with that go ahead",
                                   "we're good to go", "yeah that's fine", "yes i'm happy with that"])
def test_a_state_about_the_order_is_still_a_yes(reply: str, chat: Any, cafe: Any) -> None:
    assert decide(reply).places, decide(reply)
    r, _ = _session(reply, chat, cafe)
    assert r.order_number and len(cafe.orders()) == 1, r.text


def test_a_polite_refusal_is_a_no() -> None:
    assert decide("we're fine thanks").verdict == Verdict.DENY


# --- a no scoped over a change or an addition answers "is that all?"; a receipt changes nothing ------------------
@pytest.mark.parametrize("reply", ["yeah nothing more", "no changes needed go ahead", "nah nothing else yes please",
                                   "sure nothing further", "nope nothing more to add yes", "no that's everything go ahead",
                                   "nah yeah sounds good", "yes and could i get a receipt",
                                   "sure go ahead and email me the receipt"])
def test_a_no_to_more_with_a_yes_places(reply: str, chat: Any, cafe: Any) -> None:
    assert decide(reply).places, decide(reply)
    r, before = _session(reply, chat, cafe)
    assert r.order_number and len(cafe.orders()) == 1, r.text


@pytest.mark.parametrize("reply", ["nothing more", "no that's everything", "nah yeah", "yeah no nothing else",
                                   "yes no", "nothing else but the muffin", "no changes except the milk",
                                   "yes can i get a receipt?", "no that's it but wait", "yes nothing else no"])
def test_a_no_to_more_without_a_clear_yes_does_not_place(reply: str, chat: Any, cafe: Any) -> None:
    assert not decide(reply).places, decide(reply)
    r, _ = _session(reply, chat, cafe)
    assert not r.order_number and cafe.orders() == [], r.text


# --- an aside or a story before a clear yes ---------------------------------------------------------------------
@pytest.mark.parametrize("reply", ["sorry the baby was crying yes go ahead", "my husband says yes that's right",
                                   "okay sorry yes please", "sorry i was on the phone yep that's everything",
                                   "we checked it twice so yes put it through"])
def test_an_aside_then_a_yes_places(reply: str, chat: Any, cafe: Any) -> None:
    assert decide(reply).places, decide(reply)
    r, _ = _session(reply, chat, cafe)
    assert r.order_number and len(cafe.orders()) == 1, r.text


@pytest.mark.parametrize("reply", ["sorry i was wrong yes", "my husband says no", "sorry the baby was crying hold on",
                                   "my wife says yes but make it large",
                                   "sorry i was asking if it's ready yes?", "i was thinking a croissant so yes please",
                                   "sorry i was asking about oat milk yes please", "we wanted it to go so yes",
                                   "i was going to add a cookie but yeah go ahead"])
def test_an_aside_that_says_more_does_not_place(reply: str, chat: Any, cafe: Any) -> None:
    r, before = _session(reply, chat, cafe)
    assert not r.order_number and cafe.orders() == [], r.text
    assert len(chat.lines) == len(before)  # nothing named in the aside is added


def test_an_order_before_the_yes_is_an_order(chat: Any, cafe: Any) -> None:
    r, _ = _session("sorry my son wants a scone yes", chat, cafe)  # no story: the scone is added and read back
    assert not r.order_number and cafe.orders() == [] and "scone" in r.text, r.text


# --- slips and idioms --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("reply", ["yesh please", "yas go ahead", "yeppers that's it", "one hundred percent",
                                   "place order please", "lock that in", "that's our order", "ten four thanks"])
def test_slips_and_idioms_place(reply: str, chat: Any, cafe: Any) -> None:
    assert decide(reply).places, decide(reply)
    r, _ = _session(reply, chat, cafe)
    assert r.order_number, r.text


@pytest.mark.parametrize("reply", ["don't place order", "ninety percent", "a hundred percent sure?", "yes 4",
                                   "lock it in later", "that's the order number"])
def test_near_idioms_do_not_place(reply: str) -> None:
    assert not decide(reply).places, decide(reply)


# --- "hold the X" is without X ----------------------------------------------------------------------------------
@pytest.mark.parametrize("reply", ["sure but hold the muffin", "hold the blueberry muffin please"])
def test_hold_the_product_takes_it_off(reply: str, chat: Any, cafe: Any) -> None:
    r, _ = _session(reply, chat, cafe)
    assert not r.order_number and cafe.orders() == [], r.text
    assert [sku for sku, _, _ in chat.lines] == ["LATTE"], r.text


def test_hold_the_option_is_still_the_option(chat: Any, cafe: Any) -> None:
    r, _ = _session("hold the cream on the latte", chat, cafe)
    assert not r.order_number and {sku for sku, _, _ in chat.lines} == {"LATTE", "BLUEBERRY-MUFFIN"}, r.text
