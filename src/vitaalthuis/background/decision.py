"""What the background helper does at a check, without Qt and without I/O.

The rules are those of :mod:`vitaalthuis.domain.reminders`, on the state the window keeps too, with three
additions of the helper's own:

* While the window runs, the window reminds (its tray or its banner): the helper waits.
* Whether this week is done is read only when it matters: when a reminder is due, or when a reminder of the
  helper is still on screen (it is withdrawn once the check-in is done). A database that cannot be read just
  now means "wait": the next check reads again.
* A reminder is recorded as shown (:func:`~vitaalthuis.domain.reminders.mark_shown`) only once it was
  really shown; the caller saves :attr:`Decision.state` then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from vitaalthuis.domain import reminders
from vitaalthuis.domain.reminders import ReminderSchedule, ReminderState

Action = Literal["wait", "notify", "withdraw"]
Reason = Literal["window", "not_due", "unreadable", "done", "due"]


@dataclass(frozen=True, slots=True)
class Decision:
    action: Action
    state: ReminderState  # the state to save after a reminder was shown; else the state as it was
    reason: Reason


def decide(
    schedule: ReminderSchedule, state: ReminderState, now: dt.datetime, *, window_running: bool,
    showing: bool, week_done: Callable[[], bool | None],
) -> Decision:
    """The decision at ``now``. ``showing``: a reminder of the helper is still on screen. ``week_done``
    reads whether this week's check-in is done (None: it cannot be read just now); called at most once."""
    if window_running:
        return Decision("wait", state, "window")
    due = reminders.should_remind(schedule, state, now, False)
    if not due and not showing:
        return Decision("wait", state, "not_due")
    done = week_done()
    if done is None:
        return Decision("wait", state, "unreadable")
    if done:
        return Decision("withdraw" if showing else "wait", state, "done")
    if due:
        return Decision("notify", reminders.mark_shown(state, now), "due")
    return Decision("wait", state, "not_due")
