"""A takeaway the engine never saw (a kebab and grill house): dishes named by their own choice ("a small chicken
doner" where the chicken kebab comes as a chicken doner and the meal deal's kebab is a "small chicken doner"; "a
quarter pounder with cheese" where the burger meal's burger is a "quarter pounder with cheese"), a meal's drink said
further on in its "with" list, choices said for all or both items, counted pots and bottles in a list, a side said
"on the side", "cheesy chips", "two portions" of what was offered, and a final r left unsaid ("a donna kebab").

Sessions on the corpus catalog and on a wok bar written here with the same shapes in other words, so the mechanisms
are the catalog's, not this menu's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_SIZE = {"code": "size", "name": "size", "required": True,
         "values": [{"code": "small", "name": "small"}, {"code": "large", "name": "large", "price_delta": "2.00"}]}
_SERVED = {"code": "served", "name": "served", "default": "box",
           "values": [{"code": "box", "name": "box"}, {"code": "on_rice", "name": "on rice", "price_delta": "1.00"},
                      {"code": "wrap", "name": "wrap"}]}
_SAUCE = {"code": "sauce", "name": "sauce", "multiple": True,
          "values": [{"code": "teriyaki", "name": "teriyaki"}, {"code": "sweet_chilli", "name": "sweet chilli"}]}
_DRINK = {"code": "drink", "name": "drink", "required": True, "aliases": ["can", "which drink"],
          "values": [{"code": "cola", "name": "cola"}, {"code": "lemonade", "name": "lemonade"}]}

# A wok bar written here: a chicken bowl that comes as a chicken katsu, a mixed bowl whose meats count a chicken katsu,
# a meal deal whose bowl is a "small chicken katsu"; a burger meal whose burger is a "beef burger with cheese".
_WOKBAR = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "CHICKEN-BOWL", "name": "chicken bowl", "price": "8.00", "category": "bowls", "options": [
            {"code": "chicken", "name": "chicken", "required": True, "values": [
                {"code": "katsu", "name": "chicken katsu", "aliases": ["katsu"]},
                {"code": "teriyaki", "name": "chicken teriyaki"}]},
            _SIZE, _SERVED, _SAUCE]},
        {"sku": "MIXED-BOWL", "name": "mixed bowl", "price": "9.00", "category": "bowls", "options": [
            {"code": "meats", "name": "meats", "required": True, "multiple": True, "values": [
                {"code": "chicken_katsu", "name": "chicken katsu"}, {"code": "beef", "name": "beef"}]},
            _SIZE, _SERVED, _SAUCE]},
        {"sku": "BOWL-MEAL", "name": "bowl meal deal", "price": "11.00", "category": "meal deals",
         "aliases": ["bowl meal"], "options": [
            {"code": "bowl", "name": "bowl", "required": True, "values": [
                {"code": "chicken_katsu", "name": "small chicken katsu", "aliases": ["chicken katsu"]},
                {"code": "chicken_teriyaki", "name": "small chicken teriyaki", "aliases": ["chicken teriyaki"]}]},
            _SERVED, _DRINK]},
        {"sku": "BURGER", "name": "beef burger", "price": "6.00", "category": "burgers", "options": [
            {"code": "addons", "name": "add ons", "multiple": True, "values": [
                {"code": "cheese", "name": "cheese"}, {"code": "fries", "name": "fries"}]}]},
        {"sku": "BURGER-MEAL", "name": "burger meal", "price": "9.00", "category": "meal deals", "options": [
            {"code": "burger", "name": "burger", "required": True, "values": [
                {"code": "plain", "name": "beef burger"},
                {"code": "cheese", "name": "cheeseburger", "aliases": ["beef burger with cheese"]}]},
            _DRINK]},
        {"sku": "FRIES", "name": "fries", "price": "3.00", "category": "sides", "aliases": ["portion of fries"],
         "options": [{"code": "toppings", "name": "toppings", "multiple": True, "values": [
             {"code": "cheese", "name": "cheese", "aliases": ["cheesy"]}]}]},
        {"sku": "DIP", "name": "pot of dip", "price": "0.50", "category": "sides", "aliases": ["dip pot"],
         "options": [{"code": "dip", "name": "dip", "required": True, "values": [
             {"code": "ketchup", "name": "ketchup"}, {"code": "mayo", "name": "mayo"}]}]},
        {"sku": "JUICE", "name": "bottle of juice", "price": "2.00", "category": "drinks", "aliases": ["juice"],
         "options": [{"code": "kind", "name": "kind", "default": "apple", "values": [
             {"code": "apple", "name": "apple"}, {"code": "orange", "name": "orange"}]}]},
        {"sku": "CAN", "name": "can of soda", "price": "1.20", "category": "drinks", "aliases": ["can", "soda"],
         "options": [{"code": "flavour", "name": "flavour", "required": True, "values": [
             {"code": "cola", "name": "cola"}, {"code": "lemonade", "name": "lemonade"}]}]},
        {"sku": "CHOWDER", "name": "corn chowder", "price": "4.50", "category": "soups"},
        {"sku": "ROLLS", "name": "spring rolls", "price": "4.00", "category": "sides", "aliases": ["portion of rolls"]},
    ],
}


@pytest.fixture
def kebab(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("kebabhouse"))


@pytest.fixture
def wok(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _WOKBAR)


def _has(chat: Chat, sku: str, qty: int, **options: str) -> bool:
    return any(s == sku and q == qty and all(o.get(k) == v for k, v in options.items()) for s, q, o in chat.lines)


# --- a dish named by its own choice, not a deal's choice of that name ---------------------------------------------

@pytest.mark.parametrize("said", [
    "a small chicken doner in a wrap",
    "can i get a small chicken doner in a wrap please",
    "one small chicken doner wrap",
])
def test_small_chicken_doner_is_the_chicken_kebab(kebab: Chat, said: str) -> None:
    r = kebab.say(said)
    assert kebab.lines == [("CHICKEN", 1, {"chicken": "doner", "serving": "wrap", "size": "small"})], r.text


def test_chicken_shish_kebab_with_its_choices(kebab: Chat) -> None:
    r = kebab.say("a chicken shish kebab large on chips with garlic mayo and a can of coke")
    assert _has(kebab, "CHICKEN", 1, chicken="shish", size="large", serving="on_chips", sauce="garlic"), r.text
    assert _has(kebab, "CAN", 1, flavour="coke"), r.text
    assert not any(s in ("KEBAB-MEAL", "MIXED") for s, _, _ in kebab.lines)


def test_two_chicken_doners_each_with_how_they_come(kebab: Chat) -> None:
    r = kebab.say("can i have a small chicken doner in a wrap and a large chicken doner on chips")
    assert sorted(kebab.lines, key=lambda ln: ln[2]["size"]) == [
        ("CHICKEN", 1, {"chicken": "doner", "serving": "on_chips", "size": "large"}),
        ("CHICKEN", 1, {"chicken": "doner", "serving": "wrap", "size": "small"}),
    ], r.text


def test_size_said_before_a_choice_is_kept(kebab: Chat) -> None:
    r = kebab.say("a small chicken tikka kebab in naan with extra meat")
    assert kebab.lines == [("CHICKEN", 1, {"chicken": "tikka", "serving": "naan", "size": "small",
                                           "extras": "extra_meat"})], r.text


def test_the_mixed_kebab_keeps_its_own_meats(kebab: Chat) -> None:
    kebab.say("a small mixed kebab doner and chicken shish in a naan")
    assert [s for s, _, _ in kebab.lines] == ["MIXED"]
    assert kebab.session.cart.lines[0].quantity == 1
    meats = {o.value for o in kebab.session.cart.lines[0].options if o.group == "meats"}
    assert meats == {"doner", "chicken_shish"}


def test_the_deal_named_keeps_its_choice(kebab: Chat) -> None:
    r = kebab.say("a kebab meal with chicken shish on naan and a sprite")
    assert _has(kebab, "KEBAB-MEAL", 1, kebab="chicken_shish", serving="naan", flavour="sprite"), r.text


@pytest.mark.parametrize("said", ["a small chicken katsu on rice", "one small chicken katsu on rice please"])
def test_wok_small_katsu_is_the_chicken_bowl(wok: Chat, said: str) -> None:
    r = wok.say(said)
    assert wok.lines == [("CHICKEN-BOWL", 1, {"chicken": "katsu", "size": "small", "served": "on_rice"})], r.text


def test_wok_chicken_katsu_names_the_chicken_bowl_not_the_deal(wok: Chat) -> None:
    r = wok.say("a large chicken katsu in a wrap with teriyaki and a can of cola")
    assert _has(wok, "CHICKEN-BOWL", 1, chicken="katsu", size="large", served="wrap", sauce="teriyaki"), r.text
    assert _has(wok, "CAN", 1, flavour="cola"), r.text


def test_wok_deal_named_keeps_its_bowl(wok: Chat) -> None:
    r = wok.say("a bowl meal with chicken katsu and a lemonade")
    assert _has(wok, "BOWL-MEAL", 1, bowl="chicken_katsu", drink="lemonade"), r.text


@pytest.mark.parametrize("said, sku, options", [
    ("a quarter pounder with cheese", "QUARTER", {"addons": "cheese"}),
    ("lemme get a quarter pounder with cheese", "QUARTER", {"addons": "cheese"}),
])
def test_product_with_its_own_choice_beats_the_deal(kebab: Chat, said: str, sku: str, options: dict[str, str]) -> None:
    r = kebab.say(said)
    assert kebab.lines == [(sku, 1, options)], r.text


def test_wok_burger_with_cheese_is_the_burger(wok: Chat) -> None:
    r = wok.say("a beef burger with cheese and a portion of fries")
    assert _has(wok, "BURGER", 1, addons="cheese"), r.text
    assert _has(wok, "FRIES", 1), r.text
    assert not any(s == "BURGER-MEAL" for s, _, _ in wok.lines)


def test_wok_burger_meal_named_keeps_its_burger(wok: Chat) -> None:
    r = wok.say("a burger meal with a beef burger with cheese and a cola")
    assert _has(wok, "BURGER-MEAL", 1, burger="cheese", drink="cola"), r.text


# --- a meal's drink further on in its "with" list -----------------------------------------------------------------

def test_meal_drink_said_as_a_can_in_its_list(kebab: Chat) -> None:
    r = kebab.say("yeah a kebab meal deal with a doner and a can of fanta")
    assert kebab.lines == [("KEBAB-MEAL", 1, {"kebab": "doner", "serving": "pitta", "flavour": "fanta"})], r.text


def test_a_second_can_after_the_meals_drink_is_its_own(kebab: Chat) -> None:
    r = kebab.say("a kebab meal with a doner and a can of fanta and a can of coke")
    assert _has(kebab, "KEBAB-MEAL", 1, kebab="doner", flavour="fanta"), r.text
    assert _has(kebab, "CAN", 1, flavour="coke"), r.text


def test_wok_meal_drink_said_as_a_can(wok: Chat) -> None:
    r = wok.say("a bowl meal with a chicken teriyaki and a can of lemonade")
    assert wok.lines == [("BOWL-MEAL", 1, {"bowl": "chicken_teriyaki", "served": "box", "drink": "lemonade"})], r.text


def test_a_can_after_a_dish_without_drinks_is_its_own_item(wok: Chat) -> None:
    r = wok.say("a large teriyaki in a wrap with sweet chilli and a can of cola")
    assert _has(wok, "CHICKEN-BOWL", 1, chicken="teriyaki", size="large", served="wrap"), r.text
    assert _has(wok, "CAN", 1, flavour="cola"), r.text


# --- choices said for all or both ---------------------------------------------------------------------------------

def test_all_in_pitta_with_salad_and_sauce(kebab: Chat) -> None:
    r = kebab.say("uh two large doners and er one small all in pitta with salad and garlic sauce")
    assert _has(kebab, "DONER", 2, size="large", salad="mixed", sauce="garlic"), r.text
    assert _has(kebab, "DONER", 1, size="small", salad="mixed", sauce="garlic"), r.text


def test_wok_all_on_rice(wok: Chat) -> None:
    r = wok.say("a large chicken katsu and a small chicken teriyaki all on rice with sweet chilli")
    assert _has(wok, "CHICKEN-BOWL", 1, chicken="katsu", size="large", served="on_rice", sauce="sweet_chilli"), r.text
    assert _has(wok, "CHICKEN-BOWL", 1, chicken="teriyaki", size="small", served="on_rice",
                sauce="sweet_chilli"), r.text


def test_both_large_in_wraps_goes_to_each_waiting_item(kebab: Chat) -> None:
    kebab.say("can i get two chicken kebabs")
    kebab.say("one shish and one tikka")
    r = kebab.say("both large in wraps")
    assert sorted(kebab.lines, key=lambda ln: ln[2]["chicken"]) == [
        ("CHICKEN", 1, {"chicken": "shish", "serving": "wrap", "size": "large"}),
        ("CHICKEN", 1, {"chicken": "tikka", "serving": "wrap", "size": "large"}),
    ], r.text


def test_wok_both_small_on_rice(wok: Chat) -> None:
    wok.say("two chicken bowls")
    wok.say("one katsu and one teriyaki")
    r = wok.say("both small on rice")
    assert sorted(wok.lines, key=lambda ln: ln[2]["chicken"]) == [
        ("CHICKEN-BOWL", 1, {"chicken": "katsu", "served": "on_rice", "size": "small"}),
        ("CHICKEN-BOWL", 1, {"chicken": "teriyaki", "served": "on_rice", "size": "small"}),
    ], r.text


# --- lists: a long order, counted pots and bottles ----------------------------------------------------------------

def test_long_order_with_choices_up_to_with(kebab: Chat) -> None:
    r = kebab.say("right so a large doner in a wrap with chilli, a small chicken shish on chips with garlic, "
                  "ten wings hot, a large chips with cheese, two cans of coke and a fanta")
    assert _has(kebab, "DONER", 1, size="large", serving="wrap", sauce="chilli"), r.text
    assert _has(kebab, "CHICKEN", 1, chicken="shish", size="small", serving="on_chips", sauce="garlic"), r.text
    assert _has(kebab, "WINGS", 1, count="10", flavour="hot"), r.text
    assert _has(kebab, "CHIPS", 1, size="large", toppings="cheese"), r.text
    assert _has(kebab, "CAN", 2, flavour="coke") and _has(kebab, "CAN", 1, flavour="fanta"), r.text


@pytest.mark.parametrize("said", [
    "a pot of garlic sauce two pots of chilli and a mint sauce pot",
    "a pot of garlic sauce and two pots of chilli and a mint sauce pot",
])
def test_pots_counted_in_a_list(kebab: Chat, said: str) -> None:
    r = kebab.say(said)
    assert kebab.counts == {"SAUCE-POT": 4}, r.text
    assert _has(kebab, "SAUCE-POT", 2, sauce="chilli") and _has(kebab, "SAUCE-POT", 1, sauce="garlic") \
        and _has(kebab, "SAUCE-POT", 1, sauce="mint_yoghurt"), r.text


def test_wok_pots_counted_in_a_list(wok: Chat) -> None:
    r = wok.say("a pot of ketchup two pots of mayo")
    assert _has(wok, "DIP", 1, dip="ketchup") and _has(wok, "DIP", 2, dip="mayo"), r.text


@pytest.mark.parametrize("said, catalog_sku, kinds", [
    ("two bottles of water one still one sparkling", "WATER", {"still", "sparkling"}),
])
def test_bottles_of_a_thing_said_in_the_plural(kebab: Chat, said: str, catalog_sku: str, kinds: set[str]) -> None:
    r = kebab.say(said)
    assert kebab.counts == {catalog_sku: 2}, r.text
    assert {o.value for ln in kebab.session.cart.lines for o in ln.options if o.group == "kind"} == kinds


def test_wok_bottles_of_juice(wok: Chat) -> None:
    r = wok.say("two bottles of juice one apple one orange")
    assert wok.counts == {"JUICE": 2}, r.text
    assert _has(wok, "JUICE", 1, kind="orange"), r.text


# --- a side on the side; cheesy chips; two portions -----------------------------------------------------------------

def test_side_said_on_the_side_is_its_own_line(kebab: Chat) -> None:
    r = kebab.say("a half pounder with jalapenos and burger sauce and some onion rings on the side")
    assert _has(kebab, "HALF", 1, addons="jalapenos", sauce="burger"), r.text
    assert _has(kebab, "ONION-RINGS", 1), r.text
    assert not any("onion_rings" in o.get("addons", "") for _, _, o in kebab.lines)


def test_addon_said_with_stays_the_burgers(kebab: Chat) -> None:
    r = kebab.say("a quarter pounder with onion rings")
    assert kebab.lines == [("QUARTER", 1, {"addons": "onion_rings"})], r.text


def test_wok_fries_on_the_side(wok: Chat) -> None:
    r = wok.say("a beef burger with cheese and fries on the side")
    assert _has(wok, "BURGER", 1, addons="cheese") and _has(wok, "FRIES", 1), r.text


@pytest.mark.parametrize("said", ["ten wings peri peri and a portion of cheesy chips mate", "a portion of cheesy chips"])
def test_cheesy_chips(kebab: Chat, said: str) -> None:
    r = kebab.say(said)
    assert _has(kebab, "CHIPS", 1, toppings="cheese"), r.text


def test_wok_portion_of_cheesy_fries(wok: Chat) -> None:
    r = wok.say("a portion of cheesy fries")
    assert wok.lines == [("FRIES", 1, {"toppings": "cheese"})], r.text


@pytest.mark.parametrize("said", ["i'll take two portions", "two portions please"])
def test_two_portions_of_what_was_offered(kebab: Chat, said: str) -> None:
    kebab.say("do you do mozzarella sticks")
    r = kebab.say(said)
    assert kebab.counts == {"MOZZ-STICKS": 2}, r.text


def test_portions_of_a_named_side_still_count_it(kebab: Chat) -> None:
    r = kebab.say("two portions of chips and a portion of rice")
    assert kebab.counts == {"CHIPS": 2, "RICE": 1}, r.text


# --- a final r left unsaid ------------------------------------------------------------------------------------------

def test_donna_kebab_is_the_doner(kebab: Chat) -> None:
    r = kebab.say("a large donna kebab with chilli and uh a margherita pizza if you do them")
    assert kebab.lines == [("DONER", 1, {"size": "large", "serving": "pitta", "sauce": "chilli"})], r.text
    assert not r.order_number


@pytest.mark.parametrize("said", ["a corn chowda please", "two corn chowdas"])
def test_wok_final_r_unsaid(wok: Chat, said: str) -> None:
    r = wok.say(said)
    assert [s for s, _, _ in wok.lines] == ["CHOWDER"], r.text


# --- the same mechanisms kept to what they were for, on other shops' catalogs -------------------------------------

@pytest.mark.parametrize("said, want", [
    ("one mac and cheese the two serving and two of the breakfast skillets",
     [("MEAL", 1, {"flavour": "mac_cheese", "servings": "2"}),
      ("MEAL", 2, {"flavour": "breakfast_skillet", "servings": "2"})]),
    ("two chicken teriyaki single serving and a pad thai",
     [("MEAL", 2, {"flavour": "chicken_teriyaki", "servings": "1"}),
      ("MEAL", 1, {"flavour": "pad_thai", "servings": "2"})]),
])
def test_serving_word_no_name_holds_is_left_to_the_choices(shop: Callable[[str], Chat], said: str,
                                                           want: list[tuple[str, int, dict[str, str]]]) -> None:
    # "two serving": a slip for the meal's "2 servings"; no product's name holds "serving", so it is no count's unit
    chat = shop("outdoors")
    r = chat.say(said)
    assert chat.lines == want, r.text


@pytest.mark.parametrize("said, want", [
    ("four rolls of green streamers and two rolls of yellow", {"green": 4, "yellow": 2}),
    ("a roll of red streamers and three rolls of blue", {"red": 1, "blue": 3}),
])
def test_rolls_of_a_colour_many_products_offer_stay_with_the_item_before(
        shop: Callable[[str], Chat], said: str, want: dict[str, int]) -> None:
    # ribbons and streamers both come in these colours: "two rolls of yellow" are more of the streamers said before
    chat = shop("partysupply")
    r = chat.say(said)
    assert {o["colour"]: q for s, q, o in chat.lines if s == "STREAMERS"} == want, r.text
    assert [s for s, _, _ in chat.lines] == ["STREAMERS", "STREAMERS"], r.text


def test_fewer_rolls_of_a_colour_later(shop: Callable[[str], Chat]) -> None:
    chat = shop("partysupply")
    chat.say("four rolls of green streamers and two rolls of yellow")
    r = chat.say("just one yellow")
    assert sorted(chat.lines, key=lambda ln: ln[1]) == [("STREAMERS", 1, {"colour": "yellow"}),
                                                        ("STREAMERS", 4, {"colour": "green"})], r.text


@pytest.mark.parametrize("said, qty, flavour", [
    ("three rolls of tums assorted fruit", 3, "fruit"),
    ("two rolls of tums peppermint", 2, "peppermint"),
    ("a roll of tums", 1, "fruit"),
])
def test_measure_in_the_plural_keeps_its_choice(shop: Callable[[str], Chat], said: str, qty: int,
                                                flavour: str) -> None:
    # "roll of tums" is the antacid's alias and "roll" its count's choice: "rolls of tums" are rolls too
    chat = shop("pharmacy")
    r = chat.say(said)
    assert [(s, q, o["count"], o["flavour"]) for s, q, o in chat.lines] == [("ANTACID", qty, "roll", flavour)], r.text


def test_bottles_said_of_a_default_measure_stay_bottles(shop: Callable[[str], Chat]) -> None:
    chat = shop("pharmacy")
    r = chat.say("two bottles of tums")
    assert [(s, q, o["count"]) for s, q, o in chat.lines] == [("ANTACID", 2, "72ct")], r.text


@pytest.mark.parametrize("said, qty, size, extras", [
    ("a winter cover for a twenty four foot round pool with an air pillow", 1, "24r", "pillow"),
    ("a winter cover for a twenty four foot round pool", 1, "24r", None),
    ("two winter covers for an 18 foot round pool with clips", 2, "18r", "clips"),
])
def test_choices_said_after_for_are_the_items_own(shop: Callable[[str], Chat], said: str, qty: int, size: str,
                                                   extras: str | None) -> None:
    # choices said after "for a" tell what the item before is for (its pool size), no item of their own, even when
    # what it is had with follows
    chat = shop("poolsupply")
    r = chat.say(said)
    assert [(s, q, o["size"], o.get("extras")) for s, q, o in chat.lines] == [
        ("WINTER-COVER", qty, size, extras)], r.text


@pytest.mark.parametrize("said, size, side", [
    ("a catfish po boy half size not dressed with sweet potato fries on the side", "half", "sweet_potato"),
    ("a whole catfish po boy with hush puppies on the side", "whole", "hush_puppies"),
])
def test_side_said_on_the_side_of_a_group_named_side(shop: Callable[[str], Chat], said: str, size: str,
                                                     side: str) -> None:
    # the po'boy's group is its "side": "on the side" names that group, so the choice is the po'boy's, no side order
    chat = shop("seafoodboil")
    r = chat.say(said)
    assert [(s, q, o["size"], o["side"]) for s, q, o in chat.lines] == [("CATFISH-POBOY", 1, size, side)], r.text
