"""A total said as what the cart should hold: "no that's wrong, there should be three pies" (two in the cart: one
more), "there should be two pints, the pistachio and a butter pecan" (a pistachio pint in the cart: the butter
pecan is the one missing), "there should be three yo-yos, add a glow in the dark one" (a red and a blue in the
cart: the glow one), "there should be two cookies, one for my daughter too".

The turn says a total (``total_said``, then a count, then a noun naming a product of the cart) and nothing else
as an item. The units of that product the cart holds count toward the total: the choices said that a held line of
it has name units already there; the choices said that none has are the missing units, as many as the total lacks.
With no such choice said, the one line of that product is made the total, and so is the one line a choice said
names ("there should be three cokes" with two cokes and a sprite). Nothing is done (the turn is read as
ever) when the total is not more than the cart holds, when the choices said do not add up to what is missing, or
when the product is held in several lines and nothing says which.
"""

from __future__ import annotations

from collections.abc import Sequence

from catalog.models import CartLine
from dialogue import intents as cue
from dialogue.lexicon import Lexicon
from dialogue.phrasebook import phrases
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.targets import line_has

_TOTAL = phrases("total_said")
_MOST = 100  # a count said past this is no total of units


def _total_at(toks: Sequence[str]) -> tuple[int, int] | None:
    """Where the count after a phrase of ``total_said`` is, and the count; None when none is said."""
    k = cue.find(toks, _TOTAL)
    if k < 0:
        return None
    n = next((len(p) for p in _TOTAL if tuple(toks[k:k + len(p)]) == p), 0)
    at = k + n
    if at >= len(toks) or not toks[at].isdigit() or not 1 < int(toks[at]) < _MOST:
        return None
    return at, int(toks[at])


def missing(lex: Lexicon, lines: Sequence[CartLine], toks: Sequence[str], items: Sequence[ItemSpec]
            ) -> tuple[CartLine | None, int, list[ItemSpec]] | None:
    """What a total said asks for: (the one line made the total and that total, []) or (None, 0, the missing
    items to add); None when the turn is no such total."""
    said = _total_at(toks)
    if said is None or not items:
        return None
    at, total = said
    if any(it.start != at + 1 for it in items) or len({it.skus for it in items}) != 1:
        return None  # (an item said besides the noun counted: "there should be two pies and a coke")
    skus = [s for s in items[0].skus if any(ln.sku == s for ln in lines)]
    if len(skus) != 1:
        return None
    sku = skus[0]
    held = [ln for ln in lines if ln.sku == sku]
    specs: list[list[OptionSpec]] = [list(it.options) for it in items if it.options]
    if len(specs) == 1 and len(made := [ln for ln in held if line_has(ln, lex, specs[0])]) == 1:
        return (made[0], total, []) if total > made[0].quantity else None  # "there should be three cokes"
    have = sum(ln.quantity for ln in held)
    if total <= have:
        return None
    if not specs:
        return (held[0], total, []) if len(held) == 1 else None
    new = [s for s in specs if not any(line_has(ln, lex, s) for ln in held)]
    if not new:
        return None
    if len(new) == 1:
        return None, 0, [ItemSpec((sku,), total - have, new[0], start=at + 1, end=at + 2)]
    if len(new) != total - have:
        return None
    return None, 0, [ItemSpec((sku,), 1, s, start=at + 1, end=at + 2) for s in new]
