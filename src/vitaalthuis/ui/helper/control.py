"""Processes around the helper: whether the window runs (as the helper asks it every minute), starting a
process that outlives its starter, and the window's side: starting the helper when start at login is
switched on and asking it to stop when it is switched off."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLockFile, QProcess

from vitaalthuis.background import launcher
from vitaalthuis.background.lock import cancel_stop, helper_running, request_stop
from vitaalthuis.config.settings import Settings
from vitaalthuis.logs import get_logger

WINDOW_LOCK = ".vitaalthuis.lock"  # vitaalthuis.ui.startup.LOCK_FILE (a test keeps the two equal)
_log = get_logger(__name__)


def window_running(data_dir: Path) -> bool:
    """Whether a window holds its single-instance lock on ``data_dir``: Qt's own lock file, tested the way
    the window takes it (a lock left by a crashed window is stale and does not count)."""
    path = data_dir / WINDOW_LOCK
    if not path.exists():
        return False
    probe = QLockFile(str(path))
    probe.setStaleLockTime(0)  # as the window: stale only when the owning process is gone
    if probe.tryLock(0):
        probe.unlock()  # no window: the probe's own file goes again
        return False
    return probe.error() == QLockFile.LockError.LockFailedError


def start_detached(command: Sequence[str]) -> bool:
    """Start ``command`` as a process of its own (it goes on when this one ends; nothing waits for it)."""
    if not command:
        return False
    ok, _pid = QProcess.startDetached(command[0], list(command[1:]))
    if not ok:
        _log.warning("background.start_failed")
    return bool(ok)


def start_helper(data_dir: Path) -> bool:
    """Start the helper for ``data_dir`` unless one runs (a pending stop request is withdrawn first)."""
    cancel_stop(data_dir)
    if helper_running(data_dir):
        return True
    return start_detached(launcher.helper_command(data_dir))


class HelperControl:
    """The window's side: when the user switches start at login on (on the welcome page or in Settings),
    the helper starts at once, so this week's reminder reaches them too; switched off, it is asked to stop."""

    def __init__(self, data_dir: Path, start_at_login: bool) -> None:
        self.data_dir = data_dir
        self.on = start_at_login

    def follow(self, settings: Settings) -> None:
        if settings.start_at_login == self.on:
            return
        self.on = settings.start_at_login
        if self.on:
            start_helper(self.data_dir)
        else:
            request_stop(self.data_dir)
