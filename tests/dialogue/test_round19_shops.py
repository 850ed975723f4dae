"""Round 19's unseen shops (a fabric store, a candy shop): a product's own unit said before its name ("a spool of
black thread": one thread, its colour given, never asked again), a measure said with "each" before a list ("a half
pound each of gummy bears and sour worms", "a half yard each of the sage and the mustard"), "ones" standing for
the modifiers after the choice it changes ("two white 14 inch zippers and two black ones"), a value said in the
very words one product lists ("four root beers": the soda), "a dozen" counting the next item only, what an item is
for ("a zipper for a dress"), and what the shopper makes ("i'm making a baby quilt"). Sessions on the corpus
catalogs and on one written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_KIOSK = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "GUM", "name": "chewing gum", "price": "1.50", "aliases": ["gum", "pack", "packs", "pack of gum"],
         "options": [{"code": "flavour", "name": "flavour", "required": True, "default": None,
                      "values": [{"code": "mint", "name": "mint"}, {"code": "cinnamon", "name": "cinnamon"},
                                 {"code": "cola", "name": "cola"}]}]},
        {"sku": "POP", "name": "bottled pop", "price": "2.00", "aliases": ["pop", "soda", "sodas"],
         "options": [{"code": "flavour", "name": "flavour", "required": True, "default": None,
                      "values": [{"code": "cola", "name": "cola", "aliases": ["colas"]},
                                 {"code": "lime", "name": "lime"}]}]},
        {"sku": "NUTS", "name": "mixed nuts", "price": "5.00", "aliases": ["nuts"],
         "options": [{"code": "weight", "name": "weight", "default": "quarter",
                      "values": [{"code": "quarter", "name": "quarter pound"},
                                 {"code": "half", "name": "half pound", "aliases": ["half a pound"]},
                                 {"code": "pound", "name": "pound", "aliases": ["pounds", "a pound"]}]}]},
        {"sku": "RAISINS", "name": "raisins", "price": "4.00", "aliases": ["raisin"],
         "options": [{"code": "weight", "name": "weight", "default": "quarter",
                      "values": [{"code": "quarter", "name": "quarter pound"},
                                 {"code": "half", "name": "half pound", "aliases": ["half a pound"]},
                                 {"code": "pound", "name": "pound", "aliases": ["pounds", "a pound"]}]}]},
        {"sku": "CABLE", "name": "charging cable", "price": "9.00", "aliases": ["cable", "cables"],
         "options": [{"code": "length", "name": "length", "default": "3ft",
                      "values": [{"code": "3ft", "name": "3 foot", "aliases": ["3 foot", "three foot"]},
                                 {"code": "6ft", "name": "6 foot", "aliases": ["6 foot", "six foot"]}]},
                     {"code": "colour", "name": "colour", "default": "black",
                      "values": [{"code": "black", "name": "black"}, {"code": "white", "name": "white"}]}]},
        {"sku": "CASE", "name": "phone case", "price": "15.00", "aliases": ["case"],
         "options": [{"code": "model", "name": "model", "default": "std",
                      "values": [{"code": "std", "name": "standard"}, {"code": "car", "name": "car mount"}]}]},
    ],
}


def _chat(tmp_path: Path, catalog: str) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog(catalog))


@pytest.fixture
def fabric(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "fabricstore")


@pytest.fixture
def candy(tmp_path: Path) -> Iterator[Chat]:
    yield from _chat(tmp_path, "candyshop")


@pytest.fixture
def kiosk(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _KIOSK)


def _lines(chat: Chat) -> list[tuple[str, int, dict[str, str]]]:
    return sorted(chat.lines, key=lambda ln: (ln[0], sorted(ln[2].items())))


# --- a product's own unit before its name: one item, its choice kept ------------------------------------------
@pytest.mark.parametrize("said", ["a spool of black thread", "1 spool black thread"])
def test_unit_of_itself_gives_the_choice_once(fabric: Chat, said: str) -> None:
    fabric.say(said)
    assert [(sku, n, opts["colour"]) for sku, n, opts in fabric.lines] == [("THREAD", 1, "black")]
    fabric.say("that's all")
    fabric.say("yes")
    assert len(fabric.session.orders) == 1


def test_skeins_counted_with_the_colour(fabric: Chat) -> None:
    fabric.say("ten skeins of embroidery floss in red")
    assert [(sku, n, opts["colour"]) for sku, n, opts in fabric.lines] == [("FLOSS", 10, "red")]


@pytest.mark.parametrize("said", ["two packs of mint gum", "2 packs cinnamon gum"])
def test_unit_of_itself_elsewhere(kiosk: Chat, said: str) -> None:
    kiosk.say(said)
    assert [(sku, n) for sku, n, _ in kiosk.lines] == [("GUM", 2)]
    assert "flavour" in kiosk.lines[0][2]


def test_two_units_of_itself_stay_two_lines(fabric: Chat) -> None:
    fabric.say("a spool of black thread and a spool of white thread")
    assert sorted(opts["colour"] for _, _, opts in fabric.lines) == ["black", "white"]


# --- a measure said with "each" before a list ---------------------------------------------------------------
def test_measure_each_of_two_products(candy: Chat) -> None:
    candy.say("a half pound each of gummy bears and sour worms")
    assert {(sku, n, opts.get("weight")) for sku, n, opts in candy.lines} == {
        ("GUMMY-BEARS", 1, "half_lb"), ("SOUR-WORMS", 1, "half_lb")}


def test_measure_each_counted_elsewhere(kiosk: Chat) -> None:
    kiosk.say("two pounds each of mixed nuts and raisins")
    assert {(sku, n, opts.get("weight")) for sku, n, opts in kiosk.lines} == {("NUTS", 2, "pound"),
                                                                              ("RAISINS", 2, "pound")}


def test_measure_without_each_stays_with_its_product(kiosk: Chat) -> None:
    kiosk.say("a half pound of mixed nuts and raisins")
    assert {(sku, opts.get("weight")) for sku, _, opts in kiosk.lines} == {("NUTS", "half"), ("RAISINS", "quarter")}


def test_measure_each_of_two_values(fabric: Chat) -> None:
    fabric.say("a half yard each of the sage and the mustard quilting cotton")
    assert _lines(fabric) == [("QUILT-COTTON", 1, {"colour": "mustard", "cut": "half_yard"}),
                              ("QUILT-COTTON", 1, {"colour": "sage", "cut": "half_yard"})]


# --- "ones": the modifiers after the choice it changes ---------------------------------------------------------
def test_ones_keep_the_modifiers_nearer_the_noun(fabric: Chat) -> None:
    fabric.say("two white 14 inch zippers and two black ones")
    assert {(n, opts["colour"], opts["length"]) for _, n, opts in fabric.lines} == {(2, "white", "14in"),
                                                                                 (2, "black", "14in")}


def test_ones_keep_the_modifiers_elsewhere(kiosk: Chat) -> None:
    kiosk.say("two white 6 foot cables and two black ones")
    assert {(n, opts["colour"], opts["length"]) for _, n, opts in kiosk.lines} == {(2, "white", "6ft"),
                                                                                (2, "black", "6ft")}


def test_ones_saying_their_own_modifier(kiosk: Chat) -> None:
    kiosk.say("two white 6 foot cables and two black 3 foot ones")
    assert {(n, opts["colour"], opts["length"]) for _, n, opts in kiosk.lines} == {(2, "white", "6ft"),
                                                                                (2, "black", "3ft")}


def test_ones_do_not_take_a_modifier_said_before_the_changed_one(kiosk: Chat) -> None:
    kiosk.say("two 6 foot white cables and two black ones")
    assert {(n, opts["colour"], opts["length"]) for _, n, opts in kiosk.lines} == {(2, "white", "6ft"),
                                                                                (2, "black", "3ft")}


# --- a value said in the very words one product lists ----------------------------------------------------------
def test_value_in_the_words_of_one_product(candy: Chat) -> None:
    candy.say("four root beers")
    assert [(sku, n, opts.get("flavour")) for sku, n, opts in candy.lines] == [("SODA", 4, "root_beer")]


def test_value_in_the_words_of_one_product_elsewhere(kiosk: Chat) -> None:
    kiosk.say("four colas")
    assert [(sku, n, opts.get("flavour")) for sku, n, opts in kiosk.lines] == [("POP", 4, "cola")]


# --- "a dozen" counts the item after it ---------------------------------------------------------------------
def test_a_dozen_counts_the_next_item(candy: Chat) -> None:
    candy.say("two pounds of jelly beans a dozen cherry lollipops")
    assert candy.counts == {"JELLY-BEANS": 2, "LOLLIPOP": 12}


# --- what an item is for -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("said", "sku", "n"), [("i need five yards of blush tulle for a tutu", "TULLE", 5),
                                                 ("i need a zipper for a dress", "ZIPPER", 1)])
def test_what_it_is_for_is_no_item(fabric: Chat, said: str, sku: str, n: int) -> None:
    fabric.say(said)
    assert fabric.counts == {sku: n}


def test_what_it_is_for_gives_its_own_choice(fabric: Chat) -> None:
    fabric.say("a separating zipper for a jacket twenty two inches black")
    assert [(sku, n, opts["type"], opts["length"]) for sku, n, opts in fabric.lines] == [
        ("ZIPPER", 1, "separating", "22in")]


def test_what_it_is_for_elsewhere(kiosk: Chat) -> None:
    kiosk.say("a charging cable for a car mount")
    assert kiosk.counts == {"CABLE": 1}


@pytest.mark.parametrize(("catalog", "said", "offers", "option", "other"), [
    ("phonekiosk", "a screen protector and installation for an iphone 15", "SCREEN-PROTECTOR", ("model", "iphone_15"),
     "INSTALL"),
    ("bikeshop", "a tube and a patch kit for a 700c wheel", "TUBE", ("wheel", "700c"), "PATCH-KIT")])
def test_what_it_is_for_goes_to_the_item_that_offers_it(tmp_path: Path, catalog: str, said: str, offers: str,
                                                        option: tuple[str, str], other: str) -> None:
    """The item right before "for a" does not offer the choice but one item of the sentence does: that item's
    choice (not dropped, so never asked again)."""
    for chat in _chat(tmp_path, catalog):
        chat.say(said)
        assert chat.counts == {offers: 1, other: 1}
        assert [opts.get(option[0]) for sku, _, opts in chat.lines if sku == offers] == [option[1]]


def test_an_item_said_in_full_after_for_a_stays(kiosk: Chat) -> None:
    kiosk.say("a charging cable and a phone case")
    assert kiosk.counts == {"CABLE": 1, "CASE": 1}


# --- what the shopper makes -----------------------------------------------------------------------------------
def test_the_project_is_no_item(fabric: Chat) -> None:
    fabric.say("hi i'm making a baby quilt")
    assert fabric.counts == {}


def test_the_items_for_the_project_are(fabric: Chat) -> None:
    fabric.say("i'm making a baby quilt so i need a crib batting")
    assert fabric.counts == {"BATTING": 1}
