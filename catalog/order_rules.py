"""What an order may become, and how its lines are stored: the rules both order stores share.

The SQLite store (:mod:`catalog.sqlite_orders`) and the PostgreSQL store (:mod:`catalog.pg_store`) differ in
how they lock and write; what a status may move to, which orders can still be cancelled, how a line is
kept as JSON and what an order number looks like are the same for both and live here once.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from catalog.errors import OrderStateError
from catalog.models import CartLine, Order, OrderStatus, SelectedOption

# forward moves a shop makes; skipping ahead (placed -> ready) is allowed, going back is not
FLOW = (OrderStatus.PLACED, OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.FULFILLED)
CANCELLABLE = frozenset({OrderStatus.PLACED, OrderStatus.PREPARING})
_rng = random.SystemRandom()


def now_iso() -> str:
    """The current time as stored on orders and their history (UTC, milliseconds, ``Z``)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def number_candidates() -> Iterator[str]:
    """Order numbers to try in turn, easy to say: 4 digits, 5 once the 4-digit ones run short, and so on."""
    for digits in (4, 5, 6, 7, 8):
        low, high = 10 ** (digits - 1), 10**digits - 1
        for _ in range(40):
            yield str(_rng.randint(low, high))


def line_to_dict(line: CartLine) -> dict[str, Any]:
    """A cart line as the JSON an order keeps."""
    return {
        "line_id": line.line_id, "sku": line.sku, "name": line.name, "quantity": line.quantity,
        "unit_price_cents": line.unit_price_cents, "variant_sku": line.variant_sku,
        "options": [{"group": o.group, "value": o.value, "amount": o.amount, "qualifier": o.qualifier}
                    for o in line.options],
    }


def line_from_dict(d: Mapping[str, Any]) -> CartLine:
    """The cart line an order's JSON keeps (the inverse of :func:`line_to_dict`)."""
    return CartLine(
        d["line_id"], d["sku"], d["name"], d["quantity"], d["unit_price_cents"],
        tuple(SelectedOption(o["group"], o["value"], o.get("amount", "regular"), o.get("qualifier", ""))
              for o in d["options"]),
        d.get("variant_sku"),
    )


def status_asked(status: OrderStatus | str) -> OrderStatus:
    """``status`` as an :class:`OrderStatus`, or :class:`OrderStateError` naming the ones there are."""
    try:
        return OrderStatus(status)
    except ValueError:
        raise OrderStateError(f"unknown order status {status!r}; use one of "
                              f"{', '.join(s.value for s in OrderStatus)}") from None


def check_cancellable(order: Order) -> None:
    """Raise :class:`OrderStateError` unless ``order`` can still be cancelled (placed or preparing)."""
    if order.status not in CANCELLABLE:
        raise OrderStateError(
            f"order {order.number} is {order.status.value} and can no longer be cancelled "
            f"(only placed or preparing orders can)")


def check_move(order: Order, status: OrderStatus) -> None:
    """Raise :class:`OrderStateError` unless ``order`` may move forward to ``status`` (not cancelled)."""
    if order.status is OrderStatus.CANCELLED:
        raise OrderStateError(f"order {order.number} was cancelled; it cannot become {status.value}")
    if FLOW.index(status) <= FLOW.index(order.status):
        raise OrderStateError(f"order {order.number} is already {order.status.value}; "
                              f"it cannot go {'back ' if status != order.status else ''}to {status.value}")
