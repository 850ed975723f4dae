"""SQL for the catalog-wide listings both stores answer (``Store.products_by_price``, ``products_listed``): the
same filters and order on SQLite and PostgreSQL, only the placeholder and the truth of ``active`` differ."""

from __future__ import annotations

from typing import Any


def listing_sql(placeholder: str, active: str, *, category: str | None = None, min_price_cents: int | None = None,
                max_price_cents: int | None = None) -> tuple[str, list[Any]]:
    """``SELECT id, stock, data FROM products WHERE <active> AND ...`` with its parameters; ``placeholder`` is
    ``?`` (SQLite) or ``%s`` (psycopg), ``active`` the backend's test of an active product."""
    sql = f"SELECT id, stock, data FROM products WHERE {active}"
    params: list[Any] = []
    for clause, value in (("category = ", category), ("price_cents >= ", min_price_cents),
                          ("price_cents <= ", max_price_cents)):
        if value is not None:
            sql += f" AND {clause}{placeholder}"
            params.append(value if clause.startswith("category") else int(value))
    return sql, params
