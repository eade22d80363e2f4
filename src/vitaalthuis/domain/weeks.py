"""ISO 8601 weeks, written ``YYYY-Www`` (docs/instruments.md, Weeks)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Self

_WEEK_RE = re.compile(r"([0-9]{4})-W([0-9]{2})")  # ASCII digits only; used with fullmatch
MIN_YEAR = 2000


class WeekError(ValueError):
    """A week string that is malformed, does not exist, is before 2000 or lies in the future."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(f"{code}: {text!r}")
        self.code = code  # "format" | "nonexistent" | "too_early" | "future"
        self.text = text


def weeks_in_year(year: int) -> int:
    """52 or 53: 28 December always lies in the last ISO week of its year."""
    return dt.date(year, 12, 28).isocalendar().week


@dataclass(frozen=True, order=True, slots=True)
class IsoWeek:
    year: int
    week: int

    @classmethod
    def parse(cls, text: object, *, today: dt.date | None = None, allow_future: bool = False) -> Self:
        """Parse and check a week string; raises :class:`WeekError` with a code saying what is wrong.

        ``allow_future`` is for weeks read back from storage, which were checked when they were saved."""
        if not isinstance(text, str):
            raise WeekError("format", f"<{type(text).__name__}>")
        m = _WEEK_RE.fullmatch(text)
        if m is None:
            raise WeekError("format", text)
        year, week = int(m.group(1)), int(m.group(2))
        if year < MIN_YEAR:
            raise WeekError("too_early", text)
        if not 1 <= week <= weeks_in_year(year):
            raise WeekError("nonexistent", text)
        result = cls(year, week)
        if not allow_future and result > cls.current(today):
            raise WeekError("future", text)
        return result

    @classmethod
    def of(cls, day: dt.date) -> Self:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @classmethod
    def current(cls, today: dt.date | None = None) -> Self:
        return cls.of(today or dt.date.today())

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 7)

    def shifted(self, weeks: int) -> IsoWeek:
        return IsoWeek.of(self.monday + dt.timedelta(weeks=weeks))

    def weeks_since(self, other: IsoWeek) -> int:
        """How many ISO weeks ``other`` lies before this week (negative when after)."""
        return (self.monday - other.monday).days // 7

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.week:02d}"


def week_range(first: IsoWeek, last: IsoWeek) -> list[IsoWeek]:
    """Every ISO week from ``first`` to ``last``, both included (empty when first > last)."""
    n = last.weeks_since(first)
    return [first.shifted(i) for i in range(n + 1)] if n >= 0 else []
