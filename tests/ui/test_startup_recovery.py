"""Start-up in the window's language: damaged data moved aside with restore offered, a newer version's data
left alone, one instance per data folder, the calm crash dialog."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.helpers import answers
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.backups import BackupService
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import DB_FILE, Database
from vitaalthuis.ui import startup, translations

W = IsoWeek(2026, 40)


@pytest.fixture
def messages(monkeypatch):
    """Record message boxes instead of showing them; ``choice`` picks the button text to click."""
    shown: list[str] = []
    state = {"choice": None}

    def fake_exec(box) -> int:
        shown.append(box.text() + "\n" + box.informativeText())
        for button in box.buttons():
            if state["choice"] and button.text() == state["choice"]:
                box._clicked = button
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: getattr(box, "_clicked", None))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _p, _t, text: shown.append(text)))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: shown.append(text)))
    return shown, state


def saved_with_backup(data_dir: Path) -> None:
    db = Database.open(data_dir)
    CheckinRepository(db.sessions).save(CheckIn(W, answers()))
    BackupService(db.path).daily_backup()
    db.close()


def test_damaged_database_is_moved_aside_and_the_backup_restored(qapp, data_dir, messages) -> None:
    translations.install("nl")
    shown, state = messages
    saved_with_backup(data_dir)
    (data_dir / DB_FILE).write_bytes(b"SQLite format 3\x00" + os.urandom(3000))
    state["choice"] = "Reservekopie terugzetten"
    db = startup.open_data(data_dir)
    assert db is not None
    assert "niet verwijderd" in shown[0] and "damaged" in shown[0]
    assert "met 1 check-in." in shown[0]
    assert CheckinRepository(db.sessions).get(W) is not None  # restored
    assert any((data_dir / "damaged").iterdir())  # the damaged file is kept
    db.close()


def test_damaged_database_without_choice_starts_empty_but_keeps_the_file(qapp, data_dir, messages) -> None:
    translations.install("nl")
    shown, _state = messages
    data_dir.mkdir(parents=True)
    (data_dir / DB_FILE).write_bytes(b"random " * 500)
    db = startup.open_data(data_dir)
    assert db is not None and CheckinRepository(db.sessions).count() == 0
    assert "Er is geen reservekopie" in shown[0]
    assert len(list((data_dir / "damaged").iterdir())) == 1
    db.close()


def test_newer_version_data_is_left_alone(qapp, data_dir, messages) -> None:
    import sqlite3

    translations.install("nl")
    shown, _state = messages
    saved_with_backup(data_dir)
    with sqlite3.connect(data_dir / DB_FILE) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    before = (data_dir / DB_FILE).read_bytes()
    assert startup.open_data(data_dir) is None
    assert "nieuwere versie" in shown[0]
    assert (data_dir / DB_FILE).read_bytes() == before


def test_second_instance_asks_the_first_to_come_forward(qapp, qtbot, tmp_path: Path) -> None:
    first = startup.SingleInstance(tmp_path)
    assert first.acquire()
    raised = []
    first.raise_requested.connect(lambda: raised.append(True))
    second = startup.SingleInstance(tmp_path)
    assert not second.acquire()
    qtbot.waitUntil(lambda: raised == [True], timeout=5000)
    first.release()
    third = startup.SingleInstance(tmp_path)
    assert third.acquire()
    third.release()


def test_stale_lock_after_a_kill_is_taken_over(tmp_path: Path) -> None:
    code = ("import sys, time; from pathlib import Path; from vitaalthuis.ui.startup import SingleInstance;"
            f"s = SingleInstance(Path({str(tmp_path)!r})); print(s.acquire(), flush=True); time.sleep(60)")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "True"
    assert not startup.SingleInstance(tmp_path).acquire()  # held by the other process
    proc.kill()
    proc.wait()
    time.sleep(0.1)
    survivor = startup.SingleInstance(tmp_path)
    assert survivor.acquire()
    survivor.release()


def test_crash_dialog_is_calm_and_names_the_log(qapp, messages) -> None:
    translations.install("nl")
    shown, _state = messages
    startup.crash_dialog(lambda: None)(RuntimeError, RuntimeError("x"), None)
    assert "Alles wat je hebt opgeslagen is bewaard." in shown[0] and "logbestand" in shown[0]
