"""The settings in force for the helper, read without side effects, and the reminder schedule in them.

The helper reads the user's settings file at every check (a few hundred bytes), so a change made in the
window applies within a minute. Unlike the window it never moves a damaged file aside: that is left for the
window (as the command line does). The organisation policy is read once, at start.
"""

from __future__ import annotations

import json
from pathlib import Path

from vitaalthuis.config import schema
from vitaalthuis.config.policy import Policy
from vitaalthuis.config.settings import Settings, SettingsStore, resolve
from vitaalthuis.domain.reminders import ReminderSchedule
from vitaalthuis.files import NotAFileError, read_regular_file

SETTINGS_MAX_BYTES = 64 * 1024  # the file is a few hundred bytes


def read_settings(policy: Policy, path: Path | None = None) -> Settings:
    """Defaults < policy < the user's file (``path``, default: the user's settings file); a missing or
    unreadable file counts as empty."""
    path = SettingsStore().path if path is None else path
    try:
        raw = json.loads(read_regular_file(path, SETTINGS_MAX_BYTES))
    except (OSError, ValueError, NotAFileError):
        raw = {}
    user = schema.clean(schema.upgrade(raw)[1]) if isinstance(raw, dict) else {}
    return resolve(user, policy.defaults, policy.locked)


def schedule_of(settings: Settings) -> ReminderSchedule:
    """The schedule of the settings (lenient: a value that does not fit takes the built-in default)."""
    return ReminderSchedule.from_dict({"weekday": settings.reminder_day, "time": settings.reminder_time,
                                       "enabled": settings.reminder_enabled})
