"""Shared test data: a valid set of answers and small builders."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

# The example of shared/domain/instruments.md §8 (scores given there: mhi5 84, djg_total 1, ...).
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


def find_brief() -> Path | None:
    """shared/domain/BRIEF.md beside the checkout (or VITAALTHUIS_BRIEF), for tests that check citations."""
    env = os.environ.get("VITAALTHUIS_BRIEF")
    if env:
        return Path(env)
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "domain" / "BRIEF.md"
        if candidate.is_file():
            return candidate
    return None
