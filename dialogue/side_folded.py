"""A side line put into another line instead: "put the hash brown inside the sandwich instead of on the side"
(hash browns ordered as a side, and a sandwich that takes a hash brown patty), "put the bacon on the burger instead".
The choice goes on the line as any choice said of it does; the side line it was ordered as comes off (one unit for
each unit made so), in the same change, so that a plain "no" undoes both. Only when the turn says "instead" and
names the side with "the"/"that": "put a hash brown in the sandwich too" is a choice added, the side kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from catalog.models import CartLine
from dialogue import intents as cue
from dialogue.editing import readback
from dialogue.intents import Intent
from dialogue.lexicon import Lexicon
from dialogue.parse_records import Parse
from dialogue.state import Outcome, PendingKind, State
from dialogue.turn_words import DEFINITE, INSTEAD, INSTEAD_OF


def side_line(state: State, lex: Lexicon, parse: Parse) -> tuple[CartLine, str, str] | None:
    """The one cart line (with the choice's group and value) whose product the turn puts onto another line as a
    choice "instead"; None when the turn is no such fold."""
    toks = parse.tokens
    if parse.intent not in (Intent.ADD, Intent.MODIFY) or parse.question or len(state.cart.lines) < 2 \
            or not (cue.has(toks, INSTEAD) or cue.has(toks, INSTEAD_OF)):
        return None
    found: list[tuple[CartLine, str, str]] = []
    for it in parse.items:
        for spec in it.options:
            at = spec.pos
            if not 0 < at < len(toks) or toks[at - 1] not in DEFINITE:
                continue
            for end in range(at + 1, min(len(toks), at + lex.max_len) + 1):
                named = lex.phrases.get(tuple(toks[at:end]), ())
                skus = {t.sku for t in named if t.kind == "product"} - set(it.skus)
                choice = [(t.group, t.value) for t in spec.targets if t.kind == "option"
                          and any(n.kind == "option" and (n.group, n.value) == (t.group, t.value) for n in named)]
                lines = [ln for ln in state.cart.lines if ln.sku in skus]
                if choice and len(lines) == 1:
                    found.append((lines[0], *choice[0]))
                    break
    return found[0] if len(found) == 1 else None


def fold(state: State, lex: Lexicon, side: tuple[CartLine, str, str], change: Callable[[], Outcome],
         out: Outcome) -> Outcome:
    """Make the change the turn says (``change``); when a line other than the side now has the choice, the side
    comes off in the same change and the order is read back."""
    line, group, value = side
    before = {ln.line_id: ln for ln in state.cart.lines}
    result = change()
    made = [ln for ln in state.cart.lines if ln.line_id != line.line_id and before.get(ln.line_id) != ln
            and any((o.group, o.value) == (group, value) for o in ln.options)]
    if not made or state.pending is None or state.pending.kind != PendingKind.CONFIRM_CHANGE or all(ln.line_id != line.line_id for ln in state.cart.lines):
        return result  # (the choice not made, or a question asked: nothing else comes off)
    units = sum(ln.quantity for ln in made)
    state.begin_change()
    if line.quantity > units:
        state.cart.lines[:] = [replace(ln, quantity=ln.quantity - units) if ln.line_id == line.line_id else ln
                               for ln in state.cart.lines]
    else:
        state.cart.lines[:] = [ln for ln in state.cart.lines if ln.line_id != line.line_id]
    if result.readback_at is not None:
        del result.parts[result.readback_at:]
        result.readback_at = None
    result.say(f"I've taken the {line.name} off")
    return readback(state, lex, result)
