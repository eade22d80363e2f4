"""Is this SQLite file ours? The one place that tells a VitaalThuis database from another program's.

A VitaalThuis database carries :data:`APPLICATION_ID` in its header (``PRAGMA application_id``, set by
migration 0003 and by every new database). Files written before that revision carry 0 and are recognised by
their tables: an alembic revision this version knows *and* the tables that revision creates. Another
program's alembic-managed file (revision "0001" of something else) is therefore foreign, not "new", and is
never migrated in place. Pure functions over an open ``sqlite3`` connection: no SQLAlchemy, no Qt.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

APPLICATION_ID = 0x56544831  # "VTH1"

# The tables each known revision has (alembic's own included): what recognises a file from before 0003.
_TABLES_0001 = frozenset({"alembic_version", "checkin", "answer", "draft", "meta"})
_TABLES_0002 = _TABLES_0001 | {"tip_shown", "tip_feedback"}
TABLES: dict[str, frozenset[str]] = {"0001": _TABLES_0001, "0002": _TABLES_0002, "0003": _TABLES_0002}
UNMARKED = frozenset({"0001", "0002"})  # revisions from before the mark: recognised by their tables alone
REVISIONS: tuple[str, ...] = tuple(TABLES)  # oldest first; a test checks this matches the alembic scripts
HEAD = REVISIONS[-1]


class Kind(StrEnum):
    EMPTY = "empty"  # a SQLite file without any table (a new database)
    OURS = "ours"  # a VitaalThuis database of a revision this version knows
    TOO_NEW = "too_new"  # a VitaalThuis database of a later revision
    FOREIGN = "foreign"  # another program's database


@dataclass(frozen=True)
class Identity:
    kind: Kind
    revision: str | None = None
    detail: str = ""


def identify(con: sqlite3.Connection, known: Sequence[str] = REVISIONS) -> Identity:
    """What the database behind ``con`` is; ``known``: the revisions this version can open (oldest first).
    Raises ``sqlite3.Error`` when it cannot be read at all."""
    application_id = int(con.execute("PRAGMA application_id").fetchone()[0])
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if application_id not in (0, APPLICATION_ID):
        return Identity(Kind.FOREIGN, detail=f"another application's database (id {application_id:#x})")
    if not tables:
        return Identity(Kind.EMPTY)
    if "alembic_version" not in tables:
        return Identity(Kind.FOREIGN, detail="another application's database")
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = str(row[0]) if row else None
    if application_id == APPLICATION_ID:
        if revision is None:
            return Identity(Kind.FOREIGN, revision, "a VitaalThuis mark without a revision")
        if revision not in known:
            return Identity(Kind.TOO_NEW, revision, f"schema revision {revision}")
        if not TABLES.get(revision, frozenset()) <= tables:
            return Identity(Kind.FOREIGN, revision, "a VitaalThuis mark without its tables")
        return Identity(Kind.OURS, revision)
    # no mark: a file from before revision 0003 is ours only when it has exactly what that revision made
    if revision in UNMARKED and revision in known and TABLES[revision] <= tables:
        return Identity(Kind.OURS, revision)
    return Identity(Kind.FOREIGN, revision, "another application's database (alembic, other tables)")
