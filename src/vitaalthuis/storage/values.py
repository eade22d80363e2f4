"""How answers are stored: one JSON text per answer (small integer codes as plain digits).

Shared by the plain-SQL reads (:mod:`.checkins`) and the SQLAlchemy writes (:mod:`.writes`), which import
nothing of each other.
"""

from __future__ import annotations

import json
from typing import Any


def load_answer(value: str) -> Any:
    """JSON-decode a stored answer; most are small integer codes, which skip the JSON parser."""
    return int(value) if value.isdigit() and len(value) < 4 else json.loads(value)


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
