"""Shop exports as Shopify and WooCommerce write them (tests/catalog/exports/): every quirk imports, named
products are the first search hit with their right price, drafts/archived/private/hidden are never offered."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.bundled import open_database
from catalog.errors import CatalogError
from catalog.importers import detect_format, import_file, load_file
from catalog.models import SelectedOption

EXPORTS = Path(__file__).resolve().parent / "exports"
SHOPIFY = EXPORTS / "shopify_tea_jpy.csv"
WOO = EXPORTS / "woocommerce_clothing.csv"


def test_shopify_quirks_import_with_warnings_not_failures() -> None:
    warnings: list[str] = []
    products = {p.sku: p for p in load_file(SHOPIFY, warn=warnings.append, currency="JPY")}
    assert detect_format(SHOPIFY) == "shopify"
    assert set(products) == {"matcha-whisk", "sencha-tin", "tea-cup", "gift-card", "winter-blend", "old-kettle"}
    whisk = products["matcha-whisk"]  # Default Title + two image-only rows
    assert whisk.option_groups == () and whisk.price_cents == 1800 and whisk.currency == "JPY"
    assert whisk.shop_sku == "KT-100" and whisk.stock is None
    assert whisk.description == 'Hand-carved "chasen" with 100 prongs. Rinse in warm water & air-dry.'  # U+2028
    sencha = products["sencha-tin"]  # one SKU on two variants, one variant without a SKU
    assert [(v.sku, v.shop_sku, v.price_cents) for v in sencha.variants] == [
        ("sencha-tin/50g", "KT-200", 1200), ("sencha-tin/100g", "KT-200", 2200), ("sencha-tin/200g", "", 4000)]
    assert products["tea-cup"].variants[0].shop_sku == "KT-100"  # the whisk's SKU again, on another product
    assert not products["winter-blend"].active and not products["old-kettle"].active  # draft, archived
    assert any("'KT-100' is on 2 rows (lines 2, 9)" in w for w in warnings)
    assert any("no Variant SKU" in w for w in warnings)
    assert any("Variant Inventory Qty" in w for w in warnings)


def test_woocommerce_simple_variable_stock_and_visibility() -> None:
    warnings: list[str] = []
    products = {p.sku: p for p in load_file(WOO, warn=warnings.append)}
    assert detect_format(WOO) == "woocommerce"
    assert set(products) == {"woo-beanie", "woo-hoodie", "woo-16", "woo-scarf", "woo-gloves", "woo-secret",
                             "woo-socks"}
    beanie = products["woo-beanie"]
    assert beanie.price_cents == 1800 and beanie.stock == 12 and beanie.category == "Accessories"  # undated sale
    assert beanie.description == 'Warm & soft, "hand knitted".' and beanie.tags == ("wool", "hats")
    hoodie = products["woo-hoodie"]
    assert [(g.code, [v.name for v in g.values], g.required) for g in hoodie.option_groups] == [
        ("color", ["Blue", "Green", "Red"], True), ("size", ["S", "M", "L"], True)]
    assert [(v.sku, dict(v.options), v.price_cents, v.stock, v.shop_sku) for v in hoodie.variants] == [
        ("woo-hoodie/blue/m", {"color": "blue", "size": "m"}, 4500, 3, "woo-hoodie-blue-m"),
        ("woo-hoodie/green/l", {"color": "green", "size": "l"}, 4700, 0, ""),  # out of stock, unmanaged
        ("woo-hoodie/red", {"color": "red"}, 5000, None, "woo-hoodie-red")]  # any size; backorders; dated sale
    assert hoodie.price_cents == 4500
    assert products["woo-16"].name == "Knitting Class" and products["woo-16"].shop_sku == ""  # no SKU: the ID
    assert [products[s].active for s in ("woo-scarf", "woo-gloves", "woo-secret")] == [False, False, False]
    assert products["woo-socks"].stock == 0
    assert sorted(w.split(": ", 1)[1] for w in warnings) == [
        "1 external product skipped (nothing to sell here)", "1 grouped product skipped (nothing to sell here)"]


@pytest.mark.parametrize(("path", "currency", "query", "sku", "price"), [
    (SHOPIFY, "JPY", "matcha whisk", "matcha-whisk", 1800),
    (SHOPIFY, "JPY", "sencha", "sencha-tin", 1200),
    (SHOPIFY, "JPY", "raku cup", "tea-cup", 3500),
    (WOO, "USD", "hoodie", "woo-hoodie", 4500),
    (WOO, "USD", "wool beanie", "woo-beanie", 1800),
    (WOO, "USD", "knitting class", "woo-16", 3500),
])
def test_named_products_are_the_first_hit(location: str, path: Path, currency: str, query: str, sku: str,
                                          price: int) -> None:
    with open_database(location, currency=currency) as store:
        import_file(store, path)
        hits = store.search(query)
        assert hits and hits[0].product.sku == sku and hits[0].product.price_cents == price


@pytest.mark.parametrize(("path", "currency", "query"), [
    (SHOPIFY, "JPY", "winter blend hojicha"), (SHOPIFY, "JPY", "cast iron kettle"),
    (WOO, "USD", "silk scarf"), (WOO, "USD", "leather gloves"), (WOO, "USD", "staff mug"),
])
def test_drafts_archived_private_hidden_never_offered(location: str, path: Path, currency: str, query: str) -> None:
    with open_database(location, currency=currency) as store:
        import_file(store, path)
        hits = store.search(query)
        assert all(h.product.active for h in hits) and not any(h.product.name.lower() == query for h in hits)
        hidden = next(p for p in load_file(path, currency=currency) if not p.active and p.name.lower() == query)
        cart = store.new_cart()
        with pytest.raises(CatalogError, match="not for sale"):
            cart.add(hidden)


def test_shop_sku_finds_the_product_and_orders_use_stable_keys(location: str) -> None:
    with open_database(location) as store:
        import_file(store, WOO)
        found = store.get_product("woo-hoodie-blue-m")  # the shop's variant SKU
        assert found is not None and found.sku == "woo-hoodie"
        cart = store.new_cart()
        cart.add(found, 2, [SelectedOption("color", "blue"), SelectedOption("size", "m")])
        order = store.place_order(cart, customer="t", idempotency_key="k1")
        assert order.lines[0].variant_sku == "woo-hoodie/blue/m"
        assert store.stock("woo-hoodie", "woo-hoodie/blue/m") == 1
        import_file(store, WOO)  # re-importing the same export keeps the keys (stock comes from the file)
        assert store.get_order(order.number) is not None
        assert store.get_product("woo-hoodie/blue/m") is not None
