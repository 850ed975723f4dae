"""Options and names said in other word orders and loosely, as non-native or hesitating shoppers say them: a name
said head first ("one juice orange", "one slice the white", "a shot of ginger"), "<item> <choices> one" and "<item>
with <choices> ..., a large one" saying the item again, "large or regular, regular" settling on the last one, a
choice's name said with an article inside it ("with the sauce on"), a word naming both a product and a choice
listed with the line's choices ("put cucumber and edamame"), the kind of a product not in the cart said alone
("coke large" to a cart of garlic knots), and "swap A for B" in a group of several choices (the others stay).
A catalog written here (a deli), and corpus catalogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZE = {"code": "size", "name": "size", "default": "regular", "values": [
    {"code": "small", "name": "small"}, {"code": "regular", "name": "regular"},
    {"code": "large", "name": "large", "aliases": ["big"], "price_delta": "1.50"}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "MANGO-SMOOTHIE", "name": "mango smoothie", "price": "6.00", "category": "drinks",
         "options": [_SIZE]},
        {"sku": "BERRY-SMOOTHIE", "name": "berry smoothie", "price": "6.00", "category": "drinks",
         "options": [_SIZE]},
        {"sku": "CHOC-CAKE", "name": "chocolate cake", "price": "5.00", "category": "cakes"},
        {"sku": "CARROT-CAKE", "name": "carrot cake", "price": "5.00", "category": "cakes"},
        {"sku": "WRAP", "name": "wrap", "price": "9.00", "category": "wraps", "options": [
            {"code": "fillings", "name": "fillings", "required": True, "multiple": True, "values": [
                {"code": "chicken", "name": "chicken"}, {"code": "falafel", "name": "falafel"},
                {"code": "halloumi", "name": "halloumi"}]},
            {"code": "extras", "name": "extras", "multiple": True, "values": [
                {"code": "feta", "name": "feta"}, {"code": "olives", "name": "olives"},
                {"code": "hummus", "name": "hummus"}]},
            {"code": "style", "name": "style", "default": "plain", "values": [
                {"code": "plain", "name": "plain"},
                {"code": "toasted", "name": "toasted", "aliases": ["with grill marks on"]}]}]},
        {"sku": "OLIVES", "name": "olives", "price": "3.00", "category": "sides"},
        {"sku": "SODA", "name": "soda", "price": "2.00", "category": "drinks", "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "cola", "name": "cola"}, {"code": "lemon", "name": "lemon soda"}]}, _SIZE]},
    ],
}


@pytest.fixture
def deli(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _values(chat: Chat, sku: str, group: str) -> set[str]:
    return {o.value for ln in chat.session.cart.lines if ln.sku == sku for o in ln.options if o.group == group}


# A name said head first: the product whose name the words are in the other order.

def test_juice_orange_big_and_a_shot_of_ginger(shop: Callable[[str], Chat]) -> None:
    chat = shop("juicebar")
    chat.say("i want one juice orange big and one shot of ginger")
    assert sorted((sku, n, opts.get("size")) for sku, n, opts in chat.lines) == [
        ("GINGER-SHOT", 1, None), ("ORANGE-JUICE", 1, "large")]
    chat.say("the juice put ginger inside also")
    assert chat.counts == {"ORANGE-JUICE": 1, "GINGER-SHOT": 1}
    assert _values(chat, "ORANGE-JUICE", "add_ins") == {"ginger"}


def test_slice_sicilian_and_slice_the_white(shop: Callable[[str], Chat]) -> None:
    chat = shop("sliceshop")
    chat.say("hello please one slice sicilian for me and for my daughter one slice the white")
    assert chat.counts == {"SICILIAN-SLICE": 1, "WHITE-SLICE": 1}


def test_smoothie_mango_big_on_another_menu(deli: Chat) -> None:
    deli.say("one smoothie mango big and one cake the carrot")
    assert sorted((sku, n, opts.get("size")) for sku, n, opts in deli.lines) == [
        ("CARROT-CAKE", 1, None), ("MANGO-SMOOTHIE", 1, "large")]


def test_two_names_in_their_own_order_stay_two(deli: Chat) -> None:
    deli.say("a mango smoothie and a chocolate cake")
    assert deli.counts == {"MANGO-SMOOTHIE": 1, "CHOC-CAKE": 1}


# "<item> <choices> one", "<item> with <choices> ..., a large one": the item said again, not one more.

def test_two_of_the_latte_big_one_with_oat_milk(cafe_chat: Chat) -> None:
    cafe_chat.say("hello i want two of the latte big one with the oat milk")
    assert cafe_chat.lines == [("LATTE", 2, cafe_chat.lines[0][2])]
    assert cafe_chat.lines[0][2]["size"] == "large" and cafe_chat.lines[0][2]["milk"] == "oat"


def test_hot_chocolate_with_whipped_cream_on_top_a_large_one(shop: Callable[[str], Chat]) -> None:
    chat = shop("cafe")
    chat.say("he likes the hot chocolate with whipped cream on top a large one")
    assert [(sku, n, opts.get("size"), opts.get("whip")) for sku, n, opts in chat.lines] == [
        ("HOT-CHOCOLATE", 1, "large", "whip")]


def test_two_lattes_one_with_oat_is_still_split(cafe_chat: Chat) -> None:
    cafe_chat.say("two lattes one with oat milk")
    assert sorted(opts.get("milk", "") for _, _, opts in cafe_chat.lines) != ["oat"]
    assert sum(n for _, n, _ in cafe_chat.lines) == 2 and len(cafe_chat.lines) == 2


def test_and_a_large_one_is_one_more(cafe_chat: Chat) -> None:
    cafe_chat.say("a hot chocolate with whipped cream and a large one")
    assert cafe_chat.counts == {"HOT-CHOCOLATE": 2}


def test_smoothie_with_choices_then_a_large_one_on_another_menu(deli: Chat) -> None:
    deli.say("a berry smoothie please a large one")
    assert [(sku, n, opts.get("size")) for sku, n, opts in deli.lines] == [("BERRY-SMOOTHIE", 1, "large")]


# "large or regular, regular": the one said again.

def test_large_or_regular_regular(shop: Callable[[str], Chat]) -> None:
    chat = shop("hotdogs")
    chat.say("and fries um large or regular regular")
    assert [(sku, opts.get("size")) for sku, _, opts in chat.lines] == [("FRIES", "regular")]


def test_small_or_large_large_on_another_menu(deli: Chat) -> None:
    deli.say("a mango smoothie small or large large")
    assert [(sku, opts.get("size")) for sku, _, opts in deli.lines] == [("MANGO-SMOOTHIE", "large")]


# A choice's name said with an article inside it.

def test_ribs_with_the_sauce_on(shop: Callable[[str], Chat]) -> None:
    chat = shop("smokehouse")
    chat.say("a rack of ribs the whole thing with the sauce on")
    assert [(sku, opts.get("glaze")) for sku, _, opts in chat.lines] == [("RIBS", "glazed")]


def test_wrap_with_the_grill_marks_on_on_another_menu(deli: Chat) -> None:
    deli.say("a wrap with chicken and falafel with the grill marks on")
    assert _values(deli, "WRAP", "style") == {"toasted"}


# A word naming both a product and a choice, listed with the line's choices.

def test_put_cucumber_and_edamame_on_the_bowl(shop: Callable[[str], Chat]) -> None:
    chat = shop("poke")
    chat.say("hello i want make one bowl big with the brown rice and salmon")
    chat.say("inside put cucumber and edamame and the sauce ponzu")
    assert chat.counts == {"BUILD-BOWL": 1}
    assert _values(chat, "BUILD-BOWL", "mix_ins") == {"cucumber", "edamame"}
    assert _values(chat, "BUILD-BOWL", "sauce") == {"ponzu"}


def test_put_feta_and_olives_in_the_wrap_on_another_menu(deli: Chat) -> None:
    deli.say("a chicken wrap")
    deli.say("put feta and olives")
    assert deli.counts == {"WRAP": 1}
    assert _values(deli, "WRAP", "extras") == {"feta", "olives"}


def test_a_side_of_olives_is_still_a_side(deli: Chat) -> None:
    deli.say("a chicken wrap")
    deli.say("put feta and a side of olives")
    assert deli.counts == {"WRAP": 1, "OLIVES": 1}
    assert _values(deli, "WRAP", "extras") == {"feta"}


# The kind of a product not in the cart, said alone.

def test_coke_large_after_garlic_knots(shop: Callable[[str], Chat]) -> None:
    chat = shop("sliceshop")
    chat.say("garlic knots dozen")
    chat.say("coke large")
    assert [(sku, opts.get("flavour"), opts.get("size")) for sku, _, opts in chat.lines
            if sku == "FOUNTAIN-SODA"] == [("FOUNTAIN-SODA", "coke", "large")]
    assert chat.counts["GARLIC-KNOTS"] == 1


def test_cola_large_after_a_cake_on_another_menu(deli: Chat) -> None:
    deli.say("a carrot cake")
    deli.say("cola large")
    assert deli.counts == {"CARROT-CAKE": 1, "SODA": 1}


def test_a_size_alone_orders_nothing_new(deli: Chat) -> None:
    deli.say("a carrot cake")
    deli.say("large")
    assert deli.counts == {"CARROT-CAKE": 1}


# "swap A for B" in a group of several choices: the others stay.

def test_swap_pulled_pork_for_burnt_ends_keeps_brisket(shop: Callable[[str], Chat]) -> None:
    chat = shop("smokehouse")
    chat.say("i want a two meat plate with brisket and pulled pork")
    chat.say("sides mac and cheese and collard greens")
    chat.say("swap the pulled pork for burnt ends")
    assert _values(chat, "TWO-MEAT-PLATE", "meats") == {"brisket", "burnt_ends"}


def test_swap_chicken_for_halloumi_keeps_falafel_on_another_menu(deli: Chat) -> None:
    deli.say("a wrap with chicken and falafel")
    deli.say("swap the chicken for halloumi")
    assert _values(deli, "WRAP", "fillings") == {"falafel", "halloumi"}


def test_make_it_halloumi_still_sets_the_fillings(deli: Chat) -> None:
    deli.say("a wrap with chicken and falafel")
    deli.say("make it halloumi")
    assert "halloumi" in _values(deli, "WRAP", "fillings")
