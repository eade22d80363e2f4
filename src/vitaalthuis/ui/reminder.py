"""The weekly reminder in the window: a tray icon with a menu when the desktop has a tray, otherwise an
in-app banner. The rules (due moment, catch-up, snooze) live in domain/reminders.py; the clock is
injectable. The state is shared with the background helper (``vitaalthuis --background``, which reminds
while no window runs): both keep it under :data:`STATE_KEY` in the app's Qt settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from vitaalthuis.config.settings import Settings
from vitaalthuis.domain import reminders
from vitaalthuis.domain.reminders import ReminderSchedule, ReminderState, SnoozeOption
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.logs import get_logger
from vitaalthuis.services.errors import StorageError

_log = get_logger(__name__)

STATE_KEY = reminders.STATE_KEY
CHECK_INTERVAL_MS = 60_000


def schedule_of(settings: Settings) -> ReminderSchedule:
    hour, minute = (int(x) for x in settings.reminder_time.split(":"))
    return ReminderSchedule(settings.reminder_day, dt.time(hour, minute), settings.reminder_enabled)


class ReminderController(QObject):
    """Decides when to remind and shows it: tray message, or ``banner_requested`` for the in-app banner."""

    banner_requested = Signal(str)  # "due" (the moment has come) or "catch_up" (missed while not running)
    banner_cleared = Signal()
    check_in_requested = Signal()
    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, settings: Settings, week_done: Callable[[IsoWeek], bool], icon: QIcon | None = None,
                 now: Callable[[], dt.datetime] = dt.datetime.now, parent: QObject | None = None,
                 *, use_tray: bool | None = None) -> None:
        super().__init__(parent)
        self.schedule = schedule_of(settings)
        self.week_done = week_done
        self.now = now
        self.state = self._load_state()
        tray_ok = QSystemTrayIcon.isSystemTrayAvailable() if use_tray is None else use_tray
        self.tray: QSystemTrayIcon | None = None
        if tray_ok and icon is not None:
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("VitaalThuis")
            self.tray.setContextMenu(self._menu())
            self.tray.activated.connect(lambda _reason: self.open_requested.emit())
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    # -- state ---------------------------------------------------------------------------------------------
    @staticmethod
    def _load_state() -> ReminderState:
        return reminders.state_from_text(QSettings().value(STATE_KEY, ""))  # unreadable: a fresh state

    def _save_state(self) -> None:
        QSettings().setValue(STATE_KEY, reminders.state_to_text(self.state))

    def set_settings(self, settings: Settings) -> None:
        self.schedule = schedule_of(settings)
        self.check()

    def _done(self) -> bool:
        """Whether this week's check-in is done; a database that cannot be read just now counts as done
        (no reminder, no error dialog: the next check, a minute later, reads again)."""
        try:
            return self.week_done(IsoWeek.of(self.now().date()))
        except StorageError:
            _log.warning("reminder.read_failed", exc_info=True)  # SQLite's error name, never data
            return True

    # -- the rules -------------------------------------------------------------------------------------------
    def start(self) -> None:
        """At start: say so when this week's reminder passed while the app was not running."""
        now = self.now()
        if reminders.catch_up_on_start(self.schedule, self.state, now, self._done()):
            self.state = reminders.mark_shown(self.state, now)
            self._save_state()
            self.banner_requested.emit("catch_up")
        self.timer.start()

    def check(self) -> None:
        now = self.now()
        if self._done():
            self.banner_cleared.emit()
            return
        if reminders.should_remind(self.schedule, self.state, now, False):
            self.state = reminders.mark_shown(self.state, now)
            self._save_state()
            self._show()

    def _show(self) -> None:
        if self.tray is not None and self.tray.supportsMessages():
            self.tray.showMessage("VitaalThuis", self.tr("Time for your weekly check-in. It takes about "
                                                         "two minutes."),
                                  QSystemTrayIcon.MessageIcon.Information)
        self.banner_requested.emit("due")

    def snooze(self, option: SnoozeOption) -> dt.datetime:
        """``later_today`` or ``tomorrow``; returns when the reminder comes back."""
        now = self.now()
        self.state = reminders.snooze(self.state, now, option, self.schedule)
        self._save_state()
        self.banner_cleared.emit()
        return reminders.snooze_until(now, option, self.schedule)

    # -- tray menu -------------------------------------------------------------------------------------------
    def _menu(self) -> QMenu:
        menu = QMenu()
        for text, slot in ((self.tr("Check in now"), self.check_in_requested.emit),
                           (self.tr("Open VitaalThuis"), self.open_requested.emit),
                           (self.tr("Remind me later today"), lambda: self.snooze("later_today")),
                           (self.tr("Remind me tomorrow"), lambda: self.snooze("tomorrow")),
                           (self.tr("Quit"), self.quit_requested.emit)):
            action = QAction(text, menu)
            action.triggered.connect(slot)
            menu.addAction(action)
        self._menu_ref = menu  # keep it alive
        return menu
