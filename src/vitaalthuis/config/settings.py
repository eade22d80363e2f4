"""The user's own settings (a small JSON file in the user config folder).

Resolution per conventions.md: defaults < organisation policy < user settings < command line. The policy
layer arrives with the packaging issue; this module keeps the user layer and the defaults.
"""

from __future__ import annotations

import contextlib
import json
import locale
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from vitaalthuis.config.paths import config_dir

SETTINGS_FILE = "settings.json"
LANGUAGES = ("nl", "en")


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


@dataclass(frozen=True)
class Settings:
    language: str | None = None  # None: not chosen yet (the welcome screen asks)
    welcomed: bool = False

    def effective_language(self) -> str:
        return self.language if self.language in LANGUAGES else system_language()


class SettingsStore:
    """Reads and writes the user's settings; a damaged file is put aside, never a reason to crash."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or config_dir()) / SETTINGS_FILE

    def load(self) -> Settings:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Settings()
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                self.path.replace(self.path.with_suffix(".damaged.json"))
            return Settings()
        if not isinstance(raw, dict):
            return Settings()
        known = {f.name for f in fields(Settings)}
        clean = {k: v for k, v in raw.items() if k in known}
        settings = Settings()
        if clean.get("language") in LANGUAGES:
            settings = replace(settings, language=clean["language"])
        if isinstance(clean.get("welcomed"), bool):
            settings = replace(settings, welcomed=clean["welcomed"])
        return settings

    def save(self, settings: Settings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
        os.replace(tmp, self.path)
