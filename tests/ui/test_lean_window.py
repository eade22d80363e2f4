"""What keeps the window quick and steady with years of data: pages built when needed, a history model,
a remembered chart choice, and a Qt binding that does not lose track of Python's None."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import TODAY
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.demo import fill_demo_data


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="from Python 3.12 on None is immortal")
def test_the_qt_binding_keeps_its_references_to_none(qapp) -> None:
    """PySide6 6.12.0 drops a reference to None at every call that returns nothing; on Python 3.11 the
    process aborts after a few thousand ("deallocating None"). pyproject.toml excludes that release."""
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) > before - 100


def test_the_checkin_page_is_built_when_a_week_is_opened(qtbot, make_window) -> None:
    window = make_window()
    sessions = window.service.repo.sessions
    assert window._checkin is None and not sessions.loaded  # looking needs neither
    window.open_week(IsoWeek(2026, 48))
    assert window._checkin is not None and window.stack.currentWidget() is window.checkin
    qtbot.waitUntil(lambda: sessions.loaded)  # SQLAlchemy loads while the first question is read
    window.checkin.save_and_close()
    assert window.stack.currentWidget() is window.home


def test_ten_years_of_history_refresh_again_and_again(qtbot, make_window, repo) -> None:
    fill_demo_data(repo, 520, today=TODAY)
    window = make_window()
    history = window.home.history
    for _ in range(6):  # each return to home refreshes; thousands of cells must not wear anything out
        window.home.refresh()
    assert history.row_count() == repo.count() > 400
    oldest = min(repo.weeks())
    assert history.cell_text(history.row_count() - 1, 0) == f"{oldest.year} week {oldest.week}"
    history.select_week(oldest)
    assert history.selected_week() == oldest and history.open_button.isEnabled()


def test_the_chart_and_period_chosen_last_are_shown_next_time(make_window, repo) -> None:
    fill_demo_data(repo, 30, today=TODAY)
    window = make_window()
    charts = window.home.charts
    assert charts.dimension() == "mhi5" and charts.range_code() == "1y"  # one chart first, a year
    charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData("kans"))
    charts.range_combo.setCurrentIndex(charts.range_combo.findData("3m"))
    window.close()
    again = make_window().home.charts
    assert (again.dimension(), again.range_code()) == ("kans", "3m")
