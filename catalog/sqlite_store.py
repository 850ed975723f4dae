"""The embedded store: SQLite in WAL mode, implementing :class:`catalog.store.Store`.

One connection per ``SQLiteStore``; calls from several threads are serialised by a lock, and several
stores (threads or processes) on one file are serialised by SQLite itself: every write runs in a
``BEGIN IMMEDIATE`` transaction, so placing an order reads and decrements stock atomically.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Sized
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from catalog import search as _search
from catalog import sqlite_orders as _orders
from catalog import sqlite_products as _products
from catalog.cart import Cart
from catalog.errors import CatalogError
from catalog.json_format import product_from_canonical, shop_from_json, shop_to_json
from catalog.listing import listing_sql
from catalog.models import OptionGroup, Order, OrderStatus, Product, SearchHit, ShopDetails, Term
from catalog.sqlite_bm25 import Bm25
from catalog.sqlite_schema import connect
from catalog.store import ReadElsewhere
from catalog.validate import validate_product

Progress = Callable[[int, int], None]


class SQLiteStore:
    """A catalog with carts' orders in one SQLite file (or ``":memory:"``)."""

    def __init__(self, path: str | Path, *, currency: str = "USD", tax_rate_bp: int = 0):
        self.path = str(path)
        self.currency = currency.upper()
        self.tax_rate_bp = int(tax_rate_bp)
        if self.tax_rate_bp < 0:
            raise CatalogError("tax rate cannot be negative")
        self.display = self.path
        try:
            if self.path != ":memory:" and not self.path.startswith("file:"):
                _create_private(Path(self.path))
            self._conn = connect(self.path, reindex)
        except (sqlite3.Error, OSError) as exc:
            raise CatalogError(f"cannot open the catalog database {self.path}: {plain_error(exc)}") from None
        self._lock = threading.RLock()
        self._vocab = _search.Vocabulary()
        self._bm25 = Bm25()
        self._cache = _products.ProductCache()

    # --- plumbing ---------------------------------------------------------------------------
    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; a disk that is full or read-only becomes a CatalogError saying so, and
        nothing is written (SQLite has already rolled back when it gives up on a full disk)."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                    self._conn.execute("COMMIT")
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise CatalogError(f"cannot write to the catalog database {self.path}: {plain_error(exc)}; "
                                   f"nothing was changed") from None

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise CatalogError(f"cannot read the catalog database {self.path}: {plain_error(exc)}") from None

    def new_cart(self) -> Cart:
        """An empty cart priced in this store's currency and tax rate."""
        return Cart(currency=self.currency, tax_rate_bp=self.tax_rate_bp)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- products ---------------------------------------------------------------------------
    def upsert_products(self, products: Iterable[Product], *, replace: bool = False,
                        progress: Progress | None = None, validate: bool = True, source: str | None = None,
                        shop: ShopDetails | None = None) -> int:
        """See :meth:`catalog.store.Store.upsert_products`; ``progress(done, total)`` is called per batch.
        ``products`` may be any iterable (a streaming importer's generator): it is consumed once, in batches,
        inside the one transaction, so an error raised by the iterable itself also leaves nothing written.
        ``validate=False`` skips re-checking products an importer has just validated."""
        with self._tx() as conn:
            if source and (replace or conn.execute("SELECT 1 FROM products LIMIT 1").fetchone() is None):
                conn.execute("INSERT INTO meta(key, value) VALUES ('catalog_source', ?) ON CONFLICT(key)"
                             " DO UPDATE SET value = excluded.value", (source,))
                if shop:
                    conn.execute("INSERT INTO meta(key, value) VALUES ('shop', ?) ON CONFLICT(key)"
                                 " DO UPDATE SET value = excluded.value", (shop_to_json(shop),))
                else:
                    conn.execute("DELETE FROM meta WHERE key = 'shop'")
            entries: Iterable[_products.Batch]
            if isinstance(products, ReadElsewhere) and not validate:
                entries = products.batched(_products.prepare_batch, _products.BATCH)  # prepared where the file is read
            else:
                entries = _batches(products, validate)
            with _products.bulk_load(conn):
                count, terms, groups = _products.write_products(
                    conn, entries, progress, replace=replace,
                    total=len(products) if isinstance(products, Sized) else 0)
            _search.add_terms(conn, terms)
            _search.add_groups(conn, groups)
            _bump_catalog_version(conn)
        return count

    def import_products(self, products: Iterable[Product], *, replace: bool = False,
                        progress: Progress | None = None, source: str | None = None,
                        shop: ShopDetails | None = None) -> int:
        """See :meth:`catalog.store.Store.import_products`."""
        return self.upsert_products(products, replace=replace, progress=progress, validate=False, source=source,
                                    shop=shop)

    def catalog_source(self) -> str | None:
        with self._read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'catalog_source'").fetchone()
            return None if row is None else str(row[0])

    def shop_details(self) -> ShopDetails | None:
        """See :meth:`catalog.store.Store.shop_details`."""
        with self._read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'shop'").fetchone()
            return None if row is None else shop_from_json(str(row[0]))

    def reindex(self) -> None:
        """Rebuild the search tables from the products (after an upgrade or a manual database edit)."""
        with self._tx() as conn:
            reindex(conn)

    def _product_from_row(self, conn: sqlite3.Connection, pid: int, stock: int | None, data: str) -> Product:
        return self._cache.product(conn, pid, stock, data)

    def get_product(self, sku: str) -> Product | None:
        with self._read() as conn:
            self._cache.sync(conn)
            row = conn.execute("SELECT id, stock, data FROM products WHERE sku = ?", (str(sku).strip(),)).fetchone()
            if row is None:
                row = conn.execute("SELECT p.id, p.stock, p.data FROM variants v JOIN products p ON p.id = v.product_id"
                                   " WHERE v.sku = ?", (str(sku).strip(),)).fetchone()
            if row is None and str(sku).strip():
                row = conn.execute(
                    "SELECT id, stock, data FROM products WHERE shop_sku = ?1 UNION ALL"
                    " SELECT p.id, p.stock, p.data FROM variants v JOIN products p ON p.id = v.product_id"
                    " WHERE v.shop_sku = ?1 ORDER BY 1 LIMIT 1", (str(sku).strip(),)).fetchone()
            return None if row is None else self._product_from_row(conn, *row)

    def products(self, *, category: str | None = None, active_only: bool = True) -> list[Product]:
        sql = "SELECT id, stock, data FROM products WHERE 1=1"
        params: list[Any] = []
        if category is not None:
            sql += " AND category = ? COLLATE NOCASE"
            params.append(category)
        if active_only:
            sql += " AND active = 1"
        with self._read() as conn:
            self._cache.sync(conn)
            return self._cache.many(conn, conn.execute(sql + " ORDER BY category, name, sku", params).fetchall())

    def count_products(self, *, active_only: bool = False) -> int:
        with self._read() as conn:
            if active_only:
                row = conn.execute("SELECT products FROM facets WHERE kind = 'all'").fetchone()
                return 0 if row is None else int(row[0])
            return int(conn.execute("SELECT count(*) FROM products").fetchone()[0])

    def categories(self) -> list[str]:
        with self._read() as conn:
            return [r[0] for r in conn.execute(
                "SELECT value FROM facets WHERE kind = 'category' AND products > 0 ORDER BY value")]

    def stock(self, sku: str, variant_sku: str | None = None) -> int | None:
        with self._read() as conn:
            if variant_sku:
                row = conn.execute("SELECT v.stock FROM variants v JOIN products p ON p.id = v.product_id"
                                   " WHERE v.sku = ? AND p.sku = ?", (variant_sku, sku)).fetchone()
                if row is None:
                    raise CatalogError(f"{sku} has no variant {variant_sku}")
                return None if row[0] is None else int(row[0])
            row = conn.execute("SELECT id, stock, n_variants FROM products WHERE sku = ?", (sku,)).fetchone()
            if row is None:
                from catalog.errors import UnknownProduct

                raise UnknownProduct(sku)
            if row[2]:  # stock lives on the variants: the sum, unlimited if any is
                vs = [r[0] for r in conn.execute("SELECT stock FROM variants WHERE product_id = ?", (row[0],))]
                return None if any(v is None for v in vs) else int(sum(vs))
            return None if row[1] is None else int(row[1])

    def set_stock(self, sku: str, stock: int | None, *, variant_sku: str | None = None) -> None:
        """Set units on hand (None = unlimited) for a product or one of its variants."""
        if stock is not None and (not isinstance(stock, int) or stock < 0):
            raise CatalogError(f"stock must be a whole number, zero or more, not {stock!r}")
        with self._tx() as conn:
            if variant_sku:
                cur = conn.execute("UPDATE variants SET stock = ? WHERE sku = ? AND product_id ="
                                   " (SELECT id FROM products WHERE sku = ?)", (stock, variant_sku, sku))
            else:
                cur = conn.execute("UPDATE products SET stock = ? WHERE sku = ?", (stock, sku))
            if cur.rowcount == 0:
                raise CatalogError(f"no product {sku}{' variant ' + variant_sku if variant_sku else ''}")

    # --- vocabulary lookups -------------------------------------------------------------------
    def catalog_version(self) -> str:
        with self._read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'catalog_version'").fetchone()
            return "0" if row is None else str(row[0])

    def vocabulary(self) -> list[Term]:
        with self._read() as conn:
            return [Term(t, k, int(n)) for t, k, n in conn.execute("SELECT term, phonetic, df FROM search_terms")]

    def option_groups(self, *, limit: int = 5000) -> list[OptionGroup]:
        with self._read() as conn:
            return [_search.group_from_key(k) for (k,) in conn.execute(
                "SELECT key FROM option_groups WHERE products > 0 ORDER BY products DESC, key LIMIT ?",
                (max(0, int(limit)),))]

    def products_named(self, queries: Sequence[Sequence[Sequence[str]]], *, limit: int) -> list[Product]:
        if not any(queries) or limit <= 0:
            return []
        with self._read() as conn:
            self._cache.sync(conn)
            # FTS rows come in row-id order, whose high bits are the name's word count: shortest names first,
            # and the LIMIT stops the scan early however many products share a word
            rows = conn.execute(
                f"SELECT p.id, p.stock, p.data FROM products_fts f JOIN products p ON p.id = (f.rowid & {_search.PID_MASK})"
                f" WHERE products_fts MATCH ? AND p.active = 1 LIMIT {int(limit)}", (_search.name_match(queries),)).fetchall()
            return self._cache.many(conn, rows)

    def products_offering(self, group: str, value: str) -> list[str]:
        with self._read() as conn:
            return [r[0] for r in conn.execute(
                "SELECT p.sku FROM option_values o JOIN products p ON p.id = o.product_id"
                " WHERE o.grp = ? AND o.value = ? AND p.active = 1 ORDER BY p.sku",
                (_search.normalize(group).strip(), _search.normalize(value).strip()))]

    # --- catalog-wide questions, a few rows each --------------------------------------------
    def _facets(self, kind: str) -> list[tuple[str, int]]:
        with self._read() as conn:
            return [(str(v), int(n)) for v, n in conn.execute(
                "SELECT value, products FROM facets WHERE kind = ? AND products > 0 ORDER BY products DESC, value",
                (kind,))]

    def category_counts(self) -> list[tuple[str, int]]:
        return self._facets("category")

    def tag_counts(self) -> list[tuple[str, int]]:
        return self._facets("tag")

    def products_by_price(self, *, limit: int, category: str | None = None, min_price_cents: int | None = None,
                          max_price_cents: int | None = None, descending: bool = False) -> list[Product]:
        sql, params = listing_sql("?", "active = 1", category=category, min_price_cents=min_price_cents,
                                  max_price_cents=max_price_cents)
        order = "DESC" if descending else "ASC"
        with self._read() as conn:
            self._cache.sync(conn)
            rows = conn.execute(f"{sql} ORDER BY price_cents {order}, sku {order} LIMIT ?",
                                (*params, max(0, int(limit)))).fetchall()
            return self._cache.many(conn, rows)

    def products_tagged(self, tag: str, *, limit: int) -> list[Product]:
        limit = max(0, int(limit))
        has_tag = "EXISTS(SELECT 1 FROM json_each(p.data, '$.tags') WHERE value = ?)"
        with self._read() as conn:
            self._cache.sync(conn)
            if conn.execute("SELECT 1 FROM facets WHERE kind = 'tag' AND value = ? AND products > 0",
                            (tag,)).fetchone() is None:
                return []  # no active product has it: nothing to look for
            words = _search.fts_words(tag)
            rows = []
            if words and limit:  # the tag's words in the FTS tags column narrow the rows; the JSON says exactly
                rows = conn.execute(
                    f"SELECT p.id, p.stock, p.data FROM products_fts f JOIN products p ON p.id = (f.rowid & {_search.PID_MASK})"
                    f" WHERE products_fts MATCH ? AND p.active = 1 AND {has_tag} LIMIT ?",
                    (f'tags : "{" ".join(words)}"', tag, limit)).fetchall()
            if not rows and limit:  # a tag the FTS tokenizer splits otherwise: read until found
                rows = conn.execute(f"SELECT p.id, p.stock, p.data FROM products p WHERE p.active = 1 AND {has_tag}"
                                    f" LIMIT ?", (tag, limit)).fetchall()
            return self._cache.many(conn, rows)

    def products_listed(self, *, limit: int, category: str | None = None) -> list[Product]:
        sql, params = listing_sql("?", "active = 1", category=category)
        with self._read() as conn:
            self._cache.sync(conn)
            rows = conn.execute(sql + " ORDER BY active, category, name, sku LIMIT ?",
                                (*params, max(0, int(limit)))).fetchall()
            return self._cache.many(conn, rows)

    # --- search -----------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        category: str | None = None,
        min_price_cents: int | None = None,
        max_price_cents: int | None = None,
        in_stock: bool | None = None,
        options: Mapping[str, str] | None = None,
    ) -> list[SearchHit]:
        limit = max(0, int(limit))
        where, params = _search.filter_sql(category=category, min_price_cents=min_price_cents,
                                           max_price_cents=max_price_cents, in_stock=in_stock, options=options)
        with self._read() as conn:
            self._vocab.refresh(conn)
            self._cache.sync(conn)
            groups = _search.plan(self._vocab, query or "")
            if not groups:
                if _search.tokenize(query or ""):
                    return []  # words, but none the catalog knows
                listed = conn.execute(f"SELECT p.id, p.stock, p.data FROM products p WHERE 1=1 {where}"
                                      f" ORDER BY p.name, p.sku LIMIT {limit}", params).fetchall()
                return [SearchHit(p, 0.0) for p in self._cache.many(conn, listed)]
            self._bm25.sync(conn, self._vocab.version or "0")
            found = _search.candidates(conn, self._vocab, groups, where, params, want=max(limit, 10), bm25=self._bm25)
            ranked = _search.rank(self._vocab, groups, found)[:limit]
            if not ranked:
                return []
            ids = [c.pid for _, c in ranked]
            by_id = {r[0]: r for r in conn.execute(
                f"SELECT id, stock, data FROM products WHERE id IN ({','.join('?' * len(ids))})", ids)}
            products = self._cache.many(conn, [by_id[i] for i in ids])
            return [SearchHit(p, score) for p, (score, _) in zip(products, ranked, strict=True)]

    # --- orders -----------------------------------------------------------------------------
    def place_order(self, cart: Cart, *, customer: str, idempotency_key: str,
                    metadata: Mapping[str, str] | None = None) -> Order:
        with self._tx() as conn:
            return _orders.place(conn, cart, customer=customer, idempotency_key=idempotency_key, metadata=metadata)

    def get_order(self, number: str) -> Order | None:
        with self._read() as conn:
            return _orders.read_order(conn, str(number).strip())

    def orders(self, *, status: OrderStatus | None = None, customer: str | None = None,
               limit: int = 50) -> Sequence[Order]:
        with self._read() as conn:
            return _orders.list_orders(conn, status=status, customer=customer, limit=limit)

    def set_status(self, number: str, status: OrderStatus, *, note: str = "") -> Order:
        with self._tx() as conn:
            return _orders.set_status(conn, str(number).strip(), status, note)

    def cancel_order(self, number: str, *, note: str = "") -> Order:
        with self._tx() as conn:
            return _orders.cancel(conn, str(number).strip(), note)


def _batches(products: Iterable[Product], validate: bool) -> Iterator[_products.Batch]:
    """:func:`catalog.sqlite_products.prepare_batch` of ``products`` in lists of ``BATCH`` (each validated
    first, when asked: a bad product stops the import before its list is written)."""
    iterator = iter(products)
    first = 1
    while chunk := list(itertools.islice(iterator, _products.BATCH)):
        if validate:
            for product in chunk:
                validate_product(product)
        yield _products.prepare_batch(chunk, first)
        first += len(chunk)


def _create_private(path: Path) -> None:
    """Create the database's folder (0700) and file (0600) when they do not exist yet: orders hold
    customers' references. Existing folders and files keep the permissions their owner gave them."""
    folder = path.parent
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)


def plain_error(exc: BaseException) -> str:
    """A database or file-system failure said plainly (full disk, read-only disk, no permission)."""
    text = str(exc)
    low = text.lower()
    errno = getattr(exc, "errno", None)
    if "full" in low or errno == 28:
        return "the disk is full"
    if "readonly" in low or "read-only" in low or errno == 30:
        return "the disk or file is read-only"
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror} ({exc.filename})" if exc.filename else exc.strerror
    if "unable to open" in low:
        return "the file cannot be opened (missing folder or no permission)"
    return text


def _bump_catalog_version(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES ('catalog_version', '1') ON CONFLICT(key)"
                 " DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)")


def reindex(conn: sqlite3.Connection) -> None:
    """Rebuild FTS, option values and vocabulary from the products table (inside a transaction)."""
    conn.execute("DELETE FROM products_fts")
    conn.execute("DELETE FROM option_values")
    conn.execute("DELETE FROM search_terms")
    conn.execute("DELETE FROM option_groups")
    conn.execute("DELETE FROM facets")
    terms: Counter[str] = Counter()
    groups: Counter[str] = Counter()
    last = 0
    while True:  # in chunks: a million products are never all in memory
        rows = conn.execute("SELECT id, data FROM products WHERE id > ? ORDER BY id LIMIT 2000", (last,)).fetchall()
        if not rows:
            break
        batch = [(pid, product_from_canonical(json.loads(d))) for pid, d in rows]
        terms.update(_search.index_products(conn, batch))
        for _, p in batch:
            _search.count_product(groups, p)
        last = rows[-1][0]
    _search.add_terms(conn, terms)
    _search.add_groups(conn, groups)
    _bump_catalog_version(conn)
