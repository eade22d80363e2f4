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
    kans = translate("Labels", "yes, {severity}/10").format(severity=checkin.answers.get("kans_severity", "?")) if s.kans else translate("Labels", "no")
    return [
        health(checkin, lang),
        translate("Labels", "{score} of 100").format(score=s.mhi5),
        str(checkin.answers["ls"]),
        djg_category(s.djg_category.value),
        kans,
        ITEMS["wlb"].label(checkin.answers["wlb"], lang),
    ]


def summary_headers() -> list[str]:
    return [translate("Labels", "Week"), translate("Labels", "Health"), translate("Labels", "Well-being"), translate("Labels", "Life (1–10)"), translate("Labels", "Loneliness"),
            translate("Labels", "Arm/neck/shoulder"), translate("Labels", "Missed private time")]
