"""Chart data: ranges, gaps for missing weeks, what is plotted per dimension, table rows, hover lookup."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
from matplotlib.dates import date2num

from tests.helpers import SPEC_EXAMPLE, answers
from vitaalthuis.charts.series import (
    DIMENSIONS,
    build_all,
    build_series,
    nearest_point,
    range_weeks,
    table_header,
    table_rows,
    value_text,
    values_or_nan,
    week_text,
)
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek

LAST = IsoWeek(2026, 20)


def at(weeks_before: int, **changes: object) -> CheckIn:
    return CheckIn(LAST.shifted(-weeks_before), answers(**changes))


@pytest.mark.parametrize(("range_", "n"), [("3m", 13), ("1y", 52)])
def test_fixed_ranges_count_iso_weeks_up_to_last(range_: str, n: int) -> None:
    series = build_series([at(0), at(200)], "mhi5", range_, LAST)
    assert len(series.weeks) == len(series.values) == len(series.complaints) == n
    assert series.weeks[-1] == LAST
    assert series.weeks[0] == LAST.shifted(-(n - 1))
    assert all(b.weeks_since(a) == 1 for a, b in zip(series.weeks, series.weeks[1:], strict=False))


def test_all_runs_from_the_first_checkin_and_ignores_later_ones() -> None:
    checkins = [at(0), at(519), at(-3)]  # the last one lies after `last`
    series = build_series(checkins, "ls", "all", LAST)
    assert len(series.weeks) == 520
    assert series.weeks[0] == LAST.shifted(-519)
    assert series.count == 2


def test_all_without_checkins_is_the_last_week_only() -> None:
    assert range_weeks([], "all", LAST) == [LAST]
    assert build_series([], "gh", "all", LAST).values == (None,)


def test_range_crosses_a_53_week_year() -> None:
    weeks = range_weeks([], "3m", IsoWeek(2027, 2))
    assert IsoWeek(2026, 53) in weeks
    assert len(set(weeks)) == 13


def test_unknown_range_or_dimension_is_an_error() -> None:
    with pytest.raises(ValueError, match="range"):
        build_series([], "mhi5", "2y", LAST)
    with pytest.raises(ValueError, match="dimension"):
        build_series([], "sleep", "3m", LAST)


def test_missing_weeks_are_none_never_interpolated() -> None:
    checkins = [at(12, ls=4), at(10, ls=10), at(0, ls=6)]
    series = build_series(checkins, "ls", "3m", LAST)
    assert series.values == (4.0, None, 10.0, *([None] * 9), 6.0)
    assert math.isnan(values_or_nan(series.values)[1])
    assert series.count == 3


def test_plotted_value_per_dimension() -> None:
    spec = CheckIn(LAST, dict(SPEC_EXAMPLE))  # mhi5 84, djg_total 1, ls 8, gh 2, kans 4 (complaints), wlb 2
    got = {d: build_series([spec], d, "3m", LAST).values[-1] for d in DIMENSIONS}
    assert got == {"mhi5": 84.0, "djg": 1.0, "ls": 8.0, "gh": 2.0, "kans": 4.0, "wlb": 2.0}


def test_kans_is_zero_without_complaints_and_flags_complaint_weeks() -> None:
    kans = {"kans_any": 1, "kans_regions": ["neck"], "kans_work": 3}
    checkins = [at(5, kans_severity=7, **kans), at(3), at(1, kans_severity=0, **kans)]
    series = build_series(checkins, "kans", "3m", LAST)
    assert series.values[-6] == 7.0 and series.values[-4] == 0.0 and series.values[-2] == 0.0
    assert [i for i, flag in enumerate(series.complaints) if flag] == [13 - 6, 13 - 2]
    assert not any(build_series(checkins, "mhi5", "3m", LAST).complaints)


def test_build_all_has_every_dimension_over_the_same_weeks() -> None:
    result = build_all([at(0), at(4)], "1y", LAST)
    assert tuple(result) == DIMENSIONS
    assert len({s.weeks for s in result.values()}) == 1


def test_table_rows_follow_the_chart_including_gaps() -> None:
    checkins = [at(2, gh=1), at(0, gh=4)]
    series = build_series(checkins, "gh", "3m", LAST)
    rows = table_rows(series, "nl")
    assert len(rows) == 13
    assert rows[-1] == ("2026-W20 (11 mei 2026)", "slecht")
    assert rows[-2][1] == "geen check-in"
    assert rows[-3][1] == "zeer goed"
    assert table_rows(series, "en", include_missing=False) == [
        ("2026-W18 (27 Apr 2026)", "very good"), ("2026-W20 (11 May 2026)", "bad"),
    ]
    assert table_header(series, "en") == ("Week", "Perceived health")


@pytest.mark.parametrize(
    ("dimension", "changes", "nl", "en"),
    [
        ("mhi5", {}, "84 van 100", "84 of 100"),
        ("djg", {}, "1 – niet eenzaam", "1 – not lonely"),
        ("djg", {"djg_1": 1, "djg_4": 1, "djg_6": 1, "djg_2": 3, "djg_3": 2}, "5 – sterk eenzaam",
         "5 – strongly lonely"),
        ("ls", {}, "cijfer 8", "mark 8"),
        ("kans", {}, "klachten, last 4 van 10", "complaints, severity 4 of 10"),
        ("kans", {"kans_any": 2, "kans_regions": None, "kans_severity": None, "kans_work": None},
         "geen klachten", "no complaints"),
        ("wlb", {"wlb": 3}, "vaak", "often"),
    ],
)
def test_value_text(dimension: str, changes: dict[str, object], nl: str, en: str) -> None:
    spec = CheckIn(LAST, {k: v for k, v in {**SPEC_EXAMPLE, **changes}.items() if v is not None})
    series = build_series([spec], dimension, "3m", LAST)
    assert (value_text(series, 12, "nl"), value_text(series, 12, "en")) == (nl, en)


def test_week_text_uses_its_own_month_names() -> None:
    assert week_text(IsoWeek(2026, 10), "nl") == "2026-W10 (2 mrt 2026)"
    assert week_text(IsoWeek(2026, 10), "en") == "2026-W10 (2 Mar 2026)"


def test_nearest_point_maps_a_matplotlib_x_back_to_a_week() -> None:
    series = build_series([at(12, ls=3), at(6, ls=9)], "ls", "3m", LAST)
    x_of = {w: float(date2num(w.monday)) for w in series.weeks}
    exact = nearest_point(series, x_of[LAST.shifted(-6)])
    assert exact is not None and (exact.week, exact.value, exact.index) == (LAST.shifted(-6), 9.0, 6)
    near = nearest_point(series, x_of[LAST.shifted(-7)] + 1.0)  # a gap week: the nearest week with a value
    assert near is not None and near.week == LAST.shifted(-6)
    assert nearest_point(series, x_of[LAST], max_weeks=1.0) is None  # six weeks from any value
    assert nearest_point(series, x_of[LAST], max_weeks=6.5) is not None
    assert nearest_point(build_series([], "ls", "3m", LAST), x_of[LAST]) is None
    assert nearest_point(series, math.nan) is None


def test_series_module_does_not_import_matplotlib_or_qt() -> None:
    code = ("import sys, vitaalthuis.charts.series as s; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'PySide6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
