"""Opening the data at start, in the user's language: recovery of a damaged database (moved aside, never
deleted, with restore from the newest good backup offered), a newer version's data left alone, one
running instance per data folder, and a calm dialog for unexpected errors."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QLockFile, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from vitaalthuis.services.errors import (
    DatabaseTooNewError,
    DataDirError,
    MigrationError,
    NotVitaalThuisDatabaseError,
    StorageError,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from vitaalthuis.logs import ErrorCallback
    from vitaalthuis.services.startup import StartCheck
    from vitaalthuis.storage.db import Database

translate = QCoreApplication.translate
LOCK_FILE = ".vitaalthuis.lock"
RAISE_REQUEST = ".vitaalthuis.raise"


def storage_problem_text(exc: Exception) -> str:
    path = getattr(exc, "path", "")
    if isinstance(exc, DatabaseTooNewError):
        return translate("Startup", "Your data was saved by a newer version of VitaalThuis. This version "
                                    "leaves it alone, so nothing is lost. Please install the newest "
                                    "version.\n\n{path}"
                         ).format(path=path)
    if isinstance(exc, NotVitaalThuisDatabaseError):
        return translate("Startup", "The data file cannot be read: it is damaged or belongs to another "
                                    "program. It was not changed.\n\n{path}").format(path=path)
    if isinstance(exc, DataDirError):
        return translate("Startup", "VitaalThuis cannot use its data folder, so it cannot save anything. "
                                    "Check that the folder exists and that you may write to it.\n\n{path}"
                         ).format(path=path)
    if isinstance(exc, MigrationError):
        return translate("Startup", "Updating your data to this version did not work. Nothing was lost: a "
                                    "copy was made first, and your data was left as it was.\n\n{path}"
                         ).format(path=path)
    return translate("Startup", "Your data could not be opened. It was not changed.\n\n{path}").format(
        path=path)


def open_data(data_dir: Path, parent: QWidget | None = None) -> Database | None:
    """Check the database, recover if needed (asking the user), open it. None: the app cannot start.

    The decisions are the start-up service's (:mod:`vitaalthuis.services.startup`); this shows them."""
    from vitaalthuis.services import startup

    check = startup.check_data(data_dir)
    if check.refused is not None:
        QMessageBox.critical(parent, "VitaalThuis", storage_problem_text(check.refused))
        return None
    if check.moved_to is not None:
        _offer_restore(data_dir, check, parent)
    try:
        return startup.open_database(data_dir)
    except StorageError as exc:
        QMessageBox.critical(parent, "VitaalThuis", storage_problem_text(exc))
        return None


class StartupTexts(QObject):
    """Counted texts of the start-up dialogs. Written with ``self.tr``: lupdate finds plural forms (``%n``)
    in ``tr`` calls, not in ``QCoreApplication.translate`` calls whose count is a variable."""

    def newest_backup(self, count: int) -> str:
        return self.tr("The newest good backup is from {date}, with %n check-in(s). Restore it?", "", count)


def _offer_restore(data_dir: Path, check: StartCheck, parent: QWidget | None) -> None:
    from vitaalthuis.services import startup

    text = translate("Startup", "Your data file could not be read (it is damaged or belongs to another "
                                "program). It was not deleted: it is now here:\n{path}").format(
        path=check.moved_to)
    newest = check.restorable
    box = QMessageBox(QMessageBox.Icon.Warning, "VitaalThuis", text, parent=parent)
    if newest is None:
        box.setInformativeText(translate("Startup", "There is no backup to restore. VitaalThuis starts with "
                                                    "empty data."))
        box.exec()
        return
    question = StartupTexts().newest_backup(newest.checkins or 0)
    box.setInformativeText(question.format(date=f"{newest.created:%d-%m-%Y %H:%M}"))
    restore = box.addButton(translate("Startup", "Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Startup", "Start with empty data"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is restore:
        try:
            startup.restore(data_dir, newest.id)
        except StorageError as exc:
            QMessageBox.critical(parent, "VitaalThuis", storage_problem_text(exc))


class SingleInstance(QObject):
    """One window per data folder: a lock file (a stale lock after a crash is taken over) and, for a second
    start, a request file the running app notices and answers by coming to the front. Local files only."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.lock = QLockFile(str(data_dir / LOCK_FILE))
        self.lock.setStaleLockTime(0)  # stale only when the owning process is gone
        self.watcher: QFileSystemWatcher | None = None

    def acquire(self) -> bool:
        """True: this is the only instance. False: another one runs and has been asked to come forward."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.lock.tryLock(200):
            (self.data_dir / RAISE_REQUEST).unlink(missing_ok=True)
            self.watcher = QFileSystemWatcher([str(self.data_dir)], self)
            self.watcher.directoryChanged.connect(self._check_request)
            return True
        (self.data_dir / RAISE_REQUEST).write_text("raise\n", encoding="utf-8")
        return False

    def _check_request(self, _path: str) -> None:
        request = self.data_dir / RAISE_REQUEST
        if request.exists():
            request.unlink(missing_ok=True)
            self.raise_requested.emit()

    def release(self) -> None:
        self.lock.unlock()


def _rescue(window: object) -> bool | None:
    """Keep what is on screen before telling the user: True when a check-in in progress was kept as a draft,
    False when that failed, None when nothing was unsaved."""
    rescue = getattr(window, "rescue_unsaved", None)
    if rescue is None:
        return None
    try:
        return rescue()
    except Exception:  # noqa: BLE001 - the dialog must still appear
        return False


def crash_dialog(parent_getter: Callable[[], QWidget | None]) -> ErrorCallback:
    """The calm dialog for an unexpected error (the details go to the log, never answers or notes)."""
    from vitaalthuis import logs

    def show(*_exc_info: object) -> None:
        log = logs.log_file()
        parent = parent_getter()
        rescued = _rescue(parent)
        if rescued is None:
            first = translate("Startup", "Something went wrong in VitaalThuis. Everything you saved is kept.")
        elif rescued:
            first = translate("Startup", "Something went wrong in VitaalThuis. Everything you saved is kept, "
                                         "and your answers of the check-in you were filling in are kept as "
                                         "a draft.")
        else:
            first = translate("Startup", "Something went wrong in VitaalThuis. Everything you saved earlier "
                                         "is kept, but your answers of the check-in you were filling in "
                                         "could not be saved. They are still on screen: try again before you "
                                         "close the app.")
        QMessageBox.warning(parent, "VitaalThuis", first + " " + translate(
            "Startup", "You can carry on; if something does not work, restart the app.\n\nDetails for a "
                       "helpdesk are in the log file:\n{path}").format(path=log or "—"))

    return show
