"""The user's own settings (a small JSON file in the user config folder).

Resolution (docs/development.md, Settings): defaults < organisation policy < user settings < command line.
The policy file is read by :mod:`vitaalthuis.config.policy`; this module keeps the user layer and the
defaults.
"""

from __future__ import annotations

import contextlib
import json
import locale
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from vitaalthuis.config import schema
from vitaalthuis.config.paths import config_dir
from vitaalthuis.config.schema import LANGUAGES
from vitaalthuis.files import write_private

SETTINGS_FILE = "settings.json"


def system_language(env: dict[str, str] | None = None) -> str:
    """The OS language when it is Dutch or English, otherwise Dutch."""
    env = dict(os.environ) if env is None else env
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        value = env.get(var, "")
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            code = value.split(":")[0][:2].lower()
            return code if code in LANGUAGES else "nl"
    with contextlib.suppress(Exception):
        code = (locale.getlocale()[0] or "")[:2].lower()
        if code in LANGUAGES:
            return code
    return "nl"


def _default(key: str) -> Any:
    return schema.BY_KEY[key].default  # the registry is the one place a default is written


@dataclass(frozen=True)
class Settings:
    """The settings in force (defaults < policy < user; the command line overrides per run). One field per
    option of :data:`schema.OPTIONS`, with the registry's default (a test keeps the two in step)."""

    language: str | None = _default("language")  # None: not chosen yet (the welcome screen asks)
    welcomed: bool = _default("welcomed")
    theme: str = _default("theme")
    reminder_enabled: bool = _default("reminder_enabled")
    reminder_day: int = _default("reminder_day")
    reminder_time: str = _default("reminder_time")
    start_at_login: bool = _default("start_at_login")
    show_national_figures: bool = _default("show_national_figures")
    locked: frozenset[str] = field(default=frozenset(), compare=False)  # keys the organisation fixed

    def effective_language(self) -> str:
        return self.language if self.language in LANGUAGES else system_language()

    def user_values(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "locked"}


def resolve(user: dict[str, Any], policy: dict[str, Any] | None = None,
            locked: frozenset[str] = frozenset()) -> Settings:
    """Defaults < policy < user, except that a locked key keeps the policy's value."""
    values: dict[str, Any] = {}
    values.update(schema.clean(policy or {}))
    allowed_locks = frozenset(k for k in locked if k in schema.BY_KEY and schema.BY_KEY[k].lockable)
    values.update({k: v for k, v in schema.clean(user).items() if k not in allowed_locks})
    return Settings(**values, locked=allowed_locks)


class SettingsStore:
    """Reads and writes the user's own settings; a damaged file is put aside, never a reason to crash.

    Only the user's layer is written: policy values are never copied into the user's file. The file carries
    a ``version``; an older file is brought up to date by :data:`schema.UPGRADES` when read. Keys this
    version does not know (written by a newer VitaalThuis) are kept as they are when the file is saved
    again, and a newer file's version is never lowered."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or config_dir()) / SETTINGS_FILE
        self._kept: dict[str, Any] = {}  # unknown keys of the file as read, written back unchanged
        self._version = schema.SETTINGS_VERSION

    def load_user(self) -> dict[str, Any]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                self.path.replace(self.path.with_suffix(".damaged.json"))
            return {}
        if not isinstance(raw, dict):
            return {}
        version, values = schema.upgrade(raw)
        self._version = max(version, schema.SETTINGS_VERSION)
        self._kept = {k: v for k, v in values.items() if k not in schema.BY_KEY and k != schema.VERSION_KEY}
        return schema.clean(values)

    def load(self, policy: dict[str, Any] | None = None, locked: frozenset[str] = frozenset()) -> Settings:
        return resolve(self.load_user(), policy, locked)

    def save(self, settings: Settings, *, policy: dict[str, Any] | None = None) -> None:
        """Store what the user chose: values equal to the layer below (defaults or policy) and locked keys
        are left out, so a later policy change is not hidden by a stale copy. Raises OSError (the file as
        it was) when it cannot be written."""
        below = {o.key: o.default for o in schema.OPTIONS}
        below.update(schema.clean(policy or {}))
        user = {k: v for k, v in settings.user_values().items()
                if k not in settings.locked and (v != below.get(k) or k in ("language", "welcomed"))}
        document = {schema.VERSION_KEY: self._version, **self._kept, **user}
        write_private(self.path, json.dumps(document, indent=2))  # 0600 in a 0700 folder, whole or nothing
