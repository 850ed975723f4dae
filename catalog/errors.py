"""Typed errors with messages a shop owner can act on."""

from __future__ import annotations


class CatalogError(Exception):
    """Base class for everything the catalog refuses."""


class ValidationError(CatalogError):
    """A product, option or imported row is not valid.

    ``location`` names the file, line and field where one is known.
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None, field: str | None = None):
        self.file, self.line, self.field = file, line, field
        self.message = message  # without the location
        where = ", ".join(
            part for part in (file, f"line {line}" if line is not None else None,
                              f"field {field!r}" if field else None) if part
        )
        super().__init__(f"{where}: {message}" if where else message)


class UnknownProduct(CatalogError):
    def __init__(self, sku: str):
        self.sku = sku
        super().__init__(f"no product with SKU {sku!r} in the catalog")


class OptionError(CatalogError):
    """An option group or value that a product does not have, or a required one missing."""


class OutOfStock(CatalogError):
    def __init__(self, sku: str, name: str, available: int):
        self.sku, self.name, self.available = sku, name, available
        left = "sold out" if available <= 0 else f"only {available} left"
        super().__init__(f"{name} ({sku}) is {left}")


class EmptyCart(CatalogError):
    def __init__(self) -> None:
        super().__init__("the cart is empty: nothing to order")


class UnknownOrder(CatalogError):
    def __init__(self, number: str):
        self.number = number
        super().__init__(f"no order number {number}")


class OrderStateError(CatalogError):
    """An order cannot move to the requested status (e.g. cancelling a fulfilled order)."""
