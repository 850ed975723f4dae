"""Several lines said again, righted, in one breath: "no sorry the other way around large chai medium fog", "no i
got that backwards red tulips and pink roses", "i said a small latte and a large mocha". Each product named is
one line of the cart already, said with the choices it was meant to have: each of those lines is changed so, one
step of the turn each (the session runs them as it runs "take the pickle off and add a cookie"), and nothing is
added. One product said so is read where it is read ("no I said a large cappuccino": dialogue/line_refs.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import intents as cue
from dialogue.intents import Intent
from dialogue.lexicon import Lexicon
from dialogue.line_refs import restated
from dialogue.normalize import tokens
from dialogue.parse_records import Parse
from dialogue.phrasebook import phrases, words
from dialogue.references import line_holding
from dialogue.specs import ItemSpec

_RESTATED = phrases("restated")
_JOINERS = words("compound_joiners")


def cued(text: str) -> bool:
    """Whether the turn says anything again righted at all (before it is read)."""
    return cue.find(tokens(text), _RESTATED) >= 0


def _start(item: ItemSpec) -> int:
    """Where the item is said, its choices said before its name included ("large chai")."""
    return min([item.start, *(o.pos for o in item.options if 0 <= o.pos)])


def clauses(lex: Lexicon, parse: Parse, line_skus: Sequence[str]) -> list[str]:
    """The turn as one clause per line said again, each opened by the words that say it is righted ("no sorry the
    other way around large chai", "no sorry the other way around medium fog"); [] when the turn is no such thing:
    fewer than two products, a count other than one, a product with no choice said, or one that is not the
    product of exactly one cart line (or two said of the same line)."""
    items = parse.items
    if parse.intent != Intent.ADD or len(items) < 2 or parse.question or parse.options:
        return []
    toks = parse.tokens
    starts = [_start(it) for it in items]
    if starts != sorted(starts) or not restated(toks, ItemSpec(items[0].skus, None, [], starts[0], items[0].end)):
        return []
    if starts[0] < items[0].start:
        # "large chai medium fog": said choice first, so a choice after a name is the next one's
        starts = [starts[0], *(it.end for it in items[:-1])]
    ends = [*starts[1:], len(toks)]
    chosen = {o.pos for it in items for o in it.options if o.pos >= 0}
    held: list[str] = []
    for it, start, end in zip(items, starts, ends, strict=True):
        sku = line_holding(lex, it.skus, line_skus)
        if it.quantity not in (None, 1) or sku is None or list(line_skus).count(sku) != 1 or sku in held \
                or not any(start <= at < end and not it.start <= at < it.end for at in chosen):
            return []
        held.append(sku)
    lead = list(toks[:starts[0]])
    out: list[str] = []
    for start, end in zip(starts, ends, strict=True):
        said = list(toks[start:end])
        while said and said[-1] in _JOINERS:
            said.pop()
        out.append(" ".join([*lead, *said]))
    return out
