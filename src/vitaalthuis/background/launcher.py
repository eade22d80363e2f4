"""The commands the helper runs: the window (for this week's check-in, or just opened), and the commands
that start the helper itself (at login and from the window).

The window command is the same program as the helper's (:func:`vitaalthuis.config.autostart.launch_command`:
``python -m vitaalthuis`` from the source, ``vitaalthuis-gui`` beside the frozen executable). When a
window runs already, the new process asks it to come to the front and ends
(:class:`vitaalthuis.ui.startup.SingleInstance`), so the helper never needs to know whether one runs.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

# For tests: a JSON list of strings that replaces the window command (the options are appended).
LAUNCH_ENV = "VITAALTHUIS_BACKGROUND_LAUNCH"
CHECK_IN_OPTION = "--check-in"


def _override(env: Mapping[str, str]) -> list[str] | None:
    raw = env.get(LAUNCH_ENV, "")
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return value
    return None


def window_command(data_dir: Path, *, check_in: bool, env: Mapping[str, str] | None = None) -> list[str]:
    """The window for ``data_dir``; with ``check_in`` it opens on this week's check-in."""
    from vitaalthuis.config import autostart  # when used (it brings subprocess and plistlib along)

    base = _override(os.environ if env is None else env) or autostart.launch_command()
    return [*base, *autostart.data_dir_args(data_dir), *([CHECK_IN_OPTION] if check_in else [])]


def helper_command(data_dir: Path) -> list[str]:
    """The helper for ``data_dir``: the same command start at login runs."""
    from vitaalthuis.config import autostart

    return autostart.background_command(data_dir)
