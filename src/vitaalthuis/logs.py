"""The log file: rotated, private, and unable to hold answers or notes (docs/development.md, Files).

Only the ``vitaalthuis`` loggers write here (not SQLAlchemy's or alembic's, whose messages can hold SQL
parameters). A record is written as an *event name* plus *fields*, never as free text:

    logging.getLogger(__name__).info("backup.daily", extra={"fields": {"checkins": 104, "file": path}})

:class:`SafeFormatter` enforces that whatever a caller passes: a message that is not an event name
(``[a-z][a-z0-9_.]*``) is withheld, ``%`` arguments are never filled in, a field is kept only when its name is
a plain identifier that is not an answer id and its value a number, a boolean or a path, and an exception is
written as its type and stack frames, without its message (an SQL error's message can quote the values).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import threading
import traceback
from collections.abc import Callable
from io import TextIOWrapper
from pathlib import Path
from types import TracebackType
from typing import Any

from vitaalthuis.files import PRIVATE_DIR, private_dir

LOGGER_NAME = "vitaalthuis"
LOG_FILE = "vitaalthuis.log"
MAX_BYTES = 256 * 1024
BACKUP_COUNT = 3
_EVENT = re.compile(r"[a-z][a-z0-9_.]{0,63}")
_FIELD = re.compile(r"[a-z][a-z0-9_]{0,31}")
_ALWAYS_WITHHELD = frozenset({"answers", "answer", "note", "notes", "value", "values", "text"})

# Without a configured log file (the command line, tests) events go nowhere: not to stderr via lastResort.
logging.getLogger(LOGGER_NAME).addHandler(logging.NullHandler())

ErrorCallback = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def get_logger(name: str) -> logging.Logger:
    """The logger for a ``vitaalthuis.*`` module (importing this module silences the unconfigured case)."""
    return logging.getLogger(name)


def _answer_ids() -> frozenset[str]:
    try:
        from vitaalthuis.domain.instruments import ITEM_IDS
    except Exception:  # noqa: BLE001  # pragma: no cover - the formatter must never fail
        return frozenset()
    return frozenset(ITEM_IDS)


class SafeFormatter(logging.Formatter):
    """``time level logger event field=value ...`` and, for an error, its type and frames only."""

    def __init__(self) -> None:
        super().__init__()
        self._withheld: frozenset[str] | None = None

    def format(self, record: logging.LogRecord) -> str:
        event = isinstance(record.msg, str) and _EVENT.fullmatch(record.msg)
        msg = record.msg if event else "message.withheld"
        parts = [self.formatTime(record, "%Y-%m-%d %H:%M:%S"), record.levelname, record.name, msg]
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            parts += [f"{k}={v}" for k, v in fields.items() if self._allowed(k, v)]
        text = " ".join(parts)
        if record.exc_info and record.exc_info[0] is not None:
            text += "\n" + format_exception_safely(record.exc_info[1])
        if record.stack_info:
            text += "\n" + record.stack_info
        return text

    def _allowed(self, key: object, value: object) -> bool:
        if self._withheld is None:
            self._withheld = _ALWAYS_WITHHELD | _answer_ids()
        if not isinstance(key, str) or not _FIELD.fullmatch(key) or key in self._withheld:
            return False
        return isinstance(value, (bool, int, float, Path)) or value is None


_ERROR_NAME = re.compile(r"[A-Z][A-Z0-9_]{0,63}")
_REASON = re.compile(r"[a-z_]{1,32}")


def _safe_tags(exc: BaseException) -> str:
    """What names a failure without any data: SQLite's error name (``SQLITE_IOERR_SHORT_READ``, from the
    driver or kept by a storage error as ``code``) and a storage error's ``reason`` (``disk_full``)."""
    tags = []
    for attr, pattern in (("sqlite_errorname", _ERROR_NAME), ("code", _ERROR_NAME), ("reason", _REASON)):
        value = getattr(exc, attr, None)
        if isinstance(value, str) and pattern.fullmatch(value):
            tags.append(value)
    return f" [{', '.join(dict.fromkeys(tags))}]" if tags else ""


def format_exception_safely(exc: BaseException | None) -> str:
    """Exception types and stack frames (file, line, function, code line), never the exception messages."""
    lines: list[str] = []
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        lines.append(f"{type(exc).__module__}.{type(exc).__qualname__}{_safe_tags(exc)} (message withheld)")
        for frame in traceback.extract_tb(exc.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
        if exc is not None:
            lines.append("caused by:")
    return "\n".join(lines)


class PrivateRotatingFileHandler(logging.FileHandler):
    """Appends to the log file and, before a record would take it past ``max_bytes``, moves it to ``.1``
    (``.1`` to ``.2``, ...; at most ``backup_count`` old files). Every file is created with mode 0600.

    Written on :class:`logging.FileHandler` rather than ``logging.handlers.RotatingFileHandler``: that module
    pulls in sockets, pickling and queues, a tenth of the start-up budget for what these lines do."""

    def __init__(self, filename: Path, max_bytes: int, backup_count: int) -> None:
        super().__init__(filename, encoding="utf-8", delay=True)
        self.max_bytes = max_bytes
        self.backup_count = backup_count

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, 0o600)
        return open(fd, "a", encoding=self.encoding or "utf-8", errors=self.errors)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._too_big(record):
                self._rotate()
        except Exception:  # noqa: BLE001 - as logging does: report through handleError, never raise
            self.handleError(record)
        super().emit(record)

    def _too_big(self, record: logging.LogRecord) -> bool:
        size = os.path.getsize(self.baseFilename) if os.path.exists(self.baseFilename) else 0
        return size > 0 and size + len(self.format(record).encode("utf-8")) + 1 > self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for i in range(self.backup_count - 1, 0, -1):
            if os.path.exists(f"{base}.{i}"):
                os.replace(f"{base}.{i}", f"{base}.{i + 1}")
        os.replace(base, f"{base}.1")


def log_dir() -> Path:
    from vitaalthuis.config.paths import log_dir as default

    return default()


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Log the ``vitaalthuis`` loggers to ``folder``/vitaalthuis.log (default: the user log folder).

    Returns the log file, or None when the folder cannot be made (the app then runs without a log file).
    Calling it again replaces the earlier handler."""
    folder = folder or log_dir()
    try:
        private_dir(folder)  # every folder made here is 0700, whatever the umask (~/.local/state too)
        if os.name == "posix":
            os.chmod(folder, PRIVATE_DIR)  # the app's own folder: tightened also when it already existed
    except OSError:
        return None
    logger = logging.getLogger(LOGGER_NAME)
    close_logging()
    handler = PrivateRotatingFileHandler(folder / LOG_FILE, MAX_BYTES, BACKUP_COUNT)
    handler.setFormatter(SafeFormatter())
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.info("app.logging_started", extra={"fields": {"pid": os.getpid()}})
    return folder / LOG_FILE


def log_file() -> Path | None:
    """The file the log is written to (for the crash dialog), or None without :func:`setup_logging`."""
    for handler in logging.getLogger(LOGGER_NAME).handlers:
        if isinstance(handler, PrivateRotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def close_logging() -> None:
    logger = logging.getLogger(LOGGER_NAME)
    for handler in list(logger.handlers):
        if isinstance(handler, PrivateRotatingFileHandler):
            logger.removeHandler(handler)
            handler.close()


def delete_log_files(folder: Path | None = None) -> list[Path]:
    """Remove the log file and its rotated copies (part of "delete everything"); logging goes on afterwards
    into a new file. Returns the files removed."""
    folder = folder or (log_file() or log_dir() / LOG_FILE).parent
    current = log_file()
    restart = current is not None and current.parent == folder
    if restart:
        close_logging()
    removed = []
    for path in [folder / LOG_FILE, *(folder / f"{LOG_FILE}.{i}" for i in range(1, BACKUP_COUNT + 1))]:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    if restart:
        setup_logging(folder)
    return removed


def log_unexpected(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    logging.getLogger(LOGGER_NAME).error("app.unexpected_error", exc_info=(exc_type, exc, tb))


def install_excepthook(on_error: ErrorCallback | None = None) -> Callable[..., Any]:
    """Log every uncaught exception, then call ``on_error`` (the window's calm dialog) or, without one, the
    previous hook. Exceptions in other threads are logged and passed to the previous thread hook only (a
    dialog must be shown from the GUI thread). Returns the previous ``sys.excepthook``."""
    previous, previous_thread_hook = sys.excepthook, threading.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        with contextlib.suppress(Exception):
            log_unexpected(exc_type, exc, tb)
        if on_error is None:
            previous(exc_type, exc, tb)
            return
        try:
            on_error(exc_type, exc, tb)
        except Exception:
            with contextlib.suppress(Exception):
                logging.getLogger(LOGGER_NAME).exception("app.error_handler_failed")
            previous(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            with contextlib.suppress(Exception):
                log_unexpected(args.exc_type, args.exc_value, args.exc_traceback)
        previous_thread_hook(args)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return previous
