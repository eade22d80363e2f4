"""The main window: welcome on first start, then home and the check-in flow in one stacked view."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QPushButton, QStackedWidget, QWidget

from vitaalthuis.config.policy import Policy
from vitaalthuis.config.settings import Settings, SettingsStore
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.files import PRIVATE_FILE, private_dir
from vitaalthuis.logs import get_logger
from vitaalthuis.services.bundle import Services
from vitaalthuis.services.checkins import WeekState
from vitaalthuis.services.errors import StorageError, WeekConflictError
from vitaalthuis.ui import labels, style, translations
from vitaalthuis.ui.home import HomePage
from vitaalthuis.ui.icons import app_icon
from vitaalthuis.ui.reminder import ReminderController

if TYPE_CHECKING:
    from vitaalthuis.ui.checkin.page import CheckinPage
    from vitaalthuis.ui.welcome import WelcomePage

WARM_UP_MS = 150  # after a check-in page is shown: it is painted first, then SQLAlchemy loads
_log = get_logger(__name__)


class MainWindow(QMainWindow):
    language_changed = Signal(str)
    settings_changed = Signal(object)

    def __init__(self, services: Services, settings_store: SettingsStore, settings: Settings,
                 lang: str, parent: QWidget | None = None, *, organisation: str | None = None,
                 now: Callable[[], dt.datetime] = dt.datetime.now, use_tray: bool | None = None,
                 policy: Policy | None = None) -> None:
        super().__init__(parent)
        self.policy = policy or Policy()
        self.organisation = organisation or self.policy.organisation
        self._reminder_kind: str | None = None
        self._quitting = False
        self._use(services)
        self.settings_store = settings_store
        self.settings = settings
        self.lang = lang
        self._last_deleted: CheckIn | None = None
        self.setMinimumSize(760, 520)  # 1366×768 at 125 %, less task bar and title bar: about 550
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.setWindowIcon(app_icon())
        self.reminder = ReminderController(settings, lambda week: self.service.state(week) is WeekState.DONE,
                                           app_icon(), now, self, use_tray=use_tray)
        self.reminder.banner_requested.connect(self._show_reminder)
        self.reminder.banner_cleared.connect(self._clear_reminder)
        self.reminder.check_in_requested.connect(self._check_in_now)
        self.reminder.open_requested.connect(self.bring_to_front)
        self.reminder.quit_requested.connect(self.quit_app)
        self.reminder.timer.timeout.connect(self.refresh_if_changed)
        self._build(show_welcome=not settings.welcomed)
        self._restore_geometry()

    # -- construction (again after a language switch) --------------------------------------------------------
    def _build(self, *, show_welcome: bool) -> None:
        translations.install(self.lang)
        self.setWindowTitle("VitaalThuis")
        while self.stack.count():
            widget = self.stack.widget(0)
            assert widget is not None  # index 0 exists while count() > 0
            self.stack.removeWidget(widget)
            widget.deleteLater()
        earlier = getattr(self, "welcome", None)  # built again (a language switch): keep what was chosen
        chosen = earlier.choices() if earlier is not None and show_welcome else None
        self.welcome: WelcomePage | None = None  # only on the first start
        if show_welcome:
            from vitaalthuis.ui.welcome import WelcomePage

            self.welcome = WelcomePage(self.lang, settings=self.settings, policy=self.policy,
                                       organisation=self.organisation, choices=chosen)
            self.welcome.language_chosen.connect(self.set_language)
            self.welcome.started.connect(self._welcome_done)
            self.stack.addWidget(self.welcome)
        self.home = HomePage(self.service, self.tips, self.lang, self.stack,
                             show_figures=self.settings.show_national_figures, policy=self.policy)
        self.home.open_week.connect(self.open_week)
        self.home.delete_week.connect(self.delete_week)
        self.home.undo_delete.connect(self.undo_delete)
        self.home.snooze_requested.connect(self.reminder.snooze)
        self._checkin: CheckinPage | None = None  # built when first opened (start-up stays quick)
        self.stack.addWidget(self.home)
        self._build_menu()
        if self.welcome is not None:
            self.stack.setCurrentWidget(self.welcome)
            self.welcome.start_button.setFocus()
        else:
            self.show_home()

    def _build_menu(self) -> None:
        bar = self.menuBar()
        bar.clear()
        # Alt+A (Dutch: Alt+L): Alt+V is "&Vorige" in the check-in and "&View or correct" on the home page
        app_menu = bar.addMenu(self.tr("Vit&aalThuis"))
        this_week = QAction(self.tr("This week's &check-in"), self)
        this_week.setShortcut(QKeySequence("Ctrl+N"))  # window shortcut: not while a dialog is open
        this_week.triggered.connect(self.check_in_this_week)
        app_menu.addAction(this_week)
        home = QAction(self.tr("&Home"), self)
        home.setShortcut(QKeySequence("Ctrl+H"))
        home.triggered.connect(self._go_home)
        app_menu.addAction(home)
        report = QAction(self.tr("Make a &report (PDF)…"), self)
        report.setShortcut(QKeySequence("Ctrl+P"))
        report.triggered.connect(self.make_report)
        app_menu.addAction(report)
        mydata = QAction(self.tr("&My data…"), self)
        mydata.triggered.connect(self.open_mydata)
        app_menu.addAction(mydata)
        settings_action = QAction(self.tr("&Settings…"), self)
        # the platform's Preferences key is empty on some desktops: Ctrl+, always works beside it
        keys = [QKeySequence(QKeySequence.StandardKey.Preferences), QKeySequence("Ctrl+,")]
        settings_action.setShortcuts([k for i, k in enumerate(keys) if not k.isEmpty() and k not in keys[:i]])
        settings_action.triggered.connect(self.open_settings)
        app_menu.addAction(settings_action)
        app_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.quit_app)
        app_menu.addAction(quit_action)

        lang_menu = bar.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in (("nl", "Nederlands"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            lang_menu.addAction(action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_page = QAction(self.tr("&Help and someone to talk to"), self)
        help_page.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        help_page.triggered.connect(self.show_help)
        help_menu.addAction(help_page)
        about = QAction(self.tr("&About VitaalThuis"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    @property
    def checkin(self) -> CheckinPage:
        """The guided check-in page (built at first use)."""
        if self._checkin is None:
            from vitaalthuis.ui.checkin.page import CheckinPage

            page = CheckinPage(self.service, self.lang)
            page.finished.connect(self._checkin_finished)
            page.closed.connect(self.show_home)
            self.stack.addWidget(page)
            self._checkin = page
        return self._checkin

    def in_checkin(self) -> bool:
        return self._checkin is not None and self.stack.currentWidget() is self._checkin

    # -- navigation ------------------------------------------------------------------------------------------
    def show_home(self) -> None:
        self._remember_stamp()
        self.home.refresh()
        self.home.set_reminder(self._reminder_kind if not self._this_week_done() else None)
        self.stack.setCurrentWidget(self.home)
        self.home.main_button.setFocus()

    # -- reminder --------------------------------------------------------------------------------------------
    def _this_week_done(self) -> bool:
        return self.service.state(self.service.current_week()) is WeekState.DONE

    def _show_reminder(self, kind: str) -> None:
        self._reminder_kind = kind
        self.home.set_reminder(kind)

    def _clear_reminder(self) -> None:
        self._reminder_kind = None
        self.home.set_reminder(None)

    def _check_in_now(self) -> None:
        self.bring_to_front()
        if self.stack.currentWidget() is not self.welcome:
            self.open_week(self.service.current_week())

    def check_in_this_week(self) -> None:
        """Ctrl+N, from any screen: this week's check-in (a finished week opens for correcting). On the
        welcome page the choices shown there are taken first; another week being filled in is kept as a
        draft."""
        if self.welcome is not None and self.stack.currentWidget() is self.welcome:
            self._welcome_done()
        week = self.service.current_week()
        if self.in_checkin():
            if self.checkin.week == week:
                self.checkin.current_page().focus_first()
                return
            if not self.checkin.save_draft():
                return  # the other week's answers could not be kept: stay with them
        self.open_week(week)

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit_app(self) -> None:
        self._quitting = True
        self.close()
        QApplication.quit()

    def make_report(self) -> None:
        from vitaalthuis.ui.report_dialog import ReportDialog

        if self.in_checkin():
            self.checkin.save_and_close()
        dialog = ReportDialog(self.service.history(), self.service.current_week(), self.lang, self,
                              demo=self.service.is_demo())
        if dialog.exec() and dialog.saved_to is not None:
            self.statusBar().showMessage(self.tr("Report saved: {path}").format(path=dialog.saved_to), 10000)

    def show_help(self) -> None:
        if self.in_checkin():
            self.checkin.save_and_close()
        self.show_home()
        self.home.show_help()

    def _go_home(self) -> None:
        if self.in_checkin():
            self.checkin.save_and_close()
        elif self.stack.currentWidget() is not self.welcome:
            self.show_home()

    def open_week(self, week: IsoWeek) -> None:
        self.home.hide_banner()
        self.checkin.load(self.service.open_week(week))
        self.stack.setCurrentWidget(self.checkin)
        self.checkin.pages[self.checkin.current_index()].focus_first()
        if not self.services.writing_prepared:
            QTimer.singleShot(WARM_UP_MS, self._prepare_saving)

    def _prepare_saving(self) -> None:
        """Load SQLAlchemy (about 0.2 s and 35 MB, once) while the first question is being read, so the
        first save does not wait for it. Looking at the dashboard and charts never needs it."""
        try:
            self.services.prepare_writing()
        except Exception:  # noqa: BLE001 - the save itself builds them again and reports what fails
            _log.exception("window.prepare_saving_failed")

    def _welcome_done(self) -> None:
        """Leave the welcome page: save the language and what the page asked (the weekly reminder, start at
        login; a key the organisation locked keeps its value), and switch start at login on or off."""
        chosen = self.welcome.choices().settings_values() if self.welcome is not None else {}
        new = dataclasses.replace(self.settings, language=self.lang, welcomed=True,
                                  **{k: v for k, v in chosen.items() if k not in self.settings.locked})
        self._save_settings(new)
        if chosen:
            self._set_autostart(new.start_at_login)
        self.reminder.set_settings(new)
        self.settings_changed.emit(new)  # the composition root starts the background helper when wanted
        self.show_home()

    def _checkin_finished(self, checkin: CheckIn) -> None:
        self.show_home()
        self.home.select_week(checkin.week)
        self.statusBar().showMessage(
            self.tr("Saved: {week}").format(week=labels.week_short(checkin.week)), 8000)

    def delete_week(self, week: IsoWeek) -> None:
        self._last_deleted = self.service.delete(week)
        self.home.refresh()
        if self._last_deleted is not None:
            self.home.show_deleted(week)

    def undo_delete(self) -> None:
        if self._last_deleted is not None:
            week = self._last_deleted.week
            try:
                self.service.restore(self._last_deleted)
            except WeekConflictError:  # stored again meanwhile (an import): that one stays
                self.statusBar().showMessage(self.tr(
                    "Not undone: {week} was filled in again meanwhile.").format(
                    week=labels.week_short(week)), 8000)
            self._last_deleted = None
            self.home.hide_banner()
            self.home.refresh()
            self.home.select_week(week)

    # -- language --------------------------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        if lang == self.lang:
            return
        self._save_settings(dataclasses.replace(self.settings, language=lang))
        self._rebuild(lang)

    def _rebuild(self, lang: str) -> None:
        on_welcome = self.welcome is not None and self.stack.currentWidget() is self.welcome
        reopen = self.checkin.week if self.in_checkin() else None
        if reopen is not None:
            self.checkin.save_draft()
        changed = lang != self.lang
        self.lang = lang
        self._build(show_welcome=on_welcome)
        if reopen is not None:
            self.open_week(reopen)
        if changed:
            self.language_changed.emit(lang)

    def _save_settings(self, settings: Settings) -> None:
        self.settings = settings
        try:
            self.settings_store.save(settings, policy=self.policy.defaults)
        except OSError as exc:
            self.statusBar().showMessage(
                self.tr("Settings could not be saved: {error}").format(error=exc), 8000)

    def _about(self) -> None:
        from vitaalthuis.ui.about_dialog import AboutDialog

        AboutDialog(self.lang, self).exec()

    def open_mydata(self) -> None:
        from vitaalthuis.ui.mydata_dialog import MyDataDialog

        if self.in_checkin():
            self.checkin.save_and_close()
        dialog = MyDataDialog(self.services, self)
        dialog.data_replaced.connect(self.show_home)
        dialog.about_to_delete.connect(self._pause_timers)
        dialog.data_deleted.connect(self._after_delete_everything)
        try:
            dialog.exec()
        finally:
            self._resume_timers()

    def _remember_stamp(self) -> None:
        try:
            self._stamp: tuple[object, ...] | None = self.service.data_stamp()
        except StorageError:
            self._stamp = None

    def refresh_if_changed(self) -> None:
        """Show what another process (an import from the command line) stored meanwhile: at every window
        activation and reminder check, one quick read; the home page is rebuilt only when something changed.
        A check-in being filled in is left alone (its save never overwrites a week stored meanwhile)."""
        try:
            stamp = self.service.data_stamp()
        except StorageError:
            return  # read again at the next activation or minute
        if stamp != getattr(self, "_stamp", None) and self.stack.currentWidget() is self.home:
            self._stamp = stamp
            self.home.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.refresh_if_changed()

    def rescue_unsaved(self) -> bool | None:
        """After an unexpected error: keep a check-in in progress as a draft. True when kept, False when it
        could not be saved (its answers stay on screen), None when no check-in was open."""
        if not self.in_checkin() or self.checkin.week is None:
            return None
        return self.checkin.save_draft()

    def _pause_timers(self) -> None:
        """Nothing may read the database on a timer while its files are being deleted."""
        self.reminder.timer.stop()
        if self.in_checkin():
            self.checkin.save_and_close()

    def _resume_timers(self) -> None:
        if self.isVisible() and not self.reminder.timer.isActive():
            self.reminder.timer.start()

    def _after_delete_everything(self) -> None:
        """Everything is gone: go on with a new, empty database in the same folder."""
        self.replace_services(self.services.reopened())

    def _use(self, services: Services) -> None:
        self.services = services
        self.service = services.checkins
        self.tips = services.tips
        self.data_dir = services.data_dir

    def replace_services(self, services: Services) -> None:
        self._use(services)
        self._build(show_welcome=False)

    def open_settings(self) -> None:
        from vitaalthuis.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.data_dir, self.organisation, self)
        if dialog.exec():
            self.apply_settings(dialog.result_settings())

    def apply_settings(self, new: Settings) -> None:
        """Save and apply changed settings; a language or colour change rebuilds the pages (nothing is lost:
        a check-in in progress is saved as a draft and reopened)."""
        old = self.settings
        self._save_settings(new)
        if new.start_at_login != old.start_at_login:
            self._set_autostart(new.start_at_login)
        rebuild = (new.effective_language() != self.lang or new.theme != old.theme
                   or new.show_national_figures != old.show_national_figures)
        if new.theme != old.theme:
            app = QApplication.instance()
            style.apply_theme(app, new.theme)  # type: ignore[arg-type]
        self.reminder.set_settings(new)
        self.settings_changed.emit(new)
        if rebuild:
            self._rebuild(new.effective_language())

    def _set_autostart(self, on: bool) -> None:
        try:
            from vitaalthuis.config import autostart

            if on:  # the background helper (vitaalthuis-gui --background), not the window
                autostart.enable(autostart.background_command(self.data_dir))
            else:
                autostart.disable()
        except Exception as exc:  # noqa: BLE001 - any failure: tell the user, keep running
            self.statusBar().showMessage(self.tr("Start at login could not be changed: {error}").format(
                error=exc), 10000)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self.reminder.timer.isActive():
            self.reminder.start()  # catch-up message once, then a check every minute

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter presses the focused button (Qt only does that in dialogs)."""
        focus = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(focus, QPushButton):
            focus.click()
            return
        super().keyPressEvent(event)

    # -- window state ----------------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = QSettings().value("window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        self.resize(1040, 760)

    def _save_geometry(self) -> None:
        """Store the window's place and size in Qt's own settings file, kept private to the user.

        Qt writes that file itself with a mode from the umask (0666 under umask 000), in a folder it makes
        the same way; it keeps the file's mode when it rewrites it. So the folder is made 0700 first when
        missing, and the file is made 0600 once written: later writes (reminder state, chart choice) keep
        that. The entry points also set a umask of 077 (``vitaalthuis.__main__``); this covers the rest."""
        state = QSettings()
        file = Path(state.fileName())
        if os.name == "posix":  # on Windows the "file" is a registry key
            with contextlib.suppress(OSError):
                private_dir(file.parent)
        state.setValue("window/geometry", self.saveGeometry())
        state.sync()
        if os.name == "posix" and file.is_file():
            with contextlib.suppress(OSError):  # window state is not worth an error at closing
                os.chmod(file, PRIVATE_FILE)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.in_checkin() and not self.checkin.save_draft():
            answer = QMessageBox.question(self, "VitaalThuis", self.tr(
                "Your answers could not be saved, so closing now would lose them. Close anyway?"),
                defaultButton=QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self._save_geometry()
        from vitaalthuis.background.lock import helper_running

        if (self.reminder.tray is not None and not self._quitting and self.settings.reminder_enabled
                and not helper_running(self.data_dir)):
            # with a tray icon and no background helper, the window keeps running for the weekly reminder;
            # "Quit" in the menu ends it. The helper reminds without a window, so then closing ends it.
            event.ignore()
            self.hide()
            return
        super().closeEvent(event)
