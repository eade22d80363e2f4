"""Timing a chart switch in the real window, shared by bench/run.py and bench/redraw_window.py."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def until_on_screen(app: Any, charts: Any, switch: Callable[[], object]) -> float:
    """Seconds from ``switch()`` until the chart then chosen is on screen: rendered anew when it was out of
    date, shown as it was drawn when it was kept up to date."""
    start = time.perf_counter()
    switch()
    while charts.canvas.stale:
        app.processEvents()
    app.processEvents()
    return time.perf_counter() - start


def shown(app: Any, charts: Any) -> None:
    """Wait until the Charts tab, just chosen, has its first chart on screen (matplotlib loads first)."""
    while charts.canvas is None or charts.canvas.stale:
        app.processEvents()


def outdate(app: Any, charts: Any) -> None:
    """As after a save: every kept chart becomes out of date (the one shown is redrawn at once)."""
    charts.set_history(charts.history, charts.current_week)
    while charts.canvas.stale:
        app.processEvents()


def choose(charts: Any, dimension: str) -> Callable[[], object]:
    return lambda: charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData(dimension))


def choose_range(charts: Any, code: str) -> Callable[[], object]:
    return lambda: charts.range_combo.setCurrentIndex(charts.range_combo.findData(code))
