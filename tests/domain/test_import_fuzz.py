"""Hostile import files: property-based, through ExchangeService against a real database.

Every generated document is imported into a database that already holds check-ins. Whatever the input:
no exception other than ImportRejectedError; on rejection the database is byte-for-byte the same content and
every problem has a known code and a printable message; on success exactly the imported weeks changed.
Policy files do not exist yet: their fuzzing comes with them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import SPEC_EXAMPLE, answers
from vitaalthuis.domain import exchange as exchange_mod
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.instruments import ITEM_IDS
from vitaalthuis.domain.problem_texts import PROBLEMS
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.exchange import ExchangeService, ImportRejectedError
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import Database

TODAY = dt.date(2026, 11, 28)
BASELINE = [IsoWeek(2026, 1).shifted(i) for i in range(4)]
KNOWN_CODES = set(PROBLEMS)  # every code has its words there (tests/cli/test_cli_texts.py)
FUZZ = settings(deadline=None, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large, HealthCheck.filter_too_much])


def fuzz(examples: int) -> settings:
    return settings(FUZZ, max_examples=examples)
CASES = {"count": 0}
Problems = list[exchange_mod.ImportProblem] | None


class Target:
    """A real database with four check-ins, and the service that imports into it."""

    def __init__(self, data_dir: Path) -> None:
        self.db = Database.open(data_dir)
        self.repo = CheckinRepository(self.db.sessions)
        self.repo.save_many([CheckIn(w, answers(ls=i, note=f"basis {i}")) for i, w in enumerate(BASELINE)])
        self.service = ExchangeService(self.repo, self.db.path, today=lambda: TODAY)
        self.baseline = self.content()

    def content(self) -> list[tuple[Any, ...]]:
        con = sqlite3.connect(self.db.path)
        try:
            return con.execute("SELECT c.week, c.scoring_version, a.item, a.value FROM checkin c "
                               "JOIN answer a ON a.checkin_id = c.id ORDER BY c.week, a.item").fetchall()
        finally:
            con.close()

    def try_import(self, data: bytes | str, *, replace: bool = False) -> Problems:
        """Import ``data``; returns the problems (None on success) after checking the invariants."""
        CASES["count"] += 1
        try:
            result = self.service.import_data(data, replace=replace)
        except ImportRejectedError as exc:
            assert exc.problems, "a rejection must say why"
            for problem in exc.problems:
                assert problem.code in KNOWN_CODES, problem
                message = problem.message()
                assert message.strip() and message.encode("utf-8")  # printable on any terminal
                assert len(message) < 600
            assert self.content() == self.baseline, "a rejected import changed the database"
            return exc.problems
        changed = {str(w) for w in (*result.added, *result.replaced)}
        assert [r for r in self.content() if r[0] not in changed] == \
            [r for r in self.baseline if r[0] not in changed], "an import touched other weeks"
        self.reset()
        return None

    def reset(self) -> None:
        for week in self.repo.weeks() - set(BASELINE):
            self.repo.delete(week)
        self.repo.save_many([CheckIn(w, answers(ls=i, note=f"basis {i}")) for i, w in enumerate(BASELINE)],
                           replace=True)
        assert self.content() == self.baseline


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    t = Target(tmp_path_factory.mktemp("fuzz") / "data")
    yield t
    t.db.close()
    print(f"\nimport fuzzing: {CASES['count']} generated documents imported")


def codes(problems: list[exchange_mod.ImportProblem] | None) -> set[str]:
    assert problems is not None, "the import was accepted"
    return {p.code for p in problems}


# -- strategies ---------------------------------------------------------------------------------------------
json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30),
    st.sampled_from([0, 1, 2, 5, 7, 10, 11, -1, 2.5, "", "1", "neck", "2026-W05", [], {}]),
)
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)), max_leaves=12)
weeks = st.builds(lambda i: str(IsoWeek(2025, 1).shifted(i)), st.integers(0, 90))
valid_answers = st.sampled_from([answers(), SPEC_EXAMPLE, answers(gh=5, ls=1, wlb=3), answers(note="ok")])
item_ids = st.sampled_from(sorted(ITEM_IDS))
random_answers = st.dictionaries(item_ids | st.text(max_size=8),
                                 json_scalars | st.lists(json_scalars, max_size=3), max_size=25)


@st.composite
def checkin_like(draw: st.DrawFn) -> Any:
    """Mostly check-in shaped objects, answers any mix of known items and values; sometimes anything."""
    if draw(st.integers(0, 9)) == 0:
        return draw(json_values)
    entry: dict[str, Any] = {"week": draw(weeks | json_scalars),
                             "answers": draw(random_answers | valid_answers)}
    if draw(st.booleans()):
        entry[draw(st.sampled_from(["scores", "scoring_version", "extra", "week", "answers"]))] = \
            draw(json_values)
    return entry


header_documents = st.fixed_dictionaries(
    {"format": st.just("vitaalthuis"), "version": st.just(1),
     "checkins": st.lists(checkin_like(), max_size=5)})


@st.composite
def valid_documents(draw: st.DrawFn) -> dict[str, Any]:
    chosen = draw(st.lists(weeks, min_size=1, max_size=4, unique=True))
    return {"format": "vitaalthuis", "version": 1,
            "checkins": [{"week": w, "answers": dict(draw(valid_answers))} for w in chosen]}


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _paths(inner, (*path, index))


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    *parents, last = path
    holder = doc
    for step in parents:
        holder = holder[step]
    holder[last] = value
    return doc


# -- the properties -----------------------------------------------------------------------------------------
@fuzz(350)
@given(doc=json_values | header_documents, ascii_only=st.booleans())
def test_any_json_value(target: Target, doc: Any, ascii_only: bool) -> None:
    target.try_import(json.dumps(doc, ensure_ascii=ascii_only))


@fuzz(300)
@given(doc=valid_documents(), data=st.data())
def test_valid_documents_with_one_value_replaced(target: Target, doc: dict[str, Any],
                                                 data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(list(_paths(doc))))
    mutated = _set(json.loads(json.dumps(doc)), path, data.draw(json_values))
    problems = target.try_import(json.dumps(mutated), replace=data.draw(st.booleans()))
    if path[:1] in (("format",), ("version",)) and mutated.get(path[0]) != doc[path[0]]:
        assert codes(problems) & {"wrong_format", "wrong_version"}


HUGE_NUMBERS = ["1e999", "-1e999", "1" + "0" * 5000, "-" + "9" * 4301, "1e308", "4.9e-324", "-0", "2e0",
                "NaN", "Infinity", "-Infinity", "18446744073709551617", "0.1e1", "1E400"]


@fuzz(150)
@given(doc=valid_documents(), data=st.data())
def test_huge_and_odd_numbers_anywhere(target: Target, doc: dict[str, Any], data: st.DataObject) -> None:
    leaves = [p for p in _paths(doc) if p and not isinstance(_get(doc, p), (dict, list))]
    path = data.draw(st.sampled_from(leaves))
    marker = "\u2063MARK\u2063"
    text = json.dumps(_set(json.loads(json.dumps(doc)), path, marker)).replace(json.dumps(marker),
                                                                                  data.draw(st.sampled_from(HUGE_NUMBERS)))
    target.try_import(text)


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


@fuzz(150)
@given(doc=valid_documents(), cut=st.floats(0, 1), as_bytes=st.booleans())
def test_truncated_files(target: Target, doc: dict[str, Any], cut: float, as_bytes: bool) -> None:
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    data: bytes | str = text.encode("utf-8") if as_bytes else text
    end = int(len(data) * cut)
    if not data[:end].strip() or data[:end].strip() == data.strip():
        return  # nothing left, or nothing cut but whitespace
    assert codes(target.try_import(data[:end])) & {"malformed_json", "invalid_utf8"}


@fuzz(60)
@given(depth=st.integers(1, 200_000), kind=st.sampled_from(["[", '{"a":']),
       where=st.sampled_from(["top", "note", "checkins"]))
def test_deep_nesting(target: Target, depth: int, kind: str, where: str) -> None:
    nested = kind * depth + "0" + ("]" if kind == "[" else "}") * depth
    if where == "top":
        text = nested
    elif where == "checkins":
        text = f'{{"format": "vitaalthuis", "version": 1, "checkins": [{nested}]}}'
    else:
        body = json.dumps({"week": "2026-W20", "answers": answers()})[:-1] + f', "note": {nested}}}'
        text = f'{{"format": "vitaalthuis", "version": 1, "checkins": [{body}]}}'
    problems = target.try_import(text)
    if depth > 100_000:
        assert "too_deep" in codes(problems)


@fuzz(120)
@given(doc=valid_documents(), data=st.data())
def test_duplicate_keys(target: Target, doc: dict[str, Any], data: st.DataObject) -> None:
    text = json.dumps(doc)
    objects = [m.end() for m in re.finditer(r"\{", text)]
    at = data.draw(st.sampled_from(objects))
    key = data.draw(st.sampled_from(["format", "version", "week", "answers", "gh", "note", "ls"]))
    value = json.dumps(data.draw(json_scalars))
    spliced = text[:at] + f'"{key}": {value}, "{key}": {value}, ' + text[at:]
    assert "duplicate_key" in codes(target.try_import(spliced))


@fuzz(100)
@given(doc=valid_documents(), copies=st.integers(2, 5), other=valid_answers)
def test_duplicate_weeks(target: Target, doc: dict[str, Any], copies: int, other: dict[str, Any]) -> None:
    first = doc["checkins"][0]
    doc["checkins"] += [{"week": first["week"], "answers": dict(other)} for _ in range(copies - 1)]
    problems = target.try_import(json.dumps(doc), replace=True)
    assert "duplicate_week" in codes(problems)
    assert {p.week for p in problems or () if p.code == "duplicate_week"} == {first["week"]}


@fuzz(100)
@given(data=st.binary(max_size=400) | st.binary(max_size=40).map(lambda b: b"\xef\xbb\xbf" + b))
def test_random_bytes(target: Target, data: bytes) -> None:
    target.try_import(data)


@fuzz(100)
@given(key=st.text(min_size=1, max_size=60), value=json_values, where=st.sampled_from(["doc", "checkin",
                                                                                        "answers"]))
def test_unicode_keys_and_values(target: Target, key: str, value: Any, where: str) -> None:
    doc: dict[str, Any] = {"format": "vitaalthuis", "version": 1,
                           "checkins": [{"week": "2026-W30", "answers": answers()}]}
    holder = {"doc": doc, "checkin": doc["checkins"][0], "answers": doc["checkins"][0]["answers"]}[where]
    holder[key] = value
    target.try_import(json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass"))


note_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1,
                    max_size=2000).filter(lambda s: s != "")


@fuzz(120)
@given(note=note_text | st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00",
                                               min_codepoint=0x10000), min_size=2000, max_size=2000))
def test_notes_of_any_unicode_round_trip_exactly(target: Target, note: str) -> None:
    week = "2026-W40"
    doc = {"format": "vitaalthuis", "version": 1, "checkins": [{"week": week, "answers": answers(note=note)}]}
    result = target.service.import_data(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    CASES["count"] += 1
    try:
        assert [str(w) for w in result.added] == [week]
        stored = target.repo.get(IsoWeek(2026, 40))
        assert stored is not None and stored.answers["note"] == note
        exported = json.loads(target.service.export("json"))
        assert [c["answers"]["note"] for c in exported["checkins"] if c["week"] == week] == [note]
    finally:
        target.reset()


@pytest.mark.parametrize("note", ["\ud800", "a\udfffb", "nul\x00byte"])
def test_lone_surrogates_and_nul_are_refused_not_stored(target: Target, note: str) -> None:
    doc = {"format": "vitaalthuis", "version": 1,
           "checkins": [{"week": "2026-W41", "answers": answers(note=note)}]}
    assert codes(target.try_import(json.dumps(doc))) == {"note_invalid_text"}


def test_enough_cases_were_generated(target: Target) -> None:
    assert CASES["count"] >= 1000, CASES
