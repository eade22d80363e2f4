"""Backup use cases: the daily backup, rotation, the list with dates and counts, restore, the newest good one.

Qt-free; the window and ``vitaalthuis backup list|restore`` share it. Works without opening the database
through SQLAlchemy, so listing and restoring also work when the current database is damaged or too new.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vitaalthuis.logs import get_logger
from vitaalthuis.storage import migrate
from vitaalthuis.storage.backup import (
    DAILY,
    backup_database,
    backup_files,
    backups_dir,
    daily_backup_path,
    operation_backup,
    parse_backup_name,
    prune_backups,
    restore_into,
)
from vitaalthuis.storage.db import prepare_data_dir
from vitaalthuis.storage.errors import (
    BackupNotFoundError,
    DatabaseTooNewError,
    NotVitaalThuisDatabaseError,
    StorageError,
)
from vitaalthuis.storage.recovery import State, examine, move_aside

_log = get_logger(__name__)


@dataclass(frozen=True)
class BackupInfo:
    """One backup as the list shows it. ``checkins`` is None unless ``state`` is OK."""

    id: str  # the file name
    path: Path
    kind: str  # "daily" or "operation"
    reason: str | None  # migration, import, restore (operation backups)
    created: dt.datetime  # local time
    size: int
    state: State
    checkins: int | None
    revision: str | None

    @property
    def usable(self) -> bool:
        return self.state is State.OK


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    kept_as: Path | None  # the copy of the database as it was (None: there was none), or where it was moved
    moved_aside: bool  # True: the current database was damaged or foreign and was moved to ``kept_as``
    migration_backup: Path | None = None  # an older backup was upgraded to this version's schema


class BackupService:
    def __init__(self, db_path: Path, now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.db_path = db_path
        self.folder = backups_dir(db_path)
        self._now = now
        self._daily_done: dt.date | None = None

    # -- daily ----------------------------------------------------------------------------------------------
    def daily_backup(self) -> Path | None:
        """Make today's backup unless one exists or the database holds nothing; then rotate. Returns the new
        backup. Raises StorageError (e.g. StorageWriteError when the disk is full)."""
        now = self._now()
        today = now.date()
        if any(b.kind == DAILY and b.created.date() == today for b in backup_files(self.folder)):
            self._daily_done = today
            return None
        found = examine(self.db_path)
        if found.state is not State.OK or not found.checkins:
            return None  # nothing worth keeping yet (or nothing sane: recovery deals with that)
        path = backup_database(self.db_path, daily_backup_path(self.db_path, now))
        self._daily_done = today
        _log.info("backup.daily", extra={"fields": {"checkins": found.checkins}})
        prune_backups(self.folder)
        return path

    def ensure_daily(self) -> Path | None:
        """:meth:`daily_backup` at most once a day, never raising (a failure is logged). Call it at start and
        after every save (``Database.on_commit``): after the first of a day it costs nothing."""
        if self._daily_done == self._now().date():
            return None
        try:
            return self.daily_backup()
        except (StorageError, OSError):
            _log.exception("backup.daily_failed")
            return None

    # -- list ----------------------------------------------------------------------------------------------
    def backups(self) -> list[BackupInfo]:
        """Every backup, newest first, each read (read-only) for its state and number of check-ins. A backup
        that another process's rotation removes while this lists them is left out, not an error."""
        found = []
        for backup in backup_files(self.folder):
            try:
                found.append(self._info(backup.path))
            except FileNotFoundError:
                continue
        return [b for b in found if b.path.exists()]

    def get(self, backup_id: str) -> BackupInfo:
        """The backup named ``backup_id``; raises BackupNotFoundError (also for anything that is not a plain
        backup file name in the backups folder)."""
        candidate = self.folder / backup_id
        if "/" in backup_id or "\\" in backup_id or parse_backup_name(candidate) is None or \
                not candidate.is_file():
            raise BackupNotFoundError(candidate, f"no backup named {backup_id!r}")
        return self._info(candidate)

    def newest_good_backup(self) -> BackupInfo | None:
        """The newest backup that is a sound VitaalThuis database this version can open (for recovery)."""
        return next((b for b in self.backups() if b.usable), None)

    def prune(self) -> list[Path]:
        return prune_backups(self.folder)

    def _info(self, path: Path) -> BackupInfo:
        parsed = parse_backup_name(path)
        assert parsed is not None
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        found = examine(path, immutable=True)
        state = State.DAMAGED if found.state is State.NEW else found.state  # an empty backup is no backup
        return BackupInfo(parsed.id, path, parsed.kind, parsed.reason, parsed.created, size, state,
                          found.checkins if state is State.OK else None, found.revision)

    # -- restore -------------------------------------------------------------------------------------------
    def restore(self, backup_id: str) -> RestoreResult:
        """Replace the database with backup ``backup_id``. The database as it was is kept first: copied to a
        ``before-restore`` backup, or, when it is damaged or foreign, moved to ``damaged/``.

        Raises BackupNotFoundError; NotVitaalThuisDatabaseError / DatabaseTooNewError (with the backup's path)
        when the backup is damaged, foreign or too new; StorageError when the current database cannot be
        kept or the copy cannot be written. Nothing changes in any of those cases. Connections that were open
        on a moved-aside database must be reopened (``Database.close()``, then ``Database.open``)."""
        info = self.get(backup_id)
        if info.state is State.TOO_NEW:
            raise DatabaseTooNewError(info.path, f"written by a newer version ({info.revision})")
        if not info.usable:
            raise NotVitaalThuisDatabaseError(info.path, f"cannot be restored ({info.state.value})")
        prepare_data_dir(self.db_path.parent)
        kept_as, moved = self._keep_current()
        restore_into(info.path, self.db_path)
        migration = migrate.upgrade(self.db_path) if migrate.needs_upgrade(self.db_path) else None
        prune_backups(self.folder, protect=frozenset({kept_as.name} if kept_as else ()))
        _log.info("backup.restored", extra={"fields": {"checkins": info.checkins, "moved_aside": moved}})
        return RestoreResult(info, kept_as, moved, migration)

    def _keep_current(self) -> tuple[Path | None, bool]:
        current = examine(self.db_path)
        if current.state is State.NEW:
            return None, False
        if current.state in (State.DAMAGED, State.FOREIGN):
            return move_aside(self.db_path, current.state.value, self._now())[0], True
        if current.state is State.UNREADABLE:
            raise StorageError(self.db_path, f"the current database cannot be read, so nothing was restored "
                                             f"({current.detail})")
        return operation_backup(self.db_path, "restore", self._now(), prune=False), False


def copy_database(db_path: Path, target: Path) -> Path:
    """A checked copy of the database at ``target`` (0600) with the backup API: the "safety copy"."""
    backup_database(db_path, target)
    found = examine(target, immutable=True)
    if found.state is not State.OK:
        target.unlink(missing_ok=True)
        raise NotVitaalThuisDatabaseError(db_path, f"the copy could not be verified ({found.state.value})")
    return target
