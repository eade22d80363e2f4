"""Every answer is kept at once, and saving never freezes the window.

- A real process fills in the check-in through its widgets (``tests/draft_worker.py``) and is killed with
  SIGKILL halfway: the draft read back through the service layer holds every answer but at most the last.
- While another process holds SQLite's write lock, answering and changing pages go on without waiting for it
  (the window retries in the background), and the answers are stored once the lock is free.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.draft_worker import STEPS, TODAY
from tests.ui.test_checkin_flow import THIS_WEEK
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.bundle import open_services
from vitaalthuis.storage.db import Database

ROOT = Path(__file__).parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and processes")


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}


@pytest.mark.parametrize("kill_after", [2, 15, 22])
def test_a_kill_halfway_loses_at_most_the_last_answer(tmp_path: Path, kill_after: int) -> None:
    data_dir = tmp_path / "data"
    worker = subprocess.Popen([sys.executable, "-m", "tests.draft_worker", str(data_dir)], cwd=ROOT,
                              env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    answered: list[tuple[str, object]] = []
    try:
        assert worker.stdout is not None
        deadline = time.monotonic() + 60
        while len(answered) < kill_after and time.monotonic() < deadline:
            line = worker.stdout.readline()
            if not line:
                break
            _answer, _number, item, value = line.split(" ", 3)
            answered.append((item, json.loads(value)))
        os.kill(worker.pid, signal.SIGKILL)
    finally:
        worker.kill()
        _out, err = worker.communicate(timeout=30)
    assert len(answered) == kill_after, err[-3000:]
    assert worker.returncode == -signal.SIGKILL

    db = Database.open(data_dir)  # as the next start would: the killed process's -wal is replayed
    try:
        service = open_services(db, today=lambda: TODAY).checkins
        drafts = service.drafts()
        assert [d.week for d in drafts] == [IsoWeek.current(TODAY)]
        kept = drafts[0].answers
    finally:
        db.close()
    lost = [item for item, value in answered if kept.get(item) != value]
    assert lost in ([], [answered[-1][0]]), (lost, kept)  # at most the last answer
    assert set(kept) <= {item for item, _typed, _value in STEPS}


def test_saving_never_waits_for_another_process_holding_the_write_lock(qtbot, make_window, repo,
                                                                        data_dir: Path) -> None:
    window = make_window()
    window.open_week(THIS_WEEK)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_2)  # a first save: SQLAlchemy is loaded
    assert repo.get_draft(THIS_WEEK).answers == {"gh": 2}
    hold_s = 2.5
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time\n"
         "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "con.execute('BEGIN IMMEDIATE')\nprint('locked', flush=True)\n"
         f"time.sleep({hold_s})\ncon.execute('COMMIT')\ncon.close()\n",
         str(data_dir / "vitaalthuis.sqlite3")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        locked_at = time.monotonic()
        for key in (Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_2, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            qtbot.keyClick(window.focusWidget(), key)
        # all of it happened while the lock was held: no key waited out SQLite's busy timeout (seconds)
        assert time.monotonic() - locked_at < hold_s
        assert window.checkin.pending_draft()  # not saved yet: tried again shortly
        assert repo.get_draft(THIS_WEEK).answers == {"gh": 2}
        holder.wait(timeout=10)
        qtbot.waitUntil(lambda: repo.get_draft(THIS_WEEK).answers == {  # tried again, unprompted
            "gh": 2, "mhi5_1": 5, "mhi5_2": 6, "mhi5_3": 2}, timeout=3000)
        assert not window.checkin.pending_draft()
        assert not window.checkin.message.isVisible()
    finally:
        holder.kill()
        holder.communicate()  # waits, and closes the pipe
