"""JSON that refuses a key repeated inside one object (Python's json keeps the last one silently)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any


def no_duplicate_keys(error: Callable[[str], Exception]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """An ``object_pairs_hook`` that raises ``error(message)`` on a repeated key."""

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise error(f"duplicate key {key!r} in a JSON object")
            result[key] = value
        return result

    return hook


def loads_strict(text: str, error: Callable[[str], Exception]) -> Any:
    """``json.loads`` with :func:`no_duplicate_keys`; invalid JSON also raises ``error``."""
    try:
        return json.loads(text, object_pairs_hook=no_duplicate_keys(error))
    except json.JSONDecodeError as exc:
        raise error(f"not valid JSON ({exc})") from exc
