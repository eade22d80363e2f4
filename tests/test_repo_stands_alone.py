"""The repository stands alone: a plain clone has every document its files point to.

Code, tests, tools and documentation refer to the repository's own docs (docs/instruments.md,
docs/exchange-format.md, docs/sources.md, docs/development.md), never to design or domain notes in a folder
beside the checkout, and they say what a thing is rather than which ticket asked for it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("src", "tests", "tools", "packaging", "bench", "docs", ".ci", ".github",
           "README.md", "Makefile", "pyproject.toml")
SKIPPED_DIRS = frozenset({"__pycache__", ".venv", ".hypothesis", ".ruff_cache", ".mypy_cache",
                          ".pytest_cache"})
THIS_FILE = Path(__file__).resolve()  # holds the patterns and their examples

# Notes that lived beside the repository, not in it: the shared design/domain folder and its files.
OUTSIDE_NOTES = re.compile(
    r"\bshared/(?:design|domain|hooks)\b"
    r"|\bBRIEF\b"
    r"|(?<![\w/.-])(?:BRIEF|conventions|environment|house-style|peers|kamerbrief-[0-9-]+)\.md\b"
)
# Ticket numbers: the word for a ticket followed by its number, or a number in brackets after "#". Not
# "#2" alone (a position or a colour) and not a tracker's address ("/issues/" and a number).
TICKET_NUMBER = re.compile(r"\bissues?[ \t]*#?[ \t]*[0-9]+\b|\(#[0-9]+\)", re.IGNORECASE)


def _listed_by_git() -> list[Path] | None:
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *SCANNED],
            cwd=ROOT, capture_output=True, check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return [ROOT / name for name in out.decode("utf-8", "surrogateescape").split("\0") if name]


def _walked() -> list[Path]:
    """Without git (an unpacked source archive): every file below the scanned paths."""
    files: list[Path] = []
    for name in SCANNED:
        top = ROOT / name
        if top.is_file():
            files.append(top)
        elif top.is_dir():
            files.extend(p for p in top.rglob("*") if not SKIPPED_DIRS & set(p.relative_to(ROOT).parts))
    return files


def text_files() -> list[tuple[str, str]]:
    """(path relative to the repository, text) of every text file in the scanned paths, this file excepted."""
    paths = _listed_by_git()
    if paths is None:
        paths = _walked()
    files = []
    for path in sorted(set(paths)):
        if not path.is_file() or path.resolve() == THIS_FILE:
            continue
        data = path.read_bytes()
        if b"\0" in data:
            continue  # binary (screenshots, icons)
        files.append((path.relative_to(ROOT).as_posix(), data.decode("utf-8", "replace")))
    return files


def findings(pattern: re.Pattern[str]) -> list[str]:
    found = []
    for name, text in text_files():
        for number, line in enumerate(text.splitlines(), start=1):
            if pattern.search(line):
                found.append(f"{name}:{number}: {line.strip()[:120]}")
    return found


def test_the_scan_sees_the_repository() -> None:
    names = {name for name, _ in text_files()}
    assert {"README.md", "src/vitaalthuis/domain/instruments.py", "docs/instruments.md",
            "docs/exchange-format.md", "docs/sources.md", "Makefile", "pyproject.toml"} <= names
    assert not any(name.startswith(("resources/", ".venv/")) for name in names)


def test_no_file_points_to_notes_outside_the_repository() -> None:
    assert findings(OUTSIDE_NOTES) == [], "point to the repository's docs/ instead"


def test_no_file_names_a_ticket_number() -> None:
    assert findings(TICKET_NUMBER) == [], "say what the thing is, not which ticket asked for it"


# The examples below are spelled with {S} and {T} (filled in by the tests), so that no file of the repository,
# this one included, reads as a real pointer outside it or to a ticket.
WORDS = {"S": "shared", "T": "issue"}


@pytest.mark.parametrize("line", [
    "see {S}/domain/instruments.md §8",
    "({S}/design/conventions.md, Names)",
    "citations copied from BRIEF §8",
    "Resolution per conventions.md: defaults < policy",
    "Strip only what is safe (environment.md)",
    "house-style.md §11",
])
def test_outside_notes_pattern_catches(line: str) -> None:
    assert OUTSIDE_NOTES.search(line.format(**WORDS))


@pytest.mark.parametrize("line", [
    "Timing a chart switch, shared by bench/run.py and bench/redraw_window.py",
    "Shared test data: a valid set of answers",
    "docs/instruments.md and docs/development.md",
    "the environment variable VITAALTHUIS_DATA_DIR",
    "brief van SZW, november 2020",
    "the Kamerbrief of 3 February 2021",
    "test_names_follow_the_conventions",
])
def test_outside_notes_pattern_leaves_ordinary_words(line: str) -> None:
    assert not OUTSIDE_NOTES.search(line)


@pytest.mark.parametrize("line", [
    "Redraw time ({T} 3, Speed)",
    "({T} 8 part 2)",
    "{T} #12: crash on start",
    "see {T}s 3 and 4",
    "fixed in (#12)",
])
def test_ticket_pattern_catches(line: str) -> None:
    assert TICKET_NUMBER.search(line.format(**WORDS))


@pytest.mark.parametrize("line", [
    "the issue is that SQLite drops the locks",
    "t{T} 3",  # the word inside another word
    "https://github.com/example/project/issues/12",
    'assert "#7" in notices[5]',
    "figure #2 lacks an id",
    "color: #1a2b3c",
    "mijn map #1 % ?",
])
def test_ticket_pattern_leaves_ordinary_words(line: str) -> None:
    assert not TICKET_NUMBER.search(line.format(**WORDS))
