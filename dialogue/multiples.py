"""Words that ask for what is ordered again, in multiples, read from the turn alone (the understanding's side;
what they do to the cart is in dialogue/again.py and dialogue/editing.py):

- "double that", "actually double that", "double it my brother wants one too": the line in focus twice as many;
- "double the fries", "double the two liters": that line of the cart twice as many;
- "one more of everything", "two more of each": every line that many more;
- "the same again": what was just ordered, again.

Never read as a product whose name holds the words ("double a batteries", "everything" bagels): an item heard
inside them is no item.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import intents as cue
from dialogue.phrasebook import Phrases, phrases
from dialogue.specs import ItemSpec, OptionSpec

_DOUBLED = phrases("doubled")
_DOUBLED_BEFORE = phrases("doubled_before")
_OF_EVERYTHING = phrases("more_of_everything")
_ORDER_AGAIN = phrases("order_again")
_MAX_MORE = 20


def _span(toks: Sequence[str], table: Phrases) -> tuple[int, int] | None:
    at = cue.find(toks, table)
    if at < 0:
        return None
    return at, at + next(len(p) for p in table if tuple(toks[at:at + len(p)]) == p)


def doubled(toks: Sequence[str], items: Sequence[ItemSpec], options: Sequence[OptionSpec]) -> bool:
    """True when the turn asks for twice the line in focus: a phrase of ``doubled`` said, and no product or choice
    named outside it."""
    span = _span(toks, _DOUBLED)
    return span is not None and not options and all(span[0] <= it.start < span[1] for it in items)


def doubled_named(toks: Sequence[str], items: Sequence[ItemSpec], options: Sequence[OptionSpec],
                  line_skus: Sequence[str]) -> ItemSpec | None:
    """"Double the fries we're sharing": the one item named right after a phrase of ``doubled_before``, of a product
    with one line in the cart, with no count nor choice said (and nothing else named): that line, to be twice as
    many. None otherwise."""
    span = _span(toks, _DOUBLED_BEFORE)
    if span is None or options or len(items) != 1:
        return None
    item = items[0]
    if item.start != span[1] or item.quantity is not None or item.options or len(item.skus) != 1 \
            or list(line_skus).count(item.skus[0]) != 1:
        return None
    return item


def more_of_everything(toks: Sequence[str], items: Sequence[ItemSpec]) -> int | None:
    """How many more of every line the turn asks for ("one more of everything": 1, "two more of each": 2), or None
    when it asks no such thing (or names a product outside those words)."""
    span = _span(toks, _OF_EVERYTHING)
    if span is None or any(not (span[0] <= it.start < span[1]) for it in items):
        return None
    before = toks[span[0] - 1] if span[0] > 0 else ""
    n = int(before) if before.isdigit() else 1
    return n if 0 < n <= _MAX_MORE else None


def said_again(toks: Sequence[str]) -> bool:
    """"The same again", "same order again": the whole of what was just ordered, not one more of the last line."""
    return cue.has(toks, _ORDER_AGAIN)
