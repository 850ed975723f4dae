"""A store wrapper for the large-catalog tests: it counts the calls made on it and the products they return, so
a test can assert that the dialogue never reads every product."""

from __future__ import annotations

from collections import Counter
from typing import Any

from catalog.models import Product
from catalog.store import Store


class Counting:
    """Forwards to ``store``; ``calls`` counts each method called, ``products_read`` the products returned (any
    list of products, search hits, a product fetched by SKU)."""

    def __init__(self, store: Store):
        self._store = store
        self.calls: Counter[str] = Counter()
        self.products_read = 0

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._store, name)
        if not callable(attr):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls[name] += 1
            out = attr(*args, **kwargs)
            if isinstance(out, list) and out and (isinstance(out[0], Product) or name == "search"):
                self.products_read += len(out)
            elif name == "get_product" and out is not None:
                self.products_read += 1
            return out

        return call
