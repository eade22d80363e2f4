"""Opening the data folder at start: what is there, what was done about it, what may be offered.

The decisions live here; the window only shows them (dialogs in ``ui/startup.py``):

- the database is examined (``storage.recovery.check_at_start``); a damaged or foreign file has been moved
  aside (never deleted) and the newest good backup, if any, can be restored;
- a database of a newer VitaalThuis, or one that cannot be read now, is left alone and not opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vitaalthuis.services.backups import BackupInfo, BackupService
from vitaalthuis.storage import recovery
from vitaalthuis.storage.db import DB_FILE, Database
from vitaalthuis.storage.errors import DatabaseTooNewError, StorageError


@dataclass(frozen=True)
class StartCheck:
    """``moved_to``: where a damaged or foreign database went; ``restorable``: the newest good backup then;
    ``refused``: why the data cannot be opened now (a newer version's data, unreadable, no folder)."""

    moved_to: Path | None = None
    restorable: BackupInfo | None = None
    refused: StorageError | None = None

    @property
    def can_open(self) -> bool:
        return self.refused is None


def check_data(data_dir: Path) -> StartCheck:
    """Examine the database before opening it (moving a damaged or foreign one aside). Never raises."""
    try:
        check = recovery.check_at_start(data_dir)
    except StorageError as exc:
        return StartCheck(refused=exc)
    if check.state in (recovery.State.DAMAGED, recovery.State.FOREIGN):
        return StartCheck(moved_to=check.moved_to, restorable=backups_of(data_dir).newest_good_backup())
    if check.state is recovery.State.TOO_NEW:
        return StartCheck(refused=DatabaseTooNewError(check.db_path, check.detail))
    if check.state is recovery.State.UNREADABLE:
        return StartCheck(refused=StorageError(check.db_path, check.detail))
    return StartCheck()


def backups_of(data_dir: Path) -> BackupService:
    return BackupService(data_dir / DB_FILE)


def restore(data_dir: Path, backup_id: str) -> None:
    """Restore a backup into the data folder (raises StorageError; nothing changed then)."""
    backups_of(data_dir).restore(backup_id)


def open_database(data_dir: Path) -> Database:
    """Open the database just checked (raises StorageError)."""
    return Database.open(data_dir, verify=False)
