"""The database file: migrations, pragmas, repository round trips, backups before upgrades."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import SPEC_EXAMPLE, answers
from vitaalthuis.domain.checkin import CheckIn, Draft
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage import migrate
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import DB_FILE, Database
from vitaalthuis.storage.errors import DatabaseTooNewError, NotVitaalThuisDatabaseError, WeekConflictError

W = IsoWeek(2026, 47)


@pytest.fixture
def db(data_dir: Path) -> Database:
    database = Database.open(data_dir)
    yield database
    database.close()


def test_new_database_is_at_head_with_wal_and_foreign_keys(db: Database) -> None:
    assert migrate.current_revision(db.path) == migrate.HEAD
    with db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_revisions_match_the_alembic_scripts() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_current_head() == migrate.HEAD
    chain = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert tuple(chain) == migrate.REVISIONS


def test_models_match_the_migrations(db: Database) -> None:
    """alembic check: the ORM models and the migrated schema agree (no pending autogenerate diff)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from vitaalthuis.storage.orm import Base

    with db.engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), Base.metadata)
    assert diff == []


def test_checkin_round_trip_keeps_raw_answers(db: Database) -> None:
    repo = CheckinRepository(db.sessions)
    note = "Zware week 😅 — maar 'goed' afgesloten.\n\tTweede regel"
    repo.save(CheckIn(W, {**SPEC_EXAMPLE, "hours_worked": 36.5, "note": note}))
    back = repo.get(W)
    assert back is not None
    assert back.answers == {**SPEC_EXAMPLE, "hours_worked": 36.5, "note": note}
    assert back.scoring_version == 1
    assert back.scores.mhi5 == 84


def test_one_checkin_per_week_save_replaces(db: Database) -> None:
    repo = CheckinRepository(db.sessions)
    repo.save(CheckIn(W, answers(ls=5)))
    with pytest.raises(WeekConflictError):  # replacing only when asked
        repo.save(CheckIn(W, answers(ls=9)))
    assert repo.get(W).answers["ls"] == 5
    repo.save(CheckIn(W, answers(ls=9)), replace=True)
    assert repo.count() == 1
    assert repo.get(W).answers["ls"] == 9
    with sqlite3.connect(db.path) as con:
        assert con.execute("SELECT count(*) FROM answer").fetchone()[0] == len(answers())


def test_delete_cascades_to_answers(db: Database) -> None:
    repo = CheckinRepository(db.sessions)
    repo.save(CheckIn(W, answers()))
    removed = repo.delete(W)
    assert removed is not None and removed.answers == answers()
    assert repo.get(W) is None
    with sqlite3.connect(db.path) as con:
        assert con.execute("SELECT count(*) FROM answer").fetchone()[0] == 0


def test_finishing_drops_the_draft(db: Database) -> None:
    repo = CheckinRepository(db.sessions)
    repo.save_draft(Draft(W, {"gh": 3}, page=2))
    assert repo.get_draft(W) == Draft(W, {"gh": 3}, 2)
    repo.save(CheckIn(W, answers()))
    assert repo.get_draft(W) is None


def test_reopen_after_restart_keeps_data(data_dir: Path) -> None:
    db = Database.open(data_dir)
    CheckinRepository(db.sessions).save(CheckIn(W, answers()))
    db.close()
    db2 = Database.open(data_dir)
    assert CheckinRepository(db2.sessions).get(W) is not None
    assert db2.migration_backup is None  # nothing to upgrade
    db2.close()


def test_opening_does_not_import_alembic_when_at_head(data_dir: Path) -> None:
    Database.open(data_dir).close()
    code = (
        "import sys; from pathlib import Path; from vitaalthuis.storage.db import Database;"
        f"Database.open(Path({str(data_dir)!r})).close(); print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_upgrade_from_an_older_revision_backs_up_first(data_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulate a database one revision behind: the upgrade makes a backup with the data in it."""
    db = Database.open(data_dir)
    CheckinRepository(db.sessions).save(CheckIn(W, answers()))
    db.close()
    monkeypatch.setattr(migrate, "REVISIONS", ("0000", "0001"))
    with sqlite3.connect(data_dir / DB_FILE) as con:
        con.execute("UPDATE alembic_version SET version_num = '0000'")
    monkeypatch.setattr(migrate, "_run_alembic", lambda path: _stamp(path, "0001"))
    db = Database.open(data_dir)
    assert db.migration_backup is not None and db.migration_backup.exists()
    with sqlite3.connect(db.migration_backup) as con:
        assert con.execute("SELECT week FROM checkin").fetchall() == [("2026-W47",)]
    db.close()


def _stamp(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))


def test_newer_schema_is_refused_and_left_alone(data_dir: Path) -> None:
    Database.open(data_dir).close()
    db_file = data_dir / DB_FILE
    _stamp(db_file, "9999")
    before = db_file.read_bytes()
    with pytest.raises(DatabaseTooNewError):
        Database.open(data_dir)
    assert db_file.read_bytes() == before


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b"SQLite format 3\x00" + b"\x13" * 200])
def test_garbage_file_is_reported(data_dir: Path, content: bytes) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB_FILE).write_bytes(content)
    with pytest.raises(NotVitaalThuisDatabaseError):
        Database.open(data_dir)


def test_other_applications_database_is_reported(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    with sqlite3.connect(data_dir / DB_FILE) as con:
        con.execute("CREATE TABLE songs (title TEXT)")
    with pytest.raises(NotVitaalThuisDatabaseError):
        Database.open(data_dir)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_permissions(db: Database) -> None:
    assert db.path.parent.stat().st_mode & 0o777 == 0o700
    assert db.path.stat().st_mode & 0o777 == 0o600
