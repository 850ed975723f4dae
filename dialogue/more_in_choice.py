"""One more of the line in focus, made in one of its choices: "two ube mochi donuts" - "and one more in matcha",
"another in blue". The words after "in" are a choice that line's product offers, even where they also name some
product of their own (the shop's "matcha" latte): one more like the line, in that choice, not that other product.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import intents as cue
from dialogue.lexicon import Lexicon
from dialogue.phrasebook import words
from dialogue.specs import ItemSpec, OptionSpec

_CLOSE = words("focus_count_close")


def more_in_a_choice(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec], focus: str | None
                     ) -> list[OptionSpec] | None:
    """The choice the one item said names for the line in focus (``focus``), when the turn asks for one more of it
    "in" that choice, as the module says; None otherwise (the item stands)."""
    if focus is None or len(items) != 1:
        return None
    it = items[0]
    if it.options or it.quantity not in (None, 1) or it.start < 2 or toks[it.start - 1] != "in" \
            or focus in it.skus or not cue.has(toks[:it.start], cue.MORE) \
            or any(t not in _CLOSE for t in toks[it.end:]):
        return None
    said = tuple(toks[it.start:it.end])
    targets = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option"
                    and focus in lex.option_skus.get((t.group, t.value), ()))
    if not targets:
        return None
    return [OptionSpec(targets, pos=it.start, said=" ".join(said))]
