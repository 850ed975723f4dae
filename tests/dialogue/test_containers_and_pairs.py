"""A package word that is also a product's name ("a jar of fresh peanut butter" where jars are sold), the shopper's
own container ("i brought my own jar"), one product said twice in a sentence with other choices ("a bag of green
pumpkin senkos and a bag of the black and blue ones": a line each), and "the sour ones" naming the product whose
choice it is when no cart line can be made so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.dialogue.conftest import Chat, chat_of

ShopOf = Callable[[str], Chat]


def _one(shop: ShopOf, name: str, text: str) -> list[tuple[str, int, dict[str, str]]]:
    chat = shop(name)
    chat.say(text)
    return chat.lines


# --- a package word that names a product too -------------------------------------------------------------------


def test_a_jar_of_a_product_sold_by_the_jar_is_no_mason_jar(shop: ShopOf) -> None:
    lines = _one(shop, "bulkfoods", "a jar of fresh peanut butter")
    assert [(sku, q, o["nut"]) for sku, q, o in lines] == [("NUT-BUTTER", 1, "peanut")]


def test_a_sized_jar_of_is_the_size_of_the_product_after_of(shop: ShopOf) -> None:
    assert _one(shop, "bulkfoods", "a small jar of the honey roasted peanut butter") == [
        ("NUT-BUTTER", 1, {"nut": "honey_peanut", "size": "8oz"})]
    assert _one(shop, "bulkfoods", "a big jar of fresh ground cashew butter") == [
        ("NUT-BUTTER", 1, {"nut": "cashew", "size": "32oz"})]
    assert _one(shop, "bulkfoods", "a sixteen ounce jar of the fresh almond butter") == [
        ("NUT-BUTTER", 1, {"nut": "almond", "size": "16oz"})]


def test_a_jar_of_at_the_end_of_a_long_list(shop: ShopOf) -> None:
    chat = shop("bulkfoods")
    chat.say("ok so a pound of rolled oats a pound of walnut halves half a pound of golden raisins an ounce of "
             "cinnamon a quart of maple syrup and a jar of fresh peanut butter")
    got = {sku: o for sku, _, o in chat.lines}
    assert "MASON-JAR" not in got
    assert got["NUT-BUTTER"]["nut"] == "peanut"
    assert got["WALNUTS"]["weight"] == "1lb"  # "half a pound of" opens the raisins, it is no walnut weight
    assert got["RAISINS"]["weight"] == "half_lb"


def test_jars_asked_for_are_still_sold(shop: ShopOf) -> None:
    assert _one(shop, "bulkfoods", "two mason jars") == [("MASON-JAR", 2, {"size": "16oz"})]
    assert _one(shop, "bulkfoods", "a small jar") == [("MASON-JAR", 1, {"size": "8oz"})]
    lines = _one(shop, "bulkfoods", "a jar of almond butter and two mason jars")
    assert [(sku, q) for sku, q, _ in lines] == [("NUT-BUTTER", 1), ("MASON-JAR", 2)]
    lines = _one(shop, "bulkfoods", "a quart mason jar and a pound of pinto beans")
    assert [(sku, q) for sku, q, _ in lines] == [("MASON-JAR", 1), ("BEANS", 1)]


def test_a_half_pint_jar_added_later_adds_no_jar(shop: ShopOf) -> None:
    chat = shop("bulkfoods")
    chat.say("a jar of fresh peanut butter")
    chat.say("can i also add a half pint jar of almond butter")
    assert [(sku, o.get("nut")) for sku, _, o in chat.lines] == [("NUT-BUTTER", "peanut"), ("NUT-BUTTER", "almond")]


def test_my_own_jar_is_no_item(shop: ShopOf) -> None:
    assert _one(shop, "bulkfoods", "sixteen ounces of maple syrup dark robust i brought my own jar") == [
        ("MAPLE", 1, {"grade": "dark", "volume": "16oz", "container": "own"})]
    lines = _one(shop, "bulkfoods", "half a pound of cashews, i brought our own jars")
    assert [sku for sku, _, _ in lines] == ["CASHEWS"]


_TEA_SHOP: dict[str, Any] = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "CANISTER", "name": "canister", "price": "4.00", "aliases": ["canisters"]},
        {"sku": "OOLONG", "name": "oolong tea", "price": "9.00", "aliases": ["oolong"],
         "options": [{"code": "pack", "name": "packaging", "aliases": ["canister"], "default": "pouch",
                      "values": [{"code": "pouch", "name": "paper pouch"},
                                 {"code": "steel", "name": "steel", "price_delta": "2.00"}]}]},
    ],
}


def test_a_package_named_by_a_group_of_the_product_after_of(tmp_path: Path) -> None:
    for chat in chat_of(tmp_path, _TEA_SHOP):
        chat.say("a canister of oolong")
        assert [sku for sku, _, _ in chat.lines] == ["OOLONG"]
        chat.say("and two canisters")
        assert [(sku, q) for sku, q, _ in chat.lines] == [("OOLONG", 1), ("CANISTER", 2)]


# --- one product twice in a sentence ---------------------------------------------------------------------------


def test_a_pack_of_the_other_weight_is_a_line_of_its_own(shop: ShopOf) -> None:
    assert _one(shop, "baitshop", "a pack of eighth ounce jig heads in chartreuse and a pack of the quarter ounce "
                                  "in white") == [
        ("JIG-HEADS", 1, {"weight": "1/8oz", "colour": "chartreuse"}),
        ("JIG-HEADS", 1, {"weight": "1/4oz", "colour": "white"})]


def test_a_bag_of_the_other_colour_ones(shop: ShopOf) -> None:
    lines = _one(shop, "baitshop", "a bag of green pumpkin senkos and uh a bag of the black and blue ones")
    assert [(sku, q, o["colour"]) for sku, q, o in lines] == [
        ("SOFT-PLASTIC", 1, "green_pumpkin"), ("SOFT-PLASTIC", 1, "black_blue")]
    lines = _one(shop, "baitshop", "a bag of watermelon senkos and a bag of the junebug ones")
    assert [o["colour"] for _, _, o in lines] == ["watermelon_red", "junebug"]


def test_ones_of_a_choice_the_item_does_not_offer_add_nothing_else(shop: ShopOf) -> None:
    lines = _one(shop, "baitshop", "a bag of watermelon senkos and a bag of the pink ones")
    assert [sku for sku, _, _ in lines] == ["SOFT-PLASTIC"]  # no other product that comes in pink


def test_a_measure_of_the_other_kind(shop: ShopOf) -> None:
    lines = _one(shop, "bulkfoods", "uh two pounds of black beans and two pounds of the pinto")
    assert lines == [("BEANS", 1, {"kind": "black", "weight": "2lb"}), ("BEANS", 1, {"kind": "pinto", "weight": "2lb"})]
    lines = _one(shop, "bulkfoods", "a pound of almond flour and two pounds of pinto")
    assert [(sku, o["weight"]) for sku, _, o in lines] == [("ALMOND-FLOUR", "1lb"), ("BEANS", "2lb")]


def test_couple_counts_and_two_flavours_of_one_soda(shop: ShopOf) -> None:
    lines = _one(shop, "baitshop", "couple cokes a mountain dew and a bag of the barbecue chips")
    assert [(sku, q, o["flavour"]) for sku, q, o in lines] == [
        ("SODA", 2, "coke"), ("SODA", 1, "mountain_dew"), ("CHIPS", 1, "bbq")]
    assert [(q, o["flavour"]) for _, q, o in _one(shop, "baitshop", "couple sprites and a root beer")] == [
        (2, "sprite"), (1, "root_beer")]


def test_the_couple_is_no_count() -> None:
    from dialogue.numbers import to_digits
    assert to_digits(["couple", "cokes"]) == ["2", "cokes"]
    assert to_digits(["for", "the", "couple"]) == ["for", "the", "couple"]
    assert to_digits(["the", "couple", "next", "door"]) == ["the", "couple", "next", "door"]


def test_the_same_item_said_again_still_merges(shop: ShopOf) -> None:
    chat = shop("pizzeria")
    chat.say("two garlic knots and a large cheese pizza, the garlic knots with extra marinara")
    assert sum(q for sku, q, _ in chat.lines if "KNOT" in sku) == 2


# --- "the sour ones" with no line so made -----------------------------------------------------------------------


def test_the_sour_ones_instead_after_taking_the_gummies_off(shop: ShopOf) -> None:
    chat = shop("bulkfoods")
    chat.say("half a pound of gummy bears and a pound of jelly beans")
    chat.say("take off the gummy bears")
    chat.say("put half a pound of the sour ones instead")
    assert chat.lines == [("JELLY-BEANS", 1, {"weight": "1lb"}),
                          ("GUMMY-BEARS", 1, {"flavour": "sour", "weight": "half_lb"})]


def test_the_sour_ones_too_to_a_cart_of_jelly_beans(shop: ShopOf) -> None:
    chat = shop("bulkfoods")
    chat.say("a pound of jelly beans")
    chat.say("half a pound of the sour ones too")
    assert chat.lines == [("JELLY-BEANS", 1, {"weight": "1lb"}),
                          ("GUMMY-BEARS", 1, {"flavour": "sour", "weight": "half_lb"})]


def test_the_ones_a_line_offers_still_pick_that_line(shop: ShopOf) -> None:
    chat = shop("bulkfoods")
    chat.say("a pound of gummy bears")
    chat.say("make the sour ones half a pound")
    assert [sku for sku, _, _ in chat.lines] == ["GUMMY-BEARS"]


def test_the_one_named_by_a_word_of_its_product_name_is_that_line(shop: ShopOf) -> None:
    # "the chicken one" names the chicken bowl by its name, though "chicken" is a choice of another bowl only (found
    # on the merge: the rule above had made it a new build-your-own bowl with chicken)
    chat = shop("poke")
    chat.say("a garden bowl and a chicken bowl")
    chat.say("put the chicken one on brown rice")
    assert [(sku, q, o.get("base")) for sku, q, o in chat.lines] == [("GARDEN-BOWL", 1, "greens"),
                                                                    ("CHICKEN-BOWL", 1, "brown_rice")]
