"""The organisation policy: ``policy.toml``, written by the employer's IT department, read-only for the app.

Where it is looked for (docs/deploying.md): ``VITAALTHUIS_POLICY=FILE`` when set; otherwise the
first ``policy.toml`` found in every folder platformdirs gives for ``site_config_dir(multipath=True)``, then
``/etc/xdg/VitaalThuis/`` (Linux), ``C:\\ProgramData\\VitaalThuis\\`` (Windows) or
``/Library/Application Support/VitaalThuis/`` (macOS).

Format (``schema_version = 1``)::

    schema_version = 1
    locked = ["reminder_day", "language"]          # settings the user cannot change

    [organisation]
    name = "Gemeente Voorbeeld"

    [defaults]                                      # any lockable key of vitaalthuis.config.schema
    language = "nl"
    reminder_day = 4
    reminder_time = "10:00"

    [[contacts]]                                    # name + at least one of phone, email, url
    name = "Dr. A. Jansen"
    role = "Bedrijfsarts"
    phone = "030 123 45 67"
    email = "bedrijfsarts@voorbeeld.nl"
    url = "https://intranet.voorbeeld.nl/bedrijfsarts"
    note = "Spreekuur op dinsdag"

    [[tips]]                                        # the tip library's format; the source is the organisation
    id = "voorbeeld_fietsplan"
    theme = "breaks_movement"
    condition = "general"
    title = { nl = "…", en = "…" }
    body = { nl = "…", en = "…" }

Loading never raises: a missing file gives the empty policy; a file that is unreadable, not a regular file
(a FIFO, folder or device: never read, so start-up cannot hang), larger than 1 MB, not TOML or of an
unknown version is ignored as a whole; wrong types, unknown keys and keys that cannot be locked are dropped
one by one. Each problem becomes a notice (English, for the window's non-blocking message and for IT
staff) and a log event. The user's data rights (export, import, delete all) are not settings and can never
be locked. The policy is never written, and its values are never copied into the user's settings file.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vitaalthuis.config import schema
from vitaalthuis.config.paths import APP_NAME
from vitaalthuis.domain.help_contacts import EmployerContact, HelpPage
from vitaalthuis.domain.tips import Tip, TipLibrary
from vitaalthuis.files import NotAFileError, read_regular_file

POLICY_ENV = "VITAALTHUIS_POLICY"
POLICY_FILE = "policy.toml"
SCHEMA_VERSION = 1
MAX_BYTES = 1024 * 1024  # a policy is a few kB; anything this big is a mistake
MAX_CONTACTS = 20
MAX_TEXT = 200  # characters of a name, role, phone, e-mail or note
MAX_URL = 500

# The user's data rights. They are not settings; a policy that tries to lock them gets a clear notice.
DATA_RIGHTS = frozenset({"export", "import", "delete", "delete_all", "backup", "restore", "data_rights"})
TOP_LEVEL_KEYS = ("schema_version", "organisation", "contacts", "tips", "defaults", "locked")
CONTACT_FIELDS = ("name", "role", "phone", "email", "url", "note")

_log = logging.getLogger("vitaalthuis.policy")
_PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()./-]{1,40}$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Policy:
    """What the organisation set. The empty policy (``Policy()``) is what a computer without one gets."""

    organisation: str | None = None
    contacts: tuple[EmployerContact, ...] = ()
    tips: tuple[Tip, ...] = ()
    defaults: dict[str, Any] = field(default_factory=dict)  # settings keys → values, all checked
    locked: frozenset[str] = frozenset()  # lockable settings keys only
    source: Path | None = None  # the file read, if any
    notices: tuple[str, ...] = ()  # problems found, in English; empty when all was well

    @property
    def is_empty(self) -> bool:
        return not (self.organisation or self.contacts or self.tips or self.defaults or self.locked)

    def help_page(self) -> HelpPage:
        """The help page with the employer's contacts under the organisation's name."""
        return HelpPage(employer_contacts=self.contacts, organisation=self.organisation)

    def tip_library(self, shipped: TipLibrary) -> TipLibrary:
        """The shipped library plus the organisation's tips (source: the organisation)."""
        if not self.tips or not self.organisation:
            return shipped
        known = {tip.id for tip in shipped}
        return shipped.with_organisation_tips((t for t in self.tips if t.id not in known), self.organisation)


# --- where ------------------------------------------------------------------------------------------------


def search_paths(env: Mapping[str, str] | None = None, platform: str | None = None) -> list[Path]:
    """The files looked at, in order; the first that exists is used. ``VITAALTHUIS_POLICY`` replaces all."""
    env = os.environ if env is None else env
    override = env.get(POLICY_ENV, "").strip()
    if override:
        return [Path(override).expanduser()]
    platform = sys.platform if platform is None else platform
    folders: list[str] = []
    try:
        import platformdirs

        folders += platformdirs.site_config_dir(APP_NAME, appauthor=False, multipath=True).split(os.pathsep)
    except Exception:  # noqa: BLE001  # pragma: no cover - platformdirs never fails; the fixed paths remain
        _log.warning("policy.site_dirs_failed")
    if platform == "win32":
        folders.append(os.path.join(env.get("ProgramData", r"C:\ProgramData"), APP_NAME))
        folders.append(r"C:\ProgramData" + "\\" + APP_NAME)
    elif platform == "darwin":
        folders.append(f"/Library/Application Support/{APP_NAME}")
    else:
        folders.append(f"/etc/xdg/{APP_NAME}")
        if Path("/.flatpak-info").exists():  # the sandbox sees the host's /etc only here
            folders.append(f"/run/host/etc/xdg/{APP_NAME}")
    paths: list[Path] = []
    for folder in folders:
        if folder and (path := Path(folder) / POLICY_FILE) not in paths:
            paths.append(path)
    return paths


def find_policy_file(paths: Sequence[Path] | None = None) -> Path | None:
    for path in search_paths() if paths is None else paths:
        try:
            if path.exists():
                return path
        except OSError:
            continue
    return None


# --- loading ----------------------------------------------------------------------------------------------


class _Notices:
    def __init__(self, source: Path | None) -> None:
        self.source = source
        self.items: list[str] = []

    def add(self, event: str, message: str, **fields: int | bool | Path | None) -> None:
        self.items.append(message)
        _log.warning(f"policy.{event}", extra={"fields": {"file": self.source, **fields}})


def _read(path: Path) -> bytes:
    """At most MAX_BYTES + 1 bytes of a regular file (a seam for tests: CI runs as root, so permissions
    cannot make a file unreadable).

    The app reads this at every start, from a folder someone else manages: opened with O_NONBLOCK, a FIFO
    without a writer cannot hang the start; the type is checked on the open descriptor, and anything but a
    regular file raises NotAFileError unread (``/dev/zero`` would never end, a FIFO could block a read)."""
    return read_regular_file(path, MAX_BYTES)


def load_policy(paths: Sequence[Path] | None = None, *, env: Mapping[str, str] | None = None,
                existing_tip_ids: Iterable[str] | None = None) -> Policy:
    """Find and read the policy; never raises. ``paths`` replaces the search (tests, tools)."""
    try:
        return _load(paths, env, existing_tip_ids)
    except Exception:  # noqa: BLE001 - a bug here must not stop the app from starting
        _log.exception("policy.load_failed")
        return Policy(notices=("The organisation's settings could not be read; defaults are used.",))


def _load(paths: Sequence[Path] | None, env: Mapping[str, str] | None,
          existing_tip_ids: Iterable[str] | None) -> Policy:
    env = os.environ if env is None else env
    override = env.get(POLICY_ENV, "").strip()
    candidates = list(paths) if paths is not None else search_paths(env)
    path = find_policy_file(candidates)
    if path is None:
        if paths is None and override:
            notes = _Notices(Path(override))
            notes.add("missing", f"{POLICY_ENV} names {override}, which does not exist; no policy is used.")
            return Policy(source=Path(override), notices=tuple(notes.items))
        _log.info("policy.none")
        return Policy()
    notes = _Notices(path)
    try:
        raw = _read(path)
    except NotAFileError:
        notes.add("not_a_file", f"{path} is not a regular file (a folder, pipe or device); "
                  "no policy is used.")
        return Policy(source=path, notices=tuple(notes.items))
    except OSError as exc:
        notes.add("unreadable", f"{path} cannot be read ({exc.strerror or type(exc).__name__}); "
                  "no policy is used.", errno=exc.errno)
        return Policy(source=path, notices=tuple(notes.items))
    if len(raw) > MAX_BYTES:
        notes.add("too_large", f"{path} is larger than {MAX_BYTES // 1024} kB; no policy is used.")
        return Policy(source=path, notices=tuple(notes.items))
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        notes.add("not_utf8", f"{path} is not UTF-8 text; no policy is used.")
        return Policy(source=path, notices=tuple(notes.items))
    except tomllib.TOMLDecodeError as exc:
        notes.add("not_toml", f"{path} is not valid TOML ({exc}); no policy is used.")
        return Policy(source=path, notices=tuple(notes.items))
    policy = parse_policy(data, source=path, notes=notes, existing_tip_ids=existing_tip_ids)
    _log.info("policy.loaded", extra={"fields": {
        "file": path, "organisation": policy.organisation is not None, "contacts": len(policy.contacts),
        "tips": len(policy.tips), "defaults": len(policy.defaults), "locked": len(policy.locked),
        "notices": len(policy.notices)}})
    return policy


def parse_policy(data: Mapping[str, Any], *, source: Path | None = None, notes: _Notices | None = None,
                 existing_tip_ids: Iterable[str] | None = None) -> Policy:
    """Check a parsed policy document; what is invalid is left out, each time with a notice."""
    notes = notes or _Notices(source)
    version = data.get("schema_version")
    if version is None:
        notes.add("no_version", f"schema_version is missing; read as version {SCHEMA_VERSION}.")
    elif isinstance(version, bool) or not isinstance(version, int) or version != SCHEMA_VERSION:
        notes.add("unknown_version", f"schema_version {version!r} is not supported by this version of "
                  f"VitaalThuis (it reads {SCHEMA_VERSION}); no policy is used. Update VitaalThuis.",
                  version=version if isinstance(version, int) else None)
        return Policy(source=source, notices=tuple(notes.items))
    for key in sorted(set(data) - set(TOP_LEVEL_KEYS)):
        notes.add("unknown_key", f"unknown key {key!r} ignored (known: {', '.join(TOP_LEVEL_KEYS)}).")

    organisation = _organisation(data.get("organisation"), notes)
    contacts = _contacts(data.get("contacts", []), notes)
    defaults = _defaults(data.get("defaults", {}), notes)
    locked = _locked(data.get("locked", []), notes)
    tips: list[Tip] = []
    if "tips" in data:
        if organisation is None:
            notes.add("tips_without_organisation",
                      "organisation tips ignored: the policy does not name the organisation "
                      "([organisation] name).")
        else:
            from vitaalthuis.domain.tips import parse_organisation_tips

            if existing_tip_ids is None:
                existing_tip_ids = _shipped_tip_ids()
            tips, tip_notices = parse_organisation_tips(data["tips"], organisation,
                                                        existing_ids=frozenset(existing_tip_ids))
            for message in tip_notices:
                notes.add("tip_skipped", message)
    return Policy(organisation=organisation, contacts=tuple(contacts), tips=tuple(tips), defaults=defaults,
                  locked=locked, source=source, notices=tuple(notes.items))


def _shipped_tip_ids() -> frozenset[str]:
    try:
        from vitaalthuis.domain.tips import load_tips

        return frozenset(tip.id for tip in load_tips())
    except Exception:  # noqa: BLE001 - then a policy's tip ids are checked against none
        _log.exception("policy.shipped_tips_unavailable")
        return frozenset()


def _type_name(value: object) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)


def _text(value: object, where: str, notes: _Notices, limit: int = MAX_TEXT) -> str | None:
    if not isinstance(value, str):
        notes.add("wrong_type", f"{where} must be text, not {_type_name(value)}; ignored.")
        return None
    text = " ".join(value.split())
    if not text:
        notes.add("empty", f"{where} is empty; ignored.")
        return None
    if len(text) > limit:
        notes.add("too_long", f"{where} is longer than {limit} characters; ignored.")
        return None
    return text


def _organisation(raw: object, notes: _Notices) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        notes.add("wrong_type", f"organisation must be a table ([organisation] with name = \"…\"), "
                  f"not {_type_name(raw)}; ignored.")
        return None
    for key in sorted(set(raw) - {"name"}):
        notes.add("unknown_key", f"unknown key organisation.{key} ignored (known: name).")
    if "name" not in raw:
        notes.add("missing_key", "organisation.name is missing; no organisation is shown.")
        return None
    return _text(raw["name"], "organisation.name", notes, limit=100)


def _contacts(raw: object, notes: _Notices) -> list[EmployerContact]:
    if not isinstance(raw, list):
        notes.add("wrong_type", f"contacts must be a list of tables ([[contacts]]), not {_type_name(raw)}; "
                  "ignored.")
        return []
    if len(raw) > MAX_CONTACTS:
        notes.add("too_many", f"{len(raw)} contacts given; only the first {MAX_CONTACTS} are used.")
    contacts: list[EmployerContact] = []
    for position, entry in enumerate(raw[:MAX_CONTACTS], start=1):
        where = f"contacts[{position}]"
        if not isinstance(entry, dict):
            notes.add("wrong_type", f"{where} must be a table, not {_type_name(entry)}; skipped.")
            continue
        for key in sorted(set(entry) - set(CONTACT_FIELDS)):
            notes.add("unknown_key",
                      f"unknown key {where}.{key} ignored (known: {', '.join(CONTACT_FIELDS)}).")
        values: dict[str, str | None] = {}
        for key in CONTACT_FIELDS:
            if key in entry:
                values[key] = _contact_field(key, entry[key], f"{where}.{key}", notes)
        try:
            contacts.append(EmployerContact(name=values.get("name") or "", role=values.get("role"),
                                            phone=values.get("phone"), email=values.get("email"),
                                            url=values.get("url"), note=values.get("note")))
        except ValueError:
            notes.add("contact_skipped", f"{where} skipped: a contact needs a name and a phone number, "
                      "e-mail address or web address.")
    return contacts


def _contact_field(key: str, value: object, where: str, notes: _Notices) -> str | None:
    text = _text(value, where, notes, limit=MAX_URL if key == "url" else MAX_TEXT)
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


def _defaults(raw: object, notes: _Notices) -> dict[str, Any]:
    if not isinstance(raw, dict):
        notes.add("wrong_type", f"defaults must be a table ([defaults]), not {_type_name(raw)}; ignored.")
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


def _locked(raw: object, notes: _Notices) -> frozenset[str]:
    if not isinstance(raw, list):
        notes.add("wrong_type", f"locked must be a list of setting names, not {_type_name(raw)}; nothing is "
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
