"""A swap said after the line it is for: "on the plate can I switch the collards for beans", "for the burrito could
you swap the rice for beans". A clerk hears "on the plate" as where the swap is made, as in "switch the collards for
beans on the plate"; the turn is read that way round, the scope said last.

The scope opens the turn (past lead fillers) with a preposition (``scope_preps``: "on", "for", "in"), "the" and at
most ``SCOPE_LONGEST`` words, and a swap verb (``scope_swaps``: "switch", "swap", "change", ...) follows within a few
request words. Nothing is dropped: the same words, in another order.
"""

from __future__ import annotations

from dialogue.normalize import PUNCT_END, word_tokens
from dialogue.phrasebook import words

_PREPS = words("scope_preps")
_SWAPS = words("scope_swaps")
_LEAD = words("lead_fill")
_REQUEST = words("compound_fill")
SCOPE_LONGEST = 3  # words naming the line after "the", at most
_MAX_REQUEST = 4  # request words between the scope and the swap verb ("can i", "could you please"), at most


def scope_last(text: str) -> str:
    """``text`` with a scope said before its swap moved after it; ``text`` itself when it opens with none."""
    said = text.split()
    flat = word_tokens(said)
    toks = [t for t, _, _ in flat]
    start = next((k for k, t in enumerate(toks) if t not in _LEAD), len(toks))
    if start + 2 >= len(toks) or toks[start] not in _PREPS or toks[start + 1] != "the":
        return text
    for end in range(start + 3, min(len(toks), start + 3 + SCOPE_LONGEST)):  # the scope is toks[start:end]
        k = end
        while k < len(toks) and k - end < _MAX_REQUEST and toks[k] in _REQUEST:
            k += 1
        if k < len(toks) and toks[k] in _SWAPS and k + 1 < len(toks):
            a, b = flat[start][1], flat[end][1]
            if flat[end - 1][1] == b or start and flat[start - 1][1] == a:
                return text  # the scope starts or ends inside a word: leave the turn as said
            scope = [PUNCT_END.sub("", w) for w in said[a:b]]
            rest = said[b:]
            return " ".join([*said[:a], *rest[:-1], PUNCT_END.sub("", rest[-1]), *scope])
        if toks[end] in _SWAPS or toks[end] in _REQUEST:
            return text
    return text
