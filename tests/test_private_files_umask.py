"""Under umask 000 every file the app writes itself is still private, and every folder it makes is 0700.

A umask of 000 (some shared machines, some service managers) used to leave settings.json 0666 and the
autostart entry 0666 in 0777 folders: anyone on the machine could have changed the command run at login."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes and the umask are POSIX")

GROUP_OR_OTHER_WRITE = stat.S_IWGRP | stat.S_IWOTH


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


pytestmark = pytest.mark.usefixtures("umask_000")


def test_settings_file_and_config_folder(tmp_path: Path) -> None:
    from vitaalthuis.config.paths import config_dir
    from vitaalthuis.config.settings import Settings, SettingsStore

    store = SettingsStore()  # the real location, under the test's XDG_CONFIG_HOME (missing so far)
    config_home = Path(os.environ["XDG_CONFIG_HOME"])
    assert store.path.parent == config_dir() and not config_home.exists()
    store.save(Settings(language="nl", welcomed=True, theme="dark"))
    assert mode(store.path) == 0o600
    assert mode(config_dir()) == mode(config_home) == 0o700  # both made by the app
    store.save(Settings(language="en", welcomed=True))
    assert mode(store.path) == 0o600 and store.load().language == "en"
    assert sorted(p.name for p in config_dir().iterdir()) == ["settings.json"]


def test_autostart_entry_in_a_new_autostart_folder() -> None:
    from vitaalthuis.config import autostart

    backend = autostart.XdgAutostart()  # $XDG_CONFIG_HOME/autostart, redirected to the test's folder
    config_home = Path(os.environ["XDG_CONFIG_HOME"])
    assert backend.path.parent == config_home / "autostart" and not config_home.exists()
    autostart.enable(["/usr/bin/vitaalthuis-gui"], backend)
    entry = mode(backend.path)
    assert entry & GROUP_OR_OTHER_WRITE == 0 and entry & stat.S_IWUSR and entry <= 0o644
    assert mode(config_home / "autostart") == mode(config_home) == 0o700
    assert autostart.is_enabled(backend)


def test_an_existing_autostart_folder_is_kept_and_a_loose_old_entry_tightened(tmp_path: Path) -> None:
    from vitaalthuis.config.autostart import LaunchAgentAutostart, XdgAutostart

    folder = tmp_path / "autostart"
    folder.mkdir()
    folder.chmod(0o755)
    backend = XdgAutostart(tmp_path)
    backend.path.write_text("[Desktop Entry]\nExec=/tmp/evil\n")
    backend.path.chmod(0o666)  # as an older version left it under umask 000
    backend.enable(["/usr/bin/vitaalthuis-gui"])
    assert mode(backend.path) == 0o644 and "evil" not in backend.path.read_text()
    assert mode(folder) == 0o755

    agents = LaunchAgentAutostart(tmp_path / "Library" / "LaunchAgents")
    agents.enable(["/Applications/VitaalThuis.app/Contents/MacOS/vitaalthuis-gui"])
    assert mode(agents.path) == 0o644  # launchd skips a LaunchAgent that others can write
    assert mode(tmp_path / "Library") == mode(tmp_path / "Library" / "LaunchAgents") == 0o700


def test_my_data_export(db, repo, tmp_path: Path) -> None:
    from vitaalthuis.services.demo import fill_demo_data
    from vitaalthuis.services.mydata import MyDataService

    fill_demo_data(repo, 5, today=dt.date(2026, 11, 28))
    service = MyDataService(db.path.parent, db, log_dir=tmp_path / "logs")
    for fmt in ("json", "csv"):
        target = service.export_to(tmp_path / "exports" / "new" / f"mine.{fmt}", fmt)
        assert mode(target) == 0o600 and target.stat().st_size > 100
    assert mode(tmp_path / "exports") == mode(tmp_path / "exports" / "new") == 0o700
    assert sorted(p.name for p in (tmp_path / "exports" / "new").iterdir()) == ["mine.csv", "mine.json"]


def test_pdf_report(tmp_path: Path) -> None:
    from vitaalthuis.charts.report import build_report
    from vitaalthuis.domain.weeks import IsoWeek
    from vitaalthuis.services.demo import generate

    history = generate(6, last=IsoWeek(2026, 8))
    target = tmp_path / "reports" / "overzicht.pdf"
    build_report(target, history, history[0].week, history[-1].week, benchmarks=None)
    assert mode(target) == 0o600 and mode(target.parent) == 0o700
    assert target.read_bytes().startswith(b"%PDF-")


def test_log_folder_and_file() -> None:
    from vitaalthuis import logs

    state_home = Path(os.environ["XDG_STATE_HOME"])
    assert not state_home.exists()
    path = logs.setup_logging()
    try:
        assert path is not None and mode(path) == 0o600
        made = [path.parent, *(p for p in path.parent.parents if state_home in (p, *p.parents))]
        assert len(made) >= 2 and {mode(p) for p in made} == {0o700}
    finally:
        logs.close_logging()


def test_the_entry_point_sets_a_private_umask(capsys: pytest.CaptureFixture[str]) -> None:
    """Files the app does not write itself (Qt's settings file and the folders Qt makes, SQLite's journal
    files) follow the umask: the one entry point of the window and the command line sets 077."""
    from vitaalthuis.__main__ import main

    assert main(["--version"]) == 0
    assert "VitaalThuis" in capsys.readouterr().out
    assert os.umask(0) == 0o077
