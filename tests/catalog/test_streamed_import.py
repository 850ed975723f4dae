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


def test_cli_import_streams_and_a_late_error_leaves_no_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    import catalog.importers as importers
    from voice.cli import main

    (tmp_path / "voicecart.toml").write_text("")
    db = tmp_path / "data" / "shop.sqlite3"
    monkeypatch.setenv("VOICECART_CONFIG", str(tmp_path / "voicecart.toml"))
    monkeypatch.setenv("VOICECART_DB", str(db))
    monkeypatch.setenv("VOICECART_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("VOICECART_CATALOG", raising=False)

    def whole(*args: object, **kwargs: object) -> list[Product]:
        raise AssertionError("the CLI read the generic CSV whole")

    monkeypatch.setattr(importers, "load_file", whole)
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "".join(_rows(5000)) + "NONAME,,,1.00,,\n")  # caught by the second pass only
    assert main(["catalog", "import", str(path)]) == 2
    assert "line 5002" in capsys.readouterr().err
    assert not db.exists() and not Path(f"{db}-wal").exists()  # a fresh database is not left behind
    path.write_text(HEADER + "".join(_rows(5000)))
    assert main(["catalog", "import", str(path)]) == 0
    assert "imported 5000 products" in capsys.readouterr().out
    store = SQLiteStore(db)
    assert store.count_products() == 5000 and store.catalog_source() == str(path.resolve())
    store.close()


def test_a_large_file_is_read_in_a_second_process_with_the_same_products_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "TEE-RED,TEE,,,3,red\n" + "".join(_rows(1200)) + "TEE,,tee,15.00,,red|blue\n"
                    + "TEE-BLUE,TEE,,16.00,1,blue\n")
    seen: list[tuple[int, int]] = []
    assert list(iter_file(path, parallel=True, progress=lambda d, t: seen.append((d, t)))) == list(
        iter_file(path, parallel=False))
    assert seen and seen[-1][0] == seen[-1][1]
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.upsert_products([Product(sku="KEEP", name="keep", price_cents=1)])
    path.write_text(HEADER + "".join(_rows(1200)) + "BAD,,bad,eight,,\n")
    with pytest.raises(ValidationError) as err:
        import_file(store, path, replace=True, parallel=True)
    assert (err.value.file, err.value.line, err.value.field) == (str(path), 1202, "price")
    assert [p.sku for p in store.products()] == ["KEEP"]
    path.write_text(HEADER + "".join(_rows(1200)))
    assert import_file(store, path, replace=True, parallel=True) == 1200
    assert store.count_products() == 1200
    store.close()


def test_both_stores_write_a_stream_in_one_transaction(location: str, tmp_path: Path) -> None:
    from catalog.bundled import open_database

    store = open_database(location)
    store.upsert_products([Product(sku="KEEP", name="keep", price_cents=1), Product(sku="GONE", name="gone",
                                                                                    price_cents=1)])
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "".join(_rows(2500)) + "BAD,,bad,eight,,\n")
    stream = iter_file(path, parallel=False)
    with pytest.raises(ValidationError):
        store.import_products(stream, replace=True)
    assert sorted(p.sku for p in store.products()) == ["GONE", "KEEP"]
    path.write_text(HEADER + "".join(_rows(2500)) + "KEEP,,kept,2.00,,\n")
    assert store.import_products(iter_file(path, parallel=False), replace=True) == 2501
    assert store.count_products() == 2501 and store.get_product("GONE") is None
    kept = store.get_product("KEEP")
    assert kept is not None and kept.name == "kept"
    store.close()


def test_products_cross_the_pipe_as_tuples_and_come_back_equal() -> None:
    from dataclasses import fields

    from catalog.importers.pipeline import pack, unpack
    from catalog.models import OptionGroup, OptionValue, Variant

    full = Product(
        sku="S", name="n", price_cents=5, currency="EUR", aliases=("a", "b"), description="d\nx", category="c",
        brand="br", tags=("t",), active=False, stock=3, shop_sku="shop",
        option_groups=(OptionGroup("colour", "Colour", (OptionValue("red", "Red", ("rouge",), 50),
                                                        OptionValue("blue", "Blue")), "red", True, True, True,
                                   ("hue",)),),
        variants=(Variant("S-R", {"colour": "red"}, 700, 2, "shop-r"), Variant("S-B", {"colour": "blue"})))
    # every field above differs from its default, so a field pack() forgot would show
    assert all(getattr(full, f.name) != f.default for f in fields(Product))
    for p in (full, Product(sku="P", name="plain", price_cents=1)):
        back = unpack(pack(p))
        assert back == p and type(back.variants) is tuple and type(back.option_groups) is tuple


def _tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE"
                                            " 'CREATE VIRTUAL%' ORDER BY name")]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY 1, 2').fetchall() for n in names}
    finally:
        conn.close()


def test_a_store_has_its_rows_prepared_in_the_reader_process_and_writes_the_same_database(tmp_path: Path) -> None:
    from catalog.importers.pipeline import ReaderProcess
    from catalog.sqlite_products import prepare
    from catalog.store import ReadElsewhere

    path = tmp_path / "c.csv"
    path.write_text(HEADER + "".join(_rows(1500)) + "TEE,,tee,15.00,,red|blue\n" + "TEE-RED,TEE,,,3,red\n"
                    + "TEE-BLUE,TEE,,16.00,1,blue\n")
    stream = iter_file(path, parallel=True)
    assert isinstance(stream, ReadElsewhere)
    assert list(ReaderProcess(path).mapped(prepare)) == [prepare(p) for p in iter_file(path, parallel=False)]
    with pytest.raises(ValueError, match="module-level"):
        ReaderProcess(path).mapped(lambda p: p.sku)
    for name, parallel in (("two.sqlite3", True), ("one.sqlite3", False)):
        store = SQLiteStore(tmp_path / name)
        assert import_file(store, path, parallel=parallel) == 1501
        store.close()
    one, two = _tables(tmp_path / "one.sqlite3"), _tables(tmp_path / "two.sqlite3")
    assert len(one["products"]) == 1501 and len(one["variants"]) == 2 and one["products_fts_data"]
    assert one == two


def test_the_reader_numbers_batches_and_a_store_with_products_renumbers_them(tmp_path: Path) -> None:
    from catalog.importers.pipeline import ReaderProcess
    from catalog.sqlite_products import prepare, prepare_batch

    BATCH = 500

    path = tmp_path / "c.csv"
    path.write_text(HEADER + "".join(_rows(1200)) + "TEE,,tee,15.00,,red|blue\n" + "TEE-RED,TEE,,,3,red\n"
                    + "TEE-BLUE,TEE,,16.00,1,blue\n")
    products = list(iter_file(path, parallel=False))
    batches = list(ReaderProcess(path).batched(prepare_batch, BATCH))
    assert [b[0] for b in batches] == list(range(1, len(products) + 1, BATCH)) and len(batches) > 2
    assert batches == [prepare_batch(products[i - 1:i - 1 + BATCH], i) for i in range(1, len(products) + 1, BATCH)]
    assert batches[-1][1][-1][:2] == (len(products), "TEE") and batches[-1][2][0][:2] == ("TEE-RED", len(products))
    # the rows are prepare's, numbered
    tee = prepare(products[-1])
    assert batches[-1][1][-1] == (len(products), tee[0], *tee[1]) and batches[-1][2] == [
        (v[0], len(products), *v[1:]) for v in tee[2]]
    assert batches[-1][3][-1] == (tee[3][0] | len(products), *tee[3][1])
    with pytest.raises(ValueError, match="module-level"):
        ReaderProcess(path).batched(lambda ps, first: first)
    # into a store that has products (some of the file's, one not): the numbered rows get the store's ids
    old = tmp_path / "old.csv"
    old.write_text(HEADER + "".join(_rows(1200)[700:]) + "ZED,,zed,1.00,,\n" + "TEE,,tee,9.00,,red\n")
    for name, parallel in (("two.sqlite3", True), ("one.sqlite3", False)):
        store = SQLiteStore(tmp_path / name)
        import_file(store, old, parallel=False)
        assert import_file(store, path, parallel=parallel) == 1201
        store.close()
    one, two = _tables(tmp_path / "one.sqlite3"), _tables(tmp_path / "two.sqlite3")
    assert len(one["products"]) == 1202 and len(one["variants"]) == 2
    assert one == two
