"""Checks a product is consistent before it enters a store: SKUs, prices, option groups, variants."""

from __future__ import annotations

import re
from collections.abc import Callable

from catalog.errors import ValidationError
from catalog.models import Product
from catalog.text import _BAD_CHAR, _LINE_BREAK, MAX_CENTS, MAX_DESCRIPTION, MAX_STOCK, check_text

MAX_SKU_LENGTH = 255
_SKU_RE = re.compile(r"^[^\s\x00-\x1f]+$")
_UNCLEAN = re.compile(f"{_BAD_CHAR.pattern}|{_LINE_BREAK.pattern}")  # what check_text refuses on one line


def check_sku(sku: str, *, file: str | None = None, line: int | None = None, field: str = "sku") -> None:
    if isinstance(sku, str) and sku.isascii() and sku.isprintable() and " " not in sku and 0 < len(sku) <= MAX_SKU_LENGTH:
        return  # printable ASCII without spaces passes every check below: the usual SKU, a million times
    if not sku:
        raise ValidationError("SKU must not be empty", file=file, line=line, field=field)
    if len(sku) > MAX_SKU_LENGTH:
        raise ValidationError(f"SKU {sku[:20]!r}... is longer than {MAX_SKU_LENGTH} characters",
                              file=file, line=line, field=field)
    check_text(sku, field=field, file=file, line=line, limit=MAX_SKU_LENGTH)
    if not _SKU_RE.match(sku):
        raise ValidationError(f"SKU {sku!r} must not contain spaces or control characters",
                              file=file, line=line, field=field)


def _clean(values: tuple[str, ...], limit: int = 255) -> bool:
    """Whether every one of ``values`` passes ``check_text`` (one line, at most ``limit`` characters) — one
    search over them all, the usual case; when not, the caller checks each to say which and why."""
    try:
        joined = " ".join(values)  # refuses anything but texts, as isinstance(v, str) would
    except TypeError:
        return False
    return _UNCLEAN.search(joined) is None and max(map(len, values), default=0) <= limit


def validate_product(p: Product, *, file: str | None = None, line: int | None = None,
                     variants_checked: bool = False) -> None:
    """Raise :class:`ValidationError` (naming the field) if ``p`` cannot be sold as described.
    ``variants_checked``: the caller built ``p``'s variants from checked SKUs (:func:`check_sku`), each with at
    least one option value, every value one of its group's (the product's first group of that code), and found
    the variant SKUs unique and unlike the product's, the option combinations unique, prices and stocks whole
    numbers in range; the variants' checks are then skipped."""

    def fail(message: str, field: str) -> ValidationError:
        return ValidationError(f"{p.sku or '(no SKU)'}: {message}", file=file, line=line, field=field)

    def text(value: str, field: str, *, multiline: bool = False, limit: int | None = None) -> None:
        try:
            check_text(value, field=field, multiline=multiline, limit=limit or (MAX_DESCRIPTION if multiline else 255))
        except ValidationError as exc:
            raise fail(exc.message, field) from None

    check_sku(p.sku, file=file, line=line)
    clean = _clean((p.name, *p.aliases, *p.tags, p.category, p.brand, p.shop_sku))
    if not clean:
        text(p.name, "name")
    if not p.name.strip():
        raise fail("the product needs a name", "name")
    if not clean:
        for field_name, values in (("aliases", p.aliases), ("tags", p.tags), ("category", (p.category,)),
                                   ("brand", (p.brand,)), ("shop_sku", (p.shop_sku,))):
            for value in values:
                text(value, field_name)
    description = p.description
    # check_text(multiline) finds nothing in the usual description: one search, then the checks only to say why
    if not isinstance(description, str) or _BAD_CHAR.search(description) is not None or len(description) > MAX_DESCRIPTION:
        text(description, "description", multiline=True)
    if isinstance(p.price_cents, bool) or not isinstance(p.price_cents, int) or p.price_cents < 0:
        raise fail(f"price must be whole cents, zero or more, not {p.price_cents!r}", "price")
    if p.price_cents > MAX_CENTS:
        raise fail(f"price is too large (at most {MAX_CENTS:,} cents)", "price")
    if p.stock is not None and (isinstance(p.stock, bool) or not isinstance(p.stock, int) or p.stock < 0):
        raise fail(f"stock must be a whole number, zero or more, or unlimited, not {p.stock!r}", "stock")
    if p.stock is not None and p.stock > MAX_STOCK:
        raise fail(f"stock is too large (at most {MAX_STOCK:,})", "stock")
    if not p.currency or len(p.currency) != 3 or not (p.currency.isascii() and p.currency.isalpha()):
        raise fail(f"currency must be a three-letter code like USD, not {p.currency[:10]!r}", "currency")
    codes: set[str] = set()
    for gi, g in enumerate(p.option_groups):
        where = f"options[{gi}]"
        if not g.code:
            raise fail("an option group needs a code", f"{where}.code")
        clean = _clean((g.code, g.name, *g.aliases, *(x for v in g.values for x in (v.code, v.name, *v.aliases))))
        for value in (g.code, g.name, *g.aliases) if not clean else ():
            text(value, f"{where}.name")
        if g.code in codes:
            raise fail(f"option group {g.code!r} appears twice", f"{where}.code")
        codes.add(g.code)
        if not g.values:
            raise fail(f"option group {g.code!r} has no values", f"{where}.values")
        vcodes: set[str] = set()
        for vi, v in enumerate(g.values):
            if not v.code:
                raise fail(f"a value of {g.code!r} has no code", f"{where}.values[{vi}].code")
            for value in (v.code, v.name, *v.aliases) if not clean else ():
                text(value, f"{where}.values[{vi}].name")
            if v.code in vcodes:
                raise fail(f"{g.code} value {v.code!r} appears twice", f"{where}.values[{vi}].code")
            if isinstance(v.price_delta_cents, bool) or not isinstance(v.price_delta_cents, int):
                raise fail(f"price delta of {g.code} {v.code!r} must be whole cents", f"{where}.values[{vi}].price_delta")
            if abs(v.price_delta_cents) > MAX_CENTS:
                raise fail(f"price delta of {g.code} {v.code!r} is too large", f"{where}.values[{vi}].price_delta")
            vcodes.add(v.code)
        if g.default is not None and g.default not in vcodes:
            raise fail(f"default {g.default!r} of {g.code!r} is not one of its values ({', '.join(sorted(vcodes))})",
                       f"{where}.default")
    if p.variants and not variants_checked and not _variants_clean(p):
        _check_variants(p, fail, text, file, line)


def _variants_clean(p: Product) -> bool:
    """Whether every variant of ``p`` passes :func:`_check_variants`: one quick loop for the usual product, whose
    variants are all good; when not, :func:`_check_variants` says which and why."""
    allowed = {g.code: frozenset(v.code for v in g.values) for g in p.option_groups}
    skus: set[str] = set()
    combos: set[frozenset[tuple[str, str]]] = set()
    for var in p.variants:
        sku, options, price, stock = var.sku, var.options, var.price_cents, var.stock
        if not (type(sku) is str and sku.isascii() and sku.isprintable() and " " not in sku
                and 0 < len(sku) <= MAX_SKU_LENGTH) or sku in skus or sku == p.sku or not options:
            return False
        skus.add(sku)
        for gcode, vcode in options.items():
            if type(gcode) is not str or type(vcode) is not str or vcode not in allowed.get(gcode, ()):
                return False
        if price is not None and (type(price) is not int or not 0 <= price <= MAX_CENTS):
            return False
        if stock is not None and (type(stock) is not int or not 0 <= stock <= MAX_STOCK):
            return False
        if var.shop_sku != "" and not _clean((var.shop_sku,)):
            return False
        combo = frozenset(options.items())
        if combo in combos:
            return False
        combos.add(combo)
    return True


def _check_variants(p: Product, fail: Callable[[str, str], ValidationError], text: Callable[..., None],
                    file: str | None, line: int | None) -> None:
    vskus: set[str] = set()
    for vi, var in enumerate(p.variants):
        where = f"variants[{vi}]"
        check_sku(var.sku, file=file, line=line, field=f"{where}.sku")
        if var.sku in vskus:
            raise fail(f"variant SKU {var.sku!r} appears twice", f"{where}.sku")
        if var.sku == p.sku:
            raise fail("a variant SKU must differ from the product SKU", f"{where}.sku")
        vskus.add(var.sku)
        if not var.options:
            raise fail(f"variant {var.sku!r} names no option values", f"{where}.options")
        for gcode, vcode in var.options.items():
            group = p.group(gcode)
            if group is None:
                raise fail(f"variant {var.sku!r} uses option {gcode!r}, which the product does not have",
                           f"{where}.options")
            if group.value(vcode) is None:
                raise fail(f"variant {var.sku!r}: {gcode} has no value {vcode!r}", f"{where}.options")
        if var.price_cents is not None and (isinstance(var.price_cents, bool) or not isinstance(var.price_cents, int)
                                            or not 0 <= var.price_cents <= MAX_CENTS):
            raise fail(f"variant {var.sku!r} price must be whole cents, zero to {MAX_CENTS:,}", f"{where}.price")
        if var.stock is not None and (isinstance(var.stock, bool) or not isinstance(var.stock, int)
                                      or not 0 <= var.stock <= MAX_STOCK):
            raise fail(f"variant {var.sku!r} stock must be zero to {MAX_STOCK:,}, or unlimited", f"{where}.stock")
        if var.shop_sku != "":  # the empty text passes check_text
            text(var.shop_sku, f"{where}.shop_sku")
        for gcode, vcode in var.options.items():
            if not isinstance(gcode, str) or not isinstance(vcode, str):
                raise fail(f"variant {var.sku!r} options must map texts to texts", f"{where}.options")
    combos = [tuple(sorted(x.options.items())) for x in p.variants]
    if len(set(combos)) != len(combos):
        raise fail("two variants have the same option values", "variants")
