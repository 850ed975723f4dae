""""Is that in stock?" - "Yes, we have five of the hydrangea in stock. Would you like one?" - "ok two of them":
an offer of a product the cart already holds in one line, answered with a count, is how many of that line the
shopper wants in all, never a second line of it with its choices asked again ("what colour for the hydrangea?").

Read only when the offer was the plain "Would you like one?" of an answer about the product (not "how many would
you like?" after a count that could not be taken), the cart holds exactly one line of the product, that line has
every choice the offer named, and the turn says no word of more ("two more", "another two": those add).
"""

from __future__ import annotations

from collections.abc import Sequence

from catalog.models import CartLine
from dialogue.lexicon import Lexicon
from dialogue.resolve import options_for
from dialogue.specs import ItemSpec
from dialogue.state import State
from dialogue.turn_words import MORE_WORDS

OFFER_ASKED = "Would you like one?"


def held_line(state: State, lex: Lexicon, offered: ItemSpec, toks: Sequence[str]) -> CartLine | None:
    """The one cart line a count said to the offer of ``offered`` sets, as the module says; None otherwise."""
    asked = state.last_reply.text if state.last_reply is not None else ""
    if len(offered.skus) != 1 or not asked.endswith(OFFER_ASKED) or any(t in MORE_WORDS for t in toks):
        return None
    lines = [ln for ln in state.cart.lines if ln.sku == offered.skus[0]]
    product = lex.products.get(offered.skus[0])
    if len(lines) != 1 or product is None:
        return None
    line = lines[0]
    wanted = options_for(product, offered.options)[0]
    return line if all(o in line.options for o in wanted) else None
