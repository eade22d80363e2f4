"""The exchange format, version 1 (docs/exchange-format.md): checking an import and writing JSON.

Pure standard library. Import is all-or-nothing: :func:`parse_import` returns check-ins only when it found
no problem at all, and it collects every problem rather than stopping at the first. Hostile input (invalid
UTF-8, deep nesting, NaN, numbers too large for a float or an int) becomes a problem, never an exception.
CSV (export only) is in :mod:`vitaalthuis.domain.csv_export`.

Choices made here (docs/exchange-format.md describes the result):
- A UTF-8 byte-order mark at the very start is tolerated and skipped (RFC 8259 §8.1 lets a parser ignore
  one, and Windows editors add it); export never writes one. Any other encoding is invalid UTF-8.
- ``null`` as the value of a known item means "absent", for every item: KANS details (as documented) and the
  optional items are then simply left out; a required item given as ``null`` is reported as missing.
  ``null`` under an unknown key is still an unknown item. An empty note (``""``) is absent too, as in every
  finished check-in (:func:`vitaalthuis.domain.answers.finished`).
- ``NaN``/``Infinity`` (not JSON), numbers beyond the float range (``1e999``) and integers of more than
  4,300 digits are problems wherever they occur, also in parts that are otherwise ignored.
- KANS details given while ``kans_any`` is absent are reported as well (details without kans_any = 1).
- The exported ``scoring_version`` is the version of the scores written beside it: scores are always
  recomputed, so that is the current :data:`SCORING_VERSION`.
- The optional top-level ``demo`` (:data:`DEMO_KEY`) says the check-ins are synthetic demo data. Export
  writes ``"demo": true`` only for demo data; import accepts ``true`` or ``false`` (absent is ``false``) and
  anything else is a problem. Whether demo data may go into a given database is the service's decision
  (:mod:`vitaalthuis.services.exchange`).

Bounds (a file full of mistakes must not cost minutes or gigabytes): input larger than
:data:`MAX_IMPORT_BYTES` is one problem, unread; at most :data:`MAX_PROBLEMS` problems are kept, in file
order, and the rest are only counted (:attr:`ImportParse.problem_count`, :func:`problem_count`), up to
:data:`MAX_COUNTED`, where checking stops. Checking walks one check-in at a time and makes problems only as
they are counted, so the memory it needs beyond the parsed document does not grow with the file.
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from vitaalthuis.domain.answers import Problem, check_answers, finished
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.instruments import ITEM_IDS, ITEMS, KANS_DETAIL_IDS
from vitaalthuis.domain.problem_texts import MAX_IMPORT_BYTES as LIMIT_BYTES
from vitaalthuis.domain.problem_texts import problem_text
from vitaalthuis.domain.scoring import SCORING_VERSION
from vitaalthuis.domain.weeks import IsoWeek, WeekError

FORMAT_NAME = "vitaalthuis"
FORMAT_VERSION = 1
DEMO_KEY = "demo"  # optional top-level flag: the check-ins are synthetic demo data (docs/exchange-format.md)
CHECKIN_KEYS = frozenset({"week", "answers"})
IGNORED_CHECKIN_KEYS = frozenset({"scores", "scoring_version"})
MAX_INT_DIGITS = 4300  # Python's default int/str limit; set here so a changed global cannot invite a DoS
_READABLE_WEEK = re.compile(r"[0-9]{4}-W[0-9]{2}")
_MISSING: Any = object()
_DETAIL_MAX = 200
_ENTRY_KEYS = CHECKIN_KEYS | IGNORED_CHECKIN_KEYS

MAX_IMPORT_BYTES = LIMIT_BYTES
"""The largest import accepted: 20 MiB. A complete export holds at most one check-in per week since 2000
(about 1,400 today) of under 1 kB (926 weeks of demo data: 0.75 MB); even with every note at its
2,000-character maximum written as JSON escapes it stays under this. Anything larger is not an export, and
parsing it would let one file take hundreds of MB of memory (the command line refuses it before reading
more than this many bytes plus one)."""

MAX_PROBLEMS = 1000
"""Problems kept with their details; beyond this they are only counted. Nobody reads more, and a 20 MB file
of mistakes holds millions of them (13 million for six million ``{}``: 2.2 GB when all were kept)."""

MAX_COUNTED = 100_000
"""Counting stops here, and so does checking: the count is then a lower bound ("at least 100,000
problems"). Checking costs a few microseconds per check-in, so a 20 MB file of six million tiny broken
check-ins would otherwise take most of a minute just to be counted."""



@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One thing wrong with an import. ``index`` counts check-ins in the file from 1 (None: the file as a
    whole); ``week`` is the check-in's week when readable; ``item`` an answer id (or unknown answer key)."""

    index: int | None
    week: str | None
    item: str | None
    code: str
    detail: str = ""

    def message(self) -> str:
        """English text for the command line, always short and printable whatever the input held."""
        text = problem_text(self.code)
        if self.detail:
            text += f" ({_clip(self.detail)})"
        where = []
        if self.index is not None:
            where.append(f"check-in {self.index}" + (f" ({_show(self.week)})" if self.week else ""))
        if self.item is not None:
            where.append(f"item {_show(self.item)}")
        return f"{', '.join(where)}: {text}" if where else text


class ProblemList(list[ImportProblem]):
    """The problems kept (at most :data:`MAX_PROBLEMS`, in file order) and ``total``, how many were counted.
    ``exact`` is False when checking stopped at :data:`MAX_COUNTED`: there are at least ``total``.

    A list, so code that shows problems needs no change; code that says how many uses
    :func:`problem_count`."""

    def __init__(self, problems: Iterable[ImportProblem] = (), total: int | None = None,
                 exact: bool = True) -> None:
        super().__init__(problems)
        self.total = len(self) if total is None else total
        self.exact = exact


def problem_count(problems: Sequence[ImportProblem]) -> int:
    """How many problems were found, also those beyond :data:`MAX_PROBLEMS` that were only counted."""
    return max(getattr(problems, "total", 0), len(problems))


def problem_count_is_exact(problems: Sequence[ImportProblem]) -> bool:
    """False when checking stopped early: there are at least :func:`problem_count` problems."""
    return bool(getattr(problems, "exact", True))


@dataclass(frozen=True, slots=True)
class ImportParse:
    checkins: list[CheckIn] = field(default_factory=list)  # only when ``problems`` is empty
    problems: list[ImportProblem] = field(default_factory=list)  # a ProblemList from parse_import
    demo: bool = False  # the file says its check-ins are demo data (``"demo": true``); only when no problems

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def problem_count(self) -> int:
        """All problems found; ``problems`` holds the first :data:`MAX_PROBLEMS` of them."""
        return problem_count(self.problems)


class _Problems:
    """Collects problems in file order: the first ``keep`` are kept, up to ``count`` are counted."""

    def __init__(self, keep: int = MAX_PROBLEMS, count: int = MAX_COUNTED) -> None:
        self.kept = ProblemList()
        self.keep, self.count = keep, count

    def add(self, found: Iterable[ImportProblem]) -> None:
        """Count (and keep) what ``found`` yields, taking no more from it once :attr:`full`."""
        for problem in found:
            if self.full:
                self.kept.exact = False  # there is at least one more: the count is a lower bound
                return
            self.kept.total += 1
            if len(self.kept) < self.keep:
                self.kept.append(problem)

    @property
    def full(self) -> bool:
        """Enough counted: checking stops, and the count becomes "at least"."""
        return self.kept.total >= self.count

    def __bool__(self) -> bool:
        return self.kept.total > 0


# --- reading JSON --------------------------------------------------------------------------------------


class _Object(dict[str, Any]):
    """A JSON object that remembers keys it saw more than once (the last value is kept)."""

    duplicates: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _BadNumber:
    """Stands in for a number Python cannot hold faithfully (NaN, Infinity, 1e999, 10**5000)."""

    text: str


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        duplicates: dict[str, None] = {}
        for key, _ in pairs:
            if key in seen:
                duplicates[key] = None
            seen.add(key)
        obj.duplicates = tuple(duplicates)
    return obj


def _int(text: str) -> int | _BadNumber:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        return _BadNumber(text)
    try:
        return int(text)
    except ValueError:  # the interpreter's own int/str limit, if set lower
        return _BadNumber(text)


def _float(text: str) -> float | _BadNumber:
    value = float(text)
    return _BadNumber(text) if math.isinf(value) else value


def _loads(text: str) -> Any:
    """Parse with the cyclic garbage collector paused: every JSON object and array becomes a new container,
    and each few hundred new containers set off a collection that scans the survivors again, more than half
    the time for a 20 MB file of small objects. A parsed document holds no reference cycles, so nothing is
    left uncollected by pausing it (it resumes as it was, also after an error)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return json.loads(text, object_pairs_hook=_object, parse_int=_int, parse_float=_float,
                          parse_constant=_BadNumber)
    finally:
        if paused:
            gc.enable()


def _decode(data: bytes | str) -> str | ImportProblem:
    if isinstance(data, str):
        text = data
    else:
        data = bytes(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            return _file_problem("invalid_utf8", f"byte 0x{data[exc.start]:02x} at line {line}, "
                                                 f"byte offset {exc.start}")
    return text[1:] if text.startswith("\ufeff") else text


# --- checking ------------------------------------------------------------------------------------------


def parse_import(data: bytes | str, *, today: dt.date | None = None) -> ImportParse:
    """Read and check an exchange document; every problem is counted, the first MAX_PROBLEMS are kept.
    ``today`` decides "future"."""
    if len(data) > MAX_IMPORT_BYTES:  # a str has at least as many UTF-8 bytes as characters
        return ImportParse(problems=ProblemList([_file_problem("too_large")]))
    text = _decode(data)
    if isinstance(text, ImportProblem):
        return ImportParse(problems=ProblemList([text]))
    try:
        doc = _loads(text)
    except json.JSONDecodeError as exc:
        return ImportParse(problems=ProblemList([_file_problem(
            "malformed_json", f"line {exc.lineno}, column {exc.colno}: {exc.msg}")]))
    except RecursionError:
        return ImportParse(problems=ProblemList([_file_problem("too_deep")]))
    del text  # the document is all that is needed from here on
    try:
        return _check_document(doc, today)
    except RecursionError:  # a safety net: checking itself does not recurse into the data
        return ImportParse(problems=ProblemList([_file_problem("too_deep")]))


def _check_document(doc: Any, today: dt.date | None) -> ImportParse:
    """File-level problems first, then check-in by check-in (the order of the file)."""
    problems = _Problems()
    entries = doc.get("checkins") if isinstance(doc, dict) else None
    entries = entries if isinstance(entries, list) else None
    problems.add(_tree_problems(doc, doc, (), skip=entries))
    if not isinstance(doc, dict):
        problems.add([_file_problem("not_an_object", _describe(doc))])
        return ImportParse(problems=problems.kept)
    problems.add(_header_problems(doc))
    checkins: list[CheckIn] = []
    if entries is not None:
        first_of_week: dict[str, int] = {}
        for index, entry in enumerate(entries, start=1):
            if problems.full:
                problems.kept.exact = False  # the check-ins from here on are not checked
                break
            problems.add(_tree_problems(doc, entry, ("checkins", index - 1)))
            checkin, found = _check_entry(index, entry, today)
            problems.add(found)
            problems.add(_duplicate_week(index, entry, first_of_week))
            if checkin is not None and not problems:  # once one problem is found, none is imported
                checkins.append(checkin)
    if problems:
        return ImportParse(problems=problems.kept)
    return ImportParse(checkins=checkins, problems=problems.kept, demo=doc.get(DEMO_KEY) is True)


def _header_problems(doc: Mapping[str, Any]) -> list[ImportProblem]:
    problems = []
    name, version = doc.get("format", _MISSING), doc.get("version", _MISSING)
    demo = doc.get(DEMO_KEY, False)  # optional; only a JSON boolean, so that "false" or 0 is never guessed at
    checks = (
        ("wrong_format", name, type(name) is str and name == FORMAT_NAME),
        ("wrong_version", version, type(version) is int and version == FORMAT_VERSION),
        ("checkins_not_list", doc.get("checkins", _MISSING), isinstance(doc.get("checkins"), list)),
        ("demo_not_boolean", demo, type(demo) is bool),
    )
    for code, value, good in checks:
        if not good and not isinstance(value, _BadNumber):
            problems.append(_file_problem(code, _describe(value)))
    return problems


def _check_entry(
    index: int, entry: Any, today: dt.date | None
) -> tuple[CheckIn | None, Iterable[ImportProblem]]:
    """The check-in, or None and its problems. The problems are made only as they are taken, so an entry
    with a million unknown keys does not become a million problem objects when counting has stopped."""
    if isinstance(entry, _BadNumber):
        return None, ()  # reported where it occurs
    if not isinstance(entry, dict):
        return None, [ImportProblem(index, None, None, "checkin_not_object", _describe(entry))]
    week_text = _readable_week(entry)
    unknown = [key for key in entry if key not in _ENTRY_KEYS]
    week, week_problem = _check_week(entry, today)
    answers, answer_problems = _check_answers(entry)
    if unknown or week_problem or answer_problems or week is None or answers is None:
        return None, itertools.chain(
            (ImportProblem(index, week_text, None, "unknown_key", _quote(key)) for key in unknown),
            [ImportProblem(index, week_text, None, *week_problem)] if week_problem else (),
            (ImportProblem(index, week_text, p.item, p.code, p.detail) for p in answer_problems))
    return CheckIn(week, _ordered(finished(answers))), ()


def _check_week(
    entry: Mapping[str, Any], today: dt.date | None
) -> tuple[IsoWeek | None, tuple[str, str] | None]:
    value = entry.get("week", _MISSING)
    if value is _MISSING:
        return None, ("missing_week", "")
    if isinstance(value, _BadNumber):
        return None, None  # reported where it occurs
    if not isinstance(value, str):
        return None, ("week_format", _describe(value))
    try:
        return IsoWeek.parse(value, today=today), None
    except WeekError as exc:
        return None, (f"week_{exc.code}", _describe(value) if exc.code == "format" else "")


def _check_answers(entry: Mapping[str, Any]) -> tuple[dict[str, Any] | None, list[Problem]]:
    raw = entry.get("answers", _MISSING)
    if raw is _MISSING:
        return None, [Problem("missing_answers")]
    if isinstance(raw, _BadNumber):
        return None, []
    if not isinstance(raw, dict):
        return None, [Problem("answers_not_object", detail=_describe(raw))]
    answers = {k: v for k, v in raw.items() if not (v is None and k in ITEMS)}
    bad = {k for k, v in answers.items() if k in ITEMS and isinstance(v, _BadNumber)}
    problems = [p for p in check_answers(answers, final=True) if p.item not in bad]
    if "kans_any" not in answers:
        problems += [Problem("kans_details_without_yes", i) for i in KANS_DETAIL_IDS if i in answers]
    return answers, problems


def _duplicate_week(index: int, entry: Any, first_of_week: dict[str, int]) -> list[ImportProblem]:
    week = _readable_week(entry)
    if week is None:
        return []
    first = first_of_week.setdefault(week, index)
    if first == index:
        return []
    detail = f"check-ins {first} and {index} are both {week}"
    return [ImportProblem(index, week, None, "duplicate_week", detail)]


def _tree_problems(doc: Any, value: Any, path: tuple[str | int, ...], *,
                   skip: object = _MISSING) -> Iterator[ImportProblem]:
    """Duplicate keys and unusable numbers in ``value`` (at ``path`` in ``doc``), located as precisely as
    possible. The children of ``skip`` (the check-ins list) are left to the caller, one check-in at a time.
    Lazy: the caller stops taking problems once it has counted enough."""
    for where, found in _walk(value, path, skip):
        if isinstance(found, _Object):
            for key in found.duplicates:
                yield _located(doc, (*where, key), "duplicate_key", f"key {_quote(key)}")
        elif isinstance(found, _BadNumber):
            yield _located(doc, where, "invalid_number", _clip(found.text, 40))


def _walk(root: Any, path: tuple[str | int, ...] = (),
          skip: object = _MISSING) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every value with its path, depth first, without recursion (the parser allows deep nesting); the
    children of the container ``skip`` (compared by identity) are not visited. The stack holds one iterator
    per level, never all the children of a container: a list of millions of values costs no extra memory."""
    yield path, root
    stack = [(path, _children(root))] if root is not skip else []
    while stack:
        where, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        here, value = (*where, child[0]), child[1]
        yield here, value
        if value is not skip and isinstance(value, dict | list):
            stack.append((here, _children(value)))


def _children(value: Any) -> Iterator[tuple[str | int, Any]]:
    if isinstance(value, dict):
        return iter(value.items())
    if isinstance(value, list):
        return enumerate(value)
    return iter(())


def _located(doc: Any, path: tuple[str | int, ...], code: str, what: str) -> ImportProblem:
    if len(path) >= 2 and path[0] == "checkins" and isinstance(path[1], int):
        index, rest = path[1], path[2:]
        week = _readable_week(doc["checkins"][index])
        item = rest[1] if len(rest) >= 2 and rest[0] == "answers" else None
        return ImportProblem(index + 1, week, str(item) if item is not None else None, code,
                             _at(what, rest[:-1] if code == "duplicate_key" else rest))
    return _file_problem(code, _at(what, path[:-1] if code == "duplicate_key" else path))


def _at(what: str, path: tuple[str | int, ...]) -> str:
    if not path:
        return what
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{_show(p)}" for p in path).lstrip(".")
    return f"{what} at {where}"


# --- small helpers -------------------------------------------------------------------------------------


def _file_problem(code: str, detail: str = "") -> ImportProblem:
    return ImportProblem(None, None, None, code, detail)


def _readable_week(entry: Any) -> str | None:
    week = entry.get("week") if isinstance(entry, dict) else None
    return week if isinstance(week, str) and _READABLE_WEEK.fullmatch(week) else None


def _show(text: str | None, limit: int = 40) -> str:
    """An item id or week as it appears in a message: as is when short and printable, else escaped."""
    text = str(text)
    return text if len(text) <= limit and text.isprintable() else _quote(text, limit)


def _quote(text: str, limit: int = 40) -> str:
    """A key or text value quoted for a message: short, with control characters and surrogates escaped."""
    return repr(text[:limit]) + ("..." if len(text) > limit else "")


def _describe(value: object) -> str:
    """What a JSON value is, without printing a whole (possibly huge or deeply nested) structure."""
    if value is _MISSING:
        return "missing"
    if value is None or isinstance(value, bool):
        return "found " + json.dumps(value)
    if isinstance(value, dict):
        return "found an object"
    if isinstance(value, list):
        return "found a list"
    if isinstance(value, str):
        return "found " + _quote(value)
    if isinstance(value, _BadNumber):
        return "found " + _clip(value.text, 40)
    return "found " + _clip(repr(value), 40)


def _clip(text: str, limit: int = _DETAIL_MAX) -> str:
    text = text if len(text) <= limit else text[:limit] + "..."
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


# --- export --------------------------------------------------------------------------------------------


def export_answers(answers: Mapping[str, Any]) -> dict[str, Any]:
    """A finished check-in's answers as exported: absent items left out, regions sorted, in item order."""
    return _ordered(finished(answers))


def _ordered(answers: Mapping[str, Any]) -> dict[str, Any]:
    known = {i: answers[i] for i in ITEM_IDS if i in answers}
    return known | {k: v for k, v in answers.items() if k not in known}


def sorted_by_week(checkins: Iterable[CheckIn]) -> list[CheckIn]:
    return sorted(checkins, key=lambda c: c.week)


def export_json(checkins: Iterable[CheckIn], *, demo: bool = False) -> str:
    """The JSON document: every check-in sorted by week, with its recomputed scores. Ends with a newline.
    ``demo``: the check-ins are synthetic demo data, written as ``"demo": true`` (left out for real data)."""
    doc: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    if demo:
        doc[DEMO_KEY] = True
    doc |= {
        "checkins": [
            {
                "week": str(c.week),
                "answers": export_answers(c.answers),
                "scoring_version": SCORING_VERSION,
                "scores": c.scores.as_dict(),
            }
            for c in sorted_by_week(checkins)
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
