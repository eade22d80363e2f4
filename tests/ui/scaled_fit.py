"""A fit check at a scale factor, in a process of its own (Qt takes QT_SCALE_FACTOR when the application
starts): the test side starts it, the process side opens a window per language and reports as JSON."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[2]
SCALED = (1366, 768, 1.25)  # a common laptop


def run_scaled(module: str, folder: Path, width: int, height: int, scale: float) -> dict[str, Any]:
    """Run ``python -m module folder width height`` (logical pixels) at ``scale``; its JSON result."""
    env = {**os.environ, "QT_SCALE_FACTOR": str(scale), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    done = subprocess.run([sys.executable, "-m", module, str(folder), str(width), str(height)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def check_in_both_languages(folder: str, fill: Callable[[Any], None],
                            check: Callable[[Any], list[str]]) -> None:
    """The process side: a data folder filled by ``fill(repo)``, a window per language, ``check(window)``;
    prints {"problems", "checked", "ratio"}."""
    from PySide6.QtWidgets import QApplication

    from vitaalthuis.config.settings import Settings, SettingsStore
    from vitaalthuis.services.bundle import open_services
    from vitaalthuis.storage.db import Database
    from vitaalthuis.ui import style, translations
    from vitaalthuis.ui.main_window import MainWindow

    base = Path(folder)
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state")):
        os.environ[var] = str(base / sub)
    app = QApplication([])
    app.setApplicationName("VitaalThuis-fit-test")
    style.apply(app)
    db = Database.open(base / "vt")
    services = open_services(db, today=lambda: dt.date(2026, 11, 28))
    fill(services.checkins.repo)
    problems, checked = [], []
    for lang in ("nl", "en"):
        translations.install(lang)
        window = MainWindow(services, SettingsStore(base / f"settings-{lang}"),
                            Settings(language=lang, welcomed=True), lang, use_tray=False,
                            now=lambda: dt.datetime(2026, 11, 25, 10, 0))
        window.show()
        problems += check(window)
        checked.append(lang)
        window.hide()
        window.deleteLater()
    ratio = app.primaryScreen().devicePixelRatio()
    db.close()
    print(json.dumps({"problems": problems, "checked": checked, "ratio": ratio}))
