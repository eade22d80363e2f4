"""The settings dialog drives real changes: language, colours, national figures; locked keys stay put."""

from __future__ import annotations

import dataclasses
import json

from PySide6.QtGui import QPalette

from tests.helpers import answers
from tests.ui.conftest import TODAY
from vitaalthuis.config.settings import Settings
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek

W = IsoWeek.current(TODAY)


def test_change_language_colours_and_figures(qtbot, make_window, repo, store) -> None:
    from vitaalthuis.ui.settings_dialog import SettingsDialog

    repo.save(CheckIn(W, answers()))
    window = make_window()
    assert window.home.dashboard.cards[3].figure_labels[0].isVisibleTo(window.home.dashboard.cards[3])
    dialog = SettingsDialog(window.settings, window.data_dir, None, window)
    qtbot.addWidget(dialog)
    assert dialog.location.text() == str(window.data_dir)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.figures.setChecked(False)
    dialog.day.setCurrentIndex(0)
    window.apply_settings(dialog.result_settings())
    try:
        assert window.lang == "en"
        assert window.home.main_button.text().replace("&", "") == "View or correct"
        assert window.palette().color(QPalette.ColorRole.Window).lightness() < 128
        card = window.home.dashboard.cards[3]
        assert card.figure_labels == [] and card.source_button is None
        saved = json.loads(store.path.read_text())
        assert saved == {"version": 1, "language": "en", "welcomed": True, "theme": "dark", "reminder_day": 1,
                         "show_national_figures": False}
    finally:
        from PySide6.QtWidgets import QApplication

        from vitaalthuis.ui import style

        style.apply(QApplication.instance(), dark=False)


def test_locked_settings_are_disabled_and_kept(qtbot, make_window) -> None:
    from vitaalthuis.ui.settings_dialog import SettingsDialog

    window = make_window()
    locked = dataclasses.replace(Settings(language="nl", welcomed=True, reminder_day=2),
                                 locked=frozenset({"reminder_day", "show_national_figures"}))
    dialog = SettingsDialog(locked, window.data_dir, "Gemeente Voorbeeld", window)
    qtbot.addWidget(dialog)
    assert not dialog.day.isEnabled() and not dialog.figures.isEnabled()
    assert dialog.theme.isEnabled()
    assert dialog.day.toolTip() == "Vastgelegd door Gemeente Voorbeeld"
    dialog.day.setCurrentIndex(6)  # even if changed somehow, a locked key keeps its value
    assert dialog.result_settings().reminder_day == 2


def test_reminder_off_disables_day_and_time(qtbot, make_window) -> None:
    from vitaalthuis.ui.settings_dialog import SettingsDialog

    window = make_window()
    dialog = SettingsDialog(window.settings, window.data_dir, None, window)
    qtbot.addWidget(dialog)
    dialog.reminder.setChecked(False)
    assert not dialog.day.isEnabled() and not dialog.time.isEnabled()
    assert dialog.result_settings().reminder_enabled is False
