"""Some units of the line in focus made one way and all of them another, in one breath: "one decaf and both with oat
milk" to two coffees is one decaf oat milk coffee and one oat milk coffee, never a third coffee."""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import intents as cue
from dialogue.lexicon import Lexicon
from dialogue.parse_records import Context, ParseDraft
from dialogue.quantity import quantity_token
from dialogue.specs import ItemSpec
from dialogue.turn_words import LEAD_FILL, MAKE_THE


def some_then_all(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """"one decaf and both with oat milk": a count less than the line in focus holds, opening the turn with only
    choices of that line's product, then "and" and a word for every unit ("both", "all of them") with more of its
    choices: those units made with both sets, the rest with the second (``p.portion``, ``p.rest_options``)."""
    sku = ctx.last_sku
    if not ctx.has_lines or sku is None or ctx.focus_quantity < 2 or p.question or len(p.items) > 1:
        return False
    at = next((i for i in range(1, len(toks) - 1) if toks[i] == "and" and _every_after(toks, i + 1)), -1)
    first = next((i for i, t in enumerate(toks) if t not in LEAD_FILL and t not in _MAKE_VERBS), -1)
    n = quantity_token(toks, first) if 0 <= first < at else None
    if n is None or not 0 < n < ctx.focus_quantity or toks[first] in ("a", "an"):
        return False
    if toks[first + 1:first + 3] and toks[first + 1] == "of" and toks[first + 2] in _OF_UNITS:
        first += 2  # "make one of them glossy and laminate both": the units said by "of them"
    item = p.items[0] if p.items else None
    if item is not None and (sku not in item.skus or item.quantity not in (None, n)
                             or any(t.kind == "product" for t in lex.phrases.get(tuple(toks[item.start:item.end]), ()))):
        return False  # ("one latte and both large": a product named, no units of the line)
    specs = item.options if item is not None else p.options
    mine = [o for o in specs if first < o.pos < at]
    every = [o for o in specs if o.pos > at]
    offered = all(any(sku in lex.option_skus.get((t.group, t.value), ()) for t in o.targets) for o in specs)
    if not mine or not every or not offered or len(mine) + len(every) != len(specs):
        return False
    p.items, p.options = [ItemSpec((sku,), None, [*mine, *every], first, len(toks), True)], []
    p.portion, p.rest_options, p.quantity, p.ref = n, list(every), None, None
    return True


_MAKE_VERBS = frozenset(pair[0] for pair in MAKE_THE if len(pair) == 2)
_OF_UNITS = frozenset(("them", "those", "these"))


def _every_after(toks: Sequence[str], at: int) -> bool:
    """After "and": a word for every unit ("both with oat milk"), or choices and then such a word ending the turn
    ("laminate both", "large for all of them")."""
    k = cue.find(toks[at:], cue.EVERY_LINE)
    if k == 0:
        return True
    return k > 0 and any(toks[at + k:] == list(ph) for ph in cue.EVERY_LINE)
