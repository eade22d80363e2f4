"""Settings: language, colour scheme, weekly reminder, start at login, national comparisons, data location.

Settings the organisation has locked are shown disabled with a short explanation."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTime, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from vitaalthuis.config.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, data_dir: Path, organisation: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.language = QComboBox()
        for code, name in (("nl", "Nederlands"), ("en", "English")):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.effective_language())))
        form.addRow(self.tr("&Language:"), self.language)

        self.theme = QComboBox()
        for code, name in (("system", self.tr("Follow the system")), ("light", self.tr("Light")),
                           ("dark", self.tr("Dark"))):
            self.theme.addItem(name, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        form.addRow(self.tr("&Colours:"), self.theme)

        self.reminder = QCheckBox(self.tr("Remind me of the weekly check-in"))
        self.reminder.setChecked(settings.reminder_enabled)
        form.addRow(self.tr("Reminder:"), self.reminder)
        self.day = QComboBox()
        days = (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday"))
        for number, name in enumerate(days, start=1):
            self.day.addItem(name, number)
        self.day.setCurrentIndex(settings.reminder_day - 1)
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        hour, minute = (int(x) for x in settings.reminder_time.split(":"))
        self.time.setTime(QTime(hour, minute))
        when = QHBoxLayout()
        when.addWidget(self.day)
        when.addWidget(self.time)
        when.addStretch(1)
        day_label = QLabel(self.tr("&Day and time:"))
        day_label.setBuddy(self.day)
        self.day.setAccessibleName(self.tr("Reminder day"))
        self.time.setAccessibleName(self.tr("Reminder time"))
        form.addRow(day_label, when)
        self.reminder.toggled.connect(self._reminder_toggled)

        self.autostart = QCheckBox(self.tr("Start VitaalThuis when I log in"))
        self.autostart.setChecked(settings.start_at_login)
        form.addRow(self.tr("Start:"), self.autostart)

        self.figures = QCheckBox(self.tr("Show national figures beside my results"))
        self.figures.setChecked(settings.show_national_figures)
        form.addRow(self.tr("Comparisons:"), self.figures)

        location = QHBoxLayout()
        self.location = QLineEdit(str(data_dir))
        self.location.setReadOnly(True)
        self.location.setAccessibleName(self.tr("Data location"))
        self.open_folder = QPushButton(self.tr("&Open folder"))
        self.open_folder.clicked.connect(self._open_folder)
        location.addWidget(self.location, 1)
        location.addWidget(self.open_folder)
        form.addRow(self.tr("Your data:"), location)

        self.controls = {"language": self.language, "theme": self.theme, "reminder_enabled": self.reminder,
                         "reminder_day": self.day, "reminder_time": self.time,
                         "start_at_login": self.autostart, "show_national_figures": self.figures}
        if settings.locked:
            who = organisation or self.tr("your organisation")
            note = QLabel(self.tr("Settings that are greyed out were set by {who}.").format(who=who))
            note.setObjectName("hint")
            note.setWordWrap(True)
            layout.addWidget(note)
            for key in settings.locked:
                control = self.controls.get(key)
                if control is not None:
                    control.setEnabled(False)
                    control.setToolTip(self.tr("Set by {who}").format(who=who))
        self._reminder_toggled(self.reminder.isChecked())

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _reminder_toggled(self, on: bool) -> None:
        for key in ("reminder_day", "reminder_time"):
            self.controls[key].setEnabled(on and key not in self.settings.locked)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))  # a local folder, never the network

    def result_settings(self) -> Settings:
        """The chosen settings (locked keys keep their value)."""
        t = self.time.time()
        chosen = {
            "language": self.language.currentData(), "theme": self.theme.currentData(),
            "reminder_enabled": self.reminder.isChecked(), "reminder_day": int(self.day.currentData()),
            "reminder_time": dt.time(t.hour(), t.minute()).strftime("%H:%M"),
            "start_at_login": self.autostart.isChecked(), "show_national_figures": self.figures.isChecked(),
        }
        return dataclasses.replace(self.settings, **{k: v for k, v in chosen.items()
                                                     if k not in self.settings.locked})
