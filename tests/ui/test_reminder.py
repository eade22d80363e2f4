"""The weekly reminder in the window, with an injected clock (no sleeps); no tray offscreen: the banner."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.helpers import answers
from tests.ui.conftest import TODAY
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek

W = IsoWeek.current(TODAY)


class Clock:
    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


def test_reminder_fires_at_the_due_moment_and_snoozes(qtbot, make_window) -> None:
    clock = Clock(dt.datetime(2026, 11, 27, 14, 59))  # Friday, a minute before the default 15:00
    window = make_window(now=clock)
    assert window.reminder.tray is None  # offscreen: no tray, so the in-app banner
    assert not window.home.reminder_banner.isVisible()
    window.reminder.check()
    assert not window.home.reminder_banner.isVisible()
    clock.moment = dt.datetime(2026, 11, 27, 15, 0)
    window.reminder.check()
    assert window.home.reminder_banner.isVisible()
    assert window.home.reminder_label.text().startswith("Tijd voor je wekelijkse check-in")
    qtbot.mouseClick(window.home.reminder_later, Qt.MouseButton.LeftButton)
    assert not window.home.reminder_banner.isVisible()
    clock.moment = dt.datetime(2026, 11, 27, 17, 59)
    window.reminder.check()
    assert not window.home.reminder_banner.isVisible()
    clock.moment = dt.datetime(2026, 11, 27, 18, 0)  # three hours later
    window.reminder.check()
    assert window.home.reminder_banner.isVisible()


def test_catch_up_at_start_when_the_moment_passed_while_closed(qtbot, make_window) -> None:
    window = make_window(now=Clock(dt.datetime(2026, 11, 28, 9, 0)))  # Saturday: Friday 15:00 has passed
    assert window.home.reminder_banner.isVisible()
    assert window.home.reminder_label.text().startswith("De check-in van deze week staat nog open")
    qtbot.mouseClick(window.home.reminder_now, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.checkin and window.checkin.week == W


def test_no_reminder_when_the_week_is_done(qtbot, make_window, repo) -> None:
    repo.save(CheckIn(W, answers()))
    window = make_window(now=Clock(dt.datetime(2026, 11, 28, 9, 0)))
    assert not window.home.reminder_banner.isVisible()
    window.reminder.check()
    assert not window.home.reminder_banner.isVisible()


def test_no_reminder_when_switched_off(qtbot, make_window) -> None:
    from vitaalthuis.config.settings import Settings

    window = make_window(Settings(language="nl", welcomed=True, reminder_enabled=False),
                         now=Clock(dt.datetime(2026, 11, 28, 9, 0)))
    window.reminder.check()
    assert not window.home.reminder_banner.isVisible()


def test_filled_in_count_does_not_count_the_open_week_against_you(qtbot, make_window, repo) -> None:
    for back in (1, 2, 5):
        repo.save(CheckIn(W.shifted(-back), answers()))
    window = make_window()
    assert window.home.filled_in_label.text() == "Ingevuld in 3 van de laatste 8 weken"
