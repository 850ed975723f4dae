"""Session 20, the unseen shops' misses (pancake house, pool supply, electrical), fixed as families:

* a product named by a number ("a pvc 90") said in the plural ("four half inch nineties");
* a product named alone, with only the choices of its own name ("turkey sausage", "wheat toast"), that goes on the
  list of choices of an item said before it (after "with", or a run of choices right after the item), or of the
  product just talked about, is that item's needed choice, not a side of its own;
* two values of one one-choice group said with no product ("a set of dive rings and the torpedoes") make two items;
  "one of them with ..." takes a part out of an item said by its choices only;
* counts that differ after "and" ("a roll of super 33 and two rolls of white tape") start lines of their own, though
  their choices are of different groups;
* a choice the item before lacks goes to the item right after it ("a quart of algaecide the seven way strips"), or,
  in a phrase of its own ("and a set of dive sticks"), names its one product;
* a product's name words said with a choice only it has ("the eucalyptus spa crystals"), and its opening words
  counted by a measure said as a choice ("a full stack of banana pecan");
* "the big bag" where the product's size group is named "bag": that group's biggest value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of


def _has(chat: Chat, sku: str, qty: int, **opts: str) -> bool:
    return any(s == sku and q == qty and all(o.get(g) == v for g, v in opts.items()) for s, q, o in chat.lines)


def _skus(chat: Chat) -> list[tuple[str, int]]:
    return sorted((s, q) for s, q, _ in chat.lines)


# --- corpus phrasings ---------------------------------------------------------------------------------------------

def test_number_named_product_in_the_plural(shop: Callable[[str], Chat]) -> None:
    c = shop("electrical")
    c.say("ten pieces of half inch pvc and four half inch nineties")
    assert _has(c, "PVC-CONDUIT", 10, size="1_2") and _has(c, "PVC-ELBOW", 4, size="1_2")
    assert len(c.lines) == 2


def test_counts_that_differ_split_choices_of_two_groups(shop: Callable[[str], Chat]) -> None:
    c = shop("electrical")
    c.say("a roll of super 33 and two rolls of white tape")
    assert _has(c, "TAPE", 1, grade="super33", colour="black") and _has(c, "TAPE", 2, colour="white", grade="standard")


def test_side_named_alone_on_the_with_list_is_the_combos_choice(shop: Callable[[str], Chat]) -> None:
    c = shop("pancakehouse")
    c.say("the griddle combo but with french toast instead of pancakes eggs sunny side up and turkey sausage")
    assert c.lines == [("GRIDDLE-COMBO", 1, {"griddle": "french_toast", "eggs": "sunny_side_up",
                                             "meat": "turkey_sausage"})]


def test_side_said_with_a_count_stays_a_side(shop: Callable[[str], Chat]) -> None:
    c = shop("pancakehouse")
    c.say("a griddle combo with scrambled eggs and turkey sausage and a side of turkey sausage")
    assert _has(c, "GRIDDLE-COMBO", 1, meat="turkey_sausage", eggs="scrambled") and _has(c, "SIDE-SAUSAGE", 1)


def test_run_of_choices_after_the_item(shop: Callable[[str], Chat]) -> None:
    c = shop("pancakehouse")
    c.say("the country breakfast over easy sausage links sourdough toast")
    assert _has(c, "COUNTRY", 1, eggs="over_easy", meat="sausage_links", toast="sourdough") and len(c.lines) == 1


@pytest.mark.parametrize("said", ["ok i'll do that with scrambled eggs and wheat toast",
                                  "sure with scrambled eggs and a wheat toast"])
def test_side_named_alone_after_an_offer_is_the_offered_plates_choice(shop: Callable[[str], Chat], said: str) -> None:
    c = shop("pancakehouse")
    c.say("how much is the country fried steak and eggs")
    c.say(said)
    assert c.lines and c.lines[0][0] == "CFS-EGGS" and len(c.lines) == 1
    assert _has(c, "CFS-EGGS", 1, eggs="scrambled", toast="wheat")


def test_one_of_them_said_of_choices_only(shop: Callable[[str], Chat]) -> None:
    c = shop("pancakehouse")
    c.say("two full stacks of the buttermilk one of them with real maple syrup")
    assert _has(c, "BUTTERMILK", 1, stack="5", syrup="maple") and _has(c, "BUTTERMILK", 1, stack="5", syrup="house")


def test_two_of_them_of_three(shop: Callable[[str], Chat]) -> None:
    c = shop("pancakehouse")
    c.say("three short stacks of buckwheat two of them with boysenberry")
    assert _has(c, "BUTTERMILK", 2, batter="buckwheat", syrup="boysenberry")
    assert _has(c, "BUTTERMILK", 1, batter="buckwheat", syrup="house")


def test_opening_words_counted_by_a_measure_choice(shop: Callable[[str], Chat]) -> None:
    c = shop("pancakehouse")
    c.say("a denver omelette with pancakes a full stack of banana pecan and a large oj")
    assert _has(c, "BANANA-PECAN", 1, stack="5") and _has(c, "DENVER", 1, served_with="pancakes")
    assert _has(c, "OJ", 1, size="large")


@pytest.mark.parametrize(("said", "kinds"), [
    ("give me a set of dive rings and uh the torpedoes too", {("rings", 1), ("torpedoes", 1)}),
    ("i want two dive rings and a torpedoes", {("rings", 2), ("torpedoes", 1)}),
])
def test_two_values_of_one_group_with_no_product(shop: Callable[[str], Chat], said: str,
                                                  kinds: set[tuple[str, int]]) -> None:
    c = shop("poolsupply")
    c.say(said)
    assert {(o["kind"], q) for s, q, o in c.lines if s == "DIVE-TOYS"} == kinds and len(c.lines) == 2


def test_choice_the_item_before_lacks_names_its_product(shop: Callable[[str], Chat]) -> None:
    c = shop("poolsupply")
    c.say("a unicorn float and a set of dive sticks")
    assert _has(c, "RIDE-ON", 1, kind="unicorn") and _has(c, "DIVE-TOYS", 1, kind="sticks") and len(c.lines) == 2


def test_choice_the_item_before_lacks_goes_to_the_next(shop: Callable[[str], Chat]) -> None:
    c = shop("poolsupply")
    c.say("a quart of algaecide the seven way strips and a new c seventy four seventy cartridge")
    assert _has(c, "ALGAECIDE", 1) and _has(c, "STRIPS", 1, type="7way") and _has(c, "CARTRIDGE", 1, model="c7470")


def test_name_words_with_a_choice_only_it_has(shop: Callable[[str], Chat]) -> None:
    c = shop("poolsupply")
    c.say("a jar of the eucalyptus spa crystals and a two pound spa chlorine")
    assert _has(c, "SPA-AROMA", 1, scent="eucalyptus") and _has(c, "SPA-CHLOR", 1, size="2lb")


@pytest.mark.parametrize(("said", "weight"), [
    ("two p h up five pound and one alkalinity increaser the big bag", "25lb"),
    ("an alkalinity increaser the small bag", "12lb"),
])
def test_big_bag_is_the_end_of_the_group_so_named(shop: Callable[[str], Chat], said: str, weight: str) -> None:
    c = shop("poolsupply")
    c.say(said)
    assert _has(c, "ALK-UP", 1, weight=weight)


def test_big_bag_of_a_product_with_its_own_bag_value(shop: Callable[[str], Chat]) -> None:
    c = shop("poolsupply")
    c.say("a leaf net the big bag")
    assert _has(c, "LEAF-NET", 1, style="bag")


# --- the same families on a small shop written here ---------------------------------------------------------------

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "ELBOW", "name": "copper elbow", "aliases": ["ninety", "copper 90"], "price": "2.00",
         "options": [{"code": "size", "name": "size", "required": True, "values": [
             {"code": "half", "name": "1/2 inch", "aliases": ["half inch"]},
             {"code": "3q", "name": "3/4 inch", "aliases": ["three quarter inch"]}]}]},
        {"sku": "PIPE", "name": "copper pipe", "price": "9.00",
         "options": [{"code": "size", "name": "size", "required": True, "values": [
             {"code": "half", "name": "1/2 inch", "aliases": ["half inch"]},
             {"code": "3q", "name": "3/4 inch", "aliases": ["three quarter inch"]}]}]},
        {"sku": "MULCH", "name": "cedar mulch", "price": "4.00",
         "options": [{"code": "bag", "name": "bag", "default": "2cf", "values": [
             {"code": "2cf", "name": "2 cubic feet"},
             {"code": "3cf", "name": "3 cubic feet", "price_delta": "2.00"}]}]},
        {"sku": "SACK", "name": "burlap sack", "price": "1.00",
         "options": [{"code": "kind", "name": "kind", "values": [{"code": "bag", "name": "bag"},
                                                                 {"code": "tote", "name": "tote"}],
                      "default": "bag"}]},
        {"sku": "SHAKE", "name": "milkshake", "price": "5.00",
         "options": [{"code": "flavour", "name": "flavour", "required": True, "values": [
             {"code": "choc", "name": "chocolate"}, {"code": "van", "name": "vanilla"},
             {"code": "straw", "name": "strawberry"}]},
             {"code": "topping", "name": "topping", "values": [{"code": "whip", "name": "whipped cream"},
                                                             {"code": "bears", "name": "gummy bears"},
                                                             {"code": "none", "name": "no topping"}],
              "default": "none"}]},
        {"sku": "LEMONADE", "name": "lemonade", "price": "3.00", "options": [
            {"code": "size", "name": "size", "default": "glass", "values": [
                {"code": "glass", "name": "glass"},
                {"code": "pitcher", "name": "pitcher", "aliases": ["pitcher of lemonade"], "price_delta": "9.00"}]},
            {"code": "flavour", "name": "flavour", "default": "classic", "values": [
                {"code": "classic", "name": "classic"}, {"code": "pink", "name": "pink"}]},
            {"code": "add", "name": "add", "multiple": True, "values": [
                {"code": "mint", "name": "mint"}, {"code": "ice", "name": "extra ice"}]}]},
        {"sku": "ROLL", "name": "breakfast roll", "price": "5.00", "options": [
            {"code": "meat", "name": "meat", "required": True, "values": [
                {"code": "ham", "name": "ham"}, {"code": "bacon", "name": "bacon"},
                {"code": "no_meat", "name": "no meat", "aliases": ["egg and cheese"]}]}]},
        {"sku": "BOX", "name": "storage box", "aliases": ["box", "bin"], "price": "8.00"},
        {"sku": "STAKES", "name": "garden stakes", "price": "6.00",
         "options": [{"code": "wood", "name": "wood", "required": True, "values": [
             {"code": "bamboo", "name": "bamboo"}, {"code": "oak", "name": "oak"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def test_plural_number_name_other_shop(chat: Chat) -> None:
    chat.say("two half inch copper pipes and six three quarter inch nineties")
    assert _has(chat, "PIPE", 2, size="half") and _has(chat, "ELBOW", 6, size="3q")


def test_two_flavours_with_no_product_word(chat: Chat) -> None:
    chat.say("a chocolate and the vanilla")
    assert _skus(chat) == [("SHAKE", 1), ("SHAKE", 1)]
    assert {o["flavour"] for _, _, o in chat.lines} == {"choc", "van"}


def test_one_of_them_other_shop(chat: Chat) -> None:
    chat.say("three strawberries one of them with whipped cream")
    assert _has(chat, "SHAKE", 2, flavour="straw", topping="none")
    assert _has(chat, "SHAKE", 1, flavour="straw", topping="whip")


def test_one_flavour_said_once_is_one_item(chat: Chat) -> None:
    chat.say("two chocolates with whipped cream")
    assert chat.lines == [("SHAKE", 2, {"flavour": "choc", "topping": "whip"})]


@pytest.mark.parametrize(("said", "bag"), [("a cedar mulch the big bag", "3cf"), ("a cedar mulch the small bag", "2cf")])
def test_big_bag_other_shop(chat: Chat, said: str, bag: str) -> None:
    chat.say(said)
    assert _has(chat, "MULCH", 1, bag=bag) and len(chat.lines) == 1


def test_choice_lacking_goes_to_the_next_item_other_shop(chat: Chat) -> None:
    chat.say("a cedar mulch the oak garden stakes")
    assert _has(chat, "MULCH", 1) and _has(chat, "STAKES", 1, wood="oak") and len(chat.lines) == 2


def test_choice_lacking_in_its_own_phrase_other_shop(chat: Chat) -> None:
    chat.say("a vanilla milkshake and a bundle of bamboo")
    assert _has(chat, "SHAKE", 1, flavour="van") and _has(chat, "STAKES", 1, wood="bamboo")


def test_package_word_that_names_a_product_before_of(shop: Callable[[str], Chat]) -> None:
    c = shop("electrical")
    c.say("a box of romex staples and a bag of the push in romex connectors")
    assert _has(c, "CABLE-STAPLES", 1) and _has(c, "NM-CONNECTOR", 1, type="push", pack="bag10")
    assert len(c.lines) == 2


def test_choices_before_an_item_that_lacks_them_name_their_product(shop: Callable[[str], Chat]) -> None:
    c = shop("electrical")
    c.say("i need a two fifty roll of twelve two six twenty amp outlets white and a box of staples")
    assert _has(c, "NM-CABLE", 1, gauge="12_2", length="250ft") and _has(c, "OUTLET", 6, amps="20", colour="white")
    assert _has(c, "CABLE-STAPLES", 1) and len(c.lines) == 3


def test_choices_before_an_item_that_lacks_them_other_shop(chat: Chat) -> None:
    chat.say("a bundle of bamboo two vanilla milkshakes")
    assert _has(chat, "STAKES", 1, wood="bamboo") and _has(chat, "SHAKE", 2, flavour="van") and len(chat.lines) == 2


def test_package_word_product_other_shop(chat: Chat) -> None:
    chat.say("a box of oak garden stakes and a bag of cedar mulch")
    assert _skus(chat) == [("MULCH", 1), ("STAKES", 1)]


def test_measure_of_its_own_product_after_and(shop: Callable[[str], Chat]) -> None:
    c = shop("pancakehouse")
    c.say("a coffee with oat milk and a hazelnut shot and a pot of decaf for the table")
    assert _has(c, "COFFEE", 1, add="hazelnut", roast="regular") and _has(c, "COFFEE", 1, size="carafe", roast="decaf")


def test_measure_of_its_own_product_other_shop(chat: Chat) -> None:
    chat.say("a lemonade with mint and a pitcher of pink")
    assert _has(chat, "LEMONADE", 1, size="glass", add="mint") and _has(chat, "LEMONADE", 1, size="pitcher", flavour="pink")


def test_measure_said_after_with_stays_a_choice(chat: Chat) -> None:
    chat.say("a pink lemonade with a pitcher of ice")
    assert len(chat.lines) == 1


def test_choice_that_names_a_product_instead_of_a_line(shop: Callable[[str], Chat]) -> None:
    c = shop("poolsupply")
    c.say("a weighted vacuum head and an eighteen inch brush")
    c.say("a leaf rake instead of the brush")
    assert _skus(c) == [("LEAF-NET", 1), ("VAC-HEAD", 1)] and _has(c, "LEAF-NET", 1, style="bag")


def test_choice_that_names_a_product_instead_of_a_line_other_shop(chat: Chat) -> None:
    chat.say("a cedar mulch and a vanilla milkshake")
    chat.say("oak instead of the mulch")
    assert _skus(chat) == [("SHAKE", 1), ("STAKES", 1)] and _has(chat, "STAKES", 1, wood="oak")


def test_choice_of_the_line_instead_stays_a_change(chat: Chat) -> None:
    chat.say("a vanilla milkshake")
    chat.say("chocolate instead of the vanilla")
    assert chat.lines == [("SHAKE", 1, {"flavour": "choc", "topping": "none"})]


def test_plural_choice_said_in_the_singular(shop: Callable[[str], Chat]) -> None:
    c = shop("poolsupply")
    c.say("a dive ring set for the kids")
    assert c.lines == [("DIVE-TOYS", 1, {"kind": "rings"})]


def test_plural_choice_said_in_the_singular_other_shop(chat: Chat) -> None:
    chat.say("a strawberry gummy bear milkshake")
    assert chat.lines == [("SHAKE", 1, {"flavour": "straw", "topping": "bears"})]


def test_none_value_said_as_the_rest_of_a_name(shop: Callable[[str], Chat]) -> None:
    c = shop("pancakehouse")
    c.say("sausage egg and cheese on a bagel with pepper jack and make the egg scrambled")
    assert _has(c, "BREAKFAST-SANDWICH", 1, meat="sausage", bread="bagel", cheese="pepper_jack", egg="scrambled")


@pytest.mark.parametrize(("said", "meat"), [("a ham egg and cheese breakfast roll", "ham"),
                                            ("a breakfast roll egg and cheese", "no_meat"),
                                            ("a breakfast roll with bacon", "bacon")])
def test_none_value_said_as_the_rest_of_a_name_other_shop(chat: Chat, said: str, meat: str) -> None:
    chat.say(said)
    assert chat.lines == [("ROLL", 1, {"meat": meat})]


def test_people_counted_before_an_item_are_no_choice_item(shop: Callable[[str], Chat]) -> None:
    c = shop("deli")
    c.say("hi um it's for me my mom and my two kids can we get two grilled cheeses for the kids")
    assert _skus(c) == [("GRILLED-CHEESE", 2)]


def test_plural_choice_with_a_preposition_keeps_its_verb(shop: Callable[[str], Chat]) -> None:
    c = shop("greengrocer")
    c.say("three bell peppers one red one yellow and one green")
    assert sorted(o["colour"] for _, _, o in c.lines) == ["green", "red", "yellow"]
    c = shop("greengrocer")
    c.say("a watermelon")
    c.say("can you slice it for me")
    assert _has(c, "WATERMELON", 1, cutting="sliced")


@pytest.mark.parametrize(("said", "qty", "colours"), [
    ("give me a hundred feet each of red and black ten gauge thhn", 100, {"red", "black"}),
    ("fifty feet each of red and white twelve gauge thhn", 50, {"red", "white"}),
])
def test_count_each_said_before_the_values(shop: Callable[[str], Chat], said: str, qty: int,
                                           colours: set[str]) -> None:
    c = shop("electrical")
    c.say(said)
    assert {o["colour"] for s, q, o in c.lines if s == "THHN" and q == qty} == colours and len(c.lines) == 2


def test_count_each_said_before_the_values_other_shop(chat: Chat) -> None:
    chat.say("two each of the chocolate and vanilla milkshakes")
    assert sorted((q, o["flavour"]) for _, q, o in chat.lines) == [(2, "choc"), (2, "van")]


def test_name_of_words_of_other_languages_take_the_plural_head(shop: Callable[[str], Chat]) -> None:
    c = shop("empanadas")
    c.say("two empanadas de carne")
    assert c.lines == [("EMP-BEEF", 2, {"cooking": "baked"})]


# --- follow-up: what the families above must leave alone -----------------------------------------------------------

@pytest.mark.parametrize(("said", "sku", "qty"), [("two pearl milk teas", "CLASSIC-MILK-TEA", 2),
                                                  ("three pearl milk teas please", "CLASSIC-MILK-TEA", 3),
                                                  ("a pearl taro milk tea", "TARO-MILK-TEA", 1)])
def test_singular_of_a_one_word_plural_choice_still_names_it(shop: Callable[[str], Chat], said: str, sku: str,
                                                             qty: int) -> None:
    # "black pearl" (of "black pearls") made "pearl" a known word: alone it still says "pearls", the boba
    c = shop("bobashop")
    c.say(said)
    assert len(c.lines) == 1 and _has(c, sku, qty, toppings="boba")


def test_singular_that_is_a_word_of_a_products_name_stays_the_product(shop: Callable[[str], Chat]) -> None:
    # "blueberry" (of "fresh blueberries", a topping) opens "blueberry pancakes": the pancakes, no topping
    c = shop("pancakehouse")
    c.say("a short stack of buttermilk and a short stack of blueberry")
    assert _skus(c) == [("BLUEBERRY-PANCAKES", 1), ("BUTTERMILK", 1)]
    assert all("toppings" not in o or o["toppings"] != "blueberries" for _, _, o in c.lines)


def test_singular_of_a_plural_choice_on_the_indexed_lexicon(shop: Callable[[str], Chat],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOICECART_LEXICON", "indexed")  # (its choices' singulars are built once it can look up)
    c = shop("bobashop")
    c.say("two pearl milk teas")
    assert len(c.lines) == 1 and _has(c, "CLASSIC-MILK-TEA", 2, toppings="boba")


@pytest.mark.parametrize(("said", "pasta", "soda"), [
    ("a regular penne in the pink sauce with shrimp and two ginger ales",
     {"shape": "penne", "sauce": "vodka", "size": "regular", "protein": "shrimp"}, ("ginger_ale", 2)),
    ("a large rigatoni in the pink sauce with chicken and two ginger ales",
     {"shape": "rigatoni", "sauce": "vodka", "size": "large", "protein": "chicken"}, ("ginger_ale", 2)),
    ("a regular penne with marinara and meatballs and three cokes",
     {"shape": "penne", "sauce": "marinara", "size": "regular", "protein": "meatballs"}, ("coke", 3)),
])
def test_counts_apart_only_of_the_products_own_choices(shop: Callable[[str], Chat], said: str,
                                                      pasta: dict[str, str], soda: tuple[str, int]) -> None:
    # the pasta said by its choices before "and two ginger ales" is no line of soda: both lines kept
    c = shop("pastabar")
    c.say(said)
    assert _has(c, "BYO-PASTA", 1, **pasta) and _has(c, "SODA", soda[1], flavour=soda[0]) and len(c.lines) == 2
