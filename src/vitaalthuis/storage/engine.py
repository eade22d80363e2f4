"""The SQLAlchemy engine and sessions of a database file (imported only once something is written).

Every transaction begins with ``BEGIN IMMEDIATE``: decisions are taken under the write lock. Connection
settings: foreign keys on, WAL journal, ``synchronous = FULL`` (a commit that returned survives a
crash or power cut) and a busy timeout. SQLite failures the user can act on reach callers as typed
:mod:`vitaalthuis.storage.errors`, not as driver errors.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session, sessionmaker

from vitaalthuis.storage.errors import SQLITE_BUSY, StorageError, primary_code, translate
from vitaalthuis.storage.sidefiles import mark_closed, mark_open


def _set_pragmas(dbapi_connection: Any, _record: Any, busy_timeout_ms: int) -> None:
    dbapi_connection.isolation_level = None  # the driver begins nothing itself: _begin_immediate does
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    _wal(cursor, busy_timeout_ms / 1000)
    cursor.execute("PRAGMA synchronous = FULL")  # durable: a commit survives a power cut
    cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    cursor.close()


def _wal(cursor: Any, patience_s: float) -> None:
    """Switch to WAL (a no-op for a database in WAL already, as every database made since revision 0003 is).

    Switching needs an exclusive lock, and when two processes switch at the same moment SQLite answers one
    of them "database is locked" at once instead of waiting (its deadlock rule): try again for a while."""
    deadline = time.monotonic() + patience_s
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if primary_code(exc) != SQLITE_BUSY or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _begin_immediate(connection: Any) -> None:
    """Every session here writes: take the write lock when the transaction begins, so whatever it decides
    from what it reads (does this week exist?) still holds when it writes. (A deferred transaction that
    reads first and writes later would fail with "database is locked" instead of waiting.)"""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def sqlite_url(db_path: Path) -> URL:
    """The URL of a database file, built from its parts: a "?" or "#" in a folder name stays in the path
    (in a "sqlite:///..." string SQLAlchemy would read the rest as query options)."""
    return URL.create("sqlite", database=str(db_path))


def make_engine(db_path: Path, busy_timeout_ms: int) -> Engine:
    """The engine of one database file; ``busy_timeout_ms``: how long a write waits for another process's
    write lock (the caller's, :data:`vitaalthuis.storage.sessions.BUSY_TIMEOUT_MS`)."""
    engine = create_engine(sqlite_url(db_path), connect_args={"timeout": busy_timeout_ms / 1000})
    event.listen(engine, "connect", lambda con, record: _set_pragmas(con, record, busy_timeout_ms))
    # every pooled connection counts as "open in this process" until it is closed (storage.sidefiles)
    event.listen(engine, "connect", lambda _con, _record: mark_open(db_path))
    event.listen(engine.pool, "close", lambda _con, _record: mark_closed(db_path))
    event.listen(engine.pool, "close_detached", lambda _con: mark_closed(db_path))
    event.listen(engine, "begin", _begin_immediate)

    def typed_errors(ctx: ExceptionContext) -> StorageError | None:
        original = ctx.original_exception
        return translate(original, db_path) if isinstance(original, sqlite3.Error) else None

    event.listen(engine, "handle_error", typed_errors)
    return engine


def make_sessions(db_path: Path, busy_timeout_ms: int) -> sessionmaker[Session]:
    return sessionmaker(make_engine(db_path, busy_timeout_ms), expire_on_commit=False)


def after_commit(sessions: sessionmaker[Session], listener: Any) -> None:
    event.listen(sessions, "after_commit", listener)
