"""Trend charts: one chart per dimension or an overview, three ranges, a table of the same data, export.

matplotlib is imported only when this view is first shown (start-up stays light)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.files import write_private
from vitaalthuis.ui import labels

if TYPE_CHECKING:  # annotations only: the chart modules load when the first chart is shown
    from vitaalthuis.charts.series import Dimension, Series
    from vitaalthuis.ui.widgets.chart_canvas import ChartCanvas

OVERVIEW = "overview"
CHART_DIMENSIONS = ("mhi5", "djg", "ls", "gh", "kans", "wlb")
OVERVIEW_MIN_HEIGHT = 660  # pixels: below this the small multiples' labels crowd each other
CHART_MIN_HEIGHT = 320
DIMENSION_KEY, RANGE_KEY = "charts/dimension", "charts/range"  # QSettings: the last choice
FIRST_CHART_DELAY_MS = 15  # lets the tab with its "being prepared" line paint before matplotlib loads
KEPT_CHARTS = 3  # one-dimension charts kept drawn for switching back (each about 3 MB); the overview, the
# costliest to make, is kept once shown or prepared (about 7 MB): shown again it reuses its six axes
PREPARE_DELAY_MS = 300  # quiet time after a chart was chosen before the overview is prepared in idle time


@dataclass
class _ChartView:
    scroll: QScrollArea
    canvas: ChartCanvas  # its module imports matplotlib: not at start-up
    content: tuple[object, ...] | None = None  # (range, theme, history version) it was drawn with
    prepared: bool = False  # built and rendered in idle time, at the size it will have, and not shown since


class ChartsView(QWidget):
    def __init__(self, lang: str, current_week: IsoWeek, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.current_week = current_week
        self.history: list[CheckIn] = []
        self._history_version = 0  # a new history makes every kept chart out of date
        self._views: OrderedDict[str, _ChartView] = OrderedDict()  # most recently shown last
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        controls = QHBoxLayout()
        self.dimension_combo = QComboBox()
        self.dimension_combo.setAccessibleName(self.tr("Chart"))
        for dimension in CHART_DIMENSIONS:
            self.dimension_combo.addItem(labels.dimension_title(dimension), dimension)
        self.dimension_combo.addItem(self.tr("Overview of all"), OVERVIEW)
        self.range_combo = QComboBox()
        self.range_combo.setAccessibleName(self.tr("Period"))
        for code, text in (("3m", self.tr("3 months")), ("1y", self.tr("1 year")), ("all", self.tr("All"))):
            self.range_combo.addItem(text, code)
        # the chart and period chosen last time (one chart at first: quick to draw, the Overview tab already
        # shows all six dimensions side by side)
        remembered = QSettings()
        self.dimension_combo.setCurrentIndex(max(0, self.dimension_combo.findData(
            remembered.value(DIMENSION_KEY, CHART_DIMENSIONS[0]))))
        self.range_combo.setCurrentIndex(max(0, self.range_combo.findData(remembered.value(RANGE_KEY, "1y"))))
        self.table_check = QCheckBox(self.tr("Show as &table"))
        self.export_button = QPushButton(self.tr("&Export chart…"))
        chart_label = QLabel(self.tr("&Chart:"))
        chart_label.setBuddy(self.dimension_combo)
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.range_combo)
        for widget in (chart_label, self.dimension_combo, period_label, self.range_combo, self.table_check):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.export_button)
        layout.addLayout(controls)
        self.stack = QStackedWidget()
        self.placeholder = QLabel(self.tr("The chart is being prepared…"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setObjectName("muted")
        self.stack.addWidget(self.placeholder)
        self.table = QTableWidget()
        self.table.setAccessibleName(self.tr("The chart's data as a table"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)
        self.dimension_combo.currentIndexChanged.connect(self._choice_changed)
        self.range_combo.currentIndexChanged.connect(self._choice_changed)
        self.table_check.toggled.connect(self.redraw)
        self.export_button.clicked.connect(self.export_dialog)
        # the overview, the costliest chart to make, is made ready while the user looks at another one
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.timeout.connect(self._prepare_step)
        self._preparing: Iterator[None] | None = None

    def _choice_changed(self) -> None:
        remembered = QSettings()
        remembered.setValue(DIMENSION_KEY, self.dimension())
        remembered.setValue(RANGE_KEY, self.range_code())
        self.redraw()

    # -- data ------------------------------------------------------------------------------------------------
    def set_history(self, history: list[CheckIn], current_week: IsoWeek) -> None:
        self.history = history
        self.current_week = current_week
        self._history_version += 1
        if self.isVisible():
            self.redraw()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._views or self.table_check.isChecked():
            self.redraw()
        else:  # the first chart loads matplotlib (about half a second): show the tab and say so first
            self.stack.setCurrentWidget(self.placeholder)
            QTimer.singleShot(FIRST_CHART_DELAY_MS, self.redraw)

    def theme(self) -> str:
        return "dark" if self.palette().color(QPalette.ColorRole.Window).lightness() < 128 else "light"

    def dimension(self) -> str:
        return str(self.dimension_combo.currentData())

    def range_code(self) -> str:
        return str(self.range_combo.currentData())

    # -- drawing ---------------------------------------------------------------------------------------------
    def _series(self, dimension: str | None = None) -> Series | dict[Dimension, Series]:
        from vitaalthuis.charts.series import build_all, build_series

        dimension = dimension or self.dimension()
        if dimension == OVERVIEW:
            return build_all(self.history, self.range_code(), self.current_week)  # type: ignore[arg-type]
        return build_series(self.history, dimension, self.range_code(), self.current_week)  # type: ignore[arg-type]

    def _content(self) -> tuple[object, ...]:
        """What a chart is drawn from besides its dimension: it is up to date while this stays the same."""
        return self.range_code(), self.theme(), self._history_version

    def redraw(self) -> None:
        """Show the chosen chart. Each chart keeps its own canvas (the last few): switching back to one that
        is still up to date shows it as drawn; a new range, new data or a first visit builds and renders
        it."""
        if not self.isVisible():
            return
        if self.table_check.isChecked():
            self._fill_table(self._series())
            self.stack.setCurrentWidget(self.table)
            return
        dimension = self.dimension()
        view = self._views.get(dimension)
        if view is None:
            view = self._new_view(dimension)
        self._views.move_to_end(dimension)
        self.stack.setCurrentWidget(view.scroll)
        self._update_scroll_bar()
        content = self._content()
        if view.content != content:
            view.content = content
            view.prepared = False
            self._build_into(view.canvas, self._series(), str(content[1]))
        elif view.prepared:  # built and rendered in idle time: rendered once more, now at its real size
            view.prepared = False
            view.canvas.show_figure(lambda _figure: None)
        self._forget_old_views()
        self._preparing = None  # a preparation under way is for a choice that may have changed: anew
        if dimension == OVERVIEW:
            self._prepare_timer.stop()
        else:
            self._prepare_timer.start(PREPARE_DELAY_MS)

    def _new_view(self, dimension: str) -> _ChartView:
        from vitaalthuis.ui.widgets.chart_canvas import ChartCanvas

        canvas = ChartCanvas(self.lang)
        canvas.setMinimumHeight(OVERVIEW_MIN_HEIGHT if dimension == OVERVIEW else CHART_MIN_HEIGHT)
        scroll = QScrollArea()  # the overview's six charts keep a readable height; it scrolls
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(canvas)
        self.stack.addWidget(scroll)
        view = _ChartView(scroll, canvas)
        self._views[dimension] = view
        return view

    def _build_into(self, canvas: ChartCanvas, series: Series | dict[Dimension, Series], theme: str) -> None:
        from vitaalthuis.charts.figures import build_dimension_figure, build_overview_figure

        if isinstance(series, dict):
            canvas.show_figure(lambda f: build_overview_figure(series, lang=self.lang, theme=theme, figure=f))
        else:
            canvas.show_figure(
                lambda f: build_dimension_figure(series, lang=self.lang, theme=theme, figure=f))

    # -- the overview made ready in idle time --------------------------------------------------------------
    def _prepare_step(self) -> None:
        shown = self.canvas
        if shown is not None and shown.stale:  # the chart on screen first: its render has not happened yet
            self._preparing = None
            self._prepare_timer.start(PREPARE_DELAY_MS)
            return
        if self._preparing is None:
            self._preparing = self._prepare_overview()
        try:
            next(self._preparing)
        except StopIteration:
            self._preparing = None
        else:  # the next step at the next turn of the event loop, after whatever the user did meanwhile
            self._prepare_timer.start(0)

    def _prepare_overview(self) -> Iterator[None]:
        """Build, lay out and render the overview for the current choice while another chart is shown and the
        user is idle, at the size it will have in the stack, in three steps (each a turn of the event loop, so
        a click waits for one step at most). Its first view then only renders it again at that size, with
        its axes, layout and texts ready; the same after new data or another period. A choice made meanwhile
        (:meth:`redraw`) drops the steps left; a view left half prepared is built as usual when chosen."""
        if not self.isVisible() or self.table_check.isChecked() or self.dimension() == OVERVIEW:
            return
        content = self._content()
        view = self._views.get(OVERVIEW)
        if view is not None and view.content == content:
            return
        if view is None:
            view = self._new_view(OVERVIEW)
        view.content, view.prepared = None, False
        self._size_hidden(view)
        from vitaalthuis.charts.figures import build_overview_figure

        series = self._series(OVERVIEW)
        assert isinstance(series, dict)
        build_overview_figure(series, lang=self.lang, theme=str(content[1]), figure=view.canvas.figure)
        yield
        view.canvas.figure.draw_without_rendering()  # the layout (remembered for this size) and the ticks
        yield
        view.canvas.canvas.draw()  # the pixels: its texts are kept for the render at the first view
        view.content, view.prepared = content, True

    def _size_hidden(self, view: _ChartView) -> None:
        """Give a chart not shown yet the scroll bar and the figure size it will have once shown in the stack,
        as its canvas's first show would (matplotlib sets the size from the resize event)."""
        needed = self._scroll_bar_for(view)
        bar = view.scroll.verticalScrollBar().sizeHint().width() if needed else 0
        width = max(self.stack.width() - bar, view.canvas.canvas.minimumWidth())
        height = max(self.stack.height(), view.canvas.minimumHeight())
        qt_canvas = view.canvas.canvas
        set_ratio = getattr(qt_canvas, "_set_device_pixel_ratio", None)
        if set_ratio is not None:  # what the canvas does when first shown: its dpi follows the screen
            set_ratio(qt_canvas.devicePixelRatioF() or 1.0)
        figure = view.canvas.figure
        ratio = qt_canvas.device_pixel_ratio
        figure.set_size_inches(width * ratio / figure.dpi, height * ratio / figure.dpi, forward=False)

    def _forget_old_views(self) -> None:
        singles = [d for d in self._views if d != OVERVIEW]  # oldest first
        for dimension in singles[:max(0, len(singles) - KEPT_CHARTS)]:
            old = self._views.pop(dimension)
            self.stack.removeWidget(old.scroll)
            old.scroll.deleteLater()

    @property
    def canvas(self) -> ChartCanvas | None:
        """The ChartCanvas of the chosen chart (None before it was first shown)."""
        view = self._views.get(self.dimension())
        return view.canvas if view is not None else None

    @property  # shadows the method QWidget.scroll(dx, dy), which nothing here calls; tests read .scroll
    def scroll(self) -> QScrollArea | None:  # type: ignore[override]
        view = self._views.get(self.dimension())
        return view.scroll if view is not None else None

    def canvases(self) -> list[ChartCanvas]:
        return [view.canvas for view in self._views.values()]

    def _update_scroll_bar(self) -> None:
        """Show the vertical scroll bar exactly when the chart is taller than the room for it, decided before
        the chart is drawn: a scroll bar that appears afterwards narrows the canvas and costs a second
        draw."""
        view = self._views.get(self.dimension())
        if view is not None:
            self._scroll_bar_for(view)

    def _scroll_bar_for(self, view: _ChartView) -> bool:
        needed = view.canvas.minimumHeight() > self.stack.height()
        view.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn if needed
                                               else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return needed

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._update_scroll_bar()

    def _fill_table(self, series: Series | dict[Dimension, Series]) -> None:
        from vitaalthuis.charts.series import table_header, table_rows

        if isinstance(series, dict):
            columns = list(series)
            headers = [table_header(series[columns[0]], self.lang)[0]]
            headers += [table_header(series[d], self.lang)[1] for d in columns]
            per_dim = [table_rows(series[d], self.lang) for d in columns]
            rows = [[per_dim[0][i][0], *(r[i][1] for r in per_dim)] for i in range(len(per_dim[0]))]
        else:
            headers = list(table_header(series, self.lang))
            rows = [list(r) for r in table_rows(series, self.lang)]
        rows.reverse()  # newest first, as in the history
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))

    # -- export ----------------------------------------------------------------------------------------------
    def export_dialog(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export chart"), str(Path.home() / f"vitaalthuis-{self.dimension()}.png"),
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if path:
            fmt = "svg" if path.lower().endswith(".svg") or "svg" in chosen.lower() else "png"
            self.export(path, fmt)

    def export(self, path: str, fmt: str) -> Path:
        """Write the current chart (as a chart, also when the table is shown) to ``path``, mode 0600, whole or
        not at all (:func:`vitaalthuis.files.write_private`). Raises OSError with the old file unchanged."""
        if self.canvas is None or self.stack.currentWidget() is not self.scroll:
            was_table = self.table_check.isChecked()
            self.table_check.setChecked(False)
            self.redraw()
            self.table_check.setChecked(was_table)
        assert self.canvas is not None
        data = self.canvas.save(path, fmt)
        target = Path(path)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        return write_private(target, data)
