"""One change said for a line and then for another line "too": "make the shoes burgundy and the polish too", "make
the latte large and the mocha as well". The choices said after the first line go on both lines (each offering
them), nothing is added; None when the turn is no such change (no verb of a change first, the second line said
with a count or choices of its own, a line named that the cart has not, or one not offering the change).
"""

from __future__ import annotations

from dataclasses import replace

from dialogue import editing
from dialogue.intents import Intent
from dialogue.lexicon import Lexicon
from dialogue.parse_records import Parse
from dialogue.phrasebook import phrases, words
from dialogue.quantity import GLUE
from dialogue.resolve import options_for
from dialogue.state import Outcome, State
from dialogue.targets import line_said_at
from dialogue.turn_words import DEFINITE

_EDIT_VERBS = words("edit_verbs")
_LIKEWISE = phrases("likewise_after")


def _likewise_at(toks: tuple[str, ...]) -> int | None:
    """Where the closing "too" / "as well" starts, when the turn ends with it."""
    for ph in _LIKEWISE:
        if len(toks) > len(ph) and toks[-len(ph):] == ph:
            return len(toks) - len(ph)
    return None


def handle(state: State, lex: Lexicon, parse: Parse, out: Outcome) -> Outcome | None:
    toks = parse.tokens
    if parse.intent not in (Intent.ADD, Intent.MODIFY) or parse.question or len(state.cart.lines) < 2 \
            or parse.quantity is not None or parse.portion is not None:
        return None
    end = _likewise_at(toks)
    verb = next((i for i, t in enumerate(toks) if t in _EDIT_VERBS), None)
    if end is None or verb is None:
        return None
    join = next((i for i in range(end - 1, verb, -1) if toks[i] == "and" and i + 1 < end and toks[i + 1] in DEFINITE),
                None)
    if join is None:
        return None
    specs = [o for o in (*parse.options, *(o for it in parse.items for o in it.options)) if verb < o.pos < join]
    if not specs or any(o.pos >= join for o in (*parse.options, *(o for it in parse.items for o in it.options))) \
            or any(it.start > join and it.quantity is not None for it in parse.items):
        return None
    first = line_said_at(state, lex, parse, verb + 1, GLUE)
    second = line_said_at(state, lex, parse, join + 1, GLUE)
    if first is None or second is None or first.line_id == second.line_id \
            or min(o.pos for o in specs) <= verb + 1:
        return None
    for line in (first, second):
        product = lex.products.get(line.sku)
        if product is None or options_for(product, specs, line.options)[2]:
            return None
    change = replace(parse, intent=Intent.MODIFY, items=(), options=tuple(sorted(specs, key=lambda o: o.pos)),
                     ref=None, replace=False, replaces=None, selector=(), ordinal=None)
    return editing.modify_every(state, lex, change, out, among=[first, second])
