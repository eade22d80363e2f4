"""Recovery at start: quick check, damaged or foreign files moved aside, never deleted."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import answers
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.backups import BackupService
from vitaalthuis.services.demo import fill_demo_data
from vitaalthuis.storage import recovery, sidefiles
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import DB_FILE, Database, quick_check
from vitaalthuis.storage.errors import DatabaseTooNewError, DataDirError, NotVitaalThuisDatabaseError
from vitaalthuis.storage.recovery import State, check_at_start, examine

W = IsoWeek(2026, 30)


def filled(data_dir: Path, weeks: int = 30) -> Path:
    """A data dir with ``weeks`` check-ins, closed (so everything is in the main file)."""
    db = Database.open(data_dir)
    CheckinRepository(db.sessions).save_many([CheckIn(W.shifted(-i), answers()) for i in range(weeks)])
    db.close()
    return data_dir / DB_FILE


def corrupt_a_page(path: Path, page: int) -> None:
    with path.open("r+b") as fh:
        fh.seek(4096 * (page - 1) + 8)  # past the b-tree page header's first bytes: cell pointers, content
        fh.write(bytes(range(256)) * 8)


def test_a_new_and_a_sound_database(data_dir: Path) -> None:
    check = check_at_start(data_dir)
    assert check.state is State.NEW and check.can_open and check.moved_to is None
    db_path = filled(data_dir)
    check = check_at_start(data_dir)
    assert check.state is State.OK and check.can_open
    assert examine(db_path).checkins == 30


def test_a_sound_database_is_found_sound_while_open_with_data_only_in_the_wal(data_dir: Path) -> None:
    db = Database.open(data_dir)
    CheckinRepository(db.sessions).save(CheckIn(W, answers()))
    assert check_at_start(data_dir).state is State.OK
    assert examine(db.path).checkins == 1
    db.close()


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _random_bytes(path: Path) -> None:
    path.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(20_000)))


def _zeroed_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(bytes(data))


def _bad_page(path: Path) -> None:
    corrupt_a_page(path, 4)


@pytest.mark.parametrize("damage", [_truncated, _random_bytes, _zeroed_header, _bad_page])
def test_a_damaged_database_is_moved_aside_never_deleted(data_dir: Path, damage) -> None:
    db_path = filled(data_dir)
    damage(db_path)
    damaged = db_path.read_bytes()
    check = check_at_start(data_dir, now=dt.datetime(2026, 11, 28, 10, 0))
    assert check.state is State.DAMAGED and check.can_open
    assert check.moved_to == data_dir / "damaged" / "vitaalthuis-damaged-20261128-100000-000000.sqlite3"
    assert check.moved_to.read_bytes() == damaged
    assert not db_path.exists()
    assert check.detail  # SQLite's own words, for the log or a details button
    db = Database.open(data_dir, verify=False)  # the user may now start afresh (or restore first)
    assert CheckinRepository(db.sessions).count() == 0
    db.close()
    assert check.moved_to.read_bytes() == damaged


def test_database_open_refuses_a_damaged_page_and_leaves_it(data_dir: Path) -> None:
    db_path = filled(data_dir, 60)
    corrupt_a_page(db_path, 5)
    before = db_path.read_bytes()
    assert quick_check(db_path) is not None
    with pytest.raises(NotVitaalThuisDatabaseError, match="damaged"):
        Database.open(data_dir)
    assert db_path.read_bytes() == before


def test_the_wal_moves_with_the_database(data_dir: Path) -> None:
    db_path = data_dir / DB_FILE
    data_dir.mkdir()
    db_path.write_bytes(b"garbage" * 1000)
    (data_dir / f"{DB_FILE}-wal").write_bytes(b"wal frames")
    check = check_at_start(data_dir)
    assert check.moved_to is not None
    names = {p.name for p in check.moved} - {f"{check.moved_to.name}-shm"}  # SQLite may have made a -shm
    assert names == {check.moved_to.name, f"{check.moved_to.name}-wal"}
    assert Path(f"{check.moved_to}-wal").read_bytes() == b"wal frames"
    assert not list(data_dir.glob(f"{DB_FILE}*"))


def test_another_applications_database_is_moved_aside(data_dir: Path) -> None:
    data_dir.mkdir()
    with sqlite3.connect(data_dir / DB_FILE) as con:
        con.execute("CREATE TABLE songs (title TEXT)")
        con.execute("INSERT INTO songs VALUES ('Dancing Queen')")
    check = check_at_start(data_dir)
    assert check.state is State.FOREIGN and check.moved_to is not None
    assert "foreign" in check.moved_to.name
    with sqlite3.connect(check.moved_to) as con:
        assert con.execute("SELECT title FROM songs").fetchall() == [("Dancing Queen",)]


def test_a_newer_schema_is_left_where_it_is_and_not_opened(data_dir: Path) -> None:
    db_path = filled(data_dir)
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    before = db_path.read_bytes()
    check = check_at_start(data_dir)
    assert check.state is State.TOO_NEW and not check.can_open and check.moved_to is None
    assert "9999" in check.detail
    with pytest.raises(DatabaseTooNewError):
        Database.open(data_dir)
    assert db_path.read_bytes() == before
    assert not (data_dir / "damaged").exists()


def test_a_file_that_cannot_be_read_now_is_not_moved(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = filled(data_dir)

    def locked(*_args: object, **_kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(recovery.sqlite3, "connect", locked)
    check = check_at_start(data_dir)
    assert check.state is State.UNREADABLE and not check.can_open
    assert db_path.exists() and not (data_dir / "damaged").exists()


def test_a_failed_move_leaves_the_file_in_place(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = filled(data_dir)
    _random_bytes(db_path)
    before = db_path.read_bytes()

    def denied(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sidefiles.os, "replace", denied)
    with pytest.raises(DataDirError, match="could not move"):
        check_at_start(data_dir)
    assert db_path.read_bytes() == before


def test_two_moves_in_the_same_instant_keep_both_files(data_dir: Path) -> None:
    now = dt.datetime(2026, 11, 28, 10, 0)
    data_dir.mkdir()
    for content in (b"first" * 500, b"second" * 500):
        (data_dir / DB_FILE).write_bytes(content)
        check_at_start(data_dir, now=now)
    assert sorted(p.read_bytes()[:6] for p in (data_dir / "damaged").iterdir()) == [b"firstf", b"second"]


def test_recovery_then_restore_from_the_newest_good_backup(data_dir: Path) -> None:
    db_path = filled(data_dir, 12)
    backups = BackupService(db_path)
    backups.daily_backup()
    _truncated(db_path)
    check = check_at_start(data_dir)
    assert check.state is State.DAMAGED
    newest = backups.newest_good_backup()
    assert newest is not None and newest.checkins == 12
    result = backups.restore(newest.id)
    assert result.kept_as is None  # the damaged file was already moved aside by the check
    assert check_at_start(data_dir).state is State.OK
    db = Database.open(data_dir)
    assert CheckinRepository(db.sessions).count() == 12
    db.close()


def test_ten_years_of_check_ins_examine_as_sound(data_dir: Path) -> None:
    """(How long the check takes is measured by `make bench`, never asserted here.)"""
    db = Database.open(data_dir)
    fill_demo_data(CheckinRepository(db.sessions), 520)
    db.close()
    report = examine(db.path)
    assert report.state is State.OK


def test_a_new_database_appears_whole_or_not_at_all(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kill or failure during the very first migration must not leave half a schema in place."""
    from vitaalthuis.storage import migrate
    from vitaalthuis.storage.errors import MigrationError

    real_upgrade = migrate._run_alembic

    def half_then_fail(path: Path) -> None:
        with sqlite3.connect(path) as con:
            con.execute("CREATE TABLE checkin (id INTEGER PRIMARY KEY)")  # DDL that pysqlite commits at once
        raise RuntimeError("killed")

    monkeypatch.setattr(migrate, "_run_alembic", half_then_fail)
    with pytest.raises(MigrationError):
        Database.open(data_dir)
    assert sorted(p.name for p in data_dir.iterdir()) == []
    monkeypatch.setattr(migrate, "_run_alembic", real_upgrade)
    db = Database.open(data_dir)
    assert examine(db.path).state is State.OK
    db.close()


def test_leftovers_of_a_killed_first_start_are_cleaned(data_dir: Path) -> None:
    data_dir.mkdir()
    dead = data_dir / f"{DB_FILE}.999999999.new"  # no such process
    dead.write_bytes(b"half a schema")
    Database.open(data_dir).close()
    assert not dead.exists()


def test_after_a_crash_the_start_checks_pass(data_dir: Path) -> None:
    """A writer that dies leaves its -wal and -shm; the read-only checks at start still see a sound file."""
    import subprocess
    import sys

    code = ("import os, sys; from pathlib import Path; from tests.helpers import answers;"
            "from vitaalthuis.domain.checkin import CheckIn; from vitaalthuis.domain.weeks import IsoWeek;"
            "from vitaalthuis.storage.checkins import CheckinRepository;"
            "from vitaalthuis.storage.db import Database;"
            "db = Database.open(Path(sys.argv[1])); repo = CheckinRepository(db.sessions);"
            "[repo.save(CheckIn(IsoWeek(2026, 1).shifted(i), answers())) for i in range(20)]; os._exit(0)")
    subprocess.run([sys.executable, "-c", code, str(data_dir)], check=True, cwd=Path(__file__).parents[2])
    assert (data_dir / f"{DB_FILE}-wal").stat().st_size > 0
    with (data_dir / f"{DB_FILE}-shm").open("r+b") as fh:
        fh.write(bytes(136))  # a wal-index that must be rebuilt
    check = check_at_start(data_dir)
    assert check.state is State.OK
    db = Database.open(data_dir, verify=False)
    assert CheckinRepository(db.sessions).count() == 20
    db.close()
