"""Long phone calls, turn after turn: a stock question said with the item it is about ("the lentil soup how many
bowls can you do" asks, orders nothing); "and another one for my brother with pulled pork and slaw and beans" (one
more like the line in focus, the products named after "with" being its choices, its required sides chosen anew);
"and one colour one for the same printer" (choice words said as "a/one ... one", which the line in focus offers,
are one more of that line made so, not another product those words name); "and one for the little one too but a
small and grey" (a count said for someone: one more like the line); "my older boy" (a person word after a word
that only says which one); "can you gift wrap both of them" after a product talked about and taken (every line,
not the product shown); "milk eggs and a loaf of bread" (a bare list, the last with its article); "my wife's
calling" (an everyday word, never a misheard product). A shop written here, and corpus catalogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.sqlite_store import SQLiteStore
from tests.dialogue.conftest import Chat, chat_of, corpus_catalog

_SIZES = {"code": "size", "name": "size", "default": "m", "values": [
    {"code": "s", "name": "small"}, {"code": "m", "name": "medium"}, {"code": "l", "name": "large", "aliases": ["big"]}]}
_GIFT = {"code": "gift", "name": "gift wrap", "multiple": True, "values": [
    {"code": "wrap", "name": "gift wrapping", "aliases": ["gift wrap", "gift wrapped", "wrapped"],
     "price_delta": "3.00"}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "COMBO", "name": "combo plate", "aliases": ["combo"], "price": "15.00", "category": "plates",
         "stock": 30, "options": [
             {"code": "meat", "name": "meat", "required": True, "values": [
                 {"code": "chicken", "name": "chicken"}, {"code": "ribs", "name": "ribs"},
                 {"code": "tofu", "name": "tofu"}]},
             {"code": "sides", "name": "sides", "required": True, "multiple": True, "values": [
                 {"code": "fries", "name": "fries"}, {"code": "corn", "name": "corn", "aliases": ["corn on the cob"]},
                 {"code": "salad", "name": "salad"}, {"code": "rice", "name": "rice"}]},
             {"code": "extras", "name": "extras", "multiple": True, "values": [
                 {"code": "sauce", "name": "extra sauce", "price_delta": "0.50"}]}]},
        {"sku": "RIBS", "name": "ribs", "aliases": ["rack of ribs"], "price": "20.00", "category": "meats", "stock": 20},
        {"sku": "FRIES", "name": "fries", "aliases": ["french fries"], "price": "4.00", "category": "sides",
         "stock": 40},
        {"sku": "CORN", "name": "corn on the cob", "aliases": ["corn"], "price": "3.00", "category": "sides",
         "stock": 40},
        {"sku": "TONER", "name": "toner cartridge", "aliases": ["toner", "toners", "cartridge"], "price": "40.00",
         "category": "printing", "stock": 20, "options": [
             {"code": "model", "name": "printer model", "required": True, "aliases": ["printer"], "values": [
                 {"code": "x100", "name": "x 100", "aliases": ["x100"]},
                 {"code": "x200", "name": "x 200", "aliases": ["x200"]}]},
             {"code": "colour", "name": "colour", "default": "black", "values": [
                 {"code": "black", "name": "black", "aliases": ["black one"]},
                 {"code": "colour", "name": "colour", "aliases": ["color", "colour one", "color one"],
                  "price_delta": "15.00"}]}]},
        {"sku": "MARKERS", "name": "marker pens", "aliases": ["markers"], "price": "6.00", "category": "desk",
         "stock": 30, "options": [
             {"code": "ink", "name": "ink", "default": "plain", "values": [
                 {"code": "plain", "name": "plain"},
                 {"code": "coloured", "name": "coloured", "aliases": ["colour", "color", "colored"]}]}]},
        {"sku": "JACKET", "name": "rain jacket", "aliases": ["jacket", "jackets"], "price": "40.00",
         "category": "clothing", "stock": 20, "options": [
             {"code": "colour", "name": "colour", "required": True, "values": [
                 {"code": "red", "name": "red"}, {"code": "green", "name": "green"},
                 {"code": "yellow", "name": "yellow"}]}, _SIZES, _GIFT]},
        {"sku": "KITE", "name": "kite", "aliases": ["kites"], "price": "18.00", "category": "toys", "stock": 5,
         "options": [_GIFT]},
        {"sku": "SOUP", "name": "chowder", "aliases": ["soup"], "price": "5.00", "category": "soups", "stock": 5,
         "options": [{"code": "size", "name": "size", "default": "cup", "values": [
             {"code": "cup", "name": "cup"}, {"code": "bowl", "name": "bowl", "price_delta": "3.00"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _shop_chat(tmp_path: Path, name: str) -> Iterator[Chat]:
    yield from chat_of(tmp_path, corpus_catalog(name))


@pytest.fixture
def falafel(tmp_path: Path) -> Iterator[Chat]:
    yield from _shop_chat(tmp_path, "falafel")


@pytest.fixture
def smokehouse(tmp_path: Path) -> Iterator[Chat]:
    yield from _shop_chat(tmp_path, "smokehouse")


@pytest.fixture
def stationery(tmp_path: Path) -> Iterator[Chat]:
    yield from _shop_chat(tmp_path, "stationery")


@pytest.fixture
def toystore(tmp_path: Path) -> Iterator[Chat]:
    yield from _shop_chat(tmp_path, "toystore")


# --- a stock question said with the item it is about -------------------------------------------------------------
def test_item_then_how_many_asks_and_orders_nothing(falafel: Chat) -> None:
    falafel.say("hi what soups do you have")
    falafel.say("ok the lentil soup how many bowls can you do")
    assert falafel.lines == []
    falafel.say("four bowls of lentil soup then")
    assert falafel.lines == [("LENTIL-SOUP", 4, {"size": "bowl"})]


def test_item_then_how_many_on_another_shop(chat: Chat) -> None:
    chat.say("the chowder how many have you got")
    assert chat.lines == []


def test_item_ordered_then_a_question_still_orders(chat: Chat) -> None:
    """An order word said with the item: ordered, the question answered besides."""
    chat.say("i'll take the chowder, how many are left")
    assert chat.counts == {"SOUP": 1}


# --- "another one for my brother with X and Y" -------------------------------------------------------------------
def test_another_one_with_products_that_are_its_choices(smokehouse: Chat) -> None:
    smokehouse.say("can i get a one meat plate with brisket mac and cheese and greens")
    smokehouse.say("and another one for my brother with pulled pork and slaw and beans")
    smokehouse.say("ok can my brother's have texas toast")
    plates = sorted((opts["meat"], opts.get("bread")) for sku, _, opts in smokehouse.lines)
    assert [sku for sku, _, _ in smokehouse.lines] == ["ONE-MEAT-PLATE", "ONE-MEAT-PLATE"]
    assert plates == [("brisket", "white_bread"), ("pulled_pork", "texas_toast")]
    sides = {opts["meat"]: sorted(o.value for o in ln.options if o.group == "sides")
             for ln, (_, _, opts) in zip(smokehouse.session.cart.lines, smokehouse.lines, strict=True)}
    assert sides == {"brisket": ["greens", "mac_cheese"], "pulled_pork": ["beans", "coleslaw"]}


def test_another_one_with_products_on_another_shop(chat: Chat) -> None:
    chat.say("a combo plate with chicken fries and salad")
    chat.say("and another one for my dad with ribs and corn and rice")
    assert [sku for sku, _, _ in chat.lines] == ["COMBO", "COMBO"]
    made = [(opts["meat"], sorted(o.value for o in ln.options if o.group == "sides"))
            for ln, (_, _, opts) in zip(chat.session.cart.lines, chat.lines, strict=True)]
    assert made == [("chicken", ["fries", "salad"]), ("ribs", ["corn", "rice"])]


def test_another_one_with_extras_keeps_its_sides(chat: Chat) -> None:
    """Extras said for the other one are added to what it is like; only the required choices are chosen anew."""
    chat.say("a combo plate with chicken fries and salad")
    chat.say("and another one with extra sauce")
    assert len(chat.lines) == 2
    second = chat.session.cart.lines[-1]
    assert sorted(o.value for o in second.options if o.group == "sides") == ["fries", "salad"]
    assert any(o.value == "sauce" for o in second.options)


def test_products_named_with_no_another_stay_items(chat: Chat) -> None:
    """Negative: "and ribs and corn" after a plate, with no "another one ... with": the products themselves."""
    chat.say("a combo plate with chicken fries and salad")
    chat.say("and a rack of ribs and corn on the cob")
    assert chat.counts == {"COMBO": 1, "RIBS": 1, "CORN": 1}


# --- "and one colour one for the same printer" --------------------------------------------------------------------
def test_one_colour_one_is_the_line_made_so(stationery: Chat) -> None:
    stationery.say("hi i need two black ink cartridges for an hp sixty two")
    stationery.say("and one colour one for the same printer")
    assert stationery.lines[1:] == [("INK", 1, {"model": "hp62", "colour": "tricolour", "yield": "standard"})]
    stationery.say("ok make the black ones xl")
    assert stationery.lines == [("INK", 2, {"model": "hp62", "colour": "black", "yield": "xl"}),
                                ("INK", 1, {"model": "hp62", "colour": "tricolour", "yield": "standard"})]


def test_a_colour_one_on_another_shop(chat: Chat) -> None:
    chat.say("two black toner cartridges for the x 200")
    chat.say("and a colour one too")
    assert chat.lines == [("TONER", 2, {"model": "x200", "colour": "black"}),
                          ("TONER", 1, {"model": "x200", "colour": "colour"})]


def test_colour_markers_named_stay_markers(chat: Chat) -> None:
    """Negative: the other product named outright is that product."""
    chat.say("two black toner cartridges for the x 200")
    chat.say("and one pack of colour markers")
    assert chat.counts == {"TONER": 2, "MARKERS": 1}


# --- "one for the little one too", "my older boy", "for each of them" ---------------------------------------------
def test_one_more_for_someone_made_so(shop_store: SQLiteStore) -> None:
    chat = Chat(shop_store)
    chat.say("hi yeah i need a hoodie for my older boy navy in a large")
    chat.say("and one for the little one too but a small and grey")
    chat.say("ok and a beanie for each of them black")
    chat.say("actually the big one wants his hoodie in black not navy")
    hoodies = sorted((opts["colour"], opts["size"]) for sku, _, opts in chat.lines if sku == "HOODIE")
    assert hoodies == [("black", "l"), ("grey", "s")]
    assert chat.counts["BEANIE-HAT"] == 2


def test_one_more_for_someone_on_another_shop(chat: Chat) -> None:
    chat.say("a red rain jacket in large for my eldest daughter")
    chat.say("and one for my son too in small and green")
    assert chat.lines == [("JACKET", 1, {"colour": "red", "size": "l"}),
                          ("JACKET", 1, {"colour": "green", "size": "s"})]
    chat.say("make her jacket yellow")
    assert chat.lines[0] == ("JACKET", 1, {"colour": "yellow", "size": "l"})


def test_a_change_said_with_one_is_still_a_change(chat: Chat) -> None:
    """Negative: "make that one small", no count for someone: the line changed, no second jacket."""
    chat.say("a red rain jacket in large")
    chat.say("make that one small")
    assert chat.lines == [("JACKET", 1, {"colour": "red", "size": "s"})]


# --- "can you gift wrap both of them" after a product talked about --------------------------------------------------
def test_gift_wrap_both_after_a_product_asked_about(toystore: Chat) -> None:
    toystore.say("for my niece a large unicorn plush")
    toystore.say("and for my nephew do you have remote control cars")
    toystore.say("ok a red one")
    toystore.say("can you gift wrap both of them")
    assert [(sku, opts.get("gift")) for sku, _, opts in toystore.lines] == [("PLUSH", "wrap"), ("RC-CAR", "wrap")]


def test_gift_wrap_both_on_another_shop(chat: Chat) -> None:
    chat.say("a green rain jacket")
    chat.say("do you have kites")
    chat.say("ok one kite please")
    chat.say("can you gift wrap both of them")
    assert [(sku, opts.get("gift")) for sku, _, opts in chat.lines] == [("JACKET", "wrap"), ("KITE", "wrap")]


def test_gift_wrap_it_is_the_one_line(chat: Chat) -> None:
    """Negative: "gift wrap it" with no "both": only the line in focus."""
    chat.say("a green rain jacket")
    chat.say("do you have kites")
    chat.say("ok one kite please")
    chat.say("can you gift wrap it")
    assert [(sku, opts.get("gift")) for sku, _, opts in chat.lines] == [("JACKET", None), ("KITE", "wrap")]


# --- a bare list; everyday words ---------------------------------------------------------------------------------
def test_bare_list_then_an_item_with_its_article(shop_store: SQLiteStore) -> None:
    chat = Chat(shop_store)
    chat.say("ok so i need milk eggs and a loaf of bread")
    assert set(chat.counts) == {"WHOLE-MILK-1-GALLON", "LARGE-EGGS-DOZEN", "SOURDOUGH-BREAD"}


def test_someone_calling_is_no_product(shop_store: SQLiteStore) -> None:
    chat = Chat(shop_store)
    chat.say("a loaf of sourdough bread")
    chat.say("that's all")
    chat.say("ok hang on my wife's calling i'll ring you back")
    assert chat.counts == {"SOURDOUGH-BREAD": 1}
    assert not chat.session.orders
