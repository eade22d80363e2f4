"""The command line (shared/design/conventions.md, Command line).

Messages go to standard error in English, results to standard output. Exit status: 0 success, 1 refused
(invalid data, conflict, damaged database), 2 wrong usage. Commands never open a window.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from vitaalthuis import __version__

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
DEMO_MAX_WEEKS = 1040  # vitaalthuis.services.demo.MAX_WEEKS (not imported here: it is not needed at start-up)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vitaalthuis",
        description="VitaalThuis: a weekly well-being check-in for home workers. "
        "Without a command, the app window opens.",
    )
    parser.add_argument("--version", action="version", version=f"VitaalThuis {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="folder for the database and backups")
    parser.add_argument("--lang", choices=("nl", "en"), help="language of the window for this run")
    parser.add_argument("--smoke-test", action="store_true",
                        help="check this installation without a window (temporary data) and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_import = sub.add_parser("import", help="import a JSON export (all or nothing)")
    p_import.add_argument("file", metavar="FILE", help="JSON file in the VitaalThuis exchange format ('-' = stdin)")
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
    return parser


def _demo_weeks(text: str) -> int:
    if not re.fullmatch(r"[0-9]{1,5}", text) or not 1 <= int(text) <= DEMO_MAX_WEEKS:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to {DEMO_MAX_WEEKS}, got {text!r}")
    return int(text)


def _open_services(data_dir: str | None):  # type: ignore[no-untyped-def]
    from vitaalthuis.config.paths import data_dir as resolve_data_dir
    from vitaalthuis.services.exchange import ExchangeService
    from vitaalthuis.storage.checkins import CheckinRepository
    from vitaalthuis.storage.db import Database

    db = Database.open(resolve_data_dir(data_dir))
    repo = CheckinRepository(db.sessions)
    return db, ExchangeService(repo, db.path)


def _write_private(path: Path, text: str) -> None:
    """Write an export file atomically with mode 0600 (it holds the user's answers)."""
    tmp = path.with_name(f".{path.name}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def cmd_import(args: argparse.Namespace, err: TextIO) -> int:
    from vitaalthuis.services.exchange import ImportRejectedError

    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror or exc}", file=err)
        return EXIT_REFUSED
    db, service = _open_services(args.data_dir)
    try:
        result = service.import_data(data, replace=args.replace)
    except ImportRejectedError as exc:
        print(f"error: nothing was imported; {len(exc.problems)} problem(s) in {args.file}:", file=err)
        for problem in exc.problems:
            print(f"  {problem.message()}", file=err)
        return EXIT_REFUSED
    finally:
        db.close()
    print(f"imported {len(result.added)} new and {len(result.replaced)} replaced check-in(s)", file=err)
    if result.backup:
        print(f"backup of the data before the import: {result.backup}", file=err)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    db, service = _open_services(args.data_dir)
    try:
        text = service.export(args.format)
    finally:
        db.close()
    if args.output:
        try:
            _write_private(Path(args.output), text)
        except OSError as exc:
            print(f"error: cannot write {args.output}: {exc.strerror or exc}", file=err)
            return EXIT_REFUSED
        print(f"exported to {args.output}", file=err)
    else:
        out.write(text)
        out.flush()
    return EXIT_OK


def cmd_demo_data(args: argparse.Namespace, err: TextIO) -> int:
    from vitaalthuis.services.demo import DemoDataRefusedError, fill_demo_data

    db, service = _open_services(args.data_dir)
    try:
        added = fill_demo_data(service.repo, args.weeks)
    except DemoDataRefusedError as exc:
        print(f"error: nothing was added; {exc}", file=err)
        return EXIT_REFUSED
    finally:
        db.close()
    print(f"added {added} synthetic check-in(s) over the last {args.weeks} week(s) to {db.path.parent}; "
          "the data folder is marked as demo data", file=err)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from vitaalthuis.config.paths import data_dir as resolve_data_dir
    from vitaalthuis.services.backups import BackupService
    from vitaalthuis.storage.db import DB_FILE

    service = BackupService(resolve_data_dir(args.data_dir) / DB_FILE)
    if args.backup_command == "list":
        backups = service.backups()
        if not backups:
            print(f"no backups yet in {service.folder}", file=err)
            return EXIT_OK
        width = max(len(b.id) for b in backups)
        out.write(f"{'ID':<{width}}  {'DATE':<16}  CHECK-INS\n")
        for b in backups:
            count = str(b.checkins) if b.usable else _UNUSABLE.get(b.state.value, b.state.value)
            out.write(f"{b.id:<{width}}  {b.created:%Y-%m-%d %H:%M}  {count}\n")
        out.flush()
        return EXIT_OK
    return _restore(service, args.id, err)


_UNUSABLE = {"too_new": "newer version", "damaged": "damaged", "foreign": "not VitaalThuis",
             "unreadable": "unreadable"}


def _restore(service, backup_id: str, err: TextIO) -> int:  # type: ignore[no-untyped-def]
    from vitaalthuis.storage.errors import (
        BackupNotFoundError,
        DatabaseTooNewError,
        NotVitaalThuisDatabaseError,
    )

    try:
        result = service.restore(backup_id)
    except BackupNotFoundError:
        print(f"error: there is no backup {backup_id!r} in {service.folder}; "
              "'vitaalthuis backup list' shows the ids", file=err)
        return EXIT_REFUSED
    except (NotVitaalThuisDatabaseError, DatabaseTooNewError) as exc:
        if exc.path != service.db_path:
            print(f"error: backup {backup_id} cannot be restored: {exc.detail}; nothing was changed",
                  file=err)
            return EXIT_REFUSED
        raise
    info = result.restored
    print(f"restored {info.id} ({info.created:%Y-%m-%d %H:%M}, {info.checkins} check-in(s)) "
          f"into {service.db_path}", file=err)
    if result.kept_as is not None:
        how = "was damaged or not a VitaalThuis database and was moved to" if result.moved_aside else \
            "was backed up first to"
        print(f"the database as it was {how} {result.kept_as}", file=err)
    return EXIT_OK


def run(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int | None:
    """Run a command; returns its exit status, or None when no command was given (open the window)."""
    from vitaalthuis.storage.errors import StorageError

    out, err = out or sys.stdout, err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.smoke_test:
        from vitaalthuis.ui.smoke import run_smoke_test

        return run_smoke_test(out)
    if args.command is None:
        return None
    try:
        if args.command == "import":
            return cmd_import(args, err)
        if args.command == "export":
            return cmd_export(args, out, err)
        if args.command == "demo-data":
            return cmd_demo_data(args, err)
        if args.command == "backup":
            return cmd_backup(args, out, err)
    except StorageError as exc:
        print(f"error: {storage_message(exc)}", file=err)
        return EXIT_REFUSED
    with contextlib.suppress(Exception):
        parser.print_usage(err)
    return EXIT_USAGE


def storage_message(exc: Exception) -> str:
    from vitaalthuis.storage.errors import (
        DatabaseTooNewError,
        DataDirError,
        MigrationError,
        NotVitaalThuisDatabaseError,
        StorageWriteError,
    )

    path = getattr(exc, "path", "")
    if isinstance(exc, DatabaseTooNewError):
        return f"{path} was written by a newer version of VitaalThuis; it was left unchanged. Update the app."
    if isinstance(exc, NotVitaalThuisDatabaseError):
        return f"{path} is damaged or is not a VitaalThuis database ({exc.detail}); it was left unchanged."
    if isinstance(exc, DataDirError):
        return f"the data folder {path} cannot be used: {exc.detail}"
    if isinstance(exc, MigrationError):
        return f"upgrading {path} failed; nothing was lost ({exc.detail})"
    if isinstance(exc, StorageWriteError):
        return f"could not write {path}: {exc.detail}; what was saved before is unchanged"
    return str(exc)
