"""Reading the whole order back before it can be placed, and remembering exactly what was read.

A read-back names every cart line with its options, the order type and the total, and asks to place the
order. :class:`ReadBack` records what it said; the policy places an order only on a clear yes in the very
next turn and only while the cart is still exactly what was read (``State.readback_current``).
"""

from __future__ import annotations

from dialogue.lexicon import Lexicon
from dialogue.replies import describe_cart, total_sentence
from dialogue.state import Outcome, Pending, PendingKind, ReadBack, State

ORDER_TYPES = {"togo": "to go", "here": "for here", "delivery": "for delivery"}
PLACE_QUESTION = "Shall I place the order?"
CONFIRM_QUESTION = "Is that right? Say yes to place the order"
YES_OR_NO = "Shall I place the order? Please say yes or no"


def read_back(state: State, lex: Lexicon, out: Outcome, *, question: str = PLACE_QUESTION, pending: PendingKind = PendingKind.CHECKOUT,
              just_said: str = "", lead: str = "Your order is") -> Outcome:
    """Say the whole order (unless ``just_said`` is already all of it), the total and ``question``."""
    cart = state.cart
    if not cart.lines:
        state.pending = None
        state.readback = None
        return out.say("Your cart is empty. What would you like?")
    out.readback_at = len(out.parts)
    order = describe_cart(cart, lex.products)
    otype = f", {ORDER_TYPES[state.order_type]}" if state.order_type in ORDER_TYPES else ""
    if order != just_said or otype:
        out.say(f"{lead} {order}{otype}")
    state.pending = Pending(pending)
    state.readback = ReadBack(state.turns, tuple(cart.lines), state.order_type)
    return out.say(total_sentence(cart), question)
