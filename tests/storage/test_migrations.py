"""Real alembic upgrades with data in the database: nothing is lost, a backup is made first."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.helpers import answers
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage import migrate
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import DB_FILE, Database, prepare_data_dir
from vitaalthuis.storage.engine import make_engine
from vitaalthuis.storage.sessions import BUSY_TIMEOUT_MS
from vitaalthuis.storage.tips import TipStateRepository


def make_database_at(data_dir: Path, revision: str) -> Path:
    from alembic import command

    path = prepare_data_dir(data_dir)
    engine = make_engine(path, BUSY_TIMEOUT_MS)
    with engine.begin() as connection:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)
    engine.dispose()
    return path


def test_upgrade_0001_to_head_keeps_every_checkin(data_dir: Path) -> None:
    path = make_database_at(data_dir, "0001")
    with sqlite3.connect(path) as con:
        con.execute("INSERT INTO checkin (id, week, scoring_version, created_at, updated_at) "
                    "VALUES (1, '2026-W40', 1, '2026-10-01 10:00:00', '2026-10-01 10:00:00')")
        for item, value in answers().items():
            con.execute("INSERT INTO answer (checkin_id, item, value) VALUES (1, ?, ?)", (item, str(value)))
    assert migrate.current_revision(path) == "0001"
    db = Database.open(data_dir)
    assert migrate.current_revision(db.path) == migrate.HEAD
    assert db.migration_backup is not None
    with sqlite3.connect(db.migration_backup) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert con.execute("SELECT count(*) FROM answer").fetchone() == (len(answers()),)
    assert CheckinRepository(db.sessions).get(IsoWeek(2026, 40)) == CheckIn(IsoWeek(2026, 40), answers())
    db.close()


def test_tip_state_round_trip(data_dir: Path) -> None:
    db = Database.open(data_dir)
    repo = TipStateRepository(db.sessions)
    repo.mark_shown(IsoWeek(2026, 40), ["a", "b"])
    repo.mark_shown(IsoWeek(2026, 41), ["a"])
    repo.mark_shown(IsoWeek(2026, 41), ["a"])  # twice the same: one row
    assert {k: sorted(v) for k, v in repo.shown_history().items()} == {
        "a": [IsoWeek(2026, 40), IsoWeek(2026, 41)], "b": [IsoWeek(2026, 40)]}
    repo.set_feedback("a", "helpful")
    repo.set_feedback("a", "not_for_me")
    repo.set_feedback("b", "helpful")
    assert repo.feedback() == {"a": "not_for_me", "b": "helpful"}
    repo.set_feedback("b", None)
    assert repo.feedback() == {"a": "not_for_me"}
    db.close()
    assert (data_dir / DB_FILE).exists()


def test_a_failing_upgrade_leaves_the_old_revision_intact(data_dir: Path, monkeypatch) -> None:
    """The whole upgrade is one transaction: a failure half-way rolls back the tables already created."""
    import pytest

    from vitaalthuis.storage.errors import MigrationError

    path = make_database_at(data_dir, "0001")
    from alembic.operations import Operations

    real_create = Operations.create_table
    calls = []

    def create_then_fail(self, name, *columns, **kw):
        calls.append(name)
        if len(calls) == 2:
            raise RuntimeError("power cut")
        return real_create(self, name, *columns, **kw)

    monkeypatch.setattr(Operations, "create_table", create_then_fail)
    with pytest.raises(MigrationError):
        Database.open(data_dir)
    assert calls == ["tip_shown", "tip_feedback"]
    with sqlite3.connect(path) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert "tip_shown" not in tables  # rolled back
    monkeypatch.undo()
    db = Database.open(data_dir)  # and the next start upgrades cleanly
    assert migrate.current_revision(db.path) == migrate.HEAD
    db.close()
