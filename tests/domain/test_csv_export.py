"""CSV export (docs/exchange-format.md): RFC 4180, BOM, CRLF, columns, formula injection."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vitaalthuis.domain.answers import finished
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.csv_export import COLUMNS, export_csv
from vitaalthuis.domain.instruments import ITEM_IDS
from vitaalthuis.domain.scoring import SCORE_IDS, SCORING_VERSION
from vitaalthuis.domain.weeks import IsoWeek

VALID: dict[str, Any] = {
    "gh": 2, "mhi5_1": 5, "mhi5_2": 6, "mhi5_3": 2, "mhi5_4": 5, "mhi5_5": 2, "ls": 8,
    "djg_1": 3, "djg_2": 1, "djg_3": 1, "djg_4": 2, "djg_5": 1, "djg_6": 3,
    "kans_any": 1, "kans_regions": ["neck"], "kans_severity": 4, "kans_work": 1,
    "wlb": 2, "days_home": 3, "days_location": 2, "hours_worked": 36,
}
NO_KANS = {k: v for k, v in VALID.items() if k not in ("kans_regions", "kans_severity", "kans_work")} | {
    "kans_any": 2
}


def checkin(year: int, week: int, answers: dict[str, Any] = VALID, **changes: Any) -> CheckIn:
    return CheckIn(IsoWeek(year, week), finished({**answers, **changes}))


def rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    reader = csv.DictReader(io.StringIO(text[1:], newline=""), strict=True)
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def test_header_columns_in_order() -> None:
    text = export_csv([])
    assert ("week", *ITEM_IDS, "scoring_version", *SCORE_IDS) == COLUMNS
    assert text == "\ufeff" + ",".join(COLUMNS) + "\r\n"
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbfweek,gh,mhi5_1,")
    assert ",scoring_version,gh_good,mhi5,mhi5_low," in text
    assert text.rstrip("\r\n").endswith(",kans,wlb_imbalance")


def test_one_row_per_checkin_sorted_by_week_with_crlf() -> None:
    checkins = [checkin(2026, 53), checkin(2026, 2), checkin(2027, 1), checkin(2025, 52)]
    text = export_csv(checkins)
    lines = text[1:].split("\r\n")
    assert lines[-1] == "" and len(lines) == 6 and "\n" not in "".join(lines)
    assert [line.split(",")[0] for line in lines[1:-1]] == ["2025-W52", "2026-W02", "2026-W53", "2027-W01"]


def test_values_of_the_spec_example() -> None:
    (row,) = rows(export_csv([checkin(2026, 48)]))
    expected_answers = {k: str(v) for k, v in VALID.items()} | {"kans_regions": "neck", "note": ""}
    assert {k: row[k] for k in ITEM_IDS} == expected_answers
    assert row["week"] == "2026-W48"
    assert row["scoring_version"] == str(SCORING_VERSION)
    assert {k: row[k] for k in SCORE_IDS} == {
        "gh_good": "true", "mhi5": "84", "mhi5_low": "false", "ls_satisfied": "true", "djg_total": "1",
        "djg_emotional": "1", "djg_social": "0", "djg_category": "not_lonely", "kans": "true",
        "wlb_imbalance": "false",
    }


def test_scores_equal_the_json_scores() -> None:
    c = checkin(2026, 48, gh=4, ls=6, wlb=3, djg_2=3, djg_3=2, djg_5=2, djg_1=1)
    (row,) = rows(export_csv([c]))
    expected = {k: json.dumps(v).strip('"') for k, v in c.scores.as_dict().items()}
    assert {k: row[k] for k in SCORE_IDS} == expected
    assert row["mhi5_low"] == "false" and row["djg_category"] == "strong" and row["gh_good"] == "false"


def test_absent_values_are_empty_cells() -> None:
    (row,) = rows(export_csv([checkin(2026, 10, NO_KANS, hours_worked=None)]))
    assert row["kans_any"] == "2"
    assert row["kans_regions"] == row["kans_severity"] == row["kans_work"] == ""
    assert row["hours_worked"] == row["note"] == ""
    assert row["kans"] == "false"


def test_regions_joined_with_bar_sorted() -> None:
    (row,) = rows(export_csv([checkin(2026, 10, kans_regions=["wrists_hands", "neck", "arms_elbows"])]))
    assert row["kans_regions"] == "arms_elbows|neck|wrists_hands"


@pytest.mark.parametrize(("hours", "cell"),
                         [(36, "36"), (36.5, "36.5"), (0, "0"), (80.0, "80.0"), (7.25, "7.25")])
def test_hours(hours: float, cell: str) -> None:
    (row,) = rows(export_csv([checkin(2026, 10, hours_worked=hours)]))
    assert row["hours_worked"] == cell


@pytest.mark.parametrize(("note", "cell"), [
    ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
    ("+31 6 1234", "'+31 6 1234"),
    ("-moe", "'-moe"),
    ("@home", "'@home"),
    ("'=already", "'=already"),
    ("a=b", "a=b"),
    (" =x", " =x"),
    ("gewoon", "gewoon"),
    ("2026-W10", "2026-W10"),
])
def test_formula_injection(note: str, cell: str) -> None:
    (row,) = rows(export_csv([checkin(2026, 10, note=note)]))
    assert row["note"] == cell


def test_quoting_of_commas_quotes_and_newlines() -> None:
    note = 'Zwaar, "echt"\nregel 2\r\nregel 3 — €🙂'
    text = export_csv([checkin(2026, 10, note=note)])
    assert ',"Zwaar, ""echt""\nregel 2\r\nregel 3 — €🙂",' in text
    (row,) = rows(text)
    assert row["note"] == note


def test_only_cells_that_need_it_are_quoted() -> None:
    text = export_csv([checkin(2026, 10, note="plain")])
    assert '"' not in text


@settings(max_examples=100)
@given(st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
               min_size=1, max_size=300))
def test_any_note_survives_a_csv_reader(note: str) -> None:
    (row,) = rows(export_csv([checkin(2026, 10, note=note)]))
    expected = "'" + note if note[0] in "=+-@" else note
    assert row["note"] == expected
    assert len(row) == len(COLUMNS)
