"""A second hand on the database, for the many-hands test:
``python -m tests.hands_worker KIND DATA_DIR STOP``.

Each kind loops until the file STOP exists (or 90 s have passed, so it always ends by itself) and prints one
line per outcome: ``ok``, ``ack WEEK`` (an import that reported success) or ``error TEXT``. The command-line
kinds run the real command line (``cli.run``): every call opens the database, works and closes it, exactly
as a separate ``vitaalthuis`` process would. ``reader`` is a plain ``sqlite3`` client that keeps its
connection open for a few reads, as a ``sqlite3`` shell or a backup tool would, then reopens.
"""

from __future__ import annotations

import io
import sqlite3
import sys
import time
from pathlib import Path

LIMIT_S = 90


def _cli(data_dir: str, *args: str) -> tuple[int | None, str, str]:
    from vitaalthuis import cli

    out, err = io.StringIO(), io.StringIO()
    status = cli.run(["--data-dir", data_dir, "--lang", "en", *args], out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def _import_doc(week_index: int) -> str:
    from tests.helpers import answers
    from vitaalthuis.domain.checkin import CheckIn
    from vitaalthuis.domain.exchange import export_json
    from vitaalthuis.domain.weeks import IsoWeek

    week = IsoWeek(2001, 1).shifted(week_index)
    return export_json([CheckIn(week, answers(ls=1 + week_index % 10))])


def run(kind: str, data_dir: str, stop: Path) -> None:
    started, n = time.monotonic(), 0
    reader: sqlite3.Connection | None = None
    scratch = stop.with_name(f"import-{kind}.json")
    while not stop.exists() and time.monotonic() - started < LIMIT_S:
        n += 1
        try:
            if kind == "export":
                status, out, err = _cli(data_dir, "export")
                ok = status == 0 and out.startswith("{")
                print("ok" if ok else f"error export {status} {err.strip()!r}", flush=True)
            elif kind == "import":
                from vitaalthuis.domain.weeks import IsoWeek

                scratch.write_text(_import_doc(n), encoding="utf-8")
                status, _out, err = _cli(data_dir, "import", str(scratch))
                week = IsoWeek(2001, 1).shifted(n)
                print(f"ack {week}" if status == 0 else f"error import {status} {err.strip()!r}", flush=True)
            elif kind == "backups":
                status, out, err = _cli(data_dir, "backup", "list")
                print("ok" if status == 0 else f"error backup {status} {err.strip()!r}", flush=True)
            elif kind == "reader":
                if reader is None:
                    reader = sqlite3.connect(Path(data_dir) / "vitaalthuis.sqlite3", timeout=10)
                rows = reader.execute("SELECT c.week, count(a.item) FROM checkin c "
                                      "JOIN answer a ON a.checkin_id = c.id GROUP BY c.id").fetchall()
                print("ok" if all(count > 0 for _w, count in rows) else "error reader: empty check-in",
                      flush=True)
                if n % 4 == 0:  # close and reopen now and then: the moment SQLite asks "am I the last?"
                    reader.close()
                    reader = None
            else:
                raise SystemExit(f"unknown kind {kind}")
        except Exception as exc:  # noqa: BLE001 - every failure is a finding, reported to the test
            print(f"error {kind} {type(exc).__name__}: {exc}", flush=True)
        time.sleep(0.01)
    if reader is not None:
        reader.close()


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2], Path(sys.argv[3]))
