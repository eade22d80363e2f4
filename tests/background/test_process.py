"""``vitaalthuis --background`` as a real process against a temporary data folder (Qt offscreen, no tray,
no session bus): one per folder, read-only, light, and unbothered by the folder going away."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.background.conftest import Helper
from vitaalthuis.background.lock import HELPER_LOCK, helper_running, request_stop
from vitaalthuis.storage.db import DB_FILE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="signals and flock: POSIX")


def database_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(DB_FILE)) if folder.exists() else []


def test_it_runs_reads_only_and_loads_nothing_heavy(start_helper, data_dir: Path) -> None:
    data_dir.mkdir()
    helper: Helper = start_helper(data_dir)
    info = helper.wait_check()
    assert info["locked"] and info["heavy"] == [] and not info["tray"]
    assert (info["action"], info["reason"]) == ("notify", "due")  # due, and no database: not done
    assert helper_running(data_dir)
    assert database_files(data_dir) == []  # never creates a database
    log = helper.log()
    assert "background.started" in log and "dbus=False" in log
    assert log.count("background.silent") == 1  # neither a tray nor a notification service: said once
    info = helper.check_now()
    assert info["heavy"] == [] and database_files(data_dir) == []
    assert helper.log().count("background.silent") == 1
    assert helper.stop() == 0
    assert not (data_dir / HELPER_LOCK).exists()  # ended cleanly: its lock file is gone


def test_a_second_helper_for_the_same_folder_exits_at_once(start_helper, data_dir: Path, tmp_path: Path,
                                                           helper_env) -> None:
    data_dir.mkdir()
    first = start_helper(data_dir)
    first.wait_check()
    started = time.monotonic()
    command = [sys.executable, "-m", "vitaalthuis", "--data-dir", str(data_dir), "--background"]
    env = {**helper_env, "VITAALTHUIS_BACKGROUND_PROBE": str(tmp_path / "second.json")}
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=30)
    assert second.returncode == 0, second.stderr
    assert time.monotonic() - started < 10
    assert not (tmp_path / "second.json").exists()  # it never checked anything
    assert first.process.poll() is None
    other = tmp_path / "other"
    other.mkdir()
    third = start_helper(other, probe=tmp_path / "third.json")  # another folder has a helper of its own
    assert third.wait_check()["locked"]


def test_it_keeps_running_when_the_folder_is_deleted_and_comes_back(start_helper, data_dir: Path,
                                                                    repo) -> None:
    helper = start_helper(data_dir)  # the fixture ``repo`` made a database there: it is read, not changed
    helper.wait_check()
    shutil.rmtree(data_dir)  # "delete everything", or the user removing the folder
    info = helper.check_now()
    assert helper.process.poll() is None
    assert not info["locked"] and info["action"] is None and not data_dir.exists()  # waits, creates nothing
    data_dir.mkdir()  # the window made it again
    info = helper.check_now()
    assert info["locked"] and (data_dir / HELPER_LOCK).exists()
    assert database_files(data_dir) == []
    assert "background.waiting_for_folder" in helper.log()


def test_the_window_asks_it_to_stop(start_helper, data_dir: Path) -> None:
    data_dir.mkdir()
    helper = start_helper(data_dir)
    helper.wait_check()
    assert request_stop(data_dir)
    helper.process.send_signal(signal.SIGUSR1)  # instead of waiting a minute for the check
    assert helper.process.wait(timeout=30) == 0
    assert not helper_running(data_dir) and "background.stop_requested" in helper.log()


def test_it_starts_without_a_folder_and_creates_none(start_helper, data_dir: Path) -> None:
    helper = start_helper(data_dir)
    info = helper.wait_check()
    assert not info["locked"] and not data_dir.exists()
    data_dir.mkdir()
    assert helper.check_now()["locked"]


def test_the_background_option_is_not_for_commands(capsys) -> None:
    from vitaalthuis import cli

    assert cli.run(["--background", "export"]) == cli.EXIT_USAGE
