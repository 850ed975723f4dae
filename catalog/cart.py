"""A shopper's cart: lines with validated options, totals in integer cents.

Pure and in memory (one per dialogue session); the store snapshots it into an order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from catalog.errors import CatalogError, OptionError
from catalog.models import AMOUNTS, CartLine, Product, SelectedOption, Variant
from catalog.money import tax_cents

MAX_LINE_QUANTITY = 999


def resolve_options(product: Product, chosen: Iterable[SelectedOption]) -> tuple[SelectedOption, ...]:
    """Validate chosen options against the product and fill in defaults.

    Raises :class:`OptionError` naming the group or value that is wrong, or the required group that
    is missing. Single-choice groups keep the last value given (a correction wins).
    """
    by_group: dict[str, list[SelectedOption]] = {}
    for opt in chosen:
        group = product.group(opt.group)
        if group is None:
            raise OptionError(f"{product.name} has no {opt.group} option")
        if group.value(opt.value) is None:
            names = ", ".join(v.name for v in group.values[:6])
            raise OptionError(f"{product.name} has no {group.name} {opt.value!r}; choices: {names}")
        if opt.amount not in AMOUNTS:
            raise OptionError(f"unknown amount {opt.amount!r}; use one of {', '.join(AMOUNTS)}")
        if opt.amount != "regular" and not group.amounts:
            opt = replace(opt, amount="regular")
        if group.multiple:
            existing = [o for o in by_group.get(group.code, []) if o.value != opt.value]
            by_group[group.code] = [*existing, opt]
        else:
            by_group[group.code] = [opt]
    result: list[SelectedOption] = []
    for group in product.option_groups:
        picked = by_group.get(group.code)
        if picked:
            result.extend(picked)
        elif group.default is not None:
            result.append(SelectedOption(group.code, group.default))
        elif group.required:
            names = ", ".join(v.name for v in group.values[:3])
            raise OptionError(f"{product.name} needs a {group.name}: {names}")
    return tuple(result)


def match_variant(product: Product, options: Iterable[SelectedOption]) -> Variant | None:
    """The variant whose option values all appear among ``options``, if the product has variants."""
    chosen = {(o.group, o.value) for o in options}
    best: Variant | None = None
    for variant in product.variants:
        if all((g, v) in chosen for g, v in variant.options.items()):
            if best is None or len(variant.options) > len(best.options):
                best = variant
    return best


def unit_price(product: Product, options: Iterable[SelectedOption]) -> tuple[int, str | None]:
    """Unit price in cents for a product with options, and the matching variant SKU if any."""
    opts = tuple(options)
    variant = match_variant(product, opts)
    price = variant.price_cents if variant is not None and variant.price_cents is not None else product.price_cents
    for opt in opts:
        group = product.group(opt.group)
        value = group.value(opt.value) if group else None
        if value is not None and opt.amount != "none":
            price += value.price_delta_cents
    return price, (variant.sku if variant is not None else None)


@dataclass
class Cart:
    currency: str = "USD"
    tax_rate_bp: int = 0
    lines: list[CartLine] = field(default_factory=list)
    _next_id: int = 1

    # --- edits ------------------------------------------------------------------------------
    def add(self, product: Product, quantity: int = 1, options: Iterable[SelectedOption] = ()) -> CartLine:
        """Add a line (or grow an identical one). Raises ``OptionError`` / ``CatalogError``."""
        if not product.active:
            raise CatalogError(f"{product.name} is not for sale right now")
        _check_quantity(quantity)
        resolved = resolve_options(product, options)
        price, variant_sku = unit_price(product, resolved)
        for i, line in enumerate(self.lines):
            if line.sku == product.sku and line.options == resolved:
                _check_quantity(line.quantity + quantity)
                self.lines[i] = replace(line, quantity=line.quantity + quantity)
                return self.lines[i]
        line = CartLine(self._next_id, product.sku, product.name, quantity, price, resolved, variant_sku)
        self._next_id += 1
        self.lines.append(line)
        return line

    def set_quantity(self, line_id: int, quantity: int) -> CartLine | None:
        """Change a line's quantity; 0 removes it (returns None)."""
        index = self._index(line_id)
        if quantity == 0:
            del self.lines[index]
            return None
        _check_quantity(quantity)
        self.lines[index] = replace(self.lines[index], quantity=quantity)
        return self.lines[index]

    def set_options(self, line_id: int, product: Product, options: Iterable[SelectedOption]) -> CartLine:
        """Replace a line's options (values not mentioned keep their current choice)."""
        index = self._index(line_id)
        line = self.lines[index]
        if line.sku != product.sku:
            raise CatalogError(f"line {line_id} is {line.name}, not {product.name}")
        resolved = resolve_options(product, [*line.options, *options])
        price, variant_sku = unit_price(product, resolved)
        self.lines[index] = replace(line, options=resolved, unit_price_cents=price, variant_sku=variant_sku)
        return self.lines[index]

    def remove(self, line_id: int) -> CartLine:
        return self.lines.pop(self._index(line_id))

    def clear(self) -> None:
        self.lines.clear()

    def line(self, line_id: int) -> CartLine:
        return self.lines[self._index(line_id)]

    # --- totals -----------------------------------------------------------------------------
    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def subtotal_cents(self) -> int:
        return sum(line.total_cents for line in self.lines)

    @property
    def tax_cents(self) -> int:
        return tax_cents(self.subtotal_cents, self.tax_rate_bp)

    @property
    def total_cents(self) -> int:
        return self.subtotal_cents + self.tax_cents

    def is_empty(self) -> bool:
        return not self.lines

    def _index(self, line_id: int) -> int:
        for i, line in enumerate(self.lines):
            if line.line_id == line_id:
                return i
        raise CatalogError(f"there is no line {line_id} in the cart")


def _check_quantity(quantity: int) -> None:
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1:
        raise CatalogError(f"quantity must be a whole number of at least 1, not {quantity!r}")
    if quantity > MAX_LINE_QUANTITY:
        raise CatalogError(f"at most {MAX_LINE_QUANTITY} of one item per order")
