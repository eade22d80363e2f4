"""Typed storage errors; the window and the command line decide how to tell the user."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# SQLite primary result codes (https://sqlite.org/rescode.html); extended codes keep these in the low byte.
SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 3, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26


class StorageError(Exception):
    """Base class: something is wrong with the database file or the data folder."""

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(f"{path}: {detail}" if detail else str(path))
        self.path = path
        self.detail = detail


class NotVitaalThuisDatabaseError(StorageError):
    """The file is not a SQLite database, is damaged, or belongs to another application."""


class DatabaseTooNewError(StorageError):
    """A newer version of VitaalThuis wrote this database; it is left alone (no downgrade)."""


class DataDirError(StorageError):
    """The data folder cannot be created or written."""


class MigrationError(StorageError):
    """Upgrading the database failed; the backup made just before is named in ``detail``."""


class StorageWriteError(StorageError):
    """A write did not happen (disk full, read-only file or folder, I/O error); the transaction was rolled
    back, so what was saved before is intact. ``reason``: ``disk_full``, ``read_only`` or ``io``."""

    def __init__(self, path: Path, detail: str = "", reason: str = "io") -> None:
        super().__init__(path, detail)
        self.reason = reason


class BackupNotFoundError(StorageError):
    """No backup with that id (file name) exists in the backups folder."""


def primary_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of a ``sqlite3`` error (None for other exceptions)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_damage(exc: BaseException) -> bool:
    """Whether a ``sqlite3`` error says the file itself is bad (not a database, or malformed)."""
    return primary_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def translate(exc: sqlite3.Error, path: Path) -> StorageError | None:
    """The typed error for a SQLite failure that the user can act on, or None (e.g. busy: leave it as is)."""
    code = primary_code(exc)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return NotVitaalThuisDatabaseError(path, f"damaged: {exc}")
    if code == SQLITE_FULL:
        return StorageWriteError(path, "the disk is full", "disk_full")
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN):
        return StorageWriteError(path, f"the file or its folder cannot be written ({exc})", "read_only")
    if code == SQLITE_IOERR:
        return StorageWriteError(path, f"the disk may be full or failing ({exc})", "io")
    return None


class DeleteIncompleteError(StorageError):
    """Some files could not be deleted; ``remaining`` lists them (everything else is gone)."""

    def __init__(self, path: Path, remaining: list[Path]) -> None:
        super().__init__(path, f"{len(remaining)} file(s) could not be deleted")
        self.remaining = remaining
