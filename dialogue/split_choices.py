"""A choice's words read as two choices: "a penne marinara", "spaghetti marinara large" where "penne marinara" is
also the name of a dinner's side of pasta. Where no product said (or talked about) offers the long choice, and its
words split into two choices that one product cannot be made without (its pasta and its sauce), those two are
meant: a dish named by its parts, not a side of some dinner never named.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import islice

from dialogue.attach import needed
from dialogue.lexicon import Lexicon, Target
from dialogue.matcher import Mention
from dialogue.owners import MANY_OWNERS


def _owners(lex: Lexicon, targets: Sequence[Target]) -> set[str]:
    return {sku for t in targets for sku in islice(lex.option_skus.get((t.group, t.value), ()), MANY_OWNERS + 1)}


def _options(lex: Lexicon, words: Sequence[str]) -> tuple[Target, ...]:
    return tuple(t for t in lex.phrases.get(tuple(words), ()) if t.kind == "option")


def _split(lex: Lexicon, toks: Sequence[str], m: Mention) -> tuple[Mention, Mention] | None:
    for j in range(m.start + 1, m.end):
        left, right = _options(lex, toks[m.start:j]), _options(lex, toks[j:m.end])
        if not left or not right:
            continue
        for sku in sorted(_owners(lex, left) & _owners(lex, right)):
            lg = {t.group for t in left if sku in lex.option_skus.get((t.group, t.value), ())}
            rg = {t.group for t in right if sku in lex.option_skus.get((t.group, t.value), ())}
            if any(a != b and needed(lex, sku, a) and needed(lex, sku, b) for a in lg for b in rg):
                return Mention(m.start, j, left), Mention(j, m.end, right)
    return None


def dish_by_parts(lex: Lexicon, toks: Sequence[str], found: list[Mention], in_play: Collection[str]
                  ) -> list[Mention]:
    """Splits each choice of several words that no product of the sentence or in play (``in_play``: the cart's,
    the one talked about) offers, and that no needed choice of any product it belongs to, into the two needed
    choices of one product its words make (:func:`_split`)."""
    named = {t.sku for m in found for t in m.exact_products} | set(in_play)
    out: list[Mention] = []
    for m in found:
        split = None
        if not m.products and m.options and m.end - m.start > 1:
            owners = _owners(lex, m.options)
            if not owners & named and not any(needed(lex, sku, t.group) for t in m.options for sku in owners
                                               if sku in lex.option_skus.get((t.group, t.value), ())):
                split = _split(lex, toks, m)
        out.extend(split or (m,))
    return out
