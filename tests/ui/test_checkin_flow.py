"""The check-in driven through the real widgets: clicks and keys in, database rows out."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers import answers
from tests.ui.conftest import TODAY
from vitaalthuis.config.settings import Settings
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek

THIS_WEEK = IsoWeek.current(TODAY)


def click_option(qtbot, page, item_id: str, code) -> None:
    question = page.questions[item_id]
    button = question.group.button(question._codes.index(code))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def press_next(qtbot, window) -> None:
    qtbot.mouseClick(window.checkin.next_button, Qt.MouseButton.LeftButton)


def fill_all_pages(qtbot, window, *, kans: bool = True) -> None:
    pages = window.checkin.pages
    click_option(qtbot, pages[0], "gh", 2)
    press_next(qtbot, window)
    # MHI-5 by keyboard: each digit chooses and moves focus on; after the last one the next page comes
    for item_id, digit in (("mhi5_1", "5"), ("mhi5_2", "6"), ("mhi5_3", "2"), ("mhi5_4", "5"),
                           ("mhi5_5", "2")):
        question = pages[1].questions[item_id]
        assert question.isAncestorOf(window.focusWidget())
        qtbot.keyClicks(window.focusWidget(), digit)
    assert window.checkin.current_index() == 2
    click_option(qtbot, pages[2], "ls", 8)
    press_next(qtbot, window)
    for item_id, code in (("djg_1", 3), ("djg_2", 1), ("djg_3", 1), ("djg_4", 2), ("djg_5", 1), ("djg_6", 3)):
        click_option(qtbot, pages[3], item_id, code)
    press_next(qtbot, window)
    if kans:
        click_option(qtbot, pages[4], "kans_any", 1)
        qtbot.mouseClick(pages[4].questions["kans_regions"].boxes["neck"], Qt.MouseButton.LeftButton)
        click_option(qtbot, pages[4], "kans_severity", 4)
        click_option(qtbot, pages[4], "kans_work", 1)
    else:
        click_option(qtbot, pages[4], "kans_any", 2)
    press_next(qtbot, window)
    click_option(qtbot, pages[5], "wlb", 2)
    press_next(qtbot, window)
    context = pages[6].questions
    click_option(qtbot, pages[6], "days_home", 3)
    click_option(qtbot, pages[6], "days_location", 2)
    context["hours_worked"].spin.setFocus()
    qtbot.keyClicks(context["hours_worked"].spin, "36")
    qtbot.keyClicks(context["note"].edit, "Drukke week, wel veel gewandeld.")


def test_complete_a_checkin_and_find_it_in_the_database(qtbot, make_window, repo) -> None:
    window = make_window()
    assert window.stack.currentWidget() is window.home
    qtbot.mouseClick(window.home.main_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.checkin
    fill_all_pages(qtbot, window)
    assert window.checkin.next_button.text().replace("&", "") == "Afronden"
    press_next(qtbot, window)

    saved = repo.get(THIS_WEEK)
    assert saved is not None
    assert saved.answers == {
        "gh": 2, "mhi5_1": 5, "mhi5_2": 6, "mhi5_3": 2, "mhi5_4": 5, "mhi5_5": 2, "ls": 8,
        "djg_1": 3, "djg_2": 1, "djg_3": 1, "djg_4": 2, "djg_5": 1, "djg_6": 3,
        "kans_any": 1, "kans_regions": ["neck"], "kans_severity": 4, "kans_work": 1, "wlb": 2,
        "days_home": 3, "days_location": 2, "hours_worked": 36, "note": "Drukke week, wel veel gewandeld.",
    }
    assert saved.scores.mhi5 == 84 and saved.scores.djg_category.value == "not_lonely"
    assert repo.get_draft(THIS_WEEK) is None
    # back home, the week is in the history and the status says it is done
    assert window.stack.currentWidget() is window.home
    assert window.home.history.row_count() == 1
    assert window.home.history.cell_text(0, 0) == "2026 week 48"
    assert window.home.main_button.text().replace("&", "") == "Bekijken of aanpassen"


def test_finishing_with_an_empty_item_points_at_it_and_saves_nothing(qtbot, make_window, repo) -> None:
    window = make_window()
    window.open_week(THIS_WEEK)
    fill_all_pages(qtbot, window)
    # clear the life-satisfaction answer, then try to finish
    window.checkin.pages[2].questions["ls"].set_value(None)
    press_next(qtbot, window)
    assert repo.get(THIS_WEEK) is None
    assert window.checkin.current_index() == 2
    question = window.checkin.pages[2].questions["ls"]
    assert question.problem_label.isVisible()
    assert question.problem_label.text() == "Dit antwoord ontbreekt nog."
    assert question.isAncestorOf(window.focusWidget())
    # answering it and finishing again works
    click_option(qtbot, window.checkin.pages[2], "ls", 6)
    assert not question.problem_label.isVisible()
    for _ in range(5):
        press_next(qtbot, window)
    assert repo.get(THIS_WEEK) is not None and repo.get(THIS_WEEK).answers["ls"] == 6


def test_days_over_seven_cannot_be_saved(qtbot, make_window, repo) -> None:
    window = make_window()
    window.open_week(THIS_WEEK)
    fill_all_pages(qtbot, window)
    days_location = window.checkin.pages[6].questions["days_location"]
    click_option(qtbot, window.checkin.pages[6], "days_location", 5)  # 3 + 5: refused at once
    assert days_location.value() == 2
    assert days_location.problem_label.isVisible()
    assert days_location.problem_label.text() == "Dagen thuis en op de werkplek zijn samen meer dan 7."
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_6)  # by key too
    assert days_location.value() == 2
    click_option(qtbot, window.checkin.pages[6], "days_location", 4)  # 3 + 4 = 7 is fine
    assert days_location.value() == 4 and not days_location.problem_label.isVisible()
    # a draft from before this rule (or an import) can still hold too many days: finishing refuses it
    window.checkin.pages[6].set_answers({"days_home": 3, "days_location": 5})
    press_next(qtbot, window)
    assert repo.get(THIS_WEEK) is None
    assert days_location.problem_label.isVisible()


def test_kans_details_appear_only_after_yes_and_are_dropped_on_no(qtbot, make_window, repo) -> None:
    window = make_window()
    window.open_week(THIS_WEEK)
    page = window.checkin.pages[4]
    assert not page.details.isVisibleTo(page)
    click_option(qtbot, page, "kans_any", 1)
    assert page.details.isVisibleTo(page)
    fill_all_pages(qtbot, window, kans=True)
    window.checkin.show_page(4)
    click_option(qtbot, page, "kans_any", 2)
    assert not page.details.isVisibleTo(page)
    # the draft still has the details: going back to "ja" restores them
    window.checkin.save_draft()
    assert repo.get_draft(THIS_WEEK).answers["kans_severity"] == 4
    click_option(qtbot, page, "kans_any", 1)
    assert page.questions["kans_severity"].value() == 4
    click_option(qtbot, page, "kans_any", 2)
    window.checkin.show_page(6)
    press_next(qtbot, window)
    saved = repo.get(THIS_WEEK)
    assert saved is not None and saved.answers["kans_any"] == 2
    assert not {"kans_regions", "kans_severity", "kans_work"} & set(saved.answers)


def test_closing_mid_checkin_keeps_a_draft_that_reopens(qtbot, make_window, repo) -> None:
    window = make_window()
    qtbot.mouseClick(window.home.main_button, Qt.MouseButton.LeftButton)
    click_option(qtbot, window.checkin.pages[0], "gh", 3)
    press_next(qtbot, window)
    click_option(qtbot, window.checkin.pages[1], "mhi5_1", 4)
    window.close()  # the window's close saves the draft
    draft = repo.get_draft(THIS_WEEK)
    assert draft is not None and draft.answers == {"gh": 3, "mhi5_1": 4} and draft.page == 1

    again = make_window()
    assert again.home.main_button.text().replace("&", "") == "Verder gaan"
    qtbot.mouseClick(again.home.main_button, Qt.MouseButton.LeftButton)
    assert again.checkin.current_index() == 1
    assert again.checkin.pages[0].questions["gh"].value() == 3
    assert again.checkin.pages[1].questions["mhi5_1"].value() == 4


def test_answer_changes_are_saved_without_a_page_change(qtbot, make_window, repo) -> None:
    """A crash between page changes loses at most the last fraction of a second."""
    window = make_window()
    window.open_week(THIS_WEEK)
    click_option(qtbot, window.checkin.pages[0], "gh", 1)
    qtbot.waitUntil(lambda: repo.get_draft(THIS_WEEK) is not None, timeout=3000)
    assert repo.get_draft(THIS_WEEK).answers == {"gh": 1}


def test_escape_saves_and_returns_home(qtbot, make_window, repo) -> None:
    window = make_window()
    window.open_week(THIS_WEEK)
    click_option(qtbot, window.checkin.pages[0], "gh", 4)
    qtbot.keyClick(window.checkin.pages[0].questions["gh"].buttons()[3], Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.home
    assert repo.get_draft(THIS_WEEK).answers == {"gh": 4}


def test_history_open_correct_delete_and_undo(qtbot, make_window, repo) -> None:
    for back, ls in ((1, 6), (2, 7), (3, 8)):
        repo.save(CheckIn(THIS_WEEK.shifted(-back), answers(ls=ls)))
    window = make_window()
    history = window.home.history
    table = history.table
    assert [history.cell_text(r, 0) for r in range(history.row_count())] == [
        "2026 week 47", "2026 week 46", "2026 week 45"]  # newest first
    assert table.model().index(0, 3).data() == "6"  # what the view draws

    # open week 46 from the history and correct the mark
    table.selectRow(1)
    qtbot.mouseClick(history.open_button, Qt.MouseButton.LeftButton)
    assert window.checkin.week == IsoWeek(2026, 46)
    assert window.checkin.title.text().startswith("Aanpassen")
    assert window.checkin.pages[2].questions["ls"].value() == 7
    window.checkin.show_page(2)
    click_option(qtbot, window.checkin.pages[2], "ls", 9)
    window.checkin.show_page(6)
    press_next(qtbot, window)
    assert repo.get(IsoWeek(2026, 46)).answers["ls"] == 9
    assert repo.count() == 3

    # delete week 47 with the Delete key, then undo
    window.home.select_week(IsoWeek(2026, 47))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert repo.get(IsoWeek(2026, 47)) is None
    assert window.home.banner.isVisible()
    qtbot.mouseClick(window.home.undo_button, Qt.MouseButton.LeftButton)
    assert repo.get(IsoWeek(2026, 47)) == CheckIn(IsoWeek(2026, 47), answers(ls=6))
    assert not window.home.banner.isVisible()


def test_fill_in_a_missed_week(qtbot, make_window, repo) -> None:
    repo.save(CheckIn(THIS_WEEK.shifted(-3), answers()))
    window = make_window()
    combo = window.home.missed_combo
    assert window.home.missed_row.isVisible()
    weeks = [combo.itemData(i) for i in range(combo.count())]
    assert weeks == [IsoWeek(2026, 47), IsoWeek(2026, 46)]  # not before the first check-in
    combo.setCurrentIndex(1)
    qtbot.mouseClick(window.home.missed_button, Qt.MouseButton.LeftButton)
    assert window.checkin.week == IsoWeek(2026, 46)
    fill_all_pages(qtbot, window, kans=False)
    press_next(qtbot, window)
    assert repo.get(IsoWeek(2026, 46)) is not None
    assert [combo.itemData(i) for i in range(combo.count())] == [IsoWeek(2026, 47)]


def test_first_start_welcome_and_language_choice(qtbot, make_window, store) -> None:
    window = make_window(Settings(), lang="nl")
    assert window.stack.currentWidget() is window.welcome
    qtbot.mouseClick(window.welcome.radio_en, Qt.MouseButton.LeftButton)
    assert window.lang == "en"
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.start_button.text().replace("&", "") == "Get started"
    qtbot.mouseClick(window.welcome.start_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.home
    assert window.home.main_button.text().replace("&", "") == "Start check-in"
    saved = store.load()  # (the welcome page's reminder and start-at-login choices are saved with it)
    assert saved.language == "en" and saved.welcomed


def test_language_switch_mid_checkin_keeps_answers(qtbot, make_window, repo) -> None:
    window = make_window()
    window.open_week(THIS_WEEK)
    click_option(qtbot, window.checkin.pages[0], "gh", 2)
    window.set_language("en")
    assert window.stack.currentWidget() is window.checkin
    assert window.checkin.pages[0].questions["gh"].value() == 2
    assert window.checkin.pages[0].questions["gh"].label.text() == "How is your health in general?"


def test_keyboard_only_check_in(qtbot, make_window, repo) -> None:
    """Enter on the focused start button; a digit answers and, on a page's last question, goes on; Enter on
    a complete page goes on; Page Up and Page Down. (The whole contract: test_keyboard_contract.py.)"""
    window = make_window()
    qtbot.keyClick(window.home.main_button, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.checkin
    gh = window.checkin.pages[0].questions["gh"]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_2)
    assert gh.value() == 2
    assert window.checkin.current_index() == 1
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageUp)
    assert window.checkin.current_index() == 0 and gh.isAncestorOf(window.focusWidget())
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)  # the page is complete: on
    assert window.checkin.current_index() == 1
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageUp)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageDown)
    assert window.checkin.current_index() == 1
    assert repo.get_draft(THIS_WEEK).answers == {"gh": 2}


def test_a_full_disk_keeps_the_answers_on_screen(qtbot, make_window, repo, monkeypatch) -> None:
    from vitaalthuis.storage.errors import StorageWriteError

    window = make_window()
    window.open_week(THIS_WEEK)
    fill_all_pages(qtbot, window)

    def full(*_a, **_k):
        raise StorageWriteError(repo.sessions.path, "disk full", reason="disk_full")

    monkeypatch.setattr(repo, "save_many", full)
    monkeypatch.setattr(repo, "save_draft", full)
    monkeypatch.setattr(window.checkin.service, "_write_briefly", full)  # the window's brief writes
    press_next(qtbot, window)  # finish
    assert window.stack.currentWidget() is window.checkin
    assert window.checkin.message.isVisible() and "schijf is vol" in window.checkin.message.text()
    assert window.checkin.pages[2].questions["ls"].value() == 8  # still on screen
    window.checkin.save_and_close()
    assert window.stack.currentWidget() is window.checkin  # not closed: nothing could be kept
    monkeypatch.undo()
    press_next(qtbot, window)
    assert repo.get(THIS_WEEK) is not None
