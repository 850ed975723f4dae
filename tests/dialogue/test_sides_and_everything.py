"""Toppings, sides and parts said loosely, on a small catalog written here: "with everything" gives an item every
free value of its toppings group (but a choice literally named "everything" keeps winning); "hummus and pita on the
side" are two side orders, not the choice "hummus and pita" of a combo nobody named; "the front and back lights" are
a front light and a back light; "what sizes do the tubes come in" names the tube's "wheel size" by its alias."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "fixings": {"code": "fixings", "name": "fixings", "multiple": True, "aliases": ["toppings", "veggies"],
                    "values": [
                        {"code": "lettuce", "name": "lettuce"}, {"code": "tomato", "name": "tomato",
                                                                  "aliases": ["tomatoes"]},
                        {"code": "onion", "name": "onions", "aliases": ["onion"]},
                        {"code": "pickles", "name": "pickles", "aliases": ["pickle"]},
                        {"code": "avocado", "name": "avocado", "price_delta": "1.50"}]},
        "sauce": {"code": "sauce", "name": "sauces", "multiple": True, "aliases": ["sauce"], "values": [
            {"code": "tahini", "name": "tahini"}, {"code": "garlic", "name": "garlic sauce"}]},
    },
    "products": [
        {"sku": "WRAP", "name": "wrap", "aliases": ["wraps", "sandwich"], "price": "9.00",
         "options": ["fixings", "sauce"]},
        {"sku": "BOWL", "name": "bowl", "aliases": ["bowls"], "price": "11.00", "options": [
            {"code": "base", "name": "base", "default": "rice", "values": [
                {"code": "rice", "name": "rice"}, {"code": "couscous", "name": "couscous"}]}, "fixings", "sauce"]},
        {"sku": "HUMMUS", "name": "hummus", "aliases": ["side of hummus"], "price": "4.00"},
        {"sku": "PITA", "name": "pita", "aliases": ["pita bread"], "price": "2.00"},
        {"sku": "COMBO", "name": "combo", "aliases": ["meal"], "price": "13.00", "options": [
            {"code": "side", "name": "side", "required": True, "values": [
                {"code": "fries", "name": "fries"}, {"code": "hummus", "name": "hummus",
                                                      "aliases": ["hummus and pita"]}]}]},
        {"sku": "BAGEL", "name": "bagel", "aliases": ["bagels"], "price": "2.00", "options": [
            {"code": "kind", "name": "kind", "required": True, "values": [
                {"code": "plain", "name": "plain"}, {"code": "everything", "name": "everything"}]}]},
        {"sku": "FRONT", "name": "front light", "aliases": ["front lights", "headlight"], "price": "25.00"},
        {"sku": "REAR", "name": "rear light", "aliases": ["rear lights", "back light", "back lights"],
         "price": "20.00"},
        {"sku": "LIGHTS", "name": "light set", "aliases": ["set of lights", "front and rear light set"],
         "price": "40.00"},
        {"sku": "HELMET", "name": "bike helmet", "price": "45.00"},
        {"sku": "KIDS", "name": "kids helmet", "price": "35.00"},
        {"sku": "BRAKES", "name": "brake tune", "aliases": ["brake adjustment"], "price": "15.00", "options": [
            {"code": "brakes", "name": "which brakes", "default": "both", "values": [
                {"code": "both", "name": "both", "aliases": ["front and back", "front and rear"]},
                {"code": "front", "name": "front"}, {"code": "rear", "name": "rear", "aliases": ["back"]}]}]},
        {"sku": "TUBE", "name": "inner tube", "aliases": ["tube", "tubes", "inner tubes"], "price": "8.00",
         "options": [{"code": "wheel", "name": "wheel size", "required": True, "aliases": ["size", "wheel"],
                      "values": [{"code": "26", "name": "26 inch"}, {"code": "29", "name": "29 inch"}]}]},
        {"sku": "JERSEY", "name": "jersey", "price": "50.00", "options": [
            {"code": "size", "name": "size", "required": True, "aliases": ["what size"], "values": [
                {"code": "s", "name": "small"}, {"code": "m", "name": "medium"}]}]},
    ],
}

_FREE = {"lettuce", "tomato", "onion", "pickles"}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _fixings(chat: Chat, sku: str) -> set[str]:
    return {o.value for ln in chat.session.cart.lines if ln.sku == sku for o in ln.options
            if o.group == "fixings" and o.amount != "none"}


@pytest.mark.parametrize("said", ["a wrap with everything", "a sandwich with the works please",
                                  "can i get a wrap with all the toppings", "one wrap with everything on it"])
def test_with_everything_is_every_free_topping(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [sku for sku, _, _ in chat.lines] == ["WRAP"]
    assert _fixings(chat, "WRAP") == _FREE  # not the avocado, which costs extra; no sauce either


@pytest.mark.parametrize(("said", "off"), [("a wrap with everything but no onions", "onion"),
                                           ("a wrap with everything except pickles", "pickles"),
                                           ("a bowl on couscous with the works hold the tomatoes", "tomato")])
def test_everything_but_one_leaves_that_one_off(chat: Chat, said: str, off: str) -> None:
    chat.say(said)
    sku = chat.lines[0][0]
    assert _fixings(chat, sku) == _FREE - {off}


def test_everything_and_more_choices(chat: Chat) -> None:
    chat.say("two bowls on couscous with everything and tahini and a wrap")
    bowl = next(ln for ln in chat.session.cart.lines if ln.sku == "BOWL")
    assert bowl.quantity == 2 and _fixings(chat, "BOWL") == _FREE
    assert {(o.group, o.value) for o in bowl.options} >= {("base", "couscous"), ("sauce", "tahini")}
    assert _fixings(chat, "WRAP") == set()  # the wrap said after got nothing of it


@pytest.mark.parametrize("said", ["an everything bagel", "one everything bagel please"])
def test_a_choice_named_everything_still_wins(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("BAGEL", 1, {"kind": "everything"})]


@pytest.mark.parametrize("said", ["a bowl on couscous with hummus and pita on the side",
                                  "a wrap with tahini and hummus and pita on the side",
                                  "a bowl with pita and hummus on the side"])
def test_two_products_on_the_side_are_side_orders(chat: Chat, said: str) -> None:
    chat.say(said)
    assert sorted(chat.counts) == sorted([chat.lines[0][0], "HUMMUS", "PITA"])


def test_on_the_side_after_an_item_already_ordered(chat: Chat) -> None:
    chat.say("a wrap")
    chat.say("and hummus and pita on the side")
    assert chat.counts == {"WRAP": 1, "HUMMUS": 1, "PITA": 1}


def test_the_combo_named_keeps_its_choice(chat: Chat) -> None:
    chat.say("a combo with hummus and pita")
    assert chat.lines == [("COMBO", 1, {"side": "hummus"})]


@pytest.mark.parametrize("said", ["the front and back lights", "a front and a rear light",
                                  "front and rear lights please", "i need the front and the back light"])
def test_two_modifiers_sharing_a_noun_are_two_products(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.counts == {"FRONT": 1, "REAR": 1}


@pytest.mark.parametrize(("said", "counts"), [
    ("a front and rear light set", {"LIGHTS": 1}),
    ("a headlight for my son's bike and a kids helmet", {"FRONT": 1, "KIDS": 1})])
def test_no_shared_noun_inside_a_name_or_after_another_noun(chat: Chat, said: str, counts: dict[str, int]) -> None:
    chat.say(said)
    assert chat.counts == counts


def test_the_choice_front_and_back_stays_a_choice(chat: Chat) -> None:
    chat.say("a brake tune front and back")
    assert chat.lines == [("BRAKES", 1, {"brakes": "both"})]


@pytest.mark.parametrize("said", ["what sizes do the inner tubes come in", "what size are the tubes"])
def test_a_group_asked_by_its_alias(chat: Chat, said: str) -> None:
    text = chat.say(said).text
    assert "26 inch" in text and "29 inch" in text
    assert chat.lines == []



@pytest.mark.parametrize("said", ["a brake tune on the back", "a brake adjustment for the back please",
                                  "a headlight and a brake tune on the back"])
def test_a_common_word_choice_after_on_the(chat: Chat, said: str) -> None:
    chat.say(said)
    assert ("BRAKES", 1, {"brakes": "rear"}) in chat.lines
