"""One name per thing: the Qt-free layers (chart texts, the report, the command line, problem texts) keep
their Dutch and English in Python catalogues, the window in the Qt .ts file. Where both have the same English
text, they must have the same Dutch: a dimension is not "Eenzaamheid" on a chart and something else on the
home page. This test finds every such pair and fails on drift."""

from __future__ import annotations

import importlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "vitaalthuis_nl.ts"
CATALOGUES = ("vitaalthuis.charts.series", "vitaalthuis.cli_texts", "vitaalthuis.domain.problem_texts",
              "vitaalthuis.domain.instruments")
REPORT_TEXTS = "vitaalthuis.charts.report.texts"  # where the report keeps its words


def _ts_pairs() -> dict[str, set[str]]:
    """English source -> the Dutch translations it has in the window (one per context)."""
    pairs: dict[str, set[str]] = {}
    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if source and translation:
            pairs.setdefault(source, set()).add(translation)
    return pairs


def _bilingual(value: Any, depth: int = 0) -> Iterator[tuple[str, str]]:
    """(en, nl) of every bilingual text in a module-level value: objects with ``nl`` and ``en`` attributes,
    and {"nl": ..., "en": ...} mappings, also inside dicts, lists and tuples."""
    if depth > 4:
        return
    nl, en = getattr(value, "nl", None), getattr(value, "en", None)
    if isinstance(nl, str) and isinstance(en, str):
        yield en, nl
    elif isinstance(value, dict):
        if isinstance(value.get("nl"), str) and isinstance(value.get("en"), str):
            yield value["en"], value["nl"]
        for item in value.values():
            yield from _bilingual(item, depth + 1)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _bilingual(item, depth + 1)


def _catalogue_pairs() -> list[tuple[str, str, str]]:
    found = []
    for name in (*CATALOGUES, REPORT_TEXTS):
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if not attr.startswith("__"):
                found += [(name, en, nl) for en, nl in _bilingual(value)]
    return found


def test_the_catalogues_are_found() -> None:
    pairs = _catalogue_pairs()
    assert len(pairs) > 100  # charts, command line, problems, report
    assert ("vitaalthuis.charts.series", "Loneliness", "Eenzaamheid") in pairs


@pytest.mark.parametrize("module", sorted({m for m, _en, _nl in _catalogue_pairs()}))
def test_the_same_english_has_the_same_dutch_as_in_the_window(module: str) -> None:
    window = _ts_pairs()
    drift = [(en, nl, sorted(window[en])) for m, en, nl in _catalogue_pairs()
             if m == module and en in window and nl not in window[en]]
    assert not drift, drift


# A language review's wrong forms (left) and the words the app uses instead (right). The window and the report
# must not fall back to the left ones.
REVIEWED = {
    "Privé gemist": "Privétijd gemist",
    "Anders gemeten": "Globaal vergelijkbaar",
    "Zelfde meting": "Zelfde vragenlijst",
    "Nu inchecken": "Nu invullen",
    "Het kost ongeveer": "Dat duurt ongeveer",
    "Zelf data kiezen": "Zelf datums kiezen",
    "Gevraagd over": "Vraagperiode",
    "jouw antwoord:": "in de app:",
    "Leven (1–10)": "Tevredenheid (1–10)",
    "Arm, nek, schouder": "Arm, nek en schouders",
    " meldde ": "had / viel in (a derived category is not something people reported)",
    "Noem de auteurs": "(no sentence tells the user to cite authors)",
}


def _dutch_in_use() -> list[str]:
    """Every Dutch text the window (live .ts entries) and the report show."""
    texts = []
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")]
        texts += forms or [translation.text or ""]
    texts += [nl for module, _en, nl in _catalogue_pairs() if module == REPORT_TEXTS]
    return texts


def test_the_reviewed_wrong_forms_are_gone() -> None:
    texts = _dutch_in_use()
    found = [(wrong, right, text) for wrong, right in REVIEWED.items() for text in texts if wrong in text]
    assert not found, found


def test_a_percentage_has_no_space_before_the_sign() -> None:
    spaced = [text for text in _dutch_in_use() if re.search(r"\d %", text)]
    assert spaced == []


def test_the_check_in_takes_one_duration_everywhere() -> None:
    durations = {text[text.index("Dat duurt"):].split(".")[0]
                 for text in _dutch_in_use() if "Dat duurt" in text}
    assert durations == {"Dat duurt ongeveer twee minuten"}
