"""The check-in's items as data: ids, answer codes and wordings (docs/instruments.md).

Wordings are verbatim, in Dutch and English (docs/instruments.md quotes them). The UI turns this data into
pages; validation and scoring use the ids and codes. Nothing here knows about Qt or the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")


@dataclass(frozen=True, slots=True)
class Text:
    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


class Kind(StrEnum):
    CHOICE = "choice"  # one code from a fixed list (radio buttons)
    SCALE = "scale"  # an integer range (life-satisfaction mark, severity, days)
    MULTI = "multi"  # a non-empty set of fixed values (KANS regions)
    NUMBER = "number"  # a decimal number (hours worked)
    TEXT = "text"  # free text (note)


class Origin(StrEnum):
    VALIDATED = "validated"  # a validated instrument used verbatim
    OWN = "own"  # the app's own item, modelled on a national indicator
    CONTEXT = "context"  # work context, not scored


@dataclass(frozen=True, slots=True)
class Option:
    code: int | str
    label: Text


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    kind: Kind
    question: Text
    options: tuple[Option, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    required: bool = True
    max_length: int | None = None

    @property
    def codes(self) -> tuple[int | str, ...]:
        return tuple(o.code for o in self.options)

    def label(self, code: int | str, lang: str) -> str:
        for option in self.options:
            if option.code == code:
                return option.label.get(lang)
        return str(code)


@dataclass(frozen=True, slots=True)
class Section:
    """One dimension of the check-in: one page in the guided flow."""

    id: str
    title: Text
    origin: Origin
    items: tuple[Item, ...]
    instruction: Text | None = None
    citation: str = ""
    provenance: Text | None = None
    sources: tuple[str, ...] = field(default=())


def _opts(*pairs: tuple[str, str]) -> tuple[Option, ...]:
    return tuple(Option(i, Text(nl, en)) for i, (nl, en) in enumerate(pairs, start=1))


GH = Item(
    "gh",
    Kind.CHOICE,
    Text("Hoe is over het algemeen je gezondheid?", "How is your health in general?"),
    _opts(("zeer goed", "very good"), ("goed", "good"), ("gaat wel", "fair"), ("slecht", "bad"),
          ("zeer slecht", "very bad")),
)

MHI5_OPTIONS = _opts(
    ("voortdurend", "all of the time"), ("meestal", "most of the time"), ("vaak", "a good bit of the time"),
    ("soms", "some of the time"), ("zelden", "a little of the time"), ("nooit", "none of the time"),
)
# (id, NL, EN, positive?)
_MHI5 = (
    ("mhi5_1", "Voelde je je erg zenuwachtig?", "Have you been a very nervous person?", False),
    ("mhi5_2", "Zat je zo erg in de put dat niets je kon opvrolijken?",
     "Have you felt so down in the dumps that nothing could cheer you up?", False),
    ("mhi5_3", "Voelde je je kalm en rustig?", "Have you felt calm and peaceful?", True),
    ("mhi5_4", "Voelde je je neerslachtig en somber?", "Have you felt downhearted and blue?", False),
    ("mhi5_5", "Voelde je je gelukkig?", "Have you been a happy person?", True),
)
MHI5_POSITIVE = frozenset(i for i, _, _, positive in _MHI5 if positive)
MHI5_ITEMS = tuple(Item(i, Kind.CHOICE, Text(nl, en), MHI5_OPTIONS) for i, nl, en, _ in _MHI5)

LS = Item(
    "ls",
    Kind.SCALE,
    Text(
        "Hoe tevreden ben je op dit moment met je leven? Geef een rapportcijfer van 1 (zeer ontevreden) "
        "tot 10 (zeer tevreden).",
        "How satisfied are you with your life at the moment? Give a mark from 1 (very dissatisfied) "
        "to 10 (very satisfied).",
    ),
    minimum=1,
    maximum=10,
)

DJG_OPTIONS = _opts(("ja", "yes"), ("min of meer", "more or less"), ("nee", "no"))
# (id, NL, EN, subscale, positive?)
_DJG = (
    ("djg_1", "Ik ervaar een leegte om me heen.", "I experience a general sense of emptiness.",
     "emotional", False),
    ("djg_2", "Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen.",
     "There are plenty of people I can rely on when I have problems.", "social", True),
    ("djg_3", "Ik heb veel mensen op wie ik volledig kan vertrouwen.",
     "There are many people I can trust completely.", "social", True),
    ("djg_4", "Ik mis mensen om me heen.", "I miss having people around.", "emotional", False),
    ("djg_5", "Er zijn voldoende mensen met wie ik me nauw verbonden voel.",
     "There are enough people I feel close to.", "social", True),
    ("djg_6", "Vaak voel ik me in de steek gelaten.", "I often feel rejected.", "emotional", False),
)
DJG_POSITIVE = frozenset(i for i, _, _, _, positive in _DJG if positive)
DJG_EMOTIONAL = tuple(i for i, _, _, sub, _ in _DJG if sub == "emotional")
DJG_SOCIAL = tuple(i for i, _, _, sub, _ in _DJG if sub == "social")
DJG_ITEMS = tuple(Item(i, Kind.CHOICE, Text(nl, en), DJG_OPTIONS) for i, nl, en, _, _ in _DJG)

KANS_REGIONS = ("arms_elbows", "neck", "shoulders", "wrists_hands")  # sorted: stored and exported so
KANS_ANY = Item(
    "kans_any",
    Kind.CHOICE,
    Text(
        "Had je de afgelopen 7 dagen pijn, stijfheid, tintelingen of andere klachten aan je nek, schouders, "
        "armen, ellebogen, polsen of handen?",
        "In the past 7 days, did you have pain, stiffness, tingling or other complaints in your neck, "
        "shoulders, arms, elbows, wrists or hands?",
    ),
    _opts(("ja", "yes"), ("nee", "no")),
)
KANS_REGIONS_ITEM = Item(
    "kans_regions",
    Kind.MULTI,
    Text("Waar had je klachten?", "Where did you have complaints?"),
    (
        Option("neck", Text("nek", "neck")),
        Option("shoulders", Text("schouders", "shoulders")),
        Option("arms_elbows", Text("armen of ellebogen", "arms or elbows")),
        Option("wrists_hands", Text("polsen of handen", "wrists or hands")),
    ),
)
KANS_SEVERITY = Item(
    "kans_severity",
    Kind.SCALE,
    Text("Hoeveel last had je gemiddeld? (0 = geen, 10 = ergst denkbaar)",
         "How much did it bother you on average? (0 = none, 10 = worst imaginable)"),
    minimum=0,
    maximum=10,
)
KANS_WORK = Item(
    "kans_work",
    Kind.CHOICE,
    Text("Komen de klachten door je werk?", "Are the complaints caused by your work?"),
    _opts(("ja, door mijn werk", "yes"), ("deels", "partly"), ("nee", "no"), ("weet ik niet", "don't know")),
)
KANS_DETAILS = (KANS_REGIONS_ITEM, KANS_SEVERITY, KANS_WORK)
KANS_DETAIL_IDS = tuple(i.id for i in KANS_DETAILS)

WLB = Item(
    "wlb",
    Kind.CHOICE,
    Text(
        "Hoe vaak kwam het de afgelopen 7 dagen voor dat je door je werk privé- of gezinsactiviteiten miste "
        "of verwaarloosde?",
        "In the past 7 days, how often did you miss or neglect private or family activities because of "
        "your work?",
    ),
    _opts(("nooit", "never"), ("soms", "sometimes"), ("vaak", "often"), ("altijd", "always")),
)

DAYS_HOME = Item("days_home", Kind.SCALE, Text("Dagen thuis gewerkt", "Days worked at home"),
                 minimum=0, maximum=7)
DAYS_LOCATION = Item("days_location", Kind.SCALE,
                     Text("Dagen op de werkplek gewerkt", "Days worked at the workplace"),
                     minimum=0, maximum=7)
HOURS_WORKED = Item("hours_worked", Kind.NUMBER, Text("Uren gewerkt (mag je overslaan)",
                                                      "Hours worked (optional)"),
                    minimum=0, maximum=80, required=False)
NOTE_MAX = 2000
NOTE = Item("note", Kind.TEXT,
            Text("Notitie voor jezelf (mag je overslaan)", "A note to yourself (optional)"),
            required=False, max_length=NOTE_MAX)

SECTIONS: tuple[Section, ...] = (
    Section("health", Text("Gezondheid", "Health"), Origin.VALIDATED, (GH,),
            citation="CBS, Gezondheidsenquête: ervaren gezondheid", sources=("S9", "S10", "S38")),
    Section(
        "mhi5", Text("Psychisch welbevinden", "Psychological well-being"), Origin.VALIDATED, MHI5_ITEMS,
        instruction=Text("Hoe vaak voelde je je zo in de afgelopen 7 dagen?",
                         "How much of the time during the past 7 days …"),
        citation="Mental Health Inventory-5 (MHI-5), RAND 36-Item Health Survey; Dutch wording CBS",
        sources=("S11", "S12", "S13", "S14", "S15"),
    ),
    Section("ls", Text("Tevredenheid met je leven", "Life satisfaction"), Origin.OWN, (LS,),
            citation="Own item after the CBS/SCP 'rapportcijfer' for life satisfaction",
            sources=("S35", "S37", "S40")),
    Section(
        "djg", Text("Contact met anderen", "Contact with others"), Origin.VALIDATED, DJG_ITEMS,
        instruction=Text(
            "Geef bij elke uitspraak aan in hoeverre die op jou van toepassing is, "
            "zoals je de laatste tijd bent.",
            "Please indicate for each statement the extent to which it applies to you, the way you feel now.",
        ),
        citation="De Jong Gierveld, J. & Van Tilburg, T. G. (2006). A 6-item scale for overall, emotional, "
        "and social loneliness. Research on Aging, 28(5), 582-598.",
        sources=("S16", "S17", "S18", "S19"),
    ),
    Section("kans", Text("Arm, nek en schouders", "Arm, neck and shoulders"), Origin.OWN,
            (KANS_ANY, *KANS_DETAILS),
            citation="Own items after the NEA indicator 'klachten aan arm, nek, schouder' (KANS)",
            sources=("S41", "S42", "S43", "S44", "S45", "S46", "S47", "S48")),
    Section("wlb", Text("Werk en privé", "Work and private life"), Origin.OWN, (WLB,),
            citation="Own item after the NEA indicator 'vaak familie- of gezinsactiviteiten missen vanwege "
            "het werk'", sources=("S49", "S50", "S51")),
    Section("context", Text("Je werkweek", "Your working week"), Origin.CONTEXT,
            (DAYS_HOME, DAYS_LOCATION, HOURS_WORKED, NOTE)),
)

ITEMS: dict[str, Item] = {item.id: item for section in SECTIONS for item in section.items}
ITEM_IDS: tuple[str, ...] = tuple(ITEMS)
REQUIRED_IDS: tuple[str, ...] = tuple(
    i.id for i in ITEMS.values() if i.required and i.id not in KANS_DETAIL_IDS
)
OPTIONAL_IDS: tuple[str, ...] = tuple(i.id for i in ITEMS.values() if not i.required)
SECTION_OF: dict[str, str] = {item.id: s.id for s in SECTIONS for item in s.items}
