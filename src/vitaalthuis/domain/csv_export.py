"""CSV export for spreadsheets (docs/exchange-format.md). Export only: CSV is never imported.

RFC 4180: comma-separated, CRLF line ends, fields quoted only when needed (comma, quote, CR or LF), UTF-8
with a byte-order mark so spreadsheet programs detect the encoding. One row per check-in, sorted by week.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.exchange import export_answers, sorted_by_week
from vitaalthuis.domain.instruments import ITEM_IDS
from vitaalthuis.domain.scoring import SCORE_IDS, SCORING_VERSION

BOM = "\ufeff"
COLUMNS: tuple[str, ...] = ("week", *ITEM_IDS, "scoring_version", *SCORE_IDS)
FORMULA_STARTS = ("=", "+", "-", "@")  # a spreadsheet would run such a cell as a formula
REGION_SEPARATOR = "|"


def export_csv(checkins: Iterable[CheckIn]) -> str:
    """The CSV text, starting with the byte-order mark; encode it as UTF-8 to write it."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_row(c) for c in sorted_by_week(checkins))
    return BOM + buffer.getvalue()


def _row(checkin: CheckIn) -> list[str]:
    answers = export_answers(checkin.answers)
    scores = checkin.scores.as_dict()
    return [
        _cell(str(checkin.week)),
        *(_cell(answers.get(i)) for i in ITEM_IDS),
        _cell(SCORING_VERSION),
        *(_cell(scores[s]) for s in SCORE_IDS),
    ]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return _text(REGION_SEPARATOR.join(sorted(str(v) for v in value)))
    if isinstance(value, str):
        return _text(value)
    return str(value)  # int, or float (repr: shortest exact form, e.g. 36.5)


def _text(text: str) -> str:
    """Defuse spreadsheet formula injection: a text starting with = + - @ gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
