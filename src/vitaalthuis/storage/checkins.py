"""Check-in repository: stores raw answers, returns domain values (never ORM rows) to its callers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from vitaalthuis.domain.checkin import CheckIn, Draft
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage.orm import AnswerRow, CheckinRow, DraftRow, MetaRow, utcnow


def _to_domain(row: CheckinRow) -> CheckIn:
    answers = {a.item: json.loads(a.value) for a in row.answers}
    return CheckIn(IsoWeek.parse(row.week, allow_future=True), answers, row.scoring_version, row.updated_at)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class CheckinRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # -- finished check-ins -------------------------------------------------------------------------------
    def all(self) -> list[CheckIn]:
        """Every check-in, oldest week first."""
        with self._sessions() as s:
            return [_to_domain(r) for r in s.scalars(select(CheckinRow).order_by(CheckinRow.week))]

    def get(self, week: IsoWeek) -> CheckIn | None:
        with self._sessions() as s:
            row = s.scalar(select(CheckinRow).where(CheckinRow.week == str(week)))
            return _to_domain(row) if row else None

    def weeks(self) -> set[IsoWeek]:
        with self._sessions() as s:
            return {IsoWeek.parse(w, allow_future=True) for w in s.scalars(select(CheckinRow.week))}

    def count(self) -> int:
        with self._sessions() as s:
            return s.scalar(select(func.count()).select_from(CheckinRow)) or 0

    def save(self, checkin: CheckIn, *, drop_draft: bool = True) -> None:
        """Insert or replace the week's check-in (and drop its draft) in one transaction."""
        self.save_many([checkin], drop_drafts=drop_draft)

    def save_many(self, checkins: Iterable[CheckIn], *, drop_drafts: bool = True) -> None:
        """All or nothing: one transaction for the lot."""
        with self._sessions.begin() as s:
            for checkin in checkins:
                self._upsert(s, checkin)
                if drop_drafts:
                    s.execute(delete(DraftRow).where(DraftRow.week == str(checkin.week)))

    @staticmethod
    def _upsert(s: Session, checkin: CheckIn) -> None:
        row = s.scalar(select(CheckinRow).where(CheckinRow.week == str(checkin.week)))
        if row is None:
            row = CheckinRow(week=str(checkin.week))
            s.add(row)
        row.scoring_version = checkin.scoring_version
        row.updated_at = utcnow()
        row.answers = [AnswerRow(item=k, value=_dump(v)) for k, v in checkin.answers.items()]

    def delete(self, week: IsoWeek) -> CheckIn | None:
        """Remove the week's check-in; returns what was removed so the caller can offer undo."""
        with self._sessions.begin() as s:
            row = s.scalar(select(CheckinRow).where(CheckinRow.week == str(week)))
            if row is None:
                return None
            removed = _to_domain(row)
            s.delete(row)
            return removed

    # -- drafts -------------------------------------------------------------------------------------------
    def get_draft(self, week: IsoWeek) -> Draft | None:
        with self._sessions() as s:
            row = s.get(DraftRow, str(week))
            if row is None:
                return None
            return Draft(week, json.loads(row.answers), row.page, row.updated_at)

    def drafts(self) -> list[Draft]:
        with self._sessions() as s:
            rows = s.scalars(select(DraftRow).order_by(DraftRow.week))
            return [Draft(IsoWeek.parse(r.week, allow_future=True), json.loads(r.answers), r.page, r.updated_at) for r in rows]

    def save_draft(self, draft: Draft) -> None:
        with self._sessions.begin() as s:
            row = s.get(DraftRow, str(draft.week)) or DraftRow(week=str(draft.week))
            row.answers = _dump(draft.answers)
            row.page = draft.page
            row.updated_at = utcnow()
            s.add(row)

    def delete_draft(self, week: IsoWeek) -> None:
        with self._sessions.begin() as s:
            s.execute(delete(DraftRow).where(DraftRow.week == str(week)))

    # -- meta ---------------------------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        with self._sessions() as s:
            row = s.get(MetaRow, key)
            return row.value if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._sessions.begin() as s:
            s.merge(MetaRow(key=key, value=value))
