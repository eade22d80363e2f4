"""`vitaalthuis summary`: the week's result per dimension and the window's comparisons, as text and as JSON
that follows docs/summary.schema.json; exit 1 for a week without a check-in, 2 for a bad or future week."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import jsonschema
import pytest

from tests.helpers import answers
from vitaalthuis import cli
from vitaalthuis.config.settings import SettingsStore
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import DB_FILE, Database

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "summary.schema.json").read_text())
NOW = IsoWeek.current(dt.date.today())
STRONG = {"djg_1": 1, "djg_4": 1, "djg_6": 2, "djg_2": 3, "djg_3": 2}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(list(argv), out=out, err=err)
    assert status is not None
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    db = Database.open(folder)
    repo = CheckinRepository(db.sessions)
    for back, ls in ((4, 8), (3, 8), (2, 7)):
        repo.save(CheckIn(NOW.shifted(-back), answers(ls=ls)))
    repo.save(CheckIn(NOW.shifted(-1), answers(ls=6, **STRONG)))
    db.close()
    return folder


def summary_json(folder: Path, *extra: str) -> dict:
    status, out, err = run("--data-dir", str(folder), "summary", "--format", "json", *extra)
    assert status == 0, err
    document = json.loads(out)
    jsonschema.validate(document, SCHEMA)
    return document


def test_json_follows_the_schema_and_describes_the_latest_checkin(data: Path) -> None:
    document = summary_json(data)
    assert document["week"] == str(NOW.shifted(-1))
    by_id = {d["id"]: d for d in document["dimensions"]}
    assert list(by_id) == ["gh", "mhi5", "ls", "djg", "kans", "wlb"]
    assert by_id["ls"]["score"] == 6 and by_id["ls"]["category"] == "not_satisfied"
    assert by_id["ls"]["change"] == "lower"  # 6 against a mean of 8 (7.67 rounded) over three check-ins
    djg = by_id["djg"]
    assert (djg["score"], djg["category"], djg["change"]) == (5, "strong", "higher")
    assert by_id["gh"]["score"] is None and by_id["gh"]["change"] is None
    home, everyone = by_id["djg"]["figures"]
    assert home == {"value": 14, "unit": "%", "period": "2020-11", "year": 2020, "group": "home_workers",
                    "source": "TNO, NEA-COVID november 2020 (Kamerbrief 3 februari 2021)",
                    "comparability": "similar", "derived": False}
    assert everyone["group"] == "population" and everyone["year"] == 2024
    ls_home = by_id["ls"]["figures"][0]
    assert (ls_home["value"], ls_home["derived"], ls_home["comparability"]) == (25, True, "context")


def test_an_earlier_week_and_too_few_checkins_for_a_change(data: Path) -> None:
    document = summary_json(data, "--week", str(NOW.shifted(-3)))
    assert all(d["change"] is None for d in document["dimensions"])


def test_national_figures_switched_off_gives_empty_lists(data: Path) -> None:
    store = SettingsStore()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(json.dumps({"version": 1, "show_national_figures": False}))
    document = summary_json(data)
    assert all(d["figures"] == [] for d in document["dimensions"])


def test_text_shows_the_same_lines_as_the_window(data: Path) -> None:
    status, out, _ = run("--data-dir", str(data), "summary")
    assert status == 0
    assert "Thuiswerkers, november 2020: 14% sterk eenzaam (TNO)" in out
    assert "Iedereen van 18 jaar en ouder, 2021: 16% gaf een 6 of lager (CBS) · afgeleid" in out
    assert "Dit is geen diagnose." in out


def test_exit_status(data: Path, tmp_path: Path) -> None:
    status, out, err = run("--data-dir", str(data), "summary", "--week", str(NOW))
    assert (status, out) == (1, "") and str(NOW) in err
    assert run("--data-dir", str(data), "summary", "--week", str(NOW.shifted(1)))[0] == 2
    assert run("--data-dir", str(data), "summary", "--week", "2026-49")[0] == 2
    assert run("--data-dir", str(data), "summary", "--week", "2026-W54")[0] == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    status, _, err = run("--data-dir", str(empty), "summary")
    assert status == 1 and list(empty.iterdir()) == []  # reads only: nothing is created
    assert DB_FILE not in err
