#!/usr/bin/env bash
# Builds the standalone one-folder app (dist/nap-briefing/) with PyInstaller and runs its smoke test.
#
#   packaging/build.sh                 # fresh build venv in build/venv (needs python3 >= 3.11 + network once)
#   PYTHON=/path/to/venv/bin/python packaging/build.sh   # use an existing environment instead
#   packaging/build.sh --no-smoke      # build only
#   DIST_DIR=/tmp/dist BUILD_DIR=/tmp/build packaging/build.sh   # elsewhere than dist/ and build/
#
# Prints the build time, the unpacked size (budget: 250 MB) and the smoke test's output.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
SMOKE=1
for arg in "$@"; do
  case "$arg" in
    --no-smoke) SMOKE=0 ;;
    *) echo "usage: packaging/build.sh [--no-smoke]" >&2; exit 2 ;;
  esac
done

if [[ -z "${PYTHON:-}" ]]; then
  if [[ ! -x build/venv/bin/python ]]; then
    python3 -m venv build/venv
  fi
  PYTHON="$REPO/build/venv/bin/python"
  # The app's dependencies + PyInstaller (the [build] extra); the spec builds from this source tree.
  "$PYTHON" -m pip install --quiet --upgrade pip
  "$PYTHON" -m pip install --quiet ".[build]"
fi
"$PYTHON" -c "import PyInstaller, PySide6, pptx, xlsxwriter, pyqtgraph, openpyxl, PIL" || {
  echo "build.sh: $PYTHON lacks PyInstaller or an app dependency: pip install '.[build]'" >&2; exit 1; }

DIST="${DIST_DIR:-$REPO/dist}"
WORK="${BUILD_DIR:-$REPO/build}/pyinstaller"
start=$(date +%s.%N)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" packaging/nap-briefing.spec
end=$(date +%s.%N)
APP="$DIST/nap-briefing"

# A Python built with debug info (pyenv, custom builds) ships an 18 MB heavier libpython: drop only
# the debug sections (symbols stay). Wheels' libraries are already stripped and are left alone.
if [[ "$(uname -s)" == Linux ]] && command -v strip >/dev/null; then
  for lib in "$APP"/_internal/libpython3*.so*; do
    [[ -f "$lib" && ! -L "$lib" ]] && strip --strip-debug "$lib"
  done
fi

# Linux desktop integration travels with the folder: install with packaging/README.md's steps.
cp packaging/nap-briefing.desktop packaging/nap-briefing.png packaging/nap-briefing-mime.xml "$APP/"

size_mb=$(du -sm "$APP" | cut -f1)
echo "build: $(awk "BEGIN{printf \"%.0f\", $end-$start}") s with $("$PYTHON" -m PyInstaller --version) " \
     "($(nproc 2>/dev/null || echo ?) CPU)"
echo "size: ${size_mb} MB unpacked in $APP (budget 250 MB), $(find "$APP" -type f | wc -l) files"
if (( size_mb >= 250 )); then
  echo "build.sh: over the 250 MB budget" >&2
  exit 1
fi

if (( SMOKE )); then
  "$PYTHON" packaging/smoke_test.py "$APP"
fi
