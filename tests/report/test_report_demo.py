"""A report of demo data says so on every page; a report of real check-ins says nothing of the kind.

The pages are read back with pypdf, as in tests/report/test_report.py (whitespace removed before comparing:
extracted text breaks lines and may split a word around a kerned letter)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from vitaalthuis.charts.report import build_report
from vitaalthuis.charts.report import texts as rt
from vitaalthuis.charts.report.layout import BOTTOM, DEMO_MARK, DEMO_MARK_Y, PAGE_H, RUNNING, WIDTH, Fonts
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.demo import generate

LAST = IsoWeek(2026, 8)
HISTORY = generate(30, last=LAST)
FIRST = HISTORY[0].week
MARKS = {lang: "".join(rt.t("demo_mark", lang).split()) for lang in ("nl", "en")}


def flat(text: str) -> str:
    return "".join(text.split())


def pages(path: Path, *, lang: str, demo: bool) -> tuple[list[str], PdfReader]:
    count = build_report(path, HISTORY, FIRST, LAST, lang=lang, benchmarks=None,
                         generated=dt.date(2026, 3, 2), demo=demo)
    reader = PdfReader(path)
    assert len(reader.pages) == count >= 7  # summary, overview, 3 chart pages, figures, notes
    return [flat(page.extract_text()) for page in reader.pages], reader


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_of_a_demo_report_carries_the_mark(tmp_path: Path, lang: str) -> None:
    texts, reader = pages(tmp_path / "demo.pdf", lang=lang, demo=True)
    for number, text in enumerate(texts, start=1):
        assert MARKS[lang] in text, f"page {number} has no demo mark"
    assert reader.metadata is not None and rt.t("demo_mark", lang) in str(reader.metadata.subject)


def test_a_real_report_carries_no_mark(tmp_path: Path) -> None:
    for lang in ("nl", "en"):
        texts, reader = pages(tmp_path / f"real-{lang}.pdf", lang=lang, demo=False)
        for text in texts:
            assert not any(mark in text for mark in MARKS.values())
            assert "Demogegevens" not in text and "Demodata" not in text
        assert reader.metadata is not None and "emo" not in str(reader.metadata.subject)


def test_the_mark_fits_between_the_body_and_the_footer() -> None:
    """Under the lowest body line (BOTTOM, also the last ruled writing line) and above the running footer,
    and within the page width in both languages."""
    assert DEMO_MARK_Y > BOTTOM + 0.1
    assert DEMO_MARK_Y + DEMO_MARK.line < PAGE_H - 0.55
    assert DEMO_MARK.size >= RUNNING.size and DEMO_MARK.weight == "bold"
    fonts = Fonts()
    for lang in ("nl", "en"):
        assert fonts.width(rt.t("demo_mark", lang), DEMO_MARK) < WIDTH
