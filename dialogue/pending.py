"""The questions the assistant asks and a next turn may answer (one handler each in :mod:`dialogue.policy`).

Its own module so that phrase data (``dialogue/data/context.toml``) can name them without importing the session
state.
"""

from __future__ import annotations

import enum


class PendingKind(enum.StrEnum):
    """The question the assistant asked last, which the next turn may answer (one handler each in policy)."""

    CONFIRM_CHANGE = "confirm_change"  # a change read back: "Is that right? Say yes to place the order"
    CHECKOUT = "checkout"  # the whole order read back: "Shall I place the order?"
    CLARIFY_OPTION = "clarify_option"  # "What milk would you like for the latte: ...?"
    CLARIFY_PRODUCT = "clarify_product"  # "Which one would you like: ...?"
    LOW_CONF = "low_conf"  # "I think you said: ... Is that right?"
    CANCEL_ORDER = "cancel_order"  # "Order 4512 is ... Shall I cancel it?"
    ORDER_NUMBER = "order_number"  # "What's your order number?"
    OFFER = "offer"  # "Would you like one?" / "How many would you like?"
