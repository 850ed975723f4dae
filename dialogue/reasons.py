"""Reasons told with a change: "actually make it six shirts, I found another one", "one of the fritters was for my
brother and he changed his mind so just two fritters". A clerk hears the story and does the change; the clauses
that tell what happened (data: ``told_reasons``) order nothing, so the turn is read without them.

A clause runs between joining words (``reason_bounds``: "and", "so", "because", a comma or full stop); a told phrase
that opens with its subject ("i found"), or ends the turn after its subject ("my brother's coming too", "they're
hungry"), also starts one, and so does an order request ("i got a flat i need a tube": the flat is the reason, the
tube the order), its subject left unsaid after a told phrase too ("i got a flat need a tube"). A turn is left as it
was when every clause tells a reason,
or when what is left would be a yes on its own (a yes is never made by taking words away).
"""

from __future__ import annotations

from dialogue import confirm
from dialogue import intents as cue
from dialogue.normalize import PUNCT_END, tokens, word_tokens
from dialogue.phrasebook import phrases, words

_TOLD = phrases("told_reasons")
_BOUNDS = words("reason_bounds")
_SUBJECTS = words("reason_subjects")
_OWNERS = words("people_owners")
_TAILS = words("reason_tails")  # "... three pies my brother's coming too": the told phrase's subject opens it


def without_reasons(text: str, *, first_order: bool = False) -> str:
    """``text`` without the clauses that tell a reason; ``text`` itself when it tells none (or is nothing else).
    ``first_order`` (nothing ordered yet): only when what is left asks for something ("i got a flat i need a
    tube"); a turn that only tells its story stays as said."""
    said = text.split()
    flat = word_tokens(said)  # token, index of its word, does a punctuation mark end the word
    toks = [t for t, _, _ in flat]
    told = [(k, len(ph)) for k in range(len(toks)) for ph in _TOLD if tuple(toks[k:k + len(ph)]) == ph]
    told = [(k, n) for k, n in told if not any(j < k and k + n <= j + m for j, m in told)]  # ("he says he is
    # fine": one told phrase, not a second one inside it)
    if not told:
        return text
    starts = {0} | {k + 1 for k, t in enumerate(toks) if t in _BOUNDS or flat[k][2]} \
        | {k for k, _ in told if toks[k] in _SUBJECTS} \
        | {k - 2 for k, n in told if k >= 2 and toks[k - 2] in _OWNERS and _ends(toks, k + n)} \
        | {k - 1 for k, n in told if k >= 1 and toks[k - 1] in _SUBJECTS and _ends(toks, k + n)} \
        | {k for k, t in enumerate(toks) if t in _SUBJECTS and cue.order_request(toks[k:]) == 0} \
        | {k for k0, n in told for k in range(k0 + n, len(toks))  # "i got a flat need a tube": its "i" unsaid
           if toks[k - 1] not in _SUBJECTS and cue.order_request(["i", *toks[k:]]) == 0}
    bounds = sorted(starts | {len(toks)})
    spans = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]
    dropped = [(a, b) for a, b in spans if any(a <= k and k + n <= b for k, n in told)]
    kept_words = sorted({flat[k][1] for a, b in spans if (a, b) not in dropped for k in range(a, b)
                         if toks[k] not in _BOUNDS})
    if not dropped or not kept_words:
        return text
    rest = PUNCT_END.sub("", " ".join(said[i] for i in kept_words))
    if not rest or confirm.decide(rest, tokens(rest)).places or first_order and cue.order_request(tokens(rest)) < 0 \
            and cue.order_request(["i", *tokens(rest)]) != 0:
        return text
    return rest


def _ends(toks: list[str], k: int) -> bool:
    """Nothing but a word of ``reason_tails`` ("too", "us") is said from ``k`` on: a told phrase ends the turn."""
    return all(t in _TAILS for t in toks[k:])
