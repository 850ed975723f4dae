"""Items said in a list that no catalog word names: "a bottle of advil and a box of tissues" where the shop sells no
tissues. The advil is added; the tissues are said back as not found, never dropped without a word.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.parse_records import Parse
from dialogue.phrasebook import words
from dialogue.quantity import FILLER_WORDS
from dialogue.words import STOPWORDS

_ITEM_OPENERS = frozenset(words("unheard_openers"))  # an article or count opens a list's item ("and a box of ...")
_LIST_JOINS = frozenset(words("list_joins"))  # where a list of items goes on ("and", "plus")


def unheard_items(p: Parse) -> list[str]:
    """The parts of a list of items (after "and" / "plus") that open with an article or a count and hold a word
    that is no everyday word, none of whose words any item, choice or count of the turn took: what was said as an
    item the catalog does not know. Only when the turn names items of its own."""
    toks = p.tokens
    if not p.items:
        return []
    taken = {i for it in p.items for i in range(it.start, it.end)} | set(p.option_at) \
        | {i for o in (*p.options, *(o for it in p.items for o in it.options)) if o.pos >= 0
           for i in range(o.pos, o.pos + max(1, len(o.said.split())))}
    cuts = [i for i, t in enumerate(toks) if t in _LIST_JOINS]
    out: list[str] = []
    for n, at in enumerate(cuts):
        end = cuts[n + 1] if n + 1 < len(cuts) else len(toks)
        start = at + 1
        while start < end and toks[start] in FILLER_WORDS:
            start += 1
        if start >= end or (toks[start] not in _ITEM_OPENERS and not toks[start].isdigit()):
            continue
        part = range(start, end)
        if any(i in taken for i in part) or any(it.start < end and start < it.end for it in p.items):
            continue
        said = [toks[i] for i in part if toks[i] not in FILLER_WORDS]
        if not any(w not in STOPWORDS and w.isalpha() for w in said[1:]):
            continue
        out.append(" ".join(said))
    return out


def sorry_unheard(p: Parse) -> str:
    """The sentence that says so ("Sorry, I couldn't find a box of tissues."), or ""."""
    said = unheard_items(p)
    if not said:
        return ""
    return "Sorry, I couldn't find " + (said[0] if len(said) == 1 else ", ".join(said[:-1]) + " or " + said[-1]) + "."
