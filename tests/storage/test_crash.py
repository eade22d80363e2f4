"""Crash-proof saving: a writer process is killed with SIGKILL at random moments.

Each child process opens the database and saves check-ins in a loop: single new weeks, batches of three new
weeks (one transaction) and replacements of earlier weeks. It prints ``begin`` before and ``ack`` after each
save returned. The parent kills it after a random delay (during start-up, a save, a checkpoint, ...), then
checks ``PRAGMA integrity_check``, that every acknowledged check-in is present and intact, and that the save
in flight is all or nothing. The next child is started while the current one runs, to hide its start-up.
"""

from __future__ import annotations

import inspect
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import answers
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import DB_FILE, Database

KILLS = 55
MAX_DELAY = 0.12  # seconds after "go" (a kill during start-up) or after "opened" (a kill while saving)
DURING_START = 0.2  # the share of kills timed from "go"
FIRST = IsoWeek(2000, 1)
ROOT = Path(__file__).parents[2]

CHILD_LOOP = textwrap.dedent("""
    import sys
    from pathlib import Path
    from typing import Any
    from tests.helpers import answers
    from vitaalthuis.domain.checkin import CheckIn
    from vitaalthuis.domain.weeks import IsoWeek
    from vitaalthuis.storage.checkins import CheckinRepository
    from vitaalthuis.storage.db import Database

    {expected}
    print("ready", flush=True)
    sys.stdin.readline()
    db = Database.open(Path(sys.argv[1]))
    repo = CheckinRepository(db.sessions)
    db.sessions.load()  # SQLAlchemy (0.3 s), as the window loads it early: the kills then fall on saves
    print("opened", flush=True)
    version = int(sys.argv[2])
    known = sorted(repo.weeks())
    first = IsoWeek(2000, 1)
    nxt = (known[-1].shifted(1) if known else first)
    while True:
        version += 1
        kind = version % 5
        if kind == 3 and known:
            weeks = [known[(version * 7919) % len(known)]]
        elif kind == 4:
            weeks = [nxt, nxt.shifted(1), nxt.shifted(2)]
        else:
            weeks = [nxt]
        label = ",".join(str(w) for w in weeks)
        print(f"begin {version} {label}", flush=True)
        repo.save_many([CheckIn(w, expected(w, version)) for w in weeks], replace=kind == 3)
        print(f"ack {version} {label}", flush=True)
        for w in weeks:
            if w >= nxt:
                known.append(w)
                nxt = w.shifted(1)
""")


def expected(week: IsoWeek, version: int) -> dict[str, Any]:
    """The answers saved for ``week`` by the operation ``version``: everything can be checked exactly."""
    return answers(ls=version % 11, gh=1 + version % 5, hours_worked=version % 80,
                   note=f"{week} v{version} " + "ünïcødé ✓ 😀 " * (version % 40))


# the child gets the very same function, without importing this module (and pytest) at every start
CHILD = CHILD_LOOP.replace("{expected}", inspect.getsource(expected))


class Child:
    def __init__(self, data_dir: Path, version: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(data_dir), str(version)], cwd=ROOT, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self.ready = threading.Event()
        self.opened = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.endswith("\n"):
                self.lines.append(line.strip())
            if line == "ready\n":
                self.ready.set()
            elif line == "opened\n":
                self.opened.set()

    def go(self) -> None:
        assert self.ready.wait(60), self.proc.stderr.read() if self.proc.stderr else ""
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    def kill(self) -> int:
        self.proc.send_signal(signal.SIGKILL)
        code = self.proc.wait(30)
        self.reader.join(30)
        return code


def stored(db_path: Path) -> dict[str, dict[str, Any]]:
    con = sqlite3.connect(db_path)  # read-write, as the app: it may have to finish SQLite's crash recovery
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'checkin'").fetchone():
            return {}  # killed during the first start, before the schema was committed
        rows = con.execute("SELECT c.week, a.item, a.value FROM checkin c "
                           "JOIN answer a ON a.checkin_id = c.id")
        found: dict[str, dict[str, Any]] = defaultdict(dict)
        for week, item, value in rows:
            found[week][item] = json.loads(value)
        return found
    finally:
        con.close()


def version_of(saved: dict[str, Any]) -> int:
    match = re.search(r" v([0-9]+) ", saved.get("note", ""))
    assert match, saved
    return int(match[1])


def verify(db_path: Path, acked: dict[str, int], in_flight: tuple[int, list[str]] | None) -> None:
    if not db_path.exists():  # killed before it was created
        assert not acked and in_flight is None
        return
    found = stored(db_path)
    for week, version in acked.items():
        assert week in found, f"acknowledged {week} (v{version}) is missing"
        saved = found[week]
        assert version_of(saved) >= version, f"{week}: v{version_of(saved)} replaced acknowledged v{version}"
        assert saved == expected(IsoWeek.parse(week, allow_future=True), version_of(saved)), week
    if in_flight is not None:  # the save that was cut off: all of its weeks or none of them
        version, weeks = in_flight
        done = [w in found and version_of(found[w]) == version for w in weeks]
        parts = dict(zip(weeks, done, strict=True))
        assert all(done) or not any(done), f"v{version} was saved in part: {parts}"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_at_random_moments_loses_no_acknowledged_checkin(data_dir: Path) -> None:
    rng = random.Random(int(os.environ.get("VITAALTHUIS_CRASH_SEED", "6")))
    db_path = data_dir / DB_FILE
    acked: dict[str, int] = {}
    survived = killed_mid_run = acks = 0
    started = time.monotonic()
    child = Child(data_dir, 0)
    for kill in range(1, KILLS + 1):
        child.go()
        upcoming = Child(data_dir, kill * 1_000_000)  # starts (imports) while the current one works
        if rng.random() >= DURING_START:
            child.opened.wait(30)
        time.sleep(rng.uniform(0, MAX_DELAY))
        code = child.kill()
        assert code == -signal.SIGKILL, child.proc.stderr.read() if child.proc.stderr else code
        in_flight = None
        for line in child.lines:
            what, _, rest = line.partition(" ")
            if what in ("begin", "ack"):
                version_text, weeks_text = rest.split(" ")
                weeks = weeks_text.split(",")
                if what == "ack":
                    acked.update(dict.fromkeys(weeks, int(version_text)))
                    acks += 1
                    in_flight = None
                else:
                    in_flight = (int(version_text), weeks)
        killed_mid_run += in_flight is not None
        verify(db_path, acked, in_flight)
        survived += 1
        child = upcoming
    child.kill()
    db = Database.open(data_dir)  # and the app opens it normally afterwards (quick_check included)
    assert {str(w) for w in CheckinRepository(db.sessions).weeks()} >= set(acked)
    db.close()
    verify(db_path, acked, None)
    print(f"\ncrash test: {survived}/{KILLS} kills survived, {killed_mid_run} with a save in flight, "
          f"{acks} acknowledged saves, {len(acked)} weeks, {time.monotonic() - started:.1f} s")
    assert survived == KILLS and len(acked) > KILLS
