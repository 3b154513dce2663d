"""The standalone build: packaging/build.sh builds the one-folder app and its smoke test passes.

Slow (about 30 s to build + 5 s to smoke-test on a 2-core machine) and needs PyInstaller (the
[build] extra), so it is marked `slow` and skipped where PyInstaller is not installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="build.sh is the Linux/macOS build; smoke-tested on Linux"),
]


def test_build_sh_builds_an_app_that_passes_its_smoke_test(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="the [build] extra (PyInstaller) is not installed")
    env = dict(os.environ, PYTHON=sys.executable, DIST_DIR=str(tmp_path / "dist"), BUILD_DIR=str(tmp_path / "build"))
    proc = subprocess.run(["bash", str(REPO / "packaging" / "build.sh")], cwd=REPO, env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=900)
    assert proc.returncode == 0, proc.stdout[-6000:]
    out = proc.stdout
    assert "smoke test: PASSED" in out, out[-6000:]
    size_line = next(line for line in out.splitlines() if line.startswith("size: "))
    assert int(size_line.split()[1]) < 250, size_line
    app = tmp_path / "dist" / "nap-briefing"
    assert (app / "_internal" / "data" / "catalog.toml").is_file()
    assert (app / "_internal" / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    # the one compiled Spanish catalogue, without its .ts source
    assert sorted(p.name for p in (app / "_internal" / "resources" / "i18n").iterdir()) == ["nap_es.qm"]
    # Qt modules the app does not use stay out of the build.
    qt_libs = {p.name for p in (app / "_internal" / "PySide6" / "Qt" / "lib").iterdir()}
    for unused in ("libQt6WebEngineCore.so.6", "libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6Multimedia.so.6",
                   "libQt63DCore.so.6"):
        assert unused not in qt_libs
