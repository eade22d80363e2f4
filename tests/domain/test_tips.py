"""The shipped tip library and the tips parser."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from tests.helpers import citation_mismatches, source_list
from vitaalthuis import resources
from vitaalthuis.domain.tip_selection import AREA_CONDITIONS, DEFAULT_LIMIT, REPEAT_WINDOW_WEEKS
from vitaalthuis.domain.tips import (
    CONDITIONS,
    MAX_BODY_WORDS,
    ORGANISATION_SOURCE,
    THEMES,
    Source,
    TipDataError,
    load_tips,
    parse_organisation_tips,
    parse_tips,
)

SHIPPED_TEXT = resources.read_text("tips", "tips-v1.json")
LIBRARY = load_tips()
FORMAL_DUTCH = re.compile(r"\b(?:u|uw)\b", re.IGNORECASE)
# Which themes the tips of each condition belong to (KANS → posture and breaks, etc.).
CONDITION_THEMES = {
    "kans": {"workplace_posture", "breaks_movement"},
    "lonely": {"social_contact"},
    "wlb_imbalance": {"structure_boundaries"},
    "mhi5_low": {"stress_mental_health"},
    "health_fair_or_worse": {"breaks_movement"},
}


def document() -> dict:
    return json.loads(SHIPPED_TEXT)


def dump(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False)


# --- the shipped data ---------------------------------------------------------------------------------------


def test_shipped_library_has_at_least_40_tips_in_every_theme_and_condition():
    assert len(LIBRARY) >= 40
    assert {tip.theme for tip in LIBRARY} == set(THEMES)
    assert {tip.condition for tip in LIBRARY} == set(CONDITIONS)


def test_every_tip_has_a_resolvable_source():
    for tip in LIBRARY:
        assert re.fullmatch(r"S\d+", tip.source), tip.id
        source = LIBRARY.source_of(tip)
        assert source.title and source.publisher and source.url, tip.id


def test_a_tip_without_a_source_fails_to_load():
    doc = document()
    del doc["tips"][0]["source"]
    with pytest.raises(TipDataError, match="source"):
        parse_tips(dump(doc))


def test_every_listed_source_is_used_and_copied_from_the_source_list():
    listed = source_list()
    used = {tip.source for tip in LIBRARY}
    assert set(LIBRARY.sources) == used
    for sid, source in LIBRARY.sources.items():
        assert not citation_mismatches(sid, title=source.title, publisher=source.publisher, url=source.url,
                                       date=source.date, listed=listed)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bodies_within_word_limit_and_titles_short(lang):
    for tip in LIBRARY:
        words = len(tip.body.get(lang).split())
        assert 15 <= words <= MAX_BODY_WORDS, (tip.id, lang, words)
        assert len(tip.title.get(lang)) <= 60, (tip.id, lang)


def test_both_languages_present_and_different():
    for tip in LIBRARY:
        assert tip.title.nl and tip.title.en and tip.body.nl and tip.body.en
        assert tip.body.nl != tip.body.en, tip.id


def test_dutch_uses_informal_je():
    for tip in LIBRARY:
        assert not FORMAL_DUTCH.search(f"{tip.title.nl} {tip.body.nl}"), tip.id


def test_ids_are_unique_snake_case():
    ids = [tip.id for tip in LIBRARY]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", i) for i in ids)


def test_condition_tips_belong_to_the_matching_themes():
    for tip in LIBRARY:
        if tip.condition != "general":
            assert tip.theme in CONDITION_THEMES[tip.condition], tip.id


def test_enough_tips_that_a_lasting_weak_area_never_runs_dry():
    # One tip per weak area per week, not repeated within six weeks → seven tips per area keep it going;
    # the general rotation shows three a week → 21.
    for condition in AREA_CONDITIONS.values():
        assert len(LIBRARY.with_condition(condition)) >= REPEAT_WINDOW_WEEKS + 1, condition
    assert len(LIBRARY.with_condition("general")) >= DEFAULT_LIMIT * (REPEAT_WINDOW_WEEKS + 1)


def test_kans_tips_cover_posture_and_breaks():
    assert {tip.theme for tip in LIBRARY.with_condition("kans")} == CONDITION_THEMES["kans"]


# --- strict parsing -----------------------------------------------------------------------------------------


def mutate(path_fn):
    doc = document()
    path_fn(doc)
    return dump(doc)


FIRST = document()["tips"][0]["id"]
SECOND = document()["tips"][1]["id"]


@pytest.mark.parametrize(
    ("change", "tip", "field"),
    [
        (lambda d: d["tips"][0].update(extra="x"), FIRST, "extra"),
        (lambda d: d["tips"][0].pop("theme"), FIRST, "theme"),
        (lambda d: d["tips"][0].update(theme="gardening"), FIRST, "theme"),
        (lambda d: d["tips"][0].update(condition="sad"), FIRST, "condition"),
        (lambda d: d["tips"][0].update(condition=["kans"]), FIRST, "condition"),
        (lambda d: d["tips"][0]["title"].pop("en"), FIRST, "title.en"),
        (lambda d: d["tips"][0]["body"].pop("nl"), FIRST, "body.nl"),
        (lambda d: d["tips"][0]["body"].update(de="Hallo"), FIRST, "body.de"),
        (lambda d: d["tips"][0]["body"].update(en=42), FIRST, "body.en"),
        (lambda d: d["tips"][0]["title"].update(nl="   "), FIRST, "title.nl"),
        (lambda d: d["tips"][0].update(title="Alleen Nederlands"), FIRST, "title"),
        (lambda d: d["tips"][0]["body"].update(en="word " * 80 + "word"), FIRST, "body.en"),
        (lambda d: d["tips"][0].update(source="S999"), FIRST, "source"),
        (lambda d: d["tips"][0].update(source=ORGANISATION_SOURCE), FIRST, "source"),
        (lambda d: d["tips"][0].update(source=None), FIRST, "source"),
        (lambda d: d["tips"][1].update(id=FIRST), FIRST, "id"),
        (lambda d: d["tips"][1].update(id="Not Snake"), "Not Snake", "id"),
        (lambda d: d["tips"][1].update(id=7), "#2", "id"),
    ],
)
def test_schema_errors_name_tip_and_field(change, tip, field):
    with pytest.raises(TipDataError) as info:
        parse_tips(mutate(change))
    assert info.value.tip == tip
    assert info.value.field == field
    assert f"tip {tip}" in str(info.value)


def test_body_of_exactly_the_word_limit_is_accepted():
    text = mutate(lambda d: d["tips"][0]["body"].update(nl=" ".join(["woord"] * MAX_BODY_WORDS)))
    assert parse_tips(text).tips[0].body.nl.count("woord") == MAX_BODY_WORDS


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(version=2),
        lambda d: d.update(version=True),
        lambda d: d.update(extra=1),
        lambda d: d.pop("sources"),
        lambda d: d.update(tips=[]),
        lambda d: d["sources"][next(iter(d["sources"]))].pop("url"),
        lambda d: d["sources"][next(iter(d["sources"]))].update(url="ftp://example"),
        lambda d: d["sources"].update(
            S1={"title": "t", "publisher": "p", "date": None, "url": "https://x.nl"}
        ),
        lambda d: d["sources"].update(
            X1={"title": "t", "publisher": "p", "date": None, "url": "https://x.nl"}
        ),
    ],
)
def test_document_level_errors(change):
    with pytest.raises(TipDataError):
        parse_tips(mutate(change))


def test_duplicate_json_keys_and_bad_json_are_errors():
    with pytest.raises(TipDataError, match="duplicate key"):
        parse_tips('{"version": 1, "version": 1, "sources": {}, "tips": []}')
    with pytest.raises(TipDataError, match="JSON"):
        parse_tips("{not json")
    with pytest.raises(TipDataError):
        parse_tips("[]")


def test_organisation_source_allowed_only_with_an_organisation():
    text = mutate(lambda d: d["tips"][0].update(source=ORGANISATION_SOURCE))
    library = parse_tips(text, organisation="Gemeente Voorbeeld")
    assert library.tips[0].from_organisation
    assert library.source_of(library.tips[0]).publisher == "Gemeente Voorbeeld"


def test_citation_text():
    source = Source("S85", "Zo voorkom je klachten", "Omroep West", "Mar 2020", "https://example.nl/")
    assert source.citation() == "Omroep West, Zo voorkom je klachten, Mar 2020. https://example.nl/"
    assert Source("organisation", "Acme", "Acme", None, None).citation() == "Acme"


# --- organisation tips --------------------------------------------------------------------------------------


def org_tip(tip_id: str, **changes) -> dict:
    tip = {
        "id": tip_id,
        "theme": "rights_duties",
        "condition": "general",
        "title": {"nl": "Ons open spreekuur", "en": "Our open consultation"},
        "body": {
            "nl": "Elke dinsdag is de bedrijfsarts bereikbaar.",
            "en": "The company doctor is in on Tuesdays.",
        },
    }
    tip.update(changes)
    return tip


def test_valid_organisation_tips_carry_the_organisation_as_source():
    tips, notices = parse_organisation_tips([org_tip("org_spreekuur")], "Acme BV")
    assert notices == []
    assert [t.id for t in tips] == ["org_spreekuur"]
    assert tips[0].source == ORGANISATION_SOURCE
    merged = LIBRARY.with_organisation_tips(tips, "Acme BV")
    assert len(merged) == len(LIBRARY) + 1
    assert merged.source_of(merged.get("org_spreekuur")).citation() == "Acme BV"


def test_invalid_organisation_tips_are_skipped_with_notices():
    data = {
        "tips": [
            org_tip("org_ok"),
            org_tip("org_bad_theme", theme="yoga"),
            org_tip("org_too_long", body={"nl": "woord " * 81, "en": "word"}),
            org_tip("org_ok"),
            org_tip(LIBRARY.tips[0].id),
            org_tip("org_cites", source="S85"),
            "not a tip",
            None,
        ]
    }
    tips, notices = parse_organisation_tips(data, "Acme BV", existing_ids=[t.id for t in LIBRARY])
    assert [t.id for t in tips] == ["org_ok"]
    assert len(notices) == 7
    assert "org_bad_theme" in notices[0] and "theme" in notices[0]
    assert "org_too_long" in notices[1] and "body.nl" in notices[1]
    assert "already in use" in notices[2] and "already in use" in notices[3]
    assert "org_cites" in notices[4] and "source" in notices[4]
    assert "#7" in notices[5] and "#8" in notices[6]


@pytest.mark.parametrize("data", [None, 5, "tips", {"tip": []}, {"tips": "x"}])
def test_organisation_tips_of_the_wrong_shape_never_raise(data):
    tips, notices = parse_organisation_tips(data, "Acme BV")
    assert tips == [] and len(notices) == 1


def test_organisation_tips_without_organisation_name_are_ignored():
    tips, notices = parse_organisation_tips([org_tip("org_ok")], "  ")
    assert tips == [] and notices


# --- search -------------------------------------------------------------------------------------------------


def test_search_ignores_case_and_accents():
    found = {t.id for t in LIBRARY.search("GEIRRITEERD")}
    assert found == {t.id for t in LIBRARY.search("geïrriteerd")} and found
    assert all("rriteerd" in t.body.nl for t in LIBRARY.search("GeÏrriteerd"))


def test_search_matches_title_and_body_in_the_chosen_language():
    assert [t.id for t in LIBRARY.search("luisterlijn 088")] == ["mh_luisterlijn"]
    assert LIBRARY.search("micropauze", lang="en") == []
    assert [t.id for t in LIBRARY.search("micro-breaks", lang="en")] == ["br_micro_pauses"]
    assert LIBRARY.search("koffiepauze") == [LIBRARY.get("so_coffee_break")]  # title hit


def test_search_with_theme_filter_and_empty_query():
    assert len(LIBRARY.search("")) == len(LIBRARY)
    managers = LIBRARY.search("", theme="managers")
    assert managers and all(t.theme == "managers" for t in managers)
    assert all(t.theme == "rights_duties" for t in LIBRARY.search("bedrijfsarts", theme="rights_duties"))
    with pytest.raises(ValueError):
        LIBRARY.search("x", theme="nope")
    with pytest.raises(ValueError):
        LIBRARY.search("x", lang="de")


def test_library_rejects_tips_with_unknown_sources():
    tip = replace(LIBRARY.tips[0], source="S1")
    with pytest.raises(TipDataError):
        type(LIBRARY)(tips=(tip,), sources=LIBRARY.sources)
