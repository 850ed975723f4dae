"""Words that count units of a product, not products of their own: "thirty two gigs of laptop ram, just one stick",
"make it two sticks" to a line of laptop memory. "stick" names another product only as a part of its alias ("usb
stick"); said right after a count, with a product named before it in the turn or a line in focus, it is the unit
of that product, so no product of its own is ordered.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.matcher import Mention
from dialogue.phrasebook import words

_LINE_UNITS = words("line_unit_words")
_RECOUNT_LEADS = words("recount_leads")  # "just one stick", "make it two sticks": the line in focus recounted
_UNITS = words("packages") | _LINE_UNITS | {w + "s" for w in _LINE_UNITS}


def unit_of_named(toks: Sequence[str], found: Sequence[Mention], k: int, focus: str | None) -> bool:
    """Mention ``k`` is only a unit word said after a count ("one stick", "2 sticks") that names some product by
    a part of its alias alone (no name in full), while a product was named before it in the turn or a line is in
    focus (``focus``: its product, recounted: "just one stick") that the word does not name: the count is of that
    product, and the word names nothing."""
    m = found[k]
    if m.options or not m.products or m.exact_products or m.end - m.start != 1 or toks[m.start] not in _UNITS:
        return False
    if m.start == 0 or not (toks[m.start - 1].isdigit() or toks[m.start - 1] == "one") \
            or toks[m.end:m.end + 1] == ["of"]:
        return False  # "a roll of tape": the unit of what is named after it
    if focus is not None and any(t.sku == focus for t in m.products):
        return False  # "and one stick" to a line of usb sticks: one more of them
    if any(o.exact_products and o.end <= m.start for o in found[:k]):
        return True
    # with only a line in focus, a recount must be said ("just one stick", "make it two sticks"): "a baguette" -
    # "two rolls" orders the rolls the shop sells, no second baguette
    return focus is not None and any(t in _RECOUNT_LEADS for t in toks[:m.start - 1])
