"""Lines named by what sets them apart, on a small catalog written here:

- keeping only the lines named: "that's too much, just the sourdough", "take everything off except the eggs"
  leave the lines named (as they were) and take every other line off, said back; a count or a product not in
  the cart keeps its usual reading;
- "no, the other one, the X" / "i meant the X" right after a change: the change moves to the line named;
- a line named by its owner ("my daughter's curry mild") or with a choice that holds "extra" ("make the dal
  extra hot") is that line, changed, not one more."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "KETTLE", "name": "kettle", "price": "30.00", "options": [
            {"code": "finish", "name": "finish", "default": "steel", "values": [
                {"code": "steel", "name": "steel"}, {"code": "copper", "name": "copper", "price_delta": "10.00"}]}]},
        {"sku": "TOWEL", "name": "tea towel", "aliases": ["towel"], "price": "6.00"},
        {"sku": "MUG", "name": "mug", "price": "9.00"},
        {"sku": "CANDLE", "name": "candle", "price": "12.00"},
        {"sku": "LAMP", "name": "desk lamp", "aliases": ["lamp"], "price": "45.00"},
        {"sku": "BOTTLE", "name": "water bottle", "aliases": ["bottle"], "price": "15.00", "options": [
            {"code": "colour", "name": "colour", "default": "white", "values": [
                {"code": "white", "name": "white"}, {"code": "black", "name": "black"}, {"code": "red", "name": "red"}]}]},
        {"sku": "BAG", "name": "tote bag", "aliases": ["tote"], "price": "11.00", "options": [
            {"code": "colour", "name": "colour", "default": "white", "values": [
                {"code": "white", "name": "white"}, {"code": "black", "name": "black"}, {"code": "red", "name": "red"}]}]},
        {"sku": "CURRY", "name": "lamb curry", "aliases": ["curry"], "price": "14.00", "options": [
            {"code": "spice", "name": "spice", "default": "medium", "values": [
                {"code": "mild", "name": "mild", "aliases": ["not spicy"]}, {"code": "medium", "name": "medium"},
                {"code": "extra_hot", "name": "extra hot"}]}]},
        {"sku": "DAL", "name": "lentil dal", "aliases": ["dal"], "price": "10.00", "options": [
            {"code": "spice", "name": "spice", "default": "medium", "values": [
                {"code": "mild", "name": "mild", "aliases": ["not spicy"]}, {"code": "medium", "name": "medium"},
                {"code": "extra_hot", "name": "extra hot"}]}]},
    ],
}
_START = "a copper kettle two tea towels a mug and a candle"


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", [
    "that's too much just the kettle",
    "actually just the kettle",
    "hmm only the kettle please",
    "you know what i only want the kettle",
    "on second thought keep only the kettle",
    "take everything off except the kettle",
    "remove everything but the kettle",
    "you know what cancel all but the kettle",
    "get rid of everything other than the kettle",
    "take off the rest except for the kettle",
])
def test_the_line_named_stays_and_every_other_comes_off(chat: Chat, said: str) -> None:
    chat.say(_START)
    reply = chat.say(said)
    assert chat.lines == [("KETTLE", 1, {"finish": "copper"})]
    assert "towel" in reply.text and "candle" in reply.text  # said back
    assert not chat.session.state.placed  # nothing placed without a yes


@pytest.mark.parametrize("said", ["just the mug and the candle", "remove everything except the mug and the candle"])
def test_several_lines_named_all_stay(chat: Chat, said: str) -> None:
    chat.say(_START)
    chat.say(said)
    assert sorted(sku for sku, _, _ in chat.lines) == ["CANDLE", "MUG"]


def test_a_no_takes_the_keeping_back(chat: Chat) -> None:
    chat.say(_START)
    chat.say("just the candle")
    assert [sku for sku, _, _ in chat.lines] == ["CANDLE"]
    chat.say("no")
    assert sorted(sku for sku, _, _ in chat.lines) == ["CANDLE", "KETTLE", "MUG", "TOWEL"]


def test_a_count_after_keeping_is_the_kept_lines(chat: Chat) -> None:
    chat.say(_START)
    chat.say("that's too much just the towels")
    assert chat.lines == [("TOWEL", 2, {})]
    chat.say("make that three")
    assert chat.lines == [("TOWEL", 3, {})]


@pytest.mark.parametrize("said", ["just the lamp", "and just the lamp please"])
def test_a_product_not_in_the_cart_is_an_addition(chat: Chat, said: str) -> None:
    chat.say(_START)
    chat.say(said)
    assert sorted(sku for sku, _, _ in chat.lines) == ["CANDLE", "KETTLE", "LAMP", "MUG", "TOWEL"]


def test_a_count_is_the_lines_count_not_a_keeping(chat: Chat) -> None:
    chat.say(_START)
    chat.say("actually just one towel")
    assert ("TOWEL", 1, {}) in chat.lines
    assert len(chat.lines) == 4


def test_a_single_line_is_left_alone(chat: Chat) -> None:
    chat.say("a candle")
    chat.say("just the candle")
    assert chat.lines == [("CANDLE", 1, {})]


@pytest.mark.parametrize("said", ["no the other one the tote bag", "no wait the other one the tote",
                                  "sorry i meant the tote bag", "no no i mean the tote", "wrong one the tote bag"])
def test_the_change_just_made_moves_to_the_other_line_named(chat: Chat, said: str) -> None:
    chat.say("a white water bottle and a white tote bag")
    chat.say("make the water bottle red")
    assert ("BOTTLE", 1, {"colour": "red"}) in chat.lines
    chat.say(said)
    assert sorted(chat.lines) == [("BAG", 1, {"colour": "red"}), ("BOTTLE", 1, {"colour": "white"})]
    assert not chat.session.state.placed


def test_the_moved_change_is_said_back_and_a_yes_still_needed(chat: Chat) -> None:
    chat.say("a curry and a dal")
    chat.say("make the curry extra hot")
    reply = chat.say("no the other one the dal")
    assert sorted(chat.lines) == [("CURRY", 1, {"spice": "medium"}), ("DAL", 1, {"spice": "extra_hot"})]
    assert "dal" in reply.text and not chat.session.state.placed


def test_the_same_product_too_is_no_move(chat: Chat) -> None:
    chat.say("a white water bottle and a white tote bag")
    chat.say("make the water bottle red")
    chat.say("i mean the tote bag too")
    assert ("BOTTLE", 1, {"colour": "red"}) in chat.lines


@pytest.mark.parametrize("said", ["make the dal extra hot", "can you make the dal extra hot please",
                                  "the dal extra hot"])
def test_a_choice_said_with_extra_changes_the_line(chat: Chat, said: str) -> None:
    chat.say("a lamb curry and a lentil dal")
    chat.say(said)
    assert sorted(chat.lines) == [("CURRY", 1, {"spice": "medium"}), ("DAL", 1, {"spice": "extra_hot"})]


@pytest.mark.parametrize("said", ["oh and my daughter's dal not spicy please", "my son's dal mild",
                                  "and his dal mild please", "her dal extra hot"])
def test_a_line_named_by_its_owner_is_that_line(chat: Chat, said: str) -> None:
    chat.say("a lamb curry for me and a lentil dal for my daughter")
    chat.say(said)
    assert len(chat.lines) == 2
    assert [opts["spice"] for sku, _, opts in chat.lines if sku == "DAL"] in (["mild"], ["extra_hot"])
