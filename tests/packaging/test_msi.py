"""The WiX source builds an MSI with Debian's wixl from a stand-in payload; msiinfo shows what it carries.

The real MSI is built from the same .wxs with WiX v3 on a Windows runner (.github/workflows/release.yml);
this test checks the parts an IT department relies on: the fixed UpgradeCode with MajorUpgrade, per-machine
installation, the Start-menu shortcut to the windowed executable and the POLICYFILE copy.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WXS = ROOT / "packaging" / "windows" / "vitaalthuis.wxs"
UPGRADE_CODE = "{6F1A3C52-9B0E-4C7D-8E21-5A4D3B2C1F09}"

pytestmark = pytest.mark.skipif(
    shutil.which("wixl") is None or shutil.which("msiinfo") is None or shutil.which("wixl-heat") is None,
    reason="wixl/msiinfo not installed (Debian: apt-get install wixl msitools); .ci/run installs them",
)


def table(msi: Path, name: str) -> list[dict[str, str]]:
    """An MSI table as rows of column → value (msiinfo export: header, types, table name, rows)."""
    text = subprocess.run(["msiinfo", "export", str(msi), name], capture_output=True, text=True,
                          check=True).stdout
    lines = text.splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[3:] if line]


@pytest.fixture(scope="module")
def msi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("msi")
    payload = work / "payload"
    (payload / "_internal" / "vitaalthuis" / "resources").mkdir(parents=True)
    for name in ("vitaalthuis.exe", "vitaalthuis-gui.exe"):
        (payload / name).write_bytes(b"MZ stand-in for " + name.encode())
    (payload / "_internal" / "python311.dll").write_bytes(b"stand-in")
    (payload / "_internal" / "vitaalthuis" / "resources" / "tips-v1.json").write_text("{}", encoding="utf-8")
    files = "\n".join(sorted(p.relative_to(work).as_posix() for p in payload.rglob("*") if p.is_file()))
    harvest = subprocess.run(
        ["wixl-heat", "-p", "payload/", "--component-group", "AppFiles", "--directory-ref", "INSTALLDIR",
         "--var", "var.SourceDir"], input=files + "\n", capture_output=True, text=True, check=True, cwd=work)
    (work / "appfiles.wxs").write_text(harvest.stdout, encoding="utf-8")
    out = work / "VitaalThuis.msi"
    subprocess.run(["wixl", "-a", "x64", "-D", "SourceDir=payload", "-D", "Version=1.2.3", "-o", str(out),
                    str(WXS), "appfiles.wxs"], capture_output=True, text=True, check=True, cwd=work)
    return out


def test_fixed_upgrade_code_and_major_upgrade(msi: Path) -> None:
    props = {row["Property"]: row["Value"] for row in table(msi, "Property")}
    assert props["UpgradeCode"] == UPGRADE_CODE
    assert props["ProductVersion"] == "1.2.3" and props["ProductName"] == "VitaalThuis"
    upgrades = table(msi, "Upgrade")
    assert {row["UpgradeCode"] for row in upgrades} == {UPGRADE_CODE}
    assert {row["ActionProperty"] for row in upgrades} >= {"WIX_UPGRADE_DETECTED", "WIX_DOWNGRADE_DETECTED"}
    sequence = {row["Action"] for row in table(msi, "InstallExecuteSequence")}
    assert "RemoveExistingProducts" in sequence


def test_per_machine(msi: Path) -> None:
    props = {row["Property"]: row["Value"] for row in table(msi, "Property")}
    assert props["ALLUSERS"] == "1"
    dirs = {row["Directory"]: row for row in table(msi, "Directory")}
    assert dirs["INSTALLDIR"]["Directory_Parent"] == "ProgramFiles64Folder"


def test_start_menu_shortcut_to_the_windowed_executable(msi: Path) -> None:
    (shortcut,) = table(msi, "Shortcut")
    assert shortcut["Directory_"] == "ProgramMenuFolder" and shortcut["Name"] == "VitaalThuis"
    assert shortcut["Target"] == "[INSTALLDIR]vitaalthuis-gui.exe"
    names = {row["FileName"].split("|")[-1] for row in table(msi, "File")}
    assert {"vitaalthuis.exe", "vitaalthuis-gui.exe", "tips-v1.json"} <= names


def test_policyfile_is_copied_to_programdata(msi: Path) -> None:
    actions = {row["Action"]: row for row in table(msi, "CustomAction")}
    copy = actions["CopyPolicyFile"]
    assert copy["Target"] == '/d /c copy /y "[POLICYFILE]" "[POLICYDIR]policy.toml"'
    kind = int(copy["Type"])
    assert kind & 0x3F == 50  # an executable named by a property (cmd.exe)
    assert kind & 0x400 and kind & 0x800  # deferred, as LocalSystem (writes to ProgramData)
    assert kind & 0x40 == 0  # a failed copy fails the installation
    assert actions["SetCmdPath"]["Target"] == "[SystemFolder]cmd.exe"
    sequence = {row["Action"]: row for row in table(msi, "InstallExecuteSequence")}
    assert sequence["CopyPolicyFile"]["Condition"] == "POLICYFILE AND NOT REMOVE"
    assert int(sequence["CopyPolicyFile"]["Sequence"]) > int(sequence["InstallFiles"]["Sequence"])
    assert int(sequence["SetCmdPath"]["Sequence"]) < int(sequence["InstallInitialize"]["Sequence"])
    dirs = {row["Directory"]: row for row in table(msi, "Directory")}
    assert dirs["POLICYDIR"]["Directory_Parent"] == "CommonAppDataFolder"
    assert dirs["POLICYDIR"]["DefaultDir"].split("|")[-1] == "VitaalThuis"
    assert {row["Directory_"] for row in table(msi, "CreateFolder")} == {"POLICYDIR"}


def test_wxs_declares_policyfile_public_and_secure() -> None:
    # wixl ignores Secure="yes"; WiX v3 turns it into SecureCustomProperties for the real MSI.
    assert '<Property Id="POLICYFILE" Secure="yes"/>' in WXS.read_text(encoding="utf-8")
