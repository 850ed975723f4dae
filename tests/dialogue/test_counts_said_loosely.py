"""Counts said the way terse, chatty or non-native shoppers say them: a count with its package word alone ("two
bags") for the line just ordered, a count corrected at once ("two no three"), a count said after the product and
its choices with the package or measure it comes in ("the tape blue two roll", "interior paint two gallons"),
past who it is for ("gloves for everybody, that's four pairs in large"), with the package's size after "of"
("the screws for wood two boxes of hundred"), of a product described ("two of the long french ones"), and the
count left in stock taken ("only five in stock" - "ok then all five you've got"), and one for each of a party
counted in the turn ("a lemon tart for each of us, there's four of us"). Sessions on corpus catalogs
and the bundled ones."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.dialogue.conftest import Chat

Shop = Callable[[str], Chat]


def _said(shop: Shop, catalog: str, *turns: str) -> Chat:
    chat = shop(catalog)
    for turn in turns:
        chat.say(turn)
    return chat


# --- a count with its package word alone: how many of the line just ordered ---------------------------------
@pytest.mark.parametrize(("catalog", "first", "count", "sku", "n"), [
    ("pharmacy", "cough drops cherry", "two bags", "COUGH-DROPS", 2),
    ("store", "toothpaste", "two tubes", "TOOTHPASTE", 2),
    ("hardware", "wood screws", "three boxes", "WOOD-SCREWS", 3),
])
def test_count_with_package_recounts_the_line(shop: Shop, catalog: str, first: str, count: str, sku: str,
                                              n: int) -> None:
    chat = _said(shop, catalog, first, count)
    assert [(s, q) for s, q, _ in chat.lines] == [(sku, n)]


def test_count_with_package_keeps_the_choice(shop: Shop) -> None:
    chat = _said(shop, "pharmacy", "cough drops cherry", "two bags")
    assert [(s, n, o.get("flavour")) for s, n, o in chat.lines] == [("COUGH-DROPS", 2, "cherry")]


def test_product_named_by_its_own_noun_is_no_package(shop: Shop) -> None:
    # "rolls" is the bakery's cinnamon roll, not the baguette's package
    chat = _said(shop, "bakery", "a baguette", "two rolls")
    assert chat.counts == {"BAGUETTE": 1, "CINNAMON-BUN": 2}


# --- a count corrected at once ----------------------------------------------------------------------------
@pytest.mark.parametrize(("catalog", "first", "sku"), [
    ("store", "batteries double a", "AA-BATTERIES-8-PACK"),
    ("cafe", "a latte", "LATTE"),
])
@pytest.mark.parametrize("said", ["two no three", "two sorry three", "two i mean three"])
def test_count_corrected_at_once(shop: Shop, catalog: str, first: str, sku: str, said: str) -> None:
    assert _said(shop, catalog, first, said).counts == {sku: 3}


def test_two_counts_uncorrected_change_nothing(shop: Shop) -> None:
    assert _said(shop, "cafe", "a latte", "two three").counts == {"LATTE": 1}


# --- a count after the product and its choices, with its package or measure --------------------------------
@pytest.mark.parametrize(("catalog", "said", "sku", "option"), [
    ("paintstore", "and the tape blue two roll", "TAPE", None),
    ("paintstore", "ok let's do the agreeable gray interior two gallons", "INT-PAINT", ("colour", "agreeable_gray")),
    ("chinesetakeout", "and the kids want chicken lo mein two pints", "LO-MEIN", ("protein", "chicken")),
])
def test_count_after_product_and_choices(shop: Shop, catalog: str, said: str, sku: str,
                                         option: tuple[str, str] | None) -> None:
    chat = _said(shop, catalog, said)
    assert [(s, n) for s, n, _ in chat.lines] == [(sku, 2)]
    if option is not None:
        assert chat.lines[0][2][option[0]] == option[1]


@pytest.mark.parametrize(("catalog", "said", "sku"), [
    ("cafe", "a latte two sugars", "LATTE"),  # a sugar is no package
    ("butcher", "ribeye two pounds", "RIBEYE"),  # a weight, one steak
])
def test_count_of_no_package_after_product_is_no_count(shop: Shop, catalog: str, said: str, sku: str) -> None:
    assert _said(shop, catalog, said).counts == {sku: 1}


# --- a count past who the item is for ------------------------------------------------------------------------
def test_pairs_for_everybody_in_a_size(shop: Shop) -> None:
    chat = _said(shop, "hardware", "and work gloves for everybody that's four pairs in large")
    assert chat.lines == [("WORK-GLOVES", 4, {"size": "l"})]


def test_count_of_them_for_everyone(shop: Shop) -> None:
    assert _said(shop, "chicken", "ok banana pudding for everyone then five of them").counts == {"PUDDING": 5}


def test_count_of_them_after_instead(shop: Shop) -> None:
    chat = _said(shop, "bikeshop", "ok energy bars instead ten of them peanut butter")
    assert [(s, n, o.get("flavour")) for s, n, o in chat.lines] == [("ENERGY-BAR", 10, "peanut_butter")]


# --- a count of packages with the package's size after "of" ------------------------------------------------------
@pytest.mark.parametrize("said", ["hello i need the screws for wood two boxes of hundred",
                                  "wood screws two boxes of a hundred"])
def test_boxes_of_a_size(shop: Shop, said: str) -> None:
    chat = _said(shop, "hardware", said)
    assert [(s, n, o.get("count")) for s, n, o in chat.lines] == [("WOOD-SCREWS", 2, "100")]


def test_count_of_another_product_after_of_stays_its_own(shop: Shop) -> None:
    chat = _said(shop, "hardware", "wood screws and two boxes of nails")
    assert chat.counts.get("WOOD-SCREWS") == 1


def test_count_of_containers_of_the_next_product_stays_its_own(shop: Shop) -> None:
    # chinesetakeout-long-orders-001: "chicken" is a protein the broccoli offers too, but it leads into "lo mein"
    chat = _said(shop, "chinesetakeout", "a quart of beef with broccoli two pints of chicken lo mein")
    assert [(s, n, o.get("protein"), o.get("size")) for s, n, o in chat.lines] == [
        ("BROCCOLI", 1, "beef", "quart"), ("LO-MEIN", 2, "chicken", "pint")]


# --- a count of a product described ------------------------------------------------------------------------------
def test_count_of_product_described(shop: Shop) -> None:
    chat = _said(shop, "bakery", "hi i want the braided bread the shiny one", "and two of the long french ones")
    assert chat.counts == {"CHALLAH": 1, "BAGUETTE": 2}


def test_count_of_product_described_on_another_menu(shop: Shop) -> None:
    assert _said(shop, "cafe", "two of the round blueberry ones").counts == {"BLUEBERRY-MUFFIN": 2}


# --- the count left in stock, taken ------------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["ok then all five you've got", "yes please", "ok five then"])
def test_count_left_in_stock_taken(shop: Shop, said: str) -> None:
    chat = _said(shop, "bakery", "four almond croissants", "actually make it six")
    assert "Would you like five" in chat.replies[-1].text
    chat.say(said)
    assert chat.counts == {"ALMOND-CROISSANT": 5}
    assert not chat.session.orders  # a change, nothing placed


def test_count_left_in_stock_declined(shop: Shop) -> None:
    chat = _said(shop, "bakery", "four almond croissants", "actually make it six", "no thanks")
    assert chat.counts == {"ALMOND-CROISSANT": 4}


# --- one for each of us, the party counted in the turn -------------------------------------------------------------
@pytest.mark.parametrize(("catalog", "said", "sku", "n"), [
    ("bakery", "i'll take a lemon tart for each of us there's four of us", "LEMON-TART", 4),
    ("cafe", "a blueberry muffin for each of us there are three of us", "BLUEBERRY-MUFFIN", 3),
])
def test_one_for_each_of_a_party_counted(shop: Shop, catalog: str, said: str, sku: str, n: int) -> None:
    assert _said(shop, catalog, said).counts == {sku: n}


def test_one_for_each_of_us_with_no_party_known_is_one(shop: Shop) -> None:
    assert _said(shop, "bakery", "i'll take a lemon tart for each of us").counts == {"LEMON-TART": 1}
