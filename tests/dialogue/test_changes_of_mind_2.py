"""Changes of mind and questions in a running order: "go back to mint but a large" is the line in focus made so
(not a new item of the one product "large" alone would name); "you know what, the mango was fine but make it a
large" changes course and asks nothing; "a burger combo with the fries curly" is the combo's fries, not an order of
fries; "how much for the large" asks the price of the product in focus made so. A catalog written here (a snack
stand; "large" is a size of several products, "fries" is both a product and the combo's choice group)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZE = {"code": "size", "name": "size", "default": "small", "values": [
    {"code": "small", "name": "small"}, {"code": "large", "name": "large", "price_delta": "1.00"}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {"size": _SIZE},
    "products": [
        {"sku": "LEMONADE", "name": "lemonade", "price": "3.00", "stock": 50, "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "mint", "name": "mint"}, {"code": "ginger", "name": "ginger"},
                {"code": "berry", "name": "berry"}]}, "size"]},
        {"sku": "ICED-TEA", "name": "iced tea", "price": "2.50", "stock": 50, "options": ["size"]},
        {"sku": "MANGO", "name": "mango smoothie", "aliases": ["mango"], "price": "5.00", "stock": 50,
         "options": ["size"]},
        {"sku": "KIWI", "name": "kiwi smoothie", "aliases": ["kiwi"], "price": "5.00", "stock": 50,
         "options": ["size"]},
        {"sku": "COMBO", "name": "burger combo", "price": "9.00", "stock": 50, "options": [
            {"code": "fries", "name": "fries", "required": True, "values": [
                {"code": "curly", "name": "curly"}, {"code": "straight", "name": "straight"},
                {"code": "waffle", "name": "waffle cut", "aliases": ["waffle"]}]},
            {"code": "doneness", "name": "doneness", "default": "medium", "values": [
                {"code": "rare", "name": "rare"}, {"code": "medium", "name": "medium"},
                {"code": "well", "name": "well done"}]}]},
        {"sku": "FRIES", "name": "fries", "aliases": ["french fries"], "price": "3.00", "stock": 50},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("back", [
    "hmm no go back to mint but a large",
    "mint but a large",
    "no the mint but a large please",
    "actually back to mint but a large",
    "go back to the mint but a large",
])
def test_a_choice_but_a_size_is_the_line_in_focus(chat: Chat, back: str) -> None:
    chat.say("a lemonade")
    chat.say("mint")
    chat.say("actually no make it ginger")
    assert chat.lines == [("LEMONADE", 1, {"flavour": "ginger", "size": "small"})]
    chat.say(back)
    assert chat.lines == [("LEMONADE", 1, {"flavour": "mint", "size": "large"})], chat.replies[-1].text


@pytest.mark.parametrize("turn", [
    "no you know what the mango was fine but make it a large",
    "no you know what the mango was fine but a large one",
    "actually you know what go back to the mango but make it large",
    "no you know what the mango smoothie was fine but make it large",
])
def test_you_know_what_changes_course_and_asks_nothing(chat: Chat, turn: str) -> None:
    chat.say("a small mango smoothie")
    chat.say("actually make it a kiwi")
    assert chat.lines == [("KIWI", 1, {"size": "small"})]
    reply = chat.say(turn)
    assert chat.lines == [("MANGO", 1, {"size": "large"})], reply.text
    assert "would you like it" not in reply.text.lower()


@pytest.mark.parametrize(("turn", "fries"), [
    ("a burger combo rare with the fries curly", "curly"),
    ("a burger combo well done with the fries waffle cut", "waffle"),
    ("one burger combo with fries straight", "straight"),
    ("a burger combo medium and the fries curly please", "curly"),
])
def test_the_group_noun_before_its_value_is_the_choice_not_a_product(chat: Chat, turn: str, fries: str) -> None:
    chat.say(turn)
    assert [(sku, n, o["fries"]) for sku, n, o in chat.lines] == [("COMBO", 1, fries)], chat.replies[-1].text


def test_two_fries_are_still_fries(chat: Chat) -> None:
    chat.say("a burger combo with curly fries and two fries")
    assert chat.counts == {"COMBO": 1, "FRIES": 2}, chat.replies[-1].text


@pytest.mark.parametrize("question", [
    "how much for the large",
    "how much is the large",
    "how much would the large be",
    "and how much for the large one",
])
def test_a_price_asked_by_a_choice_of_the_product_in_focus(chat: Chat, question: str) -> None:
    chat.say("a small mango smoothie")
    reply = chat.say(question)
    assert "large mango smoothie is six dollars" in reply.text.lower(), reply.text
    assert chat.lines == [("MANGO", 1, {"size": "small"})]
