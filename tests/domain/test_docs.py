"""docs/instruments.md and docs/exchange-format.md agree with the code: the wordings are quoted verbatim, the
constants are the ones in force, and the examples import and export as shown."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from tests.helpers import SPEC_EXAMPLE, SPEC_EXAMPLE_SCORES
from vitaalthuis.domain.csv_export import BOM, COLUMNS, export_csv
from vitaalthuis.domain.exchange import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_COUNTED,
    MAX_IMPORT_BYTES,
    MAX_PROBLEMS,
    parse_import,
)
from vitaalthuis.domain.instruments import ITEMS, NOTE_MAX, SECTIONS, Kind
from vitaalthuis.domain.scoring import LS_SATISFIED_FROM, MHI5_LOW_BELOW, SCORE_IDS, SCORING_VERSION

DOCS = Path(__file__).resolve().parents[2] / "docs"


def flat(name: str) -> str:
    """The document with every run of whitespace as one space (table rows and wrapped lines alike)."""
    return re.sub(r"\s+", " ", (DOCS / name).read_text(encoding="utf-8"))


INSTRUMENTS = flat("instruments.md")
EXCHANGE = flat("exchange-format.md")
SOURCES = flat("sources.md")


@pytest.mark.parametrize("item_id", list(ITEMS))
def test_every_item_is_quoted_verbatim(item_id: str) -> None:
    item = ITEMS[item_id]
    assert f"| `{item_id}` | {item.question.nl} | {item.question.en} |" in INSTRUMENTS


CODED_ITEMS = [item_id for item_id, item in ITEMS.items() if item.kind in (Kind.CHOICE, Kind.MULTI)]


@pytest.mark.parametrize("item_id", CODED_ITEMS)
def test_every_answer_code_is_documented(item_id: str) -> None:
    for option in ITEMS[item_id].options:
        nl, en = option.label.nl, option.label.en
        code = option.code
        forms = (f"| {code} | {nl} | {en} |", f"{code} {nl} / {en}", f"`{code}` ({nl} / {en})")
        assert any(form in INSTRUMENTS for form in forms), (item_id, option.code)


def test_instructions_and_citations_are_quoted_verbatim() -> None:
    for section in SECTIONS:
        if section.instruction is not None:
            assert f'"{section.instruction.nl}" / "{section.instruction.en}"' in INSTRUMENTS, section.id
        if section.citation:
            assert f"| {section.citation} |" in SOURCES, section.id


def test_scores_and_cut_offs_are_the_ones_in_force() -> None:
    for score_id in SCORE_IDS:
        assert f"| `{score_id}` |" in INSTRUMENTS, score_id
    assert f"`mhi5` < {MHI5_LOW_BELOW}" in INSTRUMENTS
    assert f"mark ≥ {LS_SATISFIED_FROM}" in INSTRUMENTS
    assert f"(now {SCORING_VERSION})" in INSTRUMENTS
    assert f"at most {NOTE_MAX:,} characters" in INSTRUMENTS


def test_exchange_limits_are_the_ones_in_force() -> None:
    assert MAX_IMPORT_BYTES == 20 * 1024 * 1024
    assert "at most **20 MB** (`MAX_IMPORT_BYTES` = 20 × 1024 × 1024 bytes)" in EXCHANGE
    assert f"the first {MAX_PROBLEMS:,} problems" in EXCHANGE
    assert f"stops at {MAX_COUNTED:,}" in EXCHANGE
    assert f'`"format": "{FORMAT_NAME}"`, `"version": {FORMAT_VERSION}`' in EXCHANGE


def _blocks(kind: str) -> list[str]:
    text = (DOCS / "exchange-format.md").read_text(encoding="utf-8")
    return re.findall(rf"```{kind}\n(.*?)```", text, re.DOTALL)


def test_json_example_imports_with_the_scores_shown() -> None:
    (example,) = _blocks("json")
    result = parse_import(example, today=dt.date(2027, 1, 1))
    assert result.ok, result.problems
    (checkin,) = result.checkins
    assert checkin.answers == SPEC_EXAMPLE
    shown = json.loads(example)["checkins"][0]["scores"]
    assert checkin.scores.as_dict() == shown == SPEC_EXAMPLE_SCORES


def test_csv_header_and_example_row_are_what_export_writes() -> None:
    header, row = (block.strip() for block in _blocks("csv"))
    assert header == ",".join(COLUMNS)
    (checkin,) = parse_import(_blocks("json")[0], today=dt.date(2027, 1, 1)).checkins
    assert export_csv([checkin]) == f"{BOM}{header}\r\n{row}\r\n"
