"""Choices said where a noun goes, on a small catalog written here (issue 11, the bagel shop's misses):

* a choice spelled like a common word ("everything", "plain") is that choice after a base preposition next to a
  product offering it ("a hot dog on everything"), right after a product that must be told it ("a dozen plain"),
  as the answer to the question about its group ("which pretzel?" - "everything"), and after an article or a
  count where the noun goes ("an everything with mustard");
* a bare choice said as the noun is an item of the product it is the choosing of ("a garlic parmesan with cheese
  sauce" is the pretzel, not the hot dog that can also come on one, nor the box of mixed kinds);
* a choice after "with" goes on the item before it when that item offers it ("a plain pretzel with butter" is no
  breadstick with butter; "an everything with chili dip" is no chili dog).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "kind": {"code": "kind", "name": "pretzel", "required": True, "aliases": ["which pretzel", "kind of pretzel"],
                 "values": [
                     {"code": "plain", "name": "plain", "aliases": ["plain pretzel"]},
                     {"code": "everything", "name": "everything", "aliases": ["everything pretzel"]},
                     {"code": "cinnamon", "name": "cinnamon sugar", "aliases": ["cinnamon"]},
                     {"code": "garlic", "name": "garlic parmesan", "aliases": ["garlic"], "price_delta": "0.50"}]},
        "dip": {"code": "dip", "name": "dip", "values": [
            {"code": "mustard", "name": "mustard", "price_delta": "0.50"},
            {"code": "cheese", "name": "cheese sauce", "price_delta": "1.00"},
            {"code": "butter", "name": "butter", "aliases": ["buttered"], "price_delta": "0.50"},
            {"code": "chili", "name": "chili dip", "price_delta": "1.00"}]},
        "box": {"code": "mix", "name": "pretzels", "required": True, "multiple": True, "values": [
            {"code": "plain", "name": "plain"}, {"code": "everything", "name": "everything"},
            {"code": "cinnamon", "name": "cinnamon sugar"}]},
    },
    "products": [
        {"sku": "PRETZEL", "name": "soft pretzel", "aliases": ["pretzel", "pretzels"], "price": "3.00",
         "options": ["kind", "dip"]},
        {"sku": "STICK", "name": "breadstick", "aliases": ["breadsticks"], "price": "2.00", "options": ["dip"]},
        {"sku": "DOG", "name": "hot dog", "aliases": ["hot dogs", "frank"], "price": "5.00",
         "options": [{"use": "kind", "required": False, "default": "plain"}, "dip"]},
        {"sku": "CHILI", "name": "chili dog", "aliases": ["chili", "chili dogs"], "price": "6.00",
         "options": [{"use": "kind", "required": False, "default": "plain"}, "dip"]},
        {"sku": "BOX", "name": "dozen pretzels", "aliases": ["dozen", "a dozen", "box of a dozen"], "price": "30.00",
         "options": ["box"]},
        {"sku": "LEMONADE", "name": "lemonade", "aliases": ["lemonades"], "price": "2.50"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "line"), [
    ("a hot dog on everything", ("DOG", 1, {"kind": "everything"})),
    ("one hot dog on everything please", ("DOG", 1, {"kind": "everything"})),
    ("two chili dogs on everything", ("CHILI", 2, {"kind": "everything"})),
    ("a chili dog on cinnamon sugar", ("CHILI", 1, {"kind": "cinnamon"})),
    ("a hot dog on an everything", ("DOG", 1, {"kind": "everything"})),
    ("a hot dog on an everything pretzel", ("DOG", 1, {"kind": "everything"})),
    ("two chili dogs on a plain pretzel", ("CHILI", 2, {"kind": "plain"})),
])
def test_a_common_word_choice_after_on_is_the_base(chat: Chat, said: str, line: tuple[str, int, dict[str, str]]) -> None:
    chat.say(said)
    sku, qty, opts = chat.lines[0]
    assert len(chat.lines) == 1 and (sku, qty) == line[:2] and opts.items() >= line[2].items()


def test_on_everything_for_the_product_just_talked_about(chat: Chat) -> None:
    chat.say("how much is a hot dog")
    chat.say("ok one of those on everything")
    assert [(sku, qty, opts.get("kind")) for sku, qty, opts in chat.lines] == [("DOG", 1, "everything")]


@pytest.mark.parametrize(("said", "mix"), [("a dozen plain", "plain"), ("a dozen everything", "everything"),
                                           ("one dozen cinnamon sugar please", "cinnamon")])
def test_a_choice_right_after_the_product_that_needs_it(chat: Chat, said: str, mix: str) -> None:
    chat.say(said)
    assert chat.lines == [("BOX", 1, {"mix": mix})]


def test_a_unit_that_names_no_product_stays_a_count(chat: Chat) -> None:
    chat.say("a dozen lemonades")
    assert chat.lines == [("LEMONADE", 12, {})]


@pytest.mark.parametrize(("first", "answer", "line"), [
    ("a pretzel", "everything", ("PRETZEL", 1, {"kind": "everything"})),
    ("a soft pretzel with mustard", "plain please", ("PRETZEL", 1, {"kind": "plain", "dip": "mustard"})),
    ("a dozen", "uh all everything", ("BOX", 1, {"mix": "everything"})),
])
def test_a_common_word_answers_the_question_about_its_group(chat: Chat, first: str, answer: str,
                                                            line: tuple[str, int, dict[str, str]]) -> None:
    chat.say(first)
    assert not chat.lines
    chat.say(answer)
    assert chat.lines == [line]


@pytest.mark.parametrize(("said", "lines"), [
    ("an everything with mustard", [("PRETZEL", 1, {"kind": "everything", "dip": "mustard"})]),
    ("two everything", [("PRETZEL", 2, {"kind": "everything"})]),
    ("a garlic parmesan with cheese sauce", [("PRETZEL", 1, {"kind": "garlic", "dip": "cheese"})]),
    ("a cinnamon sugar", [("PRETZEL", 1, {"kind": "cinnamon"})]),
    ("an everything and a lemonade", [("PRETZEL", 1, {"kind": "everything"}), ("LEMONADE", 1, {})]),
    ("a garlic parmesan and a cinnamon sugar both with butter",
     [("PRETZEL", 1, {"kind": "garlic", "dip": "butter"}), ("PRETZEL", 1, {"kind": "cinnamon", "dip": "butter"})]),
])
def test_a_bare_choice_as_the_noun_is_the_product_it_chooses(chat: Chat, said: str,
                                                             lines: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert sorted(chat.lines, key=str) == sorted(lines, key=str)


@pytest.mark.parametrize(("said", "lines"), [
    ("a plain pretzel with butter", [("PRETZEL", 1, {"kind": "plain", "dip": "butter"})]),
    ("a cinnamon sugar with butter", [("PRETZEL", 1, {"kind": "cinnamon", "dip": "butter"})]),
    ("an everything with chili dip", [("PRETZEL", 1, {"kind": "everything", "dip": "chili"})]),
    ("a plain pretzel with chili dip and a lemonade",
     [("PRETZEL", 1, {"kind": "plain", "dip": "chili"}), ("LEMONADE", 1, {})]),
])
def test_a_choice_after_with_goes_on_the_item_before(chat: Chat, said: str,
                                                     lines: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert sorted(chat.lines, key=str) == sorted(lines, key=str)


def test_other_products_with_the_same_choice_still_order(chat: Chat) -> None:
    chat.say("a breadstick with butter and a chili dog")
    assert sorted((sku, opts.get("dip")) for sku, _, opts in chat.lines) == [("CHILI", None), ("STICK", "butter")]


def test_everything_as_a_word_orders_nothing(chat: Chat) -> None:
    chat.say("a lemonade")
    chat.say("that's everything")
    assert chat.lines == [("LEMONADE", 1, {})]
    chat.say("is that everything you have")
    assert chat.lines == [("LEMONADE", 1, {})]
