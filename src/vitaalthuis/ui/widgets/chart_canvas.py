"""The one place where matplotlib meets Qt: a FigureCanvasQTAgg that redraws a reused Figure and shows a
tooltip with week and value when the mouse is over a point. Imported only when the first chart is shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from vitaalthuis.charts.figures import chart_state, hit_test
from vitaalthuis.charts.series import value_text, week_text

HOVER_PIXELS = 12  # how close (horizontally) the mouse must be to a week with a check-in


class ChartCanvas(QWidget):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.figure = Figure()
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumSize(320, 240)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("draw_event", self._on_draw)
        self.last_tooltip = ""
        self.draws = 0  # finished renders of the figure (benchmarks and tests wait for one)
        self.stale = False  # a figure was built and not rendered yet

    def show_figure(self, build: Callable[[Figure], Any]) -> None:
        """Rebuild into the same Figure (fast: no new canvas) and render it once, at the next turn of the
        event loop: by then a canvas that was just shown has its final size, so it is drawn once, not
        once at a guessed size and again after the resize."""
        build(self.figure)
        self.stale = True
        self.canvas.draw_idle()

    def _on_draw(self, _event: Any) -> None:
        self.draws += 1
        self.stale = False

    def tooltip_for(self, event: MouseEvent) -> str:
        if event.inaxes is None or event.xdata is None:
            return ""
        max_weeks = None
        width = event.inaxes.bbox.width
        if width > 0:
            x0, x1 = event.inaxes.get_xlim()
            max_weeks = HOVER_PIXELS * (x1 - x0) / width / 7.0
        hit = hit_test(self.figure, event.inaxes, event.xdata, max_weeks=max_weeks)
        if hit is None:
            return ""
        dimension, point = hit
        state = chart_state(self.figure)
        assert state is not None
        series = state.series[dimension]
        return f"{week_text(point.week, self.lang)}: {value_text(series, point.index, self.lang)}"

    def _on_motion(self, event: MouseEvent) -> None:
        text = self.tooltip_for(event)
        self.last_tooltip = text
        if text and event.guiEvent is not None:
            position = event.guiEvent.globalPosition().toPoint()
            QToolTip.showText(position + QPoint(12, 12), text, self.canvas)
        else:
            QToolTip.hideText()

    def save(self, path: str, fmt: str) -> bytes:
        """The chart as PNG or SVG bytes, in the colours shown."""
        import io

        buffer = io.BytesIO()
        self.figure.savefig(buffer, format=fmt, facecolor=self.figure.get_facecolor(), dpi=150)
        return buffer.getvalue()
