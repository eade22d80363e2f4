"""The check-in fits the window: at 800×600, and at 1366×768 with 125 % scaling (QT_SCALE_FACTOR=1.25, a
common laptop), in Dutch and in English. On every page: no horizontal scroll bar, every answer option
inside the visible width (options wrap to a new row), and the title whole.

The scaled case runs in a process of its own: Qt takes the scale factor when the application starts.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QScrollArea

from tests.helpers import answers
from tests.ui.scaled_fit import SCALED, check_in_both_languages, run_scaled
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek

LONG_TITLE_WEEK = IsoWeek(2026, 44)  # 26 October–1 November: two month names in the title


def fit_problems(window, width: int, height: int) -> list[str]:
    """Everything that does not fit when ``window`` is ``width``×``height`` (logical pixels), on every page
    of the check-in of LONG_TITLE_WEEK (opened for correcting: the longest title) with the KANS details
    shown."""
    window.resize(width, height)
    window.open_week(LONG_TITLE_WEEK)
    checkin = window.checkin
    checkin.pages[4].questions["kans_any"].set_value(1)
    checkin.pages[4]._update_details()
    problems = []
    if window.width() > width or window.height() > height:
        problems.append(f"the window needs {window.width()}×{window.height()}")
    for index, page in enumerate(checkin.pages):
        checkin.show_page(index)
        _settle(window)
        where = f"{window.lang} {width}×{height} page {index + 1}"
        scroll = checkin.stack.currentWidget()
        assert isinstance(scroll, QScrollArea)
        bar, viewport = scroll.horizontalScrollBar(), scroll.viewport()
        if bar.isVisible() or bar.maximum() > 0:
            problems.append(f"{where}: horizontal scroll bar (range {bar.maximum()})")
        for button in page.findChildren(QAbstractButton):
            if not button.isVisibleTo(page):
                continue
            box = QRect(button.mapTo(viewport, QPoint(0, 0)), button.size())
            if box.left() < 0 or box.right() >= viewport.width():
                problems.append(f"{where}: option {button.text()!r} at {box.left()}–{box.right()} outside "
                                f"0–{viewport.width() - 1}")
            if button.width() < button.sizeHint().width():
                problems.append(f"{where}: option {button.text()!r} squeezed")
        title = checkin.title
        if title.height() < title.heightForWidth(title.width()) or \
                title.width() < title.minimumSizeHint().width():
            problems.append(f"{where}: title {title.text()!r} clipped ({title.width()}×{title.height()})")
        for control in (title, checkin.close_button, checkin.back_button, checkin.next_button):
            box = QRect(control.mapTo(window, QPoint(0, 0)), control.size())
            if not window.rect().contains(box):
                problems.append(f"{where}: {type(control).__name__} {box} outside the window")
    return problems


def _settle(window) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):  # layouts that depend on width (wrapped text, wrapped options) settle in turns
        QApplication.processEvents()
    window.updateGeometry()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_check_in_fits_800_by_600(qtbot, make_window, repo, lang: str) -> None:
    repo.save(CheckIn(LONG_TITLE_WEEK, answers()))
    window = make_window(lang=lang)
    assert fit_problems(window, 800, 600) == []


@pytest.mark.skipif(sys.platform == "win32", reason="one POSIX process per scale factor")
def test_the_check_in_fits_1366_by_768_at_125_percent(tmp_path: Path) -> None:
    width, height, scale = SCALED
    result = run_scaled("tests.ui.test_checkin_fit", tmp_path, round(width / scale), round(height / scale),
                        scale)
    assert result["ratio"] == scale
    assert result["problems"] == []
    assert result["checked"] == ["nl", "en"]


def main(folder: str, width: int, height: int) -> None:
    """In its own process (QT_SCALE_FACTOR set): check both languages, print the findings as JSON."""
    def check(window) -> list[str]:
        problems = fit_problems(window, width, height)
        window.checkin.save_draft()
        return problems

    check_in_both_languages(folder, lambda repo: repo.save(CheckIn(LONG_TITLE_WEEK, answers())), check)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
