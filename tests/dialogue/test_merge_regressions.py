"""Conversations lost when four branches were merged together, by rules each branch wrote for its own cases that
misfired on the others':

- a "not" that is a word of a choice said ("not spicy", "not sliced") is no cue that a later choice is what the
  line was, and a choice already read as not wanted ("shredded please not the pate") is left to the change that
  names it (:func:`dialogue.references.as_it_was`);
- a cue of a change ("in a") that is a choice's own words ("in a cup") makes no new item a change of the line in
  focus, and a "for <person>" said before every item of the turn is the next item's ("and for my son a single
  chocolate in a cup") when every "for <person>" has an item after it (not "hoodies for the family a black one for
  me a grey one for my wife", where the people follow their items);
- a choice said with the product's own noun after a counted item is no other item when choices of its group said
  between them share the item's count out ("four cans two cokes and two orange sodas").

On the corpus catalogs and on a shop written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.sqlite_store import SQLiteStore
from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "CURRY", "name": "curry", "price": "12.00", "stock": 50, "aliases": ["curries"], "options": [
            {"code": "protein", "name": "protein", "required": True, "values": [
                {"code": "chicken", "name": "chicken"}, {"code": "lamb", "name": "lamb"},
                {"code": "paneer", "name": "paneer"}]},
            {"code": "spice", "name": "spice", "default": "medium", "values": [
                {"code": "mild", "name": "mild", "aliases": ["not spicy"]}, {"code": "medium", "name": "medium"},
                {"code": "hot", "name": "hot", "aliases": ["spicy"]}]},
            {"code": "extras", "name": "extras", "multiple": True, "values": [
                {"code": "naan", "name": "naan", "aliases": ["extra naan"], "price_delta": "2.00"},
                {"code": "rice", "name": "rice", "aliases": ["side of rice"], "price_delta": "2.00"}]}]},
        {"sku": "GELATO", "name": "gelato", "price": "4.00", "stock": 50, "aliases": ["gelatos"], "options": [
            {"code": "scoops", "name": "scoops", "default": "single", "values": [
                {"code": "single", "name": "single scoop", "aliases": ["single", "one scoop"]},
                {"code": "double", "name": "double scoop", "aliases": ["double", "two scoops"],
                 "price_delta": "2.00"}]},
            {"code": "flavour", "name": "flavour", "required": True, "multiple": True, "values": [
                {"code": "hazelnut", "name": "hazelnut"}, {"code": "lemon", "name": "lemon"},
                {"code": "stracciatella", "name": "stracciatella"}]},
            {"code": "vessel", "name": "vessel", "default": "cup", "values": [
                {"code": "cup", "name": "cup", "aliases": ["in a cup"]},
                {"code": "cone", "name": "cone", "aliases": ["in a cone"]}]}]},
        {"sku": "SHAKE", "name": "milkshake", "price": "5.00", "stock": 50, "aliases": ["shake"], "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "hazelnut", "name": "hazelnut"}, {"code": "lemon", "name": "lemon"}]}]},
        {"sku": "SODA", "name": "can of soda", "price": "2.00", "stock": 50,
         "aliases": ["soda", "sodas", "can", "cans"], "options": [
             {"code": "flavour", "name": "flavour", "required": True, "values": [
                 {"code": "cola", "name": "cola", "aliases": ["colas"]},
                 {"code": "lemon_lime", "name": "lemon lime soda", "aliases": ["lemon lime", "lemon lime sodas"]},
                 {"code": "root_beer", "name": "root beer", "aliases": ["root beers"]}]}]},
    ],
}


def _lines(chat: Chat) -> list[tuple[str, int, dict[str, str]]]:
    """The cart's lines, the values of a group of several choices joined by "+" in name order."""
    out = []
    for ln in chat.session.cart.lines:
        opts: dict[str, list[str]] = {}
        for o in ln.options:
            opts.setdefault(o.group, []).append(o.value)
        out.append((ln.sku, ln.quantity, {g: "+".join(sorted(v)) for g, v in opts.items()}))
    return out


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.fixture
def corpus_chat(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog(request.param))


# -- a "not" of a choice's own words; a choice already not wanted -------------------------------------------------

def test_not_of_a_choice_keeps_the_choices_after_it(chat: Chat) -> None:
    """"not spicy" is the mild choice: the naan and the rice said after it are wanted, not what the curry was."""
    chat.say("a chicken curry not spicy with extra naan and a side of rice")
    assert _lines(chat) == [("CURRY", 1, {"protein": "chicken", "spice": "mild", "extras": "naan+rice"})]


@pytest.mark.parametrize("corpus_chat, said, sku, want", [
    ("cheeseshop", "a pound of swiss not sliced just in a chunk", "SWISS", {"cut": "wedge", "weight": "1lb"}),
    ("noodlebar", "a tonkotsu not spicy with extra chashu and a soft boiled egg", "TONKOTSU",
     {"spice": "none", "extras": "chashu+egg"}),
], indirect=["corpus_chat"])
def test_not_of_a_choice_on_the_corpus_shops(corpus_chat: Chat, said: str, sku: str, want: dict[str, str]) -> None:
    corpus_chat.say(said)
    [(got_sku, qty, opts)] = _lines(corpus_chat)
    assert (got_sku, qty) == (sku, 1)
    assert {g: opts.get(g) for g in want} == want


def test_choice_not_wanted_names_the_change(chat: Chat) -> None:
    """"mild please not the hot": the hot the curry has is what goes, the mild what it becomes."""
    chat.say("a hot lamb curry")
    chat.say("mild please not the hot")
    assert chat.lines == [("CURRY", 1, {"protein": "lamb", "spice": "mild"})]


@pytest.mark.parametrize("corpus_chat", ["pharmacy"], indirect=True)
def test_choice_not_wanted_picks_the_line(corpus_chat: Chat) -> None:
    """"the cherry one not grape": the line that is grape is the one changed, not the one in focus."""
    corpus_chat.say("i need children's acetaminophen grape")
    corpus_chat.say("and a digital thermometer the forehead one")
    corpus_chat.say("and cold and flu for me the night time")
    corpus_chat.say("actually the kids medicine the cherry one not grape")
    flavours = {sku: opts.get("flavour") for sku, _, opts in corpus_chat.lines}
    assert flavours["KIDS-ACETAMINOPHEN"] == "cherry"
    assert len(corpus_chat.lines) == 3


def test_a_rival_after_not_is_still_what_the_line_was(chat: Chat) -> None:
    """Negative: "make it mild not medium" - the medium is what the curry was, dropped; the mild is set."""
    chat.say("a paneer curry")
    chat.say("make it mild not medium")
    assert chat.lines == [("CURRY", 1, {"protein": "paneer", "spice": "mild"})]


# -- a change cue inside a choice's words; who an item is for, said first -----------------------------------------

def test_another_item_named_by_its_choices_in_a_cup(chat: Chat) -> None:
    chat.say("a double hazelnut gelato in a cone")
    chat.say("and a single lemon in a cup for me")
    assert chat.lines == [("GELATO", 1, {"scoops": "double", "flavour": "hazelnut", "vessel": "cone"}),
                          ("GELATO", 1, {"scoops": "single", "flavour": "lemon", "vessel": "cup"})]


@pytest.mark.parametrize("corpus_chat", ["creamery"], indirect=True)
def test_item_for_someone_said_first_is_theirs(corpus_chat: Chat) -> None:
    corpus_chat.say("a double scoop of mint chip in a waffle cone for me")
    corpus_chat.say("and for my son a single chocolate in a cup with rainbow sprinkles")
    corpus_chat.say("and my husband wants a chocolate milkshake large")
    corpus_chat.say("and put hot fudge on my son's one too")
    toppings = {opts.get("flavour"): opts.get("toppings") for sku, _, opts in _lines(corpus_chat)
                if sku == "ICE-CREAM"}
    assert toppings == {"mint_chip": None, "chocolate": "hot_fudge+rainbow_sprinkles"}
    assert [sku for sku, _, _ in corpus_chat.lines] == ["ICE-CREAM", "ICE-CREAM", "SHAKE"]


def test_who_said_first_in_the_cafe(cafe: SQLiteStore) -> None:
    """"for my daughter a small hot chocolate": hers, so "make my daughter's one large" is the hot chocolate,
    though a latte was said after it."""
    chat = Chat(cafe)
    chat.say("for my daughter a small hot chocolate")
    chat.say("and a medium latte")
    chat.say("make my daughter's one large")
    assert [(sku, o.get("size")) for sku, _, o in chat.lines] == [("HOT-CHOCOLATE", "large"), ("LATTE", "medium")]


def test_who_said_after_the_item_is_still_that_items(cafe: SQLiteStore) -> None:
    """Negative: "a small latte for my wife and a mocha" - the "for my wife" is the latte's, as before."""
    chat = Chat(cafe)
    chat.say("a small latte for my wife and a mocha")
    chat.say("make my wife's one large")
    assert [(sku, o.get("size")) for sku, _, o in chat.lines] == [("LATTE", "large"), ("MOCHA", "medium")]


def test_who_said_after_each_item_after_a_group_first(shop_store: SQLiteStore) -> None:
    """Negative: "hoodies for the family" said before every item, then "for me" / "for my wife" / "for my
    daughter" each after its item - the people follow their items, so "my wife wants small" is the grey one."""
    chat = Chat(shop_store)
    chat.say("i need hoodies for the family a black one in large for me a grey one in medium for my wife "
             "and a navy one in extra small for my daughter")
    chat.say("oh wait my wife wants small not medium")
    assert [(o.get("colour"), o.get("size")) for _, _, o in chat.lines] == [
        ("black", "l"), ("grey", "s"), ("navy", "xs")]


def test_who_said_after_each_item_after_a_group_first_in_the_cafe(cafe: SQLiteStore) -> None:
    """Negative, another shop: "lattes for the family a small one for me a large one for my wife and a medium one
    for my son" - the wife's is the large one."""
    chat = Chat(cafe)
    chat.say("lattes for the family a small one for me a large one for my wife and a medium one for my son")
    chat.say("my wife wants a small not large")
    assert [o.get("size") for _, _, o in chat.lines] == ["small", "small", "medium"]


def test_cup_said_as_a_change_still_changes_the_line(chat: Chat) -> None:
    """Negative: "actually in a cup" with no item said is the gelato in focus, made so - no new one."""
    chat.say("a double hazelnut gelato in a cone")
    chat.say("actually in a cup")
    assert chat.lines == [("GELATO", 1, {"scoops": "double", "flavour": "hazelnut", "vessel": "cup"})]


# -- a total shared out by the counts said after it ---------------------------------------------------------------

def test_counts_after_a_total_share_it_out(chat: Chat) -> None:
    chat.say("six cans three colas and three lemon lime sodas")
    assert sorted((q, o.get("flavour")) for _, q, o in chat.lines) == [(3, "cola"), (3, "lemon_lime")]


@pytest.mark.parametrize("corpus_chat", ["falafel"], indirect=True)
def test_counts_after_a_total_on_the_corpus_shop(corpus_chat: Chat) -> None:
    corpus_chat.say("four cans two cokes and two orange sodas")
    assert sorted((q, o.get("flavour")) for _, q, o in corpus_chat.lines) == [(2, "coke"), (2, "orange")]


@pytest.mark.parametrize("corpus_chat", ["cocktailbar"], indirect=True)
def test_own_noun_after_an_item_is_still_another_item(corpus_chat: Chat) -> None:
    """Negative: nothing of its group said between them - "a kentucky mule" is one more mule, in bourbon."""
    corpus_chat.say("two moscow mules and a kentucky mule")
    assert sorted((q, o.get("spirit")) for _, q, o in corpus_chat.lines) == [(1, "bourbon"), (2, "vodka")]
