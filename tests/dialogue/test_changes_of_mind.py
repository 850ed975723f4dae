"""Odd turns around an offer or an opening, and answers after a product's choices were listed:

- a hedge to "would you like one?" ("ok hmm let me think about it") accepts nothing;
- an order of goods counted by the dozen ("can i order a dozen cookies") is no order number;
- "how much will that be" after the order was read back asks the order's total (no product offered, so a
  following "ok and a ..." adds only what it names), while after a product was talked about it is its price;
- after "what kind of bao do you have", "two braised pork and a crispy tofu" is a line per filling, each with its
  count (a number is the count, though another product offers a choice named by it), though the rice bowl
offers the same choices.

A catalog written here (a dumpling counter).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BAO", "name": "bao bun", "price": "4.00", "stock": 50, "aliases": ["bao", "baos", "bao buns"],
         "options": [
             {"code": "filling", "name": "filling", "required": True, "values": [
                 {"code": "pork", "name": "braised pork", "aliases": ["pork"]},
                 {"code": "tofu", "name": "crispy tofu", "aliases": ["tofu"]},
                 {"code": "chicken", "name": "spicy chicken"}]}]},
        {"sku": "ROLLS", "name": "summer rolls", "price": "6.00", "stock": 50, "aliases": ["summer roll"],
         "options": [
             {"code": "pieces", "name": "pieces", "default": "2", "values": [
                 {"code": "2", "name": "2", "aliases": ["2 piece", "two piece"]},
                 {"code": "4", "name": "4", "aliases": ["4 piece", "four piece"], "price_delta": "5.00"}]}]},
        {"sku": "BOWL", "name": "rice bowl", "price": "11.00", "stock": 50, "options": [
            {"code": "protein", "name": "protein", "required": True, "values": [
                {"code": "pork", "name": "braised pork", "aliases": ["pork"]},
                {"code": "tofu", "name": "crispy tofu", "aliases": ["tofu"]},
                {"code": "chicken", "name": "spicy chicken"}]}]},
        {"sku": "DUMPLINGS", "name": "pork dumplings", "price": "9.00", "stock": 50, "aliases": ["dumplings"]},
        {"sku": "COOKIE", "name": "almond cookie", "price": "1.00", "stock": 500,
         "aliases": ["almond cookies", "cookie", "cookies"]},
        {"sku": "TEA", "name": "jasmine tea", "price": "3.00", "stock": 50, "aliases": ["tea"]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _placed(chat: Chat) -> bool:
    return any(r.order_number for r in chat.replies)


@pytest.mark.parametrize("hedge", [
    "ok hmm let me think about it",
    "hmm let me think",
    "ok maybe later",
    "yeah i will think about it",
    "ok i'll think it over",
    "ok not sure yet",
    "ok hold on",
    "sure, let me sleep on it",
])
def test_a_hedge_to_an_offer_accepts_nothing(chat: Chat, hedge: str) -> None:
    chat.say("two jasmine teas")
    chat.say("that's all")
    chat.say("wait how much are the pork dumplings")
    assert "would you like" in chat.replies[-1].text.lower()
    chat.say(hedge)
    assert chat.lines == [("TEA", 2, {})], chat.replies[-1].text
    assert not _placed(chat)


@pytest.mark.parametrize("hedge", ["ok hmm let me think about it", "maybe later", "let me think about it"])
def test_a_hedge_to_an_offer_on_an_empty_cart_adds_nothing(chat: Chat, hedge: str) -> None:
    chat.say("how much is the jasmine tea")
    chat.say(hedge)
    assert chat.lines == [], chat.replies[-1].text


@pytest.mark.parametrize("yes", ["yes please", "ok", "sure", "yes i would"])
def test_a_plain_yes_to_an_offer_still_takes_it(chat: Chat, yes: str) -> None:
    chat.say("how much are the pork dumplings")
    chat.say(yes)
    assert chat.lines == [("DUMPLINGS", 1, {})], chat.replies[-1].text


@pytest.mark.parametrize(("said", "count"), [
    ("hi can i order a dozen almond cookies for pickup", 12),
    ("could i order two dozen cookies please", 24),
    ("i'd like to order a dozen cookies", 12),
    ("hello can i place an order for a dozen cookies", 12),
])
def test_an_order_counted_by_the_dozen_is_no_order_number(chat: Chat, said: str, count: int) -> None:
    reply = chat.say(said)
    assert "order number" not in reply.text.lower(), reply.text
    assert "already placed" not in reply.text.lower(), reply.text
    assert chat.counts == {"COOKIE": count}, reply.text


@pytest.mark.parametrize("total", [
    "how much will that be",
    "how much will it be",
    "how much does that come to",
    "ok how much is that going to be",
])
def test_the_total_asked_after_a_read_back_offers_nothing(chat: Chat, total: str) -> None:
    chat.say("two jasmine teas and the pork dumplings")
    reply = chat.say(total)
    assert "would you like one" not in reply.text.lower(), reply.text
    assert "fifteen" in reply.text.lower(), reply.text  # the order's total
    chat.say("ok and a summer roll")
    assert sorted(chat.lines) == [("DUMPLINGS", 1, {}), ("ROLLS", 1, {"pieces": "2"}), ("TEA", 2, {})], \
        chat.replies[-1].text


@pytest.mark.parametrize("price", ["how much will it be", "how much will that be"])
def test_how_much_will_it_be_after_a_product_is_its_price(chat: Chat, price: str) -> None:
    chat.say("do you have pork dumplings")
    reply = chat.say(price)
    assert "nine" in reply.text.lower(), reply.text
    assert chat.lines == []


@pytest.mark.parametrize(("answer", "want"), [
    ("ok um two braised pork and a crispy tofu", [("BAO", 2, {"filling": "pork"}), ("BAO", 1, {"filling": "tofu"})]),
    ("a spicy chicken and 3 crispy tofu please", [("BAO", 1, {"filling": "chicken"}), ("BAO", 3, {"filling": "tofu"})]),
    ("one pork and two spicy chicken", [("BAO", 1, {"filling": "pork"}), ("BAO", 2, {"filling": "chicken"})]),
    ("2 tofu and 2 pork", [("BAO", 2, {"filling": "tofu"}), ("BAO", 2, {"filling": "pork"})]),
])
def test_counted_choices_after_the_choices_were_listed_are_a_line_each(chat: Chat, answer: str,
                                                                       want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say("what kind of bao do you have")
    assert chat.lines == []
    chat.say(answer)
    assert chat.lines == want, chat.replies[-1].text


def test_one_choice_after_the_choices_were_listed_is_still_one_line(chat: Chat) -> None:
    chat.say("what kind of bao do you have")
    chat.say("two braised pork please")
    assert chat.lines == [("BAO", 2, {"filling": "pork"})], chat.replies[-1].text
