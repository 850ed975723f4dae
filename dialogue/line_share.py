"""One cart line shared out by a change: "make the avocados two ripe and two for the weekend" with one line of four
avocados. Parts of one product, each counted and made some way, said after a verb of a change, whose counts add up
to the units of that product's one line, are that line shared out (the choices said, the line named), not new lines
nor a swap; the policy then splits the line by the parts (:func:`dialogue.references.parts_of`).
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import intents as cue
from dialogue.parse_records import Context, ParseDraft
from dialogue.phrasebook import phrases, words
from dialogue.references import portion
from dialogue.specs import ItemSpec

_EDIT_VERBS = words("edit_verbs")
_OTHER_PART = phrases("other_part")


def line_shared_out(p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """True when the turn shares one line out (the parse then names that line and holds the parts' choices)."""
    if len(p.items) < 2 or p.options or p.question or len({it.skus for it in p.items}) != 1 \
            or len(p.items[0].skus) != 1 or not any(t in _EDIT_VERBS for t in toks[:p.items[0].start]):
        return False
    sku = p.items[0].skus[0]
    lines = [k for k, s in enumerate(ctx.line_skus) if s == sku]
    if len(lines) != 1 or len(ctx.line_units) <= lines[0] \
            or any(it.quantity is None or not it.options for it in p.items) \
            or sum(it.quantity or 0 for it in p.items) != ctx.line_units[lines[0]]:
        return False
    at = p.items[0].start
    while at > 0 and (toks[at - 1].isdigit() or toks[at - 1] == "one"):
        at -= 1  # (the first part's count: the parts are read from there)
    p.options = [o for it in p.items for o in it.options]
    p.items = [ItemSpec((sku,), None, [], at, at)]
    return True


def topic_shared(p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """"Can i get two of those, one of them large" about the product just talked of: the count ordered, then
    some of them made so; two items of it (one large, one as it comes), not every unit made large. Only when the
    choices are all said after the part ("one of them") and no other part is named ("the other one ...")."""
    topic = ctx.topic
    if p.items or p.ref != "it" or not p.options or p.quantity is None or p.quantity < 2 or p.question \
            or topic is None or topic in ctx.line_skus or cue.find(toks, _OTHER_PART) >= 0:
        return
    at = next((i for i, t in enumerate(toks) if t == str(p.quantity)), None)
    if at is None:
        return
    some = portion(toks[at + 1:])
    first = next((i for i in range(at + 1, len(toks)) if portion(toks[at + 1:i + 1]) is not None), None)
    if some is None or first is None or not 0 < some < p.quantity or any(o.pos <= first for o in p.options):
        return
    p.items = [ItemSpec((topic,), some, list(p.options), first, len(toks)),
               ItemSpec((topic,), p.quantity - some, [], at, at + 1)]
    p.options, p.quantity, p.ref = [], None, None

