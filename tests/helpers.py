"""Shared test data: a valid set of answers and small builders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# The example of docs/exchange-format.md (scores given there: mhi5 84, djg_total 1, ...).
SPEC_EXAMPLE: dict[str, Any] = {
    "gh": 2, "mhi5_1": 5, "mhi5_2": 6, "mhi5_3": 2, "mhi5_4": 5, "mhi5_5": 2,
    "ls": 8, "djg_1": 3, "djg_2": 1, "djg_3": 1, "djg_4": 2, "djg_5": 1, "djg_6": 3,
    "kans_any": 1, "kans_regions": ["neck"], "kans_severity": 4, "kans_work": 1,
    "wlb": 2, "days_home": 3, "days_location": 2, "hours_worked": 36,
}
SPEC_EXAMPLE_SCORES: dict[str, Any] = {
    "gh_good": True, "mhi5": 84, "mhi5_low": False, "ls_satisfied": True,
    "djg_total": 1, "djg_emotional": 1, "djg_social": 0, "djg_category": "not_lonely",
    "kans": True, "wlb_imbalance": False,
}


def answers(**changes: Any) -> dict[str, Any]:
    """A valid finished set of answers without KANS complaints, with ``changes`` applied (None removes)."""
    base: dict[str, Any] = {
        "gh": 2, "mhi5_1": 5, "mhi5_2": 6, "mhi5_3": 2, "mhi5_4": 5, "mhi5_5": 2,
        "ls": 8, "djg_1": 3, "djg_2": 1, "djg_3": 1, "djg_4": 3, "djg_5": 1, "djg_6": 3,
        "kans_any": 2, "wlb": 1, "days_home": 3, "days_location": 2,
    }
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


# The scores of a week without any weak area (as in the exchange format's "scores" object).
FINE_SCORES: dict[str, Any] = {
    "gh_good": True, "mhi5": 84, "mhi5_low": False, "ls_satisfied": True, "djg_total": 1, "djg_emotional": 1,
    "djg_social": 0, "djg_category": "not_lonely", "kans": False, "wlb_imbalance": False,
}


SOURCES_FILE = Path(__file__).resolve().parents[1] / "resources" / "sources.json"


def source_list() -> dict[str, dict[str, Any]]:
    """The sources the app cites (resources/sources.json, described in docs/sources.md): id → entry."""
    doc = json.loads(SOURCES_FILE.read_text(encoding="utf-8"))
    return {entry["id"]: entry for entry in doc["sources"]}


def citation_mismatches(sid: str, *, title: str, publisher: str, url: str | None, date: str | None,
                        listed: dict[str, dict[str, Any]]) -> list[str]:
    """How a citation copied into tips or help contacts differs from its entry in the source list."""
    entry = listed.get(sid)
    if entry is None:
        return [f"{sid} is not in resources/sources.json"]
    found = [f"{sid} {name}: {value!r} != {entry[name]!r}"
             for name, value in (("title", title), ("publisher", publisher), ("date", date))
             if value != entry[name]]
    if url not in (entry["url"], *entry.get("also", ())):
        found.append(f"{sid} url {url!r} is not one of the listed addresses")
    return found
