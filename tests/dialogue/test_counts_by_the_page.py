"""Counts in a shop that sells by the page, the box and the service, on a small catalog written here.

- A count above one hundred fits the product: cheap units sold by the hundred ("three hundred photocopies" at ten
  cents) are a line, while a count no order of a dearer item is ("two hundred lattes", "9000 lattes") is still
  referred to a person.
- A number that names the box a product comes in is that box ("five hundred stickers": one box of 500), and a
  count of boxes before it is how many ("two boxes of 500 stickers"); a number that is no box stays refused.
- A service counted in pages said after it ("fax six pages", "scan eleven sheets to email") is that many.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "COPIES", "name": "photocopies", "aliases": ["photocopy", "copies"], "price": "0.10",
         "options": [{"code": "size", "name": "size", "default": "letter", "values": [
             {"code": "letter", "name": "letter"}, {"code": "legal", "name": "legal", "price_delta": "0.05"}]}]},
        {"sku": "LABELS", "name": "address labels", "aliases": ["labels", "label"], "price": "0.04"},
        {"sku": "STICKERS", "name": "stickers", "aliases": ["sticker box", "sticker"], "price": "20.00",
         "options": [{"code": "box", "name": "box", "default": "100", "values": [
             {"code": "100", "name": "box of 100", "aliases": ["100 stickers"]},
             {"code": "500", "name": "box of 500", "aliases": ["500 stickers"], "price_delta": "30.00"},
             {"code": "300", "name": "box of 300", "aliases": ["300 stickers"], "price_delta": "20.00"}]}]},
        {"sku": "LATTE", "name": "latte", "price": "4.50"},
        {"sku": "FAX", "name": "fax", "aliases": ["faxes", "send a fax"], "price": "1.00",
         "options": [{"code": "dest", "name": "destination", "default": "local", "values": [
             {"code": "local", "name": "local"}, {"code": "abroad", "name": "international",
                                                 "aliases": ["overseas"], "price_delta": "2.00"}]}]},
        {"sku": "SCAN", "name": "scanning", "aliases": ["scan", "scans"], "price": "0.50",
         "options": [{"code": "to", "name": "delivery", "default": "email", "values": [
             {"code": "email", "name": "to email", "aliases": ["email", "to my email"]},
             {"code": "usb", "name": "to usb", "aliases": ["usb", "onto a usb"]}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "sku", "count"), [
    ("three hundred photocopies", "COPIES", 300),
    ("i'll take 250 photocopies on legal", "COPIES", 250),
    ("one hundred twenty copies please", "COPIES", 120),
    ("give me 600 labels", "LABELS", 600),
    ("can i get eight hundred address labels", "LABELS", 800),
])
def test_a_cheap_unit_is_taken_by_the_hundred(chat: Chat, said: str, sku: str, count: int) -> None:
    chat.say(said)
    assert [(s, q) for s, q, _ in chat.lines] == [(sku, count)]


@pytest.mark.parametrize("said", ["two hundred lattes", "9000 lattes please", "five thousand photocopies",
                                  "twenty thousand labels", "1500 labels",
                                  "two hundred fifty stickers"])
def test_a_count_no_order_takes_is_still_referred(chat: Chat, said: str) -> None:
    reply = chat.say(said)
    assert chat.lines == []
    assert "ask for a person" in reply.text


def test_the_most_said_fits_the_product(chat: Chat) -> None:
    assert "nine hundred ninety nine" in chat.say("five thousand photocopies").text
    assert "one hundred" in chat.say("two hundred lattes").text


@pytest.mark.parametrize(("said", "count", "box"), [
    ("five hundred stickers", 1, "500"),
    ("can i have 300 stickers please", 1, "300"),
    ("two boxes of 500 stickers", 2, "500"),
    ("3 boxes of three hundred stickers", 3, "300"),
])
def test_a_number_naming_the_box_is_the_box(chat: Chat, said: str, count: int, box: str) -> None:
    chat.say(said)
    assert chat.lines == [("STICKERS", count, {"box": box})]


@pytest.mark.parametrize(("said", "sku", "count", "choice"), [
    ("i need to fax six pages overseas", "FAX", 6, {"dest": "abroad"}),
    ("fax three pages please", "FAX", 3, {"dest": "local"}),
    ("scan eleven sheets to my email", "SCAN", 11, {"to": "email"}),
    ("can you scan 8 documents onto a usb", "SCAN", 8, {"to": "usb"}),
])
def test_a_service_is_counted_in_the_pages_after_it(chat: Chat, said: str, sku: str, count: int,
                                                   choice: dict[str, str]) -> None:
    chat.say(said)
    assert chat.lines == [(sku, count, choice)]
