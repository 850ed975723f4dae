""""One more of everything", "two more of each": every line of the order made that many more; "the same again for
my wife" after "cod and chips": each line the latest order added to, again as many as it added; "same again in blue"
after a red collar and a red leash: each line again, in blue. Never a line the
shopper did not order before. (The words are read in dialogue/multiples.py.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from catalog.errors import CatalogError
from catalog.models import CartLine, SelectedOption
from dialogue.editing import readback
from dialogue.lexicon import Lexicon
from dialogue.numbers import say_number
from dialogue.replies import describe_line, plural, say_list
from dialogue.resolve import options_for
from dialogue.sorry import sorry
from dialogue.specs import OptionSpec
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


def again_made_so(state: State, lex: Lexicon, specs: Sequence[OptionSpec]) -> list[tuple[CartLine, list[SelectedOption]]]:
    """"A red collar" - "and a red leash" - "same again in blue for my other dog": every line of the cart (two or
    more) holds one same value, chosen (no default), of the one-choice group each choice said is of (all red), and
    offers the choice: the set again, made so (a blue collar and a blue leash); none when some line does not share
    it (then "same again" is more of the latest lines, :func:`last_order`)."""
    lines = list(state.cart.lines)
    if len(lines) < 2 or not specs:
        return []
    out: list[tuple[CartLine, list[SelectedOption]]] = []
    shared: dict[str, set[str]] = {}
    for line in lines:
        product = lex.products.get(line.sku)
        if product is None:
            return []
        opts, removals, missing = options_for(product, specs, line.options)
        held = {o.group: o.value for o in line.options}
        if missing or removals or not opts or any(
                (g := product.group(o.group)) is None or g.multiple or o.group not in held or held[o.group] == o.value
                or held[o.group] == g.default for o in opts):
            return []
        for o in opts:
            shared.setdefault(o.group, set()).add(held[o.group])
        made = {o.group for o in opts}
        out.append((line, [o for o in line.options if o.group not in made] + opts))
    return out if all(len(values) == 1 for values in shared.values()) else []


def lines_made_again(state: State, lex: Lexicon, made: Sequence[tuple[CartLine, list[SelectedOption]]],
                     out: Outcome) -> Outcome:
    """One more of each line, made with the choices given (:func:`again_made_so`); one read-back after."""
    if state.pending is not None and state.pending.kind == PendingKind.CONFIRM_CHANGE:
        state.commit()
    state.pending = None
    state.begin_change()
    said: list[str] = []
    for line, options in made:
        product = lex.products[line.sku]
        try:
            added = state.cart.add(product, 1, options)
        except CatalogError as exc:
            out.say(sorry(exc, product))
            continue
        state.focus_line = added.line_id
        said.append(describe_line(replace(added, quantity=1), product))
    if said:
        out.act(Action.CART_CHANGED).say(f"Okay, {say_list(said, limit=None)}")
    return readback(state, lex, out)


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
