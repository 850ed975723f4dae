"""Counts said apart from the item they count: "the two kids each want a wrap combo" (as many as the people said
before "each"), "the kids each want chicken tenders so two of the three piece" (a count said with a choice of the
item after it: "two of the three piece").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from dialogue.phrasebook import words
from dialogue.specs import ItemSpec

_PEOPLE = words("people") | words("people_kids") | words("people_groups_kids") | words("people_groups_parents")
_EACH = words("each_words")
_MAX = 100
_WORDS_TO_EACH = 3  # "the two little kids each": the people said in a few words


def _count(tok: str) -> int | None:
    n = 1 if tok == "one" else int(tok) if tok.isdigit() else None
    return n if n is not None and 0 < n < _MAX else None


def _people_counted(toks: Sequence[str], at: int) -> int | None:
    """"The two kids each", "my 3 sons each": the count of the people said right before "each" at ``at``."""
    for k in range(max(0, at - _WORDS_TO_EACH), at):
        n = _count(toks[k])
        if n is not None and n > 1 and any(t in _PEOPLE for t in toks[k + 1:at]):
            return n
    return None


def each_counted(toks: Sequence[str], items: Sequence[ItemSpec]) -> list[ItemSpec]:
    """The items said after "N people each (want)" with no count of their own are N each; the items as said
    otherwise."""
    at = next((k for k, t in enumerate(toks) if t in _EACH and (n := _people_counted(toks, k)) is not None), -1)
    if at < 0:
        return list(items)
    n = _people_counted(toks, at) or 1
    return [replace(it, quantity=n) if it.start > at and it.quantity is None else it for it in items]


def count_of_its_choice(toks: Sequence[str], items: Sequence[ItemSpec]) -> list[ItemSpec]:
    """"Chicken tenders so two of the three piece": an item said with no count, then a count, "of the" and a
    choice of that item: that many of it."""
    out = list(items)
    for j, it in enumerate(out):
        if it.quantity is not None:
            continue
        for o in it.options:
            k = o.pos - 3
            if k >= it.end and toks[k + 1:k + 3] == ["of", "the"] and (n := _count(toks[k])) is not None \
                    and not any(other is not it and other.start <= k < other.end for other in out):
                out[j] = replace(it, quantity=n)
                break
    return out
