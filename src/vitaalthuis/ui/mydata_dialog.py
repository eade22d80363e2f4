"""Mijn gegevens (my data): where the files are, what is stored, export, import with a preview, backups
and restore, and delete everything (confirmed by typing a word). The user's data rights are never locked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vitaalthuis.cli_texts import (
    Texts,  # import problems in the window's language, worded as the CLI words them
)
from vitaalthuis.domain.exchange import MAX_IMPORT_BYTES, problem_count, problem_count_is_exact
from vitaalthuis.files import NotAFileError, read_regular_file
from vitaalthuis.services.backups import BackupService
from vitaalthuis.services.bundle import Services
from vitaalthuis.services.errors import StorageError
from vitaalthuis.services.exchange import ImportRejectedError
from vitaalthuis.ui import labels
from vitaalthuis.ui.widgets.text import selectable_label


def _label(text: str, name: str = "", wrap: bool = True) -> QLabel:
    return selectable_label(text, name, wrap=wrap)


class MyDataDialog(QDialog):
    data_replaced = Signal()  # import or restore changed the data: refresh the window
    data_deleted = Signal()  # everything was deleted: the window opens a new, empty database
    about_to_delete = Signal()  # confirmed: timers that read the database must stop before anything goes

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.data_dir = services.data_dir
        self.service = services.mydata
        self.setWindowTitle(self.tr("My data"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr("Where your data is and what is stored"), "sectionTitle"))
        self.summary = _label("")
        layout.addWidget(self.summary)
        folder_row = QHBoxLayout()
        folder = QLineEdit(str(self.data_dir))
        folder.setReadOnly(True)
        folder.setAccessibleName(self.tr("Data folder"))
        open_button = QPushButton(self.tr("&Open folder"))
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir))))
        folder_row.addWidget(folder, 1)
        folder_row.addWidget(open_button)
        layout.addLayout(folder_row)

        layout.addWidget(_label(self.tr("Take your data along"), "sectionTitle"))
        row = QHBoxLayout()
        self.export_json = QPushButton(self.tr("Export everything (&JSON)…"))
        self.export_csv = QPushButton(self.tr("Export for a spreadsheet (&CSV)…"))
        self.import_button = QPushButton(self.tr("&Import an export…"))
        self.export_json.clicked.connect(lambda: self.export_dialog("json"))
        self.export_csv.clicked.connect(lambda: self.export_dialog("csv"))
        self.import_button.clicked.connect(self.import_dialog)
        for button in (self.export_json, self.export_csv, self.import_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

        layout.addWidget(_label(self.tr("Backups"), "sectionTitle"))
        layout.addWidget(_label(self.tr("VitaalThuis makes a backup every day it is used, and before every "
                                        "update, import and restore. Older backups are cleared "
                                        "automatically."),
                                "hint"))
        self.backup_table = QTableWidget(0, 3)
        self.backup_table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Check-ins")])
        self.backup_table.setAccessibleName(self.tr("Backups"))
        self.backup_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.backup_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.backup_table.verticalHeader().hide()
        self.backup_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.backup_table)
        self.restore_button = QPushButton(self.tr("&Restore the selected backup…"))
        self.restore_button.clicked.connect(self.restore_selected)
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)

        layout.addWidget(_label(self.tr("Delete everything"), "sectionTitle"))
        delete_row = QHBoxLayout()
        delete_row.addWidget(_label(self.tr("Removes your check-ins, drafts, backups and set-aside files "
                                            "from this computer."), "hint"), 1)
        self.delete_button = QPushButton(self.tr("&Delete everything…"))
        self.delete_button.clicked.connect(self.delete_dialog)
        delete_row.addWidget(self.delete_button)
        layout.addLayout(delete_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def backups(self) -> BackupService:
        return self.services.backups

    def refresh(self) -> None:
        info = self.service.summary()
        weeks = self.tr(", from {first} to {last}").format(first=info.first_week, last=info.last_week) \
            if info.first_week else ""
        self.summary.setText(self.tr(
            "{checkins}{weeks} and {drafts}, stored as your raw answers in one database file; scores are "
            "calculated from them. Also {backups} and {aside}. "
            "Nothing is stored anywhere else and nobody else can see it.").format(
            checkins=self.tr("%n check-in(s)", "", info.checkins or 0), weeks=weeks,
            drafts=self.tr("%n unfinished draft(s)", "", info.drafts or 0),
            backups=self.tr("%n backup(s)", "", info.backups),
            aside=self.tr("%n set-aside file(s)", "", info.moved_aside)))
        items = self.backups().backups()
        self.backup_table.setRowCount(len(items))
        kinds = {"daily": self.tr("daily"), "operation": self.tr("before a change")}
        for row, backup in enumerate(items):
            cells = (f"{backup.created:%d-%m-%Y %H:%M}", kinds.get(backup.kind, backup.kind),
                     str(backup.checkins) if backup.usable else self.tr("cannot be used"))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, backup.id)
                self.backup_table.setItem(row, col, item)
        self.backup_table.resizeColumnsToContents()
        self.restore_button.setEnabled(bool(items))

    # -- export and import -----------------------------------------------------------------------------------
    def export_dialog(self, fmt: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"),
                                              str(Path.home() / f"vitaalthuis.{fmt}"))
        if path:
            self.export(Path(path), fmt)

    def export(self, path: Path, fmt: str) -> None:
        try:
            self.service.export_to(path, fmt)
        except (OSError, StorageError) as exc:
            QMessageBox.warning(self, self.tr("Export"), self.tr(
                "The export could not be saved: {error}").format(error=getattr(exc, "strerror", None) or exc))
            return
        QMessageBox.information(self, self.tr("Export"), self.tr("Saved: {path}").format(path=path))

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import"), str(Path.home()),
                                              self.tr("VitaalThuis export (*.json)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path, *, confirm: Callable[[str], bool] | None = None) -> bool:
        """Check the file, show what would be added or replaced, import only after the user agrees."""
        exchange = self.services.exchange
        try:
            data = read_regular_file(path, MAX_IMPORT_BYTES)  # never a FIFO or an endless device
            preview, _ = exchange.preview(data, replace=True)
        except NotAFileError:
            QMessageBox.warning(self, self.tr("Import"), self.tr("This is not a file that can be imported."))
            return False
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Import"), self.tr("The file cannot be read: {error}").format(
                error=exc.strerror or exc))
            return False
        except ImportRejectedError as exc:
            self._show_problems(exc)
            return False
        question = self.tr("This import adds {added} and replaces {replaced} you already have. A backup is "
                           "made first. Go ahead?").format(
            added=self.tr("%n week(s)", "", len(preview.added)),
            replaced=self.tr("%n week(s)", "", len(preview.replaced)))
        agreed = confirm(question) if confirm else QMessageBox.question(
            self, self.tr("Import"), question) == QMessageBox.StandardButton.Yes
        if not agreed:
            return False
        try:  # replaces only the weeks shown; a week stored elsewhere since the preview is refused
            exchange.import_data(data, replace=frozenset(preview.replaced))
        except ImportRejectedError as exc:
            self._show_problems(exc)
            return False
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Import"), self.tr("Nothing was imported: {error}").format(
                error=exc.detail or exc))
            return False
        self.refresh()
        self.data_replaced.emit()
        return True

    def _show_problems(self, exc: ImportRejectedError) -> None:
        shown = exc.problems[:20]
        words = Texts("nl" if QLocale().language() == QLocale.Language.Dutch else "en")
        details = "\n".join(words.problem(p) for p in shown)
        total = problem_count(exc.problems)
        if total > len(shown):
            more = labels.count(total - len(shown))
            details += "\n" + (self.tr("… and {n} more").format(n=more)
                               if problem_count_is_exact(exc.problems)
                               else self.tr("… and at least {n} more").format(n=more))
        headline = self.tr("Nothing was imported: the file has one problem.") if total == 1 else self.tr(
            "Nothing was imported: the file has {n} problems.").format(n=labels.count(total))
        QMessageBox.warning(self, self.tr("Import"), headline + "\n\n" + details)

    # -- backups ---------------------------------------------------------------------------------------------
    def restore_selected(self, *, confirm: Callable[[str], bool] | None = None) -> bool:
        items = self.backup_table.selectedItems()
        if not items:
            self.backup_table.selectRow(0)
            items = self.backup_table.selectedItems()
        if not items:
            return False
        backup_id = items[0].data(Qt.ItemDataRole.UserRole)
        info = self.backups().get(backup_id)
        question = self.tr("Restore the backup of {date} with %n check-in(s)? Your data as it is now is "
                           "kept as a backup first.", "", info.checkins or 0).format(
            date=f"{info.created:%d-%m-%Y %H:%M}")
        agreed = confirm(question) if confirm else QMessageBox.question(
            self, self.tr("Restore"), question) == QMessageBox.StandardButton.Yes
        if not agreed:
            return False
        try:
            self.backups().restore(backup_id)
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Restore"), self.tr(
                "This backup cannot be restored; nothing was changed. ({error})").format(error=exc))
            return False
        self.services.reconnect()  # new connections open the restored file
        self.refresh()
        self.data_replaced.emit()
        return True

    # -- delete ----------------------------------------------------------------------------------------------
    def delete_dialog(self) -> None:
        dialog = DeleteEverythingDialog(self)
        if dialog.exec():
            keep = None
            if dialog.keep_copy.isChecked():
                folder = QFileDialog.getExistingDirectory(self, self.tr("Where should the safety copy go?"),
                                                          str(Path.home()))
                if not folder:
                    return
                keep = Path(folder)
            self.delete_everything(keep)

    def delete_everything(self, keep_copy_to: Path | None) -> bool:
        self.about_to_delete.emit()  # the window stops whatever reads on a timer first
        try:
            result = self.service.delete_everything(keep_copy_to)
        except (ValueError, StorageError) as exc:
            QMessageBox.warning(self, self.tr("Delete everything"), self.tr(
                "Nothing was deleted: {error}").format(error=exc))
            return False
        self.data_deleted.emit()  # before the message below: its event loop must not see the old database
        text = self.tr("Everything was deleted.")
        if result.safety_copy:
            text += "\n" + self.tr("One safety copy was saved here: {path}").format(path=result.safety_copy)
        QMessageBox.information(self, self.tr("Delete everything"), text)
        self.accept()
        return True


class DeleteEverythingDialog(QDialog):
    """Confirmation by typing a word; optionally one safety copy is kept in a place the user chooses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.word = self.tr("DELETE")
        self.setWindowTitle(self.tr("Delete everything"))
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr(
            "This deletes all your check-ins, drafts, backups and set-aside files from this computer. "
            "Deleting means deleted: it cannot be undone. To confirm, type {word} below.").format(
            word=self.word)))
        self.entry = QLineEdit()
        self.entry.setAccessibleName(self.tr("Type {word} to confirm").format(word=self.word))
        layout.addWidget(self.entry)
        self.keep_copy = QCheckBox(self.tr("Keep one safety copy, in a place I choose"))
        layout.addWidget(self.keep_copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("Delete everything"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.ok.setEnabled(False)
        self.ok.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.entry.textChanged.connect(lambda text: self.ok.setEnabled(text.strip() == self.word))
