"""The SQLite database file: location inside the data folder, creating, checking, opening and upgrading.

Crash safety: every save is one transaction (the repository), the journal is WAL and ``synchronous`` is FULL
(:mod:`vitaalthuis.storage.engine`), so a commit that returned survives a crash or power cut. SQLite failures
the user can act on (disk full, read-only file, damage) reach callers as typed
:mod:`vitaalthuis.storage.errors`, not as driver errors. Nothing here imports SQLAlchemy: opening a database
costs a few plain ``sqlite3`` checks (:mod:`vitaalthuis.storage.sessions`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from vitaalthuis.logs import get_logger
from vitaalthuis.storage import migrate
from vitaalthuis.storage.backup import readonly_uri
from vitaalthuis.storage.errors import DataDirError, NotVitaalThuisDatabaseError, StorageError, is_damage
from vitaalthuis.storage.sessions import BUSY_TIMEOUT_MS, Sessions

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

DB_FILE = "vitaalthuis.sqlite3"
SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's companions of the database file
_log = get_logger(__name__)


def side_files(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + suffix) for suffix in SIDE_FILES]


def prepare_data_dir(data_dir: Path) -> Path:
    """Create the data folder (0700 on POSIX), check it can be written, and return the database path in it."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(data_dir, 0o700)
    except OSError as exc:
        raise DataDirError(data_dir, exc.strerror or str(exc)) from exc
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise DataDirError(data_dir, "the folder cannot be written")
    return data_dir / DB_FILE


def quick_check(db_path: Path) -> str | None:
    """Run ``PRAGMA quick_check`` read-only; None when it is "ok", else the first problem it reports.

    About 1 ms for 520 weeks of check-ins. Damage is reported as a problem; StorageError is raised when the
    file cannot be read for another reason (locked, no permission)."""
    try:
        con = sqlite3.connect(readonly_uri(db_path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = con.execute("PRAGMA quick_check(3)").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            return str(exc)
        raise StorageError(db_path, f"the database cannot be read: {exc}") from exc
    problems = [str(r[0]) for r in rows if r and r[0] != "ok"]
    return "; ".join(problems) if problems else None


def holds_data(db_path: Path) -> bool:
    """Whether the file (or the WAL beside it) has any content at all."""
    return any(p.exists() and p.stat().st_size > 0 for p in (db_path, side_files(db_path)[0]))


def settle(db_path: Path) -> None:
    """Let SQLite finish its own crash recovery before any read-only look at the file.

    After a crash a WAL index may have to be rebuilt, or a hot rollback journal rolled back; a read-only
    connection can do neither ("attempt to write a readonly database"), so the checks at start would call a
    sound database unreadable. A normal connection does it at its first read; no committed data changes
    (closing it may move committed pages from the WAL into the file, as every SQLite client does). Nothing
    happens without a -wal or -journal with content (after every clean shutdown), nor when the file is not
    a SQLite database at all (SQLite could then discard a -wal it cannot pair, which belongs to the evidence
    moved aside)."""
    wal, _shm, journal = side_files(db_path)
    try:
        if not any(p.is_file() and p.stat().st_size > 0 for p in (wal, journal)):
            return
        with db_path.open("rb") as fh:
            header = fh.read(20)
        if not header.startswith(b"SQLite format 3\x00") or (wal.exists() and header[18:20] != b"\x02\x02"):
            return
        con = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            con.execute("PRAGMA schema_version").fetchone()
        finally:
            con.close()
    except (sqlite3.Error, OSError):
        pass  # not a database, locked, ...: the checks that follow say what it is


def _create(path: Path) -> None:
    """Build a new database in a temporary file and link it into place: it appears whole or not at all.

    (A kill during the first migration must not leave half a schema behind, which no start could repair.)"""
    _remove_stale_new_files(path)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.new")
    try:
        for stale in (tmp, *side_files(tmp)):
            stale.unlink(missing_ok=True)
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        migrate.upgrade(tmp)
        for stale in side_files(path):  # left by an earlier crash; they hold no data (holds_data was False)
            stale.unlink(missing_ok=True)
        try:
            os.link(tmp, path)  # refuses to replace a database another process made meanwhile
        except FileExistsError:
            if not holds_data(path):
                os.replace(tmp, path)
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
    except OSError as exc:
        raise DataDirError(path.parent, exc.strerror or str(exc)) from exc
    finally:
        for leftover in (tmp, *side_files(tmp)):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)


def new_files(db_path: Path) -> list[Path]:
    """Temporary files of :func:`_create` (a kill can leave one behind)."""
    return sorted(db_path.parent.glob(f"{db_path.name}.*.new*"))


def _remove_stale_new_files(db_path: Path, older_than: float = 600) -> None:
    """Remove those of processes that are gone (killed while creating), or old ones."""
    for path in new_files(db_path):
        pid = path.name[len(db_path.name) + 1:].split(".")[0]
        with contextlib.suppress(OSError, ValueError):
            if not _alive(int(pid)) or time.time() - path.stat().st_mtime > older_than:
                path.unlink()


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # the age rule above applies
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass
class Database:
    path: Path
    migration_backup: Path | None = None
    sessions: Sessions = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.sessions = Sessions(self.path)

    @property
    def engine(self) -> Engine:
        return self.sessions.engine

    @classmethod
    def open(cls, data_dir: Path, *, verify: bool = True) -> Database:
        """Open (creating or upgrading as needed) the database in ``data_dir``.

        Raises DataDirError, NotVitaalThuisDatabaseError (also when ``PRAGMA quick_check`` finds damage;
        ``verify=False`` skips that when the caller just checked), DatabaseTooNewError (the file is not
        opened for writing then) or MigrationError; the file is left as it was in every case."""
        path = prepare_data_dir(data_dir)
        if not holds_data(path):
            _create(path)
        settle(path)
        upgrade = migrate.needs_upgrade(path)
        if verify and holds_data(path):
            problem = quick_check(path)
            if problem is not None:
                raise NotVitaalThuisDatabaseError(path, f"damaged: {problem}")
        backup = migrate.upgrade(path) if upgrade else None
        if os.name == "posix":
            with contextlib.suppress(OSError):
                os.chmod(path, 0o600)
        return cls(path, backup)

    def on_commit(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` after every committed write transaction (e.g. the daily backup at the first save
        of a new day). A failing callback is logged and never turns a saved check-in into an error."""

        def listener(_session: Session) -> None:
            try:
                callback()
            except Exception:
                _log.exception("db.commit_listener_failed")

        self.sessions.on_commit(listener)

    def close(self) -> None:
        self.sessions.dispose()
