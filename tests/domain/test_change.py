"""Change with caution: this week against the own mean of at least three earlier check-ins, beyond a band."""

from __future__ import annotations

import dataclasses

import pytest

from vitaalthuis.domain.change import (
    BANDS,
    LOOKBACK_WEEKS,
    MIN_EARLIER,
    Change,
    earlier_values,
    score_change,
)
from vitaalthuis.domain.weeks import IsoWeek

WEEK = IsoWeek(2026, 20)


def test_the_constants_are_the_documented_ones() -> None:
    assert MIN_EARLIER == 3
    assert LOOKBACK_WEEKS == 8 and LOOKBACK_WEEKS >= MIN_EARLIER
    assert dict(BANDS) == {"mhi5": 8, "ls": 1, "djg_total": 1}  # the app's own rule, whole numbers
    assert all(band == int(band) for band in BANDS.values())


@pytest.mark.parametrize("earlier", [[], [80], [80, 70]])
def test_fewer_than_three_earlier_check_ins_give_no_direction(earlier: list[float]) -> None:
    change = score_change("mhi5", 40, earlier)
    assert change == Change(direction=None, mean=None, earlier=len(earlier), band=8)


def test_without_a_score_there_is_no_direction_but_the_count_stays() -> None:
    assert score_change("ls", None, [7, 7, 8]) == Change(direction=None, mean=None, earlier=3, band=1)


def test_three_earlier_check_ins_are_enough() -> None:
    assert score_change("mhi5", 64, [84, 84, 84]) == Change(direction="lower", mean=84, earlier=3, band=8)


@pytest.mark.parametrize(
    ("measure", "value", "earlier", "direction"),
    [
        ("mhi5", 64, [72, 72, 72], "about_same"),  # exactly the band below: still about the same
        ("mhi5", 80, [72, 72, 72], "about_same"),  # exactly the band above
        ("mhi5", 63, [72, 72, 72], "lower"),  # one point beyond the band
        ("mhi5", 81, [72, 72, 72], "higher"),
        ("ls", 6, [7, 7, 7], "about_same"),
        ("ls", 5, [7, 7, 7], "lower"),
        ("ls", 9, [7, 7, 7], "higher"),
        ("djg_total", 3, [2, 2, 2], "about_same"),
        ("djg_total", 2, [2, 2, 2], "about_same"),
    ],
)
def test_at_the_edge_of_the_band(measure: str, value: float, earlier: list[float], direction: str) -> None:
    change = score_change(measure, value, earlier)
    assert change.direction == direction
    assert (abs(value - (change.mean or 0)) <= change.band) is (direction == "about_same")


def test_loneliness_direction_describes_the_raw_score() -> None:
    # a higher loneliness total is "higher" (not "better" or "worse"), a lower one "lower"
    assert score_change("djg_total", 5, [1, 2, 1]).direction == "higher"
    assert score_change("djg_total", 0, [3, 2, 3]).direction == "lower"
    assert score_change("djg_total", 5, [1, 2, 1]).mean == 1


@pytest.mark.parametrize(
    ("earlier", "mean"),
    [
        ([72, 72, 73], 72),  # 72.33 → 72
        ([72, 73, 73], 73),  # 72.67 → 73
        ([72, 73], None),  # too few
        ([7, 8, 7, 8], 8),  # 7.5: halves round up, not to the even number
        ([6, 7, 6, 7], 7),  # 6.5 → 7
        ([0, 0, 1, 0], 0),  # 0.25 → 0
    ],
)
def test_the_mean_is_a_whole_number_rounded_half_up(earlier: list[float], mean: int | None) -> None:
    change = score_change("ls", 5, earlier)
    assert change.mean == mean
    assert mean is None or isinstance(change.mean, int)


def test_the_direction_agrees_with_the_rounded_mean_the_user_sees() -> None:
    # mean 72.4 is shown as 72; 64 is exactly 8 below what the user sees, so "about the same"
    change = score_change("mhi5", 64, [72, 72, 72, 72, 74])
    assert (change.mean, change.direction) == (72, "about_same")


def test_unknown_measure_is_an_error() -> None:
    with pytest.raises(KeyError):
        score_change("gh", 1, [1, 1, 1])


def test_the_result_is_frozen() -> None:
    change = score_change("ls", 7, [7, 7, 7])
    with pytest.raises(dataclasses.FrozenInstanceError):
        change.direction = "higher"  # type: ignore[misc]


# --- which earlier check-ins count -------------------------------------------------------------------------


def test_earlier_values_are_the_eight_iso_weeks_before_oldest_first() -> None:
    history = {WEEK.shifted(-back): 60 + back for back in range(0, 11)}
    assert earlier_values("mhi5", WEEK, history) == [68, 67, 66, 65, 64, 63, 62, 61]


def test_earlier_values_skip_gaps_and_never_count_this_or_later_weeks() -> None:
    history = {WEEK: 10, WEEK.shifted(1): 20, WEEK.shifted(-2): 70, WEEK.shifted(-8): 80,
               WEEK.shifted(-9): 90, WEEK.shifted(-3): None}
    assert earlier_values("mhi5", WEEK, history) == [80, 70]


def test_earlier_values_read_scores_mappings_and_ignore_non_numbers() -> None:
    history = {WEEK.shifted(-1): {"mhi5": 76, "djg_total": 2}, WEEK.shifted(-2): {"djg_total": 3},
               WEEK.shifted(-3): {"mhi5": True}, WEEK.shifted(-4): {"mhi5": 68}}
    assert earlier_values("mhi5", WEEK, history) == [68, 76]
    assert earlier_values("djg_total", WEEK, history) == [3, 2]


def test_earlier_values_cross_the_year_end_with_week_53() -> None:
    week = IsoWeek(2027, 2)  # eight weeks before: 2027-W01, 2026-W53, W52 … W47
    history = {IsoWeek(2027, 1): 1, IsoWeek(2026, 53): 2, IsoWeek(2026, 47): 3, IsoWeek(2026, 46): 4}
    assert earlier_values("djg_total", week, history) == [3, 2, 1]
