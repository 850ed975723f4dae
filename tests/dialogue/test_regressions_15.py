"""Regressions of the fourteenth session's merges, fixed in the fifteenth.

- "no wait only the lox and the bagels": "the bagels" names the half dozen's line by its product's name, though
  "bagels" also names a choice group of the lox (the "beer of a line" rule kept off it).
- "a double shot" said alone is no espresso: the latte's shots group, single unless said and named "espresso
  shots", makes no product of the value (the second pass may then respell "and smoke" to "mocha"); a combo's
  drink that must be chosen ("which soda") still leaves "a cola" to the can of soda.
- "a head of garlic a bunch of basil": the package word another product's choice ("bunch", the carrots') before
  "of" and the choice of the one product offering it ("basil", the herbs') is an item of its own when an article
  right after the item before opens it, as "and" would; "a sheet of three quarter birch" stays the plywood.
- "a large strawberry shake and a small chocolate shake": "small" is of the shake named past "chocolate", no
  item of its own (it alone would name the shake, the one product sold in sizes): two shakes, each its size.
- "an iced hibiscus tea unsweetened with mint", "potato salad and cornbread instead of the white bread": a choice
  whose word two groups have ("mint": a tea and an extra; "cornbread": a side and the bread) is not pointed to a
  group by the words of another choice said before it ("hibiscus", "potato salad"); a contrasted one still points
  ("not crazy spicy like medium": the spice level's medium).
- "and another one medium rare with the eggs over easy" after a steak and eggs: "the eggs" followed by a choice of
  the line's eggs group names that group, though "eggs" is in the line's name (a second steak and eggs, not a
  question about the two egg breakfast's eggs).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of
from tests.dialogue.test_named_by_flavour_and_weight import _SHOP


def _skus(chat: Chat) -> list[tuple[str, int]]:
    return [(sku, qty) for sku, qty, _ in chat.lines]


# --- "only the lox and the bagels": a line named by its product's name keeps that line -----------------------------
@pytest.mark.parametrize("said", ["no wait only the lox and the bagels", "just the lox and the bagels",
                                  "only the bagels and the lox", "actually only the bagels and the lox please"])
def test_only_the_lines_named_stay(shop: Callable[[str], Chat], said: str) -> None:
    chat = shop("bagels")
    chat.say("a lox on an everything bagel")
    chat.say("a tub of plain cream cheese")
    chat.say("and a half dozen bagels assorted")
    chat.say(said)
    assert _skus(chat) == [("LOX", 1), ("HALF-DOZEN", 1)]
    assert chat.lines[0][2]["bagel"] == "everything"


# --- "a double shot": a value of a group with a default names no product of it -------------------------------------
def test_a_double_shot_alone_is_no_espresso(chat: Chat) -> None:
    chat.say("a double shot")
    assert chat.lines == []


@pytest.mark.parametrize("said", ["a double shot mocha with a bit of sugar", "a double shot and mocha with a bit of sugar"])
def test_a_double_shot_and_a_mocha_is_one_mocha(chat: Chat, said: str) -> None:
    chat.say(said)
    assert [(sku, qty, opts["shots"], opts.get("sweetener")) for sku, qty, opts in chat.lines] == \
        [("MOCHA", 1, "double", "sugar")]


def test_and_a_double_shot_after_a_latte_is_its_shots(chat: Chat) -> None:
    chat.say("a large latte")
    chat.say("and a double shot")
    assert [(sku, qty, opts["size"], opts["shots"]) for sku, qty, opts in chat.lines] == [("LATTE", 1, "large", "double")]


def test_the_second_pass_respells_after_a_double_shot(cafe) -> None:  # type: ignore[no-untyped-def]
    from dialogue.completeness import names_a_product
    from dialogue.session import Session

    session = Session(cafe)
    assert not names_a_product(session, "a double shot and smoke with a bit of sugar")
    assert names_a_product(session, "a double shot and mocha with a bit of sugar")


# --- "a head of garlic a bunch of basil": an article after an item opens the next one, a package before its choice --
def test_greengrocer_long_order_keeps_the_basil_apart(shop: Callable[[str], Chat]) -> None:
    chat = shop("greengrocer")
    chat.say("ok so a pound of tomatoes two onions a head of garlic a bunch of basil three red bell peppers and a dozen eggs")
    assert _skus(chat) == [("TOMATO", 1), ("ONION", 2), ("GARLIC", 1), ("HERBS", 1), ("BELL-PEPPER", 3), ("EGGS", 1)]
    assert chat.lines[3][2]["herb"] == "basil"
    assert "herb" not in chat.lines[2][2]


@pytest.mark.parametrize(("said", "items", "herb"), [
    ("a head of garlic a bunch of basil", [("GARLIC", 1), ("HERBS", 1)], "basil"),
    ("two lemons a bunch of parsley", [("LEMON", 2), ("HERBS", 1)], "parsley"),
    ("a head of garlic a bunch of cilantro two lemons", [("GARLIC", 1), ("HERBS", 1), ("LEMON", 2)], "cilantro"),
    ("a head of garlic and a bunch of basil", [("GARLIC", 1), ("HERBS", 1)], "basil"),
])
def test_a_bunch_of_a_herb_after_an_item_is_the_herbs(shop: Callable[[str], Chat], said: str,
                                                       items: list[tuple[str, int]], herb: str) -> None:
    chat = shop("greengrocer")
    chat.say(said)
    assert _skus(chat) == items
    assert [opts["herb"] for sku, _, opts in chat.lines if sku == "HERBS"] == [herb]


def test_a_sheet_of_three_quarter_birch_stays_the_plywood(shop: Callable[[str], Chat]) -> None:
    chat = shop("lumberyard")
    chat.say("ok a sheet of three quarter birch")
    assert chat.lines == [("PLYWOOD", 1, {"thickness": "3_4", "grade": "birch"})]


# --- "and a small chocolate shake": a choice before another choice and the product's name is that item's ------------
@pytest.fixture
def counter(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "made"), [
    ("a large strawberry shake and a small chocolate shake", [("large", "strawberry"), ("small", "chocolate")]),
    ("a small chocolate shake", [("small", "chocolate")]),
    ("a burger and a small chocolate shake", [("small", "chocolate")]),
    ("a small strawberry shake and a large chocolate shake please", [("small", "strawberry"), ("large", "chocolate")]),
])
def test_a_size_before_a_flavour_named_shake_is_its_size(counter: Chat, said: str, made: list[tuple[str, str]]) -> None:
    counter.say(said)
    assert [(opts["size"], opts["flavour"]) for sku, qty, opts in counter.lines if sku == "SHAKE" and qty == 1] == made
    assert sum(qty for sku, qty, _ in counter.lines if sku == "SHAKE") == len(made)


# --- "a hibiscus tea with mint": another choice's words point to no group -------------------------------------------
@pytest.mark.parametrize(("said", "temp"), [
    ("an iced hibiscus tea unsweetened with mint", "iced"),
    ("a hot hibiscus tea with mint", "hot"),
    ("a hibiscus tea iced with mint", "iced"),
])
def test_mint_after_a_tea_chosen_is_the_extra(shop: Callable[[str], Chat], said: str, temp: str) -> None:
    chat = shop("teashop")
    chat.say(said)
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("BREWED-TEA", 1)]
    opts = chat.lines[0][2]
    assert (opts["tea"], opts["temp"], opts["extras"]) == ("hibiscus", temp, "mint")


def test_an_iced_mint_tea_is_still_the_peppermint(shop: Callable[[str], Chat]) -> None:
    chat = shop("teashop")
    chat.say("an iced mint tea")
    assert [(sku, opts["tea"], opts["temp"]) for sku, _, opts in chat.lines] == [("BREWED-TEA", "peppermint", "iced")]
    assert "extras" not in chat.lines[0][2]


@pytest.mark.parametrize(("said", "sides"), [
    ("can i do a two meat plate brisket and turkey with collards and potato salad and cornbread instead of the white "
     "bread", ["greens", "potato_salad"]),
    ("a two meat plate brisket and turkey with mac and cheese and collards and cornbread instead of white bread",
     ["mac_cheese", "greens"]),
    ("a two meat plate brisket and sausage with beans and potato salad and cornbread instead of the white bread",
     ["beans", "potato_salad"]),
])
def test_cornbread_after_the_sides_is_the_bread(shop: Callable[[str], Chat], said: str, sides: list[str]) -> None:
    chat = shop("smokehouse")
    chat.say(said)
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("TWO-MEAT-PLATE", 1)]
    options = chat.session.cart.lines[0].options
    assert [o.value for o in options if o.group == "bread"] == ["cornbread"]
    assert sorted(o.value for o in options if o.group == "sides") == sorted(sides)


def test_not_crazy_spicy_like_medium_still_points_to_the_spice(shop: Callable[[str], Chat]) -> None:
    chat = shop("noodlebar")
    chat.say("and my boyfriend wants the spicy miso but not crazy spicy like medium")
    assert [(sku, opts["spice"]) for sku, _, opts in chat.lines] == [("SPICY-MISO", "medium")]


# --- "another one medium rare with the eggs over easy": the line's eggs, though "eggs" is in its name ----------------
@pytest.mark.parametrize(("said", "doneness", "eggs"), [
    ("and another one medium rare with the eggs over easy", "medium_rare", "over_easy"),
    ("another one medium rare with the eggs over medium", "medium_rare", "over_medium"),
    ("and one more rare with the eggs scrambled", "rare", "scrambled"),
])
def test_another_steak_and_eggs_with_the_eggs_made_so(shop: Callable[[str], Chat], said: str, doneness: str,
                                                      eggs: str) -> None:
    chat = shop("diner")
    chat.say("steak and eggs medium well eggs scrambled")
    chat.say(said)
    assert [(sku, qty, opts["doneness"], opts["eggs"]) for sku, qty, opts in chat.lines] == [
        ("STEAK-EGGS", 1, "medium_well", "scrambled"), ("STEAK-EGGS", 1, doneness, eggs)]


# --- trust: a line said back with an acknowledgement is no yes (held-back mt34 placed "ok one king comforter") ----


@pytest.mark.parametrize("reply", ["ok a latte", "okay one latte", "ok so a latte", "alright one latte"])
def test_a_line_said_back_with_an_acknowledgement_places_nothing(chat: Chat, reply: str) -> None:
    chat.say("a latte")
    chat.say(reply)
    assert chat.session.cart.lines and not chat.session.store.orders()


@pytest.mark.parametrize("reply", ["yes a latte", "okay yes one latte", "ok yep a latte please"])
def test_a_line_said_back_with_a_yes_still_places(chat: Chat, reply: str) -> None:
    chat.say("a latte")
    chat.say(reply)
    assert len(chat.session.store.orders()) == 1
