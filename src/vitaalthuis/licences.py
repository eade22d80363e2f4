"""The software the app runs on and its licences, read from the installed distributions' metadata.

The runtime closure is every distribution that the requirements of ``vitaalthuis`` pull in, followed
recursively. Only requirements whose environment markers apply to the running interpreter and platform
count; extras are ignored: a requirement that applies only to an extra (``extra == "…"``) is left out, and the
extras a requirement asks for (``name[extra]``) are not followed. A requirement whose distribution is not
installed is left out as well.

The About window lists the closure (ui/about_dialog.py), ``tools/sbom.py`` writes it as a CycloneDX SBOM, and
the PyInstaller spec copies each closure distribution's metadata (its ``*.dist-info`` folder) into the frozen
build, so the frozen app reads the same list. Without the app's own metadata (a build that did not copy it)
the closure starts from the app's direct dependencies (``FALLBACK_ROOTS``), and a direct dependency whose
metadata is missing as well is shown with the licence written here and the version "unknown".

Standard library only (importlib.metadata): the module runs in the frozen app and at build time, and imports
nothing that the window or a build tool would not already have.
"""

from __future__ import annotations

import importlib.metadata
import os
import platform
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

APP = "vitaalthuis"
UNKNOWN = "unknown"

# The app's direct runtime dependencies (pyproject.toml, [project].dependencies) and their licences: used only
# when the installed metadata cannot say.
FALLBACK_ROOTS: tuple[str, ...] = (
    "PySide6-Essentials", "SQLAlchemy", "matplotlib", "platformdirs", "alembic",
)
FALLBACK_LICENCES: dict[str, str] = {
    "pyside6-essentials": "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
    "sqlalchemy": "MIT",
    "matplotlib": "Python Software Foundation License",
    "platformdirs": "MIT",
    "alembic": "MIT",
}

# A License field longer than this is taken to be a licence text rather than a licence name.
SHORT_LICENCE = 80


@dataclass(frozen=True)
class LicenceRecord:
    """One distribution of the runtime closure.

    ``key`` is the normalised name (PEP 503), ``requires`` the keys of the closure distributions this one
    requires directly, ``from_metadata`` False for a fallback entry that no installed metadata backs.
    """

    name: str
    version: str
    licence: str
    homepage: str | None
    key: str
    requires: tuple[str, ...] = ()
    from_metadata: bool = True


def normalise(name: str) -> str:
    """The normalised form of a distribution name (PEP 503): lower case, runs of -_. as one hyphen."""
    return re.sub(r"[-_.]+", "-", name).lower()


# --- licence and homepage of one distribution --------------------------------------------------------------

def _field(metadata: importlib.metadata.PackageMetadata, name: str) -> str:
    """A metadata field, "" when it is missing (before Python 3.12 a missing key reads as None)."""
    return (metadata[name] or "") if name in metadata else ""


def _classifier_licences(classifiers: Iterable[str]) -> list[str]:
    prefix = "License :: OSI Approved :: "
    return [c[len(prefix):].strip() for c in classifiers if c.startswith(prefix) and c[len(prefix):].strip()]


def licence_of(metadata: importlib.metadata.PackageMetadata) -> str:
    """The licence as the distribution states it.

    In this order: the License-Expression field (an SPDX expression); the License field when it is short (a
    name such as "MIT", not the full licence text; its first line); the "License :: OSI Approved :: …"
    classifiers; the first line of a long License field when that line is short and has a letter in it.
    Otherwise "unknown".
    """
    expression = _field(metadata, "License-Expression").strip()
    if expression:
        return expression
    text = _field(metadata, "License").strip()
    if text.upper() == "UNKNOWN":
        text = ""
    first = text.splitlines()[0].strip() if text else ""
    if first and len(text) <= SHORT_LICENCE:
        return first
    osi = _classifier_licences(metadata.get_all("Classifier") or [])
    if osi:
        return " / ".join(dict.fromkeys(osi))
    if first and len(first) <= SHORT_LICENCE and re.search(r"[A-Za-z]", first):
        return first
    return UNKNOWN


def homepage_of(metadata: importlib.metadata.PackageMetadata) -> str | None:
    """The Home-page field, else the Project-URL labelled "Homepage" or "Home"; None without either."""
    home = _field(metadata, "Home-page").strip()
    if home and home.upper() != "UNKNOWN":
        return home
    for entry in metadata.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if re.sub(r"[^a-z]", "", label.lower()) in ("homepage", "home") and url.strip():
            return url.strip()
    return None


# --- environment markers (PEP 508) -------------------------------------------------------------------------

def marker_environment() -> dict[str, str]:
    """The values markers are evaluated against, as pip computes them; no extra is selected."""
    impl = sys.implementation
    impl_version = f"{impl.version.major}.{impl.version.minor}.{impl.version.micro}"
    if impl.version.releaselevel != "final":
        impl_version += impl.version.releaselevel[0] + str(impl.version.serial)
    return {
        "implementation_name": impl.name,
        "implementation_version": impl_version,
        "os_name": os.name,
        "platform_machine": platform.machine(),
        "platform_release": platform.release(),
        "platform_system": platform.system(),
        "platform_version": platform.version(),
        "python_full_version": platform.python_version(),
        "platform_python_implementation": platform.python_implementation(),
        "python_version": ".".join(platform.python_version_tuple()[:2]),
        "sys_platform": sys.platform,
        "extra": "",
    }


class MarkerError(ValueError):
    """A marker this module cannot parse."""


_TOKEN = re.compile(r"""\s*(\(|\)|===|==|!=|<=|>=|~=|<|>|not\s+in\b|in\b|and\b|or\b|'[^']*'|"[^"]*"|"""
                    r"""[A-Za-z_][A-Za-z0-9_.]*)""")
# Older spellings of marker variables that pip still accepts.
_LEGACY_NAMES = {
    "os.name": "os_name", "sys.platform": "sys_platform", "platform.version": "platform_version",
    "platform.machine": "platform_machine",
    "platform.python_implementation": "platform_python_implementation",
    "python_implementation": "platform_python_implementation",
}
_VERSION = re.compile(r"^\s*v?(\d+(?:\.\d+)*)(.*?)\s*$")


def _tokens(marker: str) -> list[str]:
    tokens, pos = [], 0
    while pos < len(marker.rstrip()):
        match = _TOKEN.match(marker, pos)
        if not match:
            raise MarkerError(f"cannot read the marker at {marker[pos:]!r}")
        tokens.append(re.sub(r"\s+", " ", match.group(1)))
        pos = match.end()
    return tokens


def _version_key(text: str) -> tuple[tuple[int, ...], bool] | None:
    """(release numbers, final) of a version, or None when the text is no version. Pre- and post-release
    suffixes only count as "not final"; this is enough for the versions markers compare."""
    match = _VERSION.match(text)
    if not match:
        return None
    return tuple(int(part) for part in match.group(1).split(".")), match.group(2) == ""


def _compare(left: str, op: str, right: str) -> bool:
    if op == "in":
        return left in right
    if op == "not in":
        return left not in right
    if op == "===":
        return left == right
    if op in ("==", "!=") and right.endswith(".*"):  # prefix match: python_version == "3.*"
        lkey, rkey = _version_key(left), _version_key(right[:-2])
        if lkey is None or rkey is None:
            equal = left == right
        else:
            padded = lkey[0] + (0,) * max(0, len(rkey[0]) - len(lkey[0]))
            equal = padded[:len(rkey[0])] == rkey[0]
        return equal if op == "==" else not equal
    lkey, rkey = _version_key(left), _version_key(right)
    if lkey is None or rkey is None:
        if op == "==":
            return left == right
        if op == "!=":
            return left != right
        return False  # an ordering of texts that are not versions: undefined, so it does not apply
    width = max(len(lkey[0]), len(rkey[0]))
    lnum, rnum = lkey[0] + (0,) * (width - len(lkey[0])), rkey[0] + (0,) * (width - len(rkey[0]))
    lval, rval = (lnum, lkey[1]), (rnum, rkey[1])
    if op == "~=":
        prefix = rkey[0][:-1] if len(rkey[0]) > 1 else rkey[0]
        return lval >= rval and lkey[0][:len(prefix)] == prefix
    checks: dict[str, Callable[[], bool]] = {
        "==": lambda: lval == rval, "!=": lambda: lval != rval, "<": lambda: lval < rval,
        "<=": lambda: lval <= rval, ">": lambda: lval > rval, ">=": lambda: lval >= rval,
    }
    if op not in checks:
        raise MarkerError(f"unknown operator {op!r}")
    return checks[op]()


def marker_applies(marker: str, environment: dict[str, str] | None = None) -> bool:
    """Whether a PEP 508 environment marker holds for ``environment`` (default: this interpreter, no extra).

    Raises MarkerError for a marker it cannot parse.
    """
    env = marker_environment() if environment is None else environment
    tokens = _tokens(marker)
    pos = 0

    def peek() -> str | None:
        return tokens[pos] if pos < len(tokens) else None

    def take() -> str:
        nonlocal pos
        if pos >= len(tokens):
            raise MarkerError(f"the marker {marker!r} ends too early")
        pos += 1
        return tokens[pos - 1]

    def value() -> str:
        token = take()
        if token[:1] in ("'", '"'):
            return token[1:-1]
        token = _LEGACY_NAMES.get(token, token)
        if token not in env:
            raise MarkerError(f"unknown marker variable {token!r}")
        return env[token]

    def atom() -> bool:
        if peek() == "(":
            take()
            result = either()
            if take() != ")":
                raise MarkerError(f"unbalanced brackets in {marker!r}")
            return result
        left = value()
        op = take()
        if op not in ("===", "==", "!=", "<=", ">=", "~=", "<", ">", "in", "not in"):
            raise MarkerError(f"expected an operator in {marker!r}, found {op!r}")
        return _compare(left, op, value())

    def both() -> bool:
        result = atom()
        while peek() == "and":
            take()
            result = atom() and result
        return result

    def either() -> bool:
        result = both()
        while peek() == "or":
            take()
            result = both() or result
        return result

    result = either()
    if pos != len(tokens):
        raise MarkerError(f"unexpected {tokens[pos]!r} in {marker!r}")
    return result


_NAME = re.compile(r"\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)")


def required_name(requirement: str, environment: dict[str, str] | None = None) -> str | None:
    """The normalised name a requirement string asks for, or None when its marker does not apply here.

    A marker this module cannot parse applies, unless it mentions an extra (the installed metadata then
    decides: a distribution that is not installed is left out of the closure anyway).
    """
    spec, _, marker = requirement.partition(";")
    match = _NAME.match(spec)
    if not match:
        return None
    if marker.strip():
        try:
            if not marker_applies(marker, environment):
                return None
        except MarkerError:
            if "extra" in marker:
                return None
    return normalise(match.group(1))


# --- the closure --------------------------------------------------------------------------------------------

def _find(name: str, path: Sequence[str] | None) -> importlib.metadata.Distribution | None:
    found = (importlib.metadata.distributions(name=name) if path is None
             else importlib.metadata.distributions(name=name, path=list(path)))
    return next(iter(found), None)


def _direct(dist: importlib.metadata.Distribution, environment: dict[str, str]) -> list[str]:
    names = (required_name(req, environment) for req in dist.requires or [])
    return list(dict.fromkeys(name for name in names if name))


def runtime_licences(app: str = APP, path: Sequence[str] | None = None, fallback: bool = True
                     ) -> list[LicenceRecord]:
    """The runtime closure of ``app``, one record per distribution, sorted by normalised name.

    ``path``: the folders to read metadata from (default: sys.path), e.g. a frozen build's ``_internal``.
    Without ``app``'s own metadata the closure starts from FALLBACK_ROOTS; with ``fallback=False`` that
    raises importlib.metadata.PackageNotFoundError instead (for tools that must not guess).
    """
    environment = marker_environment()
    own = _find(app, path)
    if own is not None:
        roots = _direct(own, environment)
    elif fallback:
        roots = [normalise(name) for name in FALLBACK_ROOTS]
    else:
        raise importlib.metadata.PackageNotFoundError(app)
    records: dict[str, LicenceRecord] = {}
    todo = list(roots)
    seen = {normalise(app), *todo}
    found: dict[str, tuple[importlib.metadata.Distribution, list[str]]] = {}
    while todo:
        key = todo.pop(0)
        dist = _find(key, path)
        if dist is None:
            if own is None and key in FALLBACK_LICENCES:
                name = next(n for n in FALLBACK_ROOTS if normalise(n) == key)
                records[key] = LicenceRecord(name, UNKNOWN, FALLBACK_LICENCES[key], None, key, (), False)
            continue
        requires = _direct(dist, environment)
        found[key] = (dist, requires)
        for dependency in requires:
            if dependency not in seen:
                seen.add(dependency)
                todo.append(dependency)
    for key, (dist, requires) in found.items():
        metadata = dist.metadata
        records[key] = LicenceRecord(
            name=_field(metadata, "Name") or key, version=dist.version, licence=licence_of(metadata),
            homepage=homepage_of(metadata), key=key,
            requires=tuple(sorted(r for r in requires if r in found)))
    return sorted(records.values(), key=lambda record: record.key)
