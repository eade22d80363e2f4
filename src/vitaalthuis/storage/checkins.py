"""Check-in repository: stores raw answers, returns domain values (never ORM rows) to its callers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from vitaalthuis.domain.checkin import CheckIn, Draft
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage.orm import AnswerRow, CheckinRow, DraftRow, MetaRow, utcnow


def _to_domain(row: CheckinRow) -> CheckIn:
    answers = {a.item: _load(a.value) for a in row.answers}
    return CheckIn(IsoWeek.parse(row.week, allow_future=True), answers, row.scoring_version, row.updated_at)


def _stored_week(text: str) -> IsoWeek:
    """A week read back from the database (checked when it was saved; the CHECK constraint keeps its form)."""
    return IsoWeek(int(text[:4]), int(text[6:8]))


def batch_of(checkins: Iterable[CheckIn]) -> list[CheckIn]:
    batch = list(checkins)
    if len({c.week for c in batch}) != len(batch):
        raise ValueError("the same week twice in one save")
    return batch


def _load(value: str) -> Any:
    """JSON-decode a stored answer; most are small integer codes, which skip the JSON parser."""
    return int(value) if value.isdigit() and len(value) < 4 else json.loads(value)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class CheckinRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    @property
    def sessions(self) -> sessionmaker[Session]:
        return self._sessions

    # -- finished check-ins -------------------------------------------------------------------------------
    def all(self) -> list[CheckIn]:
        """Every check-in, oldest week first (two plain queries: the history of ten years loads quickly)."""
        with self._sessions() as s:
            rows = s.execute(select(CheckinRow.id, CheckinRow.week, CheckinRow.scoring_version,
                                    CheckinRow.updated_at).order_by(CheckinRow.week)).all()
            answers: dict[int, dict[str, Any]] = {row.id: {} for row in rows}
            # ~10,000 rows for ten years: read them with the driver directly, past the ORM's row machinery
            for checkin_id, item, value in s.connection().exec_driver_sql(
                    "SELECT checkin_id, item, value FROM answer"):
                answers[checkin_id][item] = _load(value)
        return [CheckIn(_stored_week(row.week), answers[row.id], row.scoring_version, row.updated_at)
                for row in rows]

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

    def save_many(self, checkins: Iterable[CheckIn], *, drop_drafts: bool = True,
                  meta: dict[str, str] | None = None) -> None:
        """All or nothing: one transaction for the lot (and for ``meta`` facts saved with it).

        Written with bulk Core statements: an import or demo fill of 520 weeks is one quick transaction."""
        batch = {str(c.week): c for c in batch_of(checkins)}
        now = utcnow()
        with self._sessions.begin() as s:
            ids = dict(s.execute(select(CheckinRow.week, CheckinRow.id).where(CheckinRow.week.in_(batch))).all())
            if ids:
                s.execute(delete(AnswerRow).where(AnswerRow.checkin_id.in_(ids.values())))
                s.execute(update(CheckinRow), [
                    {"id": ids[w], "scoring_version": batch[w].scoring_version, "updated_at": now} for w in ids])
            new = [{"week": w, "scoring_version": c.scoring_version, "created_at": now, "updated_at": now}
                   for w, c in batch.items() if w not in ids]
            if new:
                ids.update(s.execute(insert(CheckinRow).returning(CheckinRow.week, CheckinRow.id), new).all())
            rows = [{"checkin_id": ids[w], "item": k, "value": _dump(v)}
                    for w, c in batch.items() for k, v in c.answers.items()]
            if rows:
                s.execute(insert(AnswerRow), rows)
            if drop_drafts and batch:
                s.execute(delete(DraftRow).where(DraftRow.week.in_(batch)))
            for key, value in (meta or {}).items():
                s.merge(MetaRow(key=key, value=value))

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
