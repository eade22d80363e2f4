"""Tips in the window (this week's, feedback, library search) and the calm help prompt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.helpers import answers
from tests.ui.conftest import TODAY
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage.tips import TipStateRepository

W = IsoWeek.current(TODAY)
LOW_MHI5 = {"mhi5_1": 1, "mhi5_2": 1, "mhi5_4": 1}  # 32
STRONG = {"djg_1": 1, "djg_4": 1, "djg_6": 2, "djg_2": 3, "djg_3": 2}
KANS = {"kans_any": 1, "kans_regions": ["neck"], "kans_work": 1}


@pytest.mark.parametrize(
    ("this_week", "earlier", "shown"),
    [
        ({}, {}, False),
        (LOW_MHI5, {}, True),
        (STRONG, {}, True),
        ({**KANS, "kans_severity": 7}, {}, True),
        ({**KANS, "kans_severity": 6}, {}, False),
        ({"wlb": 3}, {1: {"wlb": 3}, 2: {"wlb": 4}}, True),
        ({"wlb": 3}, {1: {"wlb": 3}, 3: {"wlb": 4}}, False),  # a gap week: not three running
        # MHI-5 drop: best of the 4 weeks before is 84; this week 64 (20 lower, not below 60)
        ({"mhi5_1": 3, "mhi5_3": 3, "mhi5_4": 4, "mhi5_5": 3}, {2: {}}, True),
        ({"mhi5_1": 3, "mhi5_3": 3, "mhi5_5": 3}, {2: {}}, False),  # 68: 16 lower
    ],
)
def test_help_prompt_appears_exactly_when_a_rule_fires(qtbot, make_window, repo, this_week, earlier,
                                                       shown) -> None:
    for back, changes in earlier.items():
        repo.save(CheckIn(W.shifted(-back), answers(**changes)))
    repo.save(CheckIn(W, answers(**this_week)))
    window = make_window()
    assert window.home.help_banner.isVisible() is shown
    if shown:
        qtbot.mouseClick(window.home.help_button, Qt.MouseButton.LeftButton)
        assert window.home.tabs.currentWidget() is window.home.help_view


def test_help_page_lists_the_contacts(qtbot, make_window) -> None:
    window = make_window()
    window.show_help()
    assert window.home.tabs.currentWidget() is window.home.help_view
    labels = window.home.help_view.findChildren(type(window.home.week_label))
    text = " ".join(label.text() for label in labels)
    for expected in ("088 0767 000", "113 of 0800-0113", "113.nl", "112", "bedrijfsarts", "huisarts",
                     "vertrouwenspersoon"):
        assert expected in text


def test_note_field_points_to_113_and_the_help_page(qtbot, make_window) -> None:
    window = make_window()
    window.open_week(W)
    texts = [label.text() for label in window.checkin.pages[6].findChildren(type(window.home.week_label))]
    assert any("113" in t and "hulppagina" in t for t in texts)


def test_this_weeks_tips_match_the_weak_areas_and_feedback_is_stored(qtbot, make_window, repo) -> None:
    repo.save(CheckIn(W, answers(**LOW_MHI5, **STRONG, **KANS, kans_severity=3)))
    window = make_window()
    assert window.home.tips_view.week_cards == []  # built when the tab is first shown
    window.home.tabs.setCurrentWidget(window.home.tips_view)
    cards = window.home.tips_view.week_cards
    assert [c.tip.condition for c in cards] == ["mhi5_low", "lonely", "kans"]  # the fixed priority
    shown = TipStateRepository(repo.sessions).shown_history()
    assert all(W in shown[c.tip.id] for c in cards)
    first = cards[1].tip.id
    qtbot.mouseClick(cards[1].not_for_me_button, Qt.MouseButton.LeftButton)
    assert TipStateRepository(repo.sessions).feedback() == {first: "not_for_me"}
    assert not cards[1].not_for_me_button.isEnabled()
    # the tip of the week on the overview is the first of this week's tips
    assert window.home.dashboard.tip_card is not None and window.home.dashboard.tip_card.tip == cards[0].tip
    # next week (same answers) the "not for me" tip is gone
    repo.save(CheckIn(W.shifted(-1), answers()))
    tips = window.tips.tips_for(CheckIn(W, answers(**LOW_MHI5, **STRONG, **KANS, kans_severity=3)),
                                remember=False)
    assert first not in [t.id for t in tips]


def test_general_tip_of_the_week_without_a_checkin(qtbot, make_window) -> None:
    window = make_window()
    window.home.tabs.setCurrentWidget(window.home.tips_view)
    assert window.home.tips_view.week_cards == []
    assert window.home.tips_view.week_empty.isVisible()
    assert window.home.dashboard.tip_card is not None
    assert window.home.dashboard.tip_card.tip.condition == "general"


def test_library_search_and_theme_filter(qtbot, make_window) -> None:
    window = make_window()
    view = window.home.tips_view
    window.home.tabs.setCurrentWidget(view)
    total = view.list.count()
    assert total == len(window.tips.library) >= 40
    view.theme_combo.setCurrentIndex(view.theme_combo.findData("social_contact"))
    assert 0 < view.list.count() < total
    library = window.tips.library
    assert all(library.get(view.list.item(i).data(Qt.ItemDataRole.UserRole)).theme == "social_contact"
               for i in range(view.list.count()))
    view.theme_combo.setCurrentIndex(0)
    qtbot.keyClicks(view.search, "bedrijfsarts")
    assert 0 < view.list.count() < total
    assert view.detail_card is not None and "bedrijfsarts" in (
        view.detail_card.tip.title.nl + view.detail_card.tip.body.nl).lower()
    view.search.setText("zzzz-geen-tip")
    assert view.list.count() == 0 and view.detail_card is None
    assert view.count_label.text() == f"0 van {total} tips"
