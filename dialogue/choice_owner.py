"""Which line a choice belongs on, said with the line first: "no wait just the green machine gets the protein" (the
protein put on both smoothies comes off the other one), "the thai tea is the half sugar one not the taro" (the half
sugar moves from the taro to the thai tea). The choices said after the verb go on the line named before it, off
the one other line that has them ("not the taro" names it when several do); after "just" / "only" they come off
every other line. What is said after "not" / "instead of" is what the choices leave, never more of them ("the lamb
one gets fries instead of the salad" moves no salad: a swap on that line, read as ever). Nothing else changes. None when the turn is no such thing (no line named before such a verb, no
choice said after it that another line has and the line's product offers, one that cannot leave a line), and the
turn is read as ever.
"""

from __future__ import annotations

from collections.abc import Sequence

from catalog.models import CartLine
from dialogue import editing
from dialogue.intents import Intent
from dialogue.lexicon import Lexicon, Target
from dialogue.moves import comes_off, put_on, taken_off
from dialogue.parse_records import Parse
from dialogue.phrasebook import phrases
from dialogue.quantity import GLUE
from dialogue.replies import say_list
from dialogue.resolve import option_names
from dialogue.specs import OptionSpec
from dialogue.state import Outcome, State
from dialogue.targets import line_said_at
from dialogue.turn_words import DEFINITE

_VERBS = phrases("choice_owner_verbs")
_ONLY = phrases("choice_owner_only")
_NOT = (("not",), *phrases("swap"))  # what is said after these is the line the choices leave, not more choices

_Plan = tuple[CartLine, list[tuple[OptionSpec, Target, list[CartLine]]], bool]


def _starts(toks: Sequence[str], k: int, table: Sequence[tuple[str, ...]]) -> int:
    """The length of the longest phrase of ``table`` said at ``k`` (0: none)."""
    return max((len(p) for p in table if tuple(toks[k:k + len(p)]) == p), default=0)


def _place(state: State, lex: Lexicon, parse: Parse) -> tuple[CartLine, int, int, bool] | None:
    """The line named right before a verb of belonging, where that verb ends, and whether "just" / "only" was said
    before the line."""
    toks = parse.tokens
    for v in range(2, len(toks)):
        size = _starts(toks, v, _VERBS)
        if not size:
            continue
        for k in range(v - 1, -1, -1):
            if toks[k] not in DEFINITE:
                continue
            line = line_said_at(state, lex, parse, k, GLUE)
            if line is not None:
                only = any(_starts(toks, j, _ONLY) for j in range(k))
                return line, k, v + size, only
        return None
    return None


def planned(state: State, lex: Lexicon, parse: Parse) -> _Plan | None:
    """The line the choices belong on, each choice with the lines it comes off, and whether it stays on that line
    alone; None when the turn is no such thing. Nothing is changed."""
    toks = parse.tokens
    if parse.intent not in (Intent.ADD, Intent.MODIFY) or parse.question or len(state.cart.lines) < 2:
        return None
    found = _place(state, lex, parse)
    if found is None:
        return None
    place, _, after, only = found
    product = lex.products.get(place.sku)
    if product is None:
        return None
    end = next((i for i in range(after, len(toks)) if _starts(toks, i, _NOT)), len(toks))
    past = end + _starts(toks, end, _NOT)  # ("gets fries instead of the salad": the salad is what the fries replace)
    source = line_said_at(state, lex, parse, past, GLUE) if past < len(toks) else None
    specs = sorted((o for o in (*parse.options, *parse.selector, *(o for it in parse.items for o in it.options))
                    if after <= o.pos < end), key=lambda o: o.pos)
    plan: list[tuple[OptionSpec, Target, list[CartLine]]] = []
    for spec in specs:
        for t in spec.targets:
            group = product.group(t.group)
            if t.kind != "option" or group is None or group.value(t.value) is None:
                continue
            having = [ln for ln in state.cart.lines if ln.line_id != place.line_id
                      and any((o.group, o.value) == (t.group, t.value) for o in ln.options)]
            if source is not None:
                having = [ln for ln in having if ln.line_id == source.line_id]
            if not only and len(having) != 1:
                continue
            if having and all(comes_off(lex, ln, t) for ln in having):
                plan.append((spec, t, having))
                break
    if not plan:
        return None
    return place, plan, only


def handle(state: State, lex: Lexicon, parse: Parse, out: Outcome) -> Outcome | None:
    """Put the choices said on the line named, off the others; None when the turn is no such thing."""
    plan = planned(state, lex, parse)
    if plan is None:
        return None
    place, moved, only = plan
    changed: dict[int, CartLine] = {}
    adding = []
    for _, t, sources in moved:
        for source in sources:
            new = taken_off(lex, changed.get(source.line_id, source), t)
            if new is None:
                return None  # (a choice the line comes back with as its default cannot leave it)
            changed[source.line_id] = new
        if not any((o.group, o.value) == (t.group, t.value) for o in place.options):
            adding.append(next(o for o in sources[0].options if (o.group, o.value) == (t.group, t.value)))
    if not put_on(state, lex, place, adding, changed, out):
        return None
    said = say_list(option_names(lex, [spec for spec, _, _ in moved]))
    if only and not adding:
        return editing.readback(state, lex, out.say(f"Okay, only the {place.name} has the {said}"))
    return editing.readback(state, lex, out.say(f"Okay, the {said} is on the {place.name}"))
