"""Codes from the domain turned into translated words (the domain never returns display text)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.instruments import ITEMS
from vitaalthuis.domain.weeks import IsoWeek

translate = QCoreApplication.translate


def djg_category(code: str) -> str:
    return {
        "not_lonely": translate("Labels", "not lonely"),
        "moderate": translate("Labels", "moderately lonely"),
        "strong": translate("Labels", "strongly lonely"),
    }.get(code, code)


def djg_result(total: int, code: str) -> str:
    """A loneliness result as a score with its category, never a verdict: 'score 5 van 6 (categorie
    ‘sterk eenzaam’)'. The category names are those of the scale's manual."""
    return translate("Labels", "score {total} of 6 (category ‘{category}’)").format(
        total=total, category=djg_category(code))


def problem(code: str) -> str:
    return {
        "missing": translate("Labels", "This answer is still missing."),
        "out_of_range": translate("Labels", "This answer is outside the allowed range."),
        "wrong_type": translate("Labels", "This answer has the wrong form."),
        "days_over_7": translate("Labels", "Days at home and at the workplace add up to more than 7."),
        "note_too_long": translate("Labels", "The note is longer than 2,000 characters."),
        "note_invalid_text": translate("Labels", "The note contains characters that cannot be saved."),
        "empty_regions": translate("Labels", "Tick at least one place where you had complaints."),
        "kans_details_without_yes": translate("Labels", "Details are only asked when you had complaints."),
    }.get(code, translate("Labels", "This answer cannot be saved."))


def week_title(week: IsoWeek, lang: str) -> str:
    """'Week 48 · 23–29 november 2026' (dates in the window's language)."""
    locale = QLocale(QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English)
    first, last = week.monday, week.sunday
    end = locale.toString(QDate(last.year, last.month, last.day), "d MMMM yyyy")
    if first.month == last.month:
        start = str(first.day)
    else:
        fmt = "d MMMM" if first.year == last.year else "d MMMM yyyy"
        start = locale.toString(QDate(first.year, first.month, first.day), fmt)
    return translate("Labels", "Week {week} · {start}–{end}").format(week=week.week, start=start, end=end)


def week_short(week: IsoWeek) -> str:
    return translate("Labels", "{year} week {week}").format(year=week.year, week=week.week)


def health(checkin: CheckIn, lang: str) -> str:
    return ITEMS["gh"].label(checkin.answers["gh"], lang)


def summary_cells(checkin: CheckIn, lang: str) -> list[str]:
    """The key results of a check-in in words, one per history column."""
    s = checkin.scores
    kans = translate("Labels", "yes, {severity}/10").format(
        severity=checkin.answers.get("kans_severity", "?")) if s.kans else translate("Labels", "no")
    return [
        health(checkin, lang),
        translate("Labels", "{score} of 100").format(score=s.mhi5),
        str(checkin.answers["ls"]),
        djg_result(s.djg_total, s.djg_category.value),
        kans,
        ITEMS["wlb"].label(checkin.answers["wlb"], lang),
    ]


def summary_headers() -> list[str]:
    return [translate("Labels", "Week"), translate("Labels", "Health"), translate("Labels", "Well-being"),
            translate("Labels", "Satisfaction (1–10)"), translate("Labels", "Loneliness"),
            translate("Labels", "Arm, neck and shoulders"), translate("Labels", "Missed private time")]


# -- dashboard -----------------------------------------------------------------------------------------------
def dimension_title(dimension: str) -> str:
    return {
        "gh": translate("Labels", "Health"),
        "mhi5": translate("Labels", "Psychological well-being"),
        "ls": translate("Labels", "Life satisfaction"),
        "djg": translate("Labels", "Loneliness"),
        "kans": translate("Labels", "Arm, neck and shoulders"),
        "wlb": translate("Labels", "Work and private life"),
    }[dimension]


def category(dimension: str, code: str) -> str:
    """The words for a dashboard category (docs/instruments.md cut-offs named where they matter)."""
    return {
        ("gh", "good"): translate("Labels", "(very) good"),
        ("gh", "less_good"): translate("Labels", "less than good"),
        ("mhi5", "not_low"): translate("Labels", "not low (60 or more)"),
        ("mhi5", "low"): translate("Labels", "low (below 60)"),
        ("ls", "satisfied"): translate("Labels", "satisfied (7 or more)"),
        ("ls", "not_satisfied"): translate("Labels", "less satisfied (below 7)"),
        ("kans", "complaints"): translate("Labels", "complaints"),
        ("kans", "no_complaints"): translate("Labels", "no complaints"),
        ("wlb", "imbalance"): translate("Labels", "often or always"),
        ("wlb", "balance"): translate("Labels", "never or sometimes"),
    }.get((dimension, code)) or djg_category(code)


def figure_category(score_key: str) -> str:
    """What a national figure counts, by its score key in the benchmark dataset."""
    return {
        "gh_good": translate("Labels", "(very) good health"),
        "mhi5_low": translate("Labels", "low psychological well-being"),
        "mhi5_low=false": translate("Labels", "psychologically healthy"),
        "ls_satisfied": translate("Labels", "satisfied with life"),
        "djg_category=not_lonely": djg_category("not_lonely"),
        "djg_category=moderate": djg_category("moderate"),
        "djg_category=strong": djg_category("strong"),
        "kans": translate("Labels", "arm, neck or shoulder complaints"),
        "wlb_imbalance": translate("Labels", "often missed private or family activities because of work"),
    }.get(score_key, score_key)


def comparability(code: str) -> str:
    return {
        "same_measure": translate("Labels", "Same measure"),
        "similar": translate("Labels", "Roughly comparable"),
        "context": translate("Labels", "Background only"),
    }[code]


def verification(code: str) -> str:
    return {
        "independent": translate("Labels", "checked in an independent source"),
        "secondary": translate("Labels", "found in a secondary source only (news or third-party site)"),
        "letter_only": translate("Labels", "found in the ministry's letter of 3 February 2021 only"),
    }[code]


def percentage(value: float, qualifier: str | None) -> str:
    number = QLocale().toString(float(value), "f", 1 if value != int(value) else 0)
    prefix = {
        "about": translate("Labels", "about "),
        "almost": translate("Labels", "almost "),
        "more_than": translate("Labels", "more than "),
    }.get(qualifier or "", "")
    return f"{prefix}{number}%"


def decimal(value: float, places: int = 1) -> str:
    """A number in the window's language (Dutch uses a decimal comma)."""
    return QLocale().toString(float(value), "f", places)


def count(value: int) -> str:
    """A whole number in the window's language (Dutch 28.812, English 28,812)."""
    return QLocale().toString(int(value))
