"""Drawing laid-out pages with matplotlib and writing them into one PDF, in memory.

Every page is a plain ``Figure`` (no pyplot, so no global figure registry and no GUI backend: this runs on
any thread). matplotlib is imported inside the functions, so importing this module costs nothing.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from vitaalthuis.charts.report import texts as rt
from vitaalthuis.charts.report.layout import (
    BOTTOM,
    DEMO_MARK,
    DEMO_MARK_Y,
    FONT,
    INK,
    LEFT,
    PAGE_H,
    PAGE_W,
    RULE,
    RULED_SPACING,
    RUNNING,
    SCALE_BAR_H,
    SCALE_MARK_H,
    SCALE_OWN,
    SHADE,
    SMALL,
    SMALL_STRONG,
    TOP,
    WIDTH,
    BoxOp,
    Page,
    ScaleOp,
    TextOp,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from vitaalthuis.charts.report.pages import ReportData
    from vitaalthuis.charts.series import Dimension, Series


def _draw_text(fig: Figure, op: TextOp) -> None:
    fig.text(op.x / PAGE_W, 1.0 - (op.y + op.style.baseline) / PAGE_H, op.text, ha=op.ha, va="baseline",
             fontfamily=FONT, fontsize=op.style.size, fontweight=op.style.weight, color=op.style.color,
             parse_math=False)  # a "$" in a note is a dollar sign, never mathtext


def _draw_line(fig: Figure, x0: float, x1: float, y: float, color: str, width: float) -> None:
    from matplotlib.lines import Line2D

    fig.add_artist(Line2D([x0 / PAGE_W, x1 / PAGE_W], [1.0 - y / PAGE_H] * 2, transform=fig.transFigure,
                          color=color, linewidth=width))


def _draw_scale(fig: Figure, op: ScaleOp) -> None:
    """The card's scale on paper: bands (the user's own in the accent colour), this week's mark, the end
    labels and, centred under the user's band, the national shares of that category."""
    from matplotlib.patches import Polygon, Rectangle

    s = op.scale

    def fx(position: float) -> float:
        return (op.x + (position - s.low) / (s.high - s.low) * op.w) / PAGE_W

    def fy(y: float) -> float:
        return 1.0 - y / PAGE_H

    own = s.band_of(s.marker)
    bar_top = op.y + SCALE_MARK_H
    gap = 0.02 / PAGE_W
    for band in s.bands:
        x0, x1 = fx(band.start), fx(min(band.end, s.high))
        fig.add_artist(Rectangle((x0 + gap, fy(bar_top + SCALE_BAR_H)), max(x1 - x0 - 2 * gap, gap),
                                 SCALE_BAR_H / PAGE_H, transform=fig.transFigure, edgecolor="none",
                                 facecolor=SCALE_OWN if band is own else SHADE))
    mx, half = fx(s.marker), SCALE_MARK_H * 0.7 / PAGE_W
    fig.add_artist(Polygon([(mx - half, fy(op.y)), (mx + half, fy(op.y)), (mx, fy(bar_top))], closed=True,
                           transform=fig.transFigure, facecolor=INK, edgecolor="none"))
    fig.add_artist(Rectangle((mx - 0.008 / PAGE_W, fy(bar_top + SCALE_BAR_H)), 0.016 / PAGE_W,
                             SCALE_BAR_H / PAGE_H, transform=fig.transFigure, facecolor=INK,
                             edgecolor="none"))
    labels_y = bar_top + SCALE_BAR_H + 0.03
    _draw_text(fig, TextOp(op.x, labels_y, op.low_label, SMALL))
    _draw_text(fig, TextOp(op.x + op.w, labels_y, op.high_label, SMALL, ha="right"))
    if op.band_note:
        centre = (fx(own.start) + fx(min(own.end, s.high))) / 2 * PAGE_W
        _draw_text(fig, TextOp(centre, labels_y + SMALL.line, op.band_note, SMALL_STRONG, ha="center"))


def _draw_charts(fig: Figure, page: Page, series: dict[Dimension, Series], lang: str) -> None:
    """The chart builders draw into sub-figures; the page's constrained layout keeps them inside the body.

    ``build_*_figure`` end by installing their own (cached) layout engine on the figure they get, which only
    a whole figure has: on a sub-figure that call is swallowed and the page's engine lays out every axes."""
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    from vitaalthuis.charts.figures import build_dimension_figure, build_overview_figure

    top, bottom = TOP - 0.05, page.chart_bottom
    rect = ((LEFT - 0.1) / PAGE_W, 1.0 - bottom / PAGE_H, (WIDTH + 0.2) / PAGE_W, (bottom - top) / PAGE_H)
    fig.set_layout_engine(ConstrainedLayoutEngine(rect=rect, h_pad=0.05, w_pad=0.04, hspace=0.06,
                                                  wspace=0.02))
    areas = fig.subfigures(len(page.charts), 1, squeeze=False).flat
    for area, chart in zip(areas, page.charts, strict=True):
        setattr(area, "set_layout_engine", lambda *args, **kwargs: None)  # noqa: B010
        if chart == "overview":
            build_overview_figure(series, lang=lang, theme="light", figure=area)
            # half a page wide, the KANS panel has no room for its title and the marker's explanation side by
            # side (they overlap): the reading guide under the chart explains the triangle instead
            area.vt_chart.axes["kans"].set_title("", loc="right")
        else:
            build_dimension_figure(series[chart], lang=lang, theme="light", figure=area)


def render_page(page: Page, number: int, total: int, r: ReportData,
                series: dict[Dimension, Series]) -> Figure:
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    fig = Figure(figsize=(PAGE_W, PAGE_H), dpi=100, facecolor="white")
    if page.charts:
        _draw_charts(fig, page, series, r.lang)
    ops = list(page.ops)
    if page.header:
        ops += [TextOp(LEFT, 0.42, rt.t("title", r.lang), RUNNING),
                TextOp(LEFT + WIDTH, 0.42, rt.period_text(r.first, r.last, r.lang), RUNNING, ha="right")]
        _draw_line(fig, LEFT, LEFT + WIDTH, 0.62, RULE, 0.5)
    page_number = rt.t("page", r.lang, n=number, total=total)
    ops += [TextOp(LEFT, PAGE_H - 0.55, rt.t("footer_note", r.lang), RUNNING),
            TextOp(LEFT + WIDTH, PAGE_H - 0.55, page_number, RUNNING, ha="right")]
    if r.demo:  # on every page, so that no single page of made-up answers can pass for a real person's
        ops.append(TextOp(LEFT, DEMO_MARK_Y, rt.t("demo_mark", r.lang), DEMO_MARK))
    for op in ops:
        if isinstance(op, TextOp):
            _draw_text(fig, op)
        elif isinstance(op, ScaleOp):
            _draw_scale(fig, op)
        elif isinstance(op, BoxOp):
            corner = (op.x / PAGE_W, 1.0 - (op.y + op.h) / PAGE_H)
            fig.add_artist(Rectangle(corner, op.w / PAGE_W, op.h / PAGE_H, transform=fig.transFigure,
                                     facecolor=SHADE, edgecolor="none", zorder=0))
        else:
            _draw_line(fig, op.x0, op.x1, op.y, RULE, 0.6)
    if page.ruled_from is not None:
        y = page.ruled_from
        while y <= BOTTOM + 1e-6:
            _draw_line(fig, LEFT, LEFT + WIDTH, y, RULE, 0.6)
            y += RULED_SPACING
    return fig


def render_pdf(pages: Sequence[Page], r: ReportData, series: dict[Dimension, Series], *,
               progress: Callable[[int, int], None] | None = None) -> bytes:
    """The whole PDF as bytes; ``progress`` is called with ``(pages done, total)`` before the first page and
    after every page (an exception it raises stops the rendering)."""
    import matplotlib as mpl
    from matplotlib.backends.backend_pdf import PdfPages

    period = rt.period_text(r.first, r.last, r.lang)
    subject = rt.t("subject", r.lang, period=period)
    metadata = {
        "Title": f"{rt.t('title', r.lang)}, {period}",
        "Author": "VitaalThuis",
        "Subject": f"{subject} ({rt.t('demo_mark', r.lang)})" if r.demo else subject,
        "Creator": "VitaalThuis",
        "CreationDate": dt.datetime.combine(r.generated, dt.time()),
    }
    buffer = io.BytesIO()
    # Type 42: TrueType embedded, so text is sharp at any zoom and can be selected and searched
    with mpl.rc_context({"pdf.fonttype": 42}), PdfPages(buffer, metadata=metadata) as pdf:
        if progress is not None:
            progress(0, len(pages))
        for number, page in enumerate(pages, start=1):
            pdf.savefig(render_page(page, number, len(pages), r, series))
            if progress is not None:
                progress(number, len(pages))
    return buffer.getvalue()
