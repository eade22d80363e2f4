"""resources/ is found at run time through importlib.resources: in the editable install and in a wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from vitaalthuis.resources import ResourceMissingError, read_text, resource, resource_root

ROOT = Path(__file__).resolve().parents[2]


def test_editable_install_finds_the_checkout_resources() -> None:
    root = resource_root()
    assert Path(str(root)) == ROOT / "resources"
    assert "<TS" in read_text("i18n", "vitaalthuis_nl.ts")


def test_missing_resource_is_a_clear_error() -> None:
    with pytest.raises(ResourceMissingError, match=r"no/such\.file"):
        resource("no", "such.file")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out),
         str(ROOT)], check=True, capture_output=True)
    (built,) = out.glob("vitaalthuis-*.whl")
    return built


@pytest.mark.slow
def test_wheel_ships_resources_and_migrations_inside_the_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "vitaalthuis/resources/i18n/vitaalthuis_nl.ts" in names
    assert "vitaalthuis/storage/migrations/env.py" in names
    assert "vitaalthuis/storage/migrations/script.py.mako" in names
    assert "vitaalthuis/storage/migrations/versions/0001_initial.py" in names
    assert not any(n.startswith("resources/") for n in names)


@pytest.mark.slow
def test_installed_wheel_finds_resources_through_importlib(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import vitaalthuis, vitaalthuis.resources as r;"
        "print(vitaalthuis.__file__); print(r.resource_root()); "
        "print(len(r.read_text('i18n', 'vitaalthuis_nl.ts')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}, cwd=tmp_path)
    module_file, root, length = out.stdout.split("\n")[:3]
    assert module_file.startswith(str(site))
    assert root == str(site / "vitaalthuis" / "resources")
    assert int(length) > 1000
