"""The SQLite store's BM25 from cached counts (catalog.sqlite_bm25) gives the very scores of SQLite's bm25():
every candidate of every query, with and without the cache, on a generated catalog with some non-ASCII rows."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from bench.catalog import iter_generate, queries
from catalog import search as _search
from catalog.json_format import product_from_dict
from catalog.sqlite_bm25 import Bm25, varints
from catalog.sqlite_store import SQLiteStore


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> SQLiteStore:
    generated = list(iter_generate(1500, seed=3))
    products = [product_from_dict(p) for p in generated]
    # rows the ASCII tokenizer does not cover: SQLite's own bm25() scores them
    rng = random.Random(5)
    for i in rng.sample(range(len(products)), 60):
        p = products[i]
        products[i] = replace(p, description=p.description + " Café naïve ﬁsh straße ",
                              aliases=(*p.aliases, f"{p.name} crème"))
    s = SQLiteStore(tmp_path_factory.mktemp("bm25") / "c.sqlite3")
    s.import_products(products)
    return s


def _all_queries() -> list[tuple[str, dict[str, object]]]:
    picked = list(iter_generate(1500, seed=3))[::7]
    out: list[tuple[str, dict[str, object]]] = [(q, f) for q, f, _, _ in queries(picked, seed=9)]
    out += [("cafe fish", {}), ("creme", {}), ("naive straße", {}), ("red", {}), ("classic classic mug", {})]
    return out


def test_varints_read_sqlite_encoding() -> None:
    assert varints(bytes([0x05, 0x81, 0x00, 0x7F])) == [5, 128, 127]
    assert varints(bytes([0xFF] * 8 + [0x01])) == [(2**56 - 1) << 8 | 1]


def test_cached_bm25_equals_sqlite_bm25(store: SQLiteStore) -> None:
    conn = store._conn
    vocab = _search.Vocabulary()
    vocab.refresh(conn)
    bm25 = Bm25()
    bm25.sync(conn, vocab.version or "0")
    compared = 0
    for q, filters in _all_queries():
        where, params = _search.filter_sql(category=filters.get("category"),  # type: ignore[arg-type]
                                           min_price_cents=None,
                                           max_price_cents=filters.get("max_price_cents"),  # type: ignore[arg-type]
                                           in_stock=filters.get("in_stock"), options=None)  # type: ignore[arg-type]
        groups = _search.plan(vocab, q)
        if not groups:
            continue
        for want in (10, 40):  # 40: the fallbacks down to one word run too
            sqlite_side = _search.candidates(conn, vocab, groups, where, params, want=want)
            cached = _search.candidates(conn, vocab, groups, where, params, want=want, bm25=bm25)
            assert cached == sqlite_side, q
            compared += len(cached)
    assert compared > 2000
    assert bm25.hits  # the counts were learnt, once each


def test_store_search_is_unchanged_and_deterministic(store: SQLiteStore, tmp_path: Path) -> None:
    first = [[(h.product.sku, h.score) for h in store.search(q, limit=10, **f)] for q, f in _all_queries()]  # type: ignore[arg-type]
    again = [[(h.product.sku, h.score) for h in store.search(q, limit=10, **f)] for q, f in _all_queries()]  # type: ignore[arg-type]
    assert first == again
    assert sum(map(len, first)) > 500
