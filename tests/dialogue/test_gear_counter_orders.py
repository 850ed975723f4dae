"""Orders at a gear counter, on a small catalog written here: measures said as their number alone ("a two thirty
canister", "the four fifties"), letter codes said by how many times ("double a", "triple a's"), pairs counted as one
("a pair of socks", never a misheard "para" cord), a kind said after "for" ("socks for hiking"), a common word as a
choice after "in" ("a down bag in long") or as the line said ("the down one"), and another item said as "the
<choice> one" or "the <word> one"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZES = [{"code": "s", "name": "small"}, {"code": "m", "name": "medium"}, {"code": "l", "name": "large"}]
_LENGTH = {"code": "length", "name": "length", "default": "regular", "values": [
    {"code": "regular", "name": "regular"}, {"code": "long", "name": "long", "price_delta": "20.00"}]}
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "FUEL", "name": "isobutane fuel canister", "price": "5.00", "aliases": ["fuel canister"], "options": [
            {"code": "size", "name": "canister size", "required": True, "values": [
                {"code": "100g", "name": "100 g"}, {"code": "230g", "name": "230 g"}, {"code": "450g", "name": "450 g"}]},
            {"code": "blend", "name": "fuel blend", "default": "standard", "values": [
                {"code": "standard", "name": "all season"}, {"code": "winter", "name": "winter blend",
                                                              "aliases": ["winter"]}]}]},
        {"sku": "BEAR-CAN", "name": "bear canister", "price": "80.00"},
        {"sku": "STOVE", "name": "canister stove", "price": "50.00"},
        {"sku": "TENT", "name": "backpacking tent", "price": "200.00", "options": [
            {"code": "capacity", "name": "capacity", "required": True, "values": [
                {"code": "1p", "name": "1 person"}, {"code": "2p", "name": "2 person"}]}]},
        {"sku": "BATTERIES", "name": "batteries", "price": "7.00", "options": [
            {"code": "size", "name": "battery size", "required": True, "values": [
                {"code": "AA", "name": "AA"}, {"code": "AAA", "name": "AAA"}]},
            {"code": "pack", "name": "pack", "default": "4", "values": [
                {"code": "4", "name": "4 pack"}, {"code": "8", "name": "8 pack"}]}]},
        {"sku": "HEADLAMP", "name": "headlamp", "price": "30.00"},
        {"sku": "SOCKS", "name": "merino hiking socks", "price": "20.00", "options": [
            {"code": "size", "name": "size", "required": True, "values": _SIZES},
            {"code": "cushion", "name": "cushion", "default": "mid", "values": [
                {"code": "light", "name": "light cushion"}, {"code": "mid", "name": "midweight cushion"},
                {"code": "heavy", "name": "heavy cushion"}]}]},
        {"sku": "POLES", "name": "trekking poles", "price": "90.00", "aliases": ["hiking poles"]},
        {"sku": "CORD", "name": "550 paracord", "price": "9.00", "aliases": ["para cord"], "options": [
            {"code": "length", "name": "length", "default": "50ft", "values": [
                {"code": "50ft", "name": "50 ft"}, {"code": "100ft", "name": "100 ft"}]}]},
        {"sku": "DOWN-BAG", "name": "down sleeping bag", "price": "250.00", "aliases": ["down bag"],
         "options": [_LENGTH]},
        {"sku": "SYN-BAG", "name": "synthetic sleeping bag", "price": "130.00", "aliases": ["synthetic bag"],
         "options": [_LENGTH]},
        {"sku": "MAP", "name": "topo map", "price": "13.00", "options": [
            {"code": "area", "name": "area", "required": True, "values": [
                {"code": "eagle", "name": "Eagle Peak"}, {"code": "cedar", "name": "Cedar Lakes"}]}]},
        {"sku": "SQUEEZE", "name": "squeeze water filter", "price": "40.00", "aliases": ["squeeze filter"]},
        {"sku": "PUMP", "name": "pump water filter", "price": "100.00", "aliases": ["pump filter"]},
        {"sku": "SPORK", "name": "titanium spork", "price": "10.00", "aliases": ["spork"]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "lines"), [
    ("a two thirty canister", [("FUEL", 1, "230g")]),
    ("two fuel canisters the 230s", [("FUEL", 2, "230g")]),
    ("two fuel canisters the two thirties", [("FUEL", 2, "230g")]),
    ("three of the four fifties", [("FUEL", 3, "450g")]),
    ("the canister stove plus a two thirty canister to go with it", [("STOVE", 1, ""), ("FUEL", 1, "230g")]),
    ("a couple of the little hundred gram canisters", [("FUEL", 2, "100g")]),
    ("a canister stove and two of the hundred gram canisters", [("STOVE", 1, ""), ("FUEL", 2, "100g")]),
])
def test_a_measure_said_as_its_number_alone(chat: Chat, said: str, lines: list[tuple[str, int, str]]) -> None:
    chat.say(said)
    assert [(sku, qty, opts.get("size", "")) for sku, qty, opts in chat.lines] == lines


@pytest.mark.parametrize("said", ["a four fifty of the winter blend and a two thirty regular",
                                  "a four fifty of the winter blend and a two thirty regular please"])
def test_two_measures_each_with_its_blend(chat: Chat, said: str) -> None:
    chat.say(said)
    assert sorted((opts["size"], opts["blend"]) for _, _, opts in chat.lines) == [("230g", "standard"),
                                                                                  ("450g", "winter")]


def test_a_couple_of_the_is_a_count_not_a_two_person_tent(chat: Chat) -> None:
    chat.say("a couple of the two person tents")
    assert chat.lines == [("TENT", 2, {"capacity": "2p"})]


@pytest.mark.parametrize(("said", "size", "pack"), [
    ("can i get an eight pack of double a batteries", "AA", "8"),
    ("a four pack of triple a", "AAA", "4"),
    ("a four pack of triple a's", "AAA", "4"),
    ("batteries double a", "AA", "4"),
])
def test_letters_said_by_how_many_times(chat: Chat, said: str, size: str, pack: str) -> None:
    chat.say(said)
    assert chat.lines == [("BATTERIES", 1, {"size": size, "pack": pack})]


def test_triple_a_beside_another_item(chat: Chat) -> None:
    chat.say("a headlamp and a four pack of triple a")
    assert chat.counts == {"HEADLAMP": 1, "BATTERIES": 1}
    assert ("BATTERIES", 1, {"size": "AAA", "pack": "4"}) in chat.lines


@pytest.mark.parametrize(("said", "lines"), [
    ("a pair of trekking poles", [("POLES", 1, {})]),
    ("two pairs of light cushion socks size small", [("SOCKS", 2, {"size": "s", "cushion": "light"})]),
    ("three pairs of the merino socks size large heavy cushion and one pair medium light cushion",
     [("SOCKS", 3, {"size": "l", "cushion": "heavy"}), ("SOCKS", 1, {"size": "m", "cushion": "light"})]),
])
def test_a_pair_is_never_a_misheard_para_cord(chat: Chat, said: str, lines: list[object]) -> None:
    chat.say(said)
    assert chat.lines == lines
    assert "CORD" not in chat.counts


def test_para_cord_is_still_heard(chat: Chat) -> None:
    chat.say("some para cord the hundred foot one")
    assert chat.lines == [("CORD", 1, {"length": "100ft"})]


def test_the_hundred_foot_one_changes_the_line(chat: Chat) -> None:
    chat.say("some paracord")
    chat.say("uh the hundred foot one")
    assert chat.lines == [("CORD", 1, {"length": "100ft"})]


def test_socks_for_hiking_are_one_item(chat: Chat) -> None:
    chat.say("i need socks for hiking")
    chat.say("large")
    assert chat.lines == [("SOCKS", 1, {"size": "l", "cushion": "mid"})]


def test_a_question_after_a_hedge_is_answered_and_a_count_after_make_it_is_taken(chat: Chat) -> None:
    chat.say("large merino socks")
    reply = chat.say("uh what cushions are there")
    assert "heavy cushion" in reply.text.lower()
    chat.say("heavy then and make it two pairs")
    assert chat.lines == [("SOCKS", 2, {"size": "l", "cushion": "heavy"})]


@pytest.mark.parametrize("said", ["a down bag in long", "a long down bag", "the down bag in long please"])
def test_a_common_word_choice_after_in(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("DOWN-BAG", 1, {"length": "long"})]


def test_in_before_a_word_of_no_choice_chooses_nothing(chat: Chat) -> None:
    chat.say("a down bag in case it gets cold")
    assert chat.lines == [("DOWN-BAG", 1, {"length": "regular"})]


@pytest.mark.parametrize(("said", "changed"), [("make the down one long", "DOWN-BAG"),
                                               ("make the synthetic one long", "SYN-BAG")])
def test_the_line_said_by_a_common_word_of_its_name(chat: Chat, said: str, changed: str) -> None:
    chat.say("a down bag and a synthetic bag")
    chat.say(said)
    assert sorted(chat.lines) == sorted([(sku, 1, {"length": "long" if sku == changed else "regular"})
                                         for sku in ("DOWN-BAG", "SYN-BAG")])


@pytest.mark.parametrize(("said", "areas", "others"), [
    ("the eagle peak topo map and the cedar lakes one", ["cedar", "eagle"], {}),
    ("the eagle peak map and the cedar lakes one and a spork", ["cedar", "eagle"], {"SPORK": 1}),
    ("the eagle peak map and a spork", ["eagle"], {"SPORK": 1}),
])
def test_another_map_said_as_the_choice_one(chat: Chat, said: str, areas: list[str], others: dict[str, int]) -> None:
    chat.say(said)
    assert sorted(opts["area"] for sku, _, opts in chat.lines if sku == "MAP") == areas
    assert {sku: n for sku, n in chat.counts.items() if sku != "MAP"} == others


@pytest.mark.parametrize("said", ["a squeeze filter and actually the pump one too", "a squeeze filter and the pump one"])
def test_the_word_one_after_and_is_another_item(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.counts == {"SQUEEZE": 1, "PUMP": 1}


def test_nothing_is_placed_on_these_turns(chat: Chat) -> None:
    chat.say("a two thirty canister and a pair of trekking poles")
    chat.say("that's all")
    assert chat.counts == {"FUEL": 1, "POLES": 1}
    assert chat.session.store.orders() == []
