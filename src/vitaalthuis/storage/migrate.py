"""Schema upgrades at start-up.

The current revision is read with plain sqlite3, which is cheap; alembic is imported only when the database
is behind. Before an upgrade of a database that already holds data, a backup is made with the backup API.
"""

from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vitaalthuis.storage import identity

if TYPE_CHECKING:
    from alembic.config import Config
from vitaalthuis.storage.backup import operation_backup, readonly_uri
from vitaalthuis.storage.errors import (
    DatabaseTooNewError,
    MigrationError,
    NotVitaalThuisDatabaseError,
    StorageError,
    is_damage,
    translate,
)

REVISIONS, HEAD = identity.REVISIONS, identity.HEAD  # every revision this version knows, oldest first


def current_revision(db_path: Path) -> str | None:
    """The alembic revision of the file, or None for a new (empty) database.

    Raises NotVitaalThuisDatabaseError for a file that is not SQLite, is damaged, or belongs to another
    program (:mod:`vitaalthuis.storage.identity`); StorageError when it cannot be read now (a full disk, an
    I/O error, no permission are not damage)."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    try:
        con = sqlite3.connect(readonly_uri(db_path), uri=True)
        try:
            found = identity.identify(con, REVISIONS)
        finally:
            con.close()
    except sqlite3.Error as exc:
        if is_damage(exc):
            raise NotVitaalThuisDatabaseError(db_path, f"damaged: {exc}") from exc
        raise translate(exc, db_path, reading=True) or StorageError(db_path, str(exc)) from exc
    if found.kind is identity.Kind.FOREIGN:
        raise NotVitaalThuisDatabaseError(db_path, found.detail)
    unknown = found.revision is not None and found.revision not in REVISIONS
    if found.kind is identity.Kind.TOO_NEW or unknown:
        raise DatabaseTooNewError(db_path, found.detail or f"schema revision {found.revision}")
    return found.revision


def needs_upgrade(db_path: Path) -> bool:
    revision = current_revision(db_path)
    if revision is not None and revision not in REVISIONS:
        raise DatabaseTooNewError(db_path, f"schema revision {revision}")
    return revision != HEAD


def upgrade(db_path: Path) -> Path | None:
    """Bring the database to HEAD. Returns the path of the backup made first, if any."""
    revision = current_revision(db_path)
    if revision is not None and revision not in REVISIONS:
        raise DatabaseTooNewError(db_path, f"schema revision {revision}")
    if revision == HEAD:
        return None
    backup = operation_backup(db_path, "migration") if revision is not None else None
    try:
        _run_alembic(db_path)
    except Exception as exc:
        raise MigrationError(db_path, f"upgrade failed; backup: {backup}") from exc
    return backup


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    location = resources.files("vitaalthuis.storage") / "migrations"
    cfg.set_main_option("script_location", str(location))
    return cfg


def _run_alembic(db_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine, event

    from vitaalthuis.storage.engine import sqlite_url

    engine = create_engine(sqlite_url(db_path))

    # pysqlite commits DDL statement by statement; run the whole upgrade in one real SQLite transaction so
    # a crash or kill mid-upgrade leaves the database exactly at its old revision (SQLite DDL is
    # transactional)
    @event.listens_for(engine, "connect")
    def _autocommit_driver(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        # WAL from the first revision on: a database that is switched later needs an exclusive lock for it,
        # and two processes that both switch while reading get SQLITE_BUSY at once (no busy wait)
        dbapi_connection.execute("PRAGMA journal_mode = WAL")

    @event.listens_for(engine, "begin")
    def _begin_immediate(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with engine.begin() as connection:
            cfg = alembic_config()
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()
