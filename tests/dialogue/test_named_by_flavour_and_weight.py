"""Things named by a choice and measures said with their number (a counter written here, not a corpus shop).

- A drink named by its flavour after another product ("a burger and a ginger ale") is a can of soda of that
  flavour, though a combo whose drink group is named by the soda ("which soda") comes in it too; said after "with"
  of the combo, it stays the combo's drink ("a burger combo with a cola"), further on in the with-list as well.
- "some extra hot sauce", where "extra sauce" names the side of sauce: the side in that sauce.
- "two pounds of roast beef": the number said with its measure is the weight choice, not two orders.
- "two large vanilla shakes and a regular strawberry shake": a name that holds a flavour ("vanilla shake") has its
  flavour, so the strawberry one is another shake; "regular" before "strawberry shake" is the shake's size.
- "half a kilo of walnut fudge and 250 grams of the chocolate fudge": each measure opens an item of its own.
- "pancakes with an extra pancake": the add-on of the stack, no second stack.
- "two nachos one mild four tacos": "one mild" is a part of the nachos, not of the tacos; "three lift tickets two
  adult and one child a kids group lesson": the parts of the tickets are no parts of the lesson.
- A product's whole name ending in "-f" has its plural in "-ves" ("two sourdough loaves", "two half and halves").
- "a whole bbq and a whole hot": a word that begins the name of the one product offering the choice said after it
  names that product, its head noun left unsaid.
- "is the beer lager", "swap the beer for stout" with a bucket deal in the cart whose beer group is named "beer":
  that line's beer, not the beer sold alone (a yes to the offered change changes the line and places nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SAUCES = [{"code": "bbq", "name": "bbq", "aliases": ["barbecue"]}, {"code": "hot", "name": "hot"},
           {"code": "honey_garlic", "name": "honey garlic"}]

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "pop": {"code": "flavour", "name": "flavour", "required": True, "aliases": ["flavor", "which soda"],
                "values": [{"code": "cola", "name": "cola", "aliases": ["colas"]},
                           {"code": "ginger_ale", "name": "ginger ale"},
                           {"code": "orange", "name": "orange soda"}]},
        "sauce": {"code": "sauce", "name": "sauce", "default": "plain",
                  "values": [{"code": "plain", "name": "plain"}, *_SAUCES]},
        "brew": {"code": "brand", "name": "beer", "default": "lager", "aliases": ["which beer"], "values": [
            {"code": "lager", "name": "lager"}, {"code": "stout", "name": "stout"},
            {"code": "pilsner", "name": "pilsner"}]},
        "age": {"code": "age", "name": "age", "default": "adult", "values": [
            {"code": "adult", "name": "adult", "aliases": ["adults"]},
            {"code": "child", "name": "child", "aliases": ["kids", "kid", "children"]}]},
    },
    "products": [
        {"sku": "BURGER", "name": "burger", "aliases": ["burgers"], "price": "8.00"},
        {"sku": "FRIES", "name": "fries", "aliases": ["bowl of fries", "bowls of fries"], "price": "3.00"},
        {"sku": "SODA", "name": "can of soda", "aliases": ["soda", "sodas", "can of pop"], "price": "2.00",
         "options": ["pop"]},
        {"sku": "COMBO", "name": "burger combo", "aliases": ["combo"], "price": "12.00",
         "options": ["sauce", {"use": "pop", "code": "drink", "name": "drink", "aliases": ["soda", "which drink"]}]},
        {"sku": "WINGS", "name": "wings", "aliases": ["wing"], "price": "10.00", "options": ["sauce"]},
        {"sku": "DIP", "name": "side of sauce", "aliases": ["extra sauce", "dipping sauce"], "price": "1.00",
         "options": [{"code": "sauce", "name": "sauce", "required": True,
                      "values": [*_SAUCES, {"code": "ranch", "name": "ranch"}]}]},
        {"sku": "ROAST", "name": "roast beef", "price": "12.00", "options": [
            {"code": "weight", "name": "weight", "default": "1lb", "values": [
                {"code": "half_lb", "name": "half pound", "aliases": ["half a pound", "half a pound of"],
                 "price_delta": "-5.00"},
                {"code": "1lb", "name": "one pound", "aliases": ["a pound", "pound", "a pound of"]},
                {"code": "2lb", "name": "two pounds", "aliases": ["2 pounds", "two pound"], "price_delta": "11.00"}]}]},
        {"sku": "FUDGE", "name": "fudge", "price": "6.00", "options": [
            {"code": "weight", "name": "weight", "default": "250g", "values": [
                {"code": "250g", "name": "250 grams", "aliases": ["250 g", "quarter kilo"]},
                {"code": "500g", "name": "half kilo", "aliases": ["half a kilo", "500 grams"], "price_delta": "5.00"},
                {"code": "1kg", "name": "1 kilo", "aliases": ["a kilo", "kilo"], "price_delta": "12.00"}]},
            {"code": "flavour", "name": "flavour", "default": "plain", "values": [
                {"code": "plain", "name": "plain", "aliases": ["plain fudge"]},
                {"code": "walnut", "name": "walnut", "aliases": ["walnut fudge"]},
                {"code": "chocolate", "name": "chocolate", "aliases": ["chocolate fudge"]}]}]},
        {"sku": "SHAKE", "name": "shake", "aliases": ["shakes", "vanilla shake", "milkshake"], "price": "5.00",
         "options": [{"code": "flavour", "name": "flavour", "default": "vanilla", "values": [
             {"code": "vanilla", "name": "vanilla"},
             {"code": "strawberry", "name": "strawberry", "aliases": ["strawberry shake"]},
             {"code": "chocolate", "name": "chocolate", "aliases": ["chocolate shake"]}]},
             {"code": "size", "name": "size", "default": "regular", "values": [
                 {"code": "small", "name": "small"}, {"code": "regular", "name": "regular"},
                 {"code": "large", "name": "large", "price_delta": "1.50"}]}]},
        {"sku": "PANCAKES", "name": "pancakes", "aliases": ["stack of pancakes", "pancake stack"], "price": "9.00",
         "options": [{"code": "extra", "name": "extras", "multiple": True, "values": [
             {"code": "pancake", "name": "extra pancake", "aliases": ["one more pancake"], "price_delta": "2.00"},
             {"code": "berries", "name": "berries", "price_delta": "1.50"}]}]},
        {"sku": "NACHOS", "name": "nachos", "aliases": ["nacho plate"], "price": "9.00", "options": [
            {"code": "spice", "name": "spice", "default": "medium", "values": [
                {"code": "mild", "name": "mild"}, {"code": "medium", "name": "medium"}, {"code": "hot", "name": "hot"}]}]},
        {"sku": "TACO", "name": "taco", "aliases": ["tacos"], "price": "3.50", "options": [
            {"code": "filling", "name": "filling", "default": "beef", "values": [
                {"code": "beef", "name": "beef"}, {"code": "chicken", "name": "chicken"}]}]},
        {"sku": "TICKET", "name": "lift ticket", "aliases": ["lift tickets", "ticket", "tickets"], "price": "90.00",
         "options": ["age"]},
        {"sku": "LESSON", "name": "group lesson", "aliases": ["group lessons", "lesson"], "price": "70.00",
         "options": ["age"]},
        {"sku": "LOAF", "name": "sourdough loaf", "price": "7.00"},
        {"sku": "WHOLE", "name": "whole roast chicken", "aliases": ["whole chicken"], "price": "18.00",
         "options": ["sauce"]},
        {"sku": "HALF", "name": "half roast chicken", "aliases": ["half chicken"], "price": "10.00",
         "options": ["sauce"]},
        {"sku": "BEER", "name": "beer", "aliases": ["beers", "bottle of beer"], "price": "6.00", "options": ["brew"]},
        {"sku": "DEAL", "name": "bucket deal", "aliases": ["bucket special"], "price": "20.00",
         "options": ["sauce", "brew"]},
        {"sku": "HALVES", "name": "half and half pizza", "aliases": ["half and half"], "price": "16.00",
         "options": [{"code": "toppings", "name": "toppings", "multiple": True, "aliases": ["halves"], "values": [
             {"code": "cheese", "name": "cheese"}, {"code": "pepperoni", "name": "pepperoni"},
             {"code": "mushroom", "name": "mushroom"}, {"code": "olive", "name": "olives"}]}]},
    ],
}

_DEFAULTS = {"sauce": "plain", "weight": {"ROAST": "1lb", "FUDGE": "250g"}, "flavour": {"SHAKE": "vanilla",
             "FUDGE": "plain"}, "size": "regular", "spice": "medium", "filling": "beef", "age": "adult",
             "brand": "lager"}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _made(chat: Chat) -> list[tuple[str, int, dict[str, str]]]:
    """The cart lines with only the choices that differ from the defaults."""
    def default(sku: str, group: str) -> str | None:
        d = _DEFAULTS.get(group)
        return d.get(sku) if isinstance(d, dict) else d

    return [(sku, qty, {g: v for g, v in opts.items() if default(sku, g) != v}) for sku, qty, opts in chat.lines]


def _sorted(lines: list[tuple[str, int, dict[str, str]]]) -> list[tuple[str, int, dict[str, str]]]:
    return sorted(lines, key=repr)


@pytest.mark.parametrize(("said", "made"), [
    ("a burger and a ginger ale", [("BURGER", 1, {}), ("SODA", 1, {"flavour": "ginger_ale"})]),
    ("wings with hot and two colas", [("WINGS", 1, {"sauce": "hot"}), ("SODA", 2, {"flavour": "cola"})]),
    ("a burger, fries and an orange soda", [("BURGER", 1, {}), ("FRIES", 1, {}),
                                            ("SODA", 1, {"flavour": "orange"})]),
])
def test_a_flavour_said_as_an_item_after_another_product_is_a_soda(chat: Chat, said: str,
                                                                   made: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert _sorted(_made(chat)) == _sorted(made)


def test_a_flavour_alone_is_a_soda_not_the_combo_whose_drink_is_named_by_it(chat: Chat) -> None:
    chat.say("a ginger ale")
    assert _made(chat) == [("SODA", 1, {"flavour": "ginger_ale"})]


def test_a_drink_said_with_the_combo_stays_its_drink(chat: Chat) -> None:
    chat.say("a burger combo with bbq and a cola")
    assert _made(chat) == [("COMBO", 1, {"sauce": "bbq", "drink": "cola"})]


def test_a_drink_further_on_in_the_with_list_of_the_one_talked_about(chat: Chat) -> None:
    chat.say("how much is the burger combo")
    chat.say("i'll get one with hot and a ginger ale")
    assert _made(chat) == [("COMBO", 1, {"sauce": "hot", "drink": "ginger_ale"})]


@pytest.mark.parametrize(("said", "first"), [
    ("two bowls of fries and some extra hot sauce", ("FRIES", 2, {})),
    ("wings and extra honey garlic sauce", ("WINGS", 1, {})),
])
def test_a_choice_inside_a_name_with_the_groups_word(chat: Chat, said: str, first: tuple[str, int, dict[str, str]]
                                                    ) -> None:
    chat.say(said)
    sauce = "hot" if "hot" in said else "honey_garlic"
    assert _made(chat) == [first, ("DIP", 1, {"sauce": sauce})]


@pytest.mark.parametrize(("said", "weight"), [
    ("two pounds of roast beef", "2lb"),
    ("um two pounds of the roast beef please", "2lb"),
    ("a pound of roast beef", "1lb"),
])
def test_a_number_said_with_its_measure_is_the_weight(chat: Chat, said: str, weight: str) -> None:
    chat.say(said)
    assert chat.lines == [("ROAST", 1, {"weight": weight})]


def test_two_of_a_product_said_without_a_measure_are_still_two(chat: Chat) -> None:
    chat.say("two roast beefs")
    assert chat.lines == [("ROAST", 2, {"weight": "1lb"})]


@pytest.mark.parametrize(("said", "made"), [
    ("two large vanilla shakes and a regular strawberry shake",
     [("SHAKE", 2, {"size": "large"}), ("SHAKE", 1, {"flavour": "strawberry"})]),
    ("two vanilla shakes and a chocolate shake", [("SHAKE", 2, {}), ("SHAKE", 1, {"flavour": "chocolate"})]),
    ("a large strawberry shake and a small chocolate shake",
     [("SHAKE", 1, {"flavour": "strawberry", "size": "large"}), ("SHAKE", 1, {"flavour": "chocolate", "size": "small"})]),
])
def test_a_name_that_holds_a_flavour_keeps_it(chat: Chat, said: str, made: list[tuple[str, int, dict[str, str]]]
                                              ) -> None:
    chat.say(said)
    assert _sorted(_made(chat)) == _sorted(made)


@pytest.mark.parametrize(("said", "made"), [
    ("half a kilo of walnut fudge and 250 grams of the chocolate fudge",
     [("FUDGE", 1, {"weight": "500g", "flavour": "walnut"}), ("FUDGE", 1, {"flavour": "chocolate"})]),
    ("half a kilo of walnut fudge and a chocolate fudge",
     [("FUDGE", 1, {"weight": "500g", "flavour": "walnut"}), ("FUDGE", 1, {"flavour": "chocolate"})]),
    ("a kilo of chocolate fudge", [("FUDGE", 1, {"weight": "1kg", "flavour": "chocolate"})]),
    ("a kilo of walnut fudge and two 500 grams of the chocolate",
     [("FUDGE", 1, {"weight": "1kg", "flavour": "walnut"}), ("FUDGE", 2, {"weight": "500g", "flavour": "chocolate"})]),
])
def test_each_measure_opens_an_item(chat: Chat, said: str, made: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert _sorted(_made(chat)) == _sorted(made)


@pytest.mark.parametrize("said", ["pancakes with an extra pancake", "a stack of pancakes with an extra pancake"])
def test_an_add_on_named_with_the_products_noun_after_with_is_its_choice(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("PANCAKES", 1, {"extra": "pancake"})]


def test_an_add_on_after_another_one_is_another_item(chat: Chat) -> None:
    chat.say("two nachos one mild four tacos")
    assert _sorted(_made(chat)) == _sorted([("NACHOS", 1, {}), ("NACHOS", 1, {"spice": "mild"}), ("TACO", 4, {})])


def test_parts_of_an_item_are_not_parts_of_the_next(chat: Chat) -> None:
    chat.say("three lift tickets two adult and one child a kids group lesson")
    assert _sorted(_made(chat)) == _sorted([("LESSON", 1, {"age": "child"}), ("TICKET", 1, {"age": "child"}),
                                           ("TICKET", 2, {})])


@pytest.mark.parametrize(("said", "made"), [
    ("two sourdough loaves", [("LOAF", 2, {})]),
    ("two half and halves", [("HALVES", 2, {})]),
])
def test_a_whole_name_in_f_has_its_plural_in_ves(chat: Chat, said: str, made: list[tuple[str, int, dict[str, str]]]
                                                 ) -> None:
    chat.say(said)
    assert chat.lines == made


def test_two_half_and_halves_shared_out_by_their_sauces(shop: Callable[[str], Chat]) -> None:
    chat = shop("koreanchicken")
    chat.say("two half and halves one soy garlic and yangnyeom and the other original and honey butter")
    made = sorted(tuple(sorted(o.value for o in ln.options if o.group == "sauce")) for ln in chat.session.cart.lines)
    assert [ln.sku for ln in chat.session.cart.lines] == ["HALF-HALF", "HALF-HALF"]
    assert made == [("honey_butter", "original"), ("soy_garlic", "yangnyeom")]


@pytest.mark.parametrize(("said", "made"), [
    ("a whole bbq and a whole hot for the table", [("WHOLE", 1, {"sauce": "bbq"}), ("WHOLE", 1, {"sauce": "hot"})]),
    ("one whole honey garlic and two beers", [("BEER", 2, {}), ("WHOLE", 1, {"sauce": "honey_garlic"})]),
])
def test_a_word_that_begins_a_name_said_before_its_choice_names_that_product(
        chat: Chat, said: str, made: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert _sorted(_made(chat)) == _sorted(made)


def test_the_word_of_a_lines_group_asked_about_is_that_lines_choice(chat: Chat) -> None:
    chat.say("a bucket deal with hot")
    reply = chat.say("is the beer lager")
    assert reply.text.lower().startswith("yes") and "deal" in reply.text
    chat.say("can i swap it for stout")
    assert _made(chat) == [("DEAL", 1, {"sauce": "hot", "brand": "stout"})]


def test_swapping_the_word_of_a_lines_group_changes_that_line_and_adds_nothing(chat: Chat) -> None:
    chat.say("a bucket deal")
    chat.say("can i swap the beer for pilsner")
    assert _made(chat) == [("DEAL", 1, {"brand": "pilsner"})]


def test_asking_for_another_choice_of_a_lines_group_offers_the_change(chat: Chat) -> None:
    chat.say("a bucket deal")
    reply = chat.say("is the beer stout")
    assert "lager" in reply.text and _made(chat) == [("DEAL", 1, {})]
    chat.say("yes")
    assert _made(chat) == [("DEAL", 1, {"brand": "stout"})]
    assert chat.session.store.orders() == []  # the yes took the offered change, it placed nothing
