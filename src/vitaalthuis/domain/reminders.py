"""The weekly reminder, without Qt and without I/O.

Every function takes ``now`` (a naive local :class:`datetime.datetime`) and whether this week's check-in is
done, so the rules are tested with an injected clock. "This week" is always the ISO week of ``now``.

Rules
-----
* The reminder moment of a week is the schedule's ISO weekday and time inside that ISO week
  (:func:`due_moment`); for 2026-W53 on a Friday that is 1 January 2027.
* :func:`should_remind` fires once per week: when this week's moment has passed, the check-in is not done,
  the week was not dismissed and no reminder was shown since the moment (:func:`mark_shown` records it).
* A snooze is an explicit request: when it ends, the reminder fires again (even before the week's moment),
  unless the check-in is done or the week dismissed. A snooze belongs to the week in which it was made; when
  it ends in a later week (Sunday evening → Monday) it silences the rest of that week and then lapses: the
  new week's own moment applies (no Monday reminder about last week).
* ``later_today``: now + 3 hours, but not before 09:00; when that is past 21:00 (or tomorrow) it becomes
  tomorrow 09:00. ``tomorrow``: the next day at the schedule's time.
* :func:`catch_up_on_start` (call once at start): a reminder is due and this week's moment has passed, so
  the moment passed while the app was not running; showing it (:func:`mark_shown`) makes it once per week.
* A clock that jumps (laptop asleep for days) gives one reminder for the week of ``now``; missed weeks are
  not reminded one by one. A stored moment in the future (clock set back) counts for its own week only.
* Invariant: ``should_remind(...) == (next_reminder(...) is not None and next_reminder(...) <= now)``.
* One state for every process: the window and the background helper (``vitaalthuis --background``) keep
  :class:`ReminderState` as JSON text (:func:`state_to_text`) under :data:`STATE_KEY` in the app's Qt
  settings, so a reminder shown by one is not shown again by the other.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from vitaalthuis.domain.weeks import IsoWeek

SnoozeOption = Literal["later_today", "tomorrow"]
SNOOZE_OPTIONS: tuple[SnoozeOption, ...] = ("later_today", "tomorrow")
LATER_TODAY = dt.timedelta(hours=3)
LATEST = dt.time(21, 0)  # "later today" never ends after this
MORNING = dt.time(9, 0)  # ... and never before this; past LATEST it becomes tomorrow at MORNING
RECENT_WEEKS = 8
STATE_KEY = "reminder/state"  # the key of the shared ReminderState (JSON text) in the app's Qt settings


@dataclass(frozen=True, slots=True)
class ReminderSchedule:
    weekday: int = 5  # ISO: 1 = Monday … 7 = Sunday
    time: dt.time = dt.time(15, 0)
    enabled: bool = True

    def __post_init__(self) -> None:
        if isinstance(self.weekday, bool) or not isinstance(self.weekday, int) or not 1 <= self.weekday <= 7:
            raise ValueError(f"weekday must be an ISO weekday 1-7, not {self.weekday!r}")
        if not isinstance(self.time, dt.time) or self.time.tzinfo is not None:
            raise ValueError(f"time must be a naive datetime.time, not {self.time!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"weekday": self.weekday, "time": self.time.strftime("%H:%M"), "enabled": self.enabled}

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any], default: ReminderSchedule | None = None) -> ReminderSchedule:
        """Lenient: a missing or invalid field takes the value of ``default`` (the policy's or built-in)."""
        base = default or DEFAULT_SCHEDULE
        weekday = raw.get("weekday")
        if isinstance(weekday, bool) or not isinstance(weekday, int) or not 1 <= weekday <= 7:
            weekday = base.weekday
        time = _parse_time(raw.get("time")) or base.time
        enabled = raw.get("enabled")
        return cls(weekday, time, enabled if isinstance(enabled, bool) else base.enabled)


DEFAULT_SCHEDULE = ReminderSchedule(5, dt.time(15, 0), True)


@dataclass(frozen=True, slots=True)
class ReminderState:
    """What the app remembers between runs (store :meth:`to_dict` in the user's settings)."""

    shown_week: IsoWeek | None = None  # week of the last reminder shown (regular, snoozed or catch-up)
    shown_at: dt.datetime | None = None  # when it was shown
    snoozed_until: dt.datetime | None = None
    snoozed_week: IsoWeek | None = None  # the week whose reminder was snoozed
    dismissed_week: IsoWeek | None = None  # "not this week": no more reminders for that week

    def to_dict(self) -> dict[str, str | None]:
        return {
            "shown_week": _week_text(self.shown_week),
            "shown_at": _moment_text(self.shown_at),
            "snoozed_until": _moment_text(self.snoozed_until),
            "snoozed_week": _week_text(self.snoozed_week),
            "dismissed_week": _week_text(self.dismissed_week),
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any] | None) -> ReminderState:
        """Lenient: anything missing or unreadable is dropped (a damaged file must not stop the app)."""
        if not isinstance(raw, Mapping):
            return cls()
        shown_week, shown_at = _parse_week(raw.get("shown_week")), _parse_moment(raw.get("shown_at"))
        snoozed_week, until = _parse_week(raw.get("snoozed_week")), _parse_moment(raw.get("snoozed_until"))
        if shown_week is None or shown_at is None:
            shown_week = shown_at = None
        if snoozed_week is None or until is None:
            snoozed_week = until = None
        return cls(shown_week, shown_at, until, snoozed_week, _parse_week(raw.get("dismissed_week")))


def state_from_text(raw: object) -> ReminderState:
    """The state stored under :data:`STATE_KEY`; nothing stored, not text or bad JSON give a fresh state."""
    try:
        if isinstance(raw, str | bytes | bytearray) and raw:
            return ReminderState.from_dict(json.loads(raw))
    except (TypeError, ValueError):
        pass
    return ReminderState()


def state_to_text(state: ReminderState) -> str:
    return json.dumps(state.to_dict())


def due_moment(schedule: ReminderSchedule, week: IsoWeek) -> dt.datetime:
    """The reminder moment inside ``week`` (also when the schedule is disabled)."""
    day = dt.date.fromisocalendar(week.year, week.week, schedule.weekday)
    return dt.datetime.combine(day, schedule.time)


def next_reminder(
    schedule: ReminderSchedule, state: ReminderState, now: dt.datetime, week_done: bool
) -> dt.datetime | None:
    """The moment the next reminder fires; a moment ``<= now`` means "now". None when disabled.

    For this week: the end of an active snooze, else this week's moment unless a reminder was already shown
    since it. When this week's check-in is done, dismissed or already reminded: next week's moment."""
    _check_naive(now)
    if not schedule.enabled:
        return None
    week = IsoWeek.of(now.date())
    if not week_done and state.dismissed_week != week:
        if state.snoozed_until is not None and state.snoozed_week == week:
            if IsoWeek.of(state.snoozed_until.date()) <= week:
                return state.snoozed_until
            # the snooze ends in a later week: the rest of this week is snoozed, then it lapses
        elif not _shown_since_due(schedule, state, week):
            return due_moment(schedule, week)
    # Future weeks cannot be done yet; only a clock set back can make them dismissed or shown already.
    for ahead in range(1, 4):
        later = week.shifted(ahead)
        if state.dismissed_week != later and not _shown_since_due(schedule, state, later):
            return due_moment(schedule, later)
    return due_moment(schedule, week.shifted(4))


def should_remind(
    schedule: ReminderSchedule, state: ReminderState, now: dt.datetime, week_done: bool
) -> bool:
    """Whether to show the reminder now (poll it, e.g. every minute and on wake; then :func:`mark_shown`)."""
    moment = next_reminder(schedule, state, now, week_done)
    return moment is not None and moment <= now


def catch_up_on_start(
    schedule: ReminderSchedule, state: ReminderState, now: dt.datetime, week_done: bool
) -> bool:
    """At start: this week's moment passed while the app was not running and the check-in is still open.

    Show "this week's check-in is still open" and call :func:`mark_shown`, which makes it once per week.
    A snooze that has not ended yet wins (no catch-up until it ends)."""
    if not should_remind(schedule, state, now, week_done):
        return False
    return now >= due_moment(schedule, IsoWeek.of(now.date()))


def snooze_until(now: dt.datetime, option: SnoozeOption, schedule: ReminderSchedule) -> dt.datetime:
    """When a snooze chosen at ``now`` ends (module rules); the UI may show it ("tot morgen 15:00")."""
    _check_naive(now)
    tomorrow = now.date() + dt.timedelta(days=1)
    if option == "later_today":
        candidate = now + LATER_TODAY
        if candidate.date() == now.date() and candidate.time() <= LATEST:
            return max(candidate, dt.datetime.combine(now.date(), MORNING))
        return dt.datetime.combine(tomorrow, MORNING)
    if option == "tomorrow":
        return dt.datetime.combine(tomorrow, schedule.time)
    raise ValueError(f"unknown snooze option {option!r}; expected one of {SNOOZE_OPTIONS}")


def snooze(
    state: ReminderState, now: dt.datetime, option: SnoozeOption, schedule: ReminderSchedule
) -> ReminderState:
    """Snooze this week's reminder (``tomorrow`` needs the user's schedule for its time)."""
    until = snooze_until(now, option, schedule)
    return replace(state, snoozed_until=until, snoozed_week=IsoWeek.of(now.date()))


def mark_shown(state: ReminderState, now: dt.datetime, week: IsoWeek | None = None) -> ReminderState:
    """Record that a reminder (regular, snoozed or catch-up) was shown; ends any snooze."""
    _check_naive(now)
    shown = week or IsoWeek.of(now.date())
    return replace(state, shown_week=shown, shown_at=now, snoozed_until=None, snoozed_week=None)


def dismiss(state: ReminderState, week: IsoWeek) -> ReminderState:
    """No more reminders for ``week`` (e.g. "niet deze week"); next week's moment applies as usual.

    Finishing the check-in needs no call: pass ``week_done=True`` (``CheckinService.state(week) is DONE``)."""
    return replace(state, dismissed_week=week, snoozed_until=None, snoozed_week=None)


def filled_in_last_weeks(done_weeks: Iterable[IsoWeek], current_week: IsoWeek, n: int = RECENT_WEEKS) -> int:
    """X in "ingevuld in X van de laatste 8 weken".

    The window is the ``n`` most recent weeks that count: the current week and the ``n - 1`` before it
    when the current week is done; otherwise the ``n`` weeks before it (a week still open never counts
    against you)."""
    if n < 1:
        raise ValueError("n must be at least 1")
    done = set(done_weeks)
    newest = current_week if current_week in done else current_week.shifted(-1)
    return sum(1 for i in range(n) if newest.shifted(-i) in done)


def _shown_since_due(schedule: ReminderSchedule, state: ReminderState, week: IsoWeek) -> bool:
    if state.shown_week != week or state.shown_at is None:
        return False
    return state.shown_at >= due_moment(schedule, week)


def _check_naive(now: dt.datetime) -> None:
    if now.tzinfo is not None:
        raise ValueError("reminder times are naive local times; got an aware datetime")


def _week_text(week: IsoWeek | None) -> str | None:
    return None if week is None else str(week)


def _moment_text(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def _parse_week(value: object) -> IsoWeek | None:
    try:
        return IsoWeek.parse(value, allow_future=True)
    except ValueError:
        return None


def _parse_moment(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is None else None


def _parse_time(value: object) -> dt.time | None:
    if not isinstance(value, str):
        return None
    try:
        time = dt.time.fromisoformat(value)
    except ValueError:
        return None
    return time if time.tzinfo is None else None
