"""A word of a product's name said as the modifier of a thing the shop does not sell: "a gaming chair" at a counter
that sells a "gaming mouse", "an office chair" where the catalog has an "office mouse". The word opens or qualifies
the product's name, never ends one, and the word right after it is a noun the catalog does not know at all (not a
common word, not misheard: :meth:`dialogue.lexicon.Lexicon.correct` has already had its chance), so the shopper named
that other thing; the part of the name is no mention of the product.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.words import COMMON

_SHORTEST = 3  # letters of a noun that says a thing ("rig", "hat")


def _ends_a_name(lex: Lexicon, said: tuple[str, ...], sku: str) -> bool:
    """``said`` is the end of one of the product's names ("mouse" of "gaming mouse"), its head."""
    product = lex.products.get(sku)
    if product is None:
        return True
    for name in (product.name, *product.aliases):
        words = phrase_of(name)
        if len(words) >= len(said) and words[len(words) - len(said):] == said:
            return True
    return False


def modifies_other_thing(lex: Lexicon, toks: Sequence[str], i: int, length: int, targets: Sequence[Target]) -> bool:
    """The words ``toks[i:i + length]``, a part of the names of the products ``targets``, qualify the unknown noun
    said right after them ("gaming" of "a gaming chair"), not those products."""
    if i + length >= len(toks) or not targets or any(t.kind != "product" or t.exact for t in targets):
        return False
    nxt = toks[i + length]
    if not nxt.isalpha() or len(nxt) < _SHORTEST or nxt in COMMON or lex.known(nxt):
        return False
    said = tuple(toks[i:i + length])
    return not any(_ends_a_name(lex, said, t.sku) for t in targets)
