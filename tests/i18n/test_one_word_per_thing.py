"""One name per thing: the Qt-free layers (chart texts, the report, the command line, problem texts) keep
their Dutch and English in Python catalogues, the window in the Qt .ts file. Where both have the same English
text, they must have the same Dutch: a dimension is not "Eenzaamheid" on a chart and something else on the
home page. This test finds every such pair and fails on drift."""

from __future__ import annotations

import importlib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "vitaalthuis_nl.ts"
CATALOGUES = ("vitaalthuis.charts.series", "vitaalthuis.cli_texts", "vitaalthuis.domain.problem_texts",
              "vitaalthuis.domain.instruments")
REPORT_TEXTS = ("vitaalthuis.report.texts", "vitaalthuis.charts.report_texts")  # where the report keeps them


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
    modules = [*CATALOGUES]
    for name in REPORT_TEXTS:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        modules.append(name)
        break
    for name in modules:
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
