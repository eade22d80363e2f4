"""National benchmark figures: the versioned dataset in ``resources/benchmarks/`` and its loader.

Pure Python (standard library only). :func:`load_benchmarks` reads the shipped file; :func:`parse_benchmarks`
checks a document strictly against the schema in :mod:`vitaalthuis.domain.benchmark_schema` and raises
:class:`BenchmarkDataError` naming the figure (or source) and field on the first problem.

A figure's ``score`` says what its percentage counts: ``djg_category=strong`` is the share whose loneliness
category is "strong"; a bare boolean score such as ``gh_good`` means "= true"; ``item:ls`` relates to the
life-satisfaction mark itself; ``context:…`` figures are background, never a comparison.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from vitaalthuis import resources
from vitaalthuis.domain import benchmark_schema as schema
from vitaalthuis.domain.benchmark_schema import BenchmarkDataError
from vitaalthuis.domain.instruments import Text

__all__ = [
    "BenchmarkDataError", "BenchmarkSet", "Comparability", "Figure", "Source", "Text", "Verification",
    "format_period", "load_benchmarks", "parse_benchmarks",
]

RESOURCE = ("benchmarks", "benchmarks-v2.json")
PERCENT = schema.PERCENT


class Comparability(StrEnum):
    SAME_MEASURE = "same_measure"  # same instrument and cut-off as the app
    SIMILAR = "similar"  # same construct; recall period, population or wording differ
    CONTEXT = "context"  # a different question: background only, never a comparison


class Verification(StrEnum):
    INDEPENDENT = "independent"  # checked in an independent source (docs/sources.md)
    SECONDARY = "secondary"  # only a secondary source such as a news item
    LETTER_ONLY = "letter_only"  # only in the Kamerbrief of 3 February 2021 (source S1)


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    title: str
    publisher: str
    date: str  # YYYY, YYYY-MM, YYYY-MM-DD or "n.d."
    url: str | None = None
    kamerstuk: str | None = None
    document: str | None = None

    def citation(self) -> str:
        """One line, e.g. ``CBS, Eenzaamheid; persoonskenmerken (2022). StatLine 85766NED. https://…``."""
        parts = [f"{self.publisher}, {self.title} ({self.date})"]
        if self.kamerstuk:
            parts.append(f"Kamerstuk {self.kamerstuk}")
        if self.document:
            parts.append(self.document)
        if self.url:
            parts.append(self.url)
        return ". ".join(parts)


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    score: str
    value: float
    unit: str  # PERCENT, or a mean's unit such as "grade_1_10"
    qualifier: str | None  # "about", "almost", "more_than"
    population: Text
    period: str
    period_note: Text | None
    instrument: Text
    recall_period: Text
    source: str
    see_also: tuple[str, ...]
    verification: Verification
    comparability: Comparability
    comparability_note: Text
    wording_verbatim: str | None
    group: str  # who the figure counts: one of benchmark_schema.GROUPS
    who: Text  # that group in a few words, for a comparison line ("Thuiswerkers")
    shows: Text  # what the share counts, in the source's own words ("sterk eenzaam")
    shows_complement: Text | None  # what 100 - value counts, when the share is one side of a two-way split
    by: str  # who measured it, in a word or two ("TNO", "CBS")
    cite: str  # the short citation of a comparison line and of `vitaalthuis summary`

    @property
    def year(self) -> int:
        return schema.period_year(self.period)

    @property
    def value_pct(self) -> float | None:
        return self.value if self.unit == PERCENT else None

    @property
    def value_mean(self) -> float | None:
        return None if self.unit == PERCENT else self.value


@dataclass(frozen=True, slots=True)
class BenchmarkSet:
    version: int
    dataset_date: str
    sources: Mapping[str, Source]
    figures: tuple[Figure, ...]

    def source(self, key: str) -> Source:
        """The source with this key; :class:`KeyError` when there is none."""
        return self.sources[key]

    def figure(self, figure_id: str) -> Figure:
        for figure in self.figures:
            if figure.id == figure_id:
                return figure
        raise KeyError(figure_id)

    def for_score(self, score_key: str) -> list[Figure]:
        """Figures whose ``score`` equals ``score_key`` exactly, newest period first (file order on ties)."""
        matching = [figure for figure in self.figures if figure.score == score_key]
        return sorted(matching, key=lambda figure: schema.period_sort_key(figure.period), reverse=True)

    def citation(self, figure: Figure) -> str:
        return self.source(figure.source).citation()


def load_benchmarks() -> BenchmarkSet:
    """The shipped dataset, schema-checked."""
    return parse_benchmarks(resources.read_text(*RESOURCE))


def parse_benchmarks(text: str) -> BenchmarkSet:
    try:
        document = json.loads(text, object_pairs_hook=schema.reject_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise BenchmarkDataError(f"not valid JSON: {exc}") from exc
    top = schema.check_keys("top level", document, schema.TOP_KEYS, frozenset())
    if top["format"] != schema.FORMAT:
        schema.fail("top level", "format", f"must be {schema.FORMAT!r}")
    if type(top["version"]) is not int or top["version"] != schema.VERSION:
        schema.fail("top level", "version", f"must be the integer {schema.VERSION}")
    dataset_date = schema.date("top level", top, "dataset_date", allow_undated=False)
    if not isinstance(top["sources"], dict) or not top["sources"]:
        schema.fail("top level", "sources", "must be a non-empty object")
    sources = {key: _source(key, raw) for key, raw in top["sources"].items()}
    if not isinstance(top["figures"], list) or not top["figures"]:
        schema.fail("top level", "figures", "must be a non-empty list")
    figures: list[Figure] = []
    seen: set[str] = set()
    for index, raw in enumerate(top["figures"], start=1):
        figure = _figure(index, raw, sources)
        if figure.id in seen:
            schema.fail(f"figure {figure.id!r}", "id", "duplicate figure id")
        seen.add(figure.id)
        figures.append(figure)
    return BenchmarkSet(schema.VERSION, dataset_date, MappingProxyType(sources), tuple(figures))


def _source(key: str, raw: Any) -> Source:
    where = f"source {key!r}"
    schema.source_key(where, key)
    obj = schema.check_keys(where, raw, schema.SOURCE_REQUIRED, schema.SOURCE_OPTIONAL)
    if "url" not in obj and "kamerstuk" not in obj:
        schema.fail(where, "url", "a source needs a url or a kamerstuk")
    optional = {field: schema.text(where, obj, field) for field in ("kamerstuk", "document") if field in obj}
    return Source(
        key=key,
        title=schema.text(where, obj, "title"),
        publisher=schema.text(where, obj, "publisher"),
        date=schema.date(where, obj, "date", allow_undated=True),
        url=schema.url(where, obj) if "url" in obj else None,
        **optional,
    )


def _figure(index: int, raw: Any, sources: Mapping[str, Source]) -> Figure:
    named = isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"].strip()
    where = f"figure {raw['id']!r}" if named else f"figure #{index}"
    obj = schema.check_keys(where, raw, schema.FIGURE_REQUIRED, schema.FIGURE_OPTIONAL)
    schema.figure_id(where, obj)
    value, unit = schema.figure_value(where, obj)
    source = schema.text(where, obj, "source")
    if source not in sources:
        schema.fail(where, "source", f"unknown source key {source!r}")
    see_also = schema.see_also(where, obj, sources.keys(), source)
    qualifier = None
    if "value_qualifier" in obj:
        qualifier = schema.choice(where, obj, "value_qualifier", schema.QUALIFIERS)

    def bi(field: str) -> Text:
        return Text(**schema.bilingual(where, obj, field))

    return Figure(
        id=obj["id"],
        score=schema.score_key(where, schema.text(where, obj, "score")),
        value=value,
        unit=unit,
        qualifier=qualifier,
        population=bi("population"),
        period=schema.period(where, obj),
        period_note=bi("period_note") if "period_note" in obj else None,
        instrument=bi("instrument"),
        recall_period=bi("recall_period"),
        source=source,
        see_also=see_also,
        verification=Verification(schema.choice(where, obj, "verification", _values(Verification))),
        comparability=Comparability(schema.choice(where, obj, "comparability", _values(Comparability))),
        comparability_note=bi("comparability_note"),
        wording_verbatim=schema.text(where, obj, "wording_verbatim") if "wording_verbatim" in obj else None,
        group=schema.choice(where, obj, "group", schema.GROUPS),
        who=bi("who"),
        shows=bi("shows"),
        shows_complement=_complement(where, obj, unit, qualifier, bi),
        by=schema.text(where, obj, "by"),
        cite=schema.text(where, obj, "cite"),
    )


def _complement(where: str, obj: dict[str, Any], unit: str, qualifier: str | None,
                bi: Any) -> Text | None:
    """``shows_complement``: only for a plain share ("more than 80%" has no exact complement)."""
    if "shows_complement" not in obj:
        return None
    if unit != PERCENT or qualifier not in (None, "about"):
        schema.fail(where, "shows_complement",
                    "only a percentage without 'almost' or 'more_than' has a complement")
    text: Text = bi("shows_complement")
    return text


def _values(enum: type[StrEnum]) -> frozenset[str]:
    return frozenset(member.value for member in enum)


_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def format_period(period: str, lang: str) -> str:
    """A period for display: ``2020-11`` → "november 2020" / "November 2020", ``<2020`` → "vóór 2020" /
    "before 2020", ``n.d.`` → "periode niet vermeld" / "period not stated"."""
    if lang not in _MONTHS:
        raise ValueError(f"unknown language {lang!r}")
    if period == schema.UNDATED:
        return "periode niet vermeld" if lang == "nl" else "period not stated"
    if period.startswith("<"):
        return ("vóór " if lang == "nl" else "before ") + period[1:]
    year, _, month = period.partition("-")
    return f"{_MONTHS[lang][int(month) - 1]} {year}" if month else year
