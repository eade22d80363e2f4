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
        ("gh", {"gh": 1}, "Je gezondheid deze week: ‘zeer goed’ (categorie ‘(zeer) goed’)"),
        ("gh", {"gh": 3}, "Je gezondheid deze week: ‘gaat wel’ (categorie ‘minder goed’)"),
        ("mhi5", {}, "Score 84 van 100 (categorie ‘niet laag (60 of meer)’)"),
        ("mhi5", LOW_MHI5, "Score 32 van 100 (categorie ‘laag (onder 60)’)"),
        ("ls", {"ls": 7}, "Cijfer 7 van 10 (categorie ‘tevreden (7 of hoger)’)"),
        ("ls", {"ls": 6}, "Cijfer 6 van 10 (categorie ‘minder tevreden (onder 7)’)"),
        ("djg", {}, "Score 0 van 6 (categorie ‘niet eenzaam’)"),
        ("djg", MODERATE, "Score 3 van 6 (categorie ‘matig eenzaam’)"),
        ("djg", STRONG, "Score 5 van 6 (categorie ‘sterk eenzaam’)"),
        ("kans", {}, "Geen klachten deze week"),
        ("kans", KANS, "Klachten deze week, last 7 van 10"),
        ("wlb", {"wlb": 1}, "Privétijd gemist door je werk: ‘nooit’"),
        ("wlb", {"wlb": 4}, "Privétijd gemist door je werk: ‘altijd’"),
    ],
)
def test_result_in_words_for_every_category(qtbot, dimension, changes, result_text) -> None:
    widget = card(qtbot, dimension, changes)
    assert widget.result_label.text() == result_text
    # words, never a rank
    for text in (widget.result_label.text(), widget.figure_text):
        assert "slechter dan" not in text and "beter dan" not in text and "normaal" not in text


def test_the_card_answers_first_then_at_most_two_lines_in_your_own_category(qtbot) -> None:
    widget = card(qtbot, "djg", STRONG)
    assert [label.text() for label in widget.figure_labels] == [
        "Thuiswerkers, november 2020: 14% sterk eenzaam (TNO)",
        "Iedereen van 15 jaar en ouder, 2024: 10% sterk eenzaam (CBS)",
    ]
    moderate = card(qtbot, "djg", MODERATE)  # the CBS words, not the app's category name
    assert moderate.figure_text == "Iedereen van 15 jaar en ouder, 2024: 30% enigszins eenzaam (CBS)"
    layout = widget.layout()
    order = [layout.itemAt(i).widget() for i in range(layout.count()) if layout.itemAt(i).widget()]
    positions = [order.index(w) for w in (widget.result_label, widget.scale_bar, widget.change_label,
                                           widget.figure_labels[0])]
    assert positions == sorted(positions)
    assert widget.figure_labels[0].toolTip()  # the comparability note is one hover away, not on the card


def test_the_unhappy_user_sees_the_share_in_their_own_category(qtbot) -> None:
    widget = card(qtbot, "ls", {"ls": 6})
    assert widget.figure_text.splitlines() == [
        "Thuiswerkers, november 2020: 25% niet (zeer) tevreden met het leven (TNO) · afgeleid",
        "Iedereen van 18 jaar en ouder, 2021: 16% gaf een 6 of lager (CBS) · afgeleid",
    ]
    assert widget.scale_bar.band_note == "TNO 25% · CBS 16%"


def test_no_benchmark_says_so(qtbot) -> None:
    widget = card(qtbot, "djg", {}, benchmarks=None)
    assert widget.figure_text == (
        "Geen recent landelijk cijfer in jouw categorie om hiernaast te zetten.")
    assert widget.source_button is None and widget.scale_bar.band_note == ""


def test_change_lines(qtbot) -> None:
    def change(dimension: str, changes: dict, earlier=()) -> str:
        widget = card(qtbot, dimension, changes, earlier)  # kept alive while its label is read
        return widget.change_label.text()

    earlier = [CheckIn(W.shifted(-i), answers(ls=v)) for i, v in ((1, 6), (2, 9), (3, 6))]
    assert change("ls", {"ls": 8}, earlier) == (
        "Ongeveer gelijk aan je gemiddelde van 7 over de 3 check-ins ervoor. "
        "Van week tot week schommelt dit vaak.")
    assert change("ls", {"ls": 9}, earlier).startswith("Hoger dan je gemiddelde van 7")
    assert change("ls", {"ls": 8}, earlier[:2]) == (
        "Na drie check-ins zie je hier hoe deze week zich verhoudt tot je eigen gemiddelde.")
    prev = [CheckIn(W.shifted(-3), answers(**KANS))]
    assert change("kans", {}, prev) == "Vorige check-in (2026 week 45): klachten."
    assert change("kans", KANS, prev) == "Hetzelfde als je vorige check-in (2026 week 45)."
    assert change("gh", {}) == "Je eerste check-in: nog niets eerders om mee te vergelijken."


def test_english_wording(qtbot) -> None:
    widget = card(qtbot, "djg", STRONG, lang="en")
    assert widget.result_label.text() == "Score 5 of 6 (category ‘strongly lonely’)"
    assert widget.figure_labels[0].text() == "Home workers, November 2020: 14% strongly lonely (TNO)"


def test_source_dialog_opens_in_one_click(qtbot, monkeypatch) -> None:
    from vitaalthuis.ui import source_dialog

    shown = []
    monkeypatch.setattr(source_dialog.SourceDialog, "exec",
                        lambda self: shown.append(self.text.toPlainText()))
    widget = card(qtbot, "djg", MODERATE)
    qtbot.mouseClick(widget.source_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    text = shown[0]
    for expected in ("Op de kaart", "Inwoners van Nederland van 15 jaar en ouder", "2024", "De Jong Gierveld",
                     "Andere cijfers", "2019", "Vraagperiode",
                     "(in de app: zoals je je de laatste tijd voelt)"):
        assert expected in text, expected
    assert text.index("Op de kaart") < text.index("2024") < text.index("Andere cijfers")


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
