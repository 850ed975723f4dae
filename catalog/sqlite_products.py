"""Products in the SQLite store: batched writes, and a cache of parsed products for fast reads.

Writes run inside the caller's ``BEGIN IMMEDIATE`` transaction, so a failed import leaves nothing behind.
Reads parse each product's JSON once per catalog version; stock always comes fresh from its columns.
"""

from __future__ import annotations

import functools
import itertools
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from catalog import search as _search
from catalog.errors import ValidationError
from catalog.json_format import group_to_dict, product_from_canonical, product_to_dict
from catalog.models import OptionGroup, Product, Variant

BATCH = 2000
_PRODUCT_COLUMNS = ("name, category, brand, price_cents, min_price_cents, currency, active, stock, n_variants, shop_sku,"
                    " data")


_JSON = json.JSONEncoder(separators=(",", ":"))  # json.dumps(x, separators=...) without a new encoder per call


_STR = json.encoder.encode_basestring_ascii  # what _JSON writes for a text: quoted, escaped, ASCII


def _texts(items: tuple[str, ...]) -> str:
    return f"[{','.join(map(_STR, items))}]" if items else "[]"


class _GroupJson:
    """An option group's JSON as ``_JSON`` writes it, once per group object (importers give the products that
    share an option cell one group object), for the last few thousand groups seen."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self.seen: dict[int, tuple[OptionGroup, str]] = {}  # by id(); the group is kept, so its id stays its own

    def __call__(self, g: OptionGroup) -> str:
        hit = self.seen.get(id(g))
        if hit is not None and hit[0] is g:
            return hit[1]
        text = _JSON.encode(group_to_dict(g))
        if len(self.seen) >= self.size:
            self.seen.clear()
        self.seen[id(g)] = (g, text)
        return text


_group_json = _GroupJson()


def data_json(p: Product) -> str:
    """``p`` as its ``data`` column holds it: ``_JSON.encode(product_to_dict(p, stock=False, variants=False))``
    (stock and variants live in their columns and rows), written piece by piece with each option group's JSON
    made once; a product with a field of another type than its declared one takes the general encoder."""
    if not (type(p.active) is bool and type(p.price_cents) is int and type(p.sku) is str and type(p.name) is str
            and type(p.currency) is str and type(p.description) is str and type(p.category) is str
            and type(p.brand) is str and type(p.shop_sku) is str and type(p.aliases) is tuple
            and type(p.tags) is tuple and all(type(t) is str for t in (*p.aliases, *p.tags))):
        return _JSON.encode(product_to_dict(p, stock=False, variants=False))
    options = f"[{','.join(map(_group_json, p.option_groups))}]" if p.option_groups else "[]"
    return (f'{{"sku":{_STR(p.sku)},"name":{_STR(p.name)},"price_cents":{p.price_cents!r},'
            f'"currency":{_STR(p.currency)},"aliases":{_texts(p.aliases)},"description":{_STR(p.description)},'
            f'"category":{_STR(p.category)},"brand":{_STR(p.brand)},"tags":{_texts(p.tags)},'
            f'"active":{"true" if p.active else "false"},"stock":null,"options":{options},"variants":[]'
            + (f',"shop_sku":{_STR(p.shop_sku)}}}' if p.shop_sku else "}"))


def _values(p: Product) -> tuple[Any, ...]:
    low = p.price_cents
    for v in p.variants:
        if v.price_cents is not None and v.price_cents < low:
            low = v.price_cents
    return (p.name, p.category, p.brand, p.price_cents, low, p.currency, int(p.active), p.stock,
            len(p.variants), p.shop_sku, data_json(p))


@functools.lru_cache(maxsize=4096)
def _options_json(options: tuple[tuple[str, str], ...]) -> str:
    return _JSON.encode(dict(options))


Prepared = tuple[str, tuple[Any, ...], tuple[tuple[Any, ...], ...], _search.IndexEntry, tuple[str, ...]]


def prepare(p: Product) -> Prepared:
    """Everything :func:`write_products` writes for ``p`` but its row id: SKU, column values, variant rows
    (without the product's id), search-index entry and summary keys. It needs no database, so a parallel
    import computes it in the process that reads the file (:meth:`catalog.store.ReadElsewhere.mapped`) and
    this one only inserts."""
    variants = tuple((v.sku, i, _options_json(tuple(v.options.items())), v.price_cents, v.stock, v.shop_sku)
                     for i, v in enumerate(p.variants))
    return p.sku, _values(p), variants, _search.index_entry(p), _search.summary_keys(p)


Batch = tuple[int, list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[str, str, int]],
              dict[str, int], dict[str, int]]


def prepare_batch(products: list[Product], first: int) -> Batch:
    """The rows :func:`write_products` writes for ``products``, numbered as if they were rows ``first``,
    ``first + 1``, ...: ``(first, product rows, variant rows, FTS rows, option-value rows, vocabulary counts,
    summary counts)``. An import into an empty store (numbered from 1) inserts them as they are; otherwise the
    writer gives each its row id. It needs no database, so a parallel import computes it in the process that
    reads the file (:meth:`catalog.store.ReadElsewhere.batched`)."""
    product_rows: list[tuple[Any, ...]] = []
    variant_rows: list[tuple[Any, ...]] = []
    fts_rows: list[tuple[Any, ...]] = []
    option_rows: list[tuple[str, str, int]] = []
    words: list[tuple[str, ...]] = []
    keys: list[tuple[str, ...]] = []
    pid = first
    index_entry, summary_keys = _search.index_entry, _search.summary_keys
    for p in products:  # prepare(p) of each, with its rows built once
        low = p.price_cents
        if p.variants:
            for i, v in enumerate(p.variants):
                if v.price_cents is not None and v.price_cents < low:
                    low = v.price_cents
                variant_rows.append((v.sku, pid, i, _options_json(tuple(v.options.items())), v.price_cents, v.stock,
                                     v.shop_sku))
        product_rows.append((pid, p.sku, p.name, p.category, p.brand, p.price_cents, low, p.currency, int(p.active),
                             p.stock, len(p.variants), p.shop_sku, data_json(p)))
        high, columns, pairs, product_words = index_entry(p)
        fts_rows.append((high | pid, *columns))
        if pairs:
            option_rows.extend([(g, v, pid) for g, v in pairs])
        words.append(product_words)
        keys.append(summary_keys(p))
        pid += 1
    return (first, product_rows, variant_rows, fts_rows, option_rows,
            dict(Counter(itertools.chain.from_iterable(words))), dict(Counter(itertools.chain.from_iterable(keys))))


def _insert_variants(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    try:
        conn.executemany(
            "INSERT INTO variants(sku, product_id, position, options, price_cents, stock, shop_sku) VALUES (?,?,?,?,?,?,?)",
            rows)
    except sqlite3.IntegrityError:
        for sku, pid, *_ in rows:
            owner = conn.execute("SELECT p.sku FROM variants v JOIN products p ON p.id = v.product_id"
                                 " WHERE v.sku = ? AND v.product_id != ?", (sku, pid)).fetchone()
            if owner is not None:
                raise ValidationError(f"{_skus(conn, rows)[pid]}: variant SKU {sku!r} already belongs to product "
                                      f"{owner[0]}", field="variants") from None
        raise


def _insert_products(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    try:
        conn.executemany(f"INSERT INTO products(id, sku, {_PRODUCT_COLUMNS}) VALUES ({','.join('?' * 13)})", rows)
    except sqlite3.IntegrityError:  # only an empty store skips the lookup: a SKU written earlier in this import
        for row in rows:
            if conn.execute("SELECT 1 FROM products WHERE sku = ? AND id != ?", (row[1], row[0])).fetchone():
                raise ValidationError(f"duplicate SKU {row[1]!r} in one import", field="sku") from None
        raise


BULK_CACHE_KIB = 196_608  # page cache while an import writes (the connection's usual cache is 32 MB)
_DEFERRED = ("products", "variants", "option_values")  # tables whose secondary indexes a fresh import builds last


@contextmanager
def bulk_load(conn: sqlite3.Connection) -> Iterator[None]:
    """Settings for one import transaction: a larger page cache, and, when the store is empty, the secondary
    indexes dropped and built once at the end (sorting beats a million B-tree inserts). All inside the
    caller's transaction: a failed import rolls the indexes back with everything else. Durability is
    untouched (WAL, ``synchronous=NORMAL``)."""
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    deferred: list[str] = []
    try:
        if conn.execute("SELECT 1 FROM products LIMIT 1").fetchone() is None:
            marks = ",".join("?" * len(_DEFERRED))
            for name, sql in conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT"
                                          f" NULL AND tbl_name IN ({marks}) ORDER BY name", _DEFERRED).fetchall():
                conn.execute(f'DROP INDEX "{name}"')
                deferred.append(sql)
        yield
        for sql in deferred:
            conn.execute(sql)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(before)}")


def remove_missing(conn: sqlite3.Connection, first_new_id: int, groups: Counter[str]) -> Counter[str]:
    """Delete every product that was in the store before this import (ids below ``first_new_id``) and that
    the import did not write (temp table ``import_kept``); returns vocabulary counts to subtract (and
    subtracts their option groups from ``groups``). Reads the doomed products in chunks, never all at once."""
    terms: Counter[str] = Counter()
    last = 0
    while True:
        gone = conn.execute("SELECT id, data FROM products WHERE id > ? AND id < ? AND id NOT IN"
                            " (SELECT id FROM import_kept) ORDER BY id LIMIT 2000", (last, first_new_id)).fetchall()
        if not gone:
            return terms
        for pid, data in gone:
            old = product_from_canonical(json.loads(data))
            terms.update(_search.unindex_product(conn, pid, old))
            _search.count_product(groups, old, -1)
        conn.executemany("DELETE FROM products WHERE id = ?", [(pid,) for pid, _ in gone])
        last = gone[-1][0]


def write_products(conn: sqlite3.Connection, batches: Iterable[Batch],
                   progress: Callable[[int, int], None] | None = None, *,
                   replace: bool = False, total: int = 0) -> tuple[int, Counter[str], Counter[str]]:
    """Insert or update the products of ``batches`` (:func:`prepare_batch` of consecutive lists of products,
    numbered from 1; any iterable, consumed once, so a million products never sit in memory; ``total``: how
    many, for ``progress``, when known); with ``replace`` delete the products the import did not write. A SKU
    twice in one import is a :class:`ValidationError`. Returns the number written, the vocabulary count changes
    (see ``search.add_terms``) and the summary count changes: option groups, categories, tags
    (``search.add_groups``)."""
    terms: Counter[str] = Counter()
    groups: Counter[str] = Counter()
    first_new = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM products").fetchone()[0])
    next_id = first_new
    empty = first_new == 1
    if not empty:  # products of the store this import rewrote: a second time is a duplicate
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS import_kept(id INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM import_kept")
    done = 0
    for first, product_rows, variant_rows, fts_rows, option_rows, batch_terms, batch_groups in batches:
        if not product_rows:
            continue
        if not (empty and first == next_id):  # the rows' numbers are not their ids: look each SKU up
            product_rows, variant_rows, fts_rows, option_rows = _renumber(
                conn, product_rows, variant_rows, fts_rows, option_rows, first_new, next_id, terms, groups)
        next_id += len(product_rows)
        if product_rows:
            _insert_products(conn, product_rows)
        if variant_rows:
            _insert_variants(conn, variant_rows)
        _search.write_index_rows(conn, fts_rows, option_rows)
        terms.update(batch_terms)
        groups.update(batch_groups)
        done += len(fts_rows)  # one per product, new or updated
        if progress is not None:
            progress(done, max(total, done))
    if replace and not empty:
        terms.subtract(remove_missing(conn, first_new, groups))
    if not empty:
        conn.execute("DELETE FROM import_kept")
    return done, terms, groups


def _skus(conn: sqlite3.Connection, variant_rows: list[tuple[Any, ...]]) -> dict[int, str]:
    """The SKUs of the products of ``variant_rows`` (already written), for an error message."""
    pids = list(dict.fromkeys(r[1] for r in variant_rows))
    out: dict[int, str] = {}
    for i in range(0, len(pids), 500):
        part = pids[i:i + 500]
        out.update(conn.execute(f"SELECT id, sku FROM products WHERE id IN ({','.join('?' * len(part))})", part))
    return out


def _renumber(conn: sqlite3.Connection, product_rows: list[tuple[Any, ...]], variant_rows: list[tuple[Any, ...]],
              fts_rows: list[tuple[Any, ...]], option_rows: list[tuple[str, str, int]], first_new: int, next_id: int,
              terms: Counter[str], groups: Counter[str]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]],
                                                                  list[tuple[Any, ...]], list[tuple[str, str, int]]]:
    """A batch's rows with their row ids: a product the store has (by SKU) is updated in place (its old
    search entries and counts taken away, its variants deleted) and keeps its id, a new one gets the next
    free id; returns the rows of new products, and the variant, FTS and option-value rows of all, renumbered."""
    if len({r[1] for r in product_rows}) != len(product_rows):
        seen: set[str] = set()
        for r in product_rows:
            if r[1] in seen:
                raise ValidationError(f"duplicate SKU {r[1]!r} in one import", field="sku")
            seen.add(r[1])
    existing: dict[str, tuple[int, str]] = {}
    if first_new != 1:
        skus = [r[1] for r in product_rows]
        for i in range(0, len(skus), 500):
            part = skus[i:i + 500]
            existing.update((r[0], (r[1], r[2])) for r in conn.execute(
                f"SELECT sku, id, data FROM products WHERE sku IN ({','.join('?' * len(part))})", part))
    ids: dict[int, int] = {}
    new_rows: list[tuple[Any, ...]] = []
    for number, sku, *values in product_rows:
        if sku in existing:
            pid, old = existing[sku]
            if pid >= first_new or conn.execute("INSERT OR IGNORE INTO import_kept(id) VALUES (?)",
                                                (pid,)).rowcount == 0:
                raise ValidationError(f"duplicate SKU {sku!r} in one import", field="sku")
            was = product_from_canonical(json.loads(old))
            terms.subtract(_search.unindex_product(conn, pid, was))
            _search.count_product(groups, was, -1)
            conn.execute(f"UPDATE products SET ({_PRODUCT_COLUMNS}) = ({','.join('?' * 11)}) WHERE id = ?",
                         (*values, pid))
            conn.execute("DELETE FROM variants WHERE product_id = ?", (pid,))
        else:
            pid, next_id = next_id, next_id + 1
            new_rows.append((pid, sku, *values))
        ids[number] = pid
    mask = _search.PID_MASK
    return (new_rows, [(v[0], ids[v[1]], *v[2:]) for v in variant_rows],
            [((r[0] & ~mask) | ids[r[0] & mask], *r[1:]) for r in fts_rows],
            [(g, v, ids[n]) for g, v, n in option_rows])


class ProductCache:
    """Parsed products (with variants, without stock) by row id, dropped when the catalog version changes."""

    MAX = 50_000

    def __init__(self) -> None:
        self._static: dict[int, Product] = {}
        self._version: str | None = None

    def sync(self, conn: sqlite3.Connection) -> None:
        """Call once per read: forget everything if any connection changed the catalog since."""
        row = conn.execute("SELECT value FROM meta WHERE key = 'catalog_version'").fetchone()
        version = row[0] if row else "0"
        if version != self._version or len(self._static) > self.MAX:
            self._static.clear()
            self._version = version

    def _load(self, conn: sqlite3.Connection, pid: int, data: str) -> Product:
        product = self._static.get(pid)
        if product is None:
            product = product_from_canonical(json.loads(data))
            rows = conn.execute("SELECT sku, options, price_cents, shop_sku FROM variants WHERE product_id = ?"
                                " ORDER BY position", (pid,)).fetchall()
            if rows:
                product = replace(product, variants=tuple(Variant(r[0], json.loads(r[1]), r[2], None, r[3])
                                                          for r in rows))
            self._static[pid] = product
        return product

    def product(self, conn: sqlite3.Connection, pid: int, stock: int | None, data: str) -> Product:
        """The product in row ``pid`` with its current stock (product-level and per variant)."""
        product = self._load(conn, pid, data)
        if product.variants:
            stocks = dict(conn.execute("SELECT sku, stock FROM variants WHERE product_id = ?", (pid,)).fetchall())
            return replace(product, stock=stock,
                           variants=tuple(replace(v, stock=stocks.get(v.sku)) for v in product.variants))
        return product if stock is None else replace(product, stock=stock)

    def many(self, conn: sqlite3.Connection, rows: list[tuple[int, int | None, str]]) -> list[Product]:
        """Like :meth:`product` for many rows, with one stock query for all their variants."""
        statics = [self._load(conn, pid, data) for pid, _, data in rows]
        stocks: dict[str, int | None] = {}
        ids = [pid for (pid, _, _), p in zip(rows, statics, strict=True) if p.variants]
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            stocks.update(conn.execute(f"SELECT sku, stock FROM variants WHERE product_id IN ({','.join('?' * len(part))})",
                                       part).fetchall())
        out: list[Product] = []
        for (_, stock, _), p in zip(rows, statics, strict=True):
            if p.variants:
                p = replace(p, stock=stock, variants=tuple(replace(v, stock=stocks.get(v.sku)) for v in p.variants))
            elif stock is not None:
                p = replace(p, stock=stock)
            out.append(p)
        return out
