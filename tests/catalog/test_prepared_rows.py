"""The SQLite store's per-product rows (``sqlite_products.prepare``) are what the general code writes: the ``data``
JSON written piece by piece is the encoder's, byte for byte."""

from __future__ import annotations

import json

import pytest

from catalog.bundled import load_bundled
from catalog.json_format import product_to_dict
from catalog.models import OptionGroup, OptionValue, Product, Variant
from catalog.sqlite_products import data_json

_JSON = json.JSONEncoder(separators=(",", ":"))
GROUP = OptionGroup("milk", "Milk", (OptionValue("oat", "Oat \u00e9", ("avena",), -50), OptionValue("whole", "Whole")),
                    "whole", True, False, True, ("dairy \"moo\"",))
ODD = [
    Product(sku="A", name="caf\u00e9 \"latte\"", price_cents=450, currency="EUR", aliases=("a\\b", "\u2603"),
            description="line one\nline two\t\u00e9\u4e2d\U0001f600", category="", brand="b", tags=("t", "u"),
            active=False, option_groups=(GROUP,), variants=(Variant("A-1", {"milk": "oat"}, 300, 2, "shop-v"),),
            stock=4, shop_sku="shop \u00e9"),
    Product(sku="B", name="plain", price_cents=0),
    Product(sku="C", name="two groups", price_cents=10**11, option_groups=(GROUP, OptionGroup(
        "size", "size", (OptionValue("s", "s"),))), variants=(Variant("C-1", {"milk": "oat", "size": "s"}, 5),)),
    Product(sku="D", name="an int for a flag", price_cents=1, active=1),  # type: ignore[arg-type]
    Product(sku="E", name="a list for a tuple", price_cents=1, tags=["x", "y"]),  # type: ignore[arg-type]
]


@pytest.mark.parametrize("product", ODD + [p for name in ("cafe", "bakery", "hardware", "pizzeria", "store") for p in load_bundled(name)],
                         ids=lambda p: p.sku)
def test_data_json_is_the_encoders(product: Product) -> None:
    expected = _JSON.encode(product_to_dict(product, stock=False, variants=False))
    assert data_json(product) == expected
    assert data_json(product) == expected  # the option groups' JSON from the cache
