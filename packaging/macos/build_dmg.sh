#!/usr/bin/env bash
# macOS: freeze (dist/VitaalThuis.app, bundle id nl.vitaalthuis.VitaalThuis, from the same spec), sign when an
# identity is given, smoke-test, and wrap it in a compressed .dmg with an /Applications link.
#
#   bash packaging/macos/build_dmg.sh                 # unsigned (local builds, CI without secrets)
#   MACOS_CODESIGN_IDENTITY="Developer ID Application: …" bash packaging/macos/build_dmg.sh
# Notarisation (xcrun notarytool submit … --wait; xcrun stapler staple) is done by the release workflow.
#
# Beside the dmg: dist/vitaalthuis-<version>-macos-<arch>.cdx.json (CycloneDX SBOM of the bundled
# distributions, from the environment that froze the app) and dist/SHA256SUMS of both files (check:
# cd dist && shasum -a 256 -c SHA256SUMS). Stapling changes the dmg: the release workflow writes the sums again.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
VERSION="$("$PY" -c 'import sys; sys.path.insert(0, "src"); import vitaalthuis; print(vitaalthuis.__version__)')"
ARCH="$(uname -m)"
APP="dist/VitaalThuis.app"
DMG="dist/VitaalThuis-${VERSION}-${ARCH}.dmg"

if [ "${SKIP_FREEZE:-0}" != 1 ]; then
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/pyinstaller/vitaalthuis.spec
fi
test -d "$APP" || { echo "no $APP" >&2; exit 1; }
if [ -n "${MACOS_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp \
    --entitlements packaging/macos/entitlements.plist --sign "$MACOS_CODESIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict "$APP"
fi
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/vitaalthuis" --smoke-test

STAGE="build/dmg"
rm -rf "$STAGE" "$DMG"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "VitaalThuis" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
if [ -n "${MACOS_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_CODESIGN_IDENTITY" "$DMG"
fi
echo "built $DMG"

SBOM="dist/vitaalthuis-${VERSION}-macos-${ARCH}.cdx.json"
"$PY" tools/sbom.py --output "$SBOM"
"$PY" tools/checksums.py --output dist/SHA256SUMS "$DMG" "$SBOM"
