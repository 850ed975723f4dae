"""Store backends for the catalog tests: real SQLite files and a real PostgreSQL server.

``pg_admin_url`` (session): ``$VOICECART_TEST_PG_URL`` when ``.ci/run`` has started a cluster, else a
throwaway cluster started here from Debian's ``postgresql`` binaries (``initdb`` + ``pg_ctl`` in a temporary
folder, Unix socket only, no TCP port; run as the ``postgres`` user when the tests run as root). Without
the binaries the PostgreSQL cases skip with the reason, except in CI (``CI=true``), where that is a failure.

``location`` (parametrised ``sqlite`` / ``postgresql``): a fresh, empty store location — a SQLite file path
or the URL of a new PostgreSQL database — to hand to ``catalog.bundled.open_database`` / ``open_store``.
"""

from __future__ import annotations

import itertools
import os
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pgcluster  # noqa: E402  (beside this file; tests/catalog is not a package)

_counter = itertools.count(1)


def _missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI must run the PostgreSQL store tests (scripts/setup.sh installs postgresql)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _missing("psycopg is not installed (pip install 'voicecart[postgres]')")
    given = os.environ.get("VOICECART_TEST_PG_URL")
    if given:
        yield given
        return
    try:
        url, root = pgcluster.start()
    except pgcluster.Unavailable as exc:
        _missing(str(exc))
        return
    try:
        yield url
    finally:
        pgcluster.stop(root)


@pytest.fixture
def pg_database(pg_admin_url: str) -> Iterator[Callable[[], str]]:
    """A factory of fresh PostgreSQL databases (URLs), dropped after the test."""
    import psycopg

    made: list[str] = []

    def make() -> str:
        name = f"vc_test_{os.getpid()}_{next(_counter)}"
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        base, _, query = pg_admin_url.partition("?")
        return f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")

    yield make
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        for name in made:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def location(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A fresh store location for ``backend``."""
    if backend == "sqlite":
        return str(tmp_path / f"store-{next(_counter)}.sqlite3")
    make: Callable[[], str] = request.getfixturevalue("pg_database")
    return make()


def peak_bytes(read: Callable[[], object]) -> int:
    """The most memory Python allocated while ``read()`` ran (tracemalloc): for the streamed-import tests."""
    tracemalloc.start()
    try:
        read()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
