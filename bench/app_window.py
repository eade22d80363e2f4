"""The app's main window in a benchmark process, opened as `vitaalthuis` opens it (bench/first_overview.py,
bench/checkin_effort.py): application names (where QSettings keep the window state), style and theme, the
Dutch translation, the data folder checked and opened by the start-up service, then the window, shown.
No tray icon: the benchmarks are about the window."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any


def open_window(data_dir: Path) -> tuple[Any, Any]:
    """(QApplication, MainWindow shown and painted) for ``data_dir``; config from XDG_CONFIG_HOME."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["vitaalthuis"])
    app.setApplicationName("VitaalThuis")
    app.setOrganizationName("VitaalThuis")
    from vitaalthuis.config.settings import Settings, SettingsStore
    from vitaalthuis.services.bundle import open_services
    from vitaalthuis.ui import style, translations
    from vitaalthuis.ui.main_window import MainWindow
    from vitaalthuis.ui.startup import open_data

    style.apply(app)
    translations.install("nl")
    settings = Settings(language="nl", welcomed=True)
    style.apply_theme(app, settings.theme)
    db = open_data(data_dir)
    assert db is not None, f"cannot open {data_dir}"
    window = MainWindow(open_services(db), SettingsStore(), settings, "nl", use_tray=False)
    window.show()
    idle(app, 0.3)  # shown, painted, and what a start does at the first turns of the event loop done
    return app, window


def idle(app: Any, seconds: float) -> None:
    """Let the event loop run for ``seconds`` with nothing done by the user."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)
