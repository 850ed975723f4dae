""""a hundred foot roll of fourteen two", "a hundred count advil": an article before a round number ("a hundred",
"a thousand") is read by :func:`dialogue.numbers.to_digits` as part of the number ("100"). When that number, with
the words after it, is a choice of the catalog ("100 foot", "100 count") offered by a product the sentence names
(by its name or by another of its choices, "14/2"), the article is the count (one roll) and the number is the
choice, as in "a 100 foot roll"; otherwise ("a hundred feet of thhn" sold by the foot) the number stays the count.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.lexicon import Lexicon
from dialogue.numbers import to_digits

_ARTICLES = frozenset({"a", "an"})
_ROUND = frozenset({"hundred", "thousand"})
_CHOICE_WORDS = 3  # longest choice read after the number ("100 w equivalent")


def _owners(lex: Lexicon, toks: Sequence[str], at: int) -> tuple[set[str], int]:
    """The products offering a choice said from ``at`` (a number and the words after it, the longest such phrase),
    and where that choice ends."""
    for size in range(_CHOICE_WORDS, 1, -1):
        targets = [t for t in lex.phrases.get(tuple(toks[at:at + size]), ()) if t.kind == "option"]
        if targets:
            return {sku for t in targets for sku in lex.option_skus.get((t.group, t.value), ())}, at + size
    return set(), at


def _named_after(lex: Lexicon, toks: Sequence[str], start: int, skus: set[str]) -> bool:
    """One of ``skus`` is named after ``start``: by one of its own names said whole (not a word of it: "wire" of
    "house wire"), or by another of its choices (not a bare number, which names too much)."""
    for i in range(start, len(toks)):
        for size in range(1, min(lex.max_len, len(toks) - i) + 1):
            phrase = tuple(toks[i:i + size])
            if size == 1 and phrase[0].replace(".", "", 1).isdigit():
                continue
            for t in lex.phrases.get(phrase, ()):
                if t.kind == "product" and t.exact and t.sku in skus:
                    return True
                if t.kind == "option" and set(lex.option_skus.get((t.group, t.value), ())) & skus:
                    return True
    return False


def article_before_choice(lex: Lexicon, toks: Sequence[str]) -> list[str]:
    """Tokens (before :func:`to_digits`) with "a hundred" said as a choice of a named product written "a one
    hundred", so that the article stays the count ("a 100 foot roll"); other tokens as they were."""
    out = list(toks)
    for i in range(len(out) - 1):
        if out[i] not in _ARTICLES or out[i + 1] not in _ROUND:
            continue
        read = to_digits(out[i + 1:])
        if not read or not read[0].isdigit():
            continue
        skus, end = _owners(lex, read, 0)
        if skus and _named_after(lex, read, end, skus):
            out[i + 1:i + 1] = ["one"]
    return out
