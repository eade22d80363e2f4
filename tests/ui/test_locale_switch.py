"""Numbers follow a language switch at once: "32,5" hours in Dutch and "32.5" in English are read (and shown)
as 32.5 right after switching, on the welcome page or later in Settings, without a restart.

The app installs the language before it builds the window (``app.py``); so does every test here.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog

from tests.ui.test_checkin_flow import THIS_WEEK
from vitaalthuis.config.settings import Settings
from vitaalthuis.ui import translations


def type_hours(qtbot, window, text: str):
    window.open_week(THIS_WEEK)
    window.checkin.show_page(6)
    hours = window.checkin.pages[6].questions["hours_worked"]
    hours.focus_control()
    qtbot.keyClicks(window.focusWidget(), text)
    return hours


def test_english_on_the_welcome_page_reads_32_point_5(qtbot, make_window, repo) -> None:
    translations.install("nl")
    window = make_window(Settings(), lang="nl")
    qtbot.mouseClick(window.welcome.radio_en, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.welcome.start_button, Qt.MouseButton.LeftButton)
    hours = type_hours(qtbot, window, "32.5")
    assert hours.value() == 32.5 and hours.spin.text() == "32.5"
    assert window.locale().language() == QLocale.Language.English
    window.checkin.save_draft()
    assert repo.get_draft(THIS_WEEK).answers == {"hours_worked": 32.5}


def test_dutch_in_settings_reads_32_comma_5_in_an_open_check_in(qtbot, make_window, repo,
                                                                 monkeypatch) -> None:
    from vitaalthuis.ui.settings_dialog import SettingsDialog

    translations.install("en")
    window = make_window(lang="en")
    hours = type_hours(qtbot, window, "32.5")
    assert hours.value() == 32.5

    def choose_dutch(dialog: SettingsDialog) -> int:
        dialog.language.setCurrentIndex(dialog.language.findData("nl"))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(SettingsDialog, "exec", choose_dutch)
    window.open_settings()
    assert window.lang == "nl" and window.in_checkin()  # the check-in was rebuilt and reopened
    hours = window.checkin.pages[6].questions["hours_worked"]
    assert hours.value() == 32.5 and hours.spin.text() == "32,5"  # the draft, shown the Dutch way
    hours.focus_control()
    qtbot.keyClicks(window.focusWidget(), "36,5")
    assert hours.value() == 36.5
    hours.focus_control()
    qtbot.keyClicks(window.focusWidget(), "12.5")  # the other sign is read as the decimal sign too
    assert hours.value() == 12.5 and hours.spin.text() == "12,5"
    window.checkin.save_draft()
    assert repo.get_draft(THIS_WEEK).answers["hours_worked"] == 12.5
