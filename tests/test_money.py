import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.errors import CatalogError
from catalog.money import format_price, parse_price, rate_from_percent, tax_cents


@pytest.mark.parametrize(
    ("text", "cents"),
    [("4.50", 450), ("$12", 1200), ("3,5", 350), ("0.05", 5), (" 19.99 ", 1999), ("-2.10", -210)],
)
def test_parse_price(text: str, cents: int) -> None:
    assert parse_price(text) == cents


@pytest.mark.parametrize("text", ["", "abc", "4.505", "1e3", "NaN", "4..5"])
def test_parse_price_rejects(text: str) -> None:
    with pytest.raises(CatalogError):
        parse_price(text)


@given(st.integers(min_value=-10**9, max_value=10**9))
def test_format_parse_round_trip(cents: int) -> None:
    assert parse_price(format_price(cents)) == cents


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=5000))
def test_tax_is_exact_half_up(amount: int, rate: int) -> None:
    tax = tax_cents(amount, rate)
    # exact rational value of amount*rate/10000, rounded half up, in integer arithmetic only
    num = amount * rate
    expected = (2 * num + 10000) // 20000
    assert tax == expected


def test_rate_from_percent() -> None:
    assert rate_from_percent("8.25") == 825
    assert rate_from_percent("7%") == 700
    with pytest.raises(CatalogError):
        rate_from_percent("8.255")


def test_zero_and_three_decimal_currencies() -> None:
    from catalog.money import minor_units, parse_amount

    assert (minor_units("JPY"), minor_units("usd"), minor_units("KWD")) == (0, 2, 3)
    assert parse_amount("1200", "JPY") == 1200 and parse_amount("1200.00", "JPY") == 1200
    assert parse_amount("4.5", "USD") == 450 and parse_amount("1.25", "KWD") == 1250
    assert format_price(1200, "JPY") == "1200 JPY" and format_price(1250, "KWD") == "1.250 KWD"
    with pytest.raises(CatalogError, match="more than 0 decimals"):
        parse_amount("12.5", "JPY")
    with pytest.raises(CatalogError):
        parse_amount("9" * 5000, "JPY")
