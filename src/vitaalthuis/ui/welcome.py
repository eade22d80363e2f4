"""First start: what the app does, that it is not a diagnosis, that answers stay here; language choice."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class WelcomePage(QWidget):
    language_chosen = Signal(str)
    started = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 30, 40, 30)
        outer.addStretch(1)
        card = QFrame()
        card.setObjectName("card")
        card.setFixedWidth(620)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(14)

        title = QLabel(self.tr("Welcome to VitaalThuis"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        for text in (
            self.tr("Once a week you answer a few short questions about your health, how you feel, contact "
                    "with others, your arms, neck and shoulders, and the balance between work and private "
                    "life. It takes about three minutes."),
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

    def _on_language_toggled(self, checked: bool, code: str) -> None:
        if checked:
            self.language_chosen.emit(code)
