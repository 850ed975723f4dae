"""A line in the cart named again beside something new: "ah ok just the lau lau and a haupia then" (a regular lau lau
plate in the cart, the lomi salmon just found sold out), "the latte and a blueberry muffin then" to a large latte.
"The <product>" with no count, no choice and no word that asks for more, said in a turn that also asks for a new
item with an article or a count, is the line the shopper keeps, not one more of it: only the new items are added.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.lexicon import Lexicon
from dialogue.parse_records import Context, ParseDraft
from dialogue.references import line_holding
from dialogue.specs import ItemSpec
from dialogue.turn_words import DEFINITE, MORE_WORDS

_NEW = frozenset({"a", "an", "one", "some"})


def _kept(toks: Sequence[str], it: ItemSpec, lex: Lexicon, ctx: Context) -> bool:
    return it.quantity is None and not it.options and 0 < it.start and toks[it.start - 1] in DEFINITE \
        and line_holding(lex, it.skus, ctx.line_skus) is not None


def _new(toks: Sequence[str], it: ItemSpec, ctx: Context) -> bool:
    return 0 < it.start and (toks[it.start - 1] in _NEW or toks[it.start - 1].isdigit()) \
        and not any(s in ctx.line_skus for s in it.skus)


def lines_kept_beside_new(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """Drops from the items of an addition the cart lines named again beside a new item (see the module)."""
    if not ctx.has_lines or len(p.items) < 2 or any(t in MORE_WORDS for t in toks):
        return
    kept = [it for it in p.items if _kept(toks, it, lex, ctx)]
    if kept and any(_new(toks, it, ctx) for it in p.items if it not in kept):
        p.items = [it for it in p.items if it not in kept]
