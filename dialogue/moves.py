"""A choice moved from one line to another: "move the feta over to the falafel one", "take the sprinkles off the
cone and put them on the shake instead", "put the card on the lilies instead", "move the wrapping and the card to
the plush". The choices said come off the one other line that has them and go on the line named after "to" / "on";
nothing else changes. None when the turn is no such move (no verb of a move, no line named as the place, a choice
no other line has, or one the place's product does not offer), and the turn is read as ever.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from catalog.cart import resolve_options, unit_price
from catalog.errors import CatalogError
from catalog.models import CartLine, SelectedOption
from dialogue import editing
from dialogue.intents import Intent
from dialogue.lexicon import Lexicon, Target
from dialogue.normalize import tokens
from dialogue.parse_records import Parse
from dialogue.phrasebook import phrases, words
from dialogue.quantity import GLUE
from dialogue.replies import say_list
from dialogue.resolve import option_names
from dialogue.specs import OptionSpec
from dialogue.state import Outcome, State
from dialogue.targets import line_said_at
from dialogue.turn_words import DEFINITE, INSTEAD_OF, ONES, ONTO_PREPS
from dialogue.types import Action

_MOVE_VERBS = words("move_verbs")
_MOVE_MARKS = words("move_marks")
_PUT_VERBS = phrases("onto_line_verbs")
_LEAD = words("place_lead") | DEFINITE


def _move_verb(toks: Sequence[str]) -> int | None:
    """Where the verb of a move is: a verb of moving ("move", "shift"), or a verb putting a choice on a line with
    "instead" (not "instead of", a swap on one line) or "off" said too ("take X off A and put it on B")."""
    at = next((i for i, t in enumerate(toks) if t in _MOVE_VERBS), None)
    if at is not None:
        return at
    marked = any(t in _MOVE_MARKS and not any(tuple(toks[i:i + len(p)]) == p for p in INSTEAD_OF)
                 for i, t in enumerate(toks))
    if not marked:
        return None
    return next((i for i, t in enumerate(toks) for p in _PUT_VERBS if tuple(toks[i:i + len(p)]) == p), None)


def cued(text: str) -> bool:
    """Whether the turn says a move at all (before it is read)."""
    return _move_verb(tokens(text)) is not None


def _said_choices(lex: Lexicon, parse: Parse, before: int) -> list[OptionSpec]:
    """The choices said before the place: loose ones, those read onto a product, and products named whose words
    are also a choice ("move the card": the card a bouquet takes)."""
    specs = [o for o in (*parse.options, *parse.selector, *(o for it in parse.items for o in it.options))
             if 0 <= o.pos < before]
    toks = parse.tokens
    for it in parse.items:
        if it.end > before:
            continue
        said = tuple(t for t in toks[it.start:it.end] if t not in GLUE)
        targets = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option")
        if targets:
            specs.append(OptionSpec(targets, "regular", "", it.start, " ".join(said)))
    return sorted(specs, key=lambda o: o.pos)


def with_options(line: CartLine, lex: Lexicon, options: list[SelectedOption]) -> CartLine | None:
    product = lex.products.get(line.sku)
    if product is None:
        return None
    try:
        resolved = resolve_options(product, options)
        price, variant = unit_price(product, resolved)
    except CatalogError:
        return None
    return replace(line, options=resolved, unit_price_cents=price, variant_sku=variant)


_Move = tuple[CartLine, list[tuple[OptionSpec, Target, CartLine]], str]


def planned(state: State, lex: Lexicon, parse: Parse) -> _Move | None:
    """The line a move puts the choices on, each choice with the line it comes off, and how the place was said;
    None when the turn is no such move. Nothing is changed."""
    toks = parse.tokens
    if parse.intent not in (Intent.ADD, Intent.MODIFY) or parse.question or len(state.cart.lines) < 2:
        return None
    verb = _move_verb(toks)
    if verb is None:
        return None
    place = prep = None
    for prep in (i for i in range(len(toks) - 1, verb, -1) if toks[i] in ONTO_PREPS):
        place = line_said_at(state, lex, parse, prep + 1, GLUE)
        if place is not None:
            break
    product = lex.products.get(place.sku) if place is not None else None
    if place is None or prep is None or product is None:
        return None
    held = {(o.group, o.value) for o in place.options}
    moved: list[tuple[OptionSpec, Target, CartLine]] = []
    for spec in _said_choices(lex, parse, prep):
        for t in spec.targets:
            group = product.group(t.group)
            if t.kind != "option" or group is None or group.value(t.value) is None or (t.group, t.value) in held:
                continue
            having = [ln for ln in state.cart.lines if ln.line_id != place.line_id
                      and any((o.group, o.value) == (t.group, t.value) for o in ln.options)]
            if len(having) == 1 and comes_off(lex, having[0], t):
                moved.append((spec, t, having[0]))
                break
    if not moved:
        return None
    return place, moved, _place_said(state, parse, place, prep + 1)


def _place_said(state: State, parse: Parse, place: CartLine, start: int) -> str:
    """"the falafel gyro" when another line is of the same product, else the product's name."""
    if sum(ln.sku == place.sku for ln in state.cart.lines) < 2:
        return place.name
    toks = parse.tokens
    at = start
    while at < len(toks) and toks[at] in _LEAD:
        at += 1
    end = at
    while end < len(toks) and toks[end] not in ONES and toks[end] not in GLUE and end in parse.option_at:
        end += 1
    words = " ".join(toks[at:end])
    return f"{words} {place.name}" if words and words not in place.name else place.name


def comes_off(lex: Lexicon, line: CartLine, t: Target) -> bool:
    """The choice can leave the line: without it the line is still one the product allows, and not made so again
    by default (the swiss a sandwich comes with stays on it)."""
    return taken_off(lex, line, t) is not None


def taken_off(lex: Lexicon, line: CartLine, t: Target) -> CartLine | None:
    """``line`` without the choice ``t``; None when the product refuses it so or it comes back with ``t`` (its
    default)."""
    new = with_options(line, lex, [o for o in line.options if (o.group, o.value) != (t.group, t.value)])
    if new is None or any((o.group, o.value) == (t.group, t.value) for o in new.options):
        return None
    return new


def put_on(state: State, lex: Lexicon, place: CartLine, adding: list[SelectedOption], changed: dict[int, CartLine],
           out: Outcome) -> bool:
    """Give ``place`` the choices ``adding`` (each replacing the value of its group where the group takes one) and
    write it with the other ``changed`` lines to the cart as one change, the focus on ``place``; False, with nothing
    written, when the product refuses the line so."""
    product = lex.products.get(place.sku)
    assert product is not None
    singles = {o.group for o in adding if (g := product.group(o.group)) is not None and not g.multiple}
    dest = with_options(place, lex, [*(o for o in place.options if o.group not in singles), *adding])
    if dest is None:
        return False
    changed[place.line_id] = dest
    state.begin_change()
    state.pending = None
    state.cart.lines[:] = [changed.get(ln.line_id, ln) for ln in state.cart.lines]
    state.focus_line = place.line_id
    out.act(Action.CART_CHANGED)
    return True


def handle(state: State, lex: Lexicon, parse: Parse, out: Outcome) -> Outcome | None:
    """Move the choices said to the line named as their place; None when the turn is no such move."""
    move = planned(state, lex, parse)
    if move is None:
        return None
    place, moved, named = move
    changed: dict[int, CartLine] = {}
    for _, t, source in moved:
        new = taken_off(lex, changed.get(source.line_id, source), t)
        if new is None:
            return None  # (a choice the line comes back with as its default cannot leave it)
        changed[source.line_id] = new
    kept = {(o.group, o.value): o for _, _, ln in moved for o in ln.options}
    if not put_on(state, lex, place, [kept[(t.group, t.value)] for _, t, _ in moved], changed, out):
        return None
    said = say_list(option_names(lex, [spec for spec, _, _ in moved]))
    return editing.readback(state, lex, out.say(f"Okay, I've moved the {said} to the {named}"))
