"""Opening a store: one SQLite file in WAL mode, migrated to the current schema.

Whatever keeps a store from being opened or used (a file that is not a store, a
damaged one, a read-only file or directory, another writer holding the lock, a
full disk) is a `StoreError` of one line that names the file and the cause.
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from exodus.errors import StoreError, UnknownSchema
from exodus.settings import get_settings
from exodus.store.migrations import check_schema, migrate


class Store:
    """A knowledge-graph store. `conn` is a plain sqlite3 connection (autocommit mode).

    Used as a context manager (`with open_store(...) as store:`), it closes the
    connection at the end, and an SQLite error raised inside the block leaves it as a
    `StoreError` naming the store and the cause.
    """

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
            if self.conn.in_transaction:  # some errors (a full disk) have rolled it back already
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        self.close()
        if isinstance(exc, sqlite3.Error):
            raise StoreError(store_problem(self.path, exc)) from exc


def open_store(path: str | Path | None = None, *, readonly: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at `path`, default the `db` setting.

    `readonly` stores are opened with SQLite's `mode=ro`; one in a directory that
    cannot be written (where WAL mode cannot create its `-shm` index) is read as
    an immutable file. A store opened for writing is checked to be writable now,
    not in the middle of an ingest.
    """
    settings = get_settings()
    path = str(path or settings.db)
    timeout_ms = int(settings.db_busy_timeout_ms)
    try:
        if path == ":memory:":
            conn = _connect(path, timeout_ms)
            if not readonly:
                migrate(conn)
        elif readonly:
            conn = _open_for_reading(Path(path), timeout_ms)
        else:
            conn = _open_for_writing(Path(path), timeout_ms)
    except UnknownSchema as exc:
        raise StoreError(f"{path}: {exc}") from None
    except sqlite3.Error as exc:
        raise StoreError(store_problem(path, exc)) from exc
    return Store(conn, path)


def store_problem(path: str, exc: sqlite3.Error) -> str:
    """What went wrong with the store at `path`, in one line, with what to do about it."""
    name = _error_name(exc)
    if name == "SQLITE_NOTADB":
        return f"{path}: not an Exodus store (the file is not an SQLite database)"
    if name.startswith("SQLITE_CORRUPT"):
        return (f"{path}: the store is damaged ({exc}); restore it from a backup, "
                "or delete it and ingest the articles again")
    folder = Path(path).parent
    if name == "SQLITE_READONLY_DIRECTORY" or (name.startswith("SQLITE_CANTOPEN") and folder.is_dir()
                                                and not os.access(folder, os.W_OK)):
        return (f"{path}: cannot write the store: its directory is read-only "
                f"(SQLite keeps {Path(path).name}-wal and {Path(path).name}-shm beside the store)")
    if name.startswith("SQLITE_READONLY"):
        return f"{path}: cannot write the store: the file or its file system is read-only ({exc})"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return (f"{path}: the store is busy: another process held its lock longer than "
                f"{get_settings().db_busy_timeout_ms} ms (EXODUS_DB_BUSY_TIMEOUT_MS); try again")
    if name == "SQLITE_FULL" or name.startswith("SQLITE_IOERR") and _disk_full(folder):
        # SQLite says SQLITE_FULL for the store and its log, an I/O error for its -shm index.
        return f"{path}: cannot write the store: no space left on device"
    if name.startswith("SQLITE_CANTOPEN"):
        return (f"{path}: cannot open the store ({exc}); check that the file and its directory "
                "exist and can be read and written")
    if name.startswith("SQLITE_IOERR"):
        return f"{path}: cannot read or write the store: input/output error ({exc}); is its disk full or failing?"
    return f"{path}: store error: {exc}"


def _disk_full(folder: Path) -> bool:
    """Less room left on the file system than SQLite needs for the index of its log (32 KiB)."""
    try:
        info = os.statvfs(folder)
    except OSError:
        return False
    return info.f_bavail * info.f_frsize < 32 * 1024


def _error_name(exc: sqlite3.Error) -> str:
    """SQLite's name of the error (`SQLITE_CORRUPT`); empty for errors of Python's own module."""
    return getattr(exc, "sqlite_errorname", None) or ""


def _connect(target: str, timeout_ms: int, uri: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(target, uri=uri, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute(f"PRAGMA busy_timeout = {timeout_ms}")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _open_for_reading(path: Path, timeout_ms: int) -> sqlite3.Connection:
    if not path.exists():
        raise StoreError(f"{path}: no store here; run `exodus ingest INPUT --db {path}` first")
    if path.is_dir():
        raise StoreError(f"{path}: a directory, not a store")
    try:
        with path.open("rb"):
            pass
    except OSError as err:
        raise StoreError(f"{path}: cannot read the store: {err.strerror or err}") from None
    uri = path.resolve().as_uri()
    try:
        conn = _checked(_connect(f"{uri}?mode=ro", timeout_ms, uri=True))
    except sqlite3.Error as exc:
        if not _error_name(exc).startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
            raise
        # WAL mode reads through an index in `-shm`, which SQLite cannot create in a read-only
        # directory. Without a write-ahead log beside it, the file alone is the whole store.
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise StoreError(f"{path}: cannot read the store: its directory is read-only and {wal.name} holds "
                             "changes not yet written into it; open it once where its directory can be "
                             "written (any exodus command)") from None
        conn = _checked(_connect(f"{uri}?mode=ro&immutable=1", timeout_ms, uri=True))
    if conn.execute("PRAGMA user_version").fetchone()[0] < 1:
        conn.close()
        raise StoreError(f"{path}: not an Exodus store (an empty SQLite database); "
                         f"run `exodus ingest INPUT --db {path}` to make one")
    return conn


def _checked(conn: sqlite3.Connection) -> sqlite3.Connection:
    """`conn`, once its schema was read: a damaged file, another program's database or a newer
    Exodus's store is an error now (and the connection closed), not at the first question."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        check_schema(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _open_for_writing(path: Path, timeout_ms: int) -> sqlite3.Connection:
    if path.is_dir():
        raise StoreError(f"{path}: a directory, not a store")
    if not path.parent.is_dir():
        raise StoreError(f"{path}: cannot create the store: there is no directory {path.parent}")
    if path.exists():
        try:
            with path.open("r+b"):
                pass
        except OSError as err:
            raise StoreError(f"{path}: cannot write the store: {err.strerror or err}") from None
    conn = _checked(_connect(str(path), timeout_ms))  # before WAL mode changes the file's header
    try:
        _use_wal(conn, timeout_ms)
        conn.execute("PRAGMA synchronous = NORMAL")
        version = migrate(conn)
        # A write that is rolled back: a store that cannot be written says so now.
        with _rolled_back(conn):
            conn.execute(f"PRAGMA user_version = {version}")
    except BaseException:
        conn.close()
        raise
    return conn


def _use_wal(conn: sqlite3.Connection, timeout_ms: int) -> None:
    """Put the store in WAL mode. On a new file this needs a lock that SQLite does not wait for
    (processes opening the new store at once collide), so a busy store is retried until the timeout."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as exc:
            busy = _error_name(exc).startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


@contextmanager
def _rolled_back(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
