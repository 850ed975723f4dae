"""A change to a cart line said in a later turn (session 19, the mt42 set): a line named again with a choice of it
("cod and chips" then "large cod"), no article, count or word of adding, changes that line when it still holds the
product's default for that choice; "a large cod", "and a large cod", "two large cod" still order more. A product
named with a choice whose first word is a word that usually ends a noun phrase ("naproxen store brand": "store"
as in "a coffee store") is that product with its choice, a line of its own, not a change of the line in focus.
Corpus catalogs (tests/corpus/catalogs)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.dialogue.conftest import Chat

Shop = Callable[[str], Chat]


# A line named again with a choice of it: that line made so, no second line.

@pytest.mark.parametrize("said", [
    "large cod",
    "large cod please",
    "actually the large cod",
    "sorry i meant large cod",
])
def test_line_named_again_with_a_choice_changes_it(shop: Shop, said: str) -> None:
    c = shop("fishchips")
    c.say("cod and chips please")
    c.say(said)
    assert c.counts == {"COD": 1, "CHIPS": 1}
    assert c.lines[0][2].get("size") == "large"
    assert c.lines[1][2].get("size") != "large"


def test_the_line_not_in_focus_is_changed_in_another_shop(shop: Shop) -> None:
    c = shop("pizzeria")
    c.say("a pepperoni pizza and a coke")
    c.say("large pepperoni pizza")
    assert c.counts == {"PEPPERONI-PIZZA": 1, "COKE": 1}
    assert c.lines[0][2].get("size") == "large"


def test_a_count_choice_said_before_the_line_changes_it(shop: Shop) -> None:
    c = shop("pharmacy")
    c.say("naproxen and a box of bandages")
    c.say("50 count naproxen")
    assert c.counts == {"NAPROXEN": 1, "BANDAGES": 1}
    assert c.lines[0][2].get("count") == "50ct"


@pytest.mark.parametrize(("said", "cods"), [
    ("a large cod", 2),
    ("and a large cod", 2),
    ("two large cod", 3),
])
def test_one_more_said_still_orders_more(shop: Shop, said: str, cods: int) -> None:
    c = shop("fishchips")
    c.say("cod and chips please")
    c.say(said)
    assert c.counts == {"COD": cods, "CHIPS": 1}
    assert c.lines[0][2].get("size") != "large"


def test_more_said_in_another_shop_is_a_second_line(shop: Shop) -> None:
    c = shop("pizzeria")
    c.say("a pepperoni pizza and a coke")
    c.say("and a large pepperoni pizza")
    assert c.counts == {"PEPPERONI-PIZZA": 2, "COKE": 1}
    assert c.lines[0][2].get("size") != "large" and c.lines[2][2].get("size") == "large"


# A product named with its choice "store brand", "house brand": that product, a line of its own.

@pytest.mark.parametrize("said", [
    "and naproxen store brand 50 count",
    "and naproxen store brand",
    "naproxen house brand please",
])
def test_product_with_a_store_brand_choice_is_ordered(shop: Shop, said: str) -> None:
    c = shop("pharmacy")
    c.say("children's acetaminophen")
    c.say("grape")
    c.say(said)
    assert c.counts == {"KIDS-ACETAMINOPHEN": 1, "NAPROXEN": 1}
    assert c.lines[1][2].get("brand") == "store"


def test_store_brand_product_named_first(shop: Shop) -> None:
    c = shop("pharmacy")
    c.say("naproxen store brand 50 count")
    assert c.counts == {"NAPROXEN": 1}
    assert c.lines[0][2].get("count") == "50ct"


def test_house_brand_product_in_another_shop(shop: Shop) -> None:
    c = shop("corner")
    c.say("acetaminophen")
    c.say("and ibuprofen house brand")
    assert c.counts == {"ACETAMINOPHEN": 1, "IBUPROFEN": 1}
