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

On Windows and macOS the managed policy (Group Policy / Intune registry values, a configuration profile) is
read too and merged over the file by :func:`with_managed`; the reading and its checks are in
:mod:`.managed_sources` and :mod:`.managed`, the shared value checks in :mod:`.policy_rules`.
"""

from __future__ import annotations

import logging
import os
import sys
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vitaalthuis.config.managed import ManagedPolicy
from vitaalthuis.config.managed_sources import read_managed
from vitaalthuis.config.paths import APP_NAME
from vitaalthuis.config.policy_rules import (
    Notices,
    check_contacts,
    check_defaults,
    check_locked,
    check_organisation,
)
from vitaalthuis.domain.help_contacts import EmployerContact, HelpPage
from vitaalthuis.domain.tips import Tip, TipLibrary
from vitaalthuis.files import NotAFileError, read_regular_file

POLICY_ENV = "VITAALTHUIS_POLICY"
POLICY_FILE = "policy.toml"
SCHEMA_VERSION = 1
MAX_BYTES = 1024 * 1024  # a policy is a few kB; anything this big is a mistake
TOP_LEVEL_KEYS = ("schema_version", "organisation", "contacts", "tips", "defaults", "locked")
_log = logging.getLogger("vitaalthuis.policy")


@dataclass(frozen=True)
class Policy:
    """What the organisation set. The empty policy (``Policy()``) is what a computer without one gets."""

    organisation: str | None = None
    contacts: tuple[EmployerContact, ...] = ()
    tips: tuple[Tip, ...] = ()
    defaults: dict[str, Any] = field(default_factory=dict)  # settings keys → values, all checked
    locked: frozenset[str] = frozenset()  # lockable settings keys only
    source: Path | None = None  # the file read, if any
    managed_source: str | None = None  # registry keys or managed-preferences plist used, if any
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


def _read(path: Path) -> bytes:
    """At most MAX_BYTES + 1 bytes of a regular file (a seam for tests: CI runs as root, so permissions
    cannot make a file unreadable).

    The app reads this at every start, from a folder someone else manages: opened with O_NONBLOCK, a FIFO
    without a writer cannot hang the start; the type is checked on the open descriptor, and anything but a
    regular file raises NotAFileError unread (``/dev/zero`` would never end, a FIFO could block a read)."""
    return read_regular_file(path, MAX_BYTES)


def load_policy(paths: Sequence[Path] | None = None, *, env: Mapping[str, str] | None = None,
                existing_tip_ids: Iterable[str] | None = None,
                managed: ManagedPolicy | None = None) -> Policy:
    """Find and read the policy; never raises. ``paths`` replaces the search (tests, tools).

    On Windows and macOS the managed policy (Group Policy/Intune registry values, a configuration profile) is
    merged over the file, see :func:`with_managed`. It is read only when the normal search is used: ``paths``
    or ``VITAALTHUIS_POLICY`` test one file on its own. ``managed`` gives it directly (tests)."""
    try:
        policy = _load(paths, env, existing_tip_ids)
        if managed is None and paths is None:
            override = (os.environ if env is None else env).get(POLICY_ENV, "").strip()
            managed = None if override else read_managed()
        return policy if managed is None else with_managed(policy, managed)
    except Exception:  # noqa: BLE001 - a bug here must not stop the app from starting
        _log.exception("policy.load_failed")
        return Policy(notices=("The organisation's settings could not be read; defaults are used.",))


def with_managed(policy: Policy, managed: ManagedPolicy) -> Policy:
    """The file's policy with the managed one over it (docs/deploying.md, "Which value wins").

    Mandatory values (a policy value, or a setting the file locks) beat recommended ones (the ``Recommended``
    key, or the file's unlocked defaults); within each kind the managed source (HKLM before HKCU) beats the
    file. A setting is locked when a mandatory value sets it or any lock list names it: a lock anywhere holds,
    so a lock in the file is never undone by a registry value. The organisation name and the contacts list
    come from the first source that sets them, as a whole (lists are not merged). Tips stay the file's."""
    if managed.is_empty and not managed.notices:
        return policy
    file_locked = {k: v for k, v in policy.defaults.items() if k in policy.locked}
    file_default = {k: v for k, v in policy.defaults.items() if k not in policy.locked}
    defaults = {**file_default, **managed.recommended, **file_locked, **managed.mandatory}
    locked = policy.locked | frozenset(managed.mandatory) | (managed.locked or frozenset())
    _log.info("policy.managed", extra={"fields": {
        "organisation": managed.organisation is not None,
        "contacts": -1 if managed.contacts is None else len(managed.contacts),
        "mandatory": len(managed.mandatory), "recommended": len(managed.recommended),
        "notices": len(managed.notices)}})
    return Policy(
        organisation=managed.organisation if managed.organisation is not None else policy.organisation,
        contacts=managed.contacts if managed.contacts is not None else policy.contacts,
        tips=policy.tips, defaults=defaults, locked=locked, source=policy.source,
        managed_source=managed.source or None, notices=policy.notices + managed.notices)


def _load(paths: Sequence[Path] | None, env: Mapping[str, str] | None,
          existing_tip_ids: Iterable[str] | None) -> Policy:
    env = os.environ if env is None else env
    override = env.get(POLICY_ENV, "").strip()
    candidates = list(paths) if paths is not None else search_paths(env)
    path = find_policy_file(candidates)
    if path is None:
        if paths is None and override:
            notes = Notices(Path(override))
            notes.add("missing", f"{POLICY_ENV} names {override}, which does not exist; no policy is used.")
            return Policy(source=Path(override), notices=tuple(notes.items))
        _log.info("policy.none")
        return Policy()
    notes = Notices(path)
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


def parse_policy(data: Mapping[str, Any], *, source: Path | None = None, notes: Notices | None = None,
                 existing_tip_ids: Iterable[str] | None = None) -> Policy:
    """Check a parsed policy document; what is invalid is left out, each time with a notice."""
    notes = notes or Notices(source)
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

    organisation = check_organisation(data.get("organisation"), notes)
    contacts = check_contacts(data.get("contacts", []), notes)
    defaults = check_defaults(data.get("defaults", {}), notes)
    locked = check_locked(data.get("locked", []), notes)
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
