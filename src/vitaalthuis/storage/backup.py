"""Copies of the database, always made with SQLite's online backup API (never a file copy: WAL).

The ``backups/`` folder beside the database holds two kinds of copies, told apart by their file name (which
is also the id the command line and the window show):

- ``daily-YYYYMMDD-HHMMSS.sqlite3``: at most one a day; rotation keeps the last 10 days and the last backup
  of each of the last 8 ISO weeks that have one (the two sets overlap, as in restic's keep-daily/keep-weekly);
- ``before-<reason>-YYYYMMDD-HHMMSS-ffffff.sqlite3``: taken just before a migration, an import or a
  restore; the last 5 are kept, apart from the daily ones.

A copy is written to ``<name>.part`` (mode 0600 from the first byte), switched to a self-contained rollback
journal file (no -wal/-shm beside it), and renamed into place: a half-made copy never carries a backup name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from vitaalthuis.files import fsync_dir
from vitaalthuis.logs import get_logger
from vitaalthuis.storage.errors import (
    NotVitaalThuisDatabaseError,
    StorageError,
    StorageWriteError,
    is_damage,
    translate,
)

BACKUP_DIR = "backups"
KEEP_DAILY, KEEP_WEEKLY, KEEP_OPERATIONS = 10, 8, 5
DAILY, OPERATION = "daily", "operation"
_NAME = re.compile(r"(?:(?P<daily>daily)|before-(?P<reason>[a-z]+))"
                   r"-(?P<stamp>[0-9]{8}-[0-9]{6})(?:-[0-9]{6})?\.sqlite3")
_STALE_PART_SECONDS = 3600
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
_log = get_logger(__name__)


@dataclass(frozen=True)
class BackupFile:
    """A backup known by its name: ``id`` is the file name; ``created`` is local time from that name."""

    id: str
    path: Path
    kind: str  # DAILY or OPERATION
    reason: str | None  # migration, import, restore (OPERATION only)
    created: dt.datetime


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR


def readonly_uri(path: Path, *, immutable: bool = False) -> str:
    """A ``file:`` URI that opens ``path`` read-only (percent-encoded: '#', '?' and '%' are safe in names).

    ``immutable`` also skips locking and the -wal/-shm files: only for files nobody writes (backups)."""
    return path.absolute().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def parse_backup_name(path: Path) -> BackupFile | None:
    match = _NAME.fullmatch(path.name)
    if match is None:
        return None
    try:
        created = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    kind = DAILY if match["daily"] else OPERATION
    return BackupFile(path.name, path, kind, match["reason"], created)


def backup_files(folder: Path) -> list[BackupFile]:
    """Every backup in ``folder``, newest first (other files there are ignored)."""
    try:
        entries = [e for e in os.scandir(folder) if e.is_file(follow_symlinks=False)]
    except OSError:
        return []
    found = [b for e in entries if (b := parse_backup_name(Path(e.path))) is not None]
    return sorted(found, key=lambda b: (b.created, b.id), reverse=True)


def _private_new_file(path: Path) -> None:
    """Create an empty file with mode 0600 (SQLite then writes into it; it never exists world-readable)."""
    path.unlink(missing_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def write_error(target: Path, exc: OSError) -> StorageWriteError:
    """The typed error for a failed file write: a full disk is called a full disk."""
    full = exc.errno in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC))
    denied = exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
    reason = "disk_full" if full else "read_only" if denied else "io"
    return StorageWriteError(target, exc.strerror or str(exc), reason)


def backup_database(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` (a new file, mode 0600) with the backup API; returns ``target``.

    Raises NotVitaalThuisDatabaseError when ``source`` is damaged, StorageWriteError when the copy cannot be
    written (nothing is left behind then), StorageError when ``source`` does not exist."""
    if not source.exists():
        raise StorageError(source, "there is no database to copy")
    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(target.parent, 0o700)
        _private_new_file(tmp)
        src = sqlite3.connect(readonly_uri(source), uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        _remove_copy(tmp)
        if is_damage(exc):
            raise NotVitaalThuisDatabaseError(source, f"damaged: {exc}") from exc
        raise translate(exc, target) or StorageWriteError(target, str(exc)) from exc
    except OSError as exc:
        _remove_copy(tmp)
        raise write_error(target, exc) from exc
    fsync_dir(target.parent)
    return target


def _remove_copy(tmp: Path) -> None:
    """A half-made copy and the -wal/-shm SQLite made beside it."""
    for path in (tmp, *(tmp.with_name(tmp.name + s) for s in _SIDE_SUFFIXES)):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def operation_backup(db_path: Path, reason: str, now: dt.datetime | None = None, *,
                     prune: bool = True) -> Path:
    """A backup taken just before an operation (``reason``: migration, import, restore) in ``backups/``.

    Afterwards the operation backups beyond the last :data:`KEEP_OPERATIONS` are removed (``prune``)."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = backup_database(db_path, backups_dir(db_path) / f"before-{reason}-{stamp}.sqlite3")
    _log.info("backup.before_operation", extra={"fields": {"file": target}})
    if prune:
        prune_backups(backups_dir(db_path))
    return target


def daily_backup_path(db_path: Path, now: dt.datetime) -> Path:
    return backups_dir(db_path) / f"daily-{now:%Y%m%d-%H%M%S}.sqlite3"


def rotation_victims(files: list[BackupFile], *, daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY,
                     operations: int = KEEP_OPERATIONS) -> list[BackupFile]:
    """The backups that rotation removes: all but the last ``daily`` days, the last backup of each of the last
    ``weekly`` ISO weeks, and the newest ``operations`` operation backups."""
    newest_first = sorted(files, key=lambda b: (b.created, b.id), reverse=True)
    dailies = [b for b in newest_first if b.kind == DAILY]
    keep: set[str] = {b.id for b in [b for b in newest_first if b.kind == OPERATION][:operations]}
    for period, count in ((lambda d: d.date(), daily), (lambda d: d.isocalendar()[:2], weekly)):
        seen: list[object] = []
        for backup in dailies:  # newest first: the first one seen of a period is its last backup
            key = period(backup.created)
            if key not in seen:
                if len(seen) == count:
                    break
                seen.append(key)
                keep.add(backup.id)
    return [b for b in newest_first if b.id not in keep]


def prune_backups(folder: Path, protect: frozenset[str] = frozenset()) -> list[Path]:
    """Apply the rotation to ``folder`` (and drop half-made copies older than an hour); returns what went."""
    removed = []
    for backup in rotation_victims(backup_files(folder)):
        if backup.id in protect:
            continue
        with contextlib.suppress(FileNotFoundError):
            backup.path.unlink()
            removed.append(backup.path)
    with contextlib.suppress(OSError):
        for part in (p for pattern in ("*.part", *(f"*.part{s}" for s in _SIDE_SUFFIXES))
                     for p in folder.glob(pattern)):
            # a killed copy's file, with its side files
            if time.time() - part.stat().st_mtime > _STALE_PART_SECONDS:
                part.unlink(missing_ok=True)
                removed.append(part)
    if removed:
        _log.info("backup.rotated", extra={"fields": {"removed": len(removed)}})
    return removed


def restore_into(source: Path, db_path: Path) -> None:
    """Overwrite the database at ``db_path`` with the backup ``source`` through the backup API.

    Into an existing database: one write transaction, so on failure (or a crash) it is unchanged, and
    connections open elsewhere (the window) see the restored content at their next read. Without a database
    (e.g. after a damaged one was moved aside) the copy is made beside it and renamed into place whole."""
    new = not db_path.exists() or db_path.stat().st_size == 0
    target = db_path.with_name(f"{db_path.name}.{os.getpid()}.new") if new else db_path
    try:
        if new:
            _private_new_file(target)
        src = sqlite3.connect(readonly_uri(source, immutable=True), uri=True)
        try:
            dst = sqlite3.connect(target, timeout=10)
            try:
                src.backup(dst)
                if new:
                    dst.execute("PRAGMA journal_mode = WAL")
            finally:
                dst.close()
        finally:
            src.close()
        if new:
            for side in _SIDE_SUFFIXES:  # of an empty database, if any: they must not pair with the new one
                db_path.with_name(db_path.name + side).unlink(missing_ok=True)
            os.replace(target, db_path)
            fsync_dir(db_path.parent)
    except (sqlite3.Error, OSError) as exc:
        if new:
            for path in (target, *(target.with_name(target.name + s) for s in _SIDE_SUFFIXES)):
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise write_error(db_path, exc) from exc
        if is_damage(exc):
            raise NotVitaalThuisDatabaseError(source, f"damaged: {exc}") from exc
        raise translate(exc, db_path) or StorageWriteError(db_path, str(exc)) from exc
