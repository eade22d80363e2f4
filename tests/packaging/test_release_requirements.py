"""The pinned, hashed requirements of the release builds (packaging/requirements/release-<os>.txt).

Each file pins every package with == and at least one sha256 hash, names no index or other address, holds
every runtime dependency of pyproject.toml and the 'package' extra (PyInstaller) at a version that
pyproject.toml allows, and is what the release workflow installs with --require-hashes.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "packaging" / "requirements"
SYSTEMS = ("linux", "windows", "macos")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
REQUIRED = [Requirement(text) for text in (*PYPROJECT["project"]["dependencies"],
                                           *PYPROJECT["project"]["optional-dependencies"]["package"])]

PIN = re.compile(r"(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)==(?P<version>[A-Za-z0-9.!+_-]+)")
HASH = re.compile(r"--hash=sha256:(?P<hex>[0-9a-f]+)")


def entries(text: str) -> list[str]:
    """The requirement entries of a requirements file: continuation lines joined, comments dropped."""
    logical, current = [], ""
    for line in text.splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        logical.append((current + stripped).strip())
        current = ""
    assert not current, "the file ends inside a continued line"
    return logical


def pins(system: str) -> dict[str, tuple[str, list[str]]]:
    """canonical name -> (version, sha256 hashes) of one file; fails on any entry that is not such a pin."""
    found: dict[str, tuple[str, list[str]]] = {}
    for entry in entries((FOLDER / f"release-{system}.txt").read_text(encoding="utf-8")):
        head, *options = entry.split()
        match = PIN.fullmatch(head)
        assert match, f"release-{system}.txt: not a name==version pin: {entry[:80]!r}"
        hashes = [HASH.fullmatch(option) for option in options]
        assert all(hashes), f"release-{system}.txt: {head}: an option other than --hash=sha256:… in {options}"
        digests = [h["hex"] for h in hashes if h]
        assert digests, f"release-{system}.txt: {head} has no --hash=sha256:"
        assert all(len(d) == 64 for d in digests), f"release-{system}.txt: {head}: a hash is not 64 digits"
        key = canonicalize_name(match["name"])
        assert key not in found, f"release-{system}.txt: {key} is pinned twice"
        found[key] = (match["version"], digests)
    return found


@pytest.mark.parametrize("system", SYSTEMS)
def test_every_entry_is_pinned_with_sha256_hashes(system: str) -> None:
    pinned = pins(system)
    assert len(pinned) >= len(REQUIRED)
    for name, (version, _) in pinned.items():
        Version(version)  # a valid version (raises otherwise)
        assert "*" not in version, name


@pytest.mark.parametrize("system", SYSTEMS)
def test_no_index_or_address_in_the_file(system: str) -> None:
    text = (FOLDER / f"release-{system}.txt").read_text(encoding="utf-8")
    assert "http" not in text.lower()
    assert "index-url" not in text and "find-links" not in text and "://" not in text
    assert not re.search(r"^\s*-[-a-z]", text.replace("--hash=", ""), re.MULTILINE), "an option line"


@pytest.mark.parametrize("system", SYSTEMS)
def test_every_dependency_of_pyproject_is_pinned_within_its_range(system: str) -> None:
    pinned = pins(system)
    for requirement in REQUIRED:
        key = canonicalize_name(requirement.name)
        assert key in pinned, f"release-{system}.txt lacks {requirement.name}"
        version = pinned[key][0]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"release-{system}.txt pins {key}=={version}, outside {requirement.name}{requirement.specifier}")


@pytest.mark.parametrize("system", SYSTEMS)
def test_the_header_says_how_the_file_was_made(system: str) -> None:
    header = (FOLDER / f"release-{system}.txt").read_text(encoding="utf-8").split("\n\n")[0]
    assert "make release-requirements" in header
    assert "3.11" in header
    assert f"--require-hashes -r packaging/requirements/release-{system}.txt" in header


def test_the_makefile_regenerates_them_and_the_release_workflow_installs_them() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^release-requirements:", makefile, re.MULTILINE)
    assert re.search(r"^\.PHONY:[^\n]*(?:\\\n[^\n]*)*release-requirements", makefile, re.MULTILINE)
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    for system in SYSTEMS:
        pinned = rf"pip install --require-hashes [^\n]*-r packaging/requirements/release-{system}\.txt"
        assert re.search(pinned, workflow), system
    assert workflow.count("pip install --no-deps -e .") == len(SYSTEMS)
    assert 'install -e ".[package]"' not in workflow  # no install from the ranges of pyproject.toml
