"""Parse a large generic CSV in a second process while this one writes: the two halves of an import (reading,
checking and building products; writing them and their search index) run on two cores.

The reader is a fresh interpreter (``python -m catalog.importers.pipeline FILE CURRENCY [MODULE:FUNCTION]``:
nothing of this process, no open database, is inherited) running :func:`catalog.importers.generic_csv.iter_products`.
It sends pickled messages on its stdout: batches of products (or of ``FUNCTION(product)``, when a store asked
:meth:`ReaderProcess.mapped`, or ``FUNCTION(products, first)`` of each batch, when it asked
:meth:`ReaderProcess.batched`: the SQLite store has its numbered rows and counts prepared there, so that this
process only inserts them), warnings, progress, and at the end ``done`` or the
:class:`ValidationError` (file, line, field) that stopped it, which this process raises at the same place in the
stream, so the store's one transaction rolls back as before. The pipe's buffer bounds how far the reader runs
ahead (memory stays flat); if this process stops reading (the store refused a product), the pipe is closed
and the reader stops.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import fields
from operator import attrgetter
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, cast

from catalog.errors import ValidationError
from catalog.models import OptionGroup, OptionValue, Product, Variant
from catalog.text import Warn

BATCH = 500
T = TypeVar("T")
PARALLEL_FROM_BYTES = 4 << 20  # smaller files are read in this process (a reader process costs more than it saves)

# Products cross the pipe as tuples of their fields (nested groups, values and variants likewise), rebuilt
# here by their constructors: pickling the frozen dataclasses themselves cost the writer about twice as much
# CPU (3.2 s against 1.7 s per 100,000 products) and the reader four times as much.
_PRODUCT = tuple(f.name for f in fields(Product))
_GROUPS, _VARIANTS = _PRODUCT.index("option_groups"), _PRODUCT.index("variants")
_VALUES = tuple(f.name for f in fields(OptionGroup)).index("values")
_product_fields = attrgetter(*_PRODUCT)
_group_fields = attrgetter(*(f.name for f in fields(OptionGroup)))
_value_fields = attrgetter(*(f.name for f in fields(OptionValue)))
_variant_fields = attrgetter(*(f.name for f in fields(Variant)))


def _pack_group(g: OptionGroup) -> tuple[Any, ...]:
    t = list(_group_fields(g))
    t[_VALUES] = tuple(map(_value_fields, g.values))
    return tuple(t)


def pack(p: Product) -> tuple[Any, ...]:
    """``p`` as a tuple of plain values (see :func:`unpack`)."""
    t: tuple[Any, ...] = _product_fields(p)
    if p.option_groups or p.variants:
        parts = list(t)
        parts[_GROUPS] = tuple(map(_pack_group, p.option_groups))
        parts[_VARIANTS] = tuple(map(_variant_fields, p.variants))
        t = tuple(parts)
    return t


def _unpack_group(t: tuple[Any, ...]) -> OptionGroup:
    parts = list(t)
    parts[_VALUES] = tuple(OptionValue(*v) for v in parts[_VALUES])
    return OptionGroup(*parts)


def unpack(t: tuple[Any, ...]) -> Product:
    """The product :func:`pack` made ``t`` from (equal to it, field for field)."""
    if t[_GROUPS] or t[_VARIANTS]:
        parts = list(t)
        parts[_GROUPS] = tuple(map(_unpack_group, parts[_GROUPS]))
        parts[_VARIANTS] = tuple(Variant(*v) for v in parts[_VARIANTS])
        return Product(*parts)
    return Product(*t)


def _resolve(name: str) -> Callable[[Product], Any]:
    """The module-level function ``module:qualname`` (see :meth:`ReaderProcess.mapped`)."""
    import importlib

    module, _, qualname = name.partition(":")
    fn: Any = importlib.import_module(module)
    for part in qualname.split("."):
        fn = getattr(fn, part)
    return cast(Callable[[Product], Any], fn)


def _run(path: str, currency: str, out: BinaryIO, fn_name: str = "", per: str = "product", size: int = BATCH) -> None:
    from catalog.importers.generic_csv import iter_products

    def send(kind: str, value: object) -> None:
        pickle.dump((kind, value), out, protocol=pickle.HIGHEST_PROTOCOL)

    try:
        fn: Callable[..., Any] = _resolve(fn_name) if fn_name else pack
        batch: list[Any] = []
        first = 1
        for product in iter_products(path, progress=lambda d, t: send("progress", (d, t)),
                                     warn=lambda text: send("warn", text), currency=currency):
            batch.append(product if per == "batch" else fn(product))
            if len(batch) >= size:
                send("products", [fn(batch, first)] if per == "batch" else batch)
                first += len(batch)
                batch = []
        if batch or per != "batch":
            send("products", [fn(batch, first)] if per == "batch" else batch)
        send("done", None)
    except ValidationError as exc:
        send("invalid", (exc.message, exc.file, exc.line, exc.field))
    except BrokenPipeError:
        return  # the writer stopped reading: nothing more to do
    except Exception as exc:  # a bug in the reader: say what it was
        send("failed", f"{type(exc).__name__}: {exc}")
    out.flush()


class ReaderProcess(Iterator[Product]):
    """:func:`~catalog.importers.generic_csv.iter_products` in a reader process: iterate it for the products, or
    ask :meth:`mapped` for ``fn(product)`` of each, computed in that process (a
    :class:`catalog.store.ReadElsewhere`). The process starts with the iteration."""

    def __init__(self, path: str | Path, *, progress: Callable[[int, int], None] | None = None,
                 warn: Warn | None = None, currency: str = "USD") -> None:
        self.path, self.progress, self.warn, self.currency = path, progress, warn, currency
        self._products: Iterator[Product] | None = None

    def __iter__(self) -> Iterator[Product]:
        return self

    def __next__(self) -> Product:
        if self._products is None:
            self._products = self._stream("")
        return next(self._products)

    def mapped(self, fn: Callable[[Product], T]) -> Iterator[T]:
        """``fn(product)`` for each product, computed in the reader process (``fn``: a module-level function)."""
        return self._stream(self._name(fn), "product")

    def batched(self, fn: Callable[[list[Product], int], T], size: int = BATCH) -> Iterator[T]:
        """``fn(products, first)`` for each batch of ``size`` products in the file's order, computed in the reader
        process (``fn``: a module-level function; ``first``: the place of the batch's first product, from 1)."""
        return self._stream(self._name(fn), "batch", size)

    def _name(self, fn: Callable[..., Any]) -> str:
        if self._products is not None:
            raise RuntimeError("the products are already being read")
        self._products = iter(())
        name = f"{fn.__module__}:{fn.__qualname__}"
        try:
            found = _resolve(name)
        except (ImportError, AttributeError):
            found = None
        if found is not fn:
            raise ValueError(f"{name} is not a module-level function the reader process can import")
        return name

    def _stream(self, fn_name: str, per: str = "product", size: int = BATCH) -> Iterator[Any]:
        path = self.path
        root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p))
        proc = subprocess.Popen([sys.executable, "-m", "catalog.importers.pipeline", str(path), self.currency, fn_name,
                                 per, str(size)],
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        assert proc.stdout is not None
        try:
            while True:
                try:
                    kind, value = pickle.load(proc.stdout)
                except EOFError:
                    raise ValidationError(f"the reading process stopped unexpectedly (exit {proc.wait()})",
                                          file=str(path)) from None
                if kind == "products":
                    yield from (value if fn_name else map(unpack, value))
                elif kind == "warn" and self.warn is not None:
                    self.warn(str(value))
                elif kind == "progress" and self.progress is not None:
                    self.progress(int(value[0]), int(value[1]))
                elif kind == "invalid":
                    message, file, line, field = value
                    raise ValidationError(message, file=file, line=line, field=field)
                elif kind == "failed":
                    raise ValidationError(f"cannot read the file: {value}", file=str(path))
                elif kind == "done":
                    return
        finally:
            proc.stdout.close()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover
                proc.kill()
                proc.wait()


def iter_products_parallel(path: str | Path, *, progress: Callable[[int, int], None] | None = None,
                           warn: Warn | None = None, currency: str = "USD") -> ReaderProcess:
    """:func:`~catalog.importers.generic_csv.iter_products`, read and checked in a reader process."""
    return ReaderProcess(path, progress=progress, warn=warn, currency=currency)


if __name__ == "__main__":
    _run(sys.argv[1], sys.argv[2], sys.stdout.buffer, sys.argv[3] if len(sys.argv) > 3 else "",
         sys.argv[4] if len(sys.argv) > 4 else "product", int(sys.argv[5]) if len(sys.argv) > 5 else BATCH)
