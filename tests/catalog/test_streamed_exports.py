"""Shopify and WooCommerce exports are streamed like the generic CSV: products come one at a time (a
generator), the importer's memory does not grow with the file, an error late in the file leaves nothing
written, and an export whose product's rows are apart still imports.

Memory is measured with tracemalloc (deterministic: Python allocations, not the process's RSS): reading a
generated export of a few thousand products one product at a time peaks far below reading it whole.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from catalog.bundled import open_database
from catalog.errors import ValidationError
from catalog.importers import import_file, iter_file, load_file
from catalog.importers import shopify as shopify_importer
from catalog.models import Product
from tests.catalog.conftest import peak_bytes

SHOPIFY_HEADER = ["Handle", "Title", "Body (HTML)", "Vendor", "Type", "Tags", "Published", "Option1 Name",
                  "Option1 Value", "Option2 Name", "Option2 Value", "Variant SKU", "Variant Inventory Tracker",
                  "Variant Inventory Qty", "Variant Inventory Policy", "Variant Price", "Image Src", "Status"]
WOO_HEADER = ["ID", "Type", "SKU", "Name", "Published", "Visibility in catalog", "Short description", "In stock?",
              "Stock", "Backorders allowed?", "Sale price", "Regular price", "Categories", "Tags", "Parent",
              "Attribute 1 name", "Attribute 1 value(s)", "Attribute 2 name", "Attribute 2 value(s)"]
N = 1500  # products per generated export
STREAM_PEAK = 3 << 20  # bytes: what reading one of them product by product may allocate at most


def shopify_rows(n: int, *, together: bool = True) -> Iterator[list[str]]:
    """``n`` products of three variants (and an image row) each; ``together=False`` puts each product's last
    variant after every other product's rows."""
    later: list[list[str]] = []
    for i in range(n):
        handle = f"shirt-{i}"
        yield [handle, f"Shirt number {i}", "<p>Soft <b>cotton</b> &amp; a fine fit.</p>" * 4, "Acme", "Shirts",
               "cotton, summer", "TRUE", "Colour", "Red", "Size", "S", f"S{i}-RS", "shopify", "3", "deny",
               f"{10 + i % 40}.00", f"https://cdn.example/{i}.jpg", "active"]
        yield [handle, "", "", "", "", "", "", "", "Red", "", "M", f"S{i}-RM", "shopify", "0", "deny", "11.00", "", ""]
        last = [handle, "", "", "", "", "", "", "", "Blue", "", "S", f"S{i}-BS", "shopify", "2", "deny", "12.50", "",
                ""]
        if together:
            yield last
        else:
            later.append(last)
        yield [handle, *[""] * 15, f"https://cdn.example/{i}-2.jpg", ""]
    yield from later


def woo_rows(n: int) -> Iterator[list[str]]:
    """``n`` products: every third a simple one, the others variable with two variations after them."""
    for i in range(n):
        wid = 1000 + 10 * i
        if i % 3 == 0:
            yield [str(wid), "simple", f"W{i}", f"Mug number {i}", "1", "visible", "<p>A fine mug.</p>" * 4, "1", "7",
                   "0", "", f"{8 + i % 20}.00", "Kitchen > Mugs", "ceramic", "", "", "", "", ""]
            continue
        yield [str(wid), "variable", f"W{i}", f"Hoodie number {i}", "1", "visible", "<p>Warm &amp; soft.</p>" * 4,
               "1", "", "0", "", "", "Clothing > Hoodies", "wool, winter", "", "Colour", "Grey, Navy", "Size",
               "M, L"]
        for j, (colour, size) in enumerate((("Grey", "M"), ("Navy", "L"))):
            yield [str(wid + 1 + j), "variation", f"W{i}-{j}", f"Hoodie number {i} - {colour}", "1", "visible", "",
                   "1", "4", "0", "", f"{30 + j}.00", "", "", f"id:{wid}", "Colour", colour, "Size", size]


def write(path: Path, header: list[str], rows: Iterable[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        out.writerows(rows)
    return path


def consume(products: Iterable[Product]) -> int:
    count = 0
    for _ in products:  # one at a time, nothing kept
        count += 1
    return count


@pytest.mark.parametrize("fmt", ["shopify", "woocommerce"])
def test_exports_are_read_one_product_at_a_time_in_bounded_memory(tmp_path: Path, fmt: str) -> None:
    header, rows = (SHOPIFY_HEADER, shopify_rows) if fmt == "shopify" else (WOO_HEADER, woo_rows)
    small = write(tmp_path / f"small-{fmt}.csv", header, rows(N // 5))
    large = write(tmp_path / f"large-{fmt}.csv", header, rows(N))
    assert isinstance(iter_file(large), Iterator)  # a generator, not a list
    counted: list[int] = []
    streamed = {path: peak_bytes(lambda p=path: counted.append(consume(iter_file(p)))) for path in (small, large)}
    assert counted == [N // 5, N]
    held = {path: peak_bytes(lambda p=path: load_file(p)) for path in (small, large)}  # every product at once
    assert streamed[large] < STREAM_PEAK, (streamed, held)
    # five times the products: holding them all grows with them, streaming them hardly does (bounded caches)
    assert streamed[large] - streamed[small] < (held[large] - held[small]) / 3, (streamed, held)


def test_streamed_exports_import_the_same_products(tmp_path: Path) -> None:
    path = write(tmp_path / "shop.csv", SHOPIFY_HEADER, shopify_rows(40))
    apart = write(tmp_path / "apart.csv", SHOPIFY_HEADER, shopify_rows(40, together=False))
    streamed = list(iter_file(path))
    assert streamed == list(iter_file(apart))  # rows apart: read whole, the same products
    assert streamed == shopify_importer._load_whole(path)  # the whole-file reader agrees
    tee = streamed[7]
    assert (tee.sku, tee.name, tee.price_cents, [v.sku for v in tee.variants]) == (
        "shirt-7", "Shirt number 7", 1100, ["shirt-7/red/s", "shirt-7/red/m", "shirt-7/blue/s"])
    woo = {p.sku: p for p in iter_file(write(tmp_path / "woo.csv", WOO_HEADER, woo_rows(30)))}
    hoodie = woo["W4"]
    assert hoodie.price_cents == 3000 and [v.options for v in hoodie.variants] == [
        {"colour": "grey", "size": "m"}, {"colour": "navy", "size": "l"}]
    assert woo["W3"].stock == 7 and not woo["W3"].variants


@pytest.mark.parametrize("fmt", ["shopify", "woocommerce"])
def test_an_error_on_the_last_line_of_an_export_writes_nothing(location: str, tmp_path: Path, fmt: str) -> None:
    rows = list(shopify_rows(1500) if fmt == "shopify" else woo_rows(1500))
    price = (SHOPIFY_HEADER if fmt == "shopify" else WOO_HEADER).index(
        "Variant Price" if fmt == "shopify" else "Regular price")
    last = next(i for i in range(len(rows) - 1, -1, -1) if rows[i][price])
    rows[last][price] = "twelve"
    path = write(tmp_path / f"{fmt}.csv", SHOPIFY_HEADER if fmt == "shopify" else WOO_HEADER, rows)
    store = open_database(location)
    try:
        store.import_products([Product("KEEP", "Kept Product", 100)])
        with pytest.raises(ValidationError) as err:
            import_file(store, path, replace=True)
        assert err.value.line == last + 2 and err.value.field in ("Variant Price", "Regular price")
        assert [p.sku for p in store.products()] == ["KEEP"]  # several batches were written, then rolled back
    finally:
        store.close()
