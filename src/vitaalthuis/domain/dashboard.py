"""What the dashboard says per dimension: this week's category, its place on a small scale, the change against
the user's own mean (domain.change), and the national figures in the user's own category (domain.comparison).
Codes only; the UI turns them into words.

Honesty rules (docs/instruments.md, "How results are shown"): categories, never ranks; a figure only where
the dataset has one; change only beyond a stated band.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vitaalthuis.domain.benchmarks import BenchmarkSet, Figure
from vitaalthuis.domain.change import LOOKBACK_WEEKS, Change, score_change
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.comparison import FigureLine, figure_lines
from vitaalthuis.domain.scales import Scale, scale_of
from vitaalthuis.domain.weeks import IsoWeek

DIMENSIONS: tuple[str, ...] = ("gh", "mhi5", "ls", "djg", "kans", "wlb")
# dimensions with a score whose change over weeks is described (domain.change), and that score's measure id
MEASURES: dict[str, str] = {"mhi5": "mhi5", "ls": "ls", "djg": "djg_total"}


@dataclass(frozen=True, slots=True)
class CategoryChange:
    previous: str | None  # the category of the most recent earlier check-in; None when there is none
    previous_week: IsoWeek | None

    def same(self, current: str) -> bool | None:
        return None if self.previous is None else self.previous == current


@dataclass(frozen=True, slots=True)
class DimensionResult:
    dimension: str
    category: str  # see category_of()
    value: float | None  # the score: MHI-5 (0-100), the mark (1-10), the loneliness total (0-6); else None
    change: Change | None  # against the own mean, for the dimensions of MEASURES; None for the others
    previous: CategoryChange  # the category of the check-in before
    lines: tuple[FigureLine, ...]  # national figures in the user's own category, home workers first
    scale: Scale

    @property
    def figure(self) -> Figure | None:
        """The first comparison line's figure (the one the report describes in full)."""
        return self.lines[0].figure if self.lines else None


def category_of(dimension: str, checkin: CheckIn) -> str:
    """A category code per dimension (the words are the UI's business)."""
    s = checkin.scores
    match dimension:
        case "gh":
            return "good" if s.gh_good else "less_good"
        case "mhi5":
            return "low" if s.mhi5_low else "not_low"
        case "ls":
            return "satisfied" if s.ls_satisfied else "not_satisfied"
        case "djg":
            return s.djg_category.value
        case "kans":
            return "complaints" if s.kans else "no_complaints"
        case "wlb":
            return "imbalance" if s.wlb_imbalance else "balance"
    raise ValueError(dimension)


def numeric_value(dimension: str, checkin: CheckIn) -> float | None:
    if dimension == "mhi5":
        return float(checkin.scores.mhi5)
    if dimension == "ls":
        return float(checkin.answers["ls"])
    if dimension == "djg":
        return float(checkin.scores.djg_total)
    return None


def dimension_result(dimension: str, current: CheckIn, earlier: Sequence[CheckIn],
                     benchmarks: BenchmarkSet | None) -> DimensionResult:
    """``earlier``: check-ins before ``current``'s week, any order."""
    category = category_of(dimension, current)
    value = numeric_value(dimension, current)
    change = None
    if dimension in MEASURES:
        window = [c for c in earlier if 1 <= current.week.weeks_since(c.week) <= LOOKBACK_WEEKS]
        values = [v for c in window if (v := numeric_value(dimension, c)) is not None]
        change = score_change(MEASURES[dimension], value, values)
    before = [c for c in earlier if c.week < current.week]
    last = max(before, key=lambda c: c.week) if before else None
    previous = CategoryChange(category_of(dimension, last) if last else None, last.week if last else None)
    lines = tuple(figure_lines(benchmarks, dimension, category))
    return DimensionResult(dimension, category, value, change, previous, lines, scale_of(dimension, current))


def dashboard(history: Sequence[CheckIn], benchmarks: BenchmarkSet | None) -> list[DimensionResult]:
    """Results of the newest check-in in ``history``, one per dimension; empty without check-ins."""
    if not history:
        return []
    current = max(history, key=lambda c: c.week)
    earlier = [c for c in history if c.week < current.week]
    return [dimension_result(d, current, earlier, benchmarks) for d in DIMENSIONS]
