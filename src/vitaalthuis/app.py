"""Composition root of the window: paths → settings → database → services → MainWindow."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from vitaalthuis import cli


def run_gui(argv: Sequence[str]) -> int:
    args = cli.build_parser().parse_args(list(argv))
    from PySide6.QtWidgets import QApplication, QMessageBox

    from vitaalthuis.config.paths import data_dir
    from vitaalthuis.config.settings import SettingsStore
    from vitaalthuis.services.checkins import CheckinService
    from vitaalthuis.storage.checkins import CheckinRepository
    from vitaalthuis.storage.db import Database
    from vitaalthuis.storage.errors import StorageError
    from vitaalthuis.ui import style
    from vitaalthuis.ui.main_window import MainWindow

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
    window = MainWindow(CheckinService(CheckinRepository(db.sessions)), store, settings, lang)
    window.show()
    try:
        return app.exec()
    finally:
        db.close()
