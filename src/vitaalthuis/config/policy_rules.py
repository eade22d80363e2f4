"""The checks of an organisation policy's values, shared by ``policy.toml`` and the managed sources.

Split from :mod:`vitaalthuis.config.policy` so that the registry and configuration-profile readers
(:mod:`vitaalthuis.config.managed`) check organisation names, contacts, defaults and locks exactly as the TOML
file is checked, without importing the module that loads them (which would close an import cycle). Each check
drops what is invalid and records a notice (English, for the window and for IT staff) plus a log event.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from vitaalthuis.config import schema
from vitaalthuis.domain.help_contacts import EmployerContact

MAX_CONTACTS = 20
MAX_TEXT = 200  # characters of a name, role, phone, e-mail or note
MAX_URL = 500

# The user's data rights. They are not settings; a policy that tries to lock them gets a clear notice.
DATA_RIGHTS = frozenset({"export", "import", "delete", "delete_all", "backup", "restore", "data_rights"})
CONTACT_FIELDS = ("name", "role", "phone", "email", "url", "note")

_log = logging.getLogger("vitaalthuis.policy")
_PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()./-]{1,40}$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Notices:
    """Problems found in one source; ``prefix`` names a source that is not a file (a registry key)."""

    def __init__(self, source: Path | None, prefix: str = "", **context: int | bool | Path | None) -> None:
        self.source = source
        self.prefix = prefix
        self.context = context  # extra log fields: the log keeps numbers, booleans and paths, never free text
        self.items: list[str] = []

    def add(self, event: str, message: str, **fields: int | bool | Path | None) -> None:
        self.items.append(self.prefix + message)
        _log.warning(f"policy.{event}", extra={"fields": {"file": self.source, **self.context, **fields}})


def type_name(value: object) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)


def check_text(value: object, where: str, notes: Notices, limit: int = MAX_TEXT) -> str | None:
    if not isinstance(value, str):
        notes.add("wrong_type", f"{where} must be text, not {type_name(value)}; ignored.")
        return None
    text = " ".join(value.split())
    if not text:
        notes.add("empty", f"{where} is empty; ignored.")
        return None
    if len(text) > limit:
        notes.add("too_long", f"{where} is longer than {limit} characters; ignored.")
        return None
    return text


def check_organisation(raw: object, notes: Notices) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        notes.add("wrong_type", f"organisation must be a table ([organisation] with name = \"…\"), "
                  f"not {type_name(raw)}; ignored.")
        return None
    for key in sorted(set(raw) - {"name"}):
        notes.add("unknown_key", f"unknown key organisation.{key} ignored (known: name).")
    if "name" not in raw:
        notes.add("missing_key", "organisation.name is missing; no organisation is shown.")
        return None
    return check_text(raw["name"], "organisation.name", notes, limit=100)


def check_contacts(raw: object, notes: Notices) -> list[EmployerContact]:
    if not isinstance(raw, list):
        notes.add("wrong_type", f"contacts must be a list of tables ([[contacts]]), not {type_name(raw)}; "
                  "ignored.")
        return []
    if len(raw) > MAX_CONTACTS:
        notes.add("too_many", f"{len(raw)} contacts given; only the first {MAX_CONTACTS} are used.")
    contacts: list[EmployerContact] = []
    for position, entry in enumerate(raw[:MAX_CONTACTS], start=1):
        where = f"contacts[{position}]"
        if not isinstance(entry, dict):
            notes.add("wrong_type", f"{where} must be a table, not {type_name(entry)}; skipped.")
            continue
        for key in sorted(set(entry) - set(CONTACT_FIELDS)):
            notes.add("unknown_key",
                      f"unknown key {where}.{key} ignored (known: {', '.join(CONTACT_FIELDS)}).")
        values: dict[str, str | None] = {}
        for key in CONTACT_FIELDS:
            if key in entry:
                values[key] = check_contact_field(key, entry[key], f"{where}.{key}", notes)
        try:
            contacts.append(EmployerContact(name=values.get("name") or "", role=values.get("role"),
                                            phone=values.get("phone"), email=values.get("email"),
                                            url=values.get("url"), note=values.get("note")))
        except ValueError:
            notes.add("contact_skipped", f"{where} skipped: a contact needs a name and a phone number, "
                      "e-mail address or web address.")
    return contacts


def check_contact_field(key: str, value: object, where: str, notes: Notices) -> str | None:
    text = check_text(value, where, notes, limit=MAX_URL if key == "url" else MAX_TEXT)
    if text is None:
        return None
    if key == "phone" and not _PHONE_RE.fullmatch(text):
        notes.add("bad_value", f"{where} is not a phone number; ignored.")
        return None
    if key == "email" and not _EMAIL_RE.fullmatch(text):
        notes.add("bad_value", f"{where} is not an e-mail address; ignored.")
        return None
    if key == "url" and (not text.startswith(("https://", "http://")) or " " in text):
        notes.add("bad_value", f"{where} must be an http(s) address; ignored.")
        return None
    return text


def presettable_keys() -> tuple[str, ...]:
    """Settings an organisation may give a default for and lock (the lockable ones in config/schema.py)."""
    return tuple(o.key for o in schema.OPTIONS if o.lockable)


def check_defaults(raw: object, notes: Notices) -> dict[str, Any]:
    if not isinstance(raw, dict):
        notes.add("wrong_type", f"defaults must be a table ([defaults]), not {type_name(raw)}; ignored.")
        return {}
    allowed = presettable_keys()
    result: dict[str, Any] = {}
    for key, value in raw.items():
        option = schema.BY_KEY.get(key)
        if option is None or not option.lockable:
            notes.add("unknown_key", f"defaults.{key} is not a setting an organisation can preset; ignored "
                      f"(known: {', '.join(allowed)}).")
        elif not option.check(value):
            notes.add("bad_value", f"defaults.{key} = {value!r} is not valid ({option.doc}); the built-in "
                      "default is used.")
        else:
            result[key] = value
    return result


def check_locked(raw: object, notes: Notices) -> frozenset[str]:
    if not isinstance(raw, list):
        notes.add("wrong_type", f"locked must be a list of setting names, not {type_name(raw)}; nothing is "
                  "locked.")
        return frozenset()
    locked: set[str] = set()
    for entry in raw:
        if not isinstance(entry, str):
            notes.add("wrong_type", f"locked entry {entry!r} is not a setting name; ignored.")
        elif entry in DATA_RIGHTS:
            notes.add("lock_refused", f"locked entry {entry!r} ignored: export, import and deleting all data "
                      "are the user's rights and can never be locked.")
        elif entry not in schema.BY_KEY:
            notes.add("unknown_key", f"locked entry {entry!r} is not a setting; ignored "
                      f"(lockable: {', '.join(presettable_keys())}).")
        elif not schema.BY_KEY[entry].lockable:
            notes.add("lock_refused", f"locked entry {entry!r} ignored: this setting cannot be locked.")
        else:
            locked.add(entry)
    return frozenset(locked)
