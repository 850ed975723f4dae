"""Items said in a list that no catalog word names: "a bottle of advil and a box of tissues" where the shop sells no
tissues. The advil is added; the tissues are said back as not found, never dropped without a word.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.intents import REMOVE, find
from dialogue.parse_records import Parse
from dialogue.phrasebook import words
from dialogue.quantity import FILLER_WORDS
from dialogue.words import STOPWORDS

_ITEM_OPENERS = frozenset(words("item_openers"))  # an article or count opens a list's item ("and a box of ...")
_LIST_JOINS = frozenset(words("list_joins"))  # where a list of items goes on ("and", "plus")


def unheard_items(p: Parse) -> tuple[list[str], list[str]]:
    """The parts of a list of items (cut at "and" / "plus") that open with an article or a count and hold a word
    that is no everyday word, none of whose words any item, choice or count of the turn took: what was said as an
    item the catalog does not know; and (second) the parts that are only choices no item of the turn took
    ("large and a muffin"): said, but added to nothing. Only when the turn names items of its own."""
    toks = p.tokens
    if not p.items:
        return [], []
    taken = {i for it in p.items for i in range(it.start, it.end)} | set(p.option_at) \
        | {i for o in (*p.options, *(o for it in p.items for o in it.options)) if o.pos >= 0
           for i in range(o.pos, o.pos + max(1, len(o.said.split())))}
    cuts = [i for i, t in enumerate(toks) if t in _LIST_JOINS]
    loose = {o.pos for o in p.options if o.pos >= 0}
    out: list[str] = []
    alone: list[str] = []
    for n, at in enumerate([-1, *cuts] if cuts else []):
        end = cuts[n] if n < len(cuts) else len(toks)
        start = at + 1
        while start < end and toks[start] in FILLER_WORDS:
            start += 1
        part = range(start, end)
        if start >= end or any(it.start < end and start < it.end for it in p.items):
            continue
        if any(i in loose for i in part) and all(i in taken or toks[i] in FILLER_WORDS or toks[i] in _ITEM_OPENERS
                                                 for i in part):
            alone.append(" ".join(toks[i] for i in part if toks[i] not in FILLER_WORDS))  # "large and a muffin"
            continue  # where "large" is a choice no item said takes: no item of its own, said so
        if toks[start] not in _ITEM_OPENERS and not toks[start].isdigit() or any(i in taken for i in part):
            continue
        if find(toks[start:end], REMOVE) >= 0 or _taken_back_later(toks, part, cuts):
            continue  # "and a monitor arm no wait scratch the arm": said and taken back, no item not found
        said = [toks[i] for i in part if toks[i] not in FILLER_WORDS]
        if not any(w not in STOPWORDS and w.isalpha() for w in said[1:]):
            continue
        out.append(" ".join(said))
    return out, alone


def _taken_back_later(toks: Sequence[str], part: range, cuts: Sequence[int]) -> bool:
    """"a webcam and a monitor arm no wait scratch the webcam", "a case fan and ... forget the fan": the last word of
    the part (its head) is said again later in the turn right after a word that takes a line off."""
    head = next((toks[i] for i in reversed(part) if toks[i] not in FILLER_WORDS and toks[i] not in _ITEM_OPENERS), None)
    at = find(toks, REMOVE, part.stop)
    while head is not None and at >= 0:
        end = next((c for c in cuts if c > at), len(toks))
        if head in toks[at:end]:
            return True
        at = find(toks, REMOVE, at + 1)
    return False


def _listed(said: Sequence[str]) -> str:
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " or " + said[-1]


def sorry_unheard(p: Parse) -> str:
    """The sentences that say so ("Sorry, I couldn't find a box of tissues.", "Sorry, I couldn't tell what large
    was for."), or ""."""
    missing, alone = unheard_items(p)
    missing = [*p.not_sold, *missing]  # "do you have lipstick, a red one, and the cherry nail polish"
    return " ".join([*([f"Sorry, I couldn't find {_listed(missing)}."] if missing else []),
                     *([f"Sorry, I couldn't tell what {_listed(alone)} was for."] if alone else [])])
