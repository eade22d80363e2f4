"""The personal PDF report: pages, words, sources, notes, and writing the file safely.

The PDFs are read back with pypdf. Extracted text breaks lines where the report wraps them (and may split a
word around a kerned letter), so texts are compared with all whitespace removed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import answers
from vitaalthuis.charts.report import EmptyPeriodError, build_report
from vitaalthuis.domain.benchmarks import BenchmarkSet, load_benchmarks
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.dashboard import dashboard
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.demo import generate

FIRST, LAST = IsoWeek(2025, 45), IsoWeek(2026, 8)  # 16 ISO weeks: 3 November 2025 to 22 February 2026
GENERATED = dt.date(2026, 3, 2)
OWN_NOTE = "Gesprek met leidinggevende gepland; parkeren kost $5 — score ≥ 60 is niet laag."
NEWEST_NOTE = "Nek stijf na lange dagen, vaker opgestaan."
AFTER_NOTE = "Deze notitie valt na de periode."
# The newest check-in of the period: MHI-5 72 (not low), De Jong Gierveld 3 (moderate), KANS with details.
NEWEST = answers(mhi5_1=4, mhi5_2=5, mhi5_3=2, mhi5_4=4, mhi5_5=2, djg_1=1, djg_2=2, djg_4=2, kans_any=1,
                 kans_regions=["neck", "shoulders"], kans_severity=6, kans_work=2, wlb=3, ls=6, gh=3,
                 note=NEWEST_NOTE)


def flat(text: str) -> str:
    return "".join(text.split())


def history() -> list[CheckIn]:
    """Demo weeks around the period, with a known newest check-in in it and notes inside and after it."""
    checkins = {c.week: CheckIn(c.week, {k: v for k, v in c.answers.items() if k != "note"})
                for c in generate(20, last=IsoWeek(2026, 10))}
    checkins[LAST] = CheckIn(LAST, NEWEST)
    checkins[IsoWeek(2025, 46)] = CheckIn(IsoWeek(2025, 46), answers(note=OWN_NOTE))
    checkins[IsoWeek(2026, 10)] = CheckIn(IsoWeek(2026, 10), answers(note=AFTER_NOTE))
    return sorted(checkins.values(), key=lambda c: c.week)


def without_wlb_figures(benchmarks: BenchmarkSet) -> BenchmarkSet:
    return dataclasses.replace(benchmarks, figures=tuple(f for f in benchmarks.figures
                                                        if not f.score.startswith("wlb")))


@dataclasses.dataclass
class Built:
    path: Path
    pages: int
    texts: list[str]  # extracted text per page
    reader: PdfReader
    progress: list[tuple[int, int]]


def build(path: Path, *, lang: str = "nl", benchmarks: BenchmarkSet | None) -> Built:
    calls: list[tuple[int, int]] = []
    pages = build_report(path, history(), FIRST, LAST, lang=lang, benchmarks=benchmarks, generated=GENERATED,
                         progress=lambda done, total: calls.append((done, total)))
    reader = PdfReader(path)
    return Built(path, pages, [page.extract_text() for page in reader.pages], reader, calls)


@pytest.fixture(scope="module")
def benchmarks() -> BenchmarkSet:
    return without_wlb_figures(load_benchmarks())


@pytest.fixture(scope="module")
def nl(tmp_path_factory: pytest.TempPathFactory, benchmarks: BenchmarkSet) -> Built:
    return build(tmp_path_factory.mktemp("report") / "overzicht.pdf", benchmarks=benchmarks)


@pytest.fixture(scope="module")
def en(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(tmp_path_factory.mktemp("report") / "overview.pdf", lang="en", benchmarks=None)


def test_the_file_is_a_pdf_with_the_returned_number_of_pages_and_metadata(nl: Built) -> None:
    assert nl.path.read_bytes().startswith(b"%PDF-")
    assert nl.pages == len(nl.reader.pages) >= 8  # summary, overview, 3 chart pages, figures, notes
    assert nl.progress == [(done, nl.pages) for done in range(nl.pages + 1)]
    for number, text in enumerate(nl.texts, start=1):
        assert flat(f"Pagina {number} van {nl.pages}") in flat(text)
        assert flat("Dit is geen diagnose.") in flat(text)
    for page in nl.reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 portrait in points
    meta = nl.reader.metadata
    assert meta is not None
    assert meta.title is not None and meta.title.startswith("VitaalThuis — persoonlijk overzicht")
    assert meta.author == "VitaalThuis"
    assert meta.subject is not None and "2025-W45" in meta.subject
    assert str(meta["/CreationDate"]).startswith("D:20260302")


def test_page_one_has_the_title_period_not_a_diagnosis_line_and_the_newest_results(nl: Built) -> None:
    page = flat(nl.texts[0])
    for expected in (
        "VitaalThuis — persoonlijk overzicht",
        "2025-W45 t/m 2026-W08 (3 november 2025 – 22 februari 2026)",
        "Gemaakt op 2 maart 2026",
        "Dit is geen diagnose.",
        "bedrijfsarts of huisarts",
        "Je nieuwste check-in: 2026-W08 (16–22 februari 2026)",
        "72 van 100: niet laag (60 of meer)",
        "score 3 van 6 (categorie ‘matig eenzaam’)",
        "Cijfer 6 van 10: minder tevreden (onder 7)",
        "“gaat wel”: minder goed",
        "Klachten deze week, last 6 van 10 · waar: nek, schouders · door je werk? deels",
        "“vaak” (vaak of altijd)",
        "Over de hele periode",
        "privétijd vaak of altijd gemist door je werk in",  # the last line: the summary stays on one page
    ):
        assert flat(expected) in page, expected
    assert "%" not in page  # the user's own categories and counts: no ranks, no percentages


def test_the_period_counts_only_the_check_ins_in_it(nl: Built) -> None:
    weeks = {c.week for c in history() if FIRST <= c.week <= LAST}
    assert flat(f"{len(weeks)} in deze periode van 16 weken") in flat(nl.texts[0])
    assert flat(f"Over de hele periode ({len(weeks)} check-ins)") in flat(nl.texts[0])


def test_chart_pages_show_the_overview_and_two_dimensions_each_over_the_whole_period(nl: Built) -> None:
    expected = {
        1: ["Overzicht van je weken", "Hoe lees je de grafieken?"],
        2: ["Psychisch welbevinden (MHI-5)", "Eenzaamheid (De Jong Gierveld)"],
        3: ["Tevredenheid met je leven", "Ervaren gezondheid"],
        4: ["Klachten aan arm, nek en schouders", "Werk en privé"],
    }
    for index, titles in expected.items():
        for title in titles:
            assert flat(title) in flat(nl.texts[index]), (index, title)
    for index in (2, 3, 4):  # every week of the period on the x axis, also the weeks without a check-in
        assert flat("van 16 weken ingevuld") in flat(nl.texts[index])


def test_national_figures_come_with_source_and_recall_period(nl: Built, benchmarks: BenchmarkSet) -> None:
    first = next(i for i, text in enumerate(nl.texts) if flat("Landelijke cijfers") in flat(text))
    assert first == 5
    figures = flat(" ".join(nl.texts[first:-1]))
    assert flat("Notities") not in flat(nl.texts[first])
    newest_and_before = [c for c in history() if c.week <= LAST]
    shown = [r for r in dashboard(newest_and_before, benchmarks) if r.figure is not None]
    assert len(shown) == 5  # every dimension but work-private, whose figures the test set leaves out
    for result in shown:
        figure = result.figure
        assert figure is not None
        source = benchmarks.source(figure.source)
        assert flat(source.publisher) in figures and flat(source.title) in figures
        assert flat(source.url or f"Kamerstuk {source.kamerstuk}") in figures
        assert flat(figure.population.nl) in figures
        assert flat(figure.recall_period.nl.rstrip(".")) in figures
    assert flat("Vraagperiode") in figures
    assert flat("(in de app: de afgelopen 7 dagen)") in figures


def test_the_figures_pages_show_the_cards_comparison_lines(nl: Built, benchmarks: BenchmarkSet) -> None:
    """The same lines as the window's cards (the newest check-in), each with its full description; work and
    private life has no figure in this dataset, and says so."""
    from vitaalthuis.charts.report.texts import comparison_line
    from vitaalthuis.domain.comparison import figure_lines
    from vitaalthuis.domain.dashboard import category_of

    figures = flat(" ".join(nl.texts[5:-1]))
    newest = CheckIn(LAST, NEWEST)
    shown = 0
    for dimension in ("gh", "mhi5", "ls", "djg", "kans"):
        for line in figure_lines(benchmarks, dimension, category_of(dimension, newest)):
            assert flat(comparison_line(line, "nl")) in figures
            shown += 1
    assert shown >= 5
    assert flat("25% niet (zeer) tevreden met het leven (TNO) · afgeleid") in figures  # a mark of 6
    assert figures.count(flat("Geen recent landelijk cijfer in jouw categorie om hiernaast te zetten.")) == 1


def test_each_dimension_on_the_figures_pages_has_its_cards_scale(nl: Built, benchmarks: BenchmarkSet) -> None:
    """As on the card: the end labels and, under the user's band, the national shares of that category."""
    figures = flat(" ".join(nl.texts[5:-1]))
    assert flat("zeer slecht") in figures and flat("zeer goed") in figures  # general health's scale
    assert flat("geen klachten") in figures  # arm, neck and shoulders: from no complaints to 10
    assert flat("TNO 25% · CBS 16%") in figures  # a mark of 6: the derived shares under the user's band
    assert flat("CBS 30%") in figures  # moderately lonely


def test_the_scale_marks_this_weeks_answer_in_its_band() -> None:
    from vitaalthuis.charts.report.layout import Block, Fonts, ScaleOp
    from vitaalthuis.domain.scales import scale_of

    block = Block(Fonts())
    scale = scale_of("mhi5", CheckIn(LAST, NEWEST))
    block.scale(scale, "0", "100", "CBS 86%")
    (op,) = block.rows[0][1]
    assert isinstance(op, ScaleOp) and op.scale.marker == 72 and op.scale.band_of(72).category == "not_low"


def test_the_notes_page_has_ruled_space_and_the_users_notes_from_the_period_only(nl: Built) -> None:
    notes = flat(nl.texts[-1])
    for expected in ("Notities", "Je eigen notities bij je check-ins", "Ruimte voor aantekeningen",
                     "2025-W46", OWN_NOTE, "2026-W08", NEWEST_NOTE):
        assert flat(expected) in notes, expected
    everything = flat(" ".join(nl.texts))
    assert flat(AFTER_NOTE) not in everything


def test_the_english_report(en: Built) -> None:
    # without benchmarks: summary, overview, three chart pages, one page of figures, one of notes
    assert en.pages == 7
    first, figures, notes = flat(en.texts[0]), flat(en.texts[5]), flat(en.texts[6])
    for expected in ("VitaalThuis — personal overview",
                     "2025-W45 to 2026-W08 (3 November 2025 – 22 February 2026)", "This is not a diagnosis.",
                     "company doctor (bedrijfsarts)", "72 of 100: not low (60 or more)",
                     "score 3 of 6 (category ‘moderately lonely’)", "Made on 2 March 2026",
                     "private life often or always missed because of work in"):
        assert flat(expected) in first, expected
    assert flat("Overview of your weeks") in flat(en.texts[1])
    assert figures.count(flat("No recent national figure in your category to set beside this.")) == 6
    assert flat("Notes") in notes and flat(OWN_NOTE) in notes
    assert flat("Page 7 of 7") in notes
    assert "Pagina" not in flat(" ".join(en.texts))


def test_a_period_without_check_ins_raises_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "leeg.pdf"
    with pytest.raises(EmptyPeriodError):
        build_report(target, history(), IsoWeek(2024, 1), IsoWeek(2024, 52), benchmarks=None)
    with pytest.raises(EmptyPeriodError):
        build_report(target, [], FIRST, LAST, benchmarks=None)
    assert list(tmp_path.iterdir()) == []


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="after"):
        build_report(tmp_path / "x.pdf", history(), LAST, FIRST, benchmarks=None)
    with pytest.raises(ValueError, match="language"):
        build_report(tmp_path / "x.pdf", history(), FIRST, LAST, lang="de", benchmarks=None)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_report_is_readable_by_the_user_only(nl: Built) -> None:
    assert stat.S_IMODE(nl.path.stat().st_mode) == 0o600


def test_an_existing_file_is_replaced_only_when_the_new_report_is_complete(tmp_path: Path) -> None:
    target = tmp_path / "overzicht.pdf"
    target.write_bytes(b"the previous report")
    target.chmod(0o644)

    def fail_midway(done: int, total: int) -> None:
        if done == 3:
            raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError, match="cancelled"):
        build_report(target, history(), FIRST, LAST, benchmarks=None, progress=fail_midway)
    assert target.read_bytes() == b"the previous report"
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind

    pages = build_report(target, history(), LAST, LAST, benchmarks=None)
    assert target.read_bytes().startswith(b"%PDF-")
    assert len(PdfReader(target).pages) == pages
    assert list(tmp_path.iterdir()) == [target]
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_importing_the_module_does_not_import_matplotlib() -> None:
    """Only building a report loads matplotlib: not importing the package or any of its modules."""
    package = "vitaalthuis.charts.report"
    modules = ", ".join(f"{package}.{name}" for name in ("texts", "layout", "pages", "render"))
    code = f"import sys, vitaalthuis.charts.report, {modules}; print('matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
