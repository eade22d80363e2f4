from __future__ import annotations

import datetime as dt

import pytest

from vitaalthuis.domain.weeks import IsoWeek, WeekError, week_range, weeks_in_year

TODAY = dt.date(2026, 11, 28)  # a Saturday in 2026-W48


@pytest.mark.parametrize(("year", "n"), [(2026, 53), (2025, 52), (2027, 52), (2020, 53), (2015, 53)])
def test_weeks_in_year(year: int, n: int) -> None:
    assert weeks_in_year(year) == n


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2026-W5", "format"), ("2026W05", "format"), ("2026-w05", "format"), (" 2026-W05", "format"),
        ("2026-W05\n", "format"), (202605, "format"), (None, "format"), ("２０２６-W05", "format"),
        ("2025-W53", "nonexistent"), ("2027-W53", "nonexistent"), ("2024-W00", "nonexistent"),
        ("1999-W10", "too_early"), ("2026-W49", "future"), ("2030-W01", "future"),
    ],
)
def test_bad_weeks(text: object, code: str) -> None:
    with pytest.raises(WeekError) as err:
        IsoWeek.parse(text, today=TODAY)
    assert err.value.code == code


def test_good_weeks() -> None:
    assert str(IsoWeek.parse("2026-W48", today=TODAY)) == "2026-W48"
    assert IsoWeek.parse("2020-W53", today=TODAY) == IsoWeek(2020, 53)
    assert IsoWeek.parse("2000-W01", today=TODAY) == IsoWeek(2000, 1)
    assert IsoWeek.parse("2026-W49", today=TODAY, allow_future=True) == IsoWeek(2026, 49)


def test_arithmetic_across_year_with_w53() -> None:
    w = IsoWeek(2026, 53)
    assert w.shifted(1) == IsoWeek(2027, 1)
    assert IsoWeek(2027, 1).shifted(-1) == w
    assert IsoWeek(2027, 2).weeks_since(IsoWeek(2026, 52)) == 3
    assert week_range(IsoWeek(2026, 52), IsoWeek(2027, 1)) == [IsoWeek(2026, 52), w, IsoWeek(2027, 1)]
    assert IsoWeek.current(TODAY) == IsoWeek(2026, 48)
    assert IsoWeek(2026, 48).monday == dt.date(2026, 11, 23)
