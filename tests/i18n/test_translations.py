"""Qt Linguist translations: complete, placeholders intact, numbers and dates in the window's language."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "vitaalthuis_nl.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d+")
MNEMONIC = re.compile(r"&(?!&)(.)")


def messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [(ctx.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
            for ctx in root for m in ctx.findall("message")]


def test_no_unfinished_or_empty_dutch_entries() -> None:
    unfinished = [src for _ctx, src, tr in messages()
                  if tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip()]
    assert unfinished == []
    assert len(messages()) > 150


def test_every_placeholder_survives_translation() -> None:
    broken = [(src, tr.text) for _ctx, src, tr in messages()
              if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(tr.text or ""))]
    assert broken == []


def test_mnemonics_are_kept_where_the_source_has_one() -> None:
    lost = [(src, tr.text) for _ctx, src, tr in messages()
            if bool(MNEMONIC.search(src)) != bool(MNEMONIC.search(tr.text or ""))]
    assert lost == []


def test_every_context_is_a_real_class_or_labels() -> None:
    """A call like tr("…") outside a class lands in an empty context and is never found at run time."""
    assert all(ctx for ctx, _src, _tr in messages())


def test_source_has_no_stale_entries() -> None:
    """Every source text is still used in the code (lupdate -no-obsolete keeps it so)."""
    code = "\n".join(p.read_text(encoding="utf-8")
                     for p in (TS.parents[2] / "src" / "vitaalthuis" / "ui").rglob("*.py"))
    missing = [src for _ctx, src, _tr in messages() if src.split("\n")[0][:40] not in code.replace('"\n', "")
               and src[:25] not in code]
    assert missing == []


@pytest.mark.parametrize(("lang", "expected_decimal", "month"),
                         [("nl", "7,5", "november"), ("en", "7.5", "November")])
def test_numbers_and_dates_follow_the_language(qapp, lang: str, expected_decimal: str, month: str) -> None:
    from PySide6.QtCore import QLocale

    from vitaalthuis.domain.weeks import IsoWeek
    from vitaalthuis.ui import labels, translations

    translations.install(lang)
    assert QLocale().language() == (QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English)
    assert labels.decimal(7.5) == expected_decimal
    assert month in labels.week_title(IsoWeek(2026, 48), lang)
    assert labels.percentage(29.2, "about") == ("ongeveer 29,2 %" if lang == "nl" else "about 29.2 %")


def test_qt_own_strings_load_in_dutch(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from vitaalthuis.ui import translations

    translations.install("nl")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
    translations.install("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
