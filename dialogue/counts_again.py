""""Just the one", "no scratch that just the one", "ok just the one poster then", "oh just the one shot sorry": a
count said again with "just" or "only", after a line was made more ("make it three of those"), is that line's new
count, never one more line. The line is the one the words after the count name (a cart line's product, or words of
the name of the line in focus: "shot" of a ginger shot, though "one shot" may also be heard as a choice of some
other product), else the line in focus. Read only when the turn is that and nothing else besides openers ("hmm
no", "scratch that") and closers ("then", "sorry", "is enough").
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.amounts import MULTIPLE_COUNTS
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.phrasebook import words
from dialogue.specs import ItemSpec

_OPEN = words("count_again_open")
_ONLY = words("count_again_only")
_CLOSE = words("count_again_close")
_MAX = 1000


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return 1 if word == "one" else None


def _names_of(lex: Lexicon, sku: str) -> set[str]:
    product = lex.products.get(sku)
    if product is None:
        return set()
    said = {w for n in (product.name, *product.aliases) for w in phrase_of(n)}
    return said | {w + "s" for w in said}


def count_again(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec], line_skus: Sequence[str],
                focus_sku: str | None) -> tuple[int, str, ItemSpec | None] | None:
    """(the new count, the product of the line, the item naming it if any) when the turn says a line's count again
    with "just"/"only"; else None."""
    k = next((i for i, t in enumerate(toks) if t in _ONLY), -1)
    if k < 0 or any(t not in _OPEN for t in toks[:k]):
        return None
    j = k + 1 + (k + 1 < len(toks) and toks[k + 1] == "the")
    if j >= len(toks):
        return None
    end = len(toks)
    while end > j + 1 and toks[end - 1] in _CLOSE:
        end -= 1
    middle = toks[j + 1:end]
    n = _count(toks[j])
    if n is None and toks[j] in MULTIPLE_COUNTS and middle:
        n = MULTIPLE_COUNTS[toks[j]]  # "just the one shot" of a ginger shot, heard as a "single shot"
    if n is None or not 0 < n < _MAX:
        return None
    named = [it for it in items if not (it.end <= j or it.start >= end)]
    if len(named) != len(items) or len(named) > 1:
        return None
    if named:
        item = named[0]
        skus = [s for s in item.skus if s in line_skus]
        if len(skus) != 1 or item.options or any(t not in _CLOSE for t in toks[item.end:end]):
            return None
        return n, skus[0], item
    if focus_sku is None or focus_sku not in line_skus:
        return None
    if middle and not set(middle) <= _names_of(lex, focus_sku):
        return None
    return n, focus_sku, None
