"""Use cases of the weekly check-in: open a week, keep a draft, finish, correct, delete with undo, history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from vitaalthuis.domain.answers import Problem, check_answers, finished
from vitaalthuis.domain.checkin import CheckIn, Draft
from vitaalthuis.domain.scoring import SCORING_VERSION
from vitaalthuis.domain.weeks import IsoWeek, WeekError
from vitaalthuis.storage.checkins import META_DEMO, CheckinRepository
from vitaalthuis.storage.errors import WeekConflictError


class InvalidCheckInError(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.item}: {p.message()}" for p in problems))
        self.problems = problems


class WeekState(StrEnum):
    DONE = "done"  # a finished check-in exists
    DRAFT = "draft"  # started, not finished
    OPEN = "open"  # nothing yet


@dataclass(frozen=True)
class OpenedWeek:
    week: IsoWeek
    answers: dict[str, Any]
    page: int
    existing: CheckIn | None  # the finished check-in being corrected, if any
    from_draft: bool


class CheckinService:
    def __init__(self, repo: CheckinRepository, today: Any = None) -> None:
        self.repo = repo
        self._today = today or dt.date.today  # injectable clock

    def today(self) -> dt.date:
        return self._today()

    def current_week(self) -> IsoWeek:
        return IsoWeek.current(self.today())

    def state(self, week: IsoWeek) -> WeekState:
        if self.repo.get(week) is not None:
            return WeekState.DONE if self.repo.get_draft(week) is None else WeekState.DRAFT
        return WeekState.DRAFT if self.repo.get_draft(week) else WeekState.OPEN

    def open_week(self, week: IsoWeek) -> OpenedWeek:
        """Answers to start from: the draft if there is one, else the finished check-in, else nothing."""
        self._check_week(week)
        existing = self.repo.get(week)
        draft = self.repo.get_draft(week)
        if draft is not None:
            return OpenedWeek(week, dict(draft.answers), draft.page, existing, True)
        answers = dict(existing.answers) if existing else {}
        return OpenedWeek(week, answers, 0, existing, False)

    def save_draft(self, week: IsoWeek, answers: dict[str, Any], page: int = 0) -> None:
        clean = {k: v for k, v in answers.items() if v is not None}
        self.repo.save_draft(Draft(week, clean, page))

    def discard_draft(self, week: IsoWeek) -> None:
        self.repo.delete_draft(week)

    def problems(self, answers: dict[str, Any]) -> list[Problem]:
        return check_answers(finished(answers), final=True)

    def finish(self, week: IsoWeek, answers: dict[str, Any], *, replacing: CheckIn | None = None,
               replace: bool = False) -> CheckIn:
        """Validate and store the week's check-in and drop its draft.

        ``replacing``: the finished check-in the user opened to correct (``OpenedWeek.existing``); it is
        replaced only while it is still the stored one. A check-in of that week that another process stored
        meanwhile (an import from the command line) raises WeekConflictError, the draft stays, and nothing
        is overwritten unless the user then asks for it (``replace=True``)."""
        self._check_week(week)
        clean = finished(answers)
        problems = check_answers(clean, final=True)
        if problems:
            raise InvalidCheckInError(problems)
        checkin = CheckIn(week, clean, SCORING_VERSION)
        self.repo.save(checkin, replacing=replacing, replace=replace)
        return checkin

    def delete(self, week: IsoWeek) -> CheckIn | None:
        """Delete a week's check-in (and any draft of it); returns it so the caller can offer undo."""
        removed = self.repo.delete(week)
        self.repo.delete_draft(week)
        return removed

    def restore(self, checkin: CheckIn) -> None:
        """Undo of :meth:`delete` (WeekConflictError when that week was stored again meanwhile)."""
        self.repo.save(checkin, drop_draft=False)

    def history(self) -> list[CheckIn]:
        """Finished check-ins, newest week first."""
        return list(reversed(self.repo.all()))

    def data_stamp(self) -> tuple[object, ...]:
        """A value that changes whenever the stored check-ins or drafts change (whoever changed them)."""
        return self.repo.stamp()

    def is_demo(self) -> bool:
        """Whether the database holds synthetic demo data (``vitaalthuis demo-data``)."""
        return self.repo.meta(META_DEMO) == "1"

    def drafts(self) -> list[Draft]:
        return self.repo.drafts()

    def missed_weeks(self, lookback: int = 8) -> list[IsoWeek]:
        """Past weeks (newest first) within ``lookback`` weeks without a check-in, not before the first."""
        done = self.repo.weeks()
        current = self.current_week()
        first = min(done) if done else current
        candidates = [current.shifted(-i) for i in range(1, lookback + 1)]
        return [w for w in candidates if w not in done and w >= first]

    def _check_week(self, week: IsoWeek) -> None:
        IsoWeek.parse(str(week), today=self.today())  # raises WeekError for future or nonexistent weeks


__all__ = ["CheckinService", "InvalidCheckInError", "OpenedWeek", "WeekConflictError", "WeekError",
           "WeekState"]
