"""Write failures and hostile files: a clear error each time and no data lost.

CI runs as root, where file permissions do not bind (docs/development.md): "disk full" is a real
``RLIMIT_FSIZE`` in a subprocess, "cannot write" is injected (a patched check, SQLite's ``query_only``).
"""

from __future__ import annotations

import errno
import io
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import event

from tests.helpers import answers
from vitaalthuis import cli
from vitaalthuis.domain.checkin import CheckIn, Draft
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage import backup as backup_mod
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import DB_FILE, Database
from vitaalthuis.storage.errors import (
    DatabaseTooNewError,
    DataDirError,
    NotVitaalThuisDatabaseError,
    StorageWriteError,
)
from vitaalthuis.storage.recovery import State, check_at_start

W = IsoWeek(2025, 1)
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="resource limits are POSIX")


def content(db_path: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(backup_mod.readonly_uri(db_path), uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return con.execute("SELECT c.week, a.item, a.value FROM checkin c "
                           "JOIN answer a ON a.checkin_id = c.id ORDER BY c.week, a.item").fetchall()
    finally:
        con.close()


def filled(data_dir: Path, weeks: int = 5) -> Path:
    db = Database.open(data_dir)
    CheckinRepository(db.sessions).save_many([CheckIn(W.shifted(i), answers(note=f"n{i}"))
                                              for i in range(weeks)])
    db.close()
    return data_dir / DB_FILE


def run_cli(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    status = cli.run(["--lang", "en", *argv], out=io.StringIO(), err=err)
    assert status is not None
    return status, err.getvalue()


# -- disk full ----------------------------------------------------------------------------------------------
DISK_FULL_CHILD = textwrap.dedent("""
    import resource, signal, sys
    from pathlib import Path
    from tests.helpers import answers
    from vitaalthuis.domain.checkin import CheckIn, Draft
    from vitaalthuis.domain.weeks import IsoWeek
    from vitaalthuis.storage.checkins import CheckinRepository
    from vitaalthuis.storage.db import Database
    from vitaalthuis.storage.errors import StorageWriteError

    db = Database.open(Path(sys.argv[1]))
    repo = CheckinRepository(db.sessions)
    wal = Path(str(db.path) + "-wal")
    limit = max(wal.stat().st_size if wal.exists() else 0, db.path.stat().st_size) + 16384
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write beyond the limit then fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    big = [CheckIn(IsoWeek(2024, 1).shifted(i), answers(note="vol " * 500)) for i in range(150)]
    for attempt in ("save_many", "draft"):
        try:
            if attempt == "save_many":
                repo.save_many(big, replace=True)
            else:
                repo.save_draft(Draft(IsoWeek(2025, 30), {"gh": 2, "note": "x" * 1_000_000}))
            print(attempt, "saved")
        except StorageWriteError as exc:
            print(attempt, "refused", exc.reason, exc.detail)
    print("count", repo.count())  # reading still works
    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    repo.save(CheckIn(IsoWeek(2025, 40), answers()))  # space again: saving works again
    print("after", repo.count())
    db.close()
""")


@POSIX_ONLY
def test_disk_full_in_the_middle_of_a_save_loses_nothing(data_dir: Path) -> None:
    db_path = filled(data_dir)
    before = content(db_path)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run([sys.executable, "-c", DISK_FULL_CHILD, str(data_dir)], capture_output=True,
                         text=True, timeout=60, cwd=Path(__file__).parents[2], env=env)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("save_many refused io") and "disk may be full" in lines[0]
    assert lines[1].startswith("draft refused")
    assert lines[2:] == ["count 5", "after 6"]
    after = content(db_path)
    assert [r for r in after if r[0] != "2025-W40"] == before  # the big batch left no trace at all
    assert {r[0] for r in after} == {str(W.shifted(i)) for i in range(5)} | {"2025-W40"}


CLI_IMPORT_CHILD = textwrap.dedent("""
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), resource.RLIM_INFINITY))
    from vitaalthuis.cli import run
    sys.exit(run(sys.argv[2:]))
""")


@POSIX_ONLY
def test_disk_full_during_the_backup_before_an_import(data_dir: Path, tmp_path: Path) -> None:
    db_path = filled(data_dir, 40)
    before = content(db_path)
    doc = tmp_path / "import.json"
    doc.write_text(json.dumps({"format": "vitaalthuis", "version": 1,
                               "checkins": [{"week": "2026-W01", "answers": answers()}]}))
    limit = db_path.stat().st_size // 2  # the copy cannot be completed
    out = subprocess.run([sys.executable, "-c", CLI_IMPORT_CHILD, str(limit), "--data-dir", str(data_dir),
                          "--lang", "en", "import", str(doc)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 1, out.stderr
    assert "could not be written" in out.stderr and "Traceback" not in out.stderr
    assert content(db_path) == before  # no backup, so no import
    assert not list((data_dir / "backups").glob("*"))  # and no half-made copy left behind


def test_an_injected_write_error_while_copying_leaves_nothing_behind(data_dir: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = filled(data_dir)

    def no_space(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_mod.os, "replace", no_space)
    with pytest.raises(StorageWriteError) as info:
        backup_mod.operation_backup(db_path, "import")
    assert info.value.reason == "disk_full"
    assert not list((data_dir / "backups").iterdir())


# -- cannot write -------------------------------------------------------------------------------------------
def test_a_data_folder_that_cannot_be_written(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = filled(data_dir)
    before = db_path.read_bytes()
    monkeypatch.setattr("vitaalthuis.storage.db.os.access", lambda *_args: False)
    with pytest.raises(DataDirError, match="cannot be written"):
        Database.open(data_dir)
    with pytest.raises(DataDirError):
        check_at_start(data_dir)
    status, err = run_cli("--data-dir", str(data_dir), "export")
    assert status == 1 and "cannot be used" in err and "cannot be written" in err
    assert db_path.read_bytes() == before


def test_a_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DataDirError):
        Database.open(blocker / "data")
    doc = tmp_path / "week.json"
    doc.write_text(json.dumps({"format": "vitaalthuis", "version": 1, "checkins": []}))
    status, err = run_cli("--data-dir", str(blocker / "data"), "import", str(doc))
    assert status == 1 and "cannot be used" in err
    status, err = run_cli("--data-dir", str(blocker / "data"), "export")  # only reads: nothing to read
    assert status == 1 and "no VitaalThuis database" in err


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="permissions do not bind for root")
def test_a_data_folder_in_a_read_only_place_for_real(tmp_path: Path) -> None:
    parent = tmp_path / "read-only"
    parent.mkdir(mode=0o500)
    try:
        with pytest.raises(DataDirError):
            Database.open(parent / "data")
    finally:
        parent.chmod(0o700)


def test_a_database_that_turns_read_only_while_open(data_dir: Path) -> None:
    filled(data_dir)
    db = Database.open(data_dir)
    repo = CheckinRepository(db.sessions)
    before = repo.all()

    @event.listens_for(db.engine, "connect")
    def read_only(dbapi_connection, _record) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")  # SQLite then refuses writes: SQLITE_READONLY

    db.engine.dispose()
    with pytest.raises(StorageWriteError) as info:
        repo.save(CheckIn(IsoWeek(2026, 1), answers()))
    assert info.value.reason == "read_only"
    with pytest.raises(StorageWriteError):
        repo.save_draft(Draft(IsoWeek(2026, 1), {"gh": 1}))
    assert repo.all() == before
    db.close()


# -- hostile files ------------------------------------------------------------------------------------------
def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:3000])


def _random(path: Path) -> None:
    path.write_bytes(os.urandom(50_000))


def _foreign(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE moz_places (url TEXT)")


def _newer(path: Path) -> None:
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")


HOSTILE = [(_truncate, NotVitaalThuisDatabaseError, "damaged", State.DAMAGED),
           (_random, NotVitaalThuisDatabaseError, "damaged", State.DAMAGED),
           (_foreign, NotVitaalThuisDatabaseError, "not a VitaalThuis database", State.FOREIGN),
           (_newer, DatabaseTooNewError, "newer version", State.TOO_NEW)]


@pytest.mark.parametrize(("spoil", "error", "words", "state"), HOSTILE, ids=["truncated", "random", "foreign",
                                                                               "newer"])
def test_hostile_database_files(data_dir: Path, spoil, error, words: str, state: State) -> None:
    db_path = filled(data_dir)
    spoil(db_path)
    original = db_path.read_bytes()
    with pytest.raises(error):
        Database.open(data_dir)
    status, err = run_cli("--data-dir", str(data_dir), "export")
    assert status == 1 and words in err and "left unchanged" in err
    assert db_path.read_bytes() == original  # the command line never moves or changes it
    check = check_at_start(data_dir)  # the window moves a damaged or foreign file aside, a newer one not
    assert check.state is state
    kept = check.moved_to or db_path
    assert kept.read_bytes() == original


def test_damage_found_while_reading_is_a_typed_error(data_dir: Path) -> None:
    db_path = filled(data_dir, 80)
    size = db_path.stat().st_size
    with db_path.open("r+b") as fh:  # scribble over every table and index page after the schema
        for page in range(2, size // 4096):
            fh.seek(4096 * page + 8)
            fh.write(b"\xff" * 2000)
    db = Database.open(data_dir, verify=False)
    with pytest.raises(NotVitaalThuisDatabaseError, match="damaged"):
        CheckinRepository(db.sessions).all()
    db.close()
