"""Start VitaalThuis at login; off by default, turning it off removes the entry.

What starts is the background helper (:func:`background_command`: ``vitaalthuis-gui --background``), a
small process without a window that brings the weekly reminder; it opens the window when asked.

* Linux (and other XDG desktops): ``$XDG_CONFIG_HOME/autostart/nl.vitaalthuis.VitaalThuis.desktop``.
* Windows: the value ``VitaalThuis`` of ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.
* macOS: ``~/Library/LaunchAgents/nl.vitaalthuis.VitaalThuis.plist`` (read by launchd at the next login).

Each backend takes its folder or registry key as an argument, so tests never touch the real ones. The
module functions pick the backend of the running platform. Failures raise :class:`AutostartError`.

Versions before the helper started the window at login (:func:`launch_command`, without ``--background``).
:func:`migrate` brings such an entry up to date once, when the window starts (``vitaalthuis.app``).
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from vitaalthuis.files import write_private
from vitaalthuis.logs import get_logger

APP_ID = "nl.vitaalthuis.VitaalThuis"
APP_NAME = "VitaalThuis"
GUI_EXECUTABLE = "vitaalthuis-gui"
BACKGROUND_OPTION = "--background"
DATA_DIR_OPTION = "--data-dir"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"

# Desktop Entry Specification, "The Exec key": arguments holding any of these are quoted.
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_EXEC_ESCAPED_IN_QUOTES = frozenset('"`$\\')
ENTRY_MODE = 0o644  # readable (not secret), writable by the user only
_log = get_logger(__name__)


class AutostartError(Exception):
    """The start-at-login entry could not be read, written or removed; the message says where."""


class Autostart(Protocol):
    def is_enabled(self) -> bool: ...
    def command(self) -> list[str] | None: ...  # what the entry starts; None: no entry, or unreadable
    def enable(self, command: Sequence[str]) -> None: ...
    def disable(self) -> None: ...


class RunKey(Protocol):
    """The values of the HKCU Run key; a fake in tests, :class:`WinregRunKey` on Windows."""

    def get(self, name: str) -> str | None: ...
    def set(self, name: str, value: str) -> None: ...
    def delete(self, name: str) -> None: ...  # a missing value is not an error


# ---------------------------------------------------------------- Linux (XDG) -----------------------------


def desktop_exec(command: Sequence[str]) -> str:
    """The ``Exec=`` value for ``command``, quoted per the Desktop Entry Specification.

    Arguments with reserved characters go in double quotes with ``"`$\\`` backslash-escaped; ``%`` is
    doubled (field codes); then the string-value escapes apply (so a literal backslash becomes four)."""
    if not command:
        raise ValueError("the command is empty")
    parts = []
    for arg in command:
        if "\n" in arg or "\r" in arg:
            raise ValueError(f"a command argument cannot contain a line break: {arg!r}")
        text = arg.replace("%", "%%")
        if not text or any(c in _EXEC_RESERVED for c in text):
            text = '"' + "".join("\\" + c if c in _EXEC_ESCAPED_IN_QUOTES else c for c in text) + '"'
        parts.append(text)
    return " ".join(parts).replace("\\", "\\\\").replace("\t", "\\t")


def parse_desktop_exec(value: str) -> list[str] | None:
    """The command of an ``Exec=`` value (the inverse of :func:`desktop_exec`): the string-value escapes
    first, then double-quoted arguments with their backslash escapes; ``%%`` is a ``%``, other field codes
    are left out (they expand to nothing at login). None when the value is malformed."""
    escapes = {"\\": "\\", "s": " ", "t": "\t", "n": "\n", "r": "\r", ";": ";"}
    text, i = "", 0
    while i < len(value):
        if value[i] == "\\":
            if i + 1 >= len(value) or value[i + 1] not in escapes:
                return None
            text += escapes[value[i + 1]]
            i += 2
        else:
            text += value[i]
            i += 1
    args: list[str] = []
    i = 0
    while i < len(text):
        if text[i] in " \t\n":
            i += 1
            continue
        arg, quoted = "", text[i] == '"'
        if quoted:
            i += 1
            while i < len(text) and text[i] != '"':
                if text[i] == "\\" and i + 1 < len(text):
                    i += 1
                arg += text[i]
                i += 1
            if i >= len(text):
                return None  # no closing quote
            i += 1
        else:
            while i < len(text) and text[i] not in " \t\n":
                arg += text[i]
                i += 1
        codes = arg.split("%%")
        if any("%" in part for part in codes):
            if not quoted and len(arg) == 2:  # a field code on its own (%f, %U, ...)
                continue
            return None
        args.append("%".join(codes))
    return args or None


def desktop_entry(command: Sequence[str]) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={APP_NAME}",
        "Comment=Weekly well-being check-in for people who work from home",
        "Comment[nl]=Wekelijkse check-in over je welzijn als je thuiswerkt",
        f"Exec={desktop_exec(command)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "NoDisplay=false",
        "X-GNOME-Autostart-enabled=true",
        "",
    ])


def xdg_config_home(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME`` when set to an absolute path (the spec ignores relative ones), else ~/.config."""
    value = (os.environ if env is None else env).get("XDG_CONFIG_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".config"


class XdgAutostart:
    def __init__(self, config_home: Path | None = None) -> None:
        self.path = (config_home or xdg_config_home()) / "autostart" / f"{APP_ID}.desktop"

    def _entry(self) -> dict[str, str] | None:
        """The keys of the file's ``[Desktop Entry]`` group; None when there is no file."""
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise AutostartError(f"cannot read the autostart entry {self.path}: {_reason(exc)}") from exc
        values: dict[str, str] = {}
        group = None
        for line in text.splitlines():
            line = line.strip()
            if line.startswith("["):
                group = line
            elif group == "[Desktop Entry]" and not line.startswith("#"):
                key, sep, value = line.partition("=")
                if sep:
                    values[key.strip()] = value.strip()
        return values

    def is_enabled(self) -> bool:
        """The file exists and is not switched off by the desktop (``Hidden=true`` or GNOME's flag)."""
        values = self._entry()
        return values is not None and values.get("Hidden", "").lower() != "true" and \
            values.get("X-GNOME-Autostart-enabled", "").lower() != "false"

    def command(self) -> list[str] | None:
        """The command of the entry's ``Exec=``."""
        values = self._entry()
        exec_value = values.get("Exec") if values is not None else None
        return parse_desktop_exec(exec_value) if exec_value is not None else None

    def enable(self, command: Sequence[str]) -> None:
        _write_atomic(self.path, desktop_entry(command).encode("utf-8"))

    def disable(self) -> None:
        _remove(self.path)


# ---------------------------------------------------------------- macOS -----------------------------------


class LaunchAgentAutostart:
    def __init__(self, agents_dir: Path | None = None) -> None:
        self.path = (agents_dir or Path.home() / "Library" / "LaunchAgents") / f"{APP_ID}.plist"

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def command(self) -> list[str] | None:
        """The agent's ``ProgramArguments`` (or its ``Program`` alone)."""
        try:
            with self.path.open("rb") as fh:
                agent = plistlib.load(fh)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise AutostartError(f"cannot read the autostart entry {self.path}: {_reason(exc)}") from exc
        except Exception:  # noqa: BLE001 - not a property list (plistlib raises several kinds): unreadable
            return None
        if not isinstance(agent, dict):
            return None
        args = agent.get("ProgramArguments")
        if isinstance(args, list) and args and all(isinstance(a, str) for a in args):
            return list(args)
        program = agent.get("Program")
        return [program] if isinstance(program, str) and program else None

    def enable(self, command: Sequence[str]) -> None:
        if not command:
            raise ValueError("the command is empty")
        agent = {
            "Label": APP_ID,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        _write_atomic(self.path, plistlib.dumps(agent, fmt=plistlib.FMT_XML))

    def disable(self) -> None:
        _remove(self.path)


# ---------------------------------------------------------------- Windows ---------------------------------


class WinregRunKey:
    """HKCU Run key through :mod:`winreg` (imported only here, so only on Windows)."""

    def __init__(self, key: str = RUN_KEY) -> None:
        import winreg

        self._winreg = winreg
        self._key = key

    def get(self, name: str) -> str | None:
        winreg = self._winreg
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, self._key, 0, winreg.KEY_READ) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(value)

    def set(self, name: str, value: str) -> None:
        winreg = self._winreg
        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, self._key, 0, winreg.KEY_SET_VALUE) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        winreg = self._winreg
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, self._key, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass


class WindowsAutostart:
    def __init__(self, run_key: RunKey | None = None) -> None:
        self._run_key = run_key

    @property
    def run_key(self) -> RunKey:
        if self._run_key is None:
            self._run_key = WinregRunKey()
        return self._run_key

    def is_enabled(self) -> bool:
        try:
            return bool(self.run_key.get(APP_NAME))
        except OSError as exc:
            raise AutostartError(f"cannot read HKCU\\{RUN_KEY}\\{APP_NAME}: {exc}") from exc

    def command(self) -> list[str] | None:
        try:
            value = self.run_key.get(APP_NAME)
        except OSError as exc:
            raise AutostartError(f"cannot read HKCU\\{RUN_KEY}\\{APP_NAME}: {exc}") from exc
        return parse_windows_command_line(value) if value else None

    def enable(self, command: Sequence[str]) -> None:
        if not command:
            raise ValueError("the command is empty")
        try:
            self.run_key.set(APP_NAME, subprocess.list2cmdline(list(command)))
        except OSError as exc:
            raise AutostartError(f"cannot write HKCU\\{RUN_KEY}\\{APP_NAME}: {exc}") from exc

    def disable(self) -> None:
        try:
            self.run_key.delete(APP_NAME)
        except OSError as exc:
            raise AutostartError(f"cannot remove HKCU\\{RUN_KEY}\\{APP_NAME}: {exc}") from exc


def parse_windows_command_line(value: str) -> list[str] | None:
    """The arguments of a Windows command line as the C runtime splits them (the inverse of
    :func:`subprocess.list2cmdline`): 2n backslashes before a quote are n and the quote opens or closes a
    quoted part, 2n+1 are n and a literal quote; other backslashes are literal. None when a quote is left
    open or nothing is there."""
    args: list[str] = []
    arg, quoted, has_arg, i = "", False, False, 0
    while i < len(value):
        c = value[i]
        if c == "\\":
            n = len(value[i:]) - len(value[i:].lstrip("\\"))
            if i + n < len(value) and value[i + n] == '"':
                arg += "\\" * (n // 2)
                if n % 2:
                    arg += '"'
                    i += n + 1
                    has_arg = True
                    continue
                i += n
                continue  # the quote itself is handled next
            arg += "\\" * n
            i += n
            has_arg = True
        elif c == '"':
            quoted = not quoted
            has_arg = True
            i += 1
        elif c in " \t" and not quoted:
            if has_arg:
                args.append(arg)
            arg, has_arg = "", False
            i += 1
        else:
            arg += c
            has_arg = True
            i += 1
    if quoted:
        return None
    if has_arg:
        args.append(arg)
    return args or None


# ---------------------------------------------------------------- the running platform --------------------


def for_platform(platform: str | None = None) -> Autostart:
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        return WindowsAutostart()
    if platform == "darwin":
        return LaunchAgentAutostart()
    return XdgAutostart()


def is_enabled(backend: Autostart | None = None) -> bool:
    return (backend or for_platform()).is_enabled()


def enable(command: Sequence[str], backend: Autostart | None = None) -> None:
    """Create (or replace) the entry that starts ``command`` at login; see :func:`launch_command`."""
    (backend or for_platform()).enable(command)


def disable(backend: Autostart | None = None) -> None:
    """Remove the entry; nothing happens when there is none."""
    (backend or for_platform()).disable()


def launch_command(
    *, frozen: bool | None = None, executable: str | None = None, platform: str | None = None
) -> list[str]:
    """What starts the app window: the frozen ``vitaalthuis-gui`` beside the running executable when frozen,
    else ``[python, "-m", "vitaalthuis"]`` (``pythonw.exe`` on Windows when present: no console window)."""
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    executable = sys.executable if executable is None else executable
    platform = sys.platform if platform is None else platform
    exe = Path(executable)
    if frozen:
        gui = exe.with_name(GUI_EXECUTABLE + (".exe" if platform == "win32" else ""))
        return [str(gui if gui.is_file() else exe)]
    if platform == "win32" and exe.name.lower() == "python.exe":
        pythonw = exe.with_name("pythonw.exe")
        if pythonw.is_file():
            exe = pythonw
    return [str(exe), "-m", "vitaalthuis"]


def default_data_dir() -> Path:
    """The data folder without ``--data-dir`` or ``VITAALTHUIS_DATA_DIR``: the platform's user data folder."""
    import platformdirs

    from vitaalthuis.config.paths import APP_NAME as DATA_APP_NAME

    return Path(platformdirs.user_data_dir(DATA_APP_NAME, appauthor=False))


def data_dir_args(data_dir: Path | None) -> list[str]:
    """``["--data-dir", DIR]`` when ``data_dir`` is not the default folder, else nothing. A login session
    does not have the environment of the shell that started the window, so another folder is passed on."""
    if data_dir is None or Path(data_dir) == default_data_dir():
        return []
    return ["--data-dir", str(data_dir)]


def background_command(
    data_dir: Path | None = None, *, frozen: bool | None = None, executable: str | None = None,
    platform: str | None = None,
) -> list[str]:
    """What start at login runs: the background helper for ``data_dir`` (:func:`launch_command` plus
    ``--background``, and ``--data-dir`` when the folder is not the default one)."""
    command = launch_command(frozen=frozen, executable=executable, platform=platform)
    return [*command, "--background", *data_dir_args(data_dir)]


# ---------------------------------------------------------------- older versions' entries -----------------

# What :func:`migrate` found: no entry (or one the desktop switched off), this version's entry already, an
# entry it leaves alone (this version's kind for another folder or installation, another program, a
# command it cannot read), start at login locked off by the organisation, or an older entry it rewrote.
NONE, CURRENT, LEFT_ALONE, LOCKED_OFF, REWRITTEN = "none", "current", "left_alone", "locked_off", "rewritten"


def _data_dir_in(command: Sequence[str]) -> Path:
    """The data folder a start-at-login command serves: its ``--data-dir``, else the default folder."""
    for i, arg in enumerate(command):
        if arg == DATA_DIR_OPTION and i + 1 < len(command):
            return Path(command[i + 1])
        if arg.startswith(DATA_DIR_OPTION + "="):
            return Path(arg.partition("=")[2])
    return default_data_dir()


def migrate(data_dir: Path | None, *, locked_off: bool = False, backend: Autostart | None = None,
            command: Sequence[str] | None = None) -> str:
    """Bring an older version's start-at-login entry up to date: it started the window, this version starts
    the background helper (``command``, by default :func:`background_command` for ``data_dir``). Returns
    what it found (:data:`REWRITTEN` when it rewrote the entry); raises :class:`AutostartError` when the
    entry could not be read or written (the old one then stays as it was).

    Only an entry that is there and switched on is rewritten, and only when it is an older version's (no
    ``--background``) for this data folder, starting this program or one that no longer exists. So no
    entry is ever created, one the desktop switched off stays off, and a window run on another folder
    (``--data-dir``) or from another installation leaves the user's own entry alone. ``locked_off``: the
    organisation locked start at login off; the entry is then not touched at all. Once rewritten the entry
    is this version's, so it happens once."""
    backend = backend or for_platform()
    wanted = list(command) if command is not None else background_command(data_dir)
    if not backend.is_enabled():
        return NONE
    found = backend.command()
    if found == wanted:
        return CURRENT
    if locked_off:
        return LOCKED_OFF
    if (found is None or BACKGROUND_OPTION in found or _data_dir_in(found) != _data_dir_in(wanted)
            or (found[0] != wanted[0] and Path(found[0]).exists())):
        return LEFT_ALONE
    backend.enable(wanted)
    return REWRITTEN


def migrate_quietly(data_dir: Path | None, *, locked_off: bool = False,
                    backend: Autostart | None = None) -> str | None:
    """:func:`migrate` for the window's start-up: what it did is logged (a rewrite, a refusal by the
    organisation's lock), a failure is logged and returns None; nothing is raised, nothing is shown."""
    try:
        outcome = migrate(data_dir, locked_off=locked_off, backend=backend)
    except Exception:  # noqa: BLE001 - never a reason not to start: logged (the type, never a message)
        _log.warning("autostart.migration_failed", exc_info=True)
        return None
    if outcome in (REWRITTEN, LOCKED_OFF):
        _log.info(f"autostart.migration_{outcome}")
    return outcome


# ---------------------------------------------------------------- files -----------------------------------


def _write_atomic(path: Path, data: bytes) -> None:
    """Write the entry whole (via :func:`vitaalthuis.files.write_private`) with mode 0644.

    The session manager reads it but never needs to write it, and a group- or world-writable entry would
    let others run their command at the user's login (launchd even skips such a LaunchAgent): so the mode
    is set exactly, whatever the umask. A missing folder (``~/.config/autostart``, ``~/Library/LaunchAgents``)
    is made 0700; an existing one is left as it is. On failure the old entry stays and nothing is left
    behind."""
    try:
        write_private(path, data, mode=ENTRY_MODE)
    except OSError as exc:
        raise AutostartError(f"cannot write the autostart entry {path}: {_reason(exc)}") from exc


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise AutostartError(f"cannot remove the autostart entry {path}: {_reason(exc)}") from exc


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
