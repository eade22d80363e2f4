"""The database's side files (-wal, -shm, -journal) before SQLite may replay them, and the one rule that
keeps other processes' WAL files alive.

**The rule.** SQLite locks with POSIX advisory locks, which belong to a *process* and a file: closing *any*
descriptor of the database file drops every lock the process holds on it, also those of its open SQLite
connections. A process that has the database open must therefore never open the file itself (not even to
read its header). Once it did, another process closing its last connection believes it is the last user,
checkpoints and deletes the -wal and -shm files, and this process goes on writing into a deleted WAL:
``disk I/O error`` on the next read and commits that are gone. :func:`mark_open` records which databases
this process holds (every connection, from its opening to its closing: the plain reads and the pooled
SQLAlchemy connections); raw access here happens only while this process holds no connection to the file,
so there is no lock of its own to lose.

**Replaying.** A -wal (or hot -journal) with content, which no running process holds, was left by a crash.
It normally holds acknowledged commits and must be replayed. But SQLite pairs a -wal with a database by name
alone: one of another database would be replayed too, and could turn a good database into an empty one.
So before SQLite may replay such a file, :func:`replay_side_files` keeps the unopened set (database and
side files, copied raw under an exclusive lock) in ``damaged/``, lets SQLite replay, and judges the result:
when a VitaalThuis database came out as something worse (not ours, damaged), the database as it was is put
back and the side file stays aside with the copy. When the result is sound the copy is removed, unless the
replay lowered the number of check-ins (then it is kept, as evidence; the replayed database is used).
A -wal beside an empty or missing database is moved aside with it: it cannot belong to anything here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from vitaalthuis.files import fsync_dir, private_dir
from vitaalthuis.logs import get_logger
from vitaalthuis.storage.identity import Kind, identify

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")  # SQLite's companions of the database file
DAMAGED_DIR = "damaged"
SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite's lock bytes (os_unix.c): a connection in WAL mode holds a read lock on the SHARED range for as long
# as it is open; a write lock over that range succeeds only when no other process has the database open.
_PENDING_BYTE = 0x40000000
_SHARED_FIRST, _SHARED_SIZE = _PENDING_BYTE + 2, 510
_BUSY_TIMEOUT_S = 10.0
_log = get_logger(__name__)

_open_here: dict[str, int] = {}


# -- which databases this process holds ---------------------------------------------------------------------
@functools.lru_cache(maxsize=64)
def _key(path: Path) -> str:
    return os.path.realpath(path)  # once per path: every read marks and unmarks its file


def mark_open(path: Path) -> None:
    """This process may hold SQLite connections to ``path`` from now on (until :func:`mark_closed`)."""
    key = _key(path)
    _open_here[key] = _open_here.get(key, 0) + 1


def mark_closed(path: Path) -> None:
    key = _key(path)
    left = _open_here.get(key, 0) - 1
    if left > 0:
        _open_here[key] = left
    else:
        _open_here.pop(key, None)


def open_here(path: Path) -> bool:
    return _key(path) in _open_here


# -- the files ------------------------------------------------------------------------------------------
def side_files(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + suffix) for suffix in SIDE_SUFFIXES]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


def holds_data(db_path: Path) -> bool:
    """Whether the file (or the WAL beside it) has any content at all."""
    return _size(db_path) > 0 or _size(side_files(db_path)[0]) > 0


def damaged_dir(db_path: Path) -> Path:
    return db_path.parent / DAMAGED_DIR


def aside_name(db_path: Path, why: str, now: dt.datetime | None = None) -> Path:
    """A free name in ``damaged/`` for the set of ``db_path`` (side files keep their suffix beside it)."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    folder = private_dir(damaged_dir(db_path))
    base = folder / f"{db_path.stem}-{why}-{stamp}{db_path.suffix}"
    n = 1
    while any(p.exists() for p in (base, *side_files(base))):
        n += 1
        base = folder / f"{db_path.stem}-{why}-{stamp}-{n}{db_path.suffix}"
    return base


def move_set_aside(db_path: Path, why: str, now: dt.datetime | None = None) -> list[Path]:
    """Rename the database and its side files into ``damaged/`` (renaming never copies and never deletes).
    Returns the new paths, the database (if it existed) first. Raises OSError."""
    base = aside_name(db_path, why, now)
    moved = []
    for source in (db_path, *side_files(db_path)):
        if source.exists():
            target = base.with_name(base.name + source.name[len(db_path.name):])
            os.replace(source, target)
            moved.append(target)
            if os.name == "posix":
                with contextlib.suppress(OSError):
                    os.chmod(target, 0o600)
    fsync_dir(db_path.parent)
    return sorted(moved, key=lambda p: p.name != base.name)


# -- replaying left-over side files ------------------------------------------------------------------------
@dataclass(frozen=True)
class Replay:
    """What :func:`replay_side_files` did."""

    kept: tuple[Path, ...] = ()  # the raw copy of the unopened set, kept in damaged/ (empty: removed)
    restored: bool = False  # the replay made the database worse: it was put back as it was
    orphaned: bool = False  # side files beside an empty or missing database were moved aside (``kept``)
    checkins_before: int | None = None
    checkins_after: int | None = None


@dataclass(frozen=True)
class _Verdict:
    ours: bool
    checkins: int | None


def _judge(path: Path, *, immutable: bool) -> _Verdict:
    """Whether ``path`` is a sound VitaalThuis database, and its number of check-ins (read-only)."""
    uri = path.absolute().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
    try:
        con = sqlite3.connect(uri, uri=True, timeout=_BUSY_TIMEOUT_S)
        try:
            found = identify(con)
            if found.kind is Kind.TOO_NEW:  # a newer VitaalThuis wrote it: ours, nothing to count
                return _Verdict(True, None)
            if found.kind is not Kind.OURS:
                return _Verdict(False, None)
            if any(r[0] != "ok" for r in con.execute("PRAGMA quick_check(1)")):
                return _Verdict(False, None)
            return _Verdict(True, int(con.execute("SELECT count(*) FROM checkin").fetchone()[0]))
        finally:
            con.close()
    except sqlite3.Error:
        return _Verdict(False, None)


def _lock_shared_range(fd: int) -> bool:
    """Take a write lock on SQLite's SHARED range without waiting; False when anyone holds a lock there.

    On Linux an open-file-description lock is used: unlike a classic POSIX lock it also conflicts with
    locks that this very process holds (a stray connection of its own counts as a user, too)."""
    import fcntl
    import struct

    try:
        if hasattr(fcntl, "F_OFD_SETLK"):
            flock = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, _SHARED_FIRST, _SHARED_SIZE, 0)
            fcntl.fcntl(fd, fcntl.F_OFD_SETLK, flock)
        else:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, _SHARED_SIZE, _SHARED_FIRST, os.SEEK_SET)
    except OSError:
        return False
    return True


@contextlib.contextmanager
def _exclusive(db_path: Path) -> Iterator[int | None]:
    """A descriptor of ``db_path`` holding a write lock on SQLite's SHARED range, or None when a connection
    (of any process) has the database open, or the lock cannot be taken. Closing it releases the lock; this
    process holds no SQLite connection to the file here (see :func:`open_here`), so no other lock is lost."""
    try:
        fd = os.open(db_path, os.O_RDWR)
    except OSError:
        yield None
        return
    try:
        yield fd if _lock_shared_range(fd) else None
    finally:
        os.close(fd)


def _copy_fd(fd: int, target: Path) -> None:
    """Copy the whole file behind ``fd`` (read with pread: the lock-holding descriptor stays the only one)."""
    out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        offset = 0
        while chunk := os.pread(fd, 1 << 20, offset):
            os.write(out, chunk)
            offset += len(chunk)
        os.fsync(out)
    finally:
        os.close(out)


def _copy_file(source: Path, target: Path) -> None:
    fd = os.open(source, os.O_RDONLY)
    try:
        _copy_fd(fd, target)
    finally:
        os.close(fd)


def _raw_copy(fd: int, db_path: Path, now: dt.datetime | None) -> list[Path]:
    """Copy the unopened set (database through ``fd``, side files by name) into ``damaged/``."""
    base = aside_name(db_path, "unreplayed", now)
    copies = [base]
    try:
        _copy_fd(fd, base)
        for side in side_files(db_path):
            if side.is_file():
                target = base.with_name(base.name + side.name[len(db_path.name):])
                _copy_file(side, target)
                copies.append(target)
    except OSError:
        for copy in copies:
            with contextlib.suppress(OSError):
                copy.unlink(missing_ok=True)
        raise
    fsync_dir(base.parent)
    return copies


def _replay(db_path: Path) -> None:
    """Let SQLite recover the database: its first read replays a WAL or rolls back a hot journal; closing
    the last connection checkpoints and removes the WAL."""
    con = sqlite3.connect(db_path, timeout=_BUSY_TIMEOUT_S)
    try:
        con.execute("PRAGMA schema_version").fetchone()
    finally:
        con.close()


def _put_back(copy: Path, db_path: Path) -> None:
    """Replace the database by the raw copy of the file as it was (atomically), its side files removed."""
    tmp = db_path.with_name(f"{db_path.name}.{os.getpid()}.restore")
    _copy_file(copy, tmp)
    for side in side_files(db_path):
        side.unlink(missing_ok=True)
    os.replace(tmp, db_path)
    fsync_dir(db_path.parent)


def replay_side_files(db_path: Path, now: dt.datetime | None = None) -> Replay | None:
    """Replay side files left by a crash without risking the database (see the module's docstring).

    Returns None when there was nothing to do: no side file with content, the database is open in this or
    another process (its side files are live, SQLite's own), the file is not a SQLite database (the checks
    that follow move it aside with its side files), or this system has no POSIX locks. Raises OSError when
    the copy cannot be made (then nothing was replayed)."""
    wal, _shm, journal = side_files(db_path)
    if open_here(db_path) or not (_size(wal) or _size(journal)):
        return None
    if _size(db_path) == 0:
        moved = move_set_aside(db_path, "orphan", now)
        _log.warning("sidefiles.orphan_moved_aside", extra={"fields": {"files": len(moved)}})
        return Replay(kept=tuple(moved), orphaned=True)
    try:
        with db_path.open("rb") as fh:  # not open here (checked above): reading it drops no lock of ours
            if fh.read(16) != SQLITE_HEADER:
                return None
    except OSError:
        return None
    if os.name != "posix":
        _replay(db_path)  # no POSIX locks to tell a live WAL from a left-over one: SQLite decides
        return None
    with _exclusive(db_path) as fd:
        if fd is None:
            return None  # another process has it open: the side files are live
        copies = _raw_copy(fd, db_path, now)
    before = _judge(copies[0], immutable=True)
    _replay(db_path)
    after = _judge(db_path, immutable=False)
    if before.ours and not after.ours:
        _put_back(copies[0], db_path)
        _log.warning("sidefiles.replay_undone", extra={"fields": {"checkins": before.checkins}})
        return Replay(tuple(copies), True, False, before.checkins, after.checkins)
    lower = before.checkins is not None and after.checkins is not None and after.checkins < before.checkins
    if after.ours and not lower:
        for copy in copies:
            with contextlib.suppress(OSError):
                copy.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            copies[0].parent.rmdir()  # only when it is empty: made just for this copy
        copies = []
    _log.info("sidefiles.replayed", extra={"fields": {"before": before.checkins, "after": after.checkins,
                                                        "copy_kept": bool(copies)}})
    return Replay(tuple(copies), False, False, before.checkins, after.checkins)
