"""Product search for spoken queries: FTS5 candidates, fuzzy + phonetic word correction, deterministic re-ranking.

How a query is answered, fast at 100k products because every expensive step sees a small set:

1. **Words.** The query is split into words (stop words dropped). A word the catalog knows stands for
   itself; any other word is replaced by catalog words that sound alike (metaphone key, looked up in an
   in-memory map of the ``search_terms`` vocabulary) or are spelled alike (rapidfuzz over that
   vocabulary): "late" -> latte, "expresso" -> espresso, "cappucino" -> cappuccino. Each replacement
   carries a weight below 1, so exact words outrank corrections.
   A second key (NYSIIS) catches what metaphone splits ("moka" -> mocha).
2. **Candidates.** FTS5 finds products containing all the words (each word OR its alternatives), first in
   name/aliases, then in any field; if that finds too few, the most common word is dropped and it tries
   again, down to the rarest word alone. FTS row ids encode the name's word count in their high bits, so
   rows arrive shortest name first and a ``LIMIT`` stops early: no query scores all 10,000 products that
   contain "classic". Category, price, stock and option filters are applied in the same SQL.
3. **Ranking.** Each candidate gets a score in [0, 1]: how much of the query its name or an alias covers
   (words weighted by rarity, idf), how much of the name the query covers, query words found in its
   other fields (tags, category, brand, option values), whole-phrase fuzzy similarity and BM25. Ties
   break on SKU, so the same query always gives the same order.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz, process

from catalog.json_format import group_from_canonical, group_to_dict
from catalog.models import OptionGroup, Product
from catalog.sqlite_bm25 import SQL_BM25, Bm25

CAP = 30  # candidates fetched per FTS query (shortest names first)
PID_BITS = 40
PID_MASK = (1 << PID_BITS) - 1
NAME_COLUMNS = "{name aliases}"
_NON_WORD = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[a-z0-9]+(?:%[a-z0-9]*)?")
STOPWORDS = frozenset(
    "a an the of some please i id want would like to get me can could have may with and for one in "
    "just my give need got do you any".split())

Group = list[tuple[str, float]]  # alternatives for one spoken word: (catalog word, weight)


def normalize(text: str) -> str:
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def tokenize(text: str) -> list[str]:
    return [t.rstrip("%") for t in _WORD.findall(normalize(text).replace("'", "")) if t.rstrip("%")]


@lru_cache(maxsize=65536)
def _name_tokens(text: str) -> tuple[str, ...]:
    return tuple(tokenize(text))


@lru_cache(maxsize=16384)
def _padded(text: str) -> str:
    """`` word word `` form of a field, for whole-word ``in`` tests."""
    return f" {_NON_WORD.sub(' ', normalize(text))} "


@lru_cache(maxsize=65536)
def phonetic(term: str) -> str:
    if term.isdigit():
        return term
    try:
        return str(jellyfish.metaphone(term)) or term
    except Exception:  # pragma: no cover - jellyfish rejects odd input
        return term


@lru_cache(maxsize=65536)
def nysiis(term: str) -> str:
    """A second phonetic key: NYSIIS catches slips metaphone splits ("moka"/"mocha")."""
    try:
        return str(jellyfish.nysiis(term))
    except Exception:  # pragma: no cover
        return term


def fts_rowid(pid: int, product: Product) -> int:
    """FTS row id of a product: its name's word count in the high bits, the product id in the low bits."""
    return (min(63, max(1, len(_name_tokens(product.name)))) << PID_BITS) | pid


def product_terms(product: Product) -> set[str]:
    """The words of a product that go into the search vocabulary (not its description)."""
    words = [product.name, *product.aliases, *product.tags, product.category, product.brand]
    for g in product.option_groups:
        for v in g.values:
            words.extend([v.name, *v.aliases])
    return {t for w in words for t in _name_tokens(w)}  # cached: categories, brands, tags and options repeat


@lru_cache(maxsize=4096)
def option_pairs(group: OptionGroup) -> frozenset[tuple[str, str]]:
    """Every (group spelling, value spelling) of an option group, as the ``option_values`` table keeps them."""
    gnames = {normalize(x) for x in (group.code, group.name, *group.aliases)}
    return frozenset((gn, normalize(vn)) for v in group.values for gn in gnames for vn in (v.code, v.name, *v.aliases))


IndexEntry = tuple[int, tuple[str, ...], tuple[tuple[str, str], ...], tuple[str, ...]]


def index_entry(product: Product) -> IndexEntry:
    """What :func:`write_index` writes for ``product``, without its row id: the high bits of its FTS row id
    (:func:`fts_rowid` of row 0), its FTS columns, its ``option_values`` pairs and its vocabulary words. It
    needs no database, so a parallel import computes it in the process that reads the file."""
    option_words = [w for g in product.option_groups for v in g.values for w in (v.name, *v.aliases)]
    pairs: set[tuple[str, str]] = set()
    for g in product.option_groups:
        pairs |= option_pairs(g)
    return (fts_rowid(0, product), (product.name, " | ".join(product.aliases), " ".join(product.tags),
                                    product.category, product.brand, product.description, " | ".join(option_words)),
            tuple(sorted(pairs)), tuple(sorted(product_terms(product))))


def write_index(conn: sqlite3.Connection, entries: Iterable[tuple[int, IndexEntry]]) -> Counter[str]:
    """Write :func:`index_entry` entries (with their products' row ids) into the FTS and option-value tables;
    returns the vocabulary document counts to add (the caller writes them in one go with :func:`add_terms`)."""
    fts_rows: list[tuple[object, ...]] = []
    option_rows: list[tuple[str, str, int]] = []
    words: list[tuple[str, ...]] = []
    for pid, (high, columns, pairs, product_words) in entries:
        fts_rows.append((high | pid, *columns))
        if pairs:
            option_rows.extend([(g, v, pid) for g, v in pairs])
        words.append(product_words)
    terms = Counter(itertools.chain.from_iterable(words))  # one count for all
    write_index_rows(conn, fts_rows, option_rows)
    return terms


def write_index_rows(conn: sqlite3.Connection, fts_rows: list[tuple[object, ...]],
                     option_rows: list[tuple[str, str, int]]) -> None:
    """Insert ready FTS rows (row id, then the columns of :func:`index_entry`) and ``option_values`` rows."""
    conn.executemany("INSERT INTO products_fts(rowid, name, aliases, tags, category, brand, description, options)"
                     " VALUES (?,?,?,?,?,?,?,?)", fts_rows)
    conn.executemany("INSERT OR IGNORE INTO option_values(grp, value, product_id) VALUES (?,?,?)", option_rows)


def index_products(conn: sqlite3.Connection, items: Iterable[tuple[int, Product]]) -> Counter[str]:
    """Write products (with their row ids) into the FTS and option-value tables; returns the vocabulary
    document counts to add (the caller writes them in one go with :func:`add_terms`)."""
    return write_index(conn, ((pid, index_entry(product)) for pid, product in items))


def unindex_product(conn: sqlite3.Connection, pid: int, product: Product) -> set[str]:
    """Remove what :func:`index_product` wrote; returns the words whose document counts drop."""
    conn.execute("DELETE FROM products_fts WHERE rowid = ?", (fts_rowid(pid, product),))
    conn.execute("DELETE FROM option_values WHERE product_id = ?", (pid,))
    return product_terms(product)


def add_terms(conn: sqlite3.Connection, counts: Mapping[str, int]) -> None:
    """Adjust vocabulary document counts (negative to remove); words at zero disappear."""
    conn.executemany(
        "INSERT INTO search_terms(term, phonetic, df) VALUES (?,?,?)"
        " ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
        [(t, phonetic(t), n) for t, n in counts.items() if n])
    if any(n < 0 for n in counts.values()):
        conn.execute("DELETE FROM search_terms WHERE df <= 0")


@lru_cache(maxsize=4096)
def group_key(group: OptionGroup) -> str:
    """An option group as canonical JSON: the key of its row in the ``option_groups`` table."""
    return json.dumps(group_to_dict(group), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def group_from_key(key: str) -> OptionGroup:
    return group_from_canonical(json.loads(key))


FACET_KINDS = ("category", "tag", "all")  # "all": the one count of every product for sale
_FACET = "\x1f"  # a facet's key is "category\x1fPastries"; an option group's (group_key) is a JSON object
_ALL = "all" + _FACET


def facet_key(kind: str, value: str) -> str:
    """The key of a category's or a tag's count in the summary counts (see :func:`product_groups`)."""
    return f"{kind}{_FACET}{value}"


def split_summary(counts: Mapping[str, int]) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Summary counts as option-group counts (by :func:`group_key`) and facet counts (by (kind, value))."""
    groups: dict[str, int] = {}
    facets: dict[tuple[str, str], int] = {}
    for key, n in counts.items():
        if key.startswith("{"):
            groups[key] = n
        else:
            kind, _, value = key.partition(_FACET)
            facets[(kind, value)] = n
    return groups, facets


def count_product(counts: Counter[str], product: Product, sign: int = 1) -> None:
    """Add what an active product adds to the summary tables kept at import time (``sign=-1``: take it away):
    its option-group definitions (``option_groups``), its category and its tags (``facets``, with the
    count of all products for sale). An inactive
    product adds nothing: the dialogue offers only what is for sale."""
    for key in summary_keys(product):
        counts[key] += sign


def summary_keys(product: Product) -> tuple[str, ...]:
    """The summary counts an active product adds one to (see :func:`count_product`; none when inactive)."""
    if not product.active:
        return ()
    keys = [_ALL, *map(group_key, product.option_groups)]
    if product.category:
        keys.append(_FACET.join(("category", product.category)))
    keys.extend(_FACET.join(("tag", t)) for t in dict.fromkeys(product.tags))
    return tuple(keys)


def product_groups(product: Product) -> Counter[str]:
    """What :func:`count_product` adds for ``product``, as a Counter."""
    out: Counter[str] = Counter()
    count_product(out, product)
    return out


def add_groups(conn: sqlite3.Connection, counts: Mapping[str, int]) -> None:
    """Adjust the summary tables: how many active products use each option-group definition, and have each
    category and tag; rows at zero disappear."""
    groups, facets = split_summary(counts)
    conn.executemany(
        "INSERT INTO option_groups(key, code, products) VALUES (?,?,?)"
        " ON CONFLICT(key) DO UPDATE SET products = products + excluded.products",
        [(k, json.loads(k)["code"], n) for k, n in groups.items() if n])
    conn.executemany(
        "INSERT INTO facets(kind, value, products) VALUES (?,?,?)"
        " ON CONFLICT(kind, value) DO UPDATE SET products = products + excluded.products",
        [(kind, value, n) for (kind, value), n in facets.items() if n])
    if any(n < 0 for n in counts.values()):
        conn.execute("DELETE FROM option_groups WHERE products <= 0")
        conn.execute("DELETE FROM facets WHERE products <= 0")


_FTS_WORD = re.compile(r"[^\W_]+")


def fts_words(text: str) -> list[str]:
    """``text``'s words as the FTS5 ``unicode61`` tokenizer (``remove_diacritics 2``) indexes them."""
    return _FTS_WORD.findall(normalize(text))


def name_match(queries: Sequence[Sequence[Sequence[str]]]) -> str:
    """An FTS5 expression on names and aliases for :meth:`catalog.store.Store.products_named`."""
    def spelled(word: str) -> list[str]:  # "carpenters" was "carpenter's": two tokens in the FTS index
        word = word.replace('"', "")
        return [f'"{word}"', f'"{word[:-1]} s"'] if word.endswith("s") and len(word) > 2 else [f'"{word}"']

    def word(alts: Sequence[str]) -> str:
        return "(" + " OR ".join(s for a in sorted(set(alts)) for s in spelled(a)) + ")"

    parts = ["(" + " AND ".join(word(w) for w in q) + ")" for q in queries if q]
    return f"{NAME_COLUMNS} : ({' OR '.join(parts)})"


class Vocabulary:
    """The catalog's words, their phonetic keys and document counts, cached until the catalog changes."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self.df: dict[str, int] = {}
        self.by_key: dict[str, list[str]] = {}
        self.n_docs = 1
        self.version: str | None = None

    def refresh(self, conn: sqlite3.Connection) -> None:
        row = conn.execute("SELECT value FROM meta WHERE key = 'catalog_version'").fetchone()
        version = row[0] if row else "0"
        if version == self.version:
            return
        rows = conn.execute("SELECT term, phonetic, df FROM search_terms ORDER BY term").fetchall()
        self.load(version, rows, int(conn.execute("SELECT count(*) FROM products").fetchone()[0]))

    def load(self, version: str, rows: Sequence[tuple[str, str, int]], n_docs: int) -> None:
        """Take the vocabulary rows ``(term, phonetic key, document count)`` of catalog ``version``."""
        self.terms = [r[0] for r in rows]
        self.df = {r[0]: int(r[2]) for r in rows}
        self.by_key = {}
        for term, key, _ in rows:
            self.by_key.setdefault(key, []).append(term)
            if not term.isdigit():
                self.by_key.setdefault("n:" + nysiis(term), []).append(term)
        self.n_docs = max(1, n_docs)
        self.version = version

    def idf(self, group: Group) -> float:
        df = max((self.df.get(t, 0) for t, _ in group), default=0)
        return math.log(1.0 + self.n_docs / (1.0 + df))

    def alternatives(self, word: str) -> Group:
        """Catalog words the shopper may have meant by ``word``, best first (weight 1.0 = said exactly)."""
        if word in self.df:
            return [(word, 1.0)]
        if word.isdigit() or len(word) < 3:
            return []
        out: dict[str, float] = {}
        for term in [*self.by_key.get(phonetic(word), ())[:8], *self.by_key.get("n:" + nysiis(word), ())[:8]]:
            ratio = fuzz.ratio(word, term)
            if ratio >= 50:  # sounding alike is not enough on its own
                out[term] = max(out.get(term, 0.0), 0.5 + 0.4 * ratio / 100)
        if len(word) >= 4:
            cutoff = 75 if len(word) <= 5 else 80
            for term, ratio, _ in process.extract(word, self.terms, scorer=fuzz.ratio, score_cutoff=cutoff, limit=4):
                out[term] = max(out.get(term, 0.0), 0.9 * ratio / 100)
        return sorted(out.items(), key=lambda tw: (-tw[1], tw[0]))[:5]


def plan(vocab: Vocabulary, query: str) -> list[Group]:
    """For each word said (stop words dropped unless nothing else is left), the catalog words it may
    mean; words that match nothing in the catalog are dropped."""
    words = tokenize(query)
    content = [w for w in words if w not in STOPWORDS] or words
    return [alts for alts in (vocab.alternatives(w) for w in dict.fromkeys(content)) if alts]


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


@dataclass(frozen=True)
class Candidate:
    pid: int
    sku: str
    names: tuple[str, ...]  # name and aliases
    other: str  # tags, category, brand, option values
    bm25: float


def _match(groups: Iterable[Group], columns: str | None) -> str:
    parts = ["(" + " OR ".join(f'"{t}"' for t, _ in sorted(g)) + ")" for g in groups]
    expr = " AND ".join(parts)
    return f"{columns} : ({expr})" if columns else expr


def candidates(conn: sqlite3.Connection, vocab: Vocabulary, groups: list[Group], where: str,
               params: list[object], want: int, bm25: Bm25 | None = None) -> list[Candidate]:
    """Products matching all words, then fewer words (the most common dropped first), shortest names first.
    With ``bm25`` (kept by the store per catalog version) the BM25 scores are computed from its cached
    counts, the same values SQLite's ``bm25()`` gives (see :mod:`catalog.sqlite_bm25`) without recounting
    every phrase's rows on every statement."""
    by_rarity = sorted(groups, key=lambda g: (-vocab.idf(g), g[0][0]))
    found: dict[int, Candidate] = {}
    score = SQL_BM25 if bm25 is None else "f.rowid, f.tags, f.category, f.brand, f.description, f.options"
    sql = ("SELECT p.id, p.sku, f.name, f.aliases, f.tags || ' ' || f.category || ' ' || f.brand || ' ' || f.options,"
           f" {score} FROM products_fts f JOIN products p ON p.id = (f.rowid & {PID_MASK})"
           f" WHERE products_fts MATCH ? {where} LIMIT {CAP}")
    for k in range(len(by_rarity), 0, -1):
        for columns in (NAME_COLUMNS, None):
            match = _match(by_rarity[:k], columns)
            rows = conn.execute(sql, [match, *params]).fetchall()
            if bm25 is not None:
                new = {r[0]: r for r in rows if r[0] not in found}
                phrases = [t for g in by_rarity[:k] for t, _ in sorted(g)]
                scores = bm25.scores(conn, match, phrases, columns is not None,
                                     [(r[5], (r[2], r[3], *r[6:11])) for r in new.values()])
            for r in rows:
                if r[0] not in found:
                    value = -float(r[5]) if bm25 is None else scores[r[5]]
                    found[r[0]] = Candidate(r[0], r[1], (r[2], *[a for a in r[3].split(" | ") if a]), r[4], value)
            if len(found) >= want:
                return list(found.values())
    return list(found.values())


def rank(vocab: Vocabulary, groups: list[Group], found: list[Candidate]) -> list[tuple[float, Candidate]]:
    if not found or not groups:
        return []
    weights = [vocab.idf(g) for g in groups]
    total = sum(weights) or 1.0
    term_map: dict[str, list[tuple[int, float]]] = {}
    for gi, g in enumerate(groups):
        for t, w in g:
            term_map.setdefault(t, []).append((gi, w))
    best_bm25 = max(c.bm25 for c in found) or 1.0
    corrected = " ".join(g[0][0] for g in groups)
    scored: list[tuple[float, Candidate]] = []
    for c in found:
        best = (-1.0, 0.0)
        best_tokens: tuple[str, ...] = ()
        for name in c.names:
            tokens = _name_tokens(name)
            if not tokens:
                continue
            hit = [0.0] * len(groups)
            covered = 0.0
            for t in tokens:
                top = 0.0
                for gi, w in term_map.get(t, ()):
                    if w > hit[gi]:
                        hit[gi] = w
                    top = max(top, w)
                covered += top
            recall = sum(w * h for w, h in zip(weights, hit, strict=True)) / total
            if (recall, covered / len(tokens)) > best:
                best, best_tokens = (recall, covered / len(tokens)), tokens
        similarity = fuzz.token_set_ratio(corrected, " ".join(best_tokens)) / 100.0
        padded = _padded(c.other)
        other = sum(w for w, g in zip(weights, groups, strict=True) if any(f" {t} " in padded for t, _ in g)) / total
        score = (0.45 * max(0.0, best[0]) + 0.25 * best[1] + 0.1 * other + 0.1 * similarity
                 + 0.1 * max(0.0, c.bm25 / best_bm25))
        scored.append((round(score, 6), c))
    scored.sort(key=lambda sc: (-sc[0], sc[1].sku))
    return scored
