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

import contextlib
import datetime as dt
import os
import sqlite3
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from vitaalthuis.logs import get_logger
from vitaalthuis.storage import migrate
from vitaalthuis.storage.backup import readonly_uri
from vitaalthuis.storage.db import BUSY_TIMEOUT_MS, holds_data, prepare_data_dir, settle, side_files
from vitaalthuis.storage.errors import DataDirError, is_damage

DAMAGED_DIR = "damaged"
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
    """What ``path`` is: read-only, one connection, ``PRAGMA quick_check`` included (~1 ms for 520 weeks)."""
    empty = (not path.exists() or path.stat().st_size == 0) if immutable else not holds_data(path)
    if empty:
        return Examination(State.NEW)
    if not immutable:
        settle(path)
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
        return Examination(State.UNREADABLE, detail=str(exc))


def _examine(con: sqlite3.Connection) -> Examination:
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" not in tables:
        return Examination(State.FOREIGN, detail="another application's database") if tables else \
            Examination(State.NEW)
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = row[0] if row else None
    if revision is not None and revision not in migrate.REVISIONS:
        return Examination(State.TOO_NEW, revision, detail=f"schema revision {revision}")
    problems = [str(r[0]) for r in con.execute("PRAGMA quick_check(3)") if r[0] != "ok"]
    if problems:
        return Examination(State.DAMAGED, revision, detail="; ".join(problems))
    if revision is None or "checkin" not in tables:
        return Examination(State.NEW, revision)
    return Examination(State.OK, revision, con.execute("SELECT count(*) FROM checkin").fetchone()[0])


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


def damaged_dir(db_path: Path) -> Path:
    return db_path.parent / DAMAGED_DIR


def move_aside(db_path: Path, why: str = "damaged", now: dt.datetime | None = None) -> list[Path]:
    """Rename the database and its -wal/-shm/-journal into ``damaged/`` (same names plus ``why`` and a time
    stamp, so SQLite still pairs them). Renaming within the data folder never copies and never deletes.
    Returns the new paths, the database first."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    folder = damaged_dir(db_path)
    try:
        folder.mkdir(exist_ok=True)
        if os.name == "posix":
            os.chmod(folder, 0o700)
        base = folder / f"{db_path.stem}-{why}-{stamp}{db_path.suffix}"
        n = 1
        while base.exists():
            n += 1
            base = folder / f"{db_path.stem}-{why}-{stamp}-{n}{db_path.suffix}"
        moved = []
        for source in (db_path, *side_files(db_path)):
            if source.exists():
                target = base.with_name(base.name + source.name[len(db_path.name):])
                os.replace(source, target)
                moved.append(target)
                if os.name == "posix":
                    with contextlib.suppress(OSError):
                        os.chmod(target, 0o600)
    except OSError as exc:
        detail = f"could not move the database aside: {exc.strerror or exc}"
        raise DataDirError(db_path.parent, detail) from exc
    return sorted(moved, key=lambda p: p.name != base.name)
