"""Scoring per docs/instruments.md, with hand-computed cases at every cut-off."""

from __future__ import annotations

import pytest

from tests.helpers import SPEC_EXAMPLE, SPEC_EXAMPLE_SCORES, answers
from vitaalthuis.domain.scoring import SCORE_IDS, DjgCategory, score


def test_spec_example_gives_the_specified_scores() -> None:
    assert score(SPEC_EXAMPLE).as_dict() == SPEC_EXAMPLE_SCORES


def test_every_score_id_is_returned_in_spec_order() -> None:
    assert SCORE_IDS == (
        "gh_good", "mhi5", "mhi5_low", "ls_satisfied", "djg_total", "djg_emotional", "djg_social",
        "djg_category", "kans", "wlb_imbalance",
    )
    assert list(score(answers()).as_dict()) == list(SCORE_IDS)


# MHI-5: positive items (3, 5) score 6 - code, negative items (1, 2, 4) code - 1; total x 4.
@pytest.mark.parametrize(
    ("codes", "expected", "low"),
    [
        # all negative items "nooit" (5 points), positive "voortdurend" (5 points): 25 x 4
        ({"mhi5_1": 6, "mhi5_2": 6, "mhi5_3": 1, "mhi5_4": 6, "mhi5_5": 1}, 100, False),
        # the reverse: every item 0 points
        ({"mhi5_1": 1, "mhi5_2": 1, "mhi5_3": 6, "mhi5_4": 1, "mhi5_5": 6}, 0, True),
        # negatives "soms" (3 each = 9), positives "vaak" (3 each = 6): 15 x 4 = 60, not low
        ({"mhi5_1": 4, "mhi5_2": 4, "mhi5_3": 3, "mhi5_4": 4, "mhi5_5": 3}, 60, False),
        # one step worse on item 1 ("vaak" = 2 points): 14 x 4 = 56, low (< 60)
        ({"mhi5_1": 3, "mhi5_2": 4, "mhi5_3": 3, "mhi5_4": 4, "mhi5_5": 3}, 56, True),
        # one step worse on a positive item instead ("soms" = 2 points): also 56
        ({"mhi5_1": 4, "mhi5_2": 4, "mhi5_3": 4, "mhi5_4": 4, "mhi5_5": 3}, 56, True),
    ],
)
def test_mhi5(codes: dict[str, int], expected: int, low: bool) -> None:
    s = score(answers(**codes))
    assert (s.mhi5, s.mhi5_low) == (expected, low)


# De Jong Gierveld: negative items (1, 4, 6) count "ja"/"min of meer"; positive (2, 3, 5) "nee"/"min of meer".
NOBODY_LONELY = {"djg_1": 3, "djg_2": 1, "djg_3": 1, "djg_4": 3, "djg_5": 1, "djg_6": 3}


@pytest.mark.parametrize(
    ("changes", "total", "emotional", "social", "category"),
    [
        ({}, 0, 0, 0, DjgCategory.NOT_LONELY),
        ({"djg_1": 2}, 1, 1, 0, DjgCategory.NOT_LONELY),  # neutral answer counts as lonely
        ({"djg_1": 2, "djg_2": 2}, 2, 1, 1, DjgCategory.MODERATE),  # boundary 1/2
        ({"djg_1": 1, "djg_4": 1, "djg_2": 3, "djg_3": 2}, 4, 2, 2, DjgCategory.MODERATE),
        ({"djg_1": 1, "djg_4": 1, "djg_6": 2, "djg_2": 3, "djg_3": 2}, 5, 3, 2, DjgCategory.STRONG),  # 4/5
        ({"djg_1": 1, "djg_4": 2, "djg_6": 1, "djg_2": 3, "djg_3": 3, "djg_5": 2}, 6, 3, 3,
         DjgCategory.STRONG),
        # "ja" on a positive item and "nee" on a negative item never count
        ({"djg_2": 1, "djg_6": 3}, 0, 0, 0, DjgCategory.NOT_LONELY),
    ],
)
def test_djg(changes: dict[str, int], total: int, emotional: int, social: int, category: DjgCategory) -> None:
    s = score(answers(**{**NOBODY_LONELY, **changes}))
    assert (s.djg_total, s.djg_emotional, s.djg_social, s.djg_category) == (total, emotional, social,
                                                                             category)
    assert s.as_dict()["djg_category"] == category.value


@pytest.mark.parametrize(("mark", "satisfied"), [(1, False), (6, False), (7, True), (10, True)])
def test_life_satisfaction_cut_off(mark: int, satisfied: bool) -> None:
    assert score(answers(ls=mark)).ls_satisfied is satisfied


@pytest.mark.parametrize(("code", "good"), [(1, True), (2, True), (3, False), (4, False), (5, False)])
def test_general_health_cut_off(code: int, good: bool) -> None:
    assert score(answers(gh=code)).gh_good is good


@pytest.mark.parametrize(("code", "imbalance"), [(1, False), (2, False), (3, True), (4, True)])
def test_work_private_cut_off(code: int, imbalance: bool) -> None:
    assert score(answers(wlb=code)).wlb_imbalance is imbalance


def test_kans_is_the_yes_answer() -> None:
    assert score(answers(kans_any=2)).kans is False
    with_kans = answers(kans_any=1, kans_regions=["neck"], kans_severity=0, kans_work=4)
    assert score(with_kans).kans is True


def test_missing_required_answer_raises() -> None:
    with pytest.raises(KeyError):
        score(answers(mhi5_3=None))
