"""What the app remembers about tips: which were shown in which week, and the user's feedback."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage.orm import TipFeedbackRow, TipShownRow


class TipStateRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def shown_history(self) -> dict[str, list[IsoWeek]]:
        history: dict[str, list[IsoWeek]] = defaultdict(list)
        with self._sessions() as s:
            for row in s.scalars(select(TipShownRow)):
                history[row.tip_id].append(IsoWeek.parse(row.week, allow_future=True))
        return dict(history)

    def mark_shown(self, week: IsoWeek, tip_ids: Iterable[str]) -> None:
        with self._sessions.begin() as s:
            for tip_id in tip_ids:
                s.merge(TipShownRow(week=str(week), tip_id=tip_id))

    def feedback(self) -> dict[str, str]:
        with self._sessions() as s:
            return {r.tip_id: r.value for r in s.scalars(select(TipFeedbackRow))}

    def set_feedback(self, tip_id: str, value: str | None) -> None:
        """Store "helpful" or "not_for_me"; None removes the feedback (undo)."""
        with self._sessions.begin() as s:
            row = s.get(TipFeedbackRow, tip_id)
            if value is None:
                if row is not None:
                    s.delete(row)
                return
            if row is None:
                s.add(TipFeedbackRow(tip_id=tip_id, value=value))
            else:
                row.value = value
