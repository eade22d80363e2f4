"""Schema rules for the benchmark dataset ``resources/benchmarks/benchmarks-v2.json``.

Low-level checks only (keys, types, score keys, periods, dates); :mod:`vitaalthuis.domain.benchmarks` builds
the objects. Standard library only. Every error names where it happened: ``figure 'id', field 'name'``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Collection
from typing import Any, NoReturn

from vitaalthuis.domain.scoring import DjgCategory
from vitaalthuis.domain.strict_json import no_duplicate_keys

FORMAT = "vitaalthuis-benchmarks"
VERSION = 2
LANGUAGES = ("nl", "en")

TOP_KEYS = frozenset({"format", "version", "dataset_date", "sources", "figures"})
SOURCE_REQUIRED = frozenset({"title", "publisher", "date"})
SOURCE_OPTIONAL = frozenset({"url", "kamerstuk", "document"})
FIGURE_REQUIRED = frozenset({
    "id", "score", "population", "period", "instrument", "recall_period", "source", "verification",
    "comparability", "comparability_note", "group", "who", "shows", "by", "cite",
})
FIGURE_OPTIONAL = frozenset({
    "value_pct", "value_mean", "unit", "value_qualifier", "period_note", "see_also", "wording_verbatim",
    "shows_complement",
})
# Who a figure counts (a closed list, also used by ``vitaalthuis summary --format json``).
GROUPS = frozenset({
    "home_workers", "young_home_workers", "location_workers", "employees", "screen_workers",
    "working_population", "not_working", "population", "survey_panel",
})
PERCENT = "percent"  # the unit of a value_pct
QUALIFIERS = frozenset({"about", "almost", "more_than"})
# unit of a ``value_mean`` -> (lowest, highest) possible value
MEAN_UNITS: dict[str, tuple[float, float]] = {"grade_1_10": (1.0, 10.0)}

_BOOL = frozenset({"true", "false"})


def _ints(highest: int) -> frozenset[str]:
    return frozenset(str(i) for i in range(highest + 1))


# Keys a figure may relate to (the score ids of docs/instruments.md), each with the values allowed after "=".
# A bare key is always allowed; for a boolean score it means "= true". "item:" names an answer rather than a
# score (the life-satisfaction mark itself); "context:" marks background figures that are no well-being score.
SCORE_KEYS: dict[str, frozenset[str]] = {
    "gh_good": _BOOL,
    "mhi5": frozenset(),
    "mhi5_low": _BOOL,
    "ls_satisfied": _BOOL,
    "djg_total": _ints(6),
    "djg_emotional": _ints(3),
    "djg_social": _ints(3),
    "djg_category": frozenset(category.value for category in DjgCategory),
    "kans": _BOOL,
    "wlb_imbalance": _BOOL,
    "item:ls": frozenset(),
    "context:home_working": frozenset({"fully", "partly", "none"}),
}

_ID_RE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_SOURCE_KEY_RE = re.compile(r"[A-Z][A-Z0-9]*")
_PERIOD_RE = re.compile(r"(<)?([0-9]{4})(?:-([0-9]{2}))?")
_DATE_RE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
UNDATED = "n.d."


class BenchmarkDataError(ValueError):
    """The benchmark dataset does not follow the schema; the message names the figure or source and field."""


def fail(where: str, field: str | None, problem: str) -> NoReturn:
    location = where if field is None else f"{where}, field {field!r}"
    raise BenchmarkDataError(f"{location}: {problem}")


def check_keys(where: str, obj: Any, required: frozenset[str], optional: frozenset[str]) -> dict[str, Any]:
    if not isinstance(obj, dict):
        fail(where, None, f"must be a JSON object, not {type(obj).__name__}")
    for key in sorted(required - obj.keys()):
        fail(where, key, "missing")
    for key in sorted(obj.keys() - required - optional):
        fail(where, key, "unknown key")
    return obj


def text(where: str, obj: dict[str, Any], field: str) -> str:
    value = obj[field]
    if not isinstance(value, str):
        fail(where, field, f"must be a string, not {type(value).__name__}")
    if not value.strip():
        fail(where, field, "must not be empty")
    return value


def bilingual(where: str, obj: dict[str, Any], field: str) -> dict[str, str]:
    value = obj[field]
    if not isinstance(value, dict):
        fail(where, field, 'must be an object {"nl": ..., "en": ...}')
    for lang in LANGUAGES:
        if lang not in value:
            fail(where, field, f"missing {lang!r} text")
        if not isinstance(value[lang], str):
            fail(where, field, f"{lang!r} text must be a string")
        if not value[lang].strip():
            fail(where, field, f"empty {lang!r} text")
    for extra in sorted(value.keys() - set(LANGUAGES)):
        fail(where, field, f"unknown language {extra!r}")
    return {lang: value[lang] for lang in LANGUAGES}


def number(where: str, obj: dict[str, Any], field: str) -> float:
    value = obj[field]
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        fail(where, field, f"must be a number, not {value!r}")
    return float(value)


def figure_id(where: str, obj: dict[str, Any]) -> str:
    value = text(where, obj, "id")
    if not _ID_RE.fullmatch(value):
        fail(where, "id", f"{value!r} is not snake_case")
    return value


def source_key(where: str, key: str) -> str:
    if not _SOURCE_KEY_RE.fullmatch(key):
        fail(where, None, "source key must be upper-case letters and digits, e.g. 'S30'")
    return key


def score_key(where: str, key: str) -> str:
    """Check ``name``, ``name=value`` or ``name=value|value`` against :data:`SCORE_KEYS`."""
    name, sep, values = key.partition("=")
    if name not in SCORE_KEYS:
        fail(where, "score", f"unknown score id {name!r}")
    if sep:
        parts = values.split("|")
        allowed = SCORE_KEYS[name]
        for part in parts:
            if part not in allowed:
                fail(where, "score", f"value {part!r} not allowed for {name!r} (allowed: {sorted(allowed)})")
        if len(set(parts)) != len(parts):
            fail(where, "score", f"repeated value in {key!r}")
    return key


def period_sort_key(period: str) -> tuple[int, int]:
    """Orders periods in time: ``YYYY`` before ``YYYY-01``; ``<YYYY`` before any year-``YYYY-1`` period;
    ``n.d.`` (not dated; only sources may be undated) oldest of all. Assumes a checked period."""
    if period == UNDATED:
        return (0, 0)
    match = _PERIOD_RE.fullmatch(period)
    assert match is not None, period
    before, year, month = match.groups()
    if before:
        return (int(year) - 1, -1)
    return (int(year), int(month or 0))


def period(where: str, obj: dict[str, Any]) -> str:
    value = text(where, obj, "period")
    if value == UNDATED:
        fail(where, "period", "every figure needs a date: YYYY, YYYY-MM or <YYYY (before that year)")
    match = _PERIOD_RE.fullmatch(value)
    if match is None or (match.group(3) is not None and not 1 <= int(match.group(3)) <= 12):
        fail(where, "period", f"{value!r} is not YYYY, YYYY-MM or <YYYY")
    needs_note = match.group(1) is not None
    if needs_note and match.group(3) is not None:
        fail(where, "period", "'<' takes a year only")
    if needs_note and "period_note" not in obj:
        fail(where, "period_note", f"required when the period is {value!r}")
    return value


def date(where: str, obj: dict[str, Any], field: str, *, allow_undated: bool) -> str:
    value = text(where, obj, field)
    if allow_undated and value == UNDATED:
        return value
    if not _DATE_RE.fullmatch(value):
        fail(where, field, f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    padded = value + "-01" * (2 - value.count("-"))
    try:
        dt.date.fromisoformat(padded)
    except ValueError:
        fail(where, field, f"{value!r} is not a real date")
    return value


def url(where: str, obj: dict[str, Any]) -> str:
    value = text(where, obj, "url")
    if not value.startswith(("https://", "http://")) or any(ch.isspace() for ch in value):
        fail(where, "url", f"{value!r} is not an http(s) URL")
    return value


def period_year(period: str) -> int:
    """The year a checked period counts for: ``2020-11`` → 2020, ``<2021`` → 2020 (the latest it can be)."""
    year, _ = period_sort_key(period)
    return year


def choice(where: str, obj: dict[str, Any], field: str, allowed: frozenset[str]) -> str:
    value = obj[field]
    if not isinstance(value, str) or value not in allowed:
        fail(where, field, f"{value!r} is not one of {sorted(allowed)}")
    return value


def figure_value(where: str, obj: dict[str, Any]) -> tuple[float, str]:
    """The figure's value and unit: ``value_pct`` (0-100, unit "percent") or ``value_mean`` with its unit."""
    present = [field for field in ("value_pct", "value_mean") if field in obj]
    if len(present) != 1:
        fail(where, "value_pct", "exactly one of 'value_pct' and 'value_mean' is required")
    if present == ["value_pct"]:
        if "unit" in obj:
            fail(where, "unit", "only a 'value_mean' has a unit")
        amount = number(where, obj, "value_pct")
        if not 0 <= amount <= 100:
            fail(where, "value_pct", f"{amount:g} is outside 0-100")
        return amount, PERCENT
    if "unit" not in obj:
        fail(where, "unit", "required with 'value_mean'")
    unit = choice(where, obj, "unit", frozenset(MEAN_UNITS))
    amount = number(where, obj, "value_mean")
    low, high = MEAN_UNITS[unit]
    if not low <= amount <= high:
        fail(where, "value_mean", f"{amount:g} is outside {low:g}-{high:g} for {unit!r}")
    return amount, unit


def see_also(where: str, obj: dict[str, Any], sources: Collection[str], own: str) -> tuple[str, ...]:
    if "see_also" not in obj:
        return ()
    keys = obj["see_also"]
    if not isinstance(keys, list) or not keys or not all(isinstance(key, str) for key in keys):
        fail(where, "see_also", "must be a non-empty list of source keys")
    for key in keys:
        if key not in sources:
            fail(where, "see_also", f"unknown source key {key!r}")
    if own in keys or len(set(keys)) != len(keys):
        fail(where, "see_also", "repeats a source")
    return tuple(keys)


reject_duplicate_keys = no_duplicate_keys(lambda message: BenchmarkDataError(message))
