"""The keyboard contract of the check-in ("Sneltoetsen" in the help tab), driven through the real widgets.

The two counted tests go the whole way from the home screen to a stored check-in, once by keyboard and once
by mouse, and count every key press (a chord such as Ctrl+N counts once) and every click. Goal: at most 20
on the "nee" path (no arm/neck/shoulder complaints) and 25 after "ja". Before this contract the same paths
took 50 and 66 key presses (Tab from question to question, Ctrl+A before a digit in a "—" box, Enter per
page) and 30 and 33 clicks (days by the spin box arrows, Next on every page). The drivers are in
tests/ui/checkin_driver.py: `make bench` reports their counts too (bench/checkin_effort.py).
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog

from tests.ui.checkin_driver import (
    ANSWERS_JA,
    ANSWERS_NEE,
    CTRL,
    active,
    focused_question,
    keyboard_checkin,
    mouse_checkin,
    option,
)
from tests.ui.test_checkin_flow import THIS_WEEK
from vitaalthuis.config.settings import Settings
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.ui.checkin.page import ADVANCE_DELAY_MS

KEYS_NEE, KEYS_JA, CLICKS_NEE, CLICKS_JA = 20, 25, 20, 25
TOO_MANY_DAYS = "Dagen thuis en op de werkplek zijn samen meer dan 7."
ALT = Qt.KeyboardModifier.AltModifier


# -- counted: the whole check-in by keyboard and by mouse (the drivers: tests/ui/checkin_driver.py) --------
@pytest.mark.parametrize(("ja", "limit"), [(False, KEYS_NEE), (True, KEYS_JA)], ids=["nee", "ja"])
def test_a_whole_check_in_by_keyboard(qtbot, make_window, repo, ja: bool, limit: int) -> None:
    window = make_window()
    presses = keyboard_checkin(qtbot, window, ja=ja)
    print(f"\nkeyboard, {'ja' if ja else 'nee'}: {presses} key presses")
    saved = repo.get(THIS_WEEK)
    assert saved is not None and saved.answers == (ANSWERS_JA if ja else ANSWERS_NEE)
    assert window.stack.currentWidget() is window.home
    assert presses <= limit


@pytest.mark.parametrize(("ja", "limit"), [(False, CLICKS_NEE), (True, CLICKS_JA)], ids=["nee", "ja"])
def test_a_whole_check_in_by_mouse(qtbot, make_window, repo, ja: bool, limit: int) -> None:
    window = make_window()
    clicks = mouse_checkin(qtbot, window, ja=ja)
    print(f"\nmouse, {'ja' if ja else 'nee'}: {clicks} clicks")
    saved = repo.get(THIS_WEEK)
    assert saved is not None and saved.answers == (ANSWERS_JA if ja else ANSWERS_NEE)
    assert clicks <= limit


# -- Ctrl+N and Ctrl+, ------------------------------------------------------------------------------------
def test_ctrl_n_on_the_welcome_page_takes_its_choices_and_starts(qtbot, make_window, store) -> None:
    window = active(qtbot, make_window(Settings(), lang="nl"))
    assert window.stack.currentWidget() is window.welcome
    qtbot.mouseClick(window.welcome.radio_en, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_N, CTRL)
    assert window.in_checkin() and window.checkin.week == THIS_WEEK
    saved = store.load()
    assert saved.language == "en" and saved.welcomed
    assert window.checkin.next_button.text().replace("&", "") == "Next"


def test_ctrl_n_opens_a_finished_week_for_correcting_and_keeps_another_weeks_answers(
        qtbot, make_window, repo) -> None:
    repo.save(CheckIn(THIS_WEEK, dict(ANSWERS_NEE)))
    window = active(qtbot, make_window())
    window.open_week(THIS_WEEK.shifted(-1))
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_3)  # gh of last week
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_N, CTRL)
    assert window.checkin.week == THIS_WEEK
    assert window.checkin.title.text().startswith("Aanpassen")
    assert window.checkin.pages[2].questions["ls"].value() == 8
    assert repo.get_draft(THIS_WEEK.shifted(-1)).answers == {"gh": 3}
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_N, CTRL)  # already there: stays, nothing lost
    assert window.checkin.week == THIS_WEEK and window.in_checkin()


def test_ctrl_n_does_nothing_while_a_dialog_is_open(qtbot, make_window) -> None:
    window = active(qtbot, make_window())
    dialog = QDialog(window)
    dialog.setModal(True)
    dialog.show()
    active(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_N, CTRL)
    assert not window.in_checkin() and dialog.isVisible()
    dialog.close()


def test_ctrl_comma_opens_the_settings(qtbot, make_window, monkeypatch) -> None:
    from vitaalthuis.ui.settings_dialog import SettingsDialog

    opened: list[object] = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window = active(qtbot, make_window())
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Comma, CTRL)
    assert len(opened) == 1
    window.open_week(THIS_WEEK)  # from the check-in too
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Comma, CTRL)
    assert len(opened) == 2


# -- mnemonics --------------------------------------------------------------------------------------------
MNEMONIC = re.compile(r"&(?!&)(\w)")


def _letters(texts: list[str]) -> list[str]:
    return [m.group(1).lower() for t in texts if (m := MNEMONIC.search(t))]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_alt_key_is_taken_twice_in_the_check_in_or_by_the_menus(qtbot, make_window, repo,
                                                                    lang: str) -> None:
    repo.save(CheckIn(THIS_WEEK.shifted(-1), dict(ANSWERS_NEE)))
    window = active(qtbot, make_window(lang=lang))
    menus = _letters([a.text() for a in window.menuBar().actions()])
    assert len(menus) == len(set(menus))
    home = [b.text() for b in window.home.findChildren(QAbstractButton) if b.isVisible()]
    window.open_week(THIS_WEEK.shifted(-1))  # correcting: the home page said "View or correct"
    window.show_home()
    home += [b.text() for b in window.home.findChildren(QAbstractButton) if b.isVisible()]
    assert not set(menus) & set(_letters(home)), home
    window.open_week(THIS_WEEK)
    window.checkin.go_next()
    checkin = _letters([b.text() for b in window.checkin.findChildren(QAbstractButton) if b.isVisible()])
    assert len(checkin) == len(set(checkin)) and not set(menus) & set(checkin), checkin


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_alt_key_is_taken_twice_on_the_home_page(qtbot, make_window, repo, lang: str) -> None:
    """Everything at once: a draft (Continue), the reminder, a missed week, the undo banner, the tabs."""
    from vitaalthuis.domain.checkin import Draft

    repo.save(CheckIn(THIS_WEEK.shifted(-3), dict(ANSWERS_NEE)))
    repo.save(CheckIn(THIS_WEEK.shifted(-2), dict(ANSWERS_NEE)))
    repo.save_draft(Draft(THIS_WEEK, {"gh": 2}))
    window = active(qtbot, make_window(lang=lang))
    home = window.home
    home.set_reminder("catch_up")
    home.show_deleted(THIS_WEEK.shifted(-2))
    assert home.reminder_banner.isVisible() and home.missed_row.isVisible() and home.banner.isVisible()
    texts = [b.text() for b in home.findChildren(QAbstractButton) if b.isVisible()]
    texts += [home.tabs.tabText(i) for i in range(home.tabs.count())]
    texts += [a.text() for a in window.menuBar().actions()]
    letters = _letters(texts)
    assert len(letters) == len(set(letters)), sorted(t for t in texts if MNEMONIC.search(t))


def test_alt_v_is_vorige_in_the_dutch_check_in(qtbot, make_window) -> None:
    window = active(qtbot, make_window())
    window.open_week(THIS_WEEK)
    window.checkin.go_next()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_V, ALT)
    qtbot.waitUntil(lambda: window.checkin.current_index() == 0, timeout=2000)  # a mnemonic clicks animated
    assert QApplication.activePopupWidget() is None  # the menu did not open


def test_the_help_tab_lists_the_shortcuts(qtbot, make_window) -> None:
    from PySide6.QtWidgets import QLabel

    window = make_window()
    window.show_help()
    help_view = window.home.help_view
    texts = [label.text() for label in help_view.findChildren(QLabel)]
    assert "Sneltoetsen" in texts
    keys = [label.text() for label in help_view.shortcuts_card.findChildren(QLabel)]
    for expected in ("Ctrl+N", "1–9", "0–9", "Enter", "Ctrl+Enter", "Esc", "Ctrl+,"):
        assert expected in keys
    assert "De check-in van deze week, vanuit elk scherm." in keys


# -- answers by key ---------------------------------------------------------------------------------------
def test_digits_on_the_scales(qtbot, make_window) -> None:
    window = make_window()
    window.open_week(THIS_WEEK)
    checkin = window.checkin
    checkin.show_page(2)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_0)  # 0 is the mark 10
    assert checkin.pages[2].questions["ls"].value() == 10
    assert checkin.current_index() == 3
    checkin.show_page(4)
    kans = checkin.pages[4].questions
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_1)  # ja
    for digit in (Qt.Key.Key_2, Qt.Key.Key_4, Qt.Key.Key_2):  # shoulders, wrists; shoulders off again
        qtbot.keyClick(window.focusWidget(), digit)
    assert kans["kans_regions"].value() == ["wrists_hands"]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_0)  # severity 0 is none
    assert kans["kans_severity"].value() == 0 and focused_question(window) == "kans_work"
    kans["kans_severity"].focus_control()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_9)
    kans["kans_severity"].focus_control()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Right)  # 10 only with the arrow key from 9
    assert kans["kans_severity"].value() == 10
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_9)  # the work question has 4 options: nothing
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_8)
    assert kans["kans_work"].value() is None and checkin.current_index() == 4


def test_days_refuse_a_digit_that_makes_more_than_seven(qtbot, make_window) -> None:
    window = make_window()
    window.open_week(THIS_WEEK)
    window.checkin.show_page(6)
    days = window.checkin.pages[6].questions
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_5)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_3)  # 5 + 3: refused, focus stays for another digit
    assert days["days_location"].value() is None and focused_question(window) == "days_location"
    assert days["days_location"].problem_label.text() == TOO_MANY_DAYS
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_8)  # no such option: nothing
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_2)
    assert days["days_location"].value() == 2 and not days["days_location"].problem_label.isVisible()
    assert focused_question(window) == "hours_worked"


def test_arrow_keys_choose_within_a_question(qtbot, make_window) -> None:
    window = make_window()
    window.open_week(THIS_WEEK)
    gh = window.checkin.pages[0].questions["gh"]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Down)  # from the focused first option to the second
    assert gh.value() == 2 and window.focusWidget() is gh.buttons()[1]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Up)
    assert gh.value() == 2 and window.checkin.current_index() == 0  # arrows never move on
    window.checkin.show_page(1)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Right)  # a row of options: left and right
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Right)
    assert window.checkin.pages[1].questions["mhi5_1"].value() == 3


def test_enter_goes_on_only_from_a_complete_page(qtbot, make_window) -> None:
    window = make_window()
    window.open_week(THIS_WEEK)
    checkin = window.checkin
    checkin.show_page(1)
    mhi5 = checkin.pages[1].questions
    mhi5["mhi5_3"].focus_control()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_4)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)  # page not complete: to its first open question
    assert checkin.current_index() == 1 and focused_question(window) == "mhi5_1"
    for digit in (Qt.Key.Key_1, Qt.Key.Key_2):
        qtbot.keyClick(window.focusWidget(), digit)
    assert focused_question(window) == "mhi5_3"  # the next question, answered or not
    mhi5["mhi5_5"].focus_control()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    assert focused_question(window) == "mhi5_4"
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_6)  # past the last open one on a page: back to
    assert focused_question(window) == "mhi5_5"  # the next question
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_6)
    assert checkin.current_index() == 2  # complete: the next page
    checkin.show_page(1)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)  # complete: Enter goes on
    assert checkin.current_index() == 2


def test_enter_in_the_note_makes_a_new_line_and_hours_take_digits(qtbot, make_window, repo) -> None:
    window = make_window()
    window.open_week(THIS_WEEK)
    window.checkin.show_page(6)
    context = window.checkin.pages[6].questions
    qtbot.keyClicks(window.focusWidget(), "5")
    qtbot.keyClicks(window.focusWidget(), "0")
    assert focused_question(window) == "hours_worked"
    qtbot.keyClicks(window.focusWidget(), "32,5")  # typed at once into the "—" field
    assert context["hours_worked"].value() == 32.5
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(window.focusWidget(), "Eerste regel")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClicks(window.focusWidget(), "tweede 2")
    assert context["note"].value() == "Eerste regel\ntweede 2"
    assert window.checkin.current_index() == 6
    qtbot.waitUntil(lambda: repo.get_draft(THIS_WEEK).answers.get("note") == "Eerste regel\ntweede 2",
                    timeout=2000)


def test_ctrl_enter_names_what_is_missing_and_goes_there(qtbot, make_window, repo) -> None:
    window = active(qtbot, make_window())
    window.open_week(THIS_WEEK)
    checkin = window.checkin
    answers = {k: v for k, v in ANSWERS_NEE.items() if k != "ls"}
    for page in checkin.pages:
        page.set_answers(answers)
    checkin.show_page(6)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert repo.get(THIS_WEEK) is None
    assert checkin.current_index() == 2 and focused_question(window) == "ls"
    assert checkin.message.text() == ("Nog niet klaar: stap 3, Tevredenheid met je leven. "
                                      "Dit antwoord ontbreekt nog.")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_7)
    checkin.pages[6].set_answers({"days_home": 5, "days_location": 4})  # e.g. an old draft
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert checkin.current_index() == 6 and focused_question(window) == "days_location"
    assert checkin.message.text().endswith(TOO_MANY_DAYS)
    checkin.pages[6].set_answers({"days_home": 3, "days_location": 4})
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert repo.get(THIS_WEEK) is not None and repo.get(THIS_WEEK).answers["ls"] == 7


def test_keys_typed_right_after_a_page_change_land_on_the_new_page(qtbot, make_window, repo) -> None:
    """No waiting between keys: each page takes its focus at once."""
    window = make_window()
    window.open_week(THIS_WEEK)
    qtbot.keyClicks(window.focusWidget(), "1")
    qtbot.keyClicks(window.focusWidget(), "2")
    for _ in range(3):  # page changes by Page Down and Page Up, each followed at once by a digit
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageUp)
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageDown)
    qtbot.keyClicks(window.focusWidget(), "3")
    assert window.checkin.pages[1].questions["mhi5_2"].value() == 3
    # the KANS page after "nee": its hidden detail questions never take the focus
    window.checkin.show_page(4)
    qtbot.keyClicks(window.focusWidget(), "2")
    assert window.checkin.current_index() == 5
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageUp)
    assert focused_question(window) == "kans_any"
    qtbot.keyClicks(window.focusWidget(), "1")  # ja after all: straight on to the regions
    assert focused_question(window) == "kans_regions"


# -- the mouse: the next page by itself ---------------------------------------------------------------------
def test_the_next_page_comes_by_itself_unless_the_user_does_something_else(qtbot, make_window) -> None:
    window = make_window()
    window.open_week(THIS_WEEK)
    checkin = window.checkin
    qtbot.mouseClick(option(window, "gh", 2), Qt.MouseButton.LeftButton)
    assert checkin.current_index() == 0  # a short pause first
    qtbot.waitUntil(lambda: checkin.current_index() == 1, timeout=ADVANCE_DELAY_MS + 1000)
    # cancelled by a click elsewhere
    checkin.show_page(2)
    qtbot.mouseClick(option(window, "ls", 6), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(checkin.pages[2], Qt.MouseButton.LeftButton)  # somewhere else on the page
    qtbot.wait(ADVANCE_DELAY_MS + 200)
    assert checkin.current_index() == 2
    # cancelled by going back
    checkin.show_page(5)
    qtbot.mouseClick(option(window, "wlb", 1), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(checkin.back_button, Qt.MouseButton.LeftButton)
    qtbot.wait(ADVANCE_DELAY_MS + 200)
    assert checkin.current_index() == 4
    # a digit typed during the pause is meant for the next page
    checkin.show_page(2)
    checkin.pages[2].set_answers({})
    checkin._complete[2] = False
    qtbot.mouseClick(option(window, "ls", 7), Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_3)
    assert checkin.pages[2].questions["ls"].value() == 7
    assert checkin.current_index() == 3 and checkin.pages[3].questions["djg_1"].value() == 3
    # changing an answer on a complete page does not move on; nor does the last page ever finish by itself
    checkin.show_page(0)
    qtbot.mouseClick(option(window, "gh", 4), Qt.MouseButton.LeftButton)
    qtbot.wait(ADVANCE_DELAY_MS + 200)
    assert checkin.current_index() == 0


# -- the focus mark -----------------------------------------------------------------------------------------
def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("kind", ["radio", "checkbox"])
def test_the_focused_option_is_clearly_marked(qtbot, make_window, kind: str) -> None:
    """A frame of at least 3:1 contrast around the option (WCAG 2.2 focus appearance), not a faint tint."""
    window = make_window()
    window.open_week(THIS_WEEK)
    if kind == "radio":
        button = option(window, "gh", 3)
    else:
        window.checkin.show_page(4)
        window.checkin.pages[4].questions["kans_any"].set_value(1)
        window.checkin.pages[4]._update_details()
        button = option(window, "kans_regions", "shoulders")
    button.clearFocus()
    plain = button.grab().toImage()
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus, timeout=1000)
    marked = button.grab().toImage()
    assert plain.size() == marked.size()  # the mark does not move the layout
    background = QColor(plain.pixel(1, plain.height() // 2))
    edge = [QColor(marked.pixel(x, marked.height() // 2)) for x in range(3)]
    strong = max(_contrast(background, c) for c in edge)
    assert strong >= 3.0, (background.name(), [c.name() for c in edge])
    changed = sum(1 for y in range(marked.height()) for x in range(marked.width())
                  if _contrast(QColor(plain.pixel(x, y)), QColor(marked.pixel(x, y))) >= 3.0)
    assert changed >= 2 * (marked.width() + marked.height())  # all around, not a dot
