"""What each page of the report holds: the data of one report and the pages laid out from it.

Pages: (1) summary with the period, the not-a-diagnosis line and the newest check-in in words; (2) the
overview chart; (3–5) two dimension charts per page; then the national figures with full sources (one or
two pages) and the notes (the user's own check-in notes, then ruled lines for the user and the doctor).

Charts are only named here (``Page.charts``); ``render`` draws them with the chart builders of ``charts``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from vitaalthuis.charts.report import texts as rt
from vitaalthuis.charts.report.layout import (
    BODY,
    BODY_HEIGHT,
    H2,
    H3,
    RULED_SPACING,
    SMALL,
    SMALL_INK,
    SMALL_STRONG,
    STRONG,
    TITLE,
    TOP,
    Block,
    Flow,
    Fonts,
    Page,
)
from vitaalthuis.charts.series import DIMENSIONS, Dimension, Series, format_date, value_of
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.dashboard import DimensionResult
from vitaalthuis.domain.instruments import SECTIONS, Origin
from vitaalthuis.domain.weeks import IsoWeek, week_range

if TYPE_CHECKING:
    from vitaalthuis.domain.benchmarks import BenchmarkSet

OVERVIEW_HEIGHT = 7.2  # the overview chart on page 2; the reading guide goes below it
LABEL_WIDTH = 2.2  # the dimension names on page 1
CHART_PAIRS: tuple[tuple[Dimension, Dimension], ...] = (("mhi5", "djg"), ("ls", "gh"), ("kans", "wlb"))
OWN_ITEMS = frozenset(s.id for s in SECTIONS if s.origin is Origin.OWN)


@dataclass(frozen=True)
class ReportData:
    checkins: list[CheckIn]  # in the period, oldest first
    first: IsoWeek
    last: IsoWeek
    lang: str
    benchmarks: BenchmarkSet | None
    results: dict[str, DimensionResult]
    generated: dt.date
    demo: bool = False  # synthetic demo data: every page says so (``render``)

    @property
    def newest(self) -> CheckIn:
        return self.checkins[-1]


def _summary_page(flow: Flow, fonts: Fonts, r: ReportData) -> None:
    """Page 1 always stays one page: when long answers in a language do not fit, everything gets a little
    smaller (down to 80 %) rather than spilling a few lines onto a page of their own."""
    flow.new_page(Page(header=False))
    for scale in (1.0, 0.95, 0.9, 0.85, 0.8):
        block = _summary_block(fonts, r, scale)
        if block.height <= BODY_HEIGHT:
            break
    flow.add(block)


def _summary_block(fonts: Fonts, r: ReportData, scale: float) -> Block:
    lang = r.lang
    title, h2, strong, body, small = (replace(style, size=style.size * scale)
                                      for style in (TITLE, H2, STRONG, BODY, SMALL))
    b = Block(fonts)
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


def _chart_pages(flow: Flow, fonts: Fonts, r: ReportData) -> None:
    flow.new_page(Page(charts=("overview",), chart_bottom=TOP + OVERVIEW_HEIGHT),
                  y=TOP + OVERVIEW_HEIGHT + 0.3)
    b = Block(fonts)
    b.lines(rt.t("how_to_read", r.lang), SMALL_INK)
    b.gap(0.12)
    b.lines(rt.t("questions", r.lang), SMALL_INK)
    flow.add(b)
    for pair in CHART_PAIRS:
        flow.new_page(Page(charts=pair))


def _figures_pages(flow: Flow, fonts: Fonts, r: ReportData) -> None:
    lang = r.lang
    flow.new_page()
    b = Block(fonts)
    b.lines(rt.t("figures_head", lang), H2)
    b.lines(rt.t("figures_intro", lang, week=r.newest.week), BODY)
    b.gap(0.18)
    flow.add(b)
    for d in DIMENSIONS:
        result = r.results[d]
        b = Block(fonts)
        title = rt.DIMENSION_TITLE[d].get(lang)
        b.lines(title, H3)
        benchmarks = r.benchmarks
        b.gap(0.04)
        shown = result.lines if benchmarks is not None else ()
        b.scale(result.scale, *rt.scale_ends(result.scale, lang), rt.band_note(shown, lang))
        b.gap(0.06)
        if not result.lines or benchmarks is None:
            b.lines(rt.t("no_line", lang), BODY)
        for line in result.lines if benchmarks is not None else ():
            figure = line.figure
            level = rt.COMPARABILITY[figure.comparability.value].get(lang)
            b.lines(f"{rt.comparison_line(line, lang)} — {level}", BODY)
            b.gap(0.05)
            assert benchmarks is not None
            for label, text in rt.figure_rows(result, figure, benchmarks, lang, own_item=d in OWN_ITEMS):
                b.pair(label, text, SMALL_STRONG, SMALL_INK, label_width=1.4)
                b.gap(0.025)
            b.gap(0.08)
        b.gap(0.2)
        flow.add(b, keep=True)


def _notes_pages(flow: Flow, fonts: Fonts, r: ReportData) -> None:
    lang = r.lang
    flow.new_page()
    b = Block(fonts)
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
        b = Block(fonts)
        b.lines(rt.t("notes_more", lang), H2)
        b.gap(0.1)
        flow.add(b)
    b = Block(fonts)
    b.lines(rt.t("space_head", lang), H3)
    flow.add(b)
    flow.pages[-1].ruled_from = flow.y + RULED_SPACING


def build_pages(r: ReportData) -> list[Page]:
    """Lay out every page of the report (measuring text needs matplotlib's font machinery)."""
    fonts = Fonts()
    flow = Flow()
    _summary_page(flow, fonts, r)
    _chart_pages(flow, fonts, r)
    _figures_pages(flow, fonts, r)
    _notes_pages(flow, fonts, r)
    return flow.pages


def period_series(checkins: Sequence[CheckIn], first: IsoWeek, last: IsoWeek) -> dict[Dimension, Series]:
    """Every week of the period, also those before the first and after the last check-in (as gaps)."""
    weeks = tuple(week_range(first, last))
    by_week = {c.week: c for c in checkins}
    found = [by_week.get(w) for w in weeks]
    return {
        d: Series(d, "all", weeks, tuple(None if c is None else value_of(c, d) for c in found),
                  tuple(d == "kans" and c is not None and c.answers["kans_any"] == 1 for c in found))
        for d in DIMENSIONS
    }
