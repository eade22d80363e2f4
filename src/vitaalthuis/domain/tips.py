"""The tip library: practical tips in Dutch and English, each tied to a score condition and a source.

The shipped library, ``resources/tips/tips-v1.json``, is checked strictly on load (the tests load it, so a
bad file fails the build). Format: ``{"version": 1, "sources": {"S85": {"title", "publisher", "date" | null,
"url"}}, "tips": [{"id", "theme", "condition", "title": {"nl", "en"}, "body": {"nl", "en"}, "source"}]}``;
source ids are the S-numbers of docs/sources.md, citations copied from resources/sources.json. Tips from an
organisation policy go through :func:`parse_organisation_tips`, which skips invalid ones with a notice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from vitaalthuis import resources
from vitaalthuis.domain.strict_json import loads_strict

FORMAT_VERSION = 1
THEMES = (
    "workplace_posture",
    "breaks_movement",
    "screen_time",
    "structure_boundaries",
    "social_contact",
    "stress_mental_health",
    "managers",
    "rights_duties",
)
# Which score condition makes a tip relevant (see vitaalthuis.domain.tip_selection for the exact rules).
CONDITIONS = (
    "general",  # no condition: the rotation when no area needs attention
    "kans",  # scores["kans"]: arm, neck or shoulder complaints this week
    "lonely",  # scores["djg_category"] is "moderate" or "strong"
    "wlb_imbalance",  # scores["wlb_imbalance"]
    "mhi5_low",  # scores["mhi5"] < 60
    "health_fair_or_worse",  # answers["gh"] >= 3 ("gaat wel" or worse)
)
LANGUAGES = ("nl", "en")
MAX_BODY_WORDS = 80
MAX_TITLE_CHARS = 60
ORGANISATION_SOURCE = "organisation"  # the source id of tips supplied by an organisation policy

_TIP_KEYS = frozenset({"id", "theme", "condition", "title", "body", "source"})
_SOURCE_KEYS = frozenset({"title", "publisher", "date", "url"})
_TOP_KEYS = frozenset({"version", "sources", "tips"})
_ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_SOURCE_ID_RE = re.compile(r"^S[1-9]\d*$")


class TipDataError(ValueError):
    """Tip data that breaks the schema; names the tip (id or position) and the field when known."""

    def __init__(self, message: str, *, tip: str | None = None, field: str | None = None) -> None:
        where = " ".join(
            part for part in (f"tip {tip}" if tip else "", f"field {field!r}" if field else "") if part
        )
        super().__init__(f"{where}: {message}" if where else message)
        self.tip = tip
        self.field = field


@dataclass(frozen=True, slots=True)
class Text:
    """One text in both languages."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    date: str | None
    url: str | None

    def citation(self) -> str:
        """E.g. ``Omroep West, Zo voorkom je lichamelijke klachten als thuiswerker, Mar 2020. https://…``"""
        parts = [self.publisher] if self.publisher != self.title else []
        parts += [self.title] + ([self.date] if self.date else [])
        text = ", ".join(parts)
        return f"{text}. {self.url}" if self.url else text


@dataclass(frozen=True, slots=True)
class Tip:
    id: str
    theme: str
    condition: str
    title: Text
    body: Text
    source: str  # an S-number, or ORGANISATION_SOURCE

    @property
    def from_organisation(self) -> bool:
        return self.source == ORGANISATION_SOURCE


def organisation_source(name: str) -> Source:
    return Source(id=ORGANISATION_SOURCE, title=name, publisher=name, date=None, url=None)


def fold(text: str) -> str:
    """Case- and accent-insensitive form used by search: ``"Geïrriteerd"`` → ``"geirriteerd"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@dataclass(frozen=True)
class TipLibrary:
    tips: tuple[Tip, ...]
    sources: Mapping[str, Source]
    _by_id: Mapping[str, Tip] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id: dict[str, Tip] = {}
        for tip in self.tips:
            if tip.id in by_id:
                raise TipDataError("duplicate id", tip=tip.id, field="id")
            if tip.source not in self.sources:
                raise TipDataError(f"unknown source {tip.source!r}", tip=tip.id, field="source")
            by_id[tip.id] = tip
        object.__setattr__(self, "sources", MappingProxyType(dict(self.sources)))
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))

    def __iter__(self) -> Iterator[Tip]:
        return iter(self.tips)

    def __len__(self) -> int:
        return len(self.tips)

    def __contains__(self, tip_id: object) -> bool:
        return tip_id in self._by_id

    def get(self, tip_id: str) -> Tip | None:
        return self._by_id.get(tip_id)

    def source_of(self, tip: Tip) -> Source:
        return self.sources[tip.source]

    def with_condition(self, condition: str) -> tuple[Tip, ...]:
        return tuple(tip for tip in self.tips if tip.condition == condition)

    def search(self, text: str, theme: str | None = None, lang: str = "nl") -> list[Tip]:
        """Tips whose title or body (in ``lang``) contains every word of ``text``, ignoring case and accents.

        An empty ``text`` matches every tip; ``theme`` (one of :data:`THEMES`) narrows the result.
        """
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        if theme is not None and theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}")
        terms = fold(text).split()
        return [
            tip
            for tip in self.tips
            if (theme is None or tip.theme == theme)
            and all(term in fold(f"{tip.title.get(lang)}\n{tip.body.get(lang)}") for term in terms)
        ]

    def with_organisation_tips(self, tips: Iterable[Tip], organisation: str) -> TipLibrary:
        """A new library with ``tips`` (from :func:`parse_organisation_tips`) after the shipped ones."""
        sources = dict(self.sources)
        sources[ORGANISATION_SOURCE] = organisation_source(organisation)
        return TipLibrary(tips=self.tips + tuple(tips), sources=sources)


# --- parsing ------------------------------------------------------------------------------------------------


def load_tips() -> TipLibrary:
    """The shipped tip library; raises :class:`TipDataError` when ``tips-v1.json`` is invalid."""
    return parse_tips(resources.read_text("tips", "tips-v1.json"))


def parse_tips(text: str, *, organisation: str | None = None) -> TipLibrary:
    """Parse and check a whole tips document strictly; the first problem raises :class:`TipDataError`.

    With ``organisation`` (its name), tips may also give ``"organisation"`` as their source, which resolves
    to that organisation; without it that source is unknown like any other.
    """
    data = _load_json(text)
    if not isinstance(data, dict):
        raise TipDataError("the document must be a JSON object")
    _check_keys(data, _TOP_KEYS, tip=None, where="document")
    if data["version"] != FORMAT_VERSION or isinstance(data["version"], bool):
        raise TipDataError(f"unsupported version {data['version']!r}", field="version")
    sources = _parse_sources(data["sources"])
    if organisation is not None:
        if not isinstance(organisation, str) or not organisation.strip():
            raise ValueError("organisation must be a non-empty name")
        sources[ORGANISATION_SOURCE] = organisation_source(organisation.strip())
    raw_tips = data["tips"]
    if not isinstance(raw_tips, list) or not raw_tips:
        raise TipDataError("must be a non-empty list", field="tips")
    tips = [_parse_tip(raw, position, sources) for position, raw in enumerate(raw_tips, start=1)]
    unused = sorted(set(sources) - {tip.source for tip in tips} - {ORGANISATION_SOURCE})
    if unused:
        raise TipDataError(f"sources not used by any tip: {', '.join(unused)}", field="sources")
    return TipLibrary(tips=tuple(tips), sources=sources)  # checks for duplicate ids


def parse_organisation_tips(
    data: object, organisation_name: str, *, existing_ids: Collection[str] = ()
) -> tuple[list[Tip], list[str]]:
    """Tips from an organisation policy: a list of tip objects, or a mapping with just a ``"tips"`` list.

    Same fields as shipped tips; ``source`` may be left out and otherwise must be ``"organisation"``: the
    source of these tips is always the organisation. Invalid tips, and tips whose id is already taken (by an
    earlier one or by ``existing_ids``), are skipped, each with a notice. Never raises for bad data.
    """
    notices: list[str] = []
    name = organisation_name.strip() if isinstance(organisation_name, str) else ""
    if not name:
        return [], ["organisation tips ignored: the policy does not name the organisation"]
    if isinstance(data, Mapping) and set(data) == {"tips"}:
        data = data["tips"]
    if not isinstance(data, list):
        return [], [f"organisation tips ignored: expected a list of tips, got {type(data).__name__}"]
    sources = {ORGANISATION_SOURCE: organisation_source(name)}
    taken = set(existing_ids)
    tips: list[Tip] = []
    for position, raw in enumerate(data, start=1):
        if isinstance(raw, dict) and "source" not in raw:
            raw = {**raw, "source": ORGANISATION_SOURCE}
        try:
            tip = _parse_tip(raw, position, sources)
        except TipDataError as exc:
            notices.append(f"organisation tip skipped: {exc}")
            continue
        if tip.id in taken:
            notices.append(f"organisation tip skipped: tip {tip.id} field 'id': id already in use")
            continue
        taken.add(tip.id)
        tips.append(tip)
    return tips, notices


def _load_json(text: str) -> Any:
    return loads_strict(text, lambda message: TipDataError(message))


def _check_keys(
    raw: Mapping[str, Any], expected: frozenset[str], *, tip: str | None, where: str, prefix: str = ""
) -> None:
    unknown = sorted(set(raw) - expected)
    if unknown:
        raise TipDataError(
            f"unknown key(s) in {where}: {', '.join(unknown)}", tip=tip, field=prefix + unknown[0]
        )
    missing = sorted(expected - set(raw))
    if missing:
        raise TipDataError(
            f"missing key(s) in {where}: {', '.join(missing)}", tip=tip, field=prefix + missing[0]
        )


def _clean_string(value: object, *, tip: str | None, field: str) -> str:
    if not isinstance(value, str):
        raise TipDataError(f"must be a string, not {type(value).__name__}", tip=tip, field=field)
    if not value.strip() or value != value.strip() or "  " in value or "\n" in value:
        raise TipDataError("must be non-empty text without stray whitespace", tip=tip, field=field)
    return value


def _parse_sources(raw: object) -> dict[str, Source]:
    if not isinstance(raw, dict):
        raise TipDataError("must be an object", field="sources")
    sources: dict[str, Source] = {}
    for source_id, entry in raw.items():
        where = f"sources.{source_id}"
        if not _SOURCE_ID_RE.fullmatch(source_id):
            raise TipDataError("source ids are S-numbers such as 'S85' (docs/sources.md)", field=where)
        if not isinstance(entry, dict):
            raise TipDataError("must be an object", field=where)
        _check_keys(entry, _SOURCE_KEYS, tip=None, where=where, prefix=f"{where}.")
        title, publisher, url = (
            _clean_string(entry[k], tip=None, field=f"{where}.{k}") for k in ("title", "publisher", "url")
        )
        date = (
            None if entry["date"] is None else _clean_string(entry["date"], tip=None, field=f"{where}.date")
        )
        if not url.startswith(("https://", "http://")):
            raise TipDataError("must be an http(s) address", field=f"{where}.url")
        sources[source_id] = Source(id=source_id, title=title, publisher=publisher, date=date, url=url)
    return sources


def _parse_tip(raw: object, position: int, sources: Mapping[str, Source]) -> Tip:
    label = f"#{position}"
    if not isinstance(raw, dict):
        raise TipDataError("must be an object", tip=label)
    if isinstance(raw.get("id"), str) and raw["id"]:
        label = raw["id"]
    _check_keys(raw, _TIP_KEYS, tip=label, where="tip")
    tip_id = _clean_string(raw["id"], tip=label, field="id")
    if not _ID_RE.fullmatch(tip_id):
        raise TipDataError("must be snake_case (a-z, 0-9, _)", tip=label, field="id")
    theme = raw["theme"]
    if theme not in THEMES:
        raise TipDataError(f"unknown theme {theme!r}", tip=tip_id, field="theme")
    condition = raw["condition"]
    if condition not in CONDITIONS:
        raise TipDataError(f"unknown condition {condition!r}", tip=tip_id, field="condition")
    source = raw["source"]
    if not isinstance(source, str) or source not in sources:
        raise TipDataError(f"unknown source {source!r}", tip=tip_id, field="source")
    title = _parse_text(raw["title"], tip_id, "title")
    body = _parse_text(raw["body"], tip_id, "body")
    for lang in LANGUAGES:
        if len(title.get(lang)) > MAX_TITLE_CHARS:
            raise TipDataError(f"longer than {MAX_TITLE_CHARS} characters", tip=tip_id, field=f"title.{lang}")
        words = len(body.get(lang).split())
        if words > MAX_BODY_WORDS:
            raise TipDataError(f"{words} words, at most {MAX_BODY_WORDS}", tip=tip_id, field=f"body.{lang}")
    return Tip(id=tip_id, theme=theme, condition=condition, title=title, body=body, source=source)


def _parse_text(raw: object, tip_id: str, name: str) -> Text:
    if not isinstance(raw, dict):
        raise TipDataError("must be an object with 'nl' and 'en'", tip=tip_id, field=name)
    _check_keys(raw, frozenset(LANGUAGES), tip=tip_id, where=name, prefix=f"{name}.")
    return Text(*(_clean_string(raw[lang], tip=tip_id, field=f"{name}.{lang}") for lang in LANGUAGES))
