"""Values that more than one choice, or a choice and a product, answer to (a taqueria written here).

A value one product has in two groups ("queso" is a sauce of the nachos and one of their dips) goes to the group
asked about, else to the required one-choice group before the optional many-choice one; "queso dip", "queso for
dipping" name the dip. A meal's drink that is also sold on its own, said in the meal's "with" list ("a taco plate
with rice and a horchata"), is the meal's drink. A soda named by its flavour after an item that does not offer it
("nachos and a large orange soda") is a soda of its own, not a meal's drink. "two large sides of rice" keeps the
size, though "large sides" names a group of another product."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZE = {"code": "size", "name": "size", "default": "regular", "values": [
    {"code": "regular", "name": "regular", "aliases": ["small"]}, {"code": "large", "name": "large",
                                                                    "price_delta": "1.00"}]}
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {"size": _SIZE},
    "products": [
        {"sku": "NACHOS", "name": "nachos", "aliases": ["plate of nachos"], "price": "8.00", "options": [
            {"code": "dip", "name": "dips", "multiple": True, "aliases": ["dip", "dipping cups"], "values": [
                {"code": "queso", "name": "queso"}, {"code": "guac", "name": "guacamole", "aliases": ["guac"]},
                {"code": "sour_cream", "name": "sour cream"}, {"code": "chipotle", "name": "chipotle"}]},
            {"code": "topping", "name": "nacho sauce", "required": True, "aliases": ["sauce", "smothered in"],
             "values": [{"code": "queso", "name": "queso", "aliases": ["cheese sauce"]},
                        {"code": "verde", "name": "salsa verde", "aliases": ["verde", "green salsa"]},
                        {"code": "chipotle", "name": "chipotle"}]}]},
        {"sku": "PLATE", "name": "taco plate", "aliases": ["plate", "taco combo"], "price": "12.00", "options": [
            {"code": "side", "name": "side", "default": "rice", "values": [
                {"code": "rice", "name": "rice"}, {"code": "beans", "name": "beans", "aliases": ["black beans"]}]},
            {"code": "drink", "name": "drink", "required": True, "values": [
                {"code": "cola", "name": "cola"}, {"code": "orange", "name": "orange soda"},
                {"code": "horchata", "name": "horchata"}, {"code": "tea", "name": "iced tea"}]}]},
        {"sku": "QUESADILLA", "name": "quesadilla", "price": "7.00"},
        {"sku": "SODA", "name": "bottled soda", "aliases": ["soda"], "price": "2.50", "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "cola", "name": "cola"}, {"code": "orange", "name": "orange soda", "aliases": ["orange"]},
                {"code": "lime", "name": "lime soda", "aliases": ["lime"]}]}, "size"]},
        {"sku": "HORCHATA", "name": "horchata", "aliases": ["horchatas"], "price": "3.00", "options": ["size"]},
        {"sku": "TEA", "name": "iced tea", "aliases": ["iced teas"], "price": "2.00", "options": ["size"]},
        {"sku": "RICE", "name": "rice", "aliases": ["spanish rice"], "price": "3.00", "options": ["size"]},
        {"sku": "BEANS", "name": "beans", "aliases": ["black beans", "refried beans"], "price": "3.00",
         "options": ["size"]},
        {"sku": "PARTY", "name": "party pack", "price": "40.00", "options": [
            {"code": "sides", "name": "sides", "multiple": True, "aliases": ["large sides"], "values": [
                {"code": "rice", "name": "rice"}, {"code": "beans", "name": "beans"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _nachos(chat: Chat) -> list[tuple[str, list[str]]]:
    """The nachos lines: (sauce, dips)."""
    return [(next((o.value for o in ln.options if o.group == "topping"), ""),
             sorted(o.value for o in ln.options if o.group == "dip"))
            for ln in chat.session.cart.lines if ln.sku == "NACHOS"]


@pytest.mark.parametrize(("said", "made"), [
    ("two chipotle nachos", [("chipotle", [])]),
    ("nachos with queso", [("queso", [])]),
    ("can i get the queso nachos please", [("queso", [])]),
    ("chipotle nachos with queso", [("chipotle", ["queso"])]),
    ("nachos with verde and chipotle", [("verde", ["chipotle"])]),
    ("queso nachos with guac", [("queso", ["guac"])]),
])
def test_a_value_of_two_groups_goes_to_the_required_one_first(chat: Chat, said: str,
                                                              made: list[tuple[str, list[str]]]) -> None:
    chat.say(said)
    assert _nachos(chat) == made


@pytest.mark.parametrize(("answer", "sauce"), [("queso", "queso"), ("queso please", "queso"),
                                               ("um the chipotle", "chipotle"), ("chipotle with guac", "chipotle")])
def test_the_answer_to_the_question_goes_to_the_group_asked(chat: Chat, answer: str, sauce: str) -> None:
    chat.say("a plate of nachos")
    assert "nacho sauce" in chat.replies[-1].text
    chat.say(answer)
    assert [s for s, _ in _nachos(chat)] == [sauce]


@pytest.mark.parametrize(("said", "dips"), [
    ("nachos with queso dip", ["queso"]),
    ("nachos with chipotle for dipping", ["chipotle"]),
    ("some nachos with queso as the dip", ["queso"]),
    ("nachos with guac and chipotle dip", ["chipotle", "guac"]),
])
def test_the_group_named_after_the_value_takes_it(chat: Chat, said: str, dips: list[str]) -> None:
    chat.say(said)
    assert not chat.lines and "nacho sauce" in chat.replies[-1].text  # the sauce is still asked
    chat.say("salsa verde")
    assert _nachos(chat) == [("verde", dips)]


@pytest.mark.parametrize(("said", "drink", "side"), [
    ("a taco plate with beans and a horchata", "horchata", "beans"),
    ("the taco plate with rice and an iced tea", "tea", "rice"),
    ("a taco combo with black beans and a horchata please", "horchata", "beans"),
])
def test_a_meals_drink_sold_alone_said_in_its_with_list_is_the_meals(chat: Chat, said: str, drink: str,
                                                                     side: str) -> None:
    chat.say(said)
    assert chat.lines == [("PLATE", 1, {"side": side, "drink": drink})]


def test_a_drink_after_the_meals_drink_is_a_product(chat: Chat) -> None:
    chat.say("a taco plate with cola and an iced tea")
    assert chat.lines == [("PLATE", 1, {"side": "rice", "drink": "cola"}), ("TEA", 1, {"size": "regular"})]


@pytest.mark.parametrize(("said", "soda"), [
    ("chipotle nachos and a large orange soda", {"flavour": "orange", "size": "large"}),
    ("a quesadilla and a cola", {"flavour": "cola", "size": "regular"}),
    ("nachos with queso and guac and a small lime soda", {"flavour": "lime", "size": "regular"}),
    ("one quesadilla plus an orange soda", {"flavour": "orange", "size": "regular"}),
])
def test_a_soda_named_by_its_flavour_after_an_item_is_a_soda(chat: Chat, said: str, soda: dict[str, str]) -> None:
    chat.say(said)
    assert ("SODA", 1, soda) in chat.lines
    assert len(chat.lines) == 2


def test_a_drink_said_with_the_meal_stays_the_meals(chat: Chat) -> None:
    chat.say("a taco plate with a cola")
    assert chat.lines == [("PLATE", 1, {"side": "rice", "drink": "cola"})]


@pytest.mark.parametrize(("said", "sku", "qty"), [
    ("two large sides of rice", "RICE", 2),
    ("three large sides of beans", "BEANS", 3),
    ("a quesadilla and two large sides of black beans", "BEANS", 2),
    ("two large side of rice", "RICE", 2),
])
def test_a_size_said_before_sides_of_stays(chat: Chat, said: str, sku: str, qty: int) -> None:
    chat.say(said)
    assert (sku, qty, {"size": "large"}) in chat.lines
