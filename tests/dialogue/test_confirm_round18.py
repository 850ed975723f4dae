"""Replies to "Shall I place the order?" (confirmation round 18): noise tags, times, a product named again, children.

A recogniser's tag for a sound ("[BLANK_AUDIO]", "[music]", "(laughs)") is no speech: alone it orders nothing, with a
yes it is the yes; a tag for missed speech ("[inaudible]") stays and holds. "ready by nine" is a time, no count. A
reply that is no yes and names only products the read-back holds, with no count and no word of more ("blueberry", "the
muffin you can leave off", "i'm not sure if she wanted the muffin"), adds no second one; "yes just the coffees" to lattes
keeps no line and adds none; a child talking to a parent ("mummy can i have a cookie") orders nothing. Shrugging,
stacked, regional and slang yeses, and a yes with how soon or where the shopper is, place.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dialogue.confirm import Also, decide
from dialogue.noise_tags import without_tags
from dialogue.references import a_time
from tests.dialogue.conftest import CAFE_READ_BACK, Chat, cafe_read_back, chat_of

# The holds of round 18 that changed the cart at the first run (and more of each family): not placed, nothing changed.
UNCHANGED = [
    # a noise tag alone
    "[blank_audio]", "[BLANK_AUDIO]", "[silence]", "(upbeat music)", "*coughs*", "[music] [applause]",
    # a time, no count
    "yes if you can have it ready by nine", "yes as long as it's ready by 5", "can it be done by ten",
    # a doubt, a story or a product named again: no second one
    "yeah so i was thinking that's everything but now i'm not sure if she wanted the muffin",
    "so we were going to do the muffin and the lattes and place it now but actually can you do it for later",
    "he says he wants a large one", "blueberry", "the muffin you can leave off", "hmm the lattes",
    "i wasn't sure about the muffin", "not sure she wanted the muffin",
    # a child talking to a parent
    "mummy can i have a cookie", "i want the chocolate one mummy", "daddy can we get a cookie",
    "mommy i want a cookie too", "yes mummy",
    # "just the" a product no line holds
    "yes just the coffees", "just the teas please",
]


@pytest.mark.parametrize("reply", UNCHANGED)
def test_these_change_nothing_and_place_nothing(reply: str, chat: Any, cafe: Any) -> None:
    before = cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == [], r.text
    assert chat.lines == before, chat.lines
    assert "place the order" in r.text  # the question again


@pytest.mark.parametrize(("reply", "sku", "count"), [("and a muffin", "BLUEBERRY-MUFFIN", 2),
                                                     ("another muffin", "BLUEBERRY-MUFFIN", 2),
                                                     ("a muffin too", "BLUEBERRY-MUFFIN", 2),
                                                     ("two more lattes", "LATTE", 4),
                                                     ("and a cookie", "COOKIE", 1)])
def test_more_asked_for_is_still_added(reply: str, sku: str, count: int, chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == []
    assert chat.counts[sku] == count, chat.counts


@pytest.mark.parametrize(("reply", "left"), [("just the lattes please", {"LATTE": 2}),
                                             ("just the muffin", {"BLUEBERRY-MUFFIN": 1})])
def test_just_the_lines_held_keeps_them(reply: str, left: dict[str, int], chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    assert not chat.say(reply).order_number
    assert chat.counts == left


YESES = [
    # noise tags said with a yes
    "[music] yes place it", "yes please [blank_audio]", "[silence] yep that's right", "[applause] yes that's correct",
    "(laughs) yeah go ahead", "yep place it (laughs)", "*music* yes go ahead", "[sneeze] excuse me yes go ahead",
    # a "no" idiom that means nothing is wrong
    "no complaints at all ring it up", "no notes place it", "nah that's exactly it send it through",
    "no arguments from me place it", "no need to change a thing yes please", "never been more sure place it",
    "no question about it place the order", "not one thing i'd change go on then", "no hassle yes send it",
    "no biggie yep place it", "no stress place it mate", "not a problem in the slightest go ahead",
    # shrugging yeses
    "eh why not", "might as well", "might as well go ahead", "sure might as well", "oh why the heck not",
    "why the hell not send it", "can't see any reason why not go ahead", "can't think why not go on",
    "we may as well yes", "why not treat myself yes place it",
    # regional and slang
    "sound as yeah place it", "you beauty place it", "bonzer go ahead", "choice bro send it", "cushty go on then",
    "ya mon send it", "sharp sharp go ahead", "i'm down place it", "hella yes", "stoked yes send it",
    # stacked and emphatic ("big yes" is no size large)
    "absolutely positively", "yes a thousand times over", "one hundred and ten percent go ahead",
    "yes with a capital y", "a resounding yes", "yes indeedy do", "totally completely utterly yes",
    "my answer is a firm yes", "yes times a million", "big yes from me", "positively yes", "without question yes",
    "yes yes and yes again place it",
    # how soon, or where the shopper is
    "yes go ahead right away", "yes place it whenever you're ready", "yep put it through i'm already parked outside",
    "yes go ahead i'm in the queue anyway", "yes place it straight away i'm on my way",
    "yes send it through i'll wait here", "yes please as quick as you can", "yes i'm coming now go ahead",
    "what a lovely read back yes please place it",
    # the total said back with a remark
    "thirteen eighty that's what i worked out too yes", "oh thirteen eighty that's cheaper than i thought yes please",
    "yes thirteen eighty happy with that",
]


@pytest.mark.parametrize("reply", YESES)
def test_a_yes_in_these_words_places(reply: str, chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    r = chat.say(reply)
    assert r.order_number and len(cafe.orders()) == 1, r.text
    assert [(ln.sku, ln.quantity) for ln in cafe.orders()[0].lines] == CAFE_READ_BACK


HOLDS = [
    # a tag for missed speech stays: what was said there is unknown
    "yes [inaudible]", "yes go ahead [inaudible]", "[music] no", "[laughter] not a chance",
    # the new yeses with a wait, a no, a doubt, a change or a condition
    "might as well wait", "might as well cancel then", "might as well i guess", "why not wait until my friend gets here",
    "absolutely positively not", "no notes except make them large", "no complaints except the muffin should be warm",
    "no question about it but not yet", "yes right away if it's ready by nine", "big yes but make them large",
    # weak alone: asked again
    "no biggie", "no stress", "no hassle", "nah that's exactly it", "right away", "i'm on my way",
    # the total said back with something else
    "thirteen eighty with tax or without", "thirteen eighty wow", "yes thirteen eighty with the muffin warmed",
]


@pytest.mark.parametrize("reply", HOLDS)
def test_these_hold(reply: str, chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == [], r.text


def test_the_new_readings_say_what_they_do() -> None:
    assert without_tags("[BLANK_AUDIO]") == "" and without_tags("[Music] yes please") == "yes please"
    assert without_tags("yes [inaudible]") == "yes [inaudible]"  # missed speech is no noise
    assert without_tags("a latte (large)") == "a latte (large)"  # brackets around words of the order stay
    assert without_tags("[cough] yes", {"cough"}) == "cough yes"  # read as its word where that word is kept
    c = decide("mummy can i have a cookie")
    assert c.elsewhere and not c.places and Also.HEDGES in c.also
    assert decide("i want the chocolate one mummy").elsewhere
    assert not decide("mum says yes go ahead").elsewhere  # a relayed answer (round 11), no child
    assert a_time(["ready", "by", "9"], 2) and not a_time(["a", "2", "by", "4"], 3)  # "2 by 4" is a size
    assert Also.HEDGES in decide("no biggie").also and decide("no biggie yep place it").places


_HARDWARE = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "HAMMER", "name": "claw hammer", "aliases": ["hammer"], "price": "18.00"},
        {"sku": "NAILS", "name": "box of nails", "aliases": ["nails"], "price": "4.50"},
        {"sku": "SAW", "name": "hand saw", "aliases": ["saw"], "price": "25.00"},
    ],
}


@pytest.fixture
def hardware(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _HARDWARE)


@pytest.mark.parametrize("reply", ["hammer", "the nails you can leave off", "i'm not sure he wanted the hammer",
                                   "[blank_audio]", "daddy can i have a saw", "yes just the saws",
                                   "yes if it's ready by nine"])
def test_any_shop_these_change_nothing(reply: str, hardware: Chat) -> None:
    hardware.say("a claw hammer and two boxes of nails")
    assert "place the order" in hardware.say("that's all").text
    before = list(hardware.lines)
    r = hardware.say(reply)
    assert not r.order_number and hardware.lines == before


def test_any_shop_another_is_still_added(hardware: Chat) -> None:
    hardware.say("a claw hammer and two boxes of nails")
    hardware.say("that's all")
    hardware.say("another hammer")
    assert hardware.counts == {"HAMMER": 2, "NAILS": 2}
