"""Questions about what the shop has, answered from the catalog: the menu (its categories), products with
a tag ("what's vegan", "anything gluten free"), the cheapest or dearest (of a category), what is popular or
recommended, and how many of a product are left. Phrasings are data (``dialogue/data/browse.toml``); what a
shop sells — categories, tags, names — comes from its catalog, never from code.

:func:`answer` is asked before the generic search: it returns None when the turn is none of these.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from catalog.errors import CatalogError
from catalog.models import Product
from catalog.store import Store
from dialogue.answers import default_cents, quote
from dialogue.browse_data import phrases, superlative
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.normalize import tokens
from dialogue.numbers import say_number
from dialogue.replies import MAX_LIST, agree, plural, say_list
from dialogue.state import Outcome, State

if TYPE_CHECKING:
    from dialogue.understanding import Parse
def answer(state: State, lex: Lexicon, store: Store, parse: Parse, out: Outcome) -> Outcome | None:
    """An answer to a question about what there is, or None when the turn is not one."""
    b, toks = phrases(), parse.tokens
    if not toks:
        return None
    named = [lex.products[s] for it in parse.items if len(it.skus) == 1 for s in it.skus if s in lex.products]
    if b.asks("stock_count", toks) and len(named) == 1:
        return _how_many(state, store, named[0], out)
    pool = _pool(lex, toks)
    if len(pool) == len([p for p in lex.products.values() if p.active]) and len(state.shown) > 1 and state.topic is None:
        pool = [lex.products[s] for s in state.shown if s in lex.products]  # "which is cheapest?" after a list
    if superlative(toks):
        return _extreme(state, lex, pool, cheapest=b.asks("cheapest", toks), out=out)
    if named:
        return None
    tagged = _tagged(lex, toks)
    if tagged is not None:
        tag, hits = tagged
        return _list(state, hits, out, f"For {tag}, we have", none=f"Sorry, we have nothing {tag} right now")
    if parse.max_cents is not None or parse.min_cents is not None:
        return None  # the search answers price limits
    if b.asks("popular", toks):
        popular = _popular(lex, store)
        return _list(state, popular, out, "Our most popular is" if len(popular) == 1 else "Our most popular are", none="")
    if b.asks("menu", toks) and not parse.groups:
        return _menu(state, lex, pool, out)
    return None


def _pool(lex: Lexicon, toks: Sequence[str]) -> list[Product]:
    """The products a question is about: a category or a category's word said ("drink", "pastries"), else all."""
    said = set(toks)
    by_cat: dict[str, list[Product]] = {}
    for p in lex.products.values():
        if p.active and p.category:
            by_cat.setdefault(p.category, []).append(p)
    for category, members in by_cat.items():
        words = set(phrase_of(category))
        stems = {w.rstrip("s") for w in words}
        if words & said or stems & {t.rstrip("s") for t in said}:
            return members
    return [p for p in lex.products.values() if p.active]


def _tagged(lex: Lexicon, toks: Sequence[str]) -> tuple[str, list[Product]] | None:
    """A catalog tag said in the turn ("vegan", "gluten free"): the tag and its products."""
    tags = {t for p in lex.products.values() for t in p.tags}
    said = " ".join(toks)
    for tag in sorted(tags, key=lambda t: -len(t)):
        words = " ".join(tokens(tag))
        if words and f" {words} " in f" {said} " and words not in phrases().featured_tags:
            hits = [p for p in lex.products.values() if p.active and tag in p.tags]
            if hits and len(hits) < len(lex.products):
                return words, hits
    return None


def _available(state: State, p: Product) -> bool:
    if state.stock_of is None or p.variants:
        return True
    try:
        left = state.stock_of(p.sku, None)
    except CatalogError:
        return True
    return left is None or left > 0


def _list(state: State, hits: list[Product], out: Outcome, lead: str, *, none: str) -> Outcome | None:
    hits = sorted(hits, key=lambda p: not _available(state, p))  # sold out last, never read first
    hits = [p for p in hits if _available(state, p)] or []
    if not hits:
        return out.say(none) if none else None
    state.shown = [p.sku for p in hits]
    state.said = min(len(hits), MAX_LIST)
    out.shown = state.shown[:10]
    spoken = [f"the {p.name} at {quote(p, [], span=False)}" for p in hits[:MAX_LIST]]
    more = f" I have {say_number(len(hits))} in all: say what else to hear more." if len(hits) > MAX_LIST else ""
    return out.say(f"{lead} {say_list(spoken)}.{more} Would you like one of those?")


def _menu(state: State, lex: Lexicon, pool: list[Product], out: Outcome) -> Outcome:
    cats = Counter(p.category for p in lex.products.values() if p.active and p.category)
    if len(pool) < len([p for p in lex.products.values() if p.active]):  # "what pastries do you have"
        return _list(state, pool, out, "We have", none="Sorry, that's all sold out right now") or out
    if not cats:
        return _list(state, pool, out, "We have", none="Sorry, there's nothing on the menu right now") or out
    names = [c for c, _ in cats.most_common(6)]
    return out.say(f"We have {say_list(names, limit=None)}. Which would you like to hear about, or what can I get you?")


def _extreme(state: State, lex: Lexicon, pool: list[Product], *, cheapest: bool, out: Outcome) -> Outcome:
    ranked = sorted((p for p in pool if _available(state, p)), key=default_cents, reverse=not cheapest)
    if not ranked:
        return out.say("Sorry, that's all sold out right now")
    best = ranked[0]
    state.shown, state.said, out.shown = [best.sku], 1, [best.sku]
    word = "cheapest" if cheapest else "most expensive"
    return out.say(f"The {word} is the {best.name} at {quote(best, [])}. Would you like one?")


def _popular(lex: Lexicon, store: Store) -> list[Product]:
    counts: Counter[str] = Counter()
    try:
        for order in store.orders()[-500:]:
            for line in order.lines:
                counts[line.sku] += line.quantity
    except CatalogError:
        pass
    ranked = [lex.products[s] for s, _ in counts.most_common() if s in lex.products and lex.products[s].active]
    if ranked:
        return ranked
    featured = phrases().featured_tags
    marked = [p for p in lex.products.values() if p.active and any(" ".join(tokens(t)) in featured for t in p.tags)]
    return marked or sorted((p for p in lex.products.values() if p.active), key=lambda p: p.category)[:3]


def _how_many(state: State, store: Store, p: Product, out: Outcome) -> Outcome:
    state.shown, state.said, out.shown = [p.sku], 1, [p.sku]
    try:
        left = store.stock(p.sku, None)
    except CatalogError:
        left = None
    name = plural(p.name, 2)
    if left is None:
        return out.say(f"We have plenty of {name}. How many would you like?")
    if left <= 0:
        return out.say(f"Sorry, the {p.name} {agree(p.name, 'is', 'are')} sold out")
    return out.say(f"We have {say_number(left)} {name if left != 1 else p.name} left. How many would you like?")


