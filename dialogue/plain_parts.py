"""A part of a line said plain: "three lattes" - "two with oat milk and one plain", "three cheese pizzas" - "one
with mushrooms and the other regular". A word of plain ("plain", "regular", "usual") said as a part of its own,
after that part's count, while the turn shares a line among parts, is that part left as the line is: never the
product the word also names in part ("plain" of a "plain croissant", "regular" of a "regular fries").
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.matcher import Mention
from dialogue.phrasebook import words
from dialogue.references import parts_of

_PLAIN_PART = words("plain_part")
_BEFORE = frozenset({"one", "other", "rest"})


def plain_part_said(toks: Sequence[str], m: Mention, has_lines: bool) -> bool:
    """Mention ``m`` is only a plain word said as a part ("... and one plain"), as the module says: a product named
    by that word alone and in part (no name in full, no choice), right after a count or "the other"/"the rest",
    in a turn that opens with a count and says more than one part, with a line in the cart to share."""
    if not has_lines or m.end != m.start + 1 or toks[m.start] not in _PLAIN_PART or m.options or m.exact_products \
            or not m.products or m.start == 0:
        return False
    before = toks[m.start - 1]
    return (before in _BEFORE or before.isdigit()) and len(parts_of(toks)) > 1
