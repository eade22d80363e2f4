"""Where to find help: the contacts of the help page, bilingual, as data.

The facts and their sources are listed in docs/sources.md ("Help contacts"); the texts are our own. Source ids
are the S-numbers of docs/sources.md, resolved in :data:`HELP_SOURCES` (citations copied from
resources/sources.json). Four entries have no source because they rest on background knowledge that was not
checked in a source: the fysiotherapeut, the leidinggevende, the vertrouwenspersoon and 112 (the
huisartsenpost mentioned with the huisarts is likewise unsourced); their texts claim little beyond what such
a person is for, and only 112 has a number. Employer-provided contacts come from the organisation policy
later, as :class:`EmployerContact` values on a :class:`HelpPage`.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from vitaalthuis.domain.tips import Source, Text


@dataclass(frozen=True, slots=True)
class HelpContact:
    id: str
    name: Text
    description: Text
    phone: tuple[str, ...] = ()  # as dialled in the Netherlands, in the order to show them
    web: str | None = None  # an address to show, e.g. "113.nl" (only addresses the sources give)
    urgent: bool = False  # acute danger (112): shown apart from the others
    sources: tuple[str, ...] = ()  # S-numbers of docs/sources.md, see HELP_SOURCES


@dataclass(frozen=True, slots=True)
class EmployerContact:
    """A contact the employer offers (filled from the organisation policy); texts as the policy gives them."""

    name: str
    role: str | None = None  # e.g. "Vertrouwenspersoon", "Arbodienst"
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("an employer contact needs a name")
        if not any(value and value.strip() for value in (self.phone, self.email, self.url)):
            raise ValueError(
                f"employer contact {self.name!r} needs a phone number, e-mail address or web address"
            )


def _source(sid: str, publisher: str, title: str, date: str | None, url: str) -> tuple[str, Source]:
    return sid, Source(id=sid, title=title, publisher=publisher, date=date, url=url)


HELP_SOURCES = MappingProxyType(
    dict(
        [
            _source(
                "S82",
                "Blik op nieuws / Skipr",
                "'Somber of gespannen door het coronavirus? Praat erover'",
                "Apr 2020",
                "https://www.blikopnieuws.nl/gezondheid/281151/",
            ),
            _source("S92", "Arbovita", "Open spreekuur", None, "https://arbovita.nl/nieuws/open-spreekuur/"),
            _source("S93", "Reactiva", "Open Spreekuur", None, "https://reactiva.nl/open-spreekuur/"),
            _source(
                "S94",
                "De Telegraaf",
                "Verplicht arbo-gesprek over toekomst",
                None,
                "http://www.telegraaf.nl/dft/geld/werk-inkomen/28465259/",
            ),
            _source(
                "S95",
                "NU.nl",
                "Hulplijn 113 nu ook rechtstreeks bereikbaar",
                "Jul 2020",
                "https://www.nu.nl/binnenland/6062813/",
            ),
            _source(
                "S96",
                "Hart van Nederland",
                "Telefoonnummer 113 zelfmoordpreventie",
                "Jul 2020",
                "https://www.hartvannederland.nl/nieuws/2020/telefoonnummer-113-zelfmoordpreventie/",
            ),
            _source(
                "S97",
                "upday (ANP)",
                "Nummer 113 nu gratis",
                "3 Oct 2025",
                "https://www.upday.com/nl/binnenland/nummer-113-nu-gratis-betere-hulp-bij-zelfdodingsgedachten/pj8neqt",
            ),
            _source(
                "S98",
                "NRC",
                "coronablog 27 Jul 2021",
                "27 Jul 2021",
                "https://www.nrc.nl/nieuws/2021/07/27/coronablog-27-juli-a4052478",
            ),
            _source(
                "S99",
                "RD",
                "Luisterlijn voerde vorig jaar ruim 300.000 gesprekken",
                "Jul 2020",
                "https://www.rd.nl/vandaag/binnenland/luisterlijn-voerde-vorig-jaar-ruim-300-000-gesprekken-1.1679732",
            ),
        ]
    )
)

HELP_CONTACTS: tuple[HelpContact, ...] = (
    HelpContact(
        id="huisarts",
        name=Text(nl="Huisarts", en="GP (huisarts)"),
        description=Text(
            nl="Je eerste aanspreekpunt als je je al een tijd niet goed voelt, lichamelijk of psychisch. Bel "
            "je eigen huisartsenpraktijk voor een afspraak. 's Avonds, 's nachts en in het weekend kun je "
            "terecht bij de huisartsenpost.",
            en="Your first point of contact if you have been feeling unwell for a while, physically or "
            "mentally. Call your own GP practice for an appointment. In the evening, at night and at "
            "weekends you can turn to the out-of-hours GP service (huisartsenpost).",
        ),
        sources=("S82",),
    ),
    HelpContact(
        id="bedrijfsarts",
        name=Text(nl="Bedrijfsarts (open spreekuur)", en="Company doctor (open consultation)"),
        description=Text(
            nl="Op het open spreekuur kun je de bedrijfsarts spreken, ook als je niet ziek bent gemeld. Je "
            "hebt daarvoor geen toestemming van je werkgever nodig. Het gesprek is vertrouwelijk: je "
            "werkgever hoort alleen iets als jij daarmee instemt. Het kost je niets.",
            en="At the open consultation you can see the company doctor, even if you have not called in "
            "sick. You do not need your employer's permission. The conversation is confidential: your "
            "employer only hears anything if you agree. It costs you nothing.",
        ),
        sources=("S92", "S93", "S94"),
    ),
    HelpContact(
        id="fysiotherapeut",
        name=Text(nl="Fysiotherapeut", en="Physiotherapist (fysiotherapeut)"),
        description=Text(
            nl="Een fysiotherapeut kan met je kijken naar klachten aan je armen, nek of schouders, en naar "
            "wat je er zelf aan kunt doen. Wat je vergoed krijgt, hangt af van je zorgverzekering.",
            en="A physiotherapist can look with you at complaints in your arms, neck or shoulders, and at "
            "what you can do about them yourself. What is covered depends on your health insurance.",
        ),
    ),
    HelpContact(
        id="leidinggevende",
        name=Text(nl="Leidinggevende", en="Your manager (leidinggevende)"),
        description=Text(
            nl="Met je leidinggevende kun je bespreken hoeveel werk je hebt, wanneer je werkt en wat je "
            "nodig hebt om werk en privé in balans te houden. Jij bepaalt wat je vertelt.",
            en="With your manager you can discuss how much work you have, when you work and what you "
            "need to keep work and private life in balance. You decide what you tell.",
        ),
    ),
    HelpContact(
        id="vertrouwenspersoon",
        name=Text(nl="Vertrouwenspersoon", en="Confidential adviser (vertrouwenspersoon)"),
        description=Text(
            nl="Heb je op je werk te maken met ongewenst gedrag, zoals intimidatie of lastiggevallen worden? "
            "Als je werkgever een vertrouwenspersoon heeft, kun je daar in vertrouwen je verhaal kwijt en "
            "samen kijken wat je kunt doen.",
            en="Facing undesirable behaviour at work, such as intimidation or harassment? If your employer "
            "has a confidential adviser, you can tell them what is going on in confidence and look together "
            "at what you can do.",
        ),
    ),
    HelpContact(
        id="luisterlijn",
        name=Text(nl="De Luisterlijn", en="De Luisterlijn"),
        description=Text(
            nl="Wil je je verhaal kwijt bij iemand die luistert? De Luisterlijn is dag en nacht bereikbaar "
            "en je blijft anoniem. Behalve bellen kun je ook chatten of mailen.",
            en="Would you like to talk to someone who listens? De Luisterlijn is there day and night, and "
            "you stay anonymous. Besides calling, you can also chat or e-mail.",
        ),
        phone=("088 0767 000",),
        sources=("S98", "S99"),
    ),
    HelpContact(
        id="113",
        name=Text(nl="113 Zelfmoordpreventie", en="113 Suicide Prevention (113 Zelfmoordpreventie)"),
        description=Text(
            nl="Denk je aan zelfdoding? Je hoeft er niet alleen mee te blijven. Bel 113 of 0800-0113, of "
            "chat via 113.nl. Dag en nacht bereikbaar, gratis en anoniem.",
            en="Having thoughts of suicide? You don't have to face them alone. Call 113 or 0800-0113, or "
            "chat via 113.nl. Available day and night, free and anonymous.",
        ),
        phone=("113", "0800-0113"),
        web="113.nl",
        sources=("S95", "S96", "S97"),
    ),
    HelpContact(
        id="112",
        name=Text(nl="112", en="112"),
        description=Text(
            nl="Is er acuut gevaar voor jouw leven of dat van een ander? Bel 112.",
            en="Is your life or someone else's in immediate danger? Call 112.",
        ),
        phone=("112",),
        urgent=True,
    ),
)

# The small, calm line under the free-text note field.
NOTE_FIELD_HINT = Text(
    nl="Zit je ergens mee? Op de hulppagina staat wie je kunt bellen. Denk je aan zelfdoding, bel dan 113 of "
    "chat via 113.nl, dag en nacht.",
    en="Something on your mind? The help page lists who you can call. If you have thoughts of suicide, call "
    "113 or chat via 113.nl, day and night.",
)


@dataclass(frozen=True, slots=True)
class HelpPage:
    """What the help page shows: the national contacts and, when the policy gives them, the employer's."""

    contacts: tuple[HelpContact, ...] = HELP_CONTACTS
    employer_contacts: tuple[EmployerContact, ...] = ()
    organisation: str | None = None  # the organisation's name, for the heading above its contacts


def help_contact(contact_id: str) -> HelpContact:
    for contact in HELP_CONTACTS:
        if contact.id == contact_id:
            return contact
    raise KeyError(contact_id)
