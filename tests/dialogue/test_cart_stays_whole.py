"""The cart stays whole: turns that used to change a line nobody named, add a second of a line, drop an item said
without a word, or read a description as a count. Sessions on the corpus catalogs (deli, donuts, chinese takeout,
pho shop, pasta bar, dry cleaner, pharmacy, shoe store, tea shop, bottle shop, creperie, paint store, party
supply, hardware store, phone kiosk) and on a catalog written here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of


def _skus(chat: Chat) -> list[tuple[str, int]]:
    return [(sku, n) for sku, n, _ in chat.lines]


def _lines(chat: Chat, *groups: str) -> list[tuple[str, int, dict[str, str]]]:
    return [(sku, n, {g: v for g, v in opts.items() if g in groups}) for sku, n, opts in chat.lines]


# --- a bare "no" swaps a line only for a product of its own kind ------------------------------------------
@pytest.mark.parametrize("said", ["no tomato soup", "no, tomato soup", "no a tomato bisque"])
def test_no_and_a_product_of_another_kind_keeps_the_line(shop: Callable[[str], Chat], said: str) -> None:
    deli = shop("deli")
    deli.say("a turkey club")
    deli.say(said)
    assert _skus(deli) == [("TURKEY-CLUB", 1), ("TOMATO-BISQUE", 1)]


@pytest.mark.parametrize("said", ["no, a reuben", "no a blt"])
def test_no_and_a_product_of_the_same_kind_swaps(shop: Callable[[str], Chat], said: str) -> None:
    deli = shop("deli")
    deli.say("a turkey club")
    deli.say(said)
    assert len(deli.lines) == 1 and deli.lines[0][0] != "TURKEY-CLUB"


# --- "add X to the <line>": the line's add-on, never a second of the line --------------------------------
@pytest.mark.parametrize("said", [
    "add a hash brown to the bacon egg and cheese too",
    "add hash browns to the bacon egg and cheese too",
    "a hash brown on the bacon egg and cheese too please",
])
def test_add_on_goes_on_the_line(shop: Callable[[str], Chat], said: str) -> None:
    donuts = shop("donuts")
    donuts.say("a bacon egg and cheese")
    donuts.say(said)
    assert _lines(donuts, "extras") == [("BEC", 1, {"extras": "hash_brown"})]


def test_a_thing_the_line_does_not_take_is_its_own_line(shop: Callable[[str], Chat]) -> None:
    donuts = shop("donuts")
    donuts.say("a bacon egg and cheese")
    donuts.say("add a coffee to the bacon egg and cheese too")
    assert [sku for sku, _ in _skus(donuts)] == ["BEC", "COFFEE"]
    assert _skus(donuts)[0] == ("BEC", 1)


# --- choices said as a new dish the line in focus cannot take ---------------------------------------------
@pytest.mark.parametrize("said", ["and a quart of beef with broccoli", "and a pint of beef with broccoli"])
def test_a_dish_after_a_lunch_special_is_a_new_line(shop: Callable[[str], Chat], said: str) -> None:
    chinese = shop("chinesetakeout")
    chinese.say("a lunch special with general tso's chicken")
    chinese.say(said)
    assert _lines(chinese, "entree", "protein") == [("LUNCH-SPECIAL", 1, {"entree": "general_tso"}),
                                                   ("BROCCOLI", 1, {"protein": "beef"})]


# --- "in the bowl": where the item goes, not how it is made ------------------------------------------------
def test_an_egg_roll_in_the_bowl_is_no_broth(shop: Callable[[str], Chat]) -> None:
    pho = shop("phoshop")
    pho.say("a large pho tai")
    reply = pho.say("put an egg roll in the bowl too")
    assert [sku for sku, _ in _skus(pho)] == ["BEEF-PHO", "EGG-ROLLS"]
    assert "come with" not in reply.text


# --- a choice joined to a dish named by its parts stays with the dish ------------------------------------
@pytest.mark.parametrize(("said", "protein"), [
    ("penne vodka with chicken and a caesar salad", "chicken"),
    ("a penne vodka with chicken and a caesar salad", "chicken"),
    ("can i get two penne vodka with meatballs and a caesar salad", "meatballs"),
])
def test_protein_stays_with_the_pasta(shop: Callable[[str], Chat], said: str, protein: str) -> None:
    pasta = shop("pastabar")
    pasta.say(said)
    got = _lines(pasta, "protein")
    assert got[0][0] == "BYO-PASTA" and got[0][2] == {"protein": protein}
    assert got[1] == ("CAESAR", 1, {})


def test_a_choice_said_with_the_salad_stays_with_the_salad(shop: Callable[[str], Chat]) -> None:
    pasta = shop("pastabar")
    pasta.say("linguine pesto with shrimp and a caesar salad with chicken")
    assert _lines(pasta, "protein") == [("BYO-PASTA", 1, {"protein": "shrimp"}),
                                        ("CAESAR", 1, {"protein": "chicken"})]


# --- the dry cleaner: the garment worked on is no line of its own; pairs counted ---------------------------
@pytest.mark.parametrize(("said", "sku"), [
    ("take in the waist on a pair of pants", "WAIST"),
    ("shorten the sleeves on a jacket", "SLEEVES"),
    ("can you shorten the sleeves on my jacket please", "SLEEVES"),
])
def test_garment_worked_on_is_no_line(shop: Callable[[str], Chat], said: str, sku: str) -> None:
    cleaner = shop("drycleaner")
    cleaner.say(said)
    assert _skus(cleaner) == [(sku, 1)]


@pytest.mark.parametrize(("said", "count", "style"), [
    ("hem two pairs of pants with cuffs", 2, "cuffed"),
    ("hem two pairs of pants", 2, "plain"),
    ("hem a pair of pants with cuffs", 1, "cuffed"),
    ("hem three pairs of pants", 3, "plain"),
])
def test_pairs_of_pants_hemmed(shop: Callable[[str], Chat], said: str, count: int, style: str) -> None:
    cleaner = shop("drycleaner")
    cleaner.say(said)
    assert _lines(cleaner, "garment", "style") == [("HEM", count, {"garment": "trousers", "style": style})]


def test_a_count_after_a_shoe_then_one_of_each_size_still_splits(shop: Callable[[str], Chat]) -> None:
    shoes = shop("shoestore")
    shoes.say("two pairs of white men's sneakers one size 9 and one size 10")
    assert _lines(shoes, "size") == [("MENS-RUNNER", 1, {"size": "9"}), ("MENS-RUNNER", 1, {"size": "10"})]


# --- an item said but not known is said back, never dropped silently ----------------------------------------
@pytest.mark.parametrize(("said", "unknown"), [
    ("a bottle of advil and a box of tissues", "a box of tissues"),
    ("a bottle of advil and some unicorn dust", "some unicorn dust"),
])
def test_unknown_item_in_a_list_is_said(shop: Callable[[str], Chat], said: str, unknown: str) -> None:
    pharmacy = shop("pharmacy")
    reply = pharmacy.say(said)
    assert _skus(pharmacy) == [("IBUPROFEN", 1)]
    assert f"couldn't find {unknown}" in reply.text


def test_a_brand_alone_before_and_is_its_product(shop: Callable[[str], Chat]) -> None:
    pharmacy = shop("pharmacy")
    pharmacy.say("advil and a toothbrush")
    assert [sku for sku, _ in _skus(pharmacy)] == ["IBUPROFEN", "TOOTHBRUSH"]


def test_a_choice_added_to_nothing_is_said(shop: Callable[[str], Chat]) -> None:
    cafe = shop("cafe")
    reply = cafe.say("large and a muffin")
    assert "couldn't tell what large was for" in reply.text
    assert len(cafe.lines) == 1


def test_a_choice_answering_the_question_is_not_flagged(shop: Callable[[str], Chat]) -> None:
    cafe = shop("cafe")
    cafe.say("a tea please")
    reply = cafe.say("earl grey and add a blueberry muffin")
    assert _lines(cafe, "tea") == [("TEA", 1, {"tea": "earl_grey"}), ("BLUEBERRY-MUFFIN", 1, {})]
    assert "couldn't" not in reply.text


# --- "make sure it's a 35": no yes, no count ------------------------------------------------------------
def test_what_it_is_is_no_count(shop: Callable[[str], Chat]) -> None:
    shoes = shop("shoestore")
    shoes.say("a pair of women's running shoes in size 8")
    shoes.say("make sure it's a 35")
    assert _skus(shoes) == [("WOMENS-RUNNER", 1)]


def test_make_sure_is_no_yes_to_an_offer(shop: Callable[[str], Chat]) -> None:
    shoes = shop("shoestore")
    shoes.say("do you have kids sneakers")
    shoes.say("make sure it's a 35")
    assert shoes.lines == []


def test_make_sure_places_no_order(shop: Callable[[str], Chat]) -> None:
    shoes = shop("shoestore")
    shoes.say("a pair of women's running shoes in size 8")
    shoes.say("that's all")
    shoes.say("make sure it's a 35")
    assert shoes.session.store.orders() == []
    assert _skus(shoes) == [("WOMENS-RUNNER", 1)]


# --- a count corrected, then one more item; a line off, then "just" another ----------------------------------
@pytest.mark.parametrize(("first", "said", "want"), [
    ("two london fogs please", "actually no just one london fog and then a large chai latte with almond milk",
     [("LONDON-FOG", 1), ("CHAI-LATTE", 1)]),
])
def test_recount_then_one_more(shop: Callable[[str], Chat], first: str, said: str, want: list[object]) -> None:
    tea = shop("teashop")
    tea.say(first)
    tea.say(said)
    assert _skus(tea) == want


def test_recount_then_one_more_in_the_cafe(shop: Callable[[str], Chat]) -> None:
    cafe = shop("cafe")
    cafe.say("three lattes")
    cafe.say("actually just two lattes and a muffin")
    assert [(sku, n) for sku, n in _skus(cafe)][0] == ("LATTE", 2)
    assert len(cafe.lines) == 2


@pytest.mark.parametrize("said", ["actually scratch the lemonade just a bottle of water",
                                  "take off the lemonade and just a bottle of water"])
def test_line_off_then_just_another(shop: Callable[[str], Chat], said: str) -> None:
    crepes = shop("creperie")
    crepes.say("a large strawberry lemonade")
    crepes.say(said)
    assert _skus(crepes) == [("WATER", 1)]


# --- "instead of the two six packs just do one twelve pack" ------------------------------------------------
def test_instead_of_the_line_named_first(shop: Callable[[str], Chat]) -> None:
    bottles = shop("bottleshop")
    bottles.say("yeah hi i need a handle of titos")
    bottles.say("and two six packs of modelo")
    bottles.say("hmm actually instead of the two six packs just do one twelve pack of modelo")
    assert _lines(bottles, "pack") == [("TITOS", 1, {}), ("MODELO", 1, {"pack": "12"})]


def test_one_of_the_lattes_still_swaps_one(shop: Callable[[str], Chat]) -> None:
    cafe = shop("cafe")
    cafe.say("two lattes")
    cafe.say("change one of the lattes to a mocha")
    assert _skus(cafe) == [("LATTE", 1), ("MOCHA", 1)]


# --- values of a one-choice group said for a plural item; "and X too" ------------------------------------------
def test_sample_pots_of_two_colours(shop: Callable[[str], Chat]) -> None:
    paint = shop("paintstore")
    paint.say("can i get sample pots of agreeable gray and repose gray")
    paint.say("and alabaster too")
    assert _lines(paint, "colour") == [("SAMPLE", 1, {"colour": "agreeable_gray"}),
                                       ("SAMPLE", 1, {"colour": "repose_gray"}),
                                       ("SAMPLE", 1, {"colour": "alabaster"})]
    paint.say("hmm actually skip the repose")
    assert _lines(paint, "colour") == [("SAMPLE", 1, {"colour": "agreeable_gray"}),
                                       ("SAMPLE", 1, {"colour": "alabaster"})]


def test_a_milk_too_on_a_usual_latte_changes_it(shop: Callable[[str], Chat]) -> None:
    cafe = shop("cafe")
    cafe.say("a large latte")
    cafe.say("with oat milk too")
    assert _lines(cafe, "milk") == [("LATTE", 1, {"milk": "oat"})]


def test_another_milk_too_on_a_chosen_milk_is_one_more(shop: Callable[[str], Chat]) -> None:
    cafe = shop("cafe")
    cafe.say("a large latte with soy milk")
    cafe.say("and oat milk too")
    assert _lines(cafe, "milk") == [("LATTE", 1, {"milk": "soy"}), ("LATTE", 1, {"milk": "oat"})]


# --- a choice shared before "X and Y"; a line named by its kind; an item for the line in focus ----------------
def test_dinosaur_plates_and_napkins(shop: Callable[[str], Chat]) -> None:
    party = shop("partysupply")
    party.say("dinosaur plates and napkins")
    assert _lines(party, "design") == [("PLATES", 1, {"design": "dinosaur"}), ("NAPKINS", 1, {"design": "dinosaur"})]


def test_gift_wrap_the_wine(shop: Callable[[str], Chat]) -> None:
    bottles = shop("bottleshop")
    bottles.say("a bottle of sauvignon blanc cold from the cooler")
    bottles.say("and can you gift wrap the wine it's for my sister")
    assert _lines(bottles, "add_ons") == [("SAUV-BLANC", 1, {"add_ons": "gift_wrap"})]


def test_screen_protector_for_it(shop: Callable[[str], Chat]) -> None:
    phones = shop("phonekiosk")
    phones.say("i just got the iphone 15 pro and i need a case")
    phones.say("clear with the magsafe ring")
    phones.say("and a screen protector for it")
    assert _lines(phones, "model") == [("CASE", 1, {"model": "iphone_15_pro"}),
                                       ("SCREEN-PROTECTOR", 1, {"model": "iphone_15_pro"})]


# --- choices describe the line just ordered; of several products, the one in the cart -----------------------
def test_the_ones_describing_the_line_just_ordered(shop: Callable[[str], Chat]) -> None:
    hardware = shop("hardwarestore")
    hardware.say("i need some light bulbs")
    hardware.say("the sixty watt daylight ones a four pack")
    assert _lines(hardware, "watt", "light", "pack") == [("LED-BULB", 1, {"watt": "60", "light": "daylight",
                                                                          "pack": "4"})]


def test_a_quart_of_white_semi_gloss_is_the_paint_in_the_cart(shop: Callable[[str], Chat]) -> None:
    paint = shop("paintstore")
    paint.say("two gallons of the interior paint in sky blue")
    paint.say("and a quart of pure white semi gloss for the trim")
    assert _lines(paint, "colour", "size") == [("INT-PAINT", 2, {"colour": "sky_blue", "size": "gallon"}),
                                               ("INT-PAINT", 1, {"colour": "white", "size": "quart"})]


def test_a_quart_of_white_semi_gloss_alone_asks(shop: Callable[[str], Chat]) -> None:
    paint = shop("paintstore")
    reply = paint.say("a quart of pure white semi gloss")
    assert paint.lines == [] and "Which one" in reply.text


# --- "instead of the <line>" swaps that line, even when another line is in focus -------------------------------
@pytest.mark.parametrize("said", [
    "a root beer instead of the cream soda",
    "a root beer rather than the cream soda",
    "could i get a root beer in place of the cream soda",
])
def test_a_choice_instead_of_a_line_not_in_focus_swaps_it(shop: Callable[[str], Chat], said: str) -> None:
    candy = shop("candyshop")
    candy.say("a cream soda and a slice of chocolate fudge")
    candy.say(said)
    assert _lines(candy, "flavour") == [("SODA", 1, {"flavour": "root_beer"}), ("FUDGE", 1, {"flavour": "chocolate"})]


# --- "the <words of its name> one": the line named, not a choice the words also name ------------------------------
@pytest.mark.parametrize("said", [
    "and add protein to the peanut butter one",
    "put whey protein on the peanut butter one",
    "add a protein boost to the peanut butter one",
])
def test_the_line_named_by_words_of_its_name_takes_no_choice_of_them(shop: Callable[[str], Chat], said: str) -> None:
    juice = shop("juicebar")
    juice.say("a large green machine")
    juice.say("and a small peanut butter banana")
    juice.say(said)
    boosts = [(ln.sku, sorted(o.value for o in ln.options if o.group == "boosts")) for ln in juice.session.cart.lines]
    assert boosts == [("GREEN-MACHINE", []), ("PB-BANANA", ["whey_protein"])]


# --- the same mechanisms on a catalog written here ---------------------------------------------------------------
_KITCHEN = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {"size": {"code": "size", "name": "size", "default": "small", "values": [
        {"code": "small", "name": "small"}, {"code": "large", "name": "large", "price_delta": "2.00"}]}},
    "products": [
        {"sku": "BURGER", "name": "burger", "price": "9.00", "category": "burgers", "aliases": ["burgers"],
         "options": [{"code": "extras", "name": "extras", "multiple": True, "values": [
             {"code": "bacon", "name": "bacon"}, {"code": "egg", "name": "fried egg", "aliases": ["egg", "eggs"]}]}]},
        {"sku": "CHEESEBURGER", "name": "cheeseburger", "price": "10.00", "category": "burgers"},
        {"sku": "SOUP", "name": "soup of the day", "price": "5.00", "category": "soups", "aliases": ["soup"],
         "options": ["size"]},
        {"sku": "FRIES", "name": "fries", "price": "3.00", "category": "sides", "options": ["size"]},
        {"sku": "MUG", "name": "mug", "price": "12.00", "category": "merch", "aliases": ["mugs"],
         "options": [{"code": "colour", "name": "colour", "required": True, "values": [
             {"code": "red", "name": "red"}, {"code": "green", "name": "green"}, {"code": "blue", "name": "blue"}]}]},
    ],
}


@pytest.fixture
def kitchen(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _KITCHEN)


def test_written_catalog_no_soup_keeps_the_burger(kitchen: Chat) -> None:
    kitchen.say("a burger")
    kitchen.say("no, a soup")
    assert _skus(kitchen) == [("BURGER", 1), ("SOUP", 1)]


def test_written_catalog_no_cheeseburger_swaps(kitchen: Chat) -> None:
    kitchen.say("a burger")
    kitchen.say("no, a cheeseburger")
    assert _skus(kitchen) == [("CHEESEBURGER", 1)]


def test_written_catalog_eggs_on_the_burger(kitchen: Chat) -> None:
    kitchen.say("a burger")
    kitchen.say("add eggs to the burger too")
    assert _lines(kitchen, "extras") == [("BURGER", 1, {"extras": "egg"})]


def test_written_catalog_fries_to_the_burger_is_no_second_burger(kitchen: Chat) -> None:
    kitchen.say("a burger")
    kitchen.say("add fries to the burger")
    assert _skus(kitchen) == [("BURGER", 1), ("FRIES", 1)]


def test_written_catalog_mugs_in_two_colours(kitchen: Chat) -> None:
    kitchen.say("mugs in red and green")
    kitchen.say("and blue too")
    assert _lines(kitchen, "colour") == [("MUG", 1, {"colour": "red"}), ("MUG", 1, {"colour": "green"}),
                                         ("MUG", 1, {"colour": "blue"})]


def test_written_catalog_unknown_item_said(kitchen: Chat) -> None:
    reply = kitchen.say("a burger and a milkshake")
    assert _skus(kitchen) == [("BURGER", 1)]
    assert "couldn't find a milkshake" in reply.text
