"""A shopper's guess at what the clerk got wrong: "wait if you put two orders of gyoza that's wrong i meant one
order of the twelve", "if you have it down as a seven that's wrong it's seven and a half", "i didn't ask for garlic
knots if that's what you put just the salad". The guess retells the mistake the shopper fears, in the words of an
order; it orders nothing, and the turn is read without it (the correction is what is left).

A guess opens with one of ``supposed_opens`` ("if you put") and runs to the end of one of ``supposed_wrong`` ("that's
wrong") said within ``LONGEST`` words; a guess said after the words it is about is one of ``supposed_tails`` ("if
that's what you put"). A turn is left as it was when nothing else is said, or when what is left would be a yes on
its own (a yes is never made by taking words away).
"""

from __future__ import annotations

from dialogue import confirm
from dialogue.normalize import PUNCT_END, tokens, word_tokens
from dialogue.phrasebook import phrases

_OPENS = phrases("supposed_opens")
_WRONG = phrases("supposed_wrong")
_TAILS = phrases("supposed_tails")
LONGEST = 14  # words from the opening of a guess to its "that's wrong", at most


def _phrase_at(toks: list[str], k: int, table: tuple[tuple[str, ...], ...]) -> int:
    """The length of the longest phrase of ``table`` said at ``k`` (0 when none)."""
    return max((len(ph) for ph in table if tuple(toks[k:k + len(ph)]) == ph), default=0)


def without_guesses(text: str) -> str:
    """``text`` without the guesses at a mistake it tells; ``text`` itself when it tells none (or nothing else)."""
    said = text.split()
    flat = word_tokens(said)  # token, index of its word, does a punctuation mark end the word
    toks = [t for t, _, _ in flat]
    dropped: set[int] = set()
    k = 0
    while k < len(toks):
        tail = _phrase_at(toks, k, _TAILS)
        if tail:
            dropped.update(range(k, k + tail))
            k += tail
            continue
        if _phrase_at(toks, k, _OPENS):
            end = next((j + n for j in range(k + 1, min(len(toks), k + LONGEST + 1))
                        if (n := _phrase_at(toks, j, _WRONG))), None)
            if end is not None:
                dropped.update(range(k, end))
                k = end
                continue
        k += 1
    if not dropped:
        return text
    gone = {flat[k][1] for k in dropped}  # (a word split into tokens, "that's", goes when any of them does)
    kept = [w for i, w in enumerate(said) if i not in gone]
    rest = PUNCT_END.sub("", " ".join(kept)).strip()
    if not rest or confirm.decide(rest, tokens(rest)).places:
        return text
    return rest
