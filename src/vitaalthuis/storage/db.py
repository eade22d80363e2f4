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
from vitaalthuis.storage.backup import readonly_uri, write_error
from vitaalthuis.storage.errors import (
    DataDirError,
    NoDatabaseError,
    NotVitaalThuisDatabaseError,
    StorageError,
    is_damage,
)
from vitaalthuis.storage.sessions import BUSY_TIMEOUT_MS, Sessions
from vitaalthuis.storage.sidefiles import holds_data, replay_side_files, side_files

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

DB_FILE = "vitaalthuis.sqlite3"
_log = get_logger(__name__)


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
    def open(cls, data_dir: Path, *, verify: bool = True, create: bool = True) -> Database:
        """Open (creating or upgrading as needed) the database in ``data_dir``.

        ``create=False`` (commands that only read) raises NoDatabaseError instead of creating the data
        folder or the database when there is none.

        Raises DataDirError, NotVitaalThuisDatabaseError (also when ``PRAGMA quick_check`` finds damage;
        ``verify=False`` skips that when the caller just checked), DatabaseTooNewError (the file is not
        opened for writing then) or MigrationError; the file is left as it was in every case."""
        if not create and not holds_data(data_dir / DB_FILE):
            raise NoDatabaseError(data_dir / DB_FILE, "there is no VitaalThuis database here")
        path = prepare_data_dir(data_dir)
        try:
            replay_side_files(path)
        except OSError as exc:  # the safety copy could not be made (a full disk): nothing was replayed
            raise write_error(path, exc) from exc
        if not holds_data(path):
            _create(path)
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

    def on_commit(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` after every committed write transaction (e.g. the daily backup at the first save
        of a new day). A failing callback is logged and never turns a saved check-in into an error."""

        def listener(_session: Session) -> None:
            try:
                callback()
            except Exception:  # noqa: BLE001 - a backup failing after a save must not undo the "saved"
                _log.exception("db.commit_listener_failed")

        self.sessions.on_commit(listener)

    def close(self) -> None:
        self.sessions.dispose()
