"""Make a personal PDF report: pick a period, pick a file, watch the progress.

The report is built on a worker thread (ui/background.py) from copies of plain data: the check-ins, the
period, the language, the national figures and whether the check-ins are demo data (every page then says
so). The dialog stays responsive, shows the pages done in its
progress bar, and closes when the file is saved. Cancel stops the work at the next page, writing nothing.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import cast

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.ui.background import Progress, run_in_background

PRESETS = (("3m", 13), ("6m", 26), ("1y", 52), ("all", None), ("custom", None))


class ReportCancelled(Exception):
    """Raised on the worker thread at the next page after Cancel: the report is left unwritten."""


class ReportDialog(QDialog):
    written = Signal(object)  # when the work has ended: the saved path, or None (failed or cancelled)

    def __init__(self, history: list[CheckIn], current: IsoWeek, lang: str,
                 parent: QWidget | None = None, *, demo: bool = False) -> None:
        super().__init__(parent)
        self.history = history
        self.demo = demo  # synthetic demo data (``vitaalthuis demo-data``): marked on every page
        self.current = current
        self.lang = lang
        self.setWindowTitle(self.tr("Make a report (PDF)"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "A PDF with your charts, your latest results in words and the national figures with their "
            "sources, to take along to your company doctor (bedrijfsarts) or GP (huisarts). It is made on "
            "this computer and stays here until you share it yourself."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.preset = QComboBox()
        names = {"3m": self.tr("Last 3 months"), "6m": self.tr("Last 6 months"), "1y": self.tr("Last year"),
                 "all": self.tr("Everything"), "custom": self.tr("Choose dates…")}
        for code, _weeks in PRESETS:
            self.preset.addItem(names[code], code)
        self.preset.setCurrentIndex(0)
        form.addRow(self.tr("&Period:"), self.preset)
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMMM yyyy")
            edit.setMaximumDate(QDate.currentDate())
        form.addRow(self.tr("&From:"), self.start)
        form.addRow(self.tr("&To:"), self.end)
        layout.addLayout(form)
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.working = QLabel(self.tr("Making the report…"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.working.text())
        for widget in (self.working, self.progress):
            widget.hide()
            layout.addWidget(widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.make_button = buttons.addButton(self.tr("&Save report…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.make_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.start.dateChanged.connect(self._update_summary)
        self.end.dateChanged.connect(self._update_summary)
        self._preset_changed()
        self.saved_to: Path | None = None
        self._cancel: threading.Event | None = None  # set while a report is being made

    def period(self) -> tuple[IsoWeek, IsoWeek]:
        # cast: QDate.toPython() returns a datetime.date, the stubs say object
        first = IsoWeek.of(cast(dt.date, self.start.date().toPython()))
        last = IsoWeek.of(cast(dt.date, self.end.date().toPython()))
        return (first, last) if first <= last else (last, first)

    def _preset_changed(self) -> None:
        code = self.preset.currentData()
        custom = code == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            weeks = dict(PRESETS)[code]
            if weeks is None:
                first = min((c.week for c in self.history), default=self.current)
            else:
                first = self.current.shifted(-(weeks - 1))
            self._set_dates(first, self.current)
        self._update_summary()

    def _set_dates(self, first: IsoWeek, last: IsoWeek) -> None:
        self.start.setDate(QDate(first.monday.year, first.monday.month, first.monday.day))
        end = min(last.sunday, dt.date.today())
        self.end.setDate(QDate(end.year, end.month, end.day))

    def checkins_in_period(self) -> list[CheckIn]:
        first, last = self.period()
        return [c for c in self.history if first <= c.week <= last]

    def _update_summary(self) -> None:
        count = len(self.checkins_in_period())
        first, last = self.period()
        if count:
            self.summary.setText(self.tr("%n check-in(s) from {first} to {last}.", "", count).format(
                first=first, last=last))
        else:
            self.summary.setText(self.tr("There are no check-ins in this period, so there is nothing to put "
                                         "in a report. Choose another period."))
        self.make_button.setEnabled(count > 0)

    def make_report(self) -> None:
        first, _last = self.period()
        suggestion = Path.home() / f"vitaalthuis-rapport-{first}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), str(suggestion),
                                              self.tr("PDF document (*.pdf)"))
        if path:
            self.write(Path(path))

    @property
    def busy(self) -> bool:
        return self._cancel is not None

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.working, self.progress):
            widget.setVisible(busy)
        self.preset.setEnabled(not busy)
        if busy:
            self.progress.setRange(0, 0)  # busy indicator until the pages are known
            for control in (self.start, self.end, self.make_button):
                control.setEnabled(False)
        else:
            self._preset_changed()  # the dates and the save button as the period allows

    def write(self, path: Path) -> Path:
        """Start building the PDF at ``path`` (``.pdf`` added when missing) on a worker thread and return that
        path. When it is saved, ``saved_to`` is set and the dialog accepts; a failure is shown and the dialog
        stays open. ``written`` is emitted at the end either way."""
        from vitaalthuis.charts.report import build_report
        from vitaalthuis.services.benchmarks import shipped_benchmarks

        if self.busy:
            raise RuntimeError("a report is already being made")
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        # plain data only: the worker never sees a widget
        history, (first, last), lang, demo = tuple(self.history), self.period(), self.lang, self.demo
        benchmarks = shipped_benchmarks()
        cancel = self._cancel = threading.Event()

        def work(progress: Progress) -> Path:
            def step(done: int, total: int) -> None:
                if cancel.is_set():
                    raise ReportCancelled
                progress(done, total)

            build_report(path, history, first, last, lang=lang, benchmarks=benchmarks, progress=step,
                         demo=demo)
            return path

        self._set_busy(True)
        run_in_background(self, work, self._saved, self._failed, self._progressed)
        return path

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _saved(self, path: Path) -> None:
        cancelled = self._cancel is not None and self._cancel.is_set()
        self._cancel = None
        self._set_busy(False)
        self.saved_to = path
        if not cancelled:  # saved just before Cancel was seen: the dialog is already closed
            self.accept()
        self.written.emit(path)

    def _failed(self, error: BaseException) -> None:
        from vitaalthuis.charts.report import EmptyPeriodError

        self._cancel = None
        self._set_busy(False)
        try:
            if isinstance(error, ReportCancelled):
                return
            if isinstance(error, EmptyPeriodError):
                QMessageBox.information(self, self.tr("Report"),
                                        self.tr("There are no check-ins in this period."))
            elif isinstance(error, OSError):
                QMessageBox.warning(self, self.tr("Report"), self.tr(
                    "The report could not be saved: {error}. Nothing was changed.").format(
                    error=error.strerror or error))
            else:
                raise error  # a bug: to the crash handler (logs.install_excepthook), as it always went
        finally:
            self.written.emit(None)

    def reject(self) -> None:
        """Cancel, also while a report is being made: the work stops at its next page, writing nothing."""
        if self._cancel is not None:
            self._cancel.set()
        super().reject()
