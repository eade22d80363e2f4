"""The personal PDF report: a period of check-ins to take to a company doctor or GP.

Qt-free and local: matplotlib's PDF backend writes A4 pages built as plain ``Figure`` objects (no pyplot).
matplotlib is imported inside the functions that need it, so importing this module costs the window nothing.

Pages: (1) summary with the period, the not-a-diagnosis line and the newest check-in in words; (2) the
overview chart; (3–5) two dimension charts per page; then the national figures with full sources (one or
two pages) and the notes (the user's own check-in notes, then ruled lines for the user and the doctor).

Text is laid out here, not by matplotlib: every line is wrapped by measuring it in DejaVu Sans (the font
the PDF embeds), blocks are kept together where they fit, and a page break only ever falls between rows.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from vitaalthuis.charts import report_texts as rt
from vitaalthuis.charts.series import DIMENSIONS, Dimension, Series, format_date, value_of
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.dashboard import DimensionResult, dashboard
from vitaalthuis.domain.instruments import SECTIONS, Origin
from vitaalthuis.domain.weeks import IsoWeek, week_range
from vitaalthuis.files import write_private

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from vitaalthuis.domain.benchmarks import BenchmarkSet

__all__ = ["EmptyPeriodError", "build_report"]

PAGE_W, PAGE_H = 8.27, 11.69  # A4 portrait, inches
LEFT, TOP, BOTTOM = 0.8, 0.85, 11.69 - 0.9  # body: from TOP to BOTTOM, measured from the top of the page
WIDTH = PAGE_W - 2 * LEFT
BODY_HEIGHT = BOTTOM - TOP
OVERVIEW_HEIGHT = 7.2  # the overview chart on page 2; the reading guide goes below it
RULED_SPACING = 0.36  # inches between writing lines
LABEL_WIDTH = 2.2  # the dimension names on page 1
CHART_PAIRS: tuple[tuple[Dimension, Dimension], ...] = (("mhi5", "djg"), ("ls", "gh"), ("kans", "wlb"))
OWN_ITEMS = frozenset(s.id for s in SECTIONS if s.origin is Origin.OWN)
FONT = "DejaVu Sans"  # bundled with matplotlib: Dutch characters, ≥, typographic quotes and dashes
INK, MUTED, RULE, SHADE = "#1F2328", "#59636E", "#AEB7C0", "#EEF2F5"  # the light chart theme's colours


class EmptyPeriodError(ValueError):
    """The chosen period holds no check-in: there is nothing to report, and no file is written."""


@dataclass(frozen=True, slots=True)
class Style:
    size: float  # points
    weight: str = "normal"
    color: str = INK
    leading: float = 1.38

    @property
    def line(self) -> float:
        return self.size * self.leading / 72.0

    @property
    def baseline(self) -> float:
        """From the top of a line box to its baseline."""
        return self.size * (0.8 + (self.leading - 1.0) / 2.0) / 72.0


TITLE = Style(19.0, "bold", leading=1.3)
H2 = Style(12.0, "bold", leading=1.45)
H3 = Style(10.5, "bold", leading=1.45)
BODY = Style(9.5)
STRONG = Style(9.5, "bold")
SMALL = Style(8.5, color=MUTED)
SMALL_INK = Style(8.5, leading=1.32)
SMALL_STRONG = Style(8.5, "bold", leading=1.32)
RUNNING = Style(7.5, color=MUTED)


# --- page model: text, boxes and rules at inch positions from the top left of the page ----------------------


@dataclass(frozen=True, slots=True)
class _Text:
    x: float
    y: float  # top of the line box
    text: str
    style: Style
    ha: str = "left"


@dataclass(frozen=True, slots=True)
class _Box:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class _Rule:
    x0: float
    x1: float
    y: float


_Op = _Text | _Box | _Rule


@dataclass
class _Page:
    ops: list[_Op] = field(default_factory=list)
    charts: tuple[Literal["overview"] | Dimension, ...] = ()  # drawn between TOP and chart_bottom
    chart_bottom: float = BOTTOM
    ruled_from: float | None = None  # writing lines from here to the bottom of the body
    header: bool = True


def _shifted(op: _Op, dy: float) -> _Op:
    if isinstance(op, _Text):
        return _Text(op.x, op.y + dy, op.text, op.style, op.ha)
    if isinstance(op, _Box):
        return _Box(op.x, op.y + dy, op.w, op.h)
    return _Rule(op.x0, op.x1, op.y + dy)


class _Fonts:
    """Line wrapping by measured width, in the font the PDF uses (unhinted, as the PDF backend measures)."""

    def __init__(self) -> None:
        from matplotlib.font_manager import FontProperties
        from matplotlib.textpath import TextToPath

        self._measure = TextToPath().get_text_width_height_descent
        self._props: dict[tuple[float, str], Any] = {}
        self._widths: dict[tuple[str, float, str], float] = {}
        self._font_properties = FontProperties

    def width(self, text: str, style: Style) -> float:
        """The width of ``text`` in inches; remembered, since the same words come back again and again."""
        key = (text, style.size, style.weight)
        if key not in self._widths:
            size = (style.size, style.weight)
            if size not in self._props:
                self._props[size] = self._font_properties(family=FONT, size=style.size, weight=style.weight)
            self._widths[key] = float(self._measure(text, self._props[size], ismath=False)[0]) / 72.0
        return self._widths[key]

    def wrap(self, text: str, style: Style, width: float) -> list[str]:
        """Greedy wrapping; a line's width is the sum of its words and spaces (kerning between a word and
        the next space is left out: a hair, covered by the margin kept)."""
        width *= 0.98
        space = self.width(" ", style)
        lines: list[str] = []
        for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n"):
            line, line_width = "", 0.0
            for word in paragraph.split():
                word_width = self.width(word, style)
                if line and line_width + space + word_width <= width:
                    line, line_width = f"{line} {word}", line_width + space + word_width
                    continue
                if line:
                    lines.append(line)
                while word_width > width:  # a long address: split after a / or - where it can
                    fits = [i for i in range(1, len(word)) if self.width(word[:i], style) <= width] or [1]
                    breaks = [i for i in fits if word[i - 1] in "/-?&_." and i > len(word) // 4]
                    cut = breaks[-1] if breaks else fits[-1]
                    lines.append(word[:cut])
                    word = word[cut:]
                    word_width = self.width(word, style)
                line, line_width = word, word_width
            lines.append(line)
        return lines


class _Block:
    """Rows of laid-out text, y relative to the row's top. A page break may fall between rows only."""

    def __init__(self, fonts: _Fonts) -> None:
        self.fonts = fonts
        self.rows: list[tuple[float, list[_Op]]] = []

    @property
    def height(self) -> float:
        return sum(h for h, _ in self.rows)

    def gap(self, height: float) -> None:
        self.rows.append((height, []))

    def lines(self, text: str, style: Style, *, x: float = LEFT, width: float = WIDTH) -> None:
        for line in self.fonts.wrap(text, style, width):
            self.rows.append((style.line, [_Text(x, 0.0, line, style)]))

    def pair(self, label: str, value: str, label_style: Style, value_style: Style, *, label_width: float,
             more: Sequence[tuple[str, Style]] = (), label_more: Sequence[tuple[str, Style]] = ()) -> None:
        """A label column and a value column (plus more paragraphs under each), kept on one page; only a
        value longer than half a page (a very long note) may continue on the next page."""
        left: list[_Op] = []
        left_height = 0.0
        for text, style in ((label, label_style), *label_more):
            for line in self.fonts.wrap(text, style, label_width - 0.15):
                left.append(_Text(LEFT, left_height, line, style))
                left_height += style.line
        right = [(line, style) for text, style in ((value, value_style), *more)
                 for line in self.fonts.wrap(text, style, WIDTH - label_width)]
        x = LEFT + label_width
        if sum(style.line for _, style in right) <= BODY_HEIGHT / 2:
            ops, y = list(left), 0.0
            for line, style in right:
                ops.append(_Text(x, y, line, style))
                y += style.line
            self.rows.append((max(left_height, y), ops))
            return
        head, y = list(left), 0.0
        while right and (y < left_height or not head[len(left):]):
            line, style = right.pop(0)
            head.append(_Text(x, y, line, style))
            y += style.line
        self.rows.append((max(left_height, y), head))
        for line, style in right:
            self.rows.append((style.line, [_Text(x, 0.0, line, style)]))

    def boxed(self, head: str, text: str, head_style: Style, style: Style, *, pad: float = 0.14) -> None:
        """A shaded box: a bold first line, then the text."""
        ops: list[_Op] = [_Box(LEFT, 0.0, WIDTH, 0.0)]
        y = pad
        for content, line_style in ((head, head_style), (text, style)):
            for line in self.fonts.wrap(content, line_style, WIDTH - 2 * pad):
                ops.append(_Text(LEFT + pad, y, line, line_style))
                y += line_style.line
        height = y + pad
        ops[0] = _Box(LEFT, 0.0, WIDTH, height)
        self.rows.append((height, ops))


class _Flow:
    """Places blocks on pages from top to bottom, starting a new page when a row does not fit."""

    def __init__(self) -> None:
        self.pages: list[_Page] = []
        self.y = TOP

    @property
    def room(self) -> float:
        return BOTTOM - self.y

    def new_page(self, page: _Page | None = None, *, y: float = TOP) -> _Page:
        self.pages.append(page or _Page())
        self.y = y
        return self.pages[-1]

    def add(self, block: _Block, *, keep: bool | int = False) -> None:
        """``keep``: True keeps the whole block on one page where it fits on one; an int keeps that many
        first rows together (a heading with what follows)."""
        rows = block.rows if keep is True else block.rows[: int(keep)]
        needed = sum(h for h, _ in rows)
        if keep and needed > self.room and needed <= BODY_HEIGHT:
            self.new_page()
        for height, ops in block.rows:
            if height > self.room and self.y > TOP:
                self.new_page()
            if not ops and self.y == TOP:  # no empty space at the top of a page
                continue
            self.pages[-1].ops.extend(_shifted(op, self.y) for op in ops)
            self.y += height


# --- content ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Report:
    checkins: list[CheckIn]  # in the period, oldest first
    first: IsoWeek
    last: IsoWeek
    lang: str
    benchmarks: BenchmarkSet | None
    results: dict[str, DimensionResult]
    generated: dt.date

    @property
    def newest(self) -> CheckIn:
        return self.checkins[-1]


def _summary_page(flow: _Flow, fonts: _Fonts, r: _Report) -> None:
    """Page 1 always stays one page: when long answers in a language do not fit, everything gets a little
    smaller (down to 80 %) rather than spilling a few lines onto a page of their own."""
    flow.new_page(_Page(header=False))
    for scale in (1.0, 0.95, 0.9, 0.85, 0.8):
        block = _summary_block(fonts, r, scale)
        if block.height <= BODY_HEIGHT:
            break
    flow.add(block)


def _summary_block(fonts: _Fonts, r: _Report, scale: float) -> _Block:
    lang = r.lang
    title, h2, strong, body, small = (replace(style, size=style.size * scale)
                                      for style in (TITLE, H2, STRONG, BODY, SMALL))
    b = _Block(fonts)
    b.lines(rt.t("title", lang), title)
    b.gap(0.14 * scale)
    meta = (
        (rt.t("period", lang), rt.period_text(r.first, r.last, lang)),
        (rt.t("checkins", lang), rt.t("checkins_value", lang, n=len(r.checkins),
                                      weeks=rt.counted(r.last.weeks_since(r.first) + 1, "weeks", lang))),
        (rt.t("generated", lang), rt.long_date(r.generated, lang)),
    )
    for label, value in meta:
        b.pair(label, value, strong, body, label_width=1.35)
    b.gap(0.22 * scale)
    first_sentence, _, remainder = rt.t("not_diagnosis", lang).partition(". ")
    b.boxed(first_sentence + ".", remainder, strong, body)
    b.gap(0.26 * scale)
    b.lines(rt.t("purpose_head", lang), h2)
    b.lines(rt.t("purpose", lang), body)
    b.gap(0.26 * scale)
    b.lines(rt.t("newest_head", lang, week=rt.week_dates(r.newest.week, lang)), h2)
    b.gap(0.04 * scale)
    for d in DIMENSIONS:
        result = r.results[d]
        b.pair(rt.DIMENSION_TITLE[d].get(lang), rt.result_line(result, r.newest, lang), strong, body,
               label_width=LABEL_WIDTH, more=[(rt.change_line(result, lang), small)])
        b.gap(0.05 * scale)
    b.gap(0.2 * scale)
    b.lines(rt.t("period_head", lang, n=rt.counted(len(r.checkins), "checkins", lang)), h2)
    b.gap(0.04 * scale)
    for d in DIMENSIONS:
        b.pair(rt.DIMENSION_TITLE[d].get(lang), rt.summary_line(d, r.checkins, lang), strong, body,
               label_width=LABEL_WIDTH)
        b.gap(0.04 * scale)
    return b


def _chart_pages(flow: _Flow, fonts: _Fonts, r: _Report) -> None:
    flow.new_page(_Page(charts=("overview",), chart_bottom=TOP + OVERVIEW_HEIGHT),
                  y=TOP + OVERVIEW_HEIGHT + 0.3)
    b = _Block(fonts)
    b.lines(rt.t("how_to_read", r.lang), SMALL_INK)
    b.gap(0.12)
    b.lines(rt.t("questions", r.lang), SMALL_INK)
    flow.add(b)
    for pair in CHART_PAIRS:
        flow.new_page(_Page(charts=pair))


def _figures_pages(flow: _Flow, fonts: _Fonts, r: _Report) -> None:
    lang = r.lang
    flow.new_page()
    b = _Block(fonts)
    b.lines(rt.t("figures_head", lang), H2)
    b.lines(rt.t("figures_intro", lang, week=r.newest.week), BODY)
    b.gap(0.18)
    flow.add(b)
    for d in DIMENSIONS:
        result = r.results[d]
        figure = result.figure
        b = _Block(fonts)
        title = rt.DIMENSION_TITLE[d].get(lang)
        if figure is None or r.benchmarks is None:
            b.lines(title, H3)
            b.lines(rt.t("no_figure", lang), BODY)
        else:
            b.lines(f"{title} — {rt.COMPARABILITY[figure.comparability.value].get(lang)}", H3)
            b.lines(rt.figure_statement(result, figure, lang), BODY)
            b.gap(0.05)
            for label, text in rt.figure_rows(result, figure, r.benchmarks, lang, own_item=d in OWN_ITEMS):
                b.pair(label, text, SMALL_STRONG, SMALL_INK, label_width=1.4)
                b.gap(0.025)
        b.gap(0.2)
        flow.add(b, keep=True)


def _notes_pages(flow: _Flow, fonts: _Fonts, r: _Report) -> None:
    lang = r.lang
    flow.new_page()
    b = _Block(fonts)
    b.lines(rt.t("notes_head", lang), H2)
    b.gap(0.06)
    b.lines(rt.t("own_notes_head", lang), H3)
    notes = [c for c in r.checkins if str(c.answers.get("note") or "").strip()]
    if not notes:
        b.lines(rt.t("own_notes_none", lang), SMALL)
    for c in notes:
        b.pair(str(c.week), str(c.answers["note"]), STRONG, BODY, label_width=1.25,
               label_more=[(format_date(c.week.monday, lang), SMALL)])
        b.gap(0.07)
    b.gap(0.25)
    flow.add(b, keep=5)
    if flow.room < 3.0:
        flow.new_page()
        b = _Block(fonts)
        b.lines(rt.t("notes_more", lang), H2)
        b.gap(0.1)
        flow.add(b)
    b = _Block(fonts)
    b.lines(rt.t("space_head", lang), H3)
    flow.add(b)
    flow.pages[-1].ruled_from = flow.y + RULED_SPACING


def _layout(r: _Report) -> list[_Page]:
    fonts = _Fonts()
    flow = _Flow()
    _summary_page(flow, fonts, r)
    _chart_pages(flow, fonts, r)
    _figures_pages(flow, fonts, r)
    _notes_pages(flow, fonts, r)
    return flow.pages


def _period_series(checkins: Sequence[CheckIn], first: IsoWeek, last: IsoWeek) -> dict[Dimension, Series]:
    """Every week of the period, also those before the first and after the last check-in (as gaps)."""
    weeks = tuple(week_range(first, last))
    by_week = {c.week: c for c in checkins}
    found = [by_week.get(w) for w in weeks]
    return {
        d: Series(d, "all", weeks, tuple(None if c is None else value_of(c, d) for c in found),
                  tuple(d == "kans" and c is not None and c.answers["kans_any"] == 1 for c in found))
        for d in DIMENSIONS
    }


# --- drawing ------------------------------------------------------------------------------------------------


def _draw_text(fig: Figure, op: _Text) -> None:
    fig.text(op.x / PAGE_W, 1.0 - (op.y + op.style.baseline) / PAGE_H, op.text, ha=op.ha, va="baseline",
             fontfamily=FONT, fontsize=op.style.size, fontweight=op.style.weight, color=op.style.color,
             parse_math=False)  # a "$" in a note is a dollar sign, never mathtext


def _draw_line(fig: Figure, x0: float, x1: float, y: float, color: str, width: float) -> None:
    from matplotlib.lines import Line2D

    fig.add_artist(Line2D([x0 / PAGE_W, x1 / PAGE_W], [1.0 - y / PAGE_H] * 2, transform=fig.transFigure,
                          color=color, linewidth=width))


def _draw_charts(fig: Figure, page: _Page, series: dict[Dimension, Series], lang: str) -> None:
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


def _render(page: _Page, number: int, total: int, r: _Report, series: dict[Dimension, Series]) -> Figure:
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    fig = Figure(figsize=(PAGE_W, PAGE_H), dpi=100, facecolor="white")
    if page.charts:
        _draw_charts(fig, page, series, r.lang)
    ops = list(page.ops)
    if page.header:
        ops += [_Text(LEFT, 0.42, rt.t("title", r.lang), RUNNING),
                _Text(LEFT + WIDTH, 0.42, rt.period_text(r.first, r.last, r.lang), RUNNING, ha="right")]
        _draw_line(fig, LEFT, LEFT + WIDTH, 0.62, RULE, 0.5)
    page_number = rt.t("page", r.lang, n=number, total=total)
    ops += [_Text(LEFT, PAGE_H - 0.55, rt.t("footer_note", r.lang), RUNNING),
            _Text(LEFT + WIDTH, PAGE_H - 0.55, page_number, RUNNING, ha="right")]
    for op in ops:
        if isinstance(op, _Text):
            _draw_text(fig, op)
        elif isinstance(op, _Box):
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


# --- the API ------------------------------------------------------------------------------------------------


def build_report(path: Path, history: Sequence[CheckIn], first: IsoWeek, last: IsoWeek, *, lang: str = "nl",
                 benchmarks: BenchmarkSet | None, generated: dt.date | None = None,
                 progress: Callable[[int, int], None] | None = None) -> int:
    """Write the report for the ISO weeks ``first`` to ``last`` (both included) to ``path``; return its
    number of pages.

    The file appears only when complete, with mode 0600 (:func:`vitaalthuis.files.write_private`), so an
    existing file stays as it was when anything fails (also an exception raised by
    ``progress``, which is called with ``(pages done, total)`` before the first and after every page).
    Raises :class:`EmptyPeriodError`, writing nothing, when the period holds no check-in."""
    if lang not in ("nl", "en"):
        raise ValueError(f"unknown language {lang!r}")
    if first > last:
        raise ValueError(f"the period starts ({first}) after it ends ({last})")
    checkins = sorted((c for c in history if first <= c.week <= last), key=lambda c: c.week)
    if not checkins:
        raise EmptyPeriodError(f"no check-ins from {first} to {last}")
    up_to_last = [c for c in history if c.week <= last]  # the newest is compared with the weeks before it
    results = {res.dimension: res for res in dashboard(up_to_last, benchmarks)}
    report = _Report(checkins, first, last, lang, benchmarks, results, generated or dt.date.today())
    pages = _layout(report)
    series = _period_series(checkins, first, last)

    import matplotlib as mpl
    from matplotlib.backends.backend_pdf import PdfPages

    path = Path(path)
    period = rt.period_text(first, last, lang)
    metadata = {
        "Title": f"{rt.t('title', lang)}, {period}",
        "Author": "VitaalThuis",
        "Subject": rt.t("subject", lang, period=period),
        "Creator": "VitaalThuis",
        "CreationDate": dt.datetime.combine(report.generated, dt.time()),
    }
    # Rendered in memory (a report is some hundreds of KiB), then written whole by files.write_private:
    # a failure, also one raised by ``progress``, leaves an existing file as it was and nothing beside it.
    buffer = io.BytesIO()
    # Type 42: TrueType embedded, so text is sharp at any zoom and can be selected and searched
    with mpl.rc_context({"pdf.fonttype": 42}), PdfPages(buffer, metadata=metadata) as pdf:
        if progress is not None:
            progress(0, len(pages))
        for number, page in enumerate(pages, start=1):
            pdf.savefig(_render(page, number, len(pages), report, series))
            if progress is not None:
                progress(number, len(pages))
    write_private(path, buffer.getvalue())
    return len(pages)
