"""Connections to one database file: plain reads at once, SQLAlchemy sessions for writes when first needed.

Reads (the history, drafts, tip state) run as plain SQL through Python's ``sqlite3`` driver: the window can
show ten years of check-ins before SQLAlchemy is even imported, which is most of what start-up costs. Every
write goes through SQLAlchemy sessions (:mod:`vitaalthuis.storage.writes`), built at the first write or
when :meth:`Sessions.load` is called, which the window does right after its first paint.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vitaalthuis.storage.errors import translate
from vitaalthuis.storage.sidefiles import mark_closed, mark_open

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000


class Sessions:
    """Behaves as SQLAlchemy's ``sessionmaker`` (``sessions()``, ``sessions.begin()``) for writes, and adds
    :meth:`read`, a short-lived plain ``sqlite3`` connection for reads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._maker: sessionmaker[Session] | None = None
        self._on_commit: list[Callable[[Session], None]] = []

    # -- reads ---------------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A connection inside one read transaction: every query of a ``with`` block sees the same snapshot,
        whatever another process commits meanwhile. Never creates the file; SQLite failures become typed
        storage errors (StorageReadError: a failed read is not a failed write)."""
        mark_open(self.path)  # while a connection is open, this process never opens the file itself
        try:
            try:
                con = sqlite3.connect(f"{self.path.absolute().as_uri()}?mode=rw", uri=True,
                                      timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            except sqlite3.Error as exc:
                raise translate(exc, self.path, reading=True) or exc from exc
            try:
                con.execute("BEGIN")  # deferred: the snapshot is taken at the first SELECT, kept to the end
                yield con
            except sqlite3.Error as exc:
                raise translate(exc, self.path, reading=True) or exc from exc
            finally:
                con.close()  # ends the read transaction (nothing was written)
        finally:
            mark_closed(self.path)

    # -- writes --------------------------------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self._maker is not None

    def load(self) -> sessionmaker[Session]:
        """The SQLAlchemy sessionmaker (importing SQLAlchemy and building the engine the first time)."""
        if self._maker is None:
            from vitaalthuis.storage.engine import after_commit, make_sessions

            maker = make_sessions(self.path, BUSY_TIMEOUT_MS)
            for listener in self._on_commit:
                after_commit(maker, listener)
            self._maker = maker
        return self._maker

    def __call__(self, **kw: Any) -> Session:
        return self.load()(**kw)

    def begin(self) -> Any:
        return self.load().begin()

    @property
    def engine(self) -> Engine:
        return self.load().kw["bind"]

    def on_commit(self, listener: Callable[[Session], None]) -> None:
        """Call ``listener(session)`` after every committed write transaction."""
        self._on_commit.append(listener)
        if self._maker is not None:
            from vitaalthuis.storage.engine import after_commit

            after_commit(self._maker, listener)

    def dispose(self) -> None:
        """Close pooled connections (new ones open the file afresh, e.g. after a restore replaced it)."""
        if self._maker is not None:
            self._maker.kw["bind"].dispose()
