"""Trend charts in the window: lazy matplotlib, switching, hover, table view, export."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import TODAY
from vitaalthuis.services.demo import fill_demo_data


def test_matplotlib_is_imported_only_when_the_first_chart_is_shown(tmp_path: Path) -> None:
    code = f"""
import os, sys, datetime as dt
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from vitaalthuis.config.settings import Settings, SettingsStore
from vitaalthuis.services.bundle import open_services
from vitaalthuis.services.demo import fill_demo_data
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import Database
from vitaalthuis.ui.main_window import MainWindow
db = Database.open(Path({str(tmp_path / 'd')!r}))
repo = CheckinRepository(db.sessions)
fill_demo_data(repo, 20)
w = MainWindow(open_services(db), SettingsStore(Path({str(tmp_path / 'c')!r})), Settings("nl", True), "nl")
w.show(); app.processEvents()
print("before", "matplotlib" in sys.modules, len(w.home.dashboard.cards))
w.home.tabs.setCurrentWidget(w.home.charts)
print("shown", "matplotlib" in sys.modules)  # the tab comes first, saying the chart is being prepared
import time
deadline = time.monotonic() + 60
while w.home.charts.canvas is None and time.monotonic() < deadline:
    app.processEvents()
print("after", "matplotlib" in sys.modules)
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:3] == ["before False 6", "shown False", "after True"]


@pytest.fixture
def charts(qtbot, make_window, repo):
    fill_demo_data(repo, 104, today=TODAY)
    window = make_window()
    charts = window.home.charts
    window.home.tabs.setCurrentWidget(charts)
    assert charts.stack.currentWidget() is charts.placeholder  # the tab shows at once, saying a chart comes
    qtbot.waitUntil(lambda: charts.canvas is not None)
    return charts


def test_switching_dimension_and_range_redraws(charts) -> None:
    from vitaalthuis.charts.figures import chart_state

    assert charts.canvas is not None
    state = chart_state(charts.canvas.figure)
    assert list(state.axes) == ["mhi5"]  # one chart first: quick to draw
    charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData("overview"))
    assert set(chart_state(charts.canvas.figure).axes) == {"mhi5", "djg", "ls", "gh", "kans", "wlb"}
    charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData("mhi5"))
    state = chart_state(charts.canvas.figure)
    assert list(state.axes) == ["mhi5"] and len(state.series["mhi5"].weeks) == 52
    charts.range_combo.setCurrentIndex(charts.range_combo.findData("3m"))
    assert len(chart_state(charts.canvas.figure).series["mhi5"].weeks) == 13
    charts.range_combo.setCurrentIndex(charts.range_combo.findData("all"))
    assert len(chart_state(charts.canvas.figure).series["mhi5"].weeks) == 104


def test_hover_shows_week_and_value(charts) -> None:
    from matplotlib.backend_bases import MouseEvent
    from matplotlib.dates import date2num

    from vitaalthuis.charts.figures import chart_state

    charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData("ls"))
    state = chart_state(charts.canvas.figure)
    series = state.series["ls"]
    index = next(i for i, v in enumerate(series.values) if v is not None)
    ax = state.axes["ls"]
    x, y = ax.transData.transform((date2num(series.weeks[index].monday), series.values[index]))
    event = MouseEvent("motion_notify_event", charts.canvas.canvas, x, y)
    text = charts.canvas.tooltip_for(event)
    assert text.startswith(f"{series.weeks[index]} (")  # e.g. "2025-W49 (1 dec 2025): cijfer 7"
    assert text.endswith(f": cijfer {int(series.values[index])}")
    far = MouseEvent("motion_notify_event", charts.canvas.canvas, 1, 1)
    assert charts.canvas.tooltip_for(far) == ""


def test_table_view_has_the_same_data(charts, qtbot) -> None:
    charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData("djg"))
    qtbot.mouseClick(charts.table_check, Qt.MouseButton.LeftButton)
    assert charts.stack.currentWidget() is charts.table
    assert charts.table.rowCount() == 52  # every week of the year, gaps included, newest first
    assert charts.table.item(0, 0).text() == "2026-W48 (23 nov 2026)"
    assert charts.table.item(51, 0).text().startswith("2025-W49")
    charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData("overview"))
    assert charts.table.columnCount() == 7  # the week and all six dimensions


@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("svg", b"<?xml")])
def test_export_png_and_svg(charts, tmp_path: Path, fmt: str, magic: bytes) -> None:
    target = charts.export(str(tmp_path / f"chart.{fmt}"), fmt)
    data = target.read_bytes()
    assert data.startswith(magic) and len(data) > 1000
    if sys.platform != "win32":
        assert target.stat().st_mode & 0o777 == 0o600


def test_a_switch_renders_once_and_a_kept_chart_not_again(charts, qtbot) -> None:
    from PySide6.QtCore import Qt as QtNs

    def renders() -> int:
        return sum(canvas.draws for canvas in charts.canvases())

    charts.window().resize(800, 600)  # too low for the overview's six charts: they scroll
    qtbot.waitUntil(lambda: renders() > 0)
    # the resize renders the first chart again, and once more when the banners above fold to one line:
    # let it settle (no render for 150 ms) before counting
    settled = [renders(), 0]

    def quiet() -> bool:
        qtbot.wait(50)
        settled[1] = settled[1] + 1 if renders() == settled[0] else 0
        settled[0] = renders()
        return settled[1] >= 3

    qtbot.waitUntil(quiet, timeout=5000)
    for dimension, expected in (("overview", 1), ("ls", 1), ("overview", 0), ("mhi5", 0)):
        before = renders()
        charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData(dimension))
        if expected:
            qtbot.waitUntil(lambda b=before: renders() > b)
        qtbot.wait(50)  # a scroll bar appearing late would narrow the canvas and render it a second time
        assert renders() == before + expected, dimension  # kept charts are shown as they were drawn
        scrolls = charts.canvas.minimumHeight() > charts.stack.height()
        assert scrolls or dimension != "overview"
        assert charts.scroll.verticalScrollBarPolicy() == (
            QtNs.ScrollBarPolicy.ScrollBarAlwaysOn if scrolls else QtNs.ScrollBarPolicy.ScrollBarAlwaysOff)
    # new data (a check-in saved) makes every kept chart out of date: shown again, it is rendered anew
    overview = charts.canvas
    charts.set_history(charts.history, charts.current_week)
    qtbot.waitUntil(lambda: charts.canvas.draws > 1)
    charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData("overview"))
    qtbot.waitUntil(lambda: overview.draws > 1)
    for dimension in ("djg", "gh", "kans", "wlb"):
        charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData(dimension))
    kept = [d for d in ("mhi5", "djg", "ls", "gh", "kans", "wlb", "overview") if d in charts._views]
    assert kept == ["gh", "kans", "wlb", "overview"]  # the last three charts, and the costly overview


def test_the_overview_is_prepared_in_idle_time_and_its_first_view_renders_it_once(charts, qtbot) -> None:
    from vitaalthuis.charts.figures import chart_state
    from vitaalthuis.ui.charts_view import OVERVIEW

    def prepared() -> bool:
        view = charts._views.get(OVERVIEW)
        return view is not None and view.prepared

    qtbot.waitUntil(prepared, timeout=10_000)  # while the first chart is shown and nothing else happens
    assert charts.dimension() == "mhi5" and charts.stack.currentWidget() is not charts._views[OVERVIEW].scroll
    view = charts._views[OVERVIEW]
    figure = view.canvas.figure
    size, axes, draws = tuple(figure.get_size_inches()), list(figure.axes), view.canvas.draws
    assert len(chart_state(figure).series["mhi5"].weeks) == 52  # the period chosen: one year
    charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData(OVERVIEW))
    assert charts.canvas.stale  # a first view waits for its render like any other
    qtbot.waitUntil(lambda: view.canvas.draws > draws)
    qtbot.wait(50)
    assert view.canvas.draws == draws + 1  # rendered once more, now on screen
    assert tuple(figure.get_size_inches()) == size  # at the size it was prepared for
    assert figure.axes == axes and not view.prepared  # not built again
    # another period, chosen while a single chart is shown: the overview is prepared again, for that period
    charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData("ls"))
    charts.range_combo.setCurrentIndex(charts.range_combo.findData("all"))
    qtbot.waitUntil(prepared, timeout=10_000)
    assert len(chart_state(figure).series["mhi5"].weeks) == 104 and figure.axes == axes


def test_a_choice_made_while_the_overview_is_prepared_wins(charts, qtbot) -> None:
    from vitaalthuis.charts.figures import chart_state
    from vitaalthuis.ui.charts_view import OVERVIEW

    qtbot.waitUntil(lambda: OVERVIEW in charts._views, timeout=10_000)  # its first step has run
    charts.range_combo.setCurrentIndex(charts.range_combo.findData("3m"))
    charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData(OVERVIEW))
    qtbot.waitUntil(lambda: not charts.canvas.stale)
    state = chart_state(charts.canvas.figure)
    assert len(state.series["mhi5"].weeks) == 13 and len(state.axes) == 6
    assert not charts._views[OVERVIEW].prepared
