"""The recognizer's catalog bias on a catalog too large to hold in memory: no product is read, the prompt is made
of the most common option groups' values (``voice.commands.bias_products``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from catalog.bundled import open_store
from voice.commands import bias_products
from voice.pipeline import catalog_prompt


def test_a_small_catalog_biases_with_every_product(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.sqlite3", catalog="cafe")
    assert {p.sku for p in bias_products(store)} == {p.sku for p in store.products()}


def test_a_large_catalog_biases_with_option_values_without_reading_products(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import dialogue.lexicon

    store = open_store(tmp_path / "s.sqlite3", catalog="store")
    monkeypatch.setattr(dialogue.lexicon, "INDEXED_ABOVE", 100)  # the store catalog (250) counts as large

    def no_products(*_a: Any, **_k: Any) -> Any:
        raise AssertionError("read every product")

    monkeypatch.setattr(store, "products", no_products)
    prompt = catalog_prompt(bias_products(store))
    assert prompt.startswith("An order: ") and "medium" in prompt and "black" in prompt
    assert "hiking boots" not in prompt  # no product names
