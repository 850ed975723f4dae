"""Counts said next to choices whose names hold numbers, on a small shop written here (issue 11):

- a letter-and-digit code ("a4", "a5", said "a four") before the product does not swallow the count before it
  ("two a5 sketchbooks" is two), and its "a" is no article ("an a4 ring binder" is the a4 size, not a "4 ring");
- a count said after the product with the package it comes in ("some copy paper, two reams") is how many;
- a number is a choice only when said with that choice's own unit ("a 10 pack", "a box of 100", "10 g"): "ten
  large bubble mailers" is ten mailers though they come in a "10 pack", "four packs of sticky notes" is four though
  some pens come in a "4 pack";
- right after a question about a product sold as 6, 10 or 20 pieces, a count that is one of those, said with a
  choice of it ("how much are the wings" - "ok ten lemon pepper then"), is one order of that many pieces, as "ten
  lemon pepper wings" is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZES = {"code": "size", "name": "size", "default": "a4", "values": [
    {"code": "a3", "name": "a3", "aliases": ["a three", "a 3"], "price_delta": "3.00"},
    {"code": "a4", "name": "a4", "aliases": ["a four", "a 4"]},
    {"code": "a5", "name": "a5", "aliases": ["a five", "a 5"], "price_delta": "-1.00"}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "SKETCH", "name": "sketchbook", "aliases": ["sketchbooks", "sketch pad", "sketch pads"],
         "price": "6.00", "stock": 50, "options": [_SIZES]},
        {"sku": "BINDER", "name": "ring binder", "aliases": ["binder", "binders"], "price": "4.00", "options": [
            _SIZES, {"code": "rings", "name": "rings", "default": "2ring", "values": [
                {"code": "2ring", "name": "2 ring", "aliases": ["two ring"]},
                {"code": "4ring", "name": "4 ring", "aliases": ["four ring"], "price_delta": "0.50"}]}]},
        {"sku": "SPIRAL", "name": "spiral notebook", "aliases": ["spiral notebooks"], "price": "5.00", "options": [
            {"code": "subjects", "name": "subjects", "default": "1", "aliases": ["subject"], "values": [
                {"code": "1", "name": "1 subject", "aliases": ["one subject"]},
                {"code": "3", "name": "3 subject", "aliases": ["three subject"], "price_delta": "2.00"}]}]},
        {"sku": "PAPER", "name": "copy paper", "aliases": ["a4 copy paper", "printer paper", "ream of copy paper"],
         "price": "8.00", "stock": 50, "options": [
             {"code": "weight", "name": "weight", "default": "80", "values": [
                 {"code": "80", "name": "80 gsm", "aliases": ["regular weight"]},
                 {"code": "100", "name": "100 gsm", "aliases": ["heavy", "thick"], "price_delta": "3.00"}]},
             {"code": "pack", "name": "pack", "default": "ream", "values": [
                 {"code": "ream", "name": "ream", "aliases": ["a ream", "single ream"]},
                 {"code": "box", "name": "box of 5 reams", "aliases": ["box of five reams"], "price_delta": "30.00"}]}]},
        {"sku": "MAILER", "name": "bubble mailer", "aliases": ["bubble mailers"], "price": "1.50", "stock": 50,
         "options": [
             {"code": "size", "name": "size", "default": "small", "values": [
                 {"code": "small", "name": "small"}, {"code": "large", "name": "large", "aliases": ["big"],
                                                      "price_delta": "1.00"}]},
             {"code": "pack", "name": "pack", "default": "single", "values": [
                 {"code": "single", "name": "single"},
                 {"code": "10pk", "name": "10 pack", "aliases": ["pack of 10", "ten pack"], "price_delta": "10.00"}]}]},
        {"sku": "GLUE", "name": "glue stick", "aliases": ["glue sticks"], "price": "2.00", "stock": 50, "options": [
            {"code": "size", "name": "size", "default": "regular", "values": [
                {"code": "small", "name": "10 g", "aliases": ["small"], "price_delta": "-0.50"},
                {"code": "regular", "name": "20 g", "aliases": ["regular"]},
                {"code": "large", "name": "40 g", "aliases": ["large", "big"], "price_delta": "1.50"}]}]},
        {"sku": "MARKERS", "name": "markers", "aliases": ["marker pens"], "price": "4.00", "options": [
            {"code": "pack", "name": "pack", "default": "4pk", "values": [
                {"code": "4pk", "name": "4 pack", "aliases": ["four pack"]},
                {"code": "12pk", "name": "12 pack", "aliases": ["twelve pack"], "price_delta": "6.00"}]}]},
        {"sku": "NOTES", "name": "sticky notes", "aliases": ["sticky note pad"], "price": "2.50", "stock": 50,
         "options": [{"code": "pack", "name": "pack", "default": "single", "values": [
             {"code": "single", "name": "single pad"},
             {"code": "6pk", "name": "6 pack", "aliases": ["six pack"], "price_delta": "9.00"}]}]},
        {"sku": "ENVELOPES", "name": "envelopes", "aliases": ["envelope"], "price": "5.00", "stock": 40, "options": [
            {"code": "count", "name": "count", "default": "25", "values": [
                {"code": "25", "name": "pack of 25", "aliases": ["25 pack"]},
                {"code": "100", "name": "box of 100", "aliases": ["box of a hundred", "100 pack"],
                 "price_delta": "8.00"}]},
            {"code": "window", "name": "window", "default": "plain", "values": [
                {"code": "plain", "name": "no window"},
                {"code": "window", "name": "window", "aliases": ["window envelopes"], "price_delta": "0.50"}]}]},
        {"sku": "WINGS", "name": "wings", "aliases": ["wing", "chicken wings"], "price": "8.00", "stock": 400,
         "options": [
             {"code": "count", "name": "count", "default": "6", "values": [
                 {"code": "6", "name": "6 piece", "aliases": ["six piece"]},
                 {"code": "10", "name": "10 piece", "aliases": ["ten piece"], "price_delta": "4.50"},
                 {"code": "20", "name": "20 piece", "aliases": ["twenty piece"], "price_delta": "13.00"}]},
             {"code": "sauce", "name": "wing sauce", "required": True, "values": [
                 {"code": "lemon_pepper", "name": "lemon pepper"}, {"code": "honey_garlic", "name": "honey garlic"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _said(chat: Chat) -> list[tuple[str, int, dict[str, str]]]:
    return [(sku, qty, opts) for sku, qty, opts in chat.lines]


@pytest.mark.parametrize(("said", "count", "size"), [
    ("two a5 sketchbooks please", 2, "a5"),
    ("three A3 sketch pads", 3, "a3"),
    ("uh can i get um two of the a5 sketchbooks", 2, "a5"),
    ("two a four sketchbooks", 2, "a4"),
    ("i need four a3 sketchbooks", 4, "a3"),
])
def test_a_letter_and_digit_code_keeps_the_count_before_it(chat: Chat, said: str, count: int, size: str) -> None:
    chat.say(said)
    assert [(sku, qty, opts["size"]) for sku, qty, opts in chat.lines] == [("SKETCH", count, size)], chat.replies[-1].text


@pytest.mark.parametrize("said", ["three reams of a4 copy paper", "3 reams of a4 copy paper please"])
def test_a_code_inside_a_product_name_keeps_the_count(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("PAPER", 3)], chat.replies[-1].text


def test_the_letter_of_a_code_is_no_article(chat: Chat) -> None:
    chat.say("an a5 ring binder")
    assert chat.lines == [("BINDER", 1, {"size": "a5", "rings": "2ring"})], chat.replies[-1].text


def test_a_number_word_after_an_article_is_still_its_choice(chat: Chat) -> None:
    chat.say("a three subject spiral notebook")
    assert chat.lines == [("SPIRAL", 1, {"subjects": "3"})], chat.replies[-1].text


@pytest.mark.parametrize(("said", "count", "weight"), [
    ("some heavy copy paper two reams", 2, "100"),
    ("some heavy a4 copy paper three reams", 3, "100"),
    ("copy paper, four reams", 4, "80"),
])
def test_a_count_after_the_product_with_its_package_is_how_many(chat: Chat, said: str, count: int,
                                                                 weight: str) -> None:
    reply = chat.say(said)
    assert [(sku, qty, opts["weight"]) for sku, qty, opts in chat.lines] == [("PAPER", count, weight)], reply.text
    assert "come with" not in reply.text


@pytest.mark.parametrize(("said", "sku", "count", "opts"), [
    ("ten large bubble mailers", "MAILER", 10, {"size": "large", "pack": "single"}),
    ("ten big bubble mailers please", "MAILER", 10, {"size": "large", "pack": "single"}),
    ("ten big glue sticks", "GLUE", 10, {"size": "large"}),
    ("twelve small glue sticks", "GLUE", 12, {"size": "small"}),
    ("four packs of sticky notes", "NOTES", 4, {"pack": "single"}),
    ("a box of 100 window envelopes", "ENVELOPES", 1, {"count": "100", "window": "window"}),
])
def test_a_number_without_the_unit_of_a_choice_is_the_count(chat: Chat, said: str, sku: str, count: int,
                                                            opts: dict[str, str]) -> None:
    reply = chat.say(said)
    assert chat.lines == [(sku, count, opts)], reply.text


@pytest.mark.parametrize(("said", "sku", "count", "opts"), [
    ("a 10 pack of bubble mailers", "MAILER", 1, {"size": "small", "pack": "10pk"}),
    ("two 10 g glue sticks", "GLUE", 2, {"size": "small"}),
    ("two 6 packs of sticky notes", "NOTES", 2, {"pack": "6pk"}),
])
def test_a_number_with_the_unit_of_a_choice_is_that_choice(chat: Chat, said: str, sku: str, count: int,
                                                           opts: dict[str, str]) -> None:
    reply = chat.say(said)
    assert chat.lines == [(sku, count, opts)], reply.text


def test_just_a_count_of_packs_sets_the_line(chat: Chat) -> None:
    chat.say("four packs of sticky notes")
    chat.say("just two packs of sticky notes")
    assert chat.lines == [("NOTES", 2, {"pack": "single"})], chat.replies[-1].text


@pytest.mark.parametrize(("first", "said", "count"), [
    ("how much are the wings", "ok ten lemon pepper then", "10"),
    ("how much are the wings", "twenty honey garlic please", "20"),
    ("what do the chicken wings cost", "ok twenty lemon pepper", "20"),
])
def test_a_piece_count_said_with_a_choice_is_one_order_of_it(chat: Chat, first: str, said: str, count: str) -> None:
    chat.say(first)
    chat.say(said)
    assert [(sku, qty, opts["count"]) for sku, qty, opts in chat.lines] == [("WINGS", 1, count)], chat.replies[-1].text


def test_a_count_that_is_no_piece_count_stays_the_count(chat: Chat) -> None:
    chat.say("how much are the wings")
    chat.say("ok two lemon pepper")
    assert [(sku, qty, opts["count"]) for sku, qty, opts in chat.lines] == [("WINGS", 2, "6")], chat.replies[-1].text
