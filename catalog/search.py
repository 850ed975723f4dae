"""Product search for spoken queries: FTS5/BM25 candidates, fuzzy + phonetic term correction, re-ranking.

How a query is answered (fast at 100k products because the expensive parts only see small sets):

1. The query is split into words; each word is expanded with catalog words that sound alike (metaphone
   key, looked up in an in-memory map of the ``search_terms`` vocabulary) or are spelled alike (rapidfuzz
   over that vocabulary, only for words the catalog does not know): "late" -> latte, "expresso" -> espresso.
2. FTS5 fetches up to ``CANDIDATES`` products by BM25 (AND of the words first, OR when that finds too
   few), with the category / price / stock / option filters applied in the same SQL.
3. Candidates are re-ranked by how many query words their name or an alias covers (recall), how much of
   the name the query covers (precision), fuzzy similarity of the whole phrase, and BM25.
   Ties break on SKU, so the ranking is deterministic.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import jellyfish
from rapidfuzz import fuzz, process

from catalog.models import Product

CANDIDATES = 60
_WORD = re.compile(r"[a-z0-9]+(?:%[a-z0-9]*)?")
STOPWORDS = frozenset(
    "a an the of some please i i'd id want would like to get me can could have may with and for one in "
    "just my give need".split())


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def tokenize(text: str) -> list[str]:
    return [t.rstrip("%") for t in _WORD.findall(normalize(text).replace("'", "")) if t.rstrip("%")]


def phonetic(term: str) -> str:
    if term.isdigit():
        return term
    try:
        return str(jellyfish.metaphone(term)) or term
    except Exception:  # pragma: no cover - jellyfish rejects odd input
        return term


def _index_words(product: Product) -> tuple[list[str], list[str]]:
    """(words for the vocabulary, option spellings) of a product."""
    option_words: list[str] = []
    for g in product.option_groups:
        for v in g.values:
            option_words.extend([v.name, *v.aliases])
    words = [product.name, *product.aliases, *product.tags, product.category, product.brand, *option_words]
    return words, option_words


def index_product(conn: sqlite3.Connection, pid: int, product: Product) -> None:
    """Write ``product`` (row id ``pid``) into the FTS table, option-value table and vocabulary."""
    words, option_words = _index_words(product)
    conn.execute(
        "INSERT INTO products_fts(rowid, name, aliases, tags, category, brand, description, options)"
        " VALUES (?,?,?,?,?,?,?,?)",
        (pid, product.name, " | ".join(product.aliases), " ".join(product.tags), product.category,
         product.brand, product.description, " | ".join(option_words)))
    pairs: set[tuple[str, str]] = set()
    for g in product.option_groups:
        gnames = {normalize(x) for x in (g.code, g.name, *g.aliases)}
        vnames = [{normalize(x) for x in (v.code, v.name, *v.aliases)} for v in g.values]
        pairs.update((gn, vn) for gn in gnames for names in vnames for vn in names)
    if pairs:
        conn.executemany("INSERT OR IGNORE INTO option_values(grp, value, product_id) VALUES (?,?,?)",
                         [(g, v, pid) for g, v in pairs])
    terms = {t for w in words for t in tokenize(w)}
    if terms:
        conn.executemany("INSERT OR IGNORE INTO search_terms(term, phonetic) VALUES (?,?)",
                         [(t, phonetic(t)) for t in terms])


def unindex_product(conn: sqlite3.Connection, pid: int) -> None:
    conn.execute("DELETE FROM products_fts WHERE rowid = ?", (pid,))
    conn.execute("DELETE FROM option_values WHERE product_id = ?", (pid,))


@dataclass(frozen=True)
class Candidate:
    pid: int
    sku: str
    names: tuple[str, ...]  # name and aliases
    bm25: float


class Vocabulary:
    """The catalog's words and their phonetic keys, cached in memory until the database changes."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self.known: set[str] = set()
        self.by_key: dict[str, list[str]] = {}
        self.version: tuple[int, int] | None = None

    def refresh(self, conn: sqlite3.Connection, version: tuple[int, int]) -> None:
        if version == self.version:
            return
        rows = conn.execute("SELECT term, phonetic FROM search_terms ORDER BY term").fetchall()
        self.terms = [r[0] for r in rows]
        self.known = set(self.terms)
        self.by_key = {}
        for term, key in rows:
            self.by_key.setdefault(key, []).append(term)
        self.version = version

    def alternatives(self, word: str) -> list[tuple[str, float]]:
        """Catalog words the shopper may have meant by ``word`` with a weight (1.0 = said exactly), best
        first. A word the catalog knows stands for itself only; others get sound-alike and spelled-alike
        catalog words."""
        if word in self.known:
            return [(word, 1.0)]
        if word.isdigit() or len(word) < 3:
            return []
        out: dict[str, float] = {}
        for term in self.by_key.get(phonetic(word), ())[:8]:
            ratio = fuzz.ratio(word, term)
            if ratio >= 50:  # sounding alike is not enough on its own
                out[term] = max(out.get(term, 0.0), 0.5 + 0.4 * ratio / 100)
        if len(word) >= 4:
            cutoff = 75 if len(word) <= 5 else 80
            for term, ratio, _ in process.extract(word, self.terms, scorer=fuzz.ratio, score_cutoff=cutoff, limit=4):
                out[term] = max(out.get(term, 0.0), 0.9 * ratio / 100)
        return sorted(out.items(), key=lambda tw: (-tw[1], tw[0]))[:5]


def _fts_group(alts: Iterable[str]) -> str:
    return "(" + " OR ".join(f'"{a}"' for a in alts) + ")"


STOCK_SQL = ("(CASE WHEN p.n_variants = 0 THEN (p.stock IS NULL OR p.stock > 0) ELSE EXISTS("
             "SELECT 1 FROM variants v WHERE v.product_id = p.id AND (v.stock IS NULL OR v.stock > 0)) END)")


def filter_sql(*, category: str | None, min_price_cents: int | None, max_price_cents: int | None,
               in_stock: bool | None, options: Mapping[str, str] | None) -> tuple[str, list[object]]:
    """SQL conditions on ``products p`` for the search filters (``in_stock=False`` = sold out only)."""
    sql = " AND p.active = 1"
    params: list[object] = []
    if category:
        sql += " AND p.category = ? COLLATE NOCASE"
        params.append(category.strip())
    if min_price_cents is not None:
        sql += " AND p.min_price_cents >= ?"
        params.append(int(min_price_cents))
    if max_price_cents is not None:
        sql += " AND p.min_price_cents <= ?"
        params.append(int(max_price_cents))
    if in_stock is not None:
        sql += f" AND {'' if in_stock else 'NOT '}{STOCK_SQL}"
    for group, value in (options or {}).items():
        sql += " AND EXISTS(SELECT 1 FROM option_values o WHERE o.grp = ? AND o.value = ? AND o.product_id = p.id)"
        params.extend([normalize(group).strip(), normalize(value).strip()])
    return sql, params


def fetch_candidates(conn: sqlite3.Connection, match: str, where: str, params: list[object]) -> list[Candidate]:
    sql = ("SELECT p.id, p.sku, f.name, f.aliases, bm25(products_fts, 10.0, 8.0, 3.0, 2.0, 2.0, 0.5, 1.0) AS r"
           " FROM products_fts f JOIN products p ON p.id = f.rowid"
           f" WHERE products_fts MATCH ? {where} ORDER BY r, p.sku LIMIT {CANDIDATES}")
    rows = conn.execute(sql, [match, *params]).fetchall()
    return [Candidate(r[0], r[1], (r[2], *[a for a in r[3].split(" | ") if a]), -float(r[4])) for r in rows]


Group = list[tuple[str, float]]


def _cover(groups: list[dict[str, float]], name_tokens: list[str]) -> tuple[float, float]:
    """(weighted share of query words found in the name, share of name words the query accounts for)."""
    if not groups or not name_tokens:
        return 0.0, 0.0
    name_set = set(name_tokens)
    recall = sum(max((w for t, w in g.items() if t in name_set), default=0.0) for g in groups)
    precision = sum(max((g.get(t, 0.0) for g in groups), default=0.0) for t in name_tokens)
    return recall / len(groups), precision / len(name_tokens)


def rank(groups: list[Group], candidates: list[Candidate]) -> list[tuple[float, Candidate]]:
    if not candidates:
        return []
    best_bm25 = max(c.bm25 for c in candidates) or 1.0
    corrected = " ".join(g[0][0] for g in groups)
    sets = [dict(g) for g in groups]
    scored: list[tuple[float, Candidate]] = []
    for c in candidates:
        recall = precision = similarity = 0.0
        for name in c.names:
            tokens = tokenize(name)
            r, p = _cover(sets, tokens)
            s = fuzz.token_set_ratio(corrected, normalize(name)) / 100.0
            if (r, p, s) > (recall, precision, similarity):
                recall, precision, similarity = r, p, s
        score = 0.45 * recall + 0.25 * precision + 0.15 * similarity + 0.15 * max(0.0, c.bm25 / best_bm25)
        scored.append((round(score, 6), c))
    scored.sort(key=lambda sc: (-sc[0], sc[1].sku))
    return scored


def plan(vocab: Vocabulary, query: str) -> list[Group]:
    """For each query word the shopper said (stop words dropped unless nothing else is left), the catalog
    words it may mean, best first; words that match nothing in the catalog are dropped."""
    words = tokenize(query)
    content = [w for w in words if w not in STOPWORDS] or words
    return [alts for alts in (vocab.alternatives(w) for w in content) if alts]


def match_expressions(groups: list[Group]) -> list[str]:
    """FTS5 MATCH strings to try in order: all words (AND), then any word (OR)."""
    parts = [_fts_group(sorted(t for t, _ in g)) for g in groups]
    if len(parts) == 1:
        return parts
    return [" AND ".join(parts), " OR ".join(parts)]
