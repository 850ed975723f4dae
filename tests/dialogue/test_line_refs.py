"""A change aimed at one line of several, named by its position, a choice it has or a word of it ("make the first
drink a small not a large", "the mushroom one should be a large not a medium", "for the chicken one can i have the
spicy tuna roll instead of the california"): a choice said after "not", when another of its group is said too, is
what the line was (it neither picks a line nor is set); "the <choice> one" said before a swap picks the line the
swap is for. A catalog written here (a noodle bar), and the bundled cafe and pizzeria."""

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
        {"sku": "RAMEN", "name": "ramen", "price": "14.00", "category": "noodles", "options": [
            {"code": "size", "name": "size", "default": "regular", "values": [
                {"code": "regular", "name": "regular"}, {"code": "large", "name": "large", "price_delta": "3.00"}]},
            {"code": "broth", "name": "broth", "required": True, "values": [
                {"code": "tonkotsu", "name": "tonkotsu"}, {"code": "miso", "name": "miso"},
                {"code": "shoyu", "name": "shoyu"}]}]},
        {"sku": "POKE", "name": "poke bowl", "price": "13.00", "category": "bowls", "options": [
            {"code": "protein", "name": "protein", "required": True, "values": [
                {"code": "tuna", "name": "tuna"}, {"code": "salmon", "name": "salmon"},
                {"code": "tofu", "name": "tofu"}]},
            {"code": "base", "name": "base", "default": "rice", "values": [
                {"code": "rice", "name": "rice"}, {"code": "greens", "name": "greens", "aliases": ["salad"]}]}]},
        {"sku": "SOUP", "name": "miso soup", "aliases": ["miso"], "price": "4.00", "category": "sides", "options": [
            {"code": "size", "name": "size", "default": "regular", "values": [
                {"code": "regular", "name": "regular"}, {"code": "large", "name": "large", "price_delta": "2.00"}]}]},
        {"sku": "TEA", "name": "green tea", "aliases": ["tea"], "price": "3.00", "category": "drinks", "options": [
            {"code": "size", "name": "size", "default": "medium", "values": [
                {"code": "small", "name": "small", "price_delta": "-0.50"}, {"code": "medium", "name": "medium"},
                {"code": "large", "name": "large", "price_delta": "0.75"}]},
            {"code": "temp", "name": "temperature", "default": "hot", "values": [
                {"code": "hot", "name": "hot"}, {"code": "iced", "name": "iced"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def test_first_drink_made_small_not_large(cafe_chat: Chat) -> None:
    cafe_chat.say("the first one's a large latte with oat milk")
    cafe_chat.say("then a medium americano")
    cafe_chat.say("and a chai but iced")
    cafe_chat.say("ok actually make the first drink a small not a large")
    sizes = {sku: opts.get("size") for sku, _, opts in cafe_chat.lines}
    assert sizes == {"LATTE": "small", "AMERICANO": "medium", "CHAI-LATTE": "medium"}


@pytest.mark.parametrize("said", [
    "the miso one should be a large not a regular",
    "make the miso one large not regular",
])
def test_line_by_choice_made_so_not_as_it_was(chat: Chat, said: str) -> None:
    chat.say("a miso ramen and a shoyu ramen")
    chat.say(said)
    assert chat.lines == [("RAMEN", 1, {"size": "large", "broth": "miso"}),
                          ("RAMEN", 1, {"size": "regular", "broth": "shoyu"})]


def test_value_said_with_a_dislike_of_its_rival(chat: Chat) -> None:
    chat.say("a green tea")
    chat.say("iced please my son does not like the hot stuff")
    assert chat.lines == [("TEA", 1, {"size": "medium", "temp": "iced"})]


def test_not_with_no_rival_choice_is_left_alone(chat: Chat) -> None:
    """"Not iced" with nothing else of its group said: no choice is dropped as what the line was, the tea stays
    hot and large (nothing is set to iced)."""
    chat.say("a large green tea")
    chat.say("not iced")
    assert chat.lines == [("TEA", 1, {"size": "large", "temp": "hot"})]


def test_mushroom_one_made_large_at_the_read_back(pizzeria_chat: Chat) -> None:
    pizzeria_chat.say("can i get two medium cheese pizzas one with mushrooms and one with sausage")
    pizzeria_chat.say("that's all")
    pizzeria_chat.say("no wait the mushroom one should be a large not a medium")
    sizes = sorted((opts.get("toppings"), opts.get("size")) for _, _, opts in pizzeria_chat.lines)
    assert sizes == [("mushroom", "large"), ("sausage", "medium")]
    assert not pizzeria_chat.session.orders


@pytest.mark.parametrize("said", [
    "for the tuna one can i have salad instead of rice",
    "and for the tuna one can i get the greens instead of the rice",
])
def test_swap_for_the_line_named_by_its_choice(chat: Chat, said: str) -> None:
    chat.say("a tuna poke bowl and a salmon poke bowl")
    chat.say(said)
    assert chat.lines == [("POKE", 1, {"protein": "tuna", "base": "greens"}),
                          ("POKE", 1, {"protein": "salmon", "base": "rice"})]


def test_swap_with_no_line_named_is_the_line_in_focus(chat: Chat) -> None:
    chat.say("a tuna poke bowl and a salmon poke bowl")
    chat.say("can i have salad instead of rice")
    assert chat.lines == [("POKE", 1, {"protein": "tuna", "base": "rice"}),
                          ("POKE", 1, {"protein": "salmon", "base": "greens"})]


def test_new_item_with_its_own_choice_instead_of_another(chat: Chat) -> None:
    """"And a salmon poke bowl with salad instead of rice": the "instead of" is the new bowl's base, no swap of
    the tuna bowl in the cart."""
    chat.say("a tuna poke bowl")
    chat.say("and a salmon poke bowl with salad instead of rice")
    assert chat.lines == [("POKE", 1, {"protein": "tuna", "base": "rice"}),
                          ("POKE", 1, {"protein": "salmon", "base": "greens"})]


def test_new_item_instead_of_a_line_still_swaps(chat: Chat) -> None:
    chat.say("a miso ramen")
    chat.say("a tuna poke bowl")
    chat.say("a tofu poke bowl instead of the tuna")
    assert chat.lines == [("RAMEN", 1, {"size": "regular", "broth": "miso"}),
                          ("POKE", 1, {"protein": "tofu", "base": "rice"})]


def test_falafel_plate_on_salad_instead_of_rice(tmp_path: Path) -> None:
    store = open_store(tmp_path / "falafel.sqlite3", catalog=catalog_source("falafel"), tax_rate_bp=825)
    try:
        chat = Chat(store)
        chat.say("hi can i get two falafel wraps")
        chat.say("one with hot sauce and one with tahini")
        chat.say("and a chicken plate for my wife on the salad instead of rice")
        assert [(sku, opts.get("sauce"), opts.get("base")) for sku, _, opts in chat.lines] == [
            ("WRAP", "hot", None), ("WRAP", "tahini", None), ("PLATE", None, "salad")]
    finally:
        store.close()


def test_line_switched_to_a_choice_of_its_own(chat: Chat) -> None:
    """"Switch my poke bowl to a salad": "salad" names the bowl's base and no product, so the bowl's base
    changes; no line is swapped for another."""
    chat.say("a tuna poke bowl")
    chat.say("a miso ramen")
    chat.say("switch my poke bowl to a salad")
    assert chat.lines == [("POKE", 1, {"protein": "tuna", "base": "greens"}),
                          ("RAMEN", 1, {"size": "regular", "broth": "miso"})]


def test_line_switched_to_another_product_is_swapped(chat: Chat) -> None:
    chat.say("a tuna poke bowl")
    chat.say("a miso ramen")
    chat.say("switch the poke bowl to a shoyu ramen")
    assert [(sku, opts.get("broth")) for sku, _, opts in chat.lines] == [("RAMEN", "miso"), ("RAMEN", "shoyu")]


def test_sandwich_switched_to_a_sesame_bagel(tmp_path: Path) -> None:
    store = open_store(tmp_path / "bagels.sqlite3", catalog=catalog_source("bagels"), tax_rate_bp=825)
    try:
        chat = Chat(store)
        chat.say("can i get a bacon egg and cheese on an everything bagel")
        chat.say("and a plain bagel toasted with butter")
        chat.say("oh actually switch my bacon egg and cheese to a sesame bagel")
        assert [(sku, opts.get("bagel")) for sku, _, opts in chat.lines] == [("BEC", "sesame"), ("BAGEL", "plain")]
    finally:
        store.close()


def test_a_choice_one_after_asking_about_another_product(chat: Chat) -> None:
    """"Do you have green tea" - "ok a large one": the tea talked about, in large; the poke bowl in the cart comes
    in no size, so it is no "one more" of that."""
    chat.say("a tuna poke bowl")
    chat.say("do you have green tea")
    chat.say("ok a large one")
    assert chat.lines == [("POKE", 1, {"protein": "tuna", "base": "rice"}), ("TEA", 1, {"size": "large", "temp": "hot"})]


def test_a_choice_one_the_line_offers_is_one_more_of_it(chat: Chat) -> None:
    """Negative: "a large green tea" - "and an iced one", nothing else talked about: one more tea, made so."""
    chat.say("a large green tea")
    chat.say("and an iced one")
    assert chat.lines == [("TEA", 1, {"size": "large", "temp": "hot"}), ("TEA", 1, {"size": "large", "temp": "iced"})]


def test_ones_named_by_a_choice_that_is_also_a_product(chat: Chat) -> None:
    """"Make the miso one large" with a miso and a shoyu ramen and no miso soup in the cart: "miso" also names the
    soup (which comes large too), but the line meant is the ramen made with miso broth."""
    chat.say("a miso ramen and a shoyu ramen")
    chat.say("make the miso one large")
    assert chat.lines == [("RAMEN", 1, {"size": "large", "broth": "miso"}),
                          ("RAMEN", 1, {"size": "regular", "broth": "shoyu"})]


def test_ones_named_by_a_product_in_the_cart_are_that_product(chat: Chat) -> None:
    """Negative: with a miso soup in the cart, "the miso one" is the soup, not the ramen made with miso."""
    chat.say("a miso soup and a miso ramen")
    chat.say("make the miso soup large")
    assert chat.lines == [("SOUP", 1, {"size": "large"}), ("RAMEN", 1, {"size": "regular", "broth": "miso"})]


@pytest.mark.parametrize("said", [
    "ok then make the red velvet ones cream cheese frosting",
    "can you do the red velvet ones with cream cheese frosting",
])
def test_cupcakes_named_by_a_flavour_that_is_also_a_cake(tmp_path: Path, said: str) -> None:
    """"The red velvet ones" with red velvet cupcakes and no red velvet cake in the cart: the cupcakes, their
    frosting changed; no red velvet cake added."""
    store = open_store(tmp_path / "cakeshop.sqlite3", catalog=catalog_source("cakeshop"), tax_rate_bp=825)
    try:
        chat = Chat(store)
        chat.say("a vanilla cupcake and a red velvet cupcake")
        chat.say(said)
        assert [(sku, opts.get("flavour"), opts.get("frosting")) for sku, _, opts in chat.lines] == [
            ("CUPCAKE", "vanilla", "vanilla_buttercream"), ("CUPCAKE", "red_velvet", "cream_cheese")]
    finally:
        store.close()
