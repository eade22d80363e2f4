"""Start at login: XDG desktop file, Windows Run key (with a fake registry), macOS LaunchAgent."""

from __future__ import annotations

import configparser
import os
import plistlib
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vitaalthuis.config import autostart
from vitaalthuis.config.autostart import (
    AutostartError,
    LaunchAgentAutostart,
    WindowsAutostart,
    XdgAutostart,
    desktop_exec,
    launch_command,
)

COMMAND = ["/opt/Vitaal Thuis/bin/python3", "-m", "vitaalthuis"]
DESKTOP = "nl.vitaalthuis.VitaalThuis.desktop"


def parse_exec(value: str) -> list[str]:
    """Undo desktop_exec the way a desktop environment reads ``Exec=`` (string escapes, then quoting)."""
    escapes = {"\\": "\\", "s": " ", "t": "\t", "n": "\n", "r": "\r"}
    text, i = "", 0
    while i < len(value):
        if value[i] == "\\":
            text += escapes[value[i + 1]]
            i += 2
        else:
            text += value[i]
            i += 1
    args: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == " ":
            i += 1
            continue
        arg = ""
        if text[i] == '"':
            i += 1
            while text[i] != '"':
                if text[i] == "\\":
                    assert text[i + 1] in '"`$\\', "only these may be escaped inside quotes"
                    i += 1
                arg += text[i]
                i += 1
            i += 1
        else:
            while i < len(text) and text[i] != " ":
                assert text[i] not in " \t\n\"'\\><~|&;$*?#()`", "reserved characters must be quoted"
                arg += text[i]
                i += 1
        assert "%" not in arg.replace("%%", ""), "a lone % is a field code"
        args.append(arg.replace("%%", "%"))
    return args


def read_desktop(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


# ---- Linux ---------------------------------------------------------------------------------------------


def test_xdg_enable_writes_a_valid_desktop_entry(tmp_path: Path) -> None:
    backend = XdgAutostart(tmp_path / "cfg")
    assert backend.path == tmp_path / "cfg" / "autostart" / DESKTOP
    assert not backend.is_enabled()  # off by default
    backend.enable(COMMAND)
    assert backend.is_enabled()
    entry = read_desktop(backend.path)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "VitaalThuis"
    assert entry["Icon"] == "nl.vitaalthuis.VitaalThuis"
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert entry["NoDisplay"] == "false"
    assert entry["Comment"]
    assert entry["Exec"] == '"/opt/Vitaal Thuis/bin/python3" -m vitaalthuis'
    assert parse_exec(entry["Exec"]) == COMMAND
    assert list(backend.path.parent.iterdir()) == [backend.path]  # no temporary file left


def test_xdg_enable_is_idempotent_and_disable_removes(tmp_path: Path) -> None:
    backend = XdgAutostart(tmp_path)
    backend.enable(COMMAND)
    first = backend.path.read_bytes()
    backend.enable(COMMAND)
    assert backend.path.read_bytes() == first
    backend.enable(["/usr/bin/vitaalthuis-gui"])  # replaced, not duplicated
    assert read_desktop(backend.path)["Exec"] == "/usr/bin/vitaalthuis-gui"
    backend.disable()
    assert not backend.path.exists()
    assert not backend.is_enabled()
    backend.disable()  # nothing to remove: fine
    assert not backend.path.exists()


@pytest.mark.parametrize(("line", "enabled"), [
    ("X-GNOME-Autostart-enabled=false", False), ("Hidden=true", False), ("Hidden=false", True),
])
def test_xdg_entry_switched_off_by_the_desktop(tmp_path: Path, line: str, enabled: bool) -> None:
    backend = XdgAutostart(tmp_path)
    backend.enable(COMMAND)
    text = backend.path.read_text(encoding="utf-8").replace("X-GNOME-Autostart-enabled=true\n", "")
    backend.path.write_text(text + line + "\n", encoding="utf-8")
    assert backend.is_enabled() is enabled


def test_xdg_default_folder_follows_xdg_config_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert XdgAutostart().path == tmp_path / "xdg" / "autostart" / DESKTOP
    assert autostart.xdg_config_home({"XDG_CONFIG_HOME": "relative/dir"}) == Path.home() / ".config"
    assert autostart.xdg_config_home({}) == Path.home() / ".config"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="module functions use the running platform")
def test_module_functions_on_linux() -> None:
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / DESKTOP  # a tmp dir (conftest)
    assert not autostart.is_enabled()
    autostart.enable(autostart.launch_command())
    assert path.is_file() and autostart.is_enabled()
    assert parse_exec(read_desktop(path)["Exec"]) == [sys.executable, "-m", "vitaalthuis"]
    autostart.disable()
    assert not path.exists() and not autostart.is_enabled()


@pytest.mark.parametrize(
    ("command", "exec_value"),
    [
        (["/usr/bin/vitaalthuis-gui"], "/usr/bin/vitaalthuis-gui"),
        (["/a b/x", "--lang", "nl"], '"/a b/x" --lang nl'),
        (["x", "--data-dir", "/home/me/100%"], "x --data-dir /home/me/100%%"),
        (["x", "a$b"], 'x "a\\\\$b"'),  # the spec's unambiguous \\$
        (["x", "C:\\dir"], 'x "C:\\\\\\\\dir"'),  # a literal backslash is four
        (["x", 'say "hi"'], 'x "say \\\\"hi\\\\""'),
        (["x", ""], 'x ""'),
        (["x", "a=b"], "x a=b"),
    ],
)
def test_desktop_exec_quoting(command: list[str], exec_value: str) -> None:
    assert desktop_exec(command) == exec_value
    assert parse_exec(exec_value) == command


@given(st.lists(st.text(st.characters(exclude_categories=["Cs", "Cc"]) | st.sampled_from("\t%\\\"'$`"),
                        max_size=12), min_size=1, max_size=5))
def test_desktop_exec_round_trips(command: list[str]) -> None:
    assert parse_exec(desktop_exec(command)) == command


def test_desktop_exec_refuses_line_breaks_and_empty() -> None:
    with pytest.raises(ValueError):
        desktop_exec(["x", "a\nb"])
    with pytest.raises(ValueError):
        desktop_exec([])


# ---- Windows -------------------------------------------------------------------------------------------


class FakeRunKey:
    def __init__(self, fail: bool = False) -> None:
        self.values: dict[str, str] = {"OtherApp": "other.exe"}
        self.fail = fail

    def _check(self) -> None:
        if self.fail:
            raise PermissionError(5, "Access is denied")

    def get(self, name: str) -> str | None:
        self._check()
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self._check()
        self.values[name] = value

    def delete(self, name: str) -> None:
        self._check()
        self.values.pop(name, None)


def test_windows_run_key() -> None:
    key = FakeRunKey()
    backend = WindowsAutostart(key)
    assert not backend.is_enabled()
    backend.enable(["C:\\Program Files\\VitaalThuis\\vitaalthuis-gui.exe"])
    assert key.values["VitaalThuis"] == '"C:\\Program Files\\VitaalThuis\\vitaalthuis-gui.exe"'
    assert backend.is_enabled()
    backend.enable(["C:\\Python311\\pythonw.exe", "-m", "vitaalthuis"])
    assert key.values["VitaalThuis"] == "C:\\Python311\\pythonw.exe -m vitaalthuis"
    backend.disable()
    assert "VitaalThuis" not in key.values
    assert key.values == {"OtherApp": "other.exe"}  # other programs untouched
    backend.disable()
    assert not backend.is_enabled()


@pytest.mark.parametrize("action", ["is_enabled", "enable", "disable"])
def test_windows_registry_failure_is_an_autostart_error(action: str) -> None:
    backend = WindowsAutostart(FakeRunKey(fail=True))
    call = {"is_enabled": backend.is_enabled, "disable": backend.disable,
            "enable": lambda: backend.enable(["x.exe"])}[action]
    with pytest.raises(AutostartError, match=r"HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"):
        call()


# ---- macOS ---------------------------------------------------------------------------------------------


def test_launch_agent(tmp_path: Path) -> None:
    backend = LaunchAgentAutostart(tmp_path / "LaunchAgents")
    assert backend.path == tmp_path / "LaunchAgents" / "nl.vitaalthuis.VitaalThuis.plist"
    assert not backend.is_enabled()
    command = ["/Applications/VitaalThuis.app/Contents/MacOS/vitaalthuis-gui"]
    backend.enable(command)
    backend.enable(command)
    with backend.path.open("rb") as fh:
        agent = plistlib.load(fh)
    assert agent["Label"] == "nl.vitaalthuis.VitaalThuis"
    assert agent["ProgramArguments"] == command
    assert agent["RunAtLoad"] is True
    assert backend.is_enabled()
    backend.disable()
    assert not backend.path.exists() and not backend.is_enabled()
    backend.disable()


# ---- failures (injected: the tests run as root in CI, so permissions alone prove nothing) --------------


@pytest.mark.parametrize("make", [XdgAutostart, LaunchAgentAutostart])
def test_folder_that_cannot_be_created(tmp_path: Path, make: type) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    backend = make(blocker)
    with pytest.raises(AutostartError, match="cannot write the autostart entry") as err:
        backend.enable(COMMAND)
    assert str(blocker) in str(err.value)


def test_failed_write_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = XdgAutostart(tmp_path)

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(autostart.os, "replace", refuse)
    with pytest.raises(AutostartError, match="Permission denied"):
        backend.enable(COMMAND)
    assert list(tmp_path.iterdir()) == []  # not even the autostart folder it made for the entry

    monkeypatch.undo()
    backend.enable(["/usr/bin/old"])
    monkeypatch.setattr(autostart.os, "replace", refuse)
    with pytest.raises(AutostartError, match="Permission denied"):
        backend.enable(COMMAND)
    assert list(backend.path.parent.iterdir()) == [backend.path]  # the old entry, nothing beside it
    assert "Exec=/usr/bin/old" in backend.path.read_text(encoding="utf-8")


def test_entry_that_cannot_be_removed_or_read(tmp_path: Path) -> None:
    backend = XdgAutostart(tmp_path)
    backend.path.mkdir(parents=True)  # a folder where the file should be: unlink fails, also for root
    with pytest.raises(AutostartError, match="cannot remove the autostart entry"):
        backend.disable()
    with pytest.raises(AutostartError, match="cannot read the autostart entry"):
        backend.is_enabled()


# ---- the command -------------------------------------------------------------------------------------


def test_launch_command_from_source() -> None:
    assert launch_command() == [sys.executable, "-m", "vitaalthuis"]
    assert launch_command(frozen=False, executable="/usr/bin/python3", platform="linux") == [
        "/usr/bin/python3", "-m", "vitaalthuis"]


def test_launch_command_frozen(tmp_path: Path) -> None:
    console = tmp_path / "vitaalthuis"
    assert launch_command(frozen=True, executable=str(console), platform="linux") == [str(console)]
    (tmp_path / "vitaalthuis-gui").write_text("")
    assert launch_command(frozen=True, executable=str(console), platform="linux") == [
        str(tmp_path / "vitaalthuis-gui")]
    (tmp_path / "vitaalthuis-gui.exe").write_text("")
    assert launch_command(frozen=True, executable=str(tmp_path / "vitaalthuis.exe"), platform="win32") == [
        str(tmp_path / "vitaalthuis-gui.exe")]


def test_launch_command_prefers_pythonw_on_windows(tmp_path: Path) -> None:
    python = tmp_path / "python.exe"
    assert launch_command(frozen=False, executable=str(python), platform="win32")[0] == str(python)
    (tmp_path / "pythonw.exe").write_text("")
    assert launch_command(frozen=False, executable=str(python), platform="win32") == [
        str(tmp_path / "pythonw.exe"), "-m", "vitaalthuis"]


def test_backend_for_each_platform() -> None:
    assert isinstance(autostart.for_platform("linux"), XdgAutostart)
    assert isinstance(autostart.for_platform("freebsd14"), XdgAutostart)
    assert isinstance(autostart.for_platform("darwin"), LaunchAgentAutostart)
    assert isinstance(autostart.for_platform("win32"), WindowsAutostart)  # winreg not imported until used
