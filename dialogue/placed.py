"""Orders already placed, by their spoken number: status, and cancelling after a yes."""

from __future__ import annotations

from catalog.errors import CatalogError, OrderStateError
from catalog.store import Store
from dialogue.lexicon import Lexicon
from dialogue.numbers import say_number
from dialogue.replies import describe_line, say_list
from dialogue.state import Outcome, Pending, State
from dialogue.types import Action

_STATUS = {"placed": "has been received", "preparing": "is being prepared", "ready": "is ready",
           "fulfilled": "has been picked up", "cancelled": "was cancelled"}


def say_digits(number: str) -> str:
    return " ".join(say_number(int(d)) for d in number if d.isdigit())


def status(store: Store, number: str, out: Outcome) -> Outcome:
    order = store.get_order(number)
    if order is None:
        return out.say(f"I can't find order number {say_digits(number)}. Could you check the number?")
    return out.say(f"Order {say_digits(number)} {_STATUS.get(str(order.status), str(order.status))}")


def ask_cancel(store: Store, state: State, lex: Lexicon, number: str, out: Outcome) -> Outcome:
    order = store.get_order(number)
    if order is None:
        return out.say(f"I can't find order number {say_digits(number)}. Could you check the number?")
    state.pending = Pending("cancel_order", order_number=number)
    said = say_list([describe_line(ln, lex.products.get(ln.sku)) for ln in order.lines], more="more items")
    return out.say(f"Order {say_digits(number)} is {said}. Shall I cancel it? Please say yes or no")


def cancel(store: Store, number: str, out: Outcome) -> Outcome:
    try:
        store.cancel_order(number, note="cancelled by the shopper")
    except OrderStateError as exc:
        return out.say(f"Sorry, I can't cancel that order: {exc}")
    except CatalogError as exc:
        return out.say(f"Sorry, {exc}")
    return out.act(Action.ORDER_CANCELLED).say(f"Order {say_digits(number)} is cancelled")
