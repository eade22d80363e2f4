"""Change with caution: this week's score against the user's own mean of earlier check-ins. Pure logic.

A weekly self-report goes up and down by itself, so the app calls a score "higher" or "lower" only when it
differs from the user's own mean by more than a band, and only when that mean covers at least
:data:`MIN_EARLIER` earlier check-ins. Otherwise there is no direction at all (``None``): too little to
compare with.

**Which check-ins count as earlier.** Those in the :data:`LOOKBACK_WEEKS` ISO weeks before the current week
(the current week itself never), counted on the calendar: a week without a check-in is a gap, not skipped
over. Eight weeks is about two months: recent enough to describe "your usual", long enough that three
check-ins are within reach when a few weeks were missed. The caller picks the values; :func:`earlier_values`
does it for a mapping week → value (or week → scores).

**The bands** (:data:`BANDS`, per measure id) are the app's own rule, not a published reliable-change
criterion. A reliable change index (1.96 × SD × √2 × √(1 − r)) needs a test-retest reliability and a spread
that fit a weekly 7-day recall; no such pair could be cited from a source the app names, so the app does not
compute one. Its own rule is two answer steps on the MHI-5 and one step on the two smaller scales:

* ``mhi5`` (0–100, in steps of 4): ± 8 points, two answer steps (on one item or one each on two);
* ``ls`` (the mark 1–10): ± 1 mark;
* ``djg_total`` (loneliness 0–6): ± 1 point.

**Whole numbers.** The mean is rounded to a whole number (halves up), and the direction compares this
week's score with that rounded mean, so the numbers a user sees always agree with the words: "about the
same" exactly when ``|value − mean| ≤ band``. The direction describes the raw score: a higher loneliness
total is "higher", never "better" or "worse".
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType
from typing import TypeGuard

from vitaalthuis.domain.weeks import IsoWeek

HIGHER = "higher"
LOWER = "lower"
ABOUT_SAME = "about_same"

MIN_EARLIER = 3
LOOKBACK_WEEKS = 8

# The app's own rule (see the module text): no published reliability and spread for weekly use are cited.
BANDS: Mapping[str, float] = MappingProxyType({"mhi5": 8, "ls": 1, "djg_total": 1})


@dataclass(frozen=True, slots=True)
class Change:
    """This week's score against the own mean of earlier check-ins."""

    direction: str | None  # "higher" | "lower" | "about_same"; None: no score, or fewer than MIN_EARLIER
    mean: int | None  # the own mean of the earlier check-ins, rounded to a whole number; None as above
    earlier: int  # how many earlier check-ins the mean covers
    band: int | float  # the "about the same" half-width used


def score_change(measure: str, value: float | None, earlier: Sequence[float]) -> Change:
    """Compare ``value`` (this week's score of ``measure``) with the mean of ``earlier`` (earlier check-ins).

    ``measure`` is a key of :data:`BANDS` (an unknown one raises ``KeyError``).
    """
    band = BANDS[measure]
    values = [v for v in earlier if _is_number(v)]
    if value is None or not _is_number(value) or len(values) < MIN_EARLIER:
        return Change(direction=None, mean=None, earlier=len(values), band=band)
    mean = _round_half_up(sum((Fraction(v) for v in values), Fraction(0)) / len(values))
    difference = Fraction(value) - mean
    beyond = abs(difference) > Fraction(band)
    direction = (HIGHER if difference > 0 else LOWER) if beyond else ABOUT_SAME
    return Change(direction=direction, mean=mean, earlier=len(values), band=band)


def earlier_values(
    measure: str, current_week: IsoWeek, history: Mapping[IsoWeek, object]
) -> list[float]:
    """The values of ``measure`` in the :data:`LOOKBACK_WEEKS` ISO weeks before ``current_week``, oldest
    first. ``history`` maps a week to its value, or to its scores (a mapping read at ``measure``); weeks
    without a check-in or without a number are left out."""
    found: list[float] = []
    for back in range(LOOKBACK_WEEKS, 0, -1):
        entry = history.get(current_week.shifted(-back))
        value = entry.get(measure) if isinstance(entry, Mapping) else entry
        if _is_number(value):
            found.append(value)
    return found


def _round_half_up(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
