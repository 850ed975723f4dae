"""A breakfast and pancake house the engine never saw: a measure-of-thing name counted in the plural ("three sides of
bacon", where the bacon's own strips are "three" or "six": three sides, not one side of three strips), and "one of
them" after a counted item whose choices were said after its noun ("two large coffees to go one of them decaf": one
of the two decaf, not both), and a name that opens with its number said short beside another item ("two eggs over
easy with rye and a side of bacon": the two egg breakfast, no longer dropped for the side of eggs it shares "two
eggs" with).

Sessions on the corpus catalog and on a wing bar and a cafe written here with the same shapes in other words, so the
mechanisms are the catalog's, not this menu's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

# The tacos of a plate or a side, filled one way ("tacos" is the choice's name, as a plate's "eggs" are).
_TACOS = {"code": "tacos", "name": "tacos", "required": True, "values": [
    {"code": "pastor", "name": "al pastor"}, {"code": "carnitas", "name": "carnitas"}]}

# A wing bar written here: a basket of wings sold as six or twelve wings (said by the bare count), a cup of dip, and
# iced teas made sweet or not, in two sizes.
_WINGBAR = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "WINGS", "name": "basket of wings", "price": "9.00", "category": "wings", "aliases": ["wings"],
         "options": [
             {"code": "pieces", "name": "pieces", "default": "6", "values": [
                 {"code": "6", "name": "six wings", "aliases": ["six"]},
                 {"code": "12", "name": "twelve wings", "aliases": ["twelve"], "price_delta": "7.00"}]},
             {"code": "sauce", "name": "sauce", "default": "buffalo", "values": [
                 {"code": "buffalo", "name": "buffalo"}, {"code": "bbq", "name": "bbq"}]}]},
        {"sku": "TEA", "name": "iced tea", "price": "2.50", "category": "drinks", "options": [
            {"code": "size", "name": "size", "default": "regular", "values": [
                {"code": "regular", "name": "regular"}, {"code": "large", "name": "large", "price_delta": "1.00"}]},
            {"code": "sweet", "name": "sweetened", "default": "sweet", "values": [
                {"code": "sweet", "name": "sweet"}, {"code": "unsweet", "name": "unsweetened",
                                                     "aliases": ["unsweet", "no sugar"]}]},
            {"code": "ice", "name": "ice", "default": "regular_ice", "values": [
                {"code": "regular_ice", "name": "regular ice"}, {"code": "light_ice", "name": "light ice"}]}]},
        {"sku": "TACO-PLATE", "name": "three taco plate", "price": "11.00", "category": "plates",
         "aliases": ["three tacos any style"], "options": [
             _TACOS,
             {"code": "tortilla", "name": "tortilla", "default": "corn", "values": [
                 {"code": "corn", "name": "corn"}, {"code": "flour", "name": "flour"}]}]},
        {"sku": "TACOS-ALONE", "name": "side order", "price": "8.00", "category": "sides",
         "aliases": ["three tacos on the side"], "options": [_TACOS]},
    ],
}


@pytest.fixture
def pancakes(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("pancakehouse"))


@pytest.fixture
def wings(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _WINGBAR)


def _has(chat: Chat, sku: str, qty: int, **options: str) -> bool:
    return any(s == sku and q == qty and all(o.get(k) == v for k, v in options.items()) for s, q, o in chat.lines)


# --- a measure-of-thing name counted in the plural -------------------------------------------------------------

@pytest.mark.parametrize(("said", "qty"), [
    ("three sides of bacon", 3),
    ("can i get three sides of bacon please", 3),
    ("six sides of bacon", 6),
    ("two sides of bacon", 2),
])
def test_sides_counted_not_strips(pancakes: Chat, said: str, qty: int) -> None:
    r = pancakes.say(said)
    assert pancakes.lines == [("SIDE-BACON", qty, {"strips": "3", "crisp": "regular"})], r.text


@pytest.fixture
def toys(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog("toystore"))


@pytest.mark.parametrize(("said", "want"), [
    ("a 64 box of crayons and two packs of washable markers", [("CRAYONS", 1, "64"), ("MARKERS", 2, None)]),
    ("a twenty pack of markers and a ten pack", [("MARKERS", 1, "20"), ("MARKERS", 1, None)]),
])
def test_a_measure_said_in_the_singular_keeps_its_number_as_the_choice(toys: Chat, said: str,
                                                                      want: list[tuple[str, int, str | None]]) -> None:
    """"a 64 box of crayons": the number before a singular measure is the box's count choice, one box (the plural
    rule of "three sides of bacon" read it as 64 boxes)."""
    r = toys.say(said)
    got = [(sku, qty, opts.get("count")) for sku, qty, opts in toys.lines]
    assert [(sku, qty) for sku, qty, _ in got] == [(sku, qty) for sku, qty, _ in want], r.text
    assert all(c == w for (_, _, c), (_, _, w) in zip(got, want, strict=True) if w is not None), r.text


def test_three_sides_of_bacon_in_a_pickup_order(pancakes: Chat) -> None:
    pancakes.say("hi i'm calling in a pickup order")
    pancakes.say("a griddle combo with the waffle eggs over hard and ham")
    r = pancakes.say("three sides of bacon")
    assert _has(pancakes, "SIDE-BACON", 3), r.text
    assert _has(pancakes, "GRIDDLE-COMBO", 1, griddle="waffle", eggs="over_hard", meat="ham"), r.text


@pytest.mark.parametrize(("said", "qty"), [("six baskets of wings", 6), ("twelve baskets of wings", 12)])
def test_wing_baskets_counted_not_pieces(wings: Chat, said: str, qty: int) -> None:
    r = wings.say(said)
    assert wings.lines == [("WINGS", qty, {"pieces": "6", "sauce": "buffalo"})], r.text


def test_twelve_wings_are_still_the_twelve_piece(wings: Chat) -> None:
    r = wings.say("twelve wings")
    assert wings.lines == [("WINGS", 1, {"pieces": "12", "sauce": "buffalo"})], r.text


# --- "one of them" after choices said after the counted noun ---------------------------------------------------

def test_two_large_coffees_to_go_one_of_them_decaf(pancakes: Chat) -> None:
    r = pancakes.say("two cinnamon rolls and two large coffees to go one of them decaf")
    assert sorted(pancakes.lines, key=lambda ln: ln[2].get("roast", "")) == [
        ("CINNAMON-ROLL", 2, {}),
        ("COFFEE", 1, {"size": "large", "roast": "decaf"}),
        ("COFFEE", 1, {"size": "large", "roast": "regular"}),
    ], r.text


@pytest.mark.parametrize("said", [
    "two coffees to go one of them decaf",
    "two coffees to go and one of them decaf",
    "two coffees to go one of those decaf",
])
def test_one_of_them_after_a_choice(pancakes: Chat, said: str) -> None:
    r = pancakes.say(said)
    assert _has(pancakes, "COFFEE", 1, size="large", roast="decaf"), r.text
    assert _has(pancakes, "COFFEE", 1, size="large", roast="regular"), r.text


@pytest.mark.parametrize("said", [
    "two iced teas large one of them unsweetened",
    "two iced teas light ice one of them unsweetened",
])
def test_wing_bar_teas_one_of_them(wings: Chat, said: str) -> None:
    r = wings.say(said)
    assert _has(wings, "TEA", 1, sweet="unsweet"), r.text
    assert _has(wings, "TEA", 1, sweet="sweet"), r.text
    assert sum(q for _, q, _ in wings.lines) == 2, r.text


def test_cafe_lattes_iced_one_of_them_with_oat(shop) -> None:  # type: ignore[no-untyped-def]
    cafe = shop("cafe")
    r = cafe.say("two lattes iced one of them with oat milk")
    assert _has(cafe, "LATTE", 1, temperature="iced", milk="oat"), r.text
    assert _has(cafe, "LATTE", 1, temperature="iced", milk="whole"), r.text


def test_the_item_said_again_with_one_is_no_part(shop) -> None:  # type: ignore[no-untyped-def]
    cafe = shop("cafe")
    r = cafe.say("two of the latte large one with oat milk")
    assert [q for s, q, _ in cafe.lines if s == "LATTE"] == [2], r.text


# --- a name that opens with its number, said short beside another item ------------------------------------------

@pytest.mark.parametrize("said", [
    "two eggs over easy with rye and a side of bacon",
    "two eggs over easy with rye toast and a side of bacon please",
])
def test_two_eggs_with_a_side_of_bacon(pancakes: Chat, said: str) -> None:
    r = pancakes.say(said)
    assert _has(pancakes, "TWO-EGG", 1, eggs="over_easy", toast="rye"), r.text
    assert _has(pancakes, "SIDE-BACON", 1), r.text
    assert len(pancakes.lines) == 2, r.text


def test_two_eggs_with_pancakes_instead_of_potatoes(pancakes: Chat) -> None:
    r = pancakes.say("two eggs over hard with rye and pancakes instead of potatoes")
    assert pancakes.lines == [("TWO-EGG", 1, {"eggs": "over_hard", "toast": "rye", "side": "pancakes"})], r.text


def test_two_eggs_then_bacon_made_crispy(pancakes: Chat) -> None:
    pancakes.say("two eggs over easy with rye and a side of bacon")
    r = pancakes.say("can you make the bacon extra crispy")
    assert _has(pancakes, "TWO-EGG", 1, eggs="over_easy", toast="rye"), r.text
    assert _has(pancakes, "SIDE-BACON", 1, crisp="extra_crispy"), r.text


def test_two_eggs_alone_still_the_plate(pancakes: Chat) -> None:
    r = pancakes.say("two eggs over easy with rye")
    assert pancakes.lines == [("TWO-EGG", 1, {"eggs": "over_easy", "toast": "rye", "side": "hash_browns"})], r.text


@pytest.mark.parametrize("said", [
    "three tacos al pastor on flour and a large iced tea",
    "three tacos carnitas on flour tortillas and an iced tea",
])
def test_taco_plate_said_short_beside_a_drink(wings: Chat, said: str) -> None:
    r = wings.say(said)
    assert _has(wings, "TACO-PLATE", 1, tortilla="flour"), r.text
    assert _has(wings, "TEA", 1), r.text
    assert not any(s == "TACOS-ALONE" for s, _, _ in wings.lines), r.text


# --- a measure word is a word of its own, no slip for a catalog word ---------------------------------------------

@pytest.mark.parametrize("said", [
    "a coffee with oat milk and a hazelnut shot",
    "a coffee with oat milk and a shot of hazelnut",
])
def test_hazelnut_shot_is_no_short_stack(pancakes: Chat, said: str) -> None:
    r = pancakes.say(said)
    assert _has(pancakes, "COFFEE", 1, size="mug"), r.text
    assert not any(s == "BUTTERMILK" for s, _, _ in pancakes.lines), r.text
    adds = {o.value for ln in pancakes.session.cart.lines for o in ln.options if o.group == "add"}
    assert adds == {"oat_milk", "hazelnut"}, r.text
