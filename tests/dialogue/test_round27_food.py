"""From the misses of a seafood boil shack written fresh in session 19 (a menu the engine never saw), on that corpus
catalog, on a small sub shop written here and on the cafe:

- a count said right after the answer to "what's the X run" / "what's the X" is how many of X, though the number is
  short for a choice of another product ("2" of some "2 lb"): nothing was offered, but X was just talked about;
- "till" and "until" are never misheard catalog words ("open till ten" asks the hours, it names no "tail");
- a corpus catalog's own ``shop`` table (its hours) is what the bench's sessions answer from;
- a choice said to "which sauce for the crawfish?" answers it, though a word of it starts another product's name
  ("cajun medium" is no "cajun fries" in medium);
- "cajun on both, medium heat" to the first of two waiting items: every choice said goes on each that offers it;
- a common-word choice ("whole", "half") said after "both" / "all" / "each" past a counted product is the product's;
- "done the same way" / "made the same way" after an item makes it like the item before;
- "with no dressing" / "no toast": a single-choice group named after "no" or "without" is its value that says none
  of it ("plain", also called "not dressed"), on the item before;
- a product's name said with one of its choices inside it past an article ("a side of the garlic butter sauce" for
  the "side of sauce" in garlic butter) is that product so made, not a change of the sauce already chosen;
- "a basket with hush puppies instead of the fries and ranch to dip": the swapped word ("the fries", a product too)
  is the choice the word before "instead of" replaces, past the product itself, so "ranch" goes on the basket.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bench.conversations import SHOP, catalog_shop, catalog_source
from catalog.models import OptionGroup, OptionValue
from dialogue.group_refused import none_value
from dialogue.session import Session
from tests.dialogue.conftest import Chat, chat_of, fresh_store

_SUBS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "sub_size": {"code": "size", "name": "size", "required": True, "values": [
            {"code": "half", "name": "half (6 inch)", "aliases": ["half", "six inch"]},
            {"code": "whole", "name": "whole (12 inch)", "aliases": ["whole", "twelve inch"],
             "price_delta": "4.00"}]},
        "bread": {"code": "bread", "name": "bread", "default": "white", "values": [
            {"code": "white", "name": "white"}, {"code": "wheat", "name": "wheat"}]},
        "toasting": {"code": "toasted", "name": "toasted", "aliases": ["toast"], "default": "toasted", "values": [
            {"code": "toasted", "name": "toasted"}, {"code": "cold", "name": "cold", "aliases": ["not toasted"]}]},
    },
    "products": [
        {"sku": "ITALIAN", "name": "italian sub", "price": "8.00", "category": "subs", "options": ["sub_size", "bread", "toasting"]},
        {"sku": "MEATBALL", "name": "meatball sub", "price": "9.00", "category": "subs",
         "options": ["sub_size", "bread"]},
        {"sku": "SLAW", "name": "potato salad", "price": "4.00", "category": "sides", "options": [
            {"code": "weight", "name": "weight", "required": True, "values": [
                {"code": "1lb", "name": "1 lb"}, {"code": "2lb", "name": "2 lb"}, {"code": "3lb", "name": "3 lb"}]}]},
        {"sku": "COOKIE", "name": "cookie", "price": "2.00", "category": "desserts",
         "description": "one big chocolate chip cookie, baked each morning"},
    ],
}


@pytest.fixture
def subs(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SUBS)


@pytest.fixture
def boil(shop: Callable[[str], Chat]) -> Chat:
    return shop("seafoodboil")


# --- a count said after a product was described -------------------------------------------------------------------
@pytest.mark.parametrize("said", ["i'll take two in garlic butter", "two in garlic butter please"])
def test_a_count_after_what_does_it_run(boil: Chat, said: str) -> None:
    boil.say("what's a lobster tail run")
    boil.say(said)
    assert boil.lines == [("LOBSTER-TAIL", 2, {"sauce": "garlic_butter", "spice": "mild"})]


@pytest.mark.parametrize("said", ["i'll take two", "two please", "ok three"])
def test_a_count_after_a_description_is_no_weight_of_another_product(subs: Chat, said: str) -> None:
    subs.say("what's the cookie")
    subs.say(said)
    n = 3 if "three" in said else 2
    assert subs.lines == [("COOKIE", n, {})]


# --- shop hours ------------------------------------------------------------------------------------------------------
def test_open_till_names_no_product(boil: Chat) -> None:
    reply = boil.say("hi are y'all open till ten tonight")
    assert "lobster" not in reply.text.lower()
    assert "open" in reply.text.lower()
    assert boil.lines == []


@pytest.mark.parametrize("said", ["are you open until 10", "what time do you close on saturday"])
def test_hours_from_the_catalogs_shop(tmp_path: Path, said: str) -> None:
    store = fresh_store(tmp_path / "boil.sqlite3", catalog_source("seafoodboil"))
    try:
        session = Session(store, shop=catalog_shop(store.shop_details()))
        text = session.handle(said).text.lower()
        assert "11am" in text and "10pm" in text
        assert session.cart.lines == []
    finally:
        store.close()


def test_a_bundled_catalog_keeps_the_stand_in_shop(tmp_path: Path) -> None:
    stores = {name: fresh_store(tmp_path / f"{name}.sqlite3", catalog_source(name)) for name in ("cafe", "seafoodboil")}
    try:
        assert catalog_shop(stores["cafe"].shop_details()) == SHOP
        boil = catalog_shop(stores["seafoodboil"].shop_details())
        assert boil.hours.startswith("11am")
        assert boil.address == SHOP.address  # what the catalog does not say stays the stand-in's
    finally:
        for store in stores.values():
            store.close()


# --- an answer to "which sauce?" that starts another product's name -------------------------------------------------
@pytest.mark.parametrize("said", ["cajun medium", "cajun medium heat", "cajun with medium heat"])
def test_a_choice_answering_is_no_product_named_by_its_word(boil: Chat, said: str) -> None:
    boil.say("a pound of crawfish")
    boil.say(said)
    assert boil.lines == [("CRAWFISH", 1, {"weight": "1lb", "sauce": "cajun", "spice": "medium"})]


@pytest.mark.parametrize("said, sauce, spice", [
    ("cajun on both medium heat", "cajun", "medium"),
    ("lemon pepper for both, extra hot", "lemon_pepper", "extra_hot"),
    ("garlic butter on both of them and hot", "garlic_butter", "hot"),
])
def test_every_choice_said_on_both_waiting_items(boil: Chat, said: str, sauce: str, spice: str) -> None:
    boil.say("ok cool a pound of crawfish and a pound of shrimp")
    boil.say(said)
    got = {sku: (opts["sauce"], opts["spice"]) for sku, _, opts in boil.lines}
    assert got == {"CRAWFISH": (sauce, spice), "SHRIMP": (sauce, spice)}


def test_one_choice_answers_only_the_first_without_both(boil: Chat) -> None:
    boil.say("a pound of crawfish and a pound of shrimp")
    reply = boil.say("cajun medium")
    assert boil.lines == [("CRAWFISH", 1, {"weight": "1lb", "sauce": "cajun", "spice": "medium"})]
    assert "shrimp" in reply.text.lower()  # the shrimp is still asked about


# --- a common-word choice after "both" ------------------------------------------------------------------------------
def test_both_whole_and_a_drink(boil: Chat) -> None:
    boil.say("two fried shrimp po'boys both whole and dressed and a large sweet tea")
    assert sorted((sku, n, opts["size"]) for sku, n, opts in boil.lines) == [
        ("ICED-TEA", 1, "large"), ("SHRIMP-POBOY", 2, "whole")]


@pytest.mark.parametrize("said, size", [
    ("two italian subs both whole", "whole"), ("three meatball subs all half", "half"),
    ("two italian subs each whole", "whole"),
])
def test_a_common_word_choice_after_both(subs: Chat, said: str, size: str) -> None:
    subs.say(said)
    assert len(subs.lines) == 1
    sku, n, opts = subs.lines[0]
    assert opts["size"] == size and n == (3 if said.startswith("three") else 2)


def test_both_alone_names_no_choice(subs: Chat) -> None:
    subs.say("two italian subs both")
    assert subs.lines == []  # the size is still asked


# --- made the same way ------------------------------------------------------------------------------------------------
def test_clams_done_the_same_way(boil: Chat) -> None:
    boil.say("half a pound of mussels garlic butter no spice and a half pound of clams done the same way")
    assert boil.lines == [
        ("MUSSELS", 1, {"weight": "half_lb", "sauce": "garlic_butter", "spice": "no_spice"}),
        ("CLAMS", 1, {"weight": "half_lb", "sauce": "garlic_butter", "spice": "no_spice"}),
    ]


@pytest.mark.parametrize("said", ["a large latte with oat milk and a cappuccino done the same way",
                                  "a large latte with oat milk and a cappuccino made the same way"])
def test_a_drink_made_the_same_way(cafe_chat: Chat, said: str) -> None:
    cafe_chat.say(said)
    got = {sku: (opts["size"], opts["milk"]) for sku, _, opts in cafe_chat.lines}
    assert got == {"LATTE": ("large", "oat"), "CAPPUCCINO": ("large", "oat")}


def test_the_same_way_on_its_own_turn(cafe_chat: Chat) -> None:
    cafe_chat.say("a large latte with oat milk")
    cafe_chat.say("and a cappuccino the same way")
    got = {sku: (opts["size"], opts["milk"]) for sku, _, opts in cafe_chat.lines}
    assert got == {"LATTE": ("large", "oat"), "CAPPUCCINO": ("large", "oat")}


# --- a group refused by its name ------------------------------------------------------------------------------------
@pytest.mark.parametrize("said", [
    "a shrimp po'boy six inch all the way and a hot sausage po'boy twelve inch with no dressing",
    "a shrimp po'boy six inch and a hot sausage po'boy twelve inch no dressing",
])
def test_no_dressing_is_the_plain_value(boil: Chat, said: str) -> None:
    boil.say(said)
    got = {sku: (opts["size"], opts["dressed"]) for sku, _, opts in boil.lines}
    assert got == {"SHRIMP-POBOY": ("half", "dressed"), "SAUSAGE-POBOY": ("whole", "plain")}


@pytest.mark.parametrize("said", ["a half italian sub no toast", "a half italian sub without toast please"])
def test_no_toast_on_a_sub(subs: Chat, said: str) -> None:
    subs.say(said)
    assert subs.lines == [("ITALIAN", 1, {"size": "half", "bread": "white", "toasted": "cold"})]


def test_no_group_without_a_none_value_changes_nothing(subs: Chat) -> None:
    subs.say("a half italian sub no bread")
    assert all(opts.get("bread") == "white" for _, _, opts in subs.lines)


def test_none_value_needs_exactly_one() -> None:
    g = OptionGroup("dressed", "dressed", (OptionValue("dressed", "dressed"), OptionValue("plain", "plain")),
                    default="dressed")
    assert none_value(g) == "plain"
    two = OptionGroup("ice", "ice", (OptionValue("reg", "regular"), OptionValue("none", "none"),
                                     OptionValue("no_ice", "no ice")), default="reg")
    assert none_value(two) is None


# --- a name said with a choice inside it, past an article -------------------------------------------------------------
def test_a_side_of_the_sauce_after_a_sauce_chosen(boil: Chat) -> None:
    boil.say("crawfish three pounds lemon pepper non spicy and a side of the garlic butter sauce")
    assert boil.lines == [
        ("CRAWFISH", 1, {"weight": "3lb", "sauce": "lemon_pepper", "spice": "no_spice"}),
        ("SAUCE-CUP", 1, {"sauce": "garlic_butter"}),
    ]


@pytest.mark.parametrize("catalog, said, line", [
    ("seafoodboil", "a side of the cajun sauce", ("SAUCE-CUP", 1, {"sauce": "cajun"})),
    ("poke", "a side of the brown rice", ("SIDE-RICE", 1, {"rice": "brown"})),
    ("gyro", "a side of the tzatziki sauce", ("SAUCE-CUP", 1, {"flavour": "tzatziki"})),
])
def test_a_side_of_the_choice(shop: Callable[[str], Chat], catalog: str, said: str,
                              line: tuple[str, int, dict[str, str]]) -> None:
    chat = shop(catalog)
    chat.say(said)
    assert chat.lines == [line]


# --- a swap of choices that are products too -------------------------------------------------------------------------
@pytest.mark.parametrize("said, side, dip", [
    ("a fried oyster basket with hush puppies instead of the fries and ranch to dip", "hush_puppies", "ranch"),
    ("a fried oyster basket with coleslaw instead of the fries and tartar to dip", "coleslaw", "tartar"),
])
def test_a_side_swapped_and_a_dip(boil: Chat, said: str, side: str, dip: str) -> None:
    boil.say(said)
    assert boil.lines == [("OYSTER-BASKET", 1, {"side": side, "dip": dip})]
