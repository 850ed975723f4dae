"""A charge or a piece of work counted by the goods it is for: "the disposal fee for the four old tires", "disposal
for four old ones", "a balance for the two front wheels": one of it for each of them.

Only a product that is a charge or work (a word of ``per_piece_kinds`` in dialogue/data/words.toml in its name or
category: fee, service, repair, ...) is counted so: "a rack for two bikes" is one rack, "a cake for four people"
one cake. The goods counted are a word of the catalog's products or "ones"; the words after them close the item
(the end, a break, a separator or the next item).
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.lexicon import Lexicon, phrase_of
from dialogue.matcher import Mention
from dialogue.phrasebook import words
from dialogue.specs import ItemSpec

_PER_PIECE = words("per_piece_kinds")
_GOODS_LEADS = frozenset({"the", "my", "our", "those", "these", "all", "his", "her", "their"})
_ONES = frozenset({"ones", "of"})
_SEPARATORS = words("separators")
_MOST = 99


def _charged_per_piece(lex: Lexicon, sku: str) -> bool:
    product = lex.products.get(sku)
    return product is not None and bool(
        _PER_PIECE & {*phrase_of(product.name), *phrase_of(product.category or "")})


def _goods_end(toks: Sequence[str], mentions: Sequence[Mention], k: int) -> int | None:
    """Where the goods said from ``k`` (past a count) end: "old ones", "old tires" (a word of the catalog's
    products, up to two words before it); None when no such goods are said."""
    for j in range(k, min(k + 3, len(toks))):
        if toks[j] == "ones" or toks[j:j + 2] == ["of", "them"]:
            return j + (1 if toks[j] == "ones" else 2)
        m = next((o for o in mentions if o.start == j and o.products and not o.options), None)
        if m is not None:
            return m.end
        if toks[j].isdigit() or any(o.start <= j < o.end for o in mentions) or toks[j] in _SEPARATORS:
            return None
    return None


def count_for_goods(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], mentions: Sequence[Mention],
                    breaks: frozenset[int]) -> None:
    """Gives an item of a charge or work said without a count, followed by "for" and a count of goods, that count."""
    for n, item in enumerate(items):
        k = item.end
        if item.quantity is not None or len(item.skus) != 1 or k >= len(toks) or toks[k] != "for" \
                or not _charged_per_piece(lex, item.skus[0]):
            continue
        k += 1
        while k < len(toks) and toks[k] in _GOODS_LEADS:
            k += 1
        if k >= len(toks) or not toks[k].isdigit() or not 1 < int(toks[k]) <= _MOST:
            continue
        end = _goods_end(toks, mentions, k + 1)
        nxt = items[n + 1].start if n + 1 < len(items) else len(toks)
        if end is None or end > nxt:
            continue
        if end == len(toks) or end in breaks or end == nxt or toks[end] in _SEPARATORS:
            item.quantity = int(toks[k])
