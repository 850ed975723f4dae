"""Misses of a pool and spa supply shop written fresh in session 19 (poolsupply), as general mechanisms, on a small
hobby-and-garden catalog written here, on that corpus catalog and on the bundled cafe.

- a four-digit code said as a pair, "oh" and a digit ("k twenty oh six" for "K-2006") where the catalog has it;
- a measure's number said without its unit before the words printed after it ("a twenty four round" for "24 ft round");
- two or more words that open one product's name ("cal hypo" of "cal hypo shock") are that product beside other
  items named in full ("three bags of cal hypo and a ph down");
- a choice word right before a noun the shop does not sell ("a pool ladder") makes no item of the product that has
  that choice;
- "and the <choice>" after an item opens an item of its own; a product said again with "the" and another choice of a
  one-choice group it has already ("one dive rings and the torpedoes") is another item, not the first said again;
- "do you have the flamingo float" (the sold-out "giant flamingo float" named short) says it is sold out;
- a question naming two choices of the group asked ("what's the difference between the four way and the seven way")
  picks none: each one's price is said and the question is put again;
- "how much is the clarifier" - "two please" - "actually make that one": the count of that line, no third one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dialogue.codes import codes_said, spoken_codes
from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "KIT", "name": "model kit", "price": "20.00", "category": "hobby", "options": [
            {"code": "kit", "name": "kit", "required": True, "values": [
                {"code": "k1905", "name": "K-1905 starter", "aliases": ["K-1905", "starter"]},
                {"code": "k2010", "name": "K-2010 deluxe", "aliases": ["K-2010", "deluxe"], "price_delta": "15.00"},
                {"code": "k3300", "name": "K-3300 pro", "aliases": ["K-3300", "pro"], "price_delta": "30.00"}]}]},
        {"sku": "TARP", "name": "canvas tarp", "price": "25.00", "category": "garden", "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "10sq", "name": "10 ft square"}, {"code": "20sq", "name": "20 ft square",
                                                            "price_delta": "15.00"},
                {"code": "10x20", "name": "10 x 20 rectangle", "price_delta": "10.00"}]}]},
        {"sku": "CRACKERS", "name": "rye sourdough crackers", "price": "4.00", "category": "pantry"},
        {"sku": "JAM", "name": "apricot jam", "price": "5.00", "category": "pantry"},
        {"sku": "GLOVES", "name": "work gloves", "price": "9.00", "category": "garden", "options": [
            {"code": "style", "name": "style", "required": True, "values": [
                {"code": "garden", "name": "garden"}, {"code": "leather", "name": "leather"}]}]},
        {"sku": "CHARMS", "name": "bracelet charms", "price": "8.00", "category": "hobby", "options": [
            {"code": "kind", "name": "kind", "required": True, "values": [
                {"code": "stars", "name": "star charms"}, {"code": "moons", "name": "moon charms"},
                {"code": "hearts", "name": "heart charms"}]}]},
        {"sku": "OWL-LAMP", "name": "ceramic owl lamp", "price": "40.00", "category": "home", "stock": 0},
        {"sku": "DESK-LAMP", "name": "desk lamp", "price": "22.00", "category": "home"},
    ],
}


@pytest.fixture
def hobby(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


# --- codes and measures said aloud ------------------------------------------------------------------------------

def test_a_four_digit_code_said_with_oh() -> None:
    known = {"2006", "1905"}.__contains__
    assert codes_said(known, ["k", "20", "oh", "6"]) == ["k", "2006"]
    assert codes_said(known, ["19", "0", "5", "kit"]) == ["1905", "kit"]
    assert codes_said(known, ["k", "20", "oh", "7"]) == ["k", "20", "oh", "7"]  # no 2007 in the catalog


def test_a_measure_said_without_its_unit() -> None:
    assert ("24", "round") in spoken_codes(["24 ft round"])
    assert ("12", "bottle") not in spoken_codes(["12 oz bottle"])  # "12 bottles" is a count
    assert ("12", "24", "oval") not in spoken_codes(["12 x 24 oval"])


@pytest.mark.parametrize("said, kit", [
    ("a model kit, the k nineteen oh five", "k1905"), ("the k twenty ten model kit please", "k2010"),
    ("i'd like the k twenty ten kit", "k2010"),
])
def test_a_kit_code_said_aloud(hobby: Chat, said: str, kit: str) -> None:
    hobby.say(said)
    assert hobby.lines == [("KIT", 1, {"kit": kit})]


@pytest.mark.parametrize("said, size", [
    ("a canvas tarp, a twenty square", "20sq"), ("one canvas tarp ten square", "10sq"),
])
def test_a_size_said_without_its_unit(hobby: Chat, said: str, size: str) -> None:
    hobby.say(said)
    assert hobby.lines == [("TARP", 1, {"size": size})]


def test_a_size_without_its_unit_answers_the_question(hobby: Chat) -> None:
    hobby.say("i need a canvas tarp")
    hobby.say("a twenty square then")
    assert hobby.lines == [("TARP", 1, {"size": "20sq"})]


def test_pool_codes_and_sizes(shop: Callable[[str], Chat]) -> None:
    pool = shop("poolsupply")
    pool.say("i'd like the taylor k twenty oh six kit please")
    assert pool.lines == [("TESTKIT", 1, {"kit": "k2006"})]
    covers = shop("poolsupply")
    covers.say("hi what sizes do the winter covers come in")
    covers.say("ok a twenty four round then")
    assert [(sku, n, opts["size"]) for sku, n, opts in covers.lines] == [("WINTER-COVER", 1, "24r")]


# --- a product named short beside others ------------------------------------------------------------------------

def test_opening_words_of_a_name_beside_another_item(hobby: Chat) -> None:
    hobby.say("two boxes of rye sourdough and an apricot jam")
    assert hobby.counts == {"CRACKERS": 2, "JAM": 1}


def test_cal_hypo_beside_a_ph_down(shop: Callable[[str], Chat]) -> None:
    pool = shop("poolsupply")
    pool.say("three bags of cal hypo and a p h down the ten pound")
    assert pool.counts == {"SHOCK": 3, "PH-DOWN": 1}
    assert [opts.get("weight") for sku, _, opts in pool.lines if sku == "PH-DOWN"] == ["10lb"]


# --- a choice word before a noun not sold -------------------------------------------------------------------------

def test_a_choice_word_before_an_unsold_noun_makes_no_item(hobby: Chat) -> None:
    hobby.say("a garden hose and a canvas tarp the ten foot square")
    assert hobby.lines == [("TARP", 1, {"size": "10sq"})]


def test_a_pool_ladder_is_no_water_test(shop: Callable[[str], Chat]) -> None:
    pool = shop("poolsupply")
    pool.say("can i get a pool ladder and a bucket of chlorine tabs the ten pound one")
    assert [(sku, n) for sku, n, _ in pool.lines] == [("TABS", 1)]


def test_the_choice_word_still_makes_its_item_alone(hobby: Chat) -> None:
    hobby.say("a canvas tarp the ten foot square and a pair of garden gloves")
    assert hobby.counts == {"TARP": 1, "GLOVES": 1}


# --- "and the <choice>" -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "a pack of star charms and the moon charms", "one star charms and uh the moon charms too",
    "two packs of star charms and the moon charms",
])
def test_two_kinds_said_with_the(hobby: Chat, said: str) -> None:
    hobby.say(said)
    assert sorted((sku, opts["kind"]) for sku, _, opts in hobby.lines) == [("CHARMS", "moons"), ("CHARMS", "stars")]


def test_the_choice_of_another_product_after_an_item(hobby: Chat) -> None:
    hobby.say("an apricot jam and the heart charms")
    assert hobby.lines == [("JAM", 1, {}), ("CHARMS", 1, {"kind": "hearts"})]


def test_a_product_said_again_with_the_is_still_that_item(cafe_chat: Chat) -> None:
    cafe_chat.say("two lattes and a muffin, the lattes with oat milk")
    assert [(sku, n, opts.get("milk")) for sku, n, opts in cafe_chat.lines if sku == "LATTE"] == [("LATTE", 2, "oat")]


def test_dive_rings_and_the_torpedoes(shop: Callable[[str], Chat]) -> None:
    pool = shop("poolsupply")
    pool.say("one dive rings and uh the torpedoes too")
    assert sorted(opts["kind"] for _, _, opts in pool.lines) == ["rings", "torpedoes"]
    other = shop("poolsupply")
    other.say("a water clarifier and the torpedoes")
    assert other.lines == [("CLARIFIER", 1, {}), ("DIVE-TOYS", 1, {"kind": "torpedoes"})]


# --- sold out, named short --------------------------------------------------------------------------------------

def test_sold_out_named_short(hobby: Chat) -> None:
    reply = hobby.say("do you have the owl lamp")
    assert "sold out" in reply.text
    assert "ceramic owl lamp" in reply.text
    assert hobby.lines == []


def test_flamingo_float_sold_out(shop: Callable[[str], Chat]) -> None:
    pool = shop("poolsupply")
    reply = pool.say("do you have the flamingo float")
    assert "sold out" in reply.text and "Yes" not in reply.text
    assert pool.lines == []


# --- choices compared while one is asked --------------------------------------------------------------------------

@pytest.mark.parametrize("asked", [
    "what's the difference between the starter and the deluxe",
    "is the deluxe or the pro better",
    "which is cheaper, the starter or the pro?",
])
def test_choices_compared_pick_none(hobby: Chat, asked: str) -> None:
    hobby.say("i need a model kit")
    reply = hobby.say(asked)
    assert hobby.lines == []
    assert "Which kit" in reply.text
    assert any(price in reply.text for price in ("twenty dollars", "thirty five dollars", "fifty dollars"))
    hobby.say("the deluxe then")
    assert hobby.lines == [("KIT", 1, {"kit": "k2010"})]


def test_strips_compared_then_picked_and_changed(shop: Callable[[str], Chat]) -> None:
    pool = shop("poolsupply")
    pool.say("i need test strips")
    reply = pool.say("uh what's the difference between the four way and the seven way")
    assert pool.lines == [] and "sixteen ninety nine" in reply.text
    pool.say("i'll just do the four way")
    pool.say("and make it the hundred count")
    assert pool.lines == [("STRIPS", 1, {"type": "4way", "count": "100"})]


def test_one_choice_asked_about_still_answers(hobby: Chat) -> None:
    hobby.say("i need a model kit")
    hobby.say("the deluxe")
    assert hobby.lines == [("KIT", 1, {"kit": "k2010"})]


# --- a count corrected after an offer ------------------------------------------------------------------------------

@pytest.mark.parametrize("fix, left", [("actually make that one", 1), ("make it three", 3), ("make that one", 1)])
def test_count_corrected_after_the_offer(shop: Callable[[str], Chat], fix: str, left: int) -> None:
    pool = shop("poolsupply")
    pool.say("how much is the clarifier")
    pool.say("two please")
    pool.say(fix)
    assert pool.lines == [("CLARIFIER", left, {})]


def test_count_corrected_after_the_offer_in_the_cafe(cafe_chat: Chat) -> None:
    cafe_chat.say("how much is a latte")
    cafe_chat.say("two please")
    cafe_chat.say("actually make that one")
    assert cafe_chat.counts == {"LATTE": 1}


def test_another_one_after_the_offer_still_adds(shop: Callable[[str], Chat]) -> None:
    pool = shop("poolsupply")
    pool.say("how much is the clarifier")
    pool.say("two please")
    pool.say("and one more")
    assert pool.counts == {"CLARIFIER": 3}


# --- no noun after a choice: a list going on, or the rest as it comes ------------------------------------------------

@pytest.mark.parametrize("said", [
    "two star charms plus an apricot jam", "a pair of leather plus an apricot jam",
])
def test_a_list_join_after_a_choice_is_no_unsold_noun(hobby: Chat, said: str) -> None:
    hobby.say(said)
    assert "JAM" in hobby.counts and len(hobby.counts) == 2


@pytest.mark.parametrize("said, kits", [
    ("a k twenty ten regular", ["k2010"]),
    ("a k nineteen oh five and a k twenty ten regular", ["k1905", "k2010"]),
    ("two k twenty tens regular please", ["k2010"]),
])
def test_a_choice_said_with_regular_makes_its_item(hobby: Chat, said: str, kits: list[str]) -> None:
    hobby.say(said)
    assert [opts["kit"] for sku, _, opts in hobby.lines if sku == "KIT"] == kits


def test_spaghetti_and_meatballs_plus_a_coke(shop: Callable[[str], Chat]) -> None:
    pasta = shop("pastabar")
    pasta.say("a spaghetti and meatballs in marinara plus a coke zero")
    assert pasta.counts == {"BYO-PASTA": 1, "SODA": 1}
    [(_, _, opts)] = [line for line in pasta.lines if line[0] == "BYO-PASTA"]
    assert (opts["shape"], opts["sauce"], opts["protein"]) == ("spaghetti", "marinara", "meatballs")


def test_a_two_thirty_regular(shop: Callable[[str], Chat]) -> None:
    camp = shop("outdoors")
    camp.say("a four fifty of the winter blend and a two thirty regular")
    assert sorted((opts["size"], opts.get("blend")) for _, _, opts in camp.lines) == [
        ("230g", "standard"), ("450g", "winter")]


def test_a_ladder_plus_tabs_still_no_water_test(shop: Callable[[str], Chat]) -> None:
    pool = shop("poolsupply")
    pool.say("a pool ladder plus a bucket of chlorine tabs the ten pound one")
    assert [(sku, n) for sku, n, _ in pool.lines] == [("TABS", 1)]


# --- "for a <choices> ... with": what the item before is for, no item of its own ------------------------------------

def test_a_cover_for_a_sized_pool_with_a_pillow(shop: Callable[[str], Chat]) -> None:
    pool = shop("poolsupply")
    pool.say("a winter cover for a twenty four foot round pool with an air pillow")
    assert [(sku, n, opts["size"], opts.get("extras")) for sku, n, opts in pool.lines] == [
        ("WINTER-COVER", 1, "24r", "pillow")]

