"""Finishing while another process holds SQLite's write lock (a second window, the command line, a sqlite3
shell): the window says so and stays usable, finishes the moment the lock is free, and after its patience
keeps the answers as a draft and says they could not be saved yet. Real processes hold the lock."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.helpers import answers
from tests.ui.test_checkin_flow import THIS_WEEK
from vitaalthuis.ui.checkin import page as checkin_page

WAITING = "Een ander programma gebruikt je gegevens op dit moment."


@contextmanager
def lock_held(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process in BEGIN IMMEDIATE until its standard input closes."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys\n"
         "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "con.execute('BEGIN IMMEDIATE')\nprint('locked', flush=True)\n"
         "sys.stdin.read()\ncon.execute('COMMIT')\ncon.close()\n",
         str(data_dir / "vitaalthuis.sqlite3")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        holder.kill()
        holder.wait(timeout=10)
        for stream in (holder.stdin, holder.stdout):
            if stream is not None and not stream.closed:
                stream.close()


def release(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    holder.stdin.close()
    holder.wait(timeout=10)


def ready_to_finish(make_window, repo):
    window = make_window()
    window.open_week(THIS_WEEK)
    for page in window.checkin.pages:
        page.set_answers(answers())
    window.checkin.save_draft()  # SQLAlchemy loaded, as after the first answer
    return window


def test_finishing_waits_for_the_lock_without_freezing_and_then_saves(qtbot, make_window, repo,
                                                                      data_dir: Path) -> None:
    window = ready_to_finish(make_window, repo)
    checkin = window.checkin
    with lock_held(data_dir) as holder:
        checkin.finish()  # returns at once: the save is tried again shortly
        assert checkin.finishing and repo.get(THIS_WEEK) is None
        assert checkin.message.isVisible() and checkin.message.text().startswith(WAITING)
        qtbot.wait(3 * checkin_page.FINISH_RETRY_MS)  # tries again meanwhile, still waiting
        assert checkin.finishing and repo.get(THIS_WEEK) is None
        release(holder)
        qtbot.waitUntil(lambda: repo.get(THIS_WEEK) is not None, timeout=5000)
    assert repo.get(THIS_WEEK).answers == answers()
    assert repo.get_draft(THIS_WEEK) is None  # finishing dropped the draft in the same transaction
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.home, timeout=3000)
    assert not checkin.finishing


def test_after_its_patience_it_keeps_a_draft_and_says_so(qtbot, make_window, repo, data_dir: Path,
                                                         monkeypatch) -> None:
    monkeypatch.setattr(checkin_page, "FINISH_PATIENCE_S", 0.5)
    window = ready_to_finish(make_window, repo)
    checkin = window.checkin
    with lock_held(data_dir) as holder:
        checkin.finish()
        qtbot.waitUntil(lambda: not checkin.finishing, timeout=5000)
        assert checkin.message.text().startswith("Je antwoorden konden nu niet worden opgeslagen")
        assert window.stack.currentWidget() is checkin  # the answers stay on screen
        release(holder)
    qtbot.waitUntil(lambda: not checkin.pending_draft(), timeout=3000)
    assert repo.get(THIS_WEEK) is None  # not finished behind the user's back
    assert repo.get_draft(THIS_WEEK).answers == answers()

