"""A follow-up that refines the line just ordered changes that line instead of adding a product: "a 22 inch
invisible one" to a zipper ("one" stands for the product just ordered), "a half yard" to a quilting cotton and
"and wheat toast and bacon" to a two egg breakfast (values the line offers go to it before any other product is
searched; a side stays a side when the line does not offer the value or already has that choice), "make the blush
three yards" (yards are the line's unit: three is its count) and "fifty of them double sided" to a line of one
("N of them", more than the line holds, is its count). Sessions on corpus catalogs and the bundled cafe (``chat``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of, corpus_catalog


def _chat(tmp_path: Path, catalog: str) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog(catalog))


@pytest.fixture
def fabric(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "fabricstore")


@pytest.fixture
def diner(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "diner")


@pytest.fixture
def burgers(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "burgerjoint")


@pytest.fixture
def printshop(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "printshop")


def _lines(chat: Chat) -> list[tuple[str, int, dict[str, str]]]:
    return chat.lines


# --- "one" standing for the product just ordered --------------------------------------------------------------
def test_one_made_so_refines_the_line_just_ordered(fabric: Chat) -> None:
    fabric.say("i need a zipper for a dress")
    fabric.say("a 22 inch invisible one")
    [(sku, n, opts)] = _lines(fabric)
    assert (sku, n, opts["length"], opts["type"]) == ("ZIPPER", 1, "22in", "invisible")


# --- a value the line just ordered offers goes to it ----------------------------------------------------------
def test_value_said_as_an_item_goes_to_the_line(fabric: Chat) -> None:
    fabric.say("some quilting cotton please")
    fabric.say("the floral")
    fabric.say("a half yard")
    [(sku, n, opts)] = _lines(fabric)
    assert (sku, n, opts["colour"], opts["cut"]) == ("QUILT-COTTON", 1, "floral", "half_yard")


def test_value_said_as_an_item_other_product(fabric: Chat) -> None:
    fabric.say("some linen please")
    fabric.say("a quarter yard")
    [(sku, n, opts)] = _lines(fabric)
    assert (sku, n, opts["cut"]) == ("LINEN", 1, "quarter_yard")


def test_sides_the_breakfast_offers_are_its_choices(diner: Chat) -> None:
    diner.say("can i get the two eggs")
    diner.say("uh scrambled")
    diner.say("and wheat toast and bacon")
    [(sku, n, opts)] = _lines(diner)
    assert (sku, n, opts["toast"], opts["meat"]) == ("TWO-EGGS", 1, "wheat", "bacon")


def test_side_of_a_breakfast_said_at_once(diner: Chat) -> None:
    diner.say("the two eggs over easy")
    diner.say("and rye toast")
    [(sku, _, opts)] = _lines(diner)
    assert (sku, opts["toast"]) == ("TWO-EGGS", "rye")


# --- negatives: a side stays a side -----------------------------------------------------------------------------
def test_side_stays_a_side_when_the_choice_is_made(diner: Chat) -> None:
    diner.say("the two eggs over easy with rye toast")
    diner.say("and wheat toast")
    assert [(sku, opts.get("toast")) for sku, _, opts in _lines(diner)] == [("TWO-EGGS", "rye"), ("SIDE-TOAST", "wheat")]


def test_side_stays_a_side_when_the_line_does_not_offer_it(diner: Chat) -> None:
    diner.say("a short stack")
    diner.say("and bacon")
    assert [sku for sku, _, _ in _lines(diner)] == ["PANCAKES", "SIDE-BACON"]


def test_product_not_offered_by_the_line_is_added(burgers: Chat) -> None:
    burgers.say("a burger")
    burgers.say("and fries")
    assert [sku for sku, _, _ in _lines(burgers)] == ["HAMBURGER", "FRIES"]


def test_chosen_colour_keeps_a_second_cut_apart(fabric: Chat) -> None:
    fabric.say("two yards of blush pink cotton")
    fabric.say("oh and a fat quarter of the stripe too")
    assert [(n, opts["colour"], opts["cut"]) for _, n, opts in _lines(fabric)] == [
        (2, "blush", "yard"), (1, "stripe", "fat_quarter")]


def test_line_named_with_the_is_changed_not_refined(chat: Chat) -> None:
    chat.say("a mocha and a latte")
    chat.say("change the milk on the mocha to oat")
    assert [(sku, opts.get("milk"), opts.get("syrup")) for sku, _, opts in _lines(chat)] == [
        ("MOCHA", "oat", None), ("LATTE", "whole", None)]


# --- the line's unit and "N of them" as its count -------------------------------------------------------------
def test_count_in_the_lines_unit(fabric: Chat) -> None:
    fabric.say("two yards of blush pink cotton")
    fabric.say("oh and a fat quarter of the stripe too")
    fabric.say("actually make the blush three yards")
    assert [(n, opts["colour"]) for _, n, opts in _lines(fabric)] == [(3, "blush"), (1, "stripe")]


def test_count_in_the_lines_unit_other_line(fabric: Chat) -> None:
    fabric.say("a yard of navy linen")
    fabric.say("and a yard of white flannel")
    fabric.say("make the linen four yards")
    assert [(sku, n) for sku, n, _ in _lines(fabric)] == [("LINEN", 4), ("FLANNEL", 1)]


def test_n_of_them_sets_the_count_of_a_line_of_one(printshop: Chat) -> None:
    printshop.say("hi i need some copies black and white")
    printshop.say("fifty of them double sided")
    [(sku, n, opts)] = _lines(printshop)
    assert (sku, n, opts["sides"]) == ("BW-COPY", 50, "double")


def test_n_of_them_other_catalog(chat: Chat) -> None:
    chat.say("a cookie")
    chat.say("six of them warmed")
    [(sku, n, _)] = _lines(chat)
    assert (sku, n) == ("COOKIE", 6)


def test_one_of_them_is_still_a_part(chat: Chat) -> None:
    chat.say("two lattes")
    chat.say("one of them iced")
    assert sorted((n, opts["temperature"]) for _, n, opts in _lines(chat)) == [(1, "hot"), (1, "iced")]


# --- a product's own word said as a verb, then how many of it ---------------------------------------------------
@pytest.fixture
def bikes(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "bikeshop")


@pytest.fixture
def cleaner(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "drycleaner")


def test_verb_then_counted_name_is_one_item(printshop: Chat) -> None:
    printshop.say("laminate one sheet legal size")
    assert [(sku, n, opts["size"]) for sku, n, opts in _lines(printshop)] == [("LAMINATION", 1, "legal")]


def test_verb_then_counted_name_other_catalog(cleaner: Chat) -> None:
    cleaner.say("hem 2 hems please")
    assert [(sku, n) for sku, n, _ in _lines(cleaner)] == [("HEM", 2)]


def test_counted_name_said_twice_with_articles_stays_two(chat: Chat) -> None:
    chat.say("a muffin 2 muffins")
    assert sum(n for _, n, _ in _lines(chat)) == 3


# --- the story told before a first order orders nothing --------------------------------------------------------
def test_reason_before_the_first_order(bikes: Chat) -> None:
    bikes.say("hi i got a flat i need a tube")
    bikes.say("700c")
    assert [sku for sku, _, _ in _lines(bikes)] == ["TUBE"]


def test_reason_before_the_first_order_other_catalog(chat: Chat) -> None:
    chat.say("i got a muffin here yesterday, can i get a latte")
    assert [sku for sku, _, _ in _lines(chat)] == ["LATTE"]


def test_story_alone_is_read_as_said(bikes: Chat) -> None:
    bikes.say("i got a flat")
    assert [sku for sku, _, _ in _lines(bikes)] == ["FLAT-FIX"]


# --- a product of its own, said with its own article, measure or choice, is one more line -----------------------
@pytest.fixture
def creamery(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "creamery")


@pytest.fixture
def gyro(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "gyro")


@pytest.fixture
def smokehouse(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "smokehouse")


@pytest.fixture
def falafel(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "falafel")


def _choices(chat: Chat) -> list[tuple[str, set[str]]]:
    return [(ln.sku, {f"{o.group}={o.value}" for o in ln.options}) for ln in chat.session.cart.lines]


def test_product_with_its_own_size_and_article_is_a_new_line(creamery: Chat) -> None:
    creamery.say("ok a scoop of mango sorbet in a cup")
    creamery.say("and a small coffee")
    assert [(sku, opts.get("flavour"), opts.get("size")) for sku, _, opts in _lines(creamery)] == [
        ("ICE-CREAM", "mango_sorbet", None), ("COFFEE", None, "small")]


def test_an_order_of_a_product_is_a_new_line(gyro: Chat) -> None:
    gyro.say("a lamb gyro with tzatziki and a chicken gyro with garlic sauce")
    gyro.say("and a large order of fries with feta")
    assert [(sku, opts.get("toppings"), opts.get("size")) for sku, _, opts in _lines(gyro)] == [
        ("GYRO", None, None), ("GYRO", None, None), ("FRIES", "feta", "large")]


def test_a_large_product_after_a_plate_is_a_new_line(gyro: Chat) -> None:
    gyro.say("a chicken plate with rice and salad")
    gyro.say("and a large fries with feta")
    [(plate, held), (fries, _)] = _choices(gyro)
    assert (plate, fries) == ("PLATE", "FRIES") and {"sides=rice", "sides=salad"} <= held and "sides=fries" not in held


def test_a_side_of_a_sauce_is_a_new_line(gyro: Chat) -> None:
    gyro.say("two chicken plates")
    gyro.say("one with rice and salad and the other with fries and rice")
    gyro.say("and a side of hot sauce")
    assert [(sku, opts.get("sauce"), opts.get("flavour")) for sku, _, opts in _lines(gyro)] == [
        ("PLATE", None, None), ("PLATE", None, None), ("SAUCE-CUP", None, "hot_sauce")]
    assert all("sides=fries" not in held or "sides=rice" in held for _, held in _choices(gyro))


def test_a_pound_of_a_meat_is_a_new_line(smokehouse: Chat) -> None:
    smokehouse.say("a two meat plate with brisket and ribs")
    smokehouse.say("mac and cheese and coleslaw")
    smokehouse.say("and a pound of pulled pork")
    [(plate, held), (pork, weight)] = _choices(smokehouse)
    assert (plate, pork, "weight=pound" in weight) == ("TWO-MEAT-PLATE", "PULLED-PORK", True)
    assert {"meats=brisket", "meats=ribs"} <= held and "meats=pulled_pork" not in held


def test_a_choice_only_the_product_offers_makes_it_a_new_line(falafel: Chat) -> None:
    falafel.say("a chicken plate on couscous")
    falafel.say("and large fries with zaatar")
    assert [(sku, opts.get("extras"), opts.get("seasoning")) for sku, _, opts in _lines(falafel)] == [
        ("PLATE", None, None), ("FRIES", None, "zaatar")]


def test_an_order_of_a_side_after_a_combo_is_a_new_line(burgers: Chat) -> None:
    burgers.say("a cheeseburger combo with a coke")
    burgers.say("and an order of onion rings")
    assert [(sku, opts.get("side")) for sku, _, opts in _lines(burgers)] == [("COMBO", "fries"), ("ONION-RINGS", None)]


def test_a_size_only_the_side_offers_after_a_combo(burgers: Chat) -> None:
    burgers.say("a cheeseburger combo with a coke")
    burgers.say("and large onion rings")
    assert [(sku, opts.get("size")) for sku, _, opts in _lines(burgers)] == [("COMBO", None), ("ONION-RINGS", "large")]


def test_a_side_the_combo_offers_said_alone_still_refines_it(burgers: Chat) -> None:
    burgers.say("a cheeseburger combo with a coke")
    burgers.say("and onion rings")
    [(sku, _, opts)] = _lines(burgers)
    assert (sku, opts["side"]) == ("COMBO", "rings")
