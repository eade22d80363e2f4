"""Decisions under the write lock, reads in one snapshot, and other programs' SQLite files."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers import answers
from vitaalthuis import cli
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.exchange import export_json
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.checkins import CheckinService
from vitaalthuis.storage import identity
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import DB_FILE, Database
from vitaalthuis.storage.errors import (
    NoDatabaseError,
    NotVitaalThuisDatabaseError,
    StorageReadError,
    StorageWriteError,
    WeekConflictError,
)
from vitaalthuis.storage.recovery import State, check_at_start

W = IsoWeek(2026, 10)
ROOT = Path(__file__).parents[2]
ROUNDS = 12

# Waits for a line on standard input (so both start together), then imports like `vitaalthuis import`.
IMPORTER = textwrap.dedent("""
    import io, sys
    from vitaalthuis import cli
    sys.stdin.readline()
    err = io.StringIO()
    status = cli.run(["--data-dir", sys.argv[1], "--lang", "en", "import", sys.argv[2]], err=err)
    print(status, err.getvalue().replace("\\n", " | "))
""")


def test_of_two_imports_of_the_same_new_week_exactly_one_stores_it(tmp_path: Path) -> None:
    """Started together (real processes), without --replace: one is stored and reported, the other is
    refused with exit status 1 and a plain message; never both "imported", never a traceback."""
    wins: list[str] = []
    for n in range(ROUNDS):
        data_dir = tmp_path / f"round{n}"
        Database.open(data_dir).close()
        week = W.shifted(n)
        files = []
        for who in ("a", "b"):
            doc = tmp_path / f"{n}{who}.json"
            doc.write_text(export_json([CheckIn(week, answers(note=who))]), encoding="utf-8")
            files.append(doc)
        procs = [subprocess.Popen([sys.executable, "-c", IMPORTER, str(data_dir), str(doc)], cwd=ROOT,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for doc in files]
        for proc in procs:  # both are started and have imported Python before either goes
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        results = [proc.communicate(timeout=60) for proc in procs]
        assert all(not err for _out, err in results), "\n".join(err for _out, err in results)
        statuses = sorted(out.split(" ", 1)[0] for out, _err in results)
        assert statuses == ["0", "1"], results
        refused = next(out for out, _err in results if out.startswith("1"))
        assert "Traceback" not in refused and "INSERT" not in refused and str(week) in refused
        winner = next(doc for doc, (out, _err) in zip(files, results, strict=True) if out.startswith("0"))
        db = Database.open(data_dir)
        stored = CheckinRepository(db.sessions).get(week)
        db.close()
        assert stored is not None and stored.answers["note"] == winner.stem[-1]  # the one reported won
        wins.append(winner.stem[-1])
    print(f"\n{ROUNDS} rounds of two same-week imports: exactly one stored each time "
          f"(winners {''.join(wins)})")


def test_an_import_never_replaces_a_week_stored_after_its_preview(db: Database) -> None:
    """The existing-week check is made again inside the write transaction."""
    from vitaalthuis.services.exchange import ExchangeService, ImportRejectedError

    repo = CheckinRepository(db.sessions)
    service = ExchangeService(repo, db.path)
    doc = export_json([CheckIn(W, answers(ls=3))])
    preview, _checkins = service.preview(doc)
    assert preview.added == [W]
    repo.save(CheckIn(W, answers(ls=9)))  # meanwhile, elsewhere
    with pytest.raises(ImportRejectedError) as caught:
        service.import_data(doc)
    assert [p.code for p in caught.value.problems] == ["week_exists"]
    assert repo.get(W).answers["ls"] == 9


def test_the_window_replaces_only_the_version_it_opened(db: Database) -> None:
    repo = CheckinRepository(db.sessions)
    service = CheckinService(repo, today=lambda: W.monday)
    repo.save(CheckIn(W, answers(ls=5)))
    opened = service.open_week(W)
    service.finish(W, answers(ls=6), replacing=opened.existing)  # correcting what was opened: fine
    assert repo.get(W).answers["ls"] == 6
    with pytest.raises(WeekConflictError):  # the version opened is no longer the stored one
        service.finish(W, answers(ls=7), replacing=opened.existing)
    fresh = service.open_week(W.shifted(-1))
    repo.save(CheckIn(W.shifted(-1), answers(ls=2)))  # an import stored that week after it was opened
    with pytest.raises(WeekConflictError):
        service.finish(W.shifted(-1), answers(ls=8), replacing=fresh.existing)
    assert repo.get(W.shifted(-1)).answers["ls"] == 2
    service.finish(W.shifted(-1), answers(ls=8), replace=True)  # only when the user asks
    assert repo.get(W.shifted(-1)).answers["ls"] == 8


def test_a_read_sees_one_snapshot(db: Database) -> None:
    """Both queries of a logical read see the same state, whatever is committed between them."""
    repo = CheckinRepository(db.sessions)
    repo.save(CheckIn(W, answers()))
    with db.sessions.read() as con:
        first = con.execute("SELECT count(*) FROM checkin").fetchone()[0]
        other = sqlite3.connect(db.path)
        other.execute("INSERT INTO checkin (week, scoring_version, created_at, updated_at) "
                      "VALUES ('2026-W11', 1, '2026-01-01', '2026-01-01')")
        other.commit()
        other.close()
        second = con.execute("SELECT count(*) FROM checkin").fetchone()[0]
    assert first == second == 1
    assert repo.count() == 2


def test_a_failed_read_is_not_a_write_error(db: Database) -> None:
    repo = CheckinRepository(db.sessions)
    repo.save(CheckIn(W, answers()))
    db.close()
    for path in (db.path, *db.path.parent.glob(f"{DB_FILE}-*")):
        path.unlink()  # as "delete everything" does while a timer still reads
    with pytest.raises(StorageReadError) as caught:
        repo.get(W)
    assert not isinstance(caught.value, StorageWriteError)
    assert caught.value.code.startswith("SQLITE_CANTOPEN")  # SQLite's own name, for the log
    assert not db.path.exists()  # a read never creates the file


def test_commands_that_only_read_create_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo"
    with pytest.raises(NoDatabaseError):
        Database.open(missing, create=False)
    assert not missing.exists()


def _alembic_file(path: Path, revision: str, tables: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    con.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    for table in tables:
        con.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, body TEXT)")
    con.commit()
    con.close()


@pytest.mark.parametrize("revision", ["0001", "0002"])
def test_another_programs_alembic_file_is_foreign(data_dir: Path, revision: str) -> None:
    db_path = data_dir / DB_FILE
    _alembic_file(db_path, revision, ["users", "orders"])
    before = db_path.read_bytes()
    with pytest.raises(NotVitaalThuisDatabaseError):
        Database.open(data_dir)
    assert db_path.read_bytes() == before  # never migrated in place
    err = io.StringIO()
    assert cli.run(["--data-dir", str(data_dir), "--lang", "en", "export"], out=io.StringIO(), err=err) == 1
    assert "Traceback" not in err.getvalue()
    check = check_at_start(data_dir)
    assert check.state is State.FOREIGN and check.moved_to is not None
    assert check.moved_to.read_bytes() == before


def test_a_database_from_before_the_mark_is_recognised_and_marked(data_dir: Path) -> None:
    db = Database.open(data_dir)
    CheckinRepository(db.sessions).save(CheckIn(W, answers()))
    db.close()
    con = sqlite3.connect(data_dir / DB_FILE)  # as revision 0002 left it: no application id
    con.execute("PRAGMA application_id = 0")
    con.execute("UPDATE alembic_version SET version_num = '0002'")
    con.commit()
    con.close()
    db = Database.open(data_dir)
    assert db.migration_backup is not None  # upgraded, with a backup first
    assert CheckinRepository(db.sessions).count() == 1
    db.close()
    con = sqlite3.connect(data_dir / DB_FILE)
    assert con.execute("PRAGMA application_id").fetchone()[0] == identity.APPLICATION_ID
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == identity.HEAD
    con.close()


def test_a_new_database_carries_the_mark(db: Database) -> None:
    con = sqlite3.connect(db.path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == identity.APPLICATION_ID
    con.close()


def test_an_unknown_application_id_is_foreign(data_dir: Path) -> None:
    db = Database.open(data_dir)
    db.close()
    con = sqlite3.connect(data_dir / DB_FILE)
    con.execute("PRAGMA application_id = 1234")
    con.commit()
    con.close()
    with pytest.raises(NotVitaalThuisDatabaseError):
        Database.open(data_dir)
