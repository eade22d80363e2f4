"""The organisation policy as Windows Group Policy / Intune and macOS configuration profiles deliver it.

Employers manage laptops with ADMX templates (``packaging/windows/policy/``) and MDM profiles, not by copying
a TOML file. This module turns what those tools write into the same checked parts :mod:`.policy` builds from
``policy.toml``: organisation name, contacts, setting values and locks. It is PURE: it gets mappings (what
the thin readers in :mod:`.managed_sources` found in the registry or a plist) and never touches winreg,
plistlib or the disk, so every rule here is tested on any OS.

Shapes (docs/deploying.md, and the ADML explain texts):

* one value per setting under ``Software\\Policies\\VitaalThuis`` (mandatory: the user cannot change it)
  or ``…\\VitaalThuis\\Recommended`` (a default the user may change). Booleans are REG_DWORD 0/1,
  ``ReminderDay`` a REG_DWORD 1–7, the rest REG_SZ. Names are matched case-insensitively, as Windows does.
* ``Contacts`` and ``LockedSettings`` are lists: a subkey with numbered values ``1``, ``2``, … (what the
  ADMX ``list`` element writes). A contact is a JSON object ``{"name": "…", "phone": "…"}``, a lock a
  setting name. In a plist they are an array of dictionaries and an array of strings.
* organisation tips stay in ``policy.toml`` only: bilingual texts do not fit a registry value.

Bad values are left out one by one with a notice, as in the TOML file. Notices name the source
(``HKLM\\…``) and the value name the administrator typed, not the TOML key.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vitaalthuis.config import schema
from vitaalthuis.config.policy_rules import (
    Notices,
    check_contacts,
    check_locked,
    check_organisation,
    type_name,
)
from vitaalthuis.domain.help_contacts import EmployerContact

REGISTRY_KEY = r"Software\Policies\VitaalThuis"
RECOMMENDED = "Recommended"  # the subkey (Windows) or dictionary (plist) of defaults the user may change
PLIST_DOMAIN = "nl.vitaalthuis.VitaalThuis"

ORGANISATION = "OrganisationName"
CONTACTS = "Contacts"
LOCKED = "LockedSettings"
# Policy value name → settings key (config/schema.py). A test checks that every lockable setting is here and
# that the ADMX template sets exactly these names.
SETTING_NAMES: dict[str, str] = {
    "Language": "language",
    "Theme": "theme",
    "ReminderEnabled": "reminder_enabled",
    "ReminderDay": "reminder_day",
    "ReminderTime": "reminder_time",
    "StartAtLogin": "start_at_login",
    "ShowNationalFigures": "show_national_figures",
}
POLICY_NAMES: tuple[str, ...] = (ORGANISATION, CONTACTS, LOCKED, *SETTING_NAMES)
_BOOLEAN_KEYS = frozenset(o.key for o in schema.OPTIONS if isinstance(o.default, bool))
_BY_LOWER = {name.lower(): name for name in POLICY_NAMES}
_SETTING_BY_LOWER = {**{n.lower(): k for n, k in SETTING_NAMES.items()},
                     **{k: k for k in SETTING_NAMES.values()}}
# Keys an MDM may add to a managed-preferences plist that are not ours: ignored without a notice.
_MDM_PREFIXES = ("payload", "mcx_")


@dataclass(frozen=True)
class ManagedPolicy:
    """What one managed source (or several, combined) sets. ``None`` means "not set here"."""

    source: str = ""
    organisation: str | None = None
    contacts: tuple[EmployerContact, ...] | None = None  # a list replaces the file's list as a whole
    mandatory: Mapping[str, Any] = field(default_factory=dict)  # settings key → value, locked
    recommended: Mapping[str, Any] = field(default_factory=dict)  # settings key → value, the user may change
    locked: frozenset[str] | None = None  # the LockedSettings list
    notices: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return (self.organisation is None and self.contacts is None and not self.mandatory
                and not self.recommended and self.locked is None)


def policy_from_registry(values: Mapping[str, object], recommended: Mapping[str, object], *,
                         source: str = "HKLM\\" + REGISTRY_KEY) -> ManagedPolicy:
    """The policy under one hive's ``Software\\Policies\\VitaalThuis`` key.

    ``values`` maps value names to their data (int for REG_DWORD, str for REG_SZ, list for REG_MULTI_SZ) and
    subkey names to a mapping of their values (the ``Contacts`` and ``LockedSettings`` lists);
    ``recommended`` is the same for the ``Recommended`` subkey."""
    return _from_values(values, recommended, source)


def policy_from_plist(data: Mapping[str, object], *,
                      source: str = f"/Library/Managed Preferences/{PLIST_DOMAIN}.plist") -> ManagedPolicy:
    """The policy in a configuration profile's preferences (the plist domain ``nl.vitaalthuis.VitaalThuis``).

    Top-level keys are mandatory; a ``Recommended`` dictionary holds defaults the user may change."""
    rec = data.get(RECOMMENDED, {})
    notes = Notices(Path(source), prefix=f"{source}: ")
    if not isinstance(rec, Mapping):
        notes.add("wrong_type", f"{RECOMMENDED} must be a dictionary, not {type_name(rec)}; ignored.")
        rec = {}
    values = {k: v for k, v in data.items() if not k.lower().startswith(_MDM_PREFIXES)}
    return _from_values(values, rec, source, notes)


def combine(layers: Sequence[ManagedPolicy]) -> ManagedPolicy:
    """Several managed sources as one, the first winning per setting and per list (HKLM before HKCU)."""
    if len(layers) == 1:
        return layers[0]
    mandatory: dict[str, Any] = {}
    recommended: dict[str, Any] = {}
    for layer in reversed(layers):  # later layers are overwritten by earlier ones
        mandatory.update(layer.mandatory)
        recommended.update(layer.recommended)
    return ManagedPolicy(
        source=", ".join(layer.source for layer in layers if not layer.is_empty),
        organisation=next((x.organisation for x in layers if x.organisation is not None), None),
        contacts=next((x.contacts for x in layers if x.contacts is not None), None),
        mandatory=mandatory, recommended=recommended,
        locked=next((x.locked for x in layers if x.locked is not None), None),
        notices=tuple(n for layer in layers for n in layer.notices))


# --- the shared reading -----------------------------------------------------------------------------------


def _from_values(values: Mapping[str, object], recommended: Mapping[str, object], source: str,
                 notes: Notices | None = None) -> ManagedPolicy:
    # registry notices: the log gets which hive (a boolean), not the key's text
    notes = notes or Notices(None, prefix=f"{source}: ", managed=True, machine=source.startswith("HKLM"))
    organisation: str | None = None
    contacts: tuple[EmployerContact, ...] | None = None
    locked: frozenset[str] | None = None
    mandatory: dict[str, Any] = {}
    for raw_name, value in values.items():
        name = _BY_LOWER.get(raw_name.lower())
        if raw_name.lower() == RECOMMENDED.lower():
            continue  # the subkey itself, passed separately
        if name is None:
            notes.add("unknown_key", f"unknown policy {raw_name!r} ignored (known: "
                      f"{', '.join(POLICY_NAMES)}; organisation tips can only be set in policy.toml).")
        elif name == ORGANISATION:
            organisation = check_organisation({"name": value}, notes)
        elif name == CONTACTS:
            contacts = tuple(check_contacts(_contact_list(value, notes), notes))
        elif name == LOCKED:
            locked = check_locked([_setting_name(x) for x in _string_list(value, LOCKED, notes)], notes)
        else:
            _setting(name, value, mandatory, notes)
    chosen: dict[str, Any] = {}
    for raw_name, value in recommended.items():
        name = _BY_LOWER.get(raw_name.lower())
        if name in SETTING_NAMES:
            _setting(name, value, chosen, notes)
        else:
            notes.add("not_recommendable", f"{RECOMMENDED}\\{raw_name} ignored: only settings can be "
                      f"recommended ({', '.join(SETTING_NAMES)}).")
    return ManagedPolicy(source=source, organisation=organisation, contacts=contacts, mandatory=mandatory,
                         recommended=chosen, locked=locked, notices=tuple(notes.items))


def _setting(name: str, value: object, into: dict[str, Any], notes: Notices) -> None:
    """Convert a registry/plist value to the setting's type, check it with the settings registry."""
    key = SETTING_NAMES[name]
    option = schema.BY_KEY[key]
    if key in _BOOLEAN_KEYS and isinstance(value, int) and not isinstance(value, bool) and value in (0, 1):
        value = bool(value)  # REG_DWORD 0/1
    elif key == "reminder_day" and isinstance(value, str) and value.strip().isdigit():
        value = int(value)  # a REG_SZ "4" written by hand or by an Intune custom OMA-URI
    if not option.check(value):
        notes.add("bad_value", f"{name} = {value!r} is not valid ({option.doc}); ignored.")
        return
    into[key] = value


def _setting_name(entry: object) -> object:
    """A lock may name the setting as the policy does (``ReminderDay``) or as policy.toml does."""
    if isinstance(entry, str):
        return _SETTING_BY_LOWER.get(entry.strip().lower(), entry.strip())
    return entry


def _numbered(value: Mapping[str, object], name: str, notes: Notices) -> list[object]:
    """The values of a list subkey in the order of their numbered names (1, 2, … 10, not 1, 10, 2)."""
    ordered: list[tuple[int, object]] = []
    for key, item in value.items():
        if key.strip().isdigit():
            ordered.append((int(key), item))
        else:
            notes.add("unknown_key", f"{name}\\{key} ignored: list values are named 1, 2, 3, …")
    return [item for _, item in sorted(ordered, key=lambda pair: pair[0])]


def _string_list(value: object, name: str, notes: Notices) -> list[object]:
    if isinstance(value, Mapping):
        return _numbered(value, name, notes)
    if isinstance(value, list | tuple):
        return list(value)  # REG_MULTI_SZ, or a plist array
    notes.add("wrong_type", f"{name} must be a list (a subkey with values 1, 2, …), not {type_name(value)}; "
              "ignored.")
    return []


def _contact_list(value: object, notes: Notices) -> list[object]:
    """Contacts as dictionaries: JSON objects in the registry, dictionaries in a plist."""
    contacts: list[object] = []
    for position, item in enumerate(_string_list(value, CONTACTS, notes), start=1):
        if isinstance(item, str):
            try:
                item = json.loads(item)
            except json.JSONDecodeError as exc:
                notes.add("not_json", f"{CONTACTS} entry {position} is not a JSON object ({exc.msg}); "
                          "skipped.")
                continue
        if isinstance(item, Mapping):
            contacts.append(dict(item))
        else:
            notes.add("wrong_type", f"{CONTACTS} entry {position} must be a JSON object with name, role, "
                      f"phone, email, url, note; not {type_name(item)}; skipped.")
    return contacts
