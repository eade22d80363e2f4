"""A finished weekly check-in and its draft, as plain values that cross every layer boundary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from vitaalthuis.domain.scoring import SCORING_VERSION, Scores, score
from vitaalthuis.domain.weeks import IsoWeek


@dataclass(frozen=True)
class CheckIn:
    week: IsoWeek
    answers: dict[str, Any]
    scoring_version: int = SCORING_VERSION
    updated_at: dt.datetime | None = field(default=None, compare=False)

    @cached_property
    def scores(self) -> Scores:
        return score(self.answers)


@dataclass(frozen=True)
class Draft:
    week: IsoWeek
    answers: dict[str, Any]
    page: int = 0
    updated_at: dt.datetime | None = field(default=None, compare=False)
