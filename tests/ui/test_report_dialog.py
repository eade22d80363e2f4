"""The report dialog: period presets, the empty-period case, writing the PDF with progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate

from tests.helpers import answers
from tests.ui.conftest import TODAY
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek

W = IsoWeek.current(TODAY)


def dialog(qtbot, history):  # type: ignore[no-untyped-def]
    from vitaalthuis.ui import translations
    from vitaalthuis.ui.report_dialog import ReportDialog

    translations.install("nl")
    d = ReportDialog(history, W, "nl")
    qtbot.addWidget(d)
    return d


def test_presets_and_empty_period(qtbot) -> None:  # type: ignore[no-untyped-def]
    history = [CheckIn(W.shifted(-1), answers()), CheckIn(W.shifted(-30), answers())]
    d = dialog(qtbot, history)
    assert d.period() == (W.shifted(-12), W)  # last 3 months = 13 ISO weeks
    assert len(d.checkins_in_period()) == 1 and d.make_button.isEnabled()
    d.preset.setCurrentIndex(d.preset.findData("all"))
    assert d.period() == (W.shifted(-30), W) and len(d.checkins_in_period()) == 2
    d.preset.setCurrentIndex(d.preset.findData("custom"))
    d.start.setDate(QDate(2026, 9, 1))
    d.end.setDate(QDate(2026, 9, 14))
    assert d.checkins_in_period() == []
    assert not d.make_button.isEnabled()
    assert d.summary.text().startswith("In deze periode zijn er geen check-ins")


def test_write_makes_a_pdf(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    history = [CheckIn(W.shifted(-i), answers(ls=5 + i % 4)) for i in range(6)]
    d = dialog(qtbot, history)
    target = d.write(tmp_path / "rapport")
    assert target == tmp_path / "rapport.pdf" and d.saved_to == target
    reader = PdfReader(target)
    assert len(reader.pages) >= 5
    assert "Dit is geen diagnose" in reader.pages[0].extract_text()
