"""The window's report of demo data is marked on every page; the window passes the database's demo flag
(tests/report/test_report_demo.py checks the pages themselves)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import answers
from tests.ui.conftest import TODAY
from vitaalthuis.charts.report import texts as rt
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("demo", [True, False], ids=["demo", "real"])
def test_the_window_marks_a_report_of_demo_data(qtbot, make_window, repo, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                monkeypatch: pytest.MonkeyPatch, demo: bool) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    from vitaalthuis.services.demo import fill_demo_data
    from vitaalthuis.ui.report_dialog import ReportDialog

    if demo:
        fill_demo_data(repo, 10, today=TODAY)
    else:
        current = IsoWeek.current(TODAY)
        repo.save_many([CheckIn(current.shifted(-i), answers(ls=5 + i % 4)) for i in range(10)])
    window = make_window()
    target = tmp_path / "rapport.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    seen: list[bool] = []

    def press_save() -> None:
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, ReportDialog)
        seen.append(modal.demo)
        QTimer.singleShot(60_000, modal.reject)  # never hang the run: fails below instead
        modal.make_button.click()

    QTimer.singleShot(0, press_save)
    window.make_report()
    assert seen == [demo]
    texts = [flat(page.extract_text()) for page in PdfReader(target).pages]
    assert len(texts) >= 8
    mark = flat(rt.t("demo_mark", "nl"))
    assert [mark in text for text in texts] == [demo] * len(texts)
