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


# ISO 4217 currencies whose minor unit is not a hundredth: amounts are stored in the currency's own minor
# unit (whole yen for JPY, thousandths of a dinar for KWD), so "cents" means minor units everywhere.
ZERO_DECIMAL = frozenset("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split())
THREE_DECIMAL = frozenset("BHD IQD JOD KWD LYD OMR TND".split())


def minor_units(currency: str) -> int:
    """Digits after the decimal point in ``currency`` (2 for most, 0 for JPY, 3 for KWD)."""
    code = currency.upper()
    return 0 if code in ZERO_DECIMAL else 3 if code in THREE_DECIMAL else 2


def parse_amount(text: str, currency: str = "USD") -> int:
    """Parse a written price into the currency's minor units: ``"1200"`` JPY -> 1200, ``"4.50"`` USD -> 450,
    ``"1.250"`` KWD -> 1250. A zero-decimal price written with ``.00`` is accepted; other fractions are not."""
    digits = minor_units(currency)
    if digits == 2:
        return parse_price(text)
    m = re.match(r"^\s*(-?)\s*(\d{1,12})(?:\.(\d{1,3}))?\s*$", str(text))
    if not m:
        raise CatalogError(f"not a price: {str(text)[:40]!r}")
    sign, whole, frac = m.groups()
    frac = frac or ""
    if len(frac.rstrip("0")) > digits:
        raise CatalogError(f"not a price in {currency.upper()}: {text!r} has more than {digits} decimals")
    scale: int = pow(10, digits)
    value = int(whole) * scale + int((frac.rstrip("0") or "0").ljust(digits, "0")[:digits] or "0")
    return -value if sign else value


def format_price(cents: int, currency: str = "USD") -> str:
    """Written form for screens and logs: ``450 -> "$4.50"``, ``1200`` JPY -> ``"1200 JPY"``."""
    symbol = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "$", "AUD": "$"}.get(currency.upper(), "")
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    digits = minor_units(currency)
    body = f"{cents // 100}.{cents % 100:02d}" if digits == 2 else (
        str(cents) if digits == 0 else f"{cents // 1000}.{cents % 1000:03d}")
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
