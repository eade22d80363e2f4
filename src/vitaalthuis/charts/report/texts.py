"""The words of the personal PDF report, in Dutch and English (no Qt: the report cannot use tr()).

Written to match the window's wording (ui/labels.py, ui/dashboard.py and their Dutch translation) and the
honesty rules of docs/instruments.md ("How results are shown"): categories, never ranks; not a diagnosis;
every national figure with its source, period, group, how it was measured and the period it asked about.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from vitaalthuis.domain.benchmarks import BenchmarkSet, Figure, Source, format_period
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.comparison import FigureLine
from vitaalthuis.domain.dashboard import DimensionResult
from vitaalthuis.domain.instruments import ITEMS, Text
from vitaalthuis.domain.scales import Scale
from vitaalthuis.domain.weeks import IsoWeek

T: dict[str, Text] = {
    "summary_head": Text("VitaalThuis — {week}", "VitaalThuis — {week}"),
    "title": Text("VitaalThuis — persoonlijk overzicht", "VitaalThuis — personal overview"),
    "subject": Text("Overzicht van wekelijkse check-ins, {period}", "Overview of weekly check-ins, {period}"),
    "period": Text("Periode", "Period"),
    "period_value": Text("{first} t/m {last}", "{first} to {last}"),
    "checkins": Text("Check-ins", "Check-ins"),
    "checkins_value": Text("{n} in deze periode van {weeks}", "{n} in this period of {weeks}"),
    "generated": Text("Gemaakt op", "Made on"),
    "not_diagnosis": Text(
        "Dit is geen diagnose. Je antwoorden gaan telkens over één week; landelijke cijfers gaan over "
        "groepen en zijn op andere manieren gemeten. Twijfel je over hoe het met je gaat, bespreek het "
        "dan met je huisarts of bedrijfsarts.",
        "This is not a diagnosis. Each of your answers is about one week; national figures are about "
        "groups and were measured in other ways. If you are unsure how you are doing, talk to your GP "
        "(huisarts) or company doctor (bedrijfsarts)."),
    "footer_note": Text("Dit is geen diagnose.", "This is not a diagnosis."),
    "demo_mark": Text(
        "Demogegevens: door de app verzonnen, dit zijn niet de antwoorden van een echt persoon.",
        "Demo data: made up by the app, these are not a real person's answers."),
    "page": Text("Pagina {n} van {total}", "Page {n} of {total}"),
    "purpose_head": Text("Waarvoor is dit overzicht?", "What is this overview for?"),
    "purpose": Text(
        "Dit overzicht zet je wekelijkse check-ins uit VitaalThuis op een rij, zodat je ze kunt meenemen "
        "naar een gesprek met je bedrijfsarts of huisarts. Het laat in je eigen antwoorden zien hoe het "
        "je in deze periode ging: een hulpmiddel voor het gesprek, geen uitslag en geen oordeel. Voor een"
        " gesprek met de bedrijfsarts (open spreekuur) heb je geen toestemming van je werkgever nodig, en"
        " het gesprek is vertrouwelijk. Jij beslist met wie je dit overzicht deelt.",
        "This overview lists your weekly VitaalThuis check-ins, so that you can take them to a "
        "conversation with your company doctor (bedrijfsarts) or GP (huisarts). It shows in your own "
        "answers how you were doing in this period: something to talk about, not a test result and not a "
        "judgement. You do not need your employer's permission to see the company doctor (open "
        "consultation), and the conversation is confidential. You decide whom you share this overview "
        "with."),
    "newest_head": Text("Je nieuwste check-in: {week}", "Your newest check-in: {week}"),
    "period_head": Text("Over de hele periode ({n})", "Across the whole period ({n})"),
    "questions": Text(
        "Over de vragen: gezondheid, psychisch welbevinden (MHI-5) en eenzaamheid (De Jong Gierveld) zijn"
        " bestaande vragenlijsten; tevredenheid, arm, nek en schouders, en werk en privé zijn eigen "
        "vragen van de app. De vragen over welbevinden, klachten en werk en privé gaan over de afgelopen "
        "7 dagen, die over eenzaamheid over hoe je de laatste tijd bent.",
        "About the questions: health, psychological well-being (MHI-5) and loneliness (De Jong Gierveld) "
        "are established questionnaires; life satisfaction, arm, neck and shoulders, and work and private"
        " life are the app's own questions. The questions on well-being, complaints and work and private "
        "life are about the past 7 days, those on loneliness about the way you feel now."),
    "how_to_read": Text(
        "Hoe lees je de grafieken? Een punt of lijn is een week met een check-in; een onderbreking in de "
        "lijn is een week zonder check-in (er wordt niets bijgevuld). Bij welbevinden en tevredenheid is "
        "hoger beter; bij eenzaamheid, klachten aan arm, nek en schouders en gemiste privétijd is lager "
        "beter; bij gezondheid staat ‘zeer goed’ bovenaan. De gestreepte vlakken en lijnen zijn de "
        "grenzen die het CBS gebruikt: welbevinden onder 60, tevreden bij 7 of hoger en de drie groepen "
        "van de eenzaamheidsschaal. Een driehoekje is een week met klachten aan arm, nek of schouders.",
        "How to read the charts: a point or line is a week with a check-in; a break in the line is a week"
        " without one (nothing is filled in). For well-being and life satisfaction higher is better; for "
        "loneliness, arm, neck and shoulder complaints and missed private time lower is better; for "
        "health ‘very good’ is at the top. The hatched areas and lines are the cut-offs Statistics "
        "Netherlands (CBS) uses: well-being below 60, satisfied at 7 or higher and the three groups of "
        "the loneliness scale. A triangle is a week with arm, neck or shoulder complaints."),
    "figures_head": Text("Landelijke cijfers", "National figures"),
    "figures_intro": Text(
        "Per onderwerp de landelijke cijfers die de app ook op het overzicht toont bij je nieuwste "
        "check-in ({week}): het deel van een groep dat in jouw categorie viel, met bron, jaar, groep en "
        "meetwijze. Landelijke cijfers gaan over groepen en "
        "zijn gemeten met andere vragen, op een ander moment en vaak over een andere periode: de app "
        "vraagt meestal naar de afgelopen 7 dagen, landelijke onderzoeken bijvoorbeeld naar de afgelopen "
        "4 weken of 12 maanden. Vergelijk daarom alleen globaal. Een landelijk cijfer zegt niets over jou"
        " persoonlijk.",
        "Per topic the national figures the app also shows on the overview for your newest check-in "
        "({week}): the share of a group that was in your category, with its source, year, group and how it "
        "was measured. National figures are about "
        "groups and were measured with other questions, at another time and often over another period: "
        "the app mostly asks about the past 7 days, national surveys for example about the past 4 weeks "
        "or 12 months. So compare only roughly. A national figure says nothing about you personally."),
    "f_counts": Text("Wat het cijfer telt", "What it counts"),
    "f_group": Text("Groep", "Group"),
    "f_period": Text("Periode", "Period"),
    "f_measured": Text("Hoe gemeten", "How measured"),
    "f_recall": Text("Vraagperiode", "Recall period"),
    "f_comparable": Text("Vergelijkbaar?", "Comparable?"),
    "f_checked": Text("Gecontroleerd", "Checked"),
    "f_source": Text("Bron", "Source"),
    "f_see_also": Text("Zie ook", "See also"),
    "recall_yours": Text("{recall} (in de app: {yours})", "{recall} (in the app: {yours})"),
    "own_item": Text(
        "Dit is een eigen vraag van de app; het landelijke cijfer komt uit een anders geformuleerde "
        "vraag.",
        "This is the app's own question; the national figure comes from a question worded differently."),
    "fig_line": Text("{who}, {period}: {value} {what} ({by})", "{who}, {period}: {value} {what} ({by})"),
    "fig_derived": Text("afgeleid", "derived"),
    "scale_no_complaints": Text("geen klachten", "no complaints"),
    "no_line": Text("Geen recent landelijk cijfer in jouw categorie om hiernaast te zetten.",
                    "No recent national figure in your category to set beside this."),
    "fig_context": Text(
        "Achtergrond, geen vergelijking: in {period} viel {value} van deze groep in de categorie {what}.",
        "Background, not a comparison: in {period}, {value} of this group fell in the category {what}."),
    "fig_other": Text("Ter achtergrond: in {period} viel {value} van deze groep in de categorie {what}.",
                      "For context: in {period}, {value} of this group fell in the category {what}."),
    "fig_same": Text(
        "Je antwoord valt in de categorie {what}; in {period} viel {value} van deze groep in deze "
        "categorie.",
        "Your answer falls in the category {what}, as did {value} of this group in {period}."),
    "fig_similar": Text(
        "Globaal vergelijkbaar, want anders gemeten: in {period} viel {value} van deze groep in de "
        "categorie {what}.",
        "Roughly comparable, as it was measured differently: in {period}, {value} of this group fell in the "
        "category {what}."),
    "kamerstuk": Text("Kamerstuk {number}", "Kamerstuk {number}"),
    "undated": Text("datum niet vermeld", "date not stated"),
    "notes_head": Text("Notities", "Notes"),
    "notes_more": Text("Notities (vervolg)", "Notes (continued)"),
    "own_notes_head": Text("Je eigen notities bij je check-ins", "Your own notes with your check-ins"),
    "own_notes_none": Text("Je hebt in deze periode geen notities bij je check-ins geschreven.",
                           "You wrote no notes with your check-ins in this period."),
    "space_head": Text("Ruimte voor aantekeningen, voor jou en je arts",
                       "Space for notes, for you and your doctor"),
}

DIMENSION_TITLE: dict[str, Text] = {
    "gh": Text("Gezondheid", "Health"),
    "mhi5": Text("Psychisch welbevinden", "Psychological well-being"),
    "ls": Text("Tevredenheid met je leven", "Life satisfaction"),
    "djg": Text("Eenzaamheid", "Loneliness"),
    "kans": Text("Arm, nek en schouders", "Arm, neck and shoulders"),
    "wlb": Text("Werk en privé", "Work and private life"),
}

CATEGORY: dict[tuple[str, str], Text] = {
    ("gh", "good"): Text("(zeer) goed", "(very) good"),
    ("gh", "less_good"): Text("minder goed", "less than good"),
    ("mhi5", "not_low"): Text("niet laag (60 of meer)", "not low (60 or more)"),
    ("mhi5", "low"): Text("laag (onder 60)", "low (below 60)"),
    ("ls", "satisfied"): Text("tevreden (7 of hoger)", "satisfied (7 or more)"),
    ("ls", "not_satisfied"): Text("minder tevreden (onder 7)", "less satisfied (below 7)"),
    ("djg", "not_lonely"): Text("niet eenzaam", "not lonely"),
    ("djg", "moderate"): Text("matig eenzaam", "moderately lonely"),
    ("djg", "strong"): Text("sterk eenzaam", "strongly lonely"),
    ("kans", "complaints"): Text("klachten", "complaints"),
    ("kans", "no_complaints"): Text("geen klachten", "no complaints"),
    ("wlb", "imbalance"): Text("vaak of altijd", "often or always"),
    ("wlb", "balance"): Text("nooit of soms", "never or sometimes"),
}

RESULT: dict[str, Text] = {
    "gh": Text("“{answer}”: {category}", "“{answer}”: {category}"),
    "mhi5": Text("{score} van 100: {category}", "{score} of 100: {category}"),
    "ls": Text("Cijfer {mark} van 10: {category}", "Mark {mark} of 10: {category}"),
    "djg": Text("score {total} van 6 (categorie ‘{category}’)", "score {total} of 6 (category ‘{category}’)"),
    "kans_yes": Text(
        "Klachten deze week, last {severity} van 10 · waar: {regions} · door je werk? {work}",
        "Complaints this week, bother {severity} of 10 · where: {regions} · caused by your work? {work}"),
    "kans_no": Text("Geen klachten deze week", "No complaints this week"),
    "wlb": Text("Privé- of gezinsactiviteiten gemist door je werk: “{answer}” ({category})",
                "Missed private or family activities because of work: “{answer}” ({category})"),
}

CHANGE: dict[str, Text] = {
    "too_few": Text("Na drie check-ins zie je hier hoe deze week zich verhoudt tot je eigen gemiddelde.",
                    "After three check-ins you see here how this week compares with your own average."),
    "about_same": Text("Ongeveer gelijk aan je gemiddelde van {mean} over {n} eerdere check-ins.",
                       "About the same as your average of {mean} over the {n} check-ins before."),
    "higher": Text("Hoger dan je gemiddelde van {mean} over {n} eerdere check-ins.",
                   "Higher than your average of {mean} over the {n} check-ins before."),
    "lower": Text("Lager dan je gemiddelde van {mean} over {n} eerdere check-ins.",
                  "Lower than your average of {mean} over the {n} check-ins before."),
    "varies": Text("Van week tot week schommelt dit vaak.", "This often varies from week to week."),
    "first": Text("Je eerste check-in: nog niets eerders om mee te vergelijken.",
                  "Your first check-in: nothing earlier to compare with yet."),
    "same_category": Text(
        "Hetzelfde als je vorige check-in ({week}).",
        "Same as your previous check-in ({week})."),
    "previous": Text("Vorige check-in ({week}): {category}.", "Previous check-in ({week}): {category}."),
}

SUMMARY: dict[str, Text] = {
    "gh": Text("(zeer) goed in {k} van {n}", "(very) good in {k} of {n}"),
    "mhi5": Text("gemiddeld {mean}, laagste {low}, hoogste {high}; laag (onder 60) in {k} van {n}",
                 "average {mean}, lowest {low}, highest {high}; low (below 60) in {k} of {n}"),
    "ls": Text("gemiddeld cijfer {mean}, laagste {low}, hoogste {high}; tevreden (7 of hoger) in {k} van {n}",
               "average mark {mean}, lowest {low}, highest {high}; satisfied (7 or more) in {k} of {n}"),
    "djg": Text("niet eenzaam in {a}, matig eenzaam in {b} en sterk eenzaam in {c} van {n}",
                "not lonely in {a}, moderately lonely in {b} and strongly lonely in {c} of {n}"),
    "kans": Text("klachten in {k} van {n}", "complaints in {k} of {n}"),
    "kans_mean": Text("klachten in {k} van {n} (gemiddelde last in die weken {mean} van 10)",
                      "complaints in {k} of {n} (average bother in those weeks {mean} of 10)"),
    "wlb": Text("privétijd vaak of altijd gemist door je werk in {k} van {n}",
                "private life often or always missed because of work in {k} of {n}"),
}

# What the app itself asks about, per dimension (docs/instruments.md), beside a national figure's recall
# period.
APP_RECALL: dict[str, Text] = {
    "gh": Text("je gezondheid in het algemeen, gevraagd per week", "your health in general, asked weekly"),
    "mhi5": Text("de afgelopen 7 dagen", "the past 7 days"),
    "ls": Text("op dit moment, gevraagd per week", "at the moment, asked weekly"),
    "djg": Text("zoals je de laatste tijd bent, gevraagd per week", "the way you feel now, asked weekly"),
    "kans": Text("de afgelopen 7 dagen", "the past 7 days"),
    "wlb": Text("de afgelopen 7 dagen", "the past 7 days"),
}

FIGURE_COUNTS: dict[str, Text] = {
    "gh_good": Text("(zeer) goede gezondheid", "(very) good health"),
    "mhi5_low": Text("laag psychisch welbevinden", "low psychological well-being"),
    "mhi5_low=false": Text("psychisch gezond", "psychologically healthy"),
    "ls_satisfied": Text("tevreden met het leven", "satisfied with life"),
    "djg_category=not_lonely": Text("niet eenzaam", "not lonely"),
    "djg_category=moderate": Text("matig eenzaam", "moderately lonely"),
    "djg_category=strong": Text("sterk eenzaam", "strongly lonely"),
    "kans": Text("klachten aan arm, nek of schouder", "arm, neck or shoulder complaints"),
    "wlb_imbalance": Text("door het werk vaak privé- of gezinsactiviteiten gemist",
                          "often missed private or family activities because of work"),
}

COMPARABILITY: dict[str, Text] = {
    "same_measure": Text("Zelfde vragenlijst", "Same measure"),
    "similar": Text("Globaal vergelijkbaar", "Roughly comparable"),
    "context": Text("Alleen achtergrond", "Background only"),
}

VERIFICATION: dict[str, Text] = {
    "independent": Text("gecontroleerd in een onafhankelijke bron", "checked in an independent source"),
    "secondary": Text("alleen gevonden in een secundaire bron (nieuws of andere website)",
                      "found in a secondary source only (news or third-party site)"),
    "letter_only": Text("alleen gevonden in de Kamerbrief van 3 februari 2021",
                        "found in the ministry's letter of 3 February 2021 only"),
}

QUALIFIER: dict[str, Text] = {
    "about": Text("ongeveer ", "about "),
    "almost": Text("bijna ", "almost "),
    "more_than": Text("ruim ", "more than "),
}


COUNTED: dict[str, tuple[Text, Text]] = {  # singular, plural
    "checkins": (Text("check-in", "check-in"), Text("check-ins", "check-ins")),
    "weeks": (Text("week", "week"), Text("weken", "weeks")),
}


def counted(n: int, key: str, lang: str) -> str:
    """``1 check-in``, ``93 check-ins``, ``1 week``, ``104 weken``."""
    return f"{n} {COUNTED[key][0 if n == 1 else 1].get(lang)}"


def t(key: str, lang: str, **values: object) -> str:
    text = T[key].get(lang)
    return text.format(**values) if values else text


# --- numbers and dates --------------------------------------------------------------------------------------


def decimal(value: float, lang: str, places: int = 1) -> str:
    """A number with a decimal comma in Dutch; whole numbers without decimals."""
    text = f"{value:.{places}f}"
    if places and float(text) == int(float(text)):
        text = str(int(float(text)))
    return text.replace(".", ",") if lang == "nl" else text


def percentage(figure: Figure, lang: str) -> str:
    prefix = QUALIFIER[figure.qualifier].get(lang) if figure.qualifier in QUALIFIER else ""
    if figure.value_pct is None:
        return prefix + decimal(figure.value, lang)
    return f"{prefix}{decimal(figure.value, lang)}%"


def long_date(day: dt.date, lang: str) -> str:
    """``3 maart 2027`` / ``3 March 2027`` (month names from benchmarks.format_period, not the locale)."""
    return f"{day.day} {format_period(f'{day.year}-{day.month:02d}', lang)}"


def week_dates(week: IsoWeek, lang: str) -> str:
    """``2026-W48 (23–29 november 2026)``, ``2025-W18 (28 april – 4 mei 2025)``."""
    monday, sunday = week.monday, week.sunday
    end = long_date(sunday, lang)
    if monday.month == sunday.month:
        return f"{week} ({monday.day}–{end})"
    if monday.year == sunday.year:
        return f"{week} ({long_date(monday, lang).rsplit(' ', 1)[0]} – {end})"
    return f"{week} ({long_date(monday, lang)} – {end})"


def period_text(first: IsoWeek, last: IsoWeek, lang: str) -> str:
    """``2025-W01 t/m 2026-W52 (30 december 2024 – 27 december 2026)``."""
    if first == last:
        return week_dates(first, lang)
    weeks = t("period_value", lang, first=first, last=last)
    return f"{weeks} ({long_date(first.monday, lang)} – {long_date(last.sunday, lang)})"


def source_date(date: str, lang: str) -> str:
    if date == "n.d.":
        return t("undated", lang)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return long_date(dt.date.fromisoformat(date), lang)
    return format_period(date, lang)


def citation(source: Source, lang: str) -> str:
    """Publisher, title, date, Kamerstuk, document number and address: the full reference."""
    parts = [f"{source.publisher}, {source.title} ({source_date(source.date, lang)})"]
    if source.kamerstuk:
        parts.append(t("kamerstuk", lang, number=source.kamerstuk))
    if source.document:
        parts.append(source.document)
    if source.url:
        parts.append(source.url)
    return ". ".join(parts)


# --- the newest check-in in words ---------------------------------------------------------------------------


def category(dimension: str, code: str, lang: str) -> str:
    text = CATEGORY.get((dimension, code))
    return text.get(lang) if text else code


def result_line(result: DimensionResult, checkin: CheckIn, lang: str) -> str:
    d, a = result.dimension, checkin.answers
    cat = category(d, result.category, lang)
    if d == "gh":
        return RESULT["gh"].get(lang).format(answer=ITEMS["gh"].label(a["gh"], lang), category=cat)
    if d == "mhi5":
        return RESULT["mhi5"].get(lang).format(score=checkin.scores.mhi5, category=cat)
    if d == "ls":
        return RESULT["ls"].get(lang).format(mark=a["ls"], category=cat)
    if d == "djg":
        return RESULT["djg"].get(lang).format(total=checkin.scores.djg_total, category=cat)
    if d == "kans":
        if result.category != "complaints":
            return RESULT["kans_no"].get(lang)
        regions = ", ".join(ITEMS["kans_regions"].label(r, lang) for r in a.get("kans_regions", ()))
        return RESULT["kans_yes"].get(lang).format(severity=a["kans_severity"], regions=regions,
                                                   work=ITEMS["kans_work"].label(a["kans_work"], lang))
    return RESULT["wlb"].get(lang).format(answer=ITEMS["wlb"].label(a["wlb"], lang), category=cat)


def change_line(result: DimensionResult, lang: str) -> str:
    change = result.change
    if change is not None:  # the change is always at least three check-ins, so the plural is fixed
        if change.direction is None or change.mean is None:
            return CHANGE["too_few"].get(lang)
        text = CHANGE[change.direction].get(lang).format(mean=change.mean, n=change.earlier)
        return f"{text} {CHANGE['varies'].get(lang)}"
    previous = result.previous
    if previous.previous is None or previous.previous_week is None:
        return CHANGE["first"].get(lang)
    if previous.same(result.category):
        return CHANGE["same_category"].get(lang).format(week=previous.previous_week)
    return CHANGE["previous"].get(lang).format(week=previous.previous_week,
                                               category=category(result.dimension, previous.previous, lang))


# --- the whole period ---------------------------------------------------------------------------------------


def summary_line(dimension: str, checkins: list[CheckIn], lang: str) -> str:
    """The period in counts of the user's own weeks (never a rank)."""
    n, total = len(checkins), counted(len(checkins), "checkins", lang)
    scores = [c.scores for c in checkins]
    if dimension == "gh":
        return SUMMARY["gh"].get(lang).format(k=sum(s.gh_good for s in scores), n=total)
    if dimension in ("mhi5", "ls"):
        values = [s.mhi5 for s in scores] if dimension == "mhi5" else [c.answers["ls"] for c in checkins]
        k = sum(s.mhi5_low for s in scores) if dimension == "mhi5" else sum(s.ls_satisfied for s in scores)
        return SUMMARY[dimension].get(lang).format(mean=decimal(sum(values) / n, lang), low=min(values),
                                                   high=max(values), k=k, n=total)
    if dimension == "djg":
        counts = {code: sum(s.djg_category.value == code for s in scores)
                  for code in ("not_lonely", "moderate", "strong")}
        return SUMMARY["djg"].get(lang).format(a=counts["not_lonely"], b=counts["moderate"],
                                               c=counts["strong"], n=total)
    if dimension == "kans":
        severities = [c.answers["kans_severity"] for c in checkins if c.scores.kans]
        if not severities:
            return SUMMARY["kans"].get(lang).format(k=0, n=total)
        return SUMMARY["kans_mean"].get(lang).format(k=len(severities), n=total,
                                                     mean=decimal(sum(severities) / len(severities), lang))
    return SUMMARY["wlb"].get(lang).format(k=sum(s.wlb_imbalance for s in scores), n=total)


# --- national figures ---------------------------------------------------------------------------------------


def scale_ends(scale: Scale, lang: str) -> tuple[str, str]:
    """The words at both ends of a card's scale ("zeer slecht" … "zeer goed", "0" … "100")."""
    words = {"gh:5": ITEMS["gh"].label(5, lang), "gh:1": ITEMS["gh"].label(1, lang),
             "wlb:4": ITEMS["wlb"].label(4, lang), "wlb:1": ITEMS["wlb"].label(1, lang),
             "kans:none": t("scale_no_complaints", lang)}
    return words.get(scale.low_label, scale.low_label), words.get(scale.high_label, scale.high_label)


def band_note(lines: Sequence[FigureLine], lang: str) -> str:
    """Under the user's band: the shares of the comparison lines ("TNO 14% · CBS 10%")."""
    return " · ".join(f"{line.figure.by} {decimal(round(line.value), lang, places=0)}%" for line in lines)


def comparison_line(line: FigureLine, lang: str) -> str:
    """The card's comparison line: "Thuiswerkers, november 2020: 14% sterk eenzaam (TNO)"."""
    figure = line.figure
    text = t("fig_line", lang, who=figure.who.get(lang), period=format_period(figure.period, lang),
             value=f"{decimal(round(line.value), lang, places=0)}%", what=line.shows(lang), by=figure.by)
    return text + (" · " + t("fig_derived", lang) if line.derived else "")


def figure_counts(figure: Figure, lang: str) -> str:
    text = FIGURE_COUNTS.get(figure.score)
    return text.get(lang) if text else figure.score


def figure_rows(result: DimensionResult, figure: Figure, benchmarks: BenchmarkSet, lang: str,
                *, own_item: bool) -> list[tuple[str, str]]:
    """(label, text) rows describing one figure completely."""
    period = format_period(figure.period, lang)
    if figure.period_note is not None:
        period += f" ({figure.period_note.get(lang).rstrip('.')})"
    recall = t("recall_yours", lang, recall=figure.recall_period.get(lang).rstrip("."),
               yours=APP_RECALL[result.dimension].get(lang))
    comparable = figure.comparability_note.get(lang)  # the level itself is in the block's heading
    if own_item:
        comparable += " " + t("own_item", lang)
    rows = [
        (t("f_counts", lang), f"{percentage(figure, lang)} · {figure_counts(figure, lang)}"),
        (t("f_group", lang), figure.population.get(lang)),
        (t("f_period", lang), period),
        (t("f_measured", lang), figure.instrument.get(lang)),
        (t("f_recall", lang), recall),
        (t("f_comparable", lang), comparable),
        (t("f_checked", lang), VERIFICATION[figure.verification.value].get(lang)),
        (t("f_source", lang), citation(benchmarks.source(figure.source), lang)),
    ]
    for key in figure.see_also:
        rows.append((t("f_see_also", lang), citation(benchmarks.source(key), lang)))
    return rows
