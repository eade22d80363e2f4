"""Remembered text renders (charts/text_cache.py): the same pixels as matplotlib's own text drawing."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from tests.charts.test_figures import KANS, LAST, at
from vitaalthuis.charts import text_cache
from vitaalthuis.charts.figures import build_dimension_figure, build_overview_figure
from vitaalthuis.charts.series import build_all, build_series
from vitaalthuis.charts.text_cache import TextCache, cached_texts, clear_text_cache, ensure_text_cache

pytestmark = pytest.mark.skipif(not text_cache.AVAILABLE, reason="matplotlib before 3.11 draws texts at once")
CHECKINS = [at(i, ls=1 + i % 10, **(KANS | {"kans_severity": i % 11} if i % 3 else {}))
            for i in range(0, 60, 2)]


def pixels(build, *, cached: bool, dpi: float) -> np.ndarray:
    fig = Figure(figsize=(8, 6), dpi=dpi)
    FigureCanvasAgg(fig)
    build(fig)
    if not cached:
        for artist in [a for a in fig.artists if isinstance(a, TextCache)]:
            artist.remove()
    fig.canvas.draw()
    fig.canvas.draw()  # the second draw is the one from the cache
    assert ("draw_text" in vars(fig.canvas.get_renderer())) is cached
    return np.asarray(fig.canvas.buffer_rgba()).astype(int)


def odd_texts(fig: Figure) -> None:
    """Texts turned, clipped, half transparent, long and not ASCII, at odd sub-pixel positions."""
    ax = fig.add_subplot()
    ax.set_xlim(0, 1)
    for i, angle in enumerate((0, 90, 35, 180, 270, -20)):
        ax.text(0.1 + i * 0.137, 0.3 + i * 0.0731, f"Hoek {angle}° ▲ ëé", rotation=angle, fontsize=9 + i,
                color=("#D55E00", "#0072B2")[i % 2], alpha=0.4 + 0.1 * i)
    ax.text(0.97, 0.95, "afgekapt aan de rand van de assen " * 3, clip_on=True, fontsize=14)
    ax.set_title("Een lange titel, vet", fontweight="bold")
    ax.set_ylabel("Score (0–100)")
    fig.text(0.5, 0.02, "Week\n2026", ha="center")
    ensure_text_cache(fig)


@pytest.mark.parametrize("dpi", [100, 150, 133.3])
@pytest.mark.parametrize("what", ["overview", "overview dark", "single", "odd texts"])
def test_cached_texts_look_the_same(what: str, dpi: float) -> None:
    builds = {
        "overview": lambda f: build_overview_figure(build_all(CHECKINS, "1y", LAST), figure=f),
        "overview dark": lambda f: build_overview_figure(build_all(CHECKINS, "3m", LAST), lang="en",
                                                         theme="dark", figure=f),
        "single": lambda f: build_dimension_figure(build_series(CHECKINS, "djg", "1y", LAST), figure=f),
        "odd texts": odd_texts,
    }
    clear_text_cache()
    plain = pixels(builds[what], cached=False, dpi=dpi)
    cached = pixels(builds[what], cached=True, dpi=dpi)
    difference = np.abs(plain - cached).max(axis=2)
    # where glyphs overlap, one blend of their joint coverage and two blends one after the other may round
    # a step apart
    assert difference.max() <= 2
    assert (difference > 0).sum() <= 30


def test_a_redraw_draws_every_text_from_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    fig = build_overview_figure(build_all(CHECKINS, "1y", LAST))
    FigureCanvasAgg(fig)
    clear_text_cache()
    fig.canvas.draw()
    remembered = cached_texts()
    assert remembered > 40  # tick labels, titles, band words

    renders: list[object] = []
    monkeypatch.setattr(text_cache, "_render_mask", lambda *args, **kwargs: renders.append(args[3]))
    build_overview_figure(build_all(CHECKINS, "1y", LAST), figure=fig)  # new data, the same texts
    fig.canvas.draw()
    assert renders == [] and cached_texts() == remembered


def test_a_matplotlib_whose_internals_moved_still_draws_every_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should the renderer's internals ever change, the cache steps aside (logged) and the chart is drawn as
    matplotlib draws it: the same pixels as without the cache."""
    def moved(*args: object, **kwargs: object) -> None:
        raise AttributeError("draw_text_image")

    build = lambda f: build_dimension_figure(build_series(CHECKINS, "djg", "1y", LAST), figure=f)  # noqa: E731
    clear_text_cache()
    plain = pixels(build, cached=False, dpi=100)
    monkeypatch.setattr(text_cache, "_working", [True])
    monkeypatch.setattr(text_cache, "_render_mask", moved)
    fallen_back = pixels(build, cached=True, dpi=100)
    assert text_cache._working == []  # switched off after the first failure
    assert np.array_equal(plain, fallen_back)


def test_draw_without_rendering_still_draws_nothing() -> None:
    fig = build_dimension_figure(build_series(CHECKINS, "mhi5", "1y", LAST))
    FigureCanvasAgg(fig)
    clear_text_cache()
    fig.draw_without_rendering()
    assert cached_texts() == 0
    assert "draw_text" not in vars(fig.canvas.get_renderer())  # nothing of that draw was left behind
    fig.canvas.draw()
    assert cached_texts() > 0
