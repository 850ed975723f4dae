"""``validate_product``'s quick loop over variants (``_variants_clean``) passes exactly the products whose variants
the detailed checks pass, so an error is still named by the detailed checks."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from catalog.errors import ValidationError
from catalog.models import OptionGroup, OptionValue, Product, Variant
from catalog.validate import _variants_clean, validate_product

GROUPS = (OptionGroup("colour", "colour", (OptionValue("red", "red"), OptionValue("blue", "blue"))),
          OptionGroup("size", "size", (OptionValue("s", "s"), OptionValue("m", "m"))))
GOOD = Product(sku="TEE", name="tee", price_cents=100, option_groups=GROUPS, variants=(
    Variant("TEE-R", {"colour": "red", "size": "s"}, 120, 3, "shop-1"), Variant("TEE-B", {"colour": "blue"}),
    Variant("TEE-BM", {"colour": "blue", "size": "m"}, 0, 0)))
BAD: list[dict[str, Any]] = [
    {"sku": ""}, {"sku": "T E"}, {"sku": "x" * 256}, {"sku": "TEE"}, {"sku": "TEE-B"}, {"sku": "caf\u00e9"},
    {"options": {}}, {"options": {"flavour": "red"}}, {"options": {"colour": "green"}},
    {"options": {"colour": 1}}, {"options": {"colour": ["red"]}}, {"options": {"size": "s", "colour": "red"}},
    {"price_cents": -1}, {"price_cents": True}, {"price_cents": 1.5}, {"price_cents": 10**12},
    {"stock": -2}, {"stock": 10**9 + 1}, {"stock": False}, {"shop_sku": "a\nb"}, {"shop_sku": "y" * 256},
]


def test_good_variants_pass_the_quick_loop() -> None:
    assert _variants_clean(GOOD)
    validate_product(GOOD)
    assert _variants_clean(replace(GOOD, variants=(replace(GOOD.variants[0], sku="caf\u00e9-1"),))) is False
    validate_product(replace(GOOD, variants=(replace(GOOD.variants[0], sku="caf\u00e9-1"),)))  # the checks pass it


@pytest.mark.parametrize("change", BAD, ids=repr)
def test_a_bad_variant_fails_the_quick_loop_and_the_checks_name_it(change: dict[str, Any]) -> None:
    product = replace(GOOD, variants=(*GOOD.variants[:2], replace(GOOD.variants[2], **change)))
    assert not _variants_clean(product)
    if change.get("sku") == "caf\u00e9":
        validate_product(product)  # not printable ASCII: checked the long way, and allowed
        return
    with pytest.raises(ValidationError) as err:
        validate_product(product)
    assert "variant" in str(err.value)
