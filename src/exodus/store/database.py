"""Opening a store: one SQLite file in WAL mode, migrated to the current schema."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path

from exodus.errors import StoreError
from exodus.settings import get_settings
from exodus.store.migrations import migrate


class Store:
    """A knowledge-graph store. `conn` is a plain sqlite3 connection (autocommit mode)."""

    def __init__(self, conn: sqlite3.Connection, path: str):
        self.conn = conn
        self.path = path

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything in it is stored, or nothing is."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(path: str | Path | None = None, *, readonly: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at `path`, default the `db` setting."""
    settings = get_settings()
    path = str(path or settings.db)
    if readonly and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"{path}: no store here; run `exodus ingest INPUT --db {path}` first")
    try:
        if readonly and path != ":memory:":
            conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True,
                                   isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(settings.db_busy_timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open the store ({exc}); is it an Exodus database?") from exc
    return Store(conn, path)
