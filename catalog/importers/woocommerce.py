"""WooCommerce's product CSV export (Products → Export, the built-in exporter).

==================================  ===========================================================================
column                              how it is read
==================================  ===========================================================================
``Type``                            required: ``simple`` (also ``simple, virtual`` / ``downloadable``),
                                    ``variable`` (a product whose ``variation`` rows are its variants),
                                    ``variation``; ``grouped`` and ``external`` products are skipped with a
                                    warning (nothing to sell here)
``ID``                              the product's key when it has no SKU (``woo-123``)
``SKU``                             the product's key when present and unique, and always kept as the shop's
                                    SKU (``shop_sku``); a repeated SKU is a warning and falls back to the ID
``Name``                            required on simple and variable products
``Published``                       ``1`` published; ``0`` draft/pending and ``-1`` private are imported but
                                    never offered or sold
``Visibility in catalog``           ``hidden`` products are never offered
``Short description``,              the description (HTML stripped); the short one wins when both are set
``Description``
``Regular price`` / ``Sale price``  the price in the store's currency; the sale price when it is set and has
                                    no date range (a sale with dates uses the regular price)
``In stock?`` / ``Stock`` /         stock = ``Stock`` when it is set (managed stock) and backorders are not
``Backorders allowed?``             allowed; ``In stock?`` ``0`` with no number = sold out; else unlimited
``Categories`` / ``Tags`` /         category = the last part of the first category path (``Clothing >
``Brands``                          Tshirts``); tags comma-separated; brand from ``Brands`` when exported
``Parent``                          on a ``variation`` row: ``id:123`` or the parent's SKU
``Attribute N name`` /              on a variable product: an option group and its values (comma-separated,
``Attribute N value(s)``            ``\\,`` for a comma inside a value); on a variation: the one value it
                                    fixes (empty = any value)
==================================  ===========================================================================

Other columns (weights, dimensions, images, downloads, meta) are ignored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from catalog.importers.csvutil import (
    Row,
    StreamTable,
    Table,
    cell,
    column,
    open_table,
    price_cents,
    slug,
    split_list,
    strip_html,
    whole_number,
)
from catalog.models import OptionGroup, OptionValue, Product, Variant
from catalog.scratch import scratch_db
from catalog.text import Warn, one_line
from catalog.validate import validate_product


@dataclass
class _Parent:
    row: Row
    product: Product
    attrs: list[tuple[str, str]] = field(default_factory=list)  # (column header, group code)
    variations: list[Row] = field(default_factory=list)


def _attributes(table: Table) -> list[tuple[str, str]]:
    """(name column, values column) of every ``Attribute N`` pair in the header."""
    out = []
    for h in table.columns:
        m = re.fullmatch(r"attribute (\d+) name", h.strip().lower())
        if m:
            values = column(table, f"Attribute {m.group(1)} value(s)")
            if values is not None:
                out.append((h, values))
    return out


def _values(text: str) -> list[str]:
    parts = [p.replace("\x00", ",").strip() for p in text.replace("\\,", "\x00").split(",")]
    return [one_line(p) for p in parts if p]


def _flag(text: str) -> str:
    return text.strip().lower()


def _price(table: Table, row: Row, currency: str) -> int | None:
    sale = cell(table, row, "Sale price")
    dated = cell(table, row, "Date sale price starts") or cell(table, row, "Date sale price ends")
    if sale and not dated:
        return price_cents(table, row, "Sale price", sale, currency=currency)
    regular = cell(table, row, "Regular price")
    return price_cents(table, row, "Regular price", regular, currency=currency) if regular else None


def _stock(table: Table, row: Row) -> int | None:
    backorders = _flag(cell(table, row, "Backorders allowed?"))
    if backorders in ("1", "yes", "notify"):
        return None
    qty = cell(table, row, "Stock")
    if qty:
        return max(0, whole_number(table, row, "Stock", qty))
    if _flag(cell(table, row, "In stock?")) in ("0", "no", "outofstock", "out of stock"):
        return 0
    return None


def _offered(table: Table, row: Row) -> bool:
    published = _flag(cell(table, row, "Published")) or "1"
    if published not in ("1", "0", "-1", "yes", "no", "true", "false"):
        raise table.error(f"not 1 (published), 0 (draft) or -1 (private): {published!r}", row, "Published")
    return published in ("1", "yes", "true") and _flag(cell(table, row, "Visibility in catalog")) != "hidden"


def load(path: str | Path, *, progress: Callable[[int, int], None] | None = None, warn: Warn | None = None,
         currency: str = "USD") -> list[Product]:
    return list(iter_products(path, progress=progress, warn=warn, currency=currency))


def _kinds(table: Table, row: Row) -> set[str]:
    return {k.strip().lower() for k in cell(table, row, "Type").split(",") if k.strip()}


class _Notes:
    """The importer's notes on a private temporary SQLite file (a million rows are never in memory): each
    SKU's first line, the variable products' references, every variation row (to attach to its parent)
    and the keys written (to name a duplicate)."""

    def __init__(self) -> None:
        self.db = scratch_db(
            "CREATE TABLE skus(sku TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID",
            "CREATE TABLE parents(ref TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID",
            "CREATE TABLE variations(line INTEGER PRIMARY KEY, ref TEXT NOT NULL, owner INTEGER, cells TEXT NOT NULL)",
            "CREATE TABLE keys(key TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID",
            "BEGIN", cache_kb=16000)

    def first_line(self, sku: str, line: int) -> int:
        """Note ``sku`` on ``line``; the line it was first on."""
        row = self.db.execute("INSERT INTO skus(sku, line) VALUES (?, ?) ON CONFLICT(sku) DO UPDATE SET"
                              " line = line RETURNING line", (sku, line)).fetchone()
        return int(row[0])

    def sku_line(self, sku: str) -> int | None:
        row = self.db.execute("SELECT line FROM skus WHERE sku = ?", (sku,)).fetchone()
        return None if row is None else int(row[0])

    def resolve(self) -> tuple[int, str] | None:
        """Give every variation its parent's line (``Parent`` is a parent's SKU or ``id:N``, or ``N``);
        the first variation without one (line, reference), if any."""
        self.db.execute("CREATE INDEX variations_owner ON variations(owner, line)")
        self.db.execute("UPDATE variations SET owner = coalesce((SELECT line FROM parents WHERE ref = variations.ref),"
                        " (SELECT line FROM parents WHERE ref = 'id:' || variations.ref))")
        row = self.db.execute("SELECT line, ref FROM variations WHERE owner IS NULL ORDER BY line LIMIT 1").fetchone()
        return None if row is None else (int(row[0]), str(row[1]))

    def variations_of(self, line: int) -> list[Row]:
        return [Row(int(n), json.loads(cells)) for n, cells in self.db.execute(
            "SELECT line, cells FROM variations WHERE owner = ? ORDER BY line", (line,))]

    def key_line(self, key: str, line: int) -> int:
        row = self.db.execute("INSERT INTO keys(key, line) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET"
                              " line = line RETURNING line", (key, line)).fetchone()
        return int(row[0])

    def close(self) -> None:
        self.db.close()


def iter_products(path: str | Path, *, progress: Callable[[int, int], None] | None = None,
                  warn: Warn | None = None, currency: str = "USD") -> Iterator[Product]:
    """The export's products, validated, one at a time (a million are never held in memory).

    Two passes over the file: the first checks every cell, notes each SKU's first line (warning about
    repeats), the variable products' references and the variation rows (on a temporary SQLite file), and
    names a variation whose parent is not in the file; the second builds each product where its row is, a
    variable one with its variations. An error stops the iteration with a :class:`ValidationError` naming
    the file, line and field, so a store writing the products in one transaction writes nothing."""
    table = open_table(path, required=("Type", "Name"), warn=warn)
    say: Warn = warn or (lambda _msg: None)
    if column(table, "Regular price") is None and column(table, "Sale price") is None:
        raise table.error("missing column Regular price (the header has no price column)", None, "Regular price")
    attr_cols = _attributes(table)
    notes = _Notes()
    try:
        for row in table.records():
            s = cell(table, row, "SKU")
            first = notes.first_line(s, row.line)
            if s and first != row.line:
                say(f"{table.file}, line {row.line}: SKU {s!r} is also on line {first}; keyed by ID instead")
            kinds = _kinds(table, row)
            if "variation" in kinds:
                notes.db.execute("INSERT INTO variations(line, ref, cells) VALUES (?, ?, ?)",
                                 (row.line, cell(table, row, "Parent"), json.dumps(row.cells)))
            elif "variable" in kinds:
                for ref in (f"id:{cell(table, row, 'ID')}" if cell(table, row, "ID") else "", s):
                    if ref:
                        notes.db.execute("INSERT OR REPLACE INTO parents(ref, line) VALUES (?, ?)", (ref, row.line))
        orphan = notes.resolve()
        if orphan is not None:
            raise table.error(f"no variable product {orphan[1]!r} in this file", Row(orphan[0], {}), "Parent")
        yield from _build(table, notes, attr_cols, currency, say, progress)
    finally:
        notes.close()


def _build(table: StreamTable, notes: _Notes, attr_cols: list[tuple[str, str]], currency: str, say: Warn,
           progress: Callable[[int, int], None] | None) -> Iterator[Product]:
    """The second pass of :func:`iter_products`."""
    skipped: dict[str, int] = {}
    total = table.lines

    def key(row: Row) -> tuple[str, str]:
        shop_sku, wid = cell(table, row, "SKU"), cell(table, row, "ID")
        if shop_sku and notes.sku_line(shop_sku) == row.line and not re.search(r"\s", shop_sku):
            return shop_sku, shop_sku
        if wid:
            return f"woo-{wid}", shop_sku
        return f"woo-line-{row.line}", shop_sku

    for i, row in enumerate(table.records(check=False)):  # checked in the first pass
        if progress is not None and (i + 1) % 1000 == 0:
            progress(i + 1, total)
        kinds = _kinds(table, row)
        if "variation" in kinds:
            continue
        if kinds & {"grouped", "external"}:
            kind = sorted(kinds & {"grouped", "external"})[0]
            skipped[kind] = skipped.get(kind, 0) + 1
            continue
        if not kinds & {"simple", "variable"}:
            raise table.error(f"unknown product type {cell(table, row, 'Type')!r} (simple, variable, variation, "
                              f"grouped, external)", row, "Type")
        name = one_line(cell(table, row, "Name"))
        if not name:
            raise table.error("is missing", row, "Name")
        sku, shop_sku = key(row)
        price = _price(table, row, currency)
        cats = [c.strip() for c in cell(table, row, "Categories").replace("\\,", "\x00").split(",") if c.strip()]
        product = Product(
            sku=sku, name=name, price_cents=price or 0, currency=currency.upper(),
            description=strip_html(cell(table, row, "Short description") or cell(table, row, "Description")),
            category=one_line(cats[0].split(">")[-1].replace("\x00", ",")) if cats else "",
            brand=one_line(cell(table, row, "Brands").split(",")[0]),
            tags=tuple(one_line(t) for t in split_list(cell(table, row, "Tags"), ",")),
            active=_offered(table, row), stock=None if "variable" in kinds else _stock(table, row), shop_sku=shop_sku,
        )
        if "variable" in kinds:
            groups: list[OptionGroup] = []
            parent = _Parent(row, product)
            for name_col, values_col in attr_cols:
                gname = one_line(cell(table, row, name_col))
                values = _values(cell(table, row, values_col))
                if not gname or not values:
                    continue
                vals = tuple(dict.fromkeys(OptionValue(slug(v), v) for v in values))
                groups.append(OptionGroup(slug(gname), gname.lower(), vals,
                                          default=vals[0].code if len(vals) == 1 else None, required=len(vals) > 1))
                parent.attrs.append((name_col, slug(gname)))
            parent.product = replace(product, option_groups=tuple(groups))
        elif price is None:
            raise table.error("is missing", row, "Regular price")
        first = notes.key_line(sku, row.line)
        if first != row.line:
            raise table.error(f"duplicate key {sku!r} (first on line {first})", row, "ID")
        if "variable" in kinds:
            parent.variations = notes.variations_of(row.line)
            product = _variable(table, parent, currency, say)
        validate_product(product, file=table.file, line=row.line)
        yield product
    for kind, n in skipped.items():
        say(f"{table.file}: {n} {kind} product{'s' if n > 1 else ''} skipped (nothing to sell here)")
    if progress is not None:
        progress(total, total)


def _variable(table: Table, parent: _Parent, currency: str, say: Warn) -> Product:
    product = parent.product
    variants: list[Variant] = []
    combos: dict[tuple[tuple[str, str], ...], int] = {}
    for row in parent.variations:
        options: dict[str, str] = {}
        for name_col, code in parent.attrs:
            header_n = re.search(r"\d+", name_col)
            values_col = column(table, f"Attribute {header_n.group() if header_n else ''} value(s)")
            value = one_line(cell(table, row, values_col)) if values_col else ""
            vname = one_line(cell(table, row, name_col))
            if not value:
                continue  # "any" value of this attribute
            if vname and slug(vname) != code:
                group = next((g for g in product.option_groups if slug(g.name) == slug(vname)), None)
                code = group.code if group else code
            group = product.group(code)
            if group is None or group.value(slug(value)) is None:
                raise table.error(f"{value!r} is not one of the parent's values for {code}", row,
                                  values_col or name_col)
            options[code] = slug(value)
        if not options:
            say(f"{table.file}, line {row.line}: a variation of {product.sku} fixes no attribute; skipped")
            continue
        combo = tuple(sorted(options.items()))
        if combo in combos:
            raise table.error(f"the same attributes as line {combos[combo]}", row, "Attribute 1 value(s)")
        combos[combo] = row.line
        wid, shop_sku = cell(table, row, "ID"), cell(table, row, "SKU")
        key = f"{product.sku}/{'/'.join(v for _, v in combo)}"
        price = _price(table, row, currency)
        active = _flag(cell(table, row, "Published")) not in ("0", "-1", "no", "false")
        if not active:
            continue  # a disabled variation is not sold
        variants.append(Variant(key if not wid else f"{product.sku}/{wid}" if len(key) > 200 else key, options,
                                price, _stock(table, row), shop_sku))
    prices = [v.price_cents for v in variants if v.price_cents is not None]
    if not variants and not product.price_cents:
        raise table.error(f"variable product {product.name!r} has no variation with a price", parent.row,
                          "Regular price")
    price = product.price_cents if product.price_cents and not prices else min(prices) if prices else 0
    variants = [v if v.price_cents is not None else replace(v, price_cents=None) for v in variants]
    return replace(product, price_cents=price, variants=tuple(variants))
