""""One more of everything", "two more of each": every line of the order made that many more; "the same again for
my wife" after "cod and chips": each line the latest order added to, again as many as it added. Never a line the
shopper did not order before. (The words are read in dialogue/multiples.py.)
"""

from __future__ import annotations

from collections.abc import Sequence

from catalog.errors import CatalogError
from catalog.models import CartLine
from dialogue.editing import readback
from dialogue.lexicon import Lexicon
from dialogue.numbers import say_number
from dialogue.replies import plural, say_list
from dialogue.sorry import sorry
from dialogue.state import Outcome, PendingKind, State
from dialogue.types import Action


def last_order(state: State) -> list[tuple[CartLine, int]]:
    """The lines the latest ordering turn added to, with how many, when it added to more than one line, they are
    all still in the cart and the line in focus is one of them; else none."""
    if state.ordered is None:
        return []
    by_id = {ln.line_id: ln for ln in state.cart.lines}
    focus = state.focus()
    made = [(by_id[i], n) for i, n in state.ordered[1] if i in by_id]
    ids = {ln.line_id for ln, _ in made}
    if len(made) != len(state.ordered[1]) or len(ids) < 2 or focus is None or focus.line_id not in ids:
        return []
    return made


def more_of_lines(state: State, lex: Lexicon, lines: Sequence[tuple[CartLine, int]], out: Outcome) -> Outcome:
    """Each line made as many more as given, as it is (its choices kept); one read-back after."""
    if state.pending is not None and state.pending.kind == PendingKind.CONFIRM_CHANGE:
        state.commit()  # carrying on ordering accepts what was read back
    state.pending = None
    state.begin_change()
    said: list[str] = []
    for line, n in lines:
        product = lex.products.get(line.sku)
        if product is None:
            continue
        try:
            grown = state.cart.add(product, n, line.options)
        except CatalogError as exc:
            out.say(sorry(exc, product))
            continue
        state.focus_line = grown.line_id
        said.append(f"{say_number(n)} more {plural(line.name, n)}")
    if not said:
        return readback(state, lex, out)
    out.act(Action.CART_CHANGED).say(f"Okay, {say_list(said, limit=None)}")
    return readback(state, lex, out)
