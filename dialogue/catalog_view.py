"""Catalog-wide questions — the menu, the cheapest or dearest (of a category), a tag's products, the first
few products, products of a kind, anything under a price — asked of a lexicon's catalog.

:class:`CatalogView` answers them from a shop-sized catalog held in memory (every product, exactly as the
dialogue always did). :class:`StoreCatalogView` answers them for the :class:`dialogue.lexicon.IndexedLexicon`
of a large catalog with the store's bounded queries (counts kept at import time, at most
:data:`LIST_LIMIT` products read through an index): a million products are never read for "what's vegan".
A list that is cut short says so by its ``total`` (how many there are in all); a complete list has None.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from catalog.models import Product
from catalog.store import Store

LIST_LIMIT = 50  # products a catalog-wide answer reads from a large catalog


def _catalog_order(p: Product) -> tuple[str, str, str]:
    return p.category, p.name, p.sku


class CatalogView:
    """Catalog-wide questions over products held in memory (in catalog order)."""

    def __init__(self, products: Mapping[str, Product]):
        self._products = products

    def _active(self) -> list[Product]:
        return [p for p in self._products.values() if p.active]

    def active_count(self) -> int:
        """How many products are for sale."""
        return len(self._active())

    def categories(self) -> list[tuple[str, int]]:
        """Each category with its products for sale, in catalog order."""
        return list(Counter(p.category for p in self._active() if p.category).items())

    def tags(self) -> list[tuple[str, int]]:
        """Each tag with its products for sale, in catalog order."""
        return list(Counter(t for p in self._active() for t in dict.fromkeys(p.tags)).items())

    def listing(self, category: str | None) -> tuple[list[Product], int | None]:
        """The products for sale (of ``category``) in catalog order, and how many in all (None: every one)."""
        return [p for p in self._active() if category is None or p.category == category], None

    def extremes(self, category: str | None, *, cheapest: bool) -> list[Product]:
        """Products among which the cheapest (dearest) one is: here all of them (of ``category``)."""
        return self.listing(category)[0]

    def tagged(self, tag: str) -> tuple[list[Product], int | None]:
        """The products for sale with ``tag``, and how many in all (None: every one)."""
        return [p for p in self._active() if tag in p.tags], None

    def featured(self, is_featured: Callable[[str], bool]) -> list[Product]:
        """Products for sale with a tag that ``is_featured``."""
        return [p for p in self._active() if any(is_featured(t) for t in p.tags)]

    def first(self, n: int, *, by_name: bool = False) -> list[Product]:
        """The first ``n`` products for sale by category (and name)."""
        key: Callable[[Product], tuple[str, ...]] = (lambda p: (p.category, p.name)) if by_name \
            else (lambda p: (p.category,))
        return sorted(self._active(), key=key)[:n]

    def of_kind(self, own: Product, said: Sequence[str], fits: Callable[[Product], bool]) -> list[Product]:
        """Products other than ``own`` that ``fits`` ("any t-shirts": every product the words say)."""
        return [p for p in self._products.values() if p is not own and fits(p)]


class StoreCatalogView(CatalogView):
    """Catalog-wide questions asked of the store: counts kept at import time, a few products by index."""

    def __init__(self, store: Store, products: Mapping[str, Product], *, limit: int = LIST_LIMIT):
        super().__init__(products)
        self._store = store
        self._limit = limit
        self._categories: list[tuple[str, int]] | None = None
        self._tags: list[tuple[str, int]] | None = None
        self._active_count: int | None = None

    def active_count(self) -> int:
        if self._active_count is None:
            self._active_count = self._store.count_products(active_only=True)
        return self._active_count

    def categories(self) -> list[tuple[str, int]]:
        if self._categories is None:  # the lexicon lives as long as its catalog version
            self._categories = sorted(self._store.category_counts())  # catalog order: by name
        return self._categories

    def tags(self) -> list[tuple[str, int]]:
        if self._tags is None:
            self._tags = sorted(self._store.tag_counts())
        return self._tags

    def _size(self, category: str | None) -> int:
        if category is None:
            return self.active_count()
        return dict(self.categories()).get(category, 0)

    def listing(self, category: str | None) -> tuple[list[Product], int | None]:
        hits = self._store.products_listed(limit=self._limit, category=category)
        total = self._size(category)
        return hits, (total if total > len(hits) else None)

    def extremes(self, category: str | None, *, cheapest: bool) -> list[Product]:
        return self._store.products_by_price(limit=self._limit, category=category, descending=not cheapest)

    def tagged(self, tag: str) -> tuple[list[Product], int | None]:
        hits = sorted(self._store.products_tagged(tag, limit=self._limit), key=_catalog_order)
        total = dict(self.tags()).get(tag, len(hits))
        return hits, (total if total > len(hits) else None)

    def featured(self, is_featured: Callable[[str], bool]) -> list[Product]:
        found: dict[str, Product] = {}
        for tag, _ in self.tags():
            if is_featured(tag):
                for p in self._store.products_tagged(tag, limit=self._limit):
                    found.setdefault(p.sku, p)
        return sorted(found.values(), key=_catalog_order)[:self._limit]

    def first(self, n: int, *, by_name: bool = False) -> list[Product]:
        return self._store.products_listed(limit=n)

    def of_kind(self, own: Product, said: Sequence[str], fits: Callable[[Product], bool]) -> list[Product]:
        hits: Iterable[Product] = (h.product for h in self._store.search(" ".join(said), limit=self._limit))
        return [p for p in hits if p.sku != own.sku and p.active and fits(p)]
