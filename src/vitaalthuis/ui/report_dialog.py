"""Make a personal PDF report: pick a period, pick a file, watch the progress."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import cast

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek

PRESETS = (("3m", 13), ("6m", 26), ("1y", 52), ("all", None), ("custom", None))


class ReportDialog(QDialog):
    def __init__(self, history: list[CheckIn], current: IsoWeek, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
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
            self.summary.setText(self.tr("{n} check-in(s) from {first} to {last}.").format(
                n=count, first=first, last=last))
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

    def write(self, path: Path) -> Path | None:
        """Build the PDF at ``path`` with a progress dialog; returns the path, or None when it failed."""
        from vitaalthuis.charts.report import EmptyPeriodError, build_report
        from vitaalthuis.ui.dashboard import shipped_benchmarks

        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        first, last = self.period()
        progress = QProgressDialog(self.tr("Making the report…"), "", 0, 1, self)
        progress.setWindowTitle(self.tr("Report"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)

        def step(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()

        try:
            build_report(path, self.history, first, last, lang=self.lang, benchmarks=shipped_benchmarks(),
                         progress=step)
        except EmptyPeriodError:
            QMessageBox.information(self, self.tr("Report"),
                                    self.tr("There are no check-ins in this period."))
            return None
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Report"), self.tr(
                "The report could not be saved: {error}. Nothing was changed.").format(
                error=exc.strerror or exc))
            return None
        finally:
            progress.close()
        self.saved_to = path
        self.accept()
        return path
