"""Generic CSV catalogs, the format a shop can write in any spreadsheet.

Columns (header names are case-insensitive; unknown columns are ignored):

==================  ========  =============================================================================
column              required  meaning
==================  ========  =============================================================================
``sku``             yes       unique product code, no spaces
``name``            yes*      what shoppers call it (*not needed on variant rows)
``price``           yes*      ``4.50``, ``$4.50`` or ``4,50`` (or ``price_cents``: ``450``); optional on variant rows
``aliases``         no        other names, separated by ``|`` or ``;`` ("cafe latte|caffe latte")
``description``     no        free text
``category``        no        e.g. ``espresso drinks``
``brand``           no
``tags``            no        separated by ``|`` or ``;``
``active``          no        true/false, yes/no, 1/0 (default true)
``stock``           no        units on hand; empty = unlimited
``currency``        no        three letters, default: the store's (USD)
``option:GROUP``    no        an option group: values separated by ``|``, each ``value`` or ``value=+0.50``
                              (price delta); ``*`` before a value makes it the default. Flags in brackets after
                              the group name: ``option:milk[amounts]``, ``option:syrup[multiple]``,
                              ``option:tea[required]`` (combine with commas).
``parent_sku``      no        set on a *variant* row: the product it belongs to. A variant row gives its own
                              ``sku``, optional ``price`` and ``stock``, and one value in each ``option:GROUP``
                              column that the variant fixes (e.g. ``red`` under ``option:colour``).
==================  ========  =============================================================================

Example::

    sku,parent_sku,name,price,stock,category,option:colour[required],option:size
    TEE,,t-shirt,15.00,,clothing,red|blue,s|*m|l=+2.00
    TEE-RED-M,TEE,,,4,,red,m
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from catalog.importers.csvutil import (
    Row,
    Table,
    boolean,
    cell,
    price_cents,
    read_table,
    slug,
    split_list,
    whole_number,
)
from catalog.models import OptionGroup, OptionValue, Product, Variant
from catalog.text import Warn
from catalog.validate import check_sku, validate_product

_OPTION_HEADER = re.compile(r"^option:\s*([^\[\]]+?)\s*(?:\[([a-z ,]*)\])?\s*$", re.I)
_FLAGS = {"required", "multiple", "amounts"}


def _option_columns(table: Table) -> list[tuple[str, str, set[str]]]:
    """(header, group name, flags) for every ``option:GROUP[flags]`` column."""
    out = []
    for h in table.columns:
        m = _OPTION_HEADER.match(h)
        if m:
            flags = {f.strip().lower() for f in (m.group(2) or "").split(",") if f.strip()}
            unknown = flags - _FLAGS
            if unknown:
                raise table.error(f"unknown option flag {sorted(unknown)[0]!r} (use required, multiple, amounts)",
                                  None, h)
            out.append((h, m.group(1).strip(), flags))
    return out


def _group(table: Table, row: Row, header: str, name: str, flags: set[str], text: str) -> OptionGroup:
    values: list[OptionValue] = []
    default: str | None = None
    for part in split_list(text, "|"):
        is_default = part.startswith("*")
        part = part.lstrip("*").strip()
        label, _, delta_text = part.partition("=")
        label = label.strip()
        if not label:
            raise table.error(f"an empty value in {text!r}", row, header)
        delta = price_cents(table, row, header, delta_text.replace("+", ""), allow_negative=True) if delta_text.strip() else 0
        code = slug(label)
        if any(v.code == code for v in values):
            raise table.error(f"value {label!r} appears twice", row, header)
        values.append(OptionValue(code, label, (), delta))
        if is_default:
            if default is not None:
                raise table.error("only one value can be the default (*)", row, header)
            default = code
    if not values:
        raise table.error("no values", row, header)
    return OptionGroup(slug(name), name, tuple(values), default, "required" in flags, "multiple" in flags,
                       "amounts" in flags)


def _price(table: Table, row: Row, *, required: bool) -> int | None:
    if cell(table, row, "price_cents"):
        return whole_number(table, row, "price_cents", cell(table, row, "price_cents"))
    text = cell(table, row, "price")
    if not text:
        if required:
            raise table.error("is missing", row, "price")
        return None
    return price_cents(table, row, "price", text)


def _stock(table: Table, row: Row) -> int | None:
    text = cell(table, row, "stock")
    if not text:
        return None
    value = whole_number(table, row, "stock", text)
    if value < 0:
        raise table.error(f"stock cannot be negative ({value})", row, "stock")
    return value


def load(path: str | Path, *, progress: Callable[[int, int], None] | None = None, warn: Warn | None = None,
         currency: str = "USD") -> list[Product]:
    table = read_table(path, required=("sku",), warn=warn)
    options = _option_columns(table)
    products: dict[str, Product] = {}
    lines: dict[str, int] = {}
    variant_rows: list[tuple[Row, str]] = []
    total = len(table.rows)
    for i, row in enumerate(table.rows):
        sku = cell(table, row, "sku")
        check_sku(sku, file=table.file, line=row.line)
        if sku in lines:
            raise table.error(f"duplicate SKU {sku!r} (first on line {lines[sku]})", row, "sku")
        lines[sku] = row.line
        parent = cell(table, row, "parent_sku")
        if parent:
            variant_rows.append((row, parent))
            continue
        name = cell(table, row, "name")
        if not name:
            raise table.error("is missing", row, "name")
        price = _price(table, row, required=True)
        assert price is not None
        groups = tuple(_group(table, row, h, g, flags, cell(table, row, h)) for h, g, flags in options
                       if cell(table, row, h))
        products[sku] = Product(
            sku=sku, name=name, price_cents=price,
            currency=(cell(table, row, "currency") or currency).upper(),
            aliases=split_list(cell(table, row, "aliases")), description=cell(table, row, "description"),
            category=cell(table, row, "category"), brand=cell(table, row, "brand"),
            tags=split_list(cell(table, row, "tags")),
            active=boolean(table, row, "active", cell(table, row, "active"), True),
            option_groups=groups, stock=_stock(table, row),
        )
        if progress is not None and (i + 1) % 1000 == 0:
            progress(i + 1, total)
    for row, parent in variant_rows:
        product = products.get(parent)
        if product is None:
            raise table.error(f"no product with SKU {parent!r} in this file", row, "parent_sku")
        chosen: dict[str, str] = {}
        for h, g, _ in options:
            value = cell(table, row, h)
            if not value:
                continue
            group = product.group(slug(g))
            if group is None:
                raise table.error(f"product {parent} has no {g} option", row, h)
            code = slug(value.lstrip("*").partition("=")[0])
            if group.value(code) is None:
                raise table.error(f"{g} {value!r} is not one of {parent}'s values "
                                  f"({', '.join(v.name for v in group.values)})", row, h)
            chosen[group.code] = code
        if not chosen:
            raise table.error("a variant row must name at least one option value", row, "option:")
        variant = Variant(cell(table, row, "sku"), chosen, _price(table, row, required=False), _stock(table, row))
        products[parent] = replace(product, variants=(*product.variants, variant))
    result = list(products.values())
    for p in result:
        validate_product(p, file=table.file, line=lines[p.sku])
    if progress is not None:
        progress(total, total)
    return result
