"""The catalog's vocabulary, indexed once per catalog and shared by every session.

Phrases (token tuples) for product names and aliases (with plurals and sub-phrases), option values and
aliases (with the group's class noun dropped: "oat milk" -> "oat"), and option-group names. Unknown words
are corrected to catalog words with fuzzy (rapidfuzz) and phonetic (metaphone) tolerance, cached.
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import jellyfish
from rapidfuzz import fuzz, process

from catalog.models import OptionGroup, Product
from dialogue.intents import cue_words
from dialogue.normalize import tokens
from dialogue.numbers import to_digits
from dialogue.words import COMMON, STOPWORDS

# Words that are never an option value by themselves ("yes"/"no" codes of a "warmed" group, ...).
_NEVER_OPTION = frozenset({"yes", "no", "none", "true", "false", "on", "off", "y", "n", "regular", "normal",
                           "standard", "default", "plain", "any", "all"})

_CUES = cue_words()
_GENERIC_GROUP_WORDS = frozenset({"options", "option", "choices", "choice", "types", "type", "kinds", "kind",
                                  "selection", "selections", "variety", "varieties"})

# General shop/café synonyms: a phrase containing one member also answers to the others.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("non fat", "nonfat", "skim", "skimmed", "fat free", "no fat"),
    ("decaf", "decaffeinated", "decaff", "unleaded", "no caffeine", "without caffeine", "caffeine free",
     "non caffeinated", "uncaffeinated", "not caffeinated"),
    ("sweetener", "sweetner", "syrup", "sauce", "flavor", "flavour", "flavoring"),
    ("iced", "ice"),  # "cold" is the weather or a note ("served cold, no ice"), not the iced option
    ("grey", "gray"), ("colour", "color"), ("donut", "doughnut"), ("togo", "to go"),
    ("2 percent", "reduced fat"), ("quadruple", "quad"), ("single", "solo"),
)


@dataclass(frozen=True)
class Target:
    """What a phrase can mean: a product, an option value, or an option group (for questions)."""

    kind: str  # "product" | "option" | "group"
    sku: str = ""
    group: str = ""
    value: str = ""
    exact: bool = True  # False: a sub-phrase of a product name ("strawberry" of "wild strawberry tea")


def _variants(phrase: tuple[str, ...]) -> set[tuple[str, ...]]:
    out = {phrase}
    text = " ".join(phrase)
    for syns in SYNONYMS:
        for s in syns:
            padded = f" {text} "
            if f" {s} " in padded:
                for other in syns:
                    if other != s:
                        out.add(tuple(padded.replace(f" {s} ", f" {other} ").split()))
    return out


def _plurals(phrase: tuple[str, ...]) -> set[tuple[str, ...]]:
    last = phrase[-1]
    if not last.isalpha() or len(last) < 3:
        return {phrase}
    forms = {last + "s", last + "es"}
    if last.endswith("y"):
        forms.add(last[:-1] + "ies")
    if last.endswith("s"):
        forms = {last + "es"}
    return {phrase} | {(*phrase[:-1], f) for f in forms}


@functools.lru_cache(maxsize=65536)
def phrase_of(text: str) -> tuple[str, ...]:
    toks = to_digits(tokens(text))
    while toks and toks[0] in ("the", "a", "an"):
        toks = toks[1:]
    return tuple(toks)


class Lexicon:
    """Index of one catalog. Build once (``Lexicon(store.products())`` or :meth:`for_store`)."""

    def __init__(self, products: Iterable[Product]):
        self.products: dict[str, Product] = {p.sku: p for p in products if p.active}
        self.phrases: dict[tuple[str, ...], list[Target]] = defaultdict(list)
        # option values spelled like common words ("everything", "plain"): meant only right before a product
        # that offers them ("an everything bagel"), never on their own
        self.guarded: dict[str, list[Target]] = defaultdict(list)
        self.groups: dict[str, OptionGroup] = {}
        self.option_skus: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.search_index: dict[str, set[str]] = defaultdict(set)
        self._fix_cache: dict[str, str | None] = {}
        self._lock = threading.Lock()
        self._base: set[str] = set()
        self._group_cache: dict[OptionGroup, list[tuple[tuple[str, ...], Target]]] = {}  # words of names as written (no generated plurals): what fixes aim at
        partial: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for p in self.products.values():
            names = [phrase_of(p.name), *(phrase_of(a) for a in p.aliases)]
            for name in names:
                if not name:
                    continue
                self._base.update(name)
                for v in _variants(name):
                    for form in _plurals(v):
                        self._add(form, Target("product", sku=p.sku))
                for a in range(len(name)):
                    for b in range(a + 1, len(name) + 1):
                        sub = name[a:b]
                        if sub != name and not all(t in STOPWORDS or len(t) < 3 for t in sub):
                            if sub[0] not in STOPWORDS and sub[-1] not in STOPWORDS:
                                for form in _plurals(sub):
                                    partial[form].add(p.sku)
            for word in (*phrase_of(p.name), *phrase_of(p.category), *phrase_of(p.brand),
                         *(w for t in p.tags for w in phrase_of(t)), *(w for a in p.aliases for w in phrase_of(a))):
                if word not in STOPWORDS:
                    self.search_index[word].add(p.sku)
            for g in p.option_groups:
                self._index_group(p, g)
        for sub, skus in partial.items():
            if sub not in self.phrases:
                for sku in sorted(skus):
                    self.phrases[sub].append(Target("product", sku=sku, exact=False))
        self.max_len = max((len(k) for k in self.phrases), default=1)
        self.vocab: list[str] = sorted(t for t in self._base if t.isalpha() and len(t) >= 3)
        self._product_words = frozenset(w for p in self.products.values() for w in phrase_of(p.name)
                                        if w.isalpha() and w not in STOPWORDS)
        self._vocab_set = frozenset(t for k in self.phrases for t in k)
        self._short: dict[int, list[str]] = defaultdict(list)  # catalog words of 3-6 letters by length
        for w in sorted(self._vocab_set):
            if 3 <= len(w) <= 6 and w.isalpha():
                self._short[len(w)].append(w)
        self._sound: dict[str, list[str]] = defaultdict(list)
        for w in self.vocab:
            self._sound[jellyfish.metaphone(w)].append(w)

    # --- building ---------------------------------------------------------------------------------
    def _add(self, phrase: tuple[str, ...], target: Target) -> None:
        if target.kind != "product" and len(phrase) == 1 and phrase[0] in STOPWORDS | _NEVER_OPTION:
            if target.kind == "option" and target not in self.guarded[phrase[0]]:
                self.guarded[phrase[0]].append(target)  # "everything" bagel: only right before its product
            return
        if phrase and target not in self.phrases[phrase]:
            self.phrases[phrase].append(target)

    def _index_group(self, product: Product, group: OptionGroup) -> None:
        self.groups.setdefault(group.code, group)
        for value in group.values:
            self.option_skus[(group.code, value.code)].add(product.sku)
        entries = self._group_cache.get(group)
        if entries is None:
            entries = self._group_entries(group)
            self._group_cache[group] = entries
        for phrase, target in entries:
            self._add(phrase, target)

    def _group_entries(self, group: OptionGroup) -> list[tuple[tuple[str, ...], Target]]:
        out: list[tuple[tuple[str, ...], Target]] = []
        names = {phrase_of(group.name), phrase_of(group.code), *(phrase_of(a) for a in group.aliases)}
        for name in list(names):  # "milk options" is also asked about as "milk"
            while len(name) > 1 and name[-1] in _GENERIC_GROUP_WORDS:
                name = name[:-1]
                names.add(name)
        for name in names:
            if name:
                for v in _variants(name):
                    for form in _plurals(v):
                        out.append((form, Target("group", group=group.code)))
        heads = Counter(phrase_of(v.name)[-1] for v in group.values if len(phrase_of(v.name)) > 1)
        full_names = {phrase_of(v.name) for v in group.values}
        for value in group.values:
            names = {phrase_of(value.name), *(phrase_of(a) for a in value.aliases)}
            if any(c.isalpha() for c in value.code):
                names.add(phrase_of(value.code))
            base = phrase_of(value.name)
            if len(base) > 1 and heads[base[-1]] >= 2 and base[:-1] not in full_names:
                short = base[:-1]
                if not (len(short) == 1 and (short[0] in STOPWORDS or short[0] in ("no", "none", "extra"))):
                    names.add(short)
            for name in names:
                if not name:
                    continue
                for v in _variants(name):
                    self._base.update(v)
                    out.append((v, Target("option", group=group.code, value=value.code)))
        return out

    # --- lookups --------------------------------------------------------------------------------
    def known(self, word: str) -> bool:
        """A word of some catalog phrase."""
        return word in self._vocab_set

    def correct(self, tok: str) -> list[str]:
        """A word as catalog words: itself if known, else a fuzzy/phonetic fix or a split compound."""
        if tok in self._vocab_set or not tok.isalpha() or tok in COMMON or tok in _CUES or len(tok) < 3:
            return [tok]
        with self._lock:
            if tok in self._fix_cache:
                fixed = self._fix_cache[tok]
                return fixed.split() if fixed else [tok]
        fixed = self._fix(tok)
        with self._lock:
            if len(self._fix_cache) > 50_000:
                self._fix_cache.clear()
            self._fix_cache[tok] = fixed
        return fixed.split() if fixed else [tok]

    def _fix(self, tok: str) -> str | None:
        for cut in range(3, len(tok) - 2):  # "oatmilk" -> "oat milk"
            a, b = tok[:cut], tok[cut:]
            if a in self._vocab_set and b in self._vocab_set and len(a) >= 3 and len(b) >= 3:
                return f"{a} {b}"
        if len(tok) >= 4:
            cutoff = 80.0 if len(tok) >= 5 else 85.0
            if tok.endswith(("ed", "ing")):
                cutoff = 90.0  # "steamed" is a word of its own, not a misheard "steamer"
            for word, _score, _ in process.extract(tok, self.vocab, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3):
                if word[0] == tok[0]:
                    return str(word)
        sounds = [w for w in self._sound.get(jellyfish.metaphone(tok), [])
                  if w[0] == tok[0] and fuzz.ratio(w, tok) >= 70]
        if sounds:
            return min(sounds, key=lambda w: (abs(len(w) - len(tok)), w))
        return self._abbreviation(tok)

    def fix_before(self, tok: str, nxt: str) -> str | None:
        """A short unknown word one letter off a catalog word that forms a catalog phrase with the next word
        ("oak milk" -> "oat milk", "skin milk" -> "skim milk"): too short for fuzzy matching alone, the phrase
        settles it."""
        if not 3 <= len(tok) <= 6 or not tok.isalpha() or tok in self._vocab_set or tok in COMMON or tok in _CUES:
            return None
        hits = [w for w in self._short.get(len(tok), ()) if sum(a != b for a, b in zip(w, tok, strict=True)) == 1
                and (w, nxt) in self.phrases]
        return hits[0] if len(hits) == 1 else None

    def _abbreviation(self, tok: str) -> str | None:
        """"cap", "capps", "macch": the clipped front of exactly one long product-name word."""
        stem = tok[:-1] if tok.endswith("s") and len(tok) > 3 else tok
        if len(stem) < 3:
            return None
        hits = {w for w in self._product_words if w.startswith(stem) and len(w) >= len(stem) + 5}
        return next(iter(hits)) if len(hits) == 1 else None

    @staticmethod
    def search_words(product: Product) -> set[str]:
        """The words :meth:`search` finds a product by (name, category, brand, tags, aliases)."""
        words = {*phrase_of(product.name), *phrase_of(product.category), *phrase_of(product.brand),
                 *(w for t in product.tags for w in phrase_of(t)), *(w for a in product.aliases for w in phrase_of(a))}
        return {w for w in words if w not in STOPWORDS}

    def search(self, words: Iterable[str], *, min_cents: int | None = None, max_cents: int | None = None,
               limit: int = 10) -> list[Product]:
        """Products ranked by how many query words they answer to (name words count double)."""
        scores: Counter[str] = Counter()
        for w in words:
            for form in {w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w}:
                for sku in self.search_index.get(form, ()):
                    name_hit = form in phrase_of(self.products[sku].name)
                    scores[sku] += 2 if name_hit else 1
        ranked = sorted(scores, key=lambda s: (-scores[s], self.products[s].price_cents, s))
        out = [self.products[s] for s in ranked]
        if not out and (min_cents is not None or max_cents is not None):
            out = sorted(self.products.values(), key=lambda p: (p.price_cents, p.sku))
        out = [p for p in out if (min_cents is None or p.price_cents >= min_cents)
               and (max_cents is None or p.price_cents <= max_cents)]
        return out[:limit]

    # --- sharing ----------------------------------------------------------------------------------
    _cache: weakref.WeakKeyDictionary[Any, tuple[int, Lexicon]] = weakref.WeakKeyDictionary()
    _cache_lock = threading.Lock()

    @classmethod
    def for_store(cls, store: Any) -> Lexicon:
        """The lexicon for a store, built once and reused while its products stay the same.

        The cache holds the store weakly: a closed, forgotten store takes its lexicon with it.
        """
        products = store.products()
        signature = hash(tuple((p.sku, p.name, p.option_groups, p.aliases) for p in products))
        with cls._cache_lock:
            try:
                hit = cls._cache.get(store)
            except TypeError:  # a store that cannot be weakly referenced: no sharing
                hit = None
            if hit is not None and hit[0] == signature:
                return hit[1]
        lex = cls(products)
        with cls._cache_lock:
            try:
                cls._cache[store] = (signature, lex)
            except TypeError:
                pass
        return lex
