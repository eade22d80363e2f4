"""The schema is spelled in three places (storage/__init__.py): the ORM, the migrations and the SQL strings
of the plain reads. These tests keep them together."""

from __future__ import annotations

import ast
import re
import sqlite3
from pathlib import Path

import pytest

from vitaalthuis.storage.db import Database
from vitaalthuis.storage.orm import Base

SRC = Path(__file__).resolve().parents[2] / "src" / "vitaalthuis"
SQL = re.compile(r"\s*(SELECT\s.+\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s)", re.S)


def _columns(con: sqlite3.Connection) -> dict[str, set[str]]:
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
              if r[0] != "alembic_version"]
    return {t: {row[1] for row in con.execute(f"PRAGMA table_info({t})")} for t in tables}


def _sql_strings() -> list[tuple[str, str]]:
    """Every string literal in storage/ and services/ that is an SQL statement, with where it is."""
    found = []
    for path in [*(SRC / "storage").glob("*.py"), *(SRC / "services").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value):
                found.append((f"{path.name}:{node.lineno}", node.value))
    return found


def test_the_migrations_make_what_the_orm_describes(db: Database) -> None:
    con = sqlite3.connect(db.path)
    try:
        migrated = _columns(con)
    finally:
        con.close()
    orm = {table.name: {c.name for c in table.columns} for table in Base.metadata.sorted_tables}
    assert migrated == orm


def test_there_are_sql_strings_to_check() -> None:
    assert len(_sql_strings()) >= 10  # the reads of checkins.py and tips.py at least


@pytest.mark.parametrize(("where", "sql"), _sql_strings(),
                         ids=lambda v: v if str(v).endswith(tuple("0123456789")) else "")
def test_every_sql_string_compiles_against_the_migrated_schema(db: Database, where: str, sql: str) -> None:
    con = sqlite3.connect(db.path)
    try:
        con.execute("EXPLAIN " + sql, [None] * sql.count("?"))  # an unknown table or column fails here
    finally:
        con.close()
