"""Typed storage errors; the window and the command line decide how to tell the user."""

from __future__ import annotations

from pathlib import Path


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
