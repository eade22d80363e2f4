"""What the command line reads and writes: bounded import input, read-only commands that create nothing,
export files that appear whole or not at all, and long problem lists cut short."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import SPEC_EXAMPLE, answers
from vitaalthuis import cli
from vitaalthuis.domain import exchange
from vitaalthuis.storage.db import DB_FILE, Database

LIMIT = exchange.MAX_IMPORT_BYTES


def run(*argv: str, stdin: Any = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(["--lang", "en", *argv], out=out, err=err, stdin=stdin)
    assert status is not None
    return status, out.getvalue(), err.getvalue()


def document(*checkins: dict[str, Any]) -> str:
    return json.dumps({"format": "vitaalthuis", "version": 1, "checkins": list(checkins)})


@pytest.fixture
def filled(data_dir: Path, tmp_path: Path) -> Path:
    path = tmp_path / "in.json"
    path.write_text(document({"week": "2026-W10", "answers": SPEC_EXAMPLE}), encoding="utf-8")
    assert run("--data-dir", str(data_dir), "import", str(path))[0] == 0
    return data_dir


def content(data_dir: Path) -> bytes:
    return (data_dir / DB_FILE).read_bytes()


def leftovers(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.part"))


def test_the_help_text_states_the_limit_of_the_domain() -> None:
    assert cli.IMPORT_LIMIT_MB * 1024 * 1024 == LIMIT


# --- import: only a regular file or standard input, bounded ---------------------------------------------


def test_a_folder_is_refused(filled: Path, tmp_path: Path) -> None:
    before = content(filled)
    status, out, err = run("--data-dir", str(filled), "import", str(tmp_path))
    assert (status, out) == (1, "") and err == f"{tmp_path} is a folder, not a file. Nothing was imported.\n"
    assert content(filled) == before


def _subprocess_import(data_dir: Path, source: str) -> subprocess.CompletedProcess[str]:
    """A real process with a timeout: a read that blocks or never ends fails the test instead of hanging it.
    Its memory is capped so that an unbounded read fails fast rather than filling the machine."""
    def cap_memory() -> None:  # pragma: no cover - runs in the child
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (4 * 1024 ** 3, 4 * 1024 ** 3))

    return subprocess.run([sys.executable, "-m", "vitaalthuis", "--lang", "en", "--data-dir", str(data_dir),
                           "import", source], capture_output=True, text=True, timeout=120,
                          preexec_fn=cap_memory if os.name == "posix" else None)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_refused_without_waiting_for_a_writer(data_dir: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)  # nobody writes: a plain open() would wait forever
    result = _subprocess_import(data_dir, str(fifo))
    assert result.returncode == 1
    assert result.stderr == (f"{fifo} is not a regular file. Give a file, or - to read standard input. "
                             "Nothing was imported.\n")
    assert not data_dir.exists()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this platform")
def test_an_endless_device_is_refused_unread(data_dir: Path) -> None:
    result = _subprocess_import(data_dir, "/dev/zero")
    assert result.returncode == 1 and "/dev/zero is not a regular file" in result.stderr
    assert not data_dir.exists()


def test_a_file_over_the_limit_is_refused_and_changes_nothing(filled: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as fh:
        fh.truncate(LIMIT + 1)  # sparse: costs no disk space
    before = content(filled)
    status, _, err = run("--data-dir", str(filled), "import", str(big))
    assert status == 1
    assert err == (f"{big} is larger than 20 MB. A VitaalThuis export is never that big. "
                   "Nothing was imported.\n")
    assert content(filled) == before


def test_a_file_of_exactly_the_limit_is_imported(data_dir: Path, tmp_path: Path) -> None:
    doc = document({"week": "2026-W10", "answers": SPEC_EXAMPLE}).encode("utf-8")
    path = tmp_path / "padded.json"
    path.write_bytes(doc + b" " * (LIMIT - len(doc)))
    status, _, err = run("--data-dir", str(data_dir), "import", str(path))
    assert status == 0, err


class EndlessStream:
    """Standard input that never ends (``cat /dev/zero | vitaalthuis import -``); records what was asked."""

    def __init__(self) -> None:
        self.asked: list[int] = []

    def read(self, size: int = -1) -> bytes:
        assert size is not None and size >= 0, "asked to read everything"
        self.asked.append(size)
        return b"0" * size


def test_standard_input_over_the_limit_is_refused_after_reading_one_byte_too_many(filled: Path) -> None:
    stream = EndlessStream()
    before = content(filled)
    status, _, err = run("--data-dir", str(filled), "import", "-", stdin=stream)
    assert status == 1 and err.startswith("Standard input is larger than 20 MB.")
    assert sum(stream.asked) == LIMIT + 1
    assert content(filled) == before


class LineByLine:
    """A terminal: every read returns at most one line, and a short read is not the end."""

    def __init__(self, data: bytes) -> None:
        self.lines = data.splitlines(keepends=True)

    def read(self, size: int = -1) -> bytes:
        return self.lines.pop(0) if self.lines else b""


def test_standard_input_from_a_terminal_is_read_to_the_end(data_dir: Path) -> None:
    doc = json.dumps(json.loads(document({"week": "2026-W10", "answers": SPEC_EXAMPLE})), indent=2)
    status, _, err = run("--data-dir", str(data_dir), "import", "-", stdin=LineByLine(doc.encode("utf-8")))
    assert status == 0 and err == "Imported 1 new check-in.\n"


def test_standard_input_is_imported(data_dir: Path) -> None:
    doc = document({"week": "2026-W10", "answers": SPEC_EXAMPLE}, {"week": "2026-W11", "answers": answers()})
    status, _, err = run("--data-dir", str(data_dir), "import", "-", stdin=io.BytesIO(doc.encode("utf-8")))
    assert status == 0 and err == "Imported 2 new check-ins.\n"


def test_a_bad_file_creates_no_data_folder(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{ nope", encoding="utf-8")
    status, _, err = run("--data-dir", str(data_dir), "import", str(path))
    assert status == 1 and err.startswith(f"Nothing was imported. {path} has 1 problem:\n  malformed JSON")
    assert not data_dir.exists()


# --- many problems: 20 shown, the rest counted -----------------------------------------------------------


def test_many_problems_are_cut_short_with_a_count(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(document(*[{}] * 1500), encoding="utf-8")  # two problems each
    status, _, err = run("--data-dir", str(data_dir), "import", str(path))
    lines = err.splitlines()
    assert status == 1 and lines[0] == f"Nothing was imported. {path} has 3,000 problems:"
    assert lines[1:5] == ["  check-in 1: week is missing", "  check-in 1: answers are missing",
                          "  check-in 2: week is missing", "  check-in 2: answers are missing"]
    assert len(lines) == 1 + cli.SHOWN_PROBLEMS + 1 and lines[-1] == "  … and 2,980 more"
    out, dutch = io.StringIO(), io.StringIO()
    argv = ["--lang", "nl", "--data-dir", str(data_dir), "import", str(path)]
    assert cli.run(argv, out=out, err=dutch) == 1
    assert dutch.getvalue().splitlines()[0] == f"Er is niets geïmporteerd. {path} heeft 3.000 problemen:"
    assert dutch.getvalue().splitlines()[-1] == "  … en nog 2.980"


def test_when_counting_stopped_the_count_says_at_least(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(document(*[{}] * (exchange.MAX_COUNTED // 2 + 100)), encoding="utf-8")
    status, _, err = run("--data-dir", str(data_dir), "import", str(path))
    lines = err.splitlines()
    assert status == 1 and lines[0] == f"Nothing was imported. {path} has at least 100,000 problems:"
    assert lines[-1] == "  … and at least 99,980 more"


# --- commands that only read create nothing --------------------------------------------------------------


@pytest.mark.parametrize("command", [["export"], ["export", "--format", "csv"], ["backup", "list"],
                                     ["backup", "restore", "daily-20260101-000000.sqlite3"]])
def test_a_mistyped_data_folder_is_reported_and_not_created(tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "VitalThuis"
    status, out, err = run("--data-dir", str(typo), *command)
    assert status == 1 and out == ""
    if command[0] != "backup" or command[1] == "list":
        assert err == f"There is no VitaalThuis database in {typo}.\n"
    assert not typo.exists()
    assert not (tmp_path / "home").exists()  # no settings, log or config folder either (conftest's XDG dirs)


def test_no_message_is_english_by_accident(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["--lang", "nl", "--data-dir", str(tmp_path / "x"), "export"], out=out, err=err) == 1
    assert err.getvalue() == f"Er is geen VitaalThuis-database in {tmp_path / 'x'}.\n"


def test_an_existing_folder_without_a_database_gets_none(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    assert run("--data-dir", str(folder), "export")[0] == 1
    assert run("--data-dir", str(folder), "backup", "list")[0] == 1
    assert list(folder.iterdir()) == []


def test_backups_are_listed_when_the_database_is_gone(filled: Path) -> None:
    from vitaalthuis.services.backups import BackupService

    daily = BackupService(filled / DB_FILE).daily_backup()
    assert daily is not None
    (filled / DB_FILE).unlink()
    status, out, _ = run("--data-dir", str(filled), "backup", "list")
    assert status == 0 and daily.name in out
    assert not (filled / DB_FILE).exists()


def test_an_empty_database_without_backups_says_so(data_dir: Path) -> None:
    Database.open(data_dir).close()
    status, out, err = run("--data-dir", str(data_dir), "backup", "list")
    assert (status, out) == (0, "") and err == f"There are no backups in {data_dir / 'backups'} yet.\n"


# --- export to a file: whole or not at all ---------------------------------------------------------------


def test_export_into_a_missing_folder_is_refused_and_creates_nothing(filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "all.json"
    status, _, err = run("--data-dir", str(filled), "export", "--output", str(target))
    assert status == 1 and err == f"The folder {target.parent} does not exist. Nothing was saved.\n"
    assert not target.parent.exists() and leftovers(tmp_path) == []


def test_export_that_cannot_replace_the_target_leaves_nothing_behind(filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "all.json"
    target.mkdir()  # the final rename fails
    (target / "keep").write_text("x")
    status, _, err = run("--data-dir", str(filled), "export", "--output", str(target))
    assert status == 1 and err.startswith(f"{target} was not saved: ")
    assert leftovers(tmp_path) == [] and [p.name for p in target.iterdir()] == ["keep"]


def test_export_on_a_full_disk_says_so_and_keeps_the_old_file(filled: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import vitaalthuis.files as files

    target = tmp_path / "all.json"
    target.write_text("the previous export")

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    status, _, err = run("--data-dir", str(filled), "export", "--output", str(target))
    monkeypatch.undo()
    assert status == 1 and err == f"{target} was not saved: the disk is full.\n"
    assert target.read_text() == "the previous export" and leftovers(tmp_path) == []
