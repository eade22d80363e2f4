"""Typed storage errors; the window and the command line decide how to tell the user."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# SQLite primary result codes (https://sqlite.org/rescode.html); extended codes keep these in the low byte.
SQLITE_PERM, SQLITE_BUSY, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 3, 5, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26


class StorageError(Exception):
    """Base class: something is wrong with the database file or the data folder."""

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(f"{path}: {detail}" if detail else str(path))
        self.path = path
        self.detail = detail


class NotVitaalThuisDatabaseError(StorageError):
    """The file is not a SQLite database, is damaged, or belongs to another application."""


class NoDatabaseError(StorageError):
    """There is no database in the data folder, and the caller only reads (nothing was created)."""


class DatabaseTooNewError(StorageError):
    """A newer version of VitaalThuis wrote this database; it is left alone (no downgrade)."""


class DataDirError(StorageError):
    """The data folder cannot be created or written."""


class MigrationError(StorageError):
    """Upgrading the database failed; the backup made just before is named in ``detail``."""


class StorageWriteError(StorageError):
    """A write did not happen (disk full, read-only file or folder, I/O error); the transaction was rolled
    back, so what was saved before is intact. ``reason``: ``disk_full``, ``read_only`` or ``io``."""

    def __init__(self, path: Path, detail: str = "", reason: str = "io", code: str = "") -> None:
        super().__init__(path, detail)
        self.reason = reason
        self.code = code  # SQLite's error name, for the log


class StorageReadError(StorageError):
    """The database could not be read just now (an I/O error, no permission, locked too long); nothing was
    changed. ``reason`` as for StorageWriteError; ``code`` is SQLite's error name, for the log."""

    def __init__(self, path: Path, detail: str = "", reason: str = "io", code: str = "") -> None:
        super().__init__(path, detail)
        self.reason = reason
        self.code = code


class WeekConflictError(StorageError):
    """A check-in for these weeks exists already (stored meanwhile by another process, or by an import) and
    replacing was not asked for; nothing was written."""

    def __init__(self, path: Path, weeks: list[str]) -> None:
        super().__init__(path, "already stored: " + ", ".join(weeks))
        self.weeks = weeks


class NotEmptyError(StorageError):
    """The operation is only for an empty database (demo data), and this one holds something."""


class BackupNotFoundError(StorageError):
    """No backup with that id (file name) exists in the backups folder."""


def primary_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of a ``sqlite3`` error (None for other exceptions)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_damage(exc: BaseException) -> bool:
    """Whether a ``sqlite3`` error says the file itself is bad (not a database, or malformed)."""
    return primary_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def error_name(exc: BaseException) -> str:
    """SQLite's name of the error (``SQLITE_IOERR_SHORT_READ``): what the log keeps (never the data)."""
    return str(getattr(exc, "sqlite_errorname", "") or type(exc).__name__)


def translate(exc: sqlite3.Error, path: Path, *, reading: bool = False) -> StorageError | None:
    """The typed error for a SQLite failure that the user can act on, or None (e.g. busy: leave it as is).

    ``reading``: the failure happened while only reading, so it is never reported as a failed write."""
    code, name = primary_code(exc), error_name(exc)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return NotVitaalThuisDatabaseError(path, f"damaged: {exc} ({name})")
    if code == SQLITE_FULL:
        return StorageWriteError(path, f"the disk is full ({name})", "disk_full", name)
    if reading:
        if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN, SQLITE_IOERR, SQLITE_BUSY):
            reason = "io" if code in (SQLITE_IOERR, SQLITE_BUSY) else "read_only"
            return StorageReadError(path, f"the database could not be read ({exc}; {name})", reason, name)
        return None
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN):
        detail = f"the file or its folder cannot be written ({exc}; {name})"
        return StorageWriteError(path, detail, "read_only", name)
    if code == SQLITE_IOERR:
        return StorageWriteError(path, f"the disk may be full or failing ({exc}; {name})", "io", name)
    return None


class DeleteIncompleteError(StorageError):
    """Some files could not be deleted; ``remaining`` lists them (everything else is gone)."""

    def __init__(self, path: Path, remaining: list[Path]) -> None:
        super().__init__(path, f"{len(remaining)} file(s) could not be deleted")
        self.remaining = remaining
