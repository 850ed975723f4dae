"""The store interface: what callers (dialogue, CLI, benchmarks) may ask of a catalog backend.

Two backends implement it: :class:`catalog.sqlite_store.SQLiteStore` (embedded, the default) and
:class:`catalog.pg_store.PostgresStore` (``database = "postgresql://..."``); callers never ask which.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Protocol, TypeVar, runtime_checkable

from catalog.cart import Cart
from catalog.models import OptionGroup, Order, OrderStatus, Product, SearchHit, ShopDetails, Term

T = TypeVar("T")


@runtime_checkable
class ReadElsewhere(Protocol):
    """Products an importer reads in another process (:mod:`catalog.importers.pipeline`): an iterator of
    products that can instead hand out ``fn(product)`` for each, computed in that process, so that a store
    can have its per-product work done on the other core (``fn``: a module-level function, which that process
    imports by name), or ``fn(products, first)`` for each batch of them. One of these, once."""

    def __next__(self) -> Product:
        ...

    def __iter__(self) -> Iterator[Product]:
        ...

    def mapped(self, fn: Callable[[Product], T]) -> Iterator[T]:
        ...

    def batched(self, fn: Callable[[list[Product], int], T], size: int = ...) -> Iterator[T]:
        """``fn(products, first)`` for each batch of ``size``, in order (``first``: the place of its first product,
        from 1)."""
        ...


class Store(Protocol):
    currency: str
    tax_rate_bp: int  # basis points, 825 = 8.25 %

    # --- products -------------------------------------------------------------------------------
    def upsert_products(self, products: Iterable[Product], *, replace: bool = False) -> int:
        """Insert or update products in one transaction (all or nothing); returns how many.

        ``replace=True`` removes every product not in ``products``.
        """
        ...

    def import_products(self, products: Iterable[Product], *, replace: bool = False,
                        progress: Callable[[int, int], None] | None = None, source: str | None = None,
                        shop: ShopDetails | None = None) -> int:
        """Like :meth:`upsert_products` for products an importer has already validated, reporting
        ``progress(done, total)`` per batch; one transaction, all or nothing. ``products`` may be a streaming
        importer's generator: it is consumed once, in batches, and an error it raises leaves nothing written. ``source`` (a bundled
        catalog's name or a file's path) is recorded as the catalog the database holds when the import
        replaces the catalog or fills an empty store; ``shop`` (the catalog file's ``shop`` block) is recorded
        with it, and a catalog without one clears the one recorded before."""
        ...

    def catalog_source(self) -> str | None:
        """The catalog this database holds (see :meth:`import_products`), None when never recorded."""
        ...

    def shop_details(self) -> ShopDetails | None:
        """The shop's details recorded with the catalog (see :meth:`import_products`), None when none were."""
        ...

    def new_cart(self) -> Cart:
        """An empty cart priced in this store's currency and tax rate."""
        ...

    def count_products(self, *, active_only: bool = False) -> int:
        """How many products (active or not; ``active_only``: for sale, a count kept at import time) the
        store holds."""
        ...

    def get_product(self, sku: str) -> Product | None:
        """The product with this SKU, or the product owning a variant with this SKU; else one whose
        shop SKU (``Product.shop_sku`` / ``Variant.shop_sku``) it is."""
        ...

    def products(self, *, category: str | None = None, active_only: bool = True) -> list[Product]: ...

    def categories(self) -> list[str]: ...

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        category: str | None = None,
        min_price_cents: int | None = None,
        max_price_cents: int | None = None,
        in_stock: bool | None = None,
        options: Mapping[str, str] | None = None,
    ) -> list[SearchHit]:
        """Rank active products for a (possibly misrecognised) spoken query; deterministic."""
        ...

    def stock(self, sku: str, variant_sku: str | None = None) -> int | None:
        """Units available; None means unlimited."""
        ...

    # --- vocabulary lookups (what a dialogue needs without reading every product) ------------
    def catalog_version(self) -> str:
        """Changes whenever the products change (any import or upsert, from any connection)."""
        ...

    def vocabulary(self) -> list[Term]:
        """Every word of the search vocabulary (one row per distinct word, not per product)."""
        ...

    def option_groups(self, *, limit: int = 5000) -> list[OptionGroup]:
        """The distinct option-group definitions of active products, the most common first (at most
        ``limit``); kept up to date at import time, so this never reads the products."""
        ...

    def products_named(self, queries: Sequence[Sequence[Sequence[str]]], *, limit: int) -> list[Product]:
        """Active products whose name or an alias has, for some query, every one of its words (each word
        given as alternative spellings, ``search.tokenize`` form); shortest names first, at most ``limit``.

        ``[[["mug", "mugs"], ["classic"]]]`` finds "Classic Mug" and "Classic Travel Mugs"."""
        ...

    def products_offering(self, group: str, value: str) -> list[str]:
        """SKUs of the active products that offer option ``value`` in group ``group`` (codes)."""
        ...

    # --- catalog-wide questions (the menu, the cheapest, what's vegan): a few rows, never every product --
    def category_counts(self) -> list[tuple[str, int]]:
        """How many active products each category has, the largest first, then by name; kept at import
        time, so this reads no products."""
        ...

    def tag_counts(self) -> list[tuple[str, int]]:
        """How many active products have each tag (as written), the most first, then by tag; kept at import
        time."""
        ...

    def products_by_price(self, *, limit: int, category: str | None = None, min_price_cents: int | None = None,
                          max_price_cents: int | None = None, descending: bool = False) -> list[Product]:
        """Active products by base price (``price_cents``; ties by SKU), cheapest first or with
        ``descending`` dearest first, optionally of one category (exactly as written) and within price
        limits; at most ``limit``, read through an index."""
        ...

    def products_tagged(self, tag: str, *, limit: int) -> list[Product]:
        """Active products with exactly this tag, at most ``limit`` (no order promised)."""
        ...

    def products_listed(self, *, limit: int, category: str | None = None) -> list[Product]:
        """The first ``limit`` active products (of ``category``) in :meth:`products` order (category, name,
        SKU), read through an index."""
        ...

    def set_stock(self, sku: str, stock: int | None, *, variant_sku: str | None = None) -> None:
        """Set units on hand (None = unlimited) for a product or one of its variants."""
        ...

    # --- orders ---------------------------------------------------------------------------------
    def place_order(
        self,
        cart: Cart,
        *,
        customer: str,
        idempotency_key: str,
        metadata: Mapping[str, str] | None = None,
    ) -> Order:
        """Atomically snapshot the cart into an order and decrement stock.

        Same ``idempotency_key`` again returns the same order, nothing is placed twice.
        Raises ``EmptyCart`` or ``OutOfStock`` (nothing changes then).
        """
        ...

    def get_order(self, number: str) -> Order | None: ...

    def orders(self, *, status: OrderStatus | None = None, customer: str | None = None,
               limit: int = 50) -> Sequence[Order]: ...

    def set_status(self, number: str, status: OrderStatus, *, note: str = "") -> Order:
        """Move an order along placed → preparing → ready → fulfilled; raises ``OrderStateError``."""
        ...

    def cancel_order(self, number: str, *, note: str = "") -> Order:
        """Cancel a placed or preparing order and put its stock back; raises ``OrderStateError``."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...
