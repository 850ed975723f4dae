"""A private scratch SQLite file for an import's notes (SKUs seen, rows to attach later), so that a million rows
are never held in memory."""

from __future__ import annotations

import sqlite3


def scratch_db(*schema: str, cache_kb: int | None = None) -> sqlite3.Connection:
    """A temporary SQLite file (deleted on close) in autocommit mode, with no journal on disk and no syncs (it
    only lives as long as the import), and ``schema``'s statements run; ``cache_kb`` sets its page cache."""
    db = sqlite3.connect("", isolation_level=None)  # "": a temporary file, deleted on close
    if cache_kb is not None:
        db.execute(f"PRAGMA cache_size = -{int(cache_kb)}")
    db.execute("PRAGMA journal_mode = MEMORY")
    db.execute("PRAGMA synchronous = OFF")
    for statement in schema:
        db.execute(statement)
    return db
