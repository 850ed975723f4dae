"""Every line of one product changed at once: "make all four danishes cheese", "make both the lattes iced" with a
cherry and a cheese line of danishes. "all"/"both"/"every" (``every_of_a_product``, with "the" or the count of their
units) right before a product the cart has several lines of, and choices said after it, change each of those lines
(the session then makes lines of one product made alike one line); so does "the kids packs both with gummy
worms", the every-word said right after "the" and the product.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.intents import Intent
from dialogue.parse_records import Context, ParseDraft
from dialogue.phrasebook import words
from dialogue.specs import ItemSpec
from dialogue.turn_words import DEFINITE, ONTO_PREPS

_EVERY_OF = words("every_of_a_product")
_EDIT_VERBS = words("edit_verbs")
_INTO = words("into_preps")


def all_of_a_product(p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """Read "make all four danishes cheese" as a change of every danish line (``p.ref`` "all", the items narrowed to
    that product, the choices said after it the change); the parse as it was otherwise, and when a count is said
    that is not the units of those lines ("make all six danishes cheese" with four in the cart)."""
    if p.intent not in (Intent.ADD, Intent.MODIFY) or len(p.items) != 1 or p.question:
        return
    item = p.items[0]
    lines = [k for k, sku in enumerate(ctx.line_skus) if sku in item.skus]
    after = [o for o in item.options if o.pos >= item.end]
    k = item.start - 1
    count = None
    while k >= 0 and (toks[k] in DEFINITE or toks[k] == "of" or toks[k].isdigit()):
        count = int(toks[k]) if toks[k].isdigit() else count
        k -= 1
    if len(item.skus) == 1 and len(lines) >= 2 and after and item.start > 0 and toks[item.start - 1] in DEFINITE \
            and item.end < len(toks) and toks[item.end] in _EVERY_OF:
        k = item.end  # "the kids packs both with gummy worms": the every-word said after the product
        count = None
    elif len(item.skus) != 1 or len(lines) < 2 or k < 0 or toks[k] not in _EVERY_OF:
        return
    onto = bool(item.options) and not after and k > 0 and (toks[k - 1] in ONTO_PREPS or toks[k - 1] in _INTO) \
        and all(0 <= o.pos < k - 1 for o in item.options)  # "add vanilla to both lattes": the choices said first
    if not onto and k != item.end and (not any(t in _EDIT_VERBS for t in toks[:item.start]) or not after
                     or len(after) < len(item.options)):
        return
    if onto:
        after = list(item.options)
    if count is not None and count != sum(ctx.line_units[n] for n in lines if n < len(ctx.line_units)):
        return
    p.intent, p.ref, p.quantity = Intent.MODIFY, "all", None
    p.items = [ItemSpec(item.skus, None, [], item.start, item.end, item.exact)]
    p.options = [*after, *p.options]
