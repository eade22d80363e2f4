"""The command line (README.md and docs/development.md, "Command line").

Messages go to standard error, results to standard output. Messages are in the language of ``--lang``, else
in the one the window would use (:func:`user_language`); scripts rely only on the exit status and on
``--format json``, never on the words (:mod:`vitaalthuis.cli_texts`). Exit status: 0 success, 1 refused
(invalid data, conflict, damaged or missing database), 2 wrong usage. Commands never open a window.

What the command line promises beyond that:
- Commands that only read (``export``, ``backup list``) never create a folder or a database: a mistyped
  ``--data-dir`` is reported, not silently filled with a new empty database.
- ``import`` reads a regular file or standard input, at most
  :data:`vitaalthuis.domain.exchange.MAX_IMPORT_BYTES` (+1 to notice more), and checks it before the
  database is opened: a refused import changes and creates nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from vitaalthuis import __version__
from vitaalthuis.files import NotAFileError, read_regular_file

if TYPE_CHECKING:
    from vitaalthuis.cli_texts import Texts
    from vitaalthuis.domain.exchange import ImportProblem
    from vitaalthuis.services.backups import BackupService
    from vitaalthuis.services.exchange import ExchangeService
    from vitaalthuis.storage.db import Database

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
DEMO_MAX_WEEKS = 1040  # vitaalthuis.services.demo.MAX_WEEKS (not imported here: it is not needed at start-up)
IMPORT_LIMIT_MB = 20  # domain.exchange.MAX_IMPORT_BYTES in MB, for --help (a test keeps them equal)
SHOWN_PROBLEMS = 20  # problems printed for a refused import; the rest are counted ("… and 28,812 more")
SHOWN_WEEKS = 20  # weeks listed in a conflict
SETTINGS_MAX_BYTES = 64 * 1024  # the user's settings file is a few hundred bytes


class Refused(Exception):
    """The command refused, with a message in the user's language; exit status 1, nothing was changed."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vitaalthuis",
        description="VitaalThuis: a weekly well-being check-in for home workers. "
        "Without a command, the app window opens.",
    )
    parser.add_argument("--version", action="version", version=f"VitaalThuis {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="folder for the database and backups")
    parser.add_argument("--lang", choices=("nl", "en"),
                        help="language of the window and of the messages for this run "
                             "(default: the language setting)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="check this installation without a window (temporary data) and exit")
    parser.add_argument("--background", action="store_true",
                        help="run the weekly reminder without a window (what start at login runs); "
                             "one per data folder")
    parser.add_argument("--check-in", action="store_true",
                        help="open the window on this week's check-in (what the reminder opens)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_import = sub.add_parser("import", help="import a JSON export (all or nothing)")
    p_import.add_argument("file", metavar="FILE",
                          help=f"JSON file in the VitaalThuis exchange format, at most {IMPORT_LIMIT_MB} MB "
                               "('-' = standard input)")
    p_import.add_argument("--replace", action="store_true", help="overwrite weeks that already exist")

    p_export = sub.add_parser("export", help="export every check-in")
    p_export.add_argument("--format", choices=("json", "csv"), default="json")
    p_export.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")

    p_demo = sub.add_parser("demo-data", help="fill an EMPTY data folder with synthetic check-ins")
    p_demo.add_argument("--weeks", type=_demo_weeks, required=True, metavar="N",
                        help=f"weeks up to and including this one (1-{DEMO_MAX_WEEKS}); ~10%% are left empty")

    p_backup = sub.add_parser("backup", help="list or restore the automatic backups")
    backup_sub = p_backup.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    backup_sub.add_parser("list", help="list backups, newest first: id (file name), date, check-ins")
    p_restore = backup_sub.add_parser("restore", help="restore a backup (the current database is kept first)")
    p_restore.add_argument("id", metavar="ID", help="a backup id as shown by 'backup list'")

    from vitaalthuis import cli_summary

    cli_summary.add_parser(sub)
    return parser


def _demo_weeks(text: str) -> int:
    if not re.fullmatch(r"[0-9]{1,5}", text) or not 1 <= int(text) <= DEMO_MAX_WEEKS:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to {DEMO_MAX_WEEKS}, got {text!r}")
    return int(text)


# --- reading files ----------------------------------------------------------------------------------------


def read_stream(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes of a stream, never all of an endless one (``cat /dev/zero | ...``). Reads
    until the end or the limit: from a terminal one read returns one line."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(limit + 1 - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _import_bytes(source: str, name: str, t: Texts, stdin: BinaryIO | None) -> bytes:
    """The file to import, or standard input for ``-``; Refused when it is not a file or too big."""
    from vitaalthuis.domain.exchange import MAX_IMPORT_BYTES

    try:
        if source == "-":
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            if stream is None:  # the windowed executable has no standard input
                raise OSError(errno.EBADF, os.strerror(errno.EBADF))
            data = read_stream(stream, MAX_IMPORT_BYTES)
        else:
            data = read_regular_file(source, MAX_IMPORT_BYTES)
    except NotAFileError as exc:
        raise Refused(t("read.directory" if exc.is_dir else "read.not_regular", file=name)) from None
    except OSError as exc:
        if exc.errno == errno.EACCES and os.path.isdir(source):  # Windows cannot open a folder at all
            raise Refused(t("read.directory", file=name)) from None
        if exc.errno in (errno.ENOENT, errno.EACCES, errno.EPERM):
            key = "read.not_found" if exc.errno == errno.ENOENT else "read.denied"
            raise Refused(t(key, file=name)) from None
        raise Refused(t("read.failed", file=name, reason=reason(exc, t))) from None
    if len(data) > MAX_IMPORT_BYTES:
        raise Refused(t("read.too_large", file=name, limit=MAX_IMPORT_BYTES // (1024 * 1024)))
    return data


_ERRNO_REASONS = {errno.ENOENT: "reason.not_found", errno.EACCES: "reason.denied",
                  errno.EPERM: "reason.denied", errno.ENOSPC: "reason.disk_full",
                  errno.EROFS: "reason.read_only",
                  errno.EISDIR: "reason.is_directory", errno.ENOTDIR: "reason.not_directory"}
if hasattr(errno, "EDQUOT"):
    _ERRNO_REASONS[errno.EDQUOT] = "reason.disk_full"


def reason(exc: OSError, t: Texts) -> str:
    """Why a file operation failed, in words; the system's own (English) text for the rare cases."""
    key = _ERRNO_REASONS.get(exc.errno or 0)
    return t(key) if key else (exc.strerror or type(exc).__name__)


# --- language ---------------------------------------------------------------------------------------------


def user_language() -> str:
    """The language the window would use: the organisation's locked or default language and the user's
    setting as :func:`vitaalthuis.app.run_gui` resolves them, else the system's.

    Read without side effects (the window puts a damaged settings file aside; this leaves it for the window)
    and never fails: the language of a message is not a reason to refuse a command."""
    try:
        import vitaalthuis.logs  # noqa: F401 - policy problems are logged; with no log file they go nowhere
        from vitaalthuis.config import schema
        from vitaalthuis.config.policy import load_policy
        from vitaalthuis.config.settings import SettingsStore, resolve

        policy = load_policy()  # never raises
        try:
            user = schema.clean(json.loads(read_regular_file(SettingsStore().path, SETTINGS_MAX_BYTES)))
        except (OSError, ValueError, NotAFileError):
            user = {}
        return resolve(user, policy.defaults, policy.locked).effective_language()
    except Exception:  # noqa: BLE001 - see above: the language of a message never refuses a command
        from vitaalthuis.config.settings import system_language

        return system_language()


def user_show_figures() -> bool:
    """Whether the user sees national figures (the setting, or the organisation's locked value); like
    :func:`user_language`, read without side effects and never failing (default: shown)."""
    try:
        from vitaalthuis.config import schema
        from vitaalthuis.config.policy import load_policy
        from vitaalthuis.config.settings import SettingsStore, resolve

        policy = load_policy()
        try:
            user = schema.clean(json.loads(read_regular_file(SettingsStore().path, SETTINGS_MAX_BYTES)))
        except (OSError, ValueError, NotAFileError):
            user = {}
        return bool(resolve(user, policy.defaults, policy.locked).show_national_figures)
    except Exception:  # noqa: BLE001 - a damaged setting never refuses a command
        return True


# --- commands ---------------------------------------------------------------------------------------------


def _open_services(data_dir: str | None, *, create: bool = True) -> tuple[Database, ExchangeService]:
    """The database and the exchange service; ``create=False`` raises NoDatabaseError instead of creating."""
    from vitaalthuis.config.paths import data_dir as resolve_data_dir
    from vitaalthuis.services.exchange import ExchangeService
    from vitaalthuis.storage.checkins import CheckinRepository
    from vitaalthuis.storage.db import Database

    db = Database.open(resolve_data_dir(data_dir), create=create)
    repo = CheckinRepository(db.sessions)
    return db, ExchangeService(repo, db.path)


def cmd_import(args: argparse.Namespace, t: Texts, err: TextIO, stdin: BinaryIO | None = None) -> int:
    """Check the file before the database is opened, so a refused file creates and changes nothing; the
    service checks it again (for the conflicts with what is stored), which costs milliseconds for a real
    export."""
    from vitaalthuis.cli_texts import shown
    from vitaalthuis.domain.exchange import parse_import
    from vitaalthuis.services.exchange import ImportRejectedError

    name = t("stdin") if args.file == "-" else shown(args.file)
    data = _import_bytes(args.file, name, t, stdin)
    parsed = parse_import(data, today=dt.date.today())
    if parsed.problems:
        print(problems_message(parsed.problems, name, t), file=err)
        return EXIT_REFUSED
    db, service = _open_services(args.data_dir)
    try:
        result = service.import_data(data, replace=args.replace)
    except ImportRejectedError as exc:
        print(problems_message(exc.problems, name, t), file=err)
        return EXIT_REFUSED
    finally:
        db.close()
    print(import_summary(len(result.added), len(result.replaced), t), file=err)
    if result.backup:
        print(t("import.backup", path=shown(result.backup)), file=err)
    return EXIT_OK


def import_summary(added: int, replaced: int, t: Texts) -> str:
    if added and replaced:
        return t("import.added_replaced", added=t.count("new_checkins", added),
                 replaced=t.count("checkins", replaced))
    if added:
        return t("import.added", added=t.count("new_checkins", added))
    if replaced:
        return t("import.replaced", replaced=t.count("checkins", replaced))
    return t("import.empty")


def problems_message(problems: Sequence[ImportProblem], name: str, t: Texts) -> str:
    """Why nothing was imported: weeks that exist already as one sentence, other problems as a list of at
    most SHOWN_PROBLEMS lines and a count of the rest."""
    from vitaalthuis.domain.exchange import problem_count, problem_count_is_exact

    weeks = [p.week for p in problems if p.code == "week_exists" and p.week]
    if weeks and len(weeks) == len(problems):
        listed = ", ".join(weeks[:SHOWN_WEEKS])
        if len(weeks) > SHOWN_WEEKS:
            listed += ", " + t("import.more", n=t.number(len(weeks) - SHOWN_WEEKS))
        return t("import.conflict_one" if len(weeks) == 1 else "import.conflict", weeks=listed)
    total, exact = problem_count(problems), problem_count_is_exact(problems)
    lines = [t("import.rejected" if exact else "import.rejected_at_least", file=name,
               problems=t.count("problems", total))]
    lines += [f"  {t.problem(p)}" for p in problems[:SHOWN_PROBLEMS]]
    more = total - min(len(problems), SHOWN_PROBLEMS)
    if more > 0:
        lines.append("  " + t("import.more" if exact else "import.more_at_least", n=t.number(more)))
    return "\n".join(lines)


def cmd_export(args: argparse.Namespace, t: Texts, out: TextIO, err: TextIO) -> int:
    from vitaalthuis.cli_texts import shown
    from vitaalthuis.files import write_private

    target = Path(args.output) if args.output else None
    if target is not None and not target.parent.is_dir():  # a mistyped folder is reported, not created
        raise Refused(t("export.no_folder", folder=shown(target.parent)))
    db, service = _open_services(args.data_dir, create=False)
    try:
        text = service.export(args.format)
    finally:
        db.close()
    if target is None:
        out.write(text)
        out.flush()
        return EXIT_OK
    try:
        write_private(target, text)  # atomic, 0600 (it holds the user's answers), no leftover on failure
    except OSError as exc:
        raise Refused(t("export.failed", file=shown(target), reason=reason(exc, t))) from None
    print(t("export.done", file=shown(target)), file=err)
    return EXIT_OK


def cmd_demo_data(args: argparse.Namespace, t: Texts, err: TextIO) -> int:
    from vitaalthuis.cli_texts import shown
    from vitaalthuis.services.demo import DemoDataRefusedError, fill_demo_data

    db, service = _open_services(args.data_dir)
    folder = shown(db.path.parent)
    try:
        try:
            added = fill_demo_data(service.repo, args.weeks)
        except DemoDataRefusedError:
            raise Refused(t("demo.refused", folder=folder, checkins=t.count("checkins", service.repo.count()),
                            drafts=t.count("drafts", len(service.repo.drafts())))) from None
    finally:
        db.close()
    print(t("demo.done", checkins=t.count("checkins", added), weeks=t.count("weeks", args.weeks),
            folder=folder), file=err)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, t: Texts, out: TextIO, err: TextIO) -> int:
    """List or restore. Listing reads only: a folder without a database or backups (a mistyped --data-dir)
    is refused; with backups but no database (it was lost) they are listed, so one can be restored."""
    from vitaalthuis.cli_texts import shown
    from vitaalthuis.config.paths import data_dir as resolve_data_dir
    from vitaalthuis.services.backups import BackupService
    from vitaalthuis.storage.db import DB_FILE, holds_data

    folder = resolve_data_dir(args.data_dir)
    service = BackupService(folder / DB_FILE)
    if args.backup_command != "list":
        return _restore(service, args.id, t, err)
    backups = service.backups()
    if not backups:
        if not holds_data(service.db_path):
            raise Refused(t("storage.no_database", folder=shown(folder)))
        print(t("backup.none", folder=shown(service.folder)), file=err)
        return EXIT_OK
    width = max(len(b.id) for b in backups)
    date = t("backup.column_date")
    out.write(f"{t('backup.column_id'):<{width}}  {date:<16}  {t('backup.column_checkins')}\n")
    for b in backups:
        state = f"backup.state_{b.state.value}"
        count = t.number(b.checkins or 0) if b.usable else t(state) if state in t else b.state.value
        out.write(f"{b.id:<{width}}  {b.created:%Y-%m-%d %H:%M}  {count}\n")
    out.flush()
    return EXIT_OK


def _restore(service: BackupService, backup_id: str, t: Texts, err: TextIO) -> int:
    from vitaalthuis.cli_texts import shown
    from vitaalthuis.storage.errors import (
        BackupNotFoundError,
        DatabaseTooNewError,
        NotVitaalThuisDatabaseError,
    )

    try:
        result = service.restore(backup_id)
    except BackupNotFoundError:
        raise Refused(t("backup.not_found", id=shown(backup_id), folder=shown(service.folder))) from None
    except (NotVitaalThuisDatabaseError, DatabaseTooNewError) as exc:
        if exc.path != service.db_path:  # the backup is bad, not the database
            key = "backup.too_new" if isinstance(exc, DatabaseTooNewError) else "backup.damaged"
            raise Refused(t(key, id=shown(backup_id))) from None
        raise
    info = result.restored
    print(t("backup.restored", id=info.id, date=f"{info.created:%Y-%m-%d %H:%M}",
            checkins=t.count("checkins", info.checkins or 0), path=shown(service.db_path)), file=err)
    if result.kept_as is not None:
        key = "backup.moved" if result.moved_aside else "backup.kept"
        print(t(key, path=shown(result.kept_as)), file=err)
    return EXIT_OK


def run(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None,
        stdin: BinaryIO | None = None) -> int | None:
    """Run a command; returns its exit status, or None when no command was given (open the window).
    ``stdin`` is what ``import -`` reads (default: the process's standard input)."""
    out, err = out or sys.stdout, err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.smoke_test:
        from vitaalthuis.selfcheck import run_smoke_test

        return run_smoke_test(out)
    if args.background:
        if args.command is not None:  # the helper is not a command's option
            parser.print_usage(err)
            return EXIT_USAGE
        from vitaalthuis.ui.helper.process import run_background

        return run_background(args.data_dir, args.lang)
    if args.command is None:
        return None
    from vitaalthuis.cli_texts import Texts  # here: the window and the background helper do not need it

    t = Texts(args.lang or user_language())
    from vitaalthuis.storage.errors import StorageError

    try:
        if args.command == "import":
            return cmd_import(args, t, err, stdin)
        if args.command == "export":
            return cmd_export(args, t, out, err)
        if args.command == "demo-data":
            return cmd_demo_data(args, t, err)
        if args.command == "backup":
            return cmd_backup(args, t, out, err)
        if args.command == "summary":
            from vitaalthuis.cli_summary import cmd_summary

            return cmd_summary(args, t, out, err, data_dir=args.data_dir, show_figures=user_show_figures())
    except Refused as exc:
        print(exc, file=err)
        return EXIT_REFUSED
    except StorageError as exc:
        print(storage_message(exc, t), file=err)
        return EXIT_REFUSED
    with contextlib.suppress(Exception):
        parser.print_usage(err)
    return EXIT_USAGE


def storage_message(exc: Exception, t: Texts | None = None) -> str:
    """What went wrong with the database or the data folder, in ``t``'s language (default English): a full
    disk is called a full disk, and a failed read is never called a failed write."""
    from vitaalthuis.cli_texts import Texts, shown
    from vitaalthuis.storage import errors
    from vitaalthuis.storage.db import DB_FILE

    t = t or Texts("en")
    raw_path = getattr(exc, "path", None)
    path = shown(raw_path or "")
    detail = str(getattr(exc, "detail", "") or exc)
    if isinstance(exc, errors.NoDatabaseError):
        folder = raw_path.parent if isinstance(raw_path, Path) and raw_path.name == DB_FILE else raw_path
        return t("storage.no_database", folder=shown(folder or ""))
    if isinstance(exc, errors.DatabaseTooNewError):
        return t("storage.too_new", path=path)
    if isinstance(exc, errors.NotVitaalThuisDatabaseError):
        return t("storage.damaged", path=path)
    if isinstance(exc, errors.DataDirError):
        cause = exc.__cause__
        why = reason(cause, t) if isinstance(cause, OSError) else \
            t("reason.not_writable") if detail == "the folder cannot be written" else detail
        return t("storage.data_dir", path=path, reason=why)
    if isinstance(exc, errors.MigrationError):
        backup = re.search(r"backup: (.+)$", detail)
        if backup and backup.group(1) != "None":
            return t("storage.migration_backup", path=path, backup=shown(backup.group(1)))
        return t("storage.migration", path=path)
    if isinstance(exc, errors.StorageWriteError):
        write_reason = getattr(exc, "reason", None)
        key = {"disk_full": "storage.disk_full", "read_only": "storage.read_only"}.get(str(write_reason))
        return t(key or "storage.write_failed", path=path)
    if _is_read_error(exc) or "cannot be read" in detail:  # the last: a plain StorageError from a read
        denied = getattr(exc, "reason", None) == "read_only"
        return t("storage.read_denied" if denied else "storage.read_failed", path=path)
    return t("storage.other", path=path, detail=detail)


def _is_read_error(exc: Exception) -> bool:
    """StorageReadError, by class when storage.errors has it (it is newer than this module), else by name."""
    from vitaalthuis.storage import errors

    read_error = getattr(errors, "StorageReadError", None)
    return (isinstance(read_error, type) and isinstance(exc, read_error)) or \
        any(cls.__name__ == "StorageReadError" for cls in type(exc).__mro__)
