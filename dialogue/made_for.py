"""An item bought for the line in focus: "i need a case" (for the iphone 15 pro) - "and a screen protector for it":
the screen protector must have a phone model chosen, and "for it" points at the case, made for the iphone 15 pro.
The new item takes that model, rather than being asked for it.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.attach import needed
from dialogue.lexicon import Lexicon, Target
from dialogue.parse_records import Context
from dialogue.phrasebook import words
from dialogue.specs import ItemSpec, OptionSpec

_FOR = words("made_for_preps")  # "for it", "for that"
_POINTERS = words("made_for_pointers")


def for_the_line(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], ctx: Context) -> list[ItemSpec]:
    """Each item said right before "for it" / "for that" (the end of the turn past fillers), whose one product must
    have a choice of a group the line in focus holds a value of that the product offers too: that value on it."""
    if ctx.last_sku is None or ctx.last_sku not in ctx.line_skus or not ctx.focus_options:
        return items
    for it in items:
        if len(it.skus) != 1 or it.skus[0] == ctx.last_sku or it.end + 1 >= len(toks) \
                or toks[it.end] not in _FOR or toks[it.end + 1] not in _POINTERS:
            continue
        have = {t.group for o in it.options for t in o.targets}
        sku = it.skus[0]
        for group, value in ctx.focus_options:
            if group not in have and needed(lex, sku, group) and sku in lex.option_skus.get((group, value), ()):
                it.options = [*it.options, OptionSpec((Target("option", group=group, value=value),), pos=it.end)]
    return items
