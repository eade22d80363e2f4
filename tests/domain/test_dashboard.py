"""Dashboard logic: categories, change against own recent weeks, choice of national figure."""

from __future__ import annotations

import pytest

from tests.helpers import answers
from vitaalthuis.domain.benchmarks import Comparability, load_benchmarks
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.dashboard import (
    DIMENSIONS,
    CategoryChange,
    NumericChange,
    category_of,
    dashboard,
    dimension_result,
)
from vitaalthuis.domain.patterns import home_days_patterns
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


def test_numeric_change_uses_the_four_iso_weeks_before_only() -> None:
    earlier = [ci(1, ls=6), ci(3, ls=9), ci(4, ls=6), ci(5, ls=1)]  # week 5 back is outside the window
    result = dimension_result("ls", ci(0, ls=8), earlier, BENCH)
    assert isinstance(result.change, NumericChange)
    assert result.change.baseline == 7.0 and result.change.weeks == 3 and result.change.delta == 1.0


def test_numeric_change_without_recent_weeks() -> None:
    result = dimension_result("mhi5", ci(0), [ci(5)], BENCH)
    assert isinstance(result.change, NumericChange)
    assert result.change.baseline is None and result.change.delta is None and result.change.weeks == 0


def test_category_change_against_most_recent_earlier_checkin() -> None:
    earlier = [ci(9, **LONELY_STRONG), ci(2, **LONELY_MODERATE)]
    result = dimension_result("djg", ci(0), earlier, BENCH)
    assert result.change == CategoryChange("moderate", W.shifted(-2))
    assert result.change.same("not_lonely") is False
    first = dimension_result("djg", ci(0), [], BENCH)
    assert first.change == CategoryChange(None, None) and first.change.same("x") is None


def test_loneliness_gets_the_independently_checked_cbs_figure_of_the_same_category() -> None:
    """CBS 2023 and 2024 come from secondary sources only; 2022 was checked in CBS StatLine itself."""
    for changes, expected_value in (({}, 60.1), (LONELY_MODERATE, 29.2), (LONELY_STRONG, 10.7)):
        result = dimension_result("djg", ci(0, **changes), [], BENCH)
        assert result.figure is not None and result.figure_is_own_category
        assert result.figure.comparability is Comparability.SAME_MEASURE
        assert (result.figure.period, result.figure.value) == ("2022", expected_value)


def test_no_own_category_figure_falls_back_to_background() -> None:
    result = dimension_result("ls", ci(0, ls=5), [], BENCH)
    assert result.figure is not None and not result.figure_is_own_category
    satisfied = dimension_result("ls", ci(0, ls=8), [], BENCH)
    assert satisfied.figure is not None and satisfied.figure_is_own_category
    assert satisfied.figure.id == "cbs_2019_life_satisfied"  # similar beats the letter's context figure


def test_no_benchmarks_means_no_figure() -> None:
    assert all(r.figure is None for r in dashboard([ci(0)], None))


def test_dashboard_uses_the_newest_checkin() -> None:
    results = dashboard([ci(3, ls=4), ci(1, ls=9), ci(2, ls=5)], BENCH)
    assert [r.dimension for r in results] == list(DIMENSIONS)
    ls = results[2]
    assert ls.value == 9.0 and isinstance(ls.change, NumericChange) and ls.change.baseline == 4.5
    assert dashboard([], BENCH) == []


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
