"""Figure builders drawn headless (FigureCanvasAgg): bands, lines, gaps, markers, texts, themes, reuse."""

from __future__ import annotations

import io
import itertools
import subprocess
import sys

import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from tests.helpers import answers
from vitaalthuis.charts import theme as chart_theme
from vitaalthuis.charts.figures import build_dimension_figure, build_overview_figure, chart_state, hit_test
from vitaalthuis.charts.series import DIMENSIONS, Series, build_all, build_series, text
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek

LAST = IsoWeek(2026, 20)
KANS = {"kans_any": 1, "kans_regions": ["neck"], "kans_work": 1}


def at(weeks_before: int, **changes: object) -> CheckIn:
    return CheckIn(LAST.shifted(-weeks_before), answers(**changes))


def drawn(fig: Figure) -> Figure:
    FigureCanvasAgg(fig).draw() if not isinstance(fig.canvas, FigureCanvasAgg) else fig.canvas.draw()
    return fig


def data_line(ax: Axes) -> Line2D:
    """The user's values: the Line2D with one point per week (reference lines have two points)."""
    return max(ax.lines, key=lambda line: len(line.get_xdata()))


def spans(ax: Axes) -> list[tuple[float, float, Patch]]:
    """Full-width bands (axhspan) as (y low, y high, patch), y in data units, lowest first."""
    result = []
    for patch in ax.patches:
        corners = patch.get_window_extent().get_points()
        in_axes = ax.transAxes.inverted().transform(corners)
        in_data = ax.transData.inverted().transform(corners)
        if np.allclose(sorted(in_axes[:, 0]), [0, 1]):
            low, high = sorted(round(float(y), 6) for y in in_data[:, 1])
            result.append((low, high, patch))
    return sorted(result, key=lambda band: band[0])


def all_text(fig: Figure) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))


@pytest.fixture
def gappy() -> list[CheckIn]:
    """Weeks 12, 11, 9, 5, 0 before LAST, so 3m has gaps at 10, 8-6, 4-1."""
    return [at(12, ls=5), at(11, ls=6), at(9, ls=8), at(5, ls=9), at(0, ls=7)]


def test_missing_weeks_are_nan_in_the_line_and_nothing_is_interpolated(gappy: list[CheckIn]) -> None:
    series = build_series(gappy, "ls", "3m", LAST)
    fig = drawn(build_dimension_figure(series))
    line = data_line(fig.axes[0])
    y = np.asarray(line.get_ydata(), dtype=float)
    assert len(y) == 13  # one point per week, no extra points between
    assert np.array_equal(np.isnan(y), [v is None for v in series.values])
    assert y[[0, 1, 3, 7, 12]].tolist() == [5, 6, 8, 9, 7]
    assert np.allclose(line.get_xdata(), date2num([w.monday for w in series.weeks]))


def test_every_week_has_a_marker_on_short_ranges_and_short_runs_on_long_ones() -> None:
    short = build_dimension_figure(build_series([at(6)], "mhi5", "3m", LAST))
    assert data_line(short.axes[0]).get_marker() == "o"
    assert data_line(short.axes[0]).get_markevery() is None
    checkins = [*(at(i) for i in range(300)), at(400), at(450), at(451), *(at(500 + i) for i in range(5))]
    long = build_series(checkins, "mhi5", "all", LAST)
    marks = np.asarray(data_line(build_dimension_figure(long).axes[0]).get_markevery())
    marked_weeks = {long.weeks[i] for i in np.flatnonzero(marks)}
    assert marked_weeks == {LAST.shifted(-400), LAST.shifted(-450), LAST.shifted(-451)}


@pytest.mark.parametrize(("theme", "range_"), [("light", "3m"), ("dark", "all")])
def test_a_single_isolated_point_is_visible(theme: str, range_: str) -> None:
    checkins = [at(30), at(519)] if range_ == "all" else [at(6)]
    fig = drawn(build_dimension_figure(build_series(checkins, "gh", range_, LAST), theme=theme))
    pixels = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    line = np.array([round(c * 255) for c in to_rgb(chart_theme.THEMES[theme].line)])
    assert (np.abs(pixels - line).sum(axis=2) < 30).sum() > 15  # a marker's ring, not one stray pixel


def test_kans_complaint_weeks_have_their_own_marker_exactly_there() -> None:
    checkins = [at(10, kans_severity=6, **KANS), at(8), at(4, kans_severity=0, **KANS), at(2),
                at(0, kans_severity=3, **KANS)]
    series = build_series(checkins, "kans", "3m", LAST)
    ax = drawn(build_dimension_figure(series, lang="en")).axes[0]
    main = data_line(ax)
    flagged = [line for line in ax.lines if line is not main and line.get_linestyle() == "None"]
    assert len(flagged) == 1
    y = np.asarray(flagged[0].get_ydata(), dtype=float)
    assert np.flatnonzero(~np.isnan(y)).tolist() == [12 - 10, 12 - 4, 12]
    assert y[~np.isnan(y)].tolist() == [6, 0, 3]  # severity 0 with complaints is still marked
    assert flagged[0].get_marker() != main.get_marker()  # not colour alone
    legend = ax.get_legend()
    assert legend is not None and "week with complaints" in [t.get_text() for t in legend.get_texts()]


def test_mhi5_has_the_below_60_band_hatched_and_labelled() -> None:
    fig = build_dimension_figure(build_series([at(0)], "mhi5", "1y", LAST), lang="en")
    ax = fig.axes[0]
    bands = spans(ax)
    assert [(low, high) for low, high, _ in bands] == [(0, 60)]
    assert bands[0][2].get_hatch()
    assert ax.get_ylim() == pytest.approx((-3, 103))
    assert "below 60" in all_text(fig)


def test_loneliness_has_three_labelled_category_bands() -> None:
    for lang, words in (("nl", ("niet eenzaam", "matig eenzaam", "sterk eenzaam")),
                        ("en", ("not lonely", "moderately lonely", "strongly lonely"))):
        fig = build_dimension_figure(build_series([at(0)], "djg", "3m", LAST), lang=lang)
        ax = fig.axes[0]
        bands = spans(ax)
        assert len(bands) == 3
        assert [high for _, high, _ in bands[:2]] == [1.5, 4.5]  # 0-1 | 2-4 | 5-6
        assert bands[0][0] <= 0 and bands[2][1] >= 6
        assert len({patch.get_hatch() for _, _, patch in bands}) == 3  # patterns differ, not colour alone
        assert all(word in all_text(fig) for word in words)


def test_life_satisfaction_has_a_line_at_7() -> None:
    ax = build_dimension_figure(build_series([at(0)], "ls", "3m", LAST)).axes[0]
    assert any(list(line.get_ydata()) == [7, 7] for line in ax.lines)
    assert ax.get_ylim() == pytest.approx((0.5, 10.5))


@pytest.mark.parametrize(
    ("dimension", "lang", "labels"),
    [
        ("gh", "nl", ["zeer goed", "goed", "gaat wel", "slecht", "zeer slecht"]),
        ("gh", "en", ["very good", "good", "fair", "bad", "very bad"]),
        ("wlb", "nl", ["nooit", "soms", "vaak", "altijd"]),
        ("wlb", "en", ["never", "sometimes", "often", "always"]),
    ],
)
def test_category_axes_use_the_instrument_labels(dimension: str, lang: str, labels: list[str]) -> None:
    ax = drawn(build_dimension_figure(build_series([at(0)], dimension, "3m", LAST), lang=lang)).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == labels
    if dimension == "gh":  # "zeer goed" (code 1) at the top
        x = ax.get_xlim()[0]
        assert ax.transData.transform((x, 1))[1] > ax.transData.transform((x, 5))[1]


@pytest.mark.parametrize("dimension", DIMENSIONS)
def test_titles_and_axis_labels_in_both_languages(dimension: str) -> None:
    series = build_series([at(0)], dimension, "1y", LAST)
    got = {}
    for lang in ("nl", "en"):
        fig = build_dimension_figure(series, lang=lang)
        ax = fig.axes[0]
        assert fig.get_suptitle() == text(f"title_{dimension}", lang)
        assert ax.get_xlabel() == text("xlabel", lang) and ax.get_ylabel()
        got[lang] = (fig.get_suptitle(), ax.get_xlabel(), ax.get_ylabel())
    assert all(nl != en for nl, en in zip(got["nl"], got["en"], strict=True))


def test_month_names_follow_the_language_not_the_locale() -> None:
    series = build_series([at(0)], "ls", "1y", LAST)
    labels = {}
    for lang in ("nl", "en"):
        ax = drawn(build_dimension_figure(series, lang=lang)).axes[0]
        labels[lang] = " ".join(t.get_text() for t in ax.get_xticklabels())
    assert "mrt" in labels["nl"] and "okt" in labels["nl"]
    assert "Mar" in labels["en"] and "Oct" in labels["en"]


@pytest.mark.parametrize(("weeks", "kind"), [(13, "day"), (52, "month"), (520, "year")])
@pytest.mark.parametrize("overview", [False, True])
def test_date_ticks_suit_the_range_and_do_not_overlap(weeks: int, kind: str, overview: bool) -> None:
    checkins = [at(i) for i in range(0, weeks, 3)]
    range_ = {13: "3m", 52: "1y", 520: "all"}[weeks]
    if overview:
        fig = drawn(build_overview_figure(build_all(checkins, range_, LAST)))
        ax = fig.axes[-1]
    else:
        fig = drawn(build_dimension_figure(build_series(checkins, "mhi5", range_, LAST)))
        ax = fig.axes[0]
    lo, hi = ax.get_xlim()
    visible = [t for t in ax.get_xticklabels() if lo <= t.get_position()[0] <= hi and t.get_text()]
    assert 3 <= len(visible) <= 14
    first = visible[0].get_text()
    if kind == "year":
        assert all(t.get_text().isdigit() for t in visible)
    else:
        assert "2025" in first or "2026" in first  # the year under the first tick
        assert (first.split()[0].isdigit()) == (kind == "day")  # "16 feb" vs "jun"
    boxes = [t.get_window_extent() for t in visible]
    assert not any(a.overlaps(b) for a, b in itertools.pairwise(boxes))


def test_themes_differ_in_background_and_text() -> None:
    series = build_series([at(0)], "mhi5", "3m", LAST)
    light, dark = (build_dimension_figure(series, theme=t) for t in ("light", "dark"))
    assert to_rgb(light.get_facecolor()) != to_rgb(dark.get_facecolor())
    assert to_rgb(light.get_facecolor()) == to_rgb(chart_theme.THEMES["light"].background)
    assert to_rgb(dark.axes[0].get_facecolor()) == to_rgb(chart_theme.THEMES["dark"].background)
    assert light._suptitle.get_color() != dark._suptitle.get_color()
    with pytest.raises(ValueError, match="theme"):
        build_dimension_figure(series, theme="sepia")


def test_overview_has_six_axes_sharing_x() -> None:
    fig = drawn(build_overview_figure(build_all([at(0), at(3)], "1y", LAST), lang="en", theme="dark"))
    assert len(fig.axes) == 6
    first = fig.axes[0]
    assert all(first.get_shared_x_axes().joined(first, ax) for ax in fig.axes)
    state = chart_state(fig)
    assert state is not None and list(state.axes) == list(DIMENSIONS)
    titles = [ax.get_title(loc="left") for ax in state.axes.values()]
    assert titles == [text(f"short_{d}", "en") for d in DIMENSIONS]
    assert len(spans(state.axes["mhi5"])) == 1 and len(spans(state.axes["djg"])) == 3
    with pytest.raises(ValueError, match="every dimension"):
        build_overview_figure({"mhi5": build_series([], "mhi5", "3m", LAST)})


def test_reusing_a_figure_does_not_accumulate_artists(gappy: list[CheckIn]) -> None:
    fig = Figure()
    FigureCanvasAgg(fig)
    counts = []
    for _ in range(3):
        for dimension in ("djg", "kans"):
            build_dimension_figure(build_series(gappy, dimension, "1y", LAST), figure=fig)
            fig.canvas.draw()
            counts.append((dimension, len(fig.axes), len(fig.findobj())))
        build_overview_figure(build_all(gappy, "3m", LAST), figure=fig)
        fig.canvas.draw()
        counts.append(("overview", len(fig.axes), len(fig.findobj())))
    assert counts[:3] == counts[3:6] == counts[6:]
    assert [n for _, n, _ in counts[:3]] == [1, 1, 6]


@pytest.mark.parametrize("overview", [False, True])
def test_a_rebuild_of_the_same_chart_keeps_its_axes_and_equals_a_fresh_build(gappy: list[CheckIn],
                                                                             overview: bool) -> None:
    def build(range_: str, figure: Figure | None = None, lang: str = "nl") -> Figure:
        if overview:
            return build_overview_figure(build_all(gappy, range_, LAST), lang=lang, figure=figure)
        return build_dimension_figure(build_series(gappy, "kans", range_, LAST), lang=lang, figure=figure)

    def content(fig: Figure) -> list[object]:
        return [(ax.get_title(loc="left"), ax.get_title(loc="right"), ax.get_xlim(), ax.get_ylim(),
                 [list(np.asarray(line.get_xdata(), dtype=float)) for line in ax.lines], len(ax.patches),
                 len(ax.texts),
                 ax.get_legend() is not None) for ax in fig.axes] + [all_text(fig).count("\n")]

    fig = drawn(build("1y"))
    axes = list(fig.axes)
    drawn(build("all", figure=fig))  # another period: the same axes, emptied and filled again
    assert fig.axes == axes
    assert content(fig) == content(drawn(build("all")))
    drawn(build("all", figure=fig, lang="en"))  # another language: axes made anew
    assert not set(map(id, fig.axes)) & set(map(id, axes))


def test_a_remembered_layout_equals_a_fresh_one(gappy: list[CheckIn]) -> None:
    series = build_series(gappy, "djg", "1y", LAST)
    chart_theme.clear_layout_cache()
    fresh = drawn(build_dimension_figure(series, lang="en"))
    fresh_box = fresh.axes[0].get_position().bounds
    reused = Figure(figsize=fresh.get_size_inches())
    FigureCanvasAgg(reused)
    build_dimension_figure(build_series(gappy, "gh", "1y", LAST), figure=reused)  # another layout first
    reused.canvas.draw()
    build_dimension_figure(series, lang="en", figure=reused)
    reused.canvas.draw()  # from the cache
    assert reused.axes[0].get_position().bounds == pytest.approx(fresh_box)
    assert reused.axes[0].get_in_layout()
    reused.set_size_inches(6, 3)  # a resize lays out afresh
    reused.canvas.draw()
    assert reused.axes[0].get_position().bounds != pytest.approx(fresh_box)


def test_hover_maps_axes_and_x_back_to_week_and_value(gappy: list[CheckIn]) -> None:
    fig = build_overview_figure(build_all(gappy, "3m", LAST))
    state = chart_state(fig)
    assert state is not None
    x = float(date2num(LAST.shifted(-9).monday)) + 2
    assert hit_test(fig, state.axes["ls"], x)[1].value == 8.0
    dimension, point = hit_test(fig, state.axes["mhi5"], x)
    assert (dimension, point.week) == ("mhi5", LAST.shifted(-9))
    assert hit_test(fig, state.axes["ls"], float(date2num(LAST.shifted(-7).monday)), max_weeks=0.5) is None
    assert hit_test(fig, None, x) is None
    assert isinstance(state.series["ls"], Series) and state.lines["ls"] in state.axes["ls"].lines


def test_no_checkins_in_range_says_so() -> None:
    fig = build_dimension_figure(build_series([at(60)], "wlb", "3m", LAST), lang="en")
    assert "No check-ins in this period" in all_text(fig)
    assert np.isnan(np.asarray(data_line(fig.axes[0]).get_ydata(), dtype=float)).all()


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_export_without_pyplot(fmt: str) -> None:
    fig = build_dimension_figure(build_series([at(0), at(1)], "mhi5", "3m", LAST))
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt)
    assert len(buffer.getvalue()) > 1000


def test_figures_import_neither_qt_nor_pyplot() -> None:
    code = ("import sys, vitaalthuis.charts.figures, vitaalthuis.charts.theme; "
            "bad = ('PySide6', 'PyQt5', 'PyQt6', 'matplotlib.pyplot', 'matplotlib.backends.backend_qtagg'); "
            "print(sorted(m for m in sys.modules if m.startswith(bad)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
