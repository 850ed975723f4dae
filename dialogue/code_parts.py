"""Codes of several numbers said aloud part by part ("205/55R16": "two oh five fifty five r sixteen", "two oh
five fifty fives on sixteens"; "LT275/65R18": "two seventy five sixty five eighteen").

A catalog prints a code of three numbers or more, with letters between or before them (a tyre's "205/55R16", a
bolt's "3/8-16 x 2"); a shopper says its numbers one after the other as they come, the first of three digits in
parts ("two oh five", "two twenty five", "one ninety five"), any of them in the plural ("fifty fives",
"sixteens"), the letters between left out or said as a word (``code_joiners`` in dialogue/data/words.toml: "r",
"on"), a letter prefix left out. What settles such a run of numbers is the catalog: the run's digits, in order,
are the digits of exactly one of its codes. :func:`code_parts_said` puts that code's catalog phrase in place of
the run; a run no code has is left as it was (its first numbers may be a count: "two two oh five fifty five
sixteen" is two of the 205/55R16).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from dialogue.numbers import PLURAL_NUMBERS, TENS
from dialogue.phrasebook import words

if TYPE_CHECKING:
    from dialogue.lexicon import Lexicon, Target

_JOINERS = words("code_joiners")
_DIGIT_WORDS = {"oh": "0", "o": "0"}
_LEAST_PARTS = 3  # numbers of a code read here ("10-46", two numbers, is read by dialogue/codes.py)
_LEAST_DIGITS = 5  # digits of a code read here: fewer is too easily a count and a choice said together
_INDEX: weakref.WeakKeyDictionary[Lexicon, dict[str, tuple[str, ...]]] = weakref.WeakKeyDictionary()


def _digit_index(entries: Iterable[tuple[tuple[str, ...], list[Target]]]) -> dict[str, tuple[str, ...]]:
    """The catalog's codes by their digits: for each phrase of three numbers or more, the digits in order -> the
    shortest phrase naming the same thing; digits two different things share are left out."""
    found: dict[str, tuple[tuple[str, ...], frozenset[Target]]] = {}
    clashing: set[str] = set()
    for phrase, targets in entries:
        numbers = [t for t in phrase if t.isdigit()]
        digits = "".join(numbers)
        if len(numbers) < _LEAST_PARTS or len(digits) < _LEAST_DIGITS or not targets:
            continue
        named = frozenset(targets)
        if digits in found and found[digits][1] != named:
            clashing.add(digits)
        elif digits not in found or len(phrase) < len(found[digits][0]):
            found[digits] = (phrase, named)
    return {digits: phrase for digits, (phrase, _) in found.items() if digits not in clashing}


def _index(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    index = _INDEX.get(lex)
    if index is None:
        index = _INDEX[lex] = _digit_index(lex.phrases.items())
    return index


def _number(tok: str, first: bool) -> str | None:
    """The digits a token of a code says, or None: a number, "oh", a number word in the plural ("sixteens"), and
    "one" (a lone "one" :func:`dialogue.numbers.to_digits` leaves a word) only opening the code."""
    if tok.isdigit():
        return tok
    if tok in _DIGIT_WORDS:
        return _DIGIT_WORDS[tok]
    if tok in PLURAL_NUMBERS:
        return str(PLURAL_NUMBERS[tok])
    return "1" if first and tok == "one" else None


def _digits(span: Sequence[str]) -> str | None:
    """The digits a run of tokens says in order ("2 25 60 fives on seventeens" -> "2256517"), or None when it
    ends on a joiner."""
    parts: list[str] = []
    for tok in span:
        if tok in _JOINERS:
            continue
        said = _number(tok, not parts)
        if said is None:
            return None
        if tok in PLURAL_NUMBERS and parts and int(said) < 10 and parts[-1].isdigit() \
                and int(parts[-1]) in TENS.values():
            parts[-1] = str(int(parts[-1]) + int(said))  # "sixty fives": 65
            continue
        parts.append(said)
    return "".join(parts) if span and span[-1] not in _JOINERS else None


def _run_end(toks: Sequence[str], start: int) -> int:
    """Where a run of a code's tokens from ``start`` ends: numbers, with single joiners between them."""
    k = start
    while k < len(toks):
        if _number(toks[k], k == start) is not None:
            k += 1
        elif toks[k] in _JOINERS and k > start and k + 1 < len(toks) and _number(toks[k + 1], False) is not None:
            k += 1
        else:
            break
    return k


def code_parts_said(lex: Lexicon, toks: Sequence[str]) -> list[str]:
    """Tokens (after :func:`dialogue.numbers.to_digits`) with each run of numbers whose digits are those of one of
    the catalog's codes of three numbers or more read as that code's phrase; the longest such run from the
    leftmost start wins, numbers before it stay (a count)."""
    index = _index(lex)
    if not index:
        return list(toks)
    out: list[str] = []
    i = 0
    while i < len(toks):
        end = _run_end(toks, i)
        for j in range(end, i + 1, -1):
            digits = _digits(toks[i:j])
            if digits is not None and digits in index:
                code = index[digits]
                said_before = 0 if code[0].isdigit() or not out or out[-1] != code[0] else 1
                out.extend(code[said_before:])  # a letter prefix said ("lt two seventy five ...") once
                i = j
                break
        else:
            out.append(toks[i])
            i += 1
    return out
