"""The change just made taken back by saying the old way was right: "put the sausage one on a croissant" - "hmm no
sorry everything bagel was right for that one" puts the everything bagel back on that sandwich (no everything bagel
ordered as a product of its own); "make it oat milk" - "no whole milk was fine" the whole milk.

Only the change of the turn before, still unconfirmed (``State.baseline`` of that turn), that changed lines and
added none; and only when what the turn names was on a changed line before that change, not after it (or nothing is
named: "no it was fine before"). Anything else is read as said.
"""

from __future__ import annotations

from collections.abc import Sequence

from catalog.models import CartLine
from dialogue import editing
from dialogue import intents as cue
from dialogue.intents import Intent
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.parse_records import Parse
from dialogue.phrasebook import phrases
from dialogue.replies import describe_line, say_list
from dialogue.state import Outcome, State
from dialogue.types import Action
from dialogue.words import STOPWORDS

_WAS_RIGHT = phrases("was_right")
_UNDO_ALONE = phrases("undo_alone")


def handle(state: State, lex: Lexicon, parse: Parse, out: Outcome) -> Outcome | None:
    """The last change undone when the turn says the way before it was right; None when it does not."""
    toks = parse.tokens
    if _taken_back(state, parse):  # "make it three" - "no scratch that": the three undone, the line as it was
        state.pending = None
        state.revert()
        if state.focus_line not in {ln.line_id for ln in state.cart.lines}:
            state.focus_line = state.cart.lines[-1].line_id if state.cart.lines else None
        out.act(Action.CART_CHANGED).say("Okay, I've taken that back")
        return editing.readback(state, lex, out)
    if parse.question or parse.intent not in (Intent.ADD, Intent.MODIFY, Intent.DENY, Intent.AFFIRM) \
            or cue.find(toks, _WAS_RIGHT) < 0:
        return None
    held = {ln.sku for ln in state.cart.lines if ln not in _changed_last(state)}
    if parse.items and all(set(it.skus) & held and it.start > 0 and toks[it.start - 1] in _DEFINITE
                           for it in parse.items) and not parse.options:
        state.pending = None  # "the latte was fine": a word on a line of the order, no second latte
        return editing.readback(state, lex, out.say("Okay"))
    before = state.baseline
    if before is None or state.baseline_turn != state.turns - 1 or len(before) != len(state.cart.lines):
        return None  # (a change that added or took off lines is no such change)
    changed = [(old, new) for old, new in zip(before, state.cart.lines, strict=True) if old != new]
    if not changed or not all(old.sku == new.sku and old.line_id == new.line_id for old, new in changed):
        return None
    said = {t for t in toks if t not in STOPWORDS} - {w for ph in _WAS_RIGHT for w in ph}
    if parse.items or parse.options:
        if not any(_said_of(lex, said, old, new) for old, new in changed):
            return None  # the turn names something the change did not take away
    elif said - _FILLERS:
        return None
    state.pending = None
    undone = [old for old, _ in changed]
    state.revert()
    state.focus_line = undone[-1].line_id
    out.act(Action.CART_CHANGED)
    out.say(f"Okay, {say_list([describe_line(ln, lex.products.get(ln.sku)) for ln in undone])} as before")
    return editing.readback(state, lex, out)


def _taken_back(state: State, parse: Parse) -> bool:
    """The turn only takes back the change the turn before made ("no scratch that", "actually forget that", "undo
    that"): an undo phrase, no product, choice or count, nothing but fillers besides; and that change is there to
    take back (unconfirmed, of the turn before)."""
    toks = parse.tokens
    at = cue.find(toks, _UNDO_ALONE)
    if at < 0 or parse.items or parse.options or parse.quantity is not None or parse.question \
            or not _changed_last(state) and not _taken_off_last(state):
        return False
    size = max(len(ph) for ph in _UNDO_ALONE if tuple(toks[at:at + len(ph)]) == ph)
    return all(t in _FILLERS for t in (*toks[:at], *toks[at + size:]))


def _taken_off_last(state: State) -> bool:
    """The turn before took lines off (not yet confirmed)."""
    return state.baseline is not None and state.baseline_turn == state.turns - 1 \
        and len(state.baseline) > len(state.cart.lines)


def _changed_last(state: State) -> list[CartLine]:
    """The lines of the cart the turn before made or changed (not yet confirmed)."""
    if state.baseline is None or state.baseline_turn != state.turns - 1:
        return []
    return [ln for ln in state.cart.lines if ln not in state.baseline]


_DEFINITE = frozenset({"the", "that", "my", "this", "those", "these"})
_FILLERS = frozenset({"hmm", "um", "uh", "sorry", "oh", "actually", "no", "nah", "nope", "wait", "oops", "fine",
                      "right", "before", "one", "ok", "okay", "please", "ah", "well", "hm"})


def _said_of(lex: Lexicon, said: set[str], old: CartLine, new: CartLine) -> bool:
    """Whether the words said name a choice the line had before the change and has no more."""
    product = lex.products.get(old.sku)
    if product is None:
        return False
    gone = [o for o in old.options if o not in new.options]
    for o in gone:
        group = product.group(o.group)
        value = group.value(o.value) if group is not None else None
        if value is None:
            continue
        names: Sequence[str] = (value.name, *value.aliases)
        if any((words := set(phrase_of(n)) - STOPWORDS) and words <= said for n in names):
            return True
    return False
