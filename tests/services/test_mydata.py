"""The "Mijn gegevens" API: what is stored where, export, delete everything, permissions."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import answers
from vitaalthuis import logs
from vitaalthuis.domain.checkin import CheckIn, Draft
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.backups import BackupService
from vitaalthuis.services.mydata import MyDataService
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import DB_FILE, Database
from vitaalthuis.storage.errors import DeleteIncompleteError, StorageWriteError
from vitaalthuis.storage.recovery import State, check_at_start

W = IsoWeek(2026, 20)
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "logs"
    logs.setup_logging(folder)
    yield folder
    logs.close_logging()


@pytest.fixture
def full(data_dir: Path, log_dir: Path) -> Iterator[tuple[MyDataService, Database]]:
    """A data dir with all the app can keep: check-ins, a draft, a backup, a moved-aside file, a log."""
    data_dir.mkdir()
    (data_dir / DB_FILE).write_bytes(b"an old damaged file" * 100)
    check_at_start(data_dir)
    db = Database.open(data_dir)
    repo = CheckinRepository(db.sessions)
    repo.save_many([CheckIn(W.shifted(i), answers(note=f"week {i}")) for i in range(3)])
    repo.save_draft(Draft(W.shifted(3), {"gh": 2}))
    BackupService(db.path).daily_backup()
    yield MyDataService(data_dir, db, log_dir), db
    db.close()


def test_summary_says_what_is_stored_where(full: tuple[MyDataService, Database], data_dir: Path,
                                           log_dir: Path) -> None:
    service, _db = full
    mine = service.summary()
    assert (mine.data_dir, mine.database, mine.log_dir) == (data_dir, data_dir / DB_FILE, log_dir)
    assert mine.state is State.OK
    assert (mine.checkins, mine.drafts, mine.first_week, mine.last_week) == (3, 1, "2026-W20", "2026-W22")
    assert not mine.demo
    assert (mine.backups, mine.moved_aside) == (1, 1)
    kinds = {f.kind for f in mine.files}
    assert kinds == {"database", "backup", "moved_aside", "log"}
    assert mine.total_bytes == sum(f.size for f in mine.files) > 0
    assert all(f.path.exists() for f in mine.files)


def test_summary_of_an_empty_and_of_an_unreadable_database(data_dir: Path, tmp_path: Path) -> None:
    mine = MyDataService(data_dir, log_dir=tmp_path / "nolog").summary()
    assert (mine.state, mine.checkins, mine.drafts, mine.files) == (State.NEW, 0, 0, ())
    data_dir.mkdir()
    (data_dir / DB_FILE).write_bytes(b"junk" * 1000)
    mine = MyDataService(data_dir, log_dir=tmp_path / "nolog").summary()
    assert (mine.state, mine.checkins) == (State.DAMAGED, None)


@POSIX
def test_export_everything_to_a_private_file(full: tuple[MyDataService, Database], tmp_path: Path) -> None:
    service, _db = full
    target = service.export_to(tmp_path / "mine.json")
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert [c["week"] for c in doc["checkins"]] == ["2026-W20", "2026-W21", "2026-W22"]
    assert target.stat().st_mode & 0o777 == 0o600
    csv = service.export_to(tmp_path / "mine.csv", "csv")
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    assert not list(tmp_path.glob(".*.part"))


def test_delete_everything(full: tuple[MyDataService, Database], data_dir: Path, log_dir: Path) -> None:
    service, _db = full
    before = service.summary().files
    result = service.delete_everything()
    assert result.safety_copy is None
    assert not any(f.path.exists() for f in before if f.kind != "log")
    assert data_dir / DB_FILE in result.deleted
    assert not any(p.is_file() for p in data_dir.rglob("*"))  # deleting means deleted
    assert _only_the_deletion_event(log_dir)  # the old log went; logging goes on in a new file
    db = Database.open(data_dir)  # the app goes on with an empty database
    assert CheckinRepository(db.sessions).count() == 0
    db.close()


def _only_the_deletion_event(log_dir: Path) -> bool:
    text = (log_dir / logs.LOG_FILE).read_text(encoding="utf-8")
    return "mydata.deleted_everything" in text and "backup.daily" not in text and \
        not (log_dir / f"{logs.LOG_FILE}.1").exists()


@POSIX
def test_delete_everything_keeping_one_safety_copy(full: tuple[MyDataService, Database], data_dir: Path,
                                                   tmp_path: Path) -> None:
    service, _db = full
    chosen = tmp_path / "usb"
    chosen.mkdir()
    service._now = lambda: dt.datetime(2026, 11, 28, 12, 0)
    result = service.delete_everything(keep_copy_to=chosen)
    assert result.safety_copy == chosen / "VitaalThuis-copy-20261128-120000.sqlite3"
    assert result.safety_copy.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(result.safety_copy) as con:
        assert con.execute("SELECT count(*) FROM checkin").fetchone() == (3,)
    assert not any(p.is_file() for p in data_dir.rglob("*"))
    # the copy is a normal backup file: it can be restored into a new data folder later
    assert list(chosen.iterdir()) == [result.safety_copy]


def test_the_safety_copy_may_not_go_inside_the_data_folder(full: tuple[MyDataService, Database],
                                                           data_dir: Path) -> None:
    service, db = full
    with pytest.raises(ValueError, match="outside the data folder"):
        service.delete_everything(keep_copy_to=data_dir / "backups" / "copy.sqlite3")
    assert CheckinRepository(db.sessions).count() == 3


def test_nothing_is_deleted_when_the_safety_copy_fails(full: tuple[MyDataService, Database], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    service, db = full
    before = service.summary().files

    def disk_full(_source: Path, target: Path) -> Path:
        raise StorageWriteError(target, "the disk is full", "disk_full")

    monkeypatch.setattr("vitaalthuis.services.backups.backup_database", disk_full)
    with pytest.raises(StorageWriteError):
        service.delete_everything(keep_copy_to=tmp_path / "copy.sqlite3")
    assert all(f.path.exists() for f in before)
    assert CheckinRepository(db.sessions).count() == 3


def test_a_file_that_cannot_be_deleted_is_reported(full: tuple[MyDataService, Database], data_dir: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    service, _db = full
    stuck = next(data_dir.glob("backups/daily-*"))
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self == stuck:
            raise PermissionError(13, "Permission denied", str(self))
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(DeleteIncompleteError) as info:
        service.delete_everything()
    assert info.value.remaining == [stuck]
    assert not (data_dir / DB_FILE).exists()


@POSIX
def test_permissions_of_everything_the_app_writes(full: tuple[MyDataService, Database], data_dir: Path,
                                                  log_dir: Path) -> None:
    service, _db = full
    assert data_dir.stat().st_mode & 0o777 == 0o700
    for folder in ("backups", "damaged"):
        assert (data_dir / folder).stat().st_mode & 0o777 == 0o700
    for stored in service.summary().files:
        if stored.kind != "log":
            assert stored.path.stat().st_mode & 0o777 == 0o600, stored.path
    logs.log_file()
    assert log_dir.stat().st_mode & 0o777 == 0o700
    assert (log_dir / logs.LOG_FILE).stat().st_mode & 0o777 == 0o600
