"""SQLite schema of the embedded store, and how a connection is opened (WAL, busy timeout, foreign keys)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

SCHEMA_VERSION = 5  # 2: FTS row ids carry the name length; vocabulary has document counts; 3: shop SKUs;
# 4: option_groups (the distinct option-group definitions, for the dialogue's indexed lexicon);
# 5: facets (products per category and tag) and the price / listing indexes (catalog-wide questions)

SCHEMA = """
CREATE TABLE IF NOT EXISTS products(
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    brand TEXT NOT NULL DEFAULT '',
    price_cents INTEGER NOT NULL,
    min_price_cents INTEGER NOT NULL,   -- lowest of product and variant prices, for price filters
    currency TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    stock INTEGER,                      -- product-level stock; NULL = unlimited
    n_variants INTEGER NOT NULL DEFAULT 0,
    shop_sku TEXT NOT NULL DEFAULT '',  -- the shop's own SKU when ``sku`` is an importer's key
    data TEXT NOT NULL                  -- the product as json_format.product_to_dict (stock lives in columns)
);
CREATE INDEX IF NOT EXISTS products_category ON products(category, sku);
CREATE INDEX IF NOT EXISTS products_price ON products(min_price_cents);
CREATE INDEX IF NOT EXISTS products_name ON products(name, sku);
-- catalog-wide questions read a few rows through these ("the cheapest", "the cheapest pastry", the menu)
CREATE INDEX IF NOT EXISTS products_by_price ON products(active, price_cents, sku);
CREATE INDEX IF NOT EXISTS products_category_by_price ON products(category, active, price_cents, sku);
CREATE INDEX IF NOT EXISTS products_listing ON products(active, category, name, sku);

CREATE TABLE IF NOT EXISTS variants(
    sku TEXT PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    options TEXT NOT NULL,
    price_cents INTEGER,
    stock INTEGER,
    shop_sku TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS variants_product ON variants(product_id, position);

-- every (group, value) spelling a product offers, for option filters ("in red", "size large")
CREATE TABLE IF NOT EXISTS option_values(
    grp TEXT NOT NULL,
    value TEXT NOT NULL,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    PRIMARY KEY(grp, value, product_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS option_values_product ON option_values(product_id);

CREATE VIRTUAL TABLE IF NOT EXISTS products_fts USING fts5(
    name, aliases, tags, category, brand, description, options,
    tokenize = "unicode61 remove_diacritics 2"
);

-- search vocabulary: each distinct word of names/aliases/tags/categories/brands/options with its
-- phonetic key, so misheard words find their catalog spelling without scanning products
CREATE TABLE IF NOT EXISTS search_terms(
    term TEXT PRIMARY KEY,
    phonetic TEXT NOT NULL,
    df INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_terms_phonetic ON search_terms(phonetic);

-- every distinct option-group definition of active products with how many use it, kept at import time:
-- the dialogue learns option words from here without reading a million products
CREATE TABLE IF NOT EXISTS option_groups(
    key TEXT PRIMARY KEY,               -- the group as canonical JSON (search.group_key)
    code TEXT NOT NULL,
    products INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS option_groups_products ON option_groups(products DESC, key);

-- how many active products each category and each tag has, kept at import time (the menu, "what's vegan")
CREATE TABLE IF NOT EXISTS facets(
    kind TEXT NOT NULL,                 -- 'category' | 'tag'
    value TEXT NOT NULL,
    products INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY(kind, value)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS orders(
    number TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    customer TEXT NOT NULL,
    status TEXT NOT NULL,
    subtotal_cents INTEGER NOT NULL,
    tax_cents INTEGER NOT NULL,
    total_cents INTEGER NOT NULL,
    currency TEXT NOT NULL,
    created_at TEXT NOT NULL,
    lines TEXT NOT NULL,
    metadata TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_status ON orders(status, created_at);
CREATE INDEX IF NOT EXISTS orders_created ON orders(created_at);

CREATE TABLE IF NOT EXISTS order_history(
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL REFERENCES orders(number),
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS order_history_number ON order_history(number, id);

CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def connect(path: str, reindex: Callable[[sqlite3.Connection], None]) -> sqlite3.Connection:
    """Open ``path`` (or ``:memory:``) in autocommit mode; transactions are explicit (BEGIN IMMEDIATE).

    A database from an older schema gets its search tables rebuilt by ``reindex`` (orders are kept).
    """
    conn = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA foreign_keys = ON")
    if path != ":memory:":
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":  # pragma: no cover - only on filesystems without shared memory
            raise sqlite3.OperationalError(f"could not switch {path} to WAL mode (got {mode})")
        conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -32000")
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(
                f"{path} was written by a newer voicecart (schema {version}); upgrade voicecart to open it")
        if 0 < version < SCHEMA_VERSION:
            conn.execute("DROP TABLE IF EXISTS products_fts")
            conn.execute("DROP TABLE IF EXISTS search_terms")
        if 0 < version < 3:
            for table in ("products", "variants"):
                cols = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
                if "shop_sku" not in cols:
                    conn.execute(f"ALTER TABLE {table} ADD COLUMN shop_sku TEXT NOT NULL DEFAULT ''")
        for statement in SCHEMA.split(";\n"):
            if statement.strip():
                conn.execute(statement)
        conn.execute("CREATE INDEX IF NOT EXISTS products_shop_sku ON products(shop_sku) WHERE shop_sku != ''")
        conn.execute("CREATE INDEX IF NOT EXISTS variants_shop_sku ON variants(shop_sku) WHERE shop_sku != ''")
        if 0 < version < SCHEMA_VERSION:
            reindex(conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        conn.close()
        raise
    return conn
