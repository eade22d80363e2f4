"""The command line's words: Dutch and English for every message, the language as the window chooses it,
real plural forms, and storage messages that say what happened (a full disk, a failed read)."""

from __future__ import annotations

import io
import json
import re
import string
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import SPEC_EXAMPLE, answers
from vitaalthuis import cli, cli_texts
from vitaalthuis.cli_texts import MESSAGES, PLURALS, Texts
from vitaalthuis.domain import exchange
from vitaalthuis.domain.exchange import parse_import
from vitaalthuis.domain.problem_texts import PROBLEMS
from vitaalthuis.storage import errors
from vitaalthuis.storage.db import DB_FILE

NL, EN = Texts("nl"), Texts("en")


def run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    status = cli.run(list(argv), out=io.StringIO(), err=err)
    assert status is not None
    return status, err.getvalue()


def document(*checkins: dict[str, Any]) -> str:
    return json.dumps({"format": "vitaalthuis", "version": 1, "checkins": list(checkins)})


# --- the catalogue ---------------------------------------------------------------------------------------


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("table", [MESSAGES, PROBLEMS], ids=["messages", "problems"])
def test_every_text_has_dutch_and_english_with_the_same_fields(table: dict[str, dict[str, str]]) -> None:
    for key, texts in table.items():
        assert set(texts) == {"nl", "en"}, key
        assert all(texts.values()), key
        assert _fields(texts["nl"]) == _fields(texts["en"]), key


def test_every_plural_has_a_singular_and_a_plural_in_both_languages() -> None:
    for key, forms in PLURALS.items():
        assert set(forms) == {"nl", "en"}, key
        for one, other in forms.values():
            assert one.startswith("1 ") and other.startswith("{n} ") and one != other.format(n=1), key


def test_every_import_problem_code_has_its_own_words() -> None:
    """Every code has Dutch words of its own (that every code the domain produces is in PROBLEMS is checked
    by the import fuzz test, tests/domain/test_import_fuzz.py, on what real imports report)."""
    for code in PROBLEMS:
        assert PROBLEMS[code]["nl"] != PROBLEMS[code]["en"] or code == "days_over_7", code


def test_no_text_hedges_its_plural() -> None:
    every = [t for texts in (*MESSAGES.values(), *PROBLEMS.values()) for t in texts.values()]
    every += [form for forms in PLURALS.values() for pair in forms.values() for form in pair]
    for text in every:
        assert not re.search(r"\w\((s|en|e|ën)\)", text), text


def test_one_word_for_a_backup_in_dutch() -> None:
    dutch = " ".join(re.sub(r"\{\w+\}", "", t["nl"]) for t in MESSAGES.values()).lower()
    dutch = dutch.replace("vitaalthuis backup list", "")  # the command's name
    assert "reservekopie" in dutch and "back-up" not in dutch and "backup" not in dutch


def test_numbers_and_plurals_per_language() -> None:
    assert NL.number(28812) == "28.812" and EN.number(28812) == "28,812"
    assert NL.number(1234567) == "1.234.567" and EN.number(999) == "999"
    assert [NL.count("checkins", n) for n in (0, 1, 2)] == ["0 check-ins", "1 check-in", "2 check-ins"]
    assert [EN.count("problems", n) for n in (1, 28812)] == ["1 problem", "28,812 problems"]
    assert NL.count("problems", 1) == "1 probleem" and NL.count("weeks", 3) == "3 weken"


def test_an_unknown_language_falls_back_to_dutch() -> None:
    assert Texts("de").lang == "nl"


# --- import problems in both languages -------------------------------------------------------------------

TODAY_FILE_PROBLEMS = [
    b"\xff\xfe",
    b"{ nope",
    b'{"format": "vitaalthuis", "version": 1, "checkins": [], "x": {"a": 1, "a": 2}, "y": 1e999}',
    b"[]",
    b'{"format": "other", "version": "1", "checkins": {}}',
    b'{"format": "vitaalthuis", "version": 1, "demo": "yes", "checkins": []}',
    b"[" * 100_000,
]
ENTRY_PROBLEMS = [
    "5", {"week": "2026-W01", "answers": [], "id": 1}, {"week": 202601, "answers": answers()},
    {"week": "2025-W53", "answers": answers()}, {"week": "1999-W10", "answers": answers()},
    {"week": "2099-W01", "answers": answers()}, {"answers": answers()}, {"week": "2026-W02"},
    {"week": "2026-W03", "answers": {**answers(), "gh": 9, "ls": 11, "mhi5_1": "x", "mood": 1,
                                     "hours_worked": "8", "kans_severity": 3, "note": "x" * 3000,
                                     "days_home": 5, "days_location": 5}},
    {"week": "2026-W04", "answers": {**answers(), "kans_any": 1, "kans_regions": ["neck", "neck"]}},
    {"week": "2026-W05", "answers": {**answers(), "kans_any": 1, "kans_regions": [], "kans_severity": 2,
                                     "kans_work": 1, "note": 5}},
    {"week": "2026-W06", "answers": {**answers(), "note": "a\x00b"}},
    {"week": "2026-W06", "answers": answers()},
]
ENGLISH = re.compile(r"\b(found|expected|missing|line|column|key|both|characters|unknown|is not|at|and|"
                     r"must|before|lies|occurs|the file|are|required|listed|allowed|wrong|Expecting)\b")


def _problems() -> list[exchange.ImportProblem]:
    found = [p for data in TODAY_FILE_PROBLEMS for p in parse_import(data).problems]
    found += parse_import(document(*ENTRY_PROBLEMS)).problems
    found += [exchange.ImportProblem(1, "2026-W01", None, "week_exists", "use --replace to overwrite it"),
              exchange.ImportProblem(None, None, None, "too_large"),
              exchange.ImportProblem(None, None, None, "demo_into_real_data"),
              exchange.ImportProblem(None, None, None, "real_into_demo_data")]
    return found


def test_the_test_covers_every_code() -> None:
    codes = {p.code for p in _problems()}
    missing = set(PROBLEMS) - codes - {"not_a_number"}  # NaN is an invalid_number before it is an answer
    assert not missing, missing


def test_dutch_problem_lines_have_no_english_words_left() -> None:
    for problem in _problems():
        line = NL.problem(problem)
        data = re.sub(r"'[^']*'(\.\.\.)?|\"[^\"]*\"", "", line)  # quoted data stays as it was
        assert not ENGLISH.search(data), line
        assert line.isprintable(), line


def test_english_problem_lines_are_the_domain_messages() -> None:
    for problem in _problems():
        if problem.code not in ("week_exists", "too_large"):
            assert EN.problem(problem) == problem.message().replace("item ", "item ", 1)


def test_a_dutch_problem_line() -> None:
    problem = exchange.ImportProblem(3, "2026-W12", "mhi5_2", "out_of_range", "7 is not one of [1, 2, 3]")
    assert NL.problem(problem) == "check-in 3 (2026-W12), vraag mhi5_2: waarde buiten het bereik " \
                                  "(7 is niet een van [1, 2, 3])"
    malformed = exchange.ImportProblem(None, None, None, "malformed_json",
                                       "line 1, column 3: Expecting value")
    assert NL.problem(malformed) == "geen geldige JSON (regel 1, kolom 3: waarde verwacht)"


def test_hostile_details_stay_short_and_printable() -> None:
    problem = exchange.ImportProblem(1, None, "x" * 10_000 + "\x1b[2J", "unknown_item", "\x1b[31m" * 5000)
    for texts in (NL, EN):
        line = texts.problem(problem)
        assert len(line) < 400 and "\x1b" not in line


# --- the language of a run -------------------------------------------------------------------------------


def _settings(tmp_path: Path, values: dict[str, Any]) -> None:
    folder = tmp_path / "home" / "config" / "VitaalThuis"
    folder.mkdir(parents=True)
    (folder / "settings.json").write_text(json.dumps(values), encoding="utf-8")


def _no_db_message(tmp_path: Path, *argv: str) -> str:
    status, err = run(*argv, "--data-dir", str(tmp_path / "none"), "export")
    assert status == 1
    return err


def test_lang_decides(tmp_path: Path) -> None:
    _settings(tmp_path, {"language": "nl"})
    assert _no_db_message(tmp_path, "--lang", "en").startswith("There is no VitaalThuis database")
    assert _no_db_message(tmp_path, "--lang", "nl").startswith("Er is geen VitaalThuis-database")


def test_without_lang_the_users_setting_decides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    _settings(tmp_path, {"language": "en"})
    assert _no_db_message(tmp_path).startswith("There is no VitaalThuis database")


@pytest.mark.parametrize(("lang", "words"), [("nl_NL.UTF-8", "Er is geen"), ("en_GB.UTF-8", "There is no"),
                                             ("de_DE.UTF-8", "Er is geen")])
def test_without_a_setting_the_system_language_decides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       lang: str, words: str) -> None:
    monkeypatch.setenv("LANG", lang)
    assert _no_db_message(tmp_path).startswith(words)


def test_a_language_locked_by_the_organisation_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('schema_version = 1\nlocked = ["language"]\n[defaults]\nlanguage = "en"\n')
    monkeypatch.setenv("VITAALTHUIS_POLICY", str(policy))
    _settings(tmp_path, {"language": "nl"})
    assert _no_db_message(tmp_path).startswith("There is no VitaalThuis database")


def test_a_damaged_settings_file_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    folder = tmp_path / "home" / "config" / "VitaalThuis"
    folder.mkdir(parents=True)
    (folder / "settings.json").write_text("{ damaged")
    assert _no_db_message(tmp_path).startswith("There is no")
    assert [p.name for p in folder.iterdir()] == ["settings.json"]  # the window puts it aside, not a command


def test_finding_the_language_loads_no_qt() -> None:
    code = ("import sys; from vitaalthuis import cli; print(cli.user_language()); "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    language, qt = result.stdout.splitlines()
    assert language in ("nl", "en") and qt == "[]"


# --- messages of whole commands --------------------------------------------------------------------------


def test_dutch_import_and_restore_messages(data_dir: Path, tmp_path: Path) -> None:
    from vitaalthuis.services.backups import BackupService

    path = tmp_path / "in.json"
    path.write_text(document({"week": "2026-W10", "answers": SPEC_EXAMPLE}), encoding="utf-8")
    assert run("--lang", "nl", "--data-dir", str(data_dir), "import", str(path)) == (
        0, "1 nieuwe check-in geïmporteerd.\n")
    daily = BackupService(data_dir / DB_FILE).daily_backup()
    assert daily is not None
    status, err = run("--lang", "nl", "--data-dir", str(data_dir), "import", "--replace", str(path))
    assert status == 0 and err.splitlines()[0] == "1 check-in vervangen."
    assert err.splitlines()[1].startswith("Je gegevens van vóór de import staan in de reservekopie ")
    status, err = run("--lang", "nl", "--data-dir", str(data_dir), "backup", "restore", daily.name)
    assert status == 0 and err.startswith(f"Reservekopie {daily.name} (") and "1 check-in)" in err
    status, err = run("--lang", "nl", "--data-dir", str(data_dir), "backup", "restore", "nope.sqlite3")
    assert status == 1 and err.startswith("Er is geen reservekopie nope.sqlite3 in ")


def test_dutch_backup_list_header(data_dir: Path, tmp_path: Path) -> None:
    from vitaalthuis.services.backups import BackupService

    path = tmp_path / "in.json"
    path.write_text(document({"week": "2026-W10", "answers": SPEC_EXAMPLE}), encoding="utf-8")
    assert run("--data-dir", str(data_dir), "import", str(path))[0] == 0
    assert BackupService(data_dir / DB_FILE).daily_backup() is not None
    out = io.StringIO()
    assert cli.run(["--lang", "nl", "--data-dir", str(data_dir), "backup", "list"], out=out,
                   err=io.StringIO()) == 0
    assert out.getvalue().splitlines()[0].split() == ["ID", "DATUM", "CHECK-INS"]


def test_demo_data_messages_use_real_plurals(data_dir: Path) -> None:
    status, err = run("--lang", "en", "--data-dir", str(data_dir), "demo-data", "--weeks", "1")
    assert status == 0 and err.startswith("Added 1 check-in with made-up answers over the last 1 week, in ")
    status, err = run("--lang", "nl", "--data-dir", str(data_dir), "demo-data", "--weeks", "2")
    assert status == 1
    assert err.startswith(f"Er is niets toegevoegd. In {data_dir} staan al 1 check-in en 0 concepten.")


# --- storage messages ------------------------------------------------------------------------------------

PATH = Path("/data/vitaalthuis.sqlite3")


def test_a_full_disk_is_called_a_full_disk() -> None:
    exc = errors.StorageWriteError(PATH, "the disk is full", "disk_full")
    assert cli.storage_message(exc, EN).startswith("The disk is full: ")
    assert cli.storage_message(exc, NL).startswith("De schijf is vol: ")
    assert cli.storage_message(exc).startswith("The disk is full: ")  # English without a language


def test_write_failures_by_reason() -> None:
    read_only = cli.storage_message(errors.StorageWriteError(PATH, "x", "read_only"), EN)
    failing = cli.storage_message(errors.StorageWriteError(PATH, "x", "io"), EN)
    assert "read-only" in read_only and "could not be written" in failing and "full or failing" in failing


def test_a_failed_read_is_not_called_a_failed_write() -> None:
    read_error = getattr(errors, "StorageReadError", None)
    if read_error is None:  # older storage: the class name decides
        read_error = type("StorageReadError", (errors.StorageError,), {"reason": "io"})
    for exc in (read_error(PATH, "the database could not be read"),
                errors.StorageError(PATH, "the database cannot be read: disk I/O error")):
        for texts in (EN, NL):
            message = cli.storage_message(exc, texts)
            assert "written" not in message and "bijgewerkt" not in message, message
        assert cli.storage_message(exc, EN).startswith(f"{PATH} could not be read.")
        assert cli.storage_message(exc, NL).startswith(f"{PATH} kan niet worden gelezen.")


def test_a_read_without_permission() -> None:
    exc = errors.StorageError(PATH, "cannot be read")
    exc.reason = "read_only"
    assert "no permission" in cli.storage_message(exc, EN)


def test_other_storage_messages() -> None:
    folder = PATH.parent
    no_database = cli.storage_message(errors.NoDatabaseError(PATH), NL)
    assert no_database == f"Er is geen VitaalThuis-database in {folder}."
    assert cli.storage_message(errors.DatabaseTooNewError(PATH), NL).startswith(f"{PATH} is gemaakt door een")
    assert "beschadigd" in cli.storage_message(errors.NotVitaalThuisDatabaseError(PATH, "damaged"), NL)
    migration = errors.MigrationError(PATH, "upgrade failed; backup: /data/backups/x.sqlite3")
    assert cli.storage_message(migration, EN).endswith("the backup made just before is "
                                                       "/data/backups/x.sqlite3")
    try:
        raise errors.DataDirError(folder, "Permission denied") from PermissionError(13, "Permission denied")
    except errors.DataDirError as exc:
        assert cli.storage_message(exc, NL) == f"De gegevensmap {folder} is niet te gebruiken: geen toegang."
    unwritable = errors.DataDirError(folder, "the folder cannot be written")
    assert cli.storage_message(unwritable, NL).endswith("je kunt er niet in schrijven.")


def test_a_full_disk_during_an_import(data_dir: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from vitaalthuis.storage.checkins import CheckinRepository

    def full(self: CheckinRepository, *_args: object, **_kwargs: object) -> None:
        raise errors.StorageWriteError(self._sessions.path, "the disk is full", "disk_full")

    monkeypatch.setattr(CheckinRepository, "save_many", full)
    path = tmp_path / "in.json"
    path.write_text(document({"week": "2026-W10", "answers": SPEC_EXAMPLE}), encoding="utf-8")
    status, err = run("--lang", "nl", "--data-dir", str(data_dir), "import", str(path))
    assert status == 1 and err.startswith("De schijf is vol: ")


def test_shown_paths_cannot_steer_the_terminal() -> None:
    assert cli_texts.shown("a\x1b[2Jb") == "a\\x1b[2Jb" and cli_texts.shown("gewoon.json") == "gewoon.json"
