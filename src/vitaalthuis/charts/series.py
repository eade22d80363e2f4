"""Data for the personal trend charts: one value per ISO week, gaps where there is no check-in.

Pure Python: nothing here imports matplotlib at module level (``nearest_point`` imports ``matplotlib.dates``
when called, which only happens once a chart is on screen) and nothing imports Qt.

What is plotted per dimension (items and scores: docs/instruments.md):

======  ==========================================================================================
mhi5    the MHI-5 score 0–100
djg     the De Jong Gierveld total 0–6
ls      the life-satisfaction mark 1–10 (the answer ``ls``)
gh      the general-health answer code 1–5 (1 = zeer goed; the chart puts it at the top)
kans    ``kans_severity`` 0–10 when kans_any = 1, 0 when kans_any = 2; ``complaints`` flags kans_any = 1
wlb     the work–private answer code 1–4
======  ==========================================================================================

Missing weeks are ``None`` in :attr:`Series.values` and are never interpolated.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.instruments import ITEMS, Text
from vitaalthuis.domain.weeks import IsoWeek

Dimension = Literal["mhi5", "djg", "ls", "gh", "kans", "wlb"]
Range = Literal["3m", "1y", "all"]
DIMENSIONS: tuple[Dimension, ...] = ("mhi5", "djg", "ls", "gh", "kans", "wlb")
RANGES: tuple[Range, ...] = ("3m", "1y", "all")
RANGE_WEEKS: dict[str, int] = {"3m": 13, "1y": 52}


@dataclass(frozen=True)
class Series:
    """One dimension over every ISO week of a range, oldest first.

    ``values[i]`` belongs to ``weeks[i]`` and is None for a week without a check-in. ``complaints[i]`` is
    True for a KANS week with complaints (kans_any = 1); it is False everywhere for the other dimensions.
    """

    dimension: Dimension
    range: Range
    weeks: tuple[IsoWeek, ...]
    values: tuple[float | None, ...]
    complaints: tuple[bool, ...]

    def __post_init__(self) -> None:
        if not len(self.weeks) == len(self.values) == len(self.complaints):
            raise ValueError("weeks, values and complaints must have the same length")

    @property
    def count(self) -> int:
        """How many weeks of the range have a check-in."""
        return sum(v is not None for v in self.values)


@dataclass(frozen=True)
class Point:
    """A week of a series with its value: what a hover tooltip shows."""

    index: int
    week: IsoWeek
    value: float
    complaints: bool


def range_weeks(checkins: Iterable[CheckIn], range_: Range, last: IsoWeek) -> list[IsoWeek]:
    """Every ISO week of ``range_`` up to and including ``last``.

    ``3m`` is the last 13 ISO weeks, ``1y`` the last 52, ``all`` runs from the first check-in (at or before
    ``last``); ``all`` without such a check-in is the single week ``last``."""
    if range_ == "all":
        earlier = [c.week for c in checkins if c.week <= last]
        first = min(earlier) if earlier else last
        n = last.weeks_since(first) + 1
    elif range_ in RANGE_WEEKS:
        n = RANGE_WEEKS[range_]
    else:
        raise ValueError(f"unknown range {range_!r}")
    start = last.monday - dt.timedelta(weeks=n - 1)
    return [IsoWeek.of(start + dt.timedelta(weeks=i)) for i in range(n)]


def value_of(checkin: CheckIn, dimension: Dimension) -> float:
    """The number plotted for one check-in."""
    a = checkin.answers
    if dimension == "mhi5":
        return float(checkin.scores.mhi5)
    if dimension == "djg":
        return float(checkin.scores.djg_total)
    if dimension == "kans":
        return float(a["kans_severity"]) if a["kans_any"] == 1 else 0.0
    if dimension in ("ls", "gh", "wlb"):
        return float(a[dimension])
    raise ValueError(f"unknown dimension {dimension!r}")


def build_series(checkins: Iterable[CheckIn], dimension: Dimension, range_: Range, last: IsoWeek) -> Series:
    """The series of ``dimension`` for ``range_`` ending with ``last``; check-ins outside are ignored."""
    return build_all(checkins, range_, last, (dimension,))[dimension]


def build_all(checkins: Iterable[CheckIn], range_: Range, last: IsoWeek,
              dimensions: Iterable[Dimension] = DIMENSIONS) -> dict[Dimension, Series]:
    """Every dimension's series for the same range (the overview's input): the weeks are found once."""
    dimensions = tuple(dimensions)
    unknown = [d for d in dimensions if d not in DIMENSIONS]
    if unknown:
        raise ValueError(f"unknown dimension {unknown[0]!r}")
    checkins = list(checkins)
    weeks = tuple(range_weeks(checkins, range_, last))
    by_week = {c.week: c for c in checkins}
    found = [by_week.get(w) for w in weeks]
    result = {}
    for dimension in dimensions:
        values = tuple(None if c is None else value_of(c, dimension) for c in found)
        complaints = tuple(dimension == "kans" and c is not None and c.answers["kans_any"] == 1
                           for c in found)
        result[dimension] = Series(dimension, range_, weeks, values, complaints)
    return result


# --- words: the charts cannot use Qt's tr(), so their few texts live here in Dutch and English ------------

TEXTS: dict[str, Text] = {
    "title_mhi5": Text("Psychisch welbevinden (MHI-5)", "Psychological well-being (MHI-5)"),
    "title_djg": Text("Eenzaamheid (De Jong Gierveld)", "Loneliness (De Jong Gierveld)"),
    "title_ls": Text("Tevredenheid met je leven", "Life satisfaction"),
    "title_gh": Text("Ervaren gezondheid", "Perceived health"),
    "title_kans": Text("Klachten aan arm, nek en schouders", "Arm, neck and shoulder complaints"),
    "title_wlb": Text("Werk en privé", "Work and private life"),
    "short_mhi5": Text("Welbevinden (MHI-5)", "Well-being (MHI-5)"),
    "short_djg": Text("Eenzaamheid", "Loneliness"),
    "short_ls": Text("Tevredenheid (1–10)", "Life satisfaction (1–10)"),
    "short_gh": Text("Gezondheid", "Health"),
    "short_kans": Text("Arm, nek en schouders", "Arm, neck and shoulders"),
    "short_wlb": Text("Privétijd gemist", "Private time missed"),
    "ylabel_mhi5": Text("Score (0–100, hoger is beter)", "Score (0–100, higher is better)"),
    "ylabel_djg": Text("Score (0–6, hoger is eenzamer)", "Score (0–6, higher is lonelier)"),
    "ylabel_ls": Text("Rapportcijfer (1–10)", "Mark (1–10)"),
    "ylabel_gh": Text("Hoe is je gezondheid?", "How is your health?"),
    "ylabel_kans": Text("Last (0 = geen, 10 = ergst)", "Severity (0 = none, 10 = worst)"),
    "ylabel_wlb": Text("Privétijd gemist door werk", "Private time missed because of work"),
    "xlabel": Text("Week (datum van de maandag)", "Week (date of the Monday)"),
    "week": Text("Week", "Week"),
    "overview": Text("Overzicht van je weken", "Overview of your weeks"),
    "coverage": Text("{n} van {total} weken ingevuld · onderbroken lijn = week zonder check-in",
                     "{n} of {total} weeks filled in · a break in the line = a week without a check-in"),
    "coverage_short": Text("{n} van {total} weken ingevuld", "{n} of {total} weeks filled in"),
    "no_data": Text("Geen check-ins in deze periode", "No check-ins in this period"),
    "mhi5_low": Text("onder 60\n(CBS-grens)", "below 60\n(CBS cut-off)"),
    "ls_line": Text("7 of hoger:\ntevreden (CBS)", "7 or higher:\nsatisfied (CBS)"),
    "kans_line": Text("last (0 = geen klachten)", "severity (0 = no complaints)"),
    "kans_marker": Text("week met klachten", "week with complaints"),
    "value_mhi5": Text("{n} van 100", "{n} of 100"),
    "value_ls": Text("cijfer {n}", "mark {n}"),
    "value_kans": Text("klachten, last {n} van 10", "complaints, severity {n} of 10"),
    "no_complaints": Text("geen klachten", "no complaints"),
    "no_checkin": Text("geen check-in", "no check-in"),
}

DJG_BANDS: tuple[tuple[str, int, int, Text], ...] = (
    ("not_lonely", 0, 1, Text("niet eenzaam", "not lonely")),
    ("moderate", 2, 4, Text("matig eenzaam", "moderately lonely")),
    ("strong", 5, 6, Text("sterk eenzaam", "strongly lonely")),
)


def text(key: str, lang: str) -> str:
    return TEXTS[key].get(lang)


def category_label(dimension: str, code: int, lang: str) -> str:
    """The words for a plotted value on a category axis: health and work–private answer labels from the
    instrument data, loneliness categories for a De Jong Gierveld total."""
    if dimension == "djg":
        for _, low, high, label in DJG_BANDS:
            if low <= code <= high:
                return label.get(lang)
        return str(code)
    return ITEMS[dimension].label(code, lang)


# --- table view ------------------------------------------------------------------------------------------

_MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def month_abbr(month: int, lang: str) -> str:
    return _MONTHS["en" if lang == "en" else "nl"][month - 1]


def format_date(day: dt.date, lang: str) -> str:
    """``23 nov 2026`` / ``23 Nov 2026``, without depending on the process locale."""
    return f"{day.day} {month_abbr(day.month, lang)} {day.year}"


def week_text(week: IsoWeek, lang: str) -> str:
    """``2026-W48 (23 nov 2026)``: the ISO week and its Monday."""
    return f"{week} ({format_date(week.monday, lang)})"


def value_text(series: Series, index: int, lang: str) -> str:
    """The value of one week in words and numbers, as the table view and the hover tooltip show it."""
    value = series.values[index]
    if value is None:
        return text("no_checkin", lang)
    n = round(value)
    d = series.dimension
    if d == "mhi5":
        return text("value_mhi5", lang).format(n=n)
    if d == "ls":
        return text("value_ls", lang).format(n=n)
    if d == "djg":
        return f"{n} – {category_label('djg', n, lang)}"
    if d in ("gh", "wlb"):
        return category_label(d, n, lang)
    if series.complaints[index]:
        return text("value_kans", lang).format(n=n)
    return text("no_complaints", lang)


def table_header(series: Series, lang: str) -> tuple[str, str]:
    return text("week", lang), text(f"title_{series.dimension}", lang)


def table_rows(series: Series, lang: str = "nl", *, include_missing: bool = True) -> list[tuple[str, str]]:
    """``(week text, value text)`` per week, oldest first: the table beside each chart.

    Weeks without a check-in are rows saying so (as the chart shows a gap), unless ``include_missing``
    is False."""
    return [
        (week_text(w, lang), value_text(series, i, lang))
        for i, w in enumerate(series.weeks)
        if include_missing or series.values[i] is not None
    ]


# --- hover -----------------------------------------------------------------------------------------------


def nearest_point(series: Series, x: float, *, max_weeks: float | None = None) -> Point | None:
    """The week with a check-in nearest to ``x``, a matplotlib date number (``event.xdata`` of the axes).

    Returns None when the series has no value at all or when the nearest such week lies more than
    ``max_weeks`` weeks from ``x`` (the UI passes its pixel tolerance converted to weeks)."""
    if not series.weeks or x is None or not math.isfinite(x):
        return None
    from matplotlib.dates import date2num

    offset = (x - float(date2num(series.weeks[0].monday))) / 7.0  # in weeks from the first Monday
    candidates = [i for i, v in enumerate(series.values) if v is not None]
    if not candidates:
        return None
    best = min(candidates, key=lambda i: abs(i - offset))
    if max_weeks is not None and abs(best - offset) > max_weeks:
        return None
    value = series.values[best]
    assert value is not None
    return Point(best, series.weeks[best], value, series.complaints[best])


def values_or_nan(values: Sequence[float | None]) -> list[float]:
    """The values with NaN for gaps: how matplotlib breaks a line."""
    return [math.nan if v is None else v for v in values]
