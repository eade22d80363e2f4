"""Composition root of the window: paths → settings → database → services → MainWindow."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from typing import Any

from vitaalthuis import cli

# For benchmarks: write the wall-clock time of the first shown and painted window to this file, then quit.
STARTUP_PROBE_ENV = "VITAALTHUIS_STARTUP_PROBE"


def _probe_first_paint(app: Any, target: str) -> None:
    from PySide6.QtCore import QTimer

    def done() -> None:
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(f"{time.time():.6f}\n{','.join(m for m in ('matplotlib', 'alembic') if m in sys.modules)}\n")
        app.quit()

    QTimer.singleShot(0, done)  # runs once the event loop has shown and painted the window


def run_gui(argv: Sequence[str]) -> int:
    args = cli.build_parser().parse_args(list(argv))
    from PySide6.QtWidgets import QApplication, QMessageBox

    from vitaalthuis import logs
    from vitaalthuis.config.paths import data_dir
    from vitaalthuis.config.settings import SettingsStore
    from vitaalthuis.services.backups import BackupService
    from vitaalthuis.services.checkins import CheckinService
    from vitaalthuis.storage.checkins import CheckinRepository
    from vitaalthuis.storage.db import Database
    from vitaalthuis.storage.errors import StorageError
    from vitaalthuis.ui import style
    from vitaalthuis.ui.main_window import MainWindow

    logs.setup_logging()
    logs.install_excepthook()  # logs, then the default hook; the crash dialog wraps it (issue 6, item 7)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("VitaalThuis")
    app.setOrganizationName("VitaalThuis")
    app.setDesktopFileName("nl.vitaalthuis.VitaalThuis")
    style.apply(app)
    store = SettingsStore()
    settings = store.load()
    lang = args.lang or settings.effective_language()
    try:
        db = Database.open(data_dir(args.data_dir))
    except StorageError as exc:
        QMessageBox.critical(None, "VitaalThuis", cli.storage_message(exc))
        return cli.EXIT_REFUSED
    backups = BackupService(db.path)
    backups.ensure_daily()  # at most once a day: now, or at the first save of a new day
    db.on_commit(backups.ensure_daily)
    window = MainWindow(CheckinService(CheckinRepository(db.sessions)), store, settings, lang)
    window.show()
    if os.environ.get(STARTUP_PROBE_ENV):
        _probe_first_paint(app, os.environ[STARTUP_PROBE_ENV])
    try:
        return app.exec()
    finally:
        db.close()
