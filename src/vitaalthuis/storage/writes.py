"""Every write to the database, as SQLAlchemy statements in one session (the repositories call these).

Imported at the first write (or when the window warms it up after its first paint), never at start-up.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from vitaalthuis.domain.checkin import CheckIn, Draft
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage.orm import (
    AnswerRow,
    CheckinRow,
    DraftRow,
    MetaRow,
    TipFeedbackRow,
    TipShownRow,
    utcnow,
)


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def save_checkins(s: Session, batch: dict[str, CheckIn], drop_drafts: bool, meta: dict[str, str]) -> None:
    """Insert or replace the check-ins of ``batch`` (keyed by week text) with bulk Core statements."""
    now = utcnow()
    ids = dict(s.execute(select(CheckinRow.week, CheckinRow.id).where(CheckinRow.week.in_(batch))).all())
    if ids:
        s.execute(delete(AnswerRow).where(AnswerRow.checkin_id.in_(ids.values())))
        s.execute(update(CheckinRow), [
            {"id": ids[w], "scoring_version": batch[w].scoring_version, "updated_at": now} for w in ids])
    new = [{"week": w, "scoring_version": c.scoring_version, "created_at": now, "updated_at": now}
           for w, c in batch.items() if w not in ids]
    if new:
        ids.update(s.execute(insert(CheckinRow).returning(CheckinRow.week, CheckinRow.id), new).all())
    rows = [{"checkin_id": ids[w], "item": k, "value": dump(v)}
            for w, c in batch.items() for k, v in c.answers.items()]
    if rows:
        s.execute(insert(AnswerRow), rows)
    if drop_drafts and batch:
        s.execute(delete(DraftRow).where(DraftRow.week.in_(batch)))
    for key, value in meta.items():
        s.merge(MetaRow(key=key, value=value))


def delete_checkin(s: Session, week: IsoWeek) -> CheckIn | None:
    """Remove the week's check-in and return what was removed (None when there was none)."""
    from vitaalthuis.storage.checkins import load_answer

    row = s.scalar(select(CheckinRow).where(CheckinRow.week == str(week)))
    if row is None:
        return None
    removed = CheckIn(week, {a.item: load_answer(a.value) for a in row.answers}, row.scoring_version,
                      row.updated_at)
    s.delete(row)
    return removed


def save_draft(s: Session, draft: Draft) -> None:
    row = s.get(DraftRow, str(draft.week)) or DraftRow(week=str(draft.week))
    row.answers = dump(draft.answers)
    row.page = draft.page
    row.updated_at = utcnow()
    s.add(row)


def delete_draft(s: Session, week: IsoWeek) -> None:
    s.execute(delete(DraftRow).where(DraftRow.week == str(week)))


def set_meta(s: Session, key: str, value: str) -> None:
    s.merge(MetaRow(key=key, value=value))


def mark_tips_shown(s: Session, week: IsoWeek, tip_ids: list[str]) -> None:
    for tip_id in tip_ids:
        s.merge(TipShownRow(week=str(week), tip_id=tip_id))


def set_tip_feedback(s: Session, tip_id: str, value: str | None) -> None:
    row = s.get(TipFeedbackRow, tip_id)
    if value is None:
        if row is not None:
            s.delete(row)
    elif row is None:
        s.add(TipFeedbackRow(tip_id=tip_id, value=value))
    else:
        row.value = value
