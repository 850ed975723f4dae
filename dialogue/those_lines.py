""""Those" said of several lines of one product: "two mochi donuts, one ube one black sesame" - "actually just one
of those not two, the ube one", "just the ube one". The lines of the product in focus are "those"; a count of them
kept, said with "just"/"only", and a choice that only one of those lines holds keep that line as it is and take the
other lines of that product off (the lines of other products stay). Without this, the black sesame line was made
ube (the choice read as a change of the line in focus) or the ube line recounted.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.lexicon import Lexicon, Target
from dialogue.parse_records import Context, ParseDraft
from dialogue.phrasebook import phrases
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.turn_words import DEFINITE, ONES

_OF_THEM = phrases("count_of_them")
_ONLY = frozenset({"just", "only"})


def others_of_those_off(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """The turn keeps one of two lines of the product in focus, named by a choice only it holds ("just one of
    those, the ube one"): the turn's item becomes the other line (its product, made with a choice that sets it
    apart), to be taken off (the caller makes the turn a removal). True when so read."""
    sku = ctx.last_sku
    product = lex.products.get(sku or "")
    if sku is None or product is None or p.items or not p.options or p.question or len(ctx.line_options) != len(ctx.line_skus) \
            or len(ctx.line_units) != len(ctx.line_skus) or not _ONLY.intersection(toks):
        return False
    mine = [k for k, s in enumerate(ctx.line_skus) if s == sku]
    if len(mine) != 2:
        return False
    kept = {k for k in mine for o in p.options for t in o.targets if (t.group, t.value) in ctx.line_options[k]}
    if len(kept) != 1 or any(not any((t.group, t.value) in ctx.line_options[k] for k in kept for t in o.targets)
                             for o in p.options):
        return False
    (keep,) = kept
    first = min(o.pos for o in p.options)
    n = _count_of_those(toks[:first])
    named_one = first > 0 and toks[first - 1] in DEFINITE and any(t in ONES for t in toks[first + 1:first + 3])
    if n is None and not named_one or n is not None and n != ctx.line_units[keep]:
        return False  # (a count of those other than the line's own: a recount, not this)
    gone: list[OptionSpec] = []
    for k in mine:
        if k == keep:
            continue
        own = tuple((g, v) for g, v in ctx.line_options[k] if (g, v) not in ctx.line_options[keep])
        if not own:
            return False
        gone.append(OptionSpec(tuple(Target("option", "", g, v, True) for g, v in own[:1]), pos=-1))
    p.items, p.options = [ItemSpec((sku,), None, gone)], []
    return True


def _count_of_those(toks: Sequence[str]) -> int | None:
    """"just one of those not two": the count said before "of those" / "of them", after "just"/"only"; also before
    "of the" naming the line by its choice ("only one of the mint chip ones": a recount of that line, not this)."""
    for i in range(len(toks) - 2):
        of_those = tuple(toks[i + 1:i + 3]) in _OF_THEM or toks[i + 1] == "of" and toks[i + 2] in DEFINITE
        if of_those and _ONLY.intersection(toks[:i]):
            t = toks[i]
            return 1 if t == "one" else int(t) if t.isdigit() and 0 < int(t) < 100 else None
    return None
