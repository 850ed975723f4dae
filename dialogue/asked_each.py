"""Kinds asked after, then ordered: "have you got steak and kidney and chicken and mushroom pies" - "one of each
then" is a pie of each filling asked about (``Context.asked``), never a question or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from dialogue.intents import find
from dialogue.parse_records import Context, ParseDraft
from dialogue.phrasebook import phrases
from dialogue.quantity import quantity_token
from dialogue.specs import ItemSpec

_OF_EACH = phrases("of_each")


def each_asked(p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """"one of each then", "two of each please" right after kinds of one product were asked after: an item of
    each, that many; sets ``p.items``. False (``p`` untouched) when the turn names anything itself or no count
    comes right before "of each"."""
    if not ctx.asked or p.items or p.options or p.question:
        return False
    at = next((i for i in range(1, len(toks)) if toks[i] == "of" and find(toks[i:], _OF_EACH) == 0), -1)
    count = quantity_token(toks, at - 1) if at >= 1 else None
    if count is None or not 0 < count < 100:
        return False
    p.items = [ItemSpec(it.skus, count if count > 1 else None, [replace(o, pos=-1) for o in it.options], 0, len(toks),
                        it.exact) for it in ctx.asked]  # (said the turn before: no place in this one)
    return True
