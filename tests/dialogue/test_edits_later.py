"""Changes said later to a line already in the cart: a choice said with the one it replaces ("oat please, not the
soy"), a count that is the product's own choice said after its name ("make the roses two dozen", "the double a's
the eight pack"), the line meant told by the choice it has ("the kids medicine, the cherry one not grape"), a yes
to an offer of a product already ordered ("how much is the roller" - "ok and two brushes": no second roller), the
reason told with a change ("make it six shirts, I found another one"), the thing a service works on ("hemming
on one pair of pants": the hemming's garment, not more pants), and a holder the line offers ("can the tulips come in a
vase": the bunch's vase, not a vase of its own)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.sqlite_store import SQLiteStore
from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "TEA", "name": "milk tea", "price": "5.00", "options": [
            {"code": "milk", "name": "milk", "default": "dairy", "amounts": True, "values": [
                {"code": "dairy", "name": "dairy milk", "aliases": ["dairy"]},
                {"code": "oat", "name": "oat milk", "aliases": ["oat"]},
                {"code": "soy", "name": "soy milk", "aliases": ["soy"]}]}]},
        {"sku": "WINGS", "name": "wings", "price": "9.00", "aliases": ["wing", "chicken wings"], "options": [
            {"code": "count", "name": "count", "default": "12", "values": [
                {"code": "6", "name": "half dozen", "aliases": ["6 wings", "6 piece"]},
                {"code": "12", "name": "one dozen", "aliases": ["dozen", "12 wings", "12 piece"]},
                {"code": "24", "name": "two dozen", "aliases": ["24 wings", "24 piece"], "price_delta": "8.00"}]},
            {"code": "sauce", "name": "sauce", "default": "mild", "values": [
                {"code": "mild", "name": "mild"}, {"code": "hot", "name": "hot"}]}]},
        {"sku": "COOKIE", "name": "cookie", "price": "2.00", "aliases": ["cookies"]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.fixture
def pharmacy(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("pharmacy"))


@pytest.fixture
def drycleaner(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("drycleaner"))


# --- a choice said with the one it replaces ----------------------------------------------------------------------

@pytest.mark.parametrize("said", ["oat please not the soy", "oat milk please, not the soy", "not the soy, oat"])
def test_choice_said_with_the_one_it_replaces(chat: Chat, said: str) -> None:
    chat.say("a milk tea with soy")
    chat.say(said)
    assert chat.lines == [("TEA", 1, {"milk": "oat"})]


def test_not_the_product_still_takes_it_off(chat: Chat) -> None:
    chat.say("a milk tea and a cookie")
    chat.say("not the cookie")
    assert chat.lines == [("TEA", 1, {"milk": "dairy"})]


def test_not_the_choice_alone_takes_it_off(chat: Chat) -> None:
    chat.say("a milk tea with soy")
    chat.say("not the soy")
    assert [ln[:2] for ln in chat.lines] == [("TEA", 1)]
    assert ("milk", "soy", "regular") not in {(o.group, o.value, o.amount) for o in chat.session.cart.lines[0].options}


# --- a count said after the name that is the product's own choice ------------------------------------------------

def test_count_after_the_name_is_the_choice(chat: Chat) -> None:
    chat.say("a dozen hot wings")
    chat.say("actually make the wings two dozen")
    assert chat.lines == [("WINGS", 1, {"count": "24", "sauce": "hot"})]


def test_count_after_the_name_without_such_a_choice_stays_a_count(chat: Chat) -> None:
    chat.say("a cookie")
    chat.say("actually make the cookies a dozen")
    assert chat.lines == [("COOKIE", 12, {})]


def test_pack_said_after_a_name_ending_in_as(shop_hardware: Chat) -> None:
    shop_hardware.say("a four pack of triple a batteries")
    shop_hardware.say("and a tape measure")
    shop_hardware.say("actually make the triple a's the eight pack")
    assert ("AAA-BATTERIES", 1, {"pack": "8"}) in shop_hardware.lines


@pytest.fixture
def shop_hardware(tmp_path: Path) -> Iterator[Chat]:
    from catalog.bundled import BUNDLED, bundled_path, open_store
    if "hardware" not in BUNDLED or not bundled_path("hardware").exists():
        pytest.skip("bundled hardware catalog is not there")
    store: SQLiteStore = open_store(tmp_path / "hardware.sqlite3", catalog="hardware", tax_rate_bp=825)
    try:
        yield Chat(store)
    finally:
        store.close()


# --- the line meant, told by the choice it has -------------------------------------------------------------------

def test_line_told_by_the_choice_it_has(pharmacy: Chat) -> None:
    pharmacy.say("children's acetaminophen grape")
    pharmacy.say("and cold and flu the night time")
    pharmacy.say("oh the kids medicine should be cherry not grape")
    flavours = {sku: opts.get("flavour") for sku, _, opts in pharmacy.lines}
    assert flavours["KIDS-ACETAMINOPHEN"] == "cherry"
    assert len(pharmacy.lines) == 2


def test_no_line_has_the_choice_said_not_to_be(pharmacy: Chat) -> None:
    pharmacy.say("children's acetaminophen grape")
    pharmacy.say("and cold and flu the night time")
    pharmacy.say("make the cold and flu cherry not bubblegum")
    flavours = {sku: opts.get("flavour") for sku, _, opts in pharmacy.lines}
    assert flavours["KIDS-ACETAMINOPHEN"] == "grape"


# --- a yes to an offer of a product already ordered --------------------------------------------------------------

def test_ok_and_more_after_the_price_of_a_line_held(chat: Chat) -> None:
    chat.say("two milk teas")
    chat.say("how much is the milk tea")
    chat.say("ok and a cookie")
    assert sorted(chat.lines, key=str) == sorted([("TEA", 2, {"milk": "dairy"}), ("COOKIE", 1, {})], key=str)


def test_yes_and_more_to_an_offer_not_held_takes_both(chat: Chat) -> None:
    chat.say("a cookie")
    chat.say("how much is the milk tea")
    chat.say("yes and another cookie")
    assert ("TEA", 1, {"milk": "dairy"}) in chat.lines


# --- the reason told with a change -------------------------------------------------------------------------------

def test_reason_told_after_the_change(chat: Chat) -> None:
    chat.say("two milk teas")
    chat.say("actually make it three milk teas i found out my sister is coming")
    assert chat.lines == [("TEA", 3, {"milk": "dairy"})]


def test_reason_told_before_the_change(chat: Chat) -> None:
    chat.say("three cookies and a milk tea")
    chat.say("one of the cookies was for my son and he changed his mind so just two cookies")
    assert sorted(chat.lines, key=str) == sorted([("COOKIE", 2, {}), ("TEA", 1, {"milk": "dairy"})], key=str)


@pytest.mark.parametrize("said", ["oh i forgot a cookie", "i just remembered, a cookie too", "and i forgot the cookie"])
def test_forgot_or_remembered_opens_an_order(chat: Chat, said: str) -> None:
    chat.say("two milk teas")
    chat.say(said)
    assert sorted(chat.lines, key=str) == sorted([("COOKIE", 1, {}), ("TEA", 2, {"milk": "dairy"})], key=str)


def test_changed_my_mind_about_still_takes_it_off(chat: Chat) -> None:
    chat.say("a milk tea and a cookie")
    chat.say("i changed my mind about the cookie")
    assert chat.lines == [("TEA", 1, {"milk": "dairy"})]


# --- the thing a service works on --------------------------------------------------------------------------------

def test_service_on_one_pair_of_its_garment(drycleaner: Chat) -> None:
    drycleaner.say("two pairs of pants")
    drycleaner.say("and hemming on one pair of slacks with cuffs")
    skus = [(sku, n) for sku, n, _ in drycleaner.lines]
    assert skus == [("PANTS", 2), ("HEM", 1)]
    assert drycleaner.lines[1][2]["style"] == "cuffed"


def test_pairs_of_pants_still_pants(drycleaner: Chat) -> None:
    drycleaner.say("a hemming")
    drycleaner.say("and two pairs of pants")
    assert [(sku, n) for sku, n, _ in drycleaner.lines] == [("HEM", 1), ("PANTS", 2)]


# --- a choice said after a holding word, that is also a product ----------------------------------------------------

@pytest.fixture
def florist(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("florist"))


def test_line_to_come_in_a_holder_it_offers(florist: Chat) -> None:
    florist.say("a bunch of tulips in yellow")
    florist.say("can the tulips come in a vase")
    assert [(sku, n) for sku, n, _ in florist.lines] == [("TULIPS", 1)]
    assert florist.session.cart.lines[0].options[-1].value == "vase"


def test_the_holder_as_a_product_of_its_own(florist: Chat) -> None:
    florist.say("a bunch of tulips in yellow")
    florist.say("and a vase")
    assert [sku for sku, _, _ in florist.lines] == ["TULIPS", "VASE"]
