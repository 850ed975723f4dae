"""A generic CSV whose variant rows follow their product is read once; the products and the errors are those of
the two passes (which read any order of rows)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.errors import ValidationError
from catalog.importers import generic_csv
from catalog.importers.csvutil import open_table
from catalog.models import Product

HEADER = ("sku,parent_sku,name,price,stock,category,brand,tags,aliases,description,active,currency,"
          "option:colour[required],option:size\n")


def _catalog(n: int, seed: int = 3) -> list[str]:
    """Rows of ``n`` products, some with variant rows right under them (prices, stock, defaults, deltas)."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        colours = rng.sample(["red", "blue", "green", "black"], 2)
        has_options = rng.random() < 0.4
        price = rng.choice(["1.00", "$2.50", '"3,75"'])
        rows.append(f"P{i:04d},,thing {i},{price},{rng.choice(['', '4'])},"
                    f"cat{i % 3},brand{i % 5},{rng.choice(['', 'a|b', 'c;d'])},{rng.choice(['', 'other'])},"
                    f"\"a thing, number {i}\",{rng.choice(['', 'yes', 'no'])},{rng.choice(['', 'eur'])},"
                    + (f"{'|'.join(colours)},s|*m|l=+0.50\n" if has_options else ",\n"))
        if has_options:
            for c in colours:
                rows.append(f"P{i:04d}-{c},P{i:04d},,{rng.choice(['', '9.00'])},{rng.choice(['', '2'])},,,,,,,,"
                            f"{c},{rng.choice(['', 'l'])}\n")
    return rows


def _two_passes(path: Path) -> Iterator[Product]:
    table = open_table(path, required=("sku",))
    return generic_csv._two_passes(table, generic_csv._option_columns(table), "USD", None)


def _error(products: Iterator[Product]) -> tuple[str, int | None, str | None]:
    with pytest.raises(ValidationError) as err:
        list(products)
    return err.value.message, err.value.line, err.value.field


def test_variants_under_their_product_are_read_once_into_the_same_products(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "".join(_catalog(1200)))
    expected = list(_two_passes(path))
    assert sum(len(p.variants) for p in expected) > 100 and any(not p.active for p in expected)
    seen: list[tuple[int, int]] = []
    monkeypatch.setattr(generic_csv, "_two_passes", None)  # the one pass only
    assert list(generic_csv.iter_products(path, progress=lambda d, t: seen.append((d, t)))) == expected
    assert seen[-1][0] == seen[-1][1] and len(seen) > 1


@pytest.mark.parametrize("moved", ["first", "last"])
def test_a_variant_row_away_from_its_product_is_read_in_two_passes(tmp_path: Path, moved: str) -> None:
    rows = _catalog(50)
    variant = next(r for r in rows if ",P" in r[:12])
    rows.remove(variant)
    rows = [variant, *rows] if moved == "first" else [*rows, variant]
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "".join(rows))
    table = open_table(path, required=("sku",))
    assert not generic_csv._variants_follow_products(table)
    products = list(generic_csv.iter_products(path))
    parent = variant.split(",")[1]
    assert variant.split(",")[0] in {v.sku for p in products if p.sku == parent for v in p.variants}


# one error each: (a product row or a variant row?, what replaces that row, the field named)
BREAKS = [
    ("product", "{p},,,1.00,,,,,,,,,,", "name"),
    ("product", "{p},,thing,eight,,,,,,,,,,", "price"),
    ("product", "{p},,thing,1.00,-3,,,,,,,,,", "stock"),
    ("product", "P0001,,thing,1.00,,,,,,,,,,", "sku"),
    ("product", "P 7,,thing,1.00,,,,,,,,,,", "sku"),
    ("product", "{p},,thing \x07,1.00,,,,,,,,,,", "name"),
    ("product", "{p},,thing,1.00,,,,,,,maybe,,,", "active"),
    ("variant", "{p}-x,{p},,nine,,,,,,,,,red,", "price"),
    ("variant", "{p}-y,{p},,,,,,,,,,,purple,", "option:colour[required]"),
    ("variant", "{p}-z,{p},,,,,,,,,,,,", "option:"),
    ("variant", "P0001,{p},,,,,,,,,,,red,", "sku"),
    ("variant", "{p}-w,{p},,,,,,,,,,,,xl", "option:size"),
]


@pytest.mark.parametrize(("kind", "put", "field"), BREAKS)
def test_errors_are_the_two_passes_errors(tmp_path: Path, kind: str, put: str, field: str) -> None:
    rows = _catalog(20, seed=5)
    # a row of the first product after the fifth that has variant rows (its product row or its first variant row)
    i = next(i for i, r in enumerate(rows) if i > 5 and ",P" in r[:12]) - (kind == "product")
    product = rows[i].split(",")[1 if kind == "variant" else 0]
    assert put.format(p=product).count(",") == HEADER.count(",")
    rows[i] = put.format(p=product) + "\n"
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "".join(rows))
    one = _error(generic_csv.iter_products(path))
    assert one == _error(_two_passes(path))
    assert one[1:] == (i + 2, field)


def test_the_first_error_by_line_is_named(tmp_path: Path) -> None:
    rows = _catalog(30, seed=5)
    products = [i for i, r in enumerate(rows) if r.split(",")[1] == ""]
    first = products[3]
    later = next(i for i in products[20:] if i + 1 in products)  # a product row without variant rows
    rows[first] = re.sub(r",,thing \d+,", ",,,", rows[first], count=1)  # no name
    rows[later] = rows[products[1]][:5] + rows[later][5:]  # an earlier product's SKU again
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "".join(rows))
    assert _error(generic_csv.iter_products(path))[1:] == (first + 2, "name")
    assert _error(_two_passes(path))[1:] == (later + 2, "sku")  # the two passes: every SKU is checked first


# a variant row added under a product's first variant row: (its cells after the SKU and parent, the field named,
# the line named: the product's (0) or the added row's (2))
ADDED = [
    ("{same}", "variants", 0),  # the first variant's option values again: two variants the same
    (",123456789012345,,,,,,,,,red,", "price", 2),  # a price beyond the largest
]


@pytest.mark.parametrize(("cells", "field", "below"), ADDED)
def test_errors_of_a_variant_against_the_others_are_the_two_passes_errors(tmp_path: Path, cells: str,
                                                                          field: str, below: int) -> None:
    rows = _catalog(20, seed=5)
    i = next(i for i, r in enumerate(rows) if i > 5 and ",P" in r[:12])
    product = rows[i].split(",")[1]
    same = ",".join(rows[i].rstrip("\n").split(",")[2:])
    rows.insert(i + 1, f"{product}-added,{product},{cells.format(same=same)}\n")
    assert rows[i + 1].count(",") == HEADER.count(",")
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "".join(rows))
    one = _error(generic_csv.iter_products(path))
    assert one == _error(_two_passes(path))
    assert one[1:] == (i + 1 + below, field)
