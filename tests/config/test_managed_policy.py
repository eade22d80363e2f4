"""The managed policy (Group Policy / Intune registry values, macOS configuration profiles) and how it merges.

The readers are tested with fakes: a dictionary stands in for the registry (the winreg reader's access is a
parameter) and a plist written with plistlib stands in for /Library/Managed Preferences. Reading the real
registry and the real managed-preferences folder can only be shown on Windows and macOS.
"""

from __future__ import annotations

import json
import plistlib
from collections.abc import Mapping
from pathlib import Path

import pytest

from vitaalthuis.config import managed_sources
from vitaalthuis.config.managed import (
    REGISTRY_KEY,
    ManagedPolicy,
    policy_from_plist,
    policy_from_registry,
)
from vitaalthuis.config.managed_sources import macos_policy, read_managed, windows_policy
from vitaalthuis.config.policy import load_policy, with_managed
from vitaalthuis.config.settings import resolve
from vitaalthuis.domain.help_contacts import EmployerContact

DOCTOR = {"name": "Dr. A. Jansen", "role": "Bedrijfsarts", "phone": "030 123 45 67"}
HR = {"name": "Team HR", "url": "https://intranet.voorbeeld.nl/hr"}


def fake_registry(keys: Mapping[tuple[str, str], Mapping[str, object]]) -> managed_sources.ReadKey:
    """A registry reader over a dictionary of (hive, key path) → values, as read_registry_key returns them."""
    return lambda hive, path: keys.get((hive, path))


REC = REGISTRY_KEY + "\\Recommended"


# --- the pure registry mapping ----------------------------------------------------------------------------


def test_registry_values_become_the_policy() -> None:
    p = policy_from_registry({
        "OrganisationName": "Gemeente Voorbeeld",
        "Contacts": {"2": json.dumps(HR), "1": json.dumps(DOCTOR)},
        "LockedSettings": {"1": "ReminderDay", "2": "theme"},
        "ReminderEnabled": 1, "ReminderDay": 4, "ReminderTime": "10:00", "Language": "nl",
        "Theme": "dark", "StartAtLogin": 0, "ShowNationalFigures": 1,
    }, {"reminderday": 2})
    assert p.notices == ()
    assert p.organisation == "Gemeente Voorbeeld"
    assert p.contacts == (EmployerContact(**DOCTOR), EmployerContact(**HR))  # numbered order, not text order
    assert p.locked == {"reminder_day", "theme"}
    assert p.mandatory == {"reminder_enabled": True, "reminder_day": 4, "reminder_time": "10:00",
                           "language": "nl", "theme": "dark", "start_at_login": False,
                           "show_national_figures": True}
    assert p.recommended == {"reminder_day": 2}  # value names are case-insensitive, as in the registry


def test_ten_contacts_keep_their_numbered_order() -> None:
    contacts = {str(i): json.dumps({"name": f"C{i}", "phone": "030 1"}) for i in range(1, 12)}
    p = policy_from_registry({"Contacts": contacts}, {})
    assert [c.name for c in p.contacts or ()] == [f"C{i}" for i in range(1, 12)]


def test_bad_registry_values_are_dropped_one_by_one_with_notices() -> None:
    p = policy_from_registry({
        "OrganisationName": 7,
        "Contacts": {"1": "{not json", "2": json.dumps(["a list"]),
                     "3": json.dumps({"name": "No way to reach"}), "4": json.dumps(HR),
                     "x": json.dumps(DOCTOR)},
        "LockedSettings": {"1": "export", "2": "welcomed", "3": "nonsense", "4": "Language"},
        "ReminderDay": 9, "ReminderEnabled": 2, "ReminderTime": "25:00", "Theme": "pink",
        "Language": "en", "Tips": "x",
    }, {"OrganisationName": "Not here", "StartAtLogin": "yes", "ShowNationalFigures": 0})
    assert p.organisation is None
    assert p.contacts == (EmployerContact(**HR),)
    assert p.locked == {"language"}
    assert p.mandatory == {"language": "en"}
    assert p.recommended == {"show_national_figures": False}
    text = "\n".join(p.notices)
    for expected in ("organisation.name must be text", "not a JSON object", "must be a JSON object",
                     "needs a name and a phone", "Contacts\\x ignored", "can never be locked",
                     "cannot be locked", "'nonsense' is not a setting", "ReminderDay = 9",
                     "ReminderEnabled = 2", "ReminderTime = '25:00'", "Theme = 'pink'", "'Tips'",
                     "tips can only be set in policy.toml", "Recommended\\OrganisationName ignored",
                     "StartAtLogin = 'yes'"):
        assert expected in text, expected
    assert all(n.startswith("HKLM\\" + REGISTRY_KEY + ": ") for n in p.notices)


def test_a_list_must_be_a_list() -> None:
    p = policy_from_registry({"LockedSettings": "theme", "Contacts": 3}, {})
    assert p.locked == frozenset() and p.contacts == ()
    assert len(p.notices) == 2 and all("must be a list" in n for n in p.notices)


def test_reg_multi_sz_and_a_day_as_text_are_read() -> None:
    p = policy_from_registry({"LockedSettings": ["theme", "reminder_time"], "ReminderDay": "3"}, {})
    assert p.locked == {"theme", "reminder_time"} and p.mandatory == {"reminder_day": 3} and p.notices == ()


# --- the winreg reader with a fake registry: machine, user, recommended -----------------------------------


def test_machine_wins_over_user_and_mandatory_over_recommended() -> None:
    read = fake_registry({
        ("HKLM", REGISTRY_KEY): {"ReminderDay": 1, "OrganisationName": "Machine BV"},
        ("HKLM", REC): {"Theme": "dark"},
        ("HKCU", REGISTRY_KEY): {"ReminderDay": 2, "Language": "en", "OrganisationName": "User BV",
                                 "Contacts": {"1": json.dumps(HR)}, "LockedSettings": {"1": "Theme"}},
        ("HKCU", REC): {"Theme": "light", "ReminderTime": "09:00", "Language": "nl"},
    })
    m = windows_policy(read)
    assert m.organisation == "Machine BV"
    assert m.contacts == (EmployerContact(**HR),)  # only the user set contacts
    assert m.mandatory == {"reminder_day": 1, "language": "en"}
    assert m.recommended == {"theme": "dark", "reminder_time": "09:00", "language": "nl"}
    assert m.locked == {"theme"}
    assert m.source == f"HKLM\\{REGISTRY_KEY}, HKCU\\{REGISTRY_KEY}"

    p = load_policy([Path("/nonexistent/policy.toml")], env={}, managed=m)
    assert p.defaults == {"reminder_day": 1, "language": "en", "theme": "dark", "reminder_time": "09:00"}
    assert p.locked == {"reminder_day", "language", "theme"}
    settings = resolve({"language": "nl", "reminder_time": "20:00", "theme": "light"}, p.defaults, p.locked)
    assert settings.language == "en"  # mandatory: the user's own choice does not count
    assert settings.reminder_time == "20:00"  # recommended: the user's own choice wins
    assert settings.theme == "dark"  # recommended value, locked by the LockedSettings list


def test_no_registry_key_is_no_managed_policy() -> None:
    m = windows_policy(fake_registry({}))
    assert m.is_empty and m.notices == ()


def test_recommended_only_in_the_user_hive() -> None:
    m = windows_policy(fake_registry({("HKCU", REC): {"ShowNationalFigures": 0}}))
    assert m.recommended == {"show_national_figures": False} and m.mandatory == {} and m.locked is None


# --- merging with policy.toml -----------------------------------------------------------------------------


def test_registry_over_the_file(tmp_path: Path) -> None:
    toml = tmp_path / "policy.toml"
    toml.write_text("schema_version = 1\nlocked = ['reminder_day']\n[organisation]\nname = 'File BV'\n"
                    "[defaults]\nreminder_day = 4\ntheme = 'light'\nreminder_time = '10:00'\n"
                    "[[contacts]]\nname = 'File contact'\nphone = '030 1'\n", encoding="utf-8")
    m = ManagedPolicy(source="HKLM", organisation="Registry BV", mandatory={"reminder_time": "11:00"},
                      recommended={"reminder_day": 2, "theme": "dark"})
    p = load_policy([toml], env={}, managed=m)
    assert p.organisation == "Registry BV" and p.managed_source == "HKLM" and p.source == toml
    assert [c.name for c in p.contacts] == ["File contact"]  # the registry set no contacts
    # a lock in the file keeps the file's value over a recommended one; recommended beats the file's default
    assert p.defaults == {"reminder_day": 4, "theme": "dark", "reminder_time": "11:00"}
    assert p.locked == {"reminder_day", "reminder_time"}


def test_an_empty_managed_policy_changes_nothing(tmp_path: Path) -> None:
    toml = tmp_path / "policy.toml"
    toml.write_text("schema_version = 1\n[organisation]\nname = 'File BV'\n", encoding="utf-8")
    plain = load_policy([toml], env={})
    assert load_policy([toml], env={}, managed=ManagedPolicy()) == plain
    assert with_managed(plain, ManagedPolicy()) is plain


def test_managed_notices_are_shown_with_the_file_notices() -> None:
    m = policy_from_registry({"ReminderDay": 0}, {})
    p = load_policy([Path("/nonexistent/policy.toml")], env={}, managed=m)
    assert len(p.notices) == 1 and "ReminderDay = 0" in p.notices[0]


def test_linux_reads_nothing_new(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert read_managed("linux") == ManagedPolicy()

    def forbidden(*_args: object) -> None:
        raise AssertionError("no managed source may be read here")

    monkeypatch.setattr(managed_sources, "windows_policy", forbidden)
    monkeypatch.setattr(managed_sources, "macos_policy", forbidden)
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path))
    assert load_policy(env={}) is not None


def test_the_environment_variable_tests_the_file_alone(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    toml = tmp_path / "policy.toml"
    toml.write_text("schema_version = 1\n[organisation]\nname = 'File BV'\n", encoding="utf-8")
    monkeypatch.setattr("vitaalthuis.config.policy.read_managed",
                        lambda: ManagedPolicy(organisation="Registry BV"))
    assert load_policy(env={"VITAALTHUIS_POLICY": str(toml)}).organisation == "File BV"
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "none"))
    assert load_policy(env={}).organisation == "Registry BV"  # the normal search includes the managed policy


def test_a_bug_in_a_reader_does_not_stop_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> ManagedPolicy:
        raise RuntimeError("bug")

    monkeypatch.setattr(managed_sources, "windows_policy", broken)
    m = read_managed("win32")
    assert m.is_empty and len(m.notices) == 1


# --- macOS: a configuration profile's plist --------------------------------------------------------------


def write_plist(tmp_path: Path, data: dict[str, object]) -> Path:
    path = tmp_path / "nl.vitaalthuis.VitaalThuis.plist"
    path.write_bytes(plistlib.dumps(data, fmt=plistlib.FMT_BINARY))
    return path


def test_a_configuration_profile_plist(tmp_path: Path) -> None:
    path = write_plist(tmp_path, {
        "OrganisationName": "Gemeente Voorbeeld", "Contacts": [DOCTOR, HR], "LockedSettings": ["ReminderDay"],
        "ReminderEnabled": True, "ReminderDay": 4, "Theme": "system", "PayloadUUID": "ignored silently",
        "Recommended": {"Language": "en", "ShowNationalFigures": False},
    })
    m = macos_policy(path)
    assert m.notices == () and m.source == str(path)
    assert m.organisation == "Gemeente Voorbeeld"
    assert m.contacts == (EmployerContact(**DOCTOR), EmployerContact(**HR))
    assert m.locked == {"reminder_day"}
    assert m.mandatory == {"reminder_enabled": True, "reminder_day": 4, "theme": "system"}
    assert m.recommended == {"language": "en", "show_national_figures": False}


def test_bad_plist_values_and_files(tmp_path: Path) -> None:
    m = policy_from_plist({"ReminderDay": "Friday", "Recommended": ["x"], "Contacts": [DOCTOR, 5]})
    assert m.mandatory == {} and m.recommended == {} and m.contacts == (EmployerContact(**DOCTOR),)
    assert len(m.notices) == 3
    assert macos_policy(tmp_path / "missing.plist") == ManagedPolicy()
    bad = tmp_path / "bad.plist"
    bad.write_bytes(b"not a plist")
    assert "not a valid property list" in macos_policy(bad).notices[0]
    array = tmp_path / "array.plist"
    array.write_bytes(plistlib.dumps(["a"]))
    assert "not a dictionary" in macos_policy(array).notices[0]
    assert "cannot be read" in macos_policy(tmp_path).notices[0]  # a folder is never read
    big = tmp_path / "big.plist"
    big.write_bytes(b"x" * (managed_sources.MAX_PLIST_BYTES + 1))
    assert "larger" in macos_policy(big).notices[0]


def test_the_example_plist_is_valid() -> None:
    """packaging/macos/nl.vitaalthuis.VitaalThuis.plist, the file docs/deploying.md tells admins to upload."""
    example = Path(__file__).resolve().parents[2] / "packaging" / "macos" / "nl.vitaalthuis.VitaalThuis.plist"
    m = macos_policy(example)
    assert m.notices == ()
    assert m.organisation == "Gemeente Voorbeeld" and m.contacts is not None and len(m.contacts) == 2
    assert m.mandatory == {"reminder_day": 4} and m.locked == {"show_national_figures"}
    assert set(m.recommended) == {"language", "reminder_enabled", "reminder_time", "theme", "start_at_login"}
