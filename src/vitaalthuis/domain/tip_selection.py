"""Which tips to show after a check-in, and the tip of the week on the home screen. Pure and deterministic.

Rules:

* **Weak areas** of this week's check-in, in fixed priority order (:data:`AREAS`), each with the tips of one
  condition (:data:`AREA_CONDITIONS`):

  - ``mental_health``: ``scores["mhi5"] < 60`` → ``mhi5_low`` tips (stress, talking to someone);
  - ``loneliness``: ``scores["djg_category"]`` is "moderate" or "strong" → ``lonely`` tips (social contact);
  - ``kans``: ``scores["kans"]`` is true → ``kans`` tips (posture and breaks, alternating);
  - ``work_private``: ``scores["wlb_imbalance"]`` is true → ``wlb_imbalance`` tips (boundaries);
  - ``health``: ``answers["gh"] >= 3`` ("gaat wel" or worse; without that answer: ``gh_good`` false)
    → ``health_fair_or_worse`` tips (movement).

* Each weak area takes **one place**, in priority order, up to ``limit`` places (default three); an area
  with no eligible tip left gives its place to the next weak area. One weak area therefore gets one tip.
* When **no area is weak** (or none of the weak areas has an eligible tip left) the places go to the **general
  rotation**: ``general`` tips in a fixed cyclic order that moves on by three places every ISO week.
* **Eligible**: not marked "not for me" (those never return), and not shown in any of the six ISO weeks before
  this one (see :func:`shown_recently`).
* Among eligible tips of one area (or the rotation), tips never shown before come first, then the one shown
  longest ago; ties follow the week's rotation. Only showings before ``week`` count, so recomputing the tips
  for the same week gives the same tips. No randomness: the same input always gives the same tips.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeGuard

from vitaalthuis.domain.tips import Tip, TipLibrary
from vitaalthuis.domain.weeks import IsoWeek

AREAS = ("mental_health", "loneliness", "kans", "work_private", "health")  # priority order
AREA_CONDITIONS: Mapping[str, str] = {
    "mental_health": "mhi5_low",
    "loneliness": "lonely",
    "kans": "kans",
    "work_private": "wlb_imbalance",
    "health": "health_fair_or_worse",
}
DEFAULT_LIMIT = 3
REPEAT_WINDOW_WEEKS = 6
FEEDBACK_VALUES = ("helpful", "not_for_me")
MHI5_LOW_BELOW = 60
GH_FAIR = 3  # "gaat wel"
_ROTATION_ANCHOR = IsoWeek(2000, 1)

ShownHistory = Mapping[str, Iterable[IsoWeek]]


def weak_areas(scores: Mapping[str, object], answers: Mapping[str, object]) -> list[str]:
    """The weak areas of one finished check-in, in priority order (see the module docstring)."""
    mhi5 = scores.get("mhi5")
    gh = answers.get("gh")
    fired = {
        "mental_health": _is_number(mhi5) and mhi5 < MHI5_LOW_BELOW,
        "loneliness": scores.get("djg_category") in ("moderate", "strong"),
        "kans": scores.get("kans") is True,
        "work_private": scores.get("wlb_imbalance") is True,
        # gh >= 3 is the same as gh_good being false; the score stands in when the answer is not passed
        "health": gh >= GH_FAIR if _is_number(gh) else scores.get("gh_good") is False,
    }
    return [area for area in AREAS if fired[area]]


def shown_recently(tip_id: str, week: IsoWeek, shown_history: ShownHistory) -> bool:
    """True when the tip was shown within six ISO weeks before ``week``.

    "Within six weeks" means: shown in any of the six ISO weeks directly before ``week``, that is
    ``week.shifted(-1)`` down to ``week.shifted(-6)``, counted in ISO weeks (across a year end, 53-week years
    included), not in check-ins. A tip shown six weeks before is excluded; one last shown seven weeks before
    may return. Showings in ``week`` itself or later do not exclude a tip (recomputing this week's tips gives
    the same tips).
    """
    return any(1 <= week.weeks_since(shown) <= REPEAT_WINDOW_WEEKS for shown in shown_history.get(tip_id, ()))


def select_tips(
    library: TipLibrary,
    week: IsoWeek,
    scores: Mapping[str, object],
    answers: Mapping[str, object],
    shown_history: ShownHistory,
    feedback: Mapping[str, str],
    *,
    limit: int = DEFAULT_LIMIT,
) -> list[Tip]:
    """Up to ``limit`` tips for this week's check-in (rules: module docstring)."""
    if limit < 0:
        raise ValueError("limit must not be negative")
    _check_feedback(feedback)
    if limit == 0:
        return []
    chosen: list[Tip] = []
    for area in weak_areas(scores, answers):
        if len(chosen) == limit:
            break
        candidates = _interleave_themes(library.with_condition(AREA_CONDITIONS[area]))
        ranked = _rank(candidates, week, shown_history, feedback, stride=1)
        if ranked:
            chosen.append(ranked[0])
    if not chosen:
        chosen = _general_rotation(library, week, shown_history, feedback)[:limit]
    return chosen


def tip_of_the_week(
    library: TipLibrary,
    week: IsoWeek,
    shown_history: ShownHistory,
    feedback: Mapping[str, str],
    *,
    scores: Mapping[str, object] | None = None,
    answers: Mapping[str, object] | None = None,
) -> Tip | None:
    """The home screen's tip.

    With this week's check-in (``scores``/``answers``): the first of :func:`select_tips`, i.e. the tip for the
    most pressing weak area. Without one: the first tip of this week's general rotation. ``None`` only when
    every candidate is excluded.
    """
    if scores is None:
        _check_feedback(feedback)
        rotation = _general_rotation(library, week, shown_history, feedback)
        return rotation[0] if rotation else None
    tips = select_tips(library, week, scores, answers or {}, shown_history, feedback, limit=1)
    return tips[0] if tips else None


# --- helpers ------------------------------------------------------------------------------------------------


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_feedback(feedback: Mapping[str, str]) -> None:
    for tip_id, value in feedback.items():
        if value not in FEEDBACK_VALUES:
            raise ValueError(f"unknown feedback {value!r} for tip {tip_id!r}")


def _general_rotation(
    library: TipLibrary, week: IsoWeek, shown_history: ShownHistory, feedback: Mapping[str, str]
) -> list[Tip]:
    return _rank(library.with_condition("general"), week, shown_history, feedback, stride=DEFAULT_LIMIT)


def _interleave_themes(tips: Sequence[Tip]) -> list[Tip]:
    """Round-robin over the themes (in order of first appearance): KANS alternates posture and breaks tips."""
    by_theme: dict[str, list[Tip]] = {}
    for tip in tips:
        by_theme.setdefault(tip.theme, []).append(tip)
    queues = list(by_theme.values())
    result: list[Tip] = []
    for i in range(max((len(q) for q in queues), default=0)):
        result.extend(q[i] for q in queues if i < len(q))
    return result


def _rank(
    candidates: Sequence[Tip],
    week: IsoWeek,
    shown_history: ShownHistory,
    feedback: Mapping[str, str],
    *,
    stride: int,
) -> list[Tip]:
    """Eligible candidates, best first: never shown before ``week``, then shown longest ago, then rotation.

    The rotation starts at position ``(weeks since 2000-W01) * stride`` (mod the number of candidates): it
    moves on ``stride`` places every ISO week and does not depend on how many check-ins there were.
    """
    n = len(candidates)
    if n == 0:
        return []
    offset = (week.weeks_since(_ROTATION_ANCHOR) * stride) % n

    def age(tip: Tip) -> float:
        earlier = [week.weeks_since(w) for w in shown_history.get(tip.id, ()) if week.weeks_since(w) >= 1]
        return min(earlier) if earlier else math.inf

    eligible = [
        (index, tip)
        for index, tip in enumerate(candidates)
        if feedback.get(tip.id) != "not_for_me" and not shown_recently(tip.id, week, shown_history)
    ]
    eligible.sort(key=lambda item: (-age(item[1]), (item[0] - offset) % n))
    return [tip for _, tip in eligible]
