"""Orders in SQLite: atomic placement with stock, idempotency, speakable numbers, status and history.

Every function here runs inside a transaction the caller opened with ``BEGIN IMMEDIATE`` (see
:class:`catalog.sqlite_store.SQLiteStore`), so two sessions racing for the last unit are serialised by
SQLite's write lock: the second one sees the decremented stock and gets :class:`OutOfStock`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from catalog.cart import Cart
from catalog.errors import CatalogError, EmptyCart, OutOfStock, UnknownOrder, UnknownProduct
from catalog.models import CartLine, Order, OrderStatus, StatusChange
from catalog.order_rules import (
    check_cancellable,
    check_move,
    line_from_dict,
    line_to_dict,
    now_iso,
    number_candidates,
    status_asked,
)


def new_number(conn: sqlite3.Connection) -> str:
    """A unique order number that is easy to say: 4 digits, 5 once the 4-digit ones run short."""
    for number in number_candidates():
        if conn.execute("SELECT 1 FROM orders WHERE number = ?", (number,)).fetchone() is None:
            return number
    raise CatalogError("could not find a free order number")  # pragma: no cover


def read_order(conn: sqlite3.Connection, number: str) -> Order | None:
    row = conn.execute(
        "SELECT number, lines, subtotal_cents, tax_cents, total_cents, currency, status, customer,"
        " idempotency_key, created_at, metadata FROM orders WHERE number = ?", (number,)).fetchone()
    if row is None:
        return None
    history = tuple(
        StatusChange(OrderStatus(s), at, note) for s, at, note in conn.execute(
            "SELECT status, at, note FROM order_history WHERE number = ? ORDER BY id", (number,)))
    return Order(
        number=row[0], lines=tuple(line_from_dict(d) for d in json.loads(row[1])),
        subtotal_cents=row[2], tax_cents=row[3], total_cents=row[4], currency=row[5],
        status=OrderStatus(row[6]), customer=row[7], idempotency_key=row[8], created_at=row[9],
        history=history, metadata=json.loads(row[10]),
    )


def _stock_row(conn: sqlite3.Connection, line: CartLine) -> tuple[str, str, int | None]:
    """(table, key, stock) that holds the stock this line draws from."""
    prow = conn.execute("SELECT id, active, stock, name, n_variants FROM products WHERE sku = ?",
                        (line.sku,)).fetchone()
    if prow is None:
        raise UnknownProduct(line.sku)
    if not prow[1]:
        raise CatalogError(f"{prow[3]} ({line.sku}) is not for sale right now")
    if prow[4] and not line.variant_sku:  # sold as variants, and no variant has these options
        raise OutOfStock(line.sku, line.name, 0)
    if line.variant_sku:
        vrow = conn.execute("SELECT stock FROM variants WHERE sku = ? AND product_id = ?",
                            (line.variant_sku, prow[0])).fetchone()
        if vrow is None:
            raise UnknownProduct(line.variant_sku)
        return "variants", line.variant_sku, vrow[0]
    return "products", line.sku, prow[2]


def place(conn: sqlite3.Connection, cart: Cart, *, customer: str, idempotency_key: str,
          metadata: Mapping[str, str] | None) -> Order:
    if not idempotency_key:
        raise CatalogError("an order needs an idempotency key (any text unique to this checkout)")
    existing = conn.execute("SELECT number FROM orders WHERE idempotency_key = ?", (idempotency_key,)).fetchone()
    if existing is not None:
        order = read_order(conn, existing[0])
        assert order is not None
        return order
    if cart.is_empty():
        raise EmptyCart()
    need: dict[tuple[str, str], int] = {}
    names: dict[tuple[str, str], str] = {}
    stocks: dict[tuple[str, str], int | None] = {}
    for line in cart.lines:
        table, key, stock = _stock_row(conn, line)
        need[(table, key)] = need.get((table, key), 0) + line.quantity
        names[(table, key)] = line.name
        stocks[(table, key)] = stock
    for (table, key), qty in need.items():
        stock = stocks[(table, key)]
        if stock is not None and stock < qty:
            raise OutOfStock(key, names[(table, key)], stock)
    for (table, key), qty in need.items():
        if stocks[(table, key)] is not None:
            conn.execute(f"UPDATE {table} SET stock = stock - ? WHERE sku = ?", (qty, key))
    number = new_number(conn)
    created = now_iso()
    conn.execute(
        "INSERT INTO orders(number, idempotency_key, customer, status, subtotal_cents, tax_cents, total_cents,"
        " currency, created_at, lines, metadata) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (number, idempotency_key, customer, OrderStatus.PLACED.value, cart.subtotal_cents, cart.tax_cents,
         cart.total_cents, cart.currency, created, json.dumps([line_to_dict(x) for x in cart.lines]),
         json.dumps(dict(metadata or {}))))
    conn.execute("INSERT INTO order_history(number, status, at, note) VALUES (?,?,?,?)",
                 (number, OrderStatus.PLACED.value, created, ""))
    order = read_order(conn, number)
    assert order is not None
    return order


def list_orders(conn: sqlite3.Connection, *, status: OrderStatus | None, customer: str | None,
                limit: int) -> Sequence[Order]:
    sql = "SELECT number FROM orders WHERE 1=1"
    params: list[Any] = []
    if status is not None:
        sql += " AND status = ?"
        params.append(OrderStatus(status).value)
    if customer is not None:
        sql += " AND customer = ?"
        params.append(customer)
    sql += " ORDER BY created_at DESC, number DESC LIMIT ?"
    params.append(max(0, int(limit)))
    numbers = [r[0] for r in conn.execute(sql, params).fetchall()]
    return [o for o in (read_order(conn, n) for n in numbers) if o is not None]


def _require(conn: sqlite3.Connection, number: str) -> Order:
    order = read_order(conn, str(number).strip())
    if order is None:
        raise UnknownOrder(str(number))
    return order


def _record(conn: sqlite3.Connection, number: str, status: OrderStatus, note: str) -> None:
    conn.execute("UPDATE orders SET status = ? WHERE number = ?", (status.value, number))
    conn.execute("INSERT INTO order_history(number, status, at, note) VALUES (?,?,?,?)",
                 (number, status.value, now_iso(), note))


def cancel(conn: sqlite3.Connection, number: str, note: str) -> Order:
    order = _require(conn, number)
    check_cancellable(order)
    for line in order.lines:
        if line.variant_sku:
            conn.execute("UPDATE variants SET stock = stock + ? WHERE sku = ? AND stock IS NOT NULL",
                         (line.quantity, line.variant_sku))
        else:
            conn.execute("UPDATE products SET stock = stock + ? WHERE sku = ? AND stock IS NOT NULL",
                         (line.quantity, line.sku))
    _record(conn, order.number, OrderStatus.CANCELLED, note)
    result = read_order(conn, order.number)
    assert result is not None
    return result


def set_status(conn: sqlite3.Connection, number: str, status: OrderStatus, note: str) -> Order:
    status = status_asked(status)
    if status is OrderStatus.CANCELLED:
        return cancel(conn, number, note)
    order = _require(conn, number)
    check_move(order, status)
    _record(conn, order.number, status, note)
    result = read_order(conn, order.number)
    assert result is not None
    return result
