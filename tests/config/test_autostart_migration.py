"""Older versions' start-at-login entries started the window; at start-up the window rewrites such an entry
once to start the background helper instead (config.autostart.migrate), on all three platforms' backends.

Never created where there is none, never against the organisation's lock, never for another data folder or
another installation's entry; failures are logged, not raised."""

from __future__ import annotations

import logging
import plistlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vitaalthuis import app
from vitaalthuis.config import autostart
from vitaalthuis.config.autostart import (
    CURRENT,
    LEFT_ALONE,
    LOCKED_OFF,
    NONE,
    REWRITTEN,
    Autostart,
    LaunchAgentAutostart,
    WindowsAutostart,
    XdgAutostart,
    background_command,
    desktop_exec,
    launch_command,
    migrate,
    migrate_quietly,
    parse_desktop_exec,
    parse_windows_command_line,
)
from vitaalthuis.config.settings import Settings

OLD = launch_command()  # what versions before the helper wrote: the window, for the default data folder
NEW = background_command(None)


class FakeRunKey:
    """HKCU Run as a dict; ``fail`` names the operations that raise as a denied registry would."""

    def __init__(self, fail: frozenset[str] = frozenset()) -> None:
        self.values: dict[str, str] = {"OtherApp": "other.exe"}
        self.fail = fail

    def _check(self, what: str) -> None:
        if what in self.fail:
            raise PermissionError(5, "Access is denied")

    def get(self, name: str) -> str | None:
        self._check("get")
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self._check("set")
        self.values[name] = value

    def delete(self, name: str) -> None:
        self._check("delete")
        self.values.pop(name, None)


def xdg(tmp_path: Path) -> XdgAutostart:
    return XdgAutostart(tmp_path / "config")


def launch_agent(tmp_path: Path) -> LaunchAgentAutostart:
    return LaunchAgentAutostart(tmp_path / "LaunchAgents")


def windows(_tmp_path: Path) -> WindowsAutostart:
    return WindowsAutostart(FakeRunKey())


BACKENDS: list[Callable[[Path], Autostart]] = [xdg, launch_agent, windows]
IDS = ["xdg", "launch_agent", "windows"]


def raw(backend: Autostart) -> object:
    """The entry exactly as stored (file bytes or registry value), to see that nothing changed."""
    if isinstance(backend, WindowsAutostart):
        assert isinstance(backend.run_key, FakeRunKey)
        return dict(backend.run_key.values)
    path = backend.path  # type: ignore[attr-defined]
    return path.read_bytes() if path.exists() else None


@pytest.mark.parametrize("make", BACKENDS, ids=IDS)
def test_an_older_entry_is_rewritten_once(tmp_path: Path, make: Callable[[Path], Autostart]) -> None:
    backend = make(tmp_path)
    backend.enable(OLD)
    assert backend.command() == OLD and [*OLD, "--background"] == NEW
    assert migrate(None, backend=backend) == REWRITTEN
    assert backend.command() == NEW and backend.is_enabled()
    stored = raw(backend)
    assert migrate(None, backend=backend) == CURRENT  # once: the next start finds this version's entry
    assert raw(backend) == stored


@pytest.mark.parametrize("make", BACKENDS, ids=IDS)
def test_no_entry_is_ever_created(tmp_path: Path, make: Callable[[Path], Autostart]) -> None:
    backend = make(tmp_path)
    before = raw(backend)
    assert migrate(None, backend=backend) == NONE
    assert not backend.is_enabled() and backend.command() is None and raw(backend) == before


@pytest.mark.parametrize("make", BACKENDS, ids=IDS)
def test_the_organisations_lock_leaves_the_entry_untouched(tmp_path: Path,
                                                           make: Callable[[Path], Autostart]) -> None:
    backend = make(tmp_path)
    backend.enable(OLD)
    before = raw(backend)
    assert migrate(None, locked_off=True, backend=backend) == LOCKED_OFF
    assert raw(backend) == before


@pytest.mark.parametrize("make", BACKENDS, ids=IDS)
def test_entries_that_are_not_this_windows_to_change_are_left_alone(
    tmp_path: Path, make: Callable[[Path], Autostart]
) -> None:
    other_folder = str(tmp_path / "other data")
    elsewhere = tmp_path / "elsewhere" / "vitaalthuis-gui"
    elsewhere.parent.mkdir()
    elsewhere.write_text("")
    cases = [
        [*OLD, "--background", "--data-dir", other_folder],  # this version's, for another folder
        [*OLD, "--background", "--lang", "en"],  # this version's, with an option the user added
        [*OLD, "--data-dir", other_folder],  # an older one for another folder
        [str(elsewhere)],  # an older one of another installation that is still there
    ]
    for command in cases:
        backend = make(tmp_path)
        backend.enable(command)
        before = raw(backend)
        assert migrate(None, backend=backend) == LEFT_ALONE, command
        assert raw(backend) == before
    backend = make(tmp_path)
    backend.enable(OLD)  # the user's entry for the default folder, and a window run on another folder
    before = raw(backend)
    assert migrate(Path(other_folder), backend=backend) == LEFT_ALONE
    assert raw(backend) == before


@pytest.mark.parametrize("make", BACKENDS, ids=IDS)
def test_an_older_entry_of_a_program_that_is_gone_is_rewritten(tmp_path: Path,
                                                              make: Callable[[Path], Autostart]) -> None:
    backend = make(tmp_path)
    backend.enable([str(tmp_path / "old place" / "vitaalthuis-gui")])  # moved by a reinstall
    assert migrate(None, backend=backend) == REWRITTEN
    assert backend.command() == NEW


def test_an_older_entry_for_this_other_folder_gets_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "werk"
    backend = xdg(tmp_path)
    backend.enable([*OLD, "--data-dir", str(folder)])
    assert migrate(folder, backend=backend) == REWRITTEN
    assert backend.command() == [*OLD, "--background", "--data-dir", str(folder)]


def test_an_entry_the_desktop_switched_off_stays_off(tmp_path: Path) -> None:
    backend = xdg(tmp_path)
    backend.enable(OLD)
    backend.path.write_text(backend.path.read_text(encoding="utf-8").replace(
        "X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-enabled=false"), encoding="utf-8")
    before = raw(backend)
    assert migrate(None, backend=backend) == NONE
    assert raw(backend) == before


@pytest.mark.parametrize("make", BACKENDS, ids=IDS)
def test_an_unreadable_command_is_left_alone(tmp_path: Path, make: Callable[[Path], Autostart]) -> None:
    backend = make(tmp_path)
    backend.enable(OLD)
    if isinstance(backend, WindowsAutostart):
        backend.run_key.set("VitaalThuis", '"C:\\no closing quote')
    elif isinstance(backend, XdgAutostart):
        backend.path.write_text(backend.path.read_text(encoding="utf-8").replace(
            "Exec=", 'Exec="unclosed '), encoding="utf-8")
    else:
        backend.path.write_bytes(b"not a property list")
    before = raw(backend)
    assert backend.command() is None
    assert migrate(None, backend=backend) == LEFT_ALONE
    assert raw(backend) == before


# --- failures: logged, never raised ------------------------------------------------------------------------


def test_a_failed_rewrite_is_logged_and_keeps_the_old_entry(caplog: pytest.LogCaptureFixture) -> None:
    key = FakeRunKey()
    backend = WindowsAutostart(key)
    backend.enable(OLD)
    key.fail = frozenset({"set"})
    with caplog.at_level(logging.INFO, logger="vitaalthuis"):
        assert migrate_quietly(None, backend=backend) is None
    assert key.values["VitaalThuis"] == subprocess.list2cmdline(OLD)
    assert [r.getMessage() for r in caplog.records] == ["autostart.migration_failed"]


def test_a_failed_read_is_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    backend = xdg(tmp_path)
    backend.path.mkdir(parents=True)  # a folder where the entry should be: reading it fails, also for root
    with caplog.at_level(logging.INFO, logger="vitaalthuis"):
        assert migrate_quietly(None, backend=backend) is None
    assert [r.getMessage() for r in caplog.records] == ["autostart.migration_failed"]


def test_a_rewrite_and_a_lock_are_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    backend = launch_agent(tmp_path)
    backend.enable(OLD)
    with caplog.at_level(logging.INFO, logger="vitaalthuis"):
        assert migrate_quietly(None, locked_off=True, backend=backend) == LOCKED_OFF
        assert migrate_quietly(None, backend=backend) == REWRITTEN
        assert migrate_quietly(None, backend=backend) == CURRENT
    assert [r.getMessage() for r in caplog.records] == ["autostart.migration_locked_off",
                                                        "autostart.migration_rewritten"]
    with backend.path.open("rb") as fh:
        assert plistlib.load(fh)["ProgramArguments"] == NEW


# --- the window's start-up ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("settings", "expected"), [
    (Settings(start_at_login=True), NEW),
    (Settings(start_at_login=False), NEW),  # the user's setting: the entry is what runs, so it is updated
    (Settings(start_at_login=True, locked=frozenset({"start_at_login"})), NEW),  # locked on
    (Settings(start_at_login=False, locked=frozenset({"start_at_login"})), OLD),  # locked off: untouched
])
def test_start_up_migrates_with_the_settings_in_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      settings: Settings, expected: list[str]) -> None:
    backend = windows(tmp_path)
    backend.enable(OLD)
    monkeypatch.setattr(autostart, "for_platform", lambda platform=None: backend)
    app._migrate_autostart(autostart.default_data_dir(), settings)
    assert backend.command() == expected


def test_start_up_never_fails_on_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = WindowsAutostart(FakeRunKey(fail=frozenset({"get", "set", "delete"})))
    monkeypatch.setattr(autostart, "for_platform", lambda platform=None: backend)
    app._migrate_autostart(tmp_path, Settings(start_at_login=True))  # no exception


# --- reading the stored commands back ----------------------------------------------------------------------

ARGS = st.lists(st.text(st.characters(exclude_categories=["Cs", "Cc"]) | st.sampled_from("\t%\\\"'$` "),
                        max_size=12), min_size=1, max_size=5)


@given(ARGS)
def test_exec_values_read_back(command: list[str]) -> None:
    assert parse_desktop_exec(desktop_exec(command)) == command


@given(ARGS)
def test_windows_command_lines_read_back(command: list[str]) -> None:
    assert parse_windows_command_line(subprocess.list2cmdline(command)) == command


@pytest.mark.parametrize(("value", "command"), [
    ("/usr/bin/vitaalthuis-gui %U", ["/usr/bin/vitaalthuis-gui"]),  # a field code expands to nothing
    ('"/opt/Vitaal Thuis/bin/python3" -m vitaalthuis',
     ["/opt/Vitaal Thuis/bin/python3", "-m", "vitaalthuis"]),
    ("x 100%%", ["x", "100%"]),
    ('"unclosed', None),
    ("x \\q", None),
    ("", None),
])
def test_exec_values(value: str, command: list[str] | None) -> None:
    assert parse_desktop_exec(value) == command


@pytest.mark.parametrize(("value", "command"), [
    ('"C:\\Program Files\\VitaalThuis\\vitaalthuis-gui.exe" --background',
     ["C:\\Program Files\\VitaalThuis\\vitaalthuis-gui.exe", "--background"]),
    ('a\\\\\\"b "c d"', ['a\\"b', "c d"]),
    ('a\\\\\\\\"b c"', ["a\\\\b c"]),
    ("C:\\dir\\x.exe", ["C:\\dir\\x.exe"]),
    ('"open', None),
    ("   ", None),
])
def test_windows_command_lines(value: str, command: list[str] | None) -> None:
    assert parse_windows_command_line(value) == command


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the running platform's backend")
def test_the_running_platforms_entry_is_migrated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the module's own platform choice (XDG_CONFIG_HOME is a temporary folder: conftest)."""
    autostart.enable(OLD)
    assert migrate_quietly(None) == REWRITTEN
    assert autostart.for_platform().command() == NEW
