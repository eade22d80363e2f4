"""Copies of the database, always made with SQLite's online backup API (never a file copy: WAL)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path

BACKUP_DIR = "backups"


def backup_database(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` (a new file, mode 0600) with the backup API; returns ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(target.parent, 0o700)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    with contextlib.suppress(OSError):
        os.chmod(tmp, 0o600)
    os.replace(tmp, target)
    return target


def operation_backup(db_path: Path, reason: str, now: dt.datetime | None = None) -> Path:
    """A backup taken just before an operation (``reason``: migration, import, restore) in ``backups/``."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    return backup_database(db_path, db_path.parent / BACKUP_DIR / f"before-{reason}-{stamp}.sqlite3")
