"""Issue 11, round 5: general mechanisms found on a shop the engine had never seen (an ice-cream parlour,
``tests/corpus/creamery.jsonl``), each tested here on a small catalog written for the test.

- "two vanilla cones": a choice's name said in the plural names that choice (where the plural names nothing else:
  a product named so keeps it).
- "a large and a small cola soda": a choice said after the last of the choices that tell the sub-items apart, right
  before their shared product, goes on every sub-item; "a chocolate and a vanilla shake, both large": what is said
  after the product is kept (and "both" shares it).
- "a cup of lemon", "two cups of berry" (nothing named before): a choice in a container that is itself a choice
  is an item of the product offering both.
- "with extra berry": an amount word alone is no part of a product's name ("extra spoon").
- "a banana smoothie instead of the berry smoothie": the choice said after "instead of" is the old line's, and the
  product said again there is the old line, not the new item said again; "... instead of the berry" (no product
  after it) names the old line of the same product by its choice.
- "a hazelnut cone": a word naming a product and a choice, right before a choice the product does not offer but
  another product offering both does, is that choice.
- "two scoops in a cone, lemon and berry": a number that begins a choice ("two scoops") counts no item.
- "make one of them berry": a multi-choice group the product needs a value of gets the values said; "add berry" /
  "with berry too" still adds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.sqlite_store import SQLiteStore
from dialogue.lexicon import IndexedLexicon, Lexicon
from tests.dialogue.conftest import Chat, store_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "size": {"code": "size", "name": "size", "default": "regular", "values": [
            {"code": "small", "name": "small"}, {"code": "regular", "name": "regular"},
            {"code": "large", "name": "large", "price_delta": "1.00"}]},
    },
    "products": [
        {"sku": "GELATO", "name": "gelato", "aliases": ["gelato cones"], "price": "4.00", "options": [
            {"code": "holder", "name": "holder", "default": "dish", "values": [
                {"code": "dish", "name": "dish"}, {"code": "cone", "name": "cone", "aliases": ["in a cone"]}, {"code": "cup", "name": "cup"},
                {"code": "wafer", "name": "wafer cup"}]},
            {"code": "scoops", "name": "scoops", "default": "one", "values": [
                {"code": "one", "name": "one scoop"}, {"code": "two", "name": "two scoops"}]},
            {"code": "flavour", "name": "flavour", "required": True, "multiple": True, "values": [
                {"code": "lemon", "name": "lemon"}, {"code": "hazelnut", "name": "hazelnut"},
                {"code": "berry", "name": "berry"}]}]},
        {"sku": "SMOOTHIE", "name": "smoothie", "aliases": ["smoothies"], "price": "5.00", "options": [
            {"code": "fruit", "name": "fruit", "required": True, "values": [
                {"code": "berry", "name": "berry"}, {"code": "banana", "name": "banana"}]}, "size"]},
        {"sku": "WAFER-CUPS", "name": "wafer cups", "price": "2.00"},
        {"sku": "SPOON", "name": "extra spoon", "price": "0.10"},
        {"sku": "NUTS", "name": "hazelnut", "aliases": ["hazelnuts"], "price": "3.00"},
    ],
}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = store_of(tmp_path, _SHOP)
    yield s
    s.close()


@pytest.fixture
def chat(store: SQLiteStore) -> Chat:
    return Chat(store)


def test_a_choice_said_in_the_plural_names_that_choice(chat: Chat) -> None:
    chat.say("two lemon cones")
    assert chat.lines == [("GELATO", 2, {"holder": "cone", "scoops": "one", "flavour": "lemon"})]


def test_a_plural_that_names_a_product_stays_the_product(chat: Chat) -> None:
    chat.say("two wafer cups")
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("WAFER-CUPS", 2)]


@pytest.mark.parametrize("indexed", [False, True])
def test_both_lexicons_know_a_choices_plural_and_leave_a_products_alone(store: SQLiteStore, indexed: bool) -> None:
    lex = IndexedLexicon(store) if indexed else Lexicon.for_store(store)
    assert [(t.kind, t.value) for t in lex.phrases[("cones",)]] == [("option", "cone")]
    assert {t.kind for t in lex.phrases[("wafer", "cups")]} == {"product"}
    assert ("berries",) in lex.phrases and {t.value for t in lex.phrases[("berries",)]} == {"berry"}


def _lines(chat: Chat) -> list[tuple[str, int, dict[str, str]]]:
    return sorted(chat.lines, key=lambda ln: sorted(ln[2].items()))


def test_a_choice_before_the_shared_product_goes_on_every_sub_item(chat: Chat) -> None:
    chat.say("a large and a small berry smoothie")
    assert _lines(chat) == [("SMOOTHIE", 1, {"fruit": "berry", "size": "large"}),
                            ("SMOOTHIE", 1, {"fruit": "berry", "size": "small"})]


def test_a_choice_before_the_last_telling_one_stays_with_its_sub_item(chat: Chat) -> None:
    chat.say("a berry and a large banana smoothie")
    assert _lines(chat) == [("SMOOTHIE", 1, {"fruit": "banana", "size": "large"}),
                            ("SMOOTHIE", 1, {"fruit": "berry", "size": "regular"})]


def test_choices_after_the_shared_product_are_kept_and_both_shares_them(chat: Chat) -> None:
    chat.say("a berry and a banana smoothie both large")
    assert _lines(chat) == [("SMOOTHIE", 1, {"fruit": "banana", "size": "large"}),
                            ("SMOOTHIE", 1, {"fruit": "berry", "size": "large"})]


def test_a_choice_in_a_container_that_is_a_choice_is_an_item_of_the_product_offering_both(chat: Chat) -> None:
    chat.say("two cups of berry")
    assert chat.lines == [("GELATO", 2, {"holder": "cup", "scoops": "one", "flavour": "berry"})]


def test_a_container_of_a_choice_after_an_item_makes_no_item(chat: Chat) -> None:
    chat.say("a large banana smoothie with a cup of berry")
    assert [sku for sku, _, _ in chat.lines] == ["SMOOTHIE"]


@pytest.mark.parametrize("indexed", [False, True])
def test_an_amount_word_alone_names_no_product(store: SQLiteStore, indexed: bool) -> None:
    lex = IndexedLexicon(store) if indexed else Lexicon.for_store(store)
    assert not [t for t in lex.phrases.get(("extra",), ()) if t.kind == "product"]
    assert [t.sku for t in lex.phrases[("spoon",)]] == ["SPOON"]



@pytest.mark.parametrize("said", ["a banana smoothie instead of the berry smoothie",
                                  "a banana smoothie instead of the berry"])
def test_x_instead_of_the_same_product_with_another_choice_swaps_the_line(chat: Chat, said: str) -> None:
    chat.say("a berry smoothie")
    chat.say(said)
    assert [(sku, qty, opts["fruit"]) for sku, qty, opts in chat.lines] == [("SMOOTHIE", 1, "banana")]


def test_a_product_word_before_a_choice_it_does_not_offer_is_a_choice(chat: Chat) -> None:
    chat.say("a hazelnut cone")
    assert chat.lines == [("GELATO", 1, {"holder": "cone", "scoops": "one", "flavour": "hazelnut"})]


def test_a_product_word_alone_stays_the_product(chat: Chat) -> None:
    chat.say("a hazelnut and a lemon gelato")
    assert sorted(sku for sku, _, _ in chat.lines) == ["GELATO", "NUTS"]


def test_a_number_that_begins_a_choice_counts_no_item(chat: Chat) -> None:
    chat.say("two scoops in a cone lemon and berry")
    assert [(sku, qty, opts["scoops"], opts["holder"]) for sku, qty, opts in chat.lines] == [("GELATO", 1, "two", "cone")]


def _flavours(chat: Chat) -> list[tuple[int, list[str]]]:
    return sorted((ln.quantity, sorted(o.value for o in ln.options if o.group == "flavour"))
                  for ln in chat.session.cart.lines)


def test_make_sets_the_values_of_a_needed_multi_choice_group(chat: Chat) -> None:
    chat.say("two lemon cones")
    chat.say("actually make one of them berry")
    assert _flavours(chat) == [(1, ["berry"]), (1, ["lemon"])]


@pytest.mark.parametrize("said", ["add berry", "make it with berry too"])
def test_adding_words_still_add_to_a_multi_choice_group(chat: Chat, said: str) -> None:
    chat.say("a lemon cone")
    chat.say(said)
    assert _flavours(chat) == [(1, ["berry", "lemon"])]


def test_instead_of_a_choice_the_new_product_does_not_offer_is_the_line_of_another_product(chat: Chat) -> None:
    chat.say("a lemon cone")
    chat.say("a banana smoothie instead of the lemon")
    assert [(sku, opts.get("fruit")) for sku, _, opts in chat.lines] == [("SMOOTHIE", "banana")]
