"""Choices said for a line ordered before, not a new product: words that name both a product and a choice of the
line in focus, said after that choice's group ("ground for a french press": the beans' grind, not a french press),
words that are only a part of another product's name and each a choice of the line in focus ("toasted
with lettuce and tomato" after a turkey sandwich: its toppings, not a bacon lettuce and tomato sandwich), and a
choice taken off the line that has it (and a product said "on its own" is a line of its own, not that choice of
a line: "a chili cheese dog on its own" after a hot dog combo); a choice said of "them" when the line in focus is
one of several lines of its product is on all of them ("one white and one pink" - "wrap them in cellophane"), not the line in focus that never had it ("take off the banana" after
an acai bowl with banana and two ginger shots). A catalog written here (a tea shop), and the corpus roaster and
juicebar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of, corpus_catalog, store_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "OOLONG", "name": "oolong tea", "aliases": ["oolong"], "price": "12.00", "category": "tea",
         "options": [
             {"code": "brew", "name": "brewing", "default": "loose", "aliases": ["brewed in", "brewing"], "values": [
                 {"code": "loose", "name": "loose leaf"}, {"code": "teapot", "name": "teapot"},
                 {"code": "kettle", "name": "kettle"}]}]},
        {"sku": "TEAPOT", "name": "teapot", "aliases": ["tea pot"], "price": "30.00", "category": "gear"},
        {"sku": "CAKE", "name": "honey cake", "price": "4.00", "category": "sweets", "options": [
            {"code": "extras", "name": "extras", "multiple": True, "amounts": True, "values": [
                {"code": "nuts", "name": "nuts"}, {"code": "cream", "name": "cream"},
                {"code": "berries", "name": "berries"}]}]},
        {"sku": "MILK-TEA", "name": "milk tea", "price": "5.00", "category": "tea"},
        {"sku": "SET", "name": "tea set", "price": "15.00", "category": "sets", "options": [
            {"code": "sweet", "name": "sweet", "default": "biscuit", "values": [
                {"code": "biscuit", "name": "biscuit"}, {"code": "honey_cake", "name": "honey cake"}]}]},
        {"sku": "SUNDAE", "name": "nuts and cream sundae", "price": "6.00", "category": "sweets"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.fixture
def roaster(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("roaster"))


@pytest.fixture
def juicebar(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("juicebar"))


def _chosen(chat: Chat, sku: str, group: str) -> set[str]:
    """The values of ``group`` on the line of ``sku`` (one taken off, said "no", is not chosen)."""
    line = next(ln for ln in chat.session.cart.lines if ln.sku == sku)
    return {o.value for o in line.options if o.group == group and o.amount != "none"}


def test_ground_for_a_french_press_is_the_grind(roaster: Chat) -> None:
    roaster.say("hi i want a bag of the colombian")
    roaster.say("ground for uh a french press")
    assert [(sku, opts.get("grind")) for sku, _, opts in roaster.lines] == [("COLOMBIA", "french_press")]


def test_a_french_press_alone_is_the_product(roaster: Chat) -> None:
    roaster.say("hi i want a bag of the colombian")
    roaster.say("and a french press")
    assert [sku for sku, _, _ in roaster.lines] == ["COLOMBIA", "FRENCH-PRESS"]


def test_brewed_in_a_teapot_is_the_choice(chat: Chat) -> None:
    chat.say("a bag of oolong")
    chat.say("brewed in a teapot")
    assert chat.lines == [("OOLONG", 1, {"brew": "teapot"})]


def test_a_teapot_without_its_group_is_a_new_product(chat: Chat) -> None:
    chat.say("a bag of oolong")
    chat.say("and a teapot")
    assert [sku for sku, _, _ in chat.lines] == ["OOLONG", "TEAPOT"]


def test_banana_taken_off_the_bowl_not_the_shots(juicebar: Chat) -> None:
    juicebar.say("can i get an acai bowl with granola and banana")
    juicebar.say("and um a ginger shot no two ginger shots")
    juicebar.say("actually take off the banana and put strawberries")
    assert _chosen(juicebar, "ACAI-BOWL", "toppings") == {"granola", "strawberries"}
    assert ("GINGER-SHOT", 2, {}) in juicebar.lines


def test_extra_taken_off_the_cake_said_before(chat: Chat) -> None:
    chat.say("a honey cake with nuts and cream")
    chat.say("and a milk tea")
    chat.say("no nuts please")
    assert _chosen(chat, "CAKE", "extras") == {"cream"}


def test_extra_nobody_has_changes_no_line(chat: Chat) -> None:
    """Berries are on no line: nothing is taken off anything, and the cake keeps its nuts."""
    chat.say("a honey cake with nuts")
    chat.say("and a milk tea")
    chat.say("no berries please")
    assert _chosen(chat, "CAKE", "extras") == {"nuts"}
    assert "MILK-TEA" in [sku for sku, _, _ in chat.lines]


def test_with_lettuce_and_tomato_are_the_sandwich_toppings(tmp_path: Path) -> None:
    deli = Chat(store_of(tmp_path, corpus_catalog("deli")))
    deli.say("hi a turkey sandwich on rye please")
    deli.say("toasted and uh with lettuce and tomato")
    assert [sku for sku, _, _ in deli.lines] == ["TURKEY"]
    assert _chosen(deli, "TURKEY", "toppings") == {"lettuce", "tomato"}
    assert _chosen(deli, "TURKEY", "heat") == {"toasted"}


def test_with_nuts_and_cream_are_the_cake_extras(chat: Chat) -> None:
    chat.say("a honey cake")
    chat.say("with nuts and cream")
    assert [sku for sku, _, _ in chat.lines] == ["CAKE"]
    assert _chosen(chat, "CAKE", "extras") == {"nuts", "cream"}


def test_a_nuts_and_cream_with_its_article_is_the_product(chat: Chat) -> None:
    chat.say("a honey cake")
    chat.say("and a nuts and cream")
    assert [sku for sku, _, _ in chat.lines] == ["CAKE", "SUNDAE"]


def test_words_no_choice_of_the_focus_stay_the_product(chat: Chat) -> None:
    """The milk tea in focus offers no nuts nor cream: the words are the sundae's."""
    chat.say("a milk tea")
    chat.say("and nuts and cream")
    assert [sku for sku, _, _ in chat.lines] == ["MILK-TEA", "SUNDAE"]


def test_chili_cheese_dog_on_its_own_is_a_line_of_its_own(tmp_path: Path) -> None:
    dogs = Chat(store_of(tmp_path, corpus_catalog("hotdogs")))
    for said in ("can i get a combo", "uh the chicago dog", "and a sprite", "onion rings instead of fries",
                 "and a chili cheese dog on its own"):
        dogs.say(said)
    assert [(sku, opts.get("dog")) for sku, _, opts in dogs.lines] == [("COMBO", "chicago"), ("CHILI-CHEESE-DOG", None)]


def test_honey_cake_separately_is_not_the_sets_sweet(chat: Chat) -> None:
    chat.say("a tea set")
    chat.say("and a honey cake separately")
    assert [(sku, opts.get("sweet")) for sku, _, opts in chat.lines] == [("SET", "biscuit"), ("CAKE", None)]


def test_honey_cake_as_its_sweet_still_changes_the_set(chat: Chat) -> None:
    """An "its" outside "on its own" still points at the line in focus."""
    chat.say("a tea set")
    chat.say("with honey cake as its sweet")
    assert [(sku, opts.get("sweet")) for sku, _, opts in chat.lines] == [("SET", "honey_cake")]


def test_wrap_them_is_both_lily_bouquets(tmp_path: Path) -> None:
    flowers = Chat(store_of(tmp_path, corpus_catalog("florist")))
    flowers.say("ok two white lily bouquets no wait one white and one pink")
    flowers.say("and wrap them in cellophane")
    assert [(opts.get("colour"), opts.get("wrap")) for _, _, opts in flowers.lines] == [
        ("white", "cellophane"), ("pink", "cellophane")]


def test_cream_on_them_is_on_both_cakes(chat: Chat) -> None:
    chat.say("one honey cake with nuts and one honey cake with berries")
    chat.say("add cream to them")
    lines = chat.session.cart.lines
    assert [{o.value for o in ln.options} for ln in lines] == [{"nuts", "cream"}, {"berries", "cream"}]


def test_them_with_one_line_of_the_product_is_that_line(chat: Chat) -> None:
    """The cake in focus is the one line of its product: "them" is that line, the oolongs stay as they were."""
    chat.say("one oolong brewed in a teapot and one oolong brewed in a kettle")
    chat.say("a honey cake with nuts")
    chat.say("and put cream on them")
    assert _chosen(chat, "CAKE", "extras") == {"nuts", "cream"}
    assert [sku for sku, _, _ in chat.lines] == ["OOLONG", "OOLONG", "CAKE"]


def test_it_is_only_the_line_in_focus(tmp_path: Path) -> None:
    flowers = Chat(store_of(tmp_path, corpus_catalog("florist")))
    flowers.say("one white lily bouquet and one pink lily bouquet")
    flowers.say("wrap it in cellophane")
    assert [(opts.get("colour"), opts.get("wrap")) for _, _, opts in flowers.lines][0][1] != "cellophane"
