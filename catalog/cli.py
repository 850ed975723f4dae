"""Subcommands of this layer for the ``voicecart`` CLI (registered by ``voice.cli``).

    voicecart catalog import FILE [--format json|csv|shopify|woocommerce] [--replace]
    voicecart catalog search QUERY [--max-price X] [--min-price X] [--category C] [--in-stock]
                                   [--option GROUP=VALUE ...] [--json] [--limit N] [--catalog NAME]
    voicecart catalog show SKU [--json] [--catalog NAME]
    voicecart orders list [--status S] [--limit N] [--json]
    voicecart orders show NUMBER [--json]
    voicecart orders cancel NUMBER [--note TEXT]
    voicecart orders status NUMBER STATUS [--note TEXT]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from catalog.errors import CatalogError, ValidationError
from catalog.models import Order, OrderStatus, Product
from catalog.money import format_price, parse_price
from catalog.store import Store


class _Ctx(Protocol):
    config: Any
    tax_rate_bp: int

    def open_store(self, catalog: str | None = None) -> Store: ...


Handler = Callable[[argparse.Namespace, _Ctx], int]


def _guard(fn: Handler) -> Handler:
    """Turn catalog errors into one clear line on stderr: exit 2 for bad input (a file or value that
    cannot be accepted), 1 for anything else the catalog refuses. A closed stdout (``| head``) ends quietly."""

    def run(args: argparse.Namespace, ctx: _Ctx) -> int:
        try:
            code = fn(args, ctx)
            sys.stdout.flush()  # inside the guard: a reader that went away is noticed here, not at exit
            return code
        except ValidationError as exc:
            print(f"voicecart: {exc}", file=sys.stderr)
            return 2
        except CatalogError as exc:
            print(f"voicecart: {exc}", file=sys.stderr)
            return 1
        except BrokenPipeError:
            _quiet_stdout()
            return 0

    return run


def _quiet_stdout() -> None:
    """After the reader of stdout went away: point stdout at /dev/null so the exit flush cannot fail."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass


def _price_arg(text: str) -> int:
    try:
        return parse_price(text)
    except CatalogError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def product_json(p: Product, stock: int | None = None, score: float | None = None) -> dict[str, Any]:
    from catalog.json_format import product_to_dict

    out = product_to_dict(p)
    out["price"] = format_price(p.price_cents, p.currency)
    if score is not None:
        out = {"score": score, **out}
    return out


def order_json(o: Order) -> dict[str, Any]:
    return {
        "number": o.number, "status": o.status.value, "customer": o.customer, "created_at": o.created_at,
        "currency": o.currency, "subtotal_cents": o.subtotal_cents, "tax_cents": o.tax_cents,
        "total_cents": o.total_cents, "total": format_price(o.total_cents, o.currency),
        "idempotency_key": o.idempotency_key, "metadata": dict(o.metadata),
        "lines": [{"sku": x.sku, "variant_sku": x.variant_sku, "name": x.name, "quantity": x.quantity,
                   "unit_price_cents": x.unit_price_cents,
                   "options": [{"group": s.group, "value": s.value, "amount": s.amount, "qualifier": s.qualifier}
                               for s in x.options]} for x in o.lines],
        "history": [{"status": h.status.value, "at": h.at, "note": h.note} for h in o.history],
    }


# --- catalog ----------------------------------------------------------------------------------
@_guard
def _import(args: argparse.Namespace, ctx: _Ctx) -> int:
    """Check the file, then write it in one transaction (a bad file changes nothing and creates no
    database). A generic CSV file is streamed: its first pass checks every cell and SKU before the database
    is opened, the second builds and writes the products in batches; an error there rolls everything back
    (and removes a database this import created). A bundled catalog's name (``cafe``, ``store``) is
    accepted in place of a file."""
    from catalog.bundled import BUNDLED, bundled_path, catalog_id, open_database
    from catalog.importers import file_shop, iter_file

    path = Path(args.file)
    if not path.exists() and args.file in BUNDLED:
        path = bundled_path(args.file)
    if not path.is_file():
        raise ValidationError("no such file" if not path.exists() else "not a file", file=str(path))
    warnings: list[str] = []
    cfg = ctx.config
    shop = file_shop(path, format=args.format)  # the shop's details, recorded with the catalog
    products = iter_file(path, format=args.format, progress=_progress, warn=warnings.append, currency=cfg.currency)
    streamed = isinstance(products, Iterator)
    if isinstance(products, Iterator):  # run the checking pass now, before any database is touched
        first = next(products, None)
        products = itertools.chain([] if first is None else [first], products)
    location = str(cfg.store_location)
    new_file = None if location.startswith(("postgresql://", "postgres://")) or Path(location).exists() \
        else Path(location)
    try:
        with open_database(cfg.store_location, currency=cfg.currency, tax_rate_bp=ctx.tax_rate_bp) as store:
            fresh = store.count_products() == 0  # a fresh database: the file becomes its catalog
            count = store.import_products(products, replace=args.replace, progress=None if streamed else _progress,
                                          source=catalog_id(args.file if args.file in BUNDLED else str(path)),
                                          shop=shop)
    except BaseException:
        if new_file is not None:  # nothing was written: leave no empty database behind
            for extra in ("", "-wal", "-shm", "-journal"):
                Path(f"{new_file}{extra}").unlink(missing_ok=True)
        raise
    _print_warnings(warnings)
    print(f"\rimported {count} products from {path}" + (" (replacing the catalog)" if args.replace else "")
          + (" into a new database" if fresh and not args.replace else ""))
    return 0


def _print_warnings(warnings: list[str], limit: int = 20) -> None:
    for w in warnings[:limit]:
        print(f"voicecart: warning: {w}", file=sys.stderr)
    if len(warnings) > limit:
        print(f"voicecart: ... and {len(warnings) - limit} more warnings", file=sys.stderr)


def _progress(done: int, total: int) -> None:
    if total >= 5000 and sys.stderr.isatty():
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)


@_guard
def _search(args: argparse.Namespace, ctx: _Ctx) -> int:
    store = ctx.open_store(args.catalog)
    options: dict[str, str] = {}
    for item in args.option or []:
        group, sep, value = item.partition("=")
        if not sep or not group.strip() or not value.strip():
            raise CatalogError(f"--option wants GROUP=VALUE, like colour=red or size=large, not {item!r}")
        options[group.strip()] = value.strip()
    hits = store.search(args.query, limit=args.limit, category=args.category, min_price_cents=args.min_price,
                        max_price_cents=args.max_price, in_stock=True if args.in_stock else None,
                        options=options or None)
    if args.json:
        print(json.dumps([product_json(h.product, score=h.score) for h in hits], indent=1, ensure_ascii=False))
        return 0
    if not hits:
        print(f"nothing matches {args.query!r}")
        return 0
    for h in hits:
        stock = store.stock(h.product.sku)
        left = "" if stock is None else f"  ({stock} left)" if stock else "  (sold out)"
        print(f"{h.score:5.3f}  {h.product.sku:<18} {h.product.name:<32} "
              f"{format_price(h.product.price_cents, h.product.currency):>9}  {h.product.category}{left}")
    return 0


@_guard
def _show(args: argparse.Namespace, ctx: _Ctx) -> int:
    store = ctx.open_store(args.catalog)
    p = store.get_product(args.sku)
    if p is None:
        from catalog.errors import UnknownProduct

        raise UnknownProduct(args.sku)
    if args.json:
        print(json.dumps(product_json(p), indent=1, ensure_ascii=False))
        return 0
    stock = store.stock(p.sku)
    print(f"{p.name}  [{p.sku}]  {format_price(p.price_cents, p.currency)}" + ("" if p.active else "  (not for sale)"))
    for label, value in (("shop SKU", p.shop_sku), ("category", p.category), ("brand", p.brand),
                         ("aliases", ", ".join(p.aliases)),
                         ("tags", ", ".join(p.tags)), ("about", p.description),
                         ("stock", "unlimited" if stock is None else str(stock))):
        if value:
            print(f"  {label:<9} {value}")
    for g in p.option_groups:
        flags = [f for f, on in (("required", g.required and g.default is None), ("several", g.multiple),
                                 ("amounts", g.amounts)) if on]
        values = ", ".join(
            v.name + (f" {'+' if v.price_delta_cents > 0 else '-'}{format_price(abs(v.price_delta_cents), p.currency)}"
                      if v.price_delta_cents else "") + (" (default)" if v.code == g.default else "")
            for v in g.values)
        print(f"  option   {g.name}{' [' + ', '.join(flags) + ']' if flags else ''}: {values}")
    for v in p.variants:
        opts = ", ".join(f"{k}={val}" for k, val in v.options.items())
        price = format_price(v.price_cents if v.price_cents is not None else p.price_cents, p.currency)
        print(f"  variant  {v.sku:<18} {opts:<30} {price:>9}  stock {'unlimited' if v.stock is None else v.stock}"
              + (f"  (shop SKU {v.shop_sku})" if v.shop_sku else ""))
    return 0


# --- orders -----------------------------------------------------------------------------------
def _print_order(o: Order) -> None:
    print(f"order {o.number}  {o.status.value}  {o.customer}  {o.created_at}  "
          f"total {format_price(o.total_cents, o.currency)}")
    for x in o.lines:
        opts = ", ".join((f"{s.qualifier or s.amount} " if s.amount != "regular" else "") + f"{s.group}:{s.value}"
                         for s in x.options)
        print(f"  {x.quantity} x {x.name} @ {format_price(x.unit_price_cents, o.currency)}" + (f"  ({opts})" if opts else ""))
    for h in o.history:
        print(f"  {h.at}  {h.status.value}" + (f"  {h.note}" if h.note else ""))


def _status(text: str | None) -> OrderStatus | None:
    if text is None:
        return None
    try:
        return OrderStatus(text.lower())
    except ValueError:
        raise CatalogError(f"unknown status {text!r}; use one of {', '.join(s.value for s in OrderStatus)}") from None


@_guard
def _orders_list(args: argparse.Namespace, ctx: _Ctx) -> int:
    orders = ctx.open_store().orders(status=_status(args.status), limit=args.limit)
    if args.json:
        print(json.dumps([order_json(o) for o in orders], indent=1, ensure_ascii=False))
        return 0
    if not orders:
        print("no orders" + (f" with status {args.status}" if args.status else ""))
    for o in orders:
        items = sum(x.quantity for x in o.lines)
        print(f"{o.number}  {o.status.value:<10} {o.created_at}  {items:>3} item{'s' if items != 1 else ' '}  "
              f"{format_price(o.total_cents, o.currency):>9}  {o.customer}")
    return 0


def _get_order(store: Store, number: str) -> Order:
    order = store.get_order(number)
    if order is None:
        from catalog.errors import UnknownOrder

        raise UnknownOrder(number)
    return order


@_guard
def _orders_show(args: argparse.Namespace, ctx: _Ctx) -> int:
    order = _get_order(ctx.open_store(), args.number)
    if args.json:
        print(json.dumps(order_json(order), indent=1, ensure_ascii=False))
    else:
        _print_order(order)
    return 0


@_guard
def _orders_cancel(args: argparse.Namespace, ctx: _Ctx) -> int:
    order = ctx.open_store().cancel_order(args.number, note=args.note)
    print(f"order {order.number} cancelled; stock put back")
    return 0


@_guard
def _orders_status(args: argparse.Namespace, ctx: _Ctx) -> int:
    status = _status(args.status)
    assert status is not None
    order = ctx.open_store().set_status(args.number, status, note=args.note)
    print(f"order {order.number} is now {order.status.value}")
    return 0


def register(sub: Any) -> None:
    """Add ``catalog`` and ``orders`` subcommands to ``sub`` (an argparse subparsers action)."""
    cat = sub.add_parser("catalog", help="import, search and show products").add_subparsers(dest="catalog_command",
                                                                                           metavar="ACTION")
    p = cat.add_parser("import", help="import a catalog file (all or nothing)")
    p.add_argument("file")
    p.add_argument("--format", choices=("json", "csv", "shopify", "woocommerce"),
                   help="default: from the file name and header")
    p.add_argument("--replace", action="store_true", help="remove products that are not in the file")
    p.set_defaults(handler=_import)
    p = cat.add_parser("search", help="search products the way the assistant does")
    p.add_argument("query")
    p.add_argument("--max-price", type=_price_arg, metavar="PRICE")
    p.add_argument("--min-price", type=_price_arg, metavar="PRICE")
    p.add_argument("--category")
    p.add_argument("--in-stock", action="store_true")
    p.add_argument("--option", action="append", metavar="GROUP=VALUE", help="e.g. colour=red (repeatable)")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true")
    p.add_argument("--catalog", help="the catalog expected in the database (an error if it holds another)")
    p.set_defaults(handler=_search)
    p = cat.add_parser("show", help="show one product with its options, variants and stock")
    p.add_argument("sku")
    p.add_argument("--json", action="store_true")
    p.add_argument("--catalog", help="the catalog expected in the database (an error if it holds another)")
    p.set_defaults(handler=_show)

    orders = sub.add_parser("orders", help="list, show, cancel and advance orders").add_subparsers(
        dest="orders_command", metavar="ACTION")
    p = orders.add_parser("list", help="recent orders, newest first")
    p.add_argument("--status", choices=[s.value for s in OrderStatus])
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_orders_list)
    p = orders.add_parser("show", help="one order with its lines and history")
    p.add_argument("number")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_orders_show)
    p = orders.add_parser("cancel", help="cancel a placed or preparing order")
    p.add_argument("number")
    p.add_argument("--note", default="cancelled by staff")
    p.set_defaults(handler=_orders_cancel)
    p = orders.add_parser("status", help="move an order on: preparing, ready, fulfilled")
    p.add_argument("number")
    p.add_argument("status", choices=[s.value for s in OrderStatus if s is not OrderStatus.PLACED])
    p.add_argument("--note", default="")
    p.set_defaults(handler=_orders_status)
