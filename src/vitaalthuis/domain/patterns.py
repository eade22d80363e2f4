"""Own patterns: the user's averages in weeks with many home days against weeks with fewer.

This shows co-occurrence, never cause: the UI must say so. Needs at least 8 check-ins and at least 3 in
each group; otherwise it says how many more weeks are needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean

from vitaalthuis.domain.checkin import CheckIn

MIN_CHECKINS = 8
MIN_PER_GROUP = 3
HOME_DAYS_FROM = 4  # "weeks with >= 4 home days"

# What is averaged per dimension (higher is better for mhi5 and ls; lower is better for the others)
MEASURES: tuple[str, ...] = ("mhi5", "ls", "djg_total", "kans_share", "wlb_imbalance_share")


def measure(name: str, checkin: CheckIn) -> float:
    s = checkin.scores
    match name:
        case "mhi5":
            return float(s.mhi5)
        case "ls":
            return float(checkin.answers["ls"])
        case "djg_total":
            return float(s.djg_total)
        case "kans_share":
            return 100.0 if s.kans else 0.0
        case "wlb_imbalance_share":
            return 100.0 if s.wlb_imbalance else 0.0
    raise ValueError(name)


@dataclass(frozen=True, slots=True)
class PatternRow:
    measure: str
    home_mean: float  # weeks with >= 4 home days
    other_mean: float  # weeks with fewer


@dataclass(frozen=True, slots=True)
class Patterns:
    home_weeks: int
    other_weeks: int
    rows: tuple[PatternRow, ...]  # empty while not enough data
    more_checkins_needed: int  # 0 when enough in total
    more_home_weeks_needed: int
    more_other_weeks_needed: int

    @property
    def ready(self) -> bool:
        return bool(self.rows)


def home_days_patterns(history: Sequence[CheckIn]) -> Patterns:
    home = [c for c in history if c.answers["days_home"] >= HOME_DAYS_FROM]
    other = [c for c in history if c.answers["days_home"] < HOME_DAYS_FROM]
    need_total = max(0, MIN_CHECKINS - len(history))
    need_home = max(0, MIN_PER_GROUP - len(home))
    need_other = max(0, MIN_PER_GROUP - len(other))
    rows: tuple[PatternRow, ...] = ()
    if not (need_total or need_home or need_other):
        rows = tuple(
            PatternRow(m, fmean(measure(m, c) for c in home), fmean(measure(m, c) for c in other))
            for m in MEASURES
        )
    return Patterns(len(home), len(other), rows, need_total, need_home, need_other)
