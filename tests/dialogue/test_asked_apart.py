"""Follow-ups whose words another reading swallowed, on a small catalog written here: a value of the choice just
asked about is not swallowed by a longer phrase of some other product that only starts before it ("it's for a
phone 15" to "which model?", where a cable's connector is called "for a phone"); a pack said with its noun in a
change of count ("make that two six packs") is the pack a line in the cart comes in, and the count is that line's;
"the twenty thousand one" is the one of that number, not 20001; and an item only asked about in a turn that orders
another ("how much is a muffin, and I'll have a latte") is not added; the price asked is said before the read-back;
a read-back said again on request can be answered yes; and an item waiting for a required choice is never dropped
unasked when the shopper says something else ("and a leash" is added and the question put again, "the leash
should be blue" changes a waiting leash, "that's all" twice keeps the leash); "make that two" to a line that is
"2 meter" already is two of it; "and two salmon" after two yellowtail nigiri is two more nigiri, salmon."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dialogue.numbers import to_digits
from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "pack": {"code": "pack", "name": "pack", "default": "6", "values": [
            {"code": "6", "name": "six pack", "aliases": ["6 pack", "pack of six"]},
            {"code": "12", "name": "twelve pack", "aliases": ["12 pack"], "price_delta": "8.00"}]},
    },
    "products": [
        {"sku": "CASE", "name": "phone case", "aliases": ["case"], "price": "25.00", "options": [
            {"code": "model", "name": "phone model", "required": True, "values": [
                {"code": "p14", "name": "phone 14"}, {"code": "p15", "name": "phone 15"},
                {"code": "p15_pro", "name": "phone 15 pro", "aliases": ["15 pro"]}]},
            {"code": "colour", "name": "colour", "default": "black", "values": [
                {"code": "black", "name": "black"}, {"code": "clear", "name": "clear"}]}]},
        {"sku": "CABLE", "name": "charging cable", "aliases": ["cable"], "price": "13.00", "options": [
            {"code": "connector", "name": "connector", "default": "usb_c", "values": [
                {"code": "usb_c", "name": "usb c"},
                {"code": "lightning", "name": "lightning", "aliases": ["for a phone", "phone"]}]}]},
        {"sku": "BANK", "name": "power bank", "price": "30.00", "options": [
            {"code": "capacity", "name": "capacity", "default": "10000", "values": [
                {"code": "10000", "name": "10000 mah", "aliases": ["10000"]},
                {"code": "20000", "name": "20000 mah", "aliases": ["20000"], "price_delta": "15.00"}]}]},
        {"sku": "MOUNT", "name": "car mount", "price": "20.00"},
        {"sku": "NIGIRI", "name": "nigiri", "price": "3.00", "options": [
            {"code": "fish", "name": "fish", "required": True, "values": [
                {"code": "tuna", "name": "tuna"}, {"code": "salmon", "name": "salmon"},
                {"code": "yellowtail", "name": "yellowtail"}]}]},
        {"sku": "SASHIMI", "name": "sashimi plate", "price": "14.00", "options": [
            {"code": "fish", "name": "fish", "default": "tuna", "values": [
                {"code": "tuna", "name": "tuna"}, {"code": "salmon", "name": "salmon"}]}]},
        {"sku": "USB", "name": "usb cable", "price": "15.00", "options": [
            {"code": "length", "name": "length", "default": "1m", "values": [
                {"code": "1m", "name": "1 meter"}, {"code": "2m", "name": "2 meter", "aliases": ["2"]}]}]},
        {"sku": "WINGS", "name": "wings", "price": "9.00", "options": [
            {"code": "count", "name": "count", "default": "6", "values": [
                {"code": "6", "name": "6 piece", "aliases": ["6"]},
                {"code": "12", "name": "12 piece", "aliases": ["12"], "price_delta": "8.00"}]}]},
        {"sku": "LAGER", "name": "house lager", "aliases": ["lager"], "price": "9.50", "options": ["pack"]},
        {"sku": "ICE", "name": "bag of ice", "aliases": ["ice"], "price": "3.50", "options": [
            {"code": "size", "name": "size", "default": "7lb", "values": [
                {"code": "7lb", "name": "7 pound", "aliases": ["small"]},
                {"code": "20lb", "name": "20 pound", "aliases": ["big"], "price_delta": "2.50"}]}]},
        {"sku": "LATTE", "name": "latte", "price": "4.75"},
        {"sku": "FOOD", "name": "dry dog food", "aliases": ["dog food"], "price": "25.00", "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "5-lb", "name": "5 lb"}, {"code": "15-lb", "name": "15 lb", "price_delta": "20.00"}]}]},
        {"sku": "LEASH", "name": "dog leash", "aliases": ["leash"], "price": "15.00", "options": [
            {"code": "colour", "name": "colour", "default": "red", "values": [
                {"code": "red", "name": "red"}, {"code": "blue", "name": "blue"}]}]},
        {"sku": "MUFFIN", "name": "muffin", "price": "3.25"},
        {"sku": "BAGEL", "name": "bagel", "price": "2.75", "options": [
            {"code": "kind", "name": "kind", "default": "plain", "values": [
                {"code": "plain", "name": "plain"}, {"code": "everything", "name": "everything"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "model"), [("it's for a phone 15", "p15"), ("for a phone 14 please", "p14"),
                                             ("it is for a phone 15 pro", "p15_pro")])
def test_the_value_asked_about_is_not_swallowed(chat: Chat, said: str, model: str) -> None:
    chat.say("i need a phone case")
    chat.say(said)
    assert chat.lines == [("CASE", 1, {"model": model, "colour": "black"})]


def test_the_longer_phrase_still_names_its_product_when_nothing_is_asked(chat: Chat) -> None:
    chat.say("a charging cable for a phone")
    assert chat.lines == [("CABLE", 1, {"connector": "lightning"})]


@pytest.mark.parametrize("said", ["actually make that two six packs", "make it two six packs"])
def test_a_pack_said_in_a_change_of_count_is_the_lines_pack(chat: Chat, said: str) -> None:
    chat.say("a six pack of lager and a bag of ice")
    chat.say(said)
    assert sorted(chat.lines) == [("ICE", 1, {"size": "7lb"}), ("LAGER", 2, {"pack": "6"})]


def test_a_bare_number_to_the_last_line_is_still_its_count(chat: Chat) -> None:
    chat.say("a six pack of lager and a bag of ice")
    chat.say("make it two")
    assert sorted(chat.lines) == [("ICE", 2, {"size": "7lb"}), ("LAGER", 1, {"pack": "6"})]


@pytest.mark.parametrize("said", ["make the power bank the twenty thousand one", "the twenty thousand one"])
def test_the_one_of_a_round_number(chat: Chat, said: str) -> None:
    chat.say("a power bank and a car mount")
    chat.say(said)
    assert sorted(chat.lines) == [("BANK", 1, {"capacity": "20000"}), ("MOUNT", 1, {})]


@pytest.mark.parametrize(("words", "digits"), [
    ("the twenty thousand one", ["the", "20000", "1"]),
    ("that five hundred one", ["that", "500", "1"]),
    ("a hundred and one", ["101"]),
    ("twenty thousand one hundred", ["20100"]),
    ("room five hundred one", ["room", "501"]),
])
def test_numbers_read_around_a_pointing_one(words: str, digits: list[str]) -> None:
    assert to_digits(words.split()) == digits


@pytest.mark.parametrize(("said", "lines"), [
    ("how much is a muffin and i'll have a latte", [("LATTE", 1, {})]),
    ("is the bagel fresh? i'll take two everything bagels", [("BAGEL", 2, {"kind": "everything"})]),
    ("how much is a bagel and i'll have two everything bagels", [("BAGEL", 2, {"kind": "everything"})]),
    ("how much is a bagel and i'll have two", [("BAGEL", 2, {"kind": "plain"})]),
    ("a latte and a muffin please", [("LATTE", 1, {}), ("MUFFIN", 1, {})]),
])
def test_an_item_only_asked_about_is_not_added(chat: Chat, said: str,
                                               lines: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert sorted(chat.lines) == lines


@pytest.mark.parametrize(("said", "price"), [("how much is a muffin and i'll have a latte", "three twenty five"),
                                             ("how much is the muffin? i'll take a latte please", "three twenty five")])
def test_the_price_asked_is_said_with_the_order(chat: Chat, said: str, price: str) -> None:
    reply = chat.say(said)
    assert chat.lines == [("LATTE", 1, {})]
    assert reply.text.startswith(f"A muffin is {price}.")


@pytest.mark.parametrize("again", ["sorry can you say that again", "come again", "what did you say"])
def test_a_yes_after_the_read_back_is_said_again_places(chat: Chat, again: str) -> None:
    chat.say("a latte and a muffin")
    chat.say("that's all")
    chat.say(again)
    chat.say(again)
    assert not chat.session.orders
    chat.say("yes")
    assert len(chat.session.orders) == 1 and not chat.lines


def test_a_repeat_keeps_an_offer_open(chat: Chat) -> None:
    chat.say("how much is a muffin")
    chat.say("sorry say that again")
    chat.say("yes please")
    assert chat.lines == [("MUFFIN", 1, {})]


def test_a_yes_after_a_repeat_of_a_change_does_not_place_a_changed_cart(chat: Chat) -> None:
    chat.say("a latte")
    chat.say("that's all")
    chat.say("and a muffin")
    chat.say("say that again")
    chat.say("yes")
    assert len(chat.session.orders) == 1 and len(chat.session.orders[0].lines) == 2 and not chat.lines


@pytest.mark.parametrize("said", ["a 15 pound bag of dry dog food", "15 pounds of dog food", "dog food the 15 lbs"])
def test_a_measure_said_in_another_unit_word(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("FOOD", 1, {"size": "15-lb"})]


def test_an_item_said_while_another_waits_is_added_and_the_question_put_again(chat: Chat) -> None:
    reply = chat.say("some dry dog food")
    assert "5 lb or 15 lb" in reply.text
    reply = chat.say("and a blue dog leash")
    assert "5 lb or 15 lb" in reply.text and chat.lines == [("LEASH", 1, {"colour": "blue"})]
    chat.say("the 15 lb")
    assert sorted(chat.lines) == [("FOOD", 1, {"size": "15-lb"}), ("LEASH", 1, {"colour": "blue"})]


def test_a_change_of_an_item_said_with_the_waiting_one(chat: Chat) -> None:
    chat.say("dry dog food and a red leash")
    chat.say("that's all")
    chat.say("no sorry the leash should be blue")
    chat.say("5 lb")
    assert sorted(chat.lines) == [("FOOD", 1, {"size": "5-lb"}), ("LEASH", 1, {"colour": "blue"})]


def test_giving_up_on_the_waiting_item_keeps_the_others(chat: Chat) -> None:
    chat.say("dry dog food and a red leash")
    chat.say("that's all")
    chat.say("that's all")
    assert chat.lines == [("LEASH", 1, {"colour": "red"})]
    chat.say("yes")
    assert len(chat.session.orders) == 1


@pytest.mark.parametrize("said", ["actually make that two", "make it two please"])
def test_a_number_the_line_has_as_its_choice_is_a_count(chat: Chat, said: str) -> None:
    chat.say("a usb cable two meter")
    chat.say(said)
    assert chat.lines == [("USB", 2, {"length": "2m"})]


def test_a_number_that_changes_the_lines_choice_is_still_the_choice(chat: Chat) -> None:
    chat.say("an order of wings")
    chat.say("make it twelve")
    assert chat.lines == [("WINGS", 1, {"count": "12"})]


def test_a_package_before_of_and_a_product_is_the_package(tmp_path: Path) -> None:
    shop = {**_SHOP, "products": [*_SHOP["products"],  # type: ignore[misc]
                                  {"sku": "BOX", "name": "storage box", "aliases": ["box", "boxes"], "price": "8.00"},
                                  {"sku": "FLAKES", "name": "corn flakes", "price": "4.00"}]}
    for chat in chat_of(tmp_path, shop):
        chat.say("two boxes of corn flakes")
        chat.say("and two boxes")
        assert sorted(chat.lines) == [("BOX", 2, {}), ("FLAKES", 2, {})]


@pytest.mark.parametrize("said", ["and two salmon", "and two salmon please", "um and three tuna"])
def test_and_a_count_and_a_choice_is_more_like_the_line(chat: Chat, said: str) -> None:
    chat.say("two pieces of the yellowtail nigiri")
    chat.say(said)
    n, fish = (3, "tuna") if "tuna" in said else (2, "salmon")
    assert chat.lines == [("NIGIRI", 2, {"fish": "yellowtail"}), ("NIGIRI", n, {"fish": fish})]


def test_make_it_a_count_and_a_choice_still_changes_the_line(chat: Chat) -> None:
    chat.say("two pieces of the yellowtail nigiri")
    chat.say("make it two salmon")
    assert chat.lines == [("NIGIRI", 2, {"fish": "salmon"})]
