"""Cart invariants as properties: random multi-turn conversations over three catalogs, built from each
catalog's own products and options, checked turn by turn.

- a question never changes the cart;
- adding never removes or shrinks a line;
- "remove one X" takes exactly one X off;
- "make the X <option>" changes lines, never the number of units of any product;
- an order is placed only by a clear yes in the turn right after a read-back that asked to place it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.bundled import BUNDLED, open_store
from catalog.models import Product
from catalog.sqlite_store import SQLiteStore
from dialogue.confirm import decide
from dialogue.lexicon import Lexicon
from dialogue.readback import CONFIRM_QUESTION, PLACE_QUESTION, YES_OR_NO
from dialogue.session import Session
from dialogue.types import Action

CATALOGS = [c for c in ("cafe", "store", "bakery") if c in BUNDLED]
REPLIES = [line.split("\t")[1] for path in sorted((Path(__file__).parent / "data").glob("confirm_replies*.tsv"))
           for line in path.read_text(encoding="utf-8").splitlines()
           if line and not line.startswith("#") and line.split("\t")[2:] != ["known"]]
QUESTIONS = ["what's in my cart", "what do you have", "what's the cheapest", "how much is it all",
             "what are your hours", "do you have anything vegan", "what do you recommend", "menu please"]
NOISE = ["um", "hmm", "sorry what", "hello", "thanks", "wait", "uh huh", "", "blue sky", "?"]


@pytest.fixture(scope="module", params=CATALOGS)
def shop(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[SQLiteStore, Lexicon]:
    path = tmp_path_factory.mktemp("props") / f"{request.param}.sqlite3"
    store = open_store(path, catalog=request.param, tax_rate_bp=825)
    return store, Lexicon.for_store(store)


def _simple(p: Product) -> bool:
    """Products a one-line order can name outright: on sale, no required choice left open."""
    return p.active and (p.stock is None or p.stock > 5) and not any(g.required and not g.default
                                                                    for g in p.option_groups)


def _turn(draw: st.DrawFn, products: list[Product], in_cart: list[Product]) -> tuple[str, str, Product | None]:
    """One shopper turn. Every draw is made whatever the cart holds (hypothesis replays draws), and the
    cart only decides which of the drawn things is said."""
    kind = draw(st.sampled_from(["add", "add", "question", "noise", "confirm", "checkout", "remove", "modify", "price"]))
    p = draw(st.sampled_from(products))
    pick = draw(st.integers(0, 50))
    count = draw(st.sampled_from(["a", "one", "two", "3", "and a", "can i get a", "i'd like two"]))
    said = draw(st.sampled_from(REPLIES + QUESTIONS + NOISE))
    option_pick = draw(st.integers(0, 50))
    if kind in ("remove", "modify", "price") and not in_cart:
        kind = "add"
    if kind == "add":
        return kind, f"{count} {p.name}", p
    if kind in ("remove", "modify", "price"):
        p = in_cart[pick % len(in_cart)]
        if kind == "remove":
            return kind, (f"remove one {p.name}", f"take one {p.name} off")[pick % 2], p
        groups = [g for g in p.option_groups if not g.multiple and len(g.values) > 1]
        if kind == "price" or not groups:
            return "question", f"how much is the {p.name}", p
        g = groups[option_pick % len(groups)]
        return kind, f"make the {p.name} {g.values[option_pick % len(g.values)].name}", p
    if kind == "question":
        return kind, QUESTIONS[pick % len(QUESTIONS)], None
    if kind == "confirm":
        return kind, REPLIES[pick % len(REPLIES)], None
    if kind == "checkout":
        return kind, ("that's all", "check out", "that's everything")[pick % 3], None
    return kind, said if said in NOISE else NOISE[pick % len(NOISE)], None


def _units(session: Session) -> Counter[str]:
    units: Counter[str] = Counter()
    for line in session.cart.lines:
        units[line.sku] += line.quantity
    return units


def _asked_to_place(text: str) -> bool:
    return any(q.rstrip(".?") in text for q in (PLACE_QUESTION, CONFIRM_QUESTION, YES_OR_NO))


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_cart_invariants_hold_turn_by_turn(shop: tuple[SQLiteStore, Lexicon], data: st.DataObject) -> None:
    store, lex = shop
    products = sorted((p for p in lex.products.values() if _simple(p)), key=lambda p: p.sku)
    session = Session(store, lexicon=lex)
    last = session.greeting().text
    for _ in range(data.draw(st.integers(3, 9))):
        in_cart = [lex.products[s] for s in dict.fromkeys(ln.sku for ln in session.cart.lines) if s in lex.products]
        kind, text, product = _turn(data.draw, products, in_cart)
        before_lines = list(session.cart.lines)
        before = _units(session)
        pending = session.state.pending.kind if session.state.pending else None
        reply = session.handle(text)
        after = _units(session)
        if Action.ORDER_PLACED in reply.actions:
            assert _asked_to_place(last) and kind in ("confirm", "noise"), (text, last)
            assert decide(text).places, (text, last)
            last = reply.text
            continue
        assert "went wrong" not in reply.text, text
        if kind == "question" and pending not in ("clarify_option", "clarify_product", "offer", "low_conf"):
            assert session.cart.lines == before_lines, (text, reply.text)
        if kind == "add":
            assert all(after[sku] >= n for sku, n in before.items()), (text, reply.text)
        if kind == "remove" and product is not None and pending not in ("clarify_option", "clarify_product"):
            assert after[product.sku] == before[product.sku] - 1, (text, reply.text)
            assert all(after[s] == n for s, n in before.items() if s != product.sku), (text, reply.text)
        if kind == "modify" and pending not in ("clarify_option", "clarify_product"):
            assert sum(after.values()) == sum(before.values()), (text, reply.text)
        last = reply.text


def test_a_new_one_made_differently_is_a_new_line(chat: object) -> None:
    from typing import Any
    c: Any = chat
    c.say("a latte")
    c.say("and a large one with oat milk")  # one more, made so: the first latte is not changed
    assert [(sku, q) for sku, q, _ in c.lines] == [("LATTE", 1), ("LATTE", 1)]
    assert c.lines[1][2]["size"] == "large" and c.lines[1][2]["milk"] == "oat"
    assert c.lines[0][2]["size"] != "large"
    c.say("start over")
    c.say("a medium latte and a large one with almond milk")
    assert [(sku, q, o["size"]) for sku, q, o in c.lines] == [("LATTE", 1, "medium"), ("LATTE", 1, "large")]


def test_one_of_a_plural_line_then_the_other_across_turns(chat: object) -> None:
    from typing import Any
    c: Any = chat
    c.say("two iced mochas please")
    c.say("one with almond milk")  # one of the two, not both
    assert sorted(o["milk"] for _, _, o in c.lines) == ["almond", "whole"]
    c.say("and the other with oat")  # the other one, not the one just made
    assert sorted(o["milk"] for _, _, o in c.lines) == ["almond", "oat"]
    assert sum(q for _, q, _ in c.lines) == 2


def test_counts_for_products_sold_by_the_pair_or_pack(shop_store: object, new_chat: object) -> None:
    from typing import Any
    make: Any = new_chat
    c = make(shop_store)
    c.say("add a pair of size twelve hiking boots")  # a pair of boots is one product, "size 12" its size
    assert [(sku, q, o.get("size")) for sku, q, o in c.lines] == [("HIKING-BOOTS", 1, "12")]
    c2 = make(shop_store)
    r = c2.say("four double a batteries")  # sold in packs of eight: four packs, or four batteries? ask
    assert c2.lines == [] and "packs of eight" in r.text
    c2.say("two")
    assert [(q, "8" in sku) for sku, q, _ in c2.lines] == [(2, True)]
