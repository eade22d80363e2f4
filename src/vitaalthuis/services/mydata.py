"""The "Mijn gegevens" (my data) use cases: what is stored where, export everything, delete everything.

Qt-free. Import for a new laptop goes through :class:`vitaalthuis.services.exchange.ExchangeService`
(``preview`` first, then ``import_data``): the same checks as the command line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vitaalthuis import logs
from vitaalthuis.files import write_private
from vitaalthuis.logs import get_logger
from vitaalthuis.services.backups import copy_database
from vitaalthuis.storage.backup import backups_dir, readonly_uri
from vitaalthuis.storage.db import DB_FILE, Database, new_files, side_files
from vitaalthuis.storage.errors import DeleteIncompleteError, StorageError
from vitaalthuis.storage.recovery import State, damaged_dir, examine

_log = get_logger(__name__)


@dataclass(frozen=True)
class StoredFile:
    path: Path
    kind: str  # "database" (with its -wal/-shm), "backup", "moved_aside", "log"
    size: int


@dataclass(frozen=True)
class MyData:
    data_dir: Path
    database: Path
    backups_dir: Path
    damaged_dir: Path
    log_dir: Path
    state: State  # of the database
    checkins: int | None  # None when the database cannot be read
    drafts: int | None
    first_week: str | None
    last_week: str | None
    demo: bool
    files: tuple[StoredFile, ...]

    def count(self, kind: str) -> int:
        return sum(f.kind == kind for f in self.files)

    @property
    def backups(self) -> int:
        return self.count("backup")

    @property
    def moved_aside(self) -> int:
        return self.count("moved_aside")

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)


@dataclass(frozen=True)
class DeleteResult:
    deleted: tuple[Path, ...]
    safety_copy: Path | None


class MyDataService:
    def __init__(self, data_dir: Path, database: Database | None = None, log_dir: Path | None = None,
                 now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.data_dir = data_dir
        self.db_path = data_dir / DB_FILE
        self.database = database
        self.log_dir = log_dir or logs.log_dir()
        self._now = now

    # -- what is stored -------------------------------------------------------------------------------------
    def summary(self) -> MyData:
        found = examine(self.db_path)
        checkins = drafts = first = last = None
        demo = False
        if found.state is State.OK:
            checkins, drafts, first, last, demo = self._counts()
        elif found.state is State.NEW:
            checkins, drafts = 0, 0
        return MyData(self.data_dir, self.db_path, backups_dir(self.db_path), damaged_dir(self.db_path),
                      self.log_dir, found.state, checkins, drafts, first, last, demo, tuple(self.files()))

    def _counts(self) -> tuple[int, int, str | None, str | None, bool]:
        from vitaalthuis.services.demo import META_DEMO

        con = sqlite3.connect(readonly_uri(self.db_path), uri=True)
        try:
            row = con.execute("SELECT count(*), min(week), max(week) FROM checkin").fetchone()
            checkins, first, last = row
            drafts = con.execute("SELECT count(*) FROM draft").fetchone()[0]
            demo = con.execute("SELECT value FROM meta WHERE key = ?", (META_DEMO,)).fetchone()
        finally:
            con.close()
        return checkins, drafts, first, last, bool(demo and demo[0] == "1")

    def files(self) -> list[StoredFile]:
        """Every file the app keeps: the database and its companions, backups, moved-aside files, logs."""
        found = [StoredFile(p, "database", _size(p)) for p in self._database_files() if p.is_file()]
        found += [StoredFile(p, "backup", _size(p)) for p in _tree(backups_dir(self.db_path))]
        found += [StoredFile(p, "moved_aside", _size(p)) for p in _tree(damaged_dir(self.db_path))]
        found += [StoredFile(p, "log", _size(p)) for p in self._log_files()]
        return found

    def _database_files(self) -> list[Path]:
        """The database, its -wal/-shm/-journal, and half-made new databases a kill left behind."""
        return [self.db_path, *side_files(self.db_path), *new_files(self.db_path)]

    def _log_files(self) -> list[Path]:
        return sorted(p for p in _tree(self.log_dir, recurse=False) if p.name.startswith(logs.LOG_FILE))

    # -- export --------------------------------------------------------------------------------------------
    def export_to(self, target: Path, fmt: str = "json") -> Path:
        """Write every check-in to ``target`` (JSON or CSV, mode 0600, atomically)."""
        from vitaalthuis.services.exchange import ExchangeService
        from vitaalthuis.storage.checkins import CheckinRepository

        if self.database is None:
            raise StorageError(self.db_path, "the database is not open")
        text = ExchangeService(CheckinRepository(self.database.sessions), self.db_path).export(fmt)
        write_private(target, text)
        _log.info("mydata.exported", extra={"fields": {"csv": fmt == "csv"}})
        return target

    # -- delete --------------------------------------------------------------------------------------------
    def delete_everything(self, keep_copy_to: Path | None = None, *,
                          include_logs: bool = True) -> DeleteResult:
        """Delete the database (with -wal/-shm), every backup and every moved-aside file (and the logs).

        With ``keep_copy_to`` (a file, or a folder to put ``VitaalThuis-copy-<date>.sqlite3`` in, outside
        the data folder) one verified copy is saved there first; if that fails nothing is deleted. The
        open Database is closed: open a new one (``Database.open``) to go on with an empty database.
        Raises ValueError for a copy target inside the data folder, StorageError when the copy fails,
        DeleteIncompleteError (``remaining``) when some files could not be deleted."""
        safety = None
        if keep_copy_to is not None:
            target = self._copy_target(keep_copy_to)
            if self.db_path.exists():
                safety = copy_database(self.db_path, target)
        if self.database is not None:
            self.database.close()
        deleted: list[Path] = []
        remaining: list[Path] = []
        paths = self._database_files()
        paths += [*_tree(backups_dir(self.db_path)), *_tree(damaged_dir(self.db_path))]
        for path in paths:
            _remove(path, deleted, remaining)
        for folder in (backups_dir(self.db_path), damaged_dir(self.db_path)):
            _remove_dirs(folder)
        if include_logs:
            deleted += logs.delete_log_files(self.log_dir)
        fields = {"files": len(deleted), "kept_copy": safety is not None}
        _log.info("mydata.deleted_everything", extra={"fields": fields})
        if remaining:
            raise DeleteIncompleteError(self.data_dir, remaining)
        return DeleteResult(tuple(deleted), safety)

    def _copy_target(self, keep_copy_to: Path) -> Path:
        target = keep_copy_to.expanduser()
        if target.is_dir():
            target = target / f"VitaalThuis-copy-{self._now():%Y%m%d-%H%M%S}.sqlite3"
        resolved, data = target.resolve(), self.data_dir.resolve()
        if resolved == data or data in resolved.parents:
            raise ValueError("the safety copy must be saved outside the data folder: it would be deleted too")
        return target


def _size(path: Path) -> int:
    try:
        return path.lstat().st_size
    except OSError:
        return 0


def _tree(folder: Path, *, recurse: bool = True) -> list[Path]:
    """Files (and symlinks, which are not followed) under ``folder``, sorted."""
    found = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        found += [Path(root) / n for n in names]
        found += [Path(root) / d for d in dirs if (Path(root) / d).is_symlink()]
        if not recurse:
            break
    return sorted(found)


def _remove(path: Path, deleted: list[Path], remaining: list[Path]) -> None:
    try:
        path.unlink()
        deleted.append(path)
    except FileNotFoundError:
        pass
    except OSError:
        remaining.append(path)


def _remove_dirs(folder: Path) -> None:
    for root, dirs, _names in os.walk(folder, topdown=False, followlinks=False):
        for d in dirs:
            with contextlib.suppress(OSError):
                (Path(root) / d).rmdir()
    with contextlib.suppress(OSError):
        folder.rmdir()
