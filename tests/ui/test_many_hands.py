"""Many hands on one database: the real window saves while other processes use the same data folder.

The window (offscreen, in this process) saves check-ins, drafts, deletes with and without undo, and tip
feedback, refreshes its home page and runs its reminder check, round after round; its clock moves a day per
round so that every round's first save also makes the daily backup (which examines the open database). At the
same time four other processes (``tests.hands_worker``) export, import new weeks, list backups and read with
a plain ``sqlite3`` connection that they open and close now and then. Afterwards: no process reported an
error, every write that was acknowledged is there with its content, and ``integrity_check`` is ok.

This test found why the window used to stop saving after the command line ran beside it: the window process
read the database file's header with an ordinary ``open()`` (to decide whether a crash left work for SQLite)
while its own connections were open. Closing that descriptor dropped every POSIX lock the process held on the
file, so the next process to close its last connection thought it was the only user, checkpointed and
deleted the -wal and -shm files under the window, which then wrote into a deleted WAL (``disk I/O error``,
commits lost).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import answers
from vitaalthuis.config.settings import Settings, SettingsStore
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.bundle import open_services
from vitaalthuis.storage.db import Database

ROUNDS = 30
KINDS = ("export", "import", "backups", "reader")
TODAY = dt.date(2026, 11, 28)
ROOT = Path(__file__).parents[2]
pytestmark = [pytest.mark.gui, pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")]


def _start(kind: str, data_dir: Path, stop: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.hands_worker", kind, str(data_dir), str(stop)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(
                                [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])})


def test_the_window_keeps_saving_while_other_processes_use_the_data(qtbot, tmp_path: Path) -> None:
    from vitaalthuis.ui.main_window import MainWindow

    data_dir, stop = tmp_path / "data", tmp_path / "stop"
    db = Database.open(data_dir)
    day = [0]
    services = open_services(db, today=lambda: TODAY,
                             now=lambda: dt.datetime(2026, 11, 1, 9, 0) + dt.timedelta(days=day[0]))
    services.keep_daily_backup()  # as the app does: the daily backup at the first save of every day
    window = MainWindow(services, SettingsStore(tmp_path / "config"), Settings(language="nl", welcomed=True),
                        "nl", now=lambda: dt.datetime(2026, 11, 25, 10, 0), use_tray=False)
    qtbot.addWidget(window)
    window.show()
    tip_ids = [tip.id for tip in window.tips.library][:3]

    workers = {kind: _start(kind, data_dir, stop) for kind in KINDS}
    expected: dict[str, int] = {}  # week -> the "ls" answer the window acknowledged
    feedback: dict[str, str | None] = {}
    problems: list[str] = []
    started = time.monotonic()
    try:
        for n in range(ROUNDS):
            day[0] += 1  # a new day: this round's first commit also makes the daily backup
            week = IsoWeek(2025, 1).shifted(n)
            window.open_week(week)
            for page in window.checkin.pages:
                page.set_answers(answers(ls=1 + n % 10, note=f"ronde {n}"))
            if not window.checkin.save_draft():
                problems.append(f"round {n}: draft not saved: {window.checkin.message.text()}")
            window.reminder.check()
            qtbot.wait(5)
            window.checkin.finish()
            if window.checkin.week is not None:
                problems.append(f"round {n}: not saved: {window.checkin.message.text()}")
                window.show_home()
            else:
                expected[str(week)] = 1 + n % 10
            if n % 3 == 2:  # delete the previous week; undo every other time
                previous = str(week.shifted(-1))
                window.delete_week(week.shifted(-1))
                if n % 2:
                    window.undo_delete()
                else:
                    expected.pop(previous, None)
            tip = tip_ids[n % len(tip_ids)]
            feedback[tip] = ("helpful", "not_for_me", None)[n % 3]
            window.tips.set_feedback(tip, feedback[tip])
            window.home.refresh()
            qtbot.wait(5)
    finally:
        stop.touch()
        outputs = {kind: proc.communicate(timeout=120) for kind, proc in workers.items()}
    elapsed = time.monotonic() - started

    lines = {kind: out.splitlines() for kind, (out, _err) in outputs.items()}
    for kind, proc in workers.items():
        err = outputs[kind][1]
        assert proc.returncode == 0 and "Traceback" not in err, f"{kind}: {err[-2000:]}"
    errors = [f"{kind}: {line}" for kind, found in lines.items()
              for line in found if line.startswith("error")]
    imported = [line.split()[1] for line in lines["import"] if line.startswith("ack ")]
    calls = {kind: len(found) for kind, found in lines.items()}
    print(f"\nmany hands: {ROUNDS} window rounds in {elapsed:.1f} s beside {len(KINDS)} processes {calls}; "
          f"acknowledged {len(expected)} window check-ins, {len(imported)} imports")
    assert not problems and not errors, problems + errors
    assert all(calls[kind] >= 5 for kind in KINDS), calls  # every hand really worked alongside

    window.close()
    db.close()
    con = sqlite3.connect(data_dir / "vitaalthuis.sqlite3")
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {week: json.loads(value) for week, value in con.execute(
            "SELECT c.week, a.value FROM checkin c JOIN answer a ON a.checkin_id = c.id WHERE a.item = 'ls'")}
        stored_feedback = dict(con.execute("SELECT tip_id, value FROM tip_feedback").fetchall())
    finally:
        con.close()
    lost = {w: ls for w, ls in expected.items() if stored.get(w) != ls}
    assert not lost, f"acknowledged by the window but lost or changed: {lost}"
    assert set(imported) <= set(stored), f"imports acknowledged but lost: {set(imported) - set(stored)}"
    assert stored_feedback == {t: v for t, v in feedback.items() if v is not None}
