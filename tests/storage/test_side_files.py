"""Side files never cost data: a -wal of the app's own crash is replayed, a foreign one destroys nothing, a
-wal beside an empty database is moved aside; and the file lock rule behind "the window stops saving"."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import answers
from vitaalthuis import cli
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage import sidefiles
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import DB_FILE, Database
from vitaalthuis.storage.recovery import State, check_at_start

W = IsoWeek(2026, 10)
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks")


def filled(data_dir: Path, weeks: int) -> Path:
    db = Database.open(data_dir)
    CheckinRepository(db.sessions).save_many([CheckIn(W.shifted(-i), answers()) for i in range(weeks)])
    db.close()
    return data_dir / DB_FILE


def count(db_path: Path) -> int:
    con = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT count(*) FROM checkin").fetchone()[0])
    finally:
        con.close()


def wal_of_a_crash(tmp_path: Path, build) -> tuple[bytes, bytes]:
    """The database file and -wal of a process that died with a commit only in its WAL: copied while the
    connection is still open (nothing was checkpointed), as a SIGKILL would leave them."""
    folder = tmp_path / "crashed"
    folder.mkdir()
    path = folder / "x.sqlite3"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA wal_autocheckpoint = 0")
    build(con)
    con.commit()
    data, wal = path.read_bytes(), Path(f"{path}-wal").read_bytes()
    con.close()
    assert wal, "the commit should be in the WAL"
    return data, wal


@POSIX_ONLY
def test_a_foreign_wal_beside_a_good_database_destroys_nothing(data_dir: Path, tmp_path: Path) -> None:
    db_path = filled(data_dir, 27)

    def other_app(con: sqlite3.Connection) -> None:
        con.execute("CREATE TABLE notes (body TEXT)")
        con.executemany("INSERT INTO notes VALUES (?)", [("x" * 500,)] * 40)

    _data, foreign_wal = wal_of_a_crash(tmp_path, other_app)
    Path(f"{db_path}-wal").write_bytes(foreign_wal)

    status = cli.run(["--data-dir", str(data_dir), "--lang", "en", "export"], out=(out := _Buffer()),
                     err=_Buffer())
    assert status == 0 and out.getvalue().count('"week"') == 27
    assert count(db_path) == 27
    kept = sorted((data_dir / "damaged").glob("*-wal"))  # the side file that would have done it, kept
    assert len(kept) == 1 and kept[0].read_bytes() == foreign_wal
    db = Database.open(data_dir)  # and the database goes on working
    assert CheckinRepository(db.sessions).count() == 27
    db.close()


@POSIX_ONLY
def test_the_wal_of_our_own_crash_is_replayed(data_dir: Path, tmp_path: Path) -> None:
    filled(data_dir, 3)
    db = Database.open(data_dir)
    repo = CheckinRepository(db.sessions)
    repo.save(CheckIn(W.shifted(1), answers(ls=4)))  # acknowledged: it must survive the "crash"
    wal = Path(f"{db.path}-wal")
    data, wal_bytes = db.path.read_bytes(), wal.read_bytes()  # (this test may: it only copies)
    db.close()
    crashed = tmp_path / "after-crash"
    crashed.mkdir()
    (crashed / DB_FILE).write_bytes(data)
    (crashed / f"{DB_FILE}-wal").write_bytes(wal_bytes)
    assert count(crashed / DB_FILE) in (3, 4)
    check = check_at_start(crashed)
    assert check.state is State.OK
    db = Database.open(crashed, verify=False)
    assert CheckinRepository(db.sessions).get(W.shifted(1)).answers["ls"] == 4
    db.close()
    assert not (crashed / "damaged").exists()  # the safety copy was not needed and is gone


def test_a_wal_beside_an_empty_database_is_moved_aside(data_dir: Path, tmp_path: Path) -> None:
    data_dir.mkdir(parents=True)
    _data, wal = wal_of_a_crash(tmp_path, lambda con: con.execute("CREATE TABLE t (x)"))
    (data_dir / DB_FILE).write_bytes(b"")
    (data_dir / f"{DB_FILE}-wal").write_bytes(wal)
    db = Database.open(data_dir)
    db.close()
    kept = list((data_dir / "damaged").glob("*-wal"))
    assert len(kept) == 1 and kept[0].read_bytes() == wal  # not thrown away


def test_a_live_wal_of_another_process_is_left_to_sqlite(data_dir: Path) -> None:
    """While another process has the database open, its -wal is live: opening here copies nothing."""
    db_path = filled(data_dir, 2)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA wal_autocheckpoint = 0'); "
        "c.execute(\"UPDATE meta SET value = value WHERE 0\"); "
        "c.execute(\"INSERT INTO meta VALUES ('held', '1')\"); c.commit(); print('held', flush=True); "
        "sys.stdin.readline()"), str(db_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        assert Path(f"{db_path}-wal").stat().st_size > 0
        assert sidefiles.replay_side_files(db_path) is None
        assert not (data_dir / "damaged").exists()
        db = Database.open(data_dir)
        assert CheckinRepository(db.sessions).meta("held") == "1"
        db.close()
    finally:
        holder.communicate("\n", timeout=30)


@POSIX_ONLY
def test_reading_the_file_in_a_process_that_holds_it_would_cost_the_wal(data_dir: Path) -> None:
    """The rule behind it all. A process with the database open must never open the file itself: closing
    that descriptor drops the process's SQLite locks, and another process closing its connection then
    deletes the -wal and -shm under it. Opening and examining in such a process no longer touches the file
    (this test checks that the WAL is still there after such a sequence, and writing still works)."""
    from vitaalthuis.storage.recovery import examine

    db = Database.open(data_dir)
    repo = CheckinRepository(db.sessions)
    repo.save(CheckIn(W, answers()))
    assert sidefiles.open_here(db.path)
    assert examine(db.path).state is State.OK  # the daily backup and "Mijn gegevens" do this
    subprocess.run([sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                    "c.execute('SELECT count(*) FROM checkin').fetchone(); c.close()", str(db.path)],
                   check=True)
    assert Path(f"{db.path}-wal").exists()
    repo.save(CheckIn(W.shifted(1), answers()))
    assert repo.count() == 2
    db.close()
    assert count(db.path) == 2


class _Buffer:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        pass

    def getvalue(self) -> str:
        return "".join(self.parts)
