"""The exchange format of docs/exchange-format.md: import checks, JSON export, round trip."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vitaalthuis.domain.answers import finished
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.exchange import (
    MAX_COUNTED,
    MAX_IMPORT_BYTES,
    MAX_PROBLEMS,
    ImportParse,
    ImportProblem,
    export_json,
    parse_import,
    problem_count,
    problem_count_is_exact,
)
from vitaalthuis.domain.instruments import ITEM_IDS, KANS_REGIONS
from vitaalthuis.domain.scoring import SCORE_IDS, SCORING_VERSION
from vitaalthuis.domain.weeks import IsoWeek

TODAY = dt.date(2027, 3, 10)  # a Wednesday in 2027-W10; 2026 has a W53, 2025 and 2027 do not

SPEC_EXAMPLE = """{
  "format": "vitaalthuis",
  "version": 1,
  "checkins": [
    {
      "week": "2026-W48",
      "answers": {"gh": 2, "mhi5_1": 5, "mhi5_2": 6, "mhi5_3": 2, "mhi5_4": 5, "mhi5_5": 2,
                  "ls": 8, "djg_1": 3, "djg_2": 1, "djg_3": 1, "djg_4": 2, "djg_5": 1, "djg_6": 3,
                  "kans_any": 1, "kans_regions": ["neck"], "kans_severity": 4, "kans_work": 1,
                  "wlb": 2, "days_home": 3, "days_location": 2, "hours_worked": 36},
      "scoring_version": 1,
      "scores": {"gh_good": true, "mhi5": 84, "mhi5_low": false, "ls_satisfied": true,
                 "djg_total": 1, "djg_emotional": 1, "djg_social": 0, "djg_category": "not_lonely",
                 "kans": true, "wlb_imbalance": false}
    }
  ]
}
"""
VALID: dict[str, Any] = json.loads(SPEC_EXAMPLE)["checkins"][0]["answers"]
NO_KANS = {k: v for k, v in VALID.items() if k not in ("kans_regions", "kans_severity", "kans_work")} | {
    "kans_any": 2
}
DELETE = object()


def entry(week: str = "2026-W10", answers: dict[str, Any] | None = None, **changes: Any) -> dict[str, Any]:
    """One check-in; ``changes`` override answers (DELETE removes one)."""
    merged = {**(VALID if answers is None else answers), **changes}
    return {"week": week, "answers": {k: v for k, v in merged.items() if v is not DELETE}}


def document(*entries: Any, **top: Any) -> dict[str, Any]:
    return {"format": "vitaalthuis", "version": 1, "checkins": list(entries), **top}


def parse(doc: Any) -> ImportParse:
    return parse_import(doc if isinstance(doc, str | bytes) else json.dumps(doc), today=TODAY)


Found = set[tuple[int | None, str | None, str | None, str]]  # (index, week, item, code)


def found(result: ImportParse) -> Found:
    return {(p.index, p.week, p.item, p.code) for p in result.problems}


def assert_rejected(result: ImportParse, expected: Found) -> None:
    assert result.checkins == []
    assert found(result) == expected
    for problem in result.problems:
        problem.message().encode("utf-8")  # printable on any UTF-8 terminal, whatever the input held


# --- the example of docs/exchange-format.md --------------------------------------------------------------


def test_spec_example_parses_and_its_scores_are_ours() -> None:
    result = parse(SPEC_EXAMPLE)
    assert result.problems == []
    (checkin,) = result.checkins
    assert checkin.week == IsoWeek(2026, 48)
    assert checkin.answers == VALID
    assert checkin.scoring_version == SCORING_VERSION
    assert checkin.scores.as_dict() == json.loads(SPEC_EXAMPLE)["checkins"][0]["scores"]


def test_spec_example_as_utf8_bytes_with_and_without_bom() -> None:
    assert parse(SPEC_EXAMPLE.encode("utf-8")).ok
    assert parse(b"\xef\xbb\xbf" + SPEC_EXAMPLE.encode("utf-8")).ok
    assert parse("\ufeff" + SPEC_EXAMPLE).ok


# --- answers: every rule, with the check-in's number, week and item --------------------------------------

ANSWER_CASES: list[tuple[str, dict[str, Any], set[tuple[str, str]]]] = [
    ("unknown item", {"foo": 1}, {("foo", "unknown_item")}),
    ("unknown item with null", {"foo": None}, {("foo", "unknown_item")}),
    ("score given as an answer", {"mhi5": 84}, {("mhi5", "unknown_item")}),
    ("code true", {"gh": True}, {("gh", "wrong_type")}),
    ("code false", {"wlb": False}, {("wlb", "wrong_type")}),
    ("code 2.0", {"gh": 2.0}, {("gh", "wrong_type")}),
    ("code '2'", {"gh": "2"}, {("gh", "wrong_type")}),
    ("code a list", {"gh": [2]}, {("gh", "wrong_type")}),
    ("code an object", {"gh": {"v": 2}}, {("gh", "wrong_type")}),
    ("gh 6", {"gh": 6}, {("gh", "out_of_range")}),
    ("gh 0", {"gh": 0}, {("gh", "out_of_range")}),
    ("mhi5 7", {"mhi5_2": 7}, {("mhi5_2", "out_of_range")}),
    ("ls 0", {"ls": 0}, {("ls", "out_of_range")}),
    ("ls 11", {"ls": 11}, {("ls", "out_of_range")}),
    ("ls 8.0", {"ls": 8.0}, {("ls", "wrong_type")}),
    ("djg 4", {"djg_5": 4}, {("djg_5", "out_of_range")}),
    ("kans_work 5", {"kans_work": 5}, {("kans_work", "out_of_range")}),
    ("wlb 5", {"wlb": 5}, {("wlb", "out_of_range")}),
    ("huge code", {"gh": 10**40}, {("gh", "out_of_range")}),
    ("regions twice", {"kans_regions": ["neck", "neck"]}, {("kans_regions", "duplicate_region")}),
    ("regions empty", {"kans_regions": []}, {("kans_regions", "empty_regions")}),
    ("region unknown", {"kans_regions": ["knee"]}, {("kans_regions", "out_of_range")}),
    ("regions a string", {"kans_regions": "neck"}, {("kans_regions", "wrong_type")}),
    ("region a number", {"kans_regions": [1]}, {("kans_regions", "wrong_type")}),
    ("severity 11", {"kans_severity": 11}, {("kans_severity", "out_of_range")}),
    ("severity -1", {"kans_severity": -1}, {("kans_severity", "out_of_range")}),
    ("days_home 8", {"days_home": 8, "days_location": 0},
     {("days_home", "out_of_range"), ("days_location", "days_over_7")}),
    ("days_location 9", {"days_home": 0, "days_location": 9},
     {("days_location", "out_of_range"), ("days_location", "days_over_7")}),
    ("days_home 1.5", {"days_home": 1.5}, {("days_home", "wrong_type")}),
    ("days over 7", {"days_home": 5, "days_location": 3}, {("days_location", "days_over_7")}),
    ("hours 80.5", {"hours_worked": 80.5}, {("hours_worked", "out_of_range")}),
    ("hours -0.5", {"hours_worked": -0.5}, {("hours_worked", "out_of_range")}),
    ("hours as text", {"hours_worked": "36"}, {("hours_worked", "wrong_type")}),
    ("hours true", {"hours_worked": True}, {("hours_worked", "wrong_type")}),
    ("note too long", {"note": "é" * 2001}, {("note", "note_too_long")}),
    ("note with NUL", {"note": "a\x00b"}, {("note", "note_invalid_text")}),
    ("note lone surrogate", {"note": "a\ud800b"}, {("note", "note_invalid_text")}),
    ("note a number", {"note": 5}, {("note", "wrong_type")}),
    ("required missing", {"gh": DELETE}, {("gh", "missing")}),
    ("required null", {"ls": None}, {("ls", "missing")}),
    ("kans details missing", {"kans_regions": DELETE, "kans_work": None},
     {("kans_regions", "missing"), ("kans_work", "missing")}),
    ("kans no with details", {"kans_any": 2, "kans_regions": DELETE},
     {("kans_severity", "kans_details_without_yes"), ("kans_work", "kans_details_without_yes")}),
    ("kans missing with details", {"kans_any": DELETE},
     {("kans_any", "missing"), ("kans_regions", "kans_details_without_yes"),
      ("kans_severity", "kans_details_without_yes"), ("kans_work", "kans_details_without_yes")}),
    ("several at once", {"gh": 9, "djg_1": "3", "note": 1},
     {("gh", "out_of_range"), ("djg_1", "wrong_type"), ("note", "wrong_type")}),
]


@pytest.mark.parametrize(("changes", "expected"), [c[1:] for c in ANSWER_CASES],
                         ids=[c[0] for c in ANSWER_CASES])
def test_bad_answers(changes: dict[str, Any], expected: set[tuple[str, str]]) -> None:
    doc = document(entry("2026-W01"), entry("2026-W02", **changes), entry("2026-W03"))
    assert_rejected(parse(doc), {(2, "2026-W02", item, code) for item, code in expected})


GOOD_ANSWER_CASES: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    ("hours decimal", {"hours_worked": 36.5}, {"hours_worked": 36.5}),
    ("hours 0 and 80", {"hours_worked": 80}, {"hours_worked": 80}),
    ("hours null is absent", {"hours_worked": None}, {"hours_worked": DELETE}),
    ("note null is absent", {"note": None}, {}),
    ("empty note is absent", {"note": ""}, {}),
    ("note at the limit", {"note": "🙂" * 2000}, {"note": "🙂" * 2000}),
    ("severity 0", {"kans_severity": 0}, {"kans_severity": 0}),
    ("days sum 7", {"days_home": 4, "days_location": 3}, {"days_home": 4, "days_location": 3}),
    ("regions sorted", {"kans_regions": ["wrists_hands", "neck", "arms_elbows"]},
     {"kans_regions": ["arms_elbows", "neck", "wrists_hands"]}),
]


@pytest.mark.parametrize(("changes", "stored"), [c[1:] for c in GOOD_ANSWER_CASES],
                         ids=[c[0] for c in GOOD_ANSWER_CASES])
def test_good_answers(changes: dict[str, Any], stored: dict[str, Any]) -> None:
    result = parse(document(entry("2026-W02", **changes)))
    assert result.problems == []
    expected = {k: v for k, v in {**VALID, **stored}.items() if v is not DELETE}
    assert result.checkins[0].answers == expected
    assert list(result.checkins[0].answers) == [i for i in ITEM_IDS if i in expected]


@pytest.mark.parametrize("details", [
    {}, {"kans_regions": None, "kans_severity": None, "kans_work": None}, {"kans_regions": None},
])
def test_kans_no_with_absent_or_null_details(details: dict[str, Any]) -> None:
    result = parse(document(entry("2026-W02", answers=NO_KANS, **details)))
    assert result.problems == []
    assert result.checkins[0].answers == NO_KANS


@pytest.mark.parametrize("detail", [("kans_regions", ["neck"]), ("kans_severity", 0), ("kans_work", 4),
                                    ("kans_regions", []), ("kans_severity", "x")])
def test_kans_no_with_a_present_detail(detail: tuple[str, Any]) -> None:
    doc = document(entry("2026-W02", answers=NO_KANS, **dict([detail])))
    assert ("kans_details_without_yes") in {p.code for p in parse(doc).problems if p.item == detail[0]}
    assert parse(doc).checkins == []


def test_lone_surrogate_escape_and_nul_escape_in_note() -> None:
    for escape in ("\\ud800", "\\udfff", "\\u0000"):
        text = json.dumps(document(entry("2026-W02", note="NOTE"))).replace("NOTE", f"a{escape}b")
        assert_rejected(parse(text), {(1, "2026-W02", "note", "note_invalid_text")})


def test_surrogate_pair_escape_is_one_character() -> None:
    text = json.dumps(document(entry("2026-W02", note="NOTE"))).replace("NOTE", "\\ud83d\\ude42" * 2000)
    result = parse(text)
    assert result.problems == []
    assert result.checkins[0].answers["note"] == "🙂" * 2000


def test_raw_nul_or_control_character_in_a_string_is_malformed_json() -> None:
    text = json.dumps(document(entry("2026-W02", note="NOTE"))).replace("NOTE", "a\x00b")
    assert_rejected(parse(text), {(None, None, None, "malformed_json")})


# --- the check-in object and its week ------------------------------------------------------------------

WEEK_CASES: list[tuple[Any, str, str | None]] = [
    ("2026-W1", "week_format", None),
    ("2026-w01", "week_format", None),
    ("2026W01", "week_format", None),
    (" 2026-W01", "week_format", None),
    ("2026-W01\n", "week_format", None),
    ("٢٠٢٦-W01", "week_format", None),
    ("２０２６-W01", "week_format", None),
    ("", "week_format", None),
    (202601, "week_format", None),
    (None, "week_format", None),
    (["2026-W01"], "week_format", None),
    ("2026-W00", "week_nonexistent", "2026-W00"),
    ("2025-W53", "week_nonexistent", "2025-W53"),
    ("2027-W53", "week_nonexistent", "2027-W53"),
    ("2026-W54", "week_nonexistent", "2026-W54"),
    ("1999-W52", "week_too_early", "1999-W52"),
    ("0000-W01", "week_too_early", "0000-W01"),
    ("2027-W11", "week_future", "2027-W11"),
    ("2100-W01", "week_future", "2100-W01"),
]


@pytest.mark.parametrize(("week", "code", "readable"), WEEK_CASES)
def test_bad_weeks(week: Any, code: str, readable: str | None) -> None:
    doc = document(entry("2026-W01"), entry(week))
    assert_rejected(parse(doc), {(2, readable, None, code)})


@pytest.mark.parametrize("week", ["2026-W53", "2027-W10", "2000-W01", "2020-W53"])
def test_good_weeks(week: str) -> None:
    result = parse(document(entry(week)))
    assert result.problems == []
    assert str(result.checkins[0].week) == week


def test_today_decides_the_future() -> None:
    doc = json.dumps(document(entry("2027-W11")))
    assert parse_import(doc, today=dt.date(2027, 3, 15)).ok  # Monday of 2027-W11
    assert not parse_import(doc, today=dt.date(2027, 3, 14)).ok  # Sunday of 2027-W10
    assert not parse_import(json.dumps(document(entry("2999-W01")))).ok  # the real today by default


def test_missing_week() -> None:
    doc = document({"answers": VALID})
    assert_rejected(parse(doc), {(1, None, None, "missing_week")})


@pytest.mark.parametrize(("checkin", "code"), [
    ({"week": "2026-W02"}, "missing_answers"),
    ({"week": "2026-W02", "answers": None}, "answers_not_object"),
    ({"week": "2026-W02", "answers": [VALID]}, "answers_not_object"),
    ({"week": "2026-W02", "answers": "gh=2"}, "answers_not_object"),
])
def test_answers_missing_or_not_an_object(checkin: dict[str, Any], code: str) -> None:
    assert_rejected(parse(document(checkin)), {(1, "2026-W02", None, code)})


@pytest.mark.parametrize("checkin", [None, [], "2026-W02", 3, True])
def test_checkin_not_an_object(checkin: Any) -> None:
    assert_rejected(parse(document(entry("2026-W01"), checkin)), {(2, None, None, "checkin_not_object")})


@pytest.mark.parametrize("key", ["id", "Week", "answer", "notes", "format"])
def test_unknown_key_in_checkin(key: str) -> None:
    checkin = entry("2026-W02") | {key: 1}
    result = parse(document(checkin))
    assert_rejected(result, {(1, "2026-W02", None, "unknown_key")})
    assert repr(key) in result.problems[0].message()


def test_scores_and_scoring_version_in_checkin_are_ignored() -> None:
    checkin = entry("2026-W02") | {"scores": {"mhi5": 12, "bogus": [1]}, "scoring_version": "seven"}
    result = parse(document(checkin))
    assert result.problems == []
    assert result.checkins[0].scores.mhi5 == 84
    assert result.checkins[0].scoring_version == SCORING_VERSION


def test_same_week_twice_names_both_numbers() -> None:
    doc = document(entry("2026-W01"), entry("2026-W02"), entry("2026-W03"), entry("2026-W01"))
    result = parse(doc)
    assert_rejected(result, {(4, "2026-W01", None, "duplicate_week")})
    message = result.problems[0].message()
    assert message.startswith("check-in 4 (2026-W01): ")
    assert "check-ins 1 and 4" in message


def test_same_week_three_times() -> None:
    doc = document(entry("2026-W05"), entry("2026-W05"), entry("2026-W05"))
    assert_rejected(parse(doc), {(2, "2026-W05", None, "duplicate_week"),
                                 (3, "2026-W05", None, "duplicate_week")})
    assert all("check-ins 1 and" in p.detail for p in parse(doc).problems)


# --- the document ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("top", "code"), [
    ({"format": "VitaalThuis"}, "wrong_format"),
    ({"format": "vitaalthuis "}, "wrong_format"),
    ({"format": None}, "wrong_format"),
    ({"format": ["vitaalthuis"]}, "wrong_format"),
    ({"version": True}, "wrong_version"),
    ({"version": 1.0}, "wrong_version"),
    ({"version": "1"}, "wrong_version"),
    ({"version": 2}, "wrong_version"),
    ({"version": 0}, "wrong_version"),
    ({"checkins": None}, "checkins_not_list"),
    ({"checkins": {"1": {}}}, "checkins_not_list"),
    ({"checkins": "[]"}, "checkins_not_list"),
])
def test_bad_header(top: dict[str, Any], code: str) -> None:
    assert_rejected(parse(document(entry("2026-W02")) | top), {(None, None, None, code)})


@pytest.mark.parametrize("key", ["format", "version", "checkins"])
def test_missing_header_key(key: str) -> None:
    doc = document(entry("2026-W02"))
    del doc[key]
    result = parse(doc)
    assert {p.code for p in result.problems} == {
        "format": {"wrong_format"}, "version": {"wrong_version"}, "checkins": {"checkins_not_list"}}[key]
    assert result.problems[0].detail == "missing"
    assert result.checkins == []


@pytest.mark.parametrize("doc", [[], "vitaalthuis", 1, None, True, [document(entry())]])
def test_document_not_an_object(doc: Any) -> None:
    assert_rejected(parse(json.dumps(doc)), {(None, None, None, "not_an_object")})


def test_extra_top_level_keys_are_ignored() -> None:
    doc = document(entry("2026-W02"), exported_by="other app", scores=[1, 2], meta={"a": None})
    assert parse(doc).ok


def test_empty_checkins_is_a_valid_empty_import() -> None:
    result = parse(document())
    assert result.ok and result.checkins == []


def test_header_problems_and_checkin_problems_together() -> None:
    doc = document(entry("2026-W02", gh=9), version=2)
    assert_rejected(parse(doc), {(None, None, None, "wrong_version"), (1, "2026-W02", "gh", "out_of_range")})


def test_every_problem_is_collected_in_file_order() -> None:
    doc = document(
        entry("2026-W01"),
        entry("2026-W02", gh=True, note="x" * 2001),
        {"week": "2025-W53", "answers": VALID, "id": 7},
        entry("2027-W30", answers=NO_KANS, kans_work=1, days_home=7, days_location=1),
        entry("2026-W02", mystery=1),
        "nonsense",
        format="other",
    )
    result = parse(doc)
    assert_rejected(result, {
        (None, None, None, "wrong_format"),
        (2, "2026-W02", "gh", "wrong_type"),
        (2, "2026-W02", "note", "note_too_long"),
        (3, "2025-W53", None, "unknown_key"),
        (3, "2025-W53", None, "week_nonexistent"),
        (4, "2027-W30", None, "week_future"),
        (4, "2027-W30", "kans_work", "kans_details_without_yes"),
        (4, "2027-W30", "days_location", "days_over_7"),
        (5, "2026-W02", "mystery", "unknown_item"),
        (5, "2026-W02", None, "duplicate_week"),
        (6, None, None, "checkin_not_object"),
    })
    assert [p.index or 0 for p in result.problems] == sorted(p.index or 0 for p in result.problems)


# --- encoding and malformed JSON -------------------------------------------------------------------------


@pytest.mark.parametrize("data", [
    b"\xff\xfe{\x00}\x00",  # UTF-16
    SPEC_EXAMPLE.replace("2026-W48", "2026-W48é").encode("latin-1"),
    b'{"format": "vitaalthuis\xc3"}',
    b"\xed\xa0\x80",  # an encoded surrogate is not UTF-8
])
def test_invalid_utf8(data: bytes) -> None:
    result = parse(data)
    assert_rejected(result, {(None, None, None, "invalid_utf8")})
    assert "byte offset" in result.problems[0].message()


def test_invalid_utf8_position() -> None:
    data = SPEC_EXAMPLE.replace("2026-W48", "2026-W4\udcff").encode("utf-8", "surrogateescape")
    offset = data.index(b"\xff")
    assert parse(data).problems[0].detail == f"byte 0xff at line 6, byte offset {offset}"


@pytest.mark.parametrize(("text", "line", "column"), [
    ("", 1, 1),
    ("{", 1, 2),
    ('{"format": "vitaalthuis",\n "version": 1,\n "checkins": [,]}', 3, 15),
    ('{"format": "vitaalthuis", "version": 1, "checkins": [],}', 1, 56),
    ("{'format': 'vitaalthuis'}", 1, 2),
    ('{"format": "vitaalthuis"} {}', 1, 27),
    ("\ufeff\ufeff{}", 1, 1),
    ('{"checkins": [01]}', 1, 16),
])
def test_malformed_json_gives_line_and_column(text: str, line: int, column: int) -> None:
    result = parse(text)
    assert_rejected(result, {(None, None, None, "malformed_json")})
    assert result.problems[0].detail.startswith(f"line {line}, column {column}: ")


def raw_object(*pairs: tuple[str, str]) -> str:
    """A JSON object from (key, JSON text) pairs, keeping duplicate keys."""
    return "{" + ", ".join(f"{json.dumps(k)}: {v}" for k, v in pairs) + "}"


def answers_text(*extra: tuple[str, str]) -> str:
    """The valid answers as JSON text, with ``extra`` (key, JSON text) pairs replacing or repeating keys."""
    replaced = {k for k, _ in extra}
    return raw_object(*((k, json.dumps(v)) for k, v in VALID.items() if k not in replaced), *extra)


def test_duplicate_keys_everywhere_are_all_reported() -> None:
    answers = answers_text(("gh", "3"), ("gh", "2"), ("ls", "8"), ("ls", "8"))
    checkin = raw_object(("week", '"2026-W02"'), ("answers", answers),
                         ("week", '"2026-W02"'), ("scores", raw_object(("mhi5", "1"), ("mhi5", "2"))))
    text = raw_object(("format", '"vitaalthuis"'), ("version", "1"), ("format", '"vitaalthuis"'),
                      ("meta", raw_object(("a", "[" + raw_object(("b", "1"), ("b", "1")) + "]"))),
                      ("checkins", f"[{json.dumps(entry('2026-W01'))}, {checkin}]"))
    result = parse(text)
    assert_rejected(result, {
        (None, None, None, "duplicate_key"),  # format
        (None, None, None, "duplicate_key"),  # meta.a[0].b
        (2, "2026-W02", "gh", "duplicate_key"),
        (2, "2026-W02", "ls", "duplicate_key"),
        (2, "2026-W02", None, "duplicate_key"),  # week, scores.mhi5
    })
    details = sorted(p.detail for p in result.problems)
    assert details == ["key 'b' at meta.a[0]", "key 'format'", "key 'gh' at answers", "key 'ls' at answers",
                       "key 'mhi5' at scores", "key 'week'"]


def test_duplicate_key_with_equal_values_is_still_an_error() -> None:
    text = raw_object(("format", '"vitaalthuis"'), ("version", "1"), ("version", "1"), ("checkins", "[]"))
    assert_rejected(parse(text), {(None, None, None, "duplicate_key")})


# --- hostile input ---------------------------------------------------------------------------------------


def with_answer_text(item: str, value_text: str, week: str = "2026-W02") -> str:
    checkin = raw_object(("week", json.dumps(week)), ("answers", answers_text((item, value_text))))
    return raw_object(("format", '"vitaalthuis"'), ("version", "1"), ("checkins", f"[{checkin}]"))


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1" * 5000,
                                    "-" + "9" * 4301, "1" + "0" * 400 + ".5"])
def test_unusable_numbers_in_an_answer(number: str) -> None:
    result = parse(with_answer_text("hours_worked", number))
    assert_rejected(result, {(1, "2026-W02", "hours_worked", "invalid_number")})
    assert len(result.problems[0].message()) < 300


@pytest.mark.parametrize("item", ["gh", "days_home", "wlb", "kans_severity"])
def test_unusable_number_as_a_code_is_one_problem(item: str) -> None:
    result = parse(with_answer_text(item, "1e999"))
    assert [(p.item, p.code) for p in result.problems] == [(item, "invalid_number")]


def test_huge_int_is_a_problem_even_without_the_interpreter_limit() -> None:
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        result = parse(with_answer_text("gh", "1" * 4301))
    finally:
        sys.set_int_max_str_digits(old)
    assert [(p.item, p.code) for p in result.problems] == [("gh", "invalid_number")]


def test_document_problems_come_first() -> None:
    text = with_answer_text("hours_worked", "NaN").replace('"vitaalthuis"', '"other"')
    result = parse(text)
    assert [(p.index, p.code) for p in result.problems] == [(None, "wrong_format"), (1, "invalid_number")]


def test_numbers_just_inside_the_limits() -> None:
    result = parse(with_answer_text("hours_worked", "1e-999"))
    assert result.ok and result.checkins[0].answers["hours_worked"] == 0.0
    result = parse(with_answer_text("gh", "1" * 4300))
    assert [(p.item, p.code) for p in result.problems] == [("gh", "out_of_range")]
    assert len(result.problems[0].message()) < 300


@pytest.mark.parametrize(("place", "expected"), [
    ('{"format": "vitaalthuis", "version": NaN, "checkins": []}', (None, None, None, "invalid_number")),
    ('{"format": "vitaalthuis", "version": 1, "checkins": [], "x": [1e999]}',
     (None, None, None, "invalid_number")),
    ('{"format": "vitaalthuis", "version": 1, "checkins": [Infinity]}', (1, None, None, "invalid_number")),
    ('{"format": "vitaalthuis", "version": 1, "checkins": [{"week": 1e999, "answers": {}}]}',
     (1, None, None, "invalid_number")),
])
def test_unusable_numbers_anywhere(place: str, expected: tuple[Any, ...]) -> None:
    result = parse(place)
    assert expected in found(result)
    assert result.checkins == []
    follow_ups = ("wrong_version", "checkin_not_object", "week_format")  # not reported twice
    assert [p for p in result.problems if p.code in follow_ups] == []


def test_unusable_number_in_ignored_scores() -> None:
    checkin = raw_object(("week", '"2026-W02"'), ("answers", answers_text()), ("scores", '{"mhi5": 1e400}'))
    text = raw_object(("format", '"vitaalthuis"'), ("version", "1"), ("checkins", f"[{checkin}]"))
    result = parse(text)
    assert_rejected(result, {(1, "2026-W02", None, "invalid_number")})
    assert result.problems[0].detail == "1e400 at scores.mhi5"


@pytest.mark.parametrize("depth", [10, 500, 900, 990, 1000, 5000, 200_000])
@pytest.mark.parametrize("where", ["document", "answer", "extra"])
def test_deep_nesting_never_raises(depth: int, where: str) -> None:
    nested = "[" * depth + "]" * depth
    text = {
        "document": nested,
        "answer": with_answer_text("note", nested),
        "extra": json.dumps(document(entry("2026-W02"))).replace('"version": 1',
                                                                 f'"version": 1, "x": {nested}'),
    }[where]
    result = parse(text)
    if where == "extra" and depth <= 500:
        assert result.ok  # an ignored key may hold any JSON
    elif where == "extra":
        assert result.ok or found(result) == {(None, None, None, "too_deep")}
    else:
        assert result.problems and result.checkins == []
    for problem in result.problems:
        problem.message()


def test_deep_objects_never_raise() -> None:
    text = '{"a":' * 100_000 + "1" + "}" * 100_000
    assert_rejected(parse(text), {(None, None, None, "too_deep")})


def test_hostile_keys_and_values_give_short_printable_messages() -> None:
    key = "\ud800" + "k" * 10_000
    doc = document(entry("2026-W02", **{key: 1, "kans_regions": ["\udfff" * 5000]}) | {"\x1b[31m": 1})
    result = parse(json.dumps(doc))
    assert {(p.item, p.code) for p in result.problems} == {
        (key, "unknown_item"), ("kans_regions", "out_of_range"), (None, "unknown_key")}
    for problem in result.problems:
        message = problem.message()
        assert len(message) < 400
        assert message.isprintable()
        message.encode("utf-8")


# --- messages --------------------------------------------------------------------------------------------


def test_messages() -> None:
    doc = document(entry("2026-W01"), entry("2026-W02"), entry("2026-W12", mhi5_2=7))
    (problem,) = parse(doc).problems
    assert problem == ImportProblem(3, "2026-W12", "mhi5_2", "out_of_range",
                                    "7 is not one of [1, 2, 3, 4, 5, 6]")
    assert problem.message() == (
        "check-in 3 (2026-W12), item mhi5_2: value out of range (7 is not one of [1, 2, 3, 4, 5, 6])")
    assert ImportProblem(2, None, None, "missing_week").message() == "check-in 2: week is missing"
    malformed = ImportProblem(None, None, None, "malformed_json", "line 1, column 1: Expecting value")
    assert malformed.message() == "malformed JSON (line 1, column 1: Expecting value)"
    assert ImportProblem(1, "2026-W01", "gh", "missing").message() == (
        "check-in 1 (2026-W01), item gh: required answer is missing")


def test_every_code_has_an_english_message() -> None:
    codes = {p.code for case in ANSWER_CASES for p in parse(document(entry("2026-W02", **case[1]))).problems}
    codes |= {"invalid_utf8", "malformed_json", "too_deep", "invalid_number", "duplicate_key",
              "not_an_object", "wrong_format", "wrong_version", "checkins_not_list", "checkin_not_object",
              "unknown_key", "missing_week", "week_format", "week_nonexistent", "week_too_early",
              "week_future", "missing_answers", "answers_not_object", "duplicate_week", "too_large"}
    for code in codes:
        text = ImportProblem(None, None, None, code).message()
        assert text != code and not text.startswith(code), code


# --- bounds: size and number of problems -----------------------------------------------------------------


def test_a_file_larger_than_the_limit_is_one_problem_and_is_not_parsed() -> None:
    result = parse_import(b"[" * (MAX_IMPORT_BYTES + 1), today=TODAY)  # would be too deep if it were parsed
    assert [(p.index, p.code) for p in result.problems] == [(None, "too_large")]
    assert result.problem_count == 1 and result.checkins == []
    assert "20 MB" in result.problems[0].message()


def test_a_file_of_exactly_the_limit_is_read() -> None:
    text = json.dumps(document(entry("2026-W10"))).encode("utf-8")
    result = parse_import(text + b" " * (MAX_IMPORT_BYTES - len(text)), today=TODAY)
    assert result.ok and [str(c.week) for c in result.checkins] == ["2026-W10"]


def test_problems_beyond_the_cap_are_counted_not_kept_and_the_kept_are_the_first() -> None:
    entries = MAX_PROBLEMS  # {} has two problems: week and answers missing
    result = parse(document(*[{}] * entries, version=2))
    assert len(result.problems) == MAX_PROBLEMS
    assert result.problem_count == problem_count(result.problems) == 2 * entries + 1
    assert problem_count_is_exact(result.problems) and result.checkins == []
    found = [(p.index, p.code) for p in result.problems]
    assert found[:5] == [(None, "wrong_version"), (1, "missing_week"), (1, "missing_answers"),
                         (2, "missing_week"), (2, "missing_answers")]
    assert found[-1] == (MAX_PROBLEMS // 2, "missing_week")


def test_checking_stops_at_max_counted_and_says_the_count_is_a_lower_bound() -> None:
    result = parse(document(*[{}] * (MAX_COUNTED // 2 + 10)))
    assert len(result.problems) == MAX_PROBLEMS
    assert result.problem_count == MAX_COUNTED and not problem_count_is_exact(result.problems)


def test_unusable_numbers_outside_the_checkins_are_counted_up_to_the_bound() -> None:
    text = ('{"format": "vitaalthuis", "version": 1, "checkins": [], "x": ['
            + ",".join(["NaN"] * (MAX_COUNTED + 5)) + "]}")
    result = parse(text)
    assert len(result.problems) == MAX_PROBLEMS and result.problems[0].code == "invalid_number"
    assert result.problem_count == MAX_COUNTED and not problem_count_is_exact(result.problems)


def test_exactly_max_counted_problems_is_an_exact_count() -> None:
    result = parse(document(*[{}] * (MAX_COUNTED // 2)))
    assert result.problem_count == MAX_COUNTED and problem_count_is_exact(result.problems)


def test_file_problems_come_first_then_each_checkin_in_the_order_found() -> None:
    answers = json.dumps({**VALID, "gh": 1})[:-1].replace('"gh": 1', '"gh": NaN')
    text = ('{"format": "x", "version": 1, "checkins": [{"week": "2026-W01", "answers": ' + answers
            + '}, "week": "2026-W01"}, {"week": "2026-W02", "answers": {}}], "extra": {"a": 1, "a": 2}}')
    found = [(p.index, p.code, p.item) for p in parse(text).problems]
    assert found[:5] == [(None, "duplicate_key", None), (None, "wrong_format", None),
                         (1, "duplicate_key", None), (1, "invalid_number", "gh"), (2, "missing", "gh")]


def test_a_plain_list_of_problems_counts_itself() -> None:
    problems = [ImportProblem(1, None, None, "missing_week")]
    assert ImportParse(problems=problems).problem_count == 1 == problem_count(problems)
    assert problem_count_is_exact(problems)


# --- JSON export -----------------------------------------------------------------------------------------


def checkin(week: str, answers: dict[str, Any] = VALID, **changes: Any) -> CheckIn:
    return CheckIn(IsoWeek.parse(week, today=TODAY), finished({**answers, **changes}))


SAMPLE = [
    checkin("2026-W53", note='Zwaar: "deadline", €, 🙂\nregel 2\r\n\ttab', hours_worked=36.5),
    checkin("2026-W48"),
    checkin("2027-W01", NO_KANS, hours_worked=None),
    checkin("2025-W52", kans_regions=["wrists_hands", "neck"], note="=1+1"),
]


def test_export_json_document() -> None:
    text = export_json(SAMPLE)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "🙂" in text and "€" in text  # ensure_ascii=False
    assert text.startswith('{\n  "format": "vitaalthuis",\n  "version": 1,\n')
    doc = json.loads(text)
    assert list(doc) == ["format", "version", "checkins"]
    assert [c["week"] for c in doc["checkins"]] == ["2025-W52", "2026-W48", "2026-W53", "2027-W01"]
    for exported in doc["checkins"]:
        assert list(exported) == ["week", "answers", "scoring_version", "scores"]
        assert exported["scoring_version"] == SCORING_VERSION
        assert list(exported["scores"]) == list(SCORE_IDS)
    assert doc["checkins"][0]["answers"]["kans_regions"] == ["neck", "wrists_hands"]
    assert "note" not in doc["checkins"][1]["answers"]
    assert "hours_worked" not in doc["checkins"][3]["answers"]
    assert not {"kans_regions", "kans_severity", "kans_work"} & set(doc["checkins"][3]["answers"])
    assert list(doc["checkins"][2]["answers"]) == [i for i in ITEM_IDS if i in doc["checkins"][2]["answers"]]


def test_export_json_normalises_answers_as_stored() -> None:
    answers = dict(reversed(VALID.items())) | {"note": None, "kans_regions": ["wrists_hands", "neck"]}
    exported = json.loads(export_json([CheckIn(IsoWeek(2026, 10), answers)]))["checkins"][0]["answers"]
    assert list(exported) == [i for i in ITEM_IDS if i in VALID]
    assert exported["kans_regions"] == ["neck", "wrists_hands"]


def test_export_json_spec_example_scores() -> None:
    exported = json.loads(export_json([checkin("2026-W48")]))["checkins"][0]
    expected = json.loads(SPEC_EXAMPLE)["checkins"][0]
    assert exported == expected


def test_export_json_empty() -> None:
    assert json.loads(export_json([])) == {"format": "vitaalthuis", "version": 1, "checkins": []}


def test_json_round_trip() -> None:
    text = export_json(SAMPLE)
    result = parse(text)
    assert result.problems == []
    assert result.checkins == sorted(SAMPLE, key=lambda c: c.week)
    assert export_json(result.checkins) == text
    assert parse(text.encode("utf-8")).checkins == result.checkins


# --- properties ------------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
    | st.sampled_from(["2026-W10", "neck", "vitaalthuis", "", "\ud800", "\x00"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=15,
)
places = st.sampled_from(
    [("answer", i) for i in ITEM_IDS]
    + [("answer", "extra"), ("week", None), ("answers", None), ("entry", None), ("entry_key", "x"),
       ("entry_key", "scores"), ("top", "format"), ("top", "version"), ("top", "checkins"), ("top", "x"),
       ("document", None)]
)


def place_value(place: tuple[str, str | None], value: Any) -> Any:
    kind, key = place
    checkin_ = entry("2026-W02")
    doc = document(checkin_)
    if kind == "answer":
        checkin_["answers"][key] = value
    elif kind == "week":
        checkin_["week"] = value
    elif kind == "answers":
        checkin_["answers"] = value
    elif kind == "entry":
        doc["checkins"] = [value]
    elif kind == "entry_key":
        checkin_[key] = value
    elif kind == "top":
        doc[key] = value
    else:
        doc = value
    return doc


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(place=places, value=json_values)
def test_any_json_value_anywhere_never_raises(place: tuple[str, str | None], value: Any) -> None:
    result = parse(json.dumps(place_value(place, value)))
    assert isinstance(result, ImportParse)
    assert not (result.problems and result.checkins)  # all or nothing
    for problem in result.problems:
        assert isinstance(problem.message(), str)
        problem.message().encode("utf-8")


@settings(max_examples=200)
@given(data=st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_never_raise(data: bytes) -> None:
    result = parse_import(data, today=TODAY)
    assert result.problems and result.checkins == []


@st.composite
def valid_answers(draw: st.DrawFn) -> dict[str, Any]:
    answers: dict[str, Any] = {"gh": draw(st.integers(1, 5)), "ls": draw(st.integers(1, 10)),
                               "wlb": draw(st.integers(1, 4)), "kans_any": draw(st.integers(1, 2))}
    answers |= {f"mhi5_{i}": draw(st.integers(1, 6)) for i in range(1, 6)}
    answers |= {f"djg_{i}": draw(st.integers(1, 3)) for i in range(1, 7)}
    if answers["kans_any"] == 1:
        answers["kans_regions"] = draw(st.lists(st.sampled_from(KANS_REGIONS), min_size=1, unique=True))
        answers["kans_severity"] = draw(st.integers(0, 10))
        answers["kans_work"] = draw(st.integers(1, 4))
    answers["days_home"] = draw(st.integers(0, 7))
    answers["days_location"] = draw(st.integers(0, 7 - answers["days_home"]))
    answers["hours_worked"] = draw(st.none() | st.integers(0, 80) | st.floats(0, 80)
                                   | st.integers(0, 160).map(lambda h: h / 2))
    answers["note"] = draw(st.none() | st.text(
        st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=2000))
    return answers


weeks = st.integers(0, 1350).map(lambda n: IsoWeek.current(TODAY).shifted(-n))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(weeks, valid_answers()), max_size=6, unique_by=lambda pair: pair[0]))
def test_valid_checkins_round_trip(pairs: list[tuple[IsoWeek, dict[str, Any]]]) -> None:
    checkins = [CheckIn(week, finished(answers)) for week, answers in pairs]
    result = parse_import(export_json(checkins).encode("utf-8"), today=TODAY)
    assert result.problems == []
    assert result.checkins == sorted(checkins, key=lambda c: c.week)
    assert [c.scores for c in result.checkins] == [c.scores for c in sorted(checkins, key=lambda c: c.week)]
