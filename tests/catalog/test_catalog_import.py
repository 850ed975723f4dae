"""Importers with real files: good and broken JSON, generic CSV and Shopify CSV; all-or-nothing writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog.errors import ValidationError
from catalog.importers import detect_format, import_file, load_file
from catalog.models import Product
from catalog.sqlite_store import SQLiteStore

SHOPIFY = (
    "Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,"
    "Option2 Name,Option2 Value,Option3 Name,Option3 Value,Variant SKU,Variant Grams,Variant Inventory Tracker,"
    "Variant Inventory Qty,Variant Inventory Policy,Variant Fulfillment Service,Variant Price,"
    "Variant Compare At Price,Image Src,Status,Extra Column\r\n"
    "classic-tee,Classic Tee,<p>Soft <b>cotton</b> tee &amp; more</p>,Acme,Apparel > Shirts,Shirts,\"cotton, basics\","
    "TRUE,Colour,Red,Size,M,,,TEE-R-M,200,shopify,3,deny,manual,15.00,,http://x/1.jpg,active,zzz\r\n"
    "classic-tee,,,,,,,,,Red,,L,,,TEE-R-L,200,shopify,0,deny,manual,16.50,,,,\r\n"
    "classic-tee,,,,,,,,,Blue,,M,,,TEE-B-M,200,shopify,5,continue,manual,15.00,,,,\r\n"
    "classic-tee,,,,,,,,,,,,,,,,,,,,,,http://x/2.jpg,,\r\n"
    "mug,Enamel Mug,Camp mug,Acme,,Kitchen,,TRUE,Title,Default Title,,,,,MUG-1,300,,,deny,manual,$8,,,active,\r\n"
    "old-hat,Old Hat,,Acme,,Hats,,FALSE,Title,Default Title,,,,,HAT-1,100,shopify,2,deny,manual,9.99,,,draft,\r\n"
)


def write(tmp_path: Path, name: str, text: str, *, bom: bool = False) -> Path:
    p = tmp_path / name
    p.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return p


def test_shopify_export_variants_stock_and_html(tmp_path: Path) -> None:
    path = write(tmp_path, "products_export.csv", SHOPIFY, bom=True)
    assert detect_format(path) == "shopify"
    products = {p.sku: p for p in load_file(path)}
    assert set(products) == {"classic-tee", "mug", "old-hat"}  # keyed by handle; the shop's SKU kept as data
    tee = products["classic-tee"]
    assert tee.name == "Classic Tee" and tee.brand == "Acme" and tee.category == "Shirts"
    assert tee.description == "Soft cotton tee & more" and tee.tags == ("cotton", "basics")
    assert tee.price_cents == 1500
    assert [g.code for g in tee.option_groups] == ["colour", "size"]
    assert all(g.required and g.default is None for g in tee.option_groups)
    assert [x.sku for x in tee.variants] == ["classic-tee/red/m", "classic-tee/red/l", "classic-tee/blue/m"]
    v = {x.shop_sku: x for x in tee.variants}
    assert v["TEE-R-L"].options == {"colour": "red", "size": "l"} and v["TEE-R-L"].price_cents == 1650
    assert v["TEE-R-M"].stock == 3 and v["TEE-R-L"].stock == 0 and v["TEE-B-M"].stock is None  # continue = unlimited
    mug = products["mug"]
    assert mug.option_groups == () and mug.variants == () and mug.price_cents == 800 and mug.stock is None
    assert mug.shop_sku == "MUG-1"
    assert products["old-hat"].active is False and products["old-hat"].stock == 2


@pytest.mark.parametrize(("bad", "line", "field"), [
    ("TEE-R-L,200,shopify,0,deny,manual,16.5x", 3, "Variant Price"),
    ("TEE-R-L,200,shopify,lots,deny,manual,16.50", 3, "Variant Inventory Qty"),
])
def test_shopify_broken_rows_name_line_and_field(tmp_path: Path, bad: str, line: int, field: str) -> None:
    text = SHOPIFY.replace("TEE-R-L,200,shopify,0,deny,manual,16.50", bad)
    path = write(tmp_path, "bad.csv", text)
    with pytest.raises(ValidationError) as err:
        load_file(path, format="shopify")
    assert (err.value.line, err.value.field, err.value.file) == (line, field, str(path))
    assert f"line {line}" in str(err.value) and "bad.csv" in str(err.value)


def test_shopify_same_options_twice_names_both_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.csv", SHOPIFY.replace(",Red,,L,,,TEE-R-L", ",Red,,M,,,TEE-R-L"))
    with pytest.raises(ValidationError, match="same options as line 2") as err:
        load_file(path, format="shopify")
    assert (err.value.line, err.value.field) == (3, "Option1 Value")


def test_shopify_missing_required_column(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "Handle,Title,Variant SKU\nmug,Mug,M1\n")
    with pytest.raises(ValidationError, match="missing column Variant Price") as err:
        load_file(path, format="shopify")
    assert err.value.line == 1


GENERIC = (
    "sku,parent_sku,name,price,stock,category,aliases,active,option:colour[required],option:size,ignored\n"
    "TEE,,t-shirt,15.00,,clothing,tee|tshirt,yes,red|blue,s|*m|l=+2.00,whatever\n"
    "TEE-RED-M,TEE,,,4,,,,red,m,\n"
    "TEE-BLUE-L,TEE,,17.00,0,,,,blue,l,\n"
    "MUG,,\"mug, enamel\",\"$8\",12,kitchen,,,,,\n"
)


def test_generic_csv_with_options_and_variants(tmp_path: Path) -> None:
    path = write(tmp_path, "cat.csv", GENERIC.replace("\n", "\r\n"))
    assert detect_format(path) == "csv"
    products = {p.sku: p for p in load_file(path)}
    tee = products["TEE"]
    assert tee.aliases == ("tee", "tshirt")
    colour, size = tee.option_groups
    assert colour.required and colour.default is None and [v.code for v in colour.values] == ["red", "blue"]
    assert size.default == "m" and size.value("l").price_delta_cents == 200  # type: ignore[union-attr]
    assert [(v.sku, dict(v.options), v.price_cents, v.stock) for v in tee.variants] == [
        ("TEE-RED-M", {"colour": "red", "size": "m"}, None, 4), ("TEE-BLUE-L", {"colour": "blue", "size": "l"}, 1700, 0)]
    assert products["MUG"].name == "mug, enamel" and products["MUG"].stock == 12


@pytest.mark.parametrize(("old", "new", "line", "field"), [
    ("MUG,,\"mug, enamel\",\"$8\"", "MUG,,\"mug, enamel\",\"eight\"", 5, "price"),
    ("TEE-BLUE-L,TEE,,17.00,0,,,,blue,l", "TEE-BLUE-L,TEE,,17.00,0,,,,green,l", 4, "option:colour[required]"),
    ("TEE-BLUE-L,TEE", "TEE-BLUE-L,NOPE", 4, "parent_sku"),
    ("MUG,,", "TEE,,", 5, "sku"),
    ("12,kitchen", "-1,kitchen", 5, "stock"),
    (",yes,", ",maybe,", 2, "active"),
    ("MUG,,\"mug, enamel\"", "MUG,,\"\"", 5, "name"),
])
def test_generic_csv_errors(tmp_path: Path, old: str, new: str, line: int, field: str) -> None:
    assert old in GENERIC
    path = write(tmp_path, "cat.csv", GENERIC.replace(old, new))
    with pytest.raises(ValidationError) as err:
        load_file(path)
    assert (err.value.line, err.value.field) == (line, field), str(err.value)


def test_json_errors_name_product_line_and_field(tmp_path: Path) -> None:
    doc = {"products": [
        {"sku": "A", "name": "apple", "price": "1.00"},
        {"sku": "B", "name": "banana", "price": "1.0.0"},
    ]}
    path = write(tmp_path, "c.json", json.dumps(doc, indent=1))
    with pytest.raises(ValidationError) as err:
        load_file(path)
    assert err.value.field == "price" and err.value.line == 11 and "c.json" in str(err.value)
    path.write_text('{"products": [\n {"sku": "A",, }\n]}')
    with pytest.raises(ValidationError, match="not valid JSON") as err2:
        load_file(path)
    assert err2.value.line == 2
    doc["products"][1] = {"sku": "B", "name": "b", "price_cents": 5, "options": [{"code": "size", "values": [],}]}
    path.write_text(json.dumps(doc))
    with pytest.raises(ValidationError, match="non-empty list of values") as err3:
        load_file(path)
    assert err3.value.field == "options[0].values"


def test_import_is_all_or_nothing(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.upsert_products([Product(sku="KEEP", name="keep", price_cents=1)])
    good = write(tmp_path, "good.csv", GENERIC)
    bad = write(tmp_path, "bad.csv", GENERIC.replace("\"$8\"", "\"8 dollars\""))
    with pytest.raises(ValidationError):
        import_file(store, bad, replace=True)
    assert [p.sku for p in store.products()] == ["KEEP"]
    calls: list[tuple[int, int]] = []
    assert import_file(store, good, replace=True, progress=lambda done, total: calls.append((done, total))) == 2
    assert sorted(p.sku for p in store.products()) == ["MUG", "TEE"]
    assert calls and calls[-1][0] == calls[-1][1]
    store.close()


def test_unreadable_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="cannot read"):
        load_file(tmp_path / "missing.csv", format="csv")
    with pytest.raises(ValidationError, match="empty"):
        load_file(write(tmp_path, "e.csv", ""), format="csv")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("sku,name,price\nCAFE,caf\xe9 cr\xe8me,3.00\n".encode("cp1252"))
    assert load_file(latin)[0].name == "café crème"
