"""The helper's decision at a check, with an injected clock: no Qt, no files, no sleeps."""

from __future__ import annotations

import datetime as dt

import pytest

from vitaalthuis.background.decision import decide
from vitaalthuis.domain import reminders
from vitaalthuis.domain.reminders import ReminderSchedule, ReminderState
from vitaalthuis.domain.weeks import IsoWeek

FRIDAY_15 = ReminderSchedule(5, dt.time(15, 0), True)
WEEK = IsoWeek(2026, 48)  # Monday 23 November … Sunday 29 November 2026


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute)


class Reader:
    """``week_done`` that records how often it was asked."""

    def __init__(self, answer: bool | None) -> None:
        self.answer = answer
        self.calls = 0

    def __call__(self) -> bool | None:
        self.calls += 1
        return self.answer


def test_before_the_moment_it_waits_without_reading_the_database() -> None:
    read = Reader(False)
    decision = decide(FRIDAY_15, ReminderState(), at(27, 14, 59), window_running=False, showing=False,
                      week_done=read)
    assert (decision.action, decision.reason, read.calls) == ("wait", "not_due", 0)


def test_at_the_moment_it_reminds_once_and_records_it() -> None:
    read = Reader(False)
    now = at(27, 15, 0)
    decision = decide(FRIDAY_15, ReminderState(), now, window_running=False, showing=False, week_done=read)
    assert (decision.action, decision.reason, read.calls) == ("notify", "due", 1)
    assert decision.state == reminders.mark_shown(ReminderState(), now)
    later = decide(FRIDAY_15, decision.state, at(27, 16, 0), window_running=False, showing=False,
                   week_done=Reader(False))
    assert later.action == "wait"  # once a week, also across processes: the state says it was shown


def test_a_week_already_done_is_not_reminded() -> None:
    decision = decide(FRIDAY_15, ReminderState(), at(27, 15, 1), window_running=False, showing=False,
                      week_done=Reader(True))
    assert (decision.action, decision.reason) == ("wait", "done")
    assert decision.state == ReminderState()


def test_while_the_window_runs_the_window_reminds() -> None:
    read = Reader(False)
    decision = decide(FRIDAY_15, ReminderState(), at(27, 15, 1), window_running=True, showing=True,
                      week_done=read)
    assert (decision.action, decision.reason, read.calls) == ("wait", "window", 0)


def test_an_unreadable_database_means_ask_again_later() -> None:
    decision = decide(FRIDAY_15, ReminderState(), at(27, 15, 1), window_running=False, showing=False,
                      week_done=Reader(None))
    assert (decision.action, decision.reason) == ("wait", "unreadable")
    assert decision.state == ReminderState()  # nothing recorded: the next minute tries again


def test_a_reminder_on_screen_is_withdrawn_once_the_week_is_done() -> None:
    shown = reminders.mark_shown(ReminderState(), at(27, 15, 0))
    done = decide(FRIDAY_15, shown, at(27, 15, 30), window_running=False, showing=True,
                  week_done=Reader(True))
    assert (done.action, done.reason) == ("withdraw", "done")
    still_open = decide(FRIDAY_15, shown, at(27, 15, 31), window_running=False, showing=True,
                        week_done=Reader(False))
    assert still_open.action == "wait"


def test_a_snooze_set_in_the_window_is_kept() -> None:
    snoozed = reminders.snooze(ReminderState(), at(27, 15, 5), "later_today", FRIDAY_15)  # until 18:05
    assert decide(FRIDAY_15, snoozed, at(27, 18, 0), window_running=False, showing=False,
                  week_done=Reader(False)).action == "wait"
    assert decide(FRIDAY_15, snoozed, at(27, 18, 5), window_running=False, showing=False,
                  week_done=Reader(False)).action == "notify"


def test_switched_off_means_no_reminder() -> None:
    off = ReminderSchedule(5, dt.time(15, 0), False)
    assert decide(off, ReminderState(), at(27, 16), window_running=False, showing=False,
                  week_done=Reader(False)).action == "wait"


@pytest.mark.parametrize("day", range(23, 30))
def test_login_after_the_moment_reminds_the_same_week_only(day: int) -> None:
    """Started at login on any day of the week after Monday 09:00: due only once the week's moment passed."""
    monday_9 = ReminderSchedule(1, dt.time(9, 0), True)
    decision = decide(monday_9, ReminderState(), at(day, 10), window_running=False, showing=False,
                      week_done=Reader(False))
    assert decision.action == "notify"
    assert decision.state.shown_week == WEEK


def test_the_shared_state_as_text() -> None:
    shown = reminders.mark_shown(ReminderState(), at(27, 15, 0))
    assert reminders.state_from_text(reminders.state_to_text(shown)) == shown
    for unreadable in ("", "{not json", b"\xff", 42, None, "[1, 2]"):
        assert reminders.state_from_text(unreadable) == ReminderState()
