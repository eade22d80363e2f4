#!/usr/bin/env bash
# Build the .deb, check dist/SHA256SUMS and the SBOM, install the .deb with dpkg -i, run the installed app
# (--version, --smoke-test) from the installed location, check that its bundled metadata (what the About window
# lists) matches the SBOM, check the desktop integration, then remove it again. Needs root (CI runs as root).
#
#   bash packaging/linux/package_test.sh      # or: make package-test
#   SKIP_BUILD=1 bash packaging/linux/package_test.sh   # test the .deb already in dist/
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
APP_ID=nl.vitaalthuis.VitaalThuis
[ "$(id -u)" = 0 ] || { echo "package_test.sh installs a .deb: run it as root" >&2; exit 2; }
start=$(date +%s)

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  bash packaging/linux/build_deb.sh
fi
DEB="$(ls -t dist/vitaalthuis_*.deb | head -1)"
SBOM="dist/vitaalthuis-$(dpkg-deb -f "$DEB" Version).cdx.json"

echo "== checksums and SBOM"
(cd dist && sha256sum -c SHA256SUMS)
for listed in "$DEB" "$SBOM"; do
  grep -q "^[0-9a-f]\{64\}  $(basename "$listed")\$" dist/SHA256SUMS \
    || { echo "dist/SHA256SUMS does not list $listed" >&2; exit 1; }
done

echo "== installing $DEB"
if dpkg -s vitaalthuis >/dev/null 2>&1; then dpkg -r vitaalthuis >/dev/null; fi
if ! dpkg -i "$DEB"; then
  # Depends not installed yet (a bare CI machine): let apt fetch them, which also configures the package.
  apt-get install -y -qq -f --no-install-recommends
fi
dpkg -s vitaalthuis | grep -q '^Status: install ok installed' || { echo "vitaalthuis is not installed" >&2; exit 1; }

cleanup() { dpkg -r vitaalthuis >/dev/null 2>&1 || true; rm -rf "$WORK"; }
WORK="$(mktemp -d)"
trap cleanup EXIT

echo "== running the installed app"
test "$(readlink -f /usr/bin/vitaalthuis)" = /opt/vitaalthuis/vitaalthuis
# A clean environment: no checkout, no venv, a fresh HOME, no display (offscreen Qt).
run() {
  (cd "$WORK" && env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
     XDG_RUNTIME_DIR="$WORK/run" "$@")
}
mkdir -p "$WORK/home" "$WORK/run" && chmod 0700 "$WORK/run"
run vitaalthuis --version
run vitaalthuis-gui --version
run vitaalthuis --smoke-test
# The smoke test never touches the user's data folder.
test ! -e "$WORK/home/.local/share/VitaalThuis" || { echo "the smoke test wrote to the user's data folder" >&2; exit 1; }

echo "== licence metadata of the installed app against the SBOM"
# The About window reads the installed folder's *.dist-info (vitaalthuis.licences); read them the same way.
"$PY" - "$SBOM" /opt/vitaalthuis/_internal <<'EOF'
import json
import sys

sys.path.insert(0, "src")
from vitaalthuis.licences import runtime_licences

with open(sys.argv[1], encoding="utf-8") as stream:
    sbom = json.load(stream)
if (sbom.get("bomFormat"), sbom.get("specVersion")) != ("CycloneDX", "1.5"):
    sys.exit(f"{sys.argv[1]} is not a CycloneDX 1.5 SBOM")
listed = {(c["name"], c["version"]) for c in sbom["components"]}
bundled = {(r.name, r.version) for r in runtime_licences(path=[sys.argv[2]], fallback=False)}
if listed != bundled:
    sys.exit(f"the SBOM and the installed app differ: only in the SBOM {sorted(listed - bundled)}, "
             f"only in the app {sorted(bundled - listed)}")
print(f"{len(listed)} components, the same in the SBOM and in the installed app's metadata")
EOF

echo "== desktop integration"
test -f "/usr/share/applications/$APP_ID.desktop"
test -f "/usr/share/metainfo/$APP_ID.metainfo.xml"
test -f "/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "/usr/share/applications/$APP_ID.desktop"; fi
if command -v appstreamcli >/dev/null; then appstreamcli validate --no-net "/usr/share/metainfo/$APP_ID.metainfo.xml" >/dev/null; fi

echo "== removing"
dpkg -r vitaalthuis >/dev/null
test ! -e /opt/vitaalthuis && test ! -e /usr/bin/vitaalthuis || { echo "dpkg -r left files behind" >&2; exit 1; }
echo "package test passed in $(( $(date +%s) - start )) s"
