"""Money as integer minor units (cents). Floats never touch a price."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from catalog.errors import CatalogError

_PRICE_RE = re.compile(r"^\s*(-?)\s*[$€£]?\s*(-?)(\d{1,12})(?:[.,](\d{1,2}))?\s*$")


def parse_price(text: str) -> int:
    """Parse a written price such as ``"4.50"``, ``"$12"``, ``"3,5"`` into cents.

    Raises :class:`CatalogError` for anything that is not a plain price.
    """
    m = _PRICE_RE.match(str(text))
    if not m:
        raise CatalogError(f"not a price: {text!r} (write it like 4.50)")
    sign_before, sign_after, whole, frac = m.groups()
    if sign_before and sign_after:
        raise CatalogError(f"not a price: {text!r} (write it like 4.50)")
    cents = int(whole) * 100 + (int(frac.ljust(2, "0")) if frac else 0)
    return -cents if (sign_before or sign_after) else cents


def format_price(cents: int, currency: str = "USD") -> str:
    """Written form for screens and logs: ``450 -> "$4.50"``."""
    symbol = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "$", "AUD": "$"}.get(currency.upper(), "")
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    body = f"{cents // 100}.{cents % 100:02d}"
    return f"{sign}{symbol}{body}" if symbol else f"{sign}{body} {currency.upper()}"


def tax_cents(amount_cents: int, rate_basis_points: int) -> int:
    """Tax on an amount, rate in basis points (825 = 8.25 %), rounded half up to the cent."""
    if rate_basis_points < 0:
        raise CatalogError("tax rate cannot be negative")
    try:
        value = (Decimal(amount_cents) * Decimal(rate_basis_points) / Decimal(10000)).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        )
    except InvalidOperation as exc:  # pragma: no cover - Decimal of ints cannot fail
        raise CatalogError(str(exc)) from exc
    return int(value)


def rate_from_percent(text: str) -> int:
    """``"8.25"`` (percent) -> 825 basis points, exactly."""
    try:
        value = Decimal(str(text).strip().rstrip("%")) * 100
    except InvalidOperation as exc:
        raise CatalogError(f"not a tax rate: {text!r} (write it like 8.25)") from exc
    if value != value.to_integral_value() or value < 0:
        raise CatalogError(f"tax rate {text!r} must be a non-negative percentage with at most two decimals")
    return int(value)
