"""Test set-up: Qt offscreen, and every user folder redirected to a temporary directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import HealthCheck, settings

# Property tests must not fail because a loaded CI machine is slow: no per-example deadline,
# no too-slow check.
settings.register_profile("vitaalthuis", deadline=None, suppress_health_check=[HealthCheck.too_slow],
                          database=None)
settings.load_profile("vitaalthuis")

if TYPE_CHECKING:
    from vitaalthuis.storage.checkins import CheckinRepository
    from vitaalthuis.storage.db import Database


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test ever touches the real data, config or log folders."""
    home = tmp_path / "home"
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_STATE_HOME", "state"),
                     ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("VITAALTHUIS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    # a policy.toml on the test machine (e.g. /etc/xdg/VitaalThuis) must not change the tests: point the
    # override at a file that does not exist (a missing policy is an empty one)
    monkeypatch.setenv("VITAALTHUIS_POLICY", str(tmp_path / "no-policy.toml"))
    yield


@pytest.fixture
def umask_000() -> Iterator[None]:
    """The loosest umask: whatever the code leaves to it becomes world-readable and -writable."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def qt_settings(qapp) -> Iterator[None]:
    """Qt resolves its settings file once per process: a test file of its own, emptied before and after."""
    from PySide6.QtCore import QSettings

    qapp.setApplicationName("VitaalThuis-tests")
    qapp.setOrganizationName("VitaalThuis-tests")
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    """A migrated database in the test's data folder."""
    from vitaalthuis.storage.db import Database

    database = Database.open(data_dir)
    yield database
    database.close()


@pytest.fixture
def repo(db: Database) -> CheckinRepository:
    from vitaalthuis.storage.checkins import CheckinRepository

    return CheckinRepository(db.sessions)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)
