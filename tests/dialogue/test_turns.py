"""Turns late in a long conversation: a line named then said how it was meant to be ("the turkey was supposed to
be a footlong too": that line changed, the "too" no second one), the whole order cancelled as "the whole thing",
the total asked as "what's that come to", and an ordinal said as when ("measure the yard first i'll come back"),
not as which line. Sessions on the corpus's catalogs and the bundled cafe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.sqlite_store import SQLiteStore
from tests.dialogue.conftest import Chat, chat_of, corpus_catalog


def _chat(tmp_path: Path, name: str) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog(name))


@pytest.fixture
def subshop(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "subshop")


@pytest.fixture
def sliceshop(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "sliceshop")


@pytest.fixture
def roaster(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "roaster")


@pytest.fixture
def garden(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "garden")


def test_line_said_how_it_was_meant_to_be_too(subshop: Chat) -> None:
    subshop.say("then a six inch turkey on honey oat with swiss")
    subshop.say("and a veggie delite footlong on flatbread")
    subshop.say("wait the turkey was supposed to be a footlong too")
    assert subshop.counts == {"TURKEY": 1, "VEGGIE": 1}
    assert subshop.lines[0][2]["length"] == "footlong"


def test_line_needs_a_choice_too(sliceshop: Chat) -> None:
    sliceshop.say("a calzone with ricotta and spinach")
    sliceshop.say("and two peach snapples")
    sliceshop.say("that's all")
    sliceshop.say("no wait the calzone needs sausage in it too")
    assert sliceshop.counts == {"CALZONE": 1, "SNAPPLE": 2}
    fillings = {o.value for o in sliceshop.session.cart.lines[0].options if o.group == "fillings"}
    assert fillings == {"ricotta", "spinach", "sausage"}


def test_line_meant_to_be_on_another_catalog(cafe: SQLiteStore) -> None:
    chat = Chat(cafe)
    chat.say("a small latte")
    chat.say("and a blueberry muffin")
    chat.say("the latte was supposed to be a large too")
    assert chat.counts == {"LATTE": 1, "BLUEBERRY-MUFFIN": 1}
    assert chat.lines[0][2]["size"] == "large"


def test_the_product_too_still_adds(cafe: SQLiteStore) -> None:
    chat = Chat(cafe)
    chat.say("a small latte")
    chat.say("and a blueberry muffin")
    chat.say("the latte too")
    assert chat.counts["LATTE"] == 2


def test_cancel_the_whole_thing_at_the_read_back(roaster: Chat) -> None:
    roaster.say("alright one burr grinder then")
    roaster.say("and a bag of the ethiopian")
    roaster.say("that's all")
    roaster.say("hmm on second thought cancel the whole thing")
    assert roaster.counts == {}
    assert not roaster.session.orders


def test_forget_the_whole_order_on_another_catalog(cafe: SQLiteStore) -> None:
    chat = Chat(cafe)
    chat.say("a latte and a blueberry muffin")
    chat.say("forget the whole order")
    assert chat.counts == {}


def test_cancel_the_thing_in_focus_is_one_line(cafe: SQLiteStore) -> None:
    chat = Chat(cafe)
    chat.say("a latte and a blueberry muffin")
    chat.say("cancel the muffin")
    assert chat.counts == {"LATTE": 1}


def test_what_is_that_come_to_at_the_read_back(garden: Chat) -> None:
    garden.say("ok one japanese maple and a bag of compost")
    reply = garden.say("what's that come to")
    assert "clear yes or no" not in reply.text
    assert garden.counts == {"JAPANESE-MAPLE": 1, "COMPOST": 1}
    assert not garden.session.orders


def test_first_said_as_when_adds_nothing(garden: Chat) -> None:
    garden.say("do you have any fiddle leaf figs")
    garden.say("what about japanese maples")
    garden.say("ok one japanese maple and a bag of compost")
    garden.say("what's that come to")
    garden.say("let me measure the yard first i'll come back")
    assert garden.counts == {"JAPANESE-MAPLE": 1, "COMPOST": 1}
    assert not garden.session.orders


def test_first_said_as_when_on_another_catalog(cafe: SQLiteStore) -> None:
    chat = Chat(cafe)
    chat.say("a latte and a blueberry muffin")
    chat.say("that's all")
    chat.say("i need to check with my wife first we will see")
    assert chat.counts == {"LATTE": 1, "BLUEBERRY-MUFFIN": 1}
    assert not chat.session.orders


@pytest.fixture
def butcher(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "butcher")


def test_speak_to_the_trade_asks_for_a_person(butcher: Chat) -> None:
    butcher.say("and a whole chicken spatchcocked")
    butcher.say("that's all")
    butcher.say("um actually can i speak to the butcher i have a question about the chicken")
    assert butcher.counts == {"WHOLE-CHICKEN": 1}
    assert not butcher.session.orders


def test_talk_to_a_trade_on_another_catalog(cafe: SQLiteStore) -> None:
    chat = Chat(cafe)
    chat.say("a latte")
    reply = chat.say("could i talk to the baker about the croissants")
    assert chat.counts == {"LATTE": 1}
    assert "person" in reply.text


def test_a_question_about_a_product_still_answers(cafe: SQLiteStore) -> None:
    chat = Chat(cafe)
    chat.say("a latte")
    reply = chat.say("how much is a croissant")
    assert chat.counts == {"LATTE": 1}
    assert "person" not in reply.text
