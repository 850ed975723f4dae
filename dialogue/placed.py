"""Orders already placed, by their spoken number: status, and cancelling after a yes.

An order belongs to its customer: its status is told, and it is cancelled, only to the session that placed
it or to the same caller (the caller ID on the phone). To anyone else an order number that exists sounds
exactly like one that does not, so a stranger learns nothing. Failures are said as plain sentences; no
exception text reaches the shopper.
"""

from __future__ import annotations

import logging

from catalog.errors import CatalogError, OrderStateError
from catalog.models import Order, OrderStatus
from catalog.store import Store
from dialogue.lexicon import Lexicon
from dialogue.numbers import say_number
from dialogue.replies import describe_line, say_list
from dialogue.state import Outcome, Pending, PendingKind, State
from dialogue.types import Action

log = logging.getLogger(__name__)

_STATUS = {"placed": "has been received", "preparing": "is being prepared", "ready": "is ready",
           "fulfilled": "has been picked up", "cancelled": "was cancelled"}
_ANONYMOUS = frozenset({"", "walk-in"})


def say_digits(number: str) -> str:
    return " ".join(say_number(int(d)) for d in number if d.isdigit())


def _not_found(number: str, out: Outcome) -> Outcome:
    return out.say(f"I can't find order number {say_digits(number)} for you. Please check the number, "
                   "or ask for a person if it was placed another way")


def own_order(store: Store, state: State, number: str) -> Order | None:
    """The order with this number if it is this shopper's: placed in this session, or by the same caller."""
    try:
        order = store.get_order(number)
    except CatalogError:
        log.exception("looking up an order failed")
        return None
    if order is None:
        return None
    if any(o.number == order.number for o in state.placed):
        return order
    if state.customer and state.customer not in _ANONYMOUS and order.customer == state.customer:
        return order
    return None


def status(store: Store, state: State, number: str, out: Outcome) -> Outcome:
    order = own_order(store, state, number)
    if order is None:
        return _not_found(number, out)
    return out.say(f"Order {say_digits(number)} {_STATUS.get(str(order.status), str(order.status))}")


def ask_cancel(store: Store, state: State, lex: Lexicon, number: str, out: Outcome) -> Outcome:
    order = own_order(store, state, number)
    if order is None:
        return _not_found(number, out)
    if order.status not in (OrderStatus.PLACED, OrderStatus.PREPARING):
        return out.say(f"Order {say_digits(number)} {_STATUS.get(str(order.status), 'is done')}, "
                       "so it can't be cancelled any more. A person can help with that")
    state.pending = Pending(PendingKind.CANCEL_ORDER, order_number=number)
    said = say_list([describe_line(ln, lex.products.get(ln.sku)) for ln in order.lines], limit=None)
    return out.say(f"Order {say_digits(number)} is {said}. Shall I cancel it? Please say yes or no. "
                   "You can order again after that")


def cancel(store: Store, state: State, number: str, out: Outcome) -> Outcome:
    if own_order(store, state, number) is None:
        return _not_found(number, out)
    try:
        store.cancel_order(number, note="cancelled by the shopper")
    except OrderStateError:
        return out.say(f"Sorry, order {say_digits(number)} can't be cancelled any more. A person can help with that")
    except CatalogError:
        log.exception("cancelling an order failed")
        return out.say("Sorry, I couldn't cancel the order just now. Please try again, or ask for a person")
    return out.act(Action.ORDER_CANCELLED).say(f"Order {say_digits(number)} is cancelled")
