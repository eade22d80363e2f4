from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from vitaalthuis.config.settings import Settings, SettingsStore
from vitaalthuis.services.bundle import Services, open_services
from vitaalthuis.services.checkins import CheckinService
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import Database

TODAY = dt.date(2026, 11, 28)  # Saturday of 2026-W48
NOW = lambda: dt.datetime(2026, 11, 25, 10, 0)  # noqa: E731 - Wednesday of that week, before the reminder


@pytest.fixture(autouse=True)
def _fresh_qsettings(qapp, qt_settings) -> None:
    """Every window test starts with empty window state (``qt_settings``) and without dead windows."""
    from PySide6.QtCore import QEvent

    # windows of earlier tests were closed and deleteLater()'d by pytest-qt; without a running event loop
    # that deletion waits forever, and every later style change would re-polish all of them
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)




@pytest.fixture
def services(db: Database) -> Services:
    return open_services(db, today=lambda: TODAY)


@pytest.fixture
def service(services: Services) -> CheckinService:
    return services.checkins


@pytest.fixture
def repo(services: Services) -> CheckinRepository:
    """The window's own repository (a test that patches it patches what the window uses)."""
    return services.checkins.repo


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(tmp_path / "config")


@pytest.fixture
def make_window(qtbot, services: Services, store: SettingsStore) -> Callable[..., object]:
    from vitaalthuis.ui import style
    from vitaalthuis.ui.main_window import MainWindow

    if not qtbot_app().styleSheet():  # once: a new style sheet re-polishes every widget still alive
        style.apply(qtbot_app())

    def make(settings: Settings | None = None, lang: str = "nl", now=NOW) -> MainWindow:
        window = MainWindow(services, store, settings or Settings(language=lang, welcomed=True), lang,
                            now=now, use_tray=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def qtbot_app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()
