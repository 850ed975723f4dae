"""An item waiting for a required choice is never dropped unasked: "that's all" before the answer puts the
question once more (a second "that's all" leaves it out, saying so), and "no collar" / "forget the collar" leaves
it out at once. And a choice said with its group's noun ("a sundae with chocolate ice cream", where "ice cream"
also names a product) is the choice of the product named before it. A catalog written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "COLLAR", "name": "dog collar", "aliases": ["collar"], "price": "12.00", "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "s", "name": "small"}, {"code": "m", "name": "medium"}, {"code": "l", "name": "large"}]}]},
        {"sku": "BALL", "name": "tennis ball", "price": "3.00"},
        {"sku": "FLOAT", "name": "root beer float", "aliases": ["float"], "price": "6.00", "options": [
            {"code": "scoop", "name": "scoop", "default": "vanilla", "aliases": ["ice cream"], "values": [
                {"code": "vanilla", "name": "vanilla"}, {"code": "chocolate", "name": "chocolate"}]}]},
        {"sku": "ICE", "name": "ice cream", "price": "4.00", "options": [
            {"code": "flavours", "name": "flavours", "multiple": True, "required": True, "values": [
                {"code": "vanilla", "name": "vanilla"}, {"code": "chocolate", "name": "chocolate"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("done", ["that's all", "that's it", "check me out please"])
def test_checkout_before_the_required_choice_asks_once_more(chat: Chat, done: str) -> None:
    chat.say("a tennis ball and a dog collar")
    r = chat.say(done)
    assert "size" in r.text and "Shall I place" not in r.text and not r.order_number, r.text
    chat.say("medium")
    assert sorted(chat.lines) == [("BALL", 1, {}), ("COLLAR", 1, {"size": "m"})]


def test_a_second_checkout_leaves_the_item_out_and_says_so(chat: Chat) -> None:
    chat.say("a tennis ball and a dog collar")
    chat.say("that's all")
    r = chat.say("that's all")
    assert "without the dog collar" in r.text and "Shall I place the order" in r.text, r.text
    assert chat.lines == [("BALL", 1, {})]


@pytest.mark.parametrize("leave", ["no dog collar", "forget the collar", "no collar please", "never mind the collar"])
def test_no_to_the_waiting_item_leaves_it_out(chat: Chat, leave: str) -> None:
    chat.say("a tennis ball and a dog collar")
    r = chat.say(leave)
    assert "no dog collar" in r.text.lower() and chat.lines == [("BALL", 1, {})], r.text


@pytest.mark.parametrize(("said", "want"), [
    ("a root beer float with chocolate ice cream", [("FLOAT", 1, {"scoop": "chocolate"})]),
    ("can i get a float with chocolate ice cream please", [("FLOAT", 1, {"scoop": "chocolate"})]),
    ("a root beer float and a chocolate ice cream", [("FLOAT", 1, {"scoop": "vanilla"}),
                                                     ("ICE", 1, {"flavours": "chocolate"})]),
])
def test_a_choice_said_with_its_groups_noun_is_the_choice(chat: Chat, said: str,
                                                          want: list[tuple[str, int, dict[str, str]]]) -> None:
    r = chat.say(said)
    assert sorted(chat.lines) == want, r.text
    pending = chat.session.state.pending
    assert pending is None or pending.item is None, r.text  # no other ice cream waiting for its flavour
