"""The personal PDF report: a period of check-ins to take to a company doctor or GP.

Qt-free and local, and safe to run on a worker thread: matplotlib's PDF backend writes A4 pages built as
plain ``Figure`` objects (no pyplot). matplotlib is imported only while a report is built, so importing this
package costs the window nothing.

- :mod:`~vitaalthuis.charts.report.texts`: the words, in Dutch and English
- :mod:`~vitaalthuis.charts.report.layout`: page geometry, text styles, wrapping and placing text on pages
- :mod:`~vitaalthuis.charts.report.pages`: what each page holds
- :mod:`~vitaalthuis.charts.report.render`: drawing the pages and writing the PDF
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from vitaalthuis.charts.report.pages import ReportData, build_pages, period_series
from vitaalthuis.charts.report.render import render_pdf
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.dashboard import dashboard
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.files import write_private

if TYPE_CHECKING:
    from vitaalthuis.domain.benchmarks import BenchmarkSet

__all__ = ["EmptyPeriodError", "build_report"]


class EmptyPeriodError(ValueError):
    """The chosen period holds no check-in: there is nothing to report, and no file is written."""


def build_report(path: Path, history: Sequence[CheckIn], first: IsoWeek, last: IsoWeek, *, lang: str = "nl",
                 benchmarks: BenchmarkSet | None, generated: dt.date | None = None,
                 progress: Callable[[int, int], None] | None = None, demo: bool = False) -> int:
    """Write the report for the ISO weeks ``first`` to ``last`` (both included) to ``path``; return its
    number of pages.

    The file appears only when complete, with mode 0600 (:func:`vitaalthuis.files.write_private`), so an
    existing file stays as it was when anything fails (also an exception raised by
    ``progress``, which is called with ``(pages done, total)`` before the first and after every page).
    Raises :class:`EmptyPeriodError`, writing nothing, when the period holds no check-in. ``demo``: the
    check-ins are synthetic demo data (:func:`vitaalthuis.services.demo.is_demo`), and every page says so.

    Uses no Qt and no shared state: it may run on any thread, with ``progress`` called on that thread."""
    if lang not in ("nl", "en"):
        raise ValueError(f"unknown language {lang!r}")
    if first > last:
        raise ValueError(f"the period starts ({first}) after it ends ({last})")
    checkins = sorted((c for c in history if first <= c.week <= last), key=lambda c: c.week)
    if not checkins:
        raise EmptyPeriodError(f"no check-ins from {first} to {last}")
    up_to_last = [c for c in history if c.week <= last]  # the newest is compared with the weeks before it
    results = {res.dimension: res for res in dashboard(up_to_last, benchmarks)}
    report = ReportData(checkins, first, last, lang, benchmarks, results, generated or dt.date.today(),
                        demo=demo)
    pages = build_pages(report)
    # Rendered in memory (a report is some hundreds of KiB), then written whole by files.write_private:
    # a failure, also one raised by ``progress``, leaves an existing file as it was and nothing beside it.
    data = render_pdf(pages, report, period_series(checkins, first, last), progress=progress)
    write_private(Path(path), data)
    return len(pages)
