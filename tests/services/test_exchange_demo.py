"""Demo data stays marked through export and import (docs/exchange-format.md, "Demo data"): the optional
``"demo": true`` of the JSON format, and the rule that one data folder never mixes demo data and real
check-ins."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import answers
from vitaalthuis import cli
from vitaalthuis.domain.checkin import CheckIn, Draft
from vitaalthuis.domain.exchange import export_json, parse_import
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.demo import fill_demo_data, is_demo
from vitaalthuis.services.exchange import ExchangeService, ImportRejectedError
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import DB_FILE, Database

TODAY = dt.date(2026, 5, 13)


class Folder:
    """One data folder: its database, repository and exchange service."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = Database.open(path)
        self.repo = CheckinRepository(self.db.sessions)
        self.service = ExchangeService(self.repo, self.db.path, today=lambda: TODAY)

    def content(self) -> list[tuple[Any, ...]]:
        con = sqlite3.connect(self.path / DB_FILE)
        try:
            return con.execute("SELECT c.week, a.item, a.value FROM checkin c JOIN answer a "
                               "ON a.checkin_id = c.id ORDER BY c.week, a.item").fetchall()
        finally:
            con.close()


@pytest.fixture
def folders(tmp_path: Path) -> Iterator[dict[str, Folder]]:
    made: dict[str, Folder] = {}

    class Opener(dict[str, Folder]):
        def __missing__(self, name: str) -> Folder:
            made[name] = self[name] = Folder(tmp_path / name)
            return made[name]

    yield Opener()
    for folder in made.values():
        folder.db.close()


def real_checkins(*weeks: int) -> list[CheckIn]:
    return [CheckIn(IsoWeek(2026, w), answers(ls=5 + i)) for i, w in enumerate(weeks)]


def demo_folder(folders: dict[str, Folder], name: str = "demo", weeks: int = 12) -> Folder:
    folder = folders[name]
    fill_demo_data(folder.repo, weeks, today=TODAY)
    assert is_demo(folder.repo)
    return folder


def codes(exc: pytest.ExceptionInfo[ImportRejectedError]) -> list[str]:
    return [p.code for p in exc.value.problems]


# --- the round trip -----------------------------------------------------------------------------------------


def test_demo_data_round_trip_into_an_empty_folder_stays_demo(folders: dict[str, Folder]) -> None:
    source = demo_folder(folders)
    text = source.service.export("json")
    doc = json.loads(text)
    assert doc["demo"] is True
    assert list(doc)[:3] == ["format", "version", "demo"]
    target = folders["fresh"]
    result = target.service.import_data(text)
    assert len(result.added) == source.repo.count() == target.repo.count()
    assert is_demo(target.repo)
    assert target.content() == source.content()
    assert json.loads(target.service.export("json")) == doc  # and the mark goes on to the next export


def test_real_data_round_trip_stays_unmarked(folders: dict[str, Folder]) -> None:
    source = folders["real"]
    source.repo.save_many(real_checkins(10, 11, 13))
    text = source.service.export("json")
    assert "demo" not in json.loads(text)
    target = folders["fresh"]
    target.service.import_data(text)
    assert target.repo.count() == 3 and not is_demo(target.repo)
    assert "demo" not in json.loads(target.service.export("json"))


def test_demo_false_is_real_data(folders: dict[str, Folder]) -> None:
    doc = json.loads(export_json(real_checkins(10)))
    target = folders["fresh"]
    target.service.import_data(json.dumps({**doc, "demo": False}))
    assert target.repo.count() == 1 and not is_demo(target.repo)


def test_the_mark_is_set_only_with_check_ins(folders: dict[str, Folder]) -> None:
    target = folders["fresh"]
    result = target.service.import_data(export_json([], demo=True))
    assert (result.added, result.replaced) == ([], [])
    assert not is_demo(target.repo)  # an empty file changes nothing: the next real check-in is not "demo"


def test_demo_data_into_a_demo_folder_is_an_ordinary_import(folders: dict[str, Folder]) -> None:
    source = demo_folder(folders)
    text = source.service.export("json")
    with pytest.raises(ImportRejectedError) as exc:
        source.service.import_data(text)
    assert set(codes(exc)) == {"week_exists"}
    result = source.service.import_data(text, replace=True)
    assert len(result.replaced) == source.repo.count() and is_demo(source.repo)


def test_the_csv_export_is_the_same_for_demo_data(folders: dict[str, Folder]) -> None:
    source = demo_folder(folders)
    csv = source.service.export("csv")
    assert "demo" not in csv.splitlines()[0].split(",")
    assert csv.splitlines()[0].lstrip("\ufeff").startswith("week,gh,")


# --- never a mix --------------------------------------------------------------------------------------------


def test_demo_data_into_a_folder_with_real_check_ins_is_refused(folders: dict[str, Folder]) -> None:
    text = demo_folder(folders).service.export("json")
    target = folders["real"]
    target.repo.save_many(real_checkins(1, 2))  # weeks the demo data does not have: no week conflict
    before = target.content()
    for replace in (False, True):
        with pytest.raises(ImportRejectedError) as exc:
            target.service.preview(text, replace=replace)
        assert codes(exc) == ["demo_into_real_data"]
        with pytest.raises(ImportRejectedError) as exc:
            target.service.import_data(text, replace=replace)
        assert codes(exc) == ["demo_into_real_data"]
    assert target.content() == before and not is_demo(target.repo)
    assert not (target.path / "backups").exists() or not any((target.path / "backups").iterdir())


def test_demo_data_into_a_folder_with_only_a_draft_is_refused(folders: dict[str, Folder]) -> None:
    text = demo_folder(folders).service.export("json")
    target = folders["drafting"]
    target.repo.save_draft(Draft(IsoWeek(2026, 19), {"gh": 2}, 1))
    with pytest.raises(ImportRejectedError) as exc:
        target.service.import_data(text)
    assert codes(exc) == ["demo_into_real_data"]
    assert target.repo.count() == 0 and not is_demo(target.repo) and len(target.repo.drafts()) == 1


def test_real_check_ins_into_a_demo_folder_are_refused(folders: dict[str, Folder]) -> None:
    target = demo_folder(folders)
    before = target.content()
    text = export_json(real_checkins(1))
    with pytest.raises(ImportRejectedError) as exc:
        target.service.import_data(text, replace=True)
    assert codes(exc) == ["real_into_demo_data"]
    assert target.content() == before and is_demo(target.repo)


def test_a_check_in_saved_meanwhile_turns_a_demo_import_into_a_refusal(
    folders: dict[str, Folder], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Emptiness is decided again under the write lock: the window saving a real check-in between the
    checks and the write must not end up under the demo mark."""
    text = demo_folder(folders).service.export("json")
    target = folders["fresh"]
    checked = target.service._check

    def check_then_save_elsewhere(*args: Any, **kwargs: Any) -> Any:
        found = checked(*args, **kwargs)
        other = Folder.__new__(Folder)  # a second connection, as another process would have
        other.db = Database.open(target.path)
        try:
            CheckinRepository(other.db.sessions).save_many(real_checkins(1))
        finally:
            other.db.close()
        return found

    monkeypatch.setattr(target.service, "_check", check_then_save_elsewhere)
    with pytest.raises(ImportRejectedError) as exc:
        target.service.import_data(text)
    assert codes(exc) == ["demo_into_real_data"]
    assert [row[0] for row in target.content()][:1] == ["2026-W01"] and target.repo.count() == 1
    assert not is_demo(target.repo)


# --- the format ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [True, False])
def test_demo_as_a_boolean_is_read(value: bool) -> None:
    doc = {**json.loads(export_json(real_checkins(10))), "demo": value}
    parsed = parse_import(json.dumps(doc), today=TODAY)
    assert parsed.ok and parsed.demo is value and len(parsed.checkins) == 1


def test_a_file_without_demo_is_real_data() -> None:
    parsed = parse_import(export_json(real_checkins(10)), today=TODAY)
    assert parsed.ok and parsed.demo is False


@pytest.mark.parametrize("value", ["true", "false", 1, 0, None, [], {}])
def test_demo_must_be_true_or_false(value: Any) -> None:
    doc = {**json.loads(export_json(real_checkins(10))), "demo": value}
    parsed = parse_import(json.dumps(doc), today=TODAY)
    assert [(p.index, p.code) for p in parsed.problems] == [(None, "demo_not_boolean")]
    assert parsed.checkins == [] and parsed.demo is False


def test_demo_twice_is_a_duplicate_key() -> None:
    text = export_json(real_checkins(10), demo=True).replace('"demo": true,', '"demo": true, "demo": false,')
    assert [p.code for p in parse_import(text, today=TODAY).problems] == ["duplicate_key"]


# --- the command line ---------------------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    status = cli.run(list(argv), out=io.StringIO(), err=err)
    assert status is not None
    return status, err.getvalue()


def test_command_line_round_trip_and_refusal(tmp_path: Path) -> None:
    demo_dir, fresh, real = tmp_path / "demo", tmp_path / "fresh", tmp_path / "real"
    assert run("--data-dir", str(demo_dir), "demo-data", "--weeks", "8")[0] == 0
    export = tmp_path / "demo.json"
    assert run("--data-dir", str(demo_dir), "export", "--output", str(export))[0] == 0
    assert run("--data-dir", str(fresh), "import", str(export))[0] == 0
    db = Database.open(fresh)
    try:
        assert is_demo(CheckinRepository(db.sessions))
    finally:
        db.close()
    own = tmp_path / "own.json"
    own.write_text(export_json(real_checkins(1)), encoding="utf-8")
    assert run("--data-dir", str(real), "import", str(own))[0] == 0
    status, err = run("--data-dir", str(real), "import", str(export))
    assert status == 1
    assert "demogegevens gaan alleen naar een lege gegevensmap" in err
    status, err = run("--lang", "en", "--data-dir", str(fresh), "import", str(own))
    assert status == 1 and "this data folder holds demo data" in err
