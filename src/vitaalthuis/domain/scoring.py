"""Scores derived from raw answers, exactly per docs/instruments.md.

Scores are never stored as the only copy: they are recomputed from the answers whenever needed. Bump
``SCORING_VERSION`` whenever a rule here changes; every stored check-in records the version it was saved with.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from vitaalthuis.domain.instruments import DJG_EMOTIONAL, DJG_POSITIVE, DJG_SOCIAL, MHI5_ITEMS, MHI5_POSITIVE

SCORING_VERSION = 1
MHI5_LOW_BELOW = 60  # CBS cut-off: psychisch ongezond when mhi5 < 60 (the GGD monitor uses <= 60)
LS_SATISFIED_FROM = 7  # CBS convention: a mark of 7 or higher counts as "tevreden"


class DjgCategory(StrEnum):
    NOT_LONELY = "not_lonely"
    MODERATE = "moderate"
    STRONG = "strong"


@dataclass(frozen=True, slots=True)
class Scores:
    gh_good: bool
    mhi5: int
    mhi5_low: bool
    ls_satisfied: bool
    djg_total: int
    djg_emotional: int
    djg_social: int
    djg_category: DjgCategory
    kans: bool
    wlb_imbalance: bool

    def as_dict(self) -> dict[str, Any]:
        """Score id → JSON-ready value, in the order of the specification."""
        data = {name: getattr(self, name) for name in SCORE_IDS}
        data["djg_category"] = self.djg_category.value
        return data


SCORE_IDS: tuple[str, ...] = tuple(Scores.__dataclass_fields__)


def mhi5_score(answers: Mapping[str, Any]) -> int:
    points = 0
    for item in MHI5_ITEMS:
        code = answers[item.id]
        points += 6 - code if item.id in MHI5_POSITIVE else code - 1
    return 4 * points


def djg_point(item_id: str, code: int) -> int:
    """The neutral answer (2, "min of meer") always counts as lonely."""
    if item_id in DJG_POSITIVE:
        return 1 if code in (2, 3) else 0
    return 1 if code in (1, 2) else 0


def djg_category(total: int) -> DjgCategory:
    if total <= 1:
        return DjgCategory.NOT_LONELY
    if total <= 4:
        return DjgCategory.MODERATE
    return DjgCategory.STRONG


def score(answers: Mapping[str, Any]) -> Scores:
    """Every score of a finished, valid check-in. Raises KeyError when a required answer is missing."""
    mhi5 = mhi5_score(answers)
    emotional = sum(djg_point(i, answers[i]) for i in DJG_EMOTIONAL)
    social = sum(djg_point(i, answers[i]) for i in DJG_SOCIAL)
    total = emotional + social
    return Scores(
        gh_good=answers["gh"] in (1, 2),
        mhi5=mhi5,
        mhi5_low=mhi5 < MHI5_LOW_BELOW,
        ls_satisfied=answers["ls"] >= LS_SATISFIED_FROM,
        djg_total=total,
        djg_emotional=emotional,
        djg_social=social,
        djg_category=djg_category(total),
        kans=answers["kans_any"] == 1,
        wlb_imbalance=answers["wlb"] >= 3,
    )
