"""Write a CycloneDX 1.5 SBOM (JSON) of the app and its runtime closure, as installed in this environment.

    python tools/sbom.py --output dist/vitaalthuis-<version>.cdx.json

Run it with the Python that froze the build (packaging/linux/build_deb.sh and packaging/macos/build_dmg.sh do,
and the release workflow for the MSI): the components are the distributions of vitaalthuis.licences'
runtime closure, which is also what the frozen build carries and the About window lists. Standard library
only. The timestamp follows SOURCE_DATE_EPOCH when that is set; the serial number is a new random UUID each
time, as CycloneDX asks for every new BOM.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import re
import sys
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vitaalthuis import __version__  # noqa: E402
from vitaalthuis.licences import (  # noqa: E402
    APP,
    LicenceRecord,
    licence_of,
    normalise,
    required_name,
    runtime_licences,
)

SPEC_VERSION = "1.5"
APP_LICENCE = "EUPL-1.2"  # pyproject.toml, [project].license

# An SPDX licence id as it looks (not checked against the SPDX list): letters, digits, dots and hyphens,
# optionally "+". A bare word without a digit or a hyphen is accepted only when it is one of these ids, so
# that a name such as "BSD" or "Apache" is not passed off as an id.
_SPDX_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9.-]*\+?")
_SPDX_WORDS = frozenset({"MIT", "ISC", "Zlib", "Unlicense", "NCSA", "X11", "WTFPL", "PostgreSQL", "curl",
                         "libpng", "Beerware", "Vim", "Ruby", "TCL", "JSON", "NTP", "HPND", "FTL"})
_OPERATORS = frozenset({"AND", "OR", "WITH"})


def spdx_id(text: str) -> bool:
    """Whether ``text`` looks like one SPDX licence id (LicenseRef-… is an expression, not an id)."""
    if not _SPDX_ID.fullmatch(text) or text.startswith(("LicenseRef-", "DocumentRef-")):
        return False
    return bool(re.search(r"[0-9-]", text)) or text in _SPDX_WORDS


def spdx_expression(text: str) -> bool:
    """Whether ``text`` looks like a compound SPDX expression: ids joined by AND, OR, WITH, with brackets."""
    tokens = re.findall(r"\(|\)|[^\s()]+", text)
    if not tokens or not _OPERATORS & set(tokens):
        return False
    depth, expect_id = 0, True
    for token in tokens:
        if token == "(":
            if not expect_id:
                return False
            depth += 1
        elif token == ")":
            depth -= 1
            if depth < 0 or expect_id:
                return False
        elif token in _OPERATORS:
            if expect_id:
                return False
            expect_id = True
        else:
            if not expect_id or not (spdx_id(token) or re.fullmatch(r"LicenseRef-[A-Za-z0-9.-]+", token)):
                return False
            expect_id = False
    return depth == 0 and not expect_id


def licenses(licence: str) -> list[dict[str, Any]]:
    """CycloneDX ``licenses``: an SPDX id, an SPDX expression, or else the licence's name as stated."""
    if spdx_id(licence):
        return [{"license": {"id": licence}}]
    if spdx_expression(licence):
        return [{"expression": licence}]
    return [{"license": {"name": licence}}]


def purl(name: str, version: str) -> str:
    """The package URL of a Python distribution: pkg:pypi/<normalised name>@<version>."""
    return f"pkg:pypi/{normalise(name)}@{quote(version, safe='.-_~!')}"


def component(record: LicenceRecord) -> dict[str, Any]:
    ref = purl(record.name, record.version)
    entry: dict[str, Any] = {
        "type": "library",
        "bom-ref": ref,
        "name": record.name,
        "version": record.version,
        "purl": ref,
        "licenses": licenses(record.licence),
    }
    if record.homepage:
        entry["externalReferences"] = [{"type": "website", "url": record.homepage}]
    return entry


def timestamp() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch
              else dt.datetime.now(dt.UTC).replace(microsecond=0))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def bom() -> dict[str, Any]:
    """The SBOM as a dict. Fails (PackageNotFoundError) when the app's own metadata is missing: a release
    SBOM must describe what is installed, not the fallback list the About window would show."""
    records = runtime_licences(fallback=False)
    app = importlib.metadata.distribution(APP)
    direct = {name for req in app.requires or [] if (name := required_name(req))}
    app_ref = purl(APP, __version__)
    app_licence = licence_of(app.metadata)
    return {
        "$schema": "http://cyclonedx.org/schema/bom-1.5.schema.json",
        "bomFormat": "CycloneDX",
        "specVersion": SPEC_VERSION,
        "serialNumber": uuid.uuid4().urn,
        "version": 1,
        "metadata": {
            "timestamp": timestamp(),
            "tools": {"components": [{"type": "application", "name": "tools/sbom.py",
                                      "version": __version__}]},
            "component": {
                "type": "application",
                "bom-ref": app_ref,
                "name": APP,
                "version": __version__,
                "purl": app_ref,
                "licenses": licenses(app_licence if app_licence != "unknown" else APP_LICENCE),
            },
        },
        "components": [component(record) for record in records],
        "dependencies": [
            {"ref": app_ref, "dependsOn": [purl(r.name, r.version) for r in records if r.key in direct]},
            *[{"ref": purl(r.name, r.version),
               "dependsOn": [purl(d.name, d.version) for d in records if d.key in r.requires]}
              for r in records],
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", "-o", type=Path, required=True, help="the .cdx.json file to write")
    args = parser.parse_args(argv)
    try:
        document = bom()
    except importlib.metadata.PackageNotFoundError as error:
        print(f"sbom.py: no installed metadata of {error}: install the project first (pip install -e .)",
              file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"sbom.py: {args.output} ({len(document['components'])} components)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
