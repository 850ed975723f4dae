"""The last unit, raced for by real concurrent threads and processes, on SQLite and on PostgreSQL: exactly
one order wins; one idempotency key from two processes places one order."""

from __future__ import annotations

import multiprocessing as mp
import threading

from catalog.bundled import open_database
from catalog.errors import OutOfStock
from catalog.models import Product

LAST = Product(sku="LAST", name="last croissant", price_cents=325, stock=1)


def _buy(path: str, key: str, start: threading.Barrier | None = None) -> str:
    store = open_database(path)
    try:
        cart = store.new_cart()
        product = store.get_product("LAST")
        assert product is not None
        cart.add(product, 1)
        if start is not None:
            start.wait()
        try:
            return "ok:" + store.place_order(cart, customer=key, idempotency_key=key).number
        except OutOfStock as exc:
            return f"sold out:{exc.available}"
    finally:
        store.close()


def _buy_in_process(args: tuple[str, str, object]) -> str:
    path, key, start = args
    start.wait()  # type: ignore[attr-defined]
    return _buy(path, key)


def _setup(path: str) -> str:
    with open_database(path) as s:
        s.upsert_products([LAST])
    return path


def _check(path: str, results: list[str], racers: int) -> None:
    assert sum(r.startswith("ok:") for r in results) == 1, results
    assert results.count("sold out:0") == racers - 1, results
    with open_database(path) as s:
        assert s.stock("LAST") == 0
        assert len(s.orders()) == 1


def test_last_unit_threads_with_separate_connections(location: str) -> None:
    path = _setup(location)
    racers = 6
    start = threading.Barrier(racers)
    results: list[str] = []
    lock = threading.Lock()

    def run(i: int) -> None:
        r = _buy(path, f"thread-{i}", start)
        with lock:
            results.append(r)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(racers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    _check(path, results, racers)


def test_last_unit_threads_sharing_one_store(location: str) -> None:
    path = _setup(location)
    store = open_database(path)
    product = store.get_product("LAST")
    assert product is not None
    start = threading.Barrier(4)
    results: list[str] = []

    def run(i: int) -> None:
        cart = store.new_cart()
        cart.add(product, 1)
        start.wait()
        try:
            results.append("ok:" + store.place_order(cart, customer="c", idempotency_key=f"s{i}").number)
        except OutOfStock as exc:
            results.append(f"sold out:{exc.available}")

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    store.close()
    _check(path, results, 4)


def test_last_unit_processes(location: str) -> None:
    path = _setup(location)
    racers = 3
    ctx = mp.get_context("spawn")
    with ctx.Manager() as manager:
        start = manager.Barrier(racers)
        with ctx.Pool(racers) as pool:
            results = pool.map(_buy_in_process, [(path, f"proc-{i}", start) for i in range(racers)])
    _check(path, results, racers)


def test_same_idempotency_key_from_two_processes_places_one_order(location: str) -> None:
    path = location
    with open_database(path) as s:
        s.upsert_products([Product(sku="MUG", name="mug", price_cents=800, stock=5)])
    ctx = mp.get_context("spawn")
    with ctx.Manager() as manager:
        start = manager.Barrier(2)
        with ctx.Pool(2) as pool:
            results = pool.map(_buy_mug_in_process, [(path, "call-42", start)] * 2)
    assert results[0] == results[1] and results[0].startswith("ok:")
    with open_database(path) as s:
        assert s.stock("MUG") == 4
        assert len(s.orders()) == 1


def _buy_mug_in_process(args: tuple[str, str, object]) -> str:
    path, key, start = args
    store = open_database(path)
    try:
        cart = store.new_cart()
        mug = store.get_product("MUG")
        assert mug is not None
        cart.add(mug, 1)
        start.wait()  # type: ignore[attr-defined]
        return "ok:" + store.place_order(cart, customer="c", idempotency_key=key).number
    finally:
        store.close()
