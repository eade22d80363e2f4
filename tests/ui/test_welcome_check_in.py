"""From the reminder to the check-in: ``vitaalthuis --check-in`` (what a click on the background helper's
notification starts) opens this week's check-in, in a new window or in the one that runs; and the window
starts or stops the helper when start at login is switched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from vitaalthuis import app
from vitaalthuis.config.settings import Settings
from vitaalthuis.ui.helper import control

pytestmark = pytest.mark.qt_log_ignore("does not support raise")  # bringing to the front, offscreen


def test_check_in_opens_this_week_and_keeps_one_in_progress(make_window, service) -> None:
    window = make_window()
    app._open_check_in(window)
    assert window.in_checkin() and window.checkin.week == service.current_week()
    window.checkin.show_page(1)
    app._open_check_in(window)  # asked again: the check-in being filled in stays where it is
    assert window.in_checkin() and window.checkin.current_index() == 1


def test_on_the_welcome_page_it_only_comes_to_the_front(make_window) -> None:
    window = make_window(Settings(), lang="nl")
    app._open_check_in(window)
    assert window.stack.currentWidget() is window.welcome  # the choices there are the user's to make


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes and signals of the test set-up")
def test_a_second_start_hands_the_check_in_to_the_running_window(qtbot, make_window, services,
                                                                 tmp_path: Path) -> None:
    from vitaalthuis.ui.startup import SingleInstance

    folder = services.data_dir
    window = make_window()
    instance = SingleInstance(folder)  # this process plays the running window, wired as run_gui wires it
    assert instance.acquire()
    request = folder / app.CHECK_IN_REQUEST
    instance.raise_requested.connect(
        lambda: app._open_check_in(window) if app._take_request(request) else None)
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "second")}
        command = [sys.executable, "-m", "vitaalthuis", "--data-dir", str(folder), "--check-in"]
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        qtbot.waitUntil(window.in_checkin, timeout=10_000)
        assert not request.exists()
    finally:
        instance.release()


def test_the_window_starts_and_stops_the_helper_with_start_at_login(monkeypatch, tmp_path: Path) -> None:
    asked: list[str] = []
    monkeypatch.setattr(control, "start_helper", lambda folder: asked.append(f"start {folder.name}") or True)
    monkeypatch.setattr(control, "request_stop", lambda folder: asked.append(f"stop {folder.name}") or True)
    helper = control.HelperControl(tmp_path / "data", start_at_login=False)
    helper.follow(Settings(start_at_login=False, theme="dark"))  # another setting changed: nothing
    helper.follow(Settings(start_at_login=True))
    helper.follow(Settings(start_at_login=True, reminder_day=2))
    helper.follow(Settings(start_at_login=False))
    assert asked == ["start data", "stop data"]
