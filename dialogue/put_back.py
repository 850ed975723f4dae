"""Things put back: "ha she says put the cannolis back on" after the cannolis were taken off brings that line back
as it was (two cannolis, not one), "put the pie back on actually he'll eat it" the pie with the filling it had, "put
it back" the line taken off last. The words after "back" decide where the thing goes: "put the candle back on the
shelf" (a place in the shop, ``back_to_the_shop``) takes the candle off the order, and never adds one.

A line comes back only when one of that product was taken off in this conversation (``State.taken_off``); else the
turn is read as it would be without this module ("put the onion rings back" with none taken off: one more line).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from catalog.models import CartLine
from dialogue import editing
from dialogue import intents as cue
from dialogue.intents import Intent
from dialogue.lexicon import Lexicon
from dialogue.parse_records import Parse
from dialogue.phrasebook import phrases, words
from dialogue.replies import describe_line, say_list
from dialogue.state import Outcome, State
from dialogue.types import Action

_VERBS = words("put_back_verbs")
_SHOP_PLACES = phrases("back_to_the_shop")
_REFS = frozenset({"it", "them", "that", "those", "these", "this", "one", "ones"})
_BACK = "back"


def _back_at(toks: Sequence[str]) -> int:
    """Where the "back" of "put ... back" is: a verb of putting before it within a few words, or -1."""
    for k, t in enumerate(toks):
        if t == _BACK and any(w in _VERBS for w in toks[max(0, k - 6):k]):
            return k
    return -1


def to_the_shop(parse: Parse) -> bool:
    """"put the candle back on the shelf": the thing named goes back to the shop, off the order."""
    k = _back_at(parse.tokens)
    return k >= 0 and bool(parse.items) and cue.find(parse.tokens[k + 1:k + 5], _SHOP_PLACES) == 0


def handle(state: State, lex: Lexicon, parse: Parse, out: Outcome) -> Outcome | None:
    """The turn as a thing put back: a removal when it goes back to the shop, the line taken off brought back when
    it goes back on the order; None when the turn says neither (it is then read as itself)."""
    if parse.question or parse.items and parse.intent not in (Intent.ADD, Intent.MODIFY, Intent.REMOVE):
        return None  # ("put it back" may be read as no order at all: the words decide)
    toks = parse.tokens
    k = _back_at(toks)
    if k < 0:
        return None
    if to_the_shop(parse):  # the removal of what was named; nothing is added whatever else was said
        items = tuple(it for it in parse.items if it.start < k)[:1] or parse.items[:1]
        removal = replace(parse, intent=Intent.REMOVE, items=items, options=(), quantity=None, ref=None,
                          replace=False, replaces=None, portion=None, selector=())
        return editing.remove(state, lex, removal, out)
    if parse.intent == Intent.REMOVE or any(it.options for it in parse.items):
        return None  # ("put the pie back with chicken": a pie made otherwise, read as said)
    lines = _taken_off(state, parse, k)
    if not lines:
        return None
    return _bring_back(state, lex, lines, out)


def _taken_off(state: State, parse: Parse, k: int) -> list[tuple[CartLine, int]]:
    """The lines the turn puts back, each with how many: the latest one taken off of each product named (its count,
    or the count said), or, named by "it" / "them" alone, those of the latest turn that took any off."""
    gone = state.taken_off
    if not gone:
        return []
    if parse.items:
        found: list[tuple[CartLine, int]] = []
        for it in parse.items:
            line = next((ln for _, ln in reversed(gone) if ln.sku in it.skus), None)
            if line is None:
                return []  # one named that was never taken off: the turn is read as said
            found.append((line, it.quantity if it.quantity is not None and it.start > 0
                          and parse.tokens[it.start - 1] not in ("a", "an") else line.quantity))
        return found
    if not _REFS & set(parse.tokens[max(0, k - 3):k + 2]):
        return []
    last = gone[-1][0]
    return [(ln, ln.quantity) for turn, ln in gone if turn == last]


def _bring_back(state: State, lex: Lexicon, lines: Sequence[tuple[CartLine, int]], out: Outcome) -> Outcome:
    """Each line back in the cart as it was taken off, said back; one no longer to be had is said so (and the others
    still come back)."""
    state.pending = None
    said: list[str] = []
    notes: list[str] = []
    for line, count in lines:
        product = lex.products.get(line.sku)
        if product is None:
            notes.append(f"Sorry, the {line.name} is no longer on the menu")
            continue
        back = editing.add_line(state, product, count, line.options, notes)
        if back is None:
            continue
        state.taken_off = [(t, ln) for t, ln in state.taken_off if ln is not line]
        said.append(describe_line(replace(back, quantity=count), product))
    out.say(*notes)
    if not said:
        return out
    out.act(Action.CART_CHANGED).say(f"Okay, {say_list(said)} back on your order")
    return editing.readback(state, lex, out)
