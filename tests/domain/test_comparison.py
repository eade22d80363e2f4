"""Which national figures a card shows: the share in the user's own category, home workers first, never an
undated or old figure first, complements marked as derived."""

from __future__ import annotations

import dataclasses

import pytest

from vitaalthuis.domain.benchmarks import BenchmarkSet, load_benchmarks
from vitaalthuis.domain.comparison import (
    EVERYONE,
    HOME_WORKERS,
    MAX_AGE_YEARS,
    OWN_KEYS,
    complement_key,
    dimension_figures,
    figure_lines,
)

BENCH = load_benchmarks()


def shown(dimension: str, category: str, bench: BenchmarkSet = BENCH) -> list[tuple[str, str, float, bool]]:
    return [(line.role, line.figure.id, line.value, line.derived)
            for line in figure_lines(bench, dimension, category)]


@pytest.mark.parametrize(
    ("dimension", "category", "expected"),
    [
        ("gh", "good", [(EVERYONE, "cbs_2022_health_good", 77.2, False)]),
        ("gh", "less_good", [(EVERYONE, "cbs_2022_health_good", 22.8, True)]),
        ("mhi5", "low", [(EVERYONE, "cbs_2023_mhi5_low", 13.7, False)]),
        ("mhi5", "not_low", [(EVERYONE, "cbs_2023_mhi5_low", 86.3, True)]),
        ("ls", "satisfied", [(HOME_WORKERS, "tno_2020_11_home_life_satisfied", 75, False),
                             (EVERYONE, "cbs_2021_life_satisfied", 83.6, False)]),
        ("ls", "not_satisfied", [(HOME_WORKERS, "tno_2020_11_home_life_satisfied", 25, True),
                                 (EVERYONE, "cbs_2021_life_satisfied", 16.4, True)]),
        ("djg", "strong", [(HOME_WORKERS, "tno_2020_11_home_lonely_strong", 14, False),
                           (EVERYONE, "cbs_2024_lonely_strong", 10, False)]),
        ("djg", "moderate", [(EVERYONE, "cbs_2024_lonely_moderate", 30, False)]),
        ("djg", "not_lonely", [(EVERYONE, "cbs_2024_lonely_not", 61, False)]),
        ("kans", "complaints", [(HOME_WORKERS, "tno_2020_11_home_kans", 38, False)]),
        ("kans", "no_complaints", [(HOME_WORKERS, "tno_2020_11_home_kans", 62, True)]),
        ("wlb", "imbalance", [(HOME_WORKERS, "tno_2020_11_home_wlb_imbalance", 9, False),
                              (EVERYONE, "nea_2020_wlb_imbalance", 7.6, False)]),
        ("wlb", "balance", [(HOME_WORKERS, "tno_2020_11_home_wlb_imbalance", 91, True),
                            (EVERYONE, "nea_2020_wlb_imbalance", 92.4, True)]),
    ],
)
def test_the_lines_each_card_shows(dimension: str, category: str,
                                   expected: list[tuple[str, str, float, bool]]) -> None:
    assert shown(dimension, category) == expected


def test_every_category_is_covered() -> None:
    assert {(d, c) for d, c in OWN_KEYS} == {
        (d, c)
        for d, cs in {"gh": ("good", "less_good"), "mhi5": ("low", "not_low"),
                             "ls": ("satisfied", "not_satisfied"),
                             "djg": ("not_lonely", "moderate", "strong"),
                             "kans": ("complaints", "no_complaints"), "wlb": ("imbalance", "balance")}.items()
        for c in cs}


def test_the_happy_majority_is_never_shown_to_someone_outside_it() -> None:
    """A line's share counts the user's own category: the complement is used, not the majority's share."""
    for (dimension, category) in OWN_KEYS:
        for line in figure_lines(BENCH, dimension, category):
            counted = line.figure.score
            if line.derived:
                assert complement_key(counted) in OWN_KEYS[(dimension, category)]
            else:
                assert counted in OWN_KEYS[(dimension, category)]


def test_no_line_is_older_than_ten_years_or_undated() -> None:
    dataset_year = int(BENCH.dataset_date[:4])
    for (dimension, category) in OWN_KEYS:
        for line in figure_lines(BENCH, dimension, category):
            assert dataset_year - line.figure.year <= MAX_AGE_YEARS
            assert line.figure.period != "n.d."


def test_old_figures_stay_behind_the_source_button() -> None:
    """Arm, neck and shoulders: the 2000 and 2002 TNO figures are older than ten years."""
    assert "tno_2002_kans_work_related" in {f.id for f in dimension_figures(BENCH, "kans")}
    assert all(line.figure.year >= 2016 for line in figure_lines(BENCH, "kans", "complaints"))


def test_a_newer_figure_wins_among_equally_comparable_ones() -> None:
    newer = dataclasses.replace(BENCH.figure("cbs_2023_mhi5_low"), id="cbs_2025_mhi5_low", period="2025",
                                value=12.0)
    bench = dataclasses.replace(BENCH, figures=(*BENCH.figures, newer))
    assert shown("mhi5", "low", bench) == [(EVERYONE, "cbs_2025_mhi5_low", 12.0, False)]


def test_a_figure_ages_out_with_the_dataset_date() -> None:
    later = dataclasses.replace(BENCH, dataset_date="2031-01-01")  # the TNO November 2020 figures are 11
    assert [role for role, *_ in shown("djg", "strong", later)] == [EVERYONE]


def test_no_dataset_no_lines() -> None:
    assert figure_lines(None, "djg", "strong") == []


@pytest.mark.parametrize(("key", "other"), [("gh_good", "gh_good=false"), ("gh_good=true", "gh_good=false"),
                                            ("mhi5_low=false", "mhi5_low"), ("djg_category=strong", None)])
def test_complement_keys(key: str, other: str | None) -> None:
    assert complement_key(key) == other
