"""What the app remembers about tips: which were shown in which week, and the user's feedback."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage.checkins import stored_week
from vitaalthuis.storage.sessions import Sessions


class TipStateRepository:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def shown_history(self) -> dict[str, list[IsoWeek]]:
        history: dict[str, list[IsoWeek]] = defaultdict(list)
        with self._sessions.read() as con:
            for tip_id, week in con.execute("SELECT tip_id, week FROM tip_shown"):
                history[tip_id].append(stored_week(week))
        return dict(history)

    def mark_shown(self, week: IsoWeek, tip_ids: Iterable[str]) -> None:
        from vitaalthuis.storage import writes

        with self._sessions.begin() as s:
            writes.mark_tips_shown(s, week, list(tip_ids))

    def feedback(self) -> dict[str, str]:
        with self._sessions.read() as con:
            return dict(con.execute("SELECT tip_id, value FROM tip_feedback").fetchall())

    def set_feedback(self, tip_id: str, value: str | None) -> None:
        """Store "helpful" or "not_for_me"; None removes the feedback (undo)."""
        from vitaalthuis.storage import writes

        with self._sessions.begin() as s:
            writes.set_tip_feedback(s, tip_id, value)
