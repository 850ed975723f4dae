"""Replies to "Shall I place the order?", round 5: a yes said in a regional, informal or foreign word, emphatically,
to the machine or with a slip places; a polite "you're alright", a reply cut off on "so" and an answer to another
question ("for here please") do not. In a session, a yes idiom whose words the catalog also has ("grand" near the size
"grande", "jolly" near "jelly", "let's roll" and a cinnamon roll, "cool beans" and coffee beans) is a yes, not a
choice or an order, and "teas yes, toast no" is a verdict per line, not an order. A catalog written here (a tea stall).
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
        {"sku": "TEA", "name": "tea", "price": "3.00", "stock": 50, "options": [
            {"code": "size", "name": "size", "values": [
                {"code": "regular", "name": "regular"},
                {"code": "grande", "name": "grande", "aliases": ["big"], "price_delta": "1.00"}]}]},
        {"sku": "TOAST", "name": "toast", "price": "2.50", "stock": 50, "options": [
            {"code": "spread", "name": "spread", "values": [
                {"code": "butter", "name": "butter"}, {"code": "jelly", "name": "jelly"}]}]},
        {"sku": "ROLL", "name": "cinnamon roll", "price": "3.50", "stock": 50},
        {"sku": "BEANS", "name": "coffee beans", "price": "12.00", "stock": 50},
        {"sku": "DUCK", "name": "roast duck", "price": "15.00", "stock": 50, "aliases": ["duck"]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _read_back(chat: Chat) -> list[tuple[str, int, dict[str, str]]]:
    chat.say("two teas and a toast")
    chat.say("that's all")
    assert "place the order" in chat.replies[-1].text.lower(), chat.replies[-1].text
    return list(chat.lines)


@pytest.mark.parametrize("reply", [
    # regional and informal
    "aye pet", "too right mate", "deffo mate", "fo sho bro", "righty ho thanks", "yes chef", "jolly good thanks",
    "cool beans dude", "make it so", "punch it in please", "yes lor", "okay la", "yeah lush", "great stuff",
    # another language's yes, as a clerk in an English-speaking shop hears it
    "oui please", "ja thanks", "si gracias", "yes por favor", "si si", "oui merci", "ja bitte danke",
    # emphatic, to the machine, slips
    "finally yes please", "yes obviously thanks", "god yes go ahead", "kiosk go ahead", "computer yes please",
    "yes machine", "yeah go head", "yes pleas thank you", "yeas please", "okay go",
])
def test_a_yes_in_other_words_places(reply: str) -> None:
    assert decide(reply).places, decide(reply)


@pytest.mark.parametrize("reply", [
    # "you're alright" (British) and "you're good" (US) said to the clerk: no need, thanks
    "you're alright thanks", "you're all right love", "you're good thanks", "you're okay thank you",
    # cut off on "so", and an answer to another question
    "yes so", "okay so", "yeah so", "for here please", "yes for here", "yes to go", "to go please",
    # another language's no
    "non merci", "nein danke", "si no",
])
def test_a_polite_no_a_cut_off_reply_or_another_answer_does_not_place(reply: str) -> None:
    assert not decide(reply).places, decide(reply)


@pytest.mark.parametrize("reply", ["yeah grand", "grand yeah go on", "cheers that's grand", "jolly good",
                                   "let's roll", "cool beans", "si por favor", "sweet as bro", "oui merci"])
def test_a_yes_idiom_with_catalog_words_places_the_order_as_read_back(chat: Chat, reply: str) -> None:
    before = _read_back(chat)
    assert [(s, q) for s, q, _ in before] == [("TEA", 2), ("TOAST", 1)]
    r = chat.say(reply)
    assert r.order_number, r.text


@pytest.mark.parametrize(("reply", "added"), [("yes and a grande tea", "TEA"), ("yes and a cinnamon roll", "ROLL"),
                                               ("yeah and some coffee beans", "BEANS")])
def test_a_yes_that_clearly_orders_more_does_not_place_and_adds(chat: Chat, reply: str, added: str) -> None:
    before = _read_back(chat)
    r = chat.say(reply)
    assert not r.order_number, r.text
    assert sum(q for s, q, _ in chat.lines if s == added) == sum(q for s, q, _ in before if s == added) + 1


@pytest.mark.parametrize("reply", ["teas yes toast no", "tea yes, toast no thanks", "yes to the teas, no to the toast",
                                   "no toast, yes teas"])
def test_a_yes_and_a_no_to_lines_read_back_is_no_order(chat: Chat, reply: str) -> None:
    before = _read_back(chat)
    r = chat.say(reply)
    assert not r.order_number, r.text
    assert chat.lines == before, r.text  # nothing added twice, nothing lost


@pytest.mark.parametrize("reply", ["yes duck", "yeah duck please"])
def test_a_product_named_by_a_word_said_with_a_yes_is_asked_about(chat: Chat, reply: str) -> None:
    before = _read_back(chat)
    r = chat.say(reply)
    assert not r.order_number, r.text  # "duck" may be a dear or the roast duck: yes or no is asked again
    assert chat.lines == before


@pytest.mark.parametrize("reply", ["cancel it i'm running late", "forget it i am late", "no i'm running late sorry"])
def test_an_everyday_word_one_letter_off_a_product_is_no_order(tmp_path: Path, reply: str) -> None:
    """"late" after "running" or "i'm" is said of the shopper, not a misheard "latte": a cancel that says why adds
    nothing and places nothing."""
    shop = {**_SHOP, "products": [*_SHOP["products"], {"sku": "LATTE", "name": "latte", "price": "4.00"}]}
    for chat in chat_of(tmp_path, shop):
        chat.say("a latte and a toast")
        chat.say("that's all")
        before = list(chat.lines)
        chat.say(reply)
        assert chat.lines == before and not chat.session.orders, chat.replies[-1].text
