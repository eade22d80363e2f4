"""Composition root of the window: paths → settings → database → services → MainWindow."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vitaalthuis import cli
from vitaalthuis.files import write_private

if TYPE_CHECKING:
    from vitaalthuis.config.settings import Settings

# For benchmarks: write the wall-clock time of the first shown and painted window to this file, then quit.
STARTUP_PROBE_ENV = "VITAALTHUIS_STARTUP_PROBE"


# ``--check-in`` while a window runs: the new process leaves this request, then asks that window to come to
# the front (SingleInstance); the window finds the request and opens this week's check-in.
CHECK_IN_REQUEST = ".vitaalthuis.check-in"

PROBE_MODE_ENV = "VITAALTHUIS_PROBE_MODE"  # "dashboard" (default) or "chart": open the Charts tab first
HEAVY_MODULES = ("matplotlib", "alembic", "sqlalchemy")  # none is needed for the first paint


def _probe_first_paint(app: Any, window: Any, target: str) -> None:
    """Write four lines to ``target`` and quit: the time of the first paint, the heavy modules loaded by
    then, the peak RSS in KiB, and the peak RSS once SQLAlchemy is loaded too (as after the first save)."""
    import resource

    from PySide6.QtCore import QTimer

    def done() -> None:
        stamp = time.time()
        heavy = ",".join(m for m in HEAVY_MODULES if m in sys.modules)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        window.services.prepare_writing()
        rss_writing = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(f"{stamp:.6f}\n{heavy}\n{rss}\n{rss_writing}\n")
        app.quit()

    def chart() -> None:
        window.home.tabs.setCurrentWidget(window.home.charts)
        QTimer.singleShot(0, when_drawn)

    def when_drawn() -> None:  # the chart is rendered at a turn of the event loop: wait for it
        canvas = window.home.charts.canvas
        QTimer.singleShot(0, done if canvas is not None and canvas.draws else when_drawn)

    # runs once the event loop has shown and painted the window (and, for "chart", the first chart)
    QTimer.singleShot(0, chart if os.environ.get(PROBE_MODE_ENV) == "chart" else done)


def _open_check_in(window: Any) -> None:
    """This week's check-in, as the reminder asks (``--check-in``); a check-in being filled in stays."""
    if window.in_checkin():
        window.bring_to_front()
    else:
        window.reminder.check_in_requested.emit()


def _migrate_autostart(folder: Path, settings: Settings) -> None:
    """An older version's start-at-login entry started the window; now it starts the background helper.
    Rewritten once, quietly (config.autostart.migrate: never created, never against the organisation's
    lock); what happened and any failure go to the log only."""
    from vitaalthuis.config import autostart

    locked_off = "start_at_login" in settings.locked and not settings.start_at_login
    autostart.migrate_quietly(folder, locked_off=locked_off)


def _take_request(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True


def run_gui(argv: Sequence[str]) -> int:
    args = cli.build_parser().parse_args(list(argv))
    from PySide6.QtWidgets import QApplication

    from vitaalthuis import logs
    from vitaalthuis.config.paths import data_dir
    from vitaalthuis.config.settings import SettingsStore
    from vitaalthuis.services.bundle import open_services
    from vitaalthuis.services.tips import shipped_library
    from vitaalthuis.ui import style, translations
    from vitaalthuis.ui.helper.control import HelperControl
    from vitaalthuis.ui.main_window import MainWindow
    from vitaalthuis.ui.startup import SingleInstance, crash_dialog, open_data

    logs.setup_logging()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("VitaalThuis")
    app.setOrganizationName("VitaalThuis")
    app.setDesktopFileName("nl.vitaalthuis.VitaalThuis")
    style.apply(app)
    from vitaalthuis.config.policy import load_policy

    policy = load_policy()  # never raises: problems become notices
    store = SettingsStore()
    settings = store.load(policy.defaults, policy.locked)
    lang = args.lang or settings.effective_language()
    translations.install(lang)
    style.apply_theme(app, settings.theme)
    folder = data_dir(args.data_dir)
    request = folder / CHECK_IN_REQUEST
    if args.check_in and folder.is_dir():  # before the raise request, which makes a running window look
        with contextlib.suppress(OSError):
            write_private(request, "check-in\n")
    instance = SingleInstance(folder)
    try:
        if not instance.acquire():
            return cli.EXIT_OK  # the running window was asked to come to the front
    except OSError:
        pass  # an unwritable folder: open_data() explains it
    with contextlib.suppress(OSError):
        request.unlink(missing_ok=True)  # this process is the window: nothing to hand over
    db = open_data(folder)
    if db is None:
        return cli.EXIT_REFUSED
    services = open_services(db, tip_library=policy.tip_library(shipped_library()))
    services.keep_daily_backup()  # at most once a day: now, or at the first save of a new day
    window = MainWindow(services, store, settings, lang, policy=policy)
    instance.raise_requested.connect(window.bring_to_front)
    instance.raise_requested.connect(lambda: _open_check_in(window) if _take_request(request) else None)
    helper = HelperControl(folder, settings.start_at_login)  # start at login switched on: the helper starts
    window.settings_changed.connect(helper.follow)
    logs.install_excepthook(crash_dialog(lambda: window))  # logged, then a calm dialog (never a silent exit)
    window.show()
    if args.check_in:
        _open_check_in(window)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: _migrate_autostart(folder, settings))  # once the window is up, not before
    if os.environ.get(STARTUP_PROBE_ENV):
        _probe_first_paint(app, window, os.environ[STARTUP_PROBE_ENV])
    try:
        return app.exec()
    finally:
        window.services.close()
        instance.release()
