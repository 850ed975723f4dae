"""The optional ``shop`` block of the project JSON format: read into ``ShopDetails``, checked with the loader's
typed errors, written back by ``dumps``, and recorded by a store with the catalog it came with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog import json_format
from catalog.bundled import open_database, open_store
from catalog.errors import ValidationError
from catalog.importers import import_file
from catalog.models import Product, ShopDetails

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "catalogs"
KEBAB = ShopDetails(name="Ali Baba Kebab House", phone="(555) 014-3306",
                    hours="5pm to 3am every day, till 4am Friday and Saturday")


def _doc(shop: object, **extra: object) -> str:
    return json.dumps({"format": "voicecart-catalog", "currency": "USD", "shop": shop, **extra,
                       "products": [{"sku": "TEA", "name": "tea", "price": "2.00"}]}, indent=1)


def test_a_corpus_catalog_gives_its_shop() -> None:
    assert json_format.load_shop(CORPUS / "kebabhouse.json") == KEBAB
    assert json_format.load_shop(CORPUS / "kebabhouse.json", stream_from=0) == KEBAB  # walked, not held
    assert json_format.load(CORPUS / "kebabhouse.json")  # the products are read as before


def test_every_field_is_optional_and_unknown_keys_are_ignored() -> None:
    shop = json_format.loads_shop(_doc({"hours": "nine to five", "address": " 12  Mill Street ",
                                        "email": "shop@example.com", "opening": [1, 2]}))
    assert shop == ShopDetails(hours="nine to five", address="12 Mill Street")
    assert json_format.loads_shop(_doc(None)) is None
    assert json_format.loads_shop('{"products": []}') is None
    assert json_format.loads_shop('[{"sku": "A", "name": "a", "price": 1}]') is None
    assert not json_format.loads_shop(_doc({}))  # an empty block says nothing
    assert json_format.load_shop(Path(__file__).resolve().parents[2] / "catalog" / "data" / "cafe.json") is None


@pytest.mark.parametrize(("shop", "field", "message"), [
    ({"hours": 9}, "shop.hours", "must be text, not int"),
    ({"phone": 5550143306}, "shop.phone", "must be text, not int"),
    ({"name": ["Ali", "Baba"]}, "shop.name", "must be text, not list"),
    ({"address": {"street": "Mill"}}, "shop.address", "must be text, not dict"),
    ({"name": True}, "shop.name", "must be text, not bool"),
    ({"name": "Ali\nBaba"}, "shop.name", "line break"),
    ({"hours": "x" * 256}, "shop.hours", "at most 255"),
    ("Ali Baba", "shop", "must be an object"),
    ([{"name": "Ali Baba"}], "shop", "must be an object"),
])
def test_a_bad_block_is_a_validation_error_naming_the_field(tmp_path: Path, shop: object, field: str,
                                                             message: str) -> None:
    text = _doc(shop)
    for read in (lambda: json_format.loads(text, file="shop.json"),
                 lambda: json_format.loads_shop(text, file="shop.json")):
        with pytest.raises(ValidationError) as err:
            read()
        assert err.value.field == field and message in err.value.message
        assert err.value.line is not None and err.value.line >= 1
    path = tmp_path / "shop.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as err:  # the streamed reader refuses it the same way
        list(json_format.iter_load(path, stream_from=0))
    assert err.value.field == field


def test_dumps_round_trips_the_block() -> None:
    products = json_format.load(CORPUS / "kebabhouse.json")
    text = json_format.dumps(products, shop=KEBAB)
    assert json.loads(text)["shop"] == {"name": KEBAB.name, "phone": KEBAB.phone, "hours": KEBAB.hours}
    assert json_format.loads_shop(text) == KEBAB
    assert json_format.loads(text) == products
    assert "shop" not in json.loads(json_format.dumps(products))  # none given: none written
    full = ShopDetails(name="N", phone="1", hours="H", address="A")
    assert json_format.loads_shop(json_format.dumps(products, shop=full)) == full


def test_a_store_records_the_shop_with_its_catalog(location: str, tmp_path: Path) -> None:
    with open_store(location, catalog=str(CORPUS / "kebabhouse.json")) as store:
        assert store.shop_details() == KEBAB  # the block survives the import into the store
    with open_database(location) as store:
        assert store.shop_details() == KEBAB  # ... and a reopening
        other = tmp_path / "other.json"
        other.write_text(_doc({"name": "Tea Room", "hours": "eight to four"}), encoding="utf-8")
        import_file(store, other, replace=True, source=str(other))
        assert store.shop_details() == ShopDetails(name="Tea Room", hours="eight to four")
        store.import_products([Product("COFFEE", "coffee", 300)])  # products only: the shop stays
        assert store.shop_details() == ShopDetails(name="Tea Room", hours="eight to four")
        store.import_products([Product("COFFEE", "coffee", 300)], replace=True, source="cafe")
        assert store.shop_details() is None  # a catalog with no block clears the old one
    with open_store(location, catalog="cafe") as store:
        assert store.shop_details() is None
