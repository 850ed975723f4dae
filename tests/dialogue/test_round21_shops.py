"""Round 21's shops (a ski rental counter, an Indian sweets counter): values said with numbers after "for" ("for
three days", "for two hours": the choice, not an amount of money), a value said once after several items for all
of them ("skis and poles for a half day"), and a list of values after a group's name shared out over the units
("two snowboard packages sizes nine and eleven"). Sessions on the corpus catalogs and on one written here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_BOATS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {"hours": {
        "code": "time", "name": "rental time", "default": "h1", "aliases": ["rental time", "hours"],
        "values": [{"code": "h1", "name": "one hour", "aliases": ["1 hour", "an hour"]},
                   {"code": "h2", "name": "two hours", "aliases": ["2 hours"], "price_delta": "10.00"},
                   {"code": "h3", "name": "three hours", "aliases": ["3 hours"], "price_delta": "18.00"}]}},
    "products": [
        {"sku": "KAYAK", "name": "kayak", "price": "20.00", "aliases": ["kayaks"], "options": ["hours"]},
        {"sku": "CANOE", "name": "canoe", "price": "25.00", "aliases": ["canoes"], "options": ["hours"]},
        {"sku": "VEST", "name": "life vest", "price": "5.00", "aliases": ["life vests", "vest", "vests"],
         "options": ["hours", {"code": "size", "name": "vest size", "required": True, "aliases": ["size"],
                               "values": [{"code": "s", "name": "small", "aliases": ["size small"]},
                                          {"code": "m", "name": "medium", "aliases": ["size medium"]},
                                          {"code": "l", "name": "large", "aliases": ["size large"]}]}]},
    ],
}


@pytest.fixture
def boats(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _BOATS)


def _lines(chat: Chat, *groups: str) -> list[tuple[str, int, dict[str, str]]]:
    return [(sku, n, {g: v for g, v in opts.items() if g in groups}) for sku, n, opts in chat.lines]


# --- a value said with its number after "for" ------------------------------------------------------------
@pytest.mark.parametrize(("said", "want"), [
    ("three pairs of skis for three days", [("SKIS", 3, {"duration": "three_days"})]),
    ("performance skis for two days with insurance", [("SKIS", 1, {"duration": "two_days"})]),
    ("i want a private snowboard lesson for two hours", [("PRIVATE-LESSON", 1, {"length": "two_hours"})]),
])
def test_rental_length_said_with_a_number(shop: Callable[[str], Chat], said: str, want: list[object]) -> None:
    rental = shop("rental")
    rental.say(said)
    assert _lines(rental, "duration", "length") == want


def test_length_with_a_number_on_another_shop(boats: Chat) -> None:
    boats.say("a kayak for three hours")
    assert _lines(boats, "time") == [("KAYAK", 1, {"time": "h3"})]


def test_money_after_for_is_no_choice(boats: Chat) -> None:
    boats.say("a kayak for 2 dollars")
    assert _lines(boats, "time") == [("KAYAK", 1, {"time": "h1"})]


def test_change_the_length_of_a_line(shop: Callable[[str], Chat]) -> None:
    rental = shop("rental")
    rental.say("a ski package size ten and a snowboard package size eight")
    rental.say("make the ski package for two days")
    assert _lines(rental, "duration", "size") == [("SKI-PACKAGE", 1, {"duration": "two_days", "size": "10"}),
                                                  ("SNOWBOARD-PACKAGE", 1, {"duration": "full_day", "size": "8"})]


# --- a value said once after several items, for all of them ------------------------------------------------
@pytest.mark.parametrize(("said", "want"), [
    ("two pairs of skis and two pairs of poles for a half day",
     [("SKIS", 2, {"duration": "half_day"}), ("POLES", 2, {"duration": "half_day"})]),
    ("a snowboard and a small helmet for the week",
     [("SNOWBOARD", 1, {"duration": "week"}), ("HELMET", 1, {"duration": "week"})]),
])
def test_trailing_length_for_every_item(shop: Callable[[str], Chat], said: str, want: list[object]) -> None:
    rental = shop("rental")
    rental.say(said)
    assert _lines(rental, "duration") == want


def test_trailing_length_for_every_item_on_another_shop(boats: Chat) -> None:
    boats.say("two canoes and a kayak for two hours")
    assert _lines(boats, "time") == [("CANOE", 2, {"time": "h2"}), ("KAYAK", 1, {"time": "h2"})]


def test_length_said_for_the_first_item_stays_its_own(boats: Chat) -> None:
    boats.say("a canoe for two hours and a kayak")
    assert _lines(boats, "time") == [("CANOE", 1, {"time": "h2"}), ("KAYAK", 1, {"time": "h1"})]


# --- a list of values after a group's name, one per unit ---------------------------------------------------
def test_sizes_shared_out_with_the_length_on_each(shop: Callable[[str], Chat]) -> None:
    rental = shop("rental")
    rental.say("two snowboard packages for two days sizes nine and eleven")
    assert _lines(rental, "duration", "size") == [
        ("SNOWBOARD-PACKAGE", 1, {"duration": "two_days", "size": "9"}),
        ("SNOWBOARD-PACKAGE", 1, {"duration": "two_days", "size": "11"})]


def test_three_sizes_listed(shop: Callable[[str], Chat]) -> None:
    rental = shop("rental")
    rental.say("three ski packages sizes seven eight and ten")
    assert _lines(rental, "size") == [("SKI-PACKAGE", 1, {"size": "7"}), ("SKI-PACKAGE", 1, {"size": "8"}),
                                      ("SKI-PACKAGE", 1, {"size": "10"})]


def test_sizes_listed_before_the_next_item(shop: Callable[[str], Chat]) -> None:
    rental = shop("rental")
    rental.say("two adult ski packages sizes nine and eleven a kids snowboard package size four")
    assert _lines(rental, "size") == [("SKI-PACKAGE", 1, {"size": "9"}), ("SKI-PACKAGE", 1, {"size": "11"}),
                                      ("SNOWBOARD-PACKAGE", 1, {"size": "4"})]


def test_sizes_shared_out_on_other_shops(shop: Callable[[str], Chat], boats: Chat) -> None:
    shoes = shop("shoestore")
    shoes.say("two pairs of men's hiking boots in wide sizes 9 and 10")
    assert _lines(shoes, "size", "width") == [("MENS-HIKER", 1, {"size": "9", "width": "wide"}),
                                              ("MENS-HIKER", 1, {"size": "10", "width": "wide"})]
    boats.say("two life vests for three hours sizes small and large")
    assert _lines(boats, "time", "size") == [("VEST", 1, {"time": "h3", "size": "s"}),
                                             ("VEST", 1, {"time": "h3", "size": "l"})]


def test_one_size_for_all_units_stays_one_line(shop: Callable[[str], Chat]) -> None:
    rental = shop("rental")
    rental.say("two ski packages size nine")
    assert _lines(rental, "size") == [("SKI-PACKAGE", 2, {"size": "9"})]


# --- what a service is done on, said with "on my" ------------------------------------------------------------
@pytest.mark.parametrize("said", ["a full tune on my skis please", "a tune on my snowboard"])
def test_own_thing_worked_on_is_no_item(shop: Callable[[str], Chat], said: str) -> None:
    rental = shop("rental")
    rental.say(said)
    assert rental.counts == {"TUNE": 1}


def test_thing_ordered_with_a_service_stays_an_item(shop: Callable[[str], Chat]) -> None:
    rental = shop("rental")
    rental.say("a full tune and skis")
    assert rental.counts == {"TUNE": 1, "SKIS": 1}


# --- a question about what the shop offers, said with another verb of getting ------------------------------
@pytest.mark.parametrize("said", ["what can i rent here", "what can i buy here"])
def test_what_can_i_rent_lists_the_shop(shop: Callable[[str], Chat], said: str) -> None:
    rental = shop("rental")
    reply = rental.say(said)
    assert "lessons" in reply.text and not rental.lines


def test_what_can_i_buy_at_another_shop(cafe_chat: Chat) -> None:
    reply = cafe_chat.say("what can i buy here")
    assert not reply.text.startswith("Sorry") and not cafe_chat.lines


# --- an amount phrase that begins a value's own name ----------------------------------------------------------
_CURRY = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [{"sku": "CURRY", "name": "chicken curry", "price": "12.00", "aliases": ["curry"], "options": [
        {"code": "heat", "name": "heat", "default": "medium", "aliases": ["heat"],
         "values": [{"code": "mild", "name": "mild", "aliases": ["not too hot"]},
                    {"code": "medium", "name": "medium"},
                    {"code": "hot", "name": "hot", "aliases": ["spicy"]}]}]}],
}


@pytest.mark.parametrize(("said", "want"), [("a samosa chaat not too spicy and no onions please", "mild"),
                                            ("a samosa chaat spicy", "spicy")])
def test_not_too_as_a_value_name(shop: Callable[[str], Chat], said: str, want: str) -> None:
    mithai = shop("mithai")
    mithai.say(said)
    assert _lines(mithai, "spice") == [("SAMOSA-CHAAT", 1, {"spice": want})]


def test_not_too_as_a_value_name_on_another_shop(tmp_path: Path) -> None:
    for chat in chat_of(tmp_path, _CURRY):
        chat.say("a chicken curry not too hot")
        assert _lines(chat, "heat") == [("CURRY", 1, {"heat": "mild"})]
