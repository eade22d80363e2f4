"""Every write to the database, as SQLAlchemy statements in one session (the repositories call these).

Imported at the first write (or when the window warms it up after its first paint), never at start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from vitaalthuis.domain.checkin import CheckIn, Draft
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage.errors import NotEmptyError, WeekConflictError
from vitaalthuis.storage.orm import (
    AnswerRow,
    CheckinRow,
    DraftRow,
    MetaRow,
    TipFeedbackRow,
    TipShownRow,
    utcnow,
)
from vitaalthuis.storage.values import dump, load_answer


@dataclass(frozen=True)
class Saved:
    """What a save did, decided under the write lock: weeks (as text) added and replaced."""

    added: list[str]
    replaced: list[str]


Replace = bool | AbstractSet[str] | Mapping[str, "dt.datetime | None"]  # see save_checkins


def save_checkins(s: Session, batch: dict[str, CheckIn], *, replace: Replace,
                  drop_drafts: bool, meta: dict[str, str], require_empty: bool = False) -> Saved:
    """Insert the check-ins of ``batch`` (keyed by week text) and replace existing ones only when asked.

    Runs in the caller's transaction, which began with ``BEGIN IMMEDIATE``: what is found here stays true
    until the commit. ``replace``: True replaces any existing week; a set of week texts allows replacing
    those weeks (the ones an import preview showed the user); a mapping allows replacing a week only when
    its stored ``updated_at`` is still the one given (the version the user opened and edited). A check-in
    another process stored meanwhile is never overwritten unasked. Raises WeekConflictError for the
    weeks that exist and may not be replaced, NotEmptyError when ``require_empty`` and anything is stored;
    nothing is written then."""
    if require_empty and (s.scalar(select(func.count()).select_from(CheckinRow))
                          or s.scalar(select(func.count()).select_from(DraftRow))):
        raise NotEmptyError(Path(), "the database holds check-ins or drafts")
    now = utcnow()
    found = {w: (i, t) for w, i, t in s.execute(
        select(CheckinRow.week, CheckinRow.id, CheckinRow.updated_at)
        .where(CheckinRow.week.in_(batch))).all()}
    if isinstance(replace, Mapping):
        refused = sorted(w for w, (_id, stamp) in found.items()
                         if replace.get(w) is None or replace[w] != stamp)
    elif replace is not True:
        refused = sorted(w for w in found if replace is False or w not in replace)
    else:
        refused = []
    if refused:
        raise WeekConflictError(Path(), refused)
    ids = {w: i for w, (i, _t) in found.items()}
    if ids:
        s.execute(delete(AnswerRow).where(AnswerRow.checkin_id.in_(ids.values())))
        s.execute(update(CheckinRow), [
            {"id": ids[w], "scoring_version": batch[w].scoring_version, "updated_at": now} for w in ids])
    new_weeks = [w for w in batch if w not in ids]
    new = [{"week": w, "scoring_version": batch[w].scoring_version, "created_at": now, "updated_at": now}
           for w in new_weeks]
    replaced = sorted(ids)
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
    return Saved(sorted(new_weeks), replaced)


def delete_checkin(s: Session, week: IsoWeek) -> CheckIn | None:
    """Remove the week's check-in and return what was removed (None when there was none)."""
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
