"""Use cases of the weekly check-in: open a week, keep a draft, finish, correct, delete with undo, history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from vitaalthuis.domain.answers import Problem, check_answers, finished
from vitaalthuis.domain.checkin import CheckIn, Draft
from vitaalthuis.domain.scoring import SCORING_VERSION
from vitaalthuis.domain.weeks import IsoWeek, WeekError
from vitaalthuis.storage.checkins import META_DEMO, CheckinRepository
from vitaalthuis.storage.errors import SQLITE_BUSY, WeekConflictError, primary_code
from vitaalthuis.storage.sessions import BUSY_TIMEOUT_MS


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

    def save_draft(self, week: IsoWeek, answers: dict[str, Any], page: int = 0, *,
                   wait_ms: int | None = None) -> bool:
        """Keep the answers so far as the week's draft. ``wait_ms``: how long to wait when another process
        holds the write lock (None: the storage's usual patience of seconds; the window passes a few
        milliseconds, so that it never freezes). False when the lock stayed taken: nothing was written, try
        again later."""
        clean = {k: v for k, v in answers.items() if v is not None}
        draft = Draft(week, clean, page)
        if wait_ms is None:
            return _unless_busy(lambda: self.repo.save_draft(draft))
        return self._write_briefly(lambda session: _writes().save_draft(session, draft), wait_ms)

    def discard_draft(self, week: IsoWeek, *, wait_ms: int | None = None) -> bool:
        """Drop the week's draft; ``wait_ms`` and the result as for :meth:`save_draft`."""
        if wait_ms is None:
            return _unless_busy(lambda: self.repo.delete_draft(week))
        return self._write_briefly(lambda session: _writes().delete_draft(session, week), wait_ms)

    def _write_briefly(self, write: Callable[[Any], None], wait_ms: int) -> bool:
        """One write transaction on a pooled connection whose busy timeout is ``wait_ms`` for this one
        transaction (the write itself is the repository's, from ``storage.writes``)."""
        sessions = self.repo.sessions
        maker = sessions.load()
        with sessions.engine.connect() as connection:
            driver = connection.connection.driver_connection
            assert driver is not None  # a checked-out connection is open
            driver.execute(f"PRAGMA busy_timeout = {max(int(wait_ms), 0)}")
            try:
                with maker(bind=connection) as session, session.begin():
                    write(session)
            except Exception as exc:
                if _busy(exc):
                    return False
                raise
            finally:
                driver.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return True

    def problems(self, answers: dict[str, Any]) -> list[Problem]:
        return check_answers(finished(answers), final=True)

    def finish(self, week: IsoWeek, answers: dict[str, Any], *, replacing: CheckIn | None = None,
               replace: bool = False) -> CheckIn:
        """Validate and store the week's check-in and drop its draft.

        ``replacing``: the finished check-in the user opened to correct (``OpenedWeek.existing``); it is
        replaced only while it is still the stored one. A check-in of that week that another process stored
        meanwhile (an import from the command line) raises WeekConflictError, the draft stays, and nothing
        is overwritten unless the user then asks for it (``replace=True``)."""
        checkin = self._valid(week, answers)
        self.repo.save(checkin, replacing=replacing, replace=replace)
        return checkin

    def finish_briefly(self, week: IsoWeek, answers: dict[str, Any], *, replacing: CheckIn | None = None,
                       replace: bool = False, wait_ms: int) -> CheckIn | None:
        """:meth:`finish`, waiting at most ``wait_ms`` for another process's write lock (the window, so that
        it never freezes); None when the lock stayed taken: nothing was written, try again shortly."""
        checkin = self._valid(week, answers)
        allowed: bool | dict[str, dt.datetime | None] = replace or (
            {str(week): replacing.updated_at} if replacing is not None else False)
        batch = {str(week): checkin}
        try:
            done = self._write_briefly(lambda session: _writes().save_checkins(
                session, batch, replace=allowed, drop_drafts=True, meta={}), wait_ms)
        except WeekConflictError as exc:
            raise WeekConflictError(self.repo.sessions.path, exc.weeks) from None
        return checkin if done else None

    def _valid(self, week: IsoWeek, answers: dict[str, Any]) -> CheckIn:
        self._check_week(week)
        clean = finished(answers)
        problems = check_answers(clean, final=True)
        if problems:
            raise InvalidCheckInError(problems)
        return CheckIn(week, clean, SCORING_VERSION)

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


def _writes() -> Any:
    from vitaalthuis.storage import writes  # with SQLAlchemy: imported at the first write

    return writes


def _busy(exc: BaseException) -> bool:
    """Whether a write failed only because another process held the write lock (SQLITE_BUSY)."""
    return primary_code(getattr(exc, "orig", None) or exc) == SQLITE_BUSY


def _unless_busy(write: Callable[[], None]) -> bool:
    try:
        write()
    except Exception as exc:
        if _busy(exc):
            return False
        raise
    return True


__all__ = ["CheckinService", "InvalidCheckInError", "OpenedWeek", "WeekConflictError", "WeekError",
           "WeekState"]
