"""Replies to "Shall I place the order?" (confirmation round 6), in a session on a small catalog written here.

A yes said with a courtesy ("yes thanks for all your help", "yep, have a good weekend"), with "nothing else" said as
a whole clause ("yes, I don't need anything more"; "nope, we're all set, place it"), after an apology for a bad line
("sorry, bad connection - yes please"), or begun twice ("y- yes") places, and the cart stays as read back. A yes that
breaks off on a word that starts a change ("yes just") holds, and so does a "nothing else" with no yes after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dialogue.confirm import decide
from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
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
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _read_back(chat: Chat) -> list[tuple[str, int, dict[str, str]]]:
    chat.say("a claw hammer and two boxes of nails")
    r = chat.say("that's all")
    assert "Shall I place the order" in r.text, r.text
    return chat.lines


YESES = [
    # a courtesy said with the yes: thanks, apologies, good wishes, goodbyes
    "yes thanks for all your help", "yep cheers have a good weekend", "yes please i'm in a hurry",
    "yeah go ahead merry christmas", "sure thank you so much for being patient", "yes that's great thanks bye bye",
    "yes sorry it took so long", "yes please and have a great evening", "yeah that's right take care",
    # "nothing else" said as a whole clause, with a yes or a "place it" after it
    "yes i don't need anything more", "we don't want anything else so go ahead", "i can't think of anything else yes please",
    "nope we're all set place it", "no thanks that's all we need go ahead", "no i think that's it go ahead",
    "yes that's correct we don't need anything else", "there's nothing wrong with it so yes", "yes i need nothing else",
    # an apology for a bad line, then a clear yes
    "sorry bad connection yes please", "sorry you were cutting out but yes", "sorry i lost you there yes that's right",
    "sorry you're breaking up yes go ahead",
    # a yes begun twice, and other words for it
    "y yes", "abso absolutely", "mm hm yes", "okie doke", "yes ring it in", "please process my order",
    "that'll do just fine", "yes that's what i said", "yes that'll be it", "yes madam",
]

HOLDS = [
    # "right" alone, begun twice: round 10's writers label a bare "right" an acknowledgement, not a yes to
    # placing (confirm_replies_10.tsv), so its stutter is asked again too (this row was a yes in round 6)
    "ri right",
    # a yes that breaks off on a word that starts a change
    "yes just", "yeah just", "okay just um", "sure just",
    # "nothing else" with no yes: it answers "is that all?", not "shall I place it?" (asked again)
    "no i'm all set", "no thanks that's all", "i don't need anything else", "no i think that's everything",
    # a courtesy or an apology is no yes on its own, and no with it is still no
    "thanks for your help", "have a lovely evening", "sorry bad line no", "sorry you cut out there but no",
    "no thank you goodbye",
]


@pytest.mark.parametrize("reply", YESES)
def test_a_yes_with_a_courtesy_a_closing_or_an_apology_places(chat: Chat, reply: str) -> None:
    assert decide(reply).places, decide(reply)
    before = _read_back(chat)
    r = chat.say(reply)
    assert r.order_number, r.text
    assert chat.session.store.get_order(r.order_number) is not None
    order = chat.session.store.get_order(r.order_number)
    assert order is not None and sorted((ln.sku, ln.quantity) for ln in order.lines) == \
        sorted((sku, qty) for sku, qty, _ in before)


@pytest.mark.parametrize("reply", HOLDS)
def test_a_cut_off_yes_or_a_bare_closing_holds(chat: Chat, reply: str) -> None:
    assert not decide(reply).places, decide(reply)
    before = _read_back(chat)
    r = chat.say(reply)
    assert not r.order_number, r.text
    assert chat.lines == before, r.text
