"""A cart line named again with a choice of it ("cod and chips" then "large cod"): that line made so.

A turn that says nothing but one product already in the cart (on exactly one line) and choices of it, with no
article, count or word of adding, and whose every choice is of a group the line still holds at the product's
default (the shopper never chose it), restates that line: its choice is changed, no second line is ordered.
"a large cod", "and a large cod", "another large cod", "two large cod" still order more."""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.lexicon import Lexicon
from dialogue.parse_records import Context, ParseDraft
from dialogue.phrasebook import words

_FILL = words("line_choice_fill")


def line_choice_said(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """True when the turn restates a line of the cart with a choice of it (the item is kept: the policy's
    change of the line of that product)."""
    if p.question or not ctx.has_lines or p.options or len(p.items) != 1 or p.ref is not None \
            or ctx.pending in ("clarify_option", "clarify_product"):
        return False
    item = p.items[0]
    if len(item.skus) != 1 or not item.exact or not item.options or item.quantity is not None:
        return False
    sku = item.skus[0]
    product = lex.products.get(sku)
    if product is None or ctx.line_skus.count(sku) != 1:
        return False
    said = set(range(item.start, item.end))
    for o in item.options:
        if o.pos < 0 or o.qualifier:
            return False
        said.update(range(o.pos, o.pos + max(len(o.said.split()), 1)))
    if any(i not in said and t not in _FILL for i, t in enumerate(toks)):
        return False
    held = dict(ctx.line_options[ctx.line_skus.index(sku)])
    for o in item.options:
        for t in o.targets:
            group = product.group(t.group)
            if group is None or group.multiple or group.default is None or held.get(t.group) != group.default \
                    or t.value == group.default:
                return False
    return True
