"""Logs: in the user log folder, rotated, private, and never holding answers or notes."""

from __future__ import annotations

import json
import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import answers
from vitaalthuis import logs
from vitaalthuis.config.paths import log_dir
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.backups import BackupService
from vitaalthuis.services.exchange import ExchangeService, ImportRejectedError
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import Database

SECRET = "Mijn geheime notitie 🤫 over mijn baas"


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    hooks = sys.excepthook, threading.excepthook
    yield
    logs.close_logging()
    sys.excepthook, threading.excepthook = hooks


def all_log_text(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob(f"{logs.LOG_FILE}*")))


def test_the_log_is_in_the_user_log_folder_and_private() -> None:
    path = logs.setup_logging()
    assert path == log_dir() / logs.LOG_FILE == logs.log_file()
    assert "state" in path.parts  # XDG_STATE_HOME, redirected by the test set-up
    assert path.read_text(encoding="utf-8").split()[2:4] == ["INFO", "vitaalthuis"]
    if sys.platform != "win32":
        assert path.stat().st_mode & 0o777 == 0o600
        assert path.parent.stat().st_mode & 0o777 == 0o700


def test_an_unusable_log_folder_does_not_stop_the_app(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert logs.setup_logging(blocker / "logs") is None


def test_the_formatter_withholds_everything_but_event_names_and_numbers(tmp_path: Path) -> None:
    logs.setup_logging(tmp_path)
    log = logging.getLogger("vitaalthuis.test")
    log.info("checkin.saved", extra={"fields": {"checkins": 1, "note": SECRET, "ls": 8, "words": SECRET,
                                                "file": tmp_path / "x", "ok": True, "Bad Key": 3}})
    log.info("note: %s", SECRET)  # free text and %-arguments are never written
    log.warning(SECRET)
    try:
        raise ValueError(f"cannot save {SECRET}")
    except ValueError:
        log.exception("checkin.save_failed")
    text = all_log_text(tmp_path)
    assert SECRET not in text and "geheime" not in text
    assert "checkin.saved checkins=1 file=" in text and "ok=True" in text
    assert "ls=" not in text and "Bad Key" not in text
    assert text.count("message.withheld") == 2
    assert "builtins.ValueError (message withheld)" in text
    assert "test_logs.py" in text  # the stack frames are there to find the bug


def test_the_log_is_rotated(tmp_path: Path) -> None:
    logs.setup_logging(tmp_path)
    log = logging.getLogger("vitaalthuis.test")
    for i in range(logs.MAX_BYTES // 30 * (logs.BACKUP_COUNT + 2)):
        log.info("test.filler", extra={"fields": {"i": i}})
    files = sorted(tmp_path.glob(f"{logs.LOG_FILE}*"))
    assert len(files) == logs.BACKUP_COUNT + 1
    assert all(f.stat().st_size <= logs.MAX_BYTES for f in files)
    if sys.platform != "win32":
        assert {f.stat().st_mode & 0o777 for f in files} == {0o600}


def test_other_libraries_do_not_write_into_the_log(tmp_path: Path) -> None:
    logs.setup_logging(tmp_path)
    logging.getLogger("sqlalchemy.engine").warning("INSERT ... parameters: (%r,)", SECRET)
    assert SECRET not in all_log_text(tmp_path)


def test_the_main_flows_leave_no_answer_or_note_in_the_log(tmp_path: Path, data_dir: Path) -> None:
    logs.setup_logging(tmp_path, level=logging.DEBUG)
    logs.install_excepthook(lambda *_exc: None)
    db = Database.open(data_dir)
    repo = CheckinRepository(db.sessions)
    week = IsoWeek(2026, 10)
    repo.save(CheckIn(week, answers(note=SECRET)))
    backups = BackupService(db.path)
    backups.daily_backup()
    exchange = ExchangeService(repo, db.path)
    doc = {"format": "vitaalthuis", "version": 1,
           "checkins": [{"week": "2026-W11", "answers": answers(note=SECRET, ls=99)}]}
    with pytest.raises(ImportRejectedError):
        exchange.import_data(json.dumps(doc))
    doc["checkins"][0]["answers"]["ls"] = 7
    exchange.import_data(json.dumps(doc))
    backups.restore(backups.backups()[-1].id)
    try:
        raise RuntimeError(SECRET)
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    db.close()
    text = all_log_text(tmp_path)
    assert "backup.daily" in text and "backup.restored" in text and "app.unexpected_error" in text
    assert SECRET not in text and "geheime" not in text


def test_excepthook_logs_then_calls_the_window(tmp_path: Path) -> None:
    logs.setup_logging(tmp_path)
    seen: list[type[BaseException]] = []
    logs.install_excepthook(lambda exc_type, _exc, _tb: seen.append(exc_type))
    try:
        raise KeyError(SECRET)
    except KeyError:
        sys.excepthook(*sys.exc_info())
    assert seen == [KeyError]
    text = all_log_text(tmp_path)
    assert "app.unexpected_error" in text and "builtins.KeyError" in text and SECRET not in text


def test_a_failing_crash_dialog_falls_back_to_the_previous_hook(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    logs.setup_logging(tmp_path)
    previous_calls: list[object] = []
    sys.excepthook = lambda *exc: previous_calls.append(exc[0])

    def broken(*_exc: object) -> None:
        raise RuntimeError("dialog failed")

    logs.install_excepthook(broken)
    try:
        raise ZeroDivisionError
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    assert previous_calls == [ZeroDivisionError]
    assert "app.error_handler_failed" in all_log_text(tmp_path)


def test_exceptions_in_other_threads_are_logged(tmp_path: Path) -> None:
    logs.setup_logging(tmp_path)
    passed_on: list[type[BaseException]] = []
    threading.excepthook = lambda args: passed_on.append(args.exc_type)  # instead of printing to stderr
    logs.install_excepthook()

    def boom() -> None:
        raise OSError(SECRET)

    thread = threading.Thread(target=boom)
    thread.start()
    thread.join()
    text = all_log_text(tmp_path)
    assert "builtins.OSError" in text and SECRET not in text
    assert passed_on == [OSError]


def test_delete_log_files(tmp_path: Path) -> None:
    logs.setup_logging(tmp_path)
    logging.getLogger("vitaalthuis.test").info("test.event")
    removed = logs.delete_log_files(tmp_path)
    assert removed == [tmp_path / logs.LOG_FILE]
    logging.getLogger("vitaalthuis.test").info("test.after")
    assert "test.event" not in all_log_text(tmp_path) and "test.after" in all_log_text(tmp_path)
