"""Synthetic demo data: the generator, the fill-an-empty-folder use case and the command."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import statistics
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import answers
from vitaalthuis import cli
from vitaalthuis.domain.answers import check_answers, finished
from vitaalthuis.domain.checkin import CheckIn, Draft
from vitaalthuis.domain.instruments import ITEMS, KANS_REGIONS
from vitaalthuis.domain.weeks import IsoWeek, week_range
from vitaalthuis.services import demo
from vitaalthuis.services.demo import DemoDataRefusedError, fill_demo_data, generate, is_demo
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import Database

TODAY = dt.date(2026, 5, 13)
LAST = IsoWeek.current(TODAY)
SEEDS = (2021, 1, 2, 3, 42)


@pytest.fixture(scope="module")
def long_runs() -> dict[int, list[CheckIn]]:
    return {seed: generate(1040, last=LAST, seed=seed) for seed in SEEDS}


@pytest.fixture
def repo(data_dir: Path) -> Iterator[CheckinRepository]:
    db = Database.open(data_dir)
    yield CheckinRepository(db.sessions)
    db.close()


# -- the generator ------------------------------------------------------------------------------------------
def test_same_seed_same_data_other_seed_other_data() -> None:
    first = generate(520, last=LAST, seed=7)
    assert first == generate(520, last=LAST, seed=7)
    assert [c.answers for c in first] == [c.answers for c in generate(520, last=LAST, seed=7)]
    assert first != generate(520, last=LAST, seed=8)


def test_covers_exactly_the_weeks_ending_at_last() -> None:
    checkins = generate(104, last=LAST)
    weeks = [c.week for c in checkins]
    assert weeks == sorted(set(weeks))
    assert weeks[0] == LAST.shifted(-103)
    assert weeks[-1] == LAST
    assert set(weeks) <= set(week_range(LAST.shifted(-103), LAST))
    assert [c.week for c in generate(1, last=LAST)] == [LAST]


@pytest.mark.parametrize("weeks", [0, -1, demo.MAX_WEEKS + 1])
def test_rejects_a_bad_number_of_weeks(weeks: int) -> None:
    with pytest.raises(ValueError, match="weeks"):
        generate(weeks, last=LAST)


def test_rejects_weeks_before_2000() -> None:
    with pytest.raises(ValueError, match="2000"):
        generate(10, last=IsoWeek(2000, 5))
    assert generate(5, last=IsoWeek(2000, 5))[0].week == IsoWeek(2000, 1)


def test_every_check_in_is_valid_over_long_runs(long_runs: dict[int, list[CheckIn]]) -> None:
    for seed, checkins in long_runs.items():
        assert checkins, seed
        for checkin in checkins:
            a = checkin.answers
            assert check_answers(a, final=True) == [], (seed, checkin.week)
            assert finished(a) == a, (seed, checkin.week)
            assert set(a) <= set(ITEMS)
            # the week exists, is 2000 or later and is not in the future
            assert IsoWeek.parse(str(checkin.week), today=TODAY) == checkin.week
            assert a["days_home"] + a["days_location"] <= 7
            if a["kans_any"] == 1:
                assert 1 <= a["kans_severity"] <= 8
                regions = a["kans_regions"]
                assert regions == sorted(set(regions)) and set(regions) <= set(KANS_REGIONS)
            else:
                assert not {"kans_regions", "kans_severity", "kans_work"} & set(a)
            if "hours_worked" in a:
                assert 0 <= a["hours_worked"] <= 80 and (a["hours_worked"] * 2) % 1 == 0
            checkin.scores  # noqa: B018 - scoring must not raise


@pytest.mark.parametrize("weeks", [104, 520, 1040])
@pytest.mark.parametrize("seed", SEEDS)
def test_about_a_tenth_of_the_weeks_are_missing(weeks: int, seed: int) -> None:
    present = {c.week for c in generate(weeks, last=LAST, seed=seed)}
    assert 0.08 <= 1 - len(present) / weeks <= 0.12


def test_gaps_are_single_weeks_and_short_holidays(long_runs: dict[int, list[CheckIn]]) -> None:
    for seed, checkins in long_runs.items():
        gaps = Counter(b.week.weeks_since(a.week) - 1 for a, b in itertools.pairwise(checkins))
        del gaps[0]
        assert gaps[1] >= 40, (seed, gaps)  # many single missed weeks
        assert gaps[2] + gaps[3] >= 10, (seed, gaps)  # a holiday most years
        assert max(gaps) <= 3, (seed, gaps)


def test_every_category_of_every_dimension_occurs(long_runs: dict[int, list[CheckIn]]) -> None:
    for seed, checkins in long_runs.items():
        scores = [c.scores for c in checkins]
        assert {s.djg_category.value for s in scores} == {"not_lonely", "moderate", "strong"}, seed
        assert {s.mhi5_low for s in scores} == {True, False}, seed
        assert {s.ls_satisfied for s in scores} == {True, False}, seed
        assert {s.gh_good for s in scores} == {True, False}, seed
        assert {c.answers["kans_any"] for c in checkins} == {1, 2}, seed
        assert {c.answers["wlb"] for c in checkins} == {1, 2, 3, 4}, seed
        assert {c.answers["kans_work"] for c in checkins if "kans_work" in c.answers} == {1, 2, 3, 4}, seed


def test_weeks_follow_each_other_plausibly(long_runs: dict[int, list[CheckIn]]) -> None:
    for seed, checkins in long_runs.items():
        mhi5 = [c.scores.mhi5 for c in checkins]
        steps = [abs(b - a) for a, b in itertools.pairwise(mhi5)]
        assert statistics.correlation(mhi5[:-1], mhi5[1:]) > 0.4, seed  # a state, not independent draws
        assert 2 < statistics.mean(steps) < 15, seed  # but it does move
        assert 60 < statistics.mean(mhi5) < 85, seed
        ls = [c.answers["ls"] for c in checkins]
        assert statistics.correlation(mhi5, ls) > 0.4, seed  # dimensions move together


def test_winter_dip_and_kans_with_home_days(long_runs: dict[int, list[CheckIn]]) -> None:
    winter: list[int] = []
    summer: list[int] = []
    kans_by_home: dict[bool, list[bool]] = {True: [], False: []}
    for checkins in long_runs.values():
        for c in checkins:
            if c.week.week <= 8:
                winter.append(c.scores.mhi5)
            elif 22 <= c.week.week <= 36:
                summer.append(c.scores.mhi5)
            if c.answers["days_home"] >= 4 or c.answers["days_home"] <= 1:
                kans_by_home[c.answers["days_home"] >= 4].append(c.scores.kans)
    assert statistics.mean(winter) + 3 < statistics.mean(summer)
    assert statistics.mean(kans_by_home[True]) > statistics.mean(kans_by_home[False]) + 0.05


def test_some_weeks_have_a_short_note(long_runs: dict[int, list[CheckIn]]) -> None:
    for seed, checkins in long_runs.items():
        notes = [c.answers["note"] for c in checkins if "note" in c.answers]
        assert 0.05 < len(notes) / len(checkins) < 0.2, seed
        assert all(0 < len(n) <= 80 and n.endswith(".") for n in notes)


def test_hours_worked_is_mostly_given_as_it_is_optional(long_runs: dict[int, list[CheckIn]]) -> None:
    for seed, checkins in long_runs.items():
        share = sum("hours_worked" in c.answers for c in checkins) / len(checkins)
        assert 0.8 < share < 0.97, seed


# -- filling a data folder ----------------------------------------------------------------------------------
def test_fill_an_empty_database(repo: CheckinRepository) -> None:
    assert not is_demo(repo)
    added = fill_demo_data(repo, 104, today=TODAY)
    assert added == repo.count() == len(generate(104, last=LAST))
    assert repo.all() == generate(104, last=LAST)
    assert is_demo(repo)
    assert repo.meta(demo.META_DEMO) == "1"
    assert repo.meta(demo.META_DEMO_DATE) == "2026-05-13"


def _refused_unchanged(repo: CheckinRepository) -> None:
    before, drafts = repo.all(), repo.drafts()
    with pytest.raises(DemoDataRefusedError, match="already holds") as info:
        fill_demo_data(repo, 52, today=TODAY)
    assert isinstance(info.value, ValueError)
    assert repo.all() == before and repo.drafts() == drafts
    assert not is_demo(repo) and repo.meta(demo.META_DEMO_DATE) is None


def test_refuses_a_database_with_a_check_in(repo: CheckinRepository) -> None:
    repo.save(CheckIn(LAST.shifted(-3), answers()))
    _refused_unchanged(repo)
    assert [c.week for c in repo.all()] == [LAST.shifted(-3)]


def test_refuses_a_database_with_only_a_draft(repo: CheckinRepository) -> None:
    repo.save_draft(Draft(LAST, {"gh": 2}, page=1))
    _refused_unchanged(repo)
    assert repo.count() == 0 and len(repo.drafts()) == 1


def test_refuses_a_second_fill(repo: CheckinRepository) -> None:
    fill_demo_data(repo, 30, today=TODAY)
    before = repo.all()
    with pytest.raises(DemoDataRefusedError):
        fill_demo_data(repo, 30, today=TODAY)
    assert repo.all() == before and is_demo(repo)


def test_failed_save_leaves_no_data_and_no_flag(repo: CheckinRepository,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(repo, "save_many", broken)
    with pytest.raises(OSError, match="disk full"):
        fill_demo_data(repo, 30, today=TODAY)
    assert repo.count() == 0 and not is_demo(repo)


# -- the command line ---------------------------------------------------------------------------------------
def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(["--lang", "en", *argv], out=out, err=err)
    assert status is not None
    return status, out.getvalue(), err.getvalue()


def test_cli_fills_then_refuses(data_dir: Path) -> None:
    status, out, err = run("--data-dir", str(data_dir), "demo-data", "--weeks", "104")
    assert status == 0, err
    assert out == ""
    expected = generate(104, last=IsoWeek.current())
    assert f"Added {len(expected)} check-ins with made-up answers" in err

    status, exported, _ = run("--data-dir", str(data_dir), "export")
    assert status == 0
    checkins = json.loads(exported)["checkins"]
    assert len(checkins) == len(expected)
    assert 0.88 * 104 <= len(checkins) <= 0.92 * 104
    assert checkins[-1]["week"] == str(IsoWeek.current())

    status, out, err = run("--data-dir", str(data_dir), "demo-data", "--weeks", "104")
    assert status == 1
    assert err.startswith("Nothing was added.") and "already holds" in err and out == ""
    assert run("--data-dir", str(data_dir), "export")[1] == exported


@pytest.mark.parametrize("weeks", [["--weeks", "0"], ["--weeks", "x"], ["--weeks", "1041"], ["--weeks", "-3"],
                                   ["--weeks", "2.5"], []])
def test_cli_wrong_usage(data_dir: Path, weeks: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run("--data-dir", str(data_dir), "demo-data", *weeks)
    assert status == 2
    assert "--weeks" in capsys.readouterr().err and out == ""  # argparse writes usage errors to sys.stderr
    assert not data_dir.exists()  # nothing was opened or created


def test_cli_limit_matches_the_generator() -> None:
    assert cli.DEMO_MAX_WEEKS == demo.MAX_WEEKS
