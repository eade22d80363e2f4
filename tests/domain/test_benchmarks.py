"""The benchmark dataset: the shipped file, the letter's figures and the strict schema."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from vitaalthuis import resources
from vitaalthuis.domain.benchmark_schema import SCORE_KEYS
from vitaalthuis.domain.benchmarks import (
    BenchmarkDataError,
    BenchmarkSet,
    Comparability,
    Verification,
    format_period,
    load_benchmarks,
    parse_benchmarks,
)
from vitaalthuis.domain.scoring import SCORE_IDS

LETTER = "S1"  # Kamerstuk 25 295 nr. 983, 3 February 2021 (docs/sources.md, S1)
SAME, SIMILAR, CONTEXT = Comparability.SAME_MEASURE, Comparability.SIMILAR, Comparability.CONTEXT
INDEPENDENT, LETTER_ONLY = Verification.INDEPENDENT, Verification.LETTER_ONLY


@pytest.fixture(scope="module")
def shipped() -> BenchmarkSet:
    return load_benchmarks()


# --------------------------------------------------------------------------------------------- shipped file

def test_shipped_dataset_loads(shipped: BenchmarkSet) -> None:
    assert shipped.version == 2
    assert shipped.dataset_date
    assert len(shipped.figures) >= 40


def test_every_figure_has_a_complete_source(shipped: BenchmarkSet) -> None:
    raw = json.loads(resources.read_text("benchmarks", "benchmarks-v2.json"))
    assert all(figure.get("source") for figure in raw["figures"])  # independent of the parser
    for figure in shipped.figures:
        for key in (figure.source, *figure.see_also):
            source = shipped.source(key)
            assert source.title.strip() and source.publisher.strip() and source.date.strip(), figure.id
            assert source.url or source.kamerstuk, figure.id


def test_every_source_is_cited_by_a_figure(shipped: BenchmarkSet) -> None:
    cited = {key for figure in shipped.figures for key in (figure.source, *figure.see_also)}
    assert cited == set(shipped.sources)


def test_the_letter_is_identified_as_kamerstuk(shipped: BenchmarkSet) -> None:
    letter = shipped.source(LETTER)
    assert letter.kamerstuk == "25 295 nr. 983"
    assert letter.document == "2021D04976"
    assert letter.date == "2021-02-03"
    assert letter.title == "TNO cijfers thuiswerken"
    citation = letter.citation()
    for part in ("TNO cijfers thuiswerken", "Sociale Zaken en Werkgelegenheid", "2021-02-03",
                 "Kamerstuk 25 295 nr. 983", "2021D04976"):
        assert part in citation


def test_citation_has_title_publisher_date_and_url(shipped: BenchmarkSet) -> None:
    figure = shipped.figure("cbs_2022_lonely_strong")
    source = shipped.source(figure.source)
    assert shipped.citation(figure) == source.citation()
    assert source.citation() == (
        f"{source.publisher}, {source.title} ({source.date}). {source.document}. {source.url}")


# (id, score, value, comparability, verification): every letter figure on a measured dimension
LETTER_FIGURES = [
    ("tno_2020_11_home_life_satisfied", "ls_satisfied", 75, CONTEXT, INDEPENDENT),
    ("tno_2020_11_location_life_satisfied", "ls_satisfied", 75, CONTEXT, LETTER_ONLY),
    ("tno_2020_11_home_lonely_strong", "djg_category=strong", 14, SIMILAR, LETTER_ONLY),
    ("older_research_workers_lonely_strong", "djg_category=strong", 6, CONTEXT, LETTER_ONLY),
    ("older_research_nonworkers_lonely_strong", "djg_category=strong", 12, CONTEXT, LETTER_ONLY),
    ("tno_2019_home_kans", "kans", 42, CONTEXT, LETTER_ONLY),
    ("tno_2020_11_home_kans", "kans", 38, CONTEXT, LETTER_ONLY),
    ("tno_2020_11_home_wlb_imbalance", "wlb_imbalance", 9, SIMILAR, LETTER_ONLY),
    ("tno_2020_11_young_home_health_very_good", "gh_good", 91, CONTEXT, LETTER_ONLY),
    ("tno_2020_11_young_home_social_lonely", "djg_social", 79, CONTEXT, LETTER_ONLY),
    ("tno_2020_11_working_at_home", "context:home_working", 48, CONTEXT, INDEPENDENT),
    ("tno_2020_11_working_fully_at_home", "context:home_working=fully", 34.5, CONTEXT, LETTER_ONLY),
    ("tno_2020_11_working_partly_at_home", "context:home_working=partly", 13.5, CONTEXT, LETTER_ONLY),
    ("tno_2020_summer_working_at_home", "context:home_working", 45, CONTEXT, INDEPENDENT),
]


@pytest.mark.parametrize(("figure_id", "score", "value", "comparability", "verification"), LETTER_FIGURES)
def test_letter_figure(shipped: BenchmarkSet, figure_id: str, score: str, value: float,
                       comparability: Comparability, verification: Verification) -> None:
    figure = shipped.figure(figure_id)
    assert figure.source == LETTER
    assert (figure.score, figure.value_pct) == (score, value)
    assert figure.comparability is comparability
    assert figure.verification is verification


def test_letter_kans_figures_are_two_periods(shipped: BenchmarkSet) -> None:
    letter_kans = [f for f in shipped.for_score("kans") if f.source == LETTER]
    assert [(f.value_pct, f.period) for f in letter_kans] == [(38, "2020-11"), (42, "2019")]


def test_young_workers_are_context_with_verbatim_wording(shipped: BenchmarkSet) -> None:
    health = shipped.figure("tno_2020_11_young_home_health_very_good")
    social = shipped.figure("tno_2020_11_young_home_social_lonely")
    assert health.wording_verbatim == "zeer goede gezondheid"
    assert social.wording_verbatim == "minder vaak sociaal eenzaam"
    assert health.comparability is CONTEXT and social.comparability is CONTEXT


def test_letter_only_figures_cite_the_letter_and_checked_ones_name_the_check(shipped: BenchmarkSet) -> None:
    for figure in shipped.figures:
        if figure.verification is LETTER_ONLY:
            assert figure.source == LETTER, figure.id
        if figure.source == LETTER and figure.verification is INDEPENDENT:
            assert figure.see_also, figure.id


@pytest.mark.parametrize("year", ["2019", "2021", "2022", "2023", "2024"])
def test_cbs_loneliness_series(shipped: BenchmarkSet, year: str) -> None:
    strong = [f for f in shipped.for_score("djg_category=strong") if f.period == year]
    assert len(strong) == 1
    assert strong[0].comparability is SAME
    assert "De Jong Gierveld" in strong[0].instrument.nl


@pytest.mark.parametrize("year", ["2019", "2022", "2023", "2024"])
def test_cbs_loneliness_categories_add_up(shipped: BenchmarkSet, year: str) -> None:
    values = {}
    for category in ("not_lonely", "moderate", "strong"):
        (figure,) = [f for f in shipped.for_score(f"djg_category={category}") if f.period == year]
        assert figure.comparability is SAME
        values[category] = figure.value_pct
    assert 98.5 <= sum(values.values()) <= 101.5  # rounded figures; catches a typo


def test_cbs_subscales_2019_and_2022(shipped: BenchmarkSet) -> None:
    for key in ("djg_social=3", "djg_emotional=3"):
        assert [f.period for f in shipped.for_score(key)] == ["2022", "2019"]


def test_required_series_values(shipped: BenchmarkSet) -> None:
    def values(score: str) -> list[tuple[str, float | None]]:
        return [(f.period, f.value) for f in shipped.for_score(score)]

    assert ("2019", 9.7) in values("wlb_imbalance") and ("2020", 7.6) in values("wlb_imbalance")
    assert {("2012", 82), ("2014", 76), ("2022", 77.2), ("2020", 80)} <= set(values("gh_good"))
    assert [(p, v) for p, v in values("mhi5_low") if len(p) == 4] == [
        ("2023", 13.7), ("2021", 15.1), ("2020", 11.9), ("2019", 11.5), ("2018", 11.9), ("2017", 11.0)]
    assert ("2021", 83.6) in values("ls_satisfied")
    assert ("2020-07", 19) in values("mhi5_low")
    assert ("2020-11", 82) in values("mhi5_low=false")
    assert ("2019", 87) in values("ls_satisfied")
    assert values("item:ls") == [("2020-11", 7.3), ("2020-07", 7.3)]
    assert {("2000", 26), ("2002", 28), ("<2021", 43)} <= set(values("kans"))


def test_every_figure_is_dated_and_says_who_and_what(shipped: BenchmarkSet) -> None:
    for figure in shipped.figures:
        assert figure.period != "n.d." and 1990 <= figure.year <= 2026, figure.id
        assert figure.who.nl and figure.shows.nl and figure.by and figure.cite, figure.id


def test_the_letters_home_worker_figures_are_attached_to_their_dimensions(shipped: BenchmarkSet) -> None:
    home = {f.id: (f.score, f.value) for f in shipped.figures
            if f.group == "home_workers" and f.source == LETTER}
    assert home["tno_2020_11_home_life_satisfied"] == ("ls_satisfied", 75)
    assert home["tno_2020_11_home_lonely_strong"] == ("djg_category=strong", 14)
    assert home["tno_2020_11_home_kans"] == ("kans", 38) and home["tno_2019_home_kans"] == ("kans", 42)
    assert home["tno_2020_11_home_wlb_imbalance"] == ("wlb_imbalance", 9)


def test_scp_low_wellbeing_is_similar_not_same_measure(shipped: BenchmarkSet) -> None:
    assert shipped.figure("scp_2020_07_psych_wellbeing_low").comparability is SIMILAR
    assert shipped.figure("cbs_2019_life_satisfied").comparability is SIMILAR


def test_mean_figure_has_no_percentage(shipped: BenchmarkSet) -> None:
    figure = shipped.figure("scp_2020_07_life_satisfaction_mean")
    assert figure.value_mean == 7.3 and figure.value_pct is None and figure.unit == "grade_1_10"
    assert shipped.figure("cbs_2019_life_satisfied").value_mean is None


def test_for_score_is_newest_first_and_exact(shipped: BenchmarkSet) -> None:
    periods = [f.period for f in shipped.for_score("djg_category=strong")]
    assert periods == ["2024", "2023", "2022", "2021", "2020-11", "2019", "<2020", "<2020"]
    assert shipped.for_score("djg_category") == []
    assert shipped.for_score("no_such_score") == []


def test_score_keys_follow_the_scoring_module() -> None:
    plain = {key for key in SCORE_KEYS if ":" not in key}
    assert plain == set(SCORE_IDS)


def test_notes_are_bilingual_and_distinct(shipped: BenchmarkSet) -> None:
    for figure in shipped.figures:
        for text in (figure.population, figure.instrument, figure.recall_period, figure.comparability_note):
            assert text.nl.strip() and text.en.strip() and text.nl != text.en, figure.id


def test_a_recall_period_is_the_sources_alone(shipped: BenchmarkSet) -> None:
    """The window and the report add the app's own recall period ("(in de app: …)"): the data must not."""
    for figure in shipped.figures:
        assert "in de app" not in figure.recall_period.nl and "in the app" not in figure.recall_period.en, \
            figure.id


@pytest.mark.parametrize(("period", "nl", "en"), [
    ("2020-11", "november 2020", "November 2020"),
    ("2019", "2019", "2019"),
    ("<2020", "vóór 2020", "before 2020"),
    ("n.d.", "periode niet vermeld", "period not stated"),
])
def test_format_period(period: str, nl: str, en: str) -> None:
    assert (format_period(period, "nl"), format_period(period, "en")) == (nl, en)


# --------------------------------------------------------------------------------------------- schema

def _bi(word: str) -> dict[str, str]:
    return {"nl": f"{word} (nl)", "en": f"{word} (en)"}


VALID: dict[str, Any] = {
    "format": "vitaalthuis-benchmarks",
    "version": 2,
    "dataset_date": "2026-11-28",
    "sources": {
        "S1": {"title": "TNO cijfers thuiswerken", "publisher": "Ministerie van SZW", "date": "2021-02-03",
               "kamerstuk": "25 295 nr. 983"},
        "S21": {"title": "Hoe eenzaam voelen we ons?", "publisher": "CBS", "date": "n.d.",
                "url": "https://example.org/eenzaam"},
    },
    "figures": [
        {"id": "f_one", "score": "djg_category=strong", "value_pct": 14, "population": _bi("pop"),
         "period": "2020-11", "instrument": _bi("instr"), "recall_period": _bi("recall"), "source": "S1",
         "verification": "letter_only", "comparability": "similar", "comparability_note": _bi("note"),
         "wording_verbatim": "sterk eenzaam", "group": "home_workers", "who": _bi("who"),
         "shows": _bi("shows"), "by": "TNO", "cite": "TNO (letter)"},
        {"id": "f_two", "score": "item:ls", "value_mean": 7.3, "unit": "grade_1_10",
         "value_qualifier": "about", "population": _bi("pop"), "period": "<2020", "period_note": _bi("when"),
         "instrument": _bi("instr"), "recall_period": _bi("recall"), "source": "S21", "see_also": ["S1"],
         "verification": "independent", "comparability": "context", "comparability_note": _bi("note"),
         "group": "population", "who": _bi("who"), "shows": _bi("shows"), "by": "CBS", "cite": "CBS"},
    ],
}


def test_valid_document_parses() -> None:
    parsed = parse_benchmarks(json.dumps(VALID))
    assert [f.id for f in parsed.figures] == ["f_one", "f_two"]
    assert parsed.figure("f_one").group == "home_workers" and parsed.figure("f_two").year == 2019
    assert parsed.figure("f_two").period_note is not None and parsed.figure("f_two").qualifier == "about"


Mutation = Callable[[dict[str, Any]], None]


def _fig(i: int, **changes: Any) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        doc["figures"][i].update(changes)
    return mutate


def _drop(i: int, *path: str) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        node = doc["figures"][i]
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
    return mutate


def _src(key: str, **changes: Any) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        doc["sources"][key].update(changes)
        for field, value in changes.items():
            if value is None:
                del doc["sources"][key][field]
    return mutate


def _top(**changes: Any) -> Mutation:
    return lambda doc: doc.update(changes)


def _duplicate_id(doc: dict[str, Any]) -> None:
    doc["figures"][1]["id"] = "f_one"


SCHEMA_ERRORS: list[tuple[str, Mutation, list[str]]] = [
    ("unknown figure key", _fig(0, colour="red"), ["figure 'f_one'", "'colour'", "unknown key"]),
    ("missing figure key", _drop(0, "population"), ["figure 'f_one'", "'population'", "missing"]),
    ("missing id", _drop(1, "id"), ["figure #2", "'id'", "missing"]),
    ("id not snake_case", _fig(0, id="F-One"), ["figure 'F-One'", "'id'", "snake_case"]),
    ("percentage as text", _fig(0, value_pct="14"), ["figure 'f_one'", "'value_pct'", "number"]),
    ("percentage as bool", _fig(0, value_pct=True), ["figure 'f_one'", "'value_pct'", "number"]),
    ("percentage above 100", _fig(0, value_pct=100.5), ["figure 'f_one'", "'value_pct'", "0-100"]),
    ("percentage below 0", _fig(0, value_pct=-1), ["figure 'f_one'", "'value_pct'", "0-100"]),
    ("two value fields", _fig(0, value_mean=7.0), ["figure 'f_one'", "'value_pct'", "exactly one"]),
    ("no value field", _drop(0, "value_pct"), ["figure 'f_one'", "'value_pct'", "exactly one"]),
    ("unit with a percentage", _fig(0, unit="grade_1_10"), ["figure 'f_one'", "'unit'"]),
    ("mean without unit", _drop(1, "unit"), ["figure 'f_two'", "'unit'", "required"]),
    ("unknown unit", _fig(1, unit="stars"), ["figure 'f_two'", "'unit'"]),
    ("mean outside its scale", _fig(1, value_mean=11), ["figure 'f_two'", "'value_mean'", "outside"]),
    ("unknown score id", _fig(0, score="happiness"), ["figure 'f_one'", "'score'", "unknown score id"]),
    ("unknown score value", _fig(0, score="djg_category=very"), ["figure 'f_one'", "'score'", "'very'"]),
    ("non-boolean value", _fig(0, score="kans=yes"), ["figure 'f_one'", "'score'", "'yes'"]),
    ("unknown context", _fig(0, score="context:burnout"), ["figure 'f_one'", "'score'", "unknown"]),
    ("score not a string", _fig(0, score=3), ["figure 'f_one'", "'score'", "string"]),
    ("unknown source key", _fig(0, source="S99"), ["figure 'f_one'", "'source'", "'S99'"]),
    ("unknown see_also key", _fig(1, see_also=["S98"]), ["figure 'f_two'", "'see_also'", "'S98'"]),
    ("see_also repeats source", _fig(1, see_also=["S21"]), ["figure 'f_two'", "'see_also'"]),
    ("missing nl text", _drop(0, "population", "nl"), ["figure 'f_one'", "'population'", "'nl'"]),
    ("missing en text", _drop(1, "instrument", "en"), ["figure 'f_two'", "'instrument'", "'en'"]),
    ("empty en text", _fig(0, comparability_note={"nl": "x", "en": " "}),
     ["figure 'f_one'", "'comparability_note'", "'en'"]),
    ("text not bilingual", _fig(0, recall_period="4 weken"), ["figure 'f_one'", "'recall_period'"]),
    ("extra language", _fig(0, population={"nl": "a", "en": "b", "de": "c"}), ["figure 'f_one'", "'de'"]),
    ("bad comparability", _fig(0, comparability="same"), ["figure 'f_one'", "'comparability'", "'same'"]),
    ("bad verification", _fig(0, verification="checked"), ["figure 'f_one'", "'verification'", "'checked'"]),
    ("duplicate figure id", _duplicate_id, ["figure 'f_one'", "'id'", "duplicate"]),
    ("bad period", _fig(0, period="nov 2020"), ["figure 'f_one'", "'period'"]),
    ("month 13", _fig(0, period="2020-13"), ["figure 'f_one'", "'period'"]),
    ("'before' without note", _drop(1, "period_note"), ["figure 'f_two'", "'period_note'", "required"]),
    ("undated figure", _fig(0, period="n.d."), ["figure 'f_one'", "'period'", "needs a date"]),
    ("unknown group", _fig(0, group="everyone"), ["figure 'f_one'", "'group'", "'everyone'"]),
    ("missing group", _drop(0, "group"), ["figure 'f_one'", "'group'", "missing"]),
    ("missing shows", _drop(0, "shows"), ["figure 'f_one'", "'shows'", "missing"]),
    ("complement of a mean", _fig(1, shows_complement=_bi("c")), ["figure 'f_two'", "'shows_complement'"]),
    ("complement of 'more than'", _fig(0, value_qualifier="more_than", shows_complement=_bi("c")),
     ["figure 'f_one'", "'shows_complement'"]),
    ("bad qualifier", _fig(1, value_qualifier="roughly"), ["figure 'f_two'", "'value_qualifier'"]),
    ("verbatim not text", _fig(0, wording_verbatim=5), ["figure 'f_one'", "'wording_verbatim'"]),
    ("source without url or kamerstuk", _src("S21", url=None), ["source 'S21'", "url"]),
    ("source without title", _src("S1", title=None), ["source 'S1'", "'title'", "missing"]),
    ("source without publisher", _src("S1", publisher=None), ["source 'S1'", "'publisher'", "missing"]),
    ("source without date", _src("S1", date=None), ["source 'S1'", "'date'", "missing"]),
    ("source with a bad date", _src("S1", date="3 Feb 2021"), ["source 'S1'", "'date'"]),
    ("source with an impossible date", _src("S1", date="2021-02-30"), ["source 'S1'", "'date'"]),
    ("source with unknown key", _src("S1", isbn="x"), ["source 'S1'", "'isbn'", "unknown key"]),
    ("source url not http", _src("S21", url="example.org"), ["source 'S21'", "'url'"]),
    ("unknown top-level key", _top(extra=1), ["top level", "'extra'", "unknown key"]),
    ("wrong format", _top(format="vitaalthuis"), ["top level", "'format'"]),
    ("wrong version", _top(version=1), ["top level", "'version'"]),
    ("version as text", _top(version="2"), ["top level", "'version'"]),
    ("no figures", _top(figures=[]), ["top level", "'figures'"]),
]


@pytest.mark.parametrize(("mutate", "expected"), [pytest.param(m, e, id=n) for n, m, e in SCHEMA_ERRORS])
def test_schema_error_names_figure_and_field(mutate: Mutation, expected: list[str]) -> None:
    doc = copy.deepcopy(VALID)
    mutate(doc)
    with pytest.raises(BenchmarkDataError) as caught:
        parse_benchmarks(json.dumps(doc))
    for part in expected:
        assert part in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_duplicate_json_key_is_rejected() -> None:
    text = json.dumps(VALID).replace('"score": "item:ls"', '"score": "item:ls", "score": "gh_good"')
    with pytest.raises(BenchmarkDataError, match="duplicate key 'score'"):
        parse_benchmarks(text)


def test_invalid_json_is_rejected() -> None:
    with pytest.raises(BenchmarkDataError, match="not valid JSON"):
        parse_benchmarks("{")
