"""Thin readers of the managed policy: the Windows registry and the macOS managed-preferences plist.

Only the reading lives here; every rule is in :mod:`.managed` (pure, tested everywhere). ``winreg`` is
imported lazily and only on Windows; the registry access is a parameter (``read_key``), so the
hive/precedence logic is tested with a fake on Linux. On Linux nothing is read here: fleets use
``/etc/xdg/VitaalThuis/policy.toml``. Nothing here raises: a source that cannot be read becomes a notice.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from vitaalthuis.config.managed import (
    PLIST_DOMAIN,
    RECOMMENDED,
    REGISTRY_KEY,
    ManagedPolicy,
    combine,
    policy_from_plist,
    policy_from_registry,
)
from vitaalthuis.files import NotAFileError, read_regular_file

MANAGED_PLIST = Path(f"/Library/Managed Preferences/{PLIST_DOMAIN}.plist")
MAX_PLIST_BYTES = 1024 * 1024
HIVES = ("HKLM", "HKCU")  # machine policies win over user policies

# (hive, key path) → the key's values and its subkeys' values (one level), or None when the key is absent.
ReadKey = Callable[[str, str], Mapping[str, object] | None]
_log = logging.getLogger("vitaalthuis.policy")


def read_managed(platform: str | None = None) -> ManagedPolicy:
    """The managed policy of this computer (empty on Linux); never raises."""
    platform = sys.platform if platform is None else platform
    try:
        if platform == "win32":
            return windows_policy()
        if platform == "darwin":
            return macos_policy()
    except Exception:  # noqa: BLE001 - a bug here must not stop the app from starting
        _log.exception("policy.managed_failed")
        return ManagedPolicy(notices=("The organisation's managed settings could not be read; they are "
                                      "not used.",))
    return ManagedPolicy()


def windows_policy(read_key: ReadKey | None = None) -> ManagedPolicy:
    """HKLM then HKCU ``Software\\Policies\\VitaalThuis`` and their ``Recommended`` subkeys, combined."""
    read = read_key or read_registry_key
    layers = []
    for hive in HIVES:
        values = read(hive, REGISTRY_KEY)
        recommended = read(hive, REGISTRY_KEY + "\\" + RECOMMENDED)
        if values is not None or recommended is not None:
            layers.append(policy_from_registry(values or {}, recommended or {},
                                               source=f"{hive}\\{REGISTRY_KEY}"))
    return combine(layers) if layers else ManagedPolicy()


def read_registry_key(hive: str, path: str) -> Mapping[str, object] | None:  # pragma: no cover - Windows only
    """A key's values (REG_DWORD → int, REG_SZ → str, REG_MULTI_SZ → list) and its subkeys' values."""
    if sys.platform != "win32":  # also tells mypy, checking on Linux, that winreg exists below
        return None
    import winreg  # only on Windows; the module does not exist elsewhere

    root = {"HKLM": winreg.HKEY_LOCAL_MACHINE, "HKCU": winreg.HKEY_CURRENT_USER}[hive]
    try:
        key = winreg.OpenKey(root, path, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY)
    except FileNotFoundError:
        return None
    with key:
        values: dict[str, object] = dict(_values(key))
        index = 0
        while True:
            try:
                name = winreg.EnumKey(key, index)
            except OSError:
                break
            index += 1
            if name.lower() == RECOMMENDED.lower():
                continue  # read on its own
            with winreg.OpenKey(key, name, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY) as sub:
                values[name] = dict(_values(sub))
    return values


def _values(key: Any) -> list[tuple[str, object]]:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return []
    import winreg

    found: list[tuple[str, object]] = []
    index = 0
    while True:
        try:
            name, data, _kind = winreg.EnumValue(key, index)
        except OSError:
            return found
        index += 1
        found.append((name, data))


def macos_policy(path: Path = MANAGED_PLIST) -> ManagedPolicy:
    """The configuration profile's preferences for ``nl.vitaalthuis.VitaalThuis`` (machine-wide)."""
    source = str(path)
    try:
        raw = read_regular_file(path, MAX_PLIST_BYTES)
    except FileNotFoundError:
        return ManagedPolicy()
    except (OSError, NotAFileError) as exc:
        return _unusable(source, f"cannot be read ({type(exc).__name__})")
    if len(raw) > MAX_PLIST_BYTES:
        return _unusable(source, f"is larger than {MAX_PLIST_BYTES // 1024} kB")
    import plistlib  # only on macOS (and in tests): the start on other systems does not pay for it

    try:
        data = plistlib.loads(raw)
    except Exception:  # noqa: BLE001 - plistlib raises several types (InvalidFileException, ValueError, …)
        return _unusable(source, "is not a valid property list")
    if not isinstance(data, dict):
        return _unusable(source, "is not a dictionary")
    return policy_from_plist(data, source=source)


def _unusable(source: str, why: str) -> ManagedPolicy:
    _log.warning("policy.managed_unusable", extra={"fields": {"file": Path(source)}})
    return ManagedPolicy(source=source, notices=(f"{source} {why}; it is not used.",))
