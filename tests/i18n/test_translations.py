"""Qt Linguist translations: complete, placeholders intact, numbers and dates in the window's language."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "vitaalthuis_nl.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d+")
MNEMONIC = re.compile(r"&(?!&)(.)")


TS_EN = TS.with_name("vitaalthuis_en.ts")  # English plural forms only


def messages(path: Path = TS) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [(ctx.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
            for ctx in root for m in ctx.findall("message")]


def texts(translation: ET.Element) -> list[str]:
    """The translated text, or each plural form of a counted (numerus) text."""
    forms = [f.text or "" for f in translation.findall("numerusform")]
    return forms or [translation.text or ""]


def test_no_unfinished_or_empty_dutch_entries() -> None:
    unfinished = [src for _ctx, src, tr in messages()
                  if tr.get("type") in ("unfinished", "vanished", "obsolete")
                  or not all(t.strip() for t in texts(tr))]
    assert unfinished == []
    assert len(messages()) > 150


@pytest.mark.parametrize("path", [TS, TS_EN], ids=["nl", "en"])
def test_counted_texts_have_a_singular_and_a_plural_without_brackets(path: Path) -> None:
    """Real plural forms (%n), never "check-in(s)" or "antwoord(en)" on screen."""
    counted = [(src, texts(tr)) for _ctx, src, tr in messages(path) if "%n" in src]
    assert len(counted) >= 10
    for src, forms in counted:
        assert len(forms) == 2 and forms[0] != forms[1], src
        assert all("%n" in f and "(s)" not in f and "(en)" not in f for f in forms), (src, forms)


def test_the_english_file_holds_every_counted_text_and_nothing_else() -> None:
    dutch = {src for _ctx, src, _tr in messages() if "%n" in src}
    english = {src for _ctx, src, _tr in messages(TS_EN)}
    assert english == dutch


def test_no_dutch_text_hedges_its_plural() -> None:
    hedged = [t for _ctx, _src, tr in messages() for t in texts(tr)
              if re.search(r"\w\((s|en|ën|e|te)\)|week/weken", t)]
    assert hedged == []


def test_every_placeholder_survives_translation() -> None:
    broken = [(src, t) for _ctx, src, tr in messages() for t in texts(tr)
              if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(t))]
    assert broken == []


def test_mnemonics_are_kept_where_the_source_has_one() -> None:
    lost = [(src, t) for _ctx, src, tr in messages() for t in texts(tr)
            if bool(MNEMONIC.search(src)) != bool(MNEMONIC.search(t))]
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
    assert labels.percentage(29.2, "about") == ("ongeveer 29,2%" if lang == "nl" else "about 29.2%")


def test_qt_own_strings_load_in_dutch(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from vitaalthuis.ui import translations

    translations.install("nl")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
    translations.install("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
