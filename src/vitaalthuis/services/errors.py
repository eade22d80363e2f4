"""The storage failures the window tells the user about, for the layers above storage.

The window never imports ``vitaalthuis.storage`` (an import contract in pyproject.toml checks it): it gets
these classes from here. They are defined in :mod:`vitaalthuis.storage.errors`, where SQLite's codes are
translated into them.
"""

from __future__ import annotations

from vitaalthuis.storage.errors import (
    BackupNotFoundError,
    DatabaseTooNewError,
    DataDirError,
    DeleteIncompleteError,
    MigrationError,
    NoDatabaseError,
    NotEmptyError,
    NotVitaalThuisDatabaseError,
    StorageError,
    StorageReadError,
    StorageWriteError,
    WeekConflictError,
)

__all__ = [
    "BackupNotFoundError",
    "DataDirError",
    "DatabaseTooNewError",
    "DeleteIncompleteError",
    "MigrationError",
    "NoDatabaseError",
    "NotEmptyError",
    "NotVitaalThuisDatabaseError",
    "StorageError",
    "StorageReadError",
    "StorageWriteError",
    "WeekConflictError",
]
