"""Validation of raw answers: one set of rules for the window, the command line and import.

Problems are returned as codes with the item they concern; the UI and the command line turn them into words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

from vitaalthuis.domain.instruments import ITEMS, KANS_DETAIL_IDS, REQUIRED_IDS, Kind
from vitaalthuis.domain.problem_texts import problem_text

KANS_YES, KANS_NO = 1, 2


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a check-in. ``item`` is an item id, or None for the check-in as a whole."""

    code: str
    item: str | None = None
    detail: str = ""

    def message(self) -> str:
        """English text for the command line and logs (the window translates ``code`` itself)."""
        text = problem_text(self.code)
        return text + (f" ({self.detail})" if self.detail else "")




def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_value(item_id: str, value: Any) -> Problem | None:
    item = ITEMS[item_id]
    if item.kind is Kind.CHOICE:
        if not _is_int(value):
            return Problem("wrong_type", item_id, "expected an integer code")
        if value not in item.codes:
            return Problem("out_of_range", item_id, f"{value} is not one of {list(item.codes)}")
    elif item.kind is Kind.SCALE:
        if not _is_int(value):
            return Problem("wrong_type", item_id, "expected an integer")
        assert item.minimum is not None and item.maximum is not None
        if not item.minimum <= value <= item.maximum:
            return Problem("out_of_range", item_id, f"{value} is not in {item.minimum:g}-{item.maximum:g}")
    elif item.kind is Kind.NUMBER:
        if not (_is_int(value) or isinstance(value, float)):
            return Problem("wrong_type", item_id, "expected a number")
        if isinstance(value, float) and not math.isfinite(value):
            return Problem("not_a_number", item_id)
        assert item.minimum is not None and item.maximum is not None
        if not item.minimum <= value <= item.maximum:
            return Problem("out_of_range", item_id, f"{value} is not in {item.minimum:g}-{item.maximum:g}")
    elif item.kind is Kind.MULTI:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return Problem("wrong_type", item_id, "expected a list of region names")
        if not value:
            return Problem("empty_regions", item_id)
        unknown = [v for v in value if v not in item.codes]
        if unknown:
            return Problem("out_of_range", item_id, f"unknown value {unknown[0]!r}")
        if len(set(value)) != len(value):
            return Problem("duplicate_region", item_id)
    elif item.kind is Kind.TEXT:
        if not isinstance(value, str):
            return Problem("wrong_type", item_id, "expected text")
        if "\x00" in value or any(0xD800 <= ord(c) <= 0xDFFF for c in value):
            return Problem("note_invalid_text", item_id)
        if item.max_length is not None and len(value) > item.max_length:
            return Problem("note_too_long", item_id, f"{len(value)} characters")
    return None


def check_answers(answers: Mapping[str, Any], *, final: bool = True) -> list[Problem]:
    """Every problem with a set of answers. ``final=False`` checks a draft: no item is required then."""
    problems: list[Problem] = []
    for item_id, value in answers.items():
        if item_id not in ITEMS:
            problems.append(Problem("unknown_item", item_id))
            continue
        problem = _check_value(item_id, value)
        if problem:
            problems.append(problem)
    if final:
        problems.extend(Problem("missing", i) for i in REQUIRED_IDS if i not in answers)
        kans_any = answers.get("kans_any")
        if kans_any == KANS_YES:
            problems.extend(Problem("missing", i) for i in KANS_DETAIL_IDS if i not in answers)
        elif kans_any is not None or "kans_any" not in answers:
            problems.extend(Problem("kans_details_without_yes", i) for i in KANS_DETAIL_IDS if i in answers)
    home, location = answers.get("days_home"), answers.get("days_location")
    if _is_int(home) and _is_int(location) and home + location > 7:
        problems.append(Problem("days_over_7", "days_location", f"{home} + {location}"))
    return problems


def finished(answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers as a finished check-in keeps them: empty values dropped, KANS details dropped when the
    answer to kans_any is "nee", regions sorted. The draft keeps everything until this point."""
    result = {k: v for k, v in answers.items() if v is not None and v != ""}
    if result.get("kans_any") == KANS_NO:
        for item_id in KANS_DETAIL_IDS:
            result.pop(item_id, None)
    regions = result.get("kans_regions")
    if isinstance(regions, list) and all(isinstance(r, str) for r in regions):
        result["kans_regions"] = sorted(regions)
    return result
