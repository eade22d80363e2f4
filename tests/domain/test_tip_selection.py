"""Tip selection after a check-in and the tip of the week."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

import pytest

from tests.helpers import FINE_SCORES
from vitaalthuis.domain.tip_selection import (
    AREA_CONDITIONS,
    select_tips,
    shown_recently,
    tip_of_the_week,
    weak_areas,
)
from vitaalthuis.domain.tips import Source, Text, Tip, TipLibrary, load_tips
from vitaalthuis.domain.weeks import IsoWeek

WEEK = IsoWeek(2026, 20)

FINE_ANSWERS = {"gh": 2, "kans_any": 2, "wlb": 2}
ALL_WEAK_SCORES = {
    **FINE_SCORES,
    "gh_good": False,
    "mhi5": 40,
    "mhi5_low": True,
    "djg_total": 5,
    "djg_category": "strong",
    "kans": True,
    "wlb_imbalance": True,
}
ALL_WEAK_ANSWERS = {**FINE_ANSWERS, "gh": 4, "kans_any": 1, "kans_severity": 3, "wlb": 3}


def make_tip(tip_id: str, condition: str, theme: str = "screen_time") -> Tip:
    return Tip(tip_id, theme, condition, Text(f"t {tip_id}", f"t {tip_id}"), Text("b", "b"), "S1")


def make_library(counts: dict[str, int]) -> TipLibrary:
    tips = []
    for condition, n in counts.items():
        for i in range(n):
            theme = ("workplace_posture", "breaks_movement")[i % 2] if condition == "kans" else "screen_time"
            tips.append(make_tip(f"{condition}_{i}", condition, theme))
    return TipLibrary(tuple(tips), {"S1": Source("S1", "t", "p", None, "https://x.nl")})


SYNTHETIC = make_library({c: 8 for c in (*AREA_CONDITIONS.values(), "general")} | {"general": 25})
SHIPPED = load_tips()


def scored(**changes) -> tuple[dict, dict]:
    scores, answers = dict(FINE_SCORES), dict(FINE_ANSWERS)
    for key, value in changes.items():
        (answers if key == "gh" else scores)[key] = value
    return scores, answers


def conditions(tips: list[Tip]) -> list[str]:
    return [tip.condition for tip in tips]


# --- each rule fires exactly when it should -----------------------------------------------------------------

RULE_TABLE = [
    ({}, []),
    ({"mhi5": 59}, ["mental_health"]),
    ({"mhi5": 60}, []),
    ({"mhi5": 0}, ["mental_health"]),
    ({"gh": 2}, []),
    ({"gh": 1}, []),
    ({"gh": 3}, ["health"]),
    ({"gh": 5}, ["health"]),
    ({"djg_category": "not_lonely"}, []),
    ({"djg_category": "moderate"}, ["loneliness"]),
    ({"djg_category": "strong"}, ["loneliness"]),
    ({"kans": True}, ["kans"]),
    ({"kans": False}, []),
    ({"wlb_imbalance": True}, ["work_private"]),
    ({"wlb_imbalance": False}, []),
]


@pytest.mark.parametrize(("changes", "expected"), RULE_TABLE)
def test_weak_areas_table(changes, expected):
    assert weak_areas(*scored(**changes)) == expected


@pytest.mark.parametrize(("changes", "expected"), RULE_TABLE)
def test_selected_tips_follow_the_rules(changes, expected):
    tips = select_tips(SYNTHETIC, WEEK, *scored(**changes), {}, {})
    if expected:
        assert conditions(tips) == [AREA_CONDITIONS[area] for area in expected]
    else:
        assert conditions(tips) == ["general"] * 3


def test_health_falls_back_on_gh_good_without_the_answer():
    assert weak_areas({**FINE_SCORES, "gh_good": False}, {}) == ["health"]
    assert weak_areas({**FINE_SCORES, "gh_good": True}, {}) == []


def test_shipped_library_matches_areas_to_themes():
    cases = {
        "mental_health": ({"mhi5": 50}, {"stress_mental_health"}),
        "loneliness": ({"djg_category": "moderate"}, {"social_contact"}),
        "kans": ({"kans": True}, {"workplace_posture", "breaks_movement"}),
        "work_private": ({"wlb_imbalance": True}, {"structure_boundaries"}),
        "health": ({"gh": 3}, {"breaks_movement"}),
    }
    for changes, themes in cases.values():
        tips = select_tips(SHIPPED, WEEK, *scored(**changes), {}, {})
        assert len(tips) == 1 and tips[0].theme in themes


# --- priority -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            dict(mhi5=40, djg_category="strong", kans=True, wlb_imbalance=True, gh=4),
            ["mhi5_low", "lonely", "kans"],
        ),
        (
            dict(djg_category="moderate", kans=True, wlb_imbalance=True, gh=3),
            ["lonely", "kans", "wlb_imbalance"],
        ),
        (dict(mhi5=40, kans=True, wlb_imbalance=True, gh=3), ["mhi5_low", "kans", "wlb_imbalance"]),
        (dict(kans=True, wlb_imbalance=True, gh=3), ["kans", "wlb_imbalance", "health_fair_or_worse"]),
        (dict(mhi5=40, wlb_imbalance=True, gh=3), ["mhi5_low", "wlb_imbalance", "health_fair_or_worse"]),
        (dict(wlb_imbalance=True, gh=3), ["wlb_imbalance", "health_fair_or_worse"]),
        (dict(gh=3, mhi5=59), ["mhi5_low", "health_fair_or_worse"]),
    ],
)
def test_priority_when_more_areas_qualify_than_places(changes, expected):
    assert conditions(select_tips(SYNTHETIC, WEEK, *scored(**changes), {}, {})) == expected


def test_limit_and_tip_of_the_week_take_the_most_pressing_area():
    assert conditions(select_tips(SYNTHETIC, WEEK, ALL_WEAK_SCORES, ALL_WEAK_ANSWERS, {}, {}, limit=1)) == [
        "mhi5_low"
    ]
    tip = tip_of_the_week(SYNTHETIC, WEEK, {}, {}, scores=ALL_WEAK_SCORES, answers=ALL_WEAK_ANSWERS)
    assert tip is not None and tip.condition == "mhi5_low"
    assert select_tips(SYNTHETIC, WEEK, ALL_WEAK_SCORES, ALL_WEAK_ANSWERS, {}, {}, limit=0) == []
    with pytest.raises(ValueError):
        select_tips(SYNTHETIC, WEEK, ALL_WEAK_SCORES, ALL_WEAK_ANSWERS, {}, {}, limit=-1)


def test_an_exhausted_area_gives_its_place_to_the_next():
    not_for_me = {tip.id: "not_for_me" for tip in SYNTHETIC.with_condition("mhi5_low")}
    tips = select_tips(SYNTHETIC, WEEK, ALL_WEAK_SCORES, ALL_WEAK_ANSWERS, {}, not_for_me)
    assert conditions(tips) == ["lonely", "kans", "wlb_imbalance"]


def test_general_rotation_when_weak_areas_have_nothing_left():
    not_for_me = {tip.id: "not_for_me" for tip in SYNTHETIC.with_condition("mhi5_low")}
    tips = select_tips(SYNTHETIC, WEEK, *scored(mhi5=30), {}, not_for_me)
    assert conditions(tips) == ["general"] * 3


# --- no repeats within six ISO weeks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("this_week", "shown", "excluded"),
    [
        (IsoWeek(2026, 20), IsoWeek(2026, 20), False),  # this week itself: recomputing gives the same tips
        (IsoWeek(2026, 20), IsoWeek(2026, 19), True),
        (IsoWeek(2026, 20), IsoWeek(2026, 14), True),  # six weeks before
        (IsoWeek(2026, 20), IsoWeek(2026, 13), False),  # seven weeks before
        (IsoWeek(2026, 20), IsoWeek(2026, 21), False),  # later week (a past week filled in late)
        (IsoWeek(2027, 5), IsoWeek(2026, 52), True),  # 2026 has W53: W52 is six ISO weeks before 2027-W05
        (IsoWeek(2027, 5), IsoWeek(2026, 51), False),  # seven ISO weeks before
        (IsoWeek(2027, 2), IsoWeek(2026, 53), True),
        (IsoWeek(2027, 2), IsoWeek(2026, 49), True),
        (IsoWeek(2027, 2), IsoWeek(2026, 48), False),
        (IsoWeek(2026, 3), IsoWeek(2025, 49), True),  # 2025 has 52 weeks
        (IsoWeek(2026, 3), IsoWeek(2025, 48), False),
    ],
)
def test_shown_recently_counts_iso_weeks(this_week, shown, excluded):
    assert shown_recently("tip", this_week, {"tip": [shown]}) is excluded
    library = make_library({"mhi5_low": 1, "general": 3})
    tips = select_tips(library, this_week, *scored(mhi5=50), {"mhi5_low_0": [shown]}, {})
    assert ("mhi5_low_0" in [t.id for t in tips]) is not excluded


def test_year_boundary_counts_week_53():
    assert IsoWeek(2026, 52).shifted(6) == IsoWeek(2027, 5)
    assert IsoWeek(2026, 51).shifted(7) == IsoWeek(2027, 5)


def simulate(library, first: IsoWeek, weeks: int, scores, answers, feedback=None):
    history: dict[str, list[IsoWeek]] = defaultdict(list)
    shown_per_week = []
    for i in range(weeks):
        week = first.shifted(i)
        tips = select_tips(library, week, scores, answers, history, feedback or {})
        for tip in tips:
            history[tip.id].append(week)
        shown_per_week.append((week, tips))
    return history, shown_per_week


def assert_no_repeat_within_six_weeks(history):
    for tip_id, weeks in history.items():
        for a, b in pairwise(weeks):
            assert b.weeks_since(a) >= 7, (tip_id, str(a), str(b))


@pytest.mark.parametrize("first", [IsoWeek(2026, 40), IsoWeek(2020, 48)])  # 2020 and 2026 have a W53
def test_general_rotation_over_many_weeks(first):
    history, per_week = simulate(SHIPPED, first, 40, FINE_SCORES, FINE_ANSWERS)
    assert all(len(tips) == 3 and conditions(tips) == ["general"] * 3 for _, tips in per_week)
    assert_no_repeat_within_six_weeks(history)
    assert set(history) == {t.id for t in SHIPPED.with_condition("general")}  # every general tip comes round


def test_lasting_weak_areas_keep_getting_fresh_tips():
    history, per_week = simulate(SHIPPED, IsoWeek(2026, 45), 30, ALL_WEAK_SCORES, ALL_WEAK_ANSWERS)
    assert all(conditions(tips) == ["mhi5_low", "lonely", "kans"] for _, tips in per_week)
    assert_no_repeat_within_six_weeks(history)


def test_kans_alternates_posture_and_breaks():
    _, per_week = simulate(SYNTHETIC, WEEK, 6, *scored(kans=True))
    themes = [tips[0].theme for _, tips in per_week]
    assert all(a != b for a, b in pairwise(themes)), themes


def test_recomputing_the_same_week_gives_the_same_tips():
    scores, answers = scored(mhi5=50, kans=True)
    first = select_tips(SHIPPED, WEEK, scores, answers, {}, {})
    history = {tip.id: [WEEK] for tip in first}
    assert select_tips(SHIPPED, WEEK, scores, answers, history, {}) == first


# --- feedback -----------------------------------------------------------------------------------------------


def test_not_for_me_never_returns():
    library = make_library({"mhi5_low": 2, "general": 25})
    feedback = {"mhi5_low_0": "not_for_me", "general_3": "not_for_me", "general_4": "helpful"}
    for scores, answers in (scored(mhi5=20), (FINE_SCORES, FINE_ANSWERS)):
        history, _ = simulate(library, IsoWeek(2026, 1), 60, scores, answers, feedback)
        assert "mhi5_low_0" not in history and "general_3" not in history
    assert "general_4" in history  # "helpful" does not exclude
    for i in range(60):
        tip = tip_of_the_week(library, IsoWeek(2026, 1).shifted(i), {}, feedback)
        assert tip is not None and tip.id != "general_3"


def test_only_not_for_me_tips_left_gives_nothing():
    library = make_library({"general": 2})
    feedback = {"general_0": "not_for_me", "general_1": "not_for_me"}
    assert select_tips(library, WEEK, FINE_SCORES, FINE_ANSWERS, {}, feedback) == []
    assert tip_of_the_week(library, WEEK, {}, feedback) is None


def test_unknown_feedback_is_an_error():
    with pytest.raises(ValueError):
        select_tips(SYNTHETIC, WEEK, FINE_SCORES, FINE_ANSWERS, {}, {"general_0": "meh"})


# --- determinism and the general rotation -------------------------------------------------------------------


def test_general_rotation_is_deterministic_and_moves_each_week():
    a = select_tips(SHIPPED, WEEK, FINE_SCORES, FINE_ANSWERS, {}, {})
    b = select_tips(SHIPPED, WEEK, FINE_SCORES, FINE_ANSWERS, {}, {})
    c = select_tips(SHIPPED, WEEK.shifted(1), FINE_SCORES, FINE_ANSWERS, {}, {})
    assert a == b
    assert not {t.id for t in a} & {t.id for t in c}


def test_tip_of_the_week_without_check_in_is_the_first_general_tip():
    for i in range(10):
        week = WEEK.shifted(i)
        expected = select_tips(SHIPPED, week, FINE_SCORES, FINE_ANSWERS, {}, {})[0]
        assert tip_of_the_week(SHIPPED, week, {}, {}) == expected
        assert tip_of_the_week(SHIPPED, week, {}, {}, scores=FINE_SCORES, answers=FINE_ANSWERS) == expected


def test_the_tip_shown_longest_ago_comes_first():
    library = make_library({"mhi5_low": 2, "general": 3})
    # mhi5_low_0 was last shown 8 weeks ago (also 20 weeks ago), mhi5_low_1 10 weeks ago
    history = {"mhi5_low_0": [WEEK.shifted(-20), WEEK.shifted(-8)], "mhi5_low_1": [WEEK.shifted(-10)]}
    for week in (WEEK, WEEK.shifted(1)):  # whatever the rotation
        shifted = {k: [w.shifted(week.weeks_since(WEEK)) for w in v] for k, v in history.items()}
        assert [t.id for t in select_tips(library, week, *scored(mhi5=50), shifted, {})] == ["mhi5_low_1"]
    never = select_tips(library, WEEK, *scored(mhi5=50), {"mhi5_low_1": [WEEK.shifted(-30)]}, {})
    assert [t.id for t in never] == ["mhi5_low_0"]  # never shown beats shown long ago
