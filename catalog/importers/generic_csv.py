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

import csv
import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from operator import itemgetter
from pathlib import Path

from catalog.errors import ValidationError
from catalog.importers.csvutil import (
    Row,
    StreamTable,
    Table,
    boolean,
    cell,
    open_table,
    price_cents,
    slug,
    split_list,
    whole_number,
)
from catalog.models import OptionGroup, OptionValue, Product, Variant
from catalog.scratch import scratch_db
from catalog.text import MAX_CENTS, MAX_STOCK, Warn
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


def _chosen(table: Table, group: OptionGroup | None, owner: str, name: str, value: str, row: Row,
            header: str) -> tuple[str, str]:
    """A variant row's cell ``value`` for the option group named ``name`` of product ``owner``: (group code,
    value code), or the row's error when the product has no such group or the group no such value."""
    if group is None:
        raise table.error(f"product {owner} has no {name} option", row, header)
    code = slug(value.lstrip("*").partition("=")[0])
    if group.value(code) is None:
        raise table.error(f"{name} {value!r} is not one of {owner}'s values "
                          f"({', '.join(v.name for v in group.values)})", row, header)
    return group.code, code


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
    return list(iter_products(path, progress=progress, warn=warn, currency=currency))


class _Scratch:
    """The importer's notes on a private temporary SQLite file (never more than a small cache in memory):
    every SKU with its line, to name duplicates, and every variant row, to attach to its product."""

    FLUSH = 5000

    def __init__(self, table: Table) -> None:
        self.table = table
        self.db = scratch_db(
            "CREATE TABLE skus(sku TEXT PRIMARY KEY, line INTEGER NOT NULL, product INTEGER NOT NULL) WITHOUT ROWID",
            "CREATE TABLE vrows(parent TEXT NOT NULL, line INTEGER NOT NULL, sku TEXT NOT NULL, price INTEGER,"
            " stock INTEGER, options TEXT NOT NULL)", cache_kb=16000)
        self.skus: list[tuple[str, int, int]] = []
        self.variants: list[tuple[str, int, str, int | None, int | None, str]] = []
        self.n_variants = 0

    def close(self) -> None:
        self.db.close()

    def add(self, sku: str, line: int, product: bool) -> None:
        self.skus.append((sku, line, int(product)))
        if len(self.skus) >= self.FLUSH:
            self.flush()

    def add_variant(self, parent: str, line: int, sku: str, price: int | None, stock: int | None,
                    options: dict[str, str]) -> None:
        self.variants.append((parent, line, sku, price, stock, json.dumps(options)))
        self.n_variants += 1

    def flush(self) -> None:
        """Write the notes taken since the last flush; a SKU seen before is an error naming both lines."""
        db = self.db
        db.execute("BEGIN")
        try:
            db.executemany("INSERT INTO skus(sku, line, product) VALUES (?,?,?)", self.skus)
        except sqlite3.IntegrityError:
            for sku, line, _ in self.skus:
                first = db.execute("SELECT line FROM skus WHERE sku = ?", (sku,)).fetchone()
                if first is not None and first[0] != line:
                    db.execute("ROLLBACK")
                    raise ValidationError(f"duplicate SKU {sku!r} (first on line {first[0]})", file=self.table.file,
                                          line=line, field="sku") from None
            raise
        db.executemany("INSERT INTO vrows(parent, line, sku, price, stock, options) VALUES (?,?,?,?,?,?)",
                       self.variants)
        db.execute("COMMIT")
        self.skus.clear()
        self.variants.clear()

    def check_parents(self) -> None:
        """Every variant row names a product row of the file."""
        if not self.n_variants:
            return
        self.db.execute("CREATE INDEX vrows_parent ON vrows(parent, line)")
        row = self.db.execute("SELECT v.line, v.parent FROM vrows v LEFT JOIN skus s ON s.sku = v.parent AND"
                              " s.product = 1 WHERE s.sku IS NULL ORDER BY v.line LIMIT 1").fetchone()
        if row is not None:
            raise ValidationError(f"no product with SKU {row[1]!r} in this file", file=self.table.file, line=row[0],
                                  field="parent_sku")

    def variants_of(self, parents: list[str]) -> dict[str, list[tuple[int, str, int | None, int | None, str]]]:
        out: dict[str, list[tuple[int, str, int | None, int | None, str]]] = {}
        if not self.n_variants:
            return out
        for i in range(0, len(parents), 500):
            part = parents[i:i + 500]
            for parent, *rest in self.db.execute(
                    f"SELECT parent, line, sku, price, stock, options FROM vrows WHERE parent IN"
                    f" ({','.join('?' * len(part))}) ORDER BY parent, line", part):
                out.setdefault(parent, []).append((rest[0], rest[1], rest[2], rest[3], rest[4]))
        return out


def iter_products(path: str | Path, *, progress: Callable[[int, int], None] | None = None,
                  warn: Warn | None = None, currency: str = "USD") -> Iterator[Product]:
    """The file's products, validated, one at a time (a million-row file is never held in memory).

    When every variant row comes right after its product (or after that product's other variant rows), the
    usual order, the file is read once (:func:`_one_pass`, after a quick look at its SKU columns); otherwise
    twice (:func:`_two_passes`). Either way an error stops the iteration with a :class:`ValidationError`
    naming the file, line and field, so a store writing the products in one transaction writes nothing.
    """
    table = open_table(path, required=("sku",), warn=warn)
    options = _option_columns(table)
    if _variants_follow_products(table):
        yield from _one_pass(table, options, currency, progress)
    else:
        yield from _two_passes(table, options, currency, progress)


def _variants_follow_products(table: StreamTable) -> bool:
    """Whether each variant row (a ``parent_sku``) names the product row above it, with only that product's
    variant rows between: one quick read of the two SKU columns (a broken file says no; the two passes then
    name its error). A file whose header names ``sku`` or ``parent_sku`` twice says no as well."""
    lower = [h.lower() for h in table.columns]
    if lower.count("sku") > 1 or lower.count("parent_sku") > 1:
        return False
    i_sku, i_parent = table.index("sku"), table.index("parent_sku")
    if i_parent < 0:
        return True
    assert table.opener is not None
    last = ""
    try:
        with table.opener() as fh:
            reader = csv.reader(fh)
            next(reader, None)
            for cells in reader:
                parent = cells[i_parent].strip() if i_parent < len(cells) else ""
                if parent:
                    if parent != last:
                        return False
                elif i_sku < len(cells) and (sku := cells[i_sku].strip()):
                    last = sku
    except csv.Error:
        return False
    return True


def _one_pass(table: StreamTable, options: list[tuple[str, str, set[str]]], currency: str,
              progress: Callable[[int, int], None] | None) -> Iterator[Product]:
    """The products of a file whose variant rows follow their product (:func:`_variants_follow_products`),
    read once: each row is checked (cells, SKU, duplicates on the scratch file, as in the first of the two
    passes), a product row is held until the next product row, with the variant rows in between, and is
    then validated and given out. Errors come in the order of their lines (a duplicate SKU on an earlier
    line than another error is named first)."""
    scratch = _Scratch(table)
    get = _Cells(table, options)
    total = table.lines
    done = 0
    held: tuple[int, list[str]] | None = None  # the last product row, given out at the next one
    held_variants: list[tuple[int, list[str]]] = []
    held_sku = None
    i_sku, i_parent = get.sku, get.parent
    notes, flush_at = scratch.skus, scratch.FLUSH  # scratch.add, inlined (flush empties the same list)
    try:
        try:
            for line, cells in table.cell_lists():
                sku = cells[i_sku].strip() if 0 <= i_sku < len(cells) else ""
                check_sku(sku, file=table.file, line=line)
                parent = cells[i_parent].strip() if 0 <= i_parent < len(cells) else ""
                notes.append((sku, line, 0 if parent else 1))
                if len(notes) >= flush_at:
                    scratch.flush()
                if parent:
                    if parent != held_sku:  # the file changed since the look
                        raise ValidationError(f"the file changed while it was read (parent_sku {parent!r})",
                                              file=table.file, line=line)
                    held_variants.append((line, cells))
                    continue
                if held is not None:
                    last, held = held, None
                    yield get.product(last, held_variants, currency)
                    held_variants.clear()
                    done += 1
                    if progress is not None and done % 500 == 0:
                        progress(done, total)
                held, held_sku = (line, cells), sku
            if held is not None:
                last, held = held, None
                yield get.product(last, held_variants, currency)
            scratch.flush()
        except ValidationError as exc:
            first = exc
            if held is not None and (exc.line or 0) > held[0]:  # the held product's own error is on an earlier line
                try:
                    get.product(held, held_variants, currency)
                except ValidationError as earlier:
                    first = earlier
            # a duplicate on an earlier line is named first
            scratch.skus = [e for e in scratch.skus if e[1] < (first.line or 0)]
            scratch.flush()
            if first is exc:
                raise
            raise first from None
        if progress is not None:
            progress(total, total)
    finally:
        scratch.close()


class _Cells:
    """A generic CSV record (its list of cells) read by column position: the importer's view of
    :func:`~catalog.importers.csvutil.cell` without a dict per row."""

    def __init__(self, table: StreamTable, options: list[tuple[str, str, set[str]]]) -> None:
        self.table = table
        self.width = len(table.columns)
        # a column the file lacks reads the empty cell put after the row's own (index -1, see _padded)
        self.options = [(table.index(h), h, slug(g), g, flags) for h, g, flags in options]
        self.sku, self.parent = table.index("sku"), table.index("parent_sku")
        self._row = itemgetter(*map(table.index, ("sku", "name", "price", "price_cents", "currency", "aliases",
                                                  "description", "category", "brand", "tags", "active", "stock")))
        self._variant = itemgetter(*map(table.index, ("sku", "price", "price_cents", "stock")))
        self._groups: dict[tuple[str, str], OptionGroup] = {}

    @staticmethod
    def text(cells: list[str], i: int) -> str:
        return cells[i].strip() if 0 <= i < len(cells) else ""

    def _padded(self, cells: list[str]) -> list[str]:
        """``cells`` as long as the header, then one empty cell (read for the columns the file lacks)."""
        if len(cells) == self.width:
            return [*cells, ""]
        return [*cells[:self.width], *[""] * (self.width - len(cells)), ""]

    def _group(self, row: Row, header: str, name: str, flags: set[str], text: str) -> OptionGroup:
        """:func:`_group`, once per distinct cell of each option column (products share their option cells:
        the same group, and its search keys computed once, see ``catalog.search.option_pairs``)."""
        key = (header, text)
        group = self._groups.get(key)
        if group is None:
            group = _group(self.table, row, header, name, flags, text)
            if len(self._groups) >= 4096:
                self._groups.clear()
            self._groups[key] = group
        return group

    def _price(self, row: Row, price: str, cents: str, *, required: bool) -> int | None:
        if cents:
            return whole_number(self.table, row, "price_cents", cents)
        if not price:
            if required:
                raise self.table.error("is missing", row, "price")
            return None
        return price_cents(self.table, row, "price", price)

    def _stock(self, row: Row, text: str) -> int | None:
        if not text:
            return None
        number = whole_number(self.table, row, "stock", text)
        if number < 0:
            raise self.table.error(f"stock cannot be negative ({number})", row, "stock")
        return number

    def product(self, held: tuple[int, list[str]], variant_rows: list[tuple[int, list[str]]],
                currency: str) -> Product:
        """The product of row ``held`` with the variant rows under it, validated: the same product, checks
        and errors as :func:`_product` and :func:`_finish` of the two passes."""
        line, raw = held
        table = self.table
        cells = self._padded(raw)
        row = Row(line, {})
        sku, name, price_text, cents_text, cur, aliases, description, category, brand, tags, active_text, stock_text = (
            map(str.strip, self._row(cells)))
        if not name:
            raise table.error("is missing", row, "name")
        price = self._price(row, price_text, cents_text, required=True)
        assert price is not None
        groups = tuple(self._group(row, h, g, flags, value) for i, h, _, g, flags in self.options
                       if (value := cells[i].strip()))
        active = boolean(table, row, "active", active_text, True)
        stock = self._stock(row, stock_text)
        variants: list[Variant] = []
        by_code: dict[str, OptionGroup] = {}
        # what validate_product's variant checks need beyond the checks below: SKUs unique within the product
        # and unlike its own, option combinations unique, prices and stocks in range; all found, it skips them
        vskus, combos, checked = {sku}, set(), True
        for x in groups if variant_rows else ():
            by_code.setdefault(x.code, x)  # the first group of a code, as Product.group finds it
        for vline, vraw in variant_rows:
            vcells = self._padded(vraw)
            vrow = Row(vline, {})
            vsku, vprice_text, vcents_text, vstock_text = map(str.strip, self._variant(vcells))
            vprice = self._price(vrow, vprice_text, vcents_text, required=False)
            vstock = self._stock(vrow, vstock_text)
            chosen: dict[str, str] = {}
            for i, h, code, g, _ in self.options:
                value = vcells[i].strip()
                if not value:
                    continue
                gcode, vcode = _chosen(table, by_code.get(code), sku, g, value, vrow, h)
                chosen[gcode] = vcode
            if not chosen:
                raise table.error("a variant row must name at least one option value", vrow, "option:")
            combo = frozenset(chosen.items())
            if (vsku in vskus or combo in combos or (vprice is not None and not 0 <= vprice <= MAX_CENTS)
                    or (vstock is not None and vstock > MAX_STOCK)):
                checked = False
            vskus.add(vsku)
            combos.add(combo)
            variants.append(Variant(vsku, chosen, vprice, vstock))
        product = Product(sku, name, price, (cur or currency).upper(), split_list(aliases), description, category,
                          brand, split_list(tags), active, groups, tuple(variants), stock)
        validate_product(product, file=table.file, line=line, variants_checked=checked)
        return product


def _two_passes(table: StreamTable, options: list[tuple[str, str, set[str]]], currency: str,
                progress: Callable[[int, int], None] | None) -> Iterator[Product]:
    """The file's products, validated, one at a time, for any order of rows.

    Two passes over the file: the first checks every cell and SKU (duplicates named with both lines) and
    notes the variant rows, wherever they are; the second builds each product with its variants. An error
    stops the iteration with a :class:`ValidationError` naming the file, line and field, so a store writing
    the products in one transaction writes nothing.
    """
    scratch = _Scratch(table)
    try:
        try:
            for row in table.records():
                sku = cell(table, row, "sku")
                check_sku(sku, file=table.file, line=row.line)
                parent = cell(table, row, "parent_sku")
                scratch.add(sku, row.line, not parent)
                if parent:
                    chosen = {h: v for h, _, _ in options if (v := cell(table, row, h))}
                    scratch.add_variant(parent, row.line, sku, _price(table, row, required=False), _stock(table, row),
                                        chosen)
            scratch.flush()
        except ValidationError as exc:
            # a duplicate on an earlier line is named first
            scratch.skus = [e for e in scratch.skus if e[1] < (exc.line or 0)]
            scratch.variants.clear()
            scratch.flush()
            raise
        scratch.check_parents()
        total = table.lines
        batch: list[tuple[Row, Product]] = []
        done = 0
        for row in table.records(check=False, skip_if="parent_sku"):
            done += 1
            batch.append((row, _product(table, row, options, currency)))
            if len(batch) >= 500:
                yield from _finish(table, options, scratch, batch)
                batch.clear()
                if progress is not None:
                    progress(done, total)
        yield from _finish(table, options, scratch, batch)
        if progress is not None:
            progress(total, total)
    finally:
        scratch.close()


def _product(table: Table, row: Row, options: list[tuple[str, str, set[str]]], currency: str) -> Product:
    name = cell(table, row, "name")
    if not name:
        raise table.error("is missing", row, "name")
    price = _price(table, row, required=True)
    assert price is not None
    groups = tuple(_group(table, row, h, g, flags, cell(table, row, h)) for h, g, flags in options
                   if cell(table, row, h))
    return Product(
        sku=cell(table, row, "sku"), name=name, price_cents=price,
        currency=(cell(table, row, "currency") or currency).upper(),
        aliases=split_list(cell(table, row, "aliases")), description=cell(table, row, "description"),
        category=cell(table, row, "category"), brand=cell(table, row, "brand"),
        tags=split_list(cell(table, row, "tags")),
        active=boolean(table, row, "active", cell(table, row, "active"), True),
        option_groups=groups, stock=_stock(table, row),
    )


def _finish(table: Table, options: list[tuple[str, str, set[str]]], scratch: _Scratch,
            batch: list[tuple[Row, Product]]) -> Iterator[Product]:
    """Attach the noted variant rows to a batch of products, validate and yield them."""
    found = scratch.variants_of([p.sku for _, p in batch])
    for row, product in batch:
        parent = product.sku
        variants: list[Variant] = []
        for line, sku, price, stock, opts_json in found.get(parent, ()):
            vrow = Row(line, {})
            opts: dict[str, str] = json.loads(opts_json)
            chosen: dict[str, str] = {}
            for h, g, _ in options:
                value = opts.get(h, "")
                if not value:
                    continue
                gcode, code = _chosen(table, product.group(slug(g)), parent, g, value, vrow, h)
                chosen[gcode] = code
            if not chosen:
                raise table.error("a variant row must name at least one option value", vrow, "option:")
            variants.append(Variant(sku, chosen, price, stock))
        if variants:
            product = replace(product, variants=tuple(variants))
        validate_product(product, file=table.file, line=row.line)
        yield product
