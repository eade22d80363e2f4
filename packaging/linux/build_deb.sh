#!/usr/bin/env bash
# Build the frozen folder (PyInstaller, one folder) and a .deb that installs it to /opt/vitaalthuis.
#
#   bash packaging/linux/build_deb.sh            # freeze, then package: dist/vitaalthuis_<version>_<arch>.deb
#   SKIP_FREEZE=1 bash packaging/linux/build_deb.sh   # package an existing dist/vitaalthuis
#
# Beside the .deb: dist/vitaalthuis-<version>.cdx.json (CycloneDX SBOM of the bundled distributions, from the
# environment that froze the folder) and dist/SHA256SUMS of both files (check: cd dist && sha256sum -c SHA256SUMS).
#
# Needs: .venv with the 'package' extra (pip install -e '.[package]'), built translations (make translations),
# dpkg-deb, readelf and strip (binutils). No root needed: --root-owner-group makes every file root's.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
APP_ID=nl.vitaalthuis.VitaalThuis
VERSION="$("$PY" -c 'import sys; sys.path.insert(0, "src"); import vitaalthuis; print(vitaalthuis.__version__)')"
ARCH="$(dpkg --print-architecture)"
DIST="$ROOT/dist"
FOLDER="$DIST/vitaalthuis"
STAGE="$ROOT/build/deb/vitaalthuis_${VERSION}_${ARCH}"
DEB="$DIST/vitaalthuis_${VERSION}_${ARCH}.deb"

if [ "${SKIP_FREEZE:-0}" != 1 ]; then
  ls resources/i18n/*.qm >/dev/null 2>&1 || { echo "no .qm files: run 'make translations' first" >&2; exit 1; }
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$DIST" --workpath "$ROOT/build/pyinstaller" \
    packaging/pyinstaller/vitaalthuis.spec
fi
test -x "$FOLDER/vitaalthuis" || { echo "no frozen folder at $FOLDER" >&2; exit 1; }

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" "$STAGE/usr/share/metainfo" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/doc/vitaalthuis"
cp -a "$FOLDER" "$STAGE/opt/vitaalthuis"
# The bootloader finds its _internal folder through /proc/self/exe, so plain symbolic links work.
ln -s /opt/vitaalthuis/vitaalthuis "$STAGE/usr/bin/vitaalthuis"
ln -s /opt/vitaalthuis/vitaalthuis-gui "$STAGE/usr/bin/vitaalthuis-gui"
install -m 0644 "packaging/linux/$APP_ID.desktop" "$STAGE/usr/share/applications/"
install -m 0644 "packaging/linux/$APP_ID.metainfo.xml" "$STAGE/usr/share/metainfo/"
install -m 0644 "resources/icons/$APP_ID.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/"
install -m 0644 packaging/policy-example.toml "$STAGE/usr/share/doc/vitaalthuis/policy-example.toml"
cat > "$STAGE/usr/share/doc/vitaalthuis/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: VitaalThuis
Files: *
Copyright: VitaalThuis developers
License: EUPL-1.2
Comment: /opt/vitaalthuis also holds Python, Qt (LGPL-3), matplotlib, numpy, SQLAlchemy, alembic and
 their dependencies under their own licences; the About window of the app lists them.
EOF
find "$STAGE" -type d -exec chmod 0755 {} +

# Depends: glibc of the build machine (the oldest the folder runs on), what the folder takes from the system
# (packaging/linux/system-libs.txt) and what Qt loads at run time (docs/development.md, Packaging notes).
GLIBC="$(getconf GNU_LIBC_VERSION | awk '{print $2}')"
SYSTEM_PKGS="$(grep -v '^#' packaging/linux/system-libs.txt | awk 'NF { $1 = ""; sub(/^ /, ""); print }' | sort -u | paste -sd, - | sed 's/,/, /g')"
DEPENDS="libc6 (>= $GLIBC), $SYSTEM_PKGS, libegl1, libgl1, fontconfig-config, fonts-dejavu-core"
SIZE_KB="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
cat > "$STAGE/DEBIAN/control" <<EOF
Package: vitaalthuis
Version: $VERSION
Architecture: $ARCH
Maintainer: VitaalThuis developers <noreply@vitaalthuis.invalid>
Installed-Size: $SIZE_KB
Depends: $DEPENDS
Recommends: libwayland-client0, libwayland-cursor0, xdg-desktop-portal
Section: utils
Priority: optional
Description: weekly well-being check-in for people who work from home
 VitaalThuis asks a few short questions once a week (mood, loneliness, health, arm/neck/shoulder
 complaints, work-private balance) and shows how the answers change over time, next to national
 figures, with practical tips. Answers are stored only on the user's own computer; nothing is sent
 anywhere, so an employer that deploys the app cannot see any answers.
 .
 An organisation policy (/etc/xdg/VitaalThuis/policy.toml) can set the organisation's name, contacts,
 tips and default settings; see /usr/share/doc/vitaalthuis/policy-example.toml.
EOF

mkdir -p "$DIST"
dpkg-deb --root-owner-group -Zgzip --build "$STAGE" "$DEB" >/dev/null
echo "built $DEB ($(du -h "$DEB" | cut -f1); folder $(du -sh "$FOLDER" | cut -f1); needs glibc >= $GLIBC)"

SBOM="$DIST/vitaalthuis-${VERSION}.cdx.json"
"$PY" tools/sbom.py --output "$SBOM"
"$PY" tools/checksums.py --output "$DIST/SHA256SUMS" "$DEB" "$SBOM"
