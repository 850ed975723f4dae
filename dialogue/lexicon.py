"""The catalog's vocabulary, indexed once per catalog and shared by every session.

Phrases (token tuples) for product names and aliases (with plurals and sub-phrases), option values and
aliases (with the group's class noun dropped: "oat milk" -> "oat"), and option-group names. Unknown words
are corrected to catalog words with fuzzy (rapidfuzz) and phonetic (metaphone) tolerance, cached.

Two implementations answer the same lookups (``products``, ``phrases``, ``groups``, ``option_skus``,
``search_index``, ``known``, ``correct``, ``fix_before``, ``search``):

* :class:`Lexicon` holds every phrase of every product in memory: exact and fast, for shop-sized catalogs.
* :class:`IndexedLexicon` reads products on demand from the store's indexes (full-text search on names and
  aliases, the ``search_terms`` vocabulary, the ``option_groups`` table kept at import time) and keeps
  bounded caches: a million products greet in well under a second without being read.

:meth:`Lexicon.for_store` chooses by size (above :data:`INDEXED_ABOVE` products) or by
``VOICECART_LEXICON=memory|indexed``.
"""

from __future__ import annotations

import functools
import os
import re
import threading
import weakref
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, ValuesView
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Generic, TypeVar

import jellyfish
from rapidfuzz import fuzz, process

from catalog.models import AMOUNTS, OptionGroup, Product
from catalog.store import Store
from dialogue.catalog_view import CatalogView, StoreCatalogView
from dialogue.codes import (
    ends_said_once,
    leading_measures,
    numbers_after_shared_lead,
    shared_measures,
    spoken_codes,
    words_after_codes,
)
from dialogue.dates import spoken_dates
from dialogue.fractions import spoken_fractions
from dialogue.intents import cue_words
from dialogue.normalize import CODE_RE, tokens
from dialogue.numbers import PLURAL_NUMBERS, to_digits
from dialogue.phrasebook import phrases, words
from dialogue.service_verbs import done_forms, verb_forms
from dialogue.words import COMMON, STOPWORDS

# Words that are never an option value by themselves ("yes"/"no" codes of a "warmed" group, ...).
_NEVER_OPTION = frozenset({"yes", "no", "none", "true", "false", "on", "off", "y", "n", "regular", "normal",
                           "standard", "default", "plain", "any", "all"})

_CUES = cue_words()
# The words of the units goods are counted and sold by ("pair", "dozen", "feet"): read as units, never "corrected"
# into a catalog word ("a pair of socks" is no "para" of a "para cord").
_UNIT_WORDS = frozenset(w for entry in phrases("unit_forms") for w in entry)
_NOT_A_KIND = words("not_a_kind")
_UNSAID_R_ENDS = sorted(words("unsaid_r_ends"))
_PACKAGE_WORDS = words("packages")  # "a tube of": a word of its own, never a slip for a catalog's "tub"
_MEASURE_WORDS = words("measures")  # "a hazelnut shot": a word of its own, never a slip for a catalog's "short"
_CHOICE_LEADS = frozenset(words("choice_leads"))
_FIT_LEADS = words("fit_leads")
# Value codes that are amount words ("extra" for "extra ice"): never a name of the value by themselves.
_AMOUNT_CODES = frozenset({*AMOUNTS, "less", "more", "no"})
_GENERIC_GROUP_WORDS = frozenset({"options", "option", "choices", "choice", "types", "type", "kinds", "kind",
                                  "selection", "selections", "variety", "varieties"})

# General shop/café synonyms: a phrase containing one member also answers to the others.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("non fat", "nonfat", "skim", "skimmed", "fat free", "no fat"),
    ("decaf", "decaffeinated", "decaff", "unleaded", "no caffeine", "without caffeine", "caffeine free",
     "non caffeinated", "uncaffeinated", "not caffeinated"),
    ("lactose free", "no lactose", "without lactose"),
    ("sweetener", "sweetner", "syrup", "sauce", "flavor", "flavour", "flavoring"),
    ("iced", "ice"),  # "cold" is the weather or a note ("served cold, no ice"), not the iced option
    ("grey", "gray"), ("colour", "color"), ("donut", "doughnut"), ("togo", "to go"),
    ("2 percent", "reduced fat"), ("quadruple", "quad"), ("single", "solo"),
    ("lb", "lbs", "pound", "pounds"), ("oz", "ounce", "ounces"),  # "a 15 pound bag" of the "15 lb" size
    ("person", "man"),  # "a one man tent": the "1 person" capacity
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


def _amount_only(sub: tuple[str, ...]) -> bool:
    """"extra" of a product named "extra waffle cone": an amount word is no part that names the product."""
    return all(t in _AMOUNT_CODES for t in sub)


_COUNTING = words("piece_words") | words("count_nouns") | words("pack_words")


def _count_only(sub: tuple[str, ...]) -> bool:
    """"2 pack" of "wig caps 2 pack", "12 piece" of "12 piece brush set": a number and the words that count what
    one unit holds name no product (they are what a shopper counts with: "two packs of clips"). A model number of
    four digits or more said alone ("the 4060" of "rtx 4060") is no count: it may name the product."""
    if len(sub) == 1 and sub[0].isdigit() and len(sub[0]) >= 4 and sub[0][0] != "0":
        return False
    return any(t.isdigit() for t in sub) and all(t.isdigit() or t in _COUNTING for t in sub)


def _says_something(sub: tuple[str, ...]) -> bool:
    """A part of a name that may name the product alone: a word of three letters or more, or a size ("1 by 6" of
    "1x6 board": "six one by sixes")."""
    return not all(t in STOPWORDS or len(t) < 3 for t in sub) or (
        len(sub) == 3 and sub[1] == "by" and sub[0][:1].isdigit() and sub[2][:1].isdigit())


def _trimmed(phrase: tuple[str, ...]) -> tuple[str, ...]:
    """A shortened choice name without the function words left at its end: "lamb and rice" shortened by its
    shared head ("rice") is "lamb", not "lamb and" (which would swallow the "and" of "lamb and a bag of ...")."""
    while phrase and phrase[-1] in STOPWORDS:
        phrase = phrase[:-1]
    return phrase


_IRREGULAR = {p[0]: p[1] for p in phrases("irregular_plurals")}
_NAME_OF = words("name_of_words")  # "of" and the words other languages' names say it by ("empanada de carne")
_IRREGULAR_SINGULAR = {plural: one for one, plural in _IRREGULAR.items()}  # "mice" -> "mouse"
# a number word's plural by its value (90 -> "nineties"): a product named by a number ("a pvc 90") said in the plural
_NUMBER_PLURALS = {v: w for w, v in PLURAL_NUMBERS.items()}


def _plurals(phrase: tuple[str, ...], whole: bool = False) -> set[tuple[str, ...]]:
    """A phrase and its plurals by the last word; ``whole`` (a product's whole name): also "-f(e)" as "-ves" ("half
    and halves", "loaves"), which a part of a name does not get ("halves" of pizzas or pints names no "half" product),
    and a name of a measure of a thing by the measure's plural ("bottle of water": "two bottles of water")."""
    last = phrase[-1]
    if last in _IRREGULAR:  # "mice" of "optical mouse"
        return {phrase, (*phrase[:-1], _IRREGULAR[last])}
    if whole and last.isdigit() and int(last) in _NUMBER_PLURALS:  # "four half inch nineties" of a "ninety"
        return {phrase, (*phrase[:-1], _NUMBER_PLURALS[int(last)])}
    if not last.isalpha() or len(last) < 3:
        return {phrase}
    forms = {last + "s", last + "es"}
    if last.endswith("y"):
        forms.add(last[:-1] + "ies")
    if whole and last.endswith(("f", "fe")):
        forms.add(last.removesuffix("e")[:-1] + "ves")
    if last.endswith("s"):
        forms = {last + "es"}
    out = {phrase} | {(*phrase[:-1], f) for f in forms}
    if whole and _measure_of(phrase):
        out |= {(head, *phrase[1:]) for head in _measure_plural(phrase[0])}  # "bottles of water", "loaves of bread"
    return out


def _measure_of(phrase: tuple[str, ...]) -> bool:
    """A name of a measure of a thing ("bottle of water", "loaf of bread"): a word, "of" and what it holds."""
    return len(phrase) >= 3 and phrase[1] in _NAME_OF and phrase[0].isalpha() and len(phrase[0]) >= 3


def _measure_plural(word: str) -> set[str]:
    """The plural a measure word is said in before "of" ("bunches", "loaves", "boxes"): its one spelling, not the
    guesses a name's last word gets; none for a word already in the plural ("tins of cat food")."""
    if word in _IRREGULAR:
        return {_IRREGULAR[word]}
    if word in _IRREGULAR_SINGULAR or (word.endswith("s") and not word.endswith("ss")):
        return set()
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return {word + "es"}
    if word.endswith("y") and word[-2] not in "aeiou":
        return {word[:-1] + "ies"}
    if word.endswith(("f", "fe")) and not word.endswith("ff"):
        return {word.removesuffix("e")[:-1] + "ves"}
    return {word + "s"}


def _singular_forms(phrase: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The phrases whose :func:`_plurals` may give ``phrase`` (and itself): its last word's singulars (a number
    word's plural as its number), and a measure word before "of" in the singular ("bunches of bananas" -> "bunch of bananas")."""
    out = {(*phrase[:-1], last) for last in _singulars(phrase[-1])}
    if phrase[-1] in PLURAL_NUMBERS:  # "half inch nineties": what a name ending in "90" is said as in the plural
        out.add((*phrase[:-1], str(PLURAL_NUMBERS[phrase[-1]])))
    if _measure_of(phrase):
        out |= {(head, *phrase[1:]) for head in _singulars(phrase[0])}
    return out


@functools.lru_cache(maxsize=65536)
def phrase_of(text: str) -> tuple[str, ...]:
    toks = to_digits(tokens(text))
    while toks and toks[0] in ("the", "a", "an"):
        toks = toks[1:]
    return tuple(toks)


def _with_article(names: Iterable[str]) -> set[tuple[str, ...]]:
    """A choice's name that is an everyday word once its article is dropped ("the works" of a hot dog's toppings:
    "works") is also indexed with its article, so "a hot dog with the works" names that choice."""
    out: set[tuple[str, ...]] = set()
    for name in names:
        toks = tuple(to_digits(tokens(name)))
        bare = phrase_of(name)
        if len(toks) > len(bare) and len(bare) == 1 and bare[0] in STOPWORDS | _NEVER_OPTION:
            out.add(toks)
    return out


def _fit_said(names: Iterable[str]) -> set[tuple[str, ...]]:
    """A choice named by what it fits ("fits 16 inch", ``fit_leads``) is also said by what it fits, alone or after
    "for" ("snow chains for sixteen inch tires")."""
    out: set[tuple[str, ...]] = set()
    for name in names:
        toks = tuple(to_digits(tokens(name)))
        if len(toks) > 1 and toks[0] in _FIT_LEADS and not all(t in STOPWORDS for t in toks[1:]):
            out |= {toks[1:], ("for", *toks[1:])}
    return out


def _spelled_apart(names: Iterable[str]) -> set[tuple[str, ...]]:
    """A name with a letter-and-digit code ("a4 paper", "a5") kept as one token by :func:`tokens` is also indexed
    as it reads when said apart ("a four paper" -> "4 paper"), as it was before codes were kept whole."""
    out: set[tuple[str, ...]] = set()
    for name in names:
        toks = tokens(name)
        if any(CODE_RE.fullmatch(t) for t in toks):
            out.add(phrase_of(" ".join(f"{t[0]} {t[1:]}" if CODE_RE.fullmatch(t) else t for t in toks)))
    return out


_PHRASE_END_LEN = 3  # the catalog phrases whose last word a sound-alike slip is settled by (see sound_alike_end)


class Lexicon:
    """Index of one catalog, all in memory. Build once (``Lexicon(store.products())`` or :meth:`for_store`)."""

    products: Mapping[str, Product]
    phrases: Mapping[tuple[str, ...], list[Target]]
    option_skus: Mapping[tuple[str, str], AbstractSet[str]]
    search_index: Mapping[str, AbstractSet[str]]
    _vocab_set: Container[str]

    def __init__(self, products: Iterable[Product]):
        self.products = {p.sku: p for p in products if p.active}
        self._phrases: dict[tuple[str, ...], list[Target]] = defaultdict(list)
        self.phrases = self._phrases
        # option values spelled like common words ("everything", "plain"): meant only right before a product
        # that offers them ("an everything bagel"), never on their own
        self.guarded: dict[str, list[Target]] = defaultdict(list)
        self.groups: dict[str, OptionGroup] = {}
        # each group's own names ("flavor shots"), for groups of one code that differ ("flavor" of a muffin too)
        self.named_groups: dict[tuple[str, ...], list[OptionGroup]] = defaultdict(list)
        self._option_skus: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.option_skus = self._option_skus
        self._search_index: dict[str, set[str]] = defaultdict(set)
        self.search_index = self._search_index
        self._fix_cache: dict[str, str | None] = {}
        self._lock = threading.Lock()
        self._base: set[str] = set()
        # per group: (phrase, target, literal) — literal: said as written, not only through a SYNONYMS swap
        self._group_cache: dict[OptionGroup, list[tuple[tuple[str, ...], Target, bool]]] = {}
        self._literal: dict[tuple[str, ...], set[Target]] = defaultdict(set)
        partial: dict[tuple[str, ...], set[str]] = defaultdict(set)
        kinds: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self._shared_measures = shared_measures((g.code, [v.name for v in g.values])
                                                for p in self.products.values() for g in p.option_groups)
        for p in self.products.values():
            names = [phrase_of(p.name), *(phrase_of(a) for a in p.aliases), *_spelled_apart((p.name, *p.aliases)),
                     *spoken_fractions((p.name, *p.aliases)), *ends_said_once((p.name, *p.aliases))]
            for name in names:
                if not name:
                    continue
                self._base.update(name)
                for v in _variants(name):
                    for form in _plurals(v, whole=True):
                        self._add(form, Target("product", sku=p.sku))
                for a in range(len(name)):
                    for b in range(a + 1, len(name) + 1):
                        sub = name[a:b]
                        if sub != name and _says_something(sub) and not _amount_only(sub) and not _count_only(sub):
                            if sub[0] not in STOPWORDS and sub[-1] not in STOPWORDS:
                                for form in _plurals(sub):
                                    partial[form].add(p.sku)
            for kind in _kind_forms(p.category):  # "two shakes, a kale cooler and a berry burst"; "a shake"
                kinds[kind].add(p.sku)
            for word in (*phrase_of(p.name), *phrase_of(p.category), *phrase_of(p.brand),
                         *(w for t in p.tags for w in phrase_of(t)), *(w for a in p.aliases for w in phrase_of(a))):
                if word not in STOPWORDS:
                    self._search_index[word].add(p.sku)
            for g in p.option_groups:
                self._index_group(p, g)
        self._prefer_literal()
        self._option_plurals()
        self._option_singulars()
        self._counted_singulars()
        self._led_choices()
        self._choices_before_of()
        described = _described_heads(self.products.values(), {t for k in self._phrases for t in k})
        for sub, skus in kinds.items():  # the shop's kind of that name ("tires"), not the other names the word is in
            if sub in partial:  # only as what they are for ("tire" of "tire plug kit", no tire)
                partial[sub] = (partial[sub] & skus) or skus
        for table in (partial, kinds, described):  # a category's kind only where no name, part of one or choice
            # says it; a description's head word ("dumplings") only where nothing else does
            for sub, skus in table.items():
                if sub not in self._phrases:
                    for sku in sorted(skus):
                        self._phrases[sub].append(Target("product", sku=sku, exact=False))
        self.max_len = max((len(k) for k in self._phrases), default=1)
        self.vocab: list[str] = sorted(t for t in self._base if t.isalpha() and len(t) >= 3)
        self._product_words = frozenset(w for p in self.products.values() for w in phrase_of(p.name)
                                        if w.isalpha() and w not in STOPWORDS)
        vocab_set = frozenset(t for k in self._phrases for t in k)
        self._vocab_set = vocab_set
        self._short: dict[int, list[str]] = defaultdict(list)  # catalog words of 3-6 letters by length
        for w in sorted(vocab_set):
            if 3 <= len(w) <= 6 and w.isalpha():
                self._short[len(w)].append(w)
        self._sound: dict[str, list[str]] = defaultdict(list)
        for w in self.vocab:
            self._sound[jellyfish.metaphone(w)].append(w)
        self._phrase_ends: dict[tuple[str, ...], set[str]] = defaultdict(set)  # "rice and" -> {"peas"}
        for k in self._phrases:
            if len(k) == _PHRASE_END_LEN and k[-1].isalpha():
                self._phrase_ends[k[:-1]].add(k[-1])

    # --- building ---------------------------------------------------------------------------------
    def _add(self, phrase: tuple[str, ...], target: Target) -> None:
        if target.kind != "product" and len(phrase) == 1 and phrase[0] in STOPWORDS | _NEVER_OPTION:
            if target.kind == "option" and target not in self.guarded[phrase[0]]:
                self.guarded[phrase[0]].append(target)  # "everything" bagel: only right before its product
            return
        if phrase and target not in self._phrases[phrase]:
            self._phrases[phrase].append(target)

    def _index_group(self, product: Product, group: OptionGroup) -> None:
        for value in group.values:
            self._option_skus[(group.code, value.code)].add(product.sku)
        self._index_definition(group)

    def _index_definition(self, group: OptionGroup) -> None:
        self.groups.setdefault(group.code, group)
        entries = self._group_cache.get(group)
        if entries is None:
            entries = self._group_entries(group)
            self._group_cache[group] = entries
        for phrase, target, literal in entries:
            self._add(phrase, target)
            if target.kind == "group" and group not in self.named_groups[phrase]:
                self.named_groups[phrase].append(group)
            if literal:
                self._literal[phrase].add(target)

    def _counted_singulars(self) -> None:
        """"the two serving" for a choice named "2 servings", "a twenty piece" for "20 pieces": a choice named by a
        number over one and a plural word names that choice with the word in the singular too, as a number before a
        noun is said; where that singular is no phrase of anything else."""
        extra: dict[tuple[str, ...], list[Target]] = {}
        for phrase, targets in self._phrases.items():
            if len(phrase) != 2 or not phrase[0].isdigit() or int(phrase[0]) < 2 or not phrase[1].isalpha() \
                    or len(phrase[1]) < 4 or not phrase[1].endswith("s") or phrase[1].endswith("ss"):
                continue
            options = [t for t in targets if t.kind == "option"]
            one = (phrase[0], phrase[1][:-1])
            if options and len(options) == len(targets) and one not in self._phrases:
                extra.setdefault(one, []).extend(t for t in options if t not in extra.get(one, ()))
        self._phrases.update(extra)

    def _option_plurals(self) -> None:
        """"two vanilla cones", "three waffle cones": a choice's name in the plural names that choice, where the
        plural is no phrase of anything else (a product, a group or another choice keeps its own) but another value
        of the same group (another product's: "two small bottles of jameson", the whiskey's "small bottle" size,
        though the tonic's four pack is "small bottles"; the product said picks the one it comes in; "hots", the hot
        peppers, stays no plural of the toasting's "hot"). Where the plural
        is spelled out for one group's value of that name only ("cokes" for the soda's flavour), it names the same
        value of the other groups too (the combo's drink: "the combo with two cokes")."""
        extra: dict[tuple[str, ...], list[Target]] = {}
        for phrase, targets in self._phrases.items():
            last = phrase[-1] if phrase else ""
            if not last.isalpha() or len(last) < 3 or last.endswith("s"):
                continue
            options = [t for t in targets if t.kind == "option"]
            if not options or len(options) != len(targets):
                continue
            forms = {last + "s", last[:-1] + "ies"} if last.endswith("y") else {last + "s"}
            groups = {t.group for t in options}
            for form in forms:
                plural = (*phrase[:-1], form)
                have = self._phrases.get(plural)
                if have is None or (have and all(t in options or (t.kind == "option" and t.group in groups)
                                                 for t in have)):
                    extra.setdefault(plural, list(have or ())).extend(
                        t for t in options if t not in extra.get(plural, have or ()))
        self._plural_options = frozenset(p for p in extra if p not in self._phrases)
        self._phrases.update(extra)

    def _option_singulars(self, named: Callable[[tuple[str, ...]], bool] = lambda phrase: False,
                          of_products: Callable[[str], bool] | None = None) -> None:
        """"a dive ring set": a choice named in the plural by two or more words ("dive rings", "sausage links") said
        in the singular, as a noun's modifier, names that choice, where the singular is no phrase of anything else."""
        extra: dict[tuple[str, ...], list[Target]] = {}
        of_products = of_products or (lambda word: word in self._search_index)
        for phrase, targets in self._phrases.items():
            last = phrase[-1] if phrase else ""
            if len(phrase) < 2 or not last.isalpha() or len(last) < 4 or not last.endswith("s") \
                    or last.endswith(("ss", "us", "is")):
                continue
            options = [t for t in targets if t.kind == "option"]
            if not options or len(options) != len(targets):
                continue
            one = last[:-3] + "y" if last.endswith("ies") else last[:-1]
            singular = (*phrase[:-1], one)
            if one in STOPWORDS or one in COMMON or one == "one" or any(w in STOPWORDS for w in phrase[:-1]):
                continue  # ("red ones": no "red one", which counts the next one said; "in slices": no "in slice")
            if singular not in self._phrases and not named(singular):  # (a product's name kept its own)
                extra.setdefault(singular, []).extend(t for t in options if t not in extra.get(singular, ()))
                alone = self._phrases.get((last,), [])
                if (one,) not in self._phrases and not of_products(one) and alone \
                        and all(t.kind == "option" for t in alone):
                    extra.setdefault((one,), list(alone))  # the singular is a known word now, no longer heard as
                    # the plural it names alone: "two pearl milk teas" (pearls: boba) still says that choice (not
                    # a word of a product's name: "a short stack of blueberry" is the blueberry pancakes)
        self._phrases.update(extra)

    def _led_choices(self) -> None:
        """A choice named with its lead word ("with lamb", a hummus topping) is also every other choice the words
        after the lead name ("lamb", a gyro's protein): "two with lamb and one chicken" said of gyros is their
        protein, the phrase said being the longer one."""
        for phrase, targets in self._phrases.items():
            if len(phrase) < 2 or phrase[0] not in _CHOICE_LEADS or not targets \
                    or any(t.kind != "option" for t in targets):
                continue
            targets.extend(t for t in self._phrases.get(phrase[1:], ()) if t.kind == "option" and t not in targets)

    def _choices_before_of(self) -> None:
        """A choice named with the "of" that follows it ("a quarter pound of", a weight of the walnuts) is also every
        other choice the words before "of" name ("a quarter pound", the paprika's "4 oz"): the longer phrase, said
        before the paprika, must not leave the paprika's own weight out."""
        for phrase, targets in self._phrases.items():
            if len(phrase) < 2 or phrase[-1] != "of" or not targets or any(t.kind != "option" for t in targets):
                continue
            targets.extend(t for t in self._phrases.get(phrase[:-1], ()) if t.kind == "option" and t not in targets)

    def _prefer_literal(self) -> None:
        """A phrase that names an option group (or value) as the catalog writes it means that one, not another
        that only a general synonym makes it reach: where a shop has both a "flavor" group and a "sauce" one,
        "what flavors" asks about the flavors (SYNONYMS join the two for a shop that has only one). A group's own
        name is no choice of another group either: "berry flavor" is the flavour, not the liquid form whose alias
        "syrup" the synonym would make "flavor"."""
        for phrase, literal in self._literal.items():
            targets = self._phrases.get(phrase)
            if not targets:
                continue
            kinds = {t.kind for t in literal}
            if "group" in kinds:
                kinds.add("option")
            kept = [t for t in targets if t.kind not in kinds or t in literal]
            if len(kept) != len(targets):
                self._phrases[phrase] = kept
        self._literal.clear()

    def _group_entries(self, group: OptionGroup) -> list[tuple[tuple[str, ...], Target, bool]]:
        out: list[tuple[tuple[str, ...], Target, bool]] = []
        names = {phrase_of(group.name), phrase_of(group.code), *(phrase_of(a) for a in group.aliases)}
        for name in list(names):  # "milk options" is also asked about as "milk"
            while len(name) > 1 and name[-1] in _GENERIC_GROUP_WORDS:
                name = name[:-1]
                names.add(name)
        for name in names:
            if name:
                for v in _variants(name):
                    for form in _plurals(v):
                        out.append((form, Target("group", group=group.code), v == name))
        heads = Counter(phrase_of(v.name)[-1] for v in group.values if len(phrase_of(v.name)) > 1)
        full_names = {phrase_of(v.name) for v in group.values}
        described = words_after_codes({v.code: [v.name, *v.aliases] for v in group.values})
        described |= numbers_after_shared_lead({v.code: v.name for v in group.values})  # "3600" of "DDR4-3600"
        measures = leading_measures({v.code: v.name for v in group.values},  # "32GB" of "32GB kit (2x16GB)"
                                    self._shared_measures.get(group.code, ()))
        for value in group.values:
            names = {phrase_of(value.name), *(phrase_of(a) for a in value.aliases)}
            names.update(_spelled_apart((value.name, *value.aliases)))
            names.update(spoken_fractions((value.name, *value.aliases)))
            names.update(ends_said_once((value.name, *value.aliases)))  # "usb a to c" of "USB-A to USB-C"
            names.update(spoken_codes((value.name, *value.aliases, *((measures[value.code],) if value.code in measures
                                                                     else ())), (group.name, *group.aliases)))
            names.update(spoken_dates((value.name, *value.aliases),  # "march seventh" of "Saturday March 7"
                                      [v.name for v in group.values if v.code != value.code]))
            if group.multiple:  # an add-on done to the goods, no kind of them ("slicing" tomatoes)
                names.update(verb_forms((value.name, *value.aliases)))  # "wind them" of "winding"
                names.update(done_forms((value.name, *value.aliases)))  # "mounted and balanced"
            if value.code in described:
                names.add(described[value.code])  # "medium" of "45-105 medium", "3600" of "DDR4-3600"
            names.update(_with_article((value.name, *value.aliases)))
            names.update(_fit_said((value.name, *value.aliases)))  # "16 inch" of "fits 16 inch"
            if any(c.isalpha() for c in value.code) and not (value.code in _AMOUNT_CODES and phrase_of(value.code) not in names):
                names.add(phrase_of(value.code))  # not "extra" for "extra ice": an amount word of any choice
            written = set(names)  # as the catalog writes it (not shortened)
            base = phrase_of(value.name)
            if len(base) > 1 and heads[base[-1]] >= 2 and _trimmed(base[:-1]) not in full_names \
                    and not base[-1].isdigit() and len(base[-1]) > 1:  # "3" of "3/4" or "5" of "5 b" (5B) is no
                # shortened name: 1/4 and 3/4, 5A and 5B share no head word
                short = _trimmed(base[:-1])  # "lamb" of "lamb and rice" (not "lamb and", which eats the "and")
                if not (len(short) == 1 and (short[0] in STOPWORDS or short[0] in ("no", "none", "extra"))):
                    names.add(short)
            for name in names:
                if not name:
                    continue
                for v in _variants(name):
                    self._base.update(v)
                    # "lychee" for "lychee jelly" is no literal name: a value named "lychee" in full wins it
                    out.append((v, Target("option", group=group.code, value=value.code), v == name and name in written))
        out.extend(_by_comparison(group))
        out.extend(_by_everyday_size(group))
        return out

    # --- lookups --------------------------------------------------------------------------------
    def known(self, word: str) -> bool:
        """A word of some catalog phrase."""
        return word in self._vocab_set

    def correct(self, tok: str) -> list[str]:
        """A word as catalog words: itself if known, else a fuzzy/phonetic fix or a split compound."""
        if tok in self._vocab_set or not tok.isalpha() or tok in COMMON or tok in _CUES or tok in _UNIT_WORDS \
                or tok in _PACKAGE_WORDS or len(tok) < 3:
            return [tok]
        with self._lock:
            if tok in self._fix_cache:
                fixed = self._fix_cache[tok]
                return fixed.split() if fixed else [tok]
        fixed = self._fix(tok)
        if fixed and tok in _MEASURE_WORDS and fixed not in (tok + "s", tok + "es", tok.removesuffix("s")):
            fixed = None  # "a hazelnut shot": a measure is a word of its own, no slip for "short" (but "drop" is
            # the catalog's "drops")
        with self._lock:
            if len(self._fix_cache) > 50_000:
                self._fix_cache.clear()
            self._fix_cache[tok] = fixed
        return fixed.split() if fixed else [tok]

    def _fix(self, tok: str) -> str | None:
        for plural in ("", "s"):  # "donna" -> "donner", "chowdas" -> "chowders": a final r left unsaid
            if tok.endswith("a" + plural) and len(tok) >= 4 + len(plural):
                stem = tok[:len(tok) - 1 - len(plural)]
                said = [w for end in _UNSAID_R_ENDS if (w := stem + end + plural) in self._vocab_set]
                if len(said) == 1:
                    return said[0]
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

    def fix_after(self, prev: str, tok: str) -> str | None:
        """A short unknown word one letter off a catalog word that forms a catalog phrase with the word before it
        ("mint ship" -> "mint chip"): a recogniser's slip the phrase settles, as :meth:`fix_before` does."""
        if not 3 <= len(tok) <= 6 or not tok.isalpha() or tok in self._vocab_set or tok in COMMON or tok in _CUES:
            return None
        hits = [w for w in self._short.get(len(tok), ()) if sum(a != b for a, b in zip(w, tok, strict=True)) == 1
                and (prev, w) in self.phrases]
        return hits[0] if len(hits) == 1 else None

    def sound_alike_end(self, first: str, second: str, tok: str) -> str | None:
        """"rice and peace" -> "rice and peas": a word the catalog does not have that sounds like (same metaphone)
        the one word ending a three-word catalog phrase begun by the two words before it; a common word too, as the
        two words settle it. None when none or several do."""
        ends = self._phrase_ends.get((first, second))
        if not ends or tok in self._vocab_set or not tok.isalpha() or len(tok) < 3:
            return None
        sound = jellyfish.metaphone(tok)
        hits = [w for w in ends if jellyfish.metaphone(w) == sound and w[0] == tok[0]]
        return hits[0] if len(hits) == 1 else None

    def joined_slip(self, first: str, second: str, nxt: str | None = None) -> str | None:
        """A product-name word the recogniser split into a catalog word and a word the catalog does not have
        ("pepper only" -> "pepperoni"): one word of a product's name that begins with the first word, goes on
        where the second begins, and is close to the two written together; None when none or several are. When
        the second is a common word ("only"), only before ``nxt`` that makes a catalog phrase with it ("pepper only
        pizza"; not "a pizza with pepper only")."""
        fixed = self._joined(first, second)
        if fixed is not None and second in COMMON and (nxt is None or (fixed, nxt) not in self.phrases):
            return None
        return fixed

    def _joined(self, first: str, second: str) -> str | None:
        if len(first) < 3 or len(second) < 2 or not first.isalpha() or not second.isalpha() \
                or first not in self._vocab_set or second in self._vocab_set or second in _CUES:
            return None
        key = f"{first}+{second}"
        with self._lock:
            if key in self._fix_cache:
                return self._fix_cache[key]
        joined = first + second
        hits = {str(w) for w, _score, _ in process.extract(joined, self.vocab, scorer=fuzz.ratio, score_cutoff=80.0,
                                                            limit=5)
                if w.startswith(first) and len(w) > len(first) + 1 and w[len(first)] == second[0]
                and w in self._product_words}
        fixed = hits.pop() if len(hits) == 1 else None
        with self._lock:
            self._fix_cache[key] = fixed
        return fixed

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
            for form in {w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w,
                         w[:-3] + "y" if w.endswith("ies") else w}:  # "allergies": the "allergy" pills
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

    def catalog_view(self) -> CatalogView:
        """Catalog-wide questions (the menu, the cheapest, a tag's products) over this lexicon's catalog."""
        return CatalogView(self.products)

    # --- sharing ----------------------------------------------------------------------------------
    _cache: weakref.WeakKeyDictionary[Store, tuple[object, Lexicon]] = weakref.WeakKeyDictionary()
    _cache_lock = threading.Lock()
    # A lexicon is a function of the products alone: stores that hold equal products (the lines of one shop, each
    # with its own database; a fresh store per conversation in the corpus runner and the tests) share one build
    # (about 40 ms for a 30-product menu) instead of each building its own. The last few catalogs are kept.
    _by_products: OrderedDict[object, Lexicon] = OrderedDict()
    SHARED_CATALOGS = 8

    @classmethod
    def _of_products(cls, products: list[Product]) -> Lexicon:
        key: object = tuple(products)
        try:
            hash(key)
        except TypeError:  # a variant's options are a mapping: the products' full text stands for them
            key = repr(key)
        with cls._cache_lock:
            lex = cls._by_products.get(key)
            if lex is not None:
                cls._by_products.move_to_end(key)
                return lex
        lex = cls(products)
        with cls._cache_lock:
            cls._by_products[key] = lex
            while len(cls._by_products) > cls.SHARED_CATALOGS:
                cls._by_products.popitem(last=False)
        return lex

    @classmethod
    def for_store(cls, store: Store, *, mode: str | None = None) -> Lexicon:
        """The lexicon for a store, built once and reused while its products stay the same.

        ``mode``: ``memory`` (every phrase in memory), ``indexed`` (:class:`IndexedLexicon`) or ``auto`` (the
        default, also from ``VOICECART_LEXICON``): indexed above :data:`INDEXED_ABOVE` products. The cache
        holds the store weakly: a closed, forgotten store takes its lexicon with it.
        """
        chosen = (mode or os.environ.get("VOICECART_LEXICON") or "auto").strip().lower()
        if chosen not in ("auto", "memory", "indexed"):
            raise ValueError(f"lexicon mode must be auto, memory or indexed, not {chosen!r}")
        if chosen == "auto":
            chosen = "indexed" if store.count_products() > INDEXED_ABOVE else "memory"
        products: list[Product] = []
        signature: object
        if chosen == "indexed":
            signature = ("indexed", store.catalog_version())
        else:
            products = store.products()
            signature = hash(tuple((p.sku, p.name, p.option_groups, p.aliases) for p in products))
        with cls._cache_lock:
            try:
                hit = cls._cache.get(store)
            except TypeError:  # a store that cannot be weakly referenced: no sharing
                hit = None
            if hit is not None and hit[0] == signature:
                return hit[1]
        lex = IndexedLexicon(store) if chosen == "indexed" else cls._of_products(products)
        with cls._cache_lock:
            try:
                cls._cache[store] = (signature, lex)
            except TypeError:
                pass
        return lex


# --- the indexed lexicon: large catalogs, looked up on demand ---------------------------------------------
INDEXED_ABOVE = 20_000  # products; above this :meth:`Lexicon.for_store` looks words up in the store's indexes
CANDIDATES = 64  # products read per phrase lookup (shortest names first)
MAX_PHRASE = 8  # longest product phrase the indexed lexicon matches (longer names match by their sub-phrases)
_MANY_SPELLINGS = 16  # a word spelled this many ways in the catalog ("12": 12oz, 12pk, ...) does not narrow a query

K = TypeVar("K")
V = TypeVar("V")


_SIZE_GROUPS = words("size_groups")
_COMPARATIVES = ((words("bigger"), 1), (words("biggest"), 2), (words("smaller"), -1), (words("smallest"), -2))
_COMPARED = [tuple(ph) for ph in phrases("compared_groups") if len(ph) == 3]


_SIZE_SAID_AS = phrases("size_said_as")
_HEAD_ENDS = words("description_head_ends")
_NOT_HEADS = words("description_not_heads") | words("packages") | words("containers") | words("measure_units") \
    | words("count_nouns") | words("measure_containers")


def _described_heads(products: Iterable[Product], known: AbstractSet[str]) -> dict[tuple[str, ...], set[str]]:
    """"a dozen dumplings" where the gyoza is described as "pan fried dumplings with a crispy skirt": the word that
    ends the first phrase of a product's description, said in the plural (a kind of goods, not "fried" nor an
    ingredient said in the singular: "thin sliced beef"), names it, in the singular and the plural, when it is no
    word of any catalog phrase nor an everyday word, and no other product's description ends so."""
    heads: dict[str, set[str]] = defaultdict(set)
    for p in products:
        first = (p.description or "").split(",")[0]
        said = phrase_of(first)
        end = next((i for i, w in enumerate(said) if w in _HEAD_ENDS), len(said))
        if end < 2 or end == len(said):
            continue  # a lone word ("filled"), or a phrase with no ending word ("cabin air filter that cleans the
            # air coming through the vents"): no phrase that says what it is
        head = said[end - 1]
        stem = head[:-2] if head.endswith("es") and head[:-2] in known else head[:-1] if head.endswith("s") else head
        if head.isalpha() and len(head) > 3 and head.endswith("s") and not head.endswith("ss") \
                and head not in COMMON and head not in _NOT_HEADS \
                and not {head, stem, stem + "s"} & known:
            heads[stem].add(p.sku)
    out: dict[tuple[str, ...], set[str]] = {}
    for stem, skus in heads.items():
        if len(skus) == 1:
            out[(stem,)] = set(skus)
            out[(stem + "s",)] = set(skus)
    return out


def _by_everyday_size(group: OptionGroup) -> list[tuple[tuple[str, ...], Target, bool]]:
    """"a big miso ramen" where the bowl size is "regular" or "large": an everyday size word no value of a size group
    names stands for the one value named by the word it means (``size_said_as``)."""
    if not (_SIZE_GROUPS & {*phrase_of(group.code), *phrase_of(group.name)}):
        return []
    names = {v.code: {phrase_of(n) for n in (v.name, *v.aliases)} for v in group.values}
    out: list[tuple[tuple[str, ...], Target, bool]] = []
    for said, *means in _SIZE_SAID_AS:
        if any(said in ph for phs in names.values() for ph in phs):
            continue  # the group names it already ("big bottle"): that value
        fits = [code for code, phs in names.items() if tuple(means) in phs]
        if len(fits) == 1:
            out.append(((said,), Target("option", group=group.code, value=fits[0]), False))
    return out


def _by_comparison(group: OptionGroup) -> list[tuple[tuple[str, ...], Target, bool]]:
    """"the bigger one", "the smallest": a size group's values go from small to big in the catalog's order, so a
    comparative names the next one past the usual (the first without one) and a superlative the end one; so do
    the comparatives of another group's noun ("the brighter one" of a brightness, data: ``compared_groups``)."""
    named = {*phrase_of(group.code), *phrase_of(group.name)}
    compared = [((frozenset({more}), 1), (frozenset({most}), 2)) for noun, more, most in _COMPARED if noun in named] \
        if _numbers_ascend(group) else []
    if len(group.values) < 2 or not (_SIZE_GROUPS & named or compared):
        return []
    codes = [v.code for v in group.values]
    usual = codes.index(group.default) if group.default in codes else 0
    out: list[tuple[tuple[str, ...], Target, bool]] = []
    for said, step in (_COMPARATIVES if _SIZE_GROUPS & named else [pair for c in compared for pair in c]):
        at = {1: usual + 1, -1: usual - 1, 2: len(codes) - 1, -2: 0}[step]
        if 0 <= at < len(codes) and at != usual:
            out.extend(((w,), Target("option", group=group.code, value=codes[at]), False) for w in sorted(said))
    return out


def _numbers_ascend(group: OptionGroup) -> bool:
    """Every value of the group is named with a number first, and the numbers go up in the catalog's order ("250
    lumens", "400 lumens"): an order a comparative may walk (not "crew", "ankle", "no show" socks)."""
    numbers: list[float] = []
    for v in group.values:
        found = re.search(r"\d+(?:\.\d+)?", v.name)
        if found is None:
            return False
        numbers.append(float(found.group()))
    return all(a < b for a, b in zip(numbers, numbers[1:], strict=False))


class _LRU(Generic[K, V]):
    """A bounded, thread-safe least-recently-used cache."""

    def __init__(self, size: int):
        self._size = size
        self._data: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> tuple[bool, V | None]:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return True, self._data[key]
            return False, None

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self._size:
                self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)


def _kind_forms(category: str) -> set[tuple[str, ...]]:
    """A product's category said as a kind of goods, in the singular and the plural ("curries", "a curry"). Only a
    category named in the plural, as shops name kinds of goods ("Curries", "Smoothies"); not one named like a place
    or a department ("Home", "Garden", "Sale"), nor a word that mostly means something else ("sides": "on the
    side")."""
    cat = phrase_of(category)
    if not cat or not cat[-1].endswith("s") or cat[-1].endswith("ss") or (len(cat) == 1 and cat[0] in _NOT_A_KIND) \
            or all(t in STOPWORDS for t in cat):
        return set()
    return {f for w in _singulars(cat[-1]) for f in _plurals((*cat[:-1], w))}


def singulars(word: str) -> set[str]:
    """The word and the words whose plural it may be ("sandwiches" -> sandwiches, sandwiche, sandwich)."""
    return _singulars(word)


def _singulars(word: str) -> set[str]:
    """The words whose generated plural ``word`` may be (see :func:`_plurals`), and itself."""
    out = {word}
    if word in _IRREGULAR_SINGULAR:  # "mice": what "optical mouse" is said as in the plural
        out.add(_IRREGULAR_SINGULAR[word])
    if word.endswith("ies") and len(word) > 4:
        out.add(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        out.add(word[:-2])
    if word.endswith("s") and len(word) > 3:
        out.add(word[:-1])
    if word.endswith("ves") and len(word) > 4:
        out |= {word[:-3] + "f", word[:-3] + "fe"}  # "scarves", "knives": a whole name's "-f(e)" plural
    return out


def product_forms(product: Product) -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """The phrases that name a product exactly (names and aliases, synonyms, plurals) and its sub-phrases,
    exactly as :class:`Lexicon` indexes them."""
    exact: set[tuple[str, ...]] = set()
    partial: set[tuple[str, ...]] = set()
    for name in (phrase_of(product.name), *(phrase_of(a) for a in product.aliases),
                 *_spelled_apart((product.name, *product.aliases)), *spoken_fractions((product.name, *product.aliases)),
                 *ends_said_once((product.name, *product.aliases))):
        if not name:
            continue
        for v in _variants(name):
            exact |= _plurals(v, whole=True)
        for a in range(len(name)):
            for b in range(a + 1, len(name) + 1):
                sub = name[a:b]
                if sub != name and _says_something(sub) and not _amount_only(sub) and not _count_only(sub) \
                        and sub[0] not in STOPWORDS and sub[-1] not in STOPWORDS:
                    partial |= _plurals(sub)
    return frozenset(exact), frozenset(partial)


class IndexedLexicon(Lexicon):
    """The lexicon of a large catalog, looked up in the store's indexes on demand.

    What is held in memory is bounded by the catalog's vocabulary, not its size: the distinct words (for
    corrections), the distinct option groups (their phrases, as :class:`Lexicon` builds them), and LRU
    caches of products and phrase lookups. A product phrase is found by a full-text query on names and
    aliases (every word, or its plural's singular, or a synonym; shortest names first, at most
    :data:`CANDIDATES` products) and checked against those products' own phrases (:func:`product_forms`),
    so what matches is what :class:`Lexicon` would match, up to that bound. Catalog-wide questions (the
    menu, the cheapest, a tag's products) go through :meth:`catalog_view` (the store's bounded queries);
    iterating ``products`` still reads every product (the rules' answers never do).
    """

    def __init__(self, store: Store, *, candidates: int = CANDIDATES, cache_size: int = 4096):
        self._store = store
        self.version = store.catalog_version()
        self._candidates = candidates
        self._fix_cache = {}
        self._lock = threading.Lock()
        self._base = set()
        self._group_cache = {}
        self._literal = defaultdict(set)
        self._phrases = defaultdict(list)
        self.guarded = defaultdict(list)
        self.groups = {}
        self.named_groups = defaultdict(list)
        self._offered: set[tuple[str, str]] = set()
        seen: set[tuple[object, ...]] = set()
        groups = list(store.option_groups())
        self._shared_measures = shared_measures((g.code, [v.name for v in g.values]) for g in groups)
        for group in groups:
            # the same group with its values in another order has the same phrases: index it once
            same = (group.code, group.name, group.aliases, group.default, group.required, group.multiple,
                    group.amounts, frozenset(group.values))
            if same in seen:
                continue
            seen.add(same)
            self._index_definition(group)
            self._offered.update((group.code, v.code) for v in group.values)
        self._prefer_literal()
        self._option_plurals()
        self._counted_singulars()
        self._led_choices()
        self._option_phrases: dict[tuple[str, ...], list[Target]] = dict(self._phrases)
        # a category said as a kind of goods ("shakes"), as Lexicon reads it: one entry per category form
        self._kinds: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for category, _count in store.category_counts():
            for form in _kind_forms(category):
                self._kinds[form].append(category)
        self._base.update(w for form in self._kinds for w in form)
        self._kind_skus: _LRU[str, list[str]] = _LRU(256)
        # dialogue word -> the catalog's spellings of it in the full-text index ("4" -> "four", "4")
        self._spellings: dict[str, set[str]] = defaultdict(set)
        sounds: dict[str, str] = {}
        for term in store.vocabulary():
            for w in to_digits(tokens(term.word)):
                self._spellings[w].add(term.word)
                if CODE_RE.fullmatch(w):  # "a4" is found said apart too ("a four paper" -> "4 paper")
                    self._spellings[w[1:]].add(term.word)
            sounds[term.word] = term.sound
        words = set(self._spellings) | {w for k in self._option_phrases for w in k} | self._base
        for syns in SYNONYMS:  # "doughnut" is known where the catalog says "donut"
            singles = [s for s in syns if " " not in s]
            if any(s in words for s in singles):
                words.update(singles)
        self._words = frozenset(words)
        self._vocab_set = _KnownWords(self._words)
        self.vocab = sorted(w for w in words if w.isalpha() and len(w) >= 3)
        self._product_words = frozenset(w for w in self.vocab if w not in STOPWORDS)
        self._short = defaultdict(list)
        for w in self.vocab:
            if len(w) <= 6:
                self._short[len(w)].append(w)
        self._sound = defaultdict(list)
        for w in self.vocab:
            self._sound[sounds.get(w) or jellyfish.metaphone(w)].append(w)
        self._phrase_ends = defaultdict(set)  # of the choices' phrases only: product names are looked up in the store
        for k in self._option_phrases:
            if len(k) == _PHRASE_END_LEN and k[-1].isalpha():
                self._phrase_ends[k[:-1]].add(k[-1])
        self.max_len = max([MAX_PHRASE, *(len(k) for k in self._option_phrases)])
        self._forms: _LRU[str, tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]] = _LRU(cache_size)
        self.lookups = 0  # phrase lookups that reached the store (for tests and benchmarks)
        self.products = _StoreProducts(store, cache_size)
        self.phrases = _IndexedPhrases(self, cache_size)
        self.option_skus = _Offers(self)
        self.search_index = _SearchWords(self)
        self._view = StoreCatalogView(store, self.products)
        # the choices' singulars once the store's products can be looked up (a product's name keeps its own)
        self._option_singulars(lambda phrase: bool(self.product_targets(phrase)[0]),
                               lambda word: any(self.product_targets((word,))))
        self._option_phrases.update((k, v) for k, v in self._phrases.items() if k not in self._option_phrases)
        self.lookups = 0  # (the lookups of building not counted)

    # --- product phrases -------------------------------------------------------------------------------
    def _queries(self, phrase: tuple[str, ...]) -> list[list[list[str]]]:
        """Full-text queries (words, each as the catalog's spellings) that every product named by
        ``phrase`` (or one of its synonym forms, or a singular it is the plural of: :func:`_singular_forms`) matches."""
        queries: list[list[list[str]]] = []
        forms = {v for one in _singular_forms(phrase) for v in _variants(one)}
        for form in sorted(forms):
            query: list[list[str]] = []
            for word in form:
                spellings = self._spellings.get(word, set())
                if not spellings:
                    if word in STOPWORDS:
                        continue  # "&" in a name is "and" when spoken: not in the index, checked below
                    query = []
                    break
                if len(spellings) <= _MANY_SPELLINGS:
                    query.append(sorted(spellings))
            if query:
                queries.append(query)
        return queries

    def product_targets(self, phrase: tuple[str, ...]) -> tuple[list[Target], list[Target]]:
        """Products named exactly by ``phrase``, and products it is a sub-phrase of."""
        queries = self._queries(phrase)
        if not queries:
            return [], []
        self.lookups += 1
        exact: list[Target] = []
        partial: list[Target] = []
        for product in self._store.products_named(queries, limit=self._candidates):
            found, forms = self._forms.get(product.sku)
            if not found or forms is None:
                forms = product_forms(product)
                self._forms.put(product.sku, forms)
            if phrase in forms[0]:
                exact.append(Target("product", sku=product.sku))
            elif phrase in forms[1]:
                partial.append(Target("product", sku=product.sku, exact=False))
        return exact, partial

    def lookup(self, phrase: tuple[str, ...]) -> list[Target]:
        """What :class:`Lexicon` would hold under ``phrase``: exact products and options, else sub-phrase
        products."""
        options = self._option_phrases.get(phrase, [])
        exact, partial = self.product_targets(phrase)
        if exact and phrase in self._plural_options:
            options = []  # a product's phrase is no choice's plural (as in Lexicon, where it is known first)
        if exact or options:
            return [*exact, *options]
        kinds = self._kinds.get(phrase, ())
        if partial and kinds:  # the kind's products, not other names the word is in ("tire" of "tire plug kit")
            partial = [t for t in partial if self.products[t.sku].category in kinds]
        for category in kinds if not partial else ():  # "two shakes": that kind's products
            found, skus = self._kind_skus.get(category)
            if not found or skus is None:
                skus = [p.sku for p in self._store.products_listed(limit=self._candidates, category=category)]
                self._kind_skus.put(category, skus)
            have = {t.sku for t in partial}
            partial += [Target("product", sku=sku, exact=False) for sku in skus if sku not in have]
        return partial

    # --- other lookups ---------------------------------------------------------------------------------
    def catalog_view(self) -> CatalogView:
        """Catalog-wide questions asked of the store's indexes (a few products each, never all of them)."""
        return self._view

    def search(self, words: Iterable[str], *, min_cents: int | None = None, max_cents: int | None = None,
               limit: int = 10) -> list[Product]:
        """The store's own search (its ranking, not :meth:`Lexicon.search`'s word counts); with nothing found
        (or no words) and a price limit, the cheapest products within it, as :meth:`Lexicon.search` gives."""
        query = " ".join(words)
        limited = min_cents is not None or max_cents is not None
        hits = [h.product for h in self._store.search(query, limit=limit, min_price_cents=min_cents,
                                                      max_price_cents=max_cents)] if query or not limited else []
        if not hits and limited:
            hits = self._store.products_by_price(limit=limit, min_price_cents=min_cents, max_price_cents=max_cents)
        return [p for p in hits if p.active]


class _KnownWords(Container[str]):
    """Catalog words, with the plurals the lexicon generates for them (a number's too: "nineties" of a "90")."""

    def __init__(self, words: frozenset[str]):
        self._words = words

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (any(w in self._words for w in _singulars(word))
                                          or word in PLURAL_NUMBERS and str(PLURAL_NUMBERS[word]) in self._words)


class _StoreProducts(Mapping[str, Product]):
    """Active products by SKU, read from the store when asked and kept in a bounded cache."""

    def __init__(self, store: Store, size: int):
        self._store = store
        self._cache: _LRU[str, Product | None] = _LRU(size)

    def __getitem__(self, sku: str) -> Product:
        found, product = self._cache.get(sku)
        if not found:
            got = self._store.get_product(sku) if isinstance(sku, str) else None
            product = got if got is not None and got.sku == sku and got.active else None
            self._cache.put(sku, product)
        if product is None:
            raise KeyError(sku)
        return product

    def __iter__(self) -> Iterator[str]:
        return (p.sku for p in self._store.products())  # the whole catalog: only for catalog-wide questions

    def __len__(self) -> int:
        return self._store.count_products()

    def values(self) -> ValuesView[Product]:
        return _AllProducts(self)


class _AllProducts(ValuesView[Product]):
    def __init__(self, mapping: _StoreProducts):
        super().__init__(mapping)
        self._store = mapping._store

    def __iter__(self) -> Iterator[Product]:
        return iter(self._store.products())


class _IndexedPhrases(Mapping[tuple[str, ...], list[Target]]):
    """``phrases`` of an :class:`IndexedLexicon`: looked up on demand, cached. Iterating lists only the
    option and group phrases (product phrases are never enumerated)."""

    def __init__(self, lex: IndexedLexicon, size: int):
        self._lex = lex
        self._cache: _LRU[tuple[str, ...], list[Target]] = _LRU(size)

    def __getitem__(self, phrase: tuple[str, ...]) -> list[Target]:
        found, targets = self._cache.get(phrase)
        if not found or targets is None:
            targets = self._lex.lookup(tuple(phrase)) if phrase else []
            self._cache.put(phrase, targets)
        if not targets:
            raise KeyError(phrase)
        return targets

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return iter(self._lex._option_phrases)

    def __len__(self) -> int:
        return len(self._lex._option_phrases)


class _Offering(AbstractSet[str]):
    """The active products offering one option value: membership from the product itself, listing (rare)
    from the store's option index."""

    def __init__(self, lex: IndexedLexicon, group: str, value: str):
        self._lex, self._group, self._value = lex, group, value
        self._all: list[str] | None = None
        self._raw: list[str] | None = None

    @classmethod
    def _from_iterable(cls, it: Iterable[str]) -> set[str]:  # type: ignore[override]
        return set(it)

    def __contains__(self, sku: object) -> bool:
        product = self._lex.products.get(sku) if isinstance(sku, str) else None
        group = product.group(self._group) if product is not None else None
        return group is not None and group.value(self._value) is not None

    def _skus(self) -> list[str]:
        if self._all is None:
            self._all = list(self._listed())
        return self._all

    def _listed(self) -> Iterator[str]:
        """Lazily, so a reader that stops early (:func:`dialogue.owners.value_owner`) reads few products."""
        if self._raw is None:
            self._raw = self._lex._store.products_offering(self._group, self._value)
        return (s for s in self._raw if s in self)

    def __iter__(self) -> Iterator[str]:
        return iter(self._all) if self._all is not None else self._listed()

    def __len__(self) -> int:
        return len(self._skus())


class _Offers(Mapping[tuple[str, str], AbstractSet[str]]):
    def __init__(self, lex: IndexedLexicon):
        self._lex = lex

    def __getitem__(self, key: tuple[str, str]) -> AbstractSet[str]:
        if key not in self._lex._offered:
            raise KeyError(key)
        return _Offering(self._lex, *key)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._lex._offered)

    def __len__(self) -> int:
        return len(self._lex._offered)


class _SearchWords(Mapping[str, AbstractSet[str]]):
    """``search_index`` of an :class:`IndexedLexicon`: the catalog's words; a word's products are its first
    :data:`CANDIDATES` by name (the indexed lexicon searches with the store's search)."""

    def __init__(self, lex: IndexedLexicon):
        self._lex = lex

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word not in STOPWORDS and word in self._lex._spellings

    def __getitem__(self, word: str) -> AbstractSet[str]:
        spellings = self._lex._spellings.get(word) if word in self else None
        if not spellings:
            raise KeyError(word)
        return frozenset(p.sku for p in self._lex._store.products_named([[sorted(spellings)]],
                                                                        limit=self._lex._candidates))

    def __iter__(self) -> Iterator[str]:
        return iter(self._lex._spellings)

    def __len__(self) -> int:
        return len(self._lex._spellings)
