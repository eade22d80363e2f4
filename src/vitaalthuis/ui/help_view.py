"""Where to find help: always one tab away, calm, never modal."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

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
