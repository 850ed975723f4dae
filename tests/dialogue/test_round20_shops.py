"""Round-20 shops' first-run misses: goods sold by the pair ("a pair of oxfords" is one pair, "two pairs of laces"
two of them, "and a pair of grey ones", "another pair in nude"), while "a pair of bagels" stays two bagels; and a
plain English word of an occasion ("for the party") never fuzzily a product ("pasty", "patty"). Sessions on corpus
catalogs and on ones written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_SIZES = {"code": "size", "name": "size", "required": True,
          "values": [{"code": "s", "name": "small"}, {"code": "m", "name": "medium"}, {"code": "l", "name": "large"}]}

# A clothing and outdoor shop written here: singular names, the pair said by the category or the head noun.
_OUTFITTER = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "SKI-GLOVE", "name": "ski glove", "price": "30.00", "category": "winter wear",
         "aliases": ["ski gloves"], "options": [_SIZES]},
        {"sku": "HIKER", "name": "trail walker", "price": "90.00", "category": "boots",
         "aliases": ["trail walkers"], "options": [_SIZES]},
        {"sku": "BEANIE", "name": "beanie", "price": "15.00", "category": "winter wear", "aliases": ["beanies"]},
        {"sku": "PATTY", "name": "veggie patty", "price": "6.00", "aliases": ["patty"],
         "options": [{"code": "kind", "name": "kind", "required": True,
                      "values": [{"code": "bean", "name": "bean"}, {"code": "lentil", "name": "lentil"}]}]},
    ],
}


@pytest.fixture
def shoestore(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("shoestore"))


@pytest.fixture
def bagels(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("bagels"))


@pytest.fixture
def pieshop(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("pieshop"))


@pytest.fixture
def outfitter(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _OUTFITTER)


def _counts(chat: Chat) -> dict[str, int]:
    out: dict[str, int] = {}
    for sku, n, _ in chat.lines:
        out[sku] = out.get(sku, 0) + n
    return out


# --- goods sold by the pair ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("said", "sku", "count"), [
    ("a pair of women's running shoes size seven and a half in pink", "WOMENS-RUNNER", 1),
    ("two pairs of brown laces 45 inch", "LACES", 2),
    ("three pairs of round laces white 54 inch", "LACES", 3),
    ("a pair of gel insoles", "INSOLES", 1),
    ("a pair of rubber boots green size 7", "RAIN-BOOT", 1),
])
def test_a_pair_of_goods_sold_by_the_pair(shoestore: Chat, said: str, sku: str, count: int) -> None:
    shoestore.say(said)
    assert _counts(shoestore) == {sku: count}


def test_a_pair_of_ones(shoestore: Chat) -> None:
    shoestore.say("a pair of navy dress socks and a pair of grey ones")
    assert sorted((n, o["colour"]) for _, n, o in shoestore.lines) == [(1, "grey"), (1, "navy")]


def test_another_pair_is_another_of_the_line(shoestore: Chat) -> None:
    shoestore.say("flats size 9 wide in red and another pair in nude also size 9 wide")
    assert sorted((sku, n, o["colour"]) for sku, n, o in shoestore.lines) == [
        ("WOMENS-FLAT", 1, "nude"), ("WOMENS-FLAT", 1, "red")]


@pytest.mark.parametrize(("said", "sku", "count"), [
    ("a pair of ski gloves medium", "SKI-GLOVE", 1),
    ("two pairs of ski gloves large", "SKI-GLOVE", 2),
    ("a pair of trail walkers in small", "HIKER", 1),
])
def test_pair_read_off_the_name_or_category(outfitter: Chat, said: str, sku: str, count: int) -> None:
    outfitter.say(said)
    assert _counts(outfitter) == {sku: count}


@pytest.mark.parametrize(("said", "count"), [("a pair of plain bagels", 2), ("two pairs of sesame bagels", 4)])
def test_pair_of_goods_sold_singly_is_two_each(bagels: Chat, said: str, count: int) -> None:
    bagels.say(said)
    assert _counts(bagels) == {"BAGEL": count}


def test_pair_of_beanies_is_two(outfitter: Chat) -> None:
    outfitter.say("a pair of beanies")  # (a beanie is no pair: two of them)
    assert _counts(outfitter) == {"BEANIE": 2}


# --- an occasion word is no misheard product ----------------------------------------------------------------
def test_for_the_party_is_no_pasty(pieshop: Chat) -> None:
    pieshop.say("a whole french silk pie and a whole key lime pie for the party")
    assert _counts(pieshop) == {"FRENCH-SILK": 1, "KEY-LIME": 1}
    assert "pasty" not in pieshop.replies[-1].text


def test_for_the_party_is_no_patty(outfitter: Chat) -> None:
    outfitter.say("two beanies for the party")
    assert _counts(outfitter) == {"BEANIE": 2}
    assert "patty" not in outfitter.replies[-1].text


def test_a_patty_still_heard(outfitter: Chat) -> None:
    outfitter.say("a bean pattie")
    assert _counts(outfitter) == {"PATTY": 1}


# --- a choice said after its product by the first word of its name ------------------------------------------
def test_choice_by_first_word_after_the_product(pieshop: Chat) -> None:
    pieshop.say("a spinach and feta quiche whole")
    assert pieshop.lines == [("QUICHE", 1, {"filling": "spinach_feta", "size": "whole", "temp": "warm"})]


def test_a_plain_word_after_a_product_is_no_choice(pieshop: Chat) -> None:
    pieshop.say("a spinach and feta quiche")
    assert pieshop.lines[0][2]["size"] == "slice"
