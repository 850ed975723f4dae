"""Items for another person and parts of a counted item: "and the same for my friend (but with swiss)", "and the
same coffee for my husband" (one more like the line, for that person, whose later "make hers iced" changes only
theirs); "one with everything and one just ketchup", "one hot one iced" (a line of two shared among parts, each
with its choice). A catalog written here (a noodle bar), and the bundled cafe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "RAMEN", "name": "ramen", "price": "14.00", "category": "noodles", "options": [
            {"code": "size", "name": "size", "default": "regular", "values": [
                {"code": "regular", "name": "regular"}, {"code": "large", "name": "large", "price_delta": "3.00"}]},
            {"code": "broth", "name": "broth", "default": "miso", "values": [
                {"code": "tonkotsu", "name": "tonkotsu"}, {"code": "miso", "name": "miso"}]},
            {"code": "toppings", "name": "toppings", "multiple": True, "values": [
                {"code": "egg", "name": "egg"}, {"code": "corn", "name": "corn"},
                {"code": "everything", "name": "everything"}]}]},
        {"sku": "TEA", "name": "green tea", "aliases": ["tea"], "price": "3.00", "category": "drinks", "options": [
            {"code": "size", "name": "size", "default": "medium", "values": [
                {"code": "small", "name": "small", "price_delta": "-0.50"}, {"code": "medium", "name": "medium"},
                {"code": "large", "name": "large", "price_delta": "0.75"}]},
            {"code": "temp", "name": "temperature", "default": "hot", "values": [
                {"code": "hot", "name": "hot"}, {"code": "iced", "name": "iced"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def test_same_for_a_friend_then_hers_changed(cafe_chat: Chat) -> None:
    cafe_chat.say("a medium latte")
    cafe_chat.say("with oat milk")
    cafe_chat.say("and the same for my friend")
    cafe_chat.say("actually make hers iced")
    got = [(sku, n, opts["milk"], opts["temperature"]) for sku, n, opts in cafe_chat.lines]
    assert got == [("LATTE", 1, "oat", "hot"), ("LATTE", 1, "oat", "iced")]


def test_same_for_my_son_but_changed(chat: Chat) -> None:
    chat.say("a large tonkotsu ramen")
    chat.say("same for my son but with egg")
    assert chat.lines == [("RAMEN", 1, {"size": "large", "broth": "tonkotsu"}),
                          ("RAMEN", 1, {"size": "large", "broth": "tonkotsu", "toppings": "egg"})]


def test_the_same_product_for_someone(chat: Chat) -> None:
    chat.say("a small iced green tea")
    chat.say("and a ramen")
    chat.say("and the same tea for my wife")
    assert chat.lines == [("TEA", 2, {"size": "small", "temp": "iced"}),
                          ("RAMEN", 1, {"size": "regular", "broth": "miso"})]


def test_same_for_the_other_one_adds_nothing(chat: Chat) -> None:
    """No person after "same for": no more of the line."""
    chat.say("a large green tea and a small green tea")
    chat.say("the same for the other one")
    assert sum(n for _, n, _ in chat.lines) == 2


def test_one_with_everything_and_one_with_egg(chat: Chat) -> None:
    chat.say("two ramens")
    chat.say("one with everything and one just egg")
    assert chat.lines == [("RAMEN", 1, {"size": "regular", "broth": "miso", "toppings": "everything"}),
                          ("RAMEN", 1, {"size": "regular", "broth": "miso", "toppings": "egg"})]


def test_one_hot_one_iced(chat: Chat) -> None:
    chat.say("two green teas")
    chat.say("one hot one iced")
    chat.say("the iced one large")
    assert chat.lines == [("TEA", 1, {"size": "medium", "temp": "hot"}),
                          ("TEA", 1, {"size": "large", "temp": "iced"})]


def test_one_iced_said_of_a_single_tea_shares_nothing(chat: Chat) -> None:
    """One tea: "one iced" has no line of several to share, the hot tea stays as it is."""
    chat.say("a green tea")
    chat.say("one iced")
    assert chat.lines[0] == ("TEA", 1, {"size": "medium", "temp": "hot"})
