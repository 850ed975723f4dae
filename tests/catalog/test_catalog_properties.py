"""Property tests: catalog JSON round-trips, order totals in integer cents survive the store."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog import json_format
from catalog.cart import Cart
from catalog.models import OptionGroup, OptionValue, Product, SelectedOption
from catalog.money import tax_cents
from catalog.sqlite_store import SQLiteStore

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz éü'-", min_size=1, max_size=12).map(str.strip).filter(bool)
codes = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_", min_size=1, max_size=8)


@st.composite
def products(draw: st.DrawFn) -> Product:
    groups = []
    for code in draw(st.lists(codes, max_size=3, unique=True)):
        vcodes = draw(st.lists(codes, min_size=1, max_size=4, unique=True))
        values = tuple(OptionValue(v, draw(words), tuple(draw(st.lists(words, max_size=2))),
                                   draw(st.integers(-500, 500))) for v in vcodes)
        groups.append(OptionGroup(code, draw(words), values, draw(st.none() | st.sampled_from(vcodes)),
                                  draw(st.booleans()), draw(st.booleans()), draw(st.booleans())))
    return Product(
        sku=draw(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", min_size=1, max_size=20)),
        name=draw(words), price_cents=draw(st.integers(0, 10**7)), aliases=tuple(draw(st.lists(words, max_size=3))),
        description=draw(st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffd")
                                            | st.sampled_from("\n\t"), max_size=40).map(str.strip)), category=draw(words), brand=draw(st.just("") | words),
        tags=tuple(draw(st.lists(words, max_size=3))), active=draw(st.booleans()), option_groups=tuple(groups),
        stock=draw(st.none() | st.integers(0, 1000)),
    )


@settings(max_examples=30, deadline=None)
@given(st.lists(products(), min_size=1, max_size=5, unique_by=lambda p: p.sku))
def test_json_round_trip(items: list[Product]) -> None:
    assert json_format.loads(json_format.dumps(items)) == items


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 99_999), st.integers(1, 20), st.booleans()), min_size=1, max_size=6),
       st.integers(0, 2500))
def test_order_totals_are_exact_cents(lines: list[tuple[int, int, bool]], rate: int) -> None:
    extra = OptionValue("x", "extra", price_delta_cents=35)
    group = OptionGroup("add", "add", (extra,))
    with tempfile.TemporaryDirectory() as tmp, SQLiteStore(Path(tmp) / "p.sqlite3", tax_rate_bp=rate) as store:
        items = [Product(sku=f"P{i}", name=f"item {i}", price_cents=price, option_groups=(group,))
                 for i, (price, _, _) in enumerate(lines)]
        store.upsert_products(items)
        cart: Cart = store.new_cart()
        for product, (_price, qty, add) in zip(items, lines, strict=True):
            cart.add(product, qty, [SelectedOption("add", "x")] if add else [])
        subtotal = sum((price + (35 if add else 0)) * qty for price, qty, add in lines)
        order = store.place_order(cart, customer="p", idempotency_key="k")
        assert order.subtotal_cents == subtotal
        assert order.tax_cents == tax_cents(subtotal, rate)
        assert order.total_cents == subtotal + order.tax_cents
        assert store.get_order(order.number) == order
