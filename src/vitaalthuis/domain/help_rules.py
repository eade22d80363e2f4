"""When to point calmly to help after a check-in. Pure logic; the texts live in the UI.

:func:`help_reasons` returns the reasons, in the order of :data:`HELP_REASONS`; an empty list means no prompt.
All rules look at this week's finished check-in; the two history rules count ISO weeks, not check-ins:

* ``lonely_strong``   — ``scores["djg_category"] == "strong"`` (De Jong Gierveld 5 or 6).
* ``mhi5_low``        — ``scores["mhi5"] < 60`` (the CBS cut-off the app uses).
* ``kans_severe``     — ``answers["kans_severity"] >= 7`` (only present when kans_any = 1).
* ``wlb_three_weeks`` — this week and the two ISO weeks before it all have a check-in and all have
  ``wlb_imbalance``; a week without a check-in breaks the run.
* ``mhi5_drop``       — this week's MHI-5 is 20 or more points below the highest MHI-5 of the four ISO weeks
  before it, counting only those weeks that have a check-in (none of them → the rule does not fire).

Never a diagnosis: the reasons only decide whether the help page is shown prominently.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeGuard

from vitaalthuis.domain.weeks import IsoWeek

LONELY_STRONG = "lonely_strong"
MHI5_LOW = "mhi5_low"
KANS_SEVERE = "kans_severe"
WLB_THREE_WEEKS = "wlb_three_weeks"
MHI5_DROP = "mhi5_drop"
HELP_REASONS = (LONELY_STRONG, MHI5_LOW, KANS_SEVERE, WLB_THREE_WEEKS, MHI5_DROP)

MHI5_LOW_BELOW = 60
KANS_SEVERITY_AT_LEAST = 7
WLB_RUN_WEEKS = 3
MHI5_DROP_POINTS = 20
MHI5_DROP_LOOKBACK_WEEKS = 4

Scores = Mapping[str, object]


def help_reasons(
    week: IsoWeek, history: Mapping[IsoWeek, Scores], *, answers: Mapping[str, object]
) -> list[str]:
    """Reasons to show the help page prominently after the check-in of ``week``.

    ``history`` maps each ISO week with a finished check-in to its scores (score id → value), including
    ``week`` itself; ``answers`` are the answers of this week's check-in (item id → code). Without a check-in
    for ``week`` there is nothing to react to and the result is empty.
    """
    scores = history.get(week)
    if scores is None:
        return []
    mhi5 = scores.get("mhi5")
    severity = answers.get("kans_severity")
    fired = {
        LONELY_STRONG: scores.get("djg_category") == "strong",
        MHI5_LOW: _is_number(mhi5) and mhi5 < MHI5_LOW_BELOW,
        KANS_SEVERE: _is_number(severity) and severity >= KANS_SEVERITY_AT_LEAST,
        WLB_THREE_WEEKS: _wlb_run(week, history),
        MHI5_DROP: _mhi5_drop(week, history),
    }
    return [reason for reason in HELP_REASONS if fired[reason]]


def _wlb_run(week: IsoWeek, history: Mapping[IsoWeek, Scores]) -> bool:
    run = [history.get(week.shifted(-back)) for back in range(WLB_RUN_WEEKS)]
    return all(scores is not None and scores.get("wlb_imbalance") is True for scores in run)


def _mhi5_drop(week: IsoWeek, history: Mapping[IsoWeek, Scores]) -> bool:
    current = history[week].get("mhi5")
    if not _is_number(current):
        return False
    earlier = []
    for back in range(1, MHI5_DROP_LOOKBACK_WEEKS + 1):
        scores = history.get(week.shifted(-back))
        value = None if scores is None else scores.get("mhi5")
        if _is_number(value):
            earlier.append(value)
    return bool(earlier) and max(earlier) - current >= MHI5_DROP_POINTS


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)
