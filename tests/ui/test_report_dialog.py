"""The report dialog: period presets, the empty-period case, writing the PDF with progress."""

from __future__ import annotations

import errno
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QMessageBox

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
    with qtbot.waitSignal(d.written, timeout=60_000) as done:
        target = d.write(tmp_path / "rapport")
    assert target == tmp_path / "rapport.pdf" and done.args == [target] and d.saved_to == target
    assert d.result() == QDialog.DialogCode.Accepted
    reader = PdfReader(target)
    assert len(reader.pages) >= 5
    assert "Dit is geen diagnose" in reader.pages[0].extract_text()


def test_the_report_is_built_on_a_worker_thread_with_progress(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import vitaalthuis.charts.report

    real_build = vitaalthuis.charts.report.build_report
    threads: dict[str, int] = {}
    progress_threads: set[int] = set()

    def build(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads["work"] = threading.get_ident()
        progress = kwargs["progress"]

        def step(done: int, total: int) -> None:
            progress_threads.add(threading.get_ident())
            progress(done, total)

        return real_build(*args, **{**kwargs, "progress": step})

    monkeypatch.setattr(vitaalthuis.charts.report, "build_report", build)
    d = dialog(qtbot, [CheckIn(W.shifted(-i), answers()) for i in range(4)])
    shown: list[tuple[int, int, bool]] = []  # the progress bar's (value, maximum, visible), seen by the UI
    d.progress.valueChanged.connect(lambda value: shown.append((value, d.progress.maximum(),
                                                                 d.progress.isVisible())))
    d.show()
    with qtbot.waitSignal(d.written, timeout=60_000):
        d.write(tmp_path / "rapport.pdf")
        assert d.busy and not d.make_button.isEnabled() and not d.preset.isEnabled()  # returned at once
        assert d.progress.isVisible()
    assert threads["work"] != threading.get_ident()  # the UI thread only started the work
    assert progress_threads == {threads["work"]}
    total = shown[-1][1]
    assert total >= 5 and [value for value, *_ in shown] == list(range(total + 1))
    assert all(visible for *_, visible in shown)
    assert d.saved_to == tmp_path / "rapport.pdf" and d.saved_to.read_bytes().startswith(b"%PDF-")
    assert not d.busy and not d.progress.isVisible()


def test_a_failure_is_shown_and_leaves_no_file(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import vitaalthuis.charts.report

    def disk_full(path: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs["progress"](0, 7)
        raise OSError(errno.ENOSPC, "No space left on device")

    warnings: list[str] = []
    monkeypatch.setattr(vitaalthuis.charts.report, "build_report", disk_full)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    d = dialog(qtbot, [CheckIn(W, answers())])
    d.show()
    with qtbot.waitSignal(d.written, timeout=10_000) as done:
        d.write(tmp_path / "rapport.pdf")
    assert done.args == [None] and d.saved_to is None
    assert warnings == ["Het rapport kon niet worden opgeslagen: No space left on device. Er is niets "
                        "veranderd."]
    assert list(tmp_path.iterdir()) == []
    assert d.isVisible() and d.make_button.isEnabled() and not d.busy  # try again, or another period
    assert not d.progress.isVisible()


def test_cancel_stops_the_work_and_writes_nothing(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import vitaalthuis.charts.report

    real_build = vitaalthuis.charts.report.build_report
    first_page = threading.Event()
    go_on = threading.Event()

    def build(*args, **kwargs):  # type: ignore[no-untyped-def]
        progress = kwargs["progress"]

        def step(done: int, total: int) -> None:
            if done == 1:
                first_page.set()
                go_on.wait(30)
            progress(done, total)

        return real_build(*args, **{**kwargs, "progress": step})

    monkeypatch.setattr(vitaalthuis.charts.report, "build_report", build)
    d = dialog(qtbot, [CheckIn(W.shifted(-i), answers()) for i in range(3)])
    d.show()
    with qtbot.waitSignal(d.written, timeout=60_000) as done:
        d.write(tmp_path / "rapport.pdf")
        qtbot.waitUntil(first_page.is_set, timeout=30_000)
        d.reject()
        go_on.set()
    assert done.args == [None] and d.saved_to is None and not d.isVisible()
    assert list(tmp_path.iterdir()) == []


def test_the_window_saves_a_report_and_says_where(qtbot, make_window, repo, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's modal dialog: Save starts the work, the dialog closes when the file is there."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    from vitaalthuis.services.demo import fill_demo_data
    from vitaalthuis.ui.report_dialog import ReportDialog

    fill_demo_data(repo, 10, today=TODAY)
    window = make_window()
    target = tmp_path / "mijn rapport.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))

    def press_save() -> None:
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, ReportDialog)
        QTimer.singleShot(60_000, modal.reject)  # never hang the run: fails below instead
        modal.make_button.click()

    QTimer.singleShot(0, press_save)
    window.make_report()  # returns when the dialog closes
    assert target.read_bytes().startswith(b"%PDF-")
    assert str(target) in window.statusBar().currentMessage()
