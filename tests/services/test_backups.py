"""Automatic backups: once a day, rotation, list with counts, restore, command line."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.helpers import answers
from vitaalthuis import cli
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.backups import BackupService
from vitaalthuis.storage import backup as backup_mod
from vitaalthuis.storage import migrate
from vitaalthuis.storage.backup import BackupFile, backup_files, operation_backup, rotation_victims
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import DB_FILE, Database
from vitaalthuis.storage.errors import (
    BackupNotFoundError,
    DatabaseTooNewError,
    NotVitaalThuisDatabaseError,
    StorageWriteError,
)
from vitaalthuis.storage.recovery import State

W = IsoWeek(2026, 40)
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


class Clock:
    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)




def save_weeks(repo: CheckinRepository, n: int, first: IsoWeek = W, **changes: object) -> None:
    repo.save_many([CheckIn(first.shifted(i), answers(**changes)) for i in range(n)])


def weeks_in(path: Path) -> list[str]:
    con = sqlite3.connect(backup_mod.readonly_uri(path, immutable=True), uri=True)
    try:
        return [r[0] for r in con.execute("SELECT week FROM checkin ORDER BY week")]
    finally:
        con.close()


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(["--lang", "en", *argv], out=out, err=err)
    assert status is not None
    return status, out.getvalue(), err.getvalue()


# -- daily backup -------------------------------------------------------------------------------------------
def test_daily_backup_at_most_once_a_day(db: Database, repo: CheckinRepository) -> None:
    clock = Clock(dt.datetime(2026, 11, 2, 9, 0))
    service = BackupService(db.path, now=clock)
    assert service.daily_backup() is None  # an empty database is not worth a backup
    save_weeks(repo, 3)
    first = service.daily_backup()
    assert first is not None and first.name == "daily-20261102-090000.sqlite3"
    assert weeks_in(first) == ["2026-W40", "2026-W41", "2026-W42"]
    clock.advance(hours=14)  # 23:00, same day
    assert service.daily_backup() is None
    assert BackupService(db.path, now=clock).daily_backup() is None  # a restart the same day: still none
    clock.advance(hours=2)
    assert service.daily_backup() is not None
    assert len(backup_files(service.folder)) == 2


def test_first_save_of_a_new_day_makes_the_daily_backup(db: Database, repo: CheckinRepository) -> None:
    clock = Clock(dt.datetime(2026, 11, 2, 23, 59))
    service = BackupService(db.path, now=clock)
    db.on_commit(service.ensure_daily)
    service.ensure_daily()  # at start: nothing to back up yet
    save_weeks(repo, 1)  # the first save makes the day's backup, with that save in it
    assert [weeks_in(b.path) for b in backup_files(service.folder)] == [["2026-W40"]]
    save_weeks(repo, 1, W.shifted(1))
    assert len(backup_files(service.folder)) == 1
    clock.advance(minutes=2)  # the app keeps running past midnight
    save_weeks(repo, 1, W.shifted(2))
    backups = backup_files(service.folder)
    assert [b.created.date() for b in backups] == [dt.date(2026, 11, 3), dt.date(2026, 11, 2)]
    assert weeks_in(backups[0].path) == ["2026-W40", "2026-W41", "2026-W42"]


def test_a_failing_daily_backup_never_breaks_a_save(db: Database, repo: CheckinRepository,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    service = BackupService(db.path)
    db.on_commit(service.ensure_daily)

    def full(source: Path, target: Path) -> Path:
        raise StorageWriteError(target, "the disk is full", "disk_full")

    monkeypatch.setattr("vitaalthuis.services.backups.backup_database", full)
    save_weeks(repo, 2)
    assert repo.count() == 2
    assert service.ensure_daily() is None
    monkeypatch.undo()
    assert service.ensure_daily() is not None  # tried again later, and then it works


@POSIX
def test_backups_are_private_self_contained_files(db: Database, repo: CheckinRepository) -> None:
    save_weeks(repo, 2)
    path = BackupService(db.path).daily_backup()
    assert path is not None
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL: one file holds everything
    BackupService(db.path).backups()  # reading the list must not leave -wal/-shm files behind
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


# -- rotation -----------------------------------------------------------------------------------------------
def _daily(day: dt.datetime) -> BackupFile:
    return BackupFile(f"daily-{day:%Y%m%d-%H%M%S}.sqlite3", Path("x"), "daily", None, day)


def test_rotation_keeps_ten_days_and_eight_weeks() -> None:
    start = dt.datetime(2026, 1, 1, 8, 30)
    files = [_daily(start + dt.timedelta(days=i)) for i in range(120)]
    victims = {b.id for b in rotation_victims(files)}
    kept = sorted((b for b in files if b.id not in victims), key=lambda b: b.created, reverse=True)
    last = files[-1].created
    assert [b.created for b in kept[:10]] == [last - dt.timedelta(days=i) for i in range(10)]
    weeks = [b.created.isocalendar()[:2] for b in kept]
    assert len(set(weeks)) == 8  # eight ISO weeks covered ...
    assert all(b.created.isoweekday() == 7 for b in kept[10:])  # ... older ones by their last (Sunday) backup
    assert len(kept) == len(set(b.id for b in kept)) <= 18


def test_rotation_keeps_the_last_five_operation_backups_apart() -> None:
    day = dt.datetime(2026, 3, 1)
    ops = [BackupFile(f"before-import-{i}", Path("x"), "operation", "import", day + dt.timedelta(minutes=i))
           for i in range(8)]
    dailies = [_daily(day + dt.timedelta(days=i)) for i in range(3)]
    victims = rotation_victims(ops + dailies)
    assert sorted(v.id for v in victims) == ["before-import-0", "before-import-1", "before-import-2"]


def test_rotation_on_disk_over_two_months(db: Database, repo: CheckinRepository) -> None:
    save_weeks(repo, 1)
    clock = Clock(dt.datetime(2026, 1, 5, 10, 0))
    service = BackupService(db.path, now=clock)
    for _ in range(60):
        assert service.daily_backup() is not None
        clock.advance(days=1)
    for i in range(7):
        operation_backup(db.path, "import", dt.datetime(2026, 3, 1, 12, i))
    backups = backup_files(service.folder)
    assert sum(b.kind == "daily" for b in backups) <= 18
    assert sum(b.kind == "operation" for b in backups) == 5
    assert backups[-1].created.date() >= dt.date(2026, 1, 5)


# -- list ---------------------------------------------------------------------------------------------------
def test_list_shows_date_and_number_of_checkins_newest_first(db: Database, repo: CheckinRepository) -> None:
    clock = Clock(dt.datetime(2026, 11, 2, 9, 15))
    service = BackupService(db.path, now=clock)
    save_weeks(repo, 2)
    service.daily_backup()
    clock.advance(days=1)
    save_weeks(repo, 3, W.shifted(2))
    service.daily_backup()
    (service.folder / "notes.txt").write_text("not a backup")
    (service.folder / "daily-20261101-000000.sqlite3").write_bytes(b"garbage" * 300)
    listed = service.backups()
    assert [(b.id, b.created, b.checkins, b.state) for b in listed] == [
        ("daily-20261103-091500.sqlite3", dt.datetime(2026, 11, 3, 9, 15), 5, State.OK),
        ("daily-20261102-091500.sqlite3", dt.datetime(2026, 11, 2, 9, 15), 2, State.OK),
        ("daily-20261101-000000.sqlite3", dt.datetime(2026, 11, 1, 0, 0), None, State.DAMAGED),
    ]
    assert service.newest_good_backup() == listed[0]


def test_no_backups_at_all(data_dir: Path) -> None:
    service = BackupService(data_dir / DB_FILE)
    assert service.backups() == [] and service.newest_good_backup() is None


# -- restore ------------------------------------------------------------------------------------------------
def test_restore_keeps_the_current_database_first(db: Database, repo: CheckinRepository) -> None:
    service = BackupService(db.path)
    save_weeks(repo, 2)
    daily = service.daily_backup()
    assert daily is not None
    save_weeks(repo, 3, W.shifted(2), ls=3)
    result = service.restore(daily.name)
    # the window's open connections see the restored data without reopening
    assert [str(c.week) for c in repo.all()] == ["2026-W40", "2026-W41"]
    assert result.restored.checkins == 2 and not result.moved_aside
    assert result.kept_as is not None and result.kept_as.name.startswith("before-restore-")
    assert len(weeks_in(result.kept_as)) == 5  # nothing is lost: the state before the restore is a backup
    save_weeks(repo, 1, W.shifted(9))  # and the restored database takes new check-ins
    assert repo.count() == 3


@pytest.mark.parametrize("bad_id", ["nope.sqlite3", "../vitaalthuis.sqlite3", "/etc/passwd", "",
                                    "daily-20261102-091500.sqlite3/../../vitaalthuis.sqlite3"])
def test_restore_of_an_unknown_id_changes_nothing(db: Database, repo: CheckinRepository, bad_id: str) -> None:
    save_weeks(repo, 2)
    with pytest.raises(BackupNotFoundError):
        BackupService(db.path).restore(bad_id)
    assert repo.count() == 2
    assert not (db.path.parent / "backups").exists()


def test_restore_refuses_a_damaged_or_newer_backup(db: Database, repo: CheckinRepository) -> None:
    service = BackupService(db.path)
    save_weeks(repo, 2)
    good = service.daily_backup()
    assert good is not None
    damaged = service.folder / "before-import-20261101-100000-000000.sqlite3"
    damaged.write_bytes(good.read_bytes()[:5000])
    newer = service.folder / "before-import-20261101-110000-000000.sqlite3"
    newer.write_bytes(good.read_bytes())
    with sqlite3.connect(newer) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    save_weeks(repo, 1, W.shifted(5))
    with pytest.raises(NotVitaalThuisDatabaseError) as bad:
        service.restore(damaged.name)
    assert bad.value.path == damaged
    with pytest.raises(DatabaseTooNewError):
        service.restore(newer.name)
    assert repo.count() == 3
    assert [b.kind for b in backup_files(service.folder)].count("operation") == 2  # no safety copy was needed


def test_restore_over_a_damaged_database_moves_it_aside(data_dir: Path) -> None:
    db = Database.open(data_dir)
    save_weeks(CheckinRepository(db.sessions), 4)
    service = BackupService(db.path)
    daily = service.daily_backup()
    db.close()
    garbage = b"\x00not sqlite" * 500
    db.path.write_bytes(garbage)
    result = service.restore(daily.name)
    assert result.moved_aside and result.kept_as is not None
    assert result.kept_as.parent.name == "damaged" and result.kept_as.read_bytes() == garbage
    db = Database.open(data_dir)
    assert CheckinRepository(db.sessions).count() == 4
    db.close()


def test_restore_into_an_empty_data_folder(data_dir: Path, tmp_path: Path) -> None:
    db = Database.open(data_dir)
    save_weeks(CheckinRepository(db.sessions), 2)
    service = BackupService(db.path)
    daily = service.daily_backup()
    db.close()
    for path in data_dir.glob(f"{DB_FILE}*"):
        path.unlink()
    result = service.restore(daily.name)
    assert result.kept_as is None
    db = Database.open(data_dir)
    assert CheckinRepository(db.sessions).count() == 2
    with db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    db.close()
    if sys.platform != "win32":
        assert db.path.stat().st_mode & 0o777 == 0o600


def test_restore_of_an_older_schema_upgrades_it(db: Database, repo: CheckinRepository,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    save_weeks(repo, 2)
    service = BackupService(db.path)
    daily = service.daily_backup()
    assert daily is not None
    with sqlite3.connect(daily) as con:
        con.execute("UPDATE alembic_version SET version_num = 'older'")
    monkeypatch.setattr(migrate, "REVISIONS", ("older", *migrate.REVISIONS))
    upgraded: list[Path] = []
    monkeypatch.setattr(migrate, "_run_alembic",
                        lambda path: upgraded.append(path) or _stamp(path, migrate.HEAD))
    result = service.restore(daily.name)
    assert upgraded == [db.path] and result.migration_backup is not None
    assert migrate.current_revision(db.path) == migrate.HEAD


def _stamp(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))


# -- command line -------------------------------------------------------------------------------------------
def test_cli_backup_list_and_restore(db: Database, repo: CheckinRepository) -> None:
    data = str(db.path.parent)
    status, out, err = run("--data-dir", data, "backup", "list")
    assert (status, out) == (0, "") and "no backups" in err
    save_weeks(repo, 2)
    daily = BackupService(db.path).daily_backup()
    assert daily is not None
    save_weeks(repo, 1, W.shifted(7))
    status, out, err = run("--data-dir", data, "backup", "list")
    assert status == 0 and err == ""
    header, row = out.splitlines()
    assert header.split() == ["ID", "DATE", "CHECK-INS"]
    assert row.split()[0] == daily.name and row.split()[-1] == "2"
    assert dt.datetime.strptime(" ".join(row.split()[1:3]), "%Y-%m-%d %H:%M")
    status, out, err = run("--data-dir", data, "backup", "restore", daily.name)
    assert status == 0 and out == ""
    assert f"Restored backup {daily.name}" in err and "2 check-ins" in err and "before-restore-" in err
    assert repo.count() == 2
    status, out, _ = run("--data-dir", data, "backup", "list")
    assert len(out.splitlines()) == 3 and "before-restore-" in out


def test_cli_backup_errors(db: Database, repo: CheckinRepository) -> None:
    data = str(db.path.parent)
    assert run("--data-dir", data, "backup")[0] == 2
    assert run("--data-dir", data, "backup", "restore")[0] == 2
    assert run("--data-dir", data, "backup", "frobnicate")[0] == 2
    status, _, err = run("--data-dir", data, "backup", "restore", "daily-20200101-000000.sqlite3")
    assert status == 1 and "no backup" in err and "backup list" in err
    save_weeks(repo, 1)
    damaged = BackupService(db.path).folder / "daily-20200101-000000.sqlite3"
    damaged.parent.mkdir(exist_ok=True)
    damaged.write_bytes(b"rubbish" * 1000)
    status, out, err = run("--data-dir", data, "backup", "list")
    assert status == 0 and "damaged" in out
    status, _, err = run("--data-dir", data, "backup", "restore", damaged.name)
    assert status == 1 and "cannot be restored" in err and "Nothing was changed" in err
    assert repo.count() == 1


def test_cli_backup_works_when_the_database_is_damaged(data_dir: Path) -> None:
    db = Database.open(data_dir)
    save_weeks(CheckinRepository(db.sessions), 3)
    daily = BackupService(db.path).daily_backup()
    db.close()
    db.path.write_bytes(b"broken" * 1000)
    assert run("--data-dir", str(data_dir), "export")[0] == 1  # the database itself is refused ...
    status, out, _ = run("--data-dir", str(data_dir), "backup", "list")  # ... but the backups are there
    assert status == 0 and daily.name in out
    status, _, err = run("--data-dir", str(data_dir), "backup", "restore", daily.name)
    assert status == 0 and "moved to" in err
    status, out, _ = run("--data-dir", str(data_dir), "export")
    assert status == 0 and out.count('"week"') == 3


def test_a_failing_commit_listener_is_logged_not_raised(db: Database, repo: CheckinRepository) -> None:
    calls: list[int] = []
    db.on_commit(lambda: calls.append(1 // 0))
    save_weeks(repo, 1)
    assert repo.count() == 1 and calls == []


def test_leftovers_of_a_killed_copy_are_pruned_with_their_side_files(tmp_path: Path) -> None:
    """A copy killed half-way leaves ``NAME.part`` and the -wal/-shm SQLite made beside it; pruning removes
    all of them once they are an hour old (a copy in progress is younger), and nothing else."""
    import os
    import time

    from vitaalthuis.storage.backup import prune_backups

    folder = tmp_path / "backups"
    folder.mkdir()
    stale = [folder / f"daily-20261101-090000.sqlite3.123.part{s}" for s in ("", "-wal", "-shm", "-journal")]
    fresh = folder / "daily-20261102-090000.sqlite3.124.part-wal"
    other = folder / "notes.txt"
    for path in (*stale, fresh, other):
        path.write_bytes(b"x")
    old = time.time() - 2 * 3600
    for path in (*stale, other):
        os.utime(path, (old, old))
    removed = prune_backups(folder)
    assert sorted(removed) == sorted(stale)
    assert fresh.exists() and other.exists()


def test_a_backup_removed_while_listing_is_left_out(db: Database, repo: CheckinRepository,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process's rotation may remove a backup between the listing and the look at it."""
    from vitaalthuis.services import backups as backups_mod

    save_weeks(repo, 2)
    service = BackupService(db.path)
    first = operation_backup(db.path, "import", dt.datetime(2026, 11, 1, 9, 0))
    second = operation_backup(db.path, "import", dt.datetime(2026, 11, 2, 9, 0))
    real = backups_mod.examine

    def vanishing(path: Path, **kw):  # type: ignore[no-untyped-def]
        if path == first:
            path.unlink()  # gone just before it is read
        return real(path, **kw)

    monkeypatch.setattr(backups_mod, "examine", vanishing)
    assert [b.id for b in service.backups()] == [second.name]
