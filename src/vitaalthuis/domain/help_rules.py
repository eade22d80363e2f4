"""When to point calmly to help after a check-in, and whom to point to first. Pure logic; the texts live in
the UI.

:func:`help_reasons` returns the reasons, in the order of :data:`HELP_REASONS`; an empty list means no prompt.
All rules look at this week's finished check-in; the two history rules count ISO weeks, not check-ins:

* ``mhi5_low``        — ``scores["mhi5"] < 60`` (the CBS cut-off the app uses).
* ``mhi5_drop``       — this week's MHI-5 is lower than the user's own mean of the earlier check-ins by more
  than the MHI-5 band of :mod:`vitaalthuis.domain.change` (direction "lower"): the mean covers the check-ins
  in the ``LOOKBACK_WEEKS`` ISO weeks before this week and needs at least ``MIN_EARLIER`` of them, so one
  earlier week never makes the rule fire.
* ``lonely_strong``   — ``scores["djg_category"] == "strong"`` (De Jong Gierveld 5 or 6).
* ``wlb_three_weeks`` — this week and the two ISO weeks before it all have a check-in and all have
  ``wlb_imbalance``; a week without a check-in breaks the run.
* ``kans_severe``     — ``answers["kans_severity"] >= 7`` (only present when kans_any = 1).

When several fire, the window shows one short block per reason in this order: mood first, then loneliness,
then work and private life, and the body last. :data:`HELP_BLOCKS` gives each reason its first contacts
(contact ids of :mod:`vitaalthuis.domain.help_contacts`): low mood and strong loneliness someone to talk to
(De Luisterlijn, and 113 when it is about life and death); work and private life the leidinggevende or the
bedrijfsarts; body complaints the huisarts, bedrijfsarts or a fysiotherapeut.

Never a diagnosis and never triage: the reasons only decide which contacts are offered, and the words offer
("als je wilt"), they never tell anyone what to do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeGuard

from vitaalthuis.domain.change import LOWER, earlier_values, score_change
from vitaalthuis.domain.weeks import IsoWeek

LONELY_STRONG = "lonely_strong"
MHI5_LOW = "mhi5_low"
KANS_SEVERE = "kans_severe"
WLB_THREE_WEEKS = "wlb_three_weeks"
MHI5_DROP = "mhi5_drop"
HELP_REASONS = (MHI5_LOW, MHI5_DROP, LONELY_STRONG, WLB_THREE_WEEKS, KANS_SEVERE)  # body last

MHI5_LOW_BELOW = 60
KANS_SEVERITY_AT_LEAST = 7
WLB_RUN_WEEKS = 3

Scores = Mapping[str, object]


@dataclass(frozen=True, slots=True)
class HelpBlock:
    """One reason's block in the help prompt: the reason and its first contacts, in the order to show them."""

    reason: str
    contacts: tuple[str, ...]  # ids of help_contacts.HELP_CONTACTS


_TO_TALK = ("luisterlijn", "113")  # someone you trust is named in the words; 113 when it is life and death

HELP_BLOCKS: Mapping[str, HelpBlock] = MappingProxyType({
    MHI5_LOW: HelpBlock(MHI5_LOW, _TO_TALK),
    MHI5_DROP: HelpBlock(MHI5_DROP, _TO_TALK),
    LONELY_STRONG: HelpBlock(LONELY_STRONG, _TO_TALK),
    WLB_THREE_WEEKS: HelpBlock(WLB_THREE_WEEKS, ("leidinggevende", "bedrijfsarts")),
    KANS_SEVERE: HelpBlock(KANS_SEVERE, ("huisarts", "bedrijfsarts", "fysiotherapeut")),
})


def help_reasons(
    week: IsoWeek, history: Mapping[IsoWeek, Scores], *, answers: Mapping[str, object]
) -> list[str]:
    """Reasons to show the help page prominently after the check-in of ``week``.

    ``history`` maps each ISO week with a finished check-in to its scores (score id → value), including
    ``week`` itself (the rules look back at most ``change.LOOKBACK_WEEKS`` ISO weeks); ``answers`` are
    the answers of this week's check-in (item id → code). Without a check-in for ``week`` there is nothing
    to react to and the result is empty.
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
    return score_change("mhi5", current, earlier_values("mhi5", week, history)).direction == LOWER


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)
