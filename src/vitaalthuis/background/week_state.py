"""Whether this week's check-in is done, read with plain ``sqlite3`` and never written.

The helper opens the database read-only (URI ``mode=ro``: SQLite never creates the file, and a read-only
connection never checkpoints or deletes a ``-wal``, so a WAL left by a crash stays for the window to look
at first). One statement, so one snapshot. The helper reads only while no window runs. A week counts as
done as in the window (``WeekState.DONE``): a finished check-in exists and no draft of it is open.
"""

from __future__ import annotations

from pathlib import Path

from vitaalthuis.domain.weeks import IsoWeek

DB_FILE = "vitaalthuis.sqlite3"  # vitaalthuis.storage.db.DB_FILE (a test keeps the two equal)
APPLICATION_ID = 0x56544831  # vitaalthuis.storage.identity.APPLICATION_ID ("VTH1"; a test keeps them equal)
BUSY_TIMEOUT_S = 2.0
_QUERY = ("SELECT (SELECT count(*) FROM checkin WHERE week = ?),"
          " (SELECT count(*) FROM draft WHERE week = ?)")


def week_done(data_dir: Path, week: IsoWeek) -> bool | None:
    """True: ``week`` has a finished check-in and no open draft. False: not done, or there is no database
    (the window makes a new one when it starts). None: the file cannot be read just now (busy, being
    replaced, not a VitaalThuis database): ask again later."""
    path = data_dir / DB_FILE
    if not path.is_file():
        return False
    import sqlite3  # only when a reminder is due: the idle helper does not need it

    try:
        con = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error:
        return None
    try:
        if int(con.execute("PRAGMA application_id").fetchone()[0]) not in (0, APPLICATION_ID):
            return None
        checkins, drafts = con.execute(_QUERY, (str(week), str(week))).fetchone()
    except (sqlite3.Error, TypeError, ValueError):
        return None
    finally:
        con.close()
    return bool(checkins) and not drafts
