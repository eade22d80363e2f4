"""The helper's parts without Qt: the read-only week check, the settings it reads, its lock, its commands,
its texts, and the boundaries that keep it light."""

from __future__ import annotations

import ast
import json
import os
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.helpers import answers
from vitaalthuis.background import launcher, lock, schedule, texts, week_state
from vitaalthuis.config.policy import Policy
from vitaalthuis.domain.checkin import CheckIn, Draft
from vitaalthuis.domain.weeks import IsoWeek

SRC = Path(__file__).resolve().parents[2] / "src" / "vitaalthuis"
TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "vitaalthuis_nl.ts"
W = IsoWeek(2026, 48)


def files_of(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


# -- whether this week is done ----------------------------------------------------------------------------
def test_week_done_reads_what_the_window_stored(repo, data_dir: Path) -> None:
    assert week_state.week_done(data_dir, W) is False
    repo.save(CheckIn(W, answers()))
    assert week_state.week_done(data_dir, W) is True
    repo.save_draft(Draft(W, answers(), 0))  # a correction being filled in: not done, as in the window
    assert week_state.week_done(data_dir, W) is False
    assert week_state.week_done(data_dir, W.shifted(-1)) is False


def test_week_done_never_creates_a_database(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    assert week_state.week_done(folder, W) is False
    assert week_state.week_done(tmp_path / "missing", W) is False
    assert files_of(folder) == set() and not (tmp_path / "missing").exists()


def test_a_foreign_or_damaged_file_is_unreadable_not_done(tmp_path: Path) -> None:
    foreign = sqlite3.connect(tmp_path / week_state.DB_FILE)
    foreign.execute("PRAGMA application_id = 1234")
    foreign.execute("CREATE TABLE checkin (week TEXT)")
    foreign.commit()
    foreign.close()
    assert week_state.week_done(tmp_path, W) is None
    (tmp_path / week_state.DB_FILE).write_bytes(b"not a database at all" * 100)
    assert week_state.week_done(tmp_path, W) is None


def test_week_done_leaves_a_crash_wal_for_the_window(repo, data_dir: Path, db) -> None:
    """Read-only: a -wal is read but never checkpointed into the database nor removed."""
    repo.save(CheckIn(W, answers()))
    wal = data_dir / (week_state.DB_FILE + "-wal")
    db_bytes = (data_dir / week_state.DB_FILE).read_bytes()
    wal_size = wal.stat().st_size if wal.exists() else 0
    assert week_state.week_done(data_dir, W) is True
    assert (data_dir / week_state.DB_FILE).read_bytes() == db_bytes
    assert (wal.stat().st_size if wal.exists() else 0) == wal_size


def test_the_copied_constants_match_their_sources() -> None:
    from vitaalthuis.storage.db import DB_FILE
    from vitaalthuis.storage.identity import APPLICATION_ID
    from vitaalthuis.ui.helper.control import WINDOW_LOCK
    from vitaalthuis.ui.startup import LOCK_FILE

    copied = (week_state.DB_FILE, week_state.APPLICATION_ID, WINDOW_LOCK)
    assert copied == (DB_FILE, APPLICATION_ID, LOCK_FILE)
    assert lock.HELPER_LOCK != LOCK_FILE  # its own lock: window and helper run side by side


# -- settings -------------------------------------------------------------------------------------------
def test_settings_are_read_with_the_policy_and_without_side_effects(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    policy = Policy(defaults={"reminder_day": 2, "reminder_time": "10:30"},
                    locked=frozenset({"reminder_day"}))
    assert schedule.read_settings(policy, path).reminder_day == 2  # no file: defaults and policy
    path.write_text(json.dumps({"version": 1, "reminder_day": 6, "reminder_time": "08:15"}))
    settings = schedule.read_settings(policy, path)
    assert (settings.reminder_day, settings.reminder_time) == (2, "08:15")  # the locked day stays
    sched = schedule.schedule_of(settings)
    assert (sched.weekday, sched.time.strftime("%H:%M"), sched.enabled) == (2, "08:15", True)
    path.write_text("{ damaged")
    assert schedule.read_settings(Policy(), path).reminder_day == 5
    assert path.read_text() == "{ damaged" and files_of(tmp_path) == {"settings.json"}  # left for the window


# -- the lock -------------------------------------------------------------------------------------------
def test_one_lock_per_folder_and_a_missing_folder_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "gone"
    assert lock.HelperLock(missing).acquire() is lock.Taken.NO_FOLDER
    assert not missing.exists() and not lock.helper_running(missing)
    folder = tmp_path / "data"
    folder.mkdir()
    first, second = lock.HelperLock(folder), lock.HelperLock(folder)
    assert first.acquire() is lock.Taken.OURS and first.held
    assert lock.helper_running(folder)
    assert second.acquire() is lock.Taken.ELSEWHERE and not second.held
    first.release()
    assert not (folder / lock.HELPER_LOCK).exists() and not lock.helper_running(folder)
    assert second.acquire() is lock.Taken.OURS
    second.release()


def test_a_lock_whose_folder_was_deleted_is_taken_again(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "data"
    folder.mkdir()
    helper = lock.HelperLock(folder)
    assert helper.acquire() is lock.Taken.OURS
    shutil.rmtree(folder)
    assert not helper.held
    assert helper.acquire() is lock.Taken.NO_FOLDER and not folder.exists()
    folder.mkdir()
    other = lock.HelperLock(folder)
    assert other.acquire() is lock.Taken.OURS  # another helper was quicker once the folder came back
    assert helper.acquire() is lock.Taken.ELSEWHERE
    helper.release()  # never removes the file of the helper that holds the lock now
    assert other.held
    other.release()


def test_the_lock_ends_with_the_process(tmp_path: Path) -> None:
    code = ("import sys, time; from pathlib import Path; from vitaalthuis.background.lock import HelperLock;"
            "l = HelperLock(Path(sys.argv[1])); print(l.acquire().value, flush=True); time.sleep(30)")
    child = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ours"
        assert lock.helper_running(tmp_path)
    finally:
        child.kill()
        child.wait()
    assert (tmp_path / lock.HELPER_LOCK).exists()  # killed: the file stays, the lock does not
    assert not lock.helper_running(tmp_path)
    assert lock.HelperLock(tmp_path).acquire() is lock.Taken.OURS


def test_stop_requests(tmp_path: Path) -> None:
    assert not lock.request_stop(tmp_path)  # no helper: nothing to ask
    held = lock.HelperLock(tmp_path)
    held.acquire()
    assert lock.request_stop(tmp_path)
    lock.cancel_stop(tmp_path)
    assert not lock.take_stop_request(tmp_path)
    assert lock.request_stop(tmp_path)
    assert lock.take_stop_request(tmp_path) and not lock.take_stop_request(tmp_path)
    held.release()


# -- commands -------------------------------------------------------------------------------------------
def test_the_window_command(tmp_path: Path) -> None:
    from vitaalthuis.config import autostart

    plain = launcher.window_command(tmp_path, check_in=False, env={})
    assert plain == [*autostart.launch_command(), "--data-dir", str(tmp_path)]
    assert launcher.window_command(autostart.default_data_dir(), check_in=True, env={}) == [
        *autostart.launch_command(), "--check-in"]
    env = {launcher.LAUNCH_ENV: json.dumps(["/bin/echo", "hi"])}
    assert launcher.window_command(tmp_path, check_in=True, env=env) == [
        "/bin/echo", "hi", "--data-dir", str(tmp_path), "--check-in"]
    for bad in ("not json", "[]", "[1]", '"text"'):
        assert launcher.window_command(tmp_path, check_in=False, env={launcher.LAUNCH_ENV: bad}) == plain


def test_start_at_login_runs_the_helper(tmp_path: Path) -> None:
    from vitaalthuis.config import autostart

    frozen = autostart.background_command(tmp_path, frozen=True, executable="/opt/vitaalthuis/vitaalthuis",
                                          platform="linux")
    assert frozen[1:] == ["--background", "--data-dir", str(tmp_path)]
    assert Path(frozen[0]).name in ("vitaalthuis-gui", "vitaalthuis")  # beside it when that exists
    source = autostart.background_command(None, frozen=False, executable="/usr/bin/python3", platform="linux")
    assert source == ["/usr/bin/python3", "-m", "vitaalthuis", "--background"]
    assert launcher.helper_command(tmp_path)[-3:] == ["--background", "--data-dir", str(tmp_path)]


# -- texts ----------------------------------------------------------------------------------------------
def test_texts_are_complete_and_say_what_the_window_says() -> None:
    assert all(set(entry) == {"nl", "en"} and all(entry.values()) for entry in texts.TEXTS.values())
    assert texts.text("stop", "nl") == "Stoppen" and texts.text("stop", "fr") == "Stoppen"
    window: dict[str, set[str]] = {}
    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if source and translation:
            window.setdefault(source.replace("&", ""), set()).add(translation.replace("&", ""))
    drift = [(e["en"], e["nl"], window[e["en"]]) for e in texts.TEXTS.values()
             if e["en"] in window and e["nl"] not in window[e["en"]]]
    assert drift == []


# -- boundaries -----------------------------------------------------------------------------------------
def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", sorted((SRC / "background").glob("*.py")), ids=lambda p: p.stem)
def test_the_plain_modules_have_no_qt(path: Path) -> None:
    assert not any(m.startswith(("PySide6", "shiboken6")) for m in _imports(path))


@pytest.mark.parametrize("path", sorted((SRC / "ui" / "helper").glob("*.py")), ids=lambda p: p.stem)
def test_the_qt_side_loads_nothing_heavy_and_no_other_window_module(path: Path) -> None:
    imported = _imports(path)
    assert not any(m.startswith(("sqlalchemy", "matplotlib", "alembic")) for m in imported)
    assert all(m.startswith("vitaalthuis.ui.helper") for m in imported if m.startswith("vitaalthuis.ui"))


@pytest.mark.parametrize("layer", ["domain", "storage", "services", "charts", "config"])
def test_the_lower_layers_never_import_the_helper(layer: str) -> None:
    users = [p.name for p in (SRC / layer).rglob("*.py")
             if any(m.startswith("vitaalthuis.background") for m in _imports(p))]
    assert users == []


def test_importing_the_helper_loads_no_heavy_module() -> None:
    heavy = ("sqlalchemy", "matplotlib", "alembic", "vitaalthuis.storage", "vitaalthuis.services",
             "vitaalthuis.charts")
    code = ("import sys, vitaalthuis.ui.helper.process, vitaalthuis.ui.helper.control;"
            f"print(','.join(m for m in sys.modules if m.startswith({heavy!r})"
            " or m.startswith('vitaalthuis.ui.') and not m.startswith('vitaalthuis.ui.helper')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == ""
