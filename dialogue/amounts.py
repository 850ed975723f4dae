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
    ("extra", "extra"), ("more", "extra"), ("heavy", "extra"), ("very", "extra"), ("super", "extra"), ("really", "extra"),
    ("slightly", "light"), ("mildly", "light"), ("mild", "light"), ("double the", "extra"), ("twice the", "extra"),
    ("piping", "extra"), ("steaming", "extra"), ("scalding", "extra"), ("boiling", "extra"), ("not too", "light"),
    ("luke", "light"), ("lukewarm", "light"),
    ("some", "regular"), ("regular", "regular"), ("normal", "regular"),
    ("no", "none"), ("without", "none"), ("without any", "none"), ("without the", "none"), ("hold the", "none"), ("skip the", "none"),
    ("none of the", "none"), ("zero", "none"), ("not", "none"), ("not the", "none"), ("not too much", "light"), ("not a lot of", "light"),
    ("don't want it", "none"), ("do not want it", "none"), ("don't want any", "none"), ("don't want", "none"),
    ("do not want", "none"), ("don't need", "none"), ("don't need any", "none"), ("no need for", "none"),
    ("leave out the", "none"), ("leave off the", "none"), ("not too", "light"), ("forget the", "none"),
    ("forget about the", "none"),
    ("does not want", "none"), ("do not like", "none"), ("does not like", "none"), ("does not like any", "none"),
    ("do not like any", "none"), ("does not do", "none"), ("do not do", "none"),
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


_MULTIPLE = {1: "single", 2: "double", 3: "triple", 4: "quadruple"}
MULTIPLE_COUNTS = {w: n for n, w in _MULTIPLE.items()}  # "single" shot: the words a count of shots is said back as
_SHOT = frozenset({"shot", "shots"})
_MORE_SHOT = (("an", "extra"), ("extra",), ("an", "additional"), ("additional",), ("1", "more"), ("one", "more"),
              ("another",))


def shot_counts(toks: Sequence[str]) -> list[str]:
    """Shots said as a count become the multiplier word the catalog uses: "two espresso shots" /
    "3 shots of espresso" -> "double shot" / "triple shot"; "an extra shot" (one more than the usual
    single) -> "double shot". A shot of something else ("an extra shot of vanilla") is left alone."""
    out: list[str] = []
    i, n = 0, len(toks)
    while i < n:
        count, j = None, i
        t = toks[i]
        if (t.isdigit() and int(t) in _MULTIPLE) or t == "one":
            count, j = (1 if t == "one" else int(t)), i + 1
        else:
            for lead in _MORE_SHOT:
                if tuple(toks[i:i + len(lead)]) == lead:
                    count, j = 2, i + len(lead)
                    break
        if count is not None:
            if j < n and toks[j] in ("espresso", "espressos"):
                j += 1
            if j < n and toks[j] in _SHOT:
                k = j + 1
                if k + 1 < n and toks[k] == "of" and toks[k + 1] not in ("espresso", "espressos", "coffee"):
                    out.append(toks[i])  # "two shots of vanilla": pumps of syrup, not espresso
                    i += 1
                    continue
                if k + 1 < n and toks[k] == "of":
                    k += 2
                out.extend((_MULTIPLE[count], "shot"))
                i = k
                continue
        out.append(t)
        i += 1
    return out
