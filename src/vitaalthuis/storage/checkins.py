"""Check-in repository: stores raw answers, returns domain values (never rows) to its callers.

Reads are plain SQL through the driver (:meth:`Sessions.read`), quick enough for ten years of history and
free of SQLAlchemy at start-up; writes are SQLAlchemy statements in one transaction (:mod:`.writes`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vitaalthuis.domain.checkin import CheckIn, Draft
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage.sessions import Sessions
from vitaalthuis.storage.values import load_answer

if TYPE_CHECKING:
    from vitaalthuis.storage.writes import Replace

META_DEMO = "demo_data"  # meta key: "1" when the database holds synthetic demo data (``demo-data``)


def stored_week(text: str) -> IsoWeek:
    """A week read back from the database (checked when it was saved; the CHECK constraint keeps its form)."""
    return IsoWeek(int(text[:4]), int(text[6:8]))


def stored_time(text: str | None) -> dt.datetime | None:
    """A time stamp as SQLAlchemy stores it on SQLite ("2026-11-28 01:49:34.123456", UTC, naive)."""
    return dt.datetime.fromisoformat(text) if text else None


@dataclass(frozen=True)
class SaveResult:
    added: list[IsoWeek]
    replaced: list[IsoWeek]


def batch_of(checkins: Iterable[CheckIn]) -> list[CheckIn]:
    batch = list(checkins)
    if len({c.week for c in batch}) != len(batch):
        raise ValueError("the same week twice in one save")
    return batch


class CheckinRepository:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    @property
    def sessions(self) -> Sessions:
        return self._sessions

    # -- finished check-ins -------------------------------------------------------------------------------
    def all(self) -> list[CheckIn]:
        """Every check-in, oldest week first (two plain queries in one read transaction: the history of ten
        years loads quickly, and a concurrent import cannot slip between them)."""
        with self._sessions.read() as con:
            rows = con.execute(
                "SELECT id, week, scoring_version, updated_at FROM checkin ORDER BY week").fetchall()
            answers: dict[int, dict[str, Any]] = {row[0]: {} for row in rows}
            for checkin_id, item, value in con.execute("SELECT checkin_id, item, value FROM answer"):
                answers[checkin_id][item] = load_answer(value)
        return [CheckIn(stored_week(week), answers[cid], version, stored_time(updated))
                for cid, week, version, updated in rows]

    def get(self, week: IsoWeek) -> CheckIn | None:
        with self._sessions.read() as con:
            row = con.execute("SELECT id, scoring_version, updated_at FROM checkin WHERE week = ?",
                              (str(week),)).fetchone()
            if row is None:
                return None
            answers = {item: load_answer(value) for item, value in
                       con.execute("SELECT item, value FROM answer WHERE checkin_id = ?", (row[0],))}
        return CheckIn(week, answers, row[1], stored_time(row[2]))

    def weeks(self) -> set[IsoWeek]:
        with self._sessions.read() as con:
            return {stored_week(w) for (w,) in con.execute("SELECT week FROM checkin")}

    def stamp(self) -> tuple[object, ...]:
        """Changes whenever a check-in or draft is added, changed or removed, by any process (one quick read):
        the window compares it to know when to show what the command line stored meanwhile."""
        with self._sessions.read() as con:
            return (*con.execute("SELECT count(*), max(updated_at), max(id) FROM checkin").fetchone(),
                    *con.execute("SELECT count(*), max(updated_at) FROM draft").fetchone())

    def count(self) -> int:
        with self._sessions.read() as con:
            return int(con.execute("SELECT count(*) FROM checkin").fetchone()[0])

    def save(self, checkin: CheckIn, *, replacing: CheckIn | None = None, replace: bool = False,
             drop_draft: bool = True) -> SaveResult:
        """Store the week's check-in (and drop its draft) in one transaction.

        An existing check-in of that week is replaced only with ``replace`` or when it is still
        ``replacing`` (the version the user opened: same ``updated_at``); else WeekConflictError."""
        allowed: bool | dict[str, dt.datetime | None] = replace or (
            {str(checkin.week): replacing.updated_at} if replacing is not None else False)
        return self.save_many([checkin], replace=allowed, drop_drafts=drop_draft)

    def save_many(self, checkins: Iterable[CheckIn], *, replace: Replace = False,
                  drop_drafts: bool = True, meta: dict[str, str] | None = None,
                  require_empty: bool = False) -> SaveResult:
        """All or nothing: one transaction for the lot (and for ``meta`` facts saved with it), begun under
        the write lock; existing weeks are replaced only when ``replace`` says so (see
        :func:`writes.save_checkins`), else WeekConflictError and nothing is written.

        Written with bulk Core statements: an import or demo fill of 520 weeks is one quick transaction."""
        from vitaalthuis.storage import writes
        from vitaalthuis.storage.errors import NotEmptyError, WeekConflictError

        batch = {str(c.week): c for c in batch_of(checkins)}
        try:
            with self._sessions.begin() as s:
                saved = writes.save_checkins(s, batch, replace=replace, drop_drafts=drop_drafts,
                                             meta=meta or {}, require_empty=require_empty)
        except WeekConflictError as exc:
            raise WeekConflictError(self._sessions.path, exc.weeks) from None
        except NotEmptyError as exc:
            raise NotEmptyError(self._sessions.path, exc.detail) from None
        return SaveResult([stored_week(w) for w in saved.added], [stored_week(w) for w in saved.replaced])

    def delete(self, week: IsoWeek) -> CheckIn | None:
        """Remove the week's check-in; returns what was removed so the caller can offer undo."""
        from vitaalthuis.storage import writes

        with self._sessions.begin() as s:
            return writes.delete_checkin(s, week)

    # -- drafts -------------------------------------------------------------------------------------------
    def get_draft(self, week: IsoWeek) -> Draft | None:
        with self._sessions.read() as con:
            row = con.execute("SELECT answers, page, updated_at FROM draft WHERE week = ?",
                              (str(week),)).fetchone()
        return Draft(week, json.loads(row[0]), row[1], stored_time(row[2])) if row else None

    def drafts(self) -> list[Draft]:
        with self._sessions.read() as con:
            rows = con.execute("SELECT week, answers, page, updated_at FROM draft ORDER BY week").fetchall()
        return [Draft(stored_week(w), json.loads(a), page, stored_time(t)) for w, a, page, t in rows]

    def save_draft(self, draft: Draft) -> None:
        from vitaalthuis.storage import writes

        with self._sessions.begin() as s:
            writes.save_draft(s, draft)

    def delete_draft(self, week: IsoWeek) -> None:
        from vitaalthuis.storage import writes

        with self._sessions.begin() as s:
            writes.delete_draft(s, week)

    # -- meta ---------------------------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        with self._sessions.read() as con:
            row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        from vitaalthuis.storage import writes

        with self._sessions.begin() as s:
            writes.set_meta(s, key, value)
