"""A choice a catalog names by a package and how many it holds ("box of 10", "bag of 72"), said by its package
alone: "a box of alto reeds" is the box of 10 where the reeds come singly or by the box. The package words are data
(``packages`` in dialogue/data/words.toml).
"""

from __future__ import annotations

from collections.abc import Iterable

from dialogue.normalize import tokens
from dialogue.numbers import to_digits
from dialogue.phrasebook import words

_PACKAGES = words("packages")


def package_leads(names: Iterable[str]) -> set[tuple[str, ...]]:
    """The "<package> of" that opens a name of a package and a number ("box of 10" -> "box of"), as the lexicon
    indexes it, and its plural ("boxes of"); a choice so named then answers to "a box of" said before its product."""
    out: set[tuple[str, ...]] = set()
    for name in names:
        toks = to_digits(tokens(name))
        if len(toks) == 3 and toks[0] in _PACKAGES and toks[1] == "of" and toks[2].isdigit():
            out |= {(form, "of") for form in (toks[0], toks[0] + "s", toks[0] + "es") if form in _PACKAGES}
    return out
