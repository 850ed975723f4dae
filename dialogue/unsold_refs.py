"""A thing said again by "one" when the shop sells no such thing: "do you have lipstick, i'll take a red one",
"got any scrunchies? one of those in pink". The choice said with "one" stands for the unsold noun named before it,
not for some product of the shop that happens to come in that choice: no item is made of it, and the noun is said
back as not sold.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import intents as cue
from dialogue.lexicon import Lexicon
from dialogue.parse_records import ParseDraft
from dialogue.phrasebook import words
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.words import COMMON

_ONES = words("unsold_one_refs")  # "a red one", "the pink ones"
_THOSE = words("unsold_those_refs")  # "one of those in pink"
_LEADS = words("unsold_noun_leads")  # "do you have any lipstick"
_ASKS = cue.INFO_ASK + cue.QUESTION_STOCK + cue.ORDER_REQUEST  # "do you have", "do you sell", "i want"


def _span(o: OptionSpec) -> range:
    return range(o.pos, o.pos + max(len(o.said.split()), 1))


def _only_choices(it: ItemSpec) -> bool:
    """An item made of its choice words alone: no word of a product's name said ("a red one", not "a red polish")."""
    said = {i for o in it.options if o.pos >= 0 for i in _span(o)}
    return bool(said) and all(i in said for i in range(it.start, it.end))


def _said_as_one(toks: Sequence[str], start: int, end: int) -> bool:
    """"a red one", "the pink ones", "one of those in red": the choice said of a thing named before."""
    if end < len(toks) and toks[end] in _ONES:
        return True
    before = toks[max(0, start - 4):start]
    return any(t in _THOSE for t in before) and "of" in before


def _unknown(lex: Lexicon, tok: str) -> bool:
    return tok.isalpha() and len(tok) > 3 and tok not in COMMON and not lex.known(tok) \
        and not lex.known(tok.removesuffix("s")) and not lex.known(tok.removesuffix("es"))


def unsold_noun(lex: Lexicon, toks: Sequence[str], start: int, end: int, taken: set[int]) -> int | None:
    """Where, between start and end, a noun the shop sells nothing of is asked for or ordered: right after "do you
    have", "do you sell", "i want" (with "any", "a", ... between), and no catalog word."""
    for i in range(end - 1, start - 1, -1):
        if i in taken or not _unknown(lex, toks[i]):
            continue
        k = i
        while k > start and toks[k - 1] in _LEADS:
            k -= 1
        if any(k >= len(ph) and tuple(toks[k - len(ph):k]) == ph for ph in _ASKS):
            return i
    return None


def ones_of_unsold(lex: Lexicon, toks: Sequence[str], p: ParseDraft,
                   before: Sequence[str] = ()) -> tuple[list[ItemSpec], list[str]]:
    """The items of the turn less those that are only a choice said as "one" of an unsold noun named before them
    (with no product of the shop named between), and those nouns; the choices said so with no item are dropped
    too. ``before``: the unsold nouns the turn before asked for ("do you have lipstick" - "i'll take a red one")."""
    items, options = p.items, p.options
    taken = {i for it in items for i in range(it.start, it.end)} \
        | {i for o in (*options, *(o for it in items for o in it.options)) if o.pos >= 0 for i in _span(o)}
    unsold: list[str] = []

    def of_unsold(start: int, end: int) -> bool:
        at = unsold_noun(lex, toks, start, end, taken)
        if at is not None:
            unsold.append(toks[at])
            return True
        if before and not any(it.start < end for it in items if not _only_choices(it)):
            unsold.extend(w for w in before if w not in unsold)  # the turn names nothing before: the noun asked
            return True  # for in the turn before
        return False

    kept: list[ItemSpec] = []
    for it in items:
        if _only_choices(it) and _said_as_one(toks, it.start, it.end) \
                and of_unsold(max((other.end for other in kept if other.end <= it.start), default=0), it.start):
            continue
        kept.append(it)
    loose = [o for o in options if o.pos >= 0 and _said_as_one(toks, o.pos, _span(o).stop)
             and not any(it.start <= o.pos < it.end for it in kept)]
    for o in loose:
        if of_unsold(max((it.end for it in kept if it.end <= o.pos), default=0), o.pos):
            options.remove(o)
    return kept, unsold
