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
from dialogue import intents as cue
from dialogue.answers import default_cents, quote
from dialogue.browse_data import phrases, superlative
from dialogue.catalog_view import CatalogView
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.normalize import tokens
from dialogue.numbers import say_number
from dialogue.phrasebook import phrases as phrase_table
from dialogue.replies import MAX_LIST, agree, plural, say_list
from dialogue.state import Outcome, State
from dialogue.words import STOPWORDS

if TYPE_CHECKING:
    from dialogue.parse_records import Parse
_KIND_OF = phrase_table("kind_of")


def answer(state: State, lex: Lexicon, store: Store, parse: Parse, out: Outcome) -> Outcome | None:
    """An answer to a question about what there is, or None when the turn is not one."""
    b, toks = phrases(), parse.tokens
    if not toks:
        return None
    named = [lex.products[s] for it in parse.items if len(it.skus) == 1 for s in it.skus if s in lex.products]
    if b.asks("stock_count", toks) and len(named) == 1:
        return _how_many(state, store, named[0], out)
    focus = _in_focus(state, lex) if b.asks("stock_count", toks) and not parse.items and parse.ref == "it" else None
    if focus is not None:
        return _how_many(state, store, focus, out)
    view = lex.catalog_view()
    category = _category(view, toks)
    shown: list[Product] | None = None
    if (category is None or _size(view, category) == view.active_count()) and len(state.shown) > 1 \
            and state.topic is None:
        shown = [lex.products[s] for s in state.shown if s in lex.products]  # "which is cheapest?" after a list
    if superlative(toks):
        cheapest = b.asks("cheapest", toks)
        pool = shown if shown is not None else view.extremes(category, cheapest=cheapest)
        if shown is None:  # "the cheapest keyboard": of the products called so, not of their whole category
            named_words = [t for t in toks if t not in STOPWORDS and lex.known(t)]
            pool = _called(toks, pool) or (_called(toks, lex.search(named_words, limit=MAX_NAMED))
                                           if named_words and category is None else []) or pool
        return _extreme(state, pool, cheapest=cheapest, out=out)
    if named:
        return None
    tagged = _tagged(view, toks) if not (parse.options and cue.has(toks, _KIND_OF)) else None
    if tagged is not None:  # (but "what kinds of milk": the choices called milk, not the products with milk)
        tag, hits, total = tagged
        return _list(state, hits, out, f"For {tag}, we have", none=f"Sorry, we have nothing {tag} right now",
                     total=total)
    if parse.max_cents is not None or parse.min_cents is not None:
        return None  # the search answers price limits
    if b.asks("popular", toks):
        popular = _popular(lex, view, store)
        return _list(state, popular, out, "Our most popular is" if len(popular) == 1 else "Our most popular are", none="")
    if b.asks("menu", toks) and not parse.groups:
        return _menu(state, view, category, shown, out)
    return None


def _category(view: CatalogView, toks: Sequence[str]) -> str | None:
    """The category a question is about, when a category's word is said ("drink", "pastries"), else None."""
    said = set(toks)
    for category, _ in view.categories():
        words = set(phrase_of(category))
        stems = {w.rstrip("s") for w in words}
        if words & said or stems & {t.rstrip("s") for t in said}:
            return category
    return None


MAX_NAMED = 10  # products a superlative question reads by name, beyond those of its category


def _singular_forms(word: str) -> set[str]:
    out = {word}
    if word.endswith("s") and len(word) > 3:
        out.add(word[:-1])
    if word.endswith("es") and len(word) > 4:
        out.add(word[:-2])
    if word.endswith("ies") and len(word) > 4:
        out.add(word[:-3] + "y")
    return out


def _called(toks: Sequence[str], pool: Sequence[Product]) -> list[Product]:
    """The products of ``pool`` a word of the turn calls by name: those whose name or an alias ends with it ("the
    cheapest keyboard": the mechanical keyboard, not the mouse of the same category, nor the "monitor arm" for "the
    cheapest monitor"), else those whose name or an alias has it ("keyboard and mouse combo"); [] when none."""
    said = {f for t in toks if t not in STOPWORDS and t.isalpha() and len(t) > 2 for f in _singular_forms(t)}
    unique = list({p.sku: p for p in pool}.values())
    names = {p.sku: [phrase_of(n) for n in (p.name, *p.aliases) if phrase_of(n)] for p in unique}
    headed = [p for p in unique if any(n[-1] in said for n in names[p.sku])]
    return headed or [p for p in unique if any(w in said for n in names[p.sku] for w in n)]


def _size(view: CatalogView, category: str) -> int:
    return dict(view.categories()).get(category, 0)


def _tagged(view: CatalogView, toks: Sequence[str]) -> tuple[str, list[Product], int | None] | None:
    """A catalog tag said in the turn ("vegan", "gluten free"): the tag, its products and how many in all
    (None: all of them listed)."""
    said = " ".join(toks)
    everything = None
    for tag, count in sorted(view.tags(), key=lambda tc: (-len(tc[0]), tc[0])):
        words = " ".join(tokens(tag))
        if words and f" {words} " in f" {said} " and words not in phrases().featured_tags:
            everything = view.active_count() if everything is None else everything
            if count < everything:  # a tag every product has tells nothing apart
                hits, total = view.tagged(tag)
                if hits:
                    return words, hits, total
    return None


def _available(state: State, p: Product) -> bool:
    if state.stock_of is None or p.variants:
        return True
    try:
        left = state.stock_of(p.sku, None)
    except CatalogError:
        return True
    return left is None or left > 0


def _list(state: State, hits: list[Product], out: Outcome, lead: str, *, none: str,
          total: int | None = None) -> Outcome | None:
    """Read the first few of ``hits`` (sold out last, never read first); ``total``: how many there are in all
    when ``hits`` is only the first of them."""
    listed = len(hits)
    hits = sorted(hits, key=lambda p: not _available(state, p))
    hits = [p for p in hits if _available(state, p)] or []
    if not hits:
        return out.say(none) if none else None
    count = len(hits) if total is None else max(len(hits), total - (listed - len(hits)))
    state.shown = [p.sku for p in hits]
    state.said = min(len(hits), MAX_LIST)
    out.shown = state.shown[:10]
    spoken = [f"the {p.name} at {quote(p, [], span=False)}" for p in hits[:MAX_LIST]]
    more = f" I have {say_number(count)} in all: say what else to hear more." if count > MAX_LIST else ""
    return out.say(f"{lead} {say_list(spoken)}.{more} Would you like one of those?")


def _menu(state: State, view: CatalogView, category: str | None, shown: list[Product] | None,
          out: Outcome) -> Outcome:
    everything = view.active_count()
    if shown is not None and len(shown) < everything:  # "what do you have" right after a list: that list
        return _list(state, shown, out, "We have", none="Sorry, that's all sold out right now") or out
    if shown is None and category is not None and _size(view, category) < everything:  # "what pastries do you have"
        hits, total = view.listing(category)
        return _list(state, hits, out, "We have", none="Sorry, that's all sold out right now", total=total) or out
    cats = Counter(dict(view.categories()))
    if not cats:
        hits, total = (shown, None) if shown is not None else view.listing(None)
        return _list(state, hits, out, "We have", none="Sorry, there's nothing on the menu right now",
                     total=total) or out
    names = [c for c, _ in cats.most_common(6)]
    return out.say(f"We have {say_list(names, limit=None)}. Which would you like to hear about, or what can I get you?")


def _extreme(state: State, pool: list[Product], *, cheapest: bool, out: Outcome) -> Outcome:
    ranked = sorted((p for p in pool if _available(state, p)), key=default_cents, reverse=not cheapest)
    if not ranked:
        return out.say("Sorry, that's all sold out right now")
    best = ranked[0]
    state.shown, state.said, out.shown = [best.sku], 1, [best.sku]
    word = "cheapest" if cheapest else "most expensive"
    return out.say(f"The {word} is the {best.name} at {quote(best, [])}. Would you like one?")


def _popular(lex: Lexicon, view: CatalogView, store: Store) -> list[Product]:
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
    return view.featured(lambda tag: " ".join(tokens(tag)) in featured) or view.first(3)


def _in_focus(state: State, lex: Lexicon) -> Product | None:
    """"how many of those do you have left" after ordering a pizza: the product talked about last, else the
    product of the line in focus."""
    focus = state.focus()
    sku = state.topic or (focus.sku if focus is not None else None)
    return lex.products.get(sku) if sku is not None else None


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
        state.removed_turn = state.turns  # "how many brownies are left" - "a cookie then": an addition, no swap
        return out.say(f"Sorry, the {p.name} {agree(p.name, 'is', 'are')} sold out")
    state.told_left = (state.turns, p.sku, left)
    return out.say(f"We have {say_number(left)} {name if left != 1 else p.name} left. How many would you like?")


