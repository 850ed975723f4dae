"""The generic CSV importer streams: products come one at a time and are written in batches inside one
transaction; variant rows may be anywhere in the file; an error on the last line leaves nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.errors import ValidationError
from catalog.importers import import_file, iter_file, load_file
from catalog.models import Product
from catalog.sqlite_store import SQLiteStore

HEADER = "sku,parent_sku,name,price,stock,option:colour\n"


def _rows(n: int) -> list[str]:
    return [f"P{i:05d},,thing {i},1.{i % 100:02d},{i % 7},\n" for i in range(n)]


def test_streamed_products_are_a_generator_and_variants_attach_wherever_they_are(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "TEE-RED,TEE,,,3,red\n" + "".join(_rows(5000)) + "TEE,,tee,15.00,,red|blue\n"
                    + "TEE-BLUE,TEE,,16.00,1,blue\n")
    stream = iter_file(path)
    assert not isinstance(stream, list)
    products = {p.sku: p for p in stream}
    assert len(products) == 5001
    assert [(v.sku, dict(v.options), v.price_cents, v.stock) for v in products["TEE"].variants] == [
        ("TEE-RED", {"colour": "red"}, None, 3), ("TEE-BLUE", {"colour": "blue"}, 1600, 1)]
    assert products == {p.sku: p for p in load_file(path)}


def test_error_on_the_last_line_after_many_batches_writes_nothing(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.upsert_products([Product(sku="KEEP", name="keep", price_cents=1)])
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "".join(_rows(6000)) + "BAD,,bad,eight,,\n")
    with pytest.raises(ValidationError) as err:
        import_file(store, path, replace=True)
    assert (err.value.line, err.value.field) == (6002, "price")
    assert [p.sku for p in store.products()] == ["KEEP"]
    path.write_text(HEADER + "".join(_rows(6000)) + "P00003,,again,1.00,,\n")
    with pytest.raises(ValidationError, match="first on line 5") as dup:
        import_file(store, path)
    assert dup.value.line == 6002
    assert store.count_products() == 1
    path.write_text(HEADER + "".join(_rows(6000)))
    assert import_file(store, path, replace=True) == 6000
    assert store.count_products() == 6000 and store.get_product("KEEP") is None
    assert store.search("thing 4321")[0].product.sku == "P04321"
    assert import_file(store, path, replace=True) == 6000  # re-import: updated in place
    assert store.count_products() == 6000
    store.close()


def test_variant_of_a_missing_product_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "".join(_rows(10)) + "V1,NOPE,,,1,red\n")
    with pytest.raises(ValidationError, match="no product with SKU 'NOPE'") as err:
        list(iter_file(path))
    assert (err.value.line, err.value.field) == (12, "parent_sku")
