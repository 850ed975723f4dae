"""Answers to the assistant's own questions, said with hesitations: two values of the one-choice group asked about
said as a list ("basil and um rosemary": one line each); "protein, the plant one" (the one choice those words name
together); "the wings, whatever sauce is usual" (that line as it comes, no second one); another choice of the
waiting item said to the question ("footlong" to "what drink for the meal deal?": the item made so, the question
put again); "that's all" to an offer (declined, and the order read back). A catalog written here (a garden stand),
and the corpus' garden, autoparts, juicebar, pizzeria, subshop and store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.conversations import catalog_source
from catalog.bundled import open_store
from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "TULIP", "name": "tulip bunch", "aliases": ["tulips"], "price": "9.00", "category": "flowers",
         "options": [
             {"code": "color", "name": "color", "required": True, "values": [
                 {"code": "red", "name": "red"}, {"code": "yellow", "name": "yellow"},
                 {"code": "white", "name": "white"}]}]},
        {"sku": "SOIL", "name": "potting soil", "price": "8.00", "category": "soil", "options": [
            {"code": "feed", "name": "feed", "multiple": True, "values": [
                {"code": "slow", "name": "slow release feed", "aliases": ["feed", "plant food"]},
                {"code": "liquid", "name": "liquid feed", "price_delta": "2.00"}]}]},
        {"sku": "PLANTER", "name": "planter box", "price": "30.00", "category": "pots", "options": [
            {"code": "finish", "name": "finish", "default": "natural", "values": [
                {"code": "natural", "name": "natural"}, {"code": "painted", "name": "painted",
                                                           "price_delta": "5.00"}]}]},
        {"sku": "KIT", "name": "starter kit", "price": "25.00", "category": "kits", "options": [
            {"code": "seeds", "name": "seeds", "required": True, "values": [
                {"code": "herbs", "name": "herb seeds"}, {"code": "veg", "name": "vegetable seeds"}]},
            {"code": "tray", "name": "tray", "default": "small", "values": [
                {"code": "small", "name": "small tray"}, {"code": "big", "name": "big tray",
                                                          "price_delta": "4.00"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _corpus_chat(tmp_path: Path, stem: str) -> Iterator[Chat]:
    store = open_store(tmp_path / f"{stem}.sqlite3", catalog=catalog_source(stem), tax_rate_bp=825)
    yield Chat(store)
    store.close()


@pytest.fixture
def garden(tmp_path: Path) -> Iterator[Chat]:
    yield from _corpus_chat(tmp_path, "garden")


@pytest.fixture
def autoparts(tmp_path: Path) -> Iterator[Chat]:
    yield from _corpus_chat(tmp_path, "autoparts")


@pytest.fixture
def juicebar(tmp_path: Path) -> Iterator[Chat]:
    yield from _corpus_chat(tmp_path, "juicebar")


@pytest.fixture
def pizzeria(tmp_path: Path) -> Iterator[Chat]:
    yield from _corpus_chat(tmp_path, "pizzeria")


@pytest.fixture
def subshop(tmp_path: Path) -> Iterator[Chat]:
    yield from _corpus_chat(tmp_path, "subshop")


# --- two values of the group asked about, said as a list: one line each ---------------------------------------

def test_two_herbs_said_as_a_list(garden: Chat) -> None:
    garden.say("i need some herbs")
    garden.say("basil and um rosemary")
    assert sorted(opts["herb"] for sku, n, opts in garden.lines if sku == "HERB" and n == 1) == ["basil", "rosemary"]


def test_two_lengths_said_as_a_list(autoparts: Chat) -> None:
    autoparts.say("hi i need wiper blades")
    autoparts.say("uh twenty two inch and um eighteen")
    assert sorted(opts["length"] for _, _, opts in autoparts.lines) == ["18in", "22in"]


def test_colours_said_as_a_list_elsewhere(chat: Chat) -> None:
    chat.say("some tulips please")
    chat.say("red and uh white")
    assert chat.lines == [("TULIP", 1, {"color": "red"}), ("TULIP", 1, {"color": "white"})]


def test_one_colour_is_one_line(chat: Chat) -> None:
    chat.say("some tulips please")
    chat.say("uh red")
    assert chat.lines == [("TULIP", 1, {"color": "red"})]


def test_values_not_said_as_a_list_are_not_shared(chat: Chat) -> None:
    """"red or white": no list joined by "and", no second line."""
    chat.say("some tulips please")
    chat.say("red or white")
    assert len(chat.lines) <= 1


# --- "protein, the plant one": the choice those words name together ---------------------------------------------

def test_protein_the_plant_one(juicebar: Chat) -> None:
    juicebar.say("one green machine a small")
    juicebar.say("with uh protein the plant one")
    boosts = [opts.get("boosts") for _, _, opts in juicebar.lines]
    assert boosts == ["plant_protein"]


def test_feed_the_liquid_one_elsewhere(chat: Chat) -> None:
    chat.say("a bag of potting soil")
    chat.say("with feed um the liquid one")
    assert chat.lines == [("SOIL", 1, {"feed": "liquid"})]


def test_plain_protein_is_the_usual_protein(juicebar: Chat) -> None:
    juicebar.say("one green machine a small")
    juicebar.say("with protein")
    assert [opts.get("boosts") for _, _, opts in juicebar.lines] == ["whey_protein"]


# --- "the wings, whatever sauce is usual": the line as it comes, no second one ----------------------------------

def test_wings_whatever_sauce_is_usual(pizzeria: Chat) -> None:
    pizzeria.say("hey um two medium cheese pizzas and uh an order of wings")
    pizzeria.say("the wings um whatever sauce is usual")
    assert pizzeria.session.cart.lines and {sku: n for sku, n, _ in pizzeria.lines} == {"CHEESE-PIZZA": 2, "WINGS": 1}


def test_planter_the_normal_finish_elsewhere(chat: Chat) -> None:
    chat.say("a planter box and some red tulips")
    chat.say("the planter box the normal finish")
    assert chat.lines == [("PLANTER", 1, {"finish": "natural"}), ("TULIP", 1, {"color": "red"})]


def test_another_planter_is_still_added(chat: Chat) -> None:
    chat.say("a planter box")
    chat.say("and another planter box painted")
    assert chat.counts == {"PLANTER": 2}


# --- another choice of the waiting item said to the question: made so, asked again ------------------------------

def test_footlong_said_to_the_drink_question(subshop: Chat) -> None:
    subshop.say("a meal deal please")
    subshop.say("um the meatball")
    reply = subshop.say("footlong")
    assert "drink" in reply.text
    subshop.say("and a coke")
    assert [(sku, opts.get("sub"), opts.get("length"), opts.get("drink")) for sku, _, opts in subshop.lines] == [
        ("MEAL", "meatball", "footlong", "coke")]


def test_tray_said_to_the_seeds_question_elsewhere(chat: Chat) -> None:
    chat.say("a starter kit")
    reply = chat.say("the big tray")
    assert "seeds" in reply.text and not chat.lines
    chat.say("herb seeds")
    assert chat.lines == [("KIT", 1, {"seeds": "herbs", "tray": "big"})]


def test_sprinkles_on_hers_go_to_the_line_just_made(tmp_path: Path) -> None:
    """A choice said while a waiting item's question is pending, right after a line of the same product was made, is
    for that line (it would change it): not put on the waiting item, and never lost."""
    store = open_store(tmp_path / "creamery.sqlite3", catalog=catalog_source("creamery"), tax_rate_bp=825)
    try:
        talk = Chat(store)
        talk.say("a double scoop of mint chip in a waffle cone")
        talk.say("and a single scoop of strawberry in a cup for my daughter")
        talk.say("with rainbow sprinkles on hers")
        strawberry = [opts for sku, _, opts in talk.lines if opts.get("flavour") == "strawberry"]
        assert len(strawberry) == 1 and strawberry[0].get("toppings") == "rainbow_sprinkles"
    finally:
        store.close()


def test_big_tray_goes_to_the_first_kit_elsewhere(chat: Chat) -> None:
    chat.say("two starter kits")
    chat.say("the first one with herb seeds")
    chat.say("and the big tray for that one")
    assert ("KIT", 1, {"seeds": "herbs", "tray": "big"}) in chat.lines


def test_no_to_the_waiting_item_still_drops_it(chat: Chat) -> None:
    chat.say("a starter kit")
    chat.say("no starter kit")
    assert not chat.lines


# --- "that's all" to an offer: declined, the order read back ----------------------------------------------------

def test_thats_all_declines_the_offer(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store.sqlite3", catalog="store", tax_rate_bp=825)
    try:
        talk = Chat(store)
        talk.say("can i get a dozen eggs and some bananas like six")
        before = talk.lines
        talk.say("how much are the bananas")
        reply = talk.say("ok that's all")
        assert talk.lines == before
        assert "place the order" in reply.text
        assert not talk.session.orders
    finally:
        store.close()


def test_yes_to_the_offer_still_takes_it(chat: Chat) -> None:
    chat.say("some red tulips")
    chat.say("how much is the planter box")
    chat.say("yes please")
    assert chat.counts == {"TULIP": 1, "PLANTER": 1}
