"""The helper on a real, private D-Bus session bus with a stand-in notification service
(``fake_notifications.py``): the reminder arrives as a freedesktop notification with the types the
specification asks for, and a click on it starts the window on this week's check-in."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.background.conftest import WAIT_S, marker_calls
from tests.helpers import answers
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek

DBUS_DAEMON = shutil.which("dbus-daemon")
FAKE = Path(__file__).with_name("fake_notifications.py")
pytestmark = [
    pytest.mark.skipif(DBUS_DAEMON is None, reason="dbus-daemon is not installed (Debian: dbus-daemon)"),
    pytest.mark.skipif(sys.platform != "linux", reason="freedesktop notifications: Linux"),
]


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[str]:
    """A private session bus of its own (as ``dbus-run-session`` makes one), ended after the test."""
    assert DBUS_DAEMON is not None
    daemon = subprocess.Popen([DBUS_DAEMON, "--session", "--nofork", "--print-address=1",
                               f"--address=unix:dir={tmp_path}"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    assert address.startswith("unix:"), address
    try:
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


@pytest.fixture
def notifications(session_bus: str, tmp_path: Path, helper_env: dict[str, str]) -> Iterator[Path]:
    """The stand-in service on that bus, clicking every notification it gets; returns its record file."""
    record = tmp_path / "notifications.jsonl"
    env = {**helper_env, "DBUS_SESSION_BUS_ADDRESS": session_bus}
    service = subprocess.Popen([sys.executable, str(FAKE), str(record), "--click"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert service.stdout is not None
    assert service.stdout.readline().strip() == "ready"
    try:
        yield record
    finally:
        service.terminate()
        service.wait(timeout=10)


def calls(record: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in record.read_text().splitlines()] if record.exists() else []


def wait_for(condition: Callable[[], object], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"waited in vain for {what}")


def test_the_reminder_is_a_notification_and_its_click_opens_the_check_in(
        start_helper, helper_env, session_bus: str, notifications: Path, data_dir: Path,
        tmp_path: Path) -> None:
    data_dir.mkdir()
    helper = start_helper(data_dir, env={**helper_env, "DBUS_SESSION_BUS_ADDRESS": session_bus})
    info = helper.wait_check()
    assert (info["action"], info["heavy"]) == ("notify", [])
    wait_for(lambda: calls(notifications), "the Notify call")
    notify = calls(notifications)[0]
    assert notify["call"] == "Notify" and notify["replaces_id"] == 0 and notify["timeout"] == -1
    assert notify["summary"] == "VitaalThuis"
    assert notify["body"] == "Tijd voor je wekelijkse check-in. Klik hier om hem in te vullen."
    assert notify["actions"] == ["default", "Nu invullen"]
    assert notify["hints"] == {"desktop-entry": "nl.vitaalthuis.VitaalThuis"}
    assert str(notify["app_icon"]).endswith("nl.vitaalthuis.VitaalThuis.svg")
    # the service "clicked" it (ActionInvoked with "default"): the window command ran, for this week
    wait_for(lambda: marker_calls(tmp_path), "the window command")
    assert marker_calls(tmp_path) == [["--data-dir", str(data_dir), "--check-in"]]
    log = helper.log()
    assert "background.reminded" in log and "background.window_started check_in=True ok=True" in log
    assert "background.silent" not in log
    assert helper.check_now()["action"] == "wait"  # once: the next check shows nothing again
    assert [c["call"] for c in calls(notifications)] == ["Notify"]
    assert helper.stop() == 0
    assert [c["call"] for c in calls(notifications)] == ["Notify", "CloseNotification"]  # taken back


def test_a_finished_week_is_not_notified(start_helper, helper_env, session_bus: str, notifications: Path,
                                         data_dir: Path, repo) -> None:
    repo.save(CheckIn(IsoWeek.current(), answers()))
    helper = start_helper(data_dir, env={**helper_env, "DBUS_SESSION_BUS_ADDRESS": session_bus})
    info = helper.wait_check()
    assert (info["action"], info["reason"]) == ("wait", "done")
    time.sleep(0.3)
    assert calls(notifications) == []


def test_no_notification_service_on_the_bus_means_silent(start_helper, helper_env, session_bus: str,
                                                         data_dir: Path) -> None:
    data_dir.mkdir()
    helper = start_helper(data_dir, env={**helper_env, "DBUS_SESSION_BUS_ADDRESS": session_bus})
    helper.wait_check()
    log = helper.log()
    assert "dbus=True notifications=False" in log and log.count("background.silent") == 1
    assert os.environ.get("DBUS_SESSION_BUS_ADDRESS") != session_bus  # the tests' own process stays off it
