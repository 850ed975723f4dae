"""A choice said with a word of its own product's name: "a chicken shish" where the "chicken kebab" comes as
chicken shish, chicken tikka or chicken doner, and the mixed kebab's meats and the meal deal's kebab also count a
chicken shish among their choices. The words said name a choice of several products; the word of a name ("chicken")
that only some of them hold picks those, so the shopper means the chicken kebab's choice, not a mixed kebab nor a
meal deal inferred from a choice's value.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from dialogue.lexicon import Lexicon, Target, phrase_of

if TYPE_CHECKING:
    from dialogue.matcher import Mention

_FEW = 64  # products read for the owners of one choice


def name_words(lex: Lexicon, sku: str) -> set[str]:
    """The words of the product's name that come before its last (its head noun): "chicken" of "chicken kebab"."""
    product = lex.products.get(sku)
    if product is None:
        return set()
    return {w for w in phrase_of(product.name)[:-1] if w.isalpha()}


def products_said(lex: Lexicon, toks: Sequence[str]) -> set[str]:
    """The products named exactly anywhere in ``toks``."""
    return {t.sku for j in range(len(toks)) for size in range(1, min(lex.max_len, len(toks) - j) + 1)
            for t in lex.phrases.get(tuple(toks[j:j + size]), ()) if t.kind == "product" and t.exact}


def owners(lex: Lexicon, t: Target) -> set[str]:
    return set(islice(lex.option_skus.get((t.group, t.value), ()), _FEW))


def named_owners(lex: Lexicon, said: AbstractSet[str], targets: Sequence[Target]) -> set[str] | None:
    """Of the products offering one of ``targets``, those whose names hold a word of ``said`` that not every one of
    them holds; None when no such word tells them apart."""
    every = set().union(*(owners(lex, t) for t in targets)) if targets else set()
    if len(every) < 2:
        return None
    words = {sku: name_words(lex, sku) & said for sku in every}
    common = set.intersection(*words.values())
    picked = {sku for sku, ws in words.items() if ws - common}
    return picked if picked and picked != every else None


def choice_by_owner_name(lex: Lexicon, toks: Sequence[str], found: list[Mention],
                         in_play: AbstractSet[str]) -> list[Mention]:
    """Each mention of choices only (no product, no group) that names choices of several products keeps the choices
    of the products its first word names as a word of their name before its head noun ("chicken shish": the
    chicken kebab's), when that word tells them apart; the others as they are. Nothing changes when one of those
    products is named in the sentence or is in play ("a mixed kebab doner and chicken shish": its meats)."""
    out: list[Mention] = []
    said: set[str] | None = None
    for m in found:
        if m.products or m.groups or len(m.options) < 2 or m.end - m.start < 2:
            out.append(m)
            continue
        every = set().union(*(owners(lex, t) for t in m.options))
        if said is None:
            said = products_said(lex, toks)
        if every & (said | in_play):
            out.append(m)
            continue
        picked = named_owners(lex, {toks[m.start]}, m.options)
        if picked is None:
            out.append(m)
            continue
        kept = tuple(t for t in m.targets if owners(lex, t) & picked)
        out.append(replace(m, targets=kept) if kept else m)
    return out

