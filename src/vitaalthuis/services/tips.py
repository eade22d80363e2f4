"""Tips use cases: this week's tips (remembered as shown), tip of the week, feedback, the library."""

from __future__ import annotations

import functools

from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.tip_selection import FEEDBACK_VALUES, select_tips, tip_of_the_week
from vitaalthuis.domain.tips import Tip, TipLibrary, load_tips
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage.tips import TipStateRepository


@functools.cache
def shipped_library() -> TipLibrary:
    return load_tips()


class TipService:
    def __init__(self, repo: TipStateRepository, library: TipLibrary | None = None) -> None:
        self.repo = repo
        self.library = library or shipped_library()

    def tips_for(self, checkin: CheckIn, *, remember: bool = True) -> list[Tip]:
        """Up to three tips matched to this check-in's weakest areas; remembered as shown for its week (a
        write only the first time: showing the home screen again changes nothing)."""
        shown = self.repo.shown_history()
        tips = select_tips(self.library, checkin.week, checkin.scores.as_dict(), checkin.answers, shown,
                           self.repo.feedback())
        new = [t.id for t in tips if checkin.week not in shown.get(t.id, ())]
        if remember and new:
            self.repo.mark_shown(checkin.week, new)
        return tips

    def tip_of_the_week(self, week: IsoWeek, checkin: CheckIn | None) -> Tip | None:
        scores = checkin.scores.as_dict() if checkin else None
        answers = checkin.answers if checkin else None
        return tip_of_the_week(self.library, week, self.repo.shown_history(), self.repo.feedback(),
                               scores=scores, answers=answers)

    def feedback(self) -> dict[str, str]:
        return self.repo.feedback()

    def set_feedback(self, tip_id: str, value: str | None) -> None:
        if value is not None and value not in FEEDBACK_VALUES:
            raise ValueError(value)
        if tip_id not in self.library:
            raise KeyError(tip_id)
        self.repo.set_feedback(tip_id, value)
