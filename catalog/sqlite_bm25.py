"""FTS5's ``bm25()`` for search candidates, computed here from cached counts instead of by SQLite per query.

SQLite's ``bm25()`` begins every statement by counting, for each phrase of the MATCH expression, the rows
that contain it (``xQueryPhrase`` over the phrase's whole doclist): at a million products a common word
("classic", "cotton") is tens of thousands of rows read again by every query that names it, three to five
times the cost of the match itself. The counts only change with the catalog, so :class:`Bm25` keeps them per
catalog version (each counted once, by the same MATCH) and scores a candidate row with the same formula and
the same floating-point operations as ``fts5_aux.c``: per phrase, ``idf = log((N - n + 0.5) / (n + 0.5))``
(``1e-6`` when not positive) times ``f * (k1 + 1) / (f + k1 * (1 - b + b * D / avgdl))``, ``f`` the phrase's
column-weighted occurrences in the row, ``D`` the row's token count (``products_fts_docsize``), ``N`` and
``avgdl`` from the index's totals record. Occurrences are counted by tokenizing the row's columns as
``unicode61`` does, which for ASCII text is exactly ``[a-z0-9]+`` after lower-casing; a row with any other
character is scored by SQLite's own ``bm25()`` (restricted to that row), so scores are identical either way.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections import Counter
from collections.abc import Sequence

COLUMNS = ("name", "aliases", "tags", "category", "brand", "description", "options")
WEIGHTS = (10.0, 8.0, 3.0, 2.0, 2.0, 0.5, 1.0)  # the column weights search ranks with
SQL_BM25 = f"bm25(products_fts, {', '.join(str(w) for w in WEIGHTS)})"
NAME_COLUMNS = 2  # a "{name aliases} :" expression: phrases match in the first two columns only
_K1 = 1.2
_B = 0.75
_ASCII_TOKEN = re.compile(r"[a-z0-9]+")


def varints(blob: bytes) -> list[int]:
    """SQLite varints (big-endian, 7 bits a byte, a 9th byte of 8 bits), as FTS5 stores sizes and totals."""
    out: list[int] = []
    i, n = 0, len(blob)
    while i < n:
        value = 0
        for j in range(9):
            byte = blob[i]
            i += 1
            if j == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        out.append(value)
    return out


class Bm25:
    """Row counts and token totals of ``products_fts`` for one catalog version, and per-phrase hit counts
    learnt as queries use them (a few thousand vocabulary words at most: each is an int)."""

    def __init__(self) -> None:
        self.version: str | None = None
        self.rows = 0
        self.avgdl = 1.0
        self.hits: dict[tuple[str, bool], int] = {}

    def sync(self, conn: sqlite3.Connection, version: str) -> None:
        if version == self.version:
            return
        self.hits = {}
        row = conn.execute("SELECT block FROM products_fts_data WHERE id = 1").fetchone()
        totals = varints(bytes(row[0])) if row is not None and row[0] is not None else []
        self.rows = totals[0] if totals else 0
        tokens = sum(totals[1:1 + len(COLUMNS)])
        self.avgdl = float(tokens) / float(self.rows) if self.rows else 1.0
        self.version = version

    def _idf(self, conn: sqlite3.Connection, term: str, names_only: bool) -> float:
        key = (term, names_only)
        n_hit = self.hits.get(key)
        if n_hit is None:
            phrase = f'"{term}"'
            expr = f"{{name aliases}} : ({phrase})" if names_only else f"({phrase})"
            n_hit = int(conn.execute("SELECT count(*) FROM products_fts WHERE products_fts MATCH ?",
                                     (expr,)).fetchone()[0])
            self.hits[key] = n_hit
        idf = math.log((self.rows - n_hit + 0.5) / (n_hit + 0.5))
        return idf if idf > 0.0 else 1e-6

    def scores(self, conn: sqlite3.Connection, match: str, phrases: Sequence[str], names_only: bool,
               rows: Sequence[tuple[int, Sequence[str]]]) -> dict[int, float]:
        """``-bm25()`` (higher is better) of each ``(fts rowid, the row's seven column texts)`` for the MATCH
        expression ``match`` whose phrases, in order, are the single words ``phrases``."""
        if not rows:
            return {}
        idfs = [self._idf(conn, t, names_only) for t in phrases]
        ids = [rowid for rowid, _ in rows]
        sizes: dict[int, int] = {}
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            for rowid, sz in conn.execute(f"SELECT id, sz FROM products_fts_docsize WHERE id IN"
                                          f" ({','.join('?' * len(part))})", part):
                sizes[int(rowid)] = sum(varints(bytes(sz)))
        out: dict[int, float] = {}
        others: list[int] = []
        columns = NAME_COLUMNS if names_only else len(COLUMNS)
        for rowid, texts in rows:
            if rowid not in sizes or not all(t.isascii() for t in texts):
                others.append(rowid)
                continue
            freq = [0.0] * len(phrases)
            for ci in range(columns):
                counts = Counter(_ASCII_TOKEN.findall(texts[ci].lower()))
                w = WEIGHTS[ci]
                for pi, term in enumerate(phrases):
                    for _ in range(counts.get(term, 0)):
                        freq[pi] += w
            d = float(sizes[rowid])
            score = 0.0
            for pi in range(len(phrases)):
                score += idfs[pi] * ((freq[pi] * (_K1 + 1.0)) / (freq[pi] + _K1 * (1 - _B + _B * d / self.avgdl)))
            out[rowid] = -(-1.0 * score)
        for i in range(0, len(others), 500):
            part = others[i:i + 500]
            for rowid, value in conn.execute(
                    f"SELECT rowid, {SQL_BM25} FROM products_fts WHERE products_fts MATCH ? AND rowid IN"
                    f" ({','.join('?' * len(part))})", [match, *part]):
                out[int(rowid)] = -float(value)
        return out
