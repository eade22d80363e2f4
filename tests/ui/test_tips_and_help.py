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
DROP_64 = {"mhi5_1": 3, "mhi5_3": 3, "mhi5_4": 4, "mhi5_5": 3}  # 64 (the default answers give 84)
TO_TALK = ("iemand die je vertrouwt", "De Luisterlijn", "leven en dood", "113 bellen",
           "Waar je terechtkunt: De Luisterlijn (088 0767 000) · 113 Zelfmoordpreventie (113 of 0800-0113)")


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
        # MHI-5 drop: 64 against the own mean of 84 (20 lower, not below 60) ...
        (DROP_64, {1: {}, 3: {}, 8: {}}, True),  # ... over three earlier check-ins in the 8 weeks before
        (DROP_64, {2: {}}, False),  # 84 → 64 after one earlier week: too little to compare with
        (DROP_64, {1: {}, 2: {}, 9: {}}, False),  # nine weeks back is outside the eight
        ({"mhi5_1": 3}, {1: {}, 2: {}, 3: {}}, False),  # 76: exactly the band (8) lower, about the same
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


def shown_blocks(window) -> dict[str, str]:
    """The banner's visible blocks, reason → text, in the order they are laid out."""
    blocks = window.home.help_blocks
    layout = window.home.help_banner.layout().itemAt(0).layout()
    ordered = sorted(blocks, key=lambda reason: layout.indexOf(blocks[reason]))
    return {reason: blocks[reason].text() for reason in ordered if blocks[reason].isVisible()}


@pytest.mark.parametrize(
    ("this_week", "earlier", "reason", "words"),
    [
        (LOW_MHI5, {}, "mhi5_low", ("welbevinden is deze week laag (onder 60)", "als je wilt", *TO_TALK)),
        (DROP_64, {1: {}, 2: {}, 3: {}}, "mhi5_drop",
         ("meer dan 8 punten lager dan je eigen gemiddelde", *TO_TALK)),
        (STRONG, {}, "lonely_strong", ("in de categorie ‘sterk eenzaam’", *TO_TALK)),
        ({"wlb": 3}, {1: {"wlb": 4}, 2: {"wlb": 3}}, "wlb_three_weeks",
         ("Drie weken op rij", "Als je wilt", "leidinggevende",
          "Waar je terechtkunt: Leidinggevende · Bedrijfsarts (open spreekuur)")),
        ({**KANS, "kans_severity": 8}, {}, "kans_severe",
         ("klachten aan arm, nek of schouder (8 van 10)", "Als je wilt", "fysiotherapeut",
          "Waar je terechtkunt: Huisarts · Bedrijfsarts (open spreekuur) · Fysiotherapeut")),
    ],
)
def test_the_banner_has_words_and_first_contacts_for_each_reason(qtbot, make_window, repo, this_week, earlier,
                                                                 reason, words) -> None:
    for back, changes in earlier.items():
        repo.save(CheckIn(W.shifted(-back), answers(**changes)))
    repo.save(CheckIn(W, answers(**this_week)))
    window = make_window()
    blocks = shown_blocks(window)
    assert list(blocks) == [reason]
    for expected in words:
        assert expected in blocks[reason], (reason, expected)
    for wrong in ("je moet", "moet je", "normaal", "zware week", "diagnose"):
        assert wrong not in blocks[reason].lower()


def test_several_reasons_give_one_block_each_with_the_body_last(qtbot, make_window, repo) -> None:
    repo.save(CheckIn(W.shifted(-1), answers(wlb=3)))
    repo.save(CheckIn(W.shifted(-2), answers(wlb=3)))
    repo.save(CheckIn(W, answers(**LOW_MHI5, **STRONG, **KANS, kans_severity=9, wlb=4)))
    window = make_window()
    blocks = shown_blocks(window)
    assert list(blocks) == ["mhi5_low", "lonely_strong", "wlb_three_weeks", "kans_severe"]
    assert window.home.help_banner.isVisible()


def test_the_banner_speaks_english_too(qtbot, make_window, repo) -> None:
    repo.save(CheckIn(W, answers(**KANS, kans_severity=7)))
    window = make_window(lang="en")
    text = shown_blocks(window)["kans_severe"]
    assert "(7 of 10)" in text and "If you like" in text
    assert "Where you can turn: GP (huisarts) · Company doctor (open consultation) · Physiotherapist" in text


def test_help_page_lists_the_contacts(qtbot, make_window) -> None:
    window = make_window()
    window.show_help()
    assert window.home.tabs.currentWidget() is window.home.help_view
    labels = window.home.help_view.findChildren(type(window.home.week_label))
    text = " ".join(label.text() for label in labels)
    for expected in ("088 0767 000", "113 of 0800-0113", "113.nl", "112", "bedrijfsarts", "huisarts",
                     "vertrouwenspersoon", "Fysiotherapeut", "Leidinggevende"):
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
