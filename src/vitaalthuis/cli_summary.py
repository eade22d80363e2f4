"""``vitaalthuis summary [--week YYYY-Www] [--format text|json]``: a week's result per dimension and the
comparisons the window shows, for a quick look in a terminal or for scripts. Reads only.

Exit status: 0 shown; 1 the week (default: the latest check-in) has no check-in, or there is no database;
2 a malformed or future ``--week`` (argparse reports it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from vitaalthuis.cli_texts import Texts
    from vitaalthuis.domain.checkin import CheckIn
    from vitaalthuis.domain.dashboard import DimensionResult
    from vitaalthuis.domain.weeks import IsoWeek


def week_argument(today: dt.date | None = None) -> Callable[[str], IsoWeek]:
    """An argparse type for ``--week``: a real ISO week, not in the future."""

    def parse(text: str) -> IsoWeek:
        from vitaalthuis.domain.weeks import IsoWeek, WeekError

        try:
            return IsoWeek.parse(text, today=today)
        except WeekError as exc:
            why = {"future": "lies in the future", "format": "is not written as YYYY-Www, e.g. 2026-W49"}
            raise argparse.ArgumentTypeError(
                f"{text!r} {why.get(exc.code, 'is not an existing ISO week from 2000 on')}") from None

    return parse


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("summary", help="a week's result per dimension and the national figures beside it")
    p.add_argument("--week", type=week_argument(), metavar="YYYY-Www",
                   help="the ISO week (default: the latest check-in)")
    p.add_argument("--format", choices=("text", "json"), default="text")


EXIT_OK, EXIT_REFUSED = 0, 1  # as vitaalthuis.cli


def cmd_summary(args: argparse.Namespace, t: Texts, out: TextIO, err: TextIO, *,
                data_dir: str | None, show_figures: bool) -> int:
    from vitaalthuis.config.paths import data_dir as resolve_data_dir
    from vitaalthuis.domain.summary import summary_json, week_results
    from vitaalthuis.services.benchmarks import shipped_benchmarks
    from vitaalthuis.storage.checkins import CheckinRepository
    from vitaalthuis.storage.db import Database

    db = Database.open(resolve_data_dir(data_dir), create=False)
    try:
        history = CheckinRepository(db.sessions).all()  # one read transaction
    finally:
        db.close()
    if not history:
        print(t("summary.none"), file=err)
        return EXIT_REFUSED
    week = args.week or max(c.week for c in history)
    results = week_results(history, week, shipped_benchmarks() if show_figures else None)
    if results is None:
        print(t("summary.no_week", week=str(week)), file=err)
        return EXIT_REFUSED
    if args.format == "json":
        out.write(json.dumps(summary_json(week, results, show_figures=show_figures), ensure_ascii=False,
                             indent=2) + "\n")
        return EXIT_OK
    out.write(_text(week, history, results, t.lang) + "\n")
    return EXIT_OK


def _text(week: IsoWeek, history: list[CheckIn], results: list[DimensionResult], lang: str) -> str:
    from vitaalthuis.charts.report import texts as rt

    checkin = next(c for c in history if c.week == week)
    lines = [rt.t("summary_head", lang, week=rt.week_dates(week, lang)), ""]
    for result in results:
        title = rt.DIMENSION_TITLE[result.dimension].get(lang)
        lines.append(f"{title}: {rt.result_line(result, checkin, lang)}")
        lines.append(f"  {rt.change_line(result, lang)}")
        lines += [f"  {rt.comparison_line(line, lang)}" for line in result.lines]
    lines += ["", rt.t("not_diagnosis", lang)]
    return "\n".join(lines)
