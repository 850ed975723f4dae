"""Fractions a catalog writes with a slash ("3/4 inch", "2 1/2 inch", "7/16") as shoppers say them ("three quarter
inch", "three quarters", "half inch", "two and a half inch", "seven sixteenths"): the spoken forms of a written name,
for the lexicon to index beside it. The words for each denominator are data (``fraction_words`` in
dialogue/data/words.toml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dialogue.normalize import tokens
from dialogue.numbers import to_digits
from dialogue.phrasebook import phrases

# denominator -> (singular, plural) words: "4" -> ("quarter", "quarters")
_WORDS = {entry[0]: (entry[1], entry[2]) for entry in phrases("fraction_words")}
_FRACTION = re.compile(r"(?:(?<![\d/.])(\d+)\s+)?(?<![\d/.])(\d+)/(\d+)(?![\d/])")
_UNITS = frozenset({"inch", "inches", "in"})


def _spoken(whole: str | None, num: str, den: str) -> list[str]:
    """The ways one fraction is said: "3/4" -> "three quarter", "three quarters"; "1/2" -> "half", "one half",
    "a half"; "2 1/2" -> "two and a half", "two and one half"; "3 3/4" -> "three and three quarters", "three and three
    quarter"; "5/4" -> "five quarter"."""
    if den not in _WORDS or num == den or whole and int(num) > int(den):
        return []
    one, many = _WORDS[den]
    if whole:
        return [f"{whole} and a {one}", f"{whole} and one {one}"] if num == "1" \
            else [f"{whole} and {num} {many}", f"{whole} and {num} {one}"]  # ("three and three quarter mil")
    if num == "1":
        return [one, f"one {one}", f"a {one}"]
    return [f"{num} {one}", f"{num} {many}"]


def spoken_fractions(names: Iterable[str]) -> set[tuple[str, ...]]:
    """Phrases (normal tokens, numbers as digits) of the names holding a written fraction, said in words: the
    name with its fraction said, and, for a fraction with a numerator other than one followed by a unit of length
    ("3/4 inch"), said without the unit too ("three quarter"); a bare "half" or "quarter" is never indexed alone."""
    out: set[tuple[str, ...]] = set()
    for name in names:
        m = _FRACTION.search(name)
        if m is None:
            continue
        before, after = name[:m.start()], name[m.end():]
        for said in _spoken(m.group(1), m.group(2), m.group(3)):
            phrase = _phrase(f"{before} {said} {after}")
            if len(phrase) >= 2:
                out.add(phrase)
            rest = tokens(after)
            if rest[:1] and rest[0] in _UNITS and not before.strip() and m.group(2) != "1":
                bare = _phrase(f"{said} {' '.join(rest[1:])}")
                if len(bare) >= 2:
                    out.add(bare)
    return out


def _phrase(text: str) -> tuple[str, ...]:
    toks = to_digits(tokens(text))
    while toks and toks[0] in ("the", "a", "an"):
        toks = toks[1:]
    return tuple(toks)
