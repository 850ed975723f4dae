"""Catalog errors as sentences for a shopper: the store's own wording (codes, line numbers, option
codes) is for logs and operators, never spoken."""

from __future__ import annotations

import logging

from catalog.errors import CatalogError, OptionError, OutOfStock
from catalog.models import Product
from dialogue.numbers import say_number

log = logging.getLogger(__name__)


def sorry(exc: CatalogError, product: Product | None = None) -> str:
    """What to tell the shopper when a cart change fails with ``exc``."""
    name = f"the {product.name}" if product is not None else "that"
    log.info("cart change refused: %s", exc)
    if isinstance(exc, OutOfStock):
        return f"Sorry, {name} is sold out" if exc.available <= 0 else \
            f"Sorry, there are only {say_number(exc.available)} of {name} left"
    if isinstance(exc, OptionError):
        return f"Sorry, {name} doesn't come that way"
    return f"Sorry, I couldn't do that with {name}. It may not be available right now"
