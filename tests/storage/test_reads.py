"""Reads run as plain SQL through sqlite3 (no SQLAlchemy at start-up); they must give exactly what the
ORM mapping of the same rows gives, and must never create or change a file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import answers
from vitaalthuis.domain.checkin import CheckIn, Draft
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.demo import fill_demo_data
from vitaalthuis.storage.checkins import CheckinRepository, load_answer
from vitaalthuis.storage.db import Database
from vitaalthuis.storage.errors import StorageError
from vitaalthuis.storage.sessions import Sessions
from vitaalthuis.storage.tips import TipStateRepository

W = IsoWeek(2026, 40)


def test_plain_reads_match_the_orm_rows(repo: CheckinRepository) -> None:
    from sqlalchemy import select

    from vitaalthuis.storage.orm import CheckinRow

    fill_demo_data(repo, 60)
    repo.save(CheckIn(W.shifted(-70), answers(note="Drukke week — “quotes”, é, 😊",
                                              kans_regions=["neck", "wrist"])))
    with repo.sessions() as s:
        orm = [CheckIn(IsoWeek.parse(r.week, allow_future=True),
                       {a.item: load_answer(a.value) for a in r.answers}, r.scoring_version, r.updated_at)
               for r in s.scalars(select(CheckinRow).order_by(CheckinRow.week))]
    plain = repo.all()
    assert plain == orm and len(plain) > 40
    assert [c.updated_at for c in plain] == [c.updated_at for c in orm]  # the time stamps too (not compared)
    assert repo.get(W.shifted(-70)) == orm[0]
    assert repo.get(W.shifted(-70)).answers["note"].startswith("Drukke")
    assert repo.weeks() == {c.week for c in orm}
    assert repo.count() == len(orm)


def test_drafts_meta_and_tip_state_read_back(repo: CheckinRepository) -> None:
    repo.save_draft(Draft(W, {"gh": 2, "note": "half"}, page=3))
    repo.save_draft(Draft(W.shifted(-1), {"ls": 8}))
    repo.set_meta("demo", "1")
    tips = TipStateRepository(repo.sessions)
    tips.mark_shown(W, ["a", "b"])
    tips.set_feedback("a", "helpful")
    draft = repo.get_draft(W)
    assert draft == Draft(W, {"gh": 2, "note": "half"}, 3) and draft.updated_at is not None
    assert [d.week for d in repo.drafts()] == [W.shifted(-1), W]
    assert repo.get_draft(W.shifted(-5)) is None
    assert repo.meta("demo") == "1" and repo.meta("other") is None
    assert tips.shown_history() == {"a": [W], "b": [W]}
    assert tips.feedback() == {"a": "helpful"}


def test_opening_and_reading_need_no_sqlalchemy_and_the_first_write_loads_it(tmp_path: Path) -> None:
    Database.open(tmp_path / "d").close()  # created (a migration: SQLAlchemy and alembic in this process)
    code = f"""
import sys
from pathlib import Path
from vitaalthuis.storage.db import Database
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.tips import TipStateRepository
from vitaalthuis.services.tips import TipService
db = Database.open(Path({str(tmp_path / 'd')!r}))
repo = CheckinRepository(db.sessions)
repo.all(); repo.drafts(); repo.meta("demo"); repo.weeks(); repo.count()
TipService(TipStateRepository(db.sessions)).feedback()
print("after reads", "sqlalchemy" in sys.modules, db.sessions.loaded)
from tests.helpers import answers
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek
repo.save(CheckIn(IsoWeek(2026, 40), answers()))
print("after a write", "sqlalchemy" in sys.modules, db.sessions.loaded, repo.count())
"""
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=root,
                         env={**os.environ, "PYTHONPATH": str(root)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["after reads False False", "after a write True True 1"]


def test_a_commit_listener_given_before_the_first_write_still_runs(db: Database) -> None:
    calls: list[int] = []
    db.on_commit(lambda: calls.append(1))
    assert not db.sessions.loaded
    CheckinRepository(db.sessions).save(CheckIn(W, answers()))
    assert calls == [1]


def test_reading_a_missing_file_is_a_storage_error_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "gone.sqlite3"
    with pytest.raises(StorageError):
        CheckinRepository(Sessions(path)).all()
    assert not path.exists()


def test_reading_a_damaged_file_is_a_storage_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError):
        CheckinRepository(Sessions(path)).all()
    assert path.read_bytes() == b"this is not a database" * 100


def test_a_relative_data_folder_and_odd_characters_in_its_name_are_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = Database.open(Path("mijn map #1 % ?"))  # relative, with characters a file: URI must escape
    repo = CheckinRepository(db.sessions)
    repo.save(CheckIn(W, answers()))
    assert repo.count() == 1 and repo.get(W) == CheckIn(W, answers())
    db.close()
