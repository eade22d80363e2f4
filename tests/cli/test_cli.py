"""The command line (README.md, docs/development.md): grammar, exit status, messages, all-or-nothing import.

Messages follow the language (tests/cli/test_cli_texts.py); the tests here ask for English with ``--lang en``.
Input limits and read-only commands: tests/cli/test_cli_input.py."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import SPEC_EXAMPLE, SPEC_EXAMPLE_SCORES, answers
from vitaalthuis import __version__, cli
from vitaalthuis.storage.db import DB_FILE


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(list(argv), out=out, err=err)
    assert status is not None
    return status, out.getvalue(), err.getvalue()


def run_en(*argv: str) -> tuple[int, str, str]:
    return run("--lang", "en", *argv)


def document(*checkins: dict[str, Any]) -> str:
    return json.dumps({"format": "vitaalthuis", "version": 1, "checkins": list(checkins)})


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def db_content(data_dir: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(data_dir / DB_FILE) as con:
        return con.execute(
            "SELECT c.week, c.scoring_version, a.item, a.value FROM checkin c "
            "JOIN answer a ON a.checkin_id = c.id ORDER BY c.week, a.item").fetchall()


WEEKS = ["2026-W10", "2026-W11", "2026-W13"]


@pytest.fixture
def filled(tmp_path: Path, data_dir: Path) -> Path:
    """A data dir holding three check-ins, imported with the command line."""
    doc = document(
        {"week": WEEKS[0], "answers": SPEC_EXAMPLE},
        {"week": WEEKS[1], "answers": answers(ls=6, mhi5_1=1, djg_1=1, djg_4=1, djg_6=2, djg_2=3, wlb=3)},
        {"week": WEEKS[2], "answers": {**answers(gh=3), "note": "=SUM(A1) één ☕", "hours_worked": 36.5}},
    )
    status, _, err = run_en("--data-dir", str(data_dir), "import", str(write(tmp_path, "in.json", doc)))
    assert status == 0, err
    assert err == "Imported 3 new check-ins.\n"
    return data_dir


def test_import_then_export_json_gives_the_specified_scores(filled: Path) -> None:
    status, out, _ = run("--data-dir", str(filled), "export", "--format", "json")
    assert status == 0
    doc = json.loads(out)
    assert doc["format"] == "vitaalthuis" and doc["version"] == 1
    assert [c["week"] for c in doc["checkins"]] == WEEKS
    first, second, third = doc["checkins"]
    assert first["answers"] == SPEC_EXAMPLE
    assert first["scores"] == SPEC_EXAMPLE_SCORES
    assert first["scoring_version"] == 1
    # week 11: mhi5_1 "voortdurend" (0 points) → 4 * (0+5+4+4+4) = 68;
    # djg 3 emotional + 1 social = 4 (moderate)
    assert second["scores"] == {
        "gh_good": True, "mhi5": 68, "mhi5_low": False, "ls_satisfied": False, "djg_total": 4,
        "djg_emotional": 3, "djg_social": 1, "djg_category": "moderate", "kans": False, "wlb_imbalance": True,
    }
    assert third["answers"]["note"] == "=SUM(A1) één ☕" and third["answers"]["hours_worked"] == 36.5
    assert third["scores"]["gh_good"] is False


def test_export_csv_to_a_file(filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    status, out, err = run_en("--data-dir", str(filled), "export", "--format", "csv", "--output", str(target))
    assert status == 0 and out == "" and err == f"Export saved to {target}\n"
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["week"] for r in rows] == WEEKS
    assert rows[0]["mhi5"] == "84" and rows[0]["kans_regions"] == "neck"
    assert rows[2]["note"] == "'=SUM(A1) één ☕"
    if sys.platform != "win32":
        assert target.stat().st_mode & 0o777 == 0o600


def test_round_trip_through_a_second_data_dir(filled: Path, tmp_path: Path) -> None:
    export = tmp_path / "all.json"
    assert run("--data-dir", str(filled), "export", "--output", str(export))[0] == 0
    other = tmp_path / "other"
    assert run("--data-dir", str(other), "import", str(export))[0] == 0
    assert db_content(other) == db_content(filled)


BAD_IMPORTS = [
    ("not json", "{ nope", None, None),
    ("wrong format", json.dumps({"format": "other", "version": 1, "checkins": []}), None, None),
    ("wrong version", json.dumps({"format": "vitaalthuis", "version": 2, "checkins": []}), None, None),
    ("unknown item", document({"week": "2026-W20", "answers": {**answers(), "mood": 3}}), 1, "mood"),
    ("string code", document({"week": "2026-W20", "answers": {**answers(), "gh": "2"}}), 1, "gh"),
    ("bool code", document({"week": "2026-W20", "answers": {**answers(), "gh": True}}), 1, "gh"),
    ("float code", document({"week": "2026-W20", "answers": {**answers(), "ls": 7.0}}), 1, "ls"),
    ("out of range", document({"week": "2026-W20", "answers": {**answers(), "mhi5_3": 7}}), 1, "mhi5_3"),
    ("missing item", document({"week": "2026-W20", "answers": answers(wlb=None)}), 1, "wlb"),
    ("kans details without yes",
     document({"week": "2026-W20", "answers": {**answers(), "kans_severity": 3}}), 1, "kans_severity"),
    ("days over 7", document({"week": "2026-W20", "answers": answers(days_home=5, days_location=3)}), 1,
     None),
    ("note too long", document({"week": "2026-W20", "answers": {**answers(), "note": "x" * 2001}}), 1,
     "note"),
    ("future week", document({"week": "2099-W01", "answers": answers()}), 1, None),
    ("week 53 in 2025", document({"week": "2025-W53", "answers": answers()}), 1, None),
    ("bad week", document({"week": "2026-20", "answers": answers()}), 1, None),
    ("duplicate week", document({"week": "2026-W20", "answers": answers()},
                                {"week": "2026-W20", "answers": answers()}), 2, None),
    ("duplicate key", '{"format": "vitaalthuis", "version": 1, "version": 1, "checkins": []}', None, None),
]


@pytest.mark.parametrize(("name", "text", "index", "item"), BAD_IMPORTS, ids=[b[0] for b in BAD_IMPORTS])
def test_bad_import_changes_nothing_and_names_the_problem(
    filled: Path, tmp_path: Path, name: str, text: str, index: int | None, item: str | None
) -> None:
    before = db_content(filled)
    # a valid check-in first, so a partial import would be visible
    if index is not None:
        doc = json.loads(text)
        doc["checkins"].insert(0, {"week": "2026-W19", "answers": answers()})
        text = json.dumps(doc)
        index += 1
    status, out, err = run_en("--data-dir", str(filled), "import", str(write(tmp_path, "bad.json", text)))
    assert status == 1
    assert out == ""
    assert err.startswith("Nothing was imported. ")
    if index is not None:
        assert f"check-in {index}" in err
    if item is not None:
        assert item in err
    assert db_content(filled) == before


def test_existing_weeks_are_refused_in_one_sentence_unless_replace(filled: Path, tmp_path: Path) -> None:
    before = db_content(filled)
    doc = document({"week": "2026-W20", "answers": answers()}, {"week": WEEKS[1], "answers": answers(ls=10)},
                   {"week": WEEKS[2], "answers": answers(ls=10)})
    path = write(tmp_path, "conflict.json", doc)
    status, _, err = run_en("--data-dir", str(filled), "import", str(path))
    assert status == 1
    assert err == (f"Nothing was imported. These weeks are already there: {WEEKS[1]}, {WEEKS[2]}. "
                   "Use --replace to replace them.\n")
    status, _, err = run("--lang", "nl", "--data-dir", str(filled), "import", str(path))
    assert status == 1
    assert err == (f"Er is niets geïmporteerd. Deze weken staan er al: {WEEKS[1]}, {WEEKS[2]}. "
                   "Gebruik --replace om ze te vervangen.\n")
    assert db_content(filled) == before
    status, _, err = run_en("--data-dir", str(filled), "import", "--replace", str(path))
    assert status == 0
    first, second = err.splitlines()
    assert first == "Imported 1 new check-in and replaced 2 check-ins."
    assert second.startswith("Your data from before the import is in the backup ")
    exported = json.loads(run("--data-dir", str(filled), "export")[1])
    assert [c["answers"]["ls"] for c in exported["checkins"]] == [8, 10, 10, 8]


def test_one_existing_week_is_named_in_the_singular(filled: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "one.json", document({"week": WEEKS[0], "answers": answers()}))
    status, _, err = run_en("--data-dir", str(filled), "import", str(path))
    assert status == 1 and err == (f"Nothing was imported. This week is already there: {WEEKS[0]}. "
                                   "Use --replace to replace it.\n")


def test_import_of_a_missing_file_is_refused(data_dir: Path, tmp_path: Path) -> None:
    status, _, err = run_en("--data-dir", str(data_dir), "import", str(tmp_path / "nope.json"))
    assert status == 1 and err == f"{tmp_path / 'nope.json'} does not exist.\n"
    assert not data_dir.exists()


@pytest.mark.parametrize("argv", [["frobnicate"], ["export", "--format", "xml"], ["import"],
                                  ["--lang", "de"]])
def test_wrong_usage_exits_2(argv: list[str]) -> None:
    assert run(*argv)[0] == 2


def test_data_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VITAALTHUIS_DATA_DIR", str(tmp_path / "env-data"))
    assert run("export")[0] == 1  # nothing there yet, and export only reads
    assert not (tmp_path / "env-data").exists()
    assert run("import", str(write(tmp_path, "in.json", document())))[0] == 0
    assert (tmp_path / "env-data" / DB_FILE).exists()
    assert run("export")[0] == 0


def test_damaged_database_is_refused_with_a_clear_message(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB_FILE).write_bytes(b"garbage" * 500)
    status, _, err = run_en("--data-dir", str(data_dir), "export")
    assert status == 1 and "damaged or is not a VitaalThuis database" in err
    assert (data_dir / DB_FILE).read_bytes() == b"garbage" * 500


@pytest.mark.parametrize("entry", [["-m", "vitaalthuis"],
                                   ["-c", "from vitaalthuis.__main__ import main; main()"]])
def test_real_entry_points(entry: list[str], data_dir: Path) -> None:
    def call(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *entry, *argv], input=stdin, capture_output=True, text=True,
                              check=True)

    assert call("--version").stdout.strip() == f"VitaalThuis {__version__}"
    doc = document({"week": "2026-W10", "answers": SPEC_EXAMPLE})
    imported = call("--data-dir", str(data_dir), "--lang", "en", "import", "-", stdin=doc)  # the real stdin
    assert imported.stderr == "Imported 1 new check-in.\n"
    exported = call("--data-dir", str(data_dir), "export")
    assert [c["week"] for c in json.loads(exported.stdout)["checkins"]] == ["2026-W10"]


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("vitaalthuis")
    assert script.exists()
    assert subprocess.run([script, "--version"], capture_output=True, text=True).returncode == 0
