"""Where to find help: always one tab away, calm, never modal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from vitaalthuis.domain.help_contacts import HELP_CONTACTS, EmployerContact, HelpContact
from vitaalthuis.ui.widgets.built_when_shown import BuiltWhenShown
from vitaalthuis.ui.widgets.text import scrolling_body, selectable_label


def _label(text: str, name: str = "", wrap: bool = True) -> QLabel:
    return selectable_label(text, name, wrap=wrap)


class HelpView(BuiltWhenShown):
    """Built when first shown (start-up builds only the tab that is visible)."""

    def __init__(self, lang: str, employer_contacts: tuple[EmployerContact, ...] = (),
                 organisation: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.employer_contacts = employer_contacts
        self.organisation = organisation
        self.contact_cards: list[QFrame] = []

    def build(self) -> None:
        employer_contacts, organisation = self.employer_contacts, self.organisation
        layout = QVBoxLayout(scrolling_body(self))
        layout.setContentsMargins(0, 8, 8, 8)
        layout.setSpacing(10)
        layout.addWidget(_label(self.tr("Help and someone to talk to"), "sectionTitle"))
        layout.addWidget(_label(self.tr(
            "Having a hard time? You do not have to sort it out alone. Talking to someone often helps, and "
            "these people are there for exactly that. VitaalThuis does not contact anyone for you and sends "
            "nothing anywhere.")))
        for contact in HELP_CONTACTS:
            self._add_contact(layout, contact)
        if employer_contacts:
            title = self.tr("Offered by {organisation}").format(organisation=organisation) if organisation \
                else self.tr("Offered by your employer")
            layout.addWidget(_label(title, "sectionTitle"))
            for employer_contact in employer_contacts:
                self._add_employer_contact(layout, employer_contact)
        self._add_shortcuts(layout)
        layout.addStretch(1)

    def _card(self, layout: QVBoxLayout, urgent: bool = False) -> QVBoxLayout:
        card = QFrame()
        card.setObjectName("urgentCard" if urgent else "card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(card)
        self.contact_cards.append(card)
        return inner

    def _add_contact(self, layout: QVBoxLayout, contact: HelpContact) -> None:
        inner = self._card(layout, contact.urgent)
        inner.addWidget(_label(contact.name.get(self.lang), "cardTitle"))
        inner.addWidget(_label(contact.description.get(self.lang)))
        reach = []
        if contact.phone:
            reach.append(self.tr("Phone: {numbers}").format(numbers=self.tr(" or ").join(contact.phone)))
        if contact.web:
            reach.append(self.tr("Web: {address}").format(address=contact.web))
        if reach:
            inner.addWidget(_label(" · ".join(reach), "resultLine"))

    def _add_employer_contact(self, layout: QVBoxLayout, contact: EmployerContact) -> None:
        inner = self._card(layout)
        inner.addWidget(_label(contact.name + (f" ({contact.role})" if contact.role else ""), "cardTitle"))
        if contact.note:
            inner.addWidget(_label(contact.note))
        details = [v for v in (contact.phone, contact.email, contact.url) if v]
        inner.addWidget(_label(" · ".join(details), "resultLine"))

    def _add_shortcuts(self, layout: QVBoxLayout) -> None:
        """"Sneltoetsen": the keyboard contract of the check-in (``ui/checkin``) and the window's own keys."""
        layout.addWidget(_label(self.tr("Keyboard shortcuts"), "sectionTitle"))
        layout.addWidget(_label(self.tr(
            "You can do the whole check-in with the keyboard: without complaints it takes about twenty keys. "
            "With the mouse it is one click per answer; after the last answer of a page the next page comes "
            "by itself.")))
        card = QFrame()
        card.setObjectName("card")
        card.setAccessibleName(self.tr("Keyboard shortcuts"))
        grid = QGridLayout(card)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(18)
        grid.setColumnStretch(1, 1)
        for row, (keys, text) in enumerate(self.shortcuts()):
            grid.addWidget(_label(keys, "cardTitle", wrap=False), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(_label(text), row, 1)
        layout.addWidget(card)
        self.shortcuts_card = card

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do), with the platform's own names for Ctrl and Alt (⌘ and ⌥ on a Mac)."""
        def native(sequence: str) -> str:
            return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)

        ctrl, alt = native("Ctrl+A")[:-1], native("Alt+A")[:-1]
        rows = [
            (native("Ctrl+N"), self.tr("This week's check-in, from any screen.")),
            ("1–9", self.tr("Choose the answer with that number, counted from the first. Then you go on to "
                            "the next question, and after the last one to the next page.")),
            ("0–9", self.tr("On a scale of numbers the digit is the number itself: the mark 1 to 9, and 0 "
                            "for a 10. Complaints 0 to 9 (10 with the arrow key from 9). Days 0 to 7.")),
            (self.tr("Arrow keys"), self.tr("Choose another answer within the same question.")),
            ("Enter", self.tr("To the next page when every answer on this page is there; otherwise to the "
                              "first open question. Where you had complaints: tick with the digits, then "
                              "Enter. In the note Enter starts a new line.")),
            (f"{ctrl}Enter", self.tr("Finish the check-in. If something is still missing, you go there and "
                                     "read what it is.")),
            (f"{alt}← · Page Up", self.tr("Previous page.")),
            (f"{alt}→ · Page Down", self.tr("Next page.")),
            ("Esc", self.tr("Save the check-in and close it. You can go on later.")),
            (native("Ctrl+H"), self.tr("Home screen.")),
            (native("Ctrl+P"), self.tr("Make a report (PDF).")),
            (native("Ctrl+,"), self.tr("Settings.")),
        ]
        help_key = QKeySequence(QKeySequence.StandardKey.HelpContents)
        if not help_key.isEmpty():
            rows.append((help_key.toString(QKeySequence.SequenceFormat.NativeText),
                         self.tr("This help page.")))
        return rows
