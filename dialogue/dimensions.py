"""Sizes said as two numbers with "by" ("two by four", "24 by 36", "2x4s"), read the way the catalog writes them.

:func:`dialogue.normalize.tokens` reads a written "2x4" as said ("2 by 4") and drops its plural "s";
:func:`dialogue.numbers.to_digits` reads a plural number word after "by" ("two by fours"). What needs the catalog
is here: where the first number of a size starts when a count runs into it ("twenty two by fours": twenty of the
2 by 4, not a 22 by 4; "twenty four by thirty six": the 24 by 36 where the catalog has one), and a number heard as
another word right before "by" ("for by fours", a recogniser's slip for "four by fours") where the catalog has
that size.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dialogue.lexicon import Lexicon
from dialogue.numbers import to_digits
from dialogue.phrasebook import phrases, words

if TYPE_CHECKING:
    from dialogue.matcher import Mention

_SLIPS = {slip: to_digits([word])[0] for slip, word in phrases("number_slips")}
_LONGEST = 3  # words of the first number ("a hundred twenty")
_MEASURE_WORDS = words("measure_words")


def _number(tok: str) -> bool:
    return tok.replace(".", "", 1).isdigit()


def _second(toks: Sequence[str], at: int) -> str | None:
    """The number said after the "by" at ``at``, as digits ("fours" -> "4", "thirty six" -> "36")."""
    read = to_digits(["1", "by", *toks[at + 1:at + 1 + _LONGEST]])
    return read[2] if len(read) > 2 and _number(read[2]) else None


def _known(lex: Lexicon, first: str, second: str, after: Sequence[str]) -> bool:
    """The catalog names this size: as a whole phrase or the start of one ("4 by 8 feet")."""
    size = (first, "by", second)
    return bool(lex.phrases.get(size)) or any(lex.phrases.get((*size, *after[:n])) for n in (1, 2) if len(after) >= n)


def sizes_said(lex: Lexicon, toks: Sequence[str]) -> list[str]:
    """Tokens (before :func:`to_digits`) with the first number of each size said with "by" read as the catalog's
    size: the longest number before "by" that makes a size the catalog names, in digits (the words before it stay
    to be read as a count), or a misheard number word before "by" that does. Sizes the catalog does not name are
    left as they were."""
    out = list(toks)
    k = 1
    while k < len(out):
        second = _second(out, k) if out[k] == "by" else None
        if second is None:
            k += 1
            continue
        after = to_digits(out[k + 1:k + 1 + 2 * _LONGEST])[1:]
        for start in range(max(0, k - _LONGEST), k):
            span = out[start:k]
            read = to_digits(span) if not (len(span) == 1 and span[0] in _SLIPS) else [_SLIPS[span[0]]]
            if len(read) == 1 and _number(read[0]) and _known(lex, read[0], second, after):
                out[start:k] = read
                k = start + 1
                break
        k += 1
    return out



def without_measure_words(toks: Sequence[str], found: Sequence[Mention]) -> list[Mention]:
    """"One inch wide": a word of a measure ("wide", ``measure_words``) said right after a choice of the same group
    belongs to that choice, not a choice of its own (tape whose 2 inch width is also called "wide")."""
    ends = {(m.end, t.group) for m in found for t in m.options}
    return [m for m in found if not (m.end == m.start + 1 and toks[m.start] in _MEASURE_WORDS and not m.products
                                     and any((m.start, t.group) in ends for t in m.options))]
