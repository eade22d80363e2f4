"""Check-in repository: stores raw answers, returns domain values (never rows) to its callers.

Reads are plain SQL through the driver (:meth:`Sessions.read`), quick enough for ten years of history and
free of SQLAlchemy at start-up; writes are SQLAlchemy statements in one transaction (:mod:`.writes`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from vitaalthuis.domain.checkin import CheckIn, Draft
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage.sessions import Sessions

META_DEMO = "demo_data"  # meta key: "1" when the database holds synthetic demo data (``vitaalthuis demo-data``)


def stored_week(text: str) -> IsoWeek:
    """A week read back from the database (checked when it was saved; the CHECK constraint keeps its form)."""
    return IsoWeek(int(text[:4]), int(text[6:8]))


def stored_time(text: str | None) -> dt.datetime | None:
    """A time stamp as SQLAlchemy stores it on SQLite ("2026-11-28 01:49:34.123456", UTC, naive)."""
    return dt.datetime.fromisoformat(text) if text else None


def batch_of(checkins: Iterable[CheckIn]) -> list[CheckIn]:
    batch = list(checkins)
    if len({c.week for c in batch}) != len(batch):
        raise ValueError("the same week twice in one save")
    return batch


def load_answer(value: str) -> Any:
    """JSON-decode a stored answer; most are small integer codes, which skip the JSON parser."""
    return int(value) if value.isdigit() and len(value) < 4 else json.loads(value)


class CheckinRepository:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    @property
    def sessions(self) -> Sessions:
        return self._sessions

    # -- finished check-ins -------------------------------------------------------------------------------
    def all(self) -> list[CheckIn]:
        """Every check-in, oldest week first (two plain queries: the history of ten years loads quickly)."""
        with self._sessions.read() as con:
            rows = con.execute("SELECT id, week, scoring_version, updated_at FROM checkin ORDER BY week").fetchall()
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

    def count(self) -> int:
        with self._sessions.read() as con:
            return int(con.execute("SELECT count(*) FROM checkin").fetchone()[0])

    def save(self, checkin: CheckIn, *, drop_draft: bool = True) -> None:
        """Insert or replace the week's check-in (and drop its draft) in one transaction."""
        self.save_many([checkin], drop_drafts=drop_draft)

    def save_many(self, checkins: Iterable[CheckIn], *, drop_drafts: bool = True,
                  meta: dict[str, str] | None = None) -> None:
        """All or nothing: one transaction for the lot (and for ``meta`` facts saved with it).

        Written with bulk Core statements: an import or demo fill of 520 weeks is one quick transaction."""
        from vitaalthuis.storage import writes

        batch = {str(c.week): c for c in batch_of(checkins)}
        with self._sessions.begin() as s:
            writes.save_checkins(s, batch, drop_drafts, meta or {})

    def delete(self, week: IsoWeek) -> CheckIn | None:
        """Remove the week's check-in; returns what was removed so the caller can offer undo."""
        from vitaalthuis.storage import writes

        with self._sessions.begin() as s:
            return writes.delete_checkin(s, week)

    # -- drafts -------------------------------------------------------------------------------------------
    def get_draft(self, week: IsoWeek) -> Draft | None:
        with self._sessions.read() as con:
            row = con.execute("SELECT answers, page, updated_at FROM draft WHERE week = ?", (str(week),)).fetchone()
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
