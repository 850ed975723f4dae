"""Amount qualifiers on options: "a little bit of cream", "lots of sugar", "extra shot", "no foam".

Maps the shopper's words to one of the catalog's :data:`catalog.models.AMOUNTS` and keeps the words
themselves, normalised, as the ``SelectedOption.qualifier`` ("a little bit of", "lots of", "some").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# (words, amount). Longest phrases first; matched immediately before an option value.
_PHRASES: tuple[tuple[str, str], ...] = (
    ("just a little bit of", "light"), ("a little bit of", "light"), ("a tiny bit of", "light"),
    ("a little bit", "light"), ("little bit of", "light"), ("a little", "light"), ("a bit of", "light"),
    ("a touch of", "light"), ("a splash of", "light"), ("a dash of", "light"), ("a drop of", "light"),
    ("a hint of", "light"), ("easy on the", "light"), ("not much", "light"), ("only a little", "light"),
    ("a small amount of", "light"), ("light on the", "light"), ("less", "light"), ("light", "light"),
    ("a lot of", "extra"), ("lots of", "extra"), ("lots and lots of", "extra"), ("loads of", "extra"),
    ("plenty of", "extra"), ("a ton of", "extra"), ("tons of", "extra"), ("heavy on the", "extra"),
    ("extra", "extra"), ("more", "extra"), ("heavy", "extra"), ("very", "extra"), ("super", "extra"),
    ("slightly", "light"), ("mildly", "light"), ("mild", "light"), ("double the", "extra"), ("twice the", "extra"),
    ("piping", "extra"), ("steaming", "extra"), ("scalding", "extra"), ("boiling", "extra"), ("not too", "light"),
    ("luke", "light"), ("lukewarm", "light"),
    ("some", "regular"), ("regular", "regular"), ("normal", "regular"),
    ("no", "none"), ("without", "none"), ("without any", "none"), ("hold the", "none"), ("skip the", "none"),
    ("none of the", "none"), ("zero", "none"), ("not", "none"), ("not too much", "light"), ("not a lot of", "light"),
)
_BY_LEN = sorted(((tuple(p.split()), a) for p, a in _PHRASES), key=lambda x: -len(x[0]))
MAX_LEN = max(len(p) for p, _ in _BY_LEN)


@dataclass(frozen=True)
class Qualifier:
    amount: str  # one of catalog.models.AMOUNTS
    words: str  # normalised words as said ("a little bit of"), "" when none
    start: int  # token index where the words begin


def qualifier_before(toks: Sequence[str], end: int, floor: int = 0) -> Qualifier | None:
    """The amount words that end right at ``end`` (exclusive), not reaching before ``floor``."""
    for phrase, amount in _BY_LEN:
        start = end - len(phrase)
        if start >= floor and tuple(toks[start:end]) == phrase:
            return Qualifier(amount, " ".join(phrase), start)
    return None


def qualifier_words(amount: str) -> str:
    """How to say an amount back when the shopper gave none of their own words."""
    return {"light": "a little", "extra": "extra", "none": "no", "regular": ""}.get(amount, "")
