"""A product named as a container of its choice ("three cans of cola"), then another item of the same product
named by a choice alone ("and a lemon soda"): two lines, each with its own flavour. A catalog written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of, store_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "CAN", "name": "can of pop", "aliases": ["pop", "cans of pop"], "price": "2.00",
         "options": [{"code": "flavour", "name": "flavour", "required": True, "values": [
             {"code": "cola", "name": "cola"}, {"code": "diet_cola", "name": "diet cola"},
             {"code": "lemon", "name": "lemon soda", "aliases": ["lemon"]}]},
             {"code": "pack", "name": "pack", "default": "single", "values": [
                 {"code": "single", "name": "single can"}, {"code": "6pk", "name": "6 pack", "price_delta": "7.00"},
                 {"code": "12pk", "name": "12 pack", "price_delta": "13.00"}]}]},
        {"sku": "ICE", "name": "bag of ice", "aliases": ["ice"], "price": "2.99"},
        {"sku": "CELLS", "name": "batteries", "aliases": ["battery"], "price": "5.99", "options": [
            {"code": "cell", "name": "cell", "required": True, "values": [
                {"code": "aa", "name": "aa", "aliases": ["double a"]}, {"code": "aaa", "name": "aaa", "aliases": ["triple a"]},
                {"code": "d", "name": "d", "aliases": ["d cell", "d batteries"]}]},
            {"code": "pack", "name": "pack", "default": "4pk", "values": [
                {"code": "4pk", "name": "4 pack"}, {"code": "8pk", "name": "8 pack", "price_delta": "4.00"}]}]},
        {"sku": "CHIPS", "name": "chips", "price": "1.50"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _lines(chat: Chat) -> list[tuple[int, str]]:
    return sorted((n, opts.get("flavour", "")) for _, n, opts in chat.lines)


@pytest.mark.parametrize("said, want", [
    ("three cans of cola and a diet cola", [(1, "diet_cola"), (3, "cola")]),
    ("uh two cans of cola and one lemon soda please", [(1, "lemon"), (2, "cola")]),
    ("two cans of pop, a cola and a lemon soda", [(1, "cola"), (1, "lemon")]),  # the count sums them up
])
def test_a_containers_choice_and_another_item_by_its_choice(chat: Chat, said: str, want: list[tuple[int, str]]) -> None:
    chat.say(said)
    assert _lines(chat) == want


@pytest.mark.parametrize("said, pack, flavour, others", [
    ("um a six pack of cola and a bag of ice", "6pk", "cola", ["ICE"]),
    ("a 12 pack of diet cola and some chips", "12pk", "diet_cola", ["CHIPS"]),
    ("can i get a six pack of lemon soda", "6pk", "lemon", []),
])
def test_a_choice_said_as_the_container_of_another(chat: Chat, said: str, pack: str, flavour: str,
                                                   others: list[str]) -> None:
    """"a six pack of cola": the 6 pack and the cola are both choices of the can, which is not named."""
    chat.say(said)
    cans = [(n, opts) for sku, n, opts in chat.lines if sku == "CAN"]
    assert cans == [(1, {"flavour": flavour, "pack": pack})], chat.lines
    assert sorted(sku for sku, _, _ in chat.lines if sku != "CAN") == others


@pytest.mark.parametrize("said, want", [
    ("a pack of double a and a pack of triple a", [(1, "aa"), (1, "aaa")]),
    ("can i get two packs of double a batteries", [(2, "aa")]),
    ("a bag of ice and a pack of d batteries", [(1, "d")]),
])
def test_a_package_of_what_a_choice_names(chat: Chat, said: str, want: list[tuple[int, str]]) -> None:
    """"a pack of triple a": a package word, then a choice naming its product: one item of that product each."""
    chat.say(said)
    assert sorted((n, opts.get("cell", "")) for sku, n, opts in chat.lines if sku == "CELLS") == want, chat.lines


_CANDY = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BAR", "name": "candy bar", "price": "1.50", "options": [
            {"code": "kind", "name": "kind", "required": True, "values": [
                {"code": "nutty", "name": "nutty bar"}, {"code": "cups", "name": "peanut cups"},
                {"code": "wafer", "name": "wafer bar"}]},
            {"code": "size", "name": "size", "default": "regular", "values": [
                {"code": "regular", "name": "regular"}, {"code": "king", "name": "king size", "price_delta": "1.00"}]}]},
    ],
}


@pytest.fixture
def candy(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _CANDY)


@pytest.mark.parametrize("said, want", [
    ("a nutty bar and a peanut cups king size", [("cups", "king"), ("nutty", "regular")]),
    ("a wafer bar king size and a nutty bar", [("nutty", "regular"), ("wafer", "king")]),
    ("a peanut cups king size", [("cups", "king")]),
])
def test_two_items_of_one_product_each_by_its_own_choices(candy: Chat, said: str, want: list[tuple[str, str]]) -> None:
    """"a snickers and a reeses king size": the second choice of the same one-choice group, with a choice after it,
    is another item; not the first one changed."""
    candy.say(said)
    assert sorted((opts["kind"], opts.get("size", "regular")) for _, _, opts in candy.lines) == want


_SNACKS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "CRISPS", "name": "potato chips", "aliases": ["chips", "bag of chips", "bags of chips"], "price": "1.99",
         "options": [
            {"code": "flavour", "name": "flavour", "default": "plain", "values": [
                {"code": "plain", "name": "plain"}, {"code": "bbq", "name": "barbecue", "aliases": ["bbq"]}]},
            {"code": "size", "name": "size", "default": "snack", "values": [
                {"code": "snack", "name": "snack size"}, {"code": "family", "name": "family size",
                                                          "price_delta": "2.00"}]}]},
        {"sku": "GUM", "name": "gum", "price": "1.00"},
    ],
}


@pytest.mark.parametrize("said", ["a family size bag of barbecue chips and two gum",
                                  "um one family size bag of bbq chips and a gum please"])
def test_a_choice_before_the_package_is_the_products(tmp_path: Path, said: str) -> None:
    store = store_of(tmp_path, _SNACKS)
    chat = Chat(store)
    chat.say(said)
    assert [ln for ln in chat.lines if ln[0] == "CRISPS"] == [("CRISPS", 1, {"flavour": "bbq", "size": "family"})]
    store.close()
