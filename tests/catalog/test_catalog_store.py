"""The store suite, run on every backend (a real SQLite file and a real PostgreSQL server, see conftest.py):
products, stock, orders, idempotency, cancel rules, reopen, a second connection. SQLite-only details last."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.bundled import load_bundled, open_database, open_store
from catalog.errors import EmptyCart, OrderStateError, OutOfStock, UnknownOrder, ValidationError
from catalog.models import OptionGroup, OptionValue, OrderStatus, Product, SelectedOption, Variant
from catalog.sqlite_store import SQLiteStore
from catalog.store import Store

SHIRT = Product(
    sku="TEE", name="t-shirt", price_cents=1500, category="clothing",
    option_groups=(
        OptionGroup("colour", "colour", (OptionValue("red", "red"), OptionValue("blue", "blue")), required=True),
        OptionGroup("size", "size", (OptionValue("m", "medium"), OptionValue("l", "large")), default="m"),
    ),
    variants=(
        Variant("TEE-RED-M", {"colour": "red", "size": "m"}, stock=1),
        Variant("TEE-RED-L", {"colour": "red", "size": "l"}, price_cents=1700, stock=0),
        Variant("TEE-BLUE-M", {"colour": "blue", "size": "m"}, stock=None),
    ),
)
MUG = Product(sku="MUG", name="mug", price_cents=800, stock=3, category="kitchen")


@pytest.fixture
def store(location: str) -> Iterator[Store]:
    s = open_database(location, tax_rate_bp=825)
    s.upsert_products([SHIRT, MUG])
    yield s
    s.close()


def test_wal_mode(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "shop.sqlite3") as store:
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_roundtrip(store: Store) -> None:
    got = store.get_product("TEE")
    assert got == SHIRT
    assert store.get_product("TEE-RED-L") == SHIRT  # a variant SKU finds its product
    assert store.get_product("NOPE") is None
    assert store.categories() == ["clothing", "kitchen"]
    assert store.stock("TEE", "TEE-RED-M") == 1
    assert store.stock("TEE") is None  # one variant is unlimited
    assert store.stock("MUG") == 3


def test_upsert_updates_and_replace_removes(store: Store) -> None:
    store.upsert_products([Product(sku="MUG", name="big mug", price_cents=900, stock=5)])
    mug = store.get_product("MUG")
    assert mug is not None and mug.name == "big mug" and mug.stock == 5
    assert store.search("big mug")[0].product.sku == "MUG"
    store.upsert_products([Product(sku="CUP", name="cup", price_cents=100)], replace=True)
    assert [p.sku for p in store.products()] == ["CUP"]
    assert store.search("shirt") == []


def test_invalid_product_rejected_and_nothing_written(store: Store) -> None:
    bad = Product(sku="BAD", name="bad", price_cents=100,
                  option_groups=(OptionGroup("size", "size", (OptionValue("s", "small"),), default="xl"),))
    with pytest.raises(ValidationError, match="default 'xl'"):
        store.upsert_products([Product(sku="NEW", name="new", price_cents=1), bad])
    assert store.get_product("NEW") is None


def test_variant_sku_clash_between_products_is_a_validation_error(store: Store) -> None:
    other = Product(sku="TEE2", name="other tee", price_cents=1,
                    option_groups=SHIRT.option_groups, variants=(Variant("TEE-RED-M", {"colour": "red"}),))
    with pytest.raises(ValidationError, match="already belongs"):
        store.upsert_products([other])
    assert store.get_product("TEE2") is None


def _cart_with(store: Store, sku: str, qty: int, options: list[SelectedOption] | None = None):  # type: ignore[no-untyped-def]
    cart = store.new_cart()
    product = store.get_product(sku)
    assert product is not None
    cart.add(product, qty, options or [])
    return cart


def test_place_order_snapshot_stock_and_idempotency(store: Store) -> None:
    cart = _cart_with(store, "TEE", 1, [SelectedOption("colour", "red")])
    order = store.place_order(cart, customer="Ann", idempotency_key="sess-1", metadata={"order_type": "togo"})
    assert order.number.isdigit() and len(order.number) == 4
    assert order.lines[0].variant_sku == "TEE-RED-M"
    assert order.subtotal_cents == 1500 and order.tax_cents == 124 and order.total_cents == 1624
    assert order.status is OrderStatus.PLACED and [h.status for h in order.history] == [OrderStatus.PLACED]
    assert order.metadata == {"order_type": "togo"}
    assert store.stock("TEE", "TEE-RED-M") == 0
    again = store.place_order(cart, customer="Ann", idempotency_key="sess-1")
    assert again == order
    assert store.stock("TEE", "TEE-RED-M") == 0
    assert len(store.orders()) == 1


def test_out_of_stock_changes_nothing(store: Store) -> None:
    cart = _cart_with(store, "MUG", 2)
    cart.add(store.get_product("TEE"), 1, [SelectedOption("colour", "red"), SelectedOption("size", "l")])  # type: ignore[arg-type]
    with pytest.raises(OutOfStock) as err:
        store.place_order(cart, customer="Bob", idempotency_key="k")
    assert err.value.sku == "TEE-RED-L" and "sold out" in str(err.value)
    assert store.stock("MUG") == 3
    assert store.orders() == []
    with pytest.raises(OutOfStock, match="only 3 left"):
        store.place_order(_cart_with(store, "MUG", 4), customer="Bob", idempotency_key="k2")


def test_empty_cart_refused(store: Store) -> None:
    with pytest.raises(EmptyCart):
        store.place_order(store.new_cart(), customer="x", idempotency_key="e")


def test_status_flow_and_cancel_rules(store: Store) -> None:
    order = store.place_order(_cart_with(store, "MUG", 2), customer="Cy", idempotency_key="a")
    assert store.stock("MUG") == 1
    preparing = store.set_status(order.number, OrderStatus.PREPARING, note="on it")
    assert preparing.history[-1].note == "on it"
    with pytest.raises(OrderStateError, match="already preparing"):
        store.set_status(order.number, OrderStatus.PLACED)
    cancelled = store.cancel_order(order.number, note="customer left")
    assert cancelled.status is OrderStatus.CANCELLED
    assert [h.status for h in cancelled.history] == [OrderStatus.PLACED, OrderStatus.PREPARING, OrderStatus.CANCELLED]
    assert store.stock("MUG") == 3  # stock restored
    with pytest.raises(OrderStateError, match="cancelled"):
        store.cancel_order(order.number)
    with pytest.raises(OrderStateError):
        store.set_status(order.number, OrderStatus.READY)

    done = store.place_order(_cart_with(store, "MUG", 1), customer="Di", idempotency_key="b")
    store.set_status(done.number, OrderStatus.READY)
    with pytest.raises(OrderStateError, match="no longer be cancelled"):
        store.cancel_order(done.number)
    assert store.set_status(done.number, "fulfilled").status is OrderStatus.FULFILLED  # type: ignore[arg-type]
    assert store.stock("MUG") == 2
    assert [o.number for o in store.orders(status=OrderStatus.FULFILLED)] == [done.number]
    with pytest.raises(UnknownOrder):
        store.cancel_order("0000")


def test_order_survives_reopen(location: str) -> None:
    path = location
    with open_store(path, catalog="cafe") as s1:
        cart = s1.new_cart()
        latte = s1.get_product("LATTE")
        assert latte is not None
        cart.add(latte, 2, [SelectedOption("size", "large"), SelectedOption("milk", "oat", "extra", "lots of")])
        order = s1.place_order(cart, customer="555-0100", idempotency_key="call-1")
    with open_store(path, catalog="store") as s2:  # not empty: the cafe stays
        assert s2.get_product("LATTE") is not None
        again = s2.get_order(order.number)
        assert again == order
        assert again.lines[0].options[2] == SelectedOption("milk", "oat", "extra", "lots of")


def test_bundled_cafe_covers_the_barista_menu() -> None:
    products = {p.name: p for p in load_bundled("cafe")}
    for drink in ("coffee", "house coffee", "drip coffee", "iced coffee", "espresso", "americano", "latte",
                  "cappuccino", "mocha", "iced mocha", "chai latte", "matcha latte", "hot chocolate", "cold brew",
                  "cortado", "macchiato", "flat white", "croissant"):
        assert drink in products, drink
    latte = products["latte"]
    size = latte.group("size")
    assert size is not None
    assert {"small", "medium", "large", "8oz", "12oz", "16oz", "20oz"} <= {v.code for v in size.values}
    assert "twelve ounce" in size.value("12oz").aliases  # type: ignore[union-attr]
    milk = latte.group("milk")
    assert milk is not None and milk.amounts
    assert {"milk", "whole", "skim", "2pct", "soy", "almond", "oat", "cream"} <= {v.code for v in milk.values}
    for name in ("coffee", "espresso", "mocha", "iced mocha", "drip coffee"):
        groups = {g.code for g in products[name].option_groups}
        assert {"size", "roast", "shots", "milk", "sweetener"} <= groups, name
    sweet = products["coffee"].group("sweetener")
    assert sweet is not None and sweet.multiple and sweet.amounts
    assert {"sugar", "brown_sugar", "sweetener"} <= {v.code for v in sweet.values}


def test_bundled_general_store_is_generated_and_varied() -> None:
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[2]
    check = subprocess.run([sys.executable, "tools/gen_store_catalog.py", "--check"], cwd=repo,
                           capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout
    products = load_bundled("store")
    assert len(products) >= 200
    assert len({p.category for p in products}) >= 10
    with_variants = [p for p in products if p.variants]
    assert len(with_variants) >= 50
    assert any({"colour", "size"} <= {g.code for g in p.option_groups} for p in with_variants)
    assert any(v.stock == 0 for p in with_variants for v in p.variants)
    assert any(p.stock is not None and p.stock > 0 for p in products)


def test_second_connection_sees_catalog_and_stock_changes(location: str) -> None:
    with open_database(location) as a, open_database(location) as b:
        a.upsert_products([SHIRT, MUG])
        assert b.get_product("MUG").name == "mug"  # type: ignore[union-attr]  # cached in b now
        assert [p.sku for p in b.products()] == ["TEE", "MUG"]
        a.upsert_products([Product(sku="MUG", name="tall mug", price_cents=850, stock=3)])
        assert b.get_product("MUG").name == "tall mug"  # type: ignore[union-attr]
        assert b.search("tall mug")[0].product.sku == "MUG"
        a.place_order(_cart_with(a, "TEE", 1, [SelectedOption("colour", "red")]), customer="x", idempotency_key="1")
        tee = b.get_product("TEE")
        assert tee is not None and {v.sku: v.stock for v in tee.variants}["TEE-RED-M"] == 0


def test_option_validation_on_bundled_products(location: str) -> None:
    from catalog.errors import OptionError

    with open_store(location, catalog="cafe") as store:
        tea, latte, coffee = (store.get_product(s) for s in ("TEA", "LATTE", "COFFEE"))
        assert tea is not None and latte is not None and coffee is not None
        cart = store.new_cart()
        with pytest.raises(OptionError, match="needs a tea"):
            cart.add(tea, 1)  # the one group a barista must ask about
        line = cart.add(tea, 1, [SelectedOption("tea", "earl_grey")])
        assert ("size", "medium") in {(o.group, o.value) for o in line.options}
        with pytest.raises(OptionError, match="no milk 'goat'"):
            cart.add(latte, 1, [SelectedOption("milk", "goat")])
        with pytest.raises(OptionError, match="has no syrup"):
            cart.add(tea, 1, [SelectedOption("tea", "green"), SelectedOption("syrup", "vanilla")])
        drink = cart.add(coffee, 1, [SelectedOption("size", "20oz"), SelectedOption("milk", "cream", "extra", "lots of"),
                                     SelectedOption("milk", "skim", "light"), SelectedOption("sweetener", "brown_sugar"),
                                     SelectedOption("sweetener", "sweetener", "light"), SelectedOption("shots", "double"),
                                     SelectedOption("roast", "dark", "extra")])
        chosen = {(o.group, o.value): o.amount for o in drink.options}
        assert chosen[("milk", "cream")] == "extra" and chosen[("milk", "skim")] == "light"  # several milks in coffee
        assert chosen[("roast", "dark")] == "regular"  # roast takes no amount
        assert chosen[("caffeine", "regular")] == "regular"  # default filled
        assert drink.unit_price_cents == 225 + 150 + 180  # 20 oz + added double shot
        lat = cart.add(latte, 1, [SelectedOption("milk", "oat"), SelectedOption("milk", "soy")])
        assert [o.value for o in lat.options if o.group == "milk"] == ["soy"]  # one milk in a latte: last wins
        order = store.place_order(cart, customer="Ann", idempotency_key="opts")
        assert order.total_cents == cart.total_cents


def test_combination_without_a_variant_is_not_sold(store: Store) -> None:
    cart = _cart_with(store, "TEE", 1, [SelectedOption("colour", "blue"), SelectedOption("size", "l")])
    assert cart.lines[0].variant_sku is None  # no blue/large variant exists
    with pytest.raises(OutOfStock, match="sold out"):
        store.place_order(cart, customer="x", idempotency_key="combo")
    assert store.orders() == []


def test_old_schema_is_reindexed_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with SQLiteStore(path) as s:
        s.upsert_products([SHIRT, MUG])
        order = s.place_order(_cart_with(s, "MUG", 1), customer="z", idempotency_key="old")
        s._conn.execute("DELETE FROM products_fts")
        s._conn.execute("DELETE FROM search_terms")
        s._conn.execute("PRAGMA user_version = 1")
    with SQLiteStore(path) as s:
        assert s._conn.execute("PRAGMA user_version").fetchone()[0] >= 2
        assert [h.product.sku for h in s.search("mug")] == ["MUG"]
        assert s.get_order(order.number) == order
