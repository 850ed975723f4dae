"""A dish name that is also a choice inside a deal: said on its own ("a miso ramen", "three tonkotsu ramens") it is
the product the shop sells ("ramen") with that product's own choice ("miso"), not the deal the words are a choice of
(a product named outright beats one inferred from its choice's value). The deal's choice stays when the deal is
named ("the combo for two with a miso ramen and a beef udon") or its choice was just asked; a deal's name ending in
a number ("combo for two") is that name, and the choices said right after it are its own ("a combo for one miso
ramen with iced tea"), as is one it must be asked for, said with an article in its "with" list ("a lunch set
with gyoza and a ramune"). A catalog written here (a noodle counter whose two-person combo lists dishes by full name)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "broth": {"code": "broth", "name": "broth", "required": True, "values": [
            {"code": "tonkotsu", "name": "tonkotsu", "aliases": ["pork bone"]},
            {"code": "miso", "name": "miso"},
            {"code": "shoyu", "name": "shoyu", "aliases": ["soy"]}]},
        "heat": {"code": "heat", "name": "heat", "default": "regular", "values": [
            {"code": "regular", "name": "regular"},
            {"code": "spicy", "name": "spicy", "aliases": ["hot"], "price_delta": "0.50"}]},
        "drink": {"code": "drink", "name": "drink", "default": "green_tea", "values": [
            {"code": "green_tea", "name": "green tea"},
            {"code": "iced_tea", "name": "iced tea"}]},
    },
    "products": [
        {"sku": "RAMEN", "name": "ramen", "price": "12.00", "stock": 50, "aliases": ["ramens", "bowl of ramen"],
         "options": ["broth", "heat"]},
        {"sku": "UDON", "name": "udon", "price": "11.00", "stock": 50, "aliases": ["udons"], "options": [
            {"code": "topping", "name": "topping", "required": True, "values": [
                {"code": "beef", "name": "beef"}, {"code": "tempura", "name": "tempura", "price_delta": "1.00"}]},
            "heat"]},
        {"sku": "GYOZA", "name": "gyoza", "price": "6.00", "stock": 50, "aliases": ["gyozas", "dumplings"]},
        {"sku": "TEA", "name": "tea", "price": "2.50", "stock": 50, "aliases": ["teas"], "options": [
            {"code": "kind", "name": "kind", "default": "green", "values": [
                {"code": "green", "name": "green tea"}, {"code": "iced", "name": "iced tea"}]}]},
        {"sku": "COMBO-ONE", "name": "combo for one", "price": "16.00", "stock": 20, "aliases": ["single combo"],
         "options": [
             {"code": "main", "name": "main", "required": True, "values": [
                 {"code": "ramen", "name": "ramen"}, {"code": "udon", "name": "udon"}]},
             {"use": "broth", "required": False, "default": "tonkotsu"},
             "drink"]},
        {"sku": "RAMUNE", "name": "ramune", "price": "3.00", "stock": 50, "aliases": ["ramunes", "japanese soda"]},
        {"sku": "LUNCH-SET", "name": "lunch set", "price": "14.00", "stock": 20, "aliases": ["lunch sets"], "options": [
            {"code": "side", "name": "side", "values": [{"code": "gyoza", "name": "gyoza"}, {"code": "salad", "name": "salad"}]},
            {"code": "soda", "name": "soda", "required": True, "values": [
                {"code": "ramune", "name": "ramune"}, {"code": "cola", "name": "cola"}]}]},
        {"sku": "COMBO-TWO", "name": "combo for two", "price": "30.00", "stock": 20, "aliases": ["combos for two"],
         "options": [
             {"code": "mains", "name": "mains", "required": True, "multiple": True, "values": [
                 {"code": "tonkotsu_ramen", "name": "tonkotsu ramen"},
                 {"code": "miso_ramen", "name": "miso ramen"},
                 {"code": "shoyu_ramen", "name": "shoyu ramen"},
                 {"code": "beef_udon", "name": "beef udon"},
                 {"code": "tempura_udon", "name": "tempura udon"}]},
             "drink"]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _lines(chat: Chat) -> list[tuple[str, int, list[tuple[str, str]]]]:
    """Every cart line with all its choices (a deal's several mains included), defaults left out."""
    return [(ln.sku, ln.quantity, sorted((o.group, o.value) for o in ln.options)) for ln in chat.session.cart.lines]


def _has(chat: Chat, sku: str, qty: int, *choices: tuple[str, str]) -> bool:
    return any(s == sku and q == qty and set(choices) <= set(opts) for s, q, opts in _lines(chat))


@pytest.mark.parametrize(("said", "want"), [
    ("a miso ramen", [("RAMEN", 1, ("broth", "miso"))]),
    ("three tonkotsu ramens", [("RAMEN", 3, ("broth", "tonkotsu"))]),
    ("can i get one shoyu ramen spicy please", [("RAMEN", 1, ("broth", "shoyu"), ("heat", "spicy"))]),
    ("a beef udon", [("UDON", 1, ("topping", "beef"))]),
    ("two tempura udons with a gyoza", [("UDON", 2, ("topping", "tempura")), ("GYOZA", 1)]),
    ("shoyu ramen and beef udon", [("RAMEN", 1, ("broth", "shoyu")), ("UDON", 1, ("topping", "beef"))]),
    ("a miso ramen hot and a tempura udon", [("RAMEN", 1, ("broth", "miso"), ("heat", "spicy")),
                                             ("UDON", 1, ("topping", "tempura"))]),
])
def test_a_dish_said_alone_is_the_product_not_the_deal(chat: Chat, said: str, want: list[tuple]) -> None:
    chat.say(said)
    assert len(chat.session.cart.lines) == len(want), chat.replies[-1].text
    for sku, qty, *choices in want:
        assert _has(chat, sku, qty, *choices), (said, _lines(chat), chat.replies[-1].text)
    assert not any(sku.startswith("COMBO") for sku, _, _ in _lines(chat))


@pytest.mark.parametrize("said", [
    "the combo for two with a miso ramen and a beef udon",
    "a combo for two with miso ramen and beef udon please",
    "one combo for two, miso ramen and beef udon",
])
def test_a_deal_named_takes_the_dish_as_its_choice(chat: Chat, said: str) -> None:
    chat.say(said)
    assert len(chat.session.cart.lines) == 1, (said, _lines(chat), chat.replies[-1].text)
    assert _has(chat, "COMBO-TWO", 1, ("mains", "miso_ramen"), ("mains", "beef_udon")), (said, _lines(chat))


@pytest.mark.parametrize("said", ["the combo for two", "a combo for two please", "can i get a combo for 2"])
def test_a_deal_named_with_a_number_is_that_deal_and_its_asked_choice_stays_its_own(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.session.cart.lines == [] or _has(chat, "COMBO-TWO", 1)
    assert "combo for two" in chat.replies[-1].text.lower(), chat.replies[-1].text
    assert "combo for one" not in chat.replies[-1].text.lower(), chat.replies[-1].text  # not "which combo?"
    chat.say("tonkotsu ramen and tempura udon")
    assert len(chat.session.cart.lines) == 1, (_lines(chat), chat.replies[-1].text)
    assert _has(chat, "COMBO-TWO", 1, ("mains", "tonkotsu_ramen"), ("mains", "tempura_udon")), _lines(chat)


@pytest.mark.parametrize(("said", "choices"), [
    ("a combo for one miso ramen", [("main", "ramen"), ("broth", "miso")]),
    ("a combo for one udon with iced tea", [("main", "udon"), ("drink", "iced_tea")]),
    ("the combo for one shoyu ramen with iced tea", [("main", "ramen"), ("broth", "shoyu"), ("drink", "iced_tea")]),
    ("the combo for one with a miso ramen and iced tea", [("main", "ramen"), ("broth", "miso"),
                                                          ("drink", "iced_tea")]),
])
def test_choices_said_right_after_a_deal_for_one_are_its_own(chat: Chat, said: str,
                                                             choices: list[tuple[str, str]]) -> None:
    chat.say(said)
    assert len(chat.session.cart.lines) == 1, (said, _lines(chat), chat.replies[-1].text)
    assert _has(chat, "COMBO-ONE", 1, *choices), (said, _lines(chat), chat.replies[-1].text)


def test_a_deal_in_the_cart_keeps_its_choice_when_changed(chat: Chat) -> None:
    chat.say("a combo for two with miso ramen and beef udon")
    chat.say("change the beef udon to a shoyu ramen")
    assert len(chat.session.cart.lines) == 1, (_lines(chat), chat.replies[-1].text)
    assert _has(chat, "COMBO-TWO", 1, ("mains", "shoyu_ramen")), (_lines(chat), chat.replies[-1].text)


@pytest.mark.parametrize("said", [
    "a lunch set with a ramune",
    "the lunch set with gyoza and a ramune please",
    "can i get a lunch set with salad and a ramune",
])
def test_a_product_said_with_an_article_in_a_deals_with_list_is_the_choice_it_needs(chat: Chat, said: str) -> None:
    chat.say(said)
    assert len(chat.session.cart.lines) == 1, (said, _lines(chat), chat.replies[-1].text)
    assert _has(chat, "LUNCH-SET", 1, ("soda", "ramune")), (said, _lines(chat), chat.replies[-1].text)


@pytest.mark.parametrize("said", ["a miso ramen with a ramune", "a lunch set with cola and a ramune"])
def test_a_product_no_item_needs_stays_an_item(chat: Chat, said: str) -> None:
    chat.say(said)
    assert _has(chat, "RAMUNE", 1), (said, _lines(chat), chat.replies[-1].text)
