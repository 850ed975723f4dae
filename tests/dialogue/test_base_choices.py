"""A product sold on its own whose name is also a choice of another product: "an egg and cheese on a bagel" is the
sandwich's bread (not a sandwich and a bagel), said in the sentence or to the line in focus ("put it on a bagel");
"and a bagel" stays a bagel. "A blueberry muffin" named by a flavour and its noun is the muffin, though a coffee
takes a blueberry shot; "what flavor shots do you have" lists the group so named, not another of that code. A
catalog written here (a breakfast counter; its words are not the corpus shop's)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "base": {"code": "base", "name": "base", "default": "roll", "aliases": ["kind of bread"], "values": [
            {"code": "roll", "name": "kaiser roll", "aliases": ["roll"]},
            {"code": "biscuit", "name": "biscuit", "aliases": ["a biscuit", "biscuits"]},
            {"code": "waffle", "name": "waffle", "aliases": ["waffles"]},
            {"code": "wheat_waffle", "name": "wheat waffle"}]},
    },
    "products": [
        {"sku": "HAMEGG", "name": "ham and egg sandwich", "price": "5.00", "stock": 50,
         "aliases": ["ham and egg", "ham and eggs"], "options": ["base"]},
        {"sku": "VEGGIE", "name": "veggie sandwich", "price": "5.50", "stock": 50,
         "aliases": ["veggie", "veggies sandwiches"], "options": ["base"]},
        {"sku": "BISCUIT", "name": "biscuit", "price": "2.00", "stock": 50, "aliases": ["biscuits"], "options": [
            {"code": "topping", "name": "topping", "multiple": True, "values": [
                {"code": "gravy", "name": "gravy"}, {"code": "honey", "name": "honey"}]}]},
        {"sku": "WAFFLE", "name": "waffle", "price": "3.00", "stock": 50, "aliases": ["waffles"], "options": []},
        {"sku": "SCONE", "name": "scone", "price": "3.00", "stock": 50, "aliases": ["scones"], "options": [
            {"code": "taste", "name": "taste", "required": True, "aliases": ["kind of scone"], "values": [
                {"code": "peach", "name": "peach", "aliases": ["peach scone"]},
                {"code": "cheddar", "name": "cheddar", "aliases": ["cheddar scone"]}]}]},
        {"sku": "TEA", "name": "iced tea", "price": "2.50", "stock": 50, "aliases": ["tea"], "options": [
            {"code": "taste", "name": "taste shots", "multiple": True, "aliases": ["taste shot", "taste"], "values": [
                {"code": "peach", "name": "peach", "price_delta": "0.50"},
                {"code": "lemon", "name": "lemon", "price_delta": "0.50"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "want"), [
    ("a ham and egg on a biscuit", [("HAMEGG", 1, {"base": "biscuit"})]),
    ("can i get a ham and egg sandwich on a waffle please", [("HAMEGG", 1, {"base": "waffle"})]),
    ("a veggie sandwich on a biscuit and a large iced tea",
     [("VEGGIE", 1, {"base": "biscuit"}), ("TEA", 1, {})]),
    ("a ham and egg on a roll and a veggie sandwich on a waffle",
     [("HAMEGG", 1, {"base": "roll"}), ("VEGGIE", 1, {"base": "waffle"})]),
    ("two ham and eggs one on a roll and one on a biscuit",
     [("HAMEGG", 1, {"base": "roll"}), ("HAMEGG", 1, {"base": "biscuit"})]),
])
def test_on_a_product_that_is_also_the_base_is_the_base(chat: Chat, said: str,
                                                       want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert sorted(chat.lines, key=repr) == sorted(want, key=repr), chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("a ham and egg on a roll and a biscuit", [("HAMEGG", 1, {"base": "roll"}), ("BISCUIT", 1, {})]),
    ("a ham and egg and a waffle", [("HAMEGG", 1, {"base": "roll"}), ("WAFFLE", 1, {})]),
    ("a biscuit with honey and a veggie sandwich",
     [("BISCUIT", 1, {"topping": "honey"}), ("VEGGIE", 1, {"base": "roll"})]),
])
def test_a_product_said_apart_stays_a_product(chat: Chat, said: str,
                                              want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert sorted(chat.lines, key=repr) == sorted(want, key=repr), chat.replies[-1].text


@pytest.mark.parametrize("follow", ["put it on a biscuit", "on a biscuit please", "actually can i get that on a biscuit"])
def test_on_a_product_to_the_line_in_focus_is_its_base(chat: Chat, follow: str) -> None:
    chat.say("a veggie sandwich")
    chat.say(follow)
    assert chat.lines == [("VEGGIE", 1, {"base": "biscuit"})], chat.replies[-1].text


@pytest.mark.parametrize("said", ["add a peach scone", "can you add a peach scone too", "add a peach scone instead"])
def test_a_product_named_by_a_choice_and_its_noun_is_that_product(chat: Chat, said: str) -> None:
    chat.say("an iced tea")
    chat.say(said)
    assert ("SCONE", 1, {"taste": "peach"}) in chat.lines, chat.replies[-1].text
    assert all(line[2].get("taste") != "peach" for line in chat.lines if line[0] == "TEA"), chat.replies[-1].text


@pytest.mark.parametrize("said", ["what taste shots do you have", "which taste shots are there"])
def test_a_group_named_in_full_is_that_group(chat: Chat, said: str) -> None:
    text = chat.say(said).text
    assert "lemon" in text and "cheddar" not in text, text
