"""The helper's checks in this process, with an injected clock and a fake notifier: what it shows, what it
records in the state the window shares, what a click starts, and how it ends."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QObject, QSettings, QTimer, Signal

from tests.helpers import answers
from vitaalthuis.background import launcher, lock
from vitaalthuis.config.policy import Policy
from vitaalthuis.domain import reminders
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.ui.helper.control import WINDOW_LOCK, window_running
from vitaalthuis.ui.helper.process import CHECK_INTERVAL_MS, BackgroundHelper, load_state

MONDAY_9 = {"reminder_day": 1, "reminder_time": "09:00"}
NOW = dt.datetime(2026, 11, 25, 10, 0)  # Wednesday of 2026-W48, past Monday 09:00
W = IsoWeek.of(NOW.date())


class FakeNotifier(QObject):
    clicked = Signal()

    def __init__(self, works: bool = True) -> None:
        super().__init__()
        self.works = works
        self.shown: list[tuple[str, str, str]] = []
        self.withdrawn = 0

    @property
    def showing(self) -> bool:
        return bool(self.shown) and not self.withdrawn

    def show(self, title: str, body: str, action: str) -> bool:
        if self.works:
            self.shown.append((title, body, action))
        return self.works

    def withdraw(self) -> None:
        self.withdrawn += 1


@pytest.fixture
def settings_file() -> Path:
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "VitaalThuis" / "settings.json"  # a tmp dir (conftest)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(MONDAY_9), encoding="utf-8")
    return path


@pytest.fixture
def folder(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    return data_dir


@pytest.fixture
def make_helper(qt_settings, settings_file, folder: Path) -> Iterator[object]:
    made: list[BackgroundHelper] = []

    def make(notifier: FakeNotifier | None = None, now: dt.datetime = NOW, **kw: object) -> BackgroundHelper:
        launched: list[list[str]] = []
        kw.setdefault("window_running", lambda _folder: False)
        kw.setdefault("tray_available", lambda: False)
        kw.setdefault("icon", None)
        helper = BackgroundHelper(folder, lock.HelperLock(folder), Policy(), [notifier or FakeNotifier()],
                                  lang="nl", now=lambda: now,
                                  launch=lambda command: launched.append(list(command)) or True, **kw)
        helper.launched = launched  # type: ignore[attr-defined]
        made.append(helper)
        return helper

    yield make
    for helper in made:
        helper.timer.stop()
        helper.lock.release()


def test_a_due_reminder_is_shown_once_and_shared_with_the_window(make_helper) -> None:
    notifier = FakeNotifier()
    helper = make_helper(notifier)
    decision = helper.check()
    assert decision is not None and decision.action == "notify"
    body = "Tijd voor je wekelijkse check-in. Klik hier om hem in te vullen."
    assert notifier.shown == [("VitaalThuis", body, "Nu invullen")]
    state = reminders.state_from_text(QSettings().value(reminders.STATE_KEY, ""))
    assert state.shown_week == W and state.shown_at == NOW  # what the window reads at its start
    assert load_state() == state
    helper.check()
    assert len(notifier.shown) == 1


def test_a_reminder_shown_by_the_window_is_not_repeated(make_helper) -> None:
    shown = reminders.mark_shown(reminders.ReminderState(), dt.datetime(2026, 11, 23, 9, 0))
    QSettings().setValue(reminders.STATE_KEY, reminders.state_to_text(shown))
    notifier = FakeNotifier()
    make_helper(notifier).check()
    assert notifier.shown == []


def test_while_the_window_runs_the_helper_is_quiet(make_helper, folder: Path) -> None:
    window_lock = QLockFile(str(folder / WINDOW_LOCK))  # as SingleInstance takes it
    window_lock.setStaleLockTime(0)
    assert window_lock.tryLock(0)
    try:
        assert window_running(folder)
        notifier = FakeNotifier()
        decision = make_helper(notifier, window_running=window_running).check()
        assert decision is not None and decision.reason == "window" and notifier.shown == []
    finally:
        window_lock.unlock()
    assert not window_running(folder) and not (folder / WINDOW_LOCK).exists()


def test_a_stale_window_lock_does_not_count(qapp, folder: Path) -> None:
    from PySide6.QtCore import QSysInfo

    # a window of this machine that crashed: its process is gone
    (folder / WINDOW_LOCK).write_text(f"999999\nvitaalthuis\n{QSysInfo.machineHostName()}\n")
    assert not window_running(folder)


def test_a_done_week_is_not_reminded_and_a_shown_reminder_is_withdrawn(make_helper, repo) -> None:
    notifier = FakeNotifier()
    helper = make_helper(notifier)
    assert helper.check().action == "notify"
    repo.save(CheckIn(W, answers()))
    decision = helper.check()
    assert (decision.action, decision.reason, notifier.withdrawn) == ("withdraw", "done", 1)


def test_a_click_opens_the_window_on_this_weeks_check_in(make_helper, folder: Path) -> None:
    notifier = FakeNotifier()
    helper = make_helper(notifier)
    helper.check()
    notifier.clicked.emit()
    assert helper.launched == [launcher.window_command(folder, check_in=True)]
    assert helper.launched[0][-1] == "--check-in"
    helper.open_window()
    assert "--check-in" not in helper.launched[1]


def test_with_no_way_to_notify_it_stays_silent_and_says_so_once(make_helper, caplog) -> None:
    notifier = FakeNotifier(works=False)
    helper = make_helper(notifier)
    with caplog.at_level(logging.INFO, logger="vitaalthuis.background"):
        helper.check()
        helper.check()
    assert [r.msg for r in caplog.records].count("background.silent") == 1
    assert load_state() == reminders.ReminderState()  # not shown, so not recorded: the window may still


def test_a_stop_request_ends_it_and_frees_the_lock(make_helper, folder: Path, qtbot) -> None:
    helper = make_helper()
    helper.start()
    assert helper.timer.isActive() and lock.helper_running(folder)
    assert lock.request_stop(folder)
    with qtbot.waitSignal(helper.stopped, timeout=1000):
        assert helper.check() is None
    assert not helper.timer.isActive() and not lock.helper_running(folder)
    assert not (folder / lock.HELPER_LOCK).exists()


def test_the_folder_deleted_and_back(make_helper, folder: Path) -> None:
    notifier = FakeNotifier()
    helper = make_helper(notifier)
    assert helper.check() is not None and helper.lock.held
    shutil.rmtree(folder)
    assert helper.check() is None  # waits: nothing decided, nothing created
    assert not folder.exists()
    folder.mkdir()
    assert helper.check() is not None and helper.lock.held
    assert sorted(p.name for p in folder.iterdir()) == [lock.HELPER_LOCK]  # no database made


def test_only_one_timer_and_it_wakes_once_a_minute(make_helper) -> None:
    helper = make_helper()
    helper.start()
    timers = helper.findChildren(QTimer)
    assert timers == [helper.timer]
    assert helper.timer.interval() == CHECK_INTERVAL_MS >= 60_000


@pytest.mark.qt_log_ignore("systemTrayWindowChanged")  # the offscreen platform has no tray to tell about
def test_the_tray_menu_where_there_is_a_tray(make_helper, folder: Path, qtbot) -> None:
    from PySide6.QtGui import QIcon

    from vitaalthuis.resources import resource

    helper = make_helper(icon=QIcon(str(resource("icons", "nl.vitaalthuis.VitaalThuis.svg"))),
                         tray_available=lambda: True)
    helper.check()
    assert helper.tray is not None
    assert len(helper.notifiers) == 2  # D-Bus (here: the fake) first, then the tray's messages
    assert [a.text() for a in helper.tray.menu.actions()] == ["Nu invullen", "Openen", "Stoppen"]
    assert helper.tray.icon.toolTip() == "VitaalThuis: de herinnering aan je wekelijkse check-in"
    helper.tray.actions["fill_in_now"].trigger()
    helper.tray.actions["open"].trigger()
    assert [c[-1] for c in helper.launched] == ["--check-in", str(folder)]
    with qtbot.waitSignal(helper.stopped, timeout=1000):
        helper.tray.actions["stop"].trigger()
    assert not lock.helper_running(folder)
