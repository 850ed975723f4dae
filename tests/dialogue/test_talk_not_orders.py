"""Talk that must not order: a question put mid-sentence with "which" ("the wings you have which sauce", "i've got
three kids here which donuts have sprinkles"), a product declined right after its price ("ok no drill too
expensive"), what someone already has ("they already got coffee downstairs so i'll leave it"), an exclamation heard
near a catalog word ("oh goodness ... i'll ring you back" is no "goddess" dressing), and a product named only as the
place a choice goes ("add a card to the bouquet": the bouquet's card, no second bouquet). On corpus catalogs, the
bundled cafe and pizzeria, and a gift shop written here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_GIFTS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "HAMPER", "name": "gift hamper", "aliases": ["hamper"], "price": "40.00", "category": "gifts",
         "options": [
             {"code": "size", "name": "size", "default": "standard", "values": [
                 {"code": "standard", "name": "standard"}, {"code": "large", "name": "large", "price_delta": "15.00"}]},
             {"code": "extras", "name": "extras", "multiple": True, "values": [
                 {"code": "card", "name": "card", "aliases": ["gift card message"], "price_delta": "3.00"},
                 {"code": "bow", "name": "bow", "price_delta": "2.00"}]}]},
        {"sku": "CARD", "name": "greeting card", "aliases": ["card", "cards"], "price": "4.50", "category": "cards"},
        {"sku": "CANDLE", "name": "scented candle", "aliases": ["candle"], "price": "12.00", "category": "home"},
        {"sku": "PILLAR", "name": "pillar candle", "aliases": ["candle", "dinner candle", "unscented candle"],
         "price": "9.00", "category": "home", "options": [
             {"code": "size", "name": "size", "default": "short", "values": [
                 {"code": "short", "name": "short"}, {"code": "tall", "name": "tall", "price_delta": "3.00"}]}]},
    ],
}


@pytest.fixture
def gifts(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _GIFTS)


# -- "which" mid-sentence asks --------------------------------------------------------------------------------------

def test_which_sauce_asks_about_the_wings(pizzeria_chat: Chat) -> None:
    pizzeria_chat.say("one pepperoni pizza")
    pizzeria_chat.say("the wings you have which sauce")
    assert pizzeria_chat.counts == {"PEPPERONI-PIZZA": 1}
    pizzeria_chat.say("ok six wings the barbecue")
    assert [(sku, opts.get("sauce")) for sku, _, opts in pizzeria_chat.lines if sku == "WINGS"] == [("WINGS", "bbq")]


def test_which_donuts_have_sprinkles_orders_nothing(shop: Callable[[str], Chat]) -> None:
    chat = shop("donuts")
    chat.say("hi um i've got three kids here which donuts have sprinkles")
    assert chat.lines == []


def test_which_flavours_of_a_product_in_the_cafe_orders_nothing(cafe_chat: Chat) -> None:
    cafe_chat.say("a latte")
    cafe_chat.say("the muffins you have which flavours")
    assert cafe_chat.counts == {"LATTE": 1}


def test_which_before_a_verb_is_no_question(pizzeria_chat: Chat) -> None:
    pizzeria_chat.say("i want the wings which come with the barbecue sauce")
    assert pizzeria_chat.counts == {"WINGS": 1}


# -- a product declined after its price -----------------------------------------------------------------------------

@pytest.mark.parametrize("said", ["ok no drill too expensive", "no drill thanks", "okay no drill"])
def test_no_product_after_its_price_declines_it(shop: Callable[[str], Chat], said: str) -> None:
    chat = shop("hardware")
    chat.say("one 9 volt battery")
    chat.say("how much is the drill")
    chat.say(said)
    assert "CORDLESS-DRILL" not in chat.counts


def test_no_cheesecake_too_pricey_in_the_cafe(cafe_chat: Chat) -> None:
    cafe_chat.say("how much is the cheesecake")
    cafe_chat.say("ok no cheesecake too pricey")
    assert cafe_chat.lines == []


def test_taking_the_product_after_its_price_still_adds_it(shop: Callable[[str], Chat]) -> None:
    chat = shop("hardware")
    chat.say("how much is the drill")
    chat.say("ok the drill then")
    assert chat.counts == {"CORDLESS-DRILL": 1}


# -- what someone already has -----------------------------------------------------------------------------------

def test_they_already_got_coffee_adds_none(cafe_chat: Chat) -> None:
    cafe_chat.say("four small americanos")
    cafe_chat.say("is there a brownie")
    cafe_chat.say("ugh mike just texted they already got coffee downstairs so i'll leave it thanks")
    assert cafe_chat.counts == {"AMERICANO": 4}


def test_wife_already_got_wings_at_the_pizzeria(pizzeria_chat: Chat) -> None:
    pizzeria_chat.say("one large pepperoni pizza")
    pizzeria_chat.say("my wife already got wings so just that")
    assert pizzeria_chat.counts == {"PEPPERONI-PIZZA": 1}


def test_a_new_order_said_after_a_reason_is_still_taken(pizzeria_chat: Chat) -> None:
    pizzeria_chat.say("one large pepperoni pizza")
    pizzeria_chat.say("we already have drinks so just add a garlic knots")
    assert "PEPPERONI-PIZZA" in pizzeria_chat.counts and len(pizzeria_chat.counts) == 2


# -- exclamations and calling back ----------------------------------------------------------------------------------

def test_oh_goodness_ring_you_back_changes_nothing(shop: Callable[[str], Chat]) -> None:
    chat = shop("saladbar")
    chat.say("three caesar salads and two house salads")
    chat.say("one of the caesars with salmon on it")
    chat.say("that's all")
    before = chat.lines
    chat.say("oh goodness let me call the others and check first i'll ring you back")
    assert chat.lines == before
    assert chat.session.orders == []


def test_oh_gosh_phone_you_back_at_the_juice_bar(shop: Callable[[str], Chat]) -> None:
    chat = shop("juicebar")
    chat.say("a green machine")
    before = chat.lines
    chat.say("oh gosh i'll phone you back")
    assert chat.lines == before


# -- a product named as the place a choice goes ----------------------------------------------------------------------

def test_card_to_the_bouquet_is_the_bouquets_card(shop: Callable[[str], Chat]) -> None:
    chat = shop("florist")
    chat.say("ok a seasonal bouquet in pastel")
    chat.say("and a get well balloon")
    chat.say("and add a card to the bouquet")
    assert chat.counts == {"SEASONAL-BOUQUET": 1, "BALLOON": 1}
    bouquet = next(opts for sku, _, opts in chat.lines if sku == "SEASONAL-BOUQUET")
    assert bouquet.get("extras") == "card" and bouquet.get("palette") == "pastel"


def test_card_on_the_hamper_in_a_gift_shop(gifts: Chat) -> None:
    gifts.say("a large gift hamper")
    gifts.say("and a scented candle")
    gifts.say("put a card on the hamper")
    assert gifts.counts == {"HAMPER": 1, "CANDLE": 1}
    hamper = next(opts for sku, _, opts in gifts.lines if sku == "HAMPER")
    assert hamper.get("extras") == "card" and hamper.get("size") == "large"


def test_a_card_said_alone_is_a_card_of_its_own(gifts: Chat) -> None:
    gifts.say("a gift hamper")
    gifts.say("and a card")
    assert gifts.counts == {"HAMPER": 1, "CARD": 1}


# -- a product described by what it is made with; a name after a title ------------------------------------------------

_DELI = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "CLUB", "name": "club sandwich", "aliases": ["club"], "price": "11.00", "category": "sandwiches",
         "description": "turkey, bacon, lettuce and tomato on toasted bread",
         "options": [{"code": "extras", "name": "extras", "multiple": True, "values": [
             {"code": "bacon", "name": "bacon", "aliases": ["extra bacon"], "price_delta": "2.00"},
             {"code": "avocado", "name": "avocado", "price_delta": "2.00"}]}]},
        {"sku": "SODA", "name": "soda", "price": "2.00", "category": "drinks"},
    ],
}


@pytest.fixture
def deli(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _DELI)


def test_the_one_with_spinach_describes_the_green_smoothie(shop: Callable[[str], Chat]) -> None:
    chat = shop("juicebar")
    chat.say("hi can i get the green smoothie the one with spinach i think")
    assert [(sku, opts.get("boosts")) for sku, _, opts in chat.lines] == [("GREEN-MACHINE", None)]


def test_the_one_with_bacon_describes_the_club(deli: Chat) -> None:
    deli.say("the club sandwich the one with bacon")
    assert [(sku, opts.get("extras")) for sku, _, opts in deli.lines] == [("CLUB", None)]


def test_the_one_with_a_choice_not_in_the_description_is_chosen(deli: Chat) -> None:
    deli.say("the club sandwich the one with avocado")
    assert [(sku, opts.get("extras")) for sku, _, opts in deli.lines] == [("CLUB", "avocado")]


def test_a_pets_name_after_mister_is_no_product(shop: Callable[[str], Chat]) -> None:
    chat = shop("petshop")
    chat.say("hello love my cat mister biscuits is getting on he's fourteen now and the vet says he needs the food "
             "for older cats")
    chat.say("the dry food for old cats chicken the small bag")
    assert [(sku, opts.get("formula")) for sku, _, opts in chat.lines] == [("CAT-FOOD", "senior")]


def test_a_friends_name_after_mister_in_the_cafe(cafe_chat: Chat) -> None:
    cafe_chat.say("my friend mister cookie says hi, one latte please")
    assert cafe_chat.counts == {"LATTE": 1}


def test_a_product_said_before_a_title_is_still_ordered(cafe_chat: Chat) -> None:
    cafe_chat.say("a cookie for mister jones")
    assert cafe_chat.counts == {"COOKIE": 1}


# -- what someone does not eat --------------------------------------------------------------------------------------

def test_kids_who_dont_eat_meat_get_no_meat_pizza(pizzeria_chat: Chat) -> None:
    pizzeria_chat.say("three large pepperoni pizzas")
    pizzeria_chat.say("and a large cheese for the kids who don't eat meat")
    assert pizzeria_chat.counts == {"PEPPERONI-PIZZA": 3, "CHEESE-PIZZA": 1}


def test_a_son_who_doesnt_drink_coffee_in_the_cafe(cafe_chat: Chat) -> None:
    cafe_chat.say("a hot chocolate for my son he doesn't drink coffee")
    assert cafe_chat.counts == {"HOT-CHOCOLATE": 1}


def test_the_ones_who_eat_meat_get_the_meat_pizza(pizzeria_chat: Chat) -> None:
    pizzeria_chat.say("a large cheese pizza for the kids and a meat lovers for the ones who eat meat")
    assert pizzeria_chat.counts == {"CHEESE-PIZZA": 1, "MEAT-LOVERS": 1}


# -- a "which one?" settled by a later part of one name --------------------------------------------------------------

def test_the_chews_for_the_teeth_are_the_dental_chews(shop: Callable[[str], Chat]) -> None:
    chat = shop("petshop")
    chat.say("hi i need the chews for cleaning the teeth for my dog he's a big dog")
    assert chat.lines == [("DENTAL-CHEWS", 1, {"size": "large", "count": "12ct"})]


def test_chews_that_clean_the_teeth_for_a_small_dog(shop: Callable[[str], Chat]) -> None:
    chat = shop("petshop")
    chat.say("i want the chews that clean the teeth for a small dog")
    assert chat.lines == [("DENTAL-CHEWS", 1, {"size": "petite", "count": "12ct"})]


def test_a_second_product_named_in_full_is_no_part_of_the_first(gifts: Chat) -> None:
    gifts.say("a candle and a pillar candle")
    assert "CANDLE" not in gifts.counts or gifts.counts.get("PILLAR") == 1
    assert sum(gifts.counts.values()) <= 2
