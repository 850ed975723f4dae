"""Counts said about things already in the conversation: "too many dumplings, take off four" (four of the line
the complaint names, not a removal asked about), "all six" said to "we have six left" (the count, even where a
product's name holds the number "6"), and "a cheese quesadilla so two of those" (the count of the item said just
before it). Sessions on corpus catalogs, the bundled ones and one written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_BOXES = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BOX4", "name": "four donut box", "price": "8.00", "stock": 20,
         "aliases": ["4 donuts box", "box of 4"]},
        {"sku": "ECLAIR", "name": "eclair", "price": "3.00", "stock": 4, "aliases": ["eclairs"]},
        {"sku": "TART", "name": "fruit tart", "price": "4.00", "stock": 30, "aliases": ["tarts", "fruit tarts"]},
    ],
}


def _chat(tmp_path: Path, catalog: str) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog(catalog))


@pytest.fixture
def dimsum(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "dimsum")


@pytest.fixture
def bagels(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "bagels")


@pytest.fixture
def taqueria(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "taqueria")


@pytest.fixture
def boxes(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _BOXES)


def _counts(chat: Chat) -> dict[str, int]:
    out: dict[str, int] = {}
    for sku, n, _ in chat.lines:
        out[sku] = out.get(sku, 0) + n
    return out


# --- a removal's count after the verb, the line named before it -------------------------------------------
@pytest.mark.parametrize("said", ["hmm that's too many dumplings take off four",
                                  "that's too many dumplings, take off four"])
def test_count_taken_off_the_line_named_before(dimsum: Chat, said: str) -> None:
    dimsum.say("hi i'd like twelve pork and chive dumplings pan fried")
    dimsum.say("and a beef chow fun")
    dimsum.say(said)
    assert _counts(dimsum) == {"PORK-DUMPLING": 8, "CHOW-FUN": 1}


@pytest.mark.parametrize("said", ["too many tarts, remove two", "that's too many fruit tarts take off two"])
def test_count_taken_off_elsewhere(boxes: Chat, said: str) -> None:
    boxes.say("five fruit tarts")
    boxes.say("and a four donut box")
    boxes.say(said)
    assert _counts(boxes) == {"TART": 3, "BOX4": 1}


def test_named_product_not_in_the_cart_is_no_target(boxes: Chat) -> None:
    boxes.say("five fruit tarts")
    boxes.say("too many eclairs take off two")
    assert _counts(boxes)["TART"] == 5  # (no line of eclairs to take two off: the tarts stay as they are)


# --- "all six" to "we have six left" ----------------------------------------------------------------------
@pytest.mark.parametrize("said", ["ok give me all six", "i'll take all six", "all six"])
def test_all_of_those_left_is_the_count(bagels: Chat, said: str) -> None:
    bagels.say("how many black and white cookies do you have")
    bagels.say(said)
    assert _counts(bagels) == {"BLACK-WHITE": 6}


def test_all_left_then_changed(bagels: Chat) -> None:
    bagels.say("how many black and white cookies do you have")
    bagels.say("ok give me all six")
    bagels.say("hmm that's a lot make it four")
    assert _counts(bagels) == {"BLACK-WHITE": 4}


def test_all_left_elsewhere(boxes: Chat) -> None:
    boxes.say("how many eclairs do you have")
    boxes.say("ok all 4")
    assert _counts(boxes) == {"ECLAIR": 4}


def test_the_number_without_a_stock_answer_is_read_as_ever(bagels: Chat) -> None:
    bagels.say("how many black and white cookies do you have")
    bagels.say("and a dozen bagels assorted")
    bagels.say("ok give me all six")
    assert "BLACK-WHITE" not in _counts(bagels)


# --- "X so two of those" ------------------------------------------------------------------------------------
def test_so_two_of_those(taqueria: Chat) -> None:
    taqueria.say("i'll have a chicken burrito with black beans")
    taqueria.say("and the kids each want a cheese quesadilla so two of those")
    assert _counts(taqueria) == {"BURRITO": 1, "QUESADILLA": 2}


def test_so_three_of_those_elsewhere(boxes: Chat) -> None:
    boxes.say("a fruit tart so three of those")
    assert _counts(boxes) == {"TART": 3}


def test_so_without_of_those_is_no_count_of_the_item_before(boxes: Chat) -> None:
    boxes.say("a fruit tart so two eclairs")
    assert _counts(boxes) == {"TART": 1, "ECLAIR": 2}


# --- "just one deck": a choice the line already has, said as one of the product ------------------------------
_CARDS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "CARDS", "name": "playing cards", "price": "5.00", "stock": 30, "aliases": ["deck of cards", "decks of cards"],
         "options": [{"code": "decks", "name": "decks", "default": "single", "values": [
             {"code": "single", "name": "single deck", "aliases": ["one deck"]},
             {"code": "double", "name": "two deck set", "aliases": ["two decks"], "price_delta": "3.00"}]}]},
        {"sku": "TEA", "name": "tea", "price": "3.00", "stock": 30, "aliases": ["teas"],
         "options": [{"code": "bags", "name": "bags", "default": "one", "values": [
             {"code": "one", "name": "single bag", "aliases": ["one bag"]},
             {"code": "two", "name": "double bag", "aliases": ["two bags"], "price_delta": "0.50"}]}]},
    ],
}


@pytest.fixture
def cards(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _CARDS)


@pytest.mark.parametrize("said", ["oh wait just one deck", "actually one deck", "one deck"])
def test_one_deck_is_the_count(cards: Chat, said: str) -> None:
    cards.say("two decks of cards")
    cards.say(said)
    assert cards.lines == [("CARDS", 1, {"decks": "single"})]


def test_one_deck_on_the_toystore(tmp_path: Path) -> None:
    for chat in _chat(tmp_path, "toystore"):
        chat.say("and two decks of cards blue")
        chat.say("oh wait just one deck")
        assert _counts(chat) == {"PLAYING-CARDS": 1}


def test_a_choice_not_naming_the_product_stays_a_choice(cards: Chat) -> None:
    cards.say("two teas")
    cards.say("make them one bag")  # a bag is no tea: the teas' choice, not one tea
    assert _counts(cards) == {"TEA": 2}


# --- "four bowls of lentil soup": a product's name counted as the container of a product that offers it ---------
_BOWLS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "GRAIN-BOWL", "name": "bowl", "price": "11.00", "stock": 40, "aliases": ["grain bowl", "bowls"]},
        {"sku": "CHILI", "name": "chili", "price": "4.00", "stock": 40, "options": [
            {"code": "size", "name": "size", "default": "cup", "values": [
                {"code": "cup", "name": "cup"}, {"code": "bowl", "name": "bowl", "price_delta": "2.00"}]}]},
    ],
}


@pytest.fixture
def bowls(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _BOWLS)


def test_bowls_of_lentil_soup(tmp_path: Path) -> None:
    for chat in _chat(tmp_path, "falafel"):
        chat.say("four bowls of lentil soup")
        assert chat.lines == [("LENTIL-SOUP", 4, {"size": "bowl"})]


@pytest.mark.parametrize("said, n", [("two bowls of chili", 2), ("a bowl of the chili", 1), ("three bowls of chili please", 3)])
def test_bowls_of_chili(bowls: Chat, said: str, n: int) -> None:
    bowls.say(said)
    assert bowls.lines == [("CHILI", n, {"size": "bowl"})]


def test_bowls_and_a_chili_are_two_products(bowls: Chat) -> None:
    bowls.say("two bowls and a chili")
    assert sorted(_counts(bowls).items()) == [("CHILI", 1), ("GRAIN-BOWL", 2)]
