"""Understanding of whole coffee orders and of speech-recognition slips, on the bundled cafe catalog.

The sentences are written for these tests (barista-style orders), not taken from any data set.
"""

from __future__ import annotations

import pytest

from catalog.sqlite_store import SQLiteStore
from dialogue.intents import Intent
from dialogue.lexicon import Lexicon
from dialogue.parse_records import Context
from dialogue.session import Session
from dialogue.understanding import RuleUnderstanding


def one_line(store: SQLiteStore, text: str) -> tuple[str, dict[str, tuple[str, str, str]]]:
    s = Session(store)
    s.handle(text)
    assert len(s.cart.lines) == 1, (text, s.cart.lines)
    line = s.cart.lines[0]
    return line.sku, {o.group: (o.value, o.amount, o.qualifier) for o in line.options}


def test_full_barista_order_makes_one_line(cafe: SQLiteStore) -> None:
    sku, opts = one_line(cafe, "could I have a large iced mocha with a little bit of soy milk and lots of "
                               "brown sugar, dark roast, triple shot")
    assert sku == "ICED-MOCHA"
    assert opts["size"][0] == "large" and opts["roast"][0] == "dark" and opts["shots"][0] == "triple"
    assert opts["milk"] == ("soy", "light", "a little bit of")
    assert opts["sweetener"] == ("brown_sugar", "extra", "lots of")


@pytest.mark.parametrize(("text", "sku", "expect"), [
    ("I'd like a twelve ounce latte with a bit of whole milk", "LATTE",
     {"size": ("12oz", "regular", ""), "milk": ("whole", "light", "a bit of")}),
    ("small cappuccino medium roast with some skim milk please", "CAPPUCCINO",
     {"size": ("small", "regular", ""), "roast": ("medium", "regular", ""), "milk": ("skim", "regular", "some")}),
    ("get me a sixteen-ounce americano, light roast, double shot, a lot of sweetener", "AMERICANO",
     {"size": ("16oz", "regular", ""), "roast": ("light", "regular", ""), "shots": ("double", "regular", ""),
      "sweetener": ("sweetener", "extra", "a lot of")}),
    ("one house coffee twenty ounce with lots of almond milk and some sugar", "HOUSE-COFFEE",
     {"size": ("20oz", "regular", ""), "milk": ("almond", "extra", "lots of"), "sweetener": ("sugar", "regular", "some")}),
    ("an eight ounce drip coffee with a little bit of cream", "DRIP-COFFEE",
     {"size": ("8oz", "regular", ""), "milk": ("cream", "light", "a little bit of")}),
    ("medium iced coffee with a bit of milk and a little bit of sugar", "ICED-COFFEE",
     {"size": ("medium", "regular", ""), "milk": ("milk", "light", "a bit of"), "sweetener": ("sugar", "light", "a little bit of")}),
])
def test_slots_and_amount_words(cafe: SQLiteStore, text: str, sku: str, expect: dict[str, tuple[str, str, str]]) -> None:
    got_sku, opts = one_line(cafe, text)
    assert got_sku == sku
    for group, value in expect.items():
        assert opts[group] == value, (group, opts)


@pytest.mark.parametrize(("text", "sku", "group", "value"), [
    ("a single shot expresso please", "ESPRESSO", "shots", "single"),
    ("can I get a cappucino", "CAPPUCCINO", None, None),
    ("one large late", "LATTE", "size", "large"),
    ("a small mocka", "MOCHA", "size", "small"),
    ("an ice mocha dark roast", "ICED-MOCHA", "roast", "dark"),
    ("a 12 ounce americano", "AMERICANO", "size", "12oz"),
    ("a twelve-ounce americano", "AMERICANO", "size", "12oz"),
    ("an oatmilk latte", "LATTE", "milk", "oat"),
    ("a match a latte", "MATCHA-LATTE", None, None),
    ("an earl gray tea", "TEA", "tea", "earl_grey"),
    ("a cortardo please", "CORTADO", None, None),
    ("a latte and i would like it to be decafe", "LATTE", "caffeine", "decaf"),  # a slip after "be" is still fixed
])
def test_asr_slips(cafe: SQLiteStore, text: str, sku: str, group: str | None, value: str | None) -> None:
    got_sku, opts = one_line(cafe, text)
    assert got_sku == sku
    if group is not None:
        assert opts[group][0] == value


def test_several_items_and_splits(cafe: SQLiteStore) -> None:
    u = RuleUnderstanding(Lexicon.for_store(cafe))
    p = u.parse("two large oat milk lattes, one decaf, and a blueberry muffin", Context())
    assert p.intent == Intent.ADD
    assert [(i.skus, i.quantity) for i in p.items] == [(("LATTE",), 1), (("LATTE",), 1), (("BLUEBERRY-MUFFIN",), None)]
    decaf = [o.targets[0].value for o in p.items[0].options]
    assert "decaf" in decaf and "oat" in decaf and "large" in decaf
    assert "decaf" not in [o.targets[0].value for o in p.items[1].options]


def test_correction_mid_sentence(cafe: SQLiteStore) -> None:
    u = RuleUnderstanding(Lexicon.for_store(cafe))
    for text in ("a latte, no, a mocha", "a latte I mean a mocha", "can I get a latte sorry a mocha"):
        p = u.parse(text, Context())
        assert [i.skus for i in p.items] == [("MOCHA",)], text


@pytest.mark.parametrize(("text", "intent"), [
    ("hello", Intent.GREET), ("what milks do you have", Intent.OPTIONS), ("how much is a latte", Intent.PRICE),
    ("do you have croissants in stock", Intent.STOCK), ("what's in a cortado", Intent.DESCRIBE),
    ("do you have anything under three dollars", Intent.SEARCH), ("what's in my cart", Intent.CART),
    ("clear my cart", Intent.CLEAR), ("that's all", Intent.CHECKOUT), ("yes please", Intent.AFFIRM),
    ("nope", Intent.DENY), ("where is my order four five one two", Intent.ORDER_STATUS),
    ("cancel order four five one two", Intent.CANCEL_ORDER), ("what can I say", Intent.HELP),
    ("say that again", Intent.REPEAT), ("can I talk to a real person", Intent.HUMAN), ("goodbye", Intent.GOODBYE),
    ("who won the football last night", Intent.OUT_OF_SCOPE), ("to go please", Intent.ORDER_TYPE),
    ("thanks so much", Intent.THANKS),
])
def test_intents(cafe: SQLiteStore, text: str, intent: Intent) -> None:
    u = RuleUnderstanding(Lexicon.for_store(cafe))
    assert u.parse(text, Context()).intent == intent


def test_lexicon_is_shared_per_store(cafe: SQLiteStore) -> None:
    assert Lexicon.for_store(cafe) is Lexicon.for_store(cafe)
    assert Session(cafe).lexicon is Session(cafe).lexicon


@pytest.mark.parametrize(("text", "shots"), [
    ("a mocha with double chocolate", "single"),   # "double" is about the chocolate
    ("a cortado with double the milk", "double"),  # the cortado's own default is a double
    ("a large double oat latte", "double"),
    ("a latte, double please", "double"),
    ("a triple shot latte", "triple"),
])
def test_multiplier_words(cafe: SQLiteStore, text: str, shots: str) -> None:
    _, opts = one_line(cafe, text)
    assert opts["shots"][0] == shots


def test_fuller_add_on_name_refines_the_shorter(cafe: SQLiteStore) -> None:
    s = Session(cafe)
    s.handle("a vanilla latte, and please use the sugar free vanilla")
    assert [o.value for o in s.cart.lines[0].options if o.group == "syrup"] == ["sf_vanilla"]


def test_disfluent_transcripts(cafe: SQLiteStore) -> None:
    u = RuleUnderstanding(Lexicon.for_store(cafe))
    p = u.parse("so yeah i'll have a um medium mocha and uh two croissants", Context())
    assert [(i.skus, i.quantity) for i in p.items] == [(("MOCHA",), None), (("CROISSANT",), 2)]
    p = u.parse("can i get a latte no wait make that a large mocha", Context())
    assert [i.skus for i in p.items] == [("MOCHA",)]
    p = u.parse("um can i get uh a large uh latte with uh oat milk", Context())
    assert [i.skus for i in p.items] == [("LATTE",)]
    assert {o.targets[0].value for o in p.items[0].options} == {"large", "oat"}
