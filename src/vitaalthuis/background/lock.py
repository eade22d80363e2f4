"""One helper per data folder: a lock file of its own in that folder, and the request to stop.

The lock is the operating system's (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on an open file
``.vitaalthuis-background.lock``: it ends with the process, so a crash leaves no stale lock. It is not the
window's lock (``.vitaalthuis.lock``, :class:`vitaalthuis.ui.startup.SingleInstance`): window and helper
run side by side.

The folder is never created here. When it is missing (not made yet, or deleted with everything in it) the
helper has no lock and waits; when the folder or the lock file is deleted while the helper runs, it takes
the lock again once the folder is back, or ends when another helper was quicker.
"""

from __future__ import annotations

import contextlib
import os
import sys
from enum import Enum
from pathlib import Path

from vitaalthuis.files import write_private

HELPER_LOCK = ".vitaalthuis-background.lock"
STOP_REQUEST = ".vitaalthuis-background.stop"  # written by the window when start at login is switched off


class Taken(Enum):
    OURS = "ours"  # this process holds the lock now
    ELSEWHERE = "elsewhere"  # another helper holds it
    NO_FOLDER = "no_folder"  # the data folder does not exist (nothing was created)


def _try_lock(fd: int, *, shared: bool = False) -> bool:
    """Lock ``fd`` without waiting; False when another process holds a conflicting lock."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)


def _same_file(fd: int, path: Path) -> bool:
    try:
        mine, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


class HelperLock:
    """The helper's lock on ``data_dir``."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / HELPER_LOCK
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """This process holds the lock, and the file in the folder is still the one it locked."""
        return self._fd is not None and _same_file(self._fd, self.path)

    def acquire(self) -> Taken:
        if self.held:
            return Taken.OURS
        self.drop()
        if not self.data_dir.is_dir():
            return Taken.NO_FOLDER
        for _attempt in range(3):  # the file can be replaced between opening and locking: open it again
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except FileNotFoundError:
                return Taken.NO_FOLDER
            except OSError:
                return Taken.ELSEWHERE  # cannot be opened (permissions): treat it as not ours
            if not _try_lock(fd):
                os.close(fd)
                return Taken.ELSEWHERE
            if _same_file(fd, self.path):
                self._fd = fd
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)
                    os.write(fd, f"{os.getpid()}\n".encode("ascii"))
                return Taken.OURS
            _unlock(fd)
            os.close(fd)
        return Taken.ELSEWHERE

    def drop(self) -> None:
        """Forget a lock whose file is gone (the folder was deleted), without touching any file."""
        if self._fd is not None:
            _unlock(self._fd)
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def release(self) -> None:
        """Remove the lock file (only when it is still ours) and unlock."""
        if self._fd is None:
            return
        if self.held and sys.platform != "win32":  # Windows cannot remove an open file: it stays, empty
            with contextlib.suppress(OSError):
                self.path.unlink()
        self.drop()


def helper_running(data_dir: Path) -> bool:
    """Whether a helper holds the lock of ``data_dir``. Creates nothing: a missing file means no helper.

    The test takes a shared lock for an instant; a helper starting in that very instant tries again."""
    try:
        fd = os.open(data_dir / HELPER_LOCK, os.O_RDWR if sys.platform == "win32" else os.O_RDONLY)
    except OSError:
        return False
    try:
        if _try_lock(fd, shared=True):
            _unlock(fd)
            return False
        return True
    finally:
        os.close(fd)


def request_stop(data_dir: Path) -> bool:
    """Ask the helper of ``data_dir`` to end (at its next check, within a minute). False: no helper runs,
    or the request cannot be written."""
    if not helper_running(data_dir):
        return False
    try:
        write_private(data_dir / STOP_REQUEST, "stop\n")
    except OSError:
        return False
    return True


def cancel_stop(data_dir: Path) -> None:
    """Withdraw a stop request not yet seen (start at login switched off and on again within a minute)."""
    with contextlib.suppress(OSError):
        (data_dir / STOP_REQUEST).unlink(missing_ok=True)


def take_stop_request(data_dir: Path) -> bool:
    """True (and the request removed) when the window asked the helper to end."""
    try:
        (data_dir / STOP_REQUEST).unlink()
    except OSError:
        return False
    return True
