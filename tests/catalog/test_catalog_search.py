"""Search over the bundled cafe and small stores, in real SQLite and real PostgreSQL: ASR slips, aliases,
filters, determinism."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from catalog.bundled import open_database, open_store
from catalog.models import OptionGroup, OptionValue, Product, Variant
from catalog.store import Store


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def cafe(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    if request.param == "sqlite":
        location = str(tmp_path_factory.mktemp("cafe") / "cafe.sqlite3")
    else:
        import psycopg

        admin: str = request.getfixturevalue("pg_admin_url")
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute('DROP DATABASE IF EXISTS "vc_search_cafe" WITH (FORCE)')
            conn.execute('CREATE DATABASE "vc_search_cafe"')
        base, _, query = admin.partition("?")
        location = f"{base.rsplit('/', 1)[0]}/vc_search_cafe" + (f"?{query}" if query else "")
    store = open_store(location, catalog="cafe")
    yield store
    store.close()


@pytest.mark.parametrize(("query", "sku"), [
    ("oat milk latte", "LATTE"),
    ("chai late", "CHAI-LATTE"),
    ("cappucino", "CAPPUCCINO"),
    ("expresso", "ESPRESSO"),
    ("esspresso", "ESPRESSO"),
    ("a large cappuccino please", "CAPPUCCINO"),
    ("iced mocha", "ICED-MOCHA"),
    ("mocha", "MOCHA"),
    ("moka", "MOCHA"),
    ("coffee", "COFFEE"),
    ("house coffee", "HOUSE-COFFEE"),
    ("drip coffee", "DRIP-COFFEE"),
    ("ice coffee", "ICED-COFFEE"),
    ("americana", "AMERICANO"),
    ("flat wite", "FLAT-WHITE"),
    ("machiato", "MACCHIATO"),
    ("hot cocoa", "HOT-CHOCOLATE"),
    ("pain au chocolat", "CHOC-CROISSANT"),
    ("croissont", "CROISSANT"),
    ("matcha", "MATCHA-LATTE"),
    ("twelve ounce latte", "LATTE"),
])
def test_spoken_queries_find_the_drink_first(cafe: Store, query: str, sku: str) -> None:
    hits = cafe.search(query, limit=3)
    assert hits, query
    assert hits[0].product.sku == sku, [(h.product.sku, h.score) for h in hits]
    assert 0.0 < hits[0].score <= 1.0


def test_nonsense_finds_nothing_and_empty_query_lists(cafe: Store) -> None:
    assert cafe.search("xylophone zebra") == []
    listed = cafe.search("", limit=5, category="pastries")
    assert len(listed) == 5 and all(h.product.category == "pastries" for h in listed)


def test_ranking_is_deterministic_and_scored(cafe: Store) -> None:
    first = [(h.product.sku, h.score) for h in cafe.search("latte", limit=10)]
    assert first == [(h.product.sku, h.score) for h in cafe.search("latte", limit=10)]
    scores = [s for _, s in first]
    assert scores == sorted(scores, reverse=True)
    assert first[0][0] == "LATTE"


def test_filters(cafe: Store) -> None:
    cheap = cafe.search("latte", max_price_cents=450)
    assert cheap and all(h.product.price_cents <= 450 for h in cheap)
    assert "MATCHA-LATTE" not in {h.product.sku for h in cheap}
    pricey = cafe.search("latte", min_price_cents=450)
    assert pricey and all(h.product.price_cents >= 450 for h in pricey)
    teas = cafe.search("latte", category="TEA")
    assert {h.product.sku for h in teas} <= {"CHAI-LATTE", "MATCHA-LATTE", "LONDON-FOG", "TEA", "ICED-TEA"}
    assert "BROWNIE" in {h.product.sku for h in cafe.search("brownie")}
    assert "BROWNIE" not in {h.product.sku for h in cafe.search("brownie", in_stock=True)}  # stock 0
    oat = cafe.search("milk", options={"milk": "oat milk"}, limit=50)
    assert oat and all(h.product.group("milk") is not None for h in oat)
    assert cafe.search("croissant", options={"milk": "oat"}) == []


def test_variants_stock_and_option_filters(location: str) -> None:
    colour = OptionGroup("colour", "colour", (OptionValue("red", "red"), OptionValue("navy", "navy blue", ("dark blue",))),
                         required=True)
    hoodie = Product(sku="HOOD", name="zip hoodie", price_cents=4000, category="clothing", option_groups=(colour,),
                     variants=(Variant("HOOD-R", {"colour": "red"}, stock=0), Variant("HOOD-N", {"colour": "navy"}, 3000, 0)))
    tee = Product(sku="TEE", name="cotton t-shirt", price_cents=1500, category="clothing", option_groups=(colour,),
                  variants=(Variant("TEE-R", {"colour": "red"}, stock=2),))
    with open_database(location) as store:
        store.upsert_products([hoodie, tee])
        assert [h.product.sku for h in store.search("hoody")] == ["HOOD"]
        assert store.search("hoodie", in_stock=True) == []  # every variant sold out
        assert [h.product.sku for h in store.search("hoodie", in_stock=False)] == ["HOOD"]
        assert [h.product.sku for h in store.search("hoodie", max_price_cents=3000)] == ["HOOD"]  # navy is 30.00
        assert [h.product.sku for h in store.search("", options={"colour": "dark blue"})] == ["TEE", "HOOD"]  # by name
        assert [h.product.sku for h in store.search("tshirt")] == ["TEE"]
        store.set_stock("HOOD", 5, variant_sku="HOOD-N")
        assert [h.product.sku for h in store.search("hoodie", in_stock=True)] == ["HOOD"]
        # renaming a product re-indexes it: the old words stop matching
        store.upsert_products([Product(sku="TEE", name="linen shirt", price_cents=1500)])
        assert store.search("cotton") == []
        assert [h.product.sku for h in store.search("linen shirt")] == ["TEE"]
