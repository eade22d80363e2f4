"""The verifiable build: licence data from the installed metadata, the CycloneDX SBOM and SHA256SUMS.

The tools run as real processes (tools/sbom.py, tools/checksums.py, sha256sum), as build_deb.sh runs them.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import uuid
from pathlib import Path
from types import ModuleType

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import vitaalthuis
from vitaalthuis.licences import (
    FALLBACK_ROOTS,
    UNKNOWN,
    marker_applies,
    marker_environment,
    required_name,
    runtime_licences,
)

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
RUNTIME = [Requirement(text) for text in PYPROJECT["project"]["dependencies"]]
PURL = re.compile(r"pkg:pypi/[a-z0-9]+(?:-[a-z0-9]+)*@[A-Za-z0-9.!+_%-]+")


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_tool_{name}", ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=False, timeout=120)


# --- licences from metadata ---------------------------------------------------------------------------------

def test_every_runtime_dependency_has_a_record_with_its_installed_version_and_a_licence() -> None:
    records = {record.key: record for record in runtime_licences()}
    assert {"PySide6-Essentials", "SQLAlchemy", "matplotlib", "platformdirs", "alembic"} == {
        r.name for r in RUNTIME}
    for requirement in RUNTIME:
        record = records[canonicalize_name(requirement.name)]
        assert record.version == importlib.metadata.version(requirement.name)
        assert record.licence.strip() and record.licence != UNKNOWN, record
        assert record.from_metadata
    assert records["sqlalchemy"].licence == "MIT"
    assert "LGPL-3.0" in records["pyside6-essentials"].licence


def test_the_closure_is_what_pip_would_install_for_this_interpreter() -> None:
    """The same closure, computed with the packaging library's requirement and marker parsers."""
    expected: set[str] = set()
    todo = [Requirement(text) for text in importlib.metadata.requires("vitaalthuis") or []]
    while todo:
        requirement = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        key = canonicalize_name(requirement.name)
        if key in expected:
            continue
        try:
            requires = importlib.metadata.requires(requirement.name) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        expected.add(key)
        todo += [Requirement(text) for text in requires]
    records = runtime_licences()
    assert {record.key for record in records} == expected
    assert [record.key for record in records] == sorted(expected)
    assert "pytest" not in expected and "vitaalthuis" not in expected  # extras and the app itself: left out


MARKERS = [
    'python_version < "3.11"',
    'python_version >= "3.11"',
    'python_full_version >= "3.11.0" and python_version != "3.12"',
    'sys_platform == "darwin" and extra == "type1"',
    '(sys_platform == "linux" or sys_platform == "darwin") and extra == "tests"',
    'platform_python_implementation == "CPython" and extra == "woff"',
    'platform_python_implementation != "PyPy"',
    'python_version <= "3.15" and extra == "unicode"',
    "extra == 'lint'",
    'os_name == "nt" or platform_system == "Windows"',
    'platform_machine in "x86_64 AMD64 aarch64"',
    '"linux" in sys_platform',
    'platform_machine not in "arm64 aarch64"',
    'python_version ~= "3.10"',
    'python_full_version ~= "3.11.0"',
    'python_version == "3.*"',
    'implementation_name == "cpython" and (python_version > "3.9" or os_name == "nt")',
]
ENVIRONMENTS = [
    {},
    {"sys_platform": "win32", "os_name": "nt", "platform_system": "Windows", "platform_machine": "AMD64"},
    {"sys_platform": "darwin", "platform_system": "Darwin", "platform_machine": "arm64"},
    {"python_version": "3.10", "python_full_version": "3.10.14"},
    {"python_version": "3.12", "python_full_version": "3.12.1"},
    {"python_version": "3.16", "python_full_version": "3.16.0"},
    {"extra": "tests"},
]


@pytest.mark.parametrize("overrides", ENVIRONMENTS)
@pytest.mark.parametrize("marker", MARKERS)
def test_markers_evaluate_as_the_packaging_library_does(marker: str, overrides: dict[str, str]) -> None:
    environment = {**marker_environment(), **overrides}
    assert marker_applies(marker, environment) == Marker(marker).evaluate(environment)


def test_requirements_with_extras_or_foreign_markers_are_not_followed() -> None:
    assert required_name("typing-extensions>=4.6.0") == "typing-extensions"
    assert required_name("Mako") == "mako"
    assert required_name('greenlet>=1; extra == "asyncio"') is None
    assert required_name('tomli; python_version < "3.11"') is None
    assert required_name("sqlalchemy[asyncio] ; python_version >= '3.11'") == "sqlalchemy"


def test_without_the_apps_metadata_the_fixed_list_is_shown(tmp_path: Path) -> None:
    """A frozen build without any copied metadata: the direct dependencies, from the fixed list."""
    records = runtime_licences(path=[str(tmp_path)])
    assert [record.name for record in records] == sorted(FALLBACK_ROOTS, key=str.lower)
    assert all(not r.from_metadata and r.version == UNKNOWN and r.licence for r in records)
    with pytest.raises(importlib.metadata.PackageNotFoundError):
        runtime_licences(path=[str(tmp_path)], fallback=False)


def test_the_about_window_lists_the_installed_distributions(qtbot) -> None:
    from vitaalthuis.ui.about_dialog import AboutDialog

    dialog = AboutDialog("en")
    qtbot.addWidget(dialog)
    text = dialog.tabs.widget(2).toPlainText()
    assert "SQLAlchemy" in text
    assert importlib.metadata.version("SQLAlchemy") in text
    for record in runtime_licences():
        assert record.name in text and record.licence in text
    for note in ("Python", "Qt", "DejaVu"):  # bundled, but not described by any distribution's metadata
        assert note in text


# --- the SBOM -----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sbom(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("sbom") / "vitaalthuis.cdx.json"
    done = _run(sys.executable, ROOT / "tools" / "sbom.py", "--output", out)
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def test_the_sbom_has_the_cyclonedx_1_5_structure(sbom: dict) -> None:
    assert sbom["bomFormat"] == "CycloneDX"
    assert sbom["specVersion"] == "1.5"
    assert sbom["version"] == 1
    assert sbom["serialNumber"].startswith("urn:uuid:")
    assert uuid.UUID(sbom["serialNumber"].removeprefix("urn:uuid:")).urn == sbom["serialNumber"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", sbom["metadata"]["timestamp"])
    app = sbom["metadata"]["component"]
    assert (app["type"], app["name"]) == ("application", "vitaalthuis")
    assert app["version"] == vitaalthuis.__version__
    assert app["purl"] == f"pkg:pypi/vitaalthuis@{vitaalthuis.__version__}"
    assert app["licenses"] == [{"license": {"id": "EUPL-1.2"}}]


def test_every_component_is_a_library_with_a_purl_and_a_licence(sbom: dict) -> None:
    components = sbom["components"]
    assert len(components) == len(runtime_licences())
    for component in components:
        assert component["type"] == "library"
        assert PURL.fullmatch(component["purl"]), component["purl"]
        assert component["purl"] == f"pkg:pypi/{canonicalize_name(component['name'])}@{component['version']}"
        assert component["bom-ref"] == component["purl"]
        (licence,) = component["licenses"]
        assert (set(licence) == {"expression"} and " " in licence["expression"]) or (
            set(licence) == {"license"} and len(licence["license"]) == 1
            and (licence["license"].get("id") or licence["license"].get("name")))
    refs = [component["bom-ref"] for component in components]
    assert len(set(refs)) == len(refs)
    known = {*refs, sbom["metadata"]["component"]["bom-ref"]}
    for dependency in sbom["dependencies"]:
        assert dependency["ref"] in known and set(dependency["dependsOn"]) <= known


def test_the_sbom_lists_every_runtime_dependency_with_its_installed_version(sbom: dict) -> None:
    by_key = {canonicalize_name(c["name"]): c for c in sbom["components"]}
    for requirement in RUNTIME:
        component = by_key[canonicalize_name(requirement.name)]
        assert component["version"] == importlib.metadata.version(requirement.name)
        assert requirement.specifier.contains(component["version"], prereleases=True)
    (app,) = [d for d in sbom["dependencies"] if d["ref"] == sbom["metadata"]["component"]["bom-ref"]]
    assert {ref.split("/")[1].split("@")[0] for ref in app["dependsOn"]} == {
        canonicalize_name(r.name) for r in RUNTIME}


def test_licences_become_spdx_ids_expressions_or_names() -> None:
    sbom_tool = _tool("sbom")
    assert sbom_tool.licenses("MIT") == [{"license": {"id": "MIT"}}]
    assert sbom_tool.licenses("MIT-CMU") == [{"license": {"id": "MIT-CMU"}}]
    assert sbom_tool.licenses("Apache-2.0 OR BSD-2-Clause") == [{"expression": "Apache-2.0 OR BSD-2-Clause"}]
    assert sbom_tool.licenses("(MIT OR Apache-2.0) AND BSD-3-Clause") == [
        {"expression": "(MIT OR Apache-2.0) AND BSD-3-Clause"}]
    assert sbom_tool.licenses("GPL-2.0-or-later WITH Classpath-exception-2.0") == [
        {"expression": "GPL-2.0-or-later WITH Classpath-exception-2.0"}]
    for name in ("BSD License", "Python Software Foundation License", "BSD", "MIT OR", "unknown",
                 "LicenseRef-Proprietary"):
        assert sbom_tool.licenses(name) == [{"license": {"name": name}}], name
    assert sbom_tool.purl("PySide6_Essentials", "6.11.3") == "pkg:pypi/pyside6-essentials@6.11.3"
    assert sbom_tool.purl("x", "1.0+local.2") == "pkg:pypi/x@1.0%2Blocal.2"


def test_the_timestamp_follows_source_date_epoch(tmp_path: Path) -> None:
    out = tmp_path / "bom.json"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    done = _run(sys.executable, ROOT / "tools" / "sbom.py", "-o", out, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["metadata"]["timestamp"] == "2026-01-01T00:00:00Z"


# --- SHA256SUMS ---------------------------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="sha256sum (GNU coreutils) not installed")
def test_sha256sums_verifies_with_sha256sum_and_fails_after_one_changed_byte(tmp_path: Path) -> None:
    deb = tmp_path / "vitaalthuis_0.1.0_amd64.deb"
    deb.write_bytes(bytes(range(256)) * 4000)
    cdx = tmp_path / "vitaalthuis-0.1.0.cdx.json"
    cdx.write_text('{"bomFormat": "CycloneDX"}\n', encoding="utf-8")
    done = _run(sys.executable, ROOT / "tools" / "checksums.py", "-o", tmp_path / "SHA256SUMS", deb, cdx)
    assert done.returncode == 0, done.stderr

    lines = (tmp_path / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert lines == [f"{hashlib.sha256(cdx.read_bytes()).hexdigest()}  {cdx.name}",
                     f"{hashlib.sha256(deb.read_bytes()).hexdigest()}  {deb.name}"]  # sorted by name
    checked = _run("sha256sum", "-c", "SHA256SUMS", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count(": OK") == 2
    assert _run(sys.executable, ROOT / "tools" / "checksums.py", "--check", "SHA256SUMS",
                cwd=tmp_path).returncode == 0

    data = bytearray(deb.read_bytes())
    data[123_456] ^= 0x01
    deb.write_bytes(bytes(data))
    checked = _run("sha256sum", "-c", "SHA256SUMS", cwd=tmp_path)
    assert checked.returncode != 0
    assert f"{deb.name}: FAILED" in checked.stdout and f"{cdx.name}: OK" in checked.stdout
    own = _run(sys.executable, ROOT / "tools" / "checksums.py", "--check", tmp_path / "SHA256SUMS")
    assert own.returncode == 1 and deb.name in own.stderr


def test_checksums_refuses_a_file_outside_the_folder_of_sha256sums(tmp_path: Path) -> None:
    (tmp_path / "dist").mkdir()
    outside = tmp_path / "elsewhere.deb"
    outside.write_bytes(b"x")
    done = _run(sys.executable, ROOT / "tools" / "checksums.py", "-o", tmp_path / "dist" / "SHA256SUMS",
                outside)
    assert done.returncode == 1 and "not inside" in done.stderr
    assert not (tmp_path / "dist" / "SHA256SUMS").exists()
