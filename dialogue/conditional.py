"""A yes put on a condition at the read-back (round 20): "if it's oat milk then yes", "if it's large then go ahead",
"if that includes a tea for me then yes", "as long as the lattes are hot go ahead".

The shopper agrees only if something holds that the read-back did not say; what the condition names is no order and no
change (a clerk asks, never makes the lattes oat or takes the muffin off), and nothing is placed: the question is asked
again. A condition the read-back meets is a yes as ever ("if that's all then yes", "if that's the full order then yes":
confirm.toml [unchanged]); decide() places those before this is asked. The openers are words.toml
``condition_openers``.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import confirm
from dialogue.phrasebook import phrases

_OPENERS = phrases("condition_openers")


def on_yes(toks: Sequence[str]) -> bool:
    """The reply opens, past filler words, on a condition and ends on a clause that is a clear yes alone (the
    condition's words may name anything: they are asked about, not ordered)."""
    fillers = confirm.filler_words()
    start = next((i for i, t in enumerate(toks) if t not in fillers), len(toks))
    size = max((len(o) for o in _OPENERS if tuple(toks[start:start + len(o)]) == o), default=0)
    if not size:
        return False
    return any(confirm.decide(" ".join(toks[k:]), toks[k:]).places for k in range(start + size + 1, len(toks)))
