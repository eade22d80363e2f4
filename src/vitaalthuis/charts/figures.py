"""matplotlib figure builders for the personal trend charts: no pyplot, no Qt (so they run headless in tests).

``build_dimension_figure`` draws one dimension, ``build_overview_figure`` all six as small multiples sharing
the x axis. Both accept an existing ``figure`` to clear and reuse (how the Qt canvas redraws quickly) and
leave a :class:`ChartState` on it (``figure.vt_chart``) with the axes and series the hover tooltip needs;
:func:`hit_test` maps an axes and an x value back to a week and its value.

Per chart: one Line2D per series with NaN for missing weeks (the line breaks, nothing is interpolated),
bands as ``axhspan`` patches with hatching and words, never colour alone.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator

from vitaalthuis.charts.series import (
    DIMENSIONS,
    DJG_BANDS,
    Dimension,
    Point,
    Series,
    category_label,
    nearest_point,
    text,
)
from vitaalthuis.charts.text_cache import ensure_text_cache
from vitaalthuis.charts.theme import Theme, format_dates, get_theme, rc_params, set_layout
from vitaalthuis.domain.weeks import IsoWeek

SINGLE_SIZE = (8.0, 4.5)  # inches at 100 dpi: the figure's size when the caller gives none
OVERVIEW_SIZE = (10.0, 7.5)
MARK_ALL_UP_TO = 60  # weeks: up to this many every value has a marker; beyond, short runs only

# dimension → (y limits, y ticks); health runs from 5 (bottom) to 1 "zeer goed" (top)
_Y: dict[str, tuple[tuple[float, float], tuple[float, ...]]] = {
    "mhi5": ((-3.0, 103.0), (0, 20, 40, 60, 80, 100)),
    "djg": ((-0.4, 6.4), (0, 1, 2, 3, 4, 5, 6)),
    "ls": ((0.5, 10.5), (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)),
    "gh": ((5.4, 0.6), (1, 2, 3, 4, 5)),
    "kans": ((-0.5, 10.5), (0, 2, 4, 6, 8, 10)),
    "wlb": ((0.6, 4.4), (1, 2, 3, 4)),
}


@dataclass
class ChartState:
    """What the UI needs after a build: which axes shows which series, and the plotted lines."""

    axes: dict[Dimension, Axes]
    series: dict[Dimension, Series]
    lines: dict[Dimension, Line2D]
    lang: str
    theme: str


_STATE = "vt_chart"  # the attribute of a built figure that holds its ChartState (``figure.vt_chart``)


PNG_MAGIC = b"\x89PNG\r\n\x1a\n"  # the first bytes of every PNG file


def write_png(figure: Figure, path: str) -> None:
    """The figure as a PNG file, drawn by matplotlib's Agg backend (no GUI toolkit)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure).print_png(path)


def chart_state(figure: Figure) -> ChartState | None:
    return getattr(figure, _STATE, None)


def hit_test(figure: Figure, axes: Axes | None, x: float | None,
             *, max_weeks: float | None = None) -> tuple[Dimension, Point] | None:
    """The dimension and nearest week with a value under the mouse (``event.inaxes``, ``event.xdata``)."""
    state = chart_state(figure)
    if state is None or axes is None or x is None:
        return None
    for dimension, ax in state.axes.items():
        if ax is axes:
            point = nearest_point(state.series[dimension], x, max_weeks=max_weeks)
            return None if point is None else (dimension, point)
    return None


def build_dimension_figure(series: Series, *, lang: str = "nl", theme: str | Theme = "light",
                           figure: Figure | None = None) -> Figure:
    """One dimension's chart: title, axis labels, bands or reference line, the user's weeks."""
    th = get_theme(theme)
    with mpl.rc_context(rc_params(th)):
        reused = _reused_axes(figure, (series.dimension,), th, lang)
        if figure is not None and reused is not None:
            fig, (ax,) = figure, reused
        else:
            fig = _prepare(figure, th, SINGLE_SIZE)
            ax = fig.add_subplot()
        line = _draw_dimension(ax, series, th, lang, compact=False)
        title = fig.suptitle(text(f"title_{series.dimension}", lang), x=0.01, ha="left", fontsize="large",
                             fontweight="bold")
        ax.set_title(text("coverage", lang).format(n=series.count, total=len(series.weeks)),
                     fontsize="small", fontweight="normal", color=th.muted, pad=10)
        ax.set_xlabel(text("xlabel", lang))
        ax.set_ylabel(text(f"ylabel_{series.dimension}", lang))
    set_layout(fig, ("single", lang, _extent(series), ax.get_title()), [title])
    ensure_text_cache(fig)
    setattr(fig, _STATE, ChartState({series.dimension: ax}, {series.dimension: series},
                                    {series.dimension: line}, lang, th.name))
    return fig


def build_overview_figure(series_by_dimension: Mapping[Dimension, Series], *, lang: str = "nl",
                          theme: str | Theme = "light", figure: Figure | None = None) -> Figure:
    """All six dimensions as small multiples (3 x 2) sharing one x axis."""
    missing = [d for d in DIMENSIONS if d not in series_by_dimension]
    if missing:
        raise ValueError(f"overview needs every dimension; missing {missing}")
    th = get_theme(theme)
    with mpl.rc_context(rc_params(th, compact=True)):
        reused = _reused_axes(figure, DIMENSIONS, th, lang)
        if figure is not None and reused is not None:
            fig, grid = figure, np.array(reused, dtype=object).reshape(3, 2)
        else:
            fig = _prepare(figure, th, OVERVIEW_SIZE)
            grid = fig.subplots(3, 2, sharex=True, squeeze=False)
        axes: dict[Dimension, Axes] = {}
        lines: dict[Dimension, Line2D] = {}
        for ax, dimension in zip(grid.flat, DIMENSIONS, strict=True):
            series = series_by_dimension[dimension]
            lines[dimension] = _draw_dimension(ax, series, th, lang, compact=True)
            ax.set_title(text(f"short_{dimension}", lang), fontsize="medium")
            axes[dimension] = ax
        for ax in grid[-1]:
            ax.set_xlabel(text("xlabel", lang))
        first = series_by_dimension[DIMENSIONS[0]]
        title = fig.suptitle(text("overview", lang), x=0.01, ha="left", fontsize="x-large", fontweight="bold")
        note = fig.supxlabel(text("coverage_short", lang).format(n=first.count, total=len(first.weeks)),
                             x=0.99, ha="right", fontsize="small", color=th.muted)
    extents = tuple(_extent(series_by_dimension[d]) for d in DIMENSIONS)
    set_layout(fig, ("overview", lang, extents, note.get_text()), [title, note])
    ensure_text_cache(fig)
    setattr(fig, _STATE, ChartState(axes, dict(series_by_dimension), lines, lang, th.name))
    return fig


# --- building blocks ---------------------------------------------------------------------------------------


def _reused_axes(figure: Figure | None, dimensions: tuple[str, ...], th: Theme,
                 lang: str) -> list[Axes] | None:
    """The figure's own axes, emptied, when it already shows these dimensions in this theme and language.

    New data or another range then needs no new axes, and the ticks matplotlib made for them on the last
    draw serve again: an overview rebuilds in a third of the time."""
    state = chart_state(figure) if figure is not None else None
    if figure is None or state is None or state.theme != th.name or state.lang != lang \
            or tuple(state.axes) != dimensions or len(figure.axes) != len(dimensions):
        return None
    for ax in figure.axes:
        for artist in [*ax.lines, *ax.patches, *ax.texts, *ax.collections]:
            artist.remove()
        if ax.legend_ is not None:
            ax.legend_.remove()
        for loc in ("left", "center", "right"):
            ax.set_title("", loc=loc)
    return list(figure.axes)


def _extent(series: Series) -> tuple[str, str, int]:
    """What of a series shapes the layout: its x range (tick labels), not its values."""
    return series.dimension, str(series.weeks[0]) if series.weeks else "", len(series.weeks)


def _prepare(figure: Figure | None, th: Theme, size: tuple[float, float]) -> Figure:
    if figure is None:
        figure = Figure(figsize=size, dpi=100)
    else:
        for ax in list(figure.axes):  # Figure.clear() would first clear every axes: half of a rebuild's time
            figure.delaxes(ax)
        figure.clear()
    figure.set_facecolor(th.background)
    figure.set_edgecolor(th.background)
    return figure


def _draw_dimension(ax: Axes, series: Series, th: Theme, lang: str, *, compact: bool) -> Line2D:
    d = series.dimension
    (ylo, yhi), yticks = _Y[d]
    ax.set_facecolor(th.background)
    x = _x_of(series.weeks)
    y = np.array([np.nan if v is None else v for v in series.values], dtype=float)
    _BANDS[d](ax, th, lang, compact)
    n = len(series.weeks)
    present = ~np.isnan(y)
    dense = n > MARK_ALL_UP_TO
    marks: Any = _short_runs(present) if dense else None
    (line,) = ax.plot(x, y, color=th.line, linewidth=(1.0 if compact else 1.2) if dense else 2.0, marker="o",
                      markersize=4.0 if compact else 5.0, markerfacecolor=th.background, markeredgewidth=1.5,
                      markevery=marks, solid_joinstyle="round", solid_capstyle="round", zorder=3,
                      label=text("kans_line", lang) if d == "kans" else None)
    if d == "kans":
        flagged = np.where(np.array(series.complaints, dtype=bool), y, np.nan)
        size = (5.5 if dense else 7.0) + (0.0 if compact else 1.0)
        ax.plot(x, flagged, linestyle="none", marker="^", markersize=size,
                color=th.accent, markeredgecolor=th.background, markeredgewidth=0.6, zorder=4,
                label=text("kans_marker", lang))
        if compact:  # no room for a legend beside a small multiple: the marker explained in words
            ax.set_title("▲ " + text("kans_marker", lang), loc="right", fontsize="small", fontweight="normal",
                         color=th.muted)
        else:
            ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), handlelength=1.6, borderaxespad=0.4,
                      labelspacing=1.0)
    if ax.get_ylim() != (ylo, yhi):  # a reused axes has them already
        ax.set_ylim(ylo, yhi)
    ax.yaxis.set_major_locator(FixedLocator(list(yticks)))
    if d in ("gh", "wlb"):
        ax.set_yticks(yticks, [category_label(d, int(t), lang) for t in yticks])
    pad = 3.5  # days: half a week either side, so the first and last marker are not cut in half
    xlim = (float(x[0]) - pad, float(x[-1]) + pad)
    if ax.get_xlim() != xlim:  # the same on reused axes, and on the overview's (shared) after its first
        ax.set_xlim(*xlim)
    format_dates(ax, lang)
    ax.spines["left"].set_visible(False)
    if compact:  # a small multiple has no y label: none to place beside the tick labels at every draw
        ax.yaxis.label.set_visible(False)
        ax.yaxis.set_label_coords(0.0, 0.5)
    if not present.any():
        ax.text(0.5, 0.5, text("no_data", lang), transform=ax.transAxes, ha="center", va="center",
                color=th.muted, fontsize="medium")
    return line


@functools.lru_cache(maxsize=8)
def _x_of(weeks: tuple[IsoWeek, ...]) -> np.ndarray:
    """The weeks' Mondays as matplotlib date numbers (the six series of an overview share one tuple)."""
    x = date2num(np.array([w.monday for w in weeks], dtype="datetime64[D]"))
    x.setflags(write=False)
    return x


def _short_runs(present: np.ndarray) -> np.ndarray:
    """Weeks in a run of at most two consecutive check-ins: on a long axis their line is a dot or a
    dash a few pixels long, so they get a marker."""
    edges = np.diff(np.concatenate(([0], present.astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    marks = np.zeros(len(present), dtype=bool)
    for start, end in zip(starts, ends, strict=True):
        if end - start <= 2:
            marks[start:end] = True
    return marks


def _band(ax: Axes, low: float, high: float, color: str, th: Theme, hatch: str | None) -> None:
    """A full-width band: a light tint plus a hatch pattern. The hatch takes the edge colour (every
    matplotlib since 3.8); the edge itself has width 0, so no border is drawn."""
    rgb = to_rgb(color)
    ax.axhspan(low, high, facecolor=(*rgb, th.band_alpha), edgecolor=(*rgb, th.hatch_alpha), linewidth=0,
               hatch=hatch, zorder=0.5)


def _side_labels(ax: Axes, ticks: list[float], labels: list[str], th: Theme, compact: bool) -> None:
    """Words for bands and lines on the right edge, outside the data area, so they never hide a point.
    Plain texts (x in axes, y in data coordinates): cheaper to lay out than a secondary axis."""
    for y, label in zip(ticks, labels, strict=True):
        ax.text(1.012, y, label, transform=ax.get_yaxis_transform(), ha="left", va="center", clip_on=False,
                color=th.muted, fontsize="small" if compact else "medium", linespacing=1.15)


def _bands_mhi5(ax: Axes, th: Theme, lang: str, compact: bool) -> None:
    _band(ax, 0, 60, th.concern, th, "//")
    ax.axhline(60, color=th.concern, linewidth=1.0, linestyle=(0, (4, 3)), alpha=0.8, zorder=1)
    _side_labels(ax, [30], [text("mhi5_low", lang)], th, compact)


def _bands_djg(ax: Axes, th: Theme, lang: str, compact: bool) -> None:
    styles = {"not_lonely": (th.good, None), "moderate": (th.caution, "."), "strong": (th.concern, "//")}
    (ylo, yhi), _ = _Y["djg"]
    ticks, labels = [], []
    for key, low, high, label in DJG_BANDS:
        color, hatch = styles[key]
        _band(ax, max(low - 0.5, ylo), min(high + 0.5, yhi), color, th, hatch)
        ticks.append((low + high) / 2)
        labels.append(label.get(lang) + ("" if compact else f"\n({low}–{high})"))
    _side_labels(ax, ticks, labels, th, compact)


def _bands_ls(ax: Axes, th: Theme, lang: str, compact: bool) -> None:
    ax.axhline(7, color=th.good, linewidth=1.3, linestyle=(0, (5, 3)), zorder=1)
    _side_labels(ax, [7], [text("ls_line", lang)], th, compact)


def _no_bands(ax: Axes, th: Theme, lang: str, compact: bool) -> None:
    return None


_BANDS: dict[str, Callable[[Axes, Theme, str, bool], None]] = {
    "mhi5": _bands_mhi5, "djg": _bands_djg, "ls": _bands_ls, "gh": _no_bands, "kans": _no_bands,
    "wlb": _no_bands,
}
