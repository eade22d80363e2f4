"""Every setting in one place: its key, type, default and check (Picard-style registry).

The same checks serve the user's settings file and the organisation policy. Values that fail a
check are ignored (the layer below wins), never a reason to crash.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

LANGUAGES = ("nl", "en")
THEMES = ("system", "light", "dark")


@dataclass(frozen=True, slots=True)
class Option:
    key: str
    default: Any
    check: Callable[[Any], bool]
    lockable: bool = True  # the user's data rights are never lockable (they are not settings at all)
    doc: str = ""


def _time(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 5:
        return False
    try:
        dt.time.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


OPTIONS: tuple[Option, ...] = (
    Option("language", None, lambda v: v in LANGUAGES, doc="window language: nl or en"),
    Option("welcomed", False, _is_bool, lockable=False, doc="the welcome screen has been seen"),
    Option("theme", "system", lambda v: v in THEMES, doc="colour scheme: system, light or dark"),
    Option("reminder_enabled", True, _is_bool, doc="weekly reminder on or off"),
    Option("reminder_day", 5, lambda v: isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 7,
           doc="ISO weekday of the reminder, 1 = Monday … 7 = Sunday"),
    Option("reminder_time", "15:00", _time, doc="time of the reminder, HH:MM"),
    Option("start_at_login", False, _is_bool, doc="start VitaalThuis when the user logs in"),
    Option("show_national_figures", True, _is_bool, doc="show national comparison figures"),
)
BY_KEY: dict[str, Option] = {o.key: o for o in OPTIONS}


# -- the settings file's version --------------------------------------------------------------------------
VERSION_KEY = "version"
SETTINGS_VERSION = 1  # 0: files written before the file carried a version (same keys, same meaning)


def _v0_to_v1(values: dict[str, Any]) -> dict[str, Any]:
    return values  # the keys and their meaning did not change: the file only gains its version


# UPGRADES[n] brings a file of version n to version n + 1 (Picard's pattern: one step per version, in order).
# A step may rename or convert keys; it must keep keys it does not know.
UPGRADES: tuple[Callable[[dict[str, Any]], dict[str, Any]], ...] = (_v0_to_v1,)


def upgrade(raw: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """The file's version and its values brought up to :data:`SETTINGS_VERSION` (a file of a newer version
    is left as it is: this version reads the keys it knows and keeps the rest)."""
    version = raw.get(VERSION_KEY, 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        version = 0
    values = {k: v for k, v in raw.items() if k != VERSION_KEY}
    for step in UPGRADES[version:]:
        values = step(values)
    return version, values


def clean(raw: Any) -> dict[str, Any]:
    """The valid, known entries of a mapping (unknown keys and bad values dropped)."""
    if not isinstance(raw, dict):
        return {}
    return {k: v for k, v in raw.items() if k in BY_KEY and BY_KEY[k].check(v)}
