"""The PostgreSQL store (psycopg 3), implementing :class:`catalog.store.Store` with SQLite's guarantees.

Chosen by ``database = "postgresql://user@host/db"``. Its tables live in their own schema (``voicecart``) so
they never meet a shop's other tables. Guarantees, as with SQLite:

* **No oversell**, whatever the number of processes or hosts: placing an order locks the stock rows it
  draws from (``SELECT ... FOR UPDATE``, in a fixed order so two orders cannot deadlock), checks and
  decrements them in one transaction.
* **Idempotent placement**: a transaction-scoped advisory lock on the idempotency key serialises two
  placements with the same key; the second finds the first's order and returns it.
* **Atomic import**: a whole import is one transaction.

Search: the same word correction and ranking as the SQLite store (:mod:`catalog.search`), with candidates
from PostgreSQL full-text search (``tsvector`` over names and aliases, weighted above the other fields)
and, for words the catalog does not know, ``pg_trgm`` similarity on the names.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Sized
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from catalog import search as _search
from catalog.cart import Cart
from catalog.errors import (
    CatalogError,
    EmptyCart,
    OutOfStock,
    UnknownOrder,
    UnknownProduct,
    ValidationError,
)
from catalog.json_format import product_from_canonical, product_to_dict, shop_from_json, shop_to_json
from catalog.listing import listing_sql
from catalog.models import (
    OptionGroup,
    Order,
    OrderStatus,
    Product,
    SearchHit,
    ShopDetails,
    StatusChange,
    Term,
    Variant,
)
from catalog.order_rules import (
    check_cancellable,
    check_move,
    line_from_dict,
    line_to_dict,
    now_iso,
    number_candidates,
    status_asked,
)
from catalog.validate import validate_product

Progress = Callable[[int, int], None]
SCHEMA = "voicecart"
SCHEMA_VERSION = 3  # 2: option_groups; 3: facets, price and listing indexes
_LOCK_SCHEMA = 7_431_000_001  # advisory lock key while creating the schema

DDL = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE IF NOT EXISTS {SCHEMA}.meta(key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS {SCHEMA}.products(
    id bigserial PRIMARY KEY,
    sku text NOT NULL UNIQUE,
    name text NOT NULL,
    category text NOT NULL DEFAULT '',
    brand text NOT NULL DEFAULT '',
    price_cents bigint NOT NULL,
    min_price_cents bigint NOT NULL,
    currency text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    stock bigint,
    n_variants integer NOT NULL DEFAULT 0,
    shop_sku text NOT NULL DEFAULT '',
    name_words integer NOT NULL DEFAULT 1,
    names text NOT NULL,          -- name and aliases, ' | ' separated (for ranking)
    other text NOT NULL,          -- tags, category, brand, option values (for ranking)
    name_terms text NOT NULL,     -- the words of names, other fields and description as search.tokenize
    other_terms text NOT NULL,    --   makes them (lower case, accents removed), so the index and the
    description_terms text NOT NULL,  -- vocabulary agree on every word
    data jsonb NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', name_terms), 'A') || setweight(to_tsvector('simple', other_terms), 'B')
        || setweight(to_tsvector('simple', description_terms), 'D')) STORED
);
CREATE INDEX IF NOT EXISTS products_tsv ON {SCHEMA}.products USING gin(tsv);
CREATE INDEX IF NOT EXISTS products_names_trgm ON {SCHEMA}.products USING gin(name_terms gin_trgm_ops);
CREATE INDEX IF NOT EXISTS products_category ON {SCHEMA}.products(lower(category), sku);
CREATE INDEX IF NOT EXISTS products_price ON {SCHEMA}.products(min_price_cents);
CREATE INDEX IF NOT EXISTS products_shop_sku ON {SCHEMA}.products(shop_sku) WHERE shop_sku <> '';
CREATE INDEX IF NOT EXISTS products_by_price ON {SCHEMA}.products(price_cents, sku) WHERE active;
CREATE INDEX IF NOT EXISTS products_category_by_price ON {SCHEMA}.products(category, price_cents, sku) WHERE active;
CREATE INDEX IF NOT EXISTS products_listing ON {SCHEMA}.products(category, name, sku) WHERE active;
CREATE TABLE IF NOT EXISTS {SCHEMA}.variants(
    sku text PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES {SCHEMA}.products(id) ON DELETE CASCADE,
    position integer NOT NULL,
    options jsonb NOT NULL,
    price_cents bigint,
    stock bigint,
    shop_sku text NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS variants_product ON {SCHEMA}.variants(product_id, position);
CREATE INDEX IF NOT EXISTS variants_shop_sku ON {SCHEMA}.variants(shop_sku) WHERE shop_sku <> '';
CREATE TABLE IF NOT EXISTS {SCHEMA}.option_values(
    grp text NOT NULL, value text NOT NULL,
    product_id bigint NOT NULL REFERENCES {SCHEMA}.products(id) ON DELETE CASCADE,
    PRIMARY KEY(grp, value, product_id)
);
CREATE INDEX IF NOT EXISTS option_values_product ON {SCHEMA}.option_values(product_id);
CREATE TABLE IF NOT EXISTS {SCHEMA}.search_terms(
    term text PRIMARY KEY, phonetic text NOT NULL, df integer NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS {SCHEMA}.option_groups(
    key text PRIMARY KEY, code text NOT NULL, products integer NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS {SCHEMA}.facets(
    kind text NOT NULL, value text NOT NULL, products integer NOT NULL DEFAULT 0, PRIMARY KEY(kind, value)
);
CREATE TABLE IF NOT EXISTS {SCHEMA}.orders(
    number text PRIMARY KEY,
    idempotency_key text NOT NULL UNIQUE,
    customer text NOT NULL,
    status text NOT NULL,
    subtotal_cents bigint NOT NULL,
    tax_cents bigint NOT NULL,
    total_cents bigint NOT NULL,
    currency text NOT NULL,
    created_at text NOT NULL,
    lines jsonb NOT NULL,
    metadata jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_status ON {SCHEMA}.orders(status, created_at);
CREATE INDEX IF NOT EXISTS orders_created ON {SCHEMA}.orders(created_at);
CREATE TABLE IF NOT EXISTS {SCHEMA}.order_history(
    id bigserial PRIMARY KEY,
    number text NOT NULL REFERENCES {SCHEMA}.orders(number),
    status text NOT NULL,
    at text NOT NULL,
    note text NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS order_history_number ON {SCHEMA}.order_history(number, id);
"""

_STOCK_SQL = ("(CASE WHEN p.n_variants = 0 THEN (p.stock IS NULL OR p.stock > 0) ELSE EXISTS("
              "SELECT 1 FROM variants v WHERE v.product_id = p.id AND (v.stock IS NULL OR v.stock > 0)) END)")
_COLUMNS = ("name, category, brand, price_cents, min_price_cents, currency, active, stock, n_variants, shop_sku,"
            " name_words, names, other, name_terms, other_terms, description_terms, data")


def _connect_error(url: str, exc: BaseException) -> CatalogError:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    where = f"{parts.hostname or 'local socket'}{':' + str(parts.port) if parts.port else ''}{parts.path}"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return CatalogError(f"cannot use the PostgreSQL database {where}: {text}")


class PostgresStore:
    """A catalog with its orders in PostgreSQL; one connection per store, calls serialised by a lock."""

    def __init__(self, url: str, *, currency: str = "USD", tax_rate_bp: int = 0):
        try:
            import psycopg
        except ImportError:
            raise CatalogError("a postgresql:// database needs psycopg: pip install 'voicecart[postgres]'") from None
        self._psycopg = psycopg
        self.url = url
        self.currency = currency.upper()
        self.tax_rate_bp = int(tax_rate_bp)
        if self.tax_rate_bp < 0:
            raise CatalogError("tax rate cannot be negative")
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        self.display = url.replace(f":{parts.password}@", ":***@", 1) if parts.password else url
        try:
            self._conn = psycopg.connect(url, autocommit=True, options=f"-c search_path={SCHEMA},public",
                                         connect_timeout=10)
        except psycopg.Error as exc:
            raise _connect_error(url, exc) from None
        self._lock = threading.RLock()
        self._vocab = _search.Vocabulary()
        try:
            self._create_schema()
        except psycopg.Error as exc:
            self._conn.close()
            raise _connect_error(url, exc) from None

    def _create_schema(self) -> None:
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_SCHEMA,))
            exists = self._conn.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.meta",)).fetchone()
            old = SCHEMA_VERSION
            if exists is not None and exists[0] is not None:
                row = self._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                if row is not None and int(row[0]) > SCHEMA_VERSION:
                    raise CatalogError(f"{self.display} was written by a newer voicecart (schema {row[0]})")
                old = int(row[0]) if row is not None else SCHEMA_VERSION
            for statement in DDL.split(";\n"):
                if statement.strip():
                    self._conn.execute(statement)
            if old < 3:  # option_groups (2) and facets (3) are new: fill them from the products, a chunk at a time
                groups: Counter[str] = Counter()
                last = 0
                while rows := self._conn.execute("SELECT id, data FROM products WHERE id > %s ORDER BY id LIMIT 2000",
                                                 (last,)).fetchall():
                    for _, data in rows:
                        _search.count_product(groups, product_from_canonical(data))
                    last = rows[-1][0]
                if old >= 2:
                    groups = Counter({k: n for k, n in groups.items() if not k.startswith("{")})  # groups are there
                _add_groups(self._conn, groups)
            self._conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', %s) ON CONFLICT (key) DO "
                               "UPDATE SET value = excluded.value", (str(SCHEMA_VERSION),))

    # --- plumbing ---------------------------------------------------------------------------
    @contextmanager
    def _tx(self) -> Iterator[Any]:
        with self._lock:
            try:
                with self._conn.transaction():
                    yield self._conn
            except self._psycopg.errors.DiskFull:
                raise CatalogError(f"cannot write to {self.display}: the database server's disk is full; "
                                   f"nothing was changed") from None
            except self._psycopg.errors.ReadOnlySqlTransaction:
                raise CatalogError(f"cannot write to {self.display}: the database is read-only (a standby?); "
                                   f"nothing was changed") from None
            except self._psycopg.OperationalError as exc:
                raise _connect_error(self.url, exc) from None

    @contextmanager
    def _read(self) -> Iterator[Any]:
        with self._lock:
            try:
                yield self._conn
            except self._psycopg.OperationalError as exc:
                raise _connect_error(self.url, exc) from None

    def new_cart(self) -> Cart:
        return Cart(currency=self.currency, tax_rate_bp=self.tax_rate_bp)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- products ---------------------------------------------------------------------------
    def upsert_products(self, products: Iterable[Product], *, replace: bool = False,
                        progress: Progress | None = None, validate: bool = True, source: str | None = None,
                        shop: ShopDetails | None = None) -> int:
        """See :meth:`catalog.store.Store.upsert_products`: ``products`` may be a streaming importer's
        generator; it is consumed once, 1,000 at a time, inside the one transaction (with ``replace``, the
        products it did not name are deleted at the end, as in the SQLite store)."""
        seen: set[str] = set()
        total = len(products) if isinstance(products, Sized) else 0
        iterator = iter(products)
        done = 0
        with self._tx() as conn:
            conn.execute("LOCK TABLE products IN SHARE ROW EXCLUSIVE MODE")  # one import at a time
            if source and (replace or conn.execute("SELECT 1 FROM products LIMIT 1").fetchone() is None):
                _set_meta(conn, "catalog_source", source)
                if shop:
                    _set_meta(conn, "shop", shop_to_json(shop))
                else:
                    conn.execute("DELETE FROM meta WHERE key = 'shop'")
            terms: Counter[str] = Counter()
            groups: Counter[str] = Counter()
            if replace:
                conn.execute("CREATE TEMP TABLE IF NOT EXISTS keep_skus(sku text PRIMARY KEY) ON COMMIT DROP")
            while chunk := list(itertools.islice(iterator, 1000)):
                for p in chunk:
                    if validate:
                        validate_product(p)
                    if p.sku in seen:
                        raise ValidationError(f"duplicate SKU {p.sku!r} in one import", field="sku")
                    seen.add(p.sku)
                if replace:
                    with conn.cursor().copy("COPY keep_skus(sku) FROM STDIN") as copy:
                        for p in chunk:
                            copy.write_row((p.sku,))
                old = dict(conn.execute("SELECT sku, data FROM products WHERE sku = ANY(%s)",
                                        ([p.sku for p in chunk],)).fetchall())
                for data in old.values():
                    was = product_from_canonical(data)
                    terms.subtract(_search.product_terms(was))
                    _search.count_product(groups, was, -1)
                cur = conn.cursor()
                cur.executemany(
                    f"INSERT INTO products(sku, {_COLUMNS}) VALUES (%s, {', '.join(['%s'] * 17)})"
                    f" ON CONFLICT (sku) DO UPDATE SET ({_COLUMNS}) = ({', '.join('excluded.' + c.strip() for c in _COLUMNS.split(','))})",
                    [(p.sku, *_values(p)) for p in chunk])
                ids = dict(conn.execute("SELECT sku, id FROM products WHERE sku = ANY(%s)",
                                        ([p.sku for p in chunk],)).fetchall())
                pids = list(ids.values())
                conn.execute("DELETE FROM variants WHERE product_id = ANY(%s)", (pids,))
                conn.execute("DELETE FROM option_values WHERE product_id = ANY(%s)", (pids,))
                variant_rows = [(v.sku, ids[p.sku], i, json.dumps(dict(v.options)), v.price_cents, v.stock, v.shop_sku)
                                for p in chunk for i, v in enumerate(p.variants)]
                if variant_rows:
                    try:
                        with conn.transaction():
                            cur.executemany("INSERT INTO variants(sku, product_id, position, options, price_cents,"
                                            " stock, shop_sku) VALUES (%s, %s, %s, %s, %s, %s, %s)", variant_rows)
                    except self._psycopg.errors.UniqueViolation:
                        for sku, pid, *_ in variant_rows:
                            owner = conn.execute("SELECT p.sku FROM variants v JOIN products p ON p.id = v.product_id"
                                                 " WHERE v.sku = %s AND v.product_id <> %s", (sku, pid)).fetchone()
                            if owner is not None:
                                name = next(p.sku for p in chunk if ids[p.sku] == pid)
                                raise ValidationError(f"{name}: variant SKU {sku!r} already belongs to product "
                                                      f"{owner[0]}", field="variants") from None
                        raise
                option_rows = {(g, v, ids[p.sku]) for p in chunk for g, v in _option_pairs(p)}
                if option_rows:
                    cur.executemany("INSERT INTO option_values(grp, value, product_id) VALUES (%s, %s, %s)",
                                    sorted(option_rows))
                for p in chunk:
                    terms.update(_search.product_terms(p))
                    _search.count_product(groups, p)
                done += len(chunk)
                if progress is not None:
                    progress(done, max(total, done))
            if replace:
                for (data,) in conn.execute("DELETE FROM products WHERE sku NOT IN (SELECT sku FROM keep_skus)"
                                            " RETURNING data").fetchall():
                    gone = product_from_canonical(data)
                    terms.subtract(_search.product_terms(gone))
                    _search.count_product(groups, gone, -1)
            _add_terms(conn, terms)
            _add_groups(conn, groups)
            conn.execute("INSERT INTO meta(key, value) VALUES ('catalog_version', '1') ON CONFLICT (key)"
                         " DO UPDATE SET value = (meta.value::bigint + 1)::text")
        return done

    def import_products(self, products: Iterable[Product], *, replace: bool = False,
                        progress: Progress | None = None, source: str | None = None,
                        shop: ShopDetails | None = None) -> int:
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

    def count_products(self, *, active_only: bool = False) -> int:
        with self._read() as conn:
            if active_only:
                row = conn.execute("SELECT products FROM facets WHERE kind = 'all'").fetchone()
                return 0 if row is None else int(row[0])
            return int(conn.execute("SELECT count(*) FROM products").fetchone()[0])

    def _products(self, conn: Any, rows: list[tuple[Any, ...]]) -> list[Product]:
        """Rows (id, stock, data) as products with their variants and current stock."""
        ids = [r[0] for r in rows]
        variants: dict[int, list[Variant]] = {}
        if ids:
            for pid, sku, options, price, stock, shop_sku in conn.execute(
                    "SELECT product_id, sku, options, price_cents, stock, shop_sku FROM variants"
                    " WHERE product_id = ANY(%s) ORDER BY product_id, position", (ids,)):
                variants.setdefault(pid, []).append(Variant(sku, options, price, stock, shop_sku))
        out = []
        for pid, stock, data in rows:
            p = product_from_canonical(data)
            out.append(replace(p, stock=stock, variants=tuple(variants.get(pid, ()))))
        return out

    def get_product(self, sku: str) -> Product | None:
        key = str(sku).strip()
        with self._read() as conn:
            row = conn.execute("SELECT id, stock, data FROM products WHERE sku = %s", (key,)).fetchone()
            if row is None:
                row = conn.execute("SELECT p.id, p.stock, p.data FROM variants v JOIN products p ON p.id = v.product_id"
                                   " WHERE v.sku = %s", (key,)).fetchone()
            if row is None and key:
                row = conn.execute(
                    "SELECT id, stock, data FROM products WHERE shop_sku = %(k)s UNION ALL"
                    " SELECT p.id, p.stock, p.data FROM variants v JOIN products p ON p.id = v.product_id"
                    " WHERE v.shop_sku = %(k)s ORDER BY 1 LIMIT 1", {"k": key}).fetchone()
            return None if row is None else self._products(conn, [row])[0]

    def products(self, *, category: str | None = None, active_only: bool = True) -> list[Product]:
        sql = "SELECT id, stock, data FROM products WHERE true"
        params: list[Any] = []
        if category is not None:
            sql += " AND lower(category) = lower(%s)"
            params.append(category)
        if active_only:
            sql += " AND active"
        with self._read() as conn:
            return self._products(conn, conn.execute(sql + " ORDER BY category, name, sku", params).fetchall())

    def categories(self) -> list[str]:
        with self._read() as conn:
            return [r[0] for r in conn.execute(
                "SELECT value FROM facets WHERE kind = 'category' AND products > 0 ORDER BY value")]

    def stock(self, sku: str, variant_sku: str | None = None) -> int | None:
        with self._read() as conn:
            if variant_sku:
                row = conn.execute("SELECT v.stock FROM variants v JOIN products p ON p.id = v.product_id"
                                   " WHERE v.sku = %s AND p.sku = %s", (variant_sku, sku)).fetchone()
                if row is None:
                    raise CatalogError(f"{sku} has no variant {variant_sku}")
                return None if row[0] is None else int(row[0])
            row = conn.execute("SELECT id, stock, n_variants FROM products WHERE sku = %s", (sku,)).fetchone()
            if row is None:
                raise UnknownProduct(sku)
            if row[2]:
                vs = [r[0] for r in conn.execute("SELECT stock FROM variants WHERE product_id = %s", (row[0],))]
                return None if any(v is None for v in vs) else int(sum(vs))
            return None if row[1] is None else int(row[1])

    def set_stock(self, sku: str, stock: int | None, *, variant_sku: str | None = None) -> None:
        if stock is not None and (not isinstance(stock, int) or stock < 0):
            raise CatalogError(f"stock must be a whole number, zero or more, not {stock!r}")
        with self._tx() as conn:
            if variant_sku:
                cur = conn.execute("UPDATE variants SET stock = %s WHERE sku = %s AND product_id ="
                                   " (SELECT id FROM products WHERE sku = %s)", (stock, variant_sku, sku))
            else:
                cur = conn.execute("UPDATE products SET stock = %s WHERE sku = %s", (stock, sku))
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
                "SELECT key FROM option_groups WHERE products > 0 ORDER BY products DESC, key COLLATE \"C\" LIMIT %s",
                (max(0, int(limit)),))]

    def products_named(self, queries: Sequence[Sequence[Sequence[str]]], *, limit: int) -> list[Product]:
        def word(alts: Sequence[str]) -> str:
            return "(" + " | ".join("'" + a.replace("'", "").replace("\\", "") + "':A" for a in sorted(set(alts))) + ")"

        parts = ["(" + " & ".join(word(w) for w in q) + ")" for q in queries if q]
        if not parts or limit <= 0:
            return []
        with self._read() as conn:
            rows = conn.execute("SELECT id, stock, data FROM products p WHERE p.tsv @@ to_tsquery('simple', %s)"
                                " AND p.active ORDER BY p.name_words, p.id LIMIT %s",
                                (" | ".join(parts), int(limit))).fetchall()
            return self._products(conn, rows)

    def products_offering(self, group: str, value: str) -> list[str]:
        with self._read() as conn:
            return [r[0] for r in conn.execute(
                "SELECT p.sku FROM option_values o JOIN products p ON p.id = o.product_id"
                " WHERE o.grp = %s AND o.value = %s AND p.active ORDER BY p.sku COLLATE \"C\"",
                (_search.normalize(group).strip(), _search.normalize(value).strip()))]

    # --- catalog-wide questions, a few rows each --------------------------------------------
    def _facets(self, kind: str) -> list[tuple[str, int]]:
        with self._read() as conn:
            return [(str(v), int(n)) for v, n in conn.execute(
                "SELECT value, products FROM facets WHERE kind = %s AND products > 0"
                " ORDER BY products DESC, value COLLATE \"C\"", (kind,))]

    def category_counts(self) -> list[tuple[str, int]]:
        return self._facets("category")

    def tag_counts(self) -> list[tuple[str, int]]:
        return self._facets("tag")

    def products_by_price(self, *, limit: int, category: str | None = None, min_price_cents: int | None = None,
                          max_price_cents: int | None = None, descending: bool = False) -> list[Product]:
        sql, params = listing_sql("%s", "active", category=category, min_price_cents=min_price_cents,
                                  max_price_cents=max_price_cents)
        order = "DESC" if descending else "ASC"
        with self._read() as conn:
            rows = conn.execute(f"{sql} ORDER BY price_cents {order}, sku {order} LIMIT %s",
                                (*params, max(0, int(limit)))).fetchall()
            return self._products(conn, rows)

    def products_tagged(self, tag: str, *, limit: int) -> list[Product]:
        limit = max(0, int(limit))
        with self._read() as conn:
            if not limit or conn.execute("SELECT 1 FROM facets WHERE kind = 'tag' AND value = %s AND products > 0",
                                         (tag,)).fetchone() is None:
                return []  # no active product has it: nothing to look for
            words = _search.tokenize(tag)
            rows = []
            if words:  # the tag's words among the other fields' (weight B) narrow the rows; the JSON says exactly
                rows = conn.execute("SELECT id, stock, data FROM products p WHERE p.tsv @@ to_tsquery('simple', %s)"
                                    " AND p.active AND p.data->'tags' ? %s LIMIT %s",
                                    (" & ".join(f"'{w}':B" for w in words), tag, limit)).fetchall()
            if not rows:
                rows = conn.execute("SELECT id, stock, data FROM products p WHERE p.active AND p.data->'tags' ? %s"
                                    " LIMIT %s", (tag, limit)).fetchall()
            return self._products(conn, rows)

    def products_listed(self, *, limit: int, category: str | None = None) -> list[Product]:
        sql, params = listing_sql("%s", "active", category=category)
        with self._read() as conn:
            rows = conn.execute(sql + " ORDER BY category, name, sku LIMIT %s",
                                (*params, max(0, int(limit)))).fetchall()
            return self._products(conn, rows)

    # --- search -----------------------------------------------------------------------------
    def _refresh_vocabulary(self, conn: Any) -> None:
        row = conn.execute("SELECT value FROM meta WHERE key = 'catalog_version'").fetchone()
        version = row[0] if row else "0"
        if version != self._vocab.version:
            rows = conn.execute("SELECT term, phonetic, df FROM search_terms ORDER BY term COLLATE \"C\"").fetchall()
            self._vocab.load(version, rows, int(conn.execute("SELECT count(*) FROM products").fetchone()[0]))

    def search(self, query: str, *, limit: int = 10, category: str | None = None,
               min_price_cents: int | None = None, max_price_cents: int | None = None,
               in_stock: bool | None = None, options: Mapping[str, str] | None = None) -> list[SearchHit]:
        limit = max(0, int(limit))
        where, params = _filters(category, min_price_cents, max_price_cents, in_stock, options)
        with self._read() as conn:
            self._refresh_vocabulary(conn)
            groups = _search.plan(self._vocab, query or "")
            if not groups:
                if _search.tokenize(query or ""):
                    return []
                rows = conn.execute(f"SELECT p.id, p.stock, p.data FROM products p WHERE true {where}"
                                    f" ORDER BY p.name, p.sku LIMIT {limit}", params).fetchall()
                return [SearchHit(p, 0.0) for p in self._products(conn, rows)]
            found = self._candidates(conn, groups, query, where, params, want=max(limit, 10))
            ranked = _search.rank(self._vocab, groups, found)[:limit]
            if not ranked:
                return []
            ids = [c.pid for _, c in ranked]
            by_id = {r[0]: r for r in conn.execute("SELECT id, stock, data FROM products WHERE id = ANY(%s)",
                                                   (ids,)).fetchall()}
            products = self._products(conn, [by_id[i] for i in ids])
            return [SearchHit(p, score) for p, (score, _) in zip(products, ranked, strict=True)]

    def _candidates(self, conn: Any, groups: list[_search.Group], query: str, where: str, params: list[Any],
                    want: int) -> list[_search.Candidate]:
        """Products with all the words (each word or its corrections) in names, then anywhere, then with
        fewer words (the commonest dropped first); plus names that are trigram-similar to the query."""
        by_rarity = sorted(groups, key=lambda g: (-self._vocab.idf(g), g[0][0]))
        found: dict[int, _search.Candidate] = {}
        sql = ("SELECT p.id, p.sku, p.names, p.other, ts_rank(p.tsv, q, 1) FROM products p, to_tsquery('simple', %s) q"
               f" WHERE p.tsv @@ q {where} ORDER BY p.name_words, ts_rank(p.tsv, q, 1) DESC, p.sku"
               f" LIMIT {_search.CAP}")

        def add(rows: list[tuple[Any, ...]]) -> None:
            for pid, sku, names, other, rank in rows:
                if pid not in found:
                    found[pid] = _search.Candidate(pid, sku, tuple(n for n in names.split(" | ") if n), other,
                                                   float(rank))

        for k in range(len(by_rarity), 0, -1):
            for weight in ("A", None):
                add(conn.execute(sql, [_tsquery(by_rarity[:k], weight), *params]).fetchall())
                if len(found) >= want:
                    return list(found.values())
        text = " ".join(_search.tokenize(query))
        if text:
            add(conn.execute(
                f"SELECT p.id, p.sku, p.names, p.other, word_similarity(%s, p.name_terms) FROM products p"
                f" WHERE %s <%% p.name_terms {where} ORDER BY word_similarity(%s, p.name_terms) DESC, p.sku"
                f" LIMIT {_search.CAP}",
                [text, text, *params, text]).fetchall())
        return list(found.values())

    # --- orders -----------------------------------------------------------------------------
    def place_order(self, cart: Cart, *, customer: str, idempotency_key: str,
                    metadata: Mapping[str, str] | None = None) -> Order:
        if not idempotency_key:
            raise CatalogError("an order needs an idempotency key (any text unique to this checkout)")
        with self._tx() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (idempotency_key,))
            existing = conn.execute("SELECT number FROM orders WHERE idempotency_key = %s",
                                    (idempotency_key,)).fetchone()
            if existing is not None:
                order = _read_order(conn, existing[0])
                assert order is not None
                return order
            if cart.is_empty():
                raise EmptyCart()
            need: dict[tuple[str, str], int] = {}
            names: dict[tuple[str, str], str] = {}
            for line in cart.lines:
                prow = conn.execute("SELECT id, active, name, n_variants FROM products WHERE sku = %s",
                                    (line.sku,)).fetchone()
                if prow is None:
                    raise UnknownProduct(line.sku)
                if not prow[1]:
                    raise CatalogError(f"{prow[2]} ({line.sku}) is not for sale right now")
                if prow[3] and not line.variant_sku:
                    raise OutOfStock(line.sku, line.name, 0)
                key = ("variants", line.variant_sku) if line.variant_sku else ("products", line.sku)
                need[key] = need.get(key, 0) + line.quantity
                names[key] = line.name
            stocks: dict[tuple[str, str], int | None] = {}
            for table, sku in sorted(need):  # a fixed lock order: no deadlocks between two orders
                if table == "variants":
                    row = conn.execute("SELECT v.stock FROM variants v JOIN products p ON p.id = v.product_id"
                                       " WHERE v.sku = %s FOR UPDATE OF v", (sku,)).fetchone()
                    if row is None:
                        raise UnknownProduct(sku)
                else:
                    row = conn.execute("SELECT stock FROM products WHERE sku = %s FOR UPDATE", (sku,)).fetchone()
                stocks[(table, sku)] = row[0]
            for key, qty in need.items():
                stock = stocks[key]
                if stock is not None and stock < qty:
                    raise OutOfStock(key[1], names[key], int(stock))
            for (table, sku), qty in need.items():
                if stocks[(table, sku)] is not None:
                    conn.execute(f"UPDATE {table} SET stock = stock - %s WHERE sku = %s", (qty, sku))
            created = now_iso()
            number = None
            for candidate in number_candidates():
                inserted = conn.execute(
                    "INSERT INTO orders(number, idempotency_key, customer, status, subtotal_cents, tax_cents,"
                    " total_cents, currency, created_at, lines, metadata) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)"
                    " ON CONFLICT (number) DO NOTHING RETURNING number",
                    (candidate, idempotency_key, customer, OrderStatus.PLACED.value, cart.subtotal_cents,
                     cart.tax_cents, cart.total_cents, cart.currency, created,
                     json.dumps([line_to_dict(x) for x in cart.lines]), json.dumps(dict(metadata or {})))
                ).fetchone()
                if inserted is not None:
                    number = candidate
                    break
            if number is None:  # pragma: no cover
                raise CatalogError("could not find a free order number")
            conn.execute("INSERT INTO order_history(number, status, at, note) VALUES (%s,%s,%s,%s)",
                         (number, OrderStatus.PLACED.value, created, ""))
            order = _read_order(conn, number)
            assert order is not None
            return order

    def get_order(self, number: str) -> Order | None:
        with self._read() as conn:
            return _read_order(conn, str(number).strip())

    def orders(self, *, status: OrderStatus | None = None, customer: str | None = None,
               limit: int = 50) -> Sequence[Order]:
        sql = "SELECT number FROM orders WHERE true"
        params: list[Any] = []
        if status is not None:
            sql += " AND status = %s"
            params.append(OrderStatus(status).value)
        if customer is not None:
            sql += " AND customer = %s"
            params.append(customer)
        sql += " ORDER BY created_at DESC, number DESC LIMIT %s"
        params.append(max(0, int(limit)))
        with self._read() as conn:
            numbers = [r[0] for r in conn.execute(sql, params).fetchall()]
            return [o for o in (_read_order(conn, n) for n in numbers) if o is not None]

    def set_status(self, number: str, status: OrderStatus, *, note: str = "") -> Order:
        status = status_asked(status)
        if status is OrderStatus.CANCELLED:
            return self.cancel_order(number, note=note)
        with self._tx() as conn:
            order = _require(conn, number)
            check_move(order, status)
            _record(conn, order.number, status, note)
            result = _read_order(conn, order.number)
            assert result is not None
            return result

    def cancel_order(self, number: str, *, note: str = "") -> Order:
        with self._tx() as conn:
            order = _require(conn, number)
            check_cancellable(order)
            for line in order.lines:
                table, sku = ("variants", line.variant_sku) if line.variant_sku else ("products", line.sku)
                conn.execute(f"UPDATE {table} SET stock = stock + %s WHERE sku = %s AND stock IS NOT NULL",
                             (line.quantity, sku))
            _record(conn, order.number, OrderStatus.CANCELLED, note)
            result = _read_order(conn, order.number)
            assert result is not None
            return result


# --- helpers ----------------------------------------------------------------------------------
def _values(p: Product) -> tuple[Any, ...]:
    prices = [p.price_cents, *(v.price_cents for v in p.variants if v.price_cents is not None)]
    data = product_to_dict(replace(p, stock=None, variants=()))
    option_words = [w for g in p.option_groups for v in g.values for w in (v.name, *v.aliases)]
    names = " | ".join([p.name, *p.aliases])
    other = " ".join([*p.tags, p.category, p.brand, *option_words])
    def terms(*texts: str) -> str:
        return " ".join(t for text in texts for t in _search.tokenize(text))

    return (p.name, p.category, p.brand, p.price_cents, min(prices), p.currency, p.active, p.stock,
            len(p.variants), p.shop_sku, min(63, max(1, len(_search.tokenize(p.name)))), names, other,
            terms(p.name, *p.aliases), terms(other), terms(p.description), json.dumps(data, separators=(",", ":")))


def _option_pairs(p: Product) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for g in p.option_groups:
        gnames = {_search.normalize(x) for x in (g.code, g.name, *g.aliases)}
        for v in g.values:
            pairs.update((gn, _search.normalize(vn)) for gn in gnames for vn in (v.code, v.name, *v.aliases))
    return pairs


def _add_terms(conn: Any, counts: Mapping[str, int]) -> None:
    rows = [(t, _search.phonetic(t), n) for t, n in sorted(counts.items()) if n]
    if rows:
        conn.cursor().executemany(
            "INSERT INTO search_terms(term, phonetic, df) VALUES (%s, %s, %s)"
            " ON CONFLICT (term) DO UPDATE SET df = search_terms.df + excluded.df", rows)
    if any(n < 0 for n in counts.values()):
        conn.execute("DELETE FROM search_terms WHERE df <= 0")


def _add_groups(conn: Any, counts: Mapping[str, int]) -> None:
    """Adjust the summary tables (option groups, facets) by ``counts`` (see ``search.count_product``)."""
    groups, facets = _search.split_summary(counts)
    rows = [(k, json.loads(k)["code"], n) for k, n in sorted(groups.items()) if n]
    if rows:
        conn.cursor().executemany(
            "INSERT INTO option_groups(key, code, products) VALUES (%s, %s, %s)"
            " ON CONFLICT (key) DO UPDATE SET products = option_groups.products + excluded.products", rows)
    facet_rows = [(kind, value, n) for (kind, value), n in sorted(facets.items()) if n]
    if facet_rows:
        conn.cursor().executemany(
            "INSERT INTO facets(kind, value, products) VALUES (%s, %s, %s)"
            " ON CONFLICT (kind, value) DO UPDATE SET products = facets.products + excluded.products", facet_rows)
    if any(n < 0 for n in counts.values()):
        conn.execute("DELETE FROM option_groups WHERE products <= 0")
        conn.execute("DELETE FROM facets WHERE products <= 0")


def _set_meta(conn: Any, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 (key, value))


def _tsquery(groups: Sequence[_search.Group], weight: str | None) -> str:
    suffix = f":{weight}" if weight else ""
    return " & ".join("(" + " | ".join(f"'{t}'{suffix}" for t, _ in sorted(g)) + ")" for g in groups)


def _filters(category: str | None, min_price_cents: int | None, max_price_cents: int | None,
             in_stock: bool | None, options: Mapping[str, str] | None) -> tuple[str, list[Any]]:
    sql = " AND p.active"
    params: list[Any] = []
    if category:
        sql += " AND lower(p.category) = lower(%s)"
        params.append(category.strip())
    if min_price_cents is not None:
        sql += " AND p.min_price_cents >= %s"
        params.append(int(min_price_cents))
    if max_price_cents is not None:
        sql += " AND p.min_price_cents <= %s"
        params.append(int(max_price_cents))
    if in_stock is not None:
        sql += f" AND {'' if in_stock else 'NOT '}{_STOCK_SQL}"
    for group, value in (options or {}).items():
        sql += " AND EXISTS(SELECT 1 FROM option_values o WHERE o.grp = %s AND o.value = %s AND o.product_id = p.id)"
        params.extend([_search.normalize(group).strip(), _search.normalize(value).strip()])
    return sql, params


def _read_order(conn: Any, number: str) -> Order | None:
    row = conn.execute(
        "SELECT number, lines, subtotal_cents, tax_cents, total_cents, currency, status, customer,"
        " idempotency_key, created_at, metadata FROM orders WHERE number = %s", (number,)).fetchone()
    if row is None:
        return None
    history = tuple(StatusChange(OrderStatus(s), at, note) for s, at, note in conn.execute(
        "SELECT status, at, note FROM order_history WHERE number = %s ORDER BY id", (number,)))
    return Order(
        number=row[0], lines=tuple(line_from_dict(d) for d in row[1]),
        subtotal_cents=int(row[2]), tax_cents=int(row[3]), total_cents=int(row[4]), currency=row[5],
        status=OrderStatus(row[6]), customer=row[7], idempotency_key=row[8], created_at=row[9],
        history=history, metadata=dict(row[10]),
    )


def _require(conn: Any, number: str) -> Order:
    order = _read_order(conn, str(number).strip())
    if order is None:
        raise UnknownOrder(str(number))
    return order


def _record(conn: Any, number: str, status: OrderStatus, note: str) -> None:
    conn.execute("UPDATE orders SET status = %s WHERE number = %s", (status.value, number))
    conn.execute("INSERT INTO order_history(number, status, at, note) VALUES (%s,%s,%s,%s)",
                 (number, status.value, now_iso(), note))
