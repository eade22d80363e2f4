"""Dashboard wording in the window: every category, the change line, national figures and their absence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.helpers import answers
from tests.ui.conftest import TODAY
from vitaalthuis.domain.benchmarks import load_benchmarks
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.dashboard import dimension_result
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.ui.dashboard import DimensionCard

W = IsoWeek.current(TODAY)
BENCH = load_benchmarks()
STRONG = {"djg_1": 1, "djg_4": 1, "djg_6": 2, "djg_2": 3, "djg_3": 2}
MODERATE = {"djg_1": 1, "djg_4": 1, "djg_2": 3}
KANS = {"kans_any": 1, "kans_regions": ["neck"], "kans_severity": 7, "kans_work": 2}
LOW_MHI5 = {"mhi5_1": 1, "mhi5_2": 1, "mhi5_4": 1}


def card(qtbot, dimension: str, changes: dict, earlier=(), benchmarks=BENCH, lang: str = "nl"):
    from vitaalthuis.ui import translations

    translations.install(lang)
    checkin = CheckIn(W, answers(**changes))
    widget = DimensionCard(dimension_result(dimension, checkin, list(earlier), benchmarks), checkin, lang,
                           benchmarks)
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize(
    ("dimension", "changes", "result_text"),
    [
        ("gh", {"gh": 1}, "“zeer goed”: (zeer) goed"),
        ("gh", {"gh": 3}, "“gaat wel”: minder goed"),
        ("mhi5", {}, "84 van 100: niet laag (60 of meer)"),
        ("mhi5", LOW_MHI5, "32 van 100: laag (onder 60)"),
        ("ls", {"ls": 7}, "Cijfer 7 van 10: tevreden (7 of hoger)"),
        ("ls", {"ls": 6}, "Cijfer 6 van 10: minder tevreden (onder 7)"),
        ("djg", {}, "0 van 6: niet eenzaam"),
        ("djg", MODERATE, "3 van 6: matig eenzaam"),
        ("djg", STRONG, "5 van 6: sterk eenzaam"),
        ("kans", {}, "Geen klachten deze week"),
        ("kans", KANS, "Klachten deze week, last 7 van 10"),
        ("wlb", {"wlb": 1}, "Privé- of gezinsactiviteiten gemist door je werk: “nooit”"),
        ("wlb", {"wlb": 4}, "Privé- of gezinsactiviteiten gemist door je werk: “altijd”"),
    ],
)
def test_result_in_words_for_every_category(qtbot, dimension, changes, result_text) -> None:
    widget = card(qtbot, dimension, changes)
    assert widget.result_label.text() == result_text
    # words, never a rank
    for text in (widget.result_label.text(), widget.figure_label.text()):
        assert "slechter dan" not in text and "beter dan" not in text and "normaal" not in text


def test_same_measure_figure_wording_and_source(qtbot) -> None:
    widget = card(qtbot, "djg", MODERATE)
    text = widget.figure_label.text()
    assert text.startswith("Je antwoord valt in de categorie “matig eenzaam”; "
                           "in 2022 viel 29,2 % van de groep")
    assert "Bron: CBS" in text
    assert widget.source_button is not None
    assert widget.findChild(type(widget.result_label), "badge").text() == "Zelfde meting"


def test_similar_and_background_wording_differ(qtbot) -> None:
    similar = card(qtbot, "ls", {"ls": 8})
    assert similar.figure_label.text().startswith(
        "Anders gemeten, dus vergelijk alleen globaal: in 2019 meldde 87 %")
    background = card(qtbot, "ls", {"ls": 5})
    assert background.figure_label.text().startswith("Ter achtergrond: in 2019 meldde 87 %")
    kans = card(qtbot, "kans", KANS)
    assert kans.figure_label.text().startswith("Achtergrond, geen vergelijking:")
    assert kans.note_label.text()  # the comparability note is shown plainly
    # own items say so; every figure says which period it asked about, beside the app's 7 days
    assert "eigen vraag van de app" in kans.figure_label.text()
    mhi5 = card(qtbot, "mhi5", {})
    assert "eigen vraag" not in mhi5.figure_label.text()
    assert "Gevraagd over:" in mhi5.figure_label.text()
    assert "(jouw antwoord: de afgelopen 7 dagen)" in mhi5.figure_label.text()
    assert "(jouw antwoord: op dit moment)" in card(qtbot, "ls", {"ls": 8}).figure_label.text()
    assert "(jouw antwoord: zoals je je de laatste tijd voelt)" in card(qtbot, "djg", {}).figure_label.text()


def test_no_benchmark_says_so(qtbot) -> None:
    widget = card(qtbot, "djg", {}, benchmarks=None)
    assert widget.figure_label.text() == "Hiervoor is geen landelijk vergelijkingscijfer beschikbaar."
    assert widget.source_button is None


def test_change_lines(qtbot) -> None:
    earlier = [CheckIn(W.shifted(-1), answers(ls=6)), CheckIn(W.shifted(-2), answers(ls=9))]
    assert card(qtbot, "ls", {"ls": 8}, earlier).change_label.text() == (
        "Deze week is 0,5 hoger dan je gemiddelde van 7,5 over 2 check-ins in de vier weken ervoor.")
    assert card(qtbot, "ls", {"ls": 8}).change_label.text() == (
        "Geen check-ins in de vier weken ervoor om mee te vergelijken.")
    prev = [CheckIn(W.shifted(-3), answers(**STRONG))]
    assert card(qtbot, "djg", {}, prev).change_label.text() == (
        "Vorige check-in (2026 week 45): sterk eenzaam.")
    assert card(qtbot, "djg", STRONG, prev).change_label.text() == (
        "Hetzelfde als je vorige check-in (2026 week 45).")
    assert card(qtbot, "gh", {}).change_label.text() == (
        "Je eerste check-in: nog niets eerders om mee te vergelijken.")


def test_english_wording(qtbot) -> None:
    widget = card(qtbot, "djg", STRONG, lang="en")
    assert widget.result_label.text() == "5 of 6: strongly lonely"
    assert widget.figure_label.text().startswith(
        "Your answer falls in the category “strongly lonely”, as did 10.7 %")


def test_source_dialog_opens_in_one_click(qtbot, monkeypatch) -> None:
    from vitaalthuis.ui import source_dialog

    shown = []
    monkeypatch.setattr(source_dialog.SourceDialog, "exec",
                        lambda self: shown.append(self.text.toPlainText()))
    widget = card(qtbot, "djg", MODERATE)
    qtbot.mouseClick(widget.source_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    text = shown[0]
    for expected in ("Inwoners van Nederland van 15 jaar en ouder", "2022", "De Jong Gierveld",
                     "Gevraagd over", "Zelfde meting",
                     "gecontroleerd in een onafhankelijke bron"):
        assert expected in text


def test_dashboard_appears_on_home_after_a_checkin(qtbot, make_window, repo) -> None:
    window = make_window()
    assert window.home.dashboard.cards == []
    repo.save(CheckIn(W, answers(**MODERATE)))
    window.show_home()
    assert len(window.home.dashboard.cards) == 6
    assert window.home.dashboard.heading.text() == "Hoe gaat het? Resultaten van 2026 week 48"
    assert window.home.tabs.currentWidget() is window.home.dashboard


def test_demo_data_banner(qtbot, make_window, repo) -> None:
    from vitaalthuis.services.demo import fill_demo_data

    window = make_window()
    assert not window.home.demo_banner.isVisible()
    fill_demo_data(repo, 30, today=TODAY)
    window.show_home()
    assert window.home.demo_banner.isVisible()
    assert window.home.demo_banner.text().startswith("Demogegevens")
    assert window.home.dashboard.cards and window.home.history.row_count() == repo.count()
