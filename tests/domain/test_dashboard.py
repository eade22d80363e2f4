"""Dashboard logic: categories, change against the own mean, the scale, and the comparison lines."""

from __future__ import annotations

import pytest

from tests.helpers import answers
from vitaalthuis.domain.benchmarks import load_benchmarks
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.dashboard import (
    DIMENSIONS,
    CategoryChange,
    category_of,
    dashboard,
    dimension_result,
)
from vitaalthuis.domain.patterns import home_days_patterns
from vitaalthuis.domain.scales import scale_of
from vitaalthuis.domain.weeks import IsoWeek

W = IsoWeek(2026, 20)
BENCH = load_benchmarks()
LONELY_MODERATE = {"djg_1": 1, "djg_4": 1, "djg_2": 3}  # 3 of 6
LONELY_STRONG = {"djg_1": 1, "djg_4": 1, "djg_6": 2, "djg_2": 3, "djg_3": 2}  # 5 of 6
KANS = {"kans_any": 1, "kans_regions": ["neck"], "kans_severity": 3, "kans_work": 2}


def ci(back: int, **changes: object) -> CheckIn:
    return CheckIn(W.shifted(-back), answers(**changes))


@pytest.mark.parametrize(
    ("dimension", "changes", "category"),
    [
        ("gh", {"gh": 2}, "good"), ("gh", {"gh": 3}, "less_good"),
        ("mhi5", {}, "not_low"), ("mhi5", {"mhi5_1": 1, "mhi5_2": 1, "mhi5_4": 1}, "low"),
        ("ls", {"ls": 7}, "satisfied"), ("ls", {"ls": 6}, "not_satisfied"),
        ("djg", {}, "not_lonely"), ("djg", LONELY_MODERATE, "moderate"), ("djg", LONELY_STRONG, "strong"),
        ("kans", {}, "no_complaints"), ("kans", KANS, "complaints"),
        ("wlb", {"wlb": 2}, "balance"), ("wlb", {"wlb": 3}, "imbalance"),
    ],
)
def test_categories(dimension: str, changes: dict[str, object], category: str) -> None:
    assert category_of(dimension, ci(0, **changes)) == category


def test_change_is_against_the_own_mean_of_three_or_more_earlier_checkins() -> None:
    earlier = [ci(1, ls=6), ci(3, ls=9), ci(4, ls=6), ci(9, ls=1)]  # 9 weeks back is outside the window
    result = dimension_result("ls", ci(0, ls=8), earlier, BENCH)
    assert result.change is not None
    assert (result.change.mean, result.change.earlier, result.change.direction) == (7, 3, "about_same")
    higher = dimension_result("ls", ci(0, ls=9), earlier, BENCH)
    assert higher.change is not None and higher.change.direction == "higher"


def test_no_change_with_fewer_than_three_earlier_checkins() -> None:
    result = dimension_result("mhi5", ci(0), [ci(1), ci(2), ci(9)], BENCH)
    assert result.change is not None
    assert result.change.direction is None and result.change.mean is None and result.change.earlier == 2


def test_loneliness_change_describes_the_raw_total() -> None:
    earlier = [ci(1), ci(2), ci(3)]  # total 0 each
    result = dimension_result("djg", ci(0, **LONELY_MODERATE), earlier, BENCH)
    assert result.value == 3.0 and result.change is not None and result.change.direction == "higher"


def test_categorical_dimensions_have_no_score_change_but_the_previous_category() -> None:
    earlier = [ci(9, **LONELY_STRONG), ci(2, **KANS)]
    result = dimension_result("kans", ci(0), earlier, BENCH)
    assert result.change is None and result.value is None
    assert result.previous == CategoryChange("complaints", W.shifted(-2))
    assert result.previous.same("no_complaints") is False
    first = dimension_result("kans", ci(0), [], BENCH)
    assert first.previous == CategoryChange(None, None) and first.previous.same("x") is None


def test_no_benchmarks_means_no_lines() -> None:
    assert all(r.lines == () and r.figure is None for r in dashboard([ci(0)], None))


def test_dashboard_uses_the_newest_checkin() -> None:
    results = dashboard([ci(3, ls=4), ci(1, ls=9), ci(2, ls=5), ci(4, ls=6)], BENCH)
    assert [r.dimension for r in results] == list(DIMENSIONS)
    ls = results[2]
    assert ls.value == 9.0 and ls.change is not None
    assert (ls.change.mean, ls.change.direction) == (5, "higher")
    assert dashboard([], BENCH) == []


@pytest.mark.parametrize(
    ("dimension", "changes", "category"),
    [("gh", {"gh": 1}, "good"), ("gh", {"gh": 3}, "less_good"), ("mhi5", {}, "not_low"),
     ("mhi5", {"mhi5_1": 1, "mhi5_2": 1, "mhi5_4": 1}, "low"), ("ls", {"ls": 6}, "not_satisfied"),
     ("ls", {"ls": 7}, "satisfied"), ("djg", LONELY_MODERATE, "moderate"), ("djg", LONELY_STRONG, "strong"),
     ("djg", {}, "not_lonely"), ("kans", KANS, "complaints"), ("kans", {}, "no_complaints"),
     ("wlb", {"wlb": 3}, "imbalance"), ("wlb", {"wlb": 1}, "balance")],
)
def test_the_scale_marks_this_week_inside_the_band_of_its_category(
        dimension: str, changes: dict[str, object], category: str) -> None:
    scale = scale_of(dimension, ci(0, **changes))
    assert scale.low <= scale.marker <= scale.high
    assert scale.band_of(scale.marker).category == category == category_of(dimension, ci(0, **changes))


def test_patterns_need_eight_checkins_and_three_per_group() -> None:
    few = home_days_patterns([ci(i, days_home=5, days_location=0) for i in range(6)])
    assert not few.ready
    assert (few.more_checkins_needed, few.more_home_weeks_needed, few.more_other_weeks_needed) == (2, 0, 3)
    history = [ci(i, days_home=5, days_location=0, ls=6) for i in range(5)]
    history += [ci(10 + i, days_home=1, days_location=4, ls=8, **(KANS if i == 0 else {})) for i in range(3)]
    patterns = home_days_patterns(history)
    assert patterns.ready and (patterns.home_weeks, patterns.other_weeks) == (5, 3)
    rows = {r.measure: r for r in patterns.rows}
    assert (rows["ls"].home_mean, rows["ls"].other_mean) == (6.0, 8.0)
    assert rows["kans_share"].other_mean == pytest.approx(100 / 3)
    assert rows["kans_share"].home_mean == 0.0


def test_exactly_four_home_days_counts_as_home_week() -> None:
    history = [ci(i, days_home=4, days_location=0) for i in range(3)] + [
        ci(10 + i, days_home=3, days_location=0) for i in range(5)]
    patterns = home_days_patterns(history)
    assert (patterns.home_weeks, patterns.other_weeks) == (3, 5)
