"""The app opens no network connection: the main flows run with internet sockets forbidden.

Creating an AF_INET/AF_INET6 socket and resolving a host name raise (and are recorded, in case something
swallows the error); local sockets (AF_UNIX, e.g. for single-instance) stay allowed.
"""

from __future__ import annotations

import importlib.util
import io
import json
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import answers
from vitaalthuis import cli, logs
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.backups import BackupService
from vitaalthuis.services.bundle import open_services
from vitaalthuis.services.checkins import CheckinService
from vitaalthuis.services.exchange import ExchangeService
from vitaalthuis.services.mydata import MyDataService
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import Database
from vitaalthuis.storage.recovery import State, check_at_start

HAS_QT = importlib.util.find_spec("PySide6") is not None


@pytest.fixture
def no_internet(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    attempts: list[str] = []
    real_socket = socket.socket

    class GuardedSocket(real_socket):
        def __init__(self, family: int = -1, type: int = -1, proto: int = -1,
                     fileno: int | None = None) -> None:
            effective = socket.AF_INET if family == -1 and fileno is None else family
            if fileno is None and effective in (socket.AF_INET, socket.AF_INET6):
                attempts.append(f"socket({socket.AddressFamily(effective).name})")
                raise PermissionError("internet sockets are forbidden in this test")
            super().__init__(family, type, proto, fileno)

    def no_lookup(host: object, *_args: object, **_kwargs: object) -> list[object]:
        attempts.append(f"getaddrinfo({host!r})")
        raise socket.gaierror("name resolution is forbidden in this test")

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    monkeypatch.setattr(socket, "gethostbyname", no_lookup)
    yield attempts
    assert attempts == [], f"the app tried to use the network: {attempts}"


def test_the_guard_works(no_internet: list[str]) -> None:
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80), timeout=0.1)
    with pytest.raises(PermissionError):
        socket.socket()
    with pytest.raises(PermissionError):
        socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    assert no_internet == ["getaddrinfo('example.org')", "socket(AF_INET)", "socket(AF_INET6)"]
    no_internet.clear()
    if hasattr(socket, "AF_UNIX"):
        socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).close()  # local sockets stay allowed


def run(*argv: str) -> int:
    status = cli.run(list(argv), out=io.StringIO(), err=io.StringIO())
    assert status is not None
    return status


def test_the_main_flows_without_network(no_internet: list[str], data_dir: Path, tmp_path: Path) -> None:
    logs.setup_logging()
    try:
        assert check_at_start(data_dir).state is State.NEW
        db = Database.open(data_dir)
        repo = CheckinRepository(db.sessions)
        service = CheckinService(repo)
        week = service.current_week().shifted(-1)
        service.finish(week, answers(note="zonder internet"))
        backups = BackupService(db.path)
        assert backups.daily_backup() is not None
        exchange = ExchangeService(repo, db.path)
        doc = {"format": "vitaalthuis", "version": 1,
               "checkins": [{"week": str(week.shifted(-1)), "answers": answers()}]}
        exchange.import_data(json.dumps(doc))
        assert json.loads(exchange.export("json"))["checkins"][1]["answers"]["note"] == "zonder internet"
        exchange.export("csv")
        mine = MyDataService(data_dir, db)
        assert mine.summary().checkins == 2
        mine.export_to(tmp_path / "mine.json")
        assert backups.restore(backups.backups()[-1].id).restored.checkins == 1
        db.close()
        data = str(data_dir)
        csv = str(tmp_path / "all.csv")
        assert run("--data-dir", data, "export", "--format", "csv", "--output", csv) == 0
        assert run("--data-dir", data, "import", "--replace", str(tmp_path / "mine.json")) == 0
        assert run("--data-dir", data, "backup", "list") == 0
        assert run("--data-dir", str(tmp_path / "demo"), "demo-data", "--weeks", "60") == 0
        db = Database.open(data_dir)
        MyDataService(data_dir, db).delete_everything(keep_copy_to=tmp_path)
    finally:
        logs.close_logging()


@pytest.mark.skipif(not HAS_QT, reason="PySide6 is not installed")
def test_the_window_without_network(no_internet: list[str], qtbot, data_dir: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from vitaalthuis.app import STARTUP_PROBE_ENV, run_gui
    from vitaalthuis.config.settings import Settings, SettingsStore
    from vitaalthuis.services.demo import fill_demo_data
    from vitaalthuis.ui.main_window import MainWindow

    # the real start (composition root, logging, daily backup) up to the first painted window
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setenv(STARTUP_PROBE_ENV, str(tmp_path / "probe.txt"))
    try:
        assert run_gui(["--data-dir", str(data_dir)]) == 0
    finally:
        logs.close_logging()
    assert (tmp_path / "probe.txt").exists()

    db = Database.open(data_dir)
    repo = CheckinRepository(db.sessions)
    fill_demo_data(repo, 60)
    window = MainWindow(open_services(db), SettingsStore(tmp_path / "config"), Settings("nl", True), "nl")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.home.tabs.setCurrentWidget(window.home.charts)  # matplotlib: fonts, canvas, first figure
    qtbot.waitUntil(lambda: window.home.charts.canvas is not None and window.home.charts.canvas.draws > 0)
    assert "matplotlib" in sys.modules
    window.open_week(IsoWeek.current())  # the check-in flow
    window.show_home()
    window.close()
    db.close()
