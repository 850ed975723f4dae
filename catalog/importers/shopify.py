"""Shopify's product CSV export (Products → Export → CSV), the format real shops already have.

==================================  ===========================================================================
column                              how it is read
==================================  ===========================================================================
``Handle``                          required; rows sharing a handle are one product. The handle is the
                                    product's key in voicecart (stable across exports)
``Title``                           the product's name, on the handle's first row (continuation rows leave it
                                    empty); line breaks and U+2028 become spaces
``Body (HTML)``                     the description, tags stripped, entities decoded, whitespace collapsed
``Vendor`` / ``Type`` /             brand / category (``Type``, else the last part of ``Product Category``) /
``Product Category`` / ``Tags``     tags (comma-separated)
``Published``, ``Status``           a product is offered only when ``Status`` is ``active`` (or absent) and
                                    ``Published`` is not false: drafts and archived products are imported
                                    but never offered or sold
``OptionN Name`` / ``OptionN        up to three option groups, values in file order. A group with several
Value`` (N = 1..3)                  values must be chosen; one value is the default. ``Title`` /
                                    ``Default Title`` means "no options"
``Variant SKU``                     kept as the shop's SKU (``shop_sku``). Shopify allows the same SKU on
                                    several products and empty SKUs, so voicecart keys a variant by handle
                                    and option values (``classic-tee/red/m``) and warns about repeats
``Variant Price``                   required on variant rows; in the store's currency (``1200`` for JPY)
``Variant Inventory Tracker`` /     stock = ``Variant Inventory Qty`` when the tracker is ``shopify`` and the
``Variant Inventory Qty`` /         policy is ``deny``; untracked, ``continue`` (sell when out of stock) or
``Variant Inventory Policy``        no inventory columns (newer exports) = unlimited, with a warning
==================================  ===========================================================================

Other columns (images, SEO, Google Shopping, markets, ...) are ignored. Rows with no option value, SKU or
price are image rows and are skipped. The product's price is its lowest variant price; each variant keeps
its own.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from catalog.importers.csvutil import (
    Row,
    StreamTable,
    Table,
    boolean,
    cell,
    column,
    open_table,
    price_cents,
    read_table,
    slug,
    split_list,
    strip_html,
    whole_number,
)
from catalog.models import OptionGroup, OptionValue, Product, Variant
from catalog.scratch import scratch_db
from catalog.text import Warn, one_line
from catalog.validate import MAX_SKU_LENGTH, check_sku, validate_product

_DEFAULT_TITLE = {"default title", "title"}


@dataclass
class _VariantRow:
    row: Row
    values: list[str]
    shop_sku: str
    price: int
    stock: int | None


def _variant(table: Table, row: Row, currency: str) -> _VariantRow | None:
    """The variant a row describes (its price checked), or None for an image-only row."""
    if not _is_variant_row(table, row):
        return None
    price_text = cell(table, row, "Variant Price")
    if not price_text:
        raise table.error("is missing", row, "Variant Price")
    price = price_cents(table, row, "Variant Price", price_text, currency=currency)
    values = [one_line(cell(table, row, f"Option{n} Value")) for n in (1, 2, 3)]
    return _VariantRow(row, values, cell(table, row, "Variant SKU"), price, _stock(table, row))


@dataclass
class _Draft:
    handle: str
    first: Row
    option_names: list[str] = field(default_factory=list)
    rows: list[_VariantRow] = field(default_factory=list)


def _stock(table: Table, row: Row) -> int | None:
    tracker = cell(table, row, "Variant Inventory Tracker").lower()
    policy = cell(table, row, "Variant Inventory Policy").lower() or "deny"
    qty = cell(table, row, "Variant Inventory Qty")
    if tracker != "shopify" or policy == "continue" or not qty:
        return None
    return max(0, whole_number(table, row, "Variant Inventory Qty", qty))


def _is_variant_row(table: Table, row: Row) -> bool:
    return any(cell(table, row, c) for c in ("Option1 Value", "Option2 Value", "Option3 Value", "Variant SKU",
                                              "Variant Price"))


def _key(*parts: str) -> str:
    """A stable key from the handle and option value codes; shortened with a hash when too long."""
    key = "/".join(p for p in parts if p)
    if len(key) > MAX_SKU_LENGTH:
        digest = hashlib.sha1(key.encode()).hexdigest()[:12]
        key = f"{key[:MAX_SKU_LENGTH - 13]}~{digest}"
    return key


def load(path: str | Path, *, progress: Callable[[int, int], None] | None = None, warn: Warn | None = None,
         currency: str = "USD") -> list[Product]:
    return list(iter_products(path, progress=progress, warn=warn, currency=currency))


class _Notes:
    """The importer's notes on a private temporary SQLite file: the handles seen (a handle coming back after
    another product's rows), and every Variant SKU with its line (repeats are warned about at the end)."""

    def __init__(self) -> None:
        self.db = scratch_db("CREATE TABLE handles(handle TEXT PRIMARY KEY) WITHOUT ROWID",
                             "CREATE TABLE skus(sku TEXT NOT NULL, line INTEGER NOT NULL)", "BEGIN")
        self.pending: list[tuple[str, int]] = []

    def seen_before(self, handle: str) -> bool:
        try:
            self.db.execute("INSERT INTO handles(handle) VALUES (?)", (handle,))
        except sqlite3.IntegrityError:
            return True
        return False

    def sku(self, sku: str, line: int) -> None:
        self.pending.append((sku, line))
        if len(self.pending) >= 5000:
            self.db.executemany("INSERT INTO skus(sku, line) VALUES (?,?)", self.pending)
            self.pending.clear()

    def repeated(self, limit: int) -> tuple[list[tuple[str, int, list[int]]], int]:
        """Up to ``limit`` repeated SKUs in order of first appearance (sku, rows, first lines), and how many
        are repeated in all."""
        self.db.executemany("INSERT INTO skus(sku, line) VALUES (?,?)", self.pending)
        self.pending.clear()
        self.db.execute("CREATE INDEX skus_sku ON skus(sku, line)")
        rows = self.db.execute("SELECT sku, count(*), min(line) FROM skus GROUP BY sku HAVING count(*) > 1"
                               " ORDER BY min(line)").fetchall()
        out = [(sku, n, [r[0] for r in self.db.execute("SELECT line FROM skus WHERE sku = ? ORDER BY line LIMIT 6",
                                                         (sku,))]) for sku, n, _ in rows[:limit]]
        return out, len(rows)

    def close(self) -> None:
        self.db.close()


def _together(table: StreamTable) -> bool:
    """Whether every product's rows are together (Shopify writes them so); also checks every cell."""
    notes = _Notes()
    try:
        last = None
        for row in table.records():
            handle = cell(table, row, "Handle")
            if handle != last:
                if handle and notes.seen_before(handle):
                    return False
                last = handle
        return True
    finally:
        notes.close()


def iter_products(path: str | Path, *, progress: Callable[[int, int], None] | None = None,
                  warn: Warn | None = None, currency: str = "USD") -> Iterator[Product]:
    """The export's products, validated, one at a time: a product is built when its last row has been read,
    so a file of a million products is never held in memory (the Variant SKUs are noted on a temporary
    SQLite file for the warnings about repeats). Every cell is checked first; an error stops the iteration
    with a :class:`ValidationError` naming the file, line and field, so a store writing the products in one
    transaction writes nothing. An export whose product's rows are apart is read whole (as it always was)."""
    table = open_table(path, required=("Handle", "Title", "Variant Price"), warn=warn)
    if not _together(table):
        yield from _load_whole(path, progress=progress, warn=warn, currency=currency)
        return
    say: Warn = warn or (lambda _msg: None)
    if column(table, "Variant Inventory Qty") is None:
        say(f"{table.file}: no 'Variant Inventory Qty' column (newer exports keep inventory in a separate file): "
            f"stock is unlimited")
    notes = _Notes()
    try:
        draft: _Draft | None = None
        no_sku = 0
        total = table.lines
        for i, row in enumerate(table.records(check=False)):  # checked by _together
            handle = cell(table, row, "Handle")
            if not handle:
                raise table.error("is missing", row, "Handle")
            title = one_line(cell(table, row, "Title"))
            if draft is None or handle != draft.handle:
                if draft is not None:
                    yield _finished(table, draft, currency)
                check_sku(handle, file=table.file, line=row.line, field="Handle")
                if not title:
                    raise table.error(f"the first row of product {handle!r} needs a Title", row, "Title")
                draft = _Draft(handle, row, [one_line(cell(table, row, f"Option{n} Name")) for n in (1, 2, 3)])
            elif title and title != one_line(cell(table, draft.first, "Title")):
                raise table.error(f"handle {handle!r} is already used by {cell(table, draft.first, 'Title')!r} "
                                  f"(line {draft.first.line})", row, "Handle")
            variant = _variant(table, row, currency)
            if variant is None:
                continue  # an extra image row
            if variant.shop_sku:
                notes.sku(variant.shop_sku, row.line)
            else:
                no_sku += 1
            draft.rows.append(variant)
            if progress is not None and (i + 1) % 1000 == 0:
                progress(i + 1, total)
        if draft is not None:
            yield _finished(table, draft, currency)
        repeated, n_repeated = notes.repeated(20)
        for s, n, lines in repeated:
            say(f"{table.file}: Variant SKU {s!r} is on {n} rows (lines {', '.join(map(str, lines[:5]))}"
                f"{', ...' if n > 5 else ''}); kept as the shop's SKU, products are keyed by handle")
        if n_repeated > 20:
            say(f"{table.file}: {n_repeated - 20} more Variant SKUs are repeated")
        if no_sku:
            say(f"{table.file}: {no_sku} variant row{'s have' if no_sku > 1 else ' has'} no Variant SKU; "
                f"keyed by handle and option values")
        if progress is not None:
            progress(total, total)
    finally:
        notes.close()


def _finished(table: Table, draft: _Draft, currency: str) -> Product:
    if not draft.rows:
        raise table.error(f"product {draft.handle!r} has no variant row with a price", draft.first, "Variant Price")
    product = _product(table, draft, currency)
    validate_product(product, file=table.file, line=draft.first.line)
    return product


def _load_whole(path: str | Path, *, progress: Callable[[int, int], None] | None = None, warn: Warn | None = None,
         currency: str = "USD") -> list[Product]:
    """The whole file in memory: for an export whose products' rows are not together."""
    table = read_table(path, required=("Handle", "Title", "Variant Price"), warn=warn)
    say: Warn = warn or (lambda _msg: None)
    if column(table, "Variant Inventory Qty") is None:
        say(f"{table.file}: no 'Variant Inventory Qty' column (newer exports keep inventory in a separate file): "
            f"stock is unlimited")
    drafts: dict[str, _Draft] = {}
    shop_skus: dict[str, list[int]] = {}
    no_sku = 0
    total = len(table.rows)
    for i, row in enumerate(table.rows):
        handle = cell(table, row, "Handle")
        if not handle:
            raise table.error("is missing", row, "Handle")
        check_sku(handle, file=table.file, line=row.line, field="Handle")
        draft = drafts.get(handle)
        title = one_line(cell(table, row, "Title"))
        if draft is None:
            if not title:
                raise table.error(f"the first row of product {handle!r} needs a Title", row, "Title")
            draft = drafts[handle] = _Draft(handle, row, [one_line(cell(table, row, f"Option{n} Name"))
                                                          for n in (1, 2, 3)])
        elif title and title != one_line(cell(table, draft.first, "Title")):
            raise table.error(f"handle {handle!r} is already used by {cell(table, draft.first, 'Title')!r} "
                              f"(line {draft.first.line})", row, "Handle")
        variant = _variant(table, row, currency)
        if variant is None:
            continue  # an extra image row
        if variant.shop_sku:
            shop_skus.setdefault(variant.shop_sku, []).append(row.line)
        else:
            no_sku += 1
        draft.rows.append(variant)
        if progress is not None and (i + 1) % 1000 == 0:
            progress(i + 1, total)
    repeated = {s: lines for s, lines in shop_skus.items() if len(lines) > 1}
    for s, lines in list(repeated.items())[:20]:
        say(f"{table.file}: Variant SKU {s!r} is on {len(lines)} rows (lines {', '.join(map(str, lines[:5]))}"
            f"{', ...' if len(lines) > 5 else ''}); kept as the shop's SKU, products are keyed by handle")
    if len(repeated) > 20:
        say(f"{table.file}: {len(repeated) - 20} more Variant SKUs are repeated")
    if no_sku:
        say(f"{table.file}: {no_sku} variant row{'s have' if no_sku > 1 else ' has'} no Variant SKU; "
            f"keyed by handle and option values")
    products: list[Product] = []
    for draft in drafts.values():
        if not draft.rows:
            raise table.error(f"product {draft.handle!r} has no variant row with a price", draft.first, "Variant Price")
        product = _product(table, draft, currency)
        validate_product(product, file=table.file, line=draft.first.line)
        products.append(product)
    if progress is not None:
        progress(total, total)
    return products


def _product(table: Table, draft: _Draft, currency: str) -> Product:
    first = draft.first
    published = boolean(table, first, "Published", cell(table, first, "Published"), True)
    status = cell(table, first, "Status").lower()
    category = one_line(cell(table, first, "Type") or cell(table, first, "Product Category").split(">")[-1])
    base = Product(
        sku=draft.handle, name=one_line(cell(table, first, "Title")), price_cents=min(r.price for r in draft.rows),
        currency=currency.upper(),
        description=strip_html(cell(table, first, "Body (HTML)")), category=category,
        brand=one_line(cell(table, first, "Vendor")),
        tags=tuple(one_line(t) for t in split_list(cell(table, first, "Tags"), ",")),
        active=published and status in ("", "active"),
    )
    groups: list[OptionGroup] = []
    used: list[int] = []
    for n, name in enumerate(draft.option_names):
        seen: dict[str, OptionValue] = {}
        for vr in draft.rows:
            value = vr.values[n]
            if not value:
                continue
            if not name:
                raise table.error(f"Option{n + 1} Value {value!r} has no Option{n + 1} Name on the product's "
                                  f"first row", vr.row, f"Option{n + 1} Value")
            seen.setdefault(slug(value), OptionValue(slug(value), value))
        if not name or not seen or (name.lower() == "title" and set(seen) <= {slug(t) for t in _DEFAULT_TITLE}):
            continue
        vals = tuple(seen.values())
        groups.append(OptionGroup(slug(name), name.lower(), vals, default=vals[0].code if len(vals) == 1 else None,
                                  required=len(vals) > 1))
        used.append(n)
    if not groups:
        vr = draft.rows[0]
        if len(draft.rows) > 1:
            raise table.error(f"product {draft.handle!r} has several variants but no option names", vr.row,
                              "Option1 Name")
        return replace(base, price_cents=vr.price, stock=vr.stock, shop_sku=vr.shop_sku)
    variants: list[Variant] = []
    combos: dict[tuple[str, ...], int] = {}
    for vr in draft.rows:
        options = {groups[k].code: slug(vr.values[n]) for k, n in enumerate(used) if vr.values[n]}
        if not options:
            raise table.error(f"a variant of {draft.handle!r} names no option value", vr.row, "Option1 Value")
        combo = tuple(options.get(g.code, "") for g in groups)
        if combo in combos:
            raise table.error(f"the same options as line {combos[combo]} ({', '.join(c for c in combo if c)})",
                              vr.row, "Option1 Value")
        combos[combo] = vr.row.line
        variants.append(Variant(_key(draft.handle, *combo), options, vr.price, vr.stock, vr.shop_sku))
    return replace(base, option_groups=tuple(groups), variants=tuple(variants))
