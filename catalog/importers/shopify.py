"""Shopify's product CSV export (Products → Export → CSV), the format real shops already have.

Columns read (others, e.g. images, SEO, Google Shopping, are ignored): ``Handle`` (required), ``Title``,
``Body (HTML)``, ``Vendor``, ``Type``, ``Product Category``, ``Tags``, ``Published``, ``Status``,
``Option1 Name``/``Option1 Value`` .. ``Option3 Name``/``Option3 Value``, ``Variant SKU``, ``Variant Price``,
``Variant Inventory Qty``, ``Variant Inventory Tracker``, ``Variant Inventory Policy``.

Rows sharing a ``Handle`` are one product; the first carries the title, continuation rows (empty
``Title``) add variants. Rows with neither an option value, a SKU nor a price (image-only rows) are
skipped. Mapping:

* product SKU = the single variant's SKU for products without options (``Title`` / ``Default Title``),
  else the handle; variants keep their ``Variant SKU`` (``<handle>-<n>`` when empty);
* price = the lowest variant price; each variant keeps its own price;
* stock = ``Variant Inventory Qty`` when ``Variant Inventory Tracker`` is ``shopify`` and the policy is
  ``deny``; untracked or ``continue`` (sell when out of stock) = unlimited. The product's stock is the
  variant's for single-variant products;
* active = ``Status`` is ``active`` (when present) and ``Published`` is not false;
* option groups come from ``OptionN Name`` with the values in file order; a group with several values
  is required (the shopper must choose), a group with one value defaults to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
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
    strip_html,
    whole_number,
)
from catalog.models import OptionGroup, OptionValue, Product, Variant
from catalog.validate import check_sku, validate_product

_DEFAULT_TITLE = {"default title", "title"}


@dataclass
class _Draft:
    handle: str
    first: Row
    option_names: list[str] = field(default_factory=list)
    rows: list[tuple[Row, list[str], str, int, int | None]] = field(default_factory=list)  # row, values, sku, price, stock


def _stock(table: Table, row: Row) -> int | None:
    tracker = cell(table, row, "Variant Inventory Tracker").lower()
    policy = cell(table, row, "Variant Inventory Policy").lower() or "deny"
    qty = cell(table, row, "Variant Inventory Qty")
    if tracker != "shopify" or policy == "continue" or not qty:
        return None
    return max(0, whole_number(table, row, "Variant Inventory Qty", qty))


def _is_variant_row(table: Table, row: Row) -> bool:
    return any(cell(table, row, c) for c in ("Option1 Value", "Variant SKU", "Variant Price"))


def load(path: str | Path, *, progress: Callable[[int, int], None] | None = None) -> list[Product]:
    table = read_table(path, required=("Handle", "Title", "Variant Price"))
    drafts: dict[str, _Draft] = {}
    sku_lines: dict[str, int] = {}
    total = len(table.rows)
    for i, row in enumerate(table.rows):
        handle = cell(table, row, "Handle")
        if not handle:
            raise table.error("is missing", row, "Handle")
        draft = drafts.get(handle)
        if draft is None:
            if not cell(table, row, "Title"):
                raise table.error(f"the first row of product {handle!r} needs a Title", row, "Title")
            draft = drafts[handle] = _Draft(handle, row, [cell(table, row, f"Option{n} Name") for n in (1, 2, 3)])
        elif cell(table, row, "Title") and cell(table, row, "Title") != cell(table, draft.first, "Title"):
            raise table.error(f"handle {handle!r} is already used by {cell(table, draft.first, 'Title')!r} "
                              f"(line {draft.first.line})", row, "Handle")
        if not _is_variant_row(table, row):
            continue  # an extra image row
        price_text = cell(table, row, "Variant Price")
        if not price_text:
            raise table.error("is missing", row, "Variant Price")
        price = price_cents(table, row, "Variant Price", price_text)
        values = [cell(table, row, f"Option{n} Value") for n in (1, 2, 3)]
        sku = cell(table, row, "Variant SKU") or f"{handle}-{len(draft.rows) + 1}"
        check_sku(sku, file=table.file, line=row.line, field="Variant SKU")
        if sku in sku_lines:
            raise table.error(f"duplicate SKU {sku!r} (first on line {sku_lines[sku]})", row, "Variant SKU")
        sku_lines[sku] = row.line
        draft.rows.append((row, values, sku, price, _stock(table, row)))
        if progress is not None and (i + 1) % 1000 == 0:
            progress(i + 1, total)
    products: list[Product] = []
    product_skus: dict[str, int] = {}
    for draft in drafts.values():
        if not draft.rows:
            raise table.error(f"product {draft.handle!r} has no variant row with a price", draft.first, "Variant Price")
        product = _product(table, draft)
        if product.sku in product_skus and product_skus[product.sku] != draft.first.line:
            raise table.error(f"duplicate SKU {product.sku!r} (first on line {product_skus[product.sku]})",
                              draft.first, "Handle")
        product_skus[product.sku] = draft.first.line
        validate_product(product, file=table.file, line=draft.first.line)
        products.append(product)
    if progress is not None:
        progress(total, total)
    return products


def _product(table: Table, draft: _Draft) -> Product:
    first = draft.first
    published = boolean(table, first, "Published", cell(table, first, "Published"), True)
    status = cell(table, first, "Status").lower()
    category = cell(table, first, "Type") or cell(table, first, "Product Category").split(">")[-1].strip()
    base = Product(
        sku=draft.handle, name=cell(table, first, "Title"), price_cents=min(r[3] for r in draft.rows),
        description=strip_html(cell(table, first, "Body (HTML)")), category=category,
        brand=cell(table, first, "Vendor"), tags=split_list(cell(table, first, "Tags"), ","),
        active=published and status in ("", "active"),
    )
    groups: list[OptionGroup] = []
    used: list[int] = []
    for n, name in enumerate(draft.option_names):
        seen: dict[str, OptionValue] = {}
        for row, values, *_ in draft.rows:
            value = values[n]
            if not value:
                continue
            if not name:
                raise table.error(f"Option{n + 1} Value {value!r} has no Option{n + 1} Name on the product's first row",
                                  row, f"Option{n + 1} Value")
            seen.setdefault(slug(value), OptionValue(slug(value), value))
        if not name or not seen or (name.lower() == "title" and set(seen) <= {slug(t) for t in _DEFAULT_TITLE}):
            continue
        vals = tuple(seen.values())
        groups.append(OptionGroup(slug(name), name.lower(), vals, default=vals[0].code if len(vals) == 1 else None,
                                  required=len(vals) > 1))
        used.append(n)
    if not groups:
        row, _, sku, price, stock = draft.rows[0]
        if len(draft.rows) > 1:
            raise table.error(f"product {draft.handle!r} has several variants but no option names", row, "Option1 Name")
        sku = cell(table, row, "Variant SKU") or draft.handle
        return replace(base, sku=sku, price_cents=price, stock=stock)
    variants = tuple(
        Variant(sku, {groups[k].code: slug(values[n]) for k, n in enumerate(used) if values[n]}, price, stock)
        for _, values, sku, price, stock in draft.rows)
    return replace(base, option_groups=tuple(groups), variants=variants)
