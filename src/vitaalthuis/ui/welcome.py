"""First start: what the app does, that it is not a diagnosis, that answers stay here; language choice;
and the weekly reminder with start at login, so the reminder reaches people who close the window.

Start at login is switched on here by default (in Settings it stays off until chosen): it starts a small
helper without a window (``vitaalthuis --background``) that brings the reminder. Values the organisation
set are shown; locked ones are greyed out with a note saying who set them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from vitaalthuis.config.policy import Policy
from vitaalthuis.config.settings import Settings

ASKED = ("reminder_enabled", "reminder_day", "reminder_time", "start_at_login")  # the settings keys asked


@dataclass(frozen=True, slots=True)
class WelcomeChoices:
    """What the welcome page asks, as settings values."""

    reminder_enabled: bool = True
    reminder_day: int = 5  # ISO weekday, 1 = Monday
    reminder_time: str = "15:00"
    start_at_login: bool = True

    @classmethod
    def initial(cls, settings: Settings, policy: Policy) -> WelcomeChoices:
        """The settings in force (defaults < policy < user), except that start at login is on unless the
        organisation set it."""
        set_by_policy = "start_at_login" in policy.defaults or "start_at_login" in settings.locked
        return cls(settings.reminder_enabled, settings.reminder_day, settings.reminder_time,
                   settings.start_at_login if set_by_policy else True)

    def settings_values(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


class WelcomePage(QWidget):
    language_chosen = Signal(str)
    started = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None, *, settings: Settings | None = None,
                 policy: Policy | None = None, organisation: str | None = None,
                 choices: WelcomeChoices | None = None) -> None:
        """``choices``: values to show instead of the initial ones (the page is built again when the
        language changes, and keeps what was chosen)."""
        super().__init__(parent)
        settings = settings or Settings()
        policy = policy or Policy()
        self.locked = frozenset(k for k in ASKED if k in settings.locked)
        chosen = choices or WelcomeChoices.initial(settings, policy)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 16, 40, 16)
        outer.addStretch(1)
        card = QFrame()
        card.setObjectName("card")
        card.setFixedWidth(620)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(32, 22, 32, 22)
        layout.setSpacing(10)

        title = QLabel(self.tr("Welcome to VitaalThuis"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        for text in (
            self.tr("Once a week you answer a few short questions about your health, how you feel, contact "
                    "with others, your arms, neck and shoulders, and the balance between work and private "
                    "life. It takes about two minutes."),
            self.tr("You see how you are doing over the weeks, next to figures for the Netherlands, with "
                    "practical tips for working from home."),
            self.tr("This is not a diagnosis. If you are worried about how you feel, talk to your GP "
                    "(huisarts) or company doctor (bedrijfsarts)."),
            self.tr("Your answers stay on this computer. Nobody else sees them, not your employer either, "
                    "unless you export them yourself."),
        ):
            label = QLabel(text)
            label.setWordWrap(True)
            label.setMinimumWidth(540)
            layout.addWidget(label)

        lang_row = QHBoxLayout()
        lang_label = QLabel(self.tr("Language:"))
        lang_row.addWidget(lang_label)
        self.group = QButtonGroup(self)
        self.radio_nl = QRadioButton("Nederlands")
        self.radio_en = QRadioButton("English")
        for radio, code in ((self.radio_nl, "nl"), (self.radio_en, "en")):
            radio.setAccessibleName(radio.text())
            self.group.addButton(radio)
            lang_row.addWidget(radio)
            radio.setChecked(code == lang)
            radio.toggled.connect(lambda checked, c=code: self._on_language_toggled(checked, c))
        lang_row.addStretch(1)
        layout.addLayout(lang_row)
        self._build_reminder(layout, chosen, organisation or policy.organisation)

        self.start_button = QPushButton(self.tr("&Get started"))
        self.start_button.setObjectName("primary")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.started)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.start_button)
        layout.addLayout(button_row)

        row = QHBoxLayout()  # centred without an alignment flag, so wrapped text gets its full height
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.start_button.setFocus()

    def _build_reminder(self, layout: QVBoxLayout, chosen: WelcomeChoices, organisation: str | None) -> None:
        when = QHBoxLayout()
        self.reminder = QCheckBox(self.tr("Remind me every week"))
        self.reminder.setChecked(chosen.reminder_enabled)
        when.addWidget(self.reminder)
        on_label = QLabel(self.tr("on"))
        when.addWidget(on_label)
        self.day = QComboBox()
        for number, name in enumerate((self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"),
                                       self.tr("Thursday"), self.tr("Friday"), self.tr("Saturday"),
                                       self.tr("Sunday")), start=1):
            self.day.addItem(name, number)
        self.day.setCurrentIndex(max(0, self.day.findData(chosen.reminder_day)))
        self.day.setAccessibleName(self.tr("Reminder day"))
        on_label.setBuddy(self.day)
        when.addWidget(self.day)
        at_label = QLabel(self.tr("at"))
        when.addWidget(at_label)
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        hour, minute = (int(x) for x in chosen.reminder_time.split(":"))
        self.time.setTime(QTime(hour, minute))
        self.time.setAccessibleName(self.tr("Reminder time"))
        at_label.setBuddy(self.time)
        when.addWidget(self.time)
        when.addStretch(1)
        layout.addLayout(when)

        start = QVBoxLayout()
        start.setSpacing(0)
        self.autostart = QCheckBox(self.tr("Start at login"))
        self.autostart.setChecked(chosen.start_at_login)
        start.addWidget(self.autostart)
        hint = self.tr("A small helper starts with your computer, so the reminder reaches you.")
        if "start_at_login" not in self.locked:
            hint += " " + self.tr("You can switch it off later in Settings.")
        self.autostart_hint = QLabel(hint)
        self.autostart_hint.setObjectName("hint")
        self.autostart_hint.setWordWrap(True)
        self.autostart_hint.setContentsMargins(24, 0, 0, 0)  # under the check box's text
        start.addWidget(self.autostart_hint)
        layout.addLayout(start)

        self.controls: dict[str, QWidget] = {"reminder_enabled": self.reminder, "reminder_day": self.day,
                                             "reminder_time": self.time, "start_at_login": self.autostart}
        self.locked_note: QLabel | None = None
        if self.locked:
            who = organisation or self.tr("your organisation")
            note = self.tr("Settings that are greyed out were set by {who}.").format(who=who)
            self.locked_note = QLabel(note)
            self.locked_note.setObjectName("hint")
            self.locked_note.setWordWrap(True)
            layout.addWidget(self.locked_note)
            for key in self.locked:
                self.controls[key].setEnabled(False)
                self.controls[key].setToolTip(self.tr("Set by {who}").format(who=who))
            # switched off for good: what the helper would do is beside the point
            self.autostart_hint.setVisible(self.autostart.isEnabled() or self.autostart.isChecked())
        self.reminder.toggled.connect(self._reminder_toggled)
        self._reminder_toggled(self.reminder.isChecked())

    def _reminder_toggled(self, on: bool) -> None:
        for key in ("reminder_day", "reminder_time"):
            self.controls[key].setEnabled(on and key not in self.locked)

    def choices(self) -> WelcomeChoices:
        """The values shown now (a locked one is the organisation's; the caller keeps locked keys as they
        are in the settings)."""
        t = self.time.time()
        return WelcomeChoices(self.reminder.isChecked(), int(self.day.currentData()),
                              dt.time(t.hour(), t.minute()).strftime("%H:%M"), self.autostart.isChecked())

    def _on_language_toggled(self, checked: bool, code: str) -> None:
        if checked:
            self.language_chosen.emit(code)
