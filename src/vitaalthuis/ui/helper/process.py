"""The helper process (``vitaalthuis --background``): the application object, the check once a minute,
and the wiring of lock, settings, notifiers, tray and window.

At every check (at start, then every minute, and on ``SIGUSR1``) the helper:

1. ends when the window asked it to (start at login switched off);
2. makes sure it holds its lock (when the folder was deleted it waits; when another helper took over after
   the folder came back, it ends);
3. reads the settings and the shared reminder state, and asks :func:`~.decision.decide` what to do: nothing
   while the window runs; otherwise a reminder when one is due and this week is not done, or taking back a
   reminder of its own once the week is done.

A click on a reminder (or "Nu invullen" in the tray menu) starts the window on this week's check-in; a
running window comes to the front instead. "Stoppen", ``SIGTERM`` and ``SIGINT`` end the helper.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QSocketNotifier, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from vitaalthuis.background import launcher
from vitaalthuis.background.decision import Decision, decide
from vitaalthuis.background.lock import HelperLock, Taken, take_stop_request
from vitaalthuis.background.schedule import read_settings, schedule_of
from vitaalthuis.background.texts import text
from vitaalthuis.background.week_state import week_done
from vitaalthuis.config.policy import Policy
from vitaalthuis.domain import reminders
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.logs import get_logger
from vitaalthuis.ui.helper import control
from vitaalthuis.ui.helper.notifier import DBusNotifier, Notifier, TrayNotifier

if TYPE_CHECKING:
    from vitaalthuis.ui.helper.tray import HelperTray

CHECK_INTERVAL_MS = 60_000  # the only timer: no wake-up more often than once a minute
LOCK_RETRY_S = 0.2  # a window testing whether the helper runs holds its lock for an instant
# For tests and benchmarks: after every check, write what the helper did and the heavy modules it loaded.
PROBE_ENV = "VITAALTHUIS_BACKGROUND_PROBE"
HEAVY_MODULES = ("sqlalchemy", "matplotlib", "alembic")
APP_ID = "nl.vitaalthuis.VitaalThuis"
_log = get_logger(__name__)


def load_state() -> reminders.ReminderState:
    """The reminder state the window keeps too, as it is on disk now (the window may have changed it)."""
    settings = QSettings()
    settings.sync()
    return reminders.state_from_text(settings.value(reminders.STATE_KEY, ""))


def save_state(state: reminders.ReminderState) -> None:
    settings = QSettings()
    settings.setValue(reminders.STATE_KEY, reminders.state_to_text(state))
    settings.sync()  # at once: the window may start any moment and reads it then


class BackgroundHelper(QObject):
    """The helper's decisions put into effect. Everything it touches outside is injectable: the clock, the
    notifiers, how a process is started, how the window is found and whether the desktop has a tray."""

    stopped = Signal()

    def __init__(self, data_dir: Path, lock: HelperLock, policy: Policy, notifiers: Sequence[Notifier], *,
                 lang: str | None = None, icon: QIcon | None = None,
                 launch: Callable[[Sequence[str]], bool] = control.start_detached,
                 window_running: Callable[[Path], bool] = control.window_running,
                 tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
                 now: Callable[[], dt.datetime] = dt.datetime.now, probe: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.lock = lock
        self.policy = policy
        self.lang_option = lang
        self.lang = lang or read_settings(policy).effective_language()
        self.icon = icon
        self.launch = launch
        self.window_running = window_running
        self.tray_available = tray_available
        self.now = now
        self.probe = probe
        self.notifiers: list[Notifier] = []
        self.tray: HelperTray | None = None
        self.checks = 0
        self.last: Decision | None = None
        self._told_silent = False
        self._told_waiting = False
        self._stopped = False
        for notifier in notifiers:
            self.add_notifier(notifier)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.timer.timeout.connect(self.check)

    # -- wiring --------------------------------------------------------------------------------------------
    def add_notifier(self, notifier: Notifier) -> None:
        self.notifiers.append(notifier)
        notifier.clicked.connect(self.fill_in)

    def ensure_tray(self) -> None:
        """A tray icon once the desktop has a tray (at login the panel may come up after the helper)."""
        if self.tray is not None or self.icon is None or not self.tray_available():
            return
        from vitaalthuis.ui.helper.tray import HelperTray  # only with a tray: its menu code is not free

        self.tray = HelperTray(self.icon, self.lang, self)
        self.tray.fill_in_requested.connect(self.fill_in)
        self.tray.open_requested.connect(self.open_window)
        self.tray.stop_requested.connect(self.stop)
        self.add_notifier(TrayNotifier(self.tray.icon, self))

    @property
    def showing(self) -> bool:
        return any(n.showing for n in self.notifiers)

    # -- the check -----------------------------------------------------------------------------------------
    def start(self) -> None:
        self.check()
        if not self._stopped:
            self.timer.start()

    def check(self) -> Decision | None:
        """One check (see the module's docstring); returns the decision, or None when nothing was decided
        (stopped, or no lock: the folder is missing)."""
        if self._stopped:
            return None
        self.checks += 1
        decision = None
        try:
            if take_stop_request(self.data_dir):
                _log.info("background.stop_requested")
                self.stop()
                return None
            if self._locked():
                decision = self._decide()
        finally:
            self._write_probe(decision)
        return decision

    def _locked(self) -> bool:
        if self.lock.held:
            return True
        taken = self.lock.acquire()
        if taken is Taken.OURS:
            self._told_waiting = False
            _log.info("background.lock_taken")
            return True
        if taken is Taken.ELSEWHERE:  # the folder came back and another helper was quicker: it reminds
            _log.info("background.other_helper")
            self.stop()
            return False
        if not self._told_waiting:
            self._told_waiting = True
            _log.info("background.waiting_for_folder")
        return False

    def _decide(self) -> Decision:
        settings = read_settings(self.policy)
        self.lang = self.lang_option or settings.effective_language()
        self.ensure_tray()
        if self.tray is not None:
            self.tray.set_language(self.lang)
        now = self.now()
        decision = decide(schedule_of(settings), load_state(), now,
                          window_running=self.window_running(self.data_dir), showing=self.showing,
                          week_done=lambda: week_done(self.data_dir, IsoWeek.of(now.date())))
        self.last = decision
        if decision.action == "notify":
            if self._notify():
                save_state(decision.state)
        elif decision.action == "withdraw":
            for notifier in self.notifiers:
                notifier.withdraw()
        return decision

    def _notify(self) -> bool:
        title, body, action = "VitaalThuis", text("reminder", self.lang), text("fill_in_now", self.lang)
        for number, notifier in enumerate(self.notifiers):
            if notifier.show(title, body, action):
                _log.info("background.reminded", extra={"fields": {"notifier": number}})
                self._told_silent = False
                return True
        self.tell_silent()
        return False

    def tell_silent(self) -> None:
        """Log, once, that a reminder cannot reach the user here (no tray and no notification service)."""
        if not self._told_silent:
            self._told_silent = True
            _log.warning("background.silent", extra={"fields": {"tray": self.tray is not None,
                                                                 "notifiers": len(self.notifiers)}})

    # -- what the user asks --------------------------------------------------------------------------------
    def fill_in(self) -> None:
        """Open the window on this week's check-in (a running window comes to the front)."""
        ok = self.launch(launcher.window_command(self.data_dir, check_in=True))
        _log.info("background.window_started", extra={"fields": {"check_in": True, "ok": ok}})

    def open_window(self) -> None:
        ok = self.launch(launcher.window_command(self.data_dir, check_in=False))
        _log.info("background.window_started", extra={"fields": {"check_in": False, "ok": ok}})

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self.timer.stop()
        for notifier in self.notifiers:
            notifier.withdraw()
        if self.tray is not None:
            self.tray.hide()
        self.lock.release()
        _log.info("background.stopped")
        self.stopped.emit()

    # -- for tests and benchmarks --------------------------------------------------------------------------
    def _write_probe(self, decision: Decision | None) -> None:
        if self.probe is None:
            return
        info: dict[str, Any] = {
            "pid": os.getpid(), "checks": self.checks, "locked": self.lock.held,
            "action": decision.action if decision else None, "reason": decision.reason if decision else None,
            "heavy": [m for m in HEAVY_MODULES if m in sys.modules], "tray": self.tray is not None,
        }
        from vitaalthuis.files import write_private

        with contextlib.suppress(OSError):
            write_private(self.probe, json.dumps(info))


def _watch_signals(helper: BackgroundHelper) -> QSocketNotifier | None:
    """``SIGTERM``/``SIGINT`` end the helper cleanly (lock file removed), ``SIGUSR1`` checks at once. The
    signals wake the event loop through a pipe (no polling timer)."""
    if os.name != "posix":
        return None
    import signal

    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)
    os.set_blocking(write_end, False)
    signal.set_wakeup_fd(write_end)
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGUSR1):
        signal.signal(number, lambda *_args: None)  # the wake-up byte carries it
    watcher = QSocketNotifier(read_end, QSocketNotifier.Type.Read, helper)

    def woken() -> None:
        try:
            numbers = os.read(read_end, 64)
        except OSError:
            return
        for number in numbers:
            if number == signal.SIGUSR1:
                helper.check()
            elif number in (signal.SIGTERM, signal.SIGINT):
                helper.stop()
                return

    watcher.activated.connect(woken)
    return watcher


def _icon() -> tuple[QIcon, str]:
    """The app icon for the tray, and what names it in a notification (a file address, else the name an
    installed build has in the icon theme)."""
    from vitaalthuis.resources import ResourceMissingError, resource

    try:
        path = resource("icons", f"{APP_ID}.svg")
    except ResourceMissingError:
        return QIcon(), APP_ID
    return QIcon(str(path)), Path(str(path)).absolute().as_uri()


def run_background(data_dir_option: str | None, lang: str | None) -> int:
    """``vitaalthuis [--data-dir DIR] [--lang nl|en] --background``; 0 also when another helper runs."""
    from vitaalthuis import logs
    from vitaalthuis.config.paths import data_dir
    from vitaalthuis.config.policy import load_policy

    folder = data_dir(data_dir_option)
    lock = HelperLock(folder)
    taken = lock.acquire()
    if taken is Taken.ELSEWHERE:
        time.sleep(LOCK_RETRY_S)
        taken = lock.acquire()
        if taken is Taken.ELSEWHERE:
            return 0  # one helper per data folder: that one reminds
    logs.setup_logging()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("VitaalThuis")  # the window's names: the same Qt settings (reminder state)
    app.setOrganizationName("VitaalThuis")
    app.setDesktopFileName(APP_ID)
    app.setQuitOnLastWindowClosed(False)  # it has no window; closing the tray menu must not end it
    icon, icon_name = _icon()
    notifiers: list[Notifier] = []
    dbus: DBusNotifier | None = None
    if sys.platform not in ("win32", "darwin"):
        dbus = DBusNotifier.on_session_bus(icon=icon_name)
        notifiers.append(dbus)
    probe = os.environ.get(PROBE_ENV)
    helper = BackgroundHelper(folder, lock, load_policy(), notifiers, lang=lang, icon=icon,
                              probe=Path(probe) if probe else None)
    helper.stopped.connect(app.quit)
    watcher = _watch_signals(helper)
    helper.ensure_tray()
    can_notify = dbus is not None and dbus.available()
    _log.info("background.started", extra={"fields": {
        "locked": taken is Taken.OURS, "tray": helper.tray is not None,
        "dbus": dbus is not None and dbus.connected, "notifications": can_notify}})
    if helper.tray is None and not can_notify:
        helper.tell_silent()  # with neither a tray nor a notification service nothing can be shown
    QTimer.singleShot(0, helper.start)
    try:
        return app.exec()
    finally:
        if watcher is not None:
            watcher.setEnabled(False)
        lock.release()
        _log.info("background.ended")
