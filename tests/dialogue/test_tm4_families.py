"""Kinds of café language the Taskmaster-4 dev half showed the engine missing, written here in other words on
other menus (the data set itself stays out of the repository):

- a product named by all the words of its name out of order, or with one word of a long name left unsaid, or as
  "the <name>, the <kind> one": the longer product whose name holds the shorter one said ("the croissant, the
  almond one", "a jasmine iced green tea"), not the shorter one alone;
- "no <x>" / "without <x>" said for a choice named "<x> free" ("oat latte, no lactose milk");
- a line break written out as an escape ("yes thanks\\r\\r" copied out of a log): a break, never a word said.

Each with a case that must stay as it was. The bundled cafe, the bobashop corpus catalog and a tea bar written
here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.conversations import catalog_source
from catalog.bundled import open_store
from tests.dialogue.conftest import Chat, chat_of

_TEA_BAR = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "GREEN", "name": "green tea", "price": "3.00", "category": "tea"},
        {"sku": "JASMINE-COLD", "name": "jasmine green cold brew tea", "price": "4.50", "category": "tea"},
        {"sku": "BLACK", "name": "black tea", "price": "3.00", "category": "tea"},
        {"sku": "SMOKY-BLACK", "name": "smoky black tea", "price": "3.50", "category": "tea"},
        {"sku": "SCONE", "name": "scone", "price": "2.50", "category": "bakery", "options": [
            {"code": "warm", "name": "warmed", "default": "no", "values": [
                {"code": "no", "name": "not warmed"}, {"code": "yes", "name": "warmed", "aliases": ["warm"]}]}]},
    ],
}


@pytest.fixture
def tea_chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _TEA_BAR)


@pytest.fixture
def boba_chat(tmp_path: Path) -> Iterator[Chat]:
    store = open_store(tmp_path / "bobashop.sqlite3", catalog=catalog_source("bobashop"), tax_rate_bp=825)
    yield Chat(store)
    store.close()


# --- a longer name said around a shorter one ----------------------------------------------------------------
@pytest.mark.parametrize("said", [
    "i'll take the croissant, the almond one",
    "could i get a croissant almond please",
])
def test_cafe_kind_said_after_the_name(cafe_chat: Chat, said: str) -> None:
    cafe_chat.say(said)
    assert [(sku, qty) for sku, qty, _ in cafe_chat.lines] == [("ALMOND-CROISSANT", 1)]


def test_cafe_kind_with_a_preposition_is_left_alone(cafe_chat: Chat) -> None:
    cafe_chat.say("a latte and a matcha please")
    assert sorted(sku for sku, _, _ in cafe_chat.lines) == ["LATTE", "MATCHA-LATTE"]


def test_cafe_choice_the_product_offers_stays_a_choice(cafe_chat: Chat) -> None:
    cafe_chat.say("a latte almond please")
    assert cafe_chat.lines[0][0] == "LATTE" and cafe_chat.lines[0][2].get("milk") == "almond"


@pytest.mark.parametrize("said", [
    "i'd like the black tea smoky",  # all words, out of order
    "the black tea, the smoky one please",
    "one jasmine cold brew green tea",  # out of order
    "a green tea jasmine cold brew",
    "can i have a jasmine cold brew tea",  # one word of a long name unsaid
])
def test_tea_bar_longer_name_said_around_the_shorter(tea_chat: Chat, said: str) -> None:
    tea_chat.say(said)
    assert len(tea_chat.lines) == 1
    assert tea_chat.lines[0][0] in ("SMOKY-BLACK", "JASMINE-COLD")
    assert tea_chat.lines[0][0] == ("SMOKY-BLACK" if "smoky" in said else "JASMINE-COLD")


@pytest.mark.parametrize("said, want", [
    ("a green tea and a black tea", ["BLACK", "GREEN"]),  # two names, each whole
    ("a black tea and a scone warmed", ["BLACK", "SCONE"]),
])
def test_tea_bar_separate_names_stay_separate(tea_chat: Chat, said: str, want: list[str]) -> None:
    tea_chat.say(said)
    assert sorted(sku for sku, _, _ in tea_chat.lines) == want


def test_tea_bar_counted_name_is_not_a_longer_one(tea_chat: Chat) -> None:
    tea_chat.say("two green teas")
    assert tea_chat.lines == [("GREEN", 2, {})]


# --- "no <x>" for a choice named "<x> free" -----------------------------------------------------------------
@pytest.mark.parametrize("said", [
    "a taro milk tea with no lactose milk",
    "a taro milk tea with milk without lactose",
])
def test_boba_no_lactose_is_the_lactose_free_milk(boba_chat: Chat, said: str) -> None:
    boba_chat.say(said)
    assert boba_chat.lines[0][2].get("milk") == "lactose_free"


def test_boba_plain_milk_is_not_lactose_free(boba_chat: Chat) -> None:
    boba_chat.say("a taro milk tea with oat milk")
    assert boba_chat.lines[0][2].get("milk") == "oat"


# --- an escaped line break ----------------------------------------------------------------------------------
@pytest.mark.parametrize("reply", ["yes, thanks.\\r\\r", "yes that's right\\n", "indeed it is.\\r"])
def test_cafe_escaped_break_after_a_yes_places(cafe_chat: Chat, reply: str) -> None:
    cafe_chat.say("a mocha please")
    cafe_chat.say(reply)
    assert len(cafe_chat.session.orders) == 1


def test_cafe_escaped_break_keeps_a_hold(cafe_chat: Chat) -> None:
    cafe_chat.say("a mocha please")
    cafe_chat.say("wait, not yet\\r")
    assert not cafe_chat.session.orders


def test_tea_bar_escaped_break_in_an_order(tea_chat: Chat) -> None:
    tea_chat.say("a black tea please\\r\\na scone")
    assert sorted(sku for sku, _, _ in tea_chat.lines) == ["BLACK", "SCONE"]
