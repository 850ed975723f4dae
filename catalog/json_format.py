"""The project's own catalog JSON format (``catalog/data/*.json``), read and written.

A catalog file is one JSON object::

    {
      "format": "voicecart-catalog",          # optional marker
      "version": 1,                           # optional; only 1 exists
      "currency": "USD",                      # optional, default USD; applies to every product
      "shop": {                               # optional: the shop's own details (all texts, all optional)
        "name": "Ali Baba Kebab House", "phone": "(555) 014-3306",
        "hours": "5pm to 3am every day", "address": "12 Mill Street"
      },
      "option_sets": {                        # optional: option groups shared by many products
        "cup_size": {"code": "size", "name": "size", "default": "medium", "values": [...]}
      },
      "products": [
        {
          "sku": "LATTE",                     # required, unique, no spaces
          "name": "latte",                    # required; what the shopper says
          "price": "4.50",                    # or "price_cents": 450 (integer). Never a float in cents.
          "aliases": ["cafe latte"],          # optional: other names and common mishearings
          "description": "...", "category": "espresso drinks", "brand": "", "tags": ["milk"],
          "active": true,                     # optional, default true
          "stock": null,                      # optional: units on hand, null/absent = unlimited
          "options": [                        # optional: option groups, in the order they are asked
            "cup_size",                       #   a name from option_sets, used as is
            {"use": "milk", "default": "whole"},  # an option set with fields overridden
            {"code": "temp", "name": "temperature", "values": [...]}  # or a group written in full
          ],
          "variants": [                       # optional: sellable combinations with own SKU/price/stock
            {"sku": "TS-RED-M", "options": {"colour": "red", "size": "m"}, "price": "12.00", "stock": 4}
          ]
        }
      ]
    }

An option group: ``code`` (required), ``name`` (default: code), ``values`` (required, non-empty),
``default`` (a value code or null), ``required`` (bool), ``multiple`` (bool: several values at once),
``amounts`` (bool: "a little", "extra", "no" apply), ``aliases`` (list). An option value: ``code``
(required), ``name`` (default: code), ``aliases`` (list), and ``price_delta`` ("0.60", "-0.50") or
``price_delta_cents`` (integer). Variant ``price``/``price_cents`` replaces the product price; option
deltas are added on top. Validation errors name the file, the line of the product and the field.

The ``shop`` block (:func:`shop_from_dict`, read by :func:`load_shop`) names the shop, its phone number, its
opening hours as they are said, and its address: each a one-line text (at most 255 characters) or absent; any
other key in it is ignored, as unknown keys are everywhere in this format; a value that is not text is a
:class:`ValidationError` naming the field (``shop.hours``). A store records it with the catalog (``source``
and ``shop`` of ``Store.import_products``), and the dialogue answers "what time do you close" from it
wherever the ``[shop]`` configuration leaves a field unset. :func:`dumps` writes it back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from catalog.errors import CatalogError, ValidationError
from catalog.models import OptionGroup, OptionValue, Product, ShopDetails, Variant
from catalog.money import parse_price
from catalog.scratch import scratch_db
from catalog.text import Warn, check_json_shape, check_text, decode
from catalog.validate import validate_product

FORMAT_MARKER = "voicecart-catalog"


class _Ctx:
    """Where we are (file, line, field prefix) so errors can say so."""

    def __init__(self, file: str | None, line: int | None, prefix: str):
        self.file, self.line, self.prefix = file, line, prefix

    def error(self, message: str, field: str) -> ValidationError:
        return ValidationError(message, file=self.file, line=self.line, field=f"{self.prefix}{field}")


def _str(obj: Mapping[str, Any], key: str, ctx: _Ctx, *, required: bool = False, default: str = "") -> str:
    value = obj.get(key)
    if value is None:
        if required:
            raise ctx.error("is missing", key)
        return default
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise ctx.error(f"must be text, not {type(value).__name__}", key)
    text = str(value).strip()
    if required and not text:
        raise ctx.error("must not be empty", key)
    return text


def _strs(obj: Mapping[str, Any], key: str, ctx: _Ctx) -> tuple[str, ...]:
    value = obj.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ctx.error("must be a list of texts", key)
    return tuple(v.strip() for v in value if v.strip())


def _bool(obj: Mapping[str, Any], key: str, ctx: _Ctx, default: bool) -> bool:
    value = obj.get(key, default)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise ctx.error("must be true or false", key)
    return value


def _cents(obj: Mapping[str, Any], key: str, ctx: _Ctx, *, required: bool, allow_negative: bool = False) -> int | None:
    """Read ``<key>_cents`` (integer) or ``<key>`` (written price) from ``obj``."""
    cents_key = f"{key}_cents"
    if obj.get(cents_key) is not None:
        value = obj[cents_key]
        if not isinstance(value, int) or isinstance(value, bool):
            raise ctx.error(f"must be a whole number of cents, not {value!r}", cents_key)
        cents: int = value
    elif obj.get(key) is not None:
        raw = obj[key]
        if isinstance(raw, bool) or not isinstance(raw, str | int | float):
            raise ctx.error(f"not a price: {raw!r} (write it like \"4.50\")", key)
        text = format(Decimal(str(raw)), "f") if isinstance(raw, float) else str(raw)
        try:
            cents = parse_price(text)
        except CatalogError:
            raise ctx.error(f"not a price: {raw!r} (write it like \"4.50\")", key) from None
    elif required:
        raise ctx.error("is missing (give price or price_cents)", key)
    else:
        return None
    if cents < 0 and not allow_negative:
        raise ctx.error(f"cannot be negative ({cents} cents)", key)
    return cents


def _stock(obj: Mapping[str, Any], ctx: _Ctx) -> int | None:
    value = obj.get("stock")
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ctx.error(f"must be a whole number or null (unlimited), not {value!r}", "stock")
    if value < 0:
        raise ctx.error(f"cannot be negative ({value})", "stock")
    return value


def group_from_dict(raw: Any, ctx: _Ctx) -> OptionGroup:
    if not isinstance(raw, Mapping):
        raise ctx.error("an option group must be an object", "")
    code = _str(raw, "code", ctx, required=True)
    values_raw = raw.get("values")
    if not isinstance(values_raw, list) or not values_raw:
        raise ctx.error(f"option group {code!r} needs a non-empty list of values", "values")
    values: list[OptionValue] = []
    for i, v in enumerate(values_raw):
        vctx = _Ctx(ctx.file, ctx.line, f"{ctx.prefix}values[{i}].")
        if isinstance(v, str):
            v = {"code": v}
        if not isinstance(v, Mapping):
            raise vctx.error("an option value must be an object or a text", "")
        vcode = _str(v, "code", vctx, required=True)
        delta = _cents(v, "price_delta", vctx, required=False, allow_negative=True) or 0
        values.append(OptionValue(vcode, _str(v, "name", vctx, default=vcode), _strs(v, "aliases", vctx), delta))
    default = raw.get("default")
    if default is not None and not isinstance(default, str):
        raise ctx.error("must be a value code or null", "default")
    return OptionGroup(
        code=code,
        name=_str(raw, "name", ctx, default=code),
        values=tuple(values),
        default=default,
        required=_bool(raw, "required", ctx, False),
        multiple=_bool(raw, "multiple", ctx, False),
        amounts=_bool(raw, "amounts", ctx, False),
        aliases=_strs(raw, "aliases", ctx),
    )


def product_from_dict(
    raw: Any,
    *,
    file: str | None = None,
    line: int | None = None,
    option_sets: Mapping[str, Mapping[str, Any]] | None = None,
    currency: str = "USD",
) -> Product:
    """Build and validate one product; errors are :class:`ValidationError` naming file/line/field."""
    ctx = _Ctx(file, line, "")
    if not isinstance(raw, Mapping):
        raise ctx.error("a product must be a JSON object", "")
    sku = _str(raw, "sku", ctx, required=True)
    sets = option_sets or {}
    groups: list[OptionGroup] = []
    opts = raw.get("options", raw.get("option_groups")) or []
    if not isinstance(opts, list):
        raise ctx.error("must be a list of option groups", "options")
    for i, entry in enumerate(opts):
        gctx = _Ctx(file, line, f"options[{i}].")
        if isinstance(entry, str) or (isinstance(entry, Mapping) and "use" in entry):
            name = entry if isinstance(entry, str) else str(entry["use"])
            if name not in sets:
                raise gctx.error(f"no option set called {name!r} (known: {', '.join(sorted(sets)) or 'none'})", "use")
            merged = dict(sets[name])
            if isinstance(entry, Mapping):
                merged.update({k: v for k, v in entry.items() if k != "use"})
            groups.append(group_from_dict(merged, gctx))
        else:
            groups.append(group_from_dict(entry, gctx))
    variants: list[Variant] = []
    vraw = raw.get("variants") or []
    if not isinstance(vraw, list):
        raise ctx.error("must be a list of variants", "variants")
    for i, v in enumerate(vraw):
        vctx = _Ctx(file, line, f"variants[{i}].")
        if not isinstance(v, Mapping):
            raise vctx.error("a variant must be an object", "")
        vopts = v.get("options") or {}
        if not isinstance(vopts, Mapping) or not all(isinstance(x, str) for x in vopts.values()):
            raise vctx.error("must map option group codes to value codes", "options")
        variants.append(Variant(_str(v, "sku", vctx, required=True), dict(vopts),
                                _cents(v, "price", vctx, required=False), _stock(v, vctx),
                                _str(v, "shop_sku", vctx)))
    price = _cents(raw, "price", ctx, required=True)
    assert price is not None
    product = Product(
        sku=sku,
        name=_str(raw, "name", ctx, required=True),
        price_cents=price,
        currency=_str(raw, "currency", ctx, default=currency).upper(),
        aliases=_strs(raw, "aliases", ctx),
        description=_str(raw, "description", ctx),
        category=_str(raw, "category", ctx),
        brand=_str(raw, "brand", ctx),
        tags=_strs(raw, "tags", ctx),
        active=_bool(raw, "active", ctx, True),
        option_groups=tuple(groups),
        variants=tuple(variants),
        stock=_stock(raw, ctx),
        shop_sku=_str(raw, "shop_sku", ctx),
    )
    validate_product(product, file=file, line=line)
    return product


def shop_from_dict(raw: Any, *, file: str | None = None, line: int | None = None) -> ShopDetails | None:
    """The document's ``shop`` block (None when absent or null): ``name``, ``phone``, ``hours``, ``address``,
    each a one-line text or absent/null; other keys are ignored. Errors are :class:`ValidationError` naming
    the field (``shop.phone``)."""
    if raw is None:
        return None
    ctx = _Ctx(file, line, "shop.")
    if not isinstance(raw, Mapping):
        raise ValidationError(f"must be an object of texts (name, phone, hours, address), not "
                              f"{type(raw).__name__}", file=file, line=line, field="shop")
    fields: dict[str, str] = {}
    for key in ShopDetails.FIELDS:
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ctx.error(f"must be text, not {type(value).__name__}", key)
        try:
            check_text(value, field=f"shop.{key}", file=file, line=line, limit=255)
        except ValidationError as exc:
            raise ctx.error(exc.message, key) from None
        fields[key] = " ".join(value.split())
    return ShopDetails(**fields)


def _doc_shop(doc: Mapping[str, Any], text: str | None, file: str | None) -> ShopDetails | None:
    """The ``shop`` block of a parsed document; an error names the line of the block when ``text`` is given."""
    try:
        return shop_from_dict(doc.get("shop"), file=file)
    except ValidationError as exc:
        line = None
        if text is not None:
            at = text.find('"shop"')
            if at >= 0:
                key = (exc.field or "").removeprefix("shop.")
                found = text.find(f'"{key}"', at) if key and key != "shop" else -1
                line = text.count("\n", 0, found if found >= 0 else at) + 1
        raise ValidationError(exc.message, file=file, line=line, field=exc.field) from None


def shop_to_json(shop: ShopDetails) -> str:
    """The shop block as a store keeps it (its ``meta`` table): :func:`shop_from_json` reads it back."""
    return json.dumps(shop.as_dict(), ensure_ascii=False)


def shop_from_json(text: str) -> ShopDetails | None:
    """What :func:`shop_to_json` wrote (checked when it was imported, so not again)."""
    data = json.loads(text)
    return ShopDetails(**{k: str(v) for k, v in data.items() if k in ShopDetails.FIELDS}) or None


def group_to_dict(g: OptionGroup) -> dict[str, Any]:
    return {
        "code": g.code, "name": g.name, "default": g.default, "required": g.required,
        "multiple": g.multiple, "amounts": g.amounts, "aliases": list(g.aliases),
        "values": [{"code": v.code, "name": v.name, "aliases": list(v.aliases),
                    "price_delta_cents": v.price_delta_cents} for v in g.values],
    }


def product_to_dict(p: Product, *, stock: bool = True, variants: bool = True) -> dict[str, Any]:
    """The canonical (fully expanded, cents) form; ``product_from_dict`` reads it back unchanged.
    ``stock=False`` / ``variants=False``: written as none (a store keeps them in their own columns)."""
    out: dict[str, Any] = {
        "sku": p.sku, "name": p.name, "price_cents": p.price_cents, "currency": p.currency,
        "aliases": list(p.aliases), "description": p.description, "category": p.category, "brand": p.brand,
        "tags": list(p.tags), "active": p.active, "stock": p.stock if stock else None,
        "options": [group_to_dict(g) for g in p.option_groups],
        "variants": [{"sku": v.sku, "options": dict(v.options), "price_cents": v.price_cents, "stock": v.stock,
                      **({"shop_sku": v.shop_sku} if v.shop_sku else {})}
                     for v in p.variants] if variants else [],
    }
    if p.shop_sku:
        out["shop_sku"] = p.shop_sku
    return out


def _product_spans(text: str, count: int) -> list[tuple[int, int] | None]:
    """Text span of each element of the top-level ``products`` array (best effort)."""
    decoder = json.JSONDecoder()
    key = text.find('"products"')
    start = text.find("[", key) if key >= 0 else -1
    if start < 0:
        return [None] * count
    spans: list[tuple[int, int] | None] = []
    pos = start + 1
    try:
        while len(spans) < count:
            while pos < len(text) and text[pos] in " \t\r\n,":
                pos += 1
            _, end = decoder.raw_decode(text, pos)
            spans.append((pos, end))
            pos = end
    except ValueError:
        return [None] * count
    return spans


def _field_line(text: str, span: tuple[int, int] | None, field: str | None) -> int | None:
    """Line of ``field`` (a path like ``options[0].default``) inside a product's span, else the product's."""
    if span is None:
        return None
    pos = span[0]
    for part in re.findall(r"[A-Za-z_]+", field or ""):
        found = text.find(f'"{part}"', pos, span[1])
        if found < 0:
            break
        pos = found
    return text.count("\n", 0, pos) + 1


def loads(
    text: str,
    *,
    file: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Product]:
    """Parse a catalog document; raises :class:`ValidationError` on the first problem."""
    text = text.lstrip("\ufeff")
    doc = _json_document(text, file)
    if isinstance(doc, list):
        doc = {"products": doc}
    if not isinstance(doc, Mapping):
        raise ValidationError("a catalog must be a JSON object with a \"products\" list", file=file, line=1)
    if doc.get("format", FORMAT_MARKER) != FORMAT_MARKER:
        raise ValidationError(f"unknown format {doc.get('format')!r}", file=file, field="format")
    if doc.get("version", 1) != 1:
        raise ValidationError(f"unsupported version {doc.get('version')!r} (this reads version 1)",
                              file=file, field="version")
    raw_products = doc.get("products")
    if not isinstance(raw_products, list):
        raise ValidationError("must be a list of products", file=file, field="products")
    sets = doc.get("option_sets") or {}
    if not isinstance(sets, Mapping) or not all(isinstance(v, Mapping) for v in sets.values()):
        raise ValidationError("must map names to option groups", file=file, field="option_sets")
    _doc_shop(doc, text, file)  # checked with the rest; read by load_shop
    currency = str(doc.get("currency") or "USD").upper()
    seen: dict[str, int] = {}
    products: list[Product] = []
    total = len(raw_products)

    def where(i: int, field: str | None) -> int | None:  # computed only when reporting an error
        spans = _product_spans(text, i + 1)
        return _field_line(text, spans[i] if i < len(spans) else None, field)

    for i, raw in enumerate(raw_products):
        try:
            product = product_from_dict(raw, file=file, option_sets=sets, currency=currency)
        except ValidationError as exc:
            raise ValidationError(exc.message, file=file, line=where(i, exc.field), field=exc.field) from None
        if product.sku in seen:
            first = where(seen[product.sku], "sku")
            raise ValidationError(f"duplicate SKU {product.sku!r}" + (f" (first on line {first})" if first else ""),
                                  file=file, line=where(i, "sku"), field="sku")
        seen[product.sku] = i
        products.append(product)
        if progress is not None and (i + 1) % 1000 == 0:
            progress(i + 1, total)
    if progress is not None:
        progress(total, total)
    return products


def load(path: str | Path, *, progress: Callable[[int, int], None] | None = None,
         warn: Warn | None = None) -> list[Product]:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ValidationError(f"cannot read the file: {exc.strerror or exc}", file=str(p)) from None
    return loads(decode(raw, file=str(p), warn=warn), file=str(p), progress=progress)


def dumps(products: Sequence[Product], *, currency: str = "USD", shop: ShopDetails | None = None) -> str:
    """A catalog document; ``shop`` (when it has any field set) is written as the ``shop`` block."""
    doc: dict[str, Any] = {"format": FORMAT_MARKER, "version": 1, "currency": currency}
    if shop:
        doc["shop"] = shop.as_dict()
    doc["products"] = [product_to_dict(p) for p in products]
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def loads_shop(text: str, *, file: str | None = None) -> ShopDetails | None:
    """The ``shop`` block of a catalog document (None when it has none or is a bare list of products)."""
    text = text.lstrip("\ufeff")
    doc = _json_document(text, file)
    return _doc_shop(doc, text, file) if isinstance(doc, Mapping) else None


def _json_document(text: str, file: str | None) -> Any:
    """The parsed JSON of a catalog document, its shape checked first; :class:`ValidationError` when it is none."""
    check_json_shape(text, file=file or "(catalog)")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"not valid JSON: {exc.msg}", file=file, line=exc.lineno) from None
    except (RecursionError, ValueError) as exc:  # the shape check should have caught these
        raise ValidationError(f"not a usable JSON file: {str(exc)[:200]}", file=file) from None


def product_from_canonical(d: Mapping[str, Any]) -> Product:
    """Rebuild a product from :func:`product_to_dict` output without re-validating (store reads)."""
    return Product(
        sku=d["sku"], name=d["name"], price_cents=d["price_cents"], currency=d["currency"],
        aliases=tuple(d["aliases"]), description=d["description"], category=d["category"], brand=d["brand"],
        tags=tuple(d["tags"]), active=d["active"], stock=d["stock"],
        option_groups=tuple(group_from_canonical(g) for g in d["options"]),
        variants=tuple(Variant(v["sku"], dict(v["options"]), v["price_cents"], v["stock"], v.get("shop_sku", ""))
                       for v in d["variants"]),
        shop_sku=d.get("shop_sku", ""),
    )


def group_from_canonical(g: Mapping[str, Any]) -> OptionGroup:
    """Rebuild an option group from :func:`group_to_dict` output without re-validating (store reads)."""
    return OptionGroup(g["code"], g["name"],
                       tuple(OptionValue(v["code"], v["name"], tuple(v["aliases"]), v["price_delta_cents"])
                             for v in g["values"]),
                       g["default"], g["required"], g["multiple"], g["amounts"], tuple(g["aliases"]))


# --- streaming: a large file read one product at a time ------------------------------------------------
STREAM_FROM_BYTES = 4 << 20  # smaller files are read whole (:func:`load`)
_CHUNK = 1 << 20
_MAX_VALUE = 8 << 20  # a value still unfinished after this many characters is broken, not cut by the window
_WS = " \t\r\n"


class _Reader:
    """A JSON document read from a clean UTF-8 file through a sliding window: values are decoded one at a
    time (``raw_decode``), the text before the window is dropped, the line of every position is known."""

    def __init__(self, path: Path):
        self.file = str(path)
        self._fh = path.open(encoding="utf-8-sig", newline="")
        self.buf = ""
        self.pos = 0
        self.line0 = 1  # line of buf[0]
        self._counted = (0, 0)  # newlines in buf[:n] for n = the first: lines are counted once, forward
        self.eof = False
        self._decoder = json.JSONDecoder()

    def close(self) -> None:
        self._fh.close()

    def _more(self, at_least: int = _CHUNK) -> bool:
        if self.eof:
            return False
        if self.pos > _CHUNK:  # drop what has been read
            self.line0 = self.line(self.pos)
            self.buf, self.pos, self._counted = self.buf[self.pos:], 0, (0, 0)
        chunk = self._fh.read(max(at_least, _CHUNK))
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def line(self, pos: int | None = None) -> int:
        at = self.pos if pos is None else pos
        done, lines = self._counted
        if at < done:
            return self.line0 + self.buf.count("\n", 0, at)
        lines += self.buf.count("\n", done, at)
        self._counted = (at, lines)
        return self.line0 + lines

    def peek(self) -> str:
        """The next character that is not white space ('' at the end)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WS:
                self.pos += 1
            if self.pos < len(self.buf) or not self._more():
                return self.buf[self.pos:self.pos + 1]

    def expect(self, chars: str) -> str:
        c = self.peek()
        if not c or c not in chars:
            raise ValidationError(f"not valid JSON: expected {' or '.join(repr(x) for x in chars)}"
                                  f"{', found ' + repr(c) if c else ' before the end of the file'}",
                                  file=self.file, line=self.line())
        self.pos += 1
        return c

    def value(self, depth: int) -> tuple[Any, str, int]:
        """The next value, its text and its first line; checked like :func:`loads` checks a whole file."""
        self.peek()
        while True:
            try:
                obj, end = self._decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if not self.eof and len(self.buf) - self.pos < _MAX_VALUE:
                    self._more()  # the value may go on past the window: read more
                    continue
                check_json_shape(self.buf[self.pos:], file=self.file, depth=depth, first_line=self.line())
                raise ValidationError(f"not valid JSON: {exc.msg}", file=self.file, line=self.line(exc.pos)) from None
            except (RecursionError, ValueError) as exc:
                check_json_shape(self.buf[self.pos:], file=self.file, depth=depth, first_line=self.line())
                raise ValidationError(f"not a usable JSON file: {str(exc)[:200]}", file=self.file,
                                      line=self.line()) from None
            if end >= len(self.buf) and self._more():
                continue  # a number (or true, null) may go on in the next chunk
            text, line = self.buf[self.pos:end], self.line()
            check_json_shape(text, file=self.file, depth=depth, first_line=line)
            self.pos = end
            return obj, text, line


def _walk(reader: _Reader, on_value: Callable[[str, Any], None]) -> Iterator[tuple[Any, str, int]]:
    """The elements of the document's products list (the document itself when it is a list), each with its
    text and first line; every other top-level value goes to ``on_value(key, value)``."""
    c = reader.peek()
    if c == "[":
        yield from _elements(reader, depth=1)
    elif c == "{":
        reader.expect("{")
        if reader.peek() == "}":
            reader.pos += 1
        else:
            while True:
                key, _, _ = reader.value(depth=1)
                reader.expect(":")
                if key == "products" and reader.peek() == "[":
                    on_value("products", [])  # the list itself is never held
                    yield from _elements(reader, depth=2)
                else:
                    value, _, _ = reader.value(depth=1)
                    on_value(str(key), value)
                if reader.expect(",}") == "}":
                    break
    else:
        raise ValidationError("a catalog must be a JSON object with a \"products\" list", file=reader.file, line=1)
    if reader.peek():
        raise ValidationError("not valid JSON: extra data after the document", file=reader.file, line=reader.line())


def _elements(reader: _Reader, depth: int) -> Iterator[tuple[Any, str, int]]:
    reader.expect("[")
    if reader.peek() == "]":
        reader.pos += 1
        return
    while True:
        yield reader.value(depth)
        if reader.expect(",]") == "]":
            return


def _scan_header(path: Path) -> tuple[dict[str, Any], int]:
    """First pass: the top-level values (``products``: an empty list when it is one, it is never held) and
    how many products there are."""
    header: dict[str, Any] = {}
    count = 0
    reader = _Reader(path)
    try:
        if reader.peek() == "[":
            header["products"] = []
        for _ in _walk(reader, header.__setitem__):
            count += 1
    finally:
        reader.close()
    return header, count


def iter_load(path: str | Path, *, progress: Callable[[int, int], None] | None = None, warn: Warn | None = None,
              stream_from: int = STREAM_FROM_BYTES) -> Iterator[Product]:
    """:func:`load`, one product at a time for a large clean UTF-8 file (``stream_from`` bytes or more):
    a first pass reads the document's other values (currency, option sets) and counts the products, a second
    builds and validates each product as it is read; SKUs are noted on a temporary SQLite file to name a
    duplicate. Errors are those of :func:`load` with the same file, line and field. Other files are read
    whole."""
    p = Path(path)
    from catalog.importers.csvutil import _scan_utf8  # a clean UTF-8 file, counted in chunks

    try:
        big = p.stat().st_size >= stream_from and _scan_utf8(p) is not None
    except OSError as exc:
        raise ValidationError(f"cannot read the file: {exc.strerror or exc}", file=str(p)) from None
    if not big:
        yield from load(p, progress=progress, warn=warn)
        return

    file = str(p)
    header, total = _scan_header(p)
    if header.get("format", FORMAT_MARKER) != FORMAT_MARKER:
        raise ValidationError(f"unknown format {header.get('format')!r}", file=file, field="format")
    if header.get("version", 1) != 1:
        raise ValidationError(f"unsupported version {header.get('version')!r} (this reads version 1)",
                              file=file, field="version")
    if not isinstance(header.get("products"), list):
        raise ValidationError("must be a list of products", file=file, field="products")
    sets = header.get("option_sets") or {}
    if not isinstance(sets, Mapping) or not all(isinstance(v, Mapping) for v in sets.values()):
        raise ValidationError("must map names to option groups", file=file, field="option_sets")
    _doc_shop(header, None, file)
    currency = str(header.get("currency") or "USD").upper()
    seen = scratch_db("CREATE TABLE skus(sku TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID", "BEGIN")
    reader = _Reader(p)
    try:
        for i, (raw, text, line) in enumerate(_walk(reader, lambda _k, _v: None)):
            def where(field: str | None, text: str = text, line: int = line) -> int:
                found = _field_line(text, (0, len(text)), field)
                return line + (found or 1) - 1

            try:
                product = product_from_dict(raw, file=file, option_sets=sets, currency=currency)
            except ValidationError as exc:
                raise ValidationError(exc.message, file=file, line=where(exc.field), field=exc.field) from None
            first = seen.execute("INSERT INTO skus(sku, line) VALUES (?, ?) ON CONFLICT(sku) DO UPDATE SET"
                                 " line = line RETURNING line", (product.sku, where("sku"))).fetchone()[0]
            if first != where("sku"):
                raise ValidationError(f"duplicate SKU {product.sku!r} (first on line {first})", file=file,
                                      line=where("sku"), field="sku")
            yield product
            if progress is not None and (i + 1) % 1000 == 0:
                progress(i + 1, total)
        if progress is not None:
            progress(total, total)
    finally:
        reader.close()
        seen.close()


def load_shop(path: str | Path, *, stream_from: int = STREAM_FROM_BYTES) -> ShopDetails | None:
    """The ``shop`` block of a catalog file (None when it has none). A file of ``stream_from`` bytes or more
    is walked as :func:`iter_load` walks it, never held whole."""
    p = Path(path)
    from catalog.importers.csvutil import _scan_utf8  # a clean UTF-8 file, counted in chunks

    try:
        big = p.stat().st_size >= stream_from and _scan_utf8(p) is not None
        if not big:
            return loads_shop(decode(p.read_bytes(), file=str(p)), file=str(p))
    except OSError as exc:
        raise ValidationError(f"cannot read the file: {exc.strerror or exc}", file=str(p)) from None
    header, _ = _scan_header(p)
    return _doc_shop(header, None, str(p))
