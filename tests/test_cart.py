import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.cart import Cart
from catalog.errors import CatalogError, OptionError
from catalog.models import OptionGroup, OptionValue, Product, SelectedOption

LATTE = Product(
    sku="LAT", name="latte", price_cents=450,
    option_groups=(
        OptionGroup("size", "size", (OptionValue("small", "small", price_delta_cents=-50),
                                     OptionValue("medium", "medium"),
                                     OptionValue("large", "large", price_delta_cents=75)), required=True),
        OptionGroup("milk", "milk", (OptionValue("whole", "whole milk"), OptionValue("oat", "oat milk", price_delta_cents=60)),
                    default="whole", amounts=True),
        OptionGroup("syrup", "syrup", (OptionValue("vanilla", "vanilla", price_delta_cents=50),
                                       OptionValue("caramel", "caramel", price_delta_cents=50)), multiple=True),
    ),
)


def test_add_fills_defaults_and_prices_options() -> None:
    cart = Cart(tax_rate_bp=825)
    line = cart.add(LATTE, 2, [SelectedOption("size", "large"), SelectedOption("milk", "oat")])
    assert line.unit_price_cents == 450 + 75 + 60
    assert cart.subtotal_cents == 2 * 585
    assert cart.tax_cents == 97  # 1170 * 8.25% = 96.525 -> 97
    assert cart.total_cents == 1170 + 97


def test_required_option_missing_is_named() -> None:
    with pytest.raises(OptionError, match="needs a size"):
        Cart().add(LATTE, 1, [])


def test_unknown_option_value_rejected() -> None:
    with pytest.raises(OptionError, match="no milk"):
        Cart().add(LATTE, 1, [SelectedOption("size", "small"), SelectedOption("milk", "goat")])


def test_multiple_choice_and_modify() -> None:
    cart = Cart()
    line = cart.add(LATTE, 1, [SelectedOption("size", "small"), SelectedOption("syrup", "vanilla"),
                               SelectedOption("syrup", "caramel")])
    assert line.unit_price_cents == 450 - 50 + 100
    changed = cart.set_options(line.line_id, LATTE, [SelectedOption("size", "large")])
    assert {(o.group, o.value) for o in changed.options} >= {("size", "large"), ("syrup", "vanilla")}
    assert changed.unit_price_cents == 450 + 75 + 100


def test_identical_lines_merge_and_zero_removes() -> None:
    cart = Cart()
    a = cart.add(LATTE, 1, [SelectedOption("size", "small")])
    cart.add(LATTE, 2, [SelectedOption("size", "small")])
    assert len(cart.lines) == 1 and cart.lines[0].quantity == 3
    assert cart.set_quantity(a.line_id, 0) is None
    assert cart.is_empty()


@pytest.mark.parametrize("qty", [0, -1, 1000, True])
def test_bad_quantities(qty: int) -> None:
    with pytest.raises(CatalogError):
        Cart().add(LATTE, qty, [SelectedOption("size", "small")])


@given(st.lists(st.tuples(st.sampled_from(["small", "medium", "large"]), st.integers(1, 20)), max_size=12),
       st.integers(0, 2500))
def test_totals_are_sums_of_integer_lines(items: list[tuple[str, int]], rate: int) -> None:
    cart = Cart(tax_rate_bp=rate)
    for size, qty in items:
        cart.add(LATTE, qty, [SelectedOption("size", size)])
    assert cart.subtotal_cents == sum(line.unit_price_cents * line.quantity for line in cart.lines)
    assert all(isinstance(line.unit_price_cents, int) for line in cart.lines)
    assert cart.total_cents - cart.subtotal_cents == cart.tax_cents >= 0
