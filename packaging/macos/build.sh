#!/usr/bin/env bash
# macOS build of NAP Briefing: dist/NAP Briefing.app (and dist/nap-briefing/), from the repository root.
#   packaging/macos/build.sh [--no-smoke]
# Creates build/venv, installs the app with PyInstaller (pip install ".[build]"), builds with
# packaging/nap-briefing-macos.spec, signs the bundle ad hoc (Gatekeeper still asks on first open unless
# it is signed with a Developer ID and notarised: CODESIGN_IDENTITY=... and notarytool, see README),
# registers it with Launch Services so .napbrief opens in it, checks the size budget and runs the smoke test.
# NOT RUN HERE: written on Linux; see packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON="${PYTHON:-}"
if [[ -z "$PYTHON" ]]; then
    [[ -x build/venv/bin/python ]] || python3 -m venv build/venv
    PYTHON=build/venv/bin/python
    "$PYTHON" -m pip install --upgrade pip
    "$PYTHON" -m pip install ".[build]"
fi
start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean packaging/nap-briefing-macos.spec
echo "build: $(( $(date +%s) - start )) s"
app="dist/NAP Briefing.app"
codesign --force --deep --sign "${CODESIGN_IDENTITY:--}" "$app"
/System/Library/Frameworks/CoreServices.framework/Frameworks/LaunchServices.framework/Support/lsregister -f "$app" || true
size=$(du -sm "$app" | cut -f1)
echo "size: ${size} MB unpacked in $app (budget 250 MB)"
(( size <= 250 )) || { echo "over the 250 MB budget" >&2; exit 1; }
if [[ "${1:-}" != "--no-smoke" ]]; then
    "$PYTHON" packaging/smoke_test.py "$app/Contents/MacOS" --exe nap-briefing
fi
