"""The home page fits a small window: at 800×600, and at 1366×768 with 125 % scaling (a common laptop), in
Dutch and in English, with every banner showing (demo data, the reminder, help after a worrying week, a
missed week). The banners and the week card fold to one line each, no tab scrolls sideways, and a chart
gets most of the window's height. A larger window unfolds them again.

The scaled case runs in a process of its own: Qt takes the scale factor when the application starts.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QFrame

from tests.helpers import answers
from tests.ui.scaled_fit import SCALED, check_in_both_languages, run_scaled
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek

THIS_WEEK = IsoWeek(2026, 48)  # the window tests' today (tests/ui/conftest.py)
LOW_MHI5 = {"mhi5_1": 1, "mhi5_2": 1, "mhi5_4": 1}  # a score of 32: the help banner shows
BANNER_MAX = 48  # one line of text beside a button, in logical pixels
CHART_SHARE = 0.5  # the chart's share of the window's height


def fill(repo) -> None:
    """Eight weeks with one missed (a missed-week row), this week worrying (the help banner)."""
    for back in (1, 2, 3, 5, 6, 7, 8):
        repo.save(CheckIn(THIS_WEEK.shifted(-back), answers()))
    repo.save(CheckIn(THIS_WEEK, answers(**LOW_MHI5)))
    repo.set_meta("demo_data", "1")


def fit_problems(window, width: int, height: int) -> list[str]:
    window.resize(width, height)
    home = window.home
    home.set_reminder("due")
    _settle()
    where = f"{window.lang} {width}×{height}"
    problems = []
    if window.width() > width or window.height() > height:
        problems.append(f"{where}: the window needs {window.width()}×{window.height()}")
    if not home.folded:
        problems.append(f"{where}: the banners did not fold ({home.height()} px high)")
    shown = {"demo banner": home.demo_banner, "reminder": home.reminder_banner, "help": home.help_banner,
             "missed weeks": home.missed_row}
    for name, widget in shown.items():
        if not widget.isVisible():
            problems.append(f"{where}: the {name} is not shown")
    week_card = home.main_button.parentWidget()
    assert isinstance(week_card, QFrame)
    for name, widget in {**shown, "week card": week_card}.items():
        if widget.height() > BANNER_MAX:
            problems.append(f"{where}: the {name} takes {widget.height()} px (one line: ≤ {BANNER_MAX})")
    folding = {"demo": home.demo_banner, "reminder": home.reminder_label, "status": home.status_label,
               "help": home.help_line}
    for name, label in folding.items():
        if "\n" in label.shown_text() or label.wordWrap():
            problems.append(f"{where}: the {name} text is not on one line")
    for index in range(home.tabs.count()):
        home.tabs.setCurrentIndex(index)
        _settle()
        tab = home.tabs.currentWidget()
        for area in tab.findChildren(QAbstractScrollArea):
            bar = area.horizontalScrollBar()
            if area.isVisible() and (bar.isVisible() or bar.maximum() > 0):
                problems.append(f"{where}: tab {home.tabs.tabText(index)!r} scrolls sideways "
                                f"({type(area).__name__}, range {bar.maximum()})")
    charts = home.charts
    home.tabs.setCurrentWidget(charts)
    charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData("mhi5"))
    deadline = time.monotonic() + 30
    while (charts.canvas is None or charts.canvas.stale) and time.monotonic() < deadline:
        QApplication.processEvents()  # matplotlib loads, then the chart renders
    _settle()
    canvas = charts.canvas
    if canvas is None or canvas.height() < CHART_SHARE * window.height():
        problems.append(f"{where}: the chart gets {canvas.height() if canvas else 0} of "
                        f"{window.height()} px")
    home.tabs.setCurrentIndex(0)
    return problems


def _settle() -> None:
    for _ in range(4):  # wrapped text and folded labels settle in turns
        QApplication.processEvents()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_home_page_fits_800_by_600(qtbot, make_window, repo, lang: str) -> None:
    fill(repo)
    window = make_window(lang=lang)
    assert fit_problems(window, 800, 600) == []


def test_a_larger_window_unfolds_the_banners(qtbot, make_window, repo) -> None:
    fill(repo)
    window = make_window()
    window.resize(800, 600)
    _settle()
    assert window.home.folded
    assert window.home.help_line.isVisible() and not window.home.help_blocks["mhi5_low"].isVisible()
    window.resize(1040, 760)
    _settle()
    home = window.home
    assert not home.folded
    assert home.help_blocks["mhi5_low"].isVisible() and not home.help_line.isVisible()
    assert home.status_label.wordWrap() and home.filled_in_label.isVisible()
    assert home.demo_banner.shown_text() == home.demo_banner.text()  # whole again


def test_a_folded_line_keeps_its_whole_text_in_the_tooltip(qtbot, make_window, repo) -> None:
    fill(repo)
    window = make_window(lang="en")
    window.resize(800, 600)
    _settle()
    line = window.home.help_line
    assert line.shown_text().endswith("…")
    assert "De Luisterlijn (088 0767 000)" in line.toolTip()  # the contacts are still there to read
    assert line.text() == line.toolTip()


@pytest.mark.skipif(sys.platform == "win32", reason="one POSIX process per scale factor")
def test_the_home_page_fits_1366_by_768_at_125_percent(tmp_path: Path) -> None:
    width, height, scale = SCALED
    # a laptop's screen less its task bar and the window's title bar: about 40 + 30 px
    result = run_scaled("tests.ui.test_home_fit", tmp_path, round(width / scale),
                        round((height - 70) / scale), scale)
    assert result["ratio"] == scale
    assert result["problems"] == []
    assert result["checked"] == ["nl", "en"]


def main(folder: str, width: int, height: int) -> None:
    """In its own process (QT_SCALE_FACTOR set): check both languages, print the findings as JSON."""
    check_in_both_languages(folder, fill, lambda window: fit_problems(window, width, height))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
