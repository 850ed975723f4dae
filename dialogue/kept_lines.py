"""A line in the cart named again beside something new: "ah ok just the lau lau and a haupia then" (a regular lau lau
plate in the cart, the lomi salmon just found sold out), "the latte and a blueberry muffin then" to a large latte.
"The <product>" with no count, no choice and no word that asks for more, said in a turn that also asks for a new
item with an article or a count, is the line the shopper keeps, not one more of it: only the new items are added.

A line named again beside one said not wanted: "yes to the lattes not the muffin", "just the lattes not the
muffin" (two lattes and a muffin read back). The lattes, said as the line they are (with "the", no other count, no
choice the line does not hold), are what the shopper keeps, never a latte more in the muffin's place: only the
muffin comes off (:func:`kept_beside_refused`). To the order read back, a line named in any way beside one not wanted
is a yes to part of it: the other line comes off, the order is read again, and nothing is added.
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



def _as_the_line(toks: Sequence[str], it: ItemSpec, held: str, ctx: Context) -> bool:
    """``it`` says the cart's line(s) of ``held`` as they stand: "the" (or "my", "those") before it or the count
    of the line, no other count, no choice the line does not hold ("the lattes", "the two medium lattes", "two
    lattes" to two lattes read back)."""
    at = [i for i, s in enumerate(ctx.line_skus) if s == held]
    counts = {ctx.line_units[i] for i in at if i < len(ctx.line_units)} | \
        ({sum(ctx.line_units[i] for i in at)} if len(ctx.line_units) == len(ctx.line_skus) else set())
    head = min([it.start] + [o.pos for o in it.options if 0 <= o.pos < it.start])
    k = head - 1
    counted = it.quantity is not None and k >= 0 and toks[k].isdigit() and int(toks[k]) == it.quantity
    if it.quantity is not None and it.quantity not in counts:
        return False
    if not (counted or k >= 0 and toks[k] in DEFINITE):
        return False
    pairs = {pair for i in at if i < len(ctx.line_options) for pair in ctx.line_options[i]}
    return all(any((t.group, t.value) in pairs for t in o.targets) for o in it.options)


def kept_beside_refused(lex: Lexicon, toks: Sequence[str], kept: ItemSpec, gone: ItemSpec, ctx: Context) -> bool:
    """"yes to the lattes not the muffin": ``kept`` (said with ``gone`` not wanted in its place) is another line of
    the cart than ``gone``'s, named again as it stands; or, to the order read back, named at all ("yes to the three
    lattes not the muffin": a yes to part of the order, never three lattes more). The turn takes ``gone`` off and
    adds nothing (see the module)."""
    held = line_holding(lex, kept.skus, ctx.line_skus) if ctx.has_lines else None
    if held is None or set(kept.skus) & set(gone.skus) or any(t in MORE_WORDS for t in toks):
        return False
    return ctx.pending == "checkout" or _as_the_line(toks, kept, held, ctx)
