"""A choice named by what is done to the goods ("winding", "slicing", "hemming", "engraving") asked for with its
verb and the goods as a pronoun: "can you wind them", "could you slice it", "wind those into cakes".

:func:`verb_forms` gives the lexicon those phrases for a choice whose name (or an alias) is one word in "-ing"; the
lexicon asks it only of add-ons (a group of several choices: "slicing" of the tomato varieties is a kind, no
service): the verb (its stems: "wind" of "winding", "slice" of "slicing", "hem" of "hemming") and one of the words that
stand for the goods (``verb_objects`` in dialogue/data/words.toml).

The same choice of a longer name with words in "-ing" ("mounting and balancing", "terminal cleaning") is asked for
with those verbs as done to the goods: "mounted and balanced", "have the terminals cleaned" (:func:`done_forms`).
"""

from __future__ import annotations

from collections.abc import Iterable

from dialogue.normalize import tokens
from dialogue.phrasebook import words

_OBJECTS = words("verb_objects")
_VOWELS = frozenset("aeiou")


def _stems(gerund: str) -> set[str]:
    """The verbs a word in "-ing" may be made from: "winding": "wind", "winde"; "slicing": "slic", "slice";
    "hemming": "hemm", "hem". (The forms no one says match nothing.)"""
    base = gerund[:-3]
    out = {base, base + "e"}
    if len(base) > 2 and base[-1] == base[-2] and base[-1] not in _VOWELS:
        out.add(base[:-1])
    return {s for s in out if len(s) > 2}


def verb_forms(names: Iterable[str]) -> set[tuple[str, ...]]:
    """Phrases of a choice named by one word in "-ing" asked for with its verb and a pronoun for the goods ("wind
    them" of "winding"); none of a longer name ("no toasting", "big slicing")."""
    out: set[tuple[str, ...]] = set()
    for name in names:
        toks = tokens(name)
        if len(toks) != 1 or not toks[0].endswith("ing") or len(toks[0]) < 6:
            continue  # (not "no toasting", "big slicing")
        for stem in _stems(toks[0]):
            out |= {(stem, obj) for obj in _OBJECTS}
    return out


def _done(word: str) -> str:
    """A word in "-ing" as done ("mounting": "mounted", "balancing": "balanced", "hemming": "hemmed")."""
    return word[:-3] + "ed" if word.endswith("ing") and len(word) >= 6 else word


def done_forms(names: Iterable[str]) -> set[tuple[str, ...]]:
    """Phrases of a choice named by two words or more, some in "-ing", with those words as done ("mounted and
    balanced" of "mounting and balancing"); a thing named before one such word may be said in the plural
    ("terminals cleaned" of "terminal cleaning"). A name of one word has none ("slicing" is no "sliced")."""
    out: set[tuple[str, ...]] = set()
    for name in names:
        toks = tokens(name)
        done = tuple(_done(t) for t in toks)
        if len(toks) < 2 or done == tuple(toks):
            continue
        out.add(done)
        if len(toks) == 2 and done[0] == toks[0] and done[1] != toks[1] and not toks[0].endswith("s"):
            out.add((toks[0] + "s", done[1]))  # "terminals cleaned"
    return out
