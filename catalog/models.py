"""The catalog's records: products, option groups, variants, cart lines and orders.

All prices are integer cents. Records are frozen dataclasses; stores build and return them.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

# Amount qualifiers that apply to option groups with ``amounts=True`` ("a little cream", "extra shot",
# "no sugar"). ``regular`` is what a plain mention means.
AMOUNTS: tuple[str, ...] = ("none", "light", "regular", "extra")


@dataclass(frozen=True)
class OptionValue:
    """One choice inside an option group, e.g. ``oat`` in ``milk``."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    price_delta_cents: int = 0


@dataclass(frozen=True)
class OptionGroup:
    """A group of choices on a product: size, milk, roast, shots, sweetener, colour, ...

    ``default`` is a value code used when the shopper says nothing. ``required`` groups without a
    default must be asked about. ``multiple`` allows several values at once (syrups, add-ons).
    ``amounts`` allows amount qualifiers (see :data:`AMOUNTS`).
    """

    code: str
    name: str
    values: tuple[OptionValue, ...]
    default: str | None = None
    required: bool = False
    multiple: bool = False
    amounts: bool = False
    aliases: tuple[str, ...] = ()

    def value(self, code: str) -> OptionValue | None:
        for v in self.values:
            if v.code == code:
                return v
        return None


@dataclass(frozen=True)
class Variant:
    """A sellable combination of option values with its own SKU, price override and stock.

    ``options`` maps option-group code to value code. ``stock`` None means unlimited. ``shop_sku`` is the
    shop's own SKU when an importer keys the variant by something stabler (Shopify: handle + options).
    """

    sku: str
    options: Mapping[str, str]
    price_cents: int | None = None
    stock: int | None = None
    shop_sku: str = ""


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    price_cents: int
    currency: str = "USD"
    aliases: tuple[str, ...] = ()
    description: str = ""
    category: str = ""
    brand: str = ""
    tags: tuple[str, ...] = ()
    active: bool = True
    option_groups: tuple[OptionGroup, ...] = ()
    variants: tuple[Variant, ...] = ()
    stock: int | None = None  # product-level stock when there are no variants; None = unlimited
    shop_sku: str = ""  # the shop's own SKU when ``sku`` is an importer's stable key (may repeat, may be empty)

    def group(self, code: str) -> OptionGroup | None:
        for g in self.option_groups:
            if g.code == code:
                return g
        return None


@dataclass(frozen=True)
class ShopDetails:
    """The shop's own details as its catalog file gives them (the optional top-level ``"shop"`` block of the
    project JSON format): each is spoken text, empty when the file does not say. The dialogue fills the
    ``[shop]`` settings that configuration leaves unset from these (``dialogue.shop.ShopInfo``)."""

    name: str = ""
    phone: str = ""
    hours: str = ""  # as it is said: "seven to six, Monday to Saturday"
    address: str = ""

    FIELDS = ("name", "phone", "hours", "address")

    def __bool__(self) -> bool:
        return any(getattr(self, f) for f in self.FIELDS)

    def as_dict(self) -> dict[str, str]:
        """The fields that are set, in :attr:`FIELDS` order (the JSON block; empty when none is)."""
        return {f: getattr(self, f) for f in self.FIELDS if getattr(self, f)}


@dataclass(frozen=True)
class SelectedOption:
    """An option chosen on a cart line: group code, value code and amount.

    ``amount`` is one of :data:`AMOUNTS` (what the kitchen acts on); ``qualifier`` keeps the shopper's own
    amount words, normalised ("a little bit of", "lots of", "some"), for the ticket and the read-back.
    """

    group: str
    value: str
    amount: str = "regular"
    qualifier: str = ""


@dataclass(frozen=True)
class Term:
    """A word of the catalog's search vocabulary (names, aliases, tags, category, brand, option values as
    :func:`catalog.search.tokenize` spells them), its phonetic key and how many products have it."""

    word: str
    sound: str
    products: int


@dataclass(frozen=True)
class SearchHit:
    product: Product
    score: float


@dataclass(frozen=True)
class CartLine:
    line_id: int
    sku: str
    name: str
    quantity: int
    unit_price_cents: int
    options: tuple[SelectedOption, ...] = ()
    variant_sku: str | None = None

    @property
    def total_cents(self) -> int:
        return self.unit_price_cents * self.quantity


class OrderStatus(enum.StrEnum):
    PLACED = "placed"
    PREPARING = "preparing"
    READY = "ready"
    FULFILLED = "fulfilled"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class StatusChange:
    status: OrderStatus
    at: str  # ISO-8601 UTC
    note: str = ""


@dataclass(frozen=True)
class Order:
    """A placed order: a snapshot of the cart's lines and prices at the moment of placing."""

    number: str  # digits only, speakable ("4512")
    lines: tuple[CartLine, ...]
    subtotal_cents: int
    tax_cents: int
    total_cents: int
    currency: str
    status: OrderStatus
    customer: str
    idempotency_key: str
    created_at: str
    history: tuple[StatusChange, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=dict)  # e.g. {"order_type": "togo"}
