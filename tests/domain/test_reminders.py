"""Weekly reminder rules with an injected clock: no sleeps, no Qt."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vitaalthuis.domain.reminders import (
    DEFAULT_SCHEDULE,
    ReminderSchedule,
    ReminderState,
    catch_up_on_start,
    dismiss,
    due_moment,
    filled_in_last_weeks,
    mark_shown,
    next_reminder,
    should_remind,
    snooze,
    snooze_until,
)
from vitaalthuis.domain.weeks import IsoWeek

W18 = IsoWeek(2026, 18)  # Monday 27 April … Sunday 3 May 2026; Friday = 1 May
W19 = IsoWeek(2026, 19)
W53 = IsoWeek(2026, 53)  # Monday 28 December 2026 … Sunday 3 January 2027
TUE_0900 = ReminderSchedule(2, dt.time(9, 0))
OFF = ReminderSchedule(5, dt.time(15, 0), enabled=False)
NONE = ReminderState()


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def shown(text: str) -> ReminderState:
    return mark_shown(NONE, at(text))


def test_default_schedule_is_friday_1500() -> None:
    assert (DEFAULT_SCHEDULE.weekday, DEFAULT_SCHEDULE.time) == (5, dt.time(15, 0))
    assert DEFAULT_SCHEDULE.enabled
    assert ReminderSchedule() == DEFAULT_SCHEDULE


@pytest.mark.parametrize(
    ("schedule", "week", "expected"),
    [
        (DEFAULT_SCHEDULE, W18, "2026-05-01T15:00"),
        (TUE_0900, W18, "2026-04-28T09:00"),
        (ReminderSchedule(7, dt.time(23, 30)), W18, "2026-05-03T23:30"),
        (ReminderSchedule(1, dt.time(8, 0)), IsoWeek(2026, 1), "2025-12-29T08:00"),  # W01 starts in 2025
        (DEFAULT_SCHEDULE, W53, "2027-01-01T15:00"),  # Friday of 2026-W53 is in 2027
        (DEFAULT_SCHEDULE, IsoWeek(2027, 1), "2027-01-08T15:00"),
        (OFF, W18, "2026-05-01T15:00"),
    ],
)
def test_due_moment(schedule: ReminderSchedule, week: IsoWeek, expected: str) -> None:
    assert due_moment(schedule, week) == at(expected)


@pytest.mark.parametrize(
    ("schedule", "state", "now", "done", "expected"),
    [
        (DEFAULT_SCHEDULE, NONE, "2026-05-01T14:59", False, False),  # before the moment
        (DEFAULT_SCHEDULE, NONE, "2026-05-01T15:00", False, True),  # at the moment
        (DEFAULT_SCHEDULE, NONE, "2026-05-02T10:00", False, True),  # Saturday, not shown yet
        (DEFAULT_SCHEDULE, NONE, "2026-05-03T23:59", False, True),  # Sunday night
        (DEFAULT_SCHEDULE, NONE, "2026-05-04T00:00", False, False),  # Monday: a new week, due on Friday
        (DEFAULT_SCHEDULE, NONE, "2026-05-01T16:00", True, False),  # done
        (DEFAULT_SCHEDULE, shown("2026-05-01T15:00"), "2026-05-01T18:00", False, False),  # fires once
        (DEFAULT_SCHEDULE, shown("2026-04-24T15:00"), "2026-05-01T15:00", False, True),  # last week's
        (DEFAULT_SCHEDULE, shown("2026-04-29T12:00"), "2026-05-01T15:00", False, True),  # shown before due
        (DEFAULT_SCHEDULE, dismiss(NONE, W18), "2026-05-01T15:00", False, False),
        (DEFAULT_SCHEDULE, dismiss(NONE, IsoWeek(2026, 17)), "2026-05-01T15:00", False, True),
        (TUE_0900, NONE, "2026-04-28T08:59", False, False),
        (TUE_0900, NONE, "2026-04-28T09:00", False, True),
        (TUE_0900, NONE, "2026-05-01T15:00", False, True),
        (OFF, NONE, "2026-05-02T10:00", False, False),
    ],
)
def test_should_remind(
    schedule: ReminderSchedule, state: ReminderState, now: str, done: bool, expected: bool
) -> None:
    assert should_remind(schedule, state, at(now), done) is expected


@pytest.mark.parametrize(
    ("schedule", "state", "now", "done", "expected"),
    [
        (DEFAULT_SCHEDULE, NONE, "2026-04-29T10:00", False, "2026-05-01T15:00"),
        (DEFAULT_SCHEDULE, NONE, "2026-05-02T10:00", False, "2026-05-01T15:00"),  # overdue: fire now
        (DEFAULT_SCHEDULE, NONE, "2026-04-29T10:00", True, "2026-05-08T15:00"),  # done: next week
        (DEFAULT_SCHEDULE, shown("2026-05-01T15:00"), "2026-05-01T15:01", False, "2026-05-08T15:00"),
        (DEFAULT_SCHEDULE, dismiss(NONE, W18), "2026-04-29T10:00", False, "2026-05-08T15:00"),
        (TUE_0900, NONE, "2026-04-27T10:00", False, "2026-04-28T09:00"),
        (DEFAULT_SCHEDULE, NONE, "2026-12-31T10:00", False, "2027-01-01T15:00"),  # 2026-W53
        (DEFAULT_SCHEDULE, NONE, "2027-01-02T10:00", True, "2027-01-08T15:00"),  # W53 → 2027-W01
    ],
)
def test_next_reminder(
    schedule: ReminderSchedule, state: ReminderState, now: str, done: bool, expected: str
) -> None:
    assert next_reminder(schedule, state, at(now), done) == at(expected)


def test_disabled_schedule_never_reminds() -> None:
    now = at("2026-05-02T10:00")
    assert next_reminder(OFF, NONE, now, False) is None
    assert not should_remind(OFF, NONE, now, False)
    assert not catch_up_on_start(OFF, NONE, now, False)


@pytest.mark.parametrize("done_weeks", [set(), {W19}])
def test_a_running_app_reminds_once_per_week(done_weeks: set[IsoWeek]) -> None:
    """Step a fake clock through three weeks in 10-minute steps, like a timer polling should_remind."""
    state, fired, now = NONE, [], at("2026-04-27T00:00")
    while now < at("2026-05-18T00:00"):
        week = IsoWeek.of(now.date())
        if should_remind(DEFAULT_SCHEDULE, state, now, week in done_weeks):
            fired.append(now)
            state = mark_shown(state, now, week)
        now += dt.timedelta(minutes=10)
    expected = ["2026-05-01T15:00", "2026-05-08T15:00", "2026-05-15T15:00"]
    assert fired == [at(t) for t in expected if IsoWeek.of(at(t).date()) not in done_weeks]


@pytest.mark.parametrize(
    ("now", "option", "schedule", "expected"),
    [
        ("2026-05-01T15:00", "later_today", DEFAULT_SCHEDULE, "2026-05-01T18:00"),
        ("2026-05-01T18:00", "later_today", DEFAULT_SCHEDULE, "2026-05-01T21:00"),  # exactly 21:00 is allowed
        ("2026-05-01T18:01", "later_today", DEFAULT_SCHEDULE, "2026-05-02T09:00"),  # past 21:00
        ("2026-05-01T22:30", "later_today", DEFAULT_SCHEDULE, "2026-05-02T09:00"),  # crosses midnight
        ("2026-05-01T00:30", "later_today", DEFAULT_SCHEDULE, "2026-05-01T09:00"),  # not in the night
        ("2026-05-01T06:30", "later_today", DEFAULT_SCHEDULE, "2026-05-01T09:30"),
        ("2026-05-01T15:00", "tomorrow", DEFAULT_SCHEDULE, "2026-05-02T15:00"),
        ("2026-05-01T23:59", "tomorrow", DEFAULT_SCHEDULE, "2026-05-02T15:00"),
        ("2026-04-28T09:05", "tomorrow", TUE_0900, "2026-04-29T09:00"),
        ("2026-05-03T19:00", "later_today", DEFAULT_SCHEDULE, "2026-05-04T09:00"),  # Sunday → Monday
        ("2026-05-03T16:00", "tomorrow", DEFAULT_SCHEDULE, "2026-05-04T15:00"),  # Sunday → Monday
        ("2026-12-31T23:00", "tomorrow", DEFAULT_SCHEDULE, "2027-01-01T15:00"),  # year change, same week
    ],
)
def test_snooze_until(now: str, option: str, schedule: ReminderSchedule, expected: str) -> None:
    assert snooze_until(at(now), option, schedule) == at(expected)


def test_unknown_snooze_option() -> None:
    with pytest.raises(ValueError, match="snooze option"):
        snooze(NONE, at("2026-05-01T15:00"), "next_week", DEFAULT_SCHEDULE)


def test_snooze_later_today_fires_again_once_when_it_ends() -> None:
    state = mark_shown(NONE, at("2026-05-01T15:00"))
    state = snooze(state, at("2026-05-01T15:05"), "later_today", DEFAULT_SCHEDULE)
    assert next_reminder(DEFAULT_SCHEDULE, state, at("2026-05-01T15:06"), False) == at("2026-05-01T18:05")
    assert not should_remind(DEFAULT_SCHEDULE, state, at("2026-05-01T18:04"), False)
    assert should_remind(DEFAULT_SCHEDULE, state, at("2026-05-01T18:05"), False)
    assert not should_remind(DEFAULT_SCHEDULE, state, at("2026-05-01T18:05"), True)  # done meanwhile
    state = mark_shown(state, at("2026-05-01T18:05"))
    assert state.snoozed_until is None
    assert not should_remind(DEFAULT_SCHEDULE, state, at("2026-05-02T12:00"), False)


def test_snooze_tomorrow_fires_next_day_at_schedule_time() -> None:
    state = snooze(mark_shown(NONE, at("2026-05-01T15:00")), at("2026-05-01T15:01"), "tomorrow", TUE_0900)
    assert state.snoozed_until == at("2026-05-02T09:00")
    assert not should_remind(TUE_0900, state, at("2026-05-02T08:59"), False)
    assert should_remind(TUE_0900, state, at("2026-05-02T09:00"), False)


def test_snooze_before_the_moment_wins_and_the_weekly_moment_still_follows() -> None:
    early = snooze(NONE, at("2026-04-29T10:00"), "later_today", DEFAULT_SCHEDULE)  # Wednesday, from the menu
    assert should_remind(DEFAULT_SCHEDULE, early, at("2026-04-29T13:00"), False)
    state = mark_shown(early, at("2026-04-29T13:00"))
    assert not should_remind(DEFAULT_SCHEDULE, state, at("2026-05-01T14:59"), False)
    assert should_remind(DEFAULT_SCHEDULE, state, at("2026-05-01T15:00"), False)  # Friday still fires
    spanning = snooze(NONE, at("2026-05-01T14:00"), "later_today", DEFAULT_SCHEDULE)  # until 17:00
    assert not should_remind(DEFAULT_SCHEDULE, spanning, at("2026-05-01T15:00"), False)
    assert should_remind(DEFAULT_SCHEDULE, spanning, at("2026-05-01T17:00"), False)


@pytest.mark.parametrize("option", ["later_today", "tomorrow"])
def test_snooze_from_sunday_into_monday_lapses_in_the_new_week(option: str) -> None:
    state = snooze(mark_shown(NONE, at("2026-05-03T19:00")), at("2026-05-03T19:01"), option, DEFAULT_SCHEDULE)
    assert IsoWeek.of(state.snoozed_until.date()) == W19
    assert not should_remind(DEFAULT_SCHEDULE, state, at("2026-05-03T23:59"), False)
    assert next_reminder(DEFAULT_SCHEDULE, state, at("2026-05-03T19:02"), False) == at("2026-05-08T15:00")
    for monday in ("2026-05-04T09:00", "2026-05-04T15:00", "2026-05-07T12:00"):
        assert not should_remind(DEFAULT_SCHEDULE, state, at(monday), False)
    assert should_remind(DEFAULT_SCHEDULE, state, at("2026-05-08T15:00"), False)


def test_snooze_without_a_shown_reminder_on_sunday_does_not_fire_at_once() -> None:
    state = snooze(NONE, at("2026-05-03T20:00"), "later_today", DEFAULT_SCHEDULE)  # due Friday, never shown
    assert not should_remind(DEFAULT_SCHEDULE, state, at("2026-05-03T20:01"), False)


def test_dismiss_ends_the_snooze_for_the_week() -> None:
    state = dismiss(snooze(NONE, at("2026-05-01T15:05"), "later_today", DEFAULT_SCHEDULE), W18)
    assert state.snoozed_until is None
    assert not should_remind(DEFAULT_SCHEDULE, state, at("2026-05-01T19:00"), False)
    assert should_remind(DEFAULT_SCHEDULE, state, at("2026-05-08T15:00"), False)


@pytest.mark.parametrize(
    ("schedule", "state", "now", "done", "expected"),
    [
        (DEFAULT_SCHEDULE, NONE, "2026-05-02T09:00", False, True),  # moment passed while not running
        (DEFAULT_SCHEDULE, NONE, "2026-05-03T23:00", False, True),
        (DEFAULT_SCHEDULE, NONE, "2026-05-01T14:00", False, False),  # before the moment
        (DEFAULT_SCHEDULE, NONE, "2026-05-02T09:00", True, False),  # done
        (DEFAULT_SCHEDULE, shown("2026-05-01T15:00"), "2026-05-02T09:00", False, False),  # was running
        (DEFAULT_SCHEDULE, shown("2026-04-24T15:00"), "2026-05-02T09:00", False, True),
        (DEFAULT_SCHEDULE, dismiss(NONE, W18), "2026-05-02T09:00", False, False),
        (DEFAULT_SCHEDULE, NONE, "2026-05-04T09:00", False, False),  # Monday of the next week
        # a snooze from the menu on Wednesday ended while not running: a normal reminder, not a catch-up
        (DEFAULT_SCHEDULE, snooze(NONE, at("2026-04-29T10:00"), "later_today", DEFAULT_SCHEDULE),
         "2026-04-29T14:00", False, False),
        (TUE_0900, NONE, "2026-04-28T10:00", False, True),
        (OFF, NONE, "2026-05-02T09:00", False, False),
    ],
)
def test_catch_up_on_start(
    schedule: ReminderSchedule, state: ReminderState, now: str, done: bool, expected: bool
) -> None:
    assert catch_up_on_start(schedule, state, at(now), done) is expected


def test_snooze_ended_before_the_moment_is_a_normal_reminder_at_start() -> None:
    state = snooze(NONE, at("2026-04-29T10:00"), "later_today", DEFAULT_SCHEDULE)
    assert should_remind(DEFAULT_SCHEDULE, state, at("2026-04-29T14:00"), False)


def test_catch_up_once_per_week() -> None:
    state = mark_shown(NONE, at("2026-05-02T09:00"))  # shown at the first start
    assert not catch_up_on_start(DEFAULT_SCHEDULE, state, at("2026-05-02T20:00"), False)  # second start
    assert not catch_up_on_start(DEFAULT_SCHEDULE, state, at("2026-05-06T09:00"), False)  # next week, early
    assert catch_up_on_start(DEFAULT_SCHEDULE, state, at("2026-05-09T09:00"), False)  # next week, missed


def test_no_catch_up_while_a_snooze_runs() -> None:
    state = snooze(mark_shown(NONE, at("2026-05-01T15:00")), at("2026-05-01T15:01"), "tomorrow",
                   DEFAULT_SCHEDULE)
    assert not catch_up_on_start(DEFAULT_SCHEDULE, state, at("2026-05-02T10:00"), False)
    assert catch_up_on_start(DEFAULT_SCHEDULE, state, at("2026-05-02T16:00"), False)


def test_week_53_to_week_1() -> None:
    friday = at("2027-01-01T15:00")
    assert IsoWeek.of(friday.date()) == W53
    assert should_remind(DEFAULT_SCHEDULE, NONE, friday, False)
    state = mark_shown(NONE, friday)
    assert state.shown_week == W53
    assert not should_remind(DEFAULT_SCHEDULE, state, at("2027-01-03T23:59"), False)
    assert next_reminder(DEFAULT_SCHEDULE, state, at("2027-01-03T23:59"), False) == at("2027-01-08T15:00")
    assert should_remind(DEFAULT_SCHEDULE, state, at("2027-01-08T15:00"), False)
    late = snooze(state, at("2027-01-03T20:00"), "later_today", DEFAULT_SCHEDULE)  # Sunday → 2027-W01
    assert not should_remind(DEFAULT_SCHEDULE, late, at("2027-01-04T09:00"), False)
    assert catch_up_on_start(DEFAULT_SCHEDULE, NONE, at("2027-01-02T10:00"), False)


@pytest.mark.parametrize(
    ("before", "after", "remind_after", "next_after"),
    [
        # shown on Friday W18, asleep 10 days, wakes on Tuesday W20 before the moment: nothing yet
        ("2026-05-01T15:00", "2026-05-12T10:00", False, "2026-05-15T15:00"),
        # shown on Wednesday W17 (a snooze), wakes on Saturday W19 after the moment: one reminder, now
        ("2026-04-22T15:00", "2026-05-09T10:00", True, "2026-05-08T15:00"),
    ],
)
def test_clock_jump_of_ten_days(before: str, after: str, remind_after: bool, next_after: str) -> None:
    state = mark_shown(NONE, at(before))
    assert (at(after) - at(before)).days >= 10
    assert should_remind(DEFAULT_SCHEDULE, state, at(after), False) is remind_after
    assert next_reminder(DEFAULT_SCHEDULE, state, at(after), False) == at(next_after)
    state = mark_shown(state, at(after))
    assert not should_remind(DEFAULT_SCHEDULE, state, at(after) + dt.timedelta(hours=1), False)


def test_a_snooze_from_before_a_clock_jump_lapses() -> None:
    state = snooze(mark_shown(NONE, at("2026-05-01T15:00")), at("2026-05-01T15:01"), "tomorrow",
                   DEFAULT_SCHEDULE)
    assert not should_remind(DEFAULT_SCHEDULE, state, at("2026-05-11T10:00"), False)


def test_aware_now_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        should_remind(DEFAULT_SCHEDULE, NONE, dt.datetime(2026, 5, 1, 15, tzinfo=dt.UTC), False)


@pytest.mark.parametrize(
    "state",
    [
        NONE,
        ReminderState(W18, at("2026-05-01T15:00:07"), at("2026-05-02T15:00"), W18, IsoWeek(2026, 17)),
        snooze(mark_shown(NONE, at("2027-01-01T15:00")), at("2027-01-01T15:01"), "later_today",
               DEFAULT_SCHEDULE),
    ],
)
def test_state_round_trip(state: ReminderState) -> None:
    raw = json.loads(json.dumps(state.to_dict()))
    assert ReminderState.from_dict(raw) == state


def test_state_dict_form() -> None:
    state = snooze(mark_shown(NONE, at("2026-05-01T15:00")), at("2026-05-01T15:05"), "later_today",
                   DEFAULT_SCHEDULE)
    assert state.to_dict() == {"shown_week": "2026-W18", "shown_at": "2026-05-01T15:00:00",
                               "snoozed_until": "2026-05-01T18:05:00", "snoozed_week": "2026-W18",
                               "dismissed_week": None}


@pytest.mark.parametrize(
    "raw",
    [
        None, [], "x", {},
        {"shown_week": "garbage", "shown_at": 5, "snoozed_until": "2026-13-01T00:00",
         "dismissed_week": "2026-W99"},
        {"shown_week": "2026-W18"},  # moment missing: the pair is dropped
        {"snoozed_until": "2026-05-01T18:00:00+02:00", "snoozed_week": "2026-W18"},  # aware: dropped
    ],
)
def test_damaged_state_is_dropped(raw: object) -> None:
    assert ReminderState.from_dict(raw) == NONE


def test_schedule_dict_and_validation() -> None:
    schedule = ReminderSchedule(2, dt.time(9, 30), enabled=False)
    assert ReminderSchedule.from_dict(schedule.to_dict()) == schedule
    assert schedule.to_dict() == {"weekday": 2, "time": "09:30", "enabled": False}
    policy = ReminderSchedule(4, dt.time(11, 0))
    assert ReminderSchedule.from_dict({"weekday": 9, "time": "25:00", "enabled": "yes"}, policy) == policy
    assert ReminderSchedule.from_dict({}) == DEFAULT_SCHEDULE
    for weekday in (0, 8, True, "5"):
        with pytest.raises(ValueError, match="weekday"):
            ReminderSchedule(weekday, dt.time(15))
    with pytest.raises(ValueError, match="naive"):
        ReminderSchedule(5, dt.time(15, tzinfo=dt.UTC))


@pytest.mark.parametrize(
    ("done", "current", "expected"),
    [
        (set(), W18, 0),
        ({W18.shifted(-i) for i in range(8)}, W18, 8),  # current week done: it and the 7 before
        ({W18.shifted(-i) for i in range(1, 9)}, W18, 8),  # current week open: the 8 before it
        ({W18.shifted(-i) for i in range(9)}, W18, 8),  # never more than 8
        ({W18, W18.shifted(-8)}, W18, 1),  # 9 weeks ago is outside when the current week is done
        ({W18.shifted(-8)}, W18, 1),  # ... and inside when it is open
        ({W18.shifted(-9)}, W18, 0),
        ({W18.shifted(1), W18.shifted(-3)}, W18, 1),  # a later week never counts
        ({IsoWeek(2026, 52), IsoWeek(2026, 53), IsoWeek(2027, 1)}, IsoWeek(2027, 2), 3),  # across W53
    ],
)
def test_filled_in_last_weeks(done: set[IsoWeek], current: IsoWeek, expected: int) -> None:
    assert filled_in_last_weeks(done, current) == expected
    assert filled_in_last_weeks(sorted(done), current) == expected  # any iterable


def test_filled_in_last_weeks_other_n() -> None:
    done = {W18.shifted(-i) for i in range(10)}
    assert filled_in_last_weeks(done, W18, n=4) == 4
    with pytest.raises(ValueError):
        filled_in_last_weeks(done, W18, n=0)


# ---- properties over realistic histories (every stored moment lies before now) ---------------------------

_START = dt.datetime(2026, 1, 1)


@st.composite
def histories(draw: st.DrawFn) -> tuple[ReminderSchedule, ReminderState, dt.datetime, bool]:
    time = dt.time(draw(st.integers(0, 23)), draw(st.integers(0, 59)))
    schedule = ReminderSchedule(draw(st.integers(1, 7)), time)
    now = _START + dt.timedelta(minutes=draw(st.integers(0, 60 * 24 * 800)))  # into 2028, through 2026-W53
    state = NONE
    if draw(st.booleans()):
        state = mark_shown(state, now - dt.timedelta(minutes=draw(st.integers(0, 60 * 24 * 20))))
    if draw(st.booleans()):
        moment = now - dt.timedelta(minutes=draw(st.integers(0, 60 * 24 * 20)))
        state = snooze(state, moment, draw(st.sampled_from(["later_today", "tomorrow"])), schedule)
    if draw(st.booleans()):
        state = dismiss(state, IsoWeek.of(now.date()).shifted(-draw(st.integers(0, 2))))
    return schedule, state, now, draw(st.booleans())


@settings(max_examples=300, deadline=None)
@given(histories(), st.integers(0, 2**40))
def test_nothing_fires_before_next_reminder_and_it_fires_then(
    history: tuple[ReminderSchedule, ReminderState, dt.datetime, bool], pick: int
) -> None:
    schedule, state, now, done = history
    moment = next_reminder(schedule, state, now, done)
    assert moment is not None
    this_week = IsoWeek.of(now.date())

    def done_at(t: dt.datetime) -> bool:  # later weeks cannot be done yet
        return done and IsoWeek.of(t.date()) == this_week

    if moment <= now:
        assert should_remind(schedule, state, now, done)
        return
    assert not should_remind(schedule, state, now, done)
    between = now + dt.timedelta(seconds=pick % int((moment - now).total_seconds()))
    assert not should_remind(schedule, state, between, done_at(between))
    assert should_remind(schedule, state, moment, done_at(moment))


@settings(max_examples=300, deadline=None)
@given(histories(), st.integers(0, 60 * 24 * 7))
def test_once_shown_silent_for_the_rest_of_the_week(
    history: tuple[ReminderSchedule, ReminderState, dt.datetime, bool], minutes: int
) -> None:
    schedule, state, now, done = history
    later = now + dt.timedelta(minutes=minutes)
    week = IsoWeek.of(now.date())
    if IsoWeek.of(later.date()) != week or now < due_moment(schedule, week):
        return
    state = mark_shown(state, now)
    assert not should_remind(schedule, state, later, done)
    assert not catch_up_on_start(schedule, state, later, done)
