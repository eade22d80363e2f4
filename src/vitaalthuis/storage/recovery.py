"""Recovery at start: examine the database, and move a damaged or foreign one aside (never delete it).

:func:`check_at_start` is what the window calls before :meth:`Database.open`. It returns what happened so
the window can tell the user in plain words:

- ``NEW`` / ``OK``: open the database (``Database.open(data_dir, verify=False)``: the check was just done);
- ``DAMAGED`` / ``FOREIGN``: the file (with its -wal/-shm) was moved to ``moved_to`` in ``damaged/``;
  offer ``BackupService.newest_good_backup()`` and restore it, or start with an empty database;
- ``TOO_NEW``: a newer VitaalThuis wrote it; it is left where it is and must not be opened for writing;
- ``UNREADABLE``: it could not be read for another reason (locked, no permission, I/O); left where it is.

:func:`examine` also judges backups (``immutable=True``: read without touching -wal/-shm files).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from vitaalthuis.logs import get_logger
from vitaalthuis.storage import migrate
from vitaalthuis.storage.backup import readonly_uri
from vitaalthuis.storage.db import BUSY_TIMEOUT_MS, prepare_data_dir
from vitaalthuis.storage.errors import DataDirError, error_name, is_damage
from vitaalthuis.storage.identity import Kind, identify
from vitaalthuis.storage.sidefiles import (
    DAMAGED_DIR,
    damaged_dir,
    holds_data,
    move_set_aside,
    replay_side_files,
)

__all__ = ["DAMAGED_DIR", "check_at_start", "damaged_dir", "examine", "move_aside"]

_log = get_logger(__name__)


class State(StrEnum):
    NEW = "new"  # no database yet (or an empty file)
    OK = "ok"
    DAMAGED = "damaged"  # not a SQLite file, or SQLite finds it malformed
    FOREIGN = "foreign"  # a SQLite database of another application
    TOO_NEW = "too_new"  # written by a newer VitaalThuis (unknown schema revision)
    UNREADABLE = "unreadable"  # could not be read now (locked, permission, I/O error); nothing is known


@dataclass(frozen=True)
class Examination:
    state: State
    revision: str | None = None
    checkins: int | None = None  # only for OK
    detail: str = ""


@dataclass(frozen=True)
class StartCheck:
    state: State
    db_path: Path
    moved_to: Path | None = None  # DAMAGED / FOREIGN: the database file's new place
    moved: tuple[Path, ...] = field(default=())  # every file moved (the database and its -wal/-shm)
    detail: str = ""

    @property
    def can_open(self) -> bool:
        """Whether ``Database.open`` may now be called (after a move it creates an empty database)."""
        return self.state not in (State.TOO_NEW, State.UNREADABLE)


def examine(path: Path, *, immutable: bool = False) -> Examination:
    """What ``path`` is: read-only, one connection, ``PRAGMA quick_check`` included (~1 ms for 520 weeks).

    Side files left by a crash are replayed first, safely (:func:`sidefiles.replay_side_files`), unless
    ``immutable`` (backups: read without touching -wal/-shm files) or the file is open in this process."""
    try:
        empty = (not path.exists() or path.stat().st_size == 0) if immutable else not holds_data(path)
    except FileNotFoundError:  # removed between the two looks (another process's backup rotation)
        empty = True
    if empty:
        return Examination(State.NEW)
    if not immutable:
        try:
            replay_side_files(path)
        except OSError as exc:
            return Examination(State.UNREADABLE, detail=f"its side files could not be kept first: {exc}")
        if not holds_data(path):
            return Examination(State.NEW)  # an orphaned -wal was moved aside
    try:
        uri = readonly_uri(path, immutable=immutable)
        con = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            return _examine(con)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            return Examination(State.DAMAGED, detail=str(exc))
        return Examination(State.UNREADABLE, detail=f"{exc} ({error_name(exc)})")


def _examine(con: sqlite3.Connection) -> Examination:
    found = identify(con, migrate.REVISIONS)
    if found.kind is Kind.EMPTY:
        return Examination(State.NEW)
    if found.kind is Kind.FOREIGN:
        return Examination(State.FOREIGN, found.revision, detail=found.detail)
    if found.kind is Kind.TOO_NEW or found.revision not in migrate.REVISIONS:
        return Examination(State.TOO_NEW, found.revision, detail=found.detail or f"revision {found.revision}")
    problems = [str(r[0]) for r in con.execute("PRAGMA quick_check(3)") if r[0] != "ok"]
    if problems:
        return Examination(State.DAMAGED, found.revision, detail="; ".join(problems))
    return Examination(State.OK, found.revision, con.execute("SELECT count(*) FROM checkin").fetchone()[0])


def check_at_start(data_dir: Path, now: dt.datetime | None = None) -> StartCheck:
    """Examine the database in ``data_dir`` and move it aside when it is damaged or not ours.

    Raises DataDirError when the data folder cannot be created or written, or a move fails (the file then
    stays where it was)."""
    db_path = prepare_data_dir(data_dir)
    found = examine(db_path)
    if found.state in (State.DAMAGED, State.FOREIGN):
        moved = move_aside(db_path, found.state.value, now)
        _log.warning("recovery.moved_aside", extra={"fields": {"damaged": found.state is State.DAMAGED,
                                                                 "files": len(moved)}})
        return StartCheck(found.state, db_path, moved[0], tuple(moved), found.detail)
    if found.state is not State.OK and found.state is not State.NEW:
        _log.warning(f"recovery.{found.state.value}")
    return StartCheck(found.state, db_path, detail=found.detail)


def move_aside(db_path: Path, why: str = "damaged", now: dt.datetime | None = None) -> list[Path]:
    """Rename the database and its -wal/-shm/-journal into ``damaged/`` (same names plus ``why`` and a time
    stamp, so SQLite still pairs them). Renaming within the data folder never copies and never deletes.
    Returns the new paths, the database first."""
    try:
        return move_set_aside(db_path, why, now)
    except OSError as exc:
        detail = f"could not move the database aside: {exc.strerror or exc}"
        raise DataDirError(db_path.parent, detail) from exc
