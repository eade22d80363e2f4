"""What the dashboard says per dimension: this week's category, the change against the user's own recent
weeks, and which national figure (if any) to show beside it. Codes only; the UI turns them into words.

Honesty rules (docs/instruments.md, "How results are shown"): categories, never ranks; a figure only where
the dataset has one; the comparability level decides how the figure may be worded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean

from vitaalthuis.domain.benchmarks import BenchmarkSet, Comparability, Figure, Verification
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek

DIMENSIONS: tuple[str, ...] = ("gh", "mhi5", "ls", "djg", "kans", "wlb")
NUMERIC = frozenset({"mhi5", "ls"})  # compared with the average of the four ISO weeks before
BASELINE_WEEKS = 4

_COMPARABILITY_RANK = {Comparability.SAME_MEASURE: 0, Comparability.SIMILAR: 1, Comparability.CONTEXT: 2}
_VERIFICATION_RANK = {Verification.INDEPENDENT: 0, Verification.SECONDARY: 1, Verification.LETTER_ONLY: 2}


@dataclass(frozen=True, slots=True)
class NumericChange:
    value: float
    baseline: float | None  # mean of the check-ins in the four ISO weeks before; None when there are none
    weeks: int  # how many check-ins the baseline averages

    @property
    def delta(self) -> float | None:
        return None if self.baseline is None else self.value - self.baseline


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
    value: float | None  # the numeric score for mhi5 (0-100) and ls (1-10); None otherwise
    change: NumericChange | CategoryChange
    figure: Figure | None
    figure_is_own_category: bool  # the figure counts people in the same category as this answer


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
    return None


# The dataset's score keys that count people in a given category; the first matching key with figures wins.
_OWN_KEYS: dict[tuple[str, str], tuple[str, ...]] = {
    ("gh", "good"): ("gh_good",),
    ("mhi5", "low"): ("mhi5_low",),
    ("mhi5", "not_low"): ("mhi5_low=false",),
    ("ls", "satisfied"): ("ls_satisfied",),
    ("djg", "not_lonely"): ("djg_category=not_lonely",),
    ("djg", "moderate"): ("djg_category=moderate",),
    ("djg", "strong"): ("djg_category=strong",),
    ("kans", "complaints"): ("kans",),
    ("wlb", "imbalance"): ("wlb_imbalance",),
}
# Otherwise a figure about the dimension's headline category is shown as background.
_BACKGROUND_KEYS: dict[str, tuple[str, ...]] = {
    "gh": ("gh_good",),
    "mhi5": ("mhi5_low",),
    "ls": ("ls_satisfied",),
    "djg": ("djg_category=strong",),
    "kans": ("kans",),
    "wlb": ("wlb_imbalance",),
}


def best_figure(figures: Sequence[Figure]) -> Figure | None:
    """The most comparable figure; among equals the independently checked one, then the newest."""
    if not figures:
        return None
    ranked = sorted(
        enumerate(figures),  # for_score() already sorts newest first; keep that order on ties
        key=lambda pair: (_COMPARABILITY_RANK[pair[1].comparability],
                          _VERIFICATION_RANK[pair[1].verification], pair[0]),
    )
    return ranked[0][1]


def choose_figure(benchmarks: BenchmarkSet | None, dimension: str,
                  category: str) -> tuple[Figure | None, bool]:
    if benchmarks is None:
        return None, False
    for key in _OWN_KEYS.get((dimension, category), ()):
        figure = best_figure(benchmarks.for_score(key))
        if figure is not None:
            return figure, True
    for key in _BACKGROUND_KEYS[dimension]:
        figure = best_figure(benchmarks.for_score(key))
        if figure is not None:
            return figure, False
    return None, False


def dimension_result(dimension: str, current: CheckIn, earlier: Sequence[CheckIn],
                     benchmarks: BenchmarkSet | None) -> DimensionResult:
    """``earlier``: check-ins before ``current``'s week, any order."""
    category = category_of(dimension, current)
    value = numeric_value(dimension, current)
    change: NumericChange | CategoryChange
    if dimension in NUMERIC:
        assert value is not None
        window = [c for c in earlier if 1 <= current.week.weeks_since(c.week) <= BASELINE_WEEKS]
        values = [v for c in window if (v := numeric_value(dimension, c)) is not None]
        change = NumericChange(value, fmean(values) if values else None, len(values))
    else:
        before = [c for c in earlier if c.week < current.week]
        last = max(before, key=lambda c: c.week) if before else None
        change = CategoryChange(category_of(dimension, last) if last else None, last.week if last else None)
    figure, own = choose_figure(benchmarks, dimension, category)
    return DimensionResult(dimension, category, value, change, figure, own)


def dashboard(history: Sequence[CheckIn], benchmarks: BenchmarkSet | None) -> list[DimensionResult]:
    """Results of the newest check-in in ``history``, one per dimension; empty without check-ins."""
    if not history:
        return []
    current = max(history, key=lambda c: c.week)
    earlier = [c for c in history if c.week < current.week]
    return [dimension_result(d, current, earlier, benchmarks) for d in DIMENSIONS]
