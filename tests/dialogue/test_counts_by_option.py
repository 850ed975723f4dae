"""A line named by how it is made, counted or added to, on a small catalog written here: a count with "the
<option> ones" sets that line's count only ("two mochas with soy milk and a mocha" - "actually make the soy ones
three": three soy, the plain one kept), and a count said with only choices, joined on with "and" or for someone
("and one in kids for my daughter"), is that many more like the line before, made so (its other choices kept);
"the teriyaki one but with tofu" after a list of bowls that all offer a teriyaki sauce is the one bowl so named."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "sauce": {"code": "sauce", "name": "sauce", "default": "none", "values": [
            {"code": "none", "name": "no sauce"}, {"code": "spicy", "name": "spicy mayo", "aliases": ["spicy"]},
            {"code": "teriyaki", "name": "teriyaki sauce", "aliases": ["teriyaki"]}]},
        "protein": {"code": "protein", "name": "protein", "values": [
            {"code": "tuna", "name": "tuna"}, {"code": "chicken", "name": "chicken"}, {"code": "tofu", "name": "tofu"}]},
    },
    "products": [
        {"sku": "MOCHA", "name": "mocha", "price": "5.00", "options": [
            {"code": "milk", "name": "milk", "default": "whole", "values": [
                {"code": "whole", "name": "whole milk"}, {"code": "soy", "name": "soy milk", "aliases": ["soy"],
                                                          "price_delta": "0.50"},
                {"code": "oat", "name": "oat milk", "aliases": ["oat"], "price_delta": "0.50"}]}]},
        {"sku": "CIDER", "name": "cider", "price": "2.00", "options": [
            {"code": "size", "name": "size", "default": "can", "values": [
                {"code": "can", "name": "can", "aliases": ["can of"]},
                {"code": "3l", "name": "3 liter", "aliases": ["3 litre", "three liter"], "price_delta": "3.00"}]}]},
        {"sku": "BAGUETTE", "name": "baguette", "price": "4.00", "options": [
            {"code": "slicing", "name": "slicing", "default": "whole", "values": [
                {"code": "whole", "name": "unsliced"}, {"code": "sliced", "name": "sliced"}]}]},
        {"sku": "ROLL", "name": "dinner roll", "price": "1.00", "options": [
            {"code": "slicing", "name": "slicing", "default": "whole", "values": [
                {"code": "whole", "name": "unsliced"}, {"code": "sliced", "name": "sliced"}]}]},
        {"sku": "SCARF", "name": "wool scarf", "aliases": ["scarf"], "price": "20.00", "options": [
            {"code": "colour", "name": "colour", "required": True, "values": [
                {"code": "grey", "name": "grey"}, {"code": "navy", "name": "navy"}]},
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "adult", "name": "adult"}, {"code": "kids", "name": "kids", "aliases": ["kid size"]}]}]},
        {"sku": "TUNA-BOWL", "name": "spicy tuna bowl", "price": "13.00", "category": "bowls", "options": [
            "sauce", {"use": "protein", "default": "tuna"}]},
        {"sku": "TERI-BOWL", "name": "teriyaki chicken bowl", "price": "12.00", "category": "bowls", "options": [
            "sauce", {"use": "protein", "default": "chicken"}]},
        {"sku": "RICE-BOWL", "name": "plain rice bowl", "price": "8.00", "category": "bowls", "options": [
            "sauce", {"use": "protein", "default": "tofu"}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "count"), [
    ("actually make the soy ones three", 3), ("make the soy ones four", 4), ("actually three of the soy ones", 3),
    ("no wait make it four of the soy ones", 4), ("sorry, make the soy milk ones three please", 3)])
def test_a_count_for_the_line_named_by_its_option_sets_that_line(chat: Chat, said: str, count: int) -> None:
    chat.say("two mochas with soy milk and one mocha")
    assert sorted((q, o["milk"]) for _, q, o in chat.lines) == [(1, "whole"), (2, "soy")]
    chat.say(said)
    assert sorted((q, o["milk"]) for _, q, o in chat.lines) == sorted([(count, "soy"), (1, "whole")])


@pytest.mark.parametrize("said", ["actually two of the 3 liter ones", "make the 3 liter ones two",
                                  "actually make the three liter ones two"])
def test_a_count_for_the_line_of_a_number_named_option(chat: Chat, said: str) -> None:
    chat.say("a can of cider and a 3 liter cider")
    chat.say(said)
    assert sorted((o["size"], q) for _, q, o in chat.lines) == [("3l", 2), ("can", 1)]


@pytest.mark.parametrize("said", ["make the sliced ones two", "actually two of the sliced ones"])
def test_a_count_for_the_line_named_by_its_option_leaves_the_other_product(chat: Chat, said: str) -> None:
    chat.say("a sliced baguette and an unsliced dinner roll")
    chat.say(said)
    assert sorted((sku, q, o["slicing"]) for sku, q, o in chat.lines) == [("BAGUETTE", 2, "sliced"),
                                                                           ("ROLL", 1, "whole")]


def test_a_count_for_no_line_made_so_changes_nothing(chat: Chat) -> None:
    chat.say("a mocha")
    chat.say("actually make the oat ones three")
    assert chat.lines == [("MOCHA", 1, {"milk": "whole"})]


@pytest.mark.parametrize(("said", "count"), [
    ("and one in kids for my daughter", 1), ("and one in kids", 1), ("one in kid size for my son", 1),
    ("and two in kids please", 2), ("oh and one in kids for him", 1)])
def test_one_in_a_value_joined_on_is_one_more_made_so(chat: Chat, said: str, count: int) -> None:
    chat.say("two grey wool scarves in adult")
    assert chat.lines == [("SCARF", 2, {"colour": "grey", "size": "adult"})]
    chat.say(said)
    assert sorted(chat.lines, key=lambda ln: ln[2]["size"]) == [
        ("SCARF", 2, {"colour": "grey", "size": "adult"}), ("SCARF", count, {"colour": "grey", "size": "kids"})]


def test_one_with_a_choice_joined_on_is_one_more_made_so(chat: Chat) -> None:
    chat.say("two mochas")
    chat.say("and one with oat milk")
    assert sorted((q, o["milk"]) for _, q, o in chat.lines) == [(1, "oat"), (2, "whole")]


def test_one_in_a_value_said_alone_is_one_of_the_line(chat: Chat) -> None:
    chat.say("two grey wool scarves in adult")
    chat.say("one in kids")
    assert sorted(chat.lines, key=lambda ln: ln[2]["size"]) == [
        ("SCARF", 1, {"colour": "grey", "size": "adult"}), ("SCARF", 1, {"colour": "grey", "size": "kids"})]


@pytest.mark.parametrize(("said", "sku"), [("ok the teriyaki one but with tofu", "TERI-BOWL"),
                                           ("the spicy one with tofu please", "TUNA-BOWL")])
def test_the_one_listed_named_by_a_word_that_is_also_a_choice(chat: Chat, said: str, sku: str) -> None:
    chat.say("what bowls do you have")
    chat.say(said)
    assert [(s, q, o["protein"]) for s, q, o in chat.lines] == [(sku, 1, "tofu")]
