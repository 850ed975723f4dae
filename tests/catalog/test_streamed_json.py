"""A large project JSON file is read one product at a time (``json_format.iter_load``): the same products and
the same errors (message, line, field) as reading it whole, in memory that does not grow with the file."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from catalog import json_format
from catalog.errors import ValidationError
from catalog.importers import import_file
from catalog.sqlite_store import SQLiteStore
from tests.catalog.conftest import peak_bytes

HERE = Path(__file__).resolve().parent


def outcome(read: Callable[[], Any]) -> tuple[Any, ...]:
    try:
        return ("ok", list(read()))
    except ValidationError as exc:
        return ("error", exc.message, exc.file, exc.line, exc.field)


@pytest.mark.parametrize("path", sorted((HERE / "bad").glob("*.json")) + sorted(HERE.glob("exports/*.json")),
                         ids=lambda p: p.name)
def test_streaming_gives_what_reading_whole_gives(path: Path) -> None:
    whole = outcome(lambda: json_format.load(path))
    streamed = outcome(lambda: json_format.iter_load(path, stream_from=0))
    if path.name == "not_json.json":  # broken at the start: the same line, the parser's words differ
        assert whole[0] == streamed[0] == "error" and whole[3] == streamed[3]
        assert whole[1].startswith("not valid JSON") and streamed[1].startswith("not valid JSON")
        return
    assert streamed == whole


def _document(n: int, *, sets_last: bool = True, duplicate_at: int | None = None) -> str:
    products = [{"sku": f"P{i}", "name": f"Product {i}", "price": f"{1 + i % 9}.50", "category": "things",
                 "options": ["size"] if i % 2 else [], "description": "A thing.\nWith two lines.",
                 "tags": ["a", "b"]} for i in range(n)]
    if duplicate_at is not None:
        products[duplicate_at]["sku"] = "P3"
    sets = {"size": {"code": "size", "name": "size", "default": "medium", "values": ["small", "medium", "large"]}}
    doc: dict[str, Any] = {"format": "voicecart-catalog", "version": 1}
    if not sets_last:
        doc["option_sets"] = sets
    doc["products"] = products
    if sets_last:
        doc["option_sets"] = sets  # after the products: the first pass finds it
        doc["currency"] = "EUR"
    return json.dumps(doc, indent=1)


def test_values_after_the_products_and_late_errors(tmp_path: Path) -> None:
    path = tmp_path / "late.json"
    path.write_text(_document(300))
    streamed = list(json_format.iter_load(path, stream_from=0))
    assert streamed == json_format.load(path)
    assert streamed[5].currency == "EUR" and streamed[5].group("size") is not None
    path.write_text(_document(300, duplicate_at=250))
    assert outcome(lambda: json_format.iter_load(path, stream_from=0)) == outcome(lambda: json_format.load(path))
    with pytest.raises(ValidationError, match="duplicate SKU 'P3' \\(first on line"):
        list(json_format.iter_load(path, stream_from=0))
    text = _document(300, sets_last=False).replace('"price": "7.50"', '"price": "seven"', 1)
    path.write_text(text)
    assert outcome(lambda: json_format.iter_load(path, stream_from=0)) == outcome(lambda: json_format.load(path))
    path.write_text(_document(300)[:-40])  # cut short
    error = outcome(lambda: json_format.iter_load(path, stream_from=0))
    assert error[0] == "error" and error[1].startswith("not valid JSON"), error


def test_a_large_json_file_streams_in_bounded_memory_and_imports(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = tmp_path / "small.json", tmp_path / "large.json"
    small.write_text(_document(400))
    large.write_text(_document(2000))
    assert isinstance(json_format.iter_load(large, stream_from=0), Iterator)

    def consume(path: Path) -> None:
        for _ in json_format.iter_load(path, stream_from=0):
            pass

    streamed = {p: peak_bytes(lambda p=p: consume(p)) for p in (small, large)}
    held = {p: peak_bytes(lambda p=p: json_format.load(p)) for p in (small, large)}
    assert streamed[large] < 3 << 20, (streamed, held)
    assert streamed[large] - streamed[small] < (held[large] - held[small]) / 3, (streamed, held)
    big = tmp_path / "big.json"
    big.write_text(_document(22_000))  # over 4 MB: import_file streams it by itself
    assert big.stat().st_size >= json_format.STREAM_FROM_BYTES

    def whole(*_: object, **__: object) -> None:
        raise AssertionError("read whole")

    monkeypatch.setattr(json_format, "load", whole)
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        assert import_file(store, big) == 22_000
        assert store.get_product("P21999") is not None
