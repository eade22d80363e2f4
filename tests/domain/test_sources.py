"""The source list (resources/sources.json, docs/sources.md): well formed, complete, and in agreement with
every citation the app shows (instruments, national figures, tips, help contacts)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.helpers import SOURCES_FILE, source_list
from vitaalthuis.domain.benchmarks import load_benchmarks
from vitaalthuis.domain.help_contacts import HELP_SOURCES
from vitaalthuis.domain.instruments import SECTIONS
from vitaalthuis.domain.tips import load_tips

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "sources.md"
REQUIRED = {"id", "publisher", "title", "date", "year", "url"}
OPTIONAL = {"also", "note", "kamerstuk", "document"}
_ID = re.compile(r"S[1-9][0-9]*")
_URL = re.compile(r"https?://\S+")

LISTED = source_list()
BENCHMARKS = load_benchmarks()


def cited_ids() -> dict[str, set[str]]:
    """Source id → where the app cites it."""
    cited: dict[str, set[str]] = {}
    for section in SECTIONS:
        for sid in section.sources:
            cited.setdefault(sid, set()).add(f"section {section.id}")
    for sid in BENCHMARKS.sources:
        cited.setdefault(sid, set()).add("benchmarks")
    for sid in load_tips().sources:
        cited.setdefault(sid, set()).add("tips")
    for sid in HELP_SOURCES:
        cited.setdefault(sid, set()).add("help")
    return cited


def test_file_is_well_formed() -> None:
    doc = json.loads(SOURCES_FILE.read_text(encoding="utf-8"))
    assert set(doc) == {"format", "version", "sources"}
    assert (doc["format"], doc["version"]) == ("vitaalthuis-sources", 1)
    ids = [entry["id"] for entry in doc["sources"]]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert ids == sorted(ids, key=lambda sid: int(sid[1:])), "sorted by number"
    for entry in doc["sources"]:
        sid = entry["id"]
        assert _ID.fullmatch(sid), sid
        assert REQUIRED <= set(entry) <= REQUIRED | OPTIONAL, (sid, set(entry) - REQUIRED - OPTIONAL)
        for key in ("publisher", "title"):
            assert isinstance(entry[key], str) and entry[key].strip() == entry[key] != "", (sid, key)
        for url in (entry["url"], *entry.get("also", [])):
            assert isinstance(url, str) and _URL.fullmatch(url), (sid, url)
        year = entry["year"]
        assert year is None or (isinstance(year, int) and 1990 <= year <= 2100), sid
        if entry["date"] is not None:
            assert isinstance(entry["date"], str) and entry["date"].strip(), sid
            assert str(entry["year"]) in entry["date"], (sid, "year and date disagree")


def test_every_cited_source_is_listed_and_every_listed_source_is_cited() -> None:
    cited = cited_ids()
    assert sorted(set(cited) - set(LISTED)) == [], "cited but not in resources/sources.json"
    assert sorted(set(LISTED) - set(cited)) == [], "listed but cited nowhere"


def test_benchmark_citations_agree_with_the_source_list() -> None:
    for sid, source in BENCHMARKS.sources.items():
        entry = LISTED[sid]
        assert (source.title, source.publisher) == (entry["title"], entry["publisher"]), sid
        assert source.url is None or source.url in (entry["url"], *entry.get("also", ())), sid
        assert source.kamerstuk in (None, entry.get("kamerstuk")), sid
        assert source.document in (None, entry.get("document")), sid
        if source.date != "n.d.":
            assert int(source.date[:4]) == entry["year"], (sid, source.date, entry["year"])


def test_docs_list_every_source_once() -> None:
    rows = re.findall(r"^\| (S[0-9]+) \|", DOC.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert sorted(rows) == sorted(LISTED)
