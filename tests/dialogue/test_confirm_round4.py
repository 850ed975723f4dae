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
