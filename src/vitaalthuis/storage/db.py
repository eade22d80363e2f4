"""The SQLite database file: location inside the data folder, connection settings, opening and upgrading."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from vitaalthuis.storage import migrate
from vitaalthuis.storage.errors import DataDirError

DB_FILE = "vitaalthuis.sqlite3"
BUSY_TIMEOUT_MS = 10_000


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")  # durable: a commit survives a power cut
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.close()


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _set_pragmas)
    return engine


def prepare_data_dir(data_dir: Path) -> Path:
    """Create the data folder (0700 on POSIX) and return the database path in it."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(data_dir, 0o700)
    except OSError as exc:
        raise DataDirError(data_dir, exc.strerror or str(exc)) from exc
    return data_dir / DB_FILE


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    migration_backup: Path | None = None

    @classmethod
    def open(cls, data_dir: Path) -> Database:
        """Open (creating or upgrading as needed) the database in ``data_dir``."""
        path = prepare_data_dir(data_dir)
        backup = migrate.upgrade(path) if migrate.needs_upgrade(path) else None
        if os.name == "posix":
            with contextlib.suppress(OSError):
                os.chmod(path, 0o600)
        engine = make_engine(path)
        return cls(path, engine, sessionmaker(engine, expire_on_commit=False), backup)

    def close(self) -> None:
        self.engine.dispose()
